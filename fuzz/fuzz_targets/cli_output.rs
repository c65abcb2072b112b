//! The command line end to end, on the built-in data: arguments that parse give an answer or
//! an error, never a panic, and every answer is written through the tool's own file writer
//! (temporary file, sync, rename) and read back whole. Arguments that read files or name an
//! output file are left out (the target picks the file), and so are the tables and the page,
//! as in `cli_args`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/bin/alliance-graph/main.rs"]
mod cli;
mod safe_args;

/// Writes `text` as `-o` would and checks that the file holds it, byte for byte.
fn written_back(text: &str) {
    let dir = std::env::temp_dir().join(format!("alliance-graph-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("answer.out");
    cli::output::write_file(&path, text.as_bytes()).expect("the answer is written");
    assert_eq!(std::fs::read(&path).expect("read back"), text.as_bytes());
}

fuzz_target!(|data: &[u8]| {
    let Some(args) = safe_args::safe_args(data) else {
        return;
    };
    use clap::Parser;
    let Ok(parsed) = cli::Cli::try_parse_from(std::iter::once("alliance-graph").chain(args)) else {
        return;
    };
    match cli::run(&parsed) {
        Ok(cli::Output::Report { text, json }) => {
            written_back(&text);
            written_back(&cli::pretty(&json));
        }
        Ok(cli::Output::Content { content, .. }) => written_back(&content),
        _ => {}
    }
});

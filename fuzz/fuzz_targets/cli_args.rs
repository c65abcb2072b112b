//! The command line's path from arguments to a query, on the built-in dataset: arguments that
//! parse must give an answer or an error, never a panic. Arguments that read or write files
//! (`--data`, `--atop`, `--weights`, `check`, `-o`) are left out, so the fuzzer touches no
//! file, and so are the tables (`table`: hundreds of megabytes to standard output) and the
//! interactive page (`html`: every year of two centuries, seconds per input); both are tested
//! end to end in `tests/suite/cli.rs` and the page in `tests/browser`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/bin/alliance-graph/main.rs"]
mod cli;
mod safe_args;

fuzz_target!(|data: &[u8]| {
    let Some(args) = safe_args::safe_args(data) else {
        return;
    };
    use clap::Parser;
    if let Ok(parsed) = cli::Cli::try_parse_from(std::iter::once("alliance-graph").chain(args)) {
        let _ = cli::run(&parsed);
    }
});

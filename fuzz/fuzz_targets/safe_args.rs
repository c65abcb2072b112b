//! The arguments the CLI targets run: up to ten, one per line of the input, none that reads or
//! writes a file (`--data`, `--atop`, `--weights`, `check`, `-o`) and none that makes the
//! tables or the page (hundreds of megabytes, or seconds per input).

/// The input's arguments, or `None` when it is not UTF-8 or asks for what the targets leave
/// out.
pub fn safe_args(data: &[u8]) -> Option<Vec<&str>> {
    let text = std::str::from_utf8(data).ok()?;
    let args: Vec<&str> = text.split('\n').take(10).collect();
    let left_out = args.iter().any(|a| {
        [
            "--data",
            "--atop",
            "--weights",
            "check",
            "table",
            "-o",
            "--output",
        ]
        .iter()
        .any(|f| a.starts_with(f))
            || (a.starts_with('-') && !a.starts_with("--") && a.contains('o'))
            || a.contains("html")
    });
    (!left_out).then_some(args)
}

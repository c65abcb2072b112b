//! The examples run end to end, as a user would run them.

use std::process::Command;

fn run_example(name: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn asian_nato_example_answers_the_articles_questions() {
    let out = run_example("asian_nato", &[]);
    for needle in [
        "Japan's allies, and why:",
        "USA owes JPN defense under Treaty of Mutual Cooperation and Security",
        "No: neither owes the other defense.",
        "They share QUAD",
        "JPN -> USA",
        "USA -> GBR",
        "hedged by USA",
        "[the source calls it refusal]",
        "hedge -> proposal",
        "It is too early to talk about collective security",
        "refused by IND",
        "invited, silent so far: FRA",
        "today: USA",
        "formed as a collective-defense alliance: GBR, IND, USA",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
}

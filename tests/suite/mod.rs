#[cfg(feature = "atop")]
mod atop;
#[cfg(feature = "cli")]
mod cli;
mod concurrency;
mod conflict;
mod errors;
mod examples;
mod export;
mod load;
#[cfg(feature = "json")]
mod map;
mod measures;
mod oracle;
mod props;
mod query;
mod resolve;
mod scenario;
mod stances;
#[cfg(feature = "synthetic")]
mod synthetic;
mod validate;
#[cfg(feature = "atop")]
mod world;

use alliance_graph::{AllianceGraph, PartialDate};

/// The built-in dataset.
pub fn builtin() -> AllianceGraph {
    alliance_graph::datasets::asian_nato()
}

/// The real data in `../shared/data/` (beside the checkout), or `None` after saying that the
/// test that needed it did not run. The message goes straight to the terminal, past the test
/// harness's capture, so that a skip is seen; with `CI` set a missing file fails the test.
pub fn shared_data(relative: &str) -> Option<std::path::PathBuf> {
    use std::io::Write as _;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing and CI is set: real-data tests must not be skipped",
        path.display()
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {} not found (a real-data test did not run)",
        path.display()
    );
    None
}

/// A date from text, for tests.
pub fn date(s: &str) -> PartialDate {
    s.parse().expect("a valid test date")
}

/// The ids of a list of countries, as strings.
pub fn ids<'a>(it: impl IntoIterator<Item = &'a alliance_graph::CountryId>) -> Vec<String> {
    it.into_iter().map(|c| c.to_string()).collect()
}

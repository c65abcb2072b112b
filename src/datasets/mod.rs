//! Built-in datasets, embedded in the crate.
//!
//! - [`asian_nato`]: the September 2024 "Asian NATO" proposal, the stances taken on it as one
//!   news article reports them, and the real treaties, groupings and nuclear arsenals the
//!   story rests on, each with its own source. Its provenance, source by source, is in
//!   `src/datasets/asian_nato.md`.
//!
//! ```
//! use alliance_graph::datasets;
//!
//! assert_eq!(datasets::available(), ["asian-nato"]);
//! let graph = datasets::get("asian-nato").expect("built in");
//! assert_eq!(graph, datasets::asian_nato());
//! ```

use std::sync::OnceLock;

use crate::AllianceGraph;

const ASIAN_NATO: &str = include_str!("asian_nato.json");

/// The names [`get`] accepts.
pub fn available() -> &'static [&'static str] {
    &["asian-nato"]
}

/// A built-in dataset by name.
pub fn get(name: &str) -> Option<AllianceGraph> {
    match name {
        "asian-nato" => Some(asian_nato()),
        _ => None,
    }
}

/// The Asian NATO dataset (see the [module docs](self)).
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// assert!(graph.grouping(&"asian-nato".parse()?).is_some());
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub fn asian_nato() -> AllianceGraph {
    static GRAPH: OnceLock<AllianceGraph> = OnceLock::new();
    GRAPH
        .get_or_init(|| {
            // The embedded file is checked by the crate's tests; failing here is a build defect.
            crate::io::json::from_str(ASIAN_NATO)
                .unwrap_or_else(|e| panic!("the built-in asian-nato dataset is invalid: {e}"))
        })
        .clone()
}

/// Dates of year, month and day precision across the built-in dataset's history, for the
/// tests that compare two ways of answering on it.
#[cfg(test)]
pub(crate) const TEST_DATES: &[&str] = &[
    "1950",
    "1960-05",
    "1991",
    "2003-03-20",
    "2017",
    "2024-10",
    "2024-12-31",
];

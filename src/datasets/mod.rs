//! Built-in datasets, embedded in the crate.
//!
//! - [`world`]: who is allied with whom from 1815 to the review date (2026-11-30): every state
//!   of the COW state system, every ATOP 5.1 alliance, a sourced review of every alliance in
//!   force at the end of 2018 and of the treaties signed since, corrections where the record
//!   departs from ATOP's coding, and the Asian NATO article's groupings and stances. Questions
//!   the data do not cover answer "unknown" (see [`Gaps`](crate::query::Gaps)). Its
//!   provenance is in `src/datasets/world/WORLD.md`.
//! - [`asian_nato`]: the September 2024 "Asian NATO" proposal, the stances taken on it as one
//!   news article reports them, and the real treaties, groupings and nuclear arsenals the
//!   story rests on, each with its own source. Its provenance, source by source, is in
//!   `src/datasets/asian_nato.md`.
//!
//! ```
//! use alliance_graph::datasets;
//!
//! assert_eq!(datasets::available(), ["world", "asian-nato"]);
//! let graph = datasets::get("asian-nato").expect("built in");
//! assert_eq!(graph, datasets::asian_nato());
//! ```
//!
//! Each is parsed once per process, on first use, and cloned from then on.

use std::sync::OnceLock;

use crate::AllianceGraph;

#[cfg(feature = "atop")]
mod build;
#[cfg(feature = "atop")]
pub use build::{world_from_atop, world_from_atop_path};

/// The id of the source that bounds the world dataset's review: facts known to 2026-11-30.
pub const REVIEW_SOURCE: &str = "review-2026-11";

const ASIAN_NATO: &str = include_str!("asian_nato.json");
const WORLD: &str = include_str!("world.json");

/// The names [`get`] accepts.
pub fn available() -> &'static [&'static str] {
    &["world", "asian-nato"]
}

/// A built-in dataset by name.
pub fn get(name: &str) -> Option<AllianceGraph> {
    match name {
        "world" => Some(world()),
        "asian-nato" => Some(asian_nato()),
        _ => None,
    }
}

fn parsed(cell: &'static OnceLock<AllianceGraph>, name: &str, text: &str) -> AllianceGraph {
    cell.get_or_init(|| {
        // The embedded files are checked by the crate's tests; failing here is a build defect.
        crate::io::json::from_str(text)
            .unwrap_or_else(|e| panic!("the built-in {name} dataset is invalid: {e}"))
    })
    .clone()
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
    parsed(&GRAPH, "asian-nato", ASIAN_NATO)
}

/// The world dataset (see the [module docs](self)).
///
/// ```
/// use alliance_graph::query::Answer;
///
/// let world = alliance_graph::datasets::world();
/// let today = world.as_of("2026-11-30".parse()?);
/// // Poland's allies: the other 31 members of NATO, through the North Atlantic Treaty.
/// let allies = today.allies("Poland")?;
/// assert!(allies.len() >= 31);
/// assert!(allies.iter().any(|a| a.evidence[0].to_string().contains("North Atlantic Treaty")));
/// // Finland joined NATO on 2023-04-04.
/// assert_eq!(world.as_of("2023-01-01".parse()?).allied("Finland", "USA")?, Answer::No);
/// assert!(world.as_of("2023-04-05".parse()?).allied("Finland", "USA")?.is_yes());
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub fn world() -> AllianceGraph {
    static GRAPH: OnceLock<AllianceGraph> = OnceLock::new();
    parsed(&GRAPH, "world", WORLD)
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

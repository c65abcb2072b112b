mod concurrency;
mod errors;
mod examples;
mod load;
mod props;
mod query;
mod resolve;
mod scenario;
mod validate;

use alliance_graph::{AllianceGraph, PartialDate};

/// The built-in dataset.
pub fn builtin() -> AllianceGraph {
    alliance_graph::datasets::asian_nato()
}

/// A date from text, for tests.
pub fn date(s: &str) -> PartialDate {
    s.parse().expect("a valid test date")
}

/// The ids of a list of countries, as strings.
pub fn ids<'a>(it: impl IntoIterator<Item = &'a alliance_graph::CountryId>) -> Vec<String> {
    it.into_iter().map(|c| c.to_string()).collect()
}

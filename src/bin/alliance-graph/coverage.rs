//! What the data cover, as every command reports it (the rule itself is `query::Gaps`).

use super::prelude::*;

/// The coverage of an answer about `actors` (the whole graph when empty), as every
/// command's JSON carries it: `answer` (`known`, `partial` or `unknown`, unless the command
/// set its own), `outside_coverage`, `open_ties` and `not_states`; with `text`, a closing
/// line naming what is not known.
pub(crate) fn coverage(
    view: &View<'_>,
    actors: &[ActorId],
    j: &mut serde_json::Map<String, Value>,
    out: &mut String,
    text: bool,
) {
    let countries: Vec<CountryId> = actors.iter().filter_map(ActorId::as_country).collect();
    let gaps = if countries.is_empty() {
        view.gaps()
    } else {
        view.gaps_for(&countries)
    };
    coverage_fields(&gaps, j, out, text);
}

/// The coverage of a grouping's membership: what the data cover of the treaty it names.
pub(crate) fn coverage_of_grouping(
    view: &View<'_>,
    id: &GroupingId,
    j: &mut serde_json::Map<String, Value>,
    out: &mut String,
) {
    let mut gaps = view.gaps();
    let treaty = view.graph().grouping(id).and_then(|g| g.treaty.clone());
    gaps.open.retain(|t| Some(&t.treaty) == treaty.as_ref());
    coverage_fields(&gaps, j, out, true);
}

pub(crate) fn coverage_fields(
    gaps: &Gaps,
    j: &mut serde_json::Map<String, Value>,
    out: &mut String,
    text: bool,
) {
    let answer = if !gaps.outside.is_empty() || !gaps.not_states.is_empty() {
        "unknown"
    } else if !gaps.open.is_empty() {
        "partial"
    } else {
        "known"
    };
    j.entry("answer").or_insert(json!(answer));
    // outside_coverage, open_ties and not_states, as the library serializes its gaps.
    if let Ok(Value::Object(fields)) = serde_json::to_value(gaps) {
        j.extend(fields);
    }
    if !text || gaps.is_empty() {
        return;
    }
    const SHOWN: usize = 5;
    let shown = Gaps {
        open: gaps.open.iter().take(SHOWN).cloned().collect(),
        ..gaps.clone()
    };
    let more = gaps.open.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!("; and {more} more open ties (--json lists them)")
    } else {
        String::new()
    };
    let head = if answer == "unknown" {
        "Unknown"
    } else {
        "Not known past their sources"
    };
    let _ = writeln!(out, "{head}: {shown}{more}.");
}

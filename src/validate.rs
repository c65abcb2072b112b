//! Validation: every way the records of a dataset can fail to fit together.
//!
//! [`GraphBuilder::build`](crate::GraphBuilder::build) runs every check and reports all the
//! issues it finds in one [`ErrorKind::Invalid`](crate::ErrorKind::Invalid), not just the first, so a
//! data file can be fixed in one pass. [`GraphBuilder::issues`](crate::GraphBuilder::issues)
//! lists them without building.

use std::fmt;

use crate::model::{CountryId, Target};
use crate::PartialDate;

/// Which record an issue is about: its kind, its position in the input (1-based, in the order
/// records were added or appear in the file) and its id or a description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// "source", "country", "grouping", "membership", "treaty" or "stance".
    pub kind: &'static str,
    /// 1-based position among the records of that kind.
    pub index: usize,
    /// The record's id, or for memberships and stances a short description.
    pub label: String,
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} #{} ({})", self.kind, self.index, self.label)
    }
}

/// One problem with a dataset, naming the record, the field and the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Issue {
    /// Two records of the same kind share an id.
    #[error("{record}: duplicate {kind} id '{id}' (first used by {kind} #{first})")]
    DuplicateId {
        /// The later record.
        record: Record,
        /// The id's kind.
        kind: &'static str,
        /// The id.
        id: String,
        /// 1-based position of the first record with that id.
        first: usize,
    },
    /// A reference to an id that no record defines.
    #[error("{record}: field `{field}` names unknown {kind} '{id}'{}", suggestion.as_ref().map_or(String::new(), |s| format!("; did you mean '{s}'?")))]
    UnknownReference {
        /// The record holding the reference.
        record: Record,
        /// The field.
        field: &'static str,
        /// What kind of id was expected.
        kind: &'static str,
        /// The id given.
        id: String,
        /// The closest defined id.
        suggestion: Option<String>,
    },
    /// An end date before the start date.
    #[error("{record}: `{end_field}` {end} is before `{start_field}` {start}")]
    EndBeforeStart {
        /// The record.
        record: Record,
        /// The start's field.
        start_field: &'static str,
        /// The start.
        start: PartialDate,
        /// The end's field.
        end_field: &'static str,
        /// The end.
        end: PartialDate,
    },
    /// A tie or stance from a country to itself.
    #[error("{record}: {country} is tied to itself ({detail})")]
    SelfTie {
        /// The record.
        record: Record,
        /// The country.
        country: CountryId,
        /// Where the self-reference is.
        detail: String,
    },
    /// A treaty that ties nobody, or an alliance without obligations.
    #[error("{record}: empty treaty: {reason}")]
    EmptyTreaty {
        /// The treaty.
        record: Record,
        /// What is missing.
        reason: String,
    },
    /// An obligation owed by or to a state that is not a party to the treaty.
    #[error("{record}: obligation `{obligation}` lists {country} in `{field}`, but {country} is not a party")]
    NotAParty {
        /// The treaty.
        record: Record,
        /// The obligation.
        obligation: crate::Obligation,
        /// `by` or `to`.
        field: &'static str,
        /// The state.
        country: CountryId,
    },
    /// A required text field that is empty.
    #[error("{record}: field `{field}` is empty")]
    Empty {
        /// The record.
        record: Record,
        /// The field.
        field: &'static str,
    },
    /// Part of the file that could not be read as the format requires: a syntax error (with
    /// its line and column), or one record of the wrong shape. Reported by
    /// [`io::json::check_str`](crate::io::json::check_str), which reads each record on its
    /// own so that every such problem is found in one run.
    #[error("{}: {message}", malformed_place(record.as_ref(), *line, *column))]
    Malformed {
        /// The record, when the problem is inside one.
        record: Option<Record>,
        /// 1-based line, for a syntax error.
        line: Option<u64>,
        /// 1-based column, for a syntax error.
        column: Option<u64>,
        /// What is wrong.
        message: String,
    },
    /// A grouping status history out of date order.
    #[error("{record}: status '{status}' since {since} comes after a later change ({previous}); list the history oldest first")]
    StatusOutOfOrder {
        /// The grouping.
        record: Record,
        /// The out-of-order status.
        status: crate::GroupingStatus,
        /// Its date.
        since: PartialDate,
        /// The date of the change before it in the list.
        previous: PartialDate,
    },
}

impl Issue {
    /// The record the issue is about, to renumber it.
    pub(crate) fn record_mut(&mut self) -> Option<&mut Record> {
        match self {
            Issue::Malformed { record, .. } => record.as_mut(),
            Issue::DuplicateId { record, .. }
            | Issue::UnknownReference { record, .. }
            | Issue::EndBeforeStart { record, .. }
            | Issue::SelfTie { record, .. }
            | Issue::EmptyTreaty { record, .. }
            | Issue::NotAParty { record, .. }
            | Issue::Empty { record, .. }
            | Issue::StatusOutOfOrder { record, .. } => Some(record),
        }
    }
}

fn malformed_place(record: Option<&Record>, line: Option<u64>, column: Option<u64>) -> String {
    match (record, line, column) {
        (Some(r), _, _) => r.to_string(),
        (None, Some(l), Some(c)) => format!("line {l}, column {c}"),
        (None, Some(l), None) => format!("line {l}"),
        _ => "the file".to_string(),
    }
}

impl Issue {
    /// The record the issue is about, if it is about one.
    pub fn record(&self) -> Option<&Record> {
        match self {
            Issue::Malformed { record, .. } => record.as_ref(),
            Issue::DuplicateId { record, .. }
            | Issue::UnknownReference { record, .. }
            | Issue::EndBeforeStart { record, .. }
            | Issue::SelfTie { record, .. }
            | Issue::EmptyTreaty { record, .. }
            | Issue::NotAParty { record, .. }
            | Issue::Empty { record, .. }
            | Issue::StatusOutOfOrder { record, .. } => Some(record),
        }
    }
}

/// Short description of a stance target, for record labels.
pub(crate) fn target_label(t: &Target) -> String {
    t.to_string()
}

use serde::{Deserialize, Serialize};

use super::SourceId;
use crate::PartialDate;

/// Where a fact comes from: an article, a treaty text, a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// The id facts cite it by.
    pub id: SourceId,
    /// Title of the work.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// A citation or remark, as the publisher asks it to be cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The span of time the source covers completely, for a dataset such as ATOP (1815 to
    /// 2018): a question outside it is answered "unknown", not "no".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

impl Source {
    /// A source by id and title; the other fields empty.
    #[allow(clippy::too_many_arguments)]
    pub fn new(id: SourceId, title: impl Into<String>) -> Self {
        Source {
            id,
            title: title.into(),
            publisher: None,
            url: None,
            date: None,
            note: None,
            coverage: None,
        }
    }
}

/// The span of time a source covers completely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Coverage {
    /// The first date covered.
    pub from: PartialDate,
    /// The last date covered.
    pub to: PartialDate,
}

impl Coverage {
    /// Coverage from `from` to `to`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(from: PartialDate, to: PartialDate) -> Self {
        Coverage { from, to }
    }
}

impl Coverage {
    /// Whether every day of `asked` is covered.
    pub fn covers(&self, asked: &crate::Span) -> bool {
        self.from.earliest() <= asked.first && asked.last <= self.to.latest()
    }
}

/// A source that corroborates or contradicts a fact, with what it says.
///
/// A fact with a contradicting citation is *contested*: answers show it with the citation,
/// never as plain fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Citation {
    /// The source.
    pub source: SourceId,
    /// What it says, in a sentence, where it bears on the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub says: Option<String>,
}

impl Citation {
    /// A citation of `source`, without a summary of what it says.
    #[allow(clippy::too_many_arguments)]
    pub fn new(source: SourceId) -> Self {
        Citation { source, says: None }
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.says {
            Some(says) => write!(f, "{}: {says}", self.source),
            None => write!(f, "{}", self.source),
        }
    }
}

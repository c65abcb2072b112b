use serde::{Deserialize, Serialize};

use super::{keyword_enum, CountryId, GroupingId, Obligation, SourceId, TreatyId};
use crate::PartialDate;

/// A fact true since a date, with its source (such as being nuclear-armed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Since {
    /// Since when.
    pub since: PartialDate,
    /// Who says so.
    pub source: SourceId,
}

impl Since {
    /// A fact true since `since`, as `source` says.
    #[allow(clippy::too_many_arguments)]
    pub fn new(since: PartialDate, source: SourceId) -> Self {
        Since { since, source }
    }
}

/// A state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub id: CountryId,
    /// Common English name.
    pub name: String,
    /// Other names people write, capitals used as metonyms included ("Washington DC").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Correlates of War country code, which ATOP uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cow_code: Option<u16>,
    /// Nuclear-armed since a date (first test), with a source; `None` if not nuclear-armed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nuclear_armed: Option<Since>,
    /// The spells in which it was a sovereign state (for the world dataset, its spells in the
    /// COW state system), oldest first; empty when not recorded. Names that several states
    /// share ("Germany", "Korea") resolve to the one that was a state on the date asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statehood: Vec<Statehood>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Country {
    /// A state with its id and name; the other fields empty.
    #[allow(clippy::too_many_arguments)]
    pub fn new(id: CountryId, name: impl Into<String>) -> Self {
        Country {
            id,
            name: name.into(),
            aliases: Vec::new(),
            cow_code: None,
            nuclear_armed: None,
            statehood: Vec::new(),
            note: None,
        }
    }
}

/// A spell of statehood: from a date, until a date or still a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Statehood {
    /// The first day (or month, or year) it was a state.
    pub from: PartialDate,
    /// When it ceased to be one; `None` while it still is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
}

impl Statehood {
    /// A spell of statehood from `from`, until `until` (`None`: still a state).
    #[allow(clippy::too_many_arguments)]
    pub fn new(from: PartialDate, until: Option<PartialDate>) -> Self {
        Statehood { from, until }
    }
}

impl Statehood {
    /// The spell as a period.
    pub fn period(&self) -> crate::Period {
        crate::Period::checked(Some(self.from), self.until).unwrap_or(crate::Period::ALWAYS)
    }
}

impl Country {
    /// Whether it was a state on at least one day of `asked`; `true` when its statehood is
    /// not recorded.
    pub fn is_state_during(&self, asked: &crate::Span) -> bool {
        self.statehood.is_empty() || self.statehood.iter().any(|s| s.period().overlaps(asked))
    }
}

/// What kind of grouping it is; only the obligations decide what membership means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum GroupingKind {
    /// Members owe each other defense (NATO, a proposed Asian NATO).
    CollectiveDefense,
    /// Cooperation without a defense obligation (AUKUS).
    SecurityPartnership,
    /// Regular dialogue (QUAD).
    StrategicDialogue,
    /// Anything else.
    Other,
}
keyword_enum!(
    GroupingKind,
    "grouping kind",
    [
        CollectiveDefense = "collective-defense",
        SecurityPartnership = "security-partnership",
        StrategicDialogue = "strategic-dialogue",
        Other = "other",
    ]
);

/// A grouping's status at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupingStatus {
    /// Proposed, not formed: its members owe each other nothing.
    Proposed,
    /// Formed and in force.
    Active,
    /// Ended.
    Dissolved,
}
keyword_enum!(
    GroupingStatus,
    "grouping status",
    [
        Proposed = "proposed",
        Active = "active",
        Dissolved = "dissolved",
    ]
);

/// A change of a grouping's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatusChange {
    /// The new status.
    pub status: GroupingStatus,
    /// When it took effect.
    pub since: PartialDate,
    /// Who says so.
    pub source: SourceId,
}

impl StatusChange {
    /// A change to `status` on `since`, as `source` says.
    #[allow(clippy::too_many_arguments)]
    pub fn new(status: GroupingStatus, since: PartialDate, source: SourceId) -> Self {
        StatusChange {
            status,
            since,
            source,
        }
    }
}

/// An alliance or other grouping of states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Grouping {
    /// Slug id.
    pub id: GroupingId,
    /// Full name.
    pub name: String,
    /// Acronym ("NATO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Other names people write.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What kind of grouping.
    pub kind: GroupingKind,
    /// What members owe each other while the grouping is active.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<Obligation>,
    /// Conditions on those obligations, in the treaty's words with the article (NATO's
    /// Art. 6 limits its Art. 5 to attacks in Europe, North America and the North Atlantic):
    /// read by the [condition rule](crate::query::conditions) as a treaty's are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// Status history, oldest first. Before the first entry the grouping did not exist.
    pub status: Vec<StatusChange>,
    /// The treaty that founds it, when the grouping is a name for a treaty's parties (NATO
    /// for the North Atlantic Treaty): its memberships mirror the treaty's party spells, and
    /// its ties are the treaty's, cited once, so the grouping itself creates none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treaty: Option<TreatyId>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Grouping {
    /// A grouping with its id, name and kind; no obligations, status or aliases yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(id: GroupingId, name: impl Into<String>, kind: GroupingKind) -> Self {
        Grouping {
            id,
            name: name.into(),
            acronym: None,
            aliases: Vec::new(),
            kind,
            obligations: Vec::new(),
            conditions: Vec::new(),
            status: Vec::new(),
            treaty: None,
            note: None,
        }
    }
}

impl Grouping {
    /// The status in force on the last day of `asked`, under the crate's partial-date rule:
    /// the latest change whose date begins on or before that day.
    pub fn status_during(&self, asked: &crate::Span) -> Option<GroupingStatus> {
        self.status
            .iter()
            .rev()
            .find(|c| c.since.counts_by(asked))
            .map(|c| c.status)
    }

    /// The spans in which the grouping was active, oldest first: each runs from an `active`
    /// change to the day before the next change.
    pub fn active_spans(&self) -> Vec<crate::Span> {
        self.status
            .iter()
            .enumerate()
            .filter(|(_, c)| c.status == GroupingStatus::Active)
            .map(|(i, c)| crate::Span {
                first: c.since.earliest(),
                last: self
                    .status
                    .get(i + 1)
                    .map_or(crate::Day::MAX, |n| n.since.earliest().pred()),
            })
            .filter(|s| s.first <= s.last)
            .collect()
    }

    /// Whether the grouping was active on at least one day of `asked`.
    pub fn active_during(&self, asked: &crate::Span) -> bool {
        self.active_spans().iter().any(|s| s.overlaps(asked))
    }
}

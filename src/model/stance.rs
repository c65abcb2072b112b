use serde::{Deserialize, Serialize};

use super::{keyword_enum, ActorId, Citation, CountryId, GroupingId, SourceId};
use crate::When;

/// What a stance says: what was said, not how a source summed it up (that is
/// [`Stance::reported_as`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StanceKind {
    /// The actor proposes the target (a new grouping, a membership, an alliance with a state).
    Proposal,
    /// The actor supports the target.
    Support,
    /// The actor supports the target if a condition is met (the condition is in
    /// [`Stance::condition`]).
    ConditionalSupport,
    /// The actor defers: "it is too early", "not now", "we will see". Neither for nor
    /// against.
    Hedge,
    /// The actor refuses or rejects the target.
    Refusal,
    /// The actor asks the target for something (described in the summary): neither support
    /// nor refusal of the target's existence.
    Request,
    /// The actor invites a state to join a grouping (the target is a membership).
    Invitation,
}
keyword_enum!(
    StanceKind,
    "stance kind",
    [
        Proposal = "proposal",
        Support = "support",
        ConditionalSupport = "conditional-support",
        Hedge = "hedge",
        Refusal = "refusal",
        Request = "request",
        Invitation = "invitation",
    ]
);

impl StanceKind {
    /// Whether the stance is for its target: a proposal, support (conditional or not) or an
    /// invitation. A hedge, a refusal and a request are not.
    pub fn is_favourable(&self) -> bool {
        matches!(
            self,
            StanceKind::Proposal
                | StanceKind::Support
                | StanceKind::ConditionalSupport
                | StanceKind::Invitation
        )
    }
}

/// How firm the evidence for a stance is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// A public statement by the speaker, quoted.
    OnRecord,
    /// The source states it without a quote, or attributes it to unnamed sources.
    Reported,
    /// The source presents it as belief or expectation ("it is believed that ...").
    Speculated,
}
keyword_enum!(
    Evidence,
    "evidence level",
    [
        OnRecord = "on-record",
        Reported = "reported",
        Speculated = "speculated",
    ]
);

/// What a stance is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Target {
    /// A grouping (`{"grouping": "asian-nato"}`).
    Grouping(GroupingId),
    /// A state (`{"country": "USA"}`).
    Country(CountryId),
    /// A state's membership of a grouping
    /// (`{"membership": {"country": "USA", "grouping": "asian-nato"}}`).
    Membership {
        /// The state.
        country: CountryId,
        /// The grouping.
        grouping: GroupingId,
    },
}

impl Target {
    /// The grouping the target concerns, directly or through a membership.
    pub fn grouping(&self) -> Option<&GroupingId> {
        match self {
            Target::Grouping(g) | Target::Membership { grouping: g, .. } => Some(g),
            Target::Country(_) => None,
        }
    }

    /// The actors the target names.
    pub fn actors(&self) -> Vec<ActorId> {
        match self {
            Target::Grouping(g) => vec![ActorId::Grouping(g.clone())],
            Target::Country(c) => vec![ActorId::Country(*c)],
            Target::Membership { country, grouping } => {
                vec![
                    ActorId::Country(*country),
                    ActorId::Grouping(grouping.clone()),
                ]
            }
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Grouping(g) => write!(f, "{g}"),
            Target::Country(c) => write!(f, "{c}"),
            Target::Membership { country, grouping } => write!(f, "{country} in {grouping}"),
        }
    }
}

/// Who spoke.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Speaker {
    /// The person's name.
    pub name: String,
    /// Their office at the time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
}

impl Speaker {
    /// A speaker by name, office not given.
    #[allow(clippy::too_many_arguments)]
    pub fn new(name: impl Into<String>) -> Self {
        Speaker {
            name: name.into(),
            office: None,
        }
    }
}

/// What an actor said about a target, when, and how we know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Stance {
    /// The actor whose position it is.
    pub actor: ActorId,
    /// What was said: a proposal, support, conditional support, a hedge, a refusal, a request
    /// or an invitation. Coalitions count by this.
    pub kind: StanceKind,
    /// How the source characterised it, when that differs from what was said (a report calls
    /// a deferral "rejected": `kind` hedge, `reported_as` refusal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_as: Option<StanceKind>,
    /// The condition, for conditional support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// What it is about.
    pub target: Target,
    /// Who spoke, when the source names someone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// When: a partial date or a range of days (`2024-09-23/2024-09-29`).
    pub date: When,
    /// The words, verbatim, when the source quotes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The source's own characterization, which may be firmer or softer than the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// How firm the evidence is.
    pub evidence: Evidence,
    /// Who reports it.
    pub source: SourceId,
    /// Other sources that report the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corroborated_by: Vec<Citation>,
    /// Sources that contradict it: the stance is then [contested](Stance::is_contested).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicted_by: Vec<Citation>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Stance {
    /// What `actor` said of `target` on `date`, as `source` reports it with `evidence`; no quote, speaker or corroboration yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        actor: ActorId,
        kind: StanceKind,
        target: Target,
        date: When,
        evidence: Evidence,
        source: SourceId,
    ) -> Self {
        Stance {
            actor,
            kind,
            reported_as: None,
            condition: None,
            target,
            speaker: None,
            date,
            quote: None,
            summary: None,
            evidence,
            source,
            corroborated_by: Vec::new(),
            contradicted_by: Vec::new(),
            note: None,
        }
    }
}

impl Stance {
    /// Whether a source contradicts it.
    pub fn is_contested(&self) -> bool {
        !self.contradicted_by.is_empty()
    }
}

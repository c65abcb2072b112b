use std::sync::Arc;

use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

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
///
/// The fields every record has are public; what only some records say (the condition,
/// speaker, quote, summary, corroborations, contradictions and a note) is read by methods
/// ([`quote`](Stance::quote), ...) and written through [`edit_details`](Stance::edit_details).
/// It is kept as a list of the fields a record gives, in one allocation and only when it
/// gives any; a file's repeated speakers share one record. So a million stances take 72
/// bytes each, and a quote or a speaker adds a few dozen. Serialized flat, as the dataset
/// files write it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "StanceRecord<Box<str>, Speaker, Vec<Citation>>")]
#[non_exhaustive]
pub struct Stance {
    /// The actor whose position it is.
    pub actor: ActorId,
    /// What was said: a proposal, support, conditional support, a hedge, a refusal, a request
    /// or an invitation. Coalitions count by this.
    pub kind: StanceKind,
    /// How the source characterised it, when that differs from what was said (a report calls
    /// a deferral "rejected": `kind` hedge, `reported_as` refusal).
    pub reported_as: Option<StanceKind>,
    /// What it is about.
    pub target: Target,
    /// When: a partial date or a range of days (`2024-09-23/2024-09-29`).
    pub date: When,
    /// How firm the evidence is.
    pub evidence: Evidence,
    /// Who reports it.
    pub source: SourceId,
    /// What only some records say: the fields given, in the order of [`StanceDetails`]'s.
    details: ThinVec<Detail>,
}

/// One field of a stance's [`StanceDetails`], as a stance keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Detail {
    Condition(Box<str>),
    Speaker(Arc<Speaker>),
    Quote(Box<str>),
    Summary(Box<str>),
    CorroboratedBy(Box<[Citation]>),
    ContradictedBy(Box<[Citation]>),
    Note(Box<str>),
}

/// What only some stance records say, to be changed with [`Stance::edit_details`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StanceDetails {
    /// The condition, for conditional support.
    pub condition: Option<Box<str>>,
    /// Who spoke, when the source names someone.
    pub speaker: Option<Speaker>,
    /// The words, verbatim, when the source quotes them.
    pub quote: Option<Box<str>>,
    /// The source's own characterization, which may be firmer or softer than the quote.
    pub summary: Option<Box<str>>,
    /// Other sources that report the same.
    pub corroborated_by: Vec<Citation>,
    /// Sources that contradict it: the stance is then [contested](Stance::is_contested).
    pub contradicted_by: Vec<Citation>,
    /// A remark.
    pub note: Option<Box<str>>,
}

impl StanceDetails {
    /// The fields given, in order; a speaker shared with the other stances of the file being
    /// read.
    fn into_list(self) -> ThinVec<Detail> {
        let StanceDetails {
            condition,
            speaker,
            quote,
            summary,
            corroborated_by,
            contradicted_by,
            note,
        } = self;
        let citations = |c: Vec<Citation>| (!c.is_empty()).then(|| c.into_boxed_slice());
        let fields = [
            condition.map(Detail::Condition),
            speaker.map(|s| Detail::Speaker(super::ids::intern_speaker(s))),
            quote.map(Detail::Quote),
            summary.map(Detail::Summary),
            citations(corroborated_by).map(Detail::CorroboratedBy),
            citations(contradicted_by).map(Detail::ContradictedBy),
            note.map(Detail::Note),
        ];
        // Made with room for exactly the fields given (collecting would leave room for four).
        let mut list = ThinVec::with_capacity(fields.iter().flatten().count());
        list.extend(fields.into_iter().flatten());
        list
    }

    /// The fields of a stance's list.
    fn from_list(list: ThinVec<Detail>) -> StanceDetails {
        let mut d = StanceDetails::default();
        for detail in list {
            match detail {
                Detail::Condition(t) => d.condition = Some(t),
                Detail::Speaker(p) => d.speaker = Some(Arc::unwrap_or_clone(p)),
                Detail::Quote(t) => d.quote = Some(t),
                Detail::Summary(t) => d.summary = Some(t),
                Detail::CorroboratedBy(c) => d.corroborated_by = c.into_vec(),
                Detail::ContradictedBy(c) => d.contradicted_by = c.into_vec(),
                Detail::Note(t) => d.note = Some(t),
            }
        }
        d
    }
}

/// A stance as the dataset files write it: every field at one level.
#[derive(Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename = "Stance",
    bound(deserialize = "Text: Deserialize<'de>, Person: Deserialize<'de>, \
                         Citations: Deserialize<'de> + Default")
)]
struct StanceRecord<Text, Person, Citations: AsRef<[Citation]>> {
    actor: ActorId,
    kind: StanceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported_as: Option<StanceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    condition: Option<Text>,
    target: Target,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<Person>,
    date: When,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<Text>,
    evidence: Evidence,
    source: SourceId,
    #[serde(default, skip_serializing_if = "no_citations")]
    corroborated_by: Citations,
    #[serde(default, skip_serializing_if = "no_citations")]
    contradicted_by: Citations,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<Text>,
}

fn no_citations<T: AsRef<[Citation]>>(c: &T) -> bool {
    c.as_ref().is_empty()
}

impl From<StanceRecord<Box<str>, Speaker, Vec<Citation>>> for Stance {
    fn from(r: StanceRecord<Box<str>, Speaker, Vec<Citation>>) -> Stance {
        let details = StanceDetails {
            condition: r.condition,
            speaker: r.speaker,
            quote: r.quote,
            summary: r.summary,
            corroborated_by: r.corroborated_by,
            contradicted_by: r.contradicted_by,
            note: r.note,
        }
        .into_list();
        Stance {
            actor: r.actor,
            kind: r.kind,
            reported_as: r.reported_as,
            target: r.target,
            date: r.date,
            evidence: r.evidence,
            source: r.source,
            details,
        }
    }
}

impl Serialize for Stance {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        StanceRecord::<&str, &Speaker, &[Citation]> {
            actor: self.actor.clone(),
            kind: self.kind,
            reported_as: self.reported_as,
            condition: self.condition(),
            target: self.target.clone(),
            speaker: self.speaker(),
            date: self.date,
            quote: self.quote(),
            summary: self.summary(),
            evidence: self.evidence,
            source: self.source.clone(),
            corroborated_by: self.corroborated_by(),
            contradicted_by: self.contradicted_by(),
            note: self.note(),
        }
        .serialize(s)
    }
}

impl Stance {
    /// What `actor` said of `target` on `date`, as `source` reports it with `evidence`; no
    /// quote, speaker or corroboration yet (add them with [`edit_details`](Self::edit_details)).
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
            target,
            date,
            evidence,
            source,
            details: ThinVec::new(),
        }
    }

    /// Changes what only some records say (condition, speaker, quote, ...): `edit` is given
    /// the stance's details, and what it leaves is kept.
    ///
    /// ```
    /// use alliance_graph::{ActorId, Evidence, Speaker, Stance, StanceKind, Target};
    /// let mut s = Stance::new(
    ///     ActorId::Country("JPN".parse()?),
    ///     StanceKind::Support,
    ///     Target::Grouping("quad".parse()?),
    ///     "2024-09".parse()?,
    ///     Evidence::OnRecord,
    ///     "mofa-japan".parse()?,
    /// );
    /// assert_eq!(s.quote(), None);
    /// s.edit_details(|d| {
    ///     d.quote = Some("We support it.".into());
    ///     d.speaker = Some(Speaker::new("A. Minister"));
    /// });
    /// assert_eq!(s.quote(), Some("We support it."));
    /// assert_eq!(s.speaker().map(|p| p.name.as_str()), Some("A. Minister"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn edit_details(&mut self, edit: impl FnOnce(&mut StanceDetails)) {
        let mut details = StanceDetails::from_list(std::mem::take(&mut self.details));
        edit(&mut details);
        self.details = details.into_list();
    }

    /// A copy of what only some records say, as one record.
    pub fn details(&self) -> StanceDetails {
        StanceDetails::from_list(self.details.clone())
    }

    /// The detail `pick` finds, if the record gives it.
    fn detail<'a, T: ?Sized>(
        &'a self,
        pick: impl Fn(&'a Detail) -> Option<&'a T>,
    ) -> Option<&'a T> {
        self.details.iter().find_map(pick)
    }

    /// The condition, for conditional support.
    pub fn condition(&self) -> Option<&str> {
        self.detail(|d| match d {
            Detail::Condition(t) => Some(&**t),
            _ => None,
        })
    }

    /// Who spoke, when the source names someone.
    pub fn speaker(&self) -> Option<&Speaker> {
        self.detail(|d| match d {
            Detail::Speaker(p) => Some(&**p),
            _ => None,
        })
    }

    /// The words, verbatim, when the source quotes them.
    pub fn quote(&self) -> Option<&str> {
        self.detail(|d| match d {
            Detail::Quote(t) => Some(&**t),
            _ => None,
        })
    }

    /// The source's own characterization, which may be firmer or softer than the quote.
    pub fn summary(&self) -> Option<&str> {
        self.detail(|d| match d {
            Detail::Summary(t) => Some(&**t),
            _ => None,
        })
    }

    /// Other sources that report the same.
    pub fn corroborated_by(&self) -> &[Citation] {
        self.detail(|d| match d {
            Detail::CorroboratedBy(c) => Some(&**c),
            _ => None,
        })
        .unwrap_or(&[])
    }

    /// Sources that contradict it: the stance is then [contested](Stance::is_contested).
    pub fn contradicted_by(&self) -> &[Citation] {
        self.detail(|d| match d {
            Detail::ContradictedBy(c) => Some(&**c),
            _ => None,
        })
        .unwrap_or(&[])
    }

    /// A remark.
    pub fn note(&self) -> Option<&str> {
        self.detail(|d| match d {
            Detail::Note(t) => Some(&**t),
            _ => None,
        })
    }

    /// Whether a source contradicts it.
    pub fn is_contested(&self) -> bool {
        !self.contradicted_by().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record keeps a list of the details it gives (none allocated when it gives none), and
    /// is written back flat, field for field, either way.
    #[test]
    fn details_are_kept_only_when_present_and_written_flat() {
        let bare = r#"{"actor":"JPN","kind":"support","target":{"grouping":"quad"},"date":"2024-09","evidence":"on-record","source":"mofa","corroborated_by":[],"note":null}"#;
        let s: Stance = serde_json::from_str(bare).unwrap();
        assert!(s.details.is_empty());
        assert_eq!(s.quote(), None);
        assert!(s.corroborated_by().is_empty() && !s.is_contested());
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"actor":"JPN","kind":"support","target":{"grouping":"quad"},"date":"2024-09","evidence":"on-record","source":"mofa"}"#
        );
        let full = r#"{"actor":"JPN","kind":"conditional-support","condition":"if asked","target":{"grouping":"quad"},"speaker":{"name":"A. Speaker","office":"Minister"},"date":"2024-09","quote":"Yes.","summary":"Agreed.","evidence":"reported","source":"mofa","corroborated_by":[{"source":"b"}],"contradicted_by":[{"source":"c","says":"No."}],"note":"A remark."}"#;
        let s: Stance = serde_json::from_str(full).unwrap();
        assert_eq!(s.condition(), Some("if asked"));
        assert_eq!(s.speaker().map(|p| p.name.as_str()), Some("A. Speaker"));
        assert_eq!(
            (s.quote(), s.summary(), s.note()),
            (Some("Yes."), Some("Agreed."), Some("A remark."))
        );
        assert_eq!(s.corroborated_by().len(), 1);
        assert!(s.is_contested());
        assert_eq!(serde_json::to_string(&s).unwrap(), full);
        assert_eq!(serde_json::from_str::<Stance>(full).unwrap(), s);
        // Unknown fields are still refused, naming the field.
        let e = serde_json::from_str::<Stance>(&full.replace("\"note\"", "\"notes\"")).unwrap_err();
        assert!(e.to_string().contains("unknown field `notes`"), "{e}");
        assert_eq!(s.details.len(), 7);
        assert!(std::mem::size_of::<Stance>() <= 72);
        // Edited: what the edit leaves is kept, in the same order as read.
        let mut edited = s.clone();
        edited.edit_details(|d| {
            d.quote = None;
            d.contradicted_by.clear();
        });
        assert_eq!(edited.quote(), None);
        assert!(!edited.is_contested());
        assert_eq!(edited.details.len(), 5);
        edited.edit_details(|d| {
            d.quote = Some("Yes.".into());
            d.contradicted_by = s.contradicted_by().to_vec();
        });
        assert_eq!(edited, s);
        assert_eq!(edited.details(), s.details());
        let mut emptied = s.clone();
        emptied.edit_details(|d| *d = StanceDetails::default());
        assert!(emptied.details.is_empty());
    }

    /// Equal speakers read from one file share one record; outside a file they do not.
    #[test]
    fn speakers_read_from_one_file_are_shared() {
        let stance = |n: u32| {
            format!(
                r#"{{"actor":"JPN","kind":"support","target":{{"grouping":"quad"}},"speaker":{{"name":"A. Speaker"}},"date":"2024-0{n}","evidence":"reported","source":"mofa"}}"#
            )
        };
        let list = format!("[{},{}]", stance(1), stance(2));
        let speaker = |s: &Stance| match &s.details[0] {
            Detail::Speaker(p) => Arc::clone(p),
            other => panic!("not a speaker: {other:?}"),
        };
        let apart: Vec<Stance> = serde_json::from_str(&list).unwrap();
        assert!(!Arc::ptr_eq(&speaker(&apart[0]), &speaker(&apart[1])));
        let _guard = crate::model::ids::InternGuard::new();
        let shared: Vec<Stance> = serde_json::from_str(&list).unwrap();
        assert!(Arc::ptr_eq(&speaker(&shared[0]), &speaker(&shared[1])));
        assert_eq!(shared, apart);
    }
}

use serde::{Deserialize, Serialize};

use super::{keyword_enum, Citation, CountryId, GroupingId, SourceId, TreatyId};
use crate::{PartialDate, Period};

/// An obligation in ATOP's coding, strongest first: the derived `Ord` puts `Defense` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Obligation {
    /// Come to the other's aid if it is attacked.
    Defense,
    /// Join the other in an attack.
    Offense,
    /// Stay out of a war the other fights.
    Neutrality,
    /// Not attack the other.
    NonAggression,
    /// Consult in a crisis.
    Consultation,
}
keyword_enum!(
    Obligation,
    "obligation",
    [
        Defense = "defense",
        Offense = "offense",
        Neutrality = "neutrality",
        NonAggression = "non-aggression",
        Consultation = "consultation",
    ]
);

/// A country's role in a grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A member from the founding.
    FoundingMember,
    /// A member that joined later.
    Member,
    /// A partner: owes and is owed none of the grouping's obligations.
    Partner,
    /// An observer: owes and is owed none of the grouping's obligations.
    Observer,
}
keyword_enum!(
    Role,
    "role",
    [
        FoundingMember = "founding-member",
        Member = "member",
        Partner = "partner",
        Observer = "observer",
    ]
);

impl Role {
    /// Whether the role carries the grouping's obligations.
    pub fn is_full_member(&self) -> bool {
        matches!(self, Role::FoundingMember | Role::Member)
    }
}

/// A country's membership of a grouping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Membership {
    /// The member.
    pub country: CountryId,
    /// The grouping.
    pub grouping: GroupingId,
    /// Its role.
    pub role: Role,
    /// When it joined (in force for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// When it left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Who says so.
    pub source: SourceId,
    /// Other sources that say the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corroborated_by: Vec<Citation>,
    /// Sources that contradict it: the membership is then contested.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicted_by: Vec<Citation>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Membership {
    /// A membership in `role`, as `source` says, for the grouping's whole life until dates are set.
    #[allow(clippy::too_many_arguments)]
    pub fn new(country: CountryId, grouping: GroupingId, role: Role, source: SourceId) -> Self {
        Membership {
            country,
            grouping,
            role,
            start: None,
            end: None,
            source,
            corroborated_by: Vec::new(),
            contradicted_by: Vec::new(),
            note: None,
        }
    }
}

impl Membership {
    /// The membership's period; `None` if the end lies before the start.
    pub fn period(&self) -> Option<Period> {
        Period::checked(self.start, self.end)
    }
}

/// What kind of treaty it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TreatyKind {
    /// A military alliance with at least one obligation.
    Alliance,
    /// A reciprocal access or status-of-forces agreement: cooperation, no obligation.
    Access,
    /// Anything else.
    Other,
}
keyword_enum!(
    TreatyKind,
    "treaty kind",
    [Alliance = "alliance", Access = "access", Other = "other"]
);

/// A party to a treaty, with the span of its participation when it differs from the treaty's.
/// A state that left and re-entered is listed once per spell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Party {
    /// A party for the treaty's whole life: written as the bare id, `"JPN"`.
    Whole(CountryId),
    /// A party that joined or left at its own dates.
    Spell {
        /// The state.
        country: CountryId,
        /// When it joined.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        joined: Option<PartialDate>,
        /// When it left.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        left: Option<PartialDate>,
    },
}

/// The spell form of a party as written in files.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpellRepr {
    country: CountryId,
    #[serde(default)]
    joined: Option<PartialDate>,
    #[serde(default)]
    left: Option<PartialDate>,
}

impl<'de> Deserialize<'de> for Party {
    /// Hand-written rather than `untagged`, so that a bad id keeps its own error message.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PartyVisitor;
        impl<'de> serde::de::Visitor<'de> for PartyVisitor {
            type Value = Party;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a country id such as \"JPN\" or {\"country\", \"joined\", \"left\"}")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Party, E> {
                CountryId::new(s).map(Party::Whole).map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Party, A::Error> {
                let r = SpellRepr::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Party::Spell {
                    country: r.country,
                    joined: r.joined,
                    left: r.left,
                })
            }
        }
        d.deserialize_any(PartyVisitor)
    }
}

impl Party {
    /// The state.
    pub fn country(&self) -> CountryId {
        match self {
            Party::Whole(c) | Party::Spell { country: c, .. } => *c,
        }
    }

    /// The span of participation: open where the party follows the treaty's own dates.
    pub fn period(&self) -> Period {
        match self {
            Party::Whole(_) => Period::ALWAYS,
            Party::Spell { joined, left, .. } => {
                Period::checked(*joined, *left).unwrap_or(Period::ALWAYS)
            }
        }
    }
}

/// One obligation of a treaty: who owes it to whom, under what conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TreatyObligation {
    /// The obligation.
    pub kind: Obligation,
    /// The parties that owe it; `None` means every party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Vec<CountryId>>,
    /// The parties it is owed to; `None` means every party. A party never owes itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Vec<CountryId>>,
    /// Conditions on it (only against a named adversary, only in a place, ...): ATOP's coded
    /// conditions (`"defense: only in specific locations (defcoloc=1)"`, judged by their code),
    /// or a treaty's own words for a limit (judged undecidable, with the words). The clause's
    /// wording that limits nothing goes in [`clause`](Self::clause).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// The treaty's words for the obligation, or a summary of them, with the article where
    /// known: shown with the obligation, never judged as a condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The adversaries the obligation is limited to, as the treaty text names them (ATOP
    /// flags such a limit, `defcoadv`, without always naming the states).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<Adversaries>,
    /// When it applies, if narrower than the treaty (a phase of an ATOP alliance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// When it stops applying, if before the treaty ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// The treaty phase it belongs to, for treaties amended over time (ATOP phases, from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<u16>,
}

impl TreatyObligation {
    /// An obligation of `kind`, owed by every party to every other, unconditionally, for the treaty's whole life, until its fields say otherwise.
    #[allow(clippy::too_many_arguments)]
    pub fn new(kind: Obligation) -> Self {
        TreatyObligation {
            kind,
            by: None,
            to: None,
            conditions: Vec::new(),
            clause: None,
            against: None,
            from: None,
            until: None,
            phase: None,
        }
    }
}

/// The adversaries an obligation is limited to, from the treaty's text: the states it names,
/// or its words for a class of states ("a European Power"), with the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Adversaries {
    /// The states named; empty when the text names a class of states only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<CountryId>,
    /// The text's words for them (with the article), when it names a class or adds a
    /// condition ("Italy supported by Germany").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Where the text says so.
    pub source: SourceId,
}

impl Adversaries {
    /// The named adversaries `states`, as `source` says.
    pub fn new(states: Vec<CountryId>, source: SourceId) -> Self {
        Adversaries {
            states,
            text: None,
            source,
        }
    }
}

impl TreatyObligation {
    /// Whether `country` owes this obligation.
    pub fn owed_by(&self, country: CountryId) -> bool {
        self.by.as_ref().is_none_or(|by| by.contains(&country))
    }

    /// Whether this obligation is owed to `country`.
    pub fn owed_to(&self, country: CountryId) -> bool {
        self.to.as_ref().is_none_or(|to| to.contains(&country))
    }

    /// The span in which the obligation applies, within the treaty's own.
    pub fn period(&self) -> Period {
        Period::checked(self.from, self.until).unwrap_or(Period::ALWAYS)
    }
}

/// A treaty between states, with its obligations and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Treaty {
    /// Slug id.
    pub id: TreatyId,
    /// Its name.
    pub name: String,
    /// What kind of treaty.
    pub kind: TreatyKind,
    /// The states party to it (at least two).
    pub parties: Vec<Party>,
    /// What the parties owe each other; empty for an access agreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<TreatyObligation>,
    /// When it was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<PartialDate>,
    /// When it came into force; when absent, it counts from signature (ATOP's convention).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<PartialDate>,
    /// When it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<PartialDate>,
    /// Signed but not in force (as of the dataset's last review): it binds nobody, on any
    /// date, whatever its other dates say.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_in_force: bool,
    /// The ATOP alliance id, where ATOP codes the treaty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub atop_id: Option<u32>,
    /// Further coded provisions, by name (an importer keeps a source's other columns here,
    /// such as ATOP's `pubsecr` or `milaid`).
    #[serde(default, skip_serializing_if = "super::Attributes::is_empty")]
    pub attributes: super::Attributes,
    /// Who says so; at least one.
    pub sources: Vec<SourceId>,
    /// Other sources that say the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corroborated_by: Vec<Citation>,
    /// Sources that contradict it (its dates, its parties, its obligations): the treaty is
    /// then contested, and every tie it makes says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicted_by: Vec<Citation>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Treaty {
    /// A treaty among `parties`, with no obligations, dates or sources yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: TreatyId,
        name: impl Into<String>,
        kind: TreatyKind,
        parties: Vec<Party>,
    ) -> Self {
        Treaty {
            id,
            name: name.into(),
            kind,
            parties,
            obligations: Vec::new(),
            signed: None,
            in_force: None,
            ended: None,
            not_in_force: false,
            atop_id: None,
            attributes: Default::default(),
            sources: Vec::new(),
            corroborated_by: Vec::new(),
            contradicted_by: Vec::new(),
            note: None,
        }
    }
}

impl Treaty {
    /// The start of force: entry into force, or signature when that is not given.
    pub fn start(&self) -> Option<PartialDate> {
        self.in_force.or(self.signed)
    }

    /// The treaty's period in force; `None` if it is [not in force](Self::not_in_force) or
    /// the end lies before the start.
    pub fn period(&self) -> Option<Period> {
        if self.not_in_force {
            return None;
        }
        Period::checked(self.start(), self.ended)
    }

    /// Whether `country` is a party (at any time).
    pub fn has_party(&self, country: CountryId) -> bool {
        self.parties.iter().any(|p| p.country() == country)
    }

    /// The spells in which `country` was a party: one for most treaties, several when a
    /// state left and re-entered.
    pub fn spells(&self, country: CountryId) -> impl Iterator<Item = Period> + '_ {
        self.parties
            .iter()
            .filter(move |p| p.country() == country)
            .map(Party::period)
    }
}

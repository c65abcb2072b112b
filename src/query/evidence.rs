//! The evidence of a tie: what creates it ([`TieBasis`]), who owes whom ([`Parties`]), the
//! item itself ([`TieEvidence`], borrowed from the graph's records) and the evidence of one
//! answer ([`Evidence`], built from the records when first read).

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use super::View;
use crate::model::{Citation, CountryId, GroupingId, Obligation, SourceId, TreatyId};
use crate::{Doubt, PartialDate};

/// What creates a tie: a treaty between the two, or common membership of a grouping; borrowed
/// from the graph's records. Serialized as `{"type": "treaty" | "grouping", "id", "name",
/// "atop_id"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum TieBasis<'g> {
    /// A treaty.
    Treaty {
        /// Its id.
        id: &'g TreatyId,
        /// Its name.
        name: &'g str,
        /// Its ATOP alliance id, if it has one.
        atop_id: Option<u32>,
    },
    /// Both are full members of a grouping.
    Grouping {
        /// Its id.
        id: &'g GroupingId,
        /// Its name.
        name: &'g str,
    },
}

impl fmt::Display for TieBasis<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TieBasis::Treaty {
                name,
                atop_id: Some(a),
                ..
            } => write!(f, "{name} (ATOP {a})"),
            TieBasis::Treaty { name, .. } => f.write_str(name),
            TieBasis::Grouping { id, name } => write!(f, "{name} ({id})"),
        }
    }
}

/// Some of the two states of a tie: none, one or both, sorted by id. Reads as a slice, and
/// compares and hashes as one.
#[derive(Debug, Clone, Copy)]
pub struct Parties {
    ids: [CountryId; 2],
    len: u8,
}

impl Parties {
    /// Of the pair `(x, y)`, `x` when `with_x` and `y` when `with_y`.
    pub(crate) fn of((x, y): (CountryId, CountryId), with_x: bool, with_y: bool) -> Parties {
        let (ids, len) = match (with_x, with_y) {
            (true, true) if y < x => ([y, x], 2),
            (true, true) => ([x, y], 2),
            (true, false) => ([x, y], 1),
            (false, true) => ([y, x], 1),
            (false, false) => ([x, y], 0),
        };
        Parties { ids, len }
    }

    /// The states in either (of the same pair).
    pub(super) fn union(self, other: Parties) -> Parties {
        let [x, y] = self.ids;
        let has = |c: CountryId| self.contains(&c) || other.contains(&c);
        Parties::of((x, y), has(x), has(y))
    }

    /// The states, as a slice.
    pub fn as_slice(&self) -> &[CountryId] {
        &self.ids[..self.len as usize]
    }
}

impl PartialEq for Parties {
    fn eq(&self, other: &Parties) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Parties {}

impl std::hash::Hash for Parties {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl Deref for Parties {
    type Target = [CountryId];
    fn deref(&self) -> &[CountryId] {
        self.as_slice()
    }
}

impl serde::Serialize for Parties {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

/// Why two states are tied: the basis, the obligation, who owes it, the dates and the sources.
/// Borrowed from the graph's records (`'g`): building it allocates nothing but what several
/// clauses of one obligation merge, and a grouping tie's list of sources.
/// Serialized with its fields and two more: `mutual` and `text` (its sentence, as printed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieEvidence<'g> {
    /// The treaty or grouping.
    pub basis: TieBasis<'g>,
    /// The obligation; `None` for a tie without one (at [`Strength::Any`](super::Strength::Any)).
    pub obligation: Option<Obligation>,
    /// The states that owe it, among the two; both when it is mutual.
    pub owed_by: Parties,
    /// The states it is owed to, among the two.
    pub owed_to: Parties,
    /// Since when the tie has held for this pair (the latest of the dates it rests on).
    pub since: Option<PartialDate>,
    /// Until when, if it ended (the earliest of the ends it rests on).
    pub until: Option<PartialDate>,
    /// Conditions on the obligation.
    pub conditions: Cow<'g, [String]>,
    /// The treaty's words for the obligation (or a summary), where the record has them.
    pub clause: Cow<'g, [String]>,
    /// The sources of the facts it rests on.
    pub sources: Cow<'g, [SourceId]>,
    /// Why the tie only possibly held on the date asked, when it did only possibly: the
    /// partial date it turns on (a treaty in force from `1952-04`, asked about on
    /// 1952-04-15). `None` when it certainly held. See [`time`](crate::time).
    pub doubt: Option<Doubt>,
    /// Sources that contradict the facts it rests on: the tie is then contested.
    pub contradicted_by: Cow<'g, [Citation]>,
}

impl serde::Serialize for TieEvidence<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("TieEvidence", 14)?;
        out.serialize_field("basis", &self.basis)?;
        out.serialize_field("obligation", &self.obligation)?;
        out.serialize_field("owed_by", &self.owed_by)?;
        out.serialize_field("owed_to", &self.owed_to)?;
        out.serialize_field("mutual", &self.is_mutual())?;
        out.serialize_field("since", &self.since)?;
        out.serialize_field("until", &self.until)?;
        out.serialize_field("conditions", &self.conditions)?;
        out.serialize_field("clause", &self.clause)?;
        out.serialize_field("sources", &self.sources)?;
        out.serialize_field(
            "holds",
            &self.doubt.map_or(crate::Holds::Yes, crate::Holds::Possibly),
        )?;
        out.serialize_field("contradicted_by", &self.contradicted_by)?;
        out.serialize_field("text", &self.to_string())?;
        out.end()
    }
}

impl TieEvidence<'_> {
    /// Whether `country` owes an obligation under this tie: it defends the other state at
    /// the strength the tie was found at. The one defender rule of every query.
    pub fn binds(&self, country: CountryId) -> bool {
        self.obligation.is_some() && self.owed_by.contains(&country)
    }

    /// Whether both states owe the obligation to each other.
    pub fn is_mutual(&self) -> bool {
        self.owed_by.len() == 2
    }

    /// Whether the tie only possibly held on the date asked (see [`doubt`](Self::doubt)).
    pub fn is_possible(&self) -> bool {
        self.doubt.is_some()
    }
}

impl fmt::Display for TieEvidence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = self
            .obligation
            .map_or("no obligation".to_string(), |o| o.to_string());
        match (self.owed_by.as_slice(), self.owed_to.as_slice()) {
            (_, _) if self.obligation.is_none() => write!(f, "tied, {what}, by {}", self.basis)?,
            ([a, b], _) => write!(f, "{a} and {b} owe each other {what} under {}", self.basis)?,
            ([a], [b, ..]) => write!(f, "{a} owes {b} {what} under {}", self.basis)?,
            _ => write!(f, "{what} under {}", self.basis)?,
        }
        match (self.since, self.until) {
            (Some(s), Some(u)) => write!(f, ", {s} to {u}")?,
            (Some(s), None) => write!(f, ", since {s}")?,
            (None, Some(u)) => write!(f, ", until {u}")?,
            (None, None) => {}
        }
        if !self.conditions.is_empty() {
            write!(f, "; conditions: {}", self.conditions.join("; "))?;
        }
        if !self.clause.is_empty() {
            write!(f, "; clause: {}", self.clause.join("; "))?;
        }
        let sources: Vec<&str> = self.sources.iter().map(SourceId::as_str).collect();
        write!(f, " [source: {}]", sources.join(", "))?;
        if let Some(doubt) = &self.doubt {
            write!(f, " (possibly: {doubt})")?;
        }
        for c in self.contradicted_by.iter() {
            write!(f, " (CONTESTED by {c})")?;
        }
        Ok(())
    }
}

/// The evidence of one answer (an ally, a defender, an allied pair): its [`TieEvidence`]
/// items, strongest obligation first. It reads as a slice (`evidence[0]`, `.iter()`,
/// `.len()`); an answer that was found without it builds it from the graph's records the
/// first time it is read, and keeps it. So a caller who only wants the states pays for no
/// evidence, and one who reads it pays once, for the answers it reads.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let allies = graph.as_of("2024-10".parse()?).allies("Japan")?;
/// let usa = allies.iter().find(|a| a.country.as_str() == "USA").expect("the US");
/// assert_eq!(usa.evidence.len(), 1); // built here, on first reading
/// assert!(usa.evidence[0].to_string().contains("USA owes JPN defense"));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub struct Evidence<'g> {
    /// Where to find it, when it was not built with the answer.
    lazy: Option<PairTies<'g>>,
    /// A boxed slice, not a vector: every answer carries one, so its size counts.
    built: OnceLock<Box<[TieEvidence<'g>]>>,
}

/// The ties of a pair in a view, as an answer asks for them. The view's fields are kept
/// side by side with the pair's, which then fill the view's padding: 40 bytes, not 48. In
/// this order (`repr(C)`), each field lies at a multiple of 8 bytes, so that an answer is
/// written with whole words (in the compiler's own order, an answer list took half as long
/// again to make).
#[derive(Debug, Clone, Copy)]
#[repr(C)]
struct PairTies<'g> {
    graph: &'g crate::AllianceGraph,
    asked: crate::Span,
    date: crate::PartialDate,
    /// The state asked about and the one in the answer.
    pair: (CountryId, CountryId),
    strength: super::Strength,
    /// Only the ties under which the state in the answer owes an obligation (a defender's).
    owed_by_other: bool,
}

impl<'g> Evidence<'g> {
    /// The ties of `x` and `y` in `view`, to be built when read; only those `y` owes an
    /// obligation under when `owed_by_y`.
    pub(super) fn of_pair(view: View<'g>, (x, y): (CountryId, CountryId), owed_by_y: bool) -> Self {
        Evidence {
            lazy: Some(PairTies {
                graph: view.graph,
                date: view.date,
                asked: view.asked,
                strength: view.strength,
                pair: (x, y),
                owed_by_other: owed_by_y,
            }),
            built: OnceLock::new(),
        }
    }

    /// The items, built now if they were not yet.
    pub fn as_slice(&self) -> &[TieEvidence<'g>] {
        self.built.get_or_init(|| {
            self.lazy
                .map(PairTies::build)
                .unwrap_or_default()
                .into_boxed_slice()
        })
    }

    /// The items, as a vector.
    pub fn into_vec(self) -> Vec<TieEvidence<'g>> {
        let Evidence { lazy, built } = self;
        match built.into_inner() {
            Some(items) => items.into_vec(),
            None => lazy.map(PairTies::build).unwrap_or_default(),
        }
    }
}

impl<'g> PairTies<'g> {
    fn build(self) -> Vec<TieEvidence<'g>> {
        let (x, y) = self.pair;
        let view = View {
            graph: self.graph,
            date: self.date,
            asked: self.asked,
            strength: self.strength,
        };
        let mut evidence = view.pair_evidence(x, y);
        if self.owed_by_other {
            evidence.retain(|e| e.binds(y));
        }
        evidence
    }
}

impl<'g> From<Vec<TieEvidence<'g>>> for Evidence<'g> {
    fn from(items: Vec<TieEvidence<'g>>) -> Self {
        Evidence {
            lazy: None,
            built: OnceLock::from(items.into_boxed_slice()),
        }
    }
}

impl<'g> Deref for Evidence<'g> {
    type Target = [TieEvidence<'g>];
    fn deref(&self) -> &[TieEvidence<'g>] {
        self.as_slice()
    }
}

impl<'g> IntoIterator for Evidence<'g> {
    type Item = TieEvidence<'g>;
    type IntoIter = std::vec::IntoIter<TieEvidence<'g>>;
    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'a, 'g> IntoIterator for &'a Evidence<'g> {
    type Item = &'a TieEvidence<'g>;
    type IntoIter = std::slice::Iter<'a, TieEvidence<'g>>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl Default for Evidence<'_> {
    /// No items.
    fn default() -> Self {
        Vec::new().into()
    }
}

impl Clone for Evidence<'_> {
    fn clone(&self) -> Self {
        Evidence {
            lazy: self.lazy,
            built: self.built.clone(),
        }
    }
}

impl fmt::Debug for Evidence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl PartialEq for Evidence<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Evidence<'_> {}

impl serde::Serialize for Evidence<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_read_compare_and_unite_as_slices() {
        let (x, y) = (
            CountryId::new("USA").unwrap(),
            CountryId::new("JPN").unwrap(),
        );
        assert_eq!(Parties::of((x, y), true, true).as_slice(), [y, x]);
        assert_eq!(Parties::of((x, y), true, false).as_slice(), [x]);
        assert_eq!(Parties::of((x, y), false, true).as_slice(), [y]);
        assert!(Parties::of((x, y), false, false).is_empty());
        // Equal when the states are, whichever way round the pair was given.
        assert_eq!(
            Parties::of((x, y), false, false),
            Parties::of((y, x), false, false)
        );
        assert_eq!(
            Parties::of((x, y), true, false),
            Parties::of((y, x), false, true)
        );
        let one_way = Parties::of((x, y), true, false);
        assert_eq!(
            one_way.union(Parties::of((x, y), false, true)).as_slice(),
            [y, x]
        );
        assert_eq!(one_way.union(one_way), one_way);
        assert_eq!(serde_json::to_string(&one_way).unwrap(), r#"["USA"]"#);
    }

    /// Evidence built when read equals the evidence built with the answer, read or cloned
    /// before or after it is built, and serializes the same.
    #[test]
    fn evidence_built_when_read_is_the_evidence_built_at_once() {
        let graph = crate::datasets::asian_nato();
        let view = graph.as_of("2024-10".parse().unwrap());
        let (jpn, usa) = ("JPN".parse().unwrap(), "USA".parse().unwrap());
        let eager = view.pair_evidence(jpn, usa);
        assert!(!eager.is_empty());
        let lazy = Evidence::of_pair(view, (jpn, usa), false);
        let copy = lazy.clone();
        assert!(
            lazy.built.get().is_none(),
            "nothing is built before it is read"
        );
        assert_eq!(lazy.len(), eager.len());
        assert!(lazy.built.get().is_some(), "kept once read");
        assert_eq!(lazy.as_slice(), eager.as_slice());
        assert_eq!(copy, Evidence::from(eager.clone()));
        assert_eq!(
            serde_json::to_value(&copy).unwrap(),
            serde_json::to_value(&eager).unwrap()
        );
        assert_eq!(copy.into_vec(), eager);
        assert_eq!(lazy.clone().into_iter().collect::<Vec<_>>(), eager);
        assert_eq!((&lazy).into_iter().count(), eager.len());
        // A defender's evidence keeps only what the defender owes: the US owes Japan, Japan
        // owes the US nothing under the 1960 treaty.
        let owed_by_usa = Evidence::of_pair(view, (jpn, usa), true);
        assert!(!owed_by_usa.is_empty());
        assert!(owed_by_usa.iter().all(|e| e.binds(usa)));
        let owed_by_jpn = Evidence::of_pair(view, (usa, jpn), true);
        assert!(owed_by_jpn.iter().all(|e| e.binds(jpn)));
        assert!(owed_by_jpn.len() < eager.len());
        assert!(Evidence::default().is_empty());
        assert_eq!(format!("{:?}", Evidence::default()), "[]");
    }
}

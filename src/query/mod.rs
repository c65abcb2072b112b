//! Queries, asked through a dated [`View`], and their result types.
//!
//! A view is the graph as it stood on a date ([`AllianceGraph::as_of`]), at an alliance
//! strength ([`View::with_strength`], defense by default). Every query is defined once, on
//! the view, and every answer that says "allied" carries its [`TieEvidence`]: the treaty or
//! grouping, who owes what to whom, the dates and the sources.
//!
//! Queries name actors by id or by any name the resolver accepts ("Britain", "Washington DC",
//! `CountryId`s, `GroupingId`s); see [`ActorRef`].
//!
//! For many questions of one date where the ids are enough (a simulation step, degree counts,
//! reachability), [`View::network`] gives a [`Network`]: the same answers as bare
//! [`CountryId`]s, without building evidence, at a small fraction of the cost.

mod alliance;
mod blocs;
pub mod conditions;
pub mod conflict;
mod coverage;
mod evidence;
mod index;
mod membership;
mod network;
#[cfg(test)]
mod oracle;
mod path;
mod rules;
mod stance;

pub use alliance::{Ally, Bloc, Defender, Hop, Path};
pub use conditions::Judgement;
pub use conflict::{Belligerent, Conflict, ConflictOptions, Duty, DutyKind, Side};
pub use coverage::{Gaps, OpenTie};
pub use evidence::{Evidence, Parties, TieBasis, TieEvidence};
pub use membership::{MemberOf, SharedGrouping};
pub use network::{Network, LIST_LIMIT};
pub use stance::{Coalition, Move, Position, Said};

use std::fmt;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{ActorId, CountryId, GroupingId, Obligation};
use crate::{AllianceGraph, PartialDate, Span};

/// How strong a tie must be to count: an ATOP obligation and every stronger one (in ATOP's
/// order, defense > offense > neutrality > non-aggression > consultation), or any formal tie
/// at all, partnerships and dialogues without obligation included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Strength {
    /// Defense only: "allied" in the default sense.
    #[default]
    Defense,
    /// Defense or offense.
    Offense,
    /// Defense, offense or neutrality.
    Neutrality,
    /// Any obligation but consultation.
    NonAggression,
    /// Any ATOP obligation: ATOP's `atopally`.
    Consultation,
    /// Any formal tie, with or without obligation (QUAD, AUKUS, access agreements).
    Any,
}

impl Strength {
    /// Every strength, strongest first.
    pub const ALL: &'static [Strength] = &[
        Strength::Defense,
        Strength::Offense,
        Strength::Neutrality,
        Strength::NonAggression,
        Strength::Consultation,
        Strength::Any,
    ];

    /// Whether a tie carrying `obligation` (or none) counts at this strength.
    pub fn admits(&self, obligation: Option<Obligation>) -> bool {
        match (self, obligation) {
            (Strength::Any, _) => true,
            (_, None) => false,
            (s, Some(o)) => o <= s.weakest().unwrap_or(Obligation::Consultation),
        }
    }

    /// The weakest obligation that counts; `None` for [`Strength::Any`].
    pub fn weakest(&self) -> Option<Obligation> {
        match self {
            Strength::Defense => Some(Obligation::Defense),
            Strength::Offense => Some(Obligation::Offense),
            Strength::Neutrality => Some(Obligation::Neutrality),
            Strength::NonAggression => Some(Obligation::NonAggression),
            Strength::Consultation => Some(Obligation::Consultation),
            Strength::Any => None,
        }
    }

    /// The word used on the command line.
    pub fn as_str(&self) -> &'static str {
        self.weakest().map_or("any", |o| o.as_str())
    }
}

impl From<Obligation> for Strength {
    fn from(o: Obligation) -> Self {
        match o {
            Obligation::Defense => Strength::Defense,
            Obligation::Offense => Strength::Offense,
            Obligation::Neutrality => Strength::Neutrality,
            Obligation::NonAggression => Strength::NonAggression,
            Obligation::Consultation => Strength::Consultation,
        }
    }
}

impl std::str::FromStr for Strength {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        if s == "any" {
            return Ok(Strength::Any);
        }
        s.parse::<Obligation>().map(Strength::from).map_err(|_| {
            Error::from(ErrorKind::UnknownKeyword {
                kind: "strength",
                value: s.to_string(),
                expected: "defense offense neutrality non-aggression consultation any",
            })
        })
    }
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something that names an actor: a typed id ([`ActorId`], [`CountryId`], [`GroupingId`]),
/// which must be an id of the graph exactly, or text (`&str`, `String`): an id, name or alias
/// the graph's resolver accepts.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let view = graph.as_of("2024-10".parse()?);
/// assert!(view.allies("ROK").is_ok()); // a name of South Korea
/// let e = view.allies("ROK".parse::<alliance_graph::CountryId>()?).unwrap_err();
/// assert_eq!(e.to_string(), "unknown actor 'ROK'; did you mean 'ROK' (KOR)?");
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub trait ActorRef {
    /// The actor's id in `graph`, or an error naming the closest names.
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId>;

    /// The actor's id in `graph` as of the days `asked` (a name several actors carried
    /// resolves to the one that existed then; see [`AllianceGraph::resolve_on`]).
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        let _ = asked;
        self.resolve_in(graph)
    }

    /// The country it names without resolving anything, when it is a typed country id (which
    /// a query then finds by one look-up in the graph's table of countries); `None` for
    /// anything else.
    fn country_id(&self) -> Option<CountryId> {
        None
    }
}

impl ActorRef for str {
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId> {
        graph.resolve(self)
    }
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        graph.resolve_on(self, asked)
    }
}

impl ActorRef for String {
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId> {
        graph.resolve(self)
    }
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        graph.resolve_on(self, asked)
    }
}

/// A typed id names an actor of the graph by its id, exactly: an id the graph does not hold
/// is an unknown actor, whose "did you mean" is the actor the same text names as a name or
/// alias ("ROK" is a name of KOR, not an id), or the closest names.
impl ActorRef for ActorId {
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId> {
        exact_id(graph, self, || graph.resolve(self.as_str()))
    }
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        exact_id(graph, self, || graph.resolve_on(self.as_str(), asked))
    }
    fn country_id(&self) -> Option<CountryId> {
        match self {
            ActorId::Country(c) => Some(*c),
            ActorId::Grouping(_) => None,
        }
    }
}

/// `id` if the graph holds it; otherwise an unknown actor, suggesting what the same text
/// names as a name (`as_name`), or the names closest to it.
fn exact_id(
    graph: &AllianceGraph,
    id: &ActorId,
    as_name: impl FnOnce() -> Result<ActorId>,
) -> Result<ActorId> {
    if graph.contains(id) {
        return Ok(id.clone());
    }
    let candidates = match as_name() {
        Ok(actor) => vec![crate::Candidate::new(id.as_str().to_string(), &actor)],
        Err(e) => match e.into_kind() {
            ErrorKind::UnknownActor { candidates, .. }
            | ErrorKind::AmbiguousActor { candidates, .. } => candidates,
            _ => Vec::new(),
        },
    };
    Err(Error::from(ErrorKind::UnknownActor {
        name: id.as_str().to_string(),
        candidates,
    }))
}

impl ActorRef for CountryId {
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId> {
        ActorId::Country(*self).resolve_in(graph)
    }
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        ActorId::Country(*self).resolve_on(graph, asked)
    }
    fn country_id(&self) -> Option<CountryId> {
        Some(*self)
    }
}

impl ActorRef for GroupingId {
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId> {
        ActorId::Grouping(self.clone()).resolve_in(graph)
    }
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        ActorId::Grouping(self.clone()).resolve_on(graph, asked)
    }
}

impl<T: ActorRef + ?Sized> ActorRef for &T {
    fn resolve_in(&self, graph: &AllianceGraph) -> Result<ActorId> {
        (**self).resolve_in(graph)
    }
    fn resolve_on(&self, graph: &AllianceGraph, asked: &Span) -> Result<ActorId> {
        (**self).resolve_on(graph, asked)
    }
    fn country_id(&self) -> Option<CountryId> {
        (**self).country_id()
    }
}

/// The graph as it stood on a date, at an alliance strength. Cheap to copy; every query
/// lives here.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let view = graph.as_of("1990".parse()?);
/// assert_eq!(view.date().to_string(), "1990");
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct View<'g> {
    graph: &'g AllianceGraph,
    date: PartialDate,
    asked: Span,
    strength: Strength,
}

impl AllianceGraph {
    /// The graph as it stood on `date` (every day the date covers; see [`time`](crate::time)),
    /// at the default strength, defense.
    pub fn as_of(&self, date: PartialDate) -> View<'_> {
        View {
            graph: self,
            date,
            asked: date.span(),
            strength: Strength::default(),
        }
    }

    /// The graph as it stands today (the system clock's date, in UTC).
    pub fn today(&self) -> View<'_> {
        let date = crate::Day::today().to_partial().unwrap_or_else(|_| {
            // The clock is outside 1000-9999: fall back to the latest supported day.
            PartialDate::day(9999, 12, 31).expect("a valid date")
        });
        self.as_of(date)
    }
}

impl<'g> View<'g> {
    /// The same view at another strength.
    pub fn with_strength(self, strength: impl Into<Strength>) -> Self {
        View {
            strength: strength.into(),
            ..self
        }
    }

    /// The graph viewed.
    pub fn graph(&self) -> &'g AllianceGraph {
        self.graph
    }

    /// The date asked.
    pub fn date(&self) -> PartialDate {
        self.date
    }

    /// The days the date covers.
    pub fn span(&self) -> Span {
        self.asked
    }

    /// The strength ties must have to count.
    pub fn strength(&self) -> Strength {
        self.strength
    }

    /// Builds this view's adjacency index now, if the graph does not hold it yet, and returns
    /// the view. Queries do this on first use: the index (each state's ties at the date and
    /// strength, built once) is kept in the graph for the last few (date, strength) pairs
    /// asked, so later queries on the same date look ties up instead of re-reading records.
    /// Call it to pay that cost up front, for example before timing queries.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let view = graph.as_of("2024-10".parse()?).prepare();
    /// assert!(view.are_allied("Japan", "US")?.is_some());
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn prepare(self) -> Self {
        self.adjacency();
        self
    }

    /// Whether `country` was nuclear-armed by the end of the asked date.
    pub fn is_nuclear_armed(&self, country: CountryId) -> bool {
        self.graph
            .country(&country)
            .and_then(|c| c.nuclear_armed.as_ref())
            .is_some_and(|n| n.since.counts_by(&self.asked))
    }

    /// Resolves a name as of the view's date ([`AllianceGraph::resolve_on`]).
    pub fn resolve(&self, name: impl ActorRef) -> Result<ActorId> {
        name.resolve_on(self.graph, &self.asked)
    }

    /// Resolves a name to a country as of the view's date; a grouping's name is an error.
    pub fn resolve_country(&self, name: impl ActorRef) -> Result<CountryId> {
        self.country(&name)
    }

    /// Resolves a name to a grouping as of the view's date; a country's name is an error.
    pub fn resolve_grouping(&self, name: impl ActorRef) -> Result<GroupingId> {
        self.grouping(&name)
    }

    #[inline]
    pub(crate) fn country(&self, who: &(impl ActorRef + ?Sized)) -> Result<CountryId> {
        self.country_at(who).map(|(c, _)| c)
    }

    /// The country `who` names and its position in the graph: a typed id by one look-up
    /// (inlined: most queries ask by id), anything else resolved.
    #[inline(always)]
    pub(crate) fn country_at(&self, who: &(impl ActorRef + ?Sized)) -> Result<(CountryId, u32)> {
        if let Some(c) = who.country_id() {
            if let Some(i) = self.graph.country_index(&c) {
                return Ok((c, i));
            }
        }
        self.resolve_country_at(who)
    }

    /// [`country_at`](Self::country_at) of what is not a typed id of the graph: out of line.
    #[cold]
    #[inline(never)]
    fn resolve_country_at(&self, who: &(impl ActorRef + ?Sized)) -> Result<(CountryId, u32)> {
        let c = self.resolve_to_country(who)?;
        match self.graph.country_index(&c) {
            Some(i) => Ok((c, i)),
            // Resolution gives only states of the graph.
            None => Err(Error::from(ErrorKind::UnknownActor {
                name: c.to_string(),
                candidates: Vec::new(),
            })),
        }
    }

    /// `who` resolved on the view's date to a country; a grouping is an error.
    fn resolve_to_country(&self, who: &(impl ActorRef + ?Sized)) -> Result<CountryId> {
        match who.resolve_on(self.graph, &self.asked)? {
            ActorId::Country(c) => Ok(c),
            ActorId::Grouping(g) => Err(Error::from(ErrorKind::WrongActorKind {
                name: g.to_string(),
                actual: crate::ActorKind::Grouping,
                expected: crate::ActorKind::Country,
            })),
        }
    }

    /// Two different countries, for a question about a pair (`question`: "an alliance", "a
    /// path", ...); the same state twice is an error that says so.
    fn two_countries(
        &self,
        a: &(impl ActorRef + ?Sized),
        b: &(impl ActorRef + ?Sized),
        question: &'static str,
    ) -> Result<(CountryId, CountryId)> {
        self.two_countries_at(a, b, question)
            .map(|((x, _), (y, _))| (x, y))
    }

    /// [`two_countries`](Self::two_countries) with their positions in the graph.
    #[inline]
    fn two_countries_at(
        &self,
        a: &(impl ActorRef + ?Sized),
        b: &(impl ActorRef + ?Sized),
        question: &'static str,
    ) -> Result<((CountryId, u32), (CountryId, u32))> {
        let (x, y) = (self.country_at(a)?, self.country_at(b)?);
        if x.1 == y.1 {
            return Err(same_actor(x.0, question));
        }
        Ok((x, y))
    }

    fn grouping(&self, which: &(impl ActorRef + ?Sized)) -> Result<GroupingId> {
        match which.resolve_on(self.graph, &self.asked)? {
            ActorId::Grouping(g) => Ok(g),
            ActorId::Country(c) => Err(Error::from(ErrorKind::WrongActorKind {
                name: c.to_string(),
                actual: crate::ActorKind::Country,
                expected: crate::ActorKind::Grouping,
            })),
        }
    }
}

/// The error of a question about a pair asked of one state twice.
#[cold]
fn same_actor(c: CountryId, question: &'static str) -> Error {
    Error::from(ErrorKind::SameActor {
        name: c.to_string(),
        question,
    })
}

/// An answer that may be unknown: a question the data do not cover is not a "no" (the rule
/// is in the [`coverage`](self#coverage) section of [`Gaps`]' module).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer<T> {
    /// Yes, with the evidence.
    Yes(T),
    /// Possibly: the evidence holds only on some readings of its partial dates (each item
    /// says which date in its `doubt`). Distinct from yes.
    Possibly(T),
    /// No: the data cover the question and hold no such tie.
    No,
    /// Unknown: what the data cannot say, named.
    Unknown(Gaps),
}

impl<T> Answer<T> {
    /// Whether the answer is yes.
    pub fn is_yes(&self) -> bool {
        matches!(self, Answer::Yes(_))
    }

    /// Whether the answer is unknown.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Answer::Unknown(_))
    }

    /// Whether the answer is possibly.
    pub fn is_possible(&self) -> bool {
        matches!(self, Answer::Possibly(_))
    }

    /// The word for the answer: "yes", "possibly", "no" or "unknown".
    pub fn as_str(&self) -> &'static str {
        match self {
            Answer::Yes(_) => "yes",
            Answer::Possibly(_) => "possibly",
            Answer::No => "no",
            Answer::Unknown(_) => "unknown",
        }
    }
}

impl<'g> View<'g> {
    /// Like [`are_allied`](View::are_allied), but a "no" that the data do not cover (a date
    /// outside every source's coverage, an alliance of the two not reviewed since its source
    /// ended, a state that did not exist then) is [`Answer::Unknown`], naming the gaps; and a
    /// "yes" that turns on a day a partial date does not give (every tie found only possibly
    /// held then) is [`Answer::Possibly`], each tie naming its doubt.
    ///
    /// ```
    /// use alliance_graph::query::Answer;
    ///
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let answer = graph.as_of("2024-10".parse()?).allied("India", "Japan")?;
    /// assert_eq!(answer, Answer::No);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn allied(
        &self,
        a: impl ActorRef,
        b: impl ActorRef,
    ) -> Result<Answer<Vec<TieEvidence<'g>>>> {
        let (x, y) = self.two_countries(&a, &b, "an alliance")?;
        if let Some(evidence) = self.are_allied(x, y)? {
            let evidence = evidence.into_vec();
            return Ok(if evidence.iter().all(TieEvidence::is_possible) {
                Answer::Possibly(evidence)
            } else {
                Answer::Yes(evidence)
            });
        }
        let gaps = self.gaps_for(&[x, y]);
        Ok(if gaps.is_empty() {
            Answer::No
        } else {
            Answer::Unknown(gaps)
        })
    }
}

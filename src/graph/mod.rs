//! The graph store: [`AllianceGraph`], the only owner of the petgraph graph, and
//! [`GraphBuilder`], which validates records (by the checks in [`validate`](crate::validate))
//! before they become a graph.

use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::EdgeRef;

pub(crate) mod adjacency;
mod grouped;
use grouped::Grouped;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Document;
use crate::model::{
    ActorId, Country, CountryId, Grouping, GroupingId, Membership, Source, SourceId, Stance,
    Target, Treaty, TreatyId,
};
use crate::resolve::NameIndex;
use crate::util::FastMap;
use crate::validate::Issue;
use crate::Span;

/// What a graph edge stands for: an index into the graph's record lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    /// A treaty tying two of its parties.
    Treaty(u32),
    /// A country's membership of a grouping.
    Membership(u32),
}

/// A validated graph of countries, groupings, memberships, treaties and stances.
///
/// Built by [`GraphBuilder`], loaded from JSON with [`io::json`](crate::io::json), or taken
/// from [`datasets`](crate::datasets). It is immutable: what-if questions work on a changed
/// copy (see [`Scenario`](crate::Scenario)). Questions are asked through a dated view, see
/// [`AllianceGraph::as_of`].
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let japan = graph.country(&"JPN".parse()?).expect("Japan is in the dataset");
/// assert_eq!(japan.name, "Japan");
/// assert!(graph.countries().count() >= 10);
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AllianceGraph {
    doc: Document,
    graph: StableUnGraph<ActorId, Edge>,
    nodes: FastMap<ActorId, NodeIndex>,
    countries: CountryTable,
    groupings: FastMap<GroupingId, u32>,
    treaties: FastMap<TreatyId, u32>,
    sources: FastMap<SourceId, u32>,
    stances_by_target: Grouped<Target>,
    stances_by_actor: Grouped<ActorId>,
    /// Built on the first name resolved: loading and id-only queries never need it.
    names: std::sync::OnceLock<NameIndex>,
    /// Each treaty's days known from its sources' coverage (by treaty position), found on
    /// first use: every tie rule reads it, and a treaty may cite many sources.
    treaty_known: std::sync::OnceLock<Vec<Span>>,
    /// Adjacency indices built by views, by asked span and strength (the last few); a clone
    /// starts empty.
    adjacency: adjacency::IndexCache,
}

// Queries may run from many threads at once.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<AllianceGraph>();
};

impl PartialEq for AllianceGraph {
    /// Two graphs are equal when they hold the same records in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.doc == other.doc
    }
}

impl AllianceGraph {
    /// The dataset's records, as they would be saved.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Every source, in dataset order.
    pub fn sources(&self) -> impl Iterator<Item = &Source> + '_ {
        self.doc.sources.iter()
    }

    /// The source with this id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.get(id).map(|&i| &self.doc.sources[i as usize])
    }

    /// Every country, in dataset order.
    pub fn countries(&self) -> impl Iterator<Item = &Country> + '_ {
        self.doc.countries.iter()
    }

    /// The days `t` is known on, by the rule `rule` (the coverage rule), computed for every
    /// treaty on first use and kept.
    pub(crate) fn treaty_known(
        &self,
        t: &Treaty,
        rule: fn(&AllianceGraph, &Treaty) -> Span,
    ) -> Span {
        let known = self
            .treaty_known
            .get_or_init(|| self.doc.treaties.iter().map(|t| rule(self, t)).collect());
        match self.treaties.get(&t.id) {
            Some(&i) if std::ptr::eq(&self.doc.treaties[i as usize], t) => known[i as usize],
            // A treaty record not of this graph (none is built that way): the rule itself.
            _ => rule(self, t),
        }
    }

    /// The country with this Correlates of War country code (ATOP's state ids).
    pub fn country_by_cow(&self, code: u16) -> Option<CountryId> {
        self.countries()
            .find(|c| c.cow_code == Some(code))
            .map(|c| c.id)
    }

    /// The country with this id.
    pub fn country(&self, id: &CountryId) -> Option<&Country> {
        self.countries
            .get(id)
            .map(|i| &self.doc.countries[i as usize])
    }

    /// Every grouping, in dataset order.
    pub fn groupings(&self) -> impl Iterator<Item = &Grouping> + '_ {
        self.doc.groupings.iter()
    }

    /// The grouping with this id.
    pub fn grouping(&self, id: &GroupingId) -> Option<&Grouping> {
        self.groupings
            .get(id)
            .map(|&i| &self.doc.groupings[i as usize])
    }

    /// Every treaty, in dataset order.
    pub fn treaties(&self) -> impl Iterator<Item = &Treaty> + '_ {
        self.doc.treaties.iter()
    }

    /// The treaty with this id.
    pub fn treaty(&self, id: &TreatyId) -> Option<&Treaty> {
        self.treaties
            .get(id)
            .map(|&i| &self.doc.treaties[i as usize])
    }

    /// Every membership, in dataset order.
    pub fn memberships(&self) -> impl Iterator<Item = &Membership> + '_ {
        self.doc.memberships.iter()
    }

    /// Every stance, in dataset order.
    pub fn stances(&self) -> impl Iterator<Item = &Stance> + '_ {
        self.doc.stances.iter()
    }

    /// Whether an actor with this id is in the graph.
    pub fn contains(&self, id: &ActorId) -> bool {
        self.nodes.contains_key(id)
    }

    /// The actor's display name: a country's name, a grouping's acronym or name.
    pub fn name_of(&self, id: &ActorId) -> Option<&str> {
        match id {
            ActorId::Country(c) => self.country(c).map(|c| c.name.as_str()),
            ActorId::Grouping(g) => self
                .grouping(g)
                .map(|g| g.acronym.as_deref().unwrap_or(&g.name)),
        }
    }

    /// Resolves a name, alias, capital or id to an actor, ignoring case, dots and extra spaces.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// assert_eq!(graph.resolve("Britain")?.as_str(), "GBR");
    /// assert_eq!(graph.resolve("washington dc")?.as_str(), "USA");
    /// assert_eq!(graph.resolve("Quad")?.as_str(), "quad");
    /// let err = graph.resolve("Brtain").unwrap_err();
    /// assert!(err.to_string().contains("did you mean"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn resolve(&self, name: &str) -> Result<ActorId> {
        self.names
            .get_or_init(|| NameIndex::new(&self.doc))
            .resolve(name, |_| true)
    }

    /// Resolves a name as of a date: where several actors carry the name, the ones that
    /// existed then are preferred (a country by its [`statehood`](Country::statehood), a
    /// grouping by its status history), so "Germany" in 1970 is the Federal Republic. Two
    /// that both existed then are still an error naming both ("Korea" today).
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let in_1970 = "1970".parse::<alliance_graph::PartialDate>()?.span();
    /// assert_eq!(world.resolve_on("Germany", &in_1970)?.as_str(), "XGF");
    /// let today = "2026-11-30".parse::<alliance_graph::PartialDate>()?.span();
    /// assert_eq!(world.resolve_on("Germany", &today)?.as_str(), "DEU");
    /// assert!(world.resolve_on("Korea", &today).unwrap_err().to_string().contains("PRK"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn resolve_on(&self, name: &str, asked: &crate::Span) -> Result<ActorId> {
        self.names
            .get_or_init(|| NameIndex::new(&self.doc))
            .resolve(name, |actor| match actor {
                ActorId::Country(c) => self.country(c).is_some_and(|c| c.is_state_during(asked)),
                ActorId::Grouping(g) => self
                    .grouping(g)
                    .is_some_and(|g| g.status.first().is_some_and(|s| s.since.counts_by(asked))),
            })
    }

    /// Resolves a name to a country; a grouping's name is an error.
    pub fn resolve_country(&self, name: &str) -> Result<CountryId> {
        match self.resolve(name)? {
            ActorId::Country(c) => Ok(c),
            ActorId::Grouping(_) => Err(Error::from(ErrorKind::WrongActorKind {
                name: name.to_string(),
                actual: crate::ActorKind::Grouping,
                expected: crate::ActorKind::Country,
            })),
        }
    }

    /// Resolves a name to a grouping; a country's name is an error.
    pub fn resolve_grouping(&self, name: &str) -> Result<GroupingId> {
        match self.resolve(name)? {
            ActorId::Grouping(g) => Ok(g),
            ActorId::Country(_) => Err(Error::from(ErrorKind::WrongActorKind {
                name: name.to_string(),
                actual: crate::ActorKind::Country,
                expected: crate::ActorKind::Grouping,
            })),
        }
    }

    /// The stances whose target is exactly `target`, in dataset order.
    pub(crate) fn stances_on_target(&self, target: &Target) -> impl Iterator<Item = &Stance> + '_ {
        self.stances_by_target
            .get(target)
            .iter()
            .map(|&i| &self.doc.stances[i as usize])
    }

    /// The stances an actor took, in dataset order.
    pub(crate) fn stances_by(&self, actor: &ActorId) -> impl Iterator<Item = &Stance> + '_ {
        self.stances_by_actor
            .get(actor)
            .iter()
            .map(|&i| &self.doc.stances[i as usize])
    }

    /// Every target that has stances, with them.
    pub(crate) fn stance_targets(&self) -> impl Iterator<Item = &Target> + '_ {
        self.stances_by_target.keys()
    }

    /// The treaties an actor is party to and the memberships it holds (for a grouping: the
    /// memberships of its members), each with the actor at the other end. (The queries use
    /// [`incident_edges`](Self::incident_edges) through the view's adjacency index; this is
    /// the unindexed search's, kept to check the index against.)
    #[cfg(test)]
    pub(crate) fn incident(
        &self,
        actor: &ActorId,
    ) -> impl Iterator<Item = (Tie<'_>, &ActorId)> + '_ {
        self.incident_edges(actor).map(move |(edge, other)| {
            let tie = match edge {
                Edge::Treaty(i) => Tie::Treaty(&self.doc.treaties[i as usize]),
                Edge::Membership(i) => Tie::Membership(&self.doc.memberships[i as usize]),
            };
            (tie, other)
        })
    }

    /// [`incident`](Self::incident) as record indices, in the same order.
    pub(crate) fn incident_edges(
        &self,
        actor: &ActorId,
    ) -> impl Iterator<Item = (Edge, &ActorId)> + '_ {
        let node = self.nodes.get(actor).copied();
        node.into_iter().flat_map(move |n| {
            self.graph.edges(n).map(move |e| {
                let other_node = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                (*e.weight(), &self.graph[other_node])
            })
        })
    }

    /// The country's position in [`countries`](Self::countries).
    #[inline]
    pub(crate) fn country_index(&self, id: &CountryId) -> Option<u32> {
        self.countries.get(id)
    }

    /// The cache of adjacency indices built by views.
    pub(crate) fn adjacency_cache(&self) -> &adjacency::IndexCache {
        &self.adjacency
    }

    /// Number of actors (countries and groupings).
    pub fn actor_count(&self) -> usize {
        self.nodes.len()
    }
}

/// A formal tie record seen from one end.
#[cfg(test)]
#[derive(Debug, Clone, Copy)]
pub(crate) enum Tie<'g> {
    Treaty(&'g Treaty),
    Membership(&'g Membership),
}

/// Collects records and validates them into an [`AllianceGraph`].
///
/// Every record is checked when [`build`](GraphBuilder::build) runs, and all problems are
/// reported together. Nothing here panics on any input.
///
/// ```
/// use alliance_graph::{Country, GraphBuilder, Obligation, Party, Source, Treaty, TreatyKind, TreatyObligation};
///
/// let mut b = GraphBuilder::new();
/// b.source(Source::new("unts".parse()?, "United Nations Treaty Series"));
/// for (id, name) in [("USA", "United States"), ("KOR", "South Korea")] {
///     b.country(Country::new(id.parse()?, name));
/// }
/// let parties = vec![Party::Whole("USA".parse()?), Party::Whole("KOR".parse()?)];
/// let mut treaty = Treaty::new("us-rok-1953".parse()?, "Mutual Defense Treaty", TreatyKind::Alliance, parties);
/// treaty.obligations.push(TreatyObligation::new(Obligation::Defense));
/// treaty.signed = Some("1953-10-01".parse()?);
/// treaty.in_force = Some("1954-11-17".parse()?);
/// treaty.sources.push("unts".parse()?);
/// b.treaty(treaty);
/// let graph = b.build()?;
/// assert_eq!(graph.treaties().count(), 1);
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct GraphBuilder {
    doc: Document,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder holding a document's records.
    pub fn from_document(doc: Document) -> Self {
        GraphBuilder { doc }
    }

    /// Adds a source.
    pub fn source(&mut self, s: Source) -> &mut Self {
        self.doc.sources.push(s);
        self
    }

    /// Adds a country.
    pub fn country(&mut self, c: Country) -> &mut Self {
        self.doc.countries.push(c);
        self
    }

    /// Adds a grouping.
    pub fn grouping(&mut self, g: Grouping) -> &mut Self {
        self.doc.groupings.push(g);
        self
    }

    /// Adds a membership.
    pub fn membership(&mut self, m: Membership) -> &mut Self {
        self.doc.memberships.push(m);
        self
    }

    /// Adds a treaty.
    pub fn treaty(&mut self, t: Treaty) -> &mut Self {
        self.doc.treaties.push(t);
        self
    }

    /// Adds a stance.
    pub fn stance(&mut self, s: Stance) -> &mut Self {
        self.doc.stances.push(s);
        self
    }

    /// Every problem with the records, in record order; empty when they are valid.
    pub fn issues(&self) -> Vec<Issue> {
        crate::validate::check(&self.doc)
    }

    /// Validates the records and builds the graph, or returns [`ErrorKind::Invalid`] listing every
    /// problem found.
    pub fn build(self) -> Result<AllianceGraph> {
        let treaties = position_map(self.doc.treaties.iter().map(|t| t.id.clone()));
        let issues = crate::validate::check_with(&self.doc, &treaties);
        if !issues.is_empty() {
            return Err(Error::from(ErrorKind::Invalid {
                location: crate::Location::file(None),
                issues,
            }));
        }
        Ok(index(self.doc, treaties))
    }
}

/// Builds the indices over records that have passed validation.
fn index(doc: Document, treaties: FastMap<TreatyId, u32>) -> AllianceGraph {
    let mut graph = StableUnGraph::with_capacity(
        doc.countries.len() + doc.groupings.len(),
        doc.memberships.len() + doc.treaties.len(),
    );
    let mut nodes = FastMap::default();
    nodes.reserve(doc.countries.len() + doc.groupings.len());
    let countries = CountryTable::new(doc.countries.iter().map(|c| c.id));
    let groupings = position_map(doc.groupings.iter().map(|g| g.id.clone()));
    let sources = position_map(doc.sources.iter().map(|s| s.id.clone()));
    let actors = doc.countries.iter().map(|c| ActorId::Country(c.id)).chain(
        doc.groupings
            .iter()
            .map(|g| ActorId::Grouping(g.id.clone())),
    );
    for actor in actors {
        let n = graph.add_node(actor.clone());
        nodes.insert(actor, n);
    }
    // Nodes were added countries first, then groupings, each in dataset order: a record's
    // node is found from its position, without hashing its id (the records are validated,
    // so every reference is there).
    let country_node = |c: &CountryId| countries.get(c).map(|i| NodeIndex::new(i as usize));
    let grouping_node = |g: &GroupingId| {
        groupings
            .get(g)
            .map(|&i| NodeIndex::new(doc.countries.len() + i as usize))
    };
    for (i, m) in doc.memberships.iter().enumerate() {
        if let (Some(a), Some(b)) = (country_node(&m.country), grouping_node(&m.grouping)) {
            graph.add_edge(a, b, Edge::Membership(i as u32));
        }
    }
    let mut parties: Vec<NodeIndex> = Vec::new();
    for (i, t) in doc.treaties.iter().enumerate() {
        parties.clear();
        parties.extend(t.parties.iter().filter_map(|p| country_node(&p.country())));
        parties.sort_unstable();
        parties.dedup();
        for (k, &a) in parties.iter().enumerate() {
            for &b in &parties[k + 1..] {
                graph.add_edge(a, b, Edge::Treaty(i as u32));
            }
        }
    }
    let stances_by_target = Grouped::new(doc.stances.iter().map(|s| &s.target));
    let stances_by_actor = Grouped::new(doc.stances.iter().map(|s| &s.actor));
    AllianceGraph {
        doc,
        graph,
        nodes,
        countries,
        groupings,
        treaties,
        sources,
        stances_by_target,
        stances_by_actor,
        names: std::sync::OnceLock::new(),
        treaty_known: std::sync::OnceLock::new(),
        adjacency: adjacency::IndexCache::default(),
    }
}

/// Country positions by id, in a table with a slot for each of the 26³ possible ids (70 KB):
/// every query looks its states up, and indexing an array is several times faster than
/// hashing.
#[derive(Debug, Clone)]
struct CountryTable(Vec<u32>);

impl CountryTable {
    const NONE: u32 = u32::MAX;

    /// The table of `ids` by position; the first of repeated ids wins.
    fn new(ids: impl Iterator<Item = CountryId>) -> Self {
        let mut table = vec![Self::NONE; CountryId::SPACE];
        for (i, id) in ids.enumerate() {
            let slot = &mut table[id.dense()];
            if *slot == Self::NONE {
                *slot = i as u32;
            }
        }
        CountryTable(table)
    }

    #[inline]
    fn get(&self, id: &CountryId) -> Option<u32> {
        let i = self.0[id.dense()];
        (i != Self::NONE).then_some(i)
    }
}

pub(crate) fn position_map<K: std::hash::Hash + Eq>(
    keys: impl ExactSizeIterator<Item = K>,
) -> FastMap<K, u32> {
    let mut map = FastMap::default();
    map.reserve(keys.len());
    for (i, k) in keys.enumerate() {
        map.entry(k).or_insert(i as u32);
    }
    map
}

//! The graph store: [`AllianceGraph`], the only owner of the petgraph graph, and
//! [`GraphBuilder`], which validates records before they become a graph. (About 850 lines:
//! the checks, one per issue kind, are half of it; the issue types are in `validate`.)

use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::EdgeRef;

pub(crate) mod adjacency;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Document;
use crate::model::{
    ActorId, Country, CountryId, Grouping, GroupingId, Membership, Source, SourceId, Stance,
    Target, Treaty, TreatyId,
};
use crate::resolve::NameIndex;
use crate::util::FastMap;
use crate::validate::{target_label, Issue, Record};

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
    stances_by_target: FastMap<Target, Vec<u32>>,
    stances_by_actor: FastMap<ActorId, Vec<u32>>,
    /// Built on the first name resolved: loading and id-only queries never need it.
    names: std::sync::OnceLock<NameIndex>,
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
            .into_iter()
            .flatten()
            .map(|&i| &self.doc.stances[i as usize])
    }

    /// The stances an actor took, in dataset order.
    pub(crate) fn stances_by(&self, actor: &ActorId) -> impl Iterator<Item = &Stance> + '_ {
        self.stances_by_actor
            .get(actor)
            .into_iter()
            .flatten()
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
/// b.source(Source { id: "unts".parse()?, title: "United Nations Treaty Series".into(),
///                   publisher: None, url: None, date: None, note: None, coverage: None });
/// for (id, name) in [("USA", "United States"), ("KOR", "South Korea")] {
///     b.country(Country { id: id.parse()?, name: name.into(), aliases: vec![], cow_code: None,
///                         nuclear_armed: None, statehood: vec![], note: None });
/// }
/// b.treaty(Treaty {
///     id: "us-rok-1953".parse()?, name: "Mutual Defense Treaty".into(), kind: TreatyKind::Alliance,
///     parties: vec![Party::Whole("USA".parse()?), Party::Whole("KOR".parse()?)],
///     obligations: vec![TreatyObligation { kind: Obligation::Defense, by: None, to: None,
///                       conditions: vec![], from: None, until: None, phase: None }],
///     signed: Some("1953-10-01".parse()?), in_force: Some("1954-11-17".parse()?), ended: None,
///     not_in_force: false, atop_id: None, attributes: Default::default(), sources: vec!["unts".parse()?], note: None,
/// });
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
        Checker::new(&self.doc).run()
    }

    /// Validates the records and builds the graph, or returns [`ErrorKind::Invalid`] listing every
    /// problem found.
    pub fn build(self) -> Result<AllianceGraph> {
        let issues = self.issues();
        if !issues.is_empty() {
            return Err(Error::from(ErrorKind::Invalid { path: None, issues }));
        }
        Ok(index(self.doc))
    }
}

/// Builds the indices over records that have passed validation.
fn index(doc: Document) -> AllianceGraph {
    let mut graph = StableUnGraph::with_capacity(
        doc.countries.len() + doc.groupings.len(),
        doc.memberships.len() + doc.treaties.len(),
    );
    let mut nodes = FastMap::default();
    nodes.reserve(doc.countries.len() + doc.groupings.len());
    let countries = CountryTable::new(doc.countries.iter().map(|c| c.id));
    let groupings = position_map(doc.groupings.iter().map(|g| g.id.clone()));
    let treaties = position_map(doc.treaties.iter().map(|t| t.id.clone()));
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
    for (i, m) in doc.memberships.iter().enumerate() {
        let a = nodes[&ActorId::Country(m.country)];
        let b = nodes[&ActorId::Grouping(m.grouping.clone())];
        graph.add_edge(a, b, Edge::Membership(i as u32));
    }
    for (i, t) in doc.treaties.iter().enumerate() {
        let mut parties: Vec<CountryId> = t.parties.iter().map(|p| p.country()).collect();
        parties.sort();
        parties.dedup();
        for (k, a) in parties.iter().enumerate() {
            for b in &parties[k + 1..] {
                let (na, nb) = (nodes[&ActorId::Country(*a)], nodes[&ActorId::Country(*b)]);
                graph.add_edge(na, nb, Edge::Treaty(i as u32));
            }
        }
    }
    let mut stances_by_target: FastMap<Target, Vec<u32>> = FastMap::default();
    let mut stances_by_actor: FastMap<ActorId, Vec<u32>> = FastMap::default();
    // Keys are cloned only when first seen.
    for (i, s) in doc.stances.iter().enumerate() {
        match stances_by_target.get_mut(&s.target) {
            Some(v) => v.push(i as u32),
            None => {
                stances_by_target.insert(s.target.clone(), vec![i as u32]);
            }
        }
        match stances_by_actor.get_mut(&s.actor) {
            Some(v) => v.push(i as u32),
            None => {
                stances_by_actor.insert(s.actor.clone(), vec![i as u32]);
            }
        }
    }
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

fn position_map<K: std::hash::Hash + Eq>(
    keys: impl ExactSizeIterator<Item = K>,
) -> FastMap<K, u32> {
    let mut map = FastMap::default();
    map.reserve(keys.len());
    for (i, k) in keys.enumerate() {
        map.entry(k).or_insert(i as u32);
    }
    map
}

/// Runs every validation check over a document's records.
struct Checker<'d> {
    doc: &'d Document,
    countries: FastMap<CountryId, usize>,
    groupings: FastMap<&'d GroupingId, usize>,
    sources: FastMap<&'d SourceId, usize>,
    issues: Vec<Issue>,
}

impl<'d> Checker<'d> {
    fn new(doc: &'d Document) -> Self {
        Checker {
            doc,
            countries: FastMap::default(),
            groupings: FastMap::default(),
            sources: FastMap::default(),
            issues: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Issue> {
        let doc = self.doc;
        for (i, s) in doc.sources.iter().enumerate() {
            let record = Rec::id("source", i, s.id.as_str());
            if let Some(first) = self.sources.insert(&s.id, i) {
                self.sources.insert(&s.id, first);
                self.duplicate(record.make(), "source", s.id.as_str(), first);
            }
            self.non_empty(&record, "title", &s.title);
        }
        for (i, c) in doc.countries.iter().enumerate() {
            let record = Rec::id("country", i, c.id.as_str());
            if let Some(first) = self.countries.insert(c.id, i) {
                self.countries.insert(c.id, first);
                self.duplicate(record.make(), "country", c.id.as_str(), first);
            }
            self.non_empty(&record, "name", &c.name);
            if let Some(n) = &c.nuclear_armed {
                self.source_ref(&record, "nuclear_armed.source", &n.source);
            }
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            let record = Rec::id("grouping", i, g.id.as_str());
            if let Some(first) = self.groupings.insert(&g.id, i) {
                self.groupings.insert(&g.id, first);
                self.duplicate(record.make(), "grouping", g.id.as_str(), first);
            }
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            let record = Rec::id("grouping", i, g.id.as_str());
            self.non_empty(&record, "name", &g.name);
            if g.status.is_empty() {
                self.issues.push(Issue::Empty {
                    record: record.make(),
                    field: "status",
                });
            }
            for pair in g.status.windows(2) {
                if pair[1].since < pair[0].since {
                    self.issues.push(Issue::StatusOutOfOrder {
                        record: record.make(),
                        status: pair[1].status,
                        since: pair[1].since,
                        previous: pair[0].since,
                    });
                }
            }
            for change in &g.status {
                self.source_ref(&record, "status.source", &change.source);
            }
        }
        for (i, m) in doc.memberships.iter().enumerate() {
            let record = Rec::membership(i, m);
            self.country_ref(&record, "country", m.country);
            self.grouping_ref(&record, "grouping", &m.grouping);
            self.order(&record, ("start", m.start), ("end", m.end));
            self.source_ref(&record, "source", &m.source);
        }
        let mut treaty_ids: FastMap<&TreatyId, usize> = FastMap::default();
        for (i, t) in doc.treaties.iter().enumerate() {
            let record = Rec::id("treaty", i, t.id.as_str());
            if let Some(first) = treaty_ids.insert(&t.id, i) {
                treaty_ids.insert(&t.id, first);
                self.duplicate(record.make(), "treaty", t.id.as_str(), first);
            }
            self.treaty(&record, t);
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            if let Some(t) = g.treaty.as_ref().filter(|t| !treaty_ids.contains_key(t)) {
                let record = Rec::id("grouping", i, g.id.as_str());
                let known = doc.treaties.iter().map(|t| t.id.as_str());
                self.unknown(&record, "treaty", "treaty", t.as_str(), known);
            }
        }
        for (i, s) in doc.stances.iter().enumerate() {
            let record = Rec::stance(i, s);
            self.stance(&record, s);
        }
        self.issues
    }

    fn treaty(&mut self, record: &Rec<'_>, t: &Treaty) {
        self.non_empty(record, "name", &t.name);
        let mut seen: Vec<CountryId> = Vec::new();
        for (i, p) in t.parties.iter().enumerate() {
            let c = p.country();
            self.country_ref(record, "parties", c);
            if let crate::Party::Spell { joined, left, .. } = p {
                self.order(record, ("parties.joined", *joined), ("parties.left", *left));
            }
            // A state may be listed again only for a later, separate spell (re-entry).
            let overlapping = t.parties[..i]
                .iter()
                .any(|q| q.country() == c && q.period().span().overlaps(&p.period().span()));
            if overlapping {
                self.issues.push(Issue::SelfTie {
                    record: record.make(),
                    country: c,
                    detail: format!("{c} is listed twice in `parties` for overlapping spells"),
                });
            }
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        if seen.len() < 2 {
            self.issues.push(Issue::EmptyTreaty {
                record: record.make(),
                reason: format!("a treaty needs at least two parties, it has {}", seen.len()),
            });
        }
        if t.kind == crate::TreatyKind::Alliance && t.obligations.is_empty() {
            self.issues.push(Issue::EmptyTreaty {
                record: record.make(),
                reason: "an alliance needs at least one obligation (use kind \"access\" or \"other\" for a treaty without one)".into(),
            });
        }
        for o in &t.obligations {
            for (field, list) in [("by", &o.by), ("to", &o.to)] {
                for c in list.iter().flatten() {
                    if !seen.contains(c) {
                        self.issues.push(Issue::NotAParty {
                            record: record.make(),
                            obligation: o.kind,
                            field,
                            country: *c,
                        });
                    }
                }
            }
            if let (Some([a]), Some([b])) = (o.by.as_deref(), o.to.as_deref()) {
                if a == b {
                    self.issues.push(Issue::SelfTie {
                        record: record.make(),
                        country: *a,
                        detail: format!("obligation `{}` is owed by {a} only to itself", o.kind),
                    });
                }
            }
            if matches!(o.by.as_deref(), Some([])) || matches!(o.to.as_deref(), Some([])) {
                self.issues.push(Issue::EmptyTreaty {
                    record: record.make(),
                    reason: format!("obligation `{}` has an empty `by` or `to` list", o.kind),
                });
            }
            self.order(
                record,
                ("obligations.from", o.from),
                ("obligations.until", o.until),
            );
        }
        self.order(record, ("signed", t.signed), ("in_force", t.in_force));
        self.order(record, ("signed", t.signed), ("ended", t.ended));
        self.order(record, ("in_force", t.in_force), ("ended", t.ended));
        if t.sources.is_empty() {
            self.issues.push(Issue::Empty {
                record: record.make(),
                field: "sources",
            });
        }
        for s in &t.sources {
            self.source_ref(record, "sources", s);
        }
    }

    fn stance(&mut self, record: &Rec<'_>, s: &Stance) {
        match &s.actor {
            ActorId::Country(c) => self.country_ref(record, "actor", *c),
            ActorId::Grouping(g) => self.grouping_ref(record, "actor", g),
        }
        match &s.target {
            Target::Grouping(g) => self.grouping_ref(record, "target.grouping", g),
            Target::Country(c) => {
                self.country_ref(record, "target.country", *c);
                if s.actor == ActorId::Country(*c) {
                    self.issues.push(Issue::SelfTie {
                        record: record.make(),
                        country: *c,
                        detail: "a stance's target is its own actor".into(),
                    });
                }
            }
            Target::Membership { country, grouping } => {
                self.country_ref(record, "target.membership.country", *country);
                self.grouping_ref(record, "target.membership.grouping", grouping);
            }
        }
        if let Some(sp) = &s.speaker {
            self.non_empty(record, "speaker.name", &sp.name);
        }
        if let Some(q) = &s.quote {
            self.non_empty(record, "quote", q);
        }
        self.source_ref(record, "source", &s.source);
    }

    fn duplicate(&mut self, record: Record, kind: &'static str, id: &str, first: usize) {
        self.issues.push(Issue::DuplicateId {
            record,
            kind,
            id: id.to_string(),
            first: first + 1,
        });
    }

    fn non_empty(&mut self, record: &Rec<'_>, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.issues.push(Issue::Empty {
                record: record.make(),
                field,
            });
        }
    }

    fn order(
        &mut self,
        record: &Rec<'_>,
        (start_field, start): (&'static str, Option<crate::PartialDate>),
        (end_field, end): (&'static str, Option<crate::PartialDate>),
    ) {
        if let (Some(start), Some(end)) = (start, end) {
            if end.latest() < start.earliest() {
                self.issues.push(Issue::EndBeforeStart {
                    record: record.make(),
                    start_field,
                    start,
                    end_field,
                    end,
                });
            }
        }
    }

    fn country_ref(&mut self, record: &Rec<'_>, field: &'static str, id: CountryId) {
        if !self.countries.contains_key(&id) {
            let known = self.doc.countries.iter().map(|c| c.id.as_str());
            self.unknown(record, field, "country", id.as_str(), known);
        }
    }

    fn grouping_ref(&mut self, record: &Rec<'_>, field: &'static str, id: &GroupingId) {
        if !self.groupings.contains_key(id) {
            let known = self.doc.groupings.iter().map(|g| g.id.as_str());
            self.unknown(record, field, "grouping", id.as_str(), known);
        }
    }

    fn source_ref(&mut self, record: &Rec<'_>, field: &'static str, id: &SourceId) {
        if !self.sources.contains_key(id) {
            let known = self.doc.sources.iter().map(|s| s.id.as_str());
            self.unknown(record, field, "source", id.as_str(), known);
        }
    }

    fn unknown<'k>(
        &mut self,
        record: &Rec<'_>,
        field: &'static str,
        kind: &'static str,
        id: &str,
        known: impl Iterator<Item = &'k str>,
    ) {
        self.issues.push(Issue::UnknownReference {
            record: record.make(),
            field,
            kind,
            id: id.to_string(),
            // Suggestions cost a scan of the known ids; past a hundred problems they stop
            // helping and would make a badly broken file slow to check.
            suggestion: if self.issues.len() < 100 {
                crate::resolve::closest(id, known).map(str::to_string)
            } else {
                None
            },
        });
    }
}

/// The record a check is about, made into a [`Record`] (with its label text) only when an
/// issue is found: a valid million-stance file formats no labels.
struct Rec<'a> {
    kind: &'static str,
    index: usize,
    label: Label<'a>,
}

enum Label<'a> {
    Id(&'a str),
    Membership(&'a Membership),
    Stance(&'a Stance),
}

impl<'a> Rec<'a> {
    fn id(kind: &'static str, index: usize, id: &'a str) -> Self {
        Rec {
            kind,
            index,
            label: Label::Id(id),
        }
    }

    fn membership(index: usize, m: &'a Membership) -> Self {
        Rec {
            kind: "membership",
            index,
            label: Label::Membership(m),
        }
    }

    fn stance(index: usize, s: &'a Stance) -> Self {
        Rec {
            kind: "stance",
            index,
            label: Label::Stance(s),
        }
    }

    fn make(&self) -> Record {
        Record {
            kind: self.kind,
            index: self.index + 1,
            label: match self.label {
                Label::Id(id) => id.to_string(),
                Label::Membership(m) => format!("{} in {}", m.country, m.grouping),
                Label::Stance(s) => {
                    format!("{} {} on {}", s.actor, s.kind, target_label(&s.target))
                }
            },
        }
    }
}

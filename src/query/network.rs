//! The ties of a view as a plain network of states, for bulk work: ids in, ids out. (About
//! 650 lines: a third of it is the tests that compare every answer path with the view.)
//!
//! [`View`]'s queries answer with the evidence for every tie (treaty or grouping, who owes
//! what, dates, sources), which is what a reader of one answer needs. A program asking a
//! hundred thousand questions of one date (degrees, reachability, a simulation step) often
//! needs only the yes, the no and the ids; [`Network`] answers those from the same adjacency
//! index without building any evidence, and the view it came from still tells why. A tie
//! that only possibly held on the date (it turns on a day a partial date does not give)
//! counts here as it does in the view's lists; the view's evidence names the doubt.

use std::borrow::Cow;
use std::cell::RefCell;

use super::View;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::adjacency::{Csr, IndexRef, Lists};
use crate::model::CountryId;

/// A view's ties as a network of states: the same answers as the view's queries, as bare
/// ids (no evidence), at a small fraction of their cost. Made by [`View::network`], which
/// builds the view's adjacency index if the graph does not hold it yet; holding a `Network`
/// keeps that index alive and skips the look-up each view query makes.
///
/// Every answer here has its reasons one call away: [`View::are_allied`] gives the evidence
/// for any pair this network calls allied.
///
/// Its ties are the view's, under the same coverage rule: a tie is never carried past the
/// sources of its treaty. A "no" here is only as good as the data's coverage: where
/// [`View::gaps`] (or [`View::gaps_for`] the states in question) is not empty, the data cannot
/// say "no" for what it names.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let view = graph.as_of("2024-10-01".parse()?);
/// let network = view.network();
/// let (jpn, usa, ind) = ("JPN".parse()?, "USA".parse()?, "IND".parse()?);
/// assert!(network.are_allied(jpn, usa)?);
/// assert!(!network.are_allied(jpn, ind)?);
/// let defenders: Vec<String> = network.defenders_of(jpn)?.iter().map(|c| c.to_string()).collect();
/// assert_eq!(defenders, ["USA"]);
/// assert_eq!(network.distance(jpn, "GBR".parse()?)?, Some(2));
/// // Why: the view gives the evidence.
/// assert!(view.are_allied(jpn, usa)?.is_some());
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Network<'g> {
    view: View<'g>,
    adj: IndexRef<'g>,
    /// In tests only: a slower way of answering to take, to compare it with the fastest.
    #[cfg(test)]
    slower: Option<Slower>,
}

/// The slower ways a network can answer, which tests force to compare them.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slower {
    /// Without the lists, as beyond [`LIST_LIMIT`].
    Unlisted,
    /// `are_allied` from the ally lists, as for graphs of more than [`PAIR_BITS_STATES`].
    WithoutPairBits,
}

impl<'g> View<'g> {
    /// This view's ties as a [`Network`] of states, for many id-only questions on one date.
    ///
    /// The first network of a view's index also lists each state's allies and defenders
    /// (sorted ids, kept with the index), unless the groupings are so large that the lists
    /// would hold more than [`LIST_LIMIT`] entries; the answers are the same either way.
    #[inline]
    pub fn network(&self) -> Network<'g> {
        let network = Network {
            view: *self,
            adj: self.adjacency(),
            #[cfg(test)]
            slower: None,
        };
        network.adj.lists.get_or_init(|| network.make_lists());
        network
    }
}

/// The most entries (states given as allies or defenders, repeats counted) the lists of one
/// index may hold: 8 million, 24 MB each. Beyond it a network finds each answer when asked.
pub const LIST_LIMIT: usize = 8 << 20;

/// The most states for which [`Lists`] keep a bit per pair of states (2 MiB at most); larger
/// graphs answer [`Network::are_allied`] by a binary search in the first state's allies.
const PAIR_BITS_STATES: usize = 1 << 12;

impl Csr {
    /// Where the list of the state at index `x` lies in `ids`.
    fn range(&self, x: u32) -> std::ops::Range<usize> {
        let x = x as usize;
        self.starts[x] as usize..self.starts[x + 1] as usize
    }

    fn get(&self, x: u32) -> &[CountryId] {
        &self.ids[self.range(x)]
    }
}

impl<'g> Network<'g> {
    /// The view this network was made from: ask it why.
    pub fn view(&self) -> View<'g> {
        self.view
    }

    /// The number of states in the network (every country of the graph, tied or not).
    pub fn len(&self) -> usize {
        self.adj.treaties.len()
    }

    /// Whether the graph has no countries.
    pub fn is_empty(&self) -> bool {
        self.adj.treaties.is_empty()
    }

    /// The states allied with `who` (tied at the view's strength), sorted by id: the
    /// countries of [`View::allies`]. The answer is lent from the network's lists (it
    /// borrows the network; `.into_owned()` gives a `Vec`), or made for the call when the
    /// network has none (see [`LIST_LIMIT`]). An id of no state of the graph is
    /// [`ErrorKind::UnknownActor`], suggesting the state its text names ("ROK": KOR), as
    /// every query taking a typed id answers.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let prk = "PRK".parse()?;
    /// let ids = |v: &[alliance_graph::CountryId]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    /// assert_eq!(ids(&graph.as_of("2024-10-01".parse()?).network().allies(prk)?), ["CHN"]);
    /// // The Russia-DPRK treaty is in force from 2024-12-04.
    /// assert_eq!(ids(&graph.as_of("2025".parse()?).network().allies(prk)?), ["CHN", "RUS"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn allies(&self, who: CountryId) -> Result<Cow<'_, [CountryId]>> {
        Ok(self.allies_at(self.index(who)?))
    }

    /// The allies of the state at index `x`.
    #[inline]
    pub(super) fn allies_at(&self, x: u32) -> Cow<'_, [CountryId]> {
        match self.lists() {
            Some(lists) => Cow::Borrowed(lists.allies.get(x)),
            None => Cow::Owned(self.with_keys(x, |push| self.visit_allies(x, push), ids)),
        }
    }

    /// Whether `a` and `b` are allied: [`View::are_allied`] without the evidence. Ids are
    /// resolved as for [`allies`](Self::allies); the same state twice is an error, as there.
    pub fn are_allied(&self, a: CountryId, b: CountryId) -> Result<bool> {
        let graph = self.view.graph;
        match (graph.country_index(&a), graph.country_index(&b)) {
            (Some(ai), Some(bi)) if ai != bi => Ok(self.tied_at(ai, bi)),
            // An id of no state of the graph (or the same twice): the error, made out of line.
            _ => self.are_allied_resolved(a, b),
        }
    }

    #[cold]
    #[inline(never)]
    fn are_allied_resolved(&self, a: CountryId, b: CountryId) -> Result<bool> {
        let (ai, bi) = (self.index(a)?, self.index(b)?);
        if ai == bi {
            return Err(crate::Error::from(crate::ErrorKind::SameActor {
                name: a.to_string(),
                question: "an alliance",
            }));
        }
        Ok(self.tied_at(ai, bi))
    }

    /// Whether the states at indices `a` and `b` are allied, from the lists when there are.
    #[inline]
    pub(super) fn tied_at(&self, a: u32, b: u32) -> bool {
        match self.lists() {
            Some(Lists {
                pair_bits: Some(bits),
                ..
            }) if self.pair_bits_allowed() => {
                let bit = a as usize * self.len() + b as usize;
                bits[bit / 64] >> (bit % 64) & 1 == 1
            }
            Some(lists) => lists
                .allies
                .get(a)
                .binary_search(&self.adj.ids[b as usize])
                .is_ok(),
            None => self.tied(a, b),
        }
    }

    /// The states that owe `who` an obligation at the view's strength, sorted by id: the
    /// countries of [`View::defenders_of`], lent or made as [`allies`](Self::allies) are.
    pub fn defenders_of(&self, who: CountryId) -> Result<Cow<'_, [CountryId]>> {
        let x = self.index(who)?;
        Ok(match self.lists() {
            Some(lists) => Cow::Borrowed(lists.defenders.get(x)),
            None => Cow::Owned(self.with_keys(x, |push| self.visit_defenders(x, push), ids)),
        })
    }

    /// `item` of each defender of the state at index `x` and whether it was nuclear-armed
    /// on the date: what [`View::defenders_of`] answers, the flags from the lists when
    /// there are.
    pub(super) fn defenders_armed_at<T>(
        &self,
        x: u32,
        mut item: impl FnMut(CountryId, bool) -> T,
    ) -> Vec<T> {
        match self.lists() {
            Some(lists) => {
                let range = lists.defenders.range(x);
                (lists.defenders.ids[range.clone()].iter())
                    .zip(&lists.defenders_nuclear[range])
                    .map(|(&c, &nuclear)| item(c, nuclear))
                    .collect()
            }
            None => {
                let ids = self.with_keys(x, |push| self.visit_defenders(x, push), ids);
                (ids.into_iter())
                    .map(|c| item(c, self.view.is_nuclear_armed(c)))
                    .collect()
            }
        }
    }

    /// The number of ties on the shortest chain from `a` to `b` (0 from a state to itself),
    /// or `None` when no chain exists: the length of [`View::alliance_path`], found by a
    /// breadth-first search from both ends.
    pub fn distance(&self, a: CountryId, b: CountryId) -> Result<Option<usize>> {
        let (a, b) = (self.index(a)?, self.index(b)?);
        if a == b {
            return Ok(Some(0));
        }
        Ok(SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let mark = s.next_search(self.len(), self.adj.groups.len());
            let Scratch { seen, groups, .. } = &mut *s;
            seen[0][a as usize] = (mark, 0);
            seen[1][b as usize] = (mark, 0);
            let mut frontier = [vec![a], vec![b]];
            let mut depth = [0u32; 2];
            loop {
                // Expand the smaller side, a whole level at a time.
                let side = usize::from(frontier[1].len() < frontier[0].len());
                if frontier[side].is_empty() {
                    return None;
                }
                let (mine, theirs) = if side == 0 {
                    let (l, r) = seen.split_at_mut(1);
                    (&mut l[0], &r[0])
                } else {
                    let (l, r) = seen.split_at_mut(1);
                    (&mut r[0], &l[0])
                };
                let k = depth[side] + 1;
                let mut best = u32::MAX;
                let mut next = Vec::new();
                for &x in &frontier[side] {
                    // Every meeting on this level gives the same length (see below): the
                    // first one ends the search.
                    if best != u32::MAX {
                        return Some(best as usize);
                    }
                    self.view
                        .neighbours(&self.adj, x, &mut groups[side], mark, &mut |y| {
                            let slot = &mut mine[y as usize];
                            if slot.0 != mark && best == u32::MAX {
                                *slot = (mark, k);
                                next.push(y);
                                let other = theirs[y as usize];
                                if other.0 == mark {
                                    best = best.min(k + other.1);
                                }
                            }
                        });
                }
                // The searched balls were disjoint before this level, so the distance is at
                // least both depths + 1, and a meeting here gives exactly that.
                if best != u32::MAX {
                    return Some(best as usize);
                }
                frontier[side] = next;
                depth[side] = k;
            }
        }))
    }

    /// The same network answering without the lists, as it does beyond [`LIST_LIMIT`].
    #[cfg(test)]
    fn unlisted(mut self) -> Self {
        self.slower = Some(Slower::Unlisted);
        self
    }

    /// The same network answering `are_allied` from the ally lists, as it does for graphs
    /// of more than [`PAIR_BITS_STATES`] states.
    #[cfg(test)]
    fn without_pair_bits(mut self) -> Self {
        self.slower = Some(Slower::WithoutPairBits);
        self
    }

    /// The index's lists, if it has them (and, in tests, this network may use them).
    fn lists(&self) -> Option<&Lists> {
        #[cfg(test)]
        if self.slower == Some(Slower::Unlisted) {
            return None;
        }
        self.adj.lists.get()?.as_ref()
    }

    /// Whether `are_allied` may read the pair bits: always, but in tests that force the
    /// ally lists.
    #[inline]
    fn pair_bits_allowed(&self) -> bool {
        #[cfg(test)]
        if self.slower == Some(Slower::WithoutPairBits) {
            return false;
        }
        true
    }

    /// Each state's allies and defenders, or `None` when they would exceed [`LIST_LIMIT`].
    fn make_lists(&self) -> Option<Lists> {
        let n = self.len() as u32;
        // An upper bound of the entries: every state reached, repeats included.
        let reach: usize = (0..n)
            .map(|x| {
                self.adj.treaties[x as usize].len()
                    + self.adj.memberships[x as usize]
                        .iter()
                        .map(|e| self.adj.groups[e.slot as usize].members.len())
                        .sum::<usize>()
            })
            .sum();
        if reach > LIST_LIMIT {
            return None;
        }
        let mut lists = Lists {
            allies: Csr::default(),
            defenders: Csr::default(),
            defenders_nuclear: Vec::new(),
            pair_bits: None,
        };
        for (csr, defenders) in [(&mut lists.allies, false), (&mut lists.defenders, true)] {
            csr.starts.reserve(n as usize + 1);
            // Grown once: `reach` bounds both lists (defenders are allies too).
            csr.ids.reserve(reach);
            csr.starts.push(0);
            for x in 0..n {
                let append =
                    |keys: &[u32]| csr.ids.extend(keys.iter().map(|&k| CountryId::from_key(k)));
                if defenders {
                    self.with_keys(x, |push| self.visit_defenders(x, push), append);
                } else {
                    self.with_keys(x, |push| self.visit_allies(x, push), append);
                }
                csr.starts.push(csr.ids.len() as u32);
            }
            csr.ids.shrink_to_fit();
        }
        lists.defenders_nuclear = (lists.defenders.ids.iter())
            .map(|&c| self.view.is_nuclear_armed(c))
            .collect();
        if self.len() <= PAIR_BITS_STATES {
            let n = self.len();
            let mut bits = vec![0u64; (n * n).div_ceil(64)];
            for x in 0..n {
                for y in lists.allies.get(x as u32) {
                    // Every listed ally is a state of this graph.
                    if let Some(y) = self.view.graph.country_index(y) {
                        let bit = x * n + y as usize;
                        bits[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
            lists.pair_bits = Some(bits);
        }
        Some(lists)
    }

    /// Gives `push` every state tied to the state at index `x` (repeats and `x` allowed).
    fn visit_allies(&self, x: u32, push: &mut dyn FnMut(u32)) {
        self.view
            .neighbours(&self.adj, x, &mut [], 0, &mut |y| push(y));
    }

    /// Gives `push` every state that owes the state at index `x` an obligation at the
    /// view's strength (repeats and `x` allowed).
    fn visit_defenders(&self, x: u32, push: &mut dyn FnMut(u32)) {
        let doc = self.view.graph.document();
        for t in &self.adj.treaties[x as usize] {
            if t.other_owes {
                push(t.other);
            }
        }
        for entry in &self.adj.memberships[x as usize] {
            let group = &self.adj.groups[entry.slot as usize];
            if !group.mutual {
                continue;
            }
            if group.clique && group.all_full {
                group.members.iter().for_each(|m| push(m.country));
                continue;
            }
            let mx = &doc.memberships[group.members[entry.pos as usize].membership as usize];
            for m in &group.members {
                let my = &doc.memberships[m.membership as usize];
                if View::grouping_obligations_bind(mx, my)
                    && (group.clique || self.view.grouping_tied(&group.active, mx, my))
                {
                    push(m.country);
                }
            }
        }
    }

    /// Calls `finish` with the [`CountryId::key`]s of the states `visit` gives, sorted, each
    /// once, `x` left out. Repeats are dropped as they come (a per-thread mark per state),
    /// so only the answer is sorted, as plain integers.
    fn with_keys<R>(
        &self,
        x: u32,
        visit: impl FnOnce(&mut dyn FnMut(u32)),
        finish: impl FnOnce(&[u32]) -> R,
    ) -> R {
        let ids = &self.adj.ids;
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let mark = s.next_mark();
            let Scratch { once, found, .. } = &mut *s;
            if once.len() < ids.len() {
                once.resize(ids.len(), 0);
            }
            once[x as usize] = mark;
            found.clear();
            visit(&mut |y| {
                let slot = &mut once[y as usize];
                if *slot != mark {
                    *slot = mark;
                    found.push(ids[y as usize].key());
                }
            });
            found.sort_unstable();
            finish(found)
        })
    }

    /// Whether the states at indices `a` and `b` are tied, found from the index alone.
    fn tied(&self, a: u32, b: u32) -> bool {
        if a == b {
            return false;
        }
        let adj = &*self.adj;
        if adj.treaties[a as usize].iter().any(|t| t.other == b) {
            return true;
        }
        let doc = self.view.graph.document();
        let theirs = &adj.memberships[b as usize];
        adj.memberships[a as usize].iter().any(|ea| {
            theirs.iter().filter(|eb| eb.slot == ea.slot).any(|eb| {
                let group = &adj.groups[ea.slot as usize];
                group.clique || {
                    let membership = |pos: u32| {
                        &doc.memberships[group.members[pos as usize].membership as usize]
                    };
                    self.view
                        .grouping_tied(&group.active, membership(ea.pos), membership(eb.pos))
                }
            })
        })
    }

    /// The dense index of `who`, or the resolver's error naming the closest actors.
    #[inline]
    fn index(&self, who: CountryId) -> Result<u32> {
        match self.view.graph.country_index(&who) {
            Some(i) => Ok(i),
            None => self.resolve(who),
        }
    }

    /// `who` is not an id of this graph: the view's resolution of a typed id gives the error,
    /// with the state the id's text names as a name among its suggestions. Kept out of line
    /// so that the common look-up stays a few instructions.
    #[cold]
    #[inline(never)]
    fn resolve(&self, who: CountryId) -> Result<u32> {
        let c = self.view.country(&who)?;
        self.view.graph.country_index(&c).ok_or_else(|| {
            Error::from(ErrorKind::UnknownActor {
                name: who.to_string(),
                candidates: Vec::new(),
            })
        })
    }
}

/// The ids of sorted keys.
fn ids(keys: &[u32]) -> Vec<CountryId> {
    keys.iter().map(|&k| CountryId::from_key(k)).collect()
}

/// Per-thread search state for [`Network`], reused across calls: each call takes a new mark,
/// so nothing is cleared between calls.
#[derive(Default)]
struct Scratch {
    mark: u32,
    /// By country index: the mark of the call that gave the state already.
    once: Vec<u32>,
    /// The [`CountryId::key`]s of the states a call found, before they are sorted.
    found: Vec<u32>,
    /// Per side of a [`Network::distance`] search, by country index: (mark of the search
    /// that reached it, its depth).
    seen: [Vec<(u32, u32)>; 2],
    /// Per side, by group slot: the mark of the search that expanded it (cliques only).
    groups: [Vec<u32>; 2],
}

impl Scratch {
    /// A mark not used yet in any buffer.
    fn next_mark(&mut self) -> u32 {
        if self.mark == u32::MAX {
            *self = Scratch::default();
        }
        self.mark += 1;
        self.mark
    }

    /// A new mark, with the search buffers sized for `n` states and `g` groups.
    fn next_search(&mut self, n: usize, g: usize) -> u32 {
        let mark = self.next_mark();
        for side in 0..2 {
            if self.seen[side].len() < n {
                self.seen[side].resize(n, (0, 0));
            }
            if self.groups[side].len() < g {
                self.groups[side].resize(g, 0);
            }
        }
        mark
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests {
    use crate::query::{Network, Strength, View};
    use crate::{AllianceGraph, CountryId};

    /// The network's answers are the view's, evidence dropped, at every strength and date.
    fn same_answers(graph: &AllianceGraph, dates: &[&str]) {
        let ids: Vec<CountryId> = graph.countries().map(|c| c.id).collect();
        for d in dates {
            for s in Strength::ALL {
                let view = graph.as_of(d.parse().expect("a date")).with_strength(*s);
                let network = view.network();
                for network in [
                    network.clone(),
                    network.clone().without_pair_bits(),
                    network.unlisted(),
                ] {
                    same_as_view(view, &network, &ids, d);
                }
            }
        }
    }

    fn same_as_view(view: View<'_>, network: &Network<'_>, ids: &[CountryId], d: &str) {
        let s = view.strength();
        assert_eq!(network.len(), ids.len());
        for (k, &x) in ids.iter().enumerate() {
            let allies: Vec<CountryId> = view
                .allies(x)
                .expect("a state")
                .into_iter()
                .map(|a| a.country)
                .collect();
            assert_eq!(
                network.allies(x).expect("a state"),
                allies,
                "{x} on {d} at {s}"
            );
            let defenders: Vec<CountryId> = view
                .defenders_of(x)
                .expect("a state")
                .into_iter()
                .map(|a| a.country)
                .collect();
            assert_eq!(network.defenders_of(x).expect("a state"), defenders);
            for &y in ids.iter().skip(k % 2).step_by(2) {
                if x == y {
                    assert!(view.are_allied(x, y).is_err() && network.are_allied(x, y).is_err());
                    continue;
                }
                let allied = view.are_allied(x, y).expect("states");
                assert_eq!(network.are_allied(x, y).expect("states"), allied.is_some());
                let hops = view
                    .alliance_path(x, y)
                    .expect("states")
                    .map(|p| p.hops.len());
                assert_eq!(network.distance(x, y).expect("states"), hops);
            }
        }
    }

    #[test]
    fn the_network_gives_the_views_answers_on_the_builtin_dataset() {
        let graph = crate::datasets::asian_nato();
        same_answers(&graph, crate::datasets::TEST_DATES);
    }

    #[test]
    fn the_network_gives_the_views_answers_on_generated_graphs() {
        for graph in crate::synthetic::test_graphs(80, 10, 150) {
            same_answers(&graph, crate::synthetic::TEST_DATES);
        }
    }

    #[test]
    fn unknown_ids_are_the_views_errors() {
        let graph = crate::datasets::asian_nato();
        let view = graph.as_of("2024-10".parse().expect("a date"));
        let network = view.network();
        let jpx: CountryId = "JPX".parse().expect("an id");
        let err = network.allies(jpx).expect_err("not a state of the dataset");
        assert!(matches!(err.kind(), crate::ErrorKind::UnknownActor { name, .. } if name == "JPX"));
        assert_eq!(
            err.to_string(),
            view.allies(jpx).expect_err("the same").to_string()
        );
        let jpn = "JPN".parse().expect("an id");
        assert!(network.distance(jpx, jpn).is_err());
        assert!(network.are_allied(jpn, jpx).is_err());
        assert!(network.defenders_of(jpx).is_err());
    }

    #[test]
    fn an_id_is_an_id_not_a_name() {
        // "ROK" is a name of KOR, not an id of the dataset: every method refuses it, and the
        // error suggests KOR.
        let graph = crate::datasets::asian_nato();
        let view = graph.as_of("2024-10".parse().expect("a date"));
        let id = |s: &str| s.parse::<CountryId>().expect("an id");
        let (rok, kor, usa) = (id("ROK"), id("KOR"), id("USA"));
        assert!(graph.country_index(&rok).is_none());
        let network = view.network();
        for network in [
            network.clone(),
            network.clone().without_pair_bits(),
            network.unlisted(),
        ] {
            let refused = |e: crate::Error| {
                let text = e.to_string();
                assert!(text.contains("unknown actor 'ROK'"), "{text}");
                assert!(text.contains("KOR"), "{text}");
            };
            refused(network.are_allied(usa, rok).expect_err("not an id"));
            refused(network.are_allied(rok, usa).expect_err("not an id"));
            refused(network.allies(rok).expect_err("not an id"));
            refused(network.defenders_of(rok).expect_err("not an id"));
            refused(network.distance(rok, kor).expect_err("not an id"));
            assert!(network.are_allied(usa, kor).expect("an id"));
        }
        // The view's queries take a typed id the same way; a name is still a name.
        assert!(view.allies(rok).is_err());
        assert_eq!(
            view.allies("ROK").expect("a name"),
            view.allies(kor).expect("an id")
        );
    }

    #[test]
    fn distance_works_from_several_threads_and_graphs_at_once() {
        let small = crate::datasets::asian_nato();
        let big = crate::synthetic::Generator {
            states: 300,
            groupings: 20,
            treaties: 600,
            stances: 0,
            seed: 5,
        }
        .graph()
        .expect("a graph");
        let date = "2000-06-15".parse().expect("a date");
        let ids: Vec<CountryId> = big.countries().map(|c| c.id).collect();
        let expected: Vec<Option<usize>> = ids
            .iter()
            .map(|&y| {
                big.as_of(date)
                    .alliance_path(ids[0], y)
                    .expect("states")
                    .map(|p| p.hops.len())
            })
            .collect();
        std::thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| {
                    let network = big.as_of(date).network();
                    let other = small.as_of("2024-10".parse().expect("a date")).network();
                    for (&y, want) in ids.iter().zip(&expected) {
                        assert_eq!(network.distance(ids[0], y).expect("states"), *want);
                        // Interleaved with searches on a smaller graph on the same thread.
                        let (jpn, gbr) = ("JPN".parse().expect("id"), "GBR".parse().expect("id"));
                        assert_eq!(other.distance(jpn, gbr).expect("states"), Some(2));
                    }
                });
            }
        });
    }
}

//! Test oracles: the alliance queries answered without the adjacency index, by walking the
//! graph's records, for the tests that check the indexed answers against them. Compiled for
//! tests only.

use std::collections::{BTreeMap, HashMap, VecDeque};

use super::alliance::strongest_first;
use super::blocs::{into_blocs, join_overlapping, DisjointSets};
use super::{ActorRef, Bloc, Hop, Path, TieEvidence, View};
use crate::error::Result;
use crate::graph::Tie;
use crate::model::{ActorId, CountryId, Grouping, GroupingId, Membership};

impl<'g> View<'g> {
    pub(crate) fn alliance_path_unindexed(
        &self,
        a: impl ActorRef,
        b: impl ActorRef,
    ) -> Result<Option<Path<'g>>> {
        let (a, b) = (self.country(&a)?, self.country(&b)?);
        if a == b {
            return Ok(Some(Path { hops: Vec::new() }));
        }
        // Breadth-first search on adjacency alone; evidence is gathered for the hops found.
        // A grouping's members are scanned from a pending list that shrinks as they are
        // reached, so a large grouping is not rescanned from every member.
        let mut previous: HashMap<CountryId, CountryId> = HashMap::new();
        let mut pending: HashMap<&GroupingId, (Vec<crate::Span>, Vec<&Membership>)> =
            HashMap::new();
        let mut queue = VecDeque::from([a]);
        let mut found = false;
        'search: while let Some(x) = queue.pop_front() {
            let mut next: Vec<CountryId> = Vec::new();
            for (tie, other) in self.graph.incident(&ActorId::Country(x)) {
                match tie {
                    Tie::Treaty(t) => {
                        if let ActorId::Country(y) = other {
                            if !previous.contains_key(y)
                                && *y != a
                                && !self.treaty_clauses(t, x, *y).is_empty()
                            {
                                next.push(*y);
                            }
                        }
                    }
                    Tie::Membership(m) => {
                        let Some(g) = self.graph.grouping(&m.grouping) else {
                            continue;
                        };
                        if !self.grouping_admitted(g) || !self.membership_counts(m) {
                            continue;
                        }
                        let (active, members) = pending.entry(&g.id).or_insert_with(|| {
                            let active = g.active_spans();
                            let members = if active.iter().any(|s| s.overlaps(&self.asked)) {
                                self.members_counting(g)
                            } else {
                                Vec::new()
                            };
                            (active, members)
                        });
                        members.retain(|m2| {
                            let reached = self.grouping_tied(active, m, m2);
                            if reached {
                                next.push(m2.country);
                            }
                            !reached
                        });
                    }
                }
            }
            next.sort();
            for y in next {
                if y == a || previous.contains_key(&y) {
                    continue;
                }
                previous.insert(y, x);
                if y == b {
                    found = true;
                    break 'search;
                }
                queue.push_back(y);
            }
        }
        if !found {
            return Ok(None);
        }
        let mut hops = Vec::new();
        let mut at = b;
        while let Some(&from) = previous.get(&at) {
            hops.push(Hop {
                from,
                to: at,
                evidence: self.pair_evidence(from, at).into(),
            });
            at = from;
        }
        hops.reverse();
        Ok(Some(Path { hops }))
    }

    pub(crate) fn blocs_unindexed(&self) -> Vec<Bloc> {
        let ids: Vec<CountryId> = self.graph.countries().map(|c| c.id).collect();
        let index: HashMap<CountryId, usize> =
            ids.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut sets = DisjointSets::new(ids.len());
        let mut tied = vec![false; ids.len()];
        let mut join = |a: CountryId, b: CountryId| {
            if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b)) {
                sets.union(i, j);
                tied[i] = true;
                tied[j] = true;
            }
        };
        for t in self.graph.treaties() {
            let mut parties: Vec<CountryId> = t.parties.iter().map(|p| p.country()).collect();
            parties.sort();
            parties.dedup();
            for (k, &x) in parties.iter().enumerate() {
                for &y in &parties[k + 1..] {
                    if !self.treaty_evidence(t, x, y).is_empty() {
                        join(x, y);
                    }
                }
            }
        }
        for g in self.graph.groupings() {
            if !self.grouping_admitted(g) || !self.grouping_counts(g) {
                continue;
            }
            for active in g.active_spans() {
                let Some(window) = active.intersect(&self.asked) else {
                    continue;
                };
                // Each member's span within the window; overlapping spans chain into one bloc.
                let spans: Vec<(crate::Span, CountryId)> = self
                    .members_counting(g)
                    .into_iter()
                    .filter_map(|m| Some((m.period()?.span().intersect(&window)?, m.country)))
                    .collect();
                join_overlapping(spans, &mut join);
            }
        }
        into_blocs(ids.into_iter(), &tied, &mut sets)
    }

    /// The memberships of `g` that carry its ties at the view's strength and date.
    fn members_counting(&self, g: &Grouping) -> Vec<&'g Membership> {
        let group = ActorId::Grouping(g.id.clone());
        self.graph
            .incident(&group)
            .filter_map(|(tie, _)| match tie {
                Tie::Membership(m) if self.membership_counts(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    /// The unindexed [`ties_of`](Self::ties_of), kept to check the index against.
    pub(crate) fn ties_of_unindexed(
        &self,
        x: CountryId,
    ) -> BTreeMap<CountryId, Vec<TieEvidence<'g>>> {
        self.ties_with(x, None)
    }

    /// [`ties_of`](Self::ties_of), restricted to the state `only` when given: evidence is
    /// built for that pair alone, so `are_allied` costs a scan of `x`'s ties and nothing more.
    fn ties_with(
        &self,
        x: CountryId,
        only: Option<CountryId>,
    ) -> BTreeMap<CountryId, Vec<TieEvidence<'g>>> {
        let mut out: BTreeMap<CountryId, Vec<TieEvidence<'g>>> = BTreeMap::new();
        let me = ActorId::Country(x);
        let wanted = |y: CountryId| y != x && only.is_none_or(|o| o == y);
        for (tie, other) in self.graph.incident(&me) {
            match tie {
                Tie::Treaty(t) => {
                    if let ActorId::Country(y) = other {
                        if !wanted(*y) || self.treaty_clauses(t, x, *y).is_empty() {
                            continue;
                        }
                        for e in self.treaty_evidence(t, x, *y) {
                            out.entry(*y).or_default().push(e);
                        }
                    }
                }
                Tie::Membership(m) => {
                    let Some(g) = self.graph.grouping(&m.grouping) else {
                        continue;
                    };
                    if !self.grouping_admitted(g) || !self.membership_counts(m) {
                        continue;
                    }
                    let active = g.active_spans();
                    if !active.iter().any(|a| a.overlaps(&self.asked)) {
                        continue;
                    }
                    let group = ActorId::Grouping(g.id.clone());
                    for (tie2, member) in self.graph.incident(&group) {
                        let (Tie::Membership(m2), ActorId::Country(y)) = (tie2, member) else {
                            continue;
                        };
                        if !wanted(*y) || !self.grouping_tied(&active, m, m2) {
                            continue;
                        }
                        for e in self.grouping_evidence(g, &active, m, m2) {
                            out.entry(*y).or_default().push(e);
                        }
                    }
                }
            }
        }
        strongest_first(out)
    }

    /// The unindexed [`pair_evidence`](Self::pair_evidence), kept to check the index against.
    pub(crate) fn pair_evidence_unindexed(
        &self,
        a: CountryId,
        b: CountryId,
    ) -> Vec<TieEvidence<'g>> {
        if a == b {
            return Vec::new();
        }
        self.ties_with(a, Some(b)).remove(&b).unwrap_or_default()
    }
}

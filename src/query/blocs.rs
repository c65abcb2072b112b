//! The blocs: the groups of states connected by ties at a view's date and strength.

use std::collections::BTreeMap;

use super::{Bloc, View};
use crate::model::CountryId;

impl<'g> View<'g> {
    /// The groups of states connected by ties at the view's strength, largest first (ties
    /// broken by the lowest id); states with no tie belong to no bloc.
    ///
    /// Runs in time proportional to the ties, not to the pairs a large grouping creates:
    /// a grouping's members are joined along the overlaps of their membership spans.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let blocs = graph.as_of("2024-12-31".parse()?).blocs();
    /// let china = blocs.iter().find(|b| b.members.iter().any(|c| c.as_str() == "CHN")).expect("China's bloc");
    /// assert_eq!(china.members.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["CHN", "PRK", "RUS"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn blocs(&self) -> Vec<Bloc> {
        let adj = self.adjacency();
        let doc = self.graph.document();
        let n = adj.treaties.len();
        let mut sets = DisjointSets::new(n);
        let mut tied = vec![false; n];
        let mut join = |i: u32, j: u32| {
            sets.union(i as usize, j as usize);
            tied[i as usize] = true;
            tied[j as usize] = true;
        };
        for (x, ties) in adj.treaties.iter().enumerate() {
            for tie in ties {
                if tie.other as usize > x {
                    join(x as u32, tie.other);
                }
            }
        }
        for group in &adj.groups {
            if group.clique {
                // Every pair of distinct members is tied: join them all to the first.
                let first = group.members[0].country;
                for m in &group.members[1..] {
                    if m.country != first {
                        join(first, m.country);
                    }
                }
                continue;
            }
            for window in &group.windows {
                // Each member's span within the window; overlapping spans chain into one bloc.
                let spans: Vec<(crate::Span, u32)> = group
                    .members
                    .iter()
                    .zip(&group.spans)
                    .filter_map(|(m, s)| Some((s.intersect(window)?, m.country)))
                    .collect();
                join_overlapping(spans, &mut join);
            }
        }
        into_blocs(doc.countries.iter().map(|c| c.id), &tied, &mut sets)
    }
}

/// The blocs of the joined sets: every set of two or more tied states, members sorted, largest
/// bloc first (ties broken by the lowest ids). `countries` are in dense-index order.
pub(super) fn into_blocs(
    countries: impl Iterator<Item = CountryId>,
    tied: &[bool],
    sets: &mut DisjointSets,
) -> Vec<Bloc> {
    let mut by_root: BTreeMap<usize, Vec<CountryId>> = BTreeMap::new();
    for (i, id) in countries.enumerate() {
        if tied[i] {
            by_root.entry(sets.find(i)).or_default().push(id);
        }
    }
    let mut blocs: Vec<Bloc> = by_root
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|mut members| {
            members.sort();
            Bloc { members }
        })
        .collect();
    blocs.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.members.cmp(&b.members))
    });
    blocs
}

/// Joins members whose spans overlap, directly or through a chain of overlapping spans: the
/// components of an interval graph, found by one sweep in start order.
pub(super) fn join_overlapping<T: Copy + PartialEq>(
    mut spans: Vec<(crate::Span, T)>,
    join: &mut impl FnMut(T, T),
) {
    spans.sort_by_key(|(s, _)| s.first);
    let mut current: Option<(crate::Day, T)> = None;
    for (span, member) in spans {
        match current {
            Some((last, anchor)) if span.first <= last => {
                if anchor != member {
                    join(anchor, member);
                }
                current = Some((last.max(span.last), anchor));
            }
            _ => current = Some((span.last, member)),
        }
    }
}

/// Union-find over dense indices, for blocs.
pub(super) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub(super) fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

//! The adjacency index of a view: built once per (asked span, strength) and cached in the
//! graph, so that queries look ties up instead of re-applying the date rule to every record.
//!
//! For each country (by its position in the dataset) it holds the treaty ties that hold at
//! the view's date and strength, with the treaty and whether the other state owes an
//! obligation, and the groupings in which the country's membership counts. Groupings are not
//! expanded into pairs (a grouping of 17,576 members would be 150 million of them): each keeps
//! its counted members, and is marked a clique when all their spans share a day, in which
//! case every pair of distinct members is tied; otherwise pairs are checked one by one.

use std::sync::OnceLock;

use super::View;
use crate::graph::adjacency::{Adjacency, Group, IndexRef, Member, MemberEntry, TreatyTie};
use crate::graph::Edge;
use crate::model::{ActorId, CountryId};
use crate::Span;

impl<'g> View<'g> {
    /// The view's adjacency index, from the graph's cache or built (and cached) now.
    pub(crate) fn adjacency(&self) -> IndexRef<'g> {
        self.graph
            .adjacency_cache()
            .get_or_build((self.asked, self.strength.weakest()), || {
                self.build_adjacency()
            })
    }

    fn build_adjacency(&self) -> Adjacency {
        let graph = self.graph;
        let doc = graph.document();
        let mut groups = Vec::new();
        for (gi, g) in doc.groupings.iter().enumerate() {
            if !self.grouping_admitted(g) {
                continue;
            }
            let active = g.active_spans();
            let windows: Vec<Span> = active
                .iter()
                .filter_map(|a| a.intersect(&self.asked))
                .collect();
            if windows.is_empty() {
                continue;
            }
            let mut members = Vec::new();
            let mut spans = Vec::new();
            for (edge, other) in graph.incident_edges(&ActorId::Grouping(g.id.clone())) {
                let (Edge::Membership(mi), ActorId::Country(c)) = (edge, other) else {
                    continue;
                };
                let m = &doc.memberships[mi as usize];
                if !self.membership_counts(m) {
                    continue;
                }
                let Some(span) = m.period().map(|p| p.span()) else {
                    continue;
                };
                // A member on no day of a window is tied to no one.
                if !windows.iter().any(|w| w.overlaps(&span)) {
                    continue;
                }
                let Some(country) = graph.country_index(c) else {
                    continue;
                };
                members.push(Member {
                    country,
                    membership: mi,
                });
                spans.push(span);
            }
            if members.len() < 2 {
                continue;
            }
            let clique = windows.iter().any(|w| {
                spans
                    .iter()
                    .try_fold(*w, |acc, s| acc.intersect(s))
                    .is_some()
            });
            let all_full = members
                .iter()
                .all(|m: &Member| doc.memberships[m.membership as usize].role.is_full_member());
            groups.push(Group {
                grouping: gi as u32,
                active,
                windows,
                members,
                spans,
                clique,
                mutual: !g.obligations.is_empty(),
                all_full,
            });
        }
        // Treaty ties, treaty by treaty: one not in force on the asked days, or with no
        // obligation at the strength, ties no pair and is passed over at once.
        let n = doc.countries.len();
        let mut treaties: Vec<Vec<TreatyTie>> = vec![Vec::new(); n];
        let mut parties: Vec<(CountryId, u32)> = Vec::new();
        for (ti, t) in doc.treaties.iter().enumerate() {
            let Some(period) = self.treaty_live(t) else {
                continue;
            };
            parties.clear();
            parties.extend(
                t.parties
                    .iter()
                    .filter_map(|p| Some((p.country(), graph.country_index(&p.country())?))),
            );
            parties.sort_unstable();
            parties.dedup();
            for (k, &(x, xi)) in parties.iter().enumerate() {
                for &(y, yi) in &parties[k + 1..] {
                    let (tied, x_owes, y_owes) = self.treaty_check(t, period, x, y);
                    if !tied {
                        continue;
                    }
                    let treaty = ti as u32;
                    treaties[xi as usize].push(TreatyTie {
                        other: yi,
                        treaty,
                        other_owes: y_owes,
                    });
                    treaties[yi as usize].push(TreatyTie {
                        other: xi,
                        treaty,
                        other_owes: x_owes,
                    });
                }
            }
        }
        // Counted memberships, from the groups' member lists.
        let mut memberships: Vec<Vec<MemberEntry>> = vec![Vec::new(); n];
        for (slot, group) in groups.iter().enumerate() {
            for (pos, m) in group.members.iter().enumerate() {
                memberships[m.country as usize].push(MemberEntry {
                    slot: slot as u32,
                    pos: pos as u32,
                });
            }
        }
        Adjacency {
            ids: doc.countries.iter().map(|c| c.id).collect(),
            treaties,
            memberships,
            groups,
            lists: OnceLock::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::graph::adjacency::IndexRef;
    use crate::query::{Defender, Strength};
    use crate::{AllianceGraph, CountryId};

    /// Every indexed answer equals the unindexed search's, at every strength and date.
    fn same_answers(graph: &AllianceGraph, dates: &[&str]) {
        let ids: Vec<CountryId> = graph.countries().map(|c| c.id).collect();
        for d in dates {
            for s in Strength::ALL {
                let view = graph.as_of(d.parse().expect("a date")).with_strength(*s);
                for (k, &x) in ids.iter().enumerate() {
                    let old = view.ties_of_unindexed(x);
                    let indexed: std::collections::BTreeMap<_, _> =
                        view.ties_of(x).into_iter().collect();
                    assert_eq!(indexed, old, "{x} on {d} at {s}");
                    // The allies' evidence, built when read, is the same.
                    let allies: std::collections::BTreeMap<_, _> = view
                        .allies(x)
                        .expect("a state")
                        .into_iter()
                        .map(|a| (a.country, a.evidence.into_vec()))
                        .collect();
                    assert_eq!(allies, old, "allies of {x} on {d} at {s}");
                    let defenders: Vec<Defender> = old
                        .into_iter()
                        .filter_map(|(country, evidence)| {
                            let owed: Vec<_> =
                                evidence.into_iter().filter(|e| e.binds(country)).collect();
                            (!owed.is_empty()).then(|| Defender {
                                country,
                                nuclear_armed: view.is_nuclear_armed(country),
                                evidence: owed.into(),
                            })
                        })
                        .collect();
                    assert_eq!(view.defenders_of(x).expect("a state"), defenders);
                    for &y in ids.iter().skip(k % 3).step_by(3) {
                        assert_eq!(view.pair_evidence(x, y), view.pair_evidence_unindexed(x, y));
                        assert_eq!(
                            view.alliance_path(x, y).expect("states"),
                            view.alliance_path_unindexed(x, y).expect("states"),
                            "{x} to {y} on {d} at {s}"
                        );
                    }
                }
                assert_eq!(view.blocs(), view.blocs_unindexed(), "on {d} at {s}");
            }
        }
    }

    #[test]
    fn the_index_gives_the_unindexed_answers_on_the_builtin_dataset() {
        let graph = crate::datasets::asian_nato();
        same_answers(&graph, crate::datasets::TEST_DATES);
    }

    #[test]
    fn the_index_gives_the_unindexed_answers_on_generated_graphs() {
        for graph in crate::synthetic::test_graphs(60, 8, 120) {
            same_answers(&graph, crate::synthetic::TEST_DATES);
        }
    }

    #[test]
    fn a_clone_starts_with_an_empty_cache_and_answers_the_same() {
        let graph = crate::datasets::asian_nato();
        let view = graph.as_of("2024-10".parse().expect("a date"));
        let blocs = view.blocs();
        let copy = graph.clone();
        assert_eq!(
            format!("{:?}", copy.adjacency_cache()),
            "IndexCache(0 indices)"
        );
        assert_eq!(
            copy.as_of("2024-10".parse().expect("a date")).blocs(),
            blocs
        );
        assert_eq!(copy, graph);
    }

    #[test]
    fn the_first_index_is_kept_and_the_last_four_others() {
        let graph = crate::datasets::asian_nato();
        let first = graph.as_of("2024-10".parse().expect("a date"));
        let blocs = first.blocs();
        for year in 1990..1996 {
            graph
                .as_of(year.to_string().parse().expect("a date"))
                .blocs();
        }
        assert_eq!(
            format!("{:?}", graph.adjacency_cache()),
            "IndexCache(5 indices)"
        );
        assert!(matches!(first.adjacency(), IndexRef::Kept(_)));
        let later = graph.as_of("1995".parse().expect("a date"));
        assert!(matches!(later.adjacency(), IndexRef::Shared(_)));
        assert_eq!(first.blocs(), blocs);
    }
}

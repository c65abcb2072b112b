//! The shortest chain of ties between two states, found on the view's adjacency index.

use super::{ActorRef, Hop, Path, View};
use crate::error::Result;
use crate::graph::adjacency::Adjacency;

/// No country index (an unvisited state in the path search).
const NONE: u32 = u32::MAX;

impl<'g> View<'g> {
    /// The shortest chain of ties from `a` to `b` (ally of an ally ...), with the ties on each
    /// hop; `None` when no chain exists. Among chains of equal length the one through the
    /// lowest ids is chosen, so the answer is stable.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let path = graph.as_of("2024-10".parse()?).alliance_path("Japan", "Britain")?.expect("a chain");
    /// let ids: Vec<String> = path.countries().iter().map(|c| c.to_string()).collect();
    /// assert_eq!(ids, ["JPN", "USA", "GBR"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn alliance_path(&self, a: impl ActorRef, b: impl ActorRef) -> Result<Option<Path<'g>>> {
        let (a, b) = (self.country(&a)?, self.country(&b)?);
        if a == b {
            return Ok(Some(Path { hops: Vec::new() }));
        }
        let (Some(ai), Some(bi)) = (self.graph.country_index(&a), self.graph.country_index(&b))
        else {
            return Ok(None);
        };
        // The answer is the lexicographically smallest shortest path (by ids, from `a`): the
        // one a breadth-first search from `a` visiting neighbours in id order finds. It is
        // found without searching the whole graph: a search from both ends gives the distance
        // and each end's distances, the states on some shortest path are marked level by
        // level from where the searches met, and the path takes the lowest id at each level.
        let adj = self.adjacency();
        let doc = self.graph.document();
        let id = |i: u32| doc.countries[i as usize].id;
        let n = adj.treaties.len();
        let groups = adj.groups.len();
        let mut dist = [vec![NONE; n], vec![NONE; n]];
        dist[0][ai as usize] = 0;
        dist[1][bi as usize] = 0;
        let mut levels: [Vec<Vec<u32>>; 2] = [vec![vec![ai]], vec![vec![bi]]];
        let mut expanded = [vec![0u32; groups], vec![0u32; groups]];
        let mut d = NONE;
        while d == NONE {
            let side = usize::from(
                levels[0].last().map_or(0, Vec::len) > levels[1].last().map_or(0, Vec::len),
            );
            let k = (levels[side].len() - 1) as u32;
            let frontier = std::mem::take(&mut levels[side][k as usize]);
            let mut next = Vec::new();
            for &x in &frontier {
                self.neighbours(&adj, x, &mut expanded[side], 1, &mut |y| {
                    if dist[side][y as usize] == NONE {
                        dist[side][y as usize] = k + 1;
                        next.push(y);
                        let other = dist[1 - side][y as usize];
                        if other != NONE {
                            d = d.min(k + 1 + other);
                        }
                    }
                });
            }
            levels[side][k as usize] = frontier;
            if next.is_empty() {
                return Ok(None);
            }
            levels[side].push(next);
        }
        let ra = (levels[0].len() - 1) as u32;
        let meet = ra.min(d);
        let mut on_level = vec![NONE; n];
        let mut stamps = vec![0u32; groups];
        let mut mark = 0u32;
        let mut on: Vec<Vec<u32>> = vec![Vec::new(); d as usize + 1];
        for &z in &levels[0][meet as usize] {
            if dist[1][z as usize] == d - meet {
                on_level[z as usize] = meet;
                on[meet as usize].push(z);
            }
        }
        // Towards `a`: the states one step nearer `a` next to a marked state are on a path.
        for k in (1..=meet).rev() {
            mark += 1;
            let here = std::mem::take(&mut on[k as usize]);
            let mut below = Vec::new();
            for &w in &here {
                self.neighbours(&adj, w, &mut stamps, mark, &mut |z| {
                    if dist[0][z as usize] == k - 1 && on_level[z as usize] == NONE {
                        on_level[z as usize] = k - 1;
                        below.push(z);
                    }
                });
            }
            on[k as usize] = here;
            on[k as usize - 1] = below;
        }
        // Towards `b`, likewise with the distances from `b`.
        for k in meet..d {
            mark += 1;
            let here = std::mem::take(&mut on[k as usize]);
            let mut above = Vec::new();
            for &w in &here {
                self.neighbours(&adj, w, &mut stamps, mark, &mut |z| {
                    if dist[1][z as usize] == d - k - 1 && on_level[z as usize] == NONE {
                        on_level[z as usize] = k + 1;
                        above.push(z);
                    }
                });
            }
            on[k as usize] = here;
            on[k as usize + 1] = above;
        }
        let mut hops = Vec::with_capacity(d as usize);
        let mut at = ai;
        for k in 1..=d {
            mark += 1;
            let mut step = NONE;
            self.neighbours(&adj, at, &mut stamps, mark, &mut |z| {
                if on_level[z as usize] == k && (step == NONE || id(z) < id(step)) {
                    step = z;
                }
            });
            if step == NONE {
                // Cannot happen: every marked state has a marked successor.
                return Ok(None);
            }
            hops.push(Hop {
                from: id(at),
                to: id(step),
                evidence: self.pair_evidence(id(at), id(step)),
            });
            at = step;
        }
        Ok(Some(Path { hops }))
    }

    /// Calls `f` with every state tied to the state `x` (country indices; a state may come
    /// more than once, and `x` itself may come). A grouping whose members are all tied (a
    /// clique) is skipped when its stamp already equals `mark` (its members were given to `f`
    /// under that mark), and is stamped; with no `stamps` (an empty slice) none is skipped.
    pub(super) fn neighbours(
        &self,
        adj: &Adjacency,
        x: u32,
        stamps: &mut [u32],
        mark: u32,
        f: &mut impl FnMut(u32),
    ) {
        let doc = self.graph.document();
        for tie in &adj.treaties[x as usize] {
            f(tie.other);
        }
        for entry in &adj.memberships[x as usize] {
            let group = &adj.groups[entry.slot as usize];
            if group.clique {
                if let Some(stamp) = stamps.get_mut(entry.slot as usize) {
                    if *stamp == mark {
                        continue;
                    }
                    *stamp = mark;
                }
                for m in &group.members {
                    if m.country != x {
                        f(m.country);
                    }
                }
            } else {
                let mx = &doc.memberships[group.members[entry.pos as usize].membership as usize];
                for m in &group.members {
                    let my = &doc.memberships[m.membership as usize];
                    if self.grouping_tied(&group.active, mx, my) {
                        f(m.country);
                    }
                }
            }
        }
    }
}

//! The shortest chain of ties between two states, found on the view's adjacency index.

use std::cell::RefCell;

use super::{ActorRef, Hop, Path, View};
use crate::error::Result;
use crate::graph::adjacency::Adjacency;

/// No country index (an unvisited state in the path search).
const NONE: u32 = u32::MAX;

/// The path search's buffers, kept per thread between searches: a search on a large graph
/// touches a few states, and allocating and clearing arrays of every state for each one cost
/// more than the search (five times as much at 17,576 states). A search writes only the
/// entries of the states it reaches, and cleans exactly those after it.
#[derive(Default)]
struct PathScratch {
    /// Per side, by country index: the distance from that side's end, or `NONE`.
    dist: [Vec<u32>; 2],
    /// By country index: the level of a state marked as on a shortest path, or `NONE`.
    on_level: Vec<u32>,
    /// Per side, by group slot: the mark of the search that expanded the group (cliques).
    expanded: [Vec<u32>; 2],
    /// By group slot: the mark of the step that visited the group (cliques).
    stamps: Vec<u32>,
    /// The last mark given out; marks only grow, so group stamps need no clearing.
    mark: u32,
    /// Per side, the states reached, level by level (what `dist` has entries for).
    levels: [Vec<Vec<u32>>; 2],
    /// By level, the states marked on a shortest path (what `on_level` has entries for).
    on: Vec<Vec<u32>>,
    /// Whether a search left entries it did not clean (it panicked): cleared whole then.
    dirty: bool,
}

impl PathScratch {
    /// Ready for a search of `n` states and `groups` groups.
    fn take(&mut self, n: usize, groups: usize) -> &mut Self {
        // Marks that could run out (a search takes at most 2n + 1), or a search that did not
        // finish: start afresh.
        let room = (2 * n as u64 + 2).min(u64::from(u32::MAX)) as u32;
        if self.dirty || self.mark > u32::MAX - room {
            *self = PathScratch::default();
        }
        self.dirty = true;
        for side in 0..2 {
            if self.dist[side].len() < n {
                self.dist[side].resize(n, NONE);
            }
            if self.expanded[side].len() < groups {
                self.expanded[side].resize(groups, 0);
            }
        }
        if self.on_level.len() < n {
            self.on_level.resize(n, NONE);
        }
        if self.stamps.len() < groups {
            self.stamps.resize(groups, 0);
        }
        self
    }

    /// Resets the entries the search wrote.
    fn clean(&mut self) {
        for side in 0..2 {
            for level in self.levels[side].drain(..) {
                for x in level {
                    self.dist[side][x as usize] = NONE;
                }
            }
        }
        for level in self.on.drain(..) {
            for x in level {
                self.on_level[x as usize] = NONE;
            }
        }
        self.dirty = false;
    }
}

/// The next mark.
fn next(mark: &mut u32) -> u32 {
    *mark += 1;
    *mark
}

thread_local! {
    static PATH_SCRATCH: RefCell<PathScratch> = RefCell::new(PathScratch::default());
}

impl<'g> View<'g> {
    /// The shortest chain of ties from `a` to `b` (ally of an ally ...), with the ties on each
    /// hop (built when first read); `None` when no chain exists. Among chains of equal length
    /// the one through the lowest ids is chosen, so the answer is stable.
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
        let n = adj.treaties.len();
        let groups = adj.groups.len();
        let found = PATH_SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let s = scratch.take(n, groups);
            let found = self.lowest_shortest_path(&adj, ai, bi, s);
            s.clean();
            found
        });
        let doc = self.graph.document();
        let id = |i: u32| doc.countries[i as usize].id;
        Ok(found.map(|states| Path {
            hops: states
                .windows(2)
                .map(|w| Hop {
                    from: id(w[0]),
                    to: id(w[1]),
                    evidence: super::Evidence::of_pair(*self, (id(w[0]), id(w[1])), false),
                })
                .collect(),
        }))
    }

    /// The states (country indices) of the lowest-id shortest path from `ai` to `bi`, both
    /// ends included; `None` when there is none. `s` is clean on entry and left to be cleaned.
    fn lowest_shortest_path(
        &self,
        adj: &Adjacency,
        ai: u32,
        bi: u32,
        s: &mut PathScratch,
    ) -> Option<Vec<u32>> {
        let doc = self.graph.document();
        let id = |i: u32| doc.countries[i as usize].id;
        let PathScratch {
            dist,
            on_level,
            expanded,
            stamps,
            mark,
            levels,
            on,
            ..
        } = s;
        dist[0][ai as usize] = 0;
        dist[1][bi as usize] = 0;
        levels[0].push(vec![ai]);
        levels[1].push(vec![bi]);
        let expand_mark = next(mark);
        let mut d = NONE;
        while d == NONE {
            let side = usize::from(
                levels[0].last().map_or(0, Vec::len) > levels[1].last().map_or(0, Vec::len),
            );
            let k = (levels[side].len() - 1) as u32;
            let frontier = std::mem::take(&mut levels[side][k as usize]);
            let mut next_level = Vec::new();
            for &x in &frontier {
                self.neighbours(adj, x, &mut expanded[side], expand_mark, &mut |y| {
                    if dist[side][y as usize] == NONE {
                        dist[side][y as usize] = k + 1;
                        next_level.push(y);
                        let other = dist[1 - side][y as usize];
                        if other != NONE {
                            d = d.min(k + 1 + other);
                        }
                    }
                });
            }
            levels[side][k as usize] = frontier;
            if next_level.is_empty() {
                return None;
            }
            levels[side].push(next_level);
        }
        let ra = (levels[0].len() - 1) as u32;
        let meet = ra.min(d);
        on.resize(d as usize + 1, Vec::new());
        for &z in &levels[0][meet as usize] {
            if dist[1][z as usize] == d - meet {
                on_level[z as usize] = meet;
                on[meet as usize].push(z);
            }
        }
        // Towards `a`: the states one step nearer `a` next to a marked state are on a path.
        for k in (1..=meet).rev() {
            let m = next(mark);
            let here = std::mem::take(&mut on[k as usize]);
            let mut below = Vec::new();
            for &w in &here {
                self.neighbours(adj, w, stamps, m, &mut |z| {
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
            let m = next(mark);
            let here = std::mem::take(&mut on[k as usize]);
            let mut above = Vec::new();
            for &w in &here {
                self.neighbours(adj, w, stamps, m, &mut |z| {
                    if dist[1][z as usize] == d - k - 1 && on_level[z as usize] == NONE {
                        on_level[z as usize] = k + 1;
                        above.push(z);
                    }
                });
            }
            on[k as usize] = here;
            on[k as usize + 1] = above;
        }
        let mut states = Vec::with_capacity(d as usize + 1);
        states.push(ai);
        let mut at = ai;
        for k in 1..=d {
            let m = next(mark);
            let mut step = NONE;
            self.neighbours(adj, at, stamps, m, &mut |z| {
                if on_level[z as usize] == k && (step == NONE || id(z) < id(step)) {
                    step = z;
                }
            });
            if step == NONE {
                // Cannot happen: every marked state has a marked successor.
                return None;
            }
            states.push(step);
            at = step;
        }
        Some(states)
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

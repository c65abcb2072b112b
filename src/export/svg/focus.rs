//! A scene cut down to a [`Focus`]: the kinds and strengths of ties, the states around an
//! actor, the states with enough ties.

use std::collections::VecDeque;

use super::*;
use crate::export::focus::{Focus, TieKind};

impl Scene {
    /// The scene with only what `focus` draws. An everything-focus leaves it as it is.
    pub(super) fn focus(mut self, focus: &Focus) -> Scene {
        if focus.is_everything() {
            return self;
        }
        if !focus.draws(TieKind::Treaty) {
            self.ties.clear();
        }
        if !focus.draws(TieKind::Grouping) {
            self.members.clear();
        }
        if !focus.draws(TieKind::Stance) {
            self.stances.clear();
        }
        if let Some(s) = focus.strength {
            self.ties.retain(|t| s.admits(t.strongest));
            let groupings = &self.groupings;
            self.members
                .retain(|m| s.admits(groupings[m.grouping].strongest));
        }
        let (nc, ng) = (self.countries.len(), self.groupings.len());
        let mut keep_c = vec![true; nc];
        let mut keep_g = vec![true; ng];
        if let Some((actor, depth)) = &focus.around {
            let dist = self.distances(actor);
            for (i, k) in keep_c.iter_mut().enumerate() {
                *k = dist[i].is_some_and(|d| d <= *depth);
            }
            for (i, k) in keep_g.iter_mut().enumerate() {
                *k = dist[nc + i].is_some_and(|d| d <= *depth);
            }
            // Only the ties that lead out from the actor (on a shortest chain of ties to it):
            // the ties among its partners would make a picture of a crowded neighbourhood a
            // hairball, and the map and `allied` answer for them.
            let at = |e: End| match e {
                End::Country(i) => dist[i],
                End::Grouping(i) => dist[nc + i],
            };
            let outward = |a: End, b: End, cost_ab: usize, cost_ba: usize| match (at(a), at(b)) {
                (Some(x), Some(y)) => y == x + cost_ab || x == y + cost_ba,
                _ => false,
            };
            self.ties
                .retain(|t| outward(End::Country(t.a), End::Country(t.b), 1, 1));
            self.members
                .retain(|m| outward(End::Country(m.country), End::Grouping(m.grouping), 1, 0));
            self.stances.retain(|s| outward(s.from, s.to, 1, 1));
        }
        let mut scene = self.keep(&keep_c, &keep_g);
        if focus.min_degree > 0 {
            let mut degree = vec![0usize; scene.countries.len()];
            for t in &scene.ties {
                degree[t.a] += 1;
                degree[t.b] += 1;
            }
            for m in &scene.members {
                degree[m.country] += 1;
            }
            for s in &scene.stances {
                for end in [s.from, s.to] {
                    if let End::Country(i) = end {
                        degree[i] += 1;
                    }
                }
            }
            let keep_c: Vec<bool> = degree.iter().map(|&d| d >= focus.min_degree).collect();
            let keep_g = vec![true; scene.groupings.len()];
            scene = scene.keep(&keep_c, &keep_g);
        }
        // A grouping with nothing drawn to it says nothing.
        let mut used = vec![false; scene.groupings.len()];
        for m in &scene.members {
            used[m.grouping] = true;
        }
        for s in &scene.stances {
            for end in [s.from, s.to] {
                if let End::Grouping(i) = end {
                    used[i] = true;
                }
            }
        }
        if let Some((ActorId::Grouping(g), _)) = &focus.around {
            for (i, node) in scene.groupings.iter().enumerate() {
                used[i] |= node.id == *g;
            }
        }
        let all = vec![true; scene.countries.len()];
        scene.keep(&all, &used)
    }

    /// How many ties each node is from `actor` (countries first, then groupings): a tie
    /// between states, a stance, or joining a grouping is one step; going from a grouping to
    /// its members is none, so that common membership counts as one tie.
    fn distances(&self, actor: &ActorId) -> Vec<Option<usize>> {
        let nc = self.countries.len();
        let n = nc + self.groupings.len();
        let node = |e: End| match e {
            End::Country(i) => i,
            End::Grouping(i) => nc + i,
        };
        // (to, cost) lists.
        let mut next: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        for t in &self.ties {
            next[t.a].push((t.b, 1));
            next[t.b].push((t.a, 1));
        }
        for m in &self.members {
            next[m.country].push((nc + m.grouping, 1));
            next[nc + m.grouping].push((m.country, 0));
        }
        for s in &self.stances {
            let (a, b) = (node(s.from), node(s.to));
            next[a].push((b, 1));
            next[b].push((a, 1));
        }
        let start = match actor {
            ActorId::Country(c) => self.countries.iter().position(|x| x.id == *c),
            ActorId::Grouping(g) => self
                .groupings
                .iter()
                .position(|x| x.id == *g)
                .map(|i| nc + i),
        };
        let mut dist = vec![None; n];
        let Some(start) = start else {
            return dist;
        };
        // Breadth-first with 0/1 costs: a zero-cost step goes to the front of the queue.
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((at, d)) = queue.pop_front() {
            if dist[at].is_some_and(|known| known <= d) {
                continue;
            }
            dist[at] = Some(d);
            for &(to, cost) in &next[at] {
                if dist[to].is_none() {
                    if cost == 0 {
                        queue.push_front((to, d));
                    } else {
                        queue.push_back((to, d + 1));
                    }
                }
            }
        }
        dist
    }

    /// The scene with only the kept nodes and the lines between them, renumbered.
    fn keep(self, keep_c: &[bool], keep_g: &[bool]) -> Scene {
        let renumber = |keep: &[bool]| -> Vec<Option<usize>> {
            let mut k = 0;
            keep.iter()
                .map(|&kept| {
                    kept.then(|| {
                        k += 1;
                        k - 1
                    })
                })
                .collect()
        };
        let (nc, ng) = (renumber(keep_c), renumber(keep_g));
        let end = |e: End| match e {
            End::Country(i) => nc[i].map(End::Country),
            End::Grouping(i) => ng[i].map(End::Grouping),
        };
        Scene {
            countries: self
                .countries
                .into_iter()
                .zip(keep_c)
                .filter_map(|(c, &k)| k.then_some(c))
                .collect(),
            groupings: self
                .groupings
                .into_iter()
                .zip(keep_g)
                .filter_map(|(g, &k)| k.then_some(g))
                .collect(),
            ties: self
                .ties
                .into_iter()
                .filter_map(|t| {
                    let (a, b) = (nc[t.a]?, nc[t.b]?);
                    let one_sided = match t.one_sided {
                        Some((x, y)) => Some((nc[x]?, nc[y]?)),
                        None => None,
                    };
                    Some(TieLine {
                        a,
                        b,
                        one_sided,
                        ..t
                    })
                })
                .collect(),
            members: self
                .members
                .into_iter()
                .filter_map(|m| {
                    Some(MemberLine {
                        country: nc[m.country]?,
                        grouping: ng[m.grouping]?,
                        ..m
                    })
                })
                .collect(),
            stances: self
                .stances
                .into_iter()
                .filter_map(|s| {
                    Some(StanceLine {
                        from: end(s.from)?,
                        to: end(s.to)?,
                        ..s
                    })
                })
                .collect(),
        }
    }
}

/// What a focused picture draws, by id.
#[derive(Debug, Clone)]
pub(crate) struct FocusedParts {
    /// The actors.
    pub(crate) actors: BTreeSet<String>,
    /// The pairs of actors joined by a line, each pair in id order.
    pub(crate) pairs: BTreeSet<(String, String)>,
}

/// What a focused picture of `view` draws.
pub(crate) fn focused_parts(view: &View<'_>, focus: &Focus) -> FocusedParts {
    let scene = Scene::build(view).focus(focus);
    let id = |e: End| match e {
        End::Country(i) => scene.countries[i].id.as_str().to_string(),
        End::Grouping(i) => scene.groupings[i].id.as_str().to_string(),
    };
    let pair = |a: String, b: String| if a <= b { (a, b) } else { (b, a) };
    let actors = scene
        .countries
        .iter()
        .map(|c| c.id.as_str().to_string())
        .chain(scene.groupings.iter().map(|g| g.id.as_str().to_string()))
        .collect();
    let pairs = scene
        .ties
        .iter()
        .map(|t| pair(id(End::Country(t.a)), id(End::Country(t.b))))
        .chain(
            scene
                .members
                .iter()
                .map(|m| pair(id(End::Country(m.country)), id(End::Grouping(m.grouping)))),
        )
        .chain(scene.stances.iter().map(|s| pair(id(s.from), id(s.to))))
        .collect();
    FocusedParts { actors, pairs }
}

//! Alliance queries: allies, are-allied, former ties, defenders, and the building of each
//! tie's evidence (its types are in [`evidence`](super::evidence)); the result types of the
//! path search (`path.rs`) and the blocs (`blocs.rs`). The rules they apply are in
//! [`rules`](super::rules), the test oracles in `oracle.rs`.

use std::borrow::Cow;

use super::evidence::{Evidence, Parties, TieBasis, TieEvidence};
use super::rules::Clause;
use super::{ActorRef, View};
use crate::error::Result;
use crate::model::{Citation, CountryId, Grouping, Membership, Obligation, SourceId, Treaty};
use crate::{Doubt, PartialDate};

/// A state allied with the one asked about, with every tie that makes it so.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ally<'g> {
    /// The ally.
    pub country: CountryId,
    /// The ties, strongest obligation first (built when first read).
    pub evidence: Evidence<'g>,
}

/// A state bound to defend the one asked about (it owes the obligation at the view's strength).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Defender<'g> {
    /// The defender.
    pub country: CountryId,
    /// Whether it was nuclear-armed on the date asked.
    pub nuclear_armed: bool,
    /// The ties under which it owes the obligation (built when first read).
    pub evidence: Evidence<'g>,
}

/// One step of an [`alliance_path`](View::alliance_path).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Hop<'g> {
    /// From this state.
    pub from: CountryId,
    /// To this state.
    pub to: CountryId,
    /// The ties between them (built when first read).
    pub evidence: Evidence<'g>,
}

/// The shortest chain of ties between two states.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Path<'g> {
    /// The hops, in order; empty when both ends are the same state.
    pub hops: Vec<Hop<'g>>,
}

impl Path<'_> {
    /// The states along the path, both ends included.
    pub fn countries(&self) -> Vec<CountryId> {
        let mut out: Vec<CountryId> = self.hops.first().map(|h| h.from).into_iter().collect();
        out.extend(self.hops.iter().map(|h| h.to));
        out
    }
}

/// A group of states connected by ties at the view's strength.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Bloc {
    /// The states, sorted by id.
    pub members: Vec<CountryId>,
}

impl<'g> View<'g> {
    /// Every state allied with `who`, with why; sorted by the ally's id.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let allies = graph.as_of("2024-10".parse()?).allies("Japan")?;
    /// let usa = allies.iter().find(|a| a.country.as_str() == "USA").expect("the US");
    /// assert!(usa.evidence[0].to_string().contains("USA owes JPN defense"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn allies(&self, who: impl ActorRef) -> Result<Vec<Ally<'g>>> {
        let (x, xi) = self.country_at(&who)?;
        // The states from the network's lists; each one's evidence is built when read.
        Ok(self
            .network()
            .allies_at(xi)
            .iter()
            .map(|&country| Ally {
                country,
                evidence: Evidence::of_pair(*self, (x, country), false),
            })
            .collect())
    }

    /// The evidence that `a` and `b` are allied (built when first read), or `None` if they
    /// are not. Asking about a state and itself is an error
    /// ([`ErrorKind::SameActor`](crate::ErrorKind::SameActor)).
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let now = graph.as_of("2024-10".parse()?);
    /// assert!(now.are_allied("Japan", "US")?.is_some());
    /// assert!(now.are_allied("India", "Japan")?.is_none());
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn are_allied(&self, a: impl ActorRef, b: impl ActorRef) -> Result<Option<Evidence<'g>>> {
        let ((a, ai), (b, bi)) = self.two_countries_at(&a, &b, "an alliance")?;
        let allied = self.network().tied_at(ai, bi);
        Ok(allied.then(|| Evidence::of_pair(*self, (a, b), false)))
    }

    /// The ties `a` and `b` had before the date asked that ended before it, each with its
    /// dates: what a "no" replaced (Venezuela's exit from the OAS Charter, for the US).
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let former = world.as_of("2026-11-30".parse()?).former_ties("USA", "Venezuela")?;
    /// assert!(former.iter().any(|e| e.until.is_some_and(|u| u.to_string() == "2019-04-27")));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn former_ties(&self, a: impl ActorRef, b: impl ActorRef) -> Result<Vec<TieEvidence<'g>>> {
        let (a, b) = self.two_countries(&a, &b, "a tie")?;
        if self.asked.first == crate::Day::MIN {
            return Ok(Vec::new());
        }
        let before = View {
            asked: crate::Span {
                first: crate::Day::MIN,
                last: self.asked.first.pred(),
            },
            ..*self
        };
        Ok(before
            .pair_evidence(a, b)
            .into_iter()
            .filter(|e| e.until.is_some_and(|u| u.latest() < self.asked.first))
            .collect())
    }

    /// The states that owe `who` an obligation at the view's strength (one-sided obligations
    /// respected), each marked nuclear-armed or not; sorted by id.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let nuclear: Vec<String> = graph.as_of("2024-10".parse()?)
    ///     .defenders_of("Japan")?
    ///     .into_iter()
    ///     .filter(|d| d.nuclear_armed)
    ///     .map(|d| d.country.to_string())
    ///     .collect();
    /// assert_eq!(nuclear, ["USA"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn defenders_of(&self, who: impl ActorRef) -> Result<Vec<Defender<'g>>> {
        let (x, xi) = self.country_at(&who)?;
        Ok(self
            .network()
            .defenders_armed_at(xi, |country, nuclear_armed| Defender {
                country,
                nuclear_armed,
                evidence: Evidence::of_pair(*self, (x, country), true),
            }))
    }

    /// Every state tied to `x` at the view's strength and date, with the evidence, by id.
    pub(crate) fn ties_of(&self, x: CountryId) -> Vec<(CountryId, Vec<TieEvidence<'g>>)> {
        self.ties_indexed(x, Wanted::All)
    }

    /// The ties under which another state owes `x` an obligation at the view's strength (the
    /// evidence items of the ties it owes nothing under are left out where the index can
    /// tell), by id: what a conflict reads of a belligerent.
    pub(crate) fn ties_owed_to(&self, x: CountryId) -> Vec<(CountryId, Vec<TieEvidence<'g>>)> {
        self.ties_indexed(x, Wanted::Defenders)
    }

    /// The ties of `x` found from the view's adjacency index, evidence built only for the
    /// states `wanted` asks for (in the same order as the unindexed search, so the answers
    /// are identical).
    fn ties_indexed(&self, x: CountryId, wanted: Wanted) -> Vec<(CountryId, Vec<TieEvidence<'g>>)> {
        grouped_strongest_first(self.found_indexed(x, wanted))
    }

    /// Every evidence item of the ties of `x` that `wanted` asks for, with the state it ties
    /// `x` to, as found (ungrouped, unsorted, with repeats).
    fn found_indexed(&self, x: CountryId, wanted: Wanted) -> Found<'g> {
        let Some(xi) = self.graph.country_index(&x) else {
            return Vec::new();
        };
        let adj = self.adjacency();
        let doc = self.graph.document();
        // Every item found, with the state it ties `x` to; sorted and grouped at the end.
        // Room for one item per tie, so that it seldom grows.
        let room = match wanted {
            Wanted::One(_) => 2,
            _ => {
                adj.treaties[xi as usize].len()
                    + adj.memberships[xi as usize]
                        .iter()
                        .map(|e| adj.groups[e.slot as usize].members.len())
                        .sum::<usize>()
            }
        };
        let mut found: Found<'g> = Vec::with_capacity(room);
        for tie in &adj.treaties[xi as usize] {
            match wanted {
                Wanted::One(o) if o != tie.other => continue,
                Wanted::Defenders if !tie.other_owes => continue,
                _ => {}
            }
            let y = doc.countries[tie.other as usize].id;
            let t = &doc.treaties[tie.treaty as usize];
            self.treaty_evidence_into(t, x, y, &mut found);
        }
        let mut positions: Vec<u32> = Vec::new();
        for entry in &adj.memberships[xi as usize] {
            let group = &adj.groups[entry.slot as usize];
            if matches!(wanted, Wanted::Defenders) && !group.mutual {
                continue;
            }
            let g = &doc.groupings[group.grouping as usize];
            let mx = &doc.memberships[group.members[entry.pos as usize].membership as usize];
            positions.clear();
            match wanted {
                Wanted::One(yi) => {
                    positions.extend(
                        adj.memberships[yi as usize]
                            .iter()
                            .filter(|e| e.slot == entry.slot)
                            .map(|e| e.pos),
                    );
                    positions.sort_unstable();
                }
                _ => positions.extend(0..group.members.len() as u32),
            }
            for &p in &positions {
                let member = &group.members[p as usize];
                if member.country == xi {
                    continue;
                }
                let my = &doc.memberships[member.membership as usize];
                if !group.clique && !self.grouping_tied(&group.active, mx, my) {
                    continue;
                }
                self.grouping_evidence_into(g, &group.active, mx, my, &mut found);
            }
        }
        found
    }

    /// The evidence for the pair `a`, `b` alone.
    pub(crate) fn pair_evidence(&self, a: CountryId, b: CountryId) -> Vec<TieEvidence<'g>> {
        if a == b {
            return Vec::new();
        }
        let Some(bi) = self.graph.country_index(&b) else {
            return Vec::new();
        };
        // One state's items: sorted and their repeats dropped in place.
        let mut evidence: Vec<TieEvidence<'g>> = self
            .found_indexed(a, Wanted::One(bi))
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        evidence.sort_by(strength_order);
        evidence.dedup();
        evidence
    }

    /// Whether treaty `t` ties `x` and `y` at the view's strength and date: the test of
    /// [`treaty_evidence`](Self::treaty_evidence) without building the evidence.
    #[cfg(test)]
    pub(super) fn treaty_evidence(
        &self,
        t: &'g Treaty,
        x: CountryId,
        y: CountryId,
    ) -> Vec<TieEvidence<'g>> {
        let mut found = Vec::new();
        self.treaty_evidence_into(t, x, y, &mut found);
        found.into_iter().map(|(_, e)| e).collect()
    }

    /// Adds the evidence that treaty `t` ties `x` and `y` to `found`, one item per obligation.
    fn treaty_evidence_into(
        &self,
        t: &'g Treaty,
        x: CountryId,
        y: CountryId,
        found: &mut Found<'g>,
    ) {
        let Some(period) = self.treaty_span(t) else {
            return;
        };
        let start = found.len();
        self.each_clause(t, period, x, y, |c| {
            let e = clause_evidence(t, (x, y), &c, self.clause_doubt(t, &c));
            match found[start..]
                .iter_mut()
                .find(|(_, o)| o.obligation == e.obligation)
            {
                Some((_, o)) => merge(o, e),
                None => found.push((y, e)),
            }
        });
    }

    /// The evidence that memberships `mx` and `my` of `g` tie their states, one item per
    /// obligation (see [`grouping_evidence_into`](Self::grouping_evidence_into)).
    #[cfg(test)]
    pub(super) fn grouping_evidence(
        &self,
        g: &'g Grouping,
        active: &[crate::Span],
        mx: &'g Membership,
        my: &'g Membership,
    ) -> Vec<TieEvidence<'g>> {
        let mut found = Vec::new();
        self.grouping_evidence_into(g, active, mx, my, &mut found);
        found.into_iter().map(|(_, e)| e).collect()
    }

    /// Adds the evidence that memberships `mx` and `my` of `g` tie their states to `found`.
    fn grouping_evidence_into(
        &self,
        g: &'g Grouping,
        active: &[crate::Span],
        mx: &'g Membership,
        my: &'g Membership,
        found: &mut Found<'g>,
    ) {
        if !self.grouping_tied(active, mx, my) {
            return;
        }
        let (x, y) = (mx.country, my.country);
        let active_since = g
            .status
            .iter()
            .rev()
            .find(|c| c.status == crate::GroupingStatus::Active && c.since.counts_by(&self.asked))
            .map(|c| c.since);
        let doubt = self.grouping_doubt(g, mx, my);
        let contradicted_by: Cow<'g, [Citation]> =
            match (&mx.contradicted_by[..], &my.contradicted_by[..]) {
                (c, []) | ([], c) => Cow::Borrowed(c),
                (a, b) => Cow::Owned([a, b].concat()),
            };
        // Most groupings cite one source for their members and their status: borrowed then.
        let one = &mx.source;
        let sources: Cow<'g, [SourceId]> =
            if my.source == *one && g.status.iter().all(|c| c.source == *one) {
                Cow::Borrowed(std::slice::from_ref(one))
            } else {
                let mut sources = vec![mx.source.clone(), my.source.clone()];
                sources.extend(g.status.iter().map(|c| c.source.clone()));
                sources.sort();
                sources.dedup();
                Cow::Owned(sources)
            };
        let evidence = |obligation: Option<Obligation>| {
            let mutual = obligation.is_some();
            TieEvidence {
                basis: TieBasis::Grouping {
                    id: &g.id,
                    name: &g.name,
                },
                obligation,
                owed_by: Parties::of((x, y), mutual, mutual),
                owed_to: Parties::of((x, y), mutual, mutual),
                since: latest_start([mx.start, my.start, active_since]),
                until: earliest_end([mx.end, my.end]),
                conditions: Cow::Borrowed(&[]),
                clause: Cow::Borrowed(&[]),
                sources: sources.clone(),
                doubt,
                contradicted_by: contradicted_by.clone(),
            }
        };
        let binds = Self::grouping_obligations_bind(mx, my);
        for o in &g.obligations {
            if binds && self.strength.admits(Some(*o)) {
                found.push((y, evidence(Some(*o))));
            }
        }
        if (g.obligations.is_empty() || !binds) && self.strength.admits(None) {
            found.push((y, evidence(None)));
        }
    }
}

/// Which of a state's ties [`View::ties_indexed`] builds evidence for.
#[derive(Debug, Clone, Copy)]
enum Wanted {
    /// Every tie.
    All,
    /// The ties with this state (a country index) alone.
    One(u32),
    /// The ties under which the other state owes an obligation (treaty ties where it owes
    /// one, groupings with obligations); the caller keeps the evidence items it owes.
    Defenders,
}

/// Evidence items found, each with the state it ties the asked one to.
type Found<'g> = Vec<(CountryId, TieEvidence<'g>)>;

/// The order of one state's evidence: strongest obligation first (a tie without obligation
/// after every obligation), then by basis.
fn strength_order(a: &TieEvidence<'_>, b: &TieEvidence<'_>) -> std::cmp::Ordering {
    (a.obligation.is_none(), a.obligation)
        .cmp(&(b.obligation.is_none(), b.obligation))
        .then_with(|| a.basis.cmp(&b.basis))
}

/// Orders each state's evidence (see [`strength_order`]), drops repeats and states left
/// without evidence: for the unindexed search the tests check the index against.
#[cfg(test)]
pub(super) fn strongest_first(
    mut ties: std::collections::BTreeMap<CountryId, Vec<TieEvidence<'_>>>,
) -> std::collections::BTreeMap<CountryId, Vec<TieEvidence<'_>>> {
    for evidence in ties.values_mut() {
        evidence.sort_by(strength_order);
        evidence.dedup();
    }
    ties.retain(|_, e| !e.is_empty());
    ties
}

/// The items found, grouped by state (by id), each state's in [`strength_order`], repeats
/// dropped: what [`strongest_first`] gives, from one flat list.
fn grouped_strongest_first(found: Found<'_>) -> Vec<(CountryId, Vec<TieEvidence<'_>>)> {
    // The items are large: sort their places, then move each once.
    let mut order: Vec<u32> = (0..found.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let ((ca, ea), (cb, eb)) = (&found[a as usize], &found[b as usize]);
        ca.cmp(cb).then_with(|| strength_order(ea, eb))
    });
    order.dedup_by(|b, a| found[*a as usize] == found[*b as usize]);
    let runs: Vec<usize> = order
        .chunk_by(|&a, &b| found[a as usize].0 == found[b as usize].0)
        .map(<[_]>::len)
        .collect();
    let mut slots: Vec<Option<(CountryId, TieEvidence<'_>)>> =
        found.into_iter().map(Some).collect();
    let mut places = order.into_iter();
    let mut out: Vec<(CountryId, Vec<TieEvidence<'_>>)> = Vec::with_capacity(runs.len());
    for run in runs {
        let mut evidence = Vec::with_capacity(run);
        let mut country = None;
        for i in places.by_ref().take(run) {
            if let Some((c, e)) = slots[i as usize].take() {
                country = Some(c);
                evidence.push(e);
            }
        }
        out.extend(country.map(|c| (c, evidence)));
    }
    out
}

/// The evidence of one clause of treaty `t` between `x` and `y`: dated from the latest start
/// to the earliest end of the treaty, the two spells and the obligation.
fn clause_evidence<'g>(
    t: &'g Treaty,
    (x, y): (CountryId, CountryId),
    c: &Clause<'g>,
    doubt: Option<Doubt>,
) -> TieEvidence<'g> {
    let (px, py) = c.spells;
    let extra = c.obligation.map(|o| o.period());
    let starts = [
        t.start(),
        px.start(),
        py.start(),
        extra.and_then(|p| p.start()),
    ];
    let ends = [t.ended, px.end(), py.end(), extra.and_then(|p| p.end())];
    TieEvidence {
        basis: TieBasis::Treaty {
            id: &t.id,
            name: &t.name,
            atop_id: t.atop_id,
        },
        obligation: c.obligation.map(|o| o.kind),
        owed_by: Parties::of((x, y), c.x_owes, c.y_owes),
        owed_to: Parties::of((x, y), c.y_owes, c.x_owes),
        since: latest_start(starts),
        until: earliest_end(ends),
        conditions: Cow::Borrowed(c.obligation.map_or(&[], |o| &o.conditions[..])),
        clause: Cow::Borrowed(c.obligation.map_or(&[], |o| o.clause.as_slice())),
        sources: Cow::Borrowed(&t.sources),
        doubt,
        contradicted_by: Cow::Borrowed(&t.contradicted_by),
    }
}

/// Merges `e` into `o`, a treaty's item for the same obligation (an obligation split over
/// phases or over several directed clauses), uniting who owes whom.
fn merge<'g>(o: &mut TieEvidence<'g>, e: TieEvidence<'g>) {
    o.owed_by = o.owed_by.union(e.owed_by);
    o.owed_to = o.owed_to.union(e.owed_to);
    for c in e.conditions.iter() {
        if !o.conditions.contains(c) {
            o.conditions.to_mut().push(c.clone());
        }
    }
    for c in e.clause.iter() {
        if !o.clause.contains(c) {
            o.clause.to_mut().push(c.clone());
        }
    }
    o.since = earliest_start(o.since, e.since);
    o.until = latest_end(o.until, e.until);
    // Certain when any of its clauses is.
    if e.doubt.is_none() {
        o.doubt = None;
    }
}

fn latest_start(dates: impl IntoIterator<Item = Option<PartialDate>>) -> Option<PartialDate> {
    dates.into_iter().flatten().max_by_key(|d| d.earliest())
}

fn earliest_end(dates: impl IntoIterator<Item = Option<PartialDate>>) -> Option<PartialDate> {
    dates.into_iter().flatten().min_by_key(|d| d.latest())
}

fn earliest_start(a: Option<PartialDate>, b: Option<PartialDate>) -> Option<PartialDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.earliest() < a.earliest() { b } else { a }),
        _ => None,
    }
}

fn latest_end(a: Option<PartialDate>, b: Option<PartialDate>) -> Option<PartialDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.latest() > a.latest() { b } else { a }),
        _ => None,
    }
}

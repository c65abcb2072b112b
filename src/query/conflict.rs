//! The conflict query: if some states attack others on a date, who is bound to do what, under
//! which treaty or grouping, on which condition, and how the war spreads. (About 700 lines:
//! the rules, the result types and the cascade belong together.)
//!
//! # The rules
//!
//! A conflict has two sides: the **attacking** side (the attackers, and every state that
//! joins them) and the **attacked** side (the targets, and every state that joins them). On
//! the view's date, every obligation a state owes a belligerent is read with its conditions
//! judged by [the condition rule](super::conditions), against the states on the
//! other side from that belligerent (its enemies):
//!
//! - **defense** owed to a state on the attacked side: bound to **defend** it; when the
//!   conditions are met, the state joins the attacked side. Defense owed to an attacker is
//!   not triggered (it attacked).
//! - **offense** owed to a state on the attacking side: bound to **join the attack**; when
//!   met, the state joins the attacking side.
//! - **neutrality** owed to a belligerent: bound to **stay neutral** toward it.
//! - **consultation** owed to a belligerent: bound to **consult** it.
//! - A promise the attack itself **breaks**: non-aggression, neutrality or defense owed to a
//!   target by a state on the attacking side (an attacker, or a state that joined it); with
//!   the treaty's other parties on the date (its co-members), to whom the promise was made
//!   too. (A state that joins the attacked side is fought, not attacked: no promise to it is
//!   counted as broken.)
//!
//! **Cascades.** A state that joins a side is a belligerent from the next round: its
//! obligations are read in turn (chain-ganging), round by round, up to a depth or until no
//! state joins (a fixed point, always reached: a state joins each side at most once). A state
//! that joins the attacked side counts as attacked by the other side's belligerents, the widest
//! reading of "attacked"; its allies' conditions still decide. Only duties whose conditions are
//! **met** make a state join, unless [`ConflictOptions::follow_undecidable`] is set; every
//! duty is listed, met or not. A state bound to both sides is listed on both and reported in
//! [`Conflict::contradictions`], never resolved silently. Each state's first round and the
//! chain of duties that brought it in are kept ([`Conflict::chain`]).
//!
//! Ties are read at every obligation (ATOP's `atopally`): groupings' obligations are
//! unconditional; a treaty's are judged clause by clause, and a duty binds when one of its
//! clauses does. Only ties in force on the view's date count (the same tie rules as every
//! other query).

use std::collections::BTreeMap;
use std::fmt;

use super::conditions::{judge, Judgement, Situation, Terms};
use super::{ActorRef, Strength, TieBasis, TieEvidence, View};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CountryId, Obligation};
use crate::util::FastMap;
use crate::PartialDate;

/// A side of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The attackers and those who join them.
    Attacking,
    /// The states attacked and those who join them.
    Attacked,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Attacking => Side::Attacked,
            Side::Attacked => Side::Attacking,
        }
    }

    /// `attacking` or `attacked`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Side::Attacking => "attacking",
            Side::Attacked => "attacked",
        }
    }
}

/// What an obligation requires of a state in a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DutyKind {
    /// Defend a state on the attacked side (defense owed to it).
    Defend,
    /// Join a state on the attacking side (offense owed to it).
    JoinAttack,
    /// Stay neutral toward a belligerent (neutrality owed to it).
    StayNeutral,
    /// Consult a belligerent (consultation owed to it).
    Consult,
    /// A promise the attack breaks (non-aggression, neutrality or defense owed by an attacker
    /// to a state it attacks).
    Broken,
}

impl DutyKind {
    /// The words for it.
    pub fn as_str(&self) -> &'static str {
        match self {
            DutyKind::Defend => "defend",
            DutyKind::JoinAttack => "join the attack of",
            DutyKind::StayNeutral => "stay neutral toward",
            DutyKind::Consult => "consult",
            DutyKind::Broken => "breaks its promise to",
        }
    }
}

/// One obligation a state owes a belligerent, what it requires, and whether its conditions
/// hold.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Duty<'g> {
    /// The state that owes it.
    pub state: CountryId,
    /// What it requires.
    pub kind: DutyKind,
    /// The belligerent it is owed to (for a broken promise, the state attacked).
    pub toward: CountryId,
    /// Whether its conditions hold against `toward`'s enemies.
    pub judgement: Judgement,
    /// The round in which it was found: `toward` became a belligerent then (0: an attacker
    /// or a target).
    pub round: usize,
    /// The tie: treaty or grouping, obligation, dates, sources.
    pub evidence: TieEvidence<'g>,
    /// For a broken promise under a treaty of more than two parties: the other parties on
    /// the date, to whom it was made too.
    pub co_members: Vec<CountryId>,
}

impl fmt::Display for Duty<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} ({}) [{}]",
            self.state,
            self.kind.as_str(),
            self.toward,
            self.judgement,
            self.evidence
        )
    }
}

/// A state at war in a conflict: its side, the round it joined, and the duty that brought it
/// in (none for the attackers and targets).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Belligerent {
    /// The state.
    pub country: CountryId,
    /// Its side.
    pub side: Side,
    /// The round it joined (0: an attacker or a target).
    pub round: usize,
    /// The index in [`Conflict::duties`] of the duty that brought it in.
    pub via: Option<usize>,
    /// Whether it was nuclear-armed on the date.
    pub nuclear_armed: bool,
}

/// How far a conflict query follows the war.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConflictOptions {
    /// The most rounds of joining to follow after the first attack; `None` to a fixed point.
    pub depth: Option<usize>,
    /// Whether a duty whose conditions are undecidable makes a state join (the widest
    /// reading); by default only met duties do.
    pub follow_undecidable: bool,
}

/// What a conflict requires of every state: see the [module docs](self) for the rules.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict<'g> {
    /// The date.
    pub date: PartialDate,
    /// The attackers.
    pub attackers: Vec<CountryId>,
    /// The states attacked.
    pub targets: Vec<CountryId>,
    /// Every state at war, by round, then side, then id.
    pub belligerents: Vec<Belligerent>,
    /// Every duty found, by round, then state.
    pub duties: Vec<Duty<'g>>,
    /// States on both sides (bound to both), by id.
    pub contradictions: Vec<CountryId>,
    /// The rounds followed after the first attack.
    pub rounds: usize,
    /// Whether no further state would join (false when the depth stopped the cascade).
    pub fixed_point: bool,
}

impl<'g> Conflict<'g> {
    /// The duties of `state`, in order.
    pub fn duties_of(&self, state: CountryId) -> impl Iterator<Item = &Duty<'g>> + '_ {
        self.duties.iter().filter(move |d| d.state == state)
    }

    /// The sides `country` is on (both for a contradiction; none when it stays out).
    pub fn sides_of(&self, country: CountryId) -> Vec<Side> {
        self.belligerents
            .iter()
            .filter(|b| b.country == country)
            .map(|b| b.side)
            .collect()
    }

    /// The duties to defend a target, met or not, by state.
    pub fn defenders_of_targets(&self) -> Vec<&Duty<'g>> {
        let mut out: Vec<&Duty> = self
            .duties
            .iter()
            .filter(|d| d.kind == DutyKind::Defend && self.targets.contains(&d.toward))
            .collect();
        out.sort_by_key(|d| d.state);
        out
    }

    /// The nuclear-armed states bound to defend a target, met or undecidable (not those whose
    /// conditions fail), by id.
    pub fn nuclear_defenders(&self, view: &View<'_>) -> Vec<CountryId> {
        let mut out: Vec<CountryId> = self
            .defenders_of_targets()
            .into_iter()
            .filter(|d| !matches!(d.judgement, Judgement::NotMet(_)))
            .map(|d| d.state)
            .filter(|c| view.is_nuclear_armed(*c))
            .collect();
        out.dedup();
        out
    }

    /// What a change of the graph (a scenario) does to the obligations to act: the duties
    /// this conflict has that `before` lacks (gained) and those `before` has that this one
    /// lacks (lost), by state, duty, ally and status (met or undecidable; duties whose
    /// conditions fail are no obligation to act).
    ///
    /// ```
    /// use alliance_graph::{datasets, Scenario};
    ///
    /// let graph = datasets::asian_nato();
    /// let date = "2024-12-31".parse()?;
    /// let members = ["AUS", "IND", "JPN", "USA", "GBR"].map(|c| c.parse().unwrap());
    /// let formed = Scenario::new(date).form_grouping("asian-nato".parse()?, members).apply(&graph)?;
    /// let before = graph.as_of(date).conflict(&["China"], &["Japan"])?;
    /// let after = formed.graph.as_of(date).conflict(&["China"], &["Japan"])?;
    /// let (gained, lost) = after.changes_from(&before);
    /// assert!(gained.iter().any(|d| d.state.as_str() == "IND" && d.toward.as_str() == "JPN"));
    /// assert!(lost.is_empty());
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn changes_from<'a, 'b>(
        &'a self,
        before: &'a Conflict<'b>,
    ) -> (Vec<&'a Duty<'g>>, Vec<&'a Duty<'b>>) {
        let (now, then) = (binding(&self.duties), binding(&before.duties));
        let gained = now
            .iter()
            .filter(|(k, _)| !then.contains_key(k))
            .map(|(_, d)| *d)
            .collect();
        let lost = then
            .iter()
            .filter(|(k, _)| !now.contains_key(k))
            .map(|(_, d)| *d)
            .collect();
        (gained, lost)
    }

    /// The chain of duties that brought `country` into the war on `side`, from the first
    /// attack's parties to it: empty for an attacker or a target, or when it is not on
    /// that side.
    pub fn chain(&self, country: CountryId, side: Side) -> Vec<&Duty<'g>> {
        let mut out = Vec::new();
        let mut at = (country, side);
        // Each step goes to an earlier round, so this ends.
        while let Some(b) = self.belligerents.iter().find(|b| (b.country, b.side) == at) {
            let Some(i) = b.via else { break };
            let d = &self.duties[i];
            out.push(d);
            at = (d.toward, side);
        }
        out.reverse();
        out
    }
}

impl<'g> View<'g> {
    /// If `attackers` attack `targets` on the view's date: what every state's obligations
    /// require, judged against the data, and the cascade to a fixed point. See
    /// [`conflict_with`](Self::conflict_with) and the [rules](super::conflict).
    ///
    /// ```
    /// use alliance_graph::query::DutyKind;
    ///
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let view = graph.as_of("2024-12-31".parse()?);
    /// let war = view.conflict(&["China"], &["Japan"])?;
    /// // The US owes Japan defense under the 1960 treaty; its Art. V limits it to territories
    /// // under Japan's administration, which the data cannot check.
    /// let us = war.duties_of("USA".parse()?).find(|d| d.kind == DutyKind::Defend).unwrap();
    /// assert_eq!(us.judgement.as_str(), "undecidable");
    /// assert_eq!(war.nuclear_defenders(&view), ["USA".parse()?]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn conflict(
        &self,
        attackers: &[impl ActorRef],
        targets: &[impl ActorRef],
    ) -> Result<Conflict<'g>> {
        self.conflict_with(attackers, targets, ConflictOptions::default())
    }

    /// [`conflict`](Self::conflict) with options: a depth, and whether undecidable duties
    /// make states join.
    pub fn conflict_with(
        &self,
        attackers: &[impl ActorRef],
        targets: &[impl ActorRef],
        options: ConflictOptions,
    ) -> Result<Conflict<'g>> {
        let attackers = self.countries_named(attackers, "attacker")?;
        let targets = self.countries_named(targets, "target")?;
        if let Some(c) = attackers.iter().find(|a| targets.contains(a)) {
            return Err(Error::from(ErrorKind::SameActor {
                name: c.to_string(),
                question: "an attack",
            }));
        }
        Ok(Cascade::new(*self, attackers, targets, options).run())
    }

    /// The countries `names` name, each once, at least one.
    fn countries_named(
        &self,
        names: &[impl ActorRef],
        what: &'static str,
    ) -> Result<Vec<CountryId>> {
        let mut ids: Vec<CountryId> = Vec::new();
        for n in names {
            let c = self.country(n)?;
            if !ids.contains(&c) {
                ids.push(c);
            }
        }
        if ids.is_empty() {
            return Err(Error::from(ErrorKind::Scenario {
                message: format!("a conflict needs at least one {what}"),
            }));
        }
        Ok(ids)
    }
}

/// The duties that bind or may bind, by state, kind, toward whom and judgement.
type DutyKey = (CountryId, DutyKind, CountryId, &'static str);

fn binding<'a, 'g>(duties: &'a [Duty<'g>]) -> BTreeMap<DutyKey, &'a Duty<'g>> {
    duties
        .iter()
        .filter(|d| !matches!(d.judgement, Judgement::NotMet(_)))
        .map(|d| ((d.state, d.kind, d.toward, d.judgement.as_str()), d))
        .collect()
}

/// The cascade's state while it runs.
struct Cascade<'g> {
    view: View<'g>,
    sides: BTreeMap<(CountryId, Side), (usize, Option<usize>)>,
    duties: Vec<Duty<'g>>,
    index: FastMap<(CountryId, DutyKind, CountryId, TieBasis<'g>), usize>,
    /// Duties not met whose judgement turns on the enemies (a named adversary): judged again
    /// when the other side grows. With the side of the ally they are owed to.
    pending: Vec<(usize, Side)>,
    attackers: Vec<CountryId>,
    targets: Vec<CountryId>,
    options: ConflictOptions,
}

/// A state to join a side, and the index of the duty that makes it.
type Join = (CountryId, Side, usize);

impl<'g> Cascade<'g> {
    fn new(
        view: View<'g>,
        attackers: Vec<CountryId>,
        targets: Vec<CountryId>,
        options: ConflictOptions,
    ) -> Self {
        let mut sides = BTreeMap::new();
        for a in &attackers {
            sides.insert((*a, Side::Attacking), (0, None));
        }
        for t in &targets {
            sides.insert((*t, Side::Attacked), (0, None));
        }
        Cascade {
            view: view.with_strength(Strength::Consultation),
            sides,
            duties: Vec::new(),
            index: FastMap::default(),
            pending: Vec::new(),
            attackers,
            targets,
            options,
        }
    }

    fn on(&self, c: CountryId, side: Side) -> bool {
        self.sides.contains_key(&(c, side))
    }

    fn members(&self, side: Side) -> Vec<CountryId> {
        self.sides
            .keys()
            .filter(|(_, s)| *s == side)
            .map(|(c, _)| *c)
            .collect()
    }

    fn run(mut self) -> Conflict<'g> {
        let mut round = 0;
        let mut frontier: Vec<(CountryId, Side)> = self.sides.keys().copied().collect();
        let fixed_point = loop {
            let enemies = [self.members(Side::Attacked), self.members(Side::Attacking)];
            let enemies_of = |side: Side| match side {
                Side::Attacking => &enemies[0],
                Side::Attacked => &enemies[1],
            };
            let mut joins: Vec<Join> = Vec::new();
            // The new belligerents' ties: every obligation owed to them.
            for &(b, side) in &frontier {
                self.read_ties(b, side, round, enemies_of(side), &mut joins);
            }
            // Duties that turn on the enemies, judged again now that a side grew.
            if round > 0 {
                self.rejudge(enemies_of, &mut joins);
            }
            if joins.is_empty() {
                break true;
            }
            if self.options.depth.is_some_and(|d| round >= d) {
                break false;
            }
            round += 1;
            frontier.clear();
            for (c, side, via) in joins {
                if let std::collections::btree_map::Entry::Vacant(v) = self.sides.entry((c, side)) {
                    v.insert((round, Some(via)));
                    frontier.push((c, side));
                }
            }
        };
        self.finish(round, fixed_point)
    }

    fn finish(self, rounds: usize, fixed_point: bool) -> Conflict<'g> {
        let mut belligerents: Vec<Belligerent> = self
            .sides
            .iter()
            .map(|(&(country, side), &(round, via))| Belligerent {
                country,
                side,
                round,
                via,
                nuclear_armed: self.view.is_nuclear_armed(country),
            })
            .collect();
        belligerents.sort_by_key(|b| (b.round, b.side, b.country));
        let mut contradictions: Vec<CountryId> = self
            .sides
            .keys()
            .filter(|(c, s)| *s == Side::Attacking && self.on(*c, Side::Attacked))
            .map(|(c, _)| *c)
            .collect();
        contradictions.dedup();
        // Duties by round, then state; `via` indices follow the new order.
        let mut order: Vec<usize> = (0..self.duties.len()).collect();
        order.sort_by_key(|&i| (self.duties[i].round, self.duties[i].state, i));
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        for b in &mut belligerents {
            b.via = b.via.map(|i| new_index[i]);
        }
        let mut duties: Vec<Option<Duty<'g>>> = self.duties.into_iter().map(Some).collect();
        let duties: Vec<Duty<'g>> = order.iter().filter_map(|&i| duties[i].take()).collect();
        Conflict {
            date: self.view.date(),
            attackers: self.attackers,
            targets: self.targets,
            belligerents,
            duties,
            contradictions,
            rounds,
            fixed_point,
        }
    }

    /// What a duty does to the sides: the side it makes its state join, if any.
    fn joins(&self, kind: DutyKind, judgement: &Judgement) -> Option<Side> {
        let binds = judgement.is_met()
            || (self.options.follow_undecidable && matches!(judgement, Judgement::Undecidable(_)));
        match kind {
            DutyKind::Defend if binds => Some(Side::Attacked),
            DutyKind::JoinAttack if binds => Some(Side::Attacking),
            _ => None,
        }
    }

    fn push_join(&self, joins: &mut Vec<Join>, s: CountryId, to: Side, i: usize) {
        if !self.on(s, to) && !joins.iter().any(|j| (j.0, j.1) == (s, to)) {
            joins.push((s, to, i));
        }
    }

    /// Records every duty owed to `b` (on `side`), found in round `round`.
    fn read_ties(
        &mut self,
        b: CountryId,
        side: Side,
        round: usize,
        enemies: &[CountryId],
        joins: &mut Vec<Join>,
    ) {
        for (s, evidence) in self.view.ties_owed_to(b) {
            for e in evidence {
                let Some(obligation) = e.obligation else {
                    continue;
                };
                if !(e.owed_by.contains(&s) && e.owed_to.contains(&b)) {
                    continue;
                }
                // A promise broken: owed to a target by a state on the attacking side.
                let broken = side == Side::Attacked
                    && self.targets.contains(&b)
                    && self.on(s, Side::Attacking)
                    && matches!(
                        obligation,
                        Obligation::Defense | Obligation::Neutrality | Obligation::NonAggression
                    );
                let kind = match (obligation, side) {
                    _ if broken => DutyKind::Broken,
                    (Obligation::Defense, Side::Attacked) => DutyKind::Defend,
                    (Obligation::Offense, Side::Attacking) => DutyKind::JoinAttack,
                    (Obligation::Neutrality, _) => DutyKind::StayNeutral,
                    (Obligation::Consultation, _) => DutyKind::Consult,
                    // Defense owed to an attacker, offense to a state attacked,
                    // non-aggression between states not fighting: no duty here.
                    _ => continue,
                };
                let situation = Situation {
                    enemies,
                    ally_attacked: side == Side::Attacked,
                };
                let (judgement, turns_on_enemies) = if broken {
                    (Judgement::Met(vec![format!("{s} fights {b}")]), false)
                } else {
                    self.judge(&e, s, b, &situation)
                };
                let join = self.joins(kind, &judgement);
                let met = judgement.is_met();
                let i = self.record(s, kind, b, judgement, round, e);
                if let Some(to) = join {
                    self.push_join(joins, s, to, i);
                }
                if turns_on_enemies && !met {
                    self.pending.push((i, side));
                }
            }
        }
    }

    /// Judges the pending duties again against the enemies as they now stand.
    fn rejudge<'e>(
        &mut self,
        enemies_of: impl Fn(Side) -> &'e Vec<CountryId>,
        joins: &mut Vec<Join>,
    ) {
        let pending = std::mem::take(&mut self.pending);
        for (i, side) in pending {
            let d = &self.duties[i];
            let situation = Situation {
                enemies: enemies_of(side),
                ally_attacked: side == Side::Attacked,
            };
            let (judgement, _) = self.judge(&d.evidence, d.state, d.toward, &situation);
            let better = d.judgement.clone().or(judgement);
            let (state, kind) = (d.state, d.kind);
            if let Some(to) = self.joins(kind, &better) {
                self.push_join(joins, state, to, i);
            }
            if !better.is_met() {
                self.pending.push((i, side));
            }
            self.duties[i].judgement = better;
        }
    }

    /// Judges a duty: a grouping's obligations are unconditional; a treaty's clauses each
    /// judged, the best one deciding.
    fn judge(
        &self,
        e: &TieEvidence,
        s: CountryId,
        b: CountryId,
        situation: &Situation<'_>,
    ) -> (Judgement, bool) {
        let graph = self.view.graph();
        match &e.basis {
            TieBasis::Grouping { id, .. } => {
                let conditions = graph.grouping(id).map_or(&[][..], |g| &g.conditions[..]);
                let terms = Terms {
                    conditions,
                    against: None,
                    attributes: None,
                };
                let judgement = match judge(graph, &terms, situation) {
                    Judgement::Met(_) if conditions.is_empty() => Judgement::Met(vec![format!(
                        "membership of {id} carries it, unconditionally"
                    )]),
                    other => other,
                };
                (judgement, terms.turns_on_enemies())
            }
            TieBasis::Treaty { id, .. } => {
                let Some(t) = graph.treaty(id) else {
                    let missing = "the treaty record is missing".to_string();
                    return (Judgement::Undecidable(vec![missing]), false);
                };
                let mut turns = false;
                let judgement = self
                    .view
                    .treaty_clauses(t, s, b)
                    .iter()
                    .filter(|c| c.x_owes)
                    .filter_map(|c| c.obligation)
                    .filter(|o| Some(o.kind) == e.obligation)
                    .map(|o| {
                        let terms = Terms {
                            conditions: &o.conditions,
                            against: o.against.as_ref(),
                            attributes: Some(&t.attributes),
                        };
                        turns |= terms.turns_on_enemies();
                        judge(graph, &terms, situation)
                    })
                    .reduce(Judgement::or)
                    .unwrap_or_else(|| Judgement::Met(vec!["unconditional".into()]));
                (judgement, turns)
            }
        }
    }

    /// Records a duty, or a better judgement of one already found; returns its index.
    fn record(
        &mut self,
        state: CountryId,
        kind: DutyKind,
        toward: CountryId,
        judgement: Judgement,
        round: usize,
        evidence: TieEvidence<'g>,
    ) -> usize {
        // The evidence is moved in only when the duty is new.
        let key = (state, kind, toward, evidence.basis);
        if let Some(&i) = self.index.get(&key) {
            let d = &mut self.duties[i];
            let better = d.judgement.clone().or(judgement);
            if better != d.judgement {
                d.judgement = better;
            }
            return i;
        }
        let co_members = if kind == DutyKind::Broken {
            self.co_members(&evidence, state, toward)
        } else {
            Vec::new()
        };
        self.duties.push(Duty {
            state,
            kind,
            toward,
            judgement,
            round,
            evidence,
            co_members,
        });
        self.index.insert(key, self.duties.len() - 1);
        self.duties.len() - 1
    }

    /// The other parties, on the date, of the treaty or grouping behind a broken promise.
    fn co_members(&self, e: &TieEvidence, a: CountryId, b: CountryId) -> Vec<CountryId> {
        let graph = self.view.graph();
        let asked = self.view.span();
        let mut out: Vec<CountryId> = match &e.basis {
            TieBasis::Treaty { id, .. } => graph
                .treaty(id)
                .map(|t| {
                    t.parties
                        .iter()
                        .filter(|p| p.period().overlaps(&asked))
                        .map(|p| p.country())
                        .collect()
                })
                .unwrap_or_default(),
            TieBasis::Grouping { id, .. } => self
                .view
                .members_of(id)
                .map(|m| m.into_iter().map(|m| m.country).collect())
                .unwrap_or_default(),
        };
        out.retain(|c| *c != a && *c != b);
        out.sort();
        out.dedup();
        out
    }
}

//! Stance queries: who said what about a target, an actor's current stance and its history,
//! the positions on a target (a proposal's coalition), and how they moved over time.
//!
//! Every stance an answer gives is a [`Said`]: the stance, and whether it had certainly been
//! made by the view's date or only possibly (its date, `2024-09` or a range, straddles the
//! date asked; the rule is [`When::made_by`](crate::When::made_by)). A stance a source
//! contradicts stays in every answer, marked [contested](crate::Stance::is_contested).

use std::collections::BTreeMap;

use super::{ActorRef, View};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ActorId, CountryId, Stance, StanceKind, Target};
use crate::Holds;

/// A stance as an answer gives it: the stance, and whether it had been made by the view's
/// date ([`Holds::Yes`]) or only possibly ([`Holds::Possibly`], with the reason).
///
/// Dereferences to the [`Stance`]. Serialized as the stance's fields plus `made` (`"yes"` or
/// `"possibly: ..."`) and `contested`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said<'g> {
    /// The stance.
    pub stance: &'g Stance,
    /// Whether it had been made by the view's date: yes, or possibly.
    pub made: Holds,
}

impl<'g> Said<'g> {
    /// Whether it had only possibly been made by the view's date.
    pub fn is_possible(&self) -> bool {
        matches!(self.made, Holds::Possibly(_))
    }
}

impl std::ops::Deref for Said<'_> {
    type Target = Stance;
    fn deref(&self) -> &Stance {
        self.stance
    }
}

impl serde::Serialize for Said<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            stance: &'a Stance,
            made: Holds,
            contested: bool,
        }
        Out {
            stance: self.stance,
            made: self.made,
            contested: self.stance.is_contested(),
        }
        .serialize(s)
    }
}

/// An actor's position on a target: its latest stance on the target (or on its own
/// membership of it), with any earlier stance on record more firmly than that latest one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position<'g> {
    /// The actor.
    pub actor: ActorId,
    /// Its latest stance: its position.
    pub stance: Said<'g>,
    /// Its earlier stances with firmer evidence than the latest (an on-record statement
    /// before a reported one), oldest first: a vaguer later report never hides them.
    pub firmer: Vec<Said<'g>>,
    /// How many stances it made on the target (or its own membership of it) by the date.
    pub count: usize,
}

/// Where every actor stands on a target (usually a proposed grouping) on the view's date,
/// by what each said last: the columns follow [`StanceKind`].
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Coalition<'g> {
    /// Actors whose latest stance is a proposal.
    pub proposers: Vec<Position<'g>>,
    /// Actors whose latest stance is support or an invitation to others to join.
    pub supporters: Vec<Position<'g>>,
    /// Actors whose latest stance is support on a condition.
    pub conditional: Vec<Position<'g>>,
    /// Actors whose latest stance is a hedge (a deferral: "too early", "not now").
    pub hedgers: Vec<Position<'g>>,
    /// Actors whose latest stance is a refusal.
    pub refusers: Vec<Position<'g>>,
    /// Actors whose latest stance is a request: neither for nor against the target.
    pub requesters: Vec<Position<'g>>,
    /// States invited to join (a stance of another actor on their membership) that have said
    /// nothing themselves, with the invitations. Empty for a state target.
    pub invited_silent: Vec<(CountryId, Vec<Said<'g>>)>,
}

impl<'g> Coalition<'g> {
    /// The column of actors whose latest stance is of `kind` (invitations are in
    /// [`supporters`](Self::supporters)).
    pub fn column(&self, kind: StanceKind) -> &[Position<'g>] {
        match kind {
            StanceKind::Proposal => &self.proposers,
            StanceKind::Support | StanceKind::Invitation => &self.supporters,
            StanceKind::ConditionalSupport => &self.conditional,
            StanceKind::Hedge => &self.hedgers,
            StanceKind::Refusal => &self.refusers,
            StanceKind::Request => &self.requesters,
        }
    }

    fn column_mut(&mut self, kind: StanceKind) -> &mut Vec<Position<'g>> {
        match kind {
            StanceKind::Proposal => &mut self.proposers,
            StanceKind::Support | StanceKind::Invitation => &mut self.supporters,
            StanceKind::ConditionalSupport => &mut self.conditional,
            StanceKind::Hedge => &mut self.hedgers,
            StanceKind::Refusal => &mut self.refusers,
            StanceKind::Request => &mut self.requesters,
        }
    }

    /// Every position, column by column (proposers, supporters, conditional, hedgers,
    /// refusers, requesters).
    pub fn positions(&self) -> impl Iterator<Item = &Position<'g>> + '_ {
        self.proposers
            .iter()
            .chain(&self.supporters)
            .chain(&self.conditional)
            .chain(&self.hedgers)
            .chain(&self.refusers)
            .chain(&self.requesters)
    }
}

/// A change in an actor's position on a target: its first stance on it, or a stance of
/// another kind than its previous one (a hedge turned support).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Move<'g> {
    /// The actor.
    pub actor: ActorId,
    /// Its position before, if it had one.
    pub from: Option<StanceKind>,
    /// Its position after.
    pub to: StanceKind,
    /// The stance that moved it (its date, words and evidence).
    pub stance: Said<'g>,
}

/// Whether `s` is `actor`'s own stance on `target`: on the target itself or, for a grouping,
/// on the actor's own membership of it. The one rule for what decides a position.
fn own_stance_on(s: &Stance, target: &Target) -> bool {
    match (&s.target, target) {
        (t, target) if t == target => true,
        (Target::Membership { country, grouping }, Target::Grouping(g)) => {
            grouping == g && s.actor == ActorId::Country(*country)
        }
        _ => false,
    }
}

/// Whether `s` concerns `target`: it is on the target, on a membership of it, or (for a
/// state) on its membership of any grouping.
fn concerns(s: &Stance, target: &Target) -> bool {
    match (&s.target, target) {
        (t, target) if t == target => true,
        (Target::Membership { grouping, .. }, Target::Grouping(g)) => grouping == g,
        (Target::Membership { country, .. }, Target::Country(c)) => country == c,
        _ => false,
    }
}

impl<'g> View<'g> {
    /// Whether `s` had been made by the view's date: yes, possibly (its date straddles the
    /// date asked), or no. See [`When::made_by`](crate::When::made_by).
    pub fn made_by_then(&self, s: &Stance) -> Holds {
        s.date.made_by(&self.asked)
    }

    /// The stances among `stances` made (certainly or possibly) by the view's date, oldest
    /// first (the dataset's order among equal dates).
    fn said(&self, stances: impl Iterator<Item = &'g Stance>) -> Vec<Said<'g>> {
        let mut out: Vec<Said<'g>> = stances
            .filter_map(|stance| {
                let made = self.made_by_then(stance);
                made.at_all().then_some(Said { stance, made })
            })
            .collect();
        out.sort_by_key(|s| s.stance.date);
        out
    }

    fn target_of(&self, target: &(impl ActorRef + ?Sized)) -> Result<Target> {
        Ok(match self.resolve(target)? {
            ActorId::Country(c) => Target::Country(c),
            ActorId::Grouping(g) => Target::Grouping(g),
        })
    }

    /// Every stance `actor` made by the view's date, oldest first.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let by_india = graph.as_of("2024-12".parse()?).stances_by("India")?;
    /// assert!(by_india.iter().all(|s| s.actor.as_str() == "IND"));
    /// assert!(!by_india.is_empty());
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stances_by(&self, actor: impl ActorRef) -> Result<Vec<Said<'g>>> {
        let actor = self.resolve(actor)?;
        Ok(self.said(self.graph().stances_by(&actor)))
    }

    /// Every stance made by the view's date whose target names `actor` (the actor itself, or
    /// a membership of it or in it), oldest first.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// // Japan's invitations to Britain name Britain's membership of the Asian NATO.
    /// let about = graph.as_of("2024-12".parse()?).stances_about("Britain")?;
    /// assert!(about.iter().any(|s| s.actor.as_str() == "JPN"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stances_about(&self, actor: impl ActorRef) -> Result<Vec<Said<'g>>> {
        let actor = self.resolve(actor)?;
        Ok(self.said(
            self.graph()
                .stances()
                .filter(|s| s.target.actors().contains(&actor)),
        ))
    }

    /// Every stance on `target` made by the view's date, oldest first. For a grouping this
    /// includes the stances on states' memberships of it (invitations to join, refusals to).
    ///
    /// ```
    /// use alliance_graph::StanceKind;
    ///
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let stances = graph.as_of("2024-12".parse()?).stances_on("asian-nato")?;
    /// let us = stances.iter().find(|s| s.actor.as_str() == "USA").unwrap();
    /// // What was said is a deferral; the article calls it a rejection.
    /// assert_eq!(us.kind, StanceKind::Hedge);
    /// assert_eq!(us.reported_as, Some(StanceKind::Refusal));
    /// assert!(us.quote().unwrap().starts_with("It is too early"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stances_on(&self, target: impl ActorRef) -> Result<Vec<Said<'g>>> {
        let target = self.target_of(&target)?;
        self.stances_on_target(&target)
    }

    /// Every stance on exactly this target (for a grouping, its memberships included), made
    /// by the view's date, oldest first.
    pub fn stances_on_target(&self, target: &Target) -> Result<Vec<Said<'g>>> {
        let graph = self.graph();
        let mut on: Vec<&'g Stance> = graph.stances_on_target(target).collect();
        if let Target::Grouping(g) = target {
            for t in graph.stance_targets() {
                if matches!(t, Target::Membership { grouping, .. } if grouping == g) {
                    on.extend(graph.stances_on_target(t));
                }
            }
        }
        // The graph's per-target lists are in dataset order; keep it among equal dates.
        on.sort_by_key(|s| std::ptr::from_ref::<Stance>(s) as usize);
        Ok(self.said(on.into_iter()))
    }

    /// Every stance `actor` took by the view's date that concerns `target`, oldest first: on
    /// the target itself, and for a grouping on anyone's membership of it (its own refusal to
    /// join, its invitations to others), for a state on its membership of any grouping.
    /// Asking about an actor and itself is an error.
    ///
    /// ```
    /// use alliance_graph::StanceKind;
    ///
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let view = graph.as_of("2024-12".parse()?);
    /// let japan = view.stance_history("Japan", "asian-nato")?;
    /// assert!(japan.iter().any(|s| s.kind == StanceKind::Invitation));
    /// let india = view.stance_history("India", "asian-nato")?;
    /// assert!(india.iter().any(|s| s.target.to_string() == "IND in asian-nato"));
    /// assert!(view.stance_history("Japan", "Japan").is_err());
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stance_history(
        &self,
        actor: impl ActorRef,
        target: impl ActorRef,
    ) -> Result<Vec<Said<'g>>> {
        let (actor, target) = self.actor_and_target(&actor, &target)?;
        Ok(self.said(
            self.graph()
                .stances_by(&actor)
                .filter(|s| concerns(s, &target)),
        ))
    }

    fn actor_and_target(
        &self,
        actor: &(impl ActorRef + ?Sized),
        target: &(impl ActorRef + ?Sized),
    ) -> Result<(ActorId, Target)> {
        let actor = self.resolve(actor)?;
        let target = self.target_of(target)?;
        if target.actors() == [actor.clone()] {
            return Err(Error::from(ErrorKind::SameActor {
                name: actor.to_string(),
                question: "a stance",
            }));
        }
        Ok((actor, target))
    }

    /// `actor`'s current stance on `target`: its latest by the view's date on the target
    /// itself or on its own membership of it (the later in the dataset when two share a
    /// date).
    ///
    /// ```
    /// use alliance_graph::StanceKind;
    ///
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let india = graph.as_of("2024-12".parse()?).current_stance("India", "asian-nato")?.unwrap();
    /// assert_eq!(india.kind, StanceKind::Refusal);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn current_stance(
        &self,
        actor: impl ActorRef,
        target: impl ActorRef,
    ) -> Result<Option<Said<'g>>> {
        let (actor, target) = self.actor_and_target(&actor, &target)?;
        Ok(self
            .said(
                self.graph()
                    .stances_by(&actor)
                    .filter(|s| own_stance_on(s, &target)),
            )
            .pop())
    }

    /// Where every actor stands on `target` (usually a proposed grouping): its latest stance
    /// on the target or its own membership of it decides its column; earlier stances on
    /// record more firmly are kept beside it; and, for a grouping, the states invited to join
    /// that have said nothing.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let c = graph.as_of("2024-12".parse()?).coalition("Asian NATO")?;
    /// assert_eq!(c.proposers[0].actor.as_str(), "JPN");
    /// let ids = |v: &[alliance_graph::query::Position<'_>]| -> Vec<String> {
    ///     v.iter().map(|p| p.actor.to_string()).collect()
    /// };
    /// assert_eq!(ids(&c.refusers), ["CHN", "IND"]);
    /// assert_eq!(ids(&c.hedgers), ["USA"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn coalition(&self, target: impl ActorRef) -> Result<Coalition<'g>> {
        let target = self.target_of(&target)?;
        let mut c = Coalition::default();
        for (actor, said) in self.own_stances(&target)? {
            let position = position(actor, said);
            c.column_mut(position.stance.kind).push(position);
        }
        let mut invitations: BTreeMap<CountryId, Vec<Said<'g>>> = BTreeMap::new();
        for s in self.stances_on_target(&target)? {
            if let Target::Membership { country, .. } = &s.target {
                if s.kind.is_favourable() && !own_stance_on(&s, &target) {
                    invitations.entry(*country).or_default().push(s);
                }
            }
        }
        c.invited_silent = invitations
            .into_iter()
            .filter(|(country, _)| !c.positions().any(|p| p.actor == ActorId::Country(*country)))
            .collect();
        Ok(c)
    }

    /// Each actor's own stances on `target` made by the view's date (on the target itself
    /// or, for a grouping, on its own membership of it), oldest first: the stances its
    /// position on each date follows from. By actor id.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let all = graph.as_of("2024-12".parse()?).position_histories("asian-nato")?;
    /// let india: Vec<&str> = all[&"IND".parse()?].iter().map(|s| s.kind.as_str()).collect();
    /// assert_eq!(india, ["refusal", "refusal"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn position_histories(
        &self,
        target: impl ActorRef,
    ) -> Result<BTreeMap<ActorId, Vec<Said<'g>>>> {
        let target = self.target_of(&target)?;
        self.own_stances(&target)
    }

    fn own_stances(&self, target: &Target) -> Result<BTreeMap<ActorId, Vec<Said<'g>>>> {
        let mut own: BTreeMap<ActorId, Vec<Said<'g>>> = BTreeMap::new();
        for s in self.stances_on_target(target)? {
            if own_stance_on(&s, target) {
                own.entry(s.actor.clone()).or_default().push(s);
            }
        }
        Ok(own)
    }

    /// How the positions on `target` moved up to the view's date, oldest first: each actor's
    /// first stance, and every later one of another kind (who moved from hedge to support,
    /// when, on what evidence). The coalition on any date is
    /// [`coalition`](Self::coalition) on a view of that date.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let moves = graph.as_of("2024-12".parse()?).coalition_moves("asian-nato")?;
    /// let japan: Vec<String> = moves
    ///     .iter()
    ///     .filter(|m| m.actor.as_str() == "JPN")
    ///     .map(|m| format!("{} {}", m.stance.date, m.to))
    ///     .collect();
    /// // Proposed in September, deferred by its own government in October, defended in December.
    /// assert_eq!(japan, ["2024-09-25/2024-09-27 proposal", "2024-10-02 hedge", "2024-12-10 proposal"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn coalition_moves(&self, target: impl ActorRef) -> Result<Vec<Move<'g>>> {
        let target = self.target_of(&target)?;
        let mut moves = Vec::new();
        for (actor, said) in self.own_stances(&target)? {
            let mut from = None;
            for s in said {
                if from != Some(s.kind) {
                    moves.push(Move {
                        actor: actor.clone(),
                        from,
                        to: s.kind,
                        stance: s,
                    });
                }
                from = Some(s.kind);
            }
        }
        // Oldest first across actors; by actor on the same date.
        moves.sort_by(|a, b| (a.stance.date, &a.actor).cmp(&(b.stance.date, &b.actor)));
        Ok(moves)
    }
}

/// An actor's position from its own stances on a target, oldest first (at least one).
fn position(actor: ActorId, mut said: Vec<Said<'_>>) -> Position<'_> {
    let count = said.len();
    let stance = said.pop().expect("a position rests on at least one stance");
    // Evidence orders on record < reported < speculated: keep what is firmer than the latest.
    said.retain(|s| s.evidence < stance.evidence);
    Position {
        actor,
        stance,
        firmer: said,
        count,
    }
}

//! Stance queries: who said what about a target, an actor's current stance and its history,
//! and a proposal's coalition.

use super::{ActorRef, View};
use crate::error::Result;
use crate::model::{ActorId, CountryId, Stance, StanceKind, Target};

/// An actor's position in a [`Coalition`], with the stance that decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position<'g> {
    /// The actor.
    pub actor: ActorId,
    /// Its latest stance on the grouping or on its own membership of it.
    pub stance: &'g Stance,
}

/// Where every actor stands on a grouping (usually a proposed one) on the view's date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coalition<'g> {
    /// Actors whose latest stance is a proposal.
    pub proposers: Vec<Position<'g>>,
    /// Actors whose latest stance is support, a request or an invitation.
    pub supporters: Vec<Position<'g>>,
    /// Actors whose latest stance is a refusal.
    pub refusers: Vec<Position<'g>>,
    /// States invited to join (a stance of another actor on their membership) that have said
    /// nothing themselves, with the invitations.
    pub invited_silent: Vec<(CountryId, Vec<&'g Stance>)>,
}

impl<'g> View<'g> {
    fn made_by_then(&self, s: &Stance) -> bool {
        s.date.counts_by(&self.span())
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
    pub fn stances_by(&self, actor: impl ActorRef) -> Result<Vec<&'g Stance>> {
        let actor = self.resolve(actor)?;
        let mut out: Vec<&'g Stance> = self
            .graph()
            .stances()
            .filter(|s| s.actor == actor && self.made_by_then(s))
            .collect();
        out.sort_by_key(|s| s.date);
        Ok(out)
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
    pub fn stances_about(&self, actor: impl ActorRef) -> Result<Vec<&'g Stance>> {
        let actor = self.resolve(actor)?;
        let mut out: Vec<&'g Stance> = self
            .graph()
            .stances()
            .filter(|s| s.target.actors().contains(&actor) && self.made_by_then(s))
            .collect();
        out.sort_by_key(|s| s.date);
        Ok(out)
    }

    /// Every stance on `target` made by the view's date, oldest first. For a grouping this
    /// includes the stances on states' memberships of it (invitations to join, refusals to).
    ///
    /// ```
    /// use alliance_graph::StanceKind;
    ///
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let stances = graph.as_of("2024-12".parse()?).stances_on("asian-nato")?;
    /// let refusal = stances.iter().find(|s| s.kind == StanceKind::Refusal && s.actor.as_str() == "USA").unwrap();
    /// assert!(refusal.quote.as_deref().unwrap().starts_with("It is too early"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stances_on(&self, target: impl ActorRef) -> Result<Vec<&'g Stance>> {
        let target = self.target_of(&target)?;
        self.stances_on_target(&target)
    }

    /// Every stance on exactly this target (for a grouping, its memberships included), made
    /// by the view's date, oldest first.
    pub fn stances_on_target(&self, target: &Target) -> Result<Vec<&'g Stance>> {
        let graph = self.graph();
        let mut out: Vec<&'g Stance> = graph.stances_on_target(target).collect();
        if let Target::Grouping(g) = target {
            for t in graph.stance_targets() {
                if matches!(t, Target::Membership { grouping, .. } if grouping == g) {
                    out.extend(graph.stances_on_target(t));
                }
            }
        }
        out.retain(|s| self.made_by_then(s));
        out.sort_by_key(|s| s.date);
        Ok(out)
    }

    /// Every stance `actor` took on `target` by the view's date, oldest first.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let history = graph.as_of("2024-12".parse()?).stance_history("Japan", "asian-nato")?;
    /// assert!(history.len() >= 2);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stance_history(
        &self,
        actor: impl ActorRef,
        target: impl ActorRef,
    ) -> Result<Vec<&'g Stance>> {
        let actor = actor.resolve_in(self.graph())?;
        let target = self.target_of(&target)?;
        let mut out: Vec<&'g Stance> = self
            .graph()
            .stances_by(&actor)
            .filter(|s| s.target == target && self.made_by_then(s))
            .collect();
        out.sort_by_key(|s| s.date);
        Ok(out)
    }

    /// `actor`'s current stance on `target`: its latest by the view's date (the later in the
    /// dataset when two share a date).
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
    ) -> Result<Option<&'g Stance>> {
        Ok(self.stance_history(actor, target)?.pop())
    }

    /// Where every actor stands on `grouping`: proposers, supporters, refusers, and the states
    /// invited to join that have said nothing. An actor's position is its latest stance on
    /// the grouping or on its own membership of it.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let c = graph.as_of("2024-12".parse()?).coalition("Asian NATO")?;
    /// assert_eq!(c.proposers[0].actor.as_str(), "JPN");
    /// let refusers: Vec<&str> = c.refusers.iter().map(|p| p.actor.as_str()).collect();
    /// assert_eq!(refusers, ["IND", "USA"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn coalition(&self, grouping: impl ActorRef) -> Result<Coalition<'g>> {
        let g = self.grouping(&grouping)?;
        let stances = self.stances_on_target(&Target::Grouping(g))?;
        let mut latest: std::collections::BTreeMap<ActorId, &'g Stance> = Default::default();
        let mut invitations: std::collections::BTreeMap<CountryId, Vec<&'g Stance>> =
            Default::default();
        for s in &stances {
            let own = match &s.target {
                Target::Membership { country, .. } => s.actor == ActorId::Country(*country),
                _ => true,
            };
            if own {
                // Oldest first, so the last one written wins.
                latest.insert(s.actor.clone(), s);
            } else if let Target::Membership { country, .. } = &s.target {
                if s.kind.is_favourable() {
                    invitations.entry(*country).or_default().push(s);
                }
            }
        }
        let mut c = Coalition::default();
        for (actor, stance) in &latest {
            let p = Position {
                actor: actor.clone(),
                stance,
            };
            match stance.kind {
                StanceKind::Proposal => c.proposers.push(p),
                StanceKind::Refusal => c.refusers.push(p),
                StanceKind::Support | StanceKind::Request | StanceKind::Invitation => {
                    c.supporters.push(p)
                }
            }
        }
        c.invited_silent = invitations
            .into_iter()
            .filter(|(country, _)| !latest.contains_key(&ActorId::Country(*country)))
            .collect();
        Ok(c)
    }
}

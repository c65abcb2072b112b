//! Structural balance (Heider; Cartwright and Harary 1956) of the signed graph of states on a
//! date.
//!
//! - **Positive** (+): the two are allied at the view's strength (defense by default), with
//!   the tie evidence.
//! - **Negative** (−), from what the record says of hostility:
//!   - a state's standing **refusal** of another state (its latest stance on that state is a
//!     refusal, by the stance rule of [`View::coalition`]);
//!   - a state's standing refusal of a **grouping another state proposes** (China's refusal
//!     of the Asian NATO that Japan proposed): both stances are the evidence;
//!   - a treaty obligation in force **against a named adversary** (ATOP's named threats,
//!     the treaty record's [`against`](crate::TreatyObligation::against)): the state that
//!     owes it, against each state named.
//! - A pair with both is **ambivalent**; its sign is positive (a formal obligation in force
//!   outweighs words), and it is listed as ambivalent with both kinds of evidence.
//!
//! A **triad** is three states whose three pairs all have a sign; it is balanced when it has
//! an even number of negative ties (+++ or +−−: "the enemy of my enemy is my friend") and
//! unbalanced otherwise (++−, −−−). The **balance ratio** is balanced triads over all triads
//! (`None` without triads).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{ActorId, CountryId, Target, TreatyId};
use crate::query::{Said, Strength, TieBasis, TieEvidence};
use crate::{PartialDate, SourceId, View};

/// The sign of a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Allied.
    Positive,
    /// Hostile.
    Negative,
}

/// Why a tie is negative.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Hostility<'g> {
    /// `by` refused the other state: its latest stance on it.
    Refused {
        /// The state that refused.
        by: CountryId,
        /// The refusal.
        refusal: Said<'g>,
    },
    /// `by` refused a grouping the other state proposes.
    RefusedProposal {
        /// The state that refused.
        by: CountryId,
        /// The grouping.
        grouping: crate::GroupingId,
        /// The refusal.
        refusal: Said<'g>,
        /// The other state's proposal.
        proposal: Said<'g>,
    },
    /// `by` owes an obligation in force against the other, a named adversary.
    NamedAdversary {
        /// The state that owes it.
        by: CountryId,
        /// The treaty.
        treaty: TreatyId,
        /// Its name.
        name: String,
        /// The obligation.
        obligation: crate::Obligation,
        /// The text's words for the adversaries, when the record has them.
        text: Option<String>,
        /// Where the record says so.
        source: SourceId,
    },
}

impl std::fmt::Display for Hostility<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = |f: &mut std::fmt::Formatter<'_>, s: &Said<'_>| {
            write!(
                f,
                "{} on {} [source: {}]",
                s.stance.kind, s.stance.date, s.stance.source
            )?;
            if let Some(q) = s.stance.quote().or(s.stance.summary()) {
                write!(f, ": \"{q}\"")?;
            }
            if s.stance.is_contested() {
                f.write_str(" (CONTESTED)")?;
            }
            Ok(())
        };
        match self {
            Hostility::Refused { by, refusal } => {
                write!(f, "{by} refused the other: ")?;
                said(f, refusal)
            }
            Hostility::RefusedProposal {
                by,
                grouping,
                refusal,
                proposal,
            } => {
                write!(
                    f,
                    "{by} refused {grouping}, which {} proposes: ",
                    proposal.stance.actor
                )?;
                said(f, refusal)?;
                f.write_str("; the proposal: ")?;
                said(f, proposal)
            }
            Hostility::NamedAdversary {
                by,
                name,
                obligation,
                text,
                source,
                ..
            } => {
                write!(f, "{by} owes {obligation} under {name} against the other")?;
                if let Some(t) = text {
                    write!(f, " (the text: \"{t}\")")?;
                }
                write!(f, " [source: {source}]")
            }
        }
    }
}

/// A signed tie between two states (`first` < `second`), with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignedTie<'g> {
    /// One state.
    pub first: CountryId,
    /// The other.
    pub second: CountryId,
    /// Its sign.
    pub sign: Sign,
    /// The alliance evidence (positive).
    pub alliance: Vec<TieEvidence<'g>>,
    /// The hostility evidence (negative).
    pub hostility: Vec<Hostility<'g>>,
}

impl SignedTie<'_> {
    /// Whether the record has both alliance and hostility for the pair.
    pub fn is_ambivalent(&self) -> bool {
        !self.alliance.is_empty() && !self.hostility.is_empty()
    }
}

/// Three states whose pairs all have a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Triad {
    /// The states, ascending.
    pub states: [CountryId; 3],
    /// The signs of the pairs (0, 1), (0, 2) and (1, 2).
    pub signs: [Sign; 3],
}

impl Triad {
    /// Whether it is balanced: an even number of negative ties.
    pub fn is_balanced(&self) -> bool {
        self.signs.iter().filter(|&&s| s == Sign::Negative).count() % 2 == 0
    }
}

/// The structural balance of the signed graph on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Balance<'g> {
    /// The date asked.
    pub date: PartialDate,
    /// Every signed tie, by pair.
    pub ties: Vec<SignedTie<'g>>,
    /// How many triads are balanced.
    pub balanced: usize,
    /// The unbalanced triads.
    pub unbalanced: Vec<Triad>,
}

impl<'g> Balance<'g> {
    /// Balanced triads over all triads; `None` without triads.
    pub fn ratio(&self) -> Option<f64> {
        let all = self.balanced + self.unbalanced.len();
        (all > 0).then(|| self.balanced as f64 / all as f64)
    }

    /// The signed tie of a pair, in either order.
    pub fn tie(&self, a: CountryId, b: CountryId) -> Option<&SignedTie<'g>> {
        let key = (a.min(b), a.max(b));
        self.ties
            .binary_search_by_key(&key, |t| (t.first, t.second))
            .ok()
            .map(|i| &self.ties[i])
    }
}

impl<'g> View<'g> {
    /// The structural balance of the states on the view's date (see the
    /// [module docs](crate::measures::balance)): alliances at the view's strength are
    /// positive, recorded hostility negative.
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let b = world.as_of("1914-07-01".parse()?).balance();
    /// // The Franco-Russian alliance names Germany as its adversary: France and Russia
    /// // allied, both hostile to Germany, a balanced triad.
    /// let (fra, rus, deu) = ("FRA".parse()?, "RUS".parse()?, "DEU".parse()?);
    /// assert_eq!(b.tie(fra, deu).unwrap().sign, alliance_graph::measures::balance::Sign::Negative);
    /// assert!(b.ratio().is_some());
    /// assert!(!b.unbalanced.iter().any(|t| [fra, rus, deu].iter().all(|s| t.states.contains(s))));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn balance(&self) -> Balance<'g> {
        let graph = self.graph();
        let states: BTreeSet<CountryId> =
            super::portfolio::system_states(self).into_iter().collect();
        let mut ties: BTreeMap<(CountryId, CountryId), SignedTie<'g>> = BTreeMap::new();
        let mut add = |a: CountryId, b: CountryId, e: Result<TieEvidence<'g>, Hostility<'g>>| {
            let key = (a.min(b), a.max(b));
            let tie = ties.entry(key).or_insert_with(|| SignedTie {
                first: key.0,
                second: key.1,
                sign: Sign::Positive,
                alliance: Vec::new(),
                hostility: Vec::new(),
            });
            match e {
                Ok(e) => tie.alliance.push(e),
                Err(h) => tie.hostility.push(h),
            }
        };
        // Positive: alliances, once per pair.
        for &a in &states {
            for (b, evidence) in self.ties_of(a) {
                if b > a && states.contains(&b) {
                    for e in evidence {
                        add(a, b, Ok(e));
                    }
                }
            }
        }
        // Negative: obligations against named adversaries, by the tie rules at any strength.
        let any = self.with_strength(Strength::Any);
        for &a in &states {
            for (b, evidence) in any.ties_of(a) {
                for e in evidence {
                    let TieBasis::Treaty { id, name, .. } = &e.basis else {
                        continue;
                    };
                    let Some(t) = graph.treaty(id) else { continue };
                    for clause in any.treaty_clauses(t, a, b).iter().filter(|c| c.x_owes) {
                        let Some(o) = clause.obligation else { continue };
                        let Some(adv) = &o.against else { continue };
                        for &z in &adv.states {
                            if z == a || !states.contains(&z) {
                                continue;
                            }
                            let h = Hostility::NamedAdversary {
                                by: a,
                                treaty: (*id).clone(),
                                name: name.to_string(),
                                obligation: o.kind,
                                text: adv.text.clone(),
                                source: adv.source.clone(),
                            };
                            add(a, z, Err(h));
                        }
                    }
                }
            }
        }
        // Negative: standing refusals of a state, or of a grouping another state proposes.
        let targets: BTreeSet<ActorId> = graph
            .stances()
            .map(|s| match &s.target {
                Target::Country(c) => ActorId::Country(*c),
                Target::Grouping(g) | Target::Membership { grouping: g, .. } => {
                    ActorId::Grouping(g.clone())
                }
            })
            .collect();
        for target in targets {
            let Ok(c) = self.coalition(target.clone()) else {
                continue;
            };
            for r in &c.refusers {
                let Some(by) = r.actor.as_country() else {
                    continue;
                };
                if !states.contains(&by) {
                    continue;
                }
                match &target {
                    ActorId::Country(other) if *other != by && states.contains(other) => {
                        let h = Hostility::Refused {
                            by,
                            refusal: r.stance,
                        };
                        add(by, *other, Err(h));
                    }
                    ActorId::Grouping(g) => {
                        for p in &c.proposers {
                            let Some(other) = p.actor.as_country() else {
                                continue;
                            };
                            if other == by || !states.contains(&other) {
                                continue;
                            }
                            let h = Hostility::RefusedProposal {
                                by,
                                grouping: g.clone(),
                                refusal: r.stance,
                                proposal: p.stance,
                            };
                            add(by, other, Err(h));
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut ties: Vec<SignedTie<'g>> = ties.into_values().collect();
        for t in &mut ties {
            t.sign = if t.alliance.is_empty() {
                Sign::Negative
            } else {
                Sign::Positive
            };
        }
        let (balanced, unbalanced) = triads(&ties);
        Balance {
            date: self.date(),
            ties,
            balanced,
            unbalanced,
        }
    }
}

/// Counts the balanced triads and lists the unbalanced ones.
fn triads(ties: &[SignedTie<'_>]) -> (usize, Vec<Triad>) {
    let mut next: BTreeMap<CountryId, BTreeMap<CountryId, Sign>> = BTreeMap::new();
    for t in ties {
        next.entry(t.first).or_default().insert(t.second, t.sign);
    }
    let mut balanced = 0;
    let mut unbalanced = Vec::new();
    for (&a, out) in &next {
        for (&b, &ab) in out {
            let Some(from_b) = next.get(&b) else { continue };
            for (&c, &bc) in from_b {
                let Some(&ac) = out.get(&c) else { continue };
                let triad = Triad {
                    states: [a, b, c],
                    signs: [ab, ac, bc],
                };
                if triad.is_balanced() {
                    balanced += 1;
                } else {
                    unbalanced.push(triad);
                }
            }
        }
    }
    (balanced, unbalanced)
}

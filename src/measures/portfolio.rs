//! Alliance portfolios: every state's commitments to every state of the system on a date,
//! read through the tie rules ([`View`]), and their similarity.

use serde::Serialize;

use super::similarity::{level_of, Agreement, Level, Similarity, WeightedAgreement, WeightedS};
use crate::error::{ErrorKind, Result};
use crate::model::{CountryId, Obligation};
use crate::query::{ActorRef, Strength, View};
use crate::util::FastMap;

/// The alliance portfolios of the states of a system: for each ordered pair, the [`Level`]
/// of the first state's commitment to the second; each state's commitment to itself is 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portfolios {
    states: Vec<CountryId>,
    /// Row-major: `levels[i * n + j]` is what state `i` owes state `j`.
    levels: Vec<Level>,
    position: FastMap<CountryId, usize>,
}

impl Portfolios {
    /// Portfolios from the levels, row-major (`levels[i * n + j]` = what `states[i]` owes
    /// `states[j]`). Errors if the lengths do not match, a level is above 3, a state is
    /// listed twice, or a state's level toward itself is not 3.
    pub fn from_levels(states: Vec<CountryId>, levels: Vec<Level>) -> Result<Portfolios> {
        let n = states.len();
        let invalid = |reason: String| crate::Error::from(ErrorKind::InvalidPortfolio { reason });
        if levels.len() != n * n {
            return Err(invalid(format!(
                "{} levels for {n} states (expected {})",
                levels.len(),
                n * n
            )));
        }
        if let Some(bad) = levels.iter().find(|&&l| l > super::MAX_LEVEL) {
            return Err(invalid(format!("level {bad} is outside the scale 0..=3")));
        }
        let mut position = FastMap::default();
        for (i, s) in states.iter().enumerate() {
            if position.insert(*s, i).is_some() {
                return Err(invalid(format!("{s} is listed twice")));
            }
            if levels[i * n + i] != super::MAX_LEVEL {
                return Err(invalid(format!("{s}'s commitment to itself must be 3")));
            }
        }
        Ok(Portfolios {
            states,
            levels,
            position,
        })
    }

    /// The states of the system, in the order of every portfolio's positions.
    pub fn states(&self) -> &[CountryId] {
        &self.states
    }

    /// The number of states in the system.
    pub fn len(&self) -> usize {
        self.states.len()
    }

    /// Whether the system is empty.
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// A state's portfolio: its commitment to each state of [`states`](Self::states);
    /// `None` if it is not in the system.
    pub fn portfolio(&self, state: &CountryId) -> Option<&[Level]> {
        let n = self.len();
        self.position
            .get(state)
            .map(|&i| &self.levels[i * n..(i + 1) * n])
    }

    /// What `from` owes `to`, on the ordinal scale; `None` if either is not in the system.
    pub fn level(&self, from: &CountryId, to: &CountryId) -> Option<Level> {
        let j = *self.position.get(to)?;
        self.portfolio(from).map(|p| p[j])
    }

    /// The cross-tabulation of two states' portfolios.
    pub fn agreement(&self, a: &CountryId, b: &CountryId) -> Option<Agreement> {
        let (x, y) = (self.portfolio(a)?, self.portfolio(b)?);
        Some(agreement(x, y))
    }

    /// Every similarity measure of two states' portfolios; `None` if either is not in the
    /// system.
    pub fn similarity(&self, a: &CountryId, b: &CountryId) -> Option<Similarity> {
        self.agreement(a, b).map(|t| t.similarity())
    }

    /// The weighted S scores of two states' portfolios, with a weight per state of the
    /// system (in the order of [`states`](Self::states)); `Ok(None)` if either state is not
    /// in the system.
    pub fn weighted_similarity(
        &self,
        a: &CountryId,
        b: &CountryId,
        weights: &[f64],
    ) -> Result<Option<WeightedS>> {
        let (Some(x), Some(y)) = (self.portfolio(a), self.portfolio(b)) else {
            return Ok(None);
        };
        Ok(Some(WeightedAgreement::of(x, y, weights)?.similarity()))
    }

    /// The positions where two states' portfolios differ: each state of the system to which
    /// they are committed at different levels.
    pub fn differences(&self, a: &CountryId, b: &CountryId) -> Vec<Difference> {
        match (self.portfolio(a), self.portfolio(b)) {
            (Some(x), Some(y)) => differences(&self.states, x, y),
            _ => Vec::new(),
        }
    }
}

/// The states toward which portfolios `x` and `y` (over `states`) differ.
fn differences(states: &[CountryId], x: &[Level], y: &[Level]) -> Vec<Difference> {
    states
        .iter()
        .zip(x.iter().zip(y))
        .filter(|(_, (p, q))| p != q)
        .map(|(s, (&first, &second))| Difference {
            state: *s,
            first,
            second,
        })
        .collect()
}

/// The cross-tabulation of two portfolios known to be of one length and on the scale.
pub(crate) fn agreement(x: &[Level], y: &[Level]) -> Agreement {
    let mut t = Agreement::default();
    for (&a, &b) in x.iter().zip(y) {
        t.add(a, b);
    }
    t
}

/// The states of the system on the view's days, in the graph's order: the countries whose
/// statehood spells touch them. Where the graph records no country's statehood, every
/// country; where it records some, a country without a record is not in the system (the
/// world dataset's Annam, an ATOP member that COW does not list). [`StateSystem`]
/// (super::StateSystem) follows the same rule by year.
pub(crate) fn system_states(view: &View<'_>) -> Vec<CountryId> {
    let asked = view.span();
    let graph = view.graph();
    let recorded = records_statehood(graph);
    graph
        .countries()
        .filter(|c| (!recorded || !c.statehood.is_empty()) && c.is_state_during(&asked))
        .map(|c| c.id)
        .collect()
}

/// Whether the graph records any country's statehood.
pub(crate) fn records_statehood(graph: &crate::AllianceGraph) -> bool {
    graph.countries().any(|c| !c.statehood.is_empty())
}

/// The obligations one state owes another, one bit per kind: defense, offense, neutrality,
/// non-aggression, consultation (bits 0 to 4).
pub(crate) type Flags = u8;

/// The bit of an obligation in [`Flags`].
pub(crate) fn flag(obligation: Obligation) -> Flags {
    match obligation {
        Obligation::Defense => 1,
        Obligation::Offense => 2,
        Obligation::Neutrality => 4,
        Obligation::NonAggression => 8,
        Obligation::Consultation => 16,
    }
}

/// The level of the strongest obligation among `flags` ([`level_of`]); 0 for none.
pub(crate) fn level_of_flags(flags: Flags) -> Level {
    [
        Obligation::Defense,
        Obligation::Offense,
        Obligation::Neutrality,
        Obligation::NonAggression,
        Obligation::Consultation,
    ]
    .into_iter()
    .filter(|&o| flags & flag(o) != 0)
    .map(level_of)
    .max()
    .unwrap_or(0)
}

/// What each of `states` owes each other on the view's days, through the tie rules at
/// [`Strength::Any`] (ties that only possibly held count): `flags[i * n + j]` for what
/// `states[i]` owes `states[j]`, 0 on the diagonal.
pub(crate) fn commitment_flags(view: &View<'_>, states: &[CountryId]) -> Vec<Flags> {
    let position: FastMap<CountryId, usize> =
        states.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    states
        .iter()
        .flat_map(|&state| commitment_row(view, state, &position))
        .collect()
}

/// What `state` owes each of the states of `position` (their index there), one row of
/// [`commitment_flags`]; 0 toward itself.
fn commitment_row(
    view: &View<'_>,
    state: CountryId,
    position: &FastMap<CountryId, usize>,
) -> Vec<Flags> {
    let mut row = vec![0; position.len()];
    for (other, evidence) in view.with_strength(Strength::Any).ties_of(state) {
        let Some(&j) = position.get(&other) else {
            continue;
        };
        if other == state {
            continue;
        }
        for e in evidence.iter().filter(|e| e.binds(state)) {
            if let Some(o) = e.obligation {
                row[j] |= flag(o);
            }
        }
    }
    row
}

/// A state to which two states are committed at different levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The third state (or one of the two).
    pub state: CountryId,
    /// The first state's commitment to it.
    pub first: Level,
    /// The second state's commitment to it.
    pub second: Level,
}

/// The similarity of two states' alliance portfolios on a date, with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioSimilarity {
    /// The first state.
    pub first: CountryId,
    /// The second state.
    pub second: CountryId,
    /// The number of states in the system (the portfolios' length).
    pub system_size: usize,
    /// Every measure.
    pub similarity: Similarity,
    /// Where the two portfolios differ.
    pub differences: Vec<Difference>,
    /// What the data cannot say about the two on the date ([`Gaps`](crate::query::Gaps)):
    /// outside the sources' coverage, the measures rest on no data and are no answer; with
    /// open ties, they rest on what is known.
    pub gaps: crate::query::Gaps,
}

impl<'g> View<'g> {
    /// The alliance portfolios of the states of the system on the view's date: the
    /// countries that were states on some day of it (all of them where the data record no
    /// statehood; see [`StateSystem::of`](super::StateSystem::of)), each one's commitment to each other the strongest obligation it owed that
    /// one on some day of the date, under the tie rules at [`Strength::Any`] (ties that only
    /// possibly held count). For a year (`as_of("1914")`) that is ATOP's year rule: a
    /// commitment in force on any day of the year.
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let p = world.as_of("1914".parse()?).portfolios();
    /// let (fra, rus, gbr) = ("FRA".parse()?, "RUS".parse()?, "GBR".parse()?);
    /// assert_eq!(p.level(&fra, &rus), Some(3)); // the Franco-Russian alliance: defense
    /// assert_eq!(p.level(&gbr, &fra), Some(2)); // the Entente: consultation
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn portfolios(&self) -> Portfolios {
        let states = system_states(self);
        let n = states.len();
        let flags = commitment_flags(self, &states);
        let levels = (0..n * n)
            .map(|k| {
                if k / n == k % n {
                    super::MAX_LEVEL
                } else {
                    level_of_flags(flags[k])
                }
            })
            .collect();
        let position = states.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        Portfolios {
            states,
            levels,
            position,
        }
    }

    /// The similarity of two states' alliance portfolios on the view's date (see
    /// [`portfolios`](Self::portfolios) and the measures in [`measures`](crate::measures)).
    /// Errors if a name is unknown, names a grouping, or names a state that is not a state
    /// of the system on the date.
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let s = world.as_of("1914".parse()?).similarity("Germany", "Austria-Hungary")?;
    /// assert!(s.similarity.s_valued_squared.unwrap() > 0.9);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn similarity(
        &self,
        first: impl ActorRef,
        second: impl ActorRef,
    ) -> Result<PortfolioSimilarity> {
        let a = self.country(&first)?;
        let b = self.country(&second)?;
        // Only the two portfolios are needed: two rows, not the whole system's.
        let states = system_states(self);
        let position: FastMap<CountryId, usize> =
            states.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        for s in [&a, &b] {
            if !position.contains_key(s) {
                return Err(crate::Error::from(ErrorKind::InvalidPortfolio {
                    reason: format!("{s} was not a state on {}", self.date()),
                }));
            }
        }
        let row = |s: CountryId| -> Vec<Level> {
            let mut levels: Vec<Level> = commitment_row(self, s, &position)
                .into_iter()
                .map(level_of_flags)
                .collect();
            levels[position[&s]] = super::MAX_LEVEL;
            levels
        };
        let (x, y) = (row(a), row(b));
        Ok(PortfolioSimilarity {
            first: a,
            second: b,
            system_size: states.len(),
            similarity: agreement(&x, &y).similarity(),
            differences: differences(&states, &x, &y),
            gaps: self.gaps_for(&[a, b]),
        })
    }
}

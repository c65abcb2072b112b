//! The state system, year by year, and what each of its states owed each other in a year:
//! the input of the dyad-year similarity table and the state-year network table, from the
//! tie rules or from ATOP's directed dyad-years.

use std::collections::BTreeMap;

use super::portfolio::{commitment_flags, system_states, Flags};
use crate::error::Result;
use crate::model::CountryId;
use crate::util::FastMap;
use crate::{AllianceGraph, PartialDate};

/// The states of a state system, year by year: those with a COW code whose statehood
/// spells touch the year (a state that entered or left during a year is a member that
/// year, as in COW's `system2016.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StateSystem {
    years: BTreeMap<i32, Vec<(u16, CountryId)>>,
}

impl StateSystem {
    /// The system of a graph's countries, 1816 to `through`: each country with a COW code,
    /// in the years its statehood spells touch; a spell still open runs through `through`
    /// (the COW list of 2016 ends in 2016; like peacesciencer's state panels, the states
    /// in the system at its end are carried forward). Where the graph records no country's
    /// statehood, every country with a code is a member every year; where it records some,
    /// a country without a record is not a member (the world dataset's Annam, an ATOP
    /// member that is not a COW state).
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let system = alliance_graph::measures::StateSystem::of(&world, 2018);
    /// assert_eq!(system.members(1816).len(), 23);
    /// assert_eq!(system.members(2016).len(), 195);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn of(graph: &AllianceGraph, through: i32) -> StateSystem {
        // The states of each year by the one system rule of the portfolios
        // (`system_states`), those with a COW code.
        let mut years: BTreeMap<i32, Vec<(u16, CountryId)>> = BTreeMap::new();
        for year in 1816..=through {
            let Ok(date) = PartialDate::year(year) else {
                continue;
            };
            let mut members: Vec<(u16, CountryId)> = system_states(&graph.as_of(date))
                .into_iter()
                .filter_map(|id| Some((graph.country(&id)?.cow_code?, id)))
                .collect();
            if !members.is_empty() {
                members.sort_unstable();
                years.insert(year, members);
            }
        }
        StateSystem { years }
    }

    /// The members in `year`, by COW code (ascending), with their ids.
    pub fn members(&self, year: i32) -> &[(u16, CountryId)] {
        self.years.get(&year).map_or(&[], Vec::as_slice)
    }

    /// The years with at least one member.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }
}

/// Where a table's portfolios come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortfolioRule {
    /// The tie rules on each year ([`View::portfolios`](crate::View::portfolios) on
    /// `as_of(year)`): every treaty and grouping of the data, as reviewed.
    Ties,
    /// ATOP's directed dyad-year table ([`io::atop::dyad_year`](crate::io::atop::dyad_year)):
    /// the ATOP alliances of the data coded as ATOP codes them, what the published FPSIM
    /// alliance table is made from.
    #[cfg(feature = "atop")]
    AtopDyadYears,
}

/// What each member owes each other in `year` ([`Flags`], 0 on the diagonal): from ATOP's
/// directed dyad-years when the rule gave them, else through the tie rules on the year.
pub(crate) fn year_flags(
    graph: &AllianceGraph,
    members: &[(u16, CountryId)],
    year: i32,
    atop: Option<&FastMap<i32, YearDyads>>,
) -> Result<Vec<Flags>> {
    let n = members.len();
    let Some(by_year) = atop else {
        let states: Vec<CountryId> = members.iter().map(|m| m.1).collect();
        return Ok(commitment_flags(
            &graph.as_of(PartialDate::year(year)?),
            &states,
        ));
    };
    let mut flags = vec![0; n * n];
    let slot = |code: u16| members.binary_search_by_key(&code, |m| m.0).ok();
    for &(a, b, f) in by_year.get(&year).map_or(&[][..], Vec::as_slice) {
        if let (Some(i), Some(j)) = (slot(a), slot(b)) {
            if i != j {
                flags[i * n + j] = f;
            }
        }
    }
    Ok(flags)
}

/// One year's directed obligations from ATOP's dyad-year rows: (A, B, what A owes B).
pub(crate) type YearDyads = Vec<(u16, u16, Flags)>;

/// ATOP's directed dyad-year obligations by year, when the rule asks for them.
pub(crate) fn atop_flags(
    graph: &AllianceGraph,
    rule: PortfolioRule,
    from: i32,
    to: i32,
) -> Option<FastMap<i32, YearDyads>> {
    match rule {
        PortfolioRule::Ties => {
            let _ = (graph, from, to);
            None
        }
        #[cfg(feature = "atop")]
        PortfolioRule::AtopDyadYears => {
            use crate::model::Obligation;
            let mut by_year: FastMap<i32, YearDyads> = FastMap::default();
            for r in crate::io::atop::dyad_year(graph, true) {
                if r.year < from || r.year > to {
                    continue;
                }
                let mut f = 0;
                for (owed, o) in [
                    (r.defense, Obligation::Defense),
                    (r.offense, Obligation::Offense),
                    (r.neutral, Obligation::Neutrality),
                    (r.nonagg, Obligation::NonAggression),
                    (r.consul, Obligation::Consultation),
                ] {
                    if owed {
                        f |= super::portfolio::flag(o);
                    }
                }
                by_year
                    .entry(r.year)
                    .or_default()
                    .push((r.state_a, r.state_b, f));
            }
            Some(by_year)
        }
    }
}

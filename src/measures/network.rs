//! Network measures of the alliance graph, per state: on the **defense** graph (an edge where
//! either state owes the other defense: "allied" in this crate's sense) and on the
//! **any-obligation** graph (an edge where either owes the other any of ATOP's five
//! obligations). Both are simple and undirected, over the states of the system.
//!
//! Each measure is networkx's (version 3), computed with rustworkx-core where it has the
//! algorithm:
//!
//! - **degree** and **degree centrality** (`degree / (n − 1)`, `nx.degree_centrality`; 1 for
//!   a state alone in the system);
//! - **eigenvector centrality** (`nx.eigenvector_centrality`: power iteration on `A + I`,
//!   L2-normalised, at most 100 iterations, tolerance `n · 1e-6`;
//!   `rustworkx_core::centrality::eigenvector_centrality`); `None` if it does not converge
//!   (networkx then raises `PowerIterationFailedConvergence`: in ATOP's graphs, 8 years of
//!   the defense graph and 16 of the any-obligation graph);
//! - **betweenness** (`nx.betweenness_centrality`, normalised by `(n − 1)(n − 2)`, endpoints
//!   excluded; `rustworkx_core::centrality::betweenness_centrality`);
//! - **local clustering** (`nx.clustering`: `2T / (d(d − 1))`, 0 below degree 2);
//! - **k-core number** (`nx.core_number`; `rustworkx_core::connectivity::core_number`);
//! - **bloc**: the connected component, named by its first state in the system's order
//!   (the smallest COW code in the tables), and its size;
//! - **community**: Clauset, Newman and Moore's greedy modularity maximisation, as
//!   `nx.community.greedy_modularity_communities` does it (resolution 1): every state alone
//!   at first, then the pair of communities whose merger raises modularity most is merged,
//!   until no merger raises it; ties go to the pair that comes first in the system's order,
//!   the first merged into the second, as networkx's heap breaks them; named like the bloc.
//!   (Louvain, networkx's other method, is randomised.)

use std::convert::Infallible;
use std::io::Write;

use petgraph::graph::UnGraph;
use serde::Serialize;

use super::portfolio::{commitment_flags, flag, Flags};
use super::system::{atop_flags, year_flags, PortfolioRule, StateSystem};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CountryId, Obligation};
use crate::{AllianceGraph, View};

/// How many states of the system a state is tied to by each obligation (owed either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AlliesByObligation {
    /// By defense.
    pub defense: u32,
    /// By offense.
    pub offense: u32,
    /// By neutrality.
    pub neutrality: u32,
    /// By non-aggression.
    pub non_aggression: u32,
    /// By consultation.
    pub consultation: u32,
}

/// A state's measures on one of the two graphs (see the [module docs](self)).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Centrality {
    /// Neighbours.
    pub degree: u32,
    /// `degree / (n − 1)`.
    pub degree_centrality: f64,
    /// Eigenvector centrality; `None` if the power iteration did not converge.
    pub eigenvector: Option<f64>,
    /// Normalised betweenness.
    pub betweenness: f64,
    /// Local clustering coefficient.
    pub clustering: f64,
    /// k-core number.
    pub core: u32,
    /// Its bloc (connected component), named by the component's first state.
    pub bloc: CountryId,
    /// The bloc's size (1 for a state without ties).
    pub bloc_size: u32,
    /// Its community (greedy modularity), named by the community's first state.
    pub community: CountryId,
}

/// One state's network measures on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateNetwork {
    /// The state.
    pub state: CountryId,
    /// Its ties by obligation.
    pub allies: AlliesByObligation,
    /// On the defense graph.
    pub defense: Centrality,
    /// On the any-obligation graph.
    pub any: Centrality,
}

impl<'g> View<'g> {
    /// The network measures of every state of the system on the view's date (the states of
    /// [`portfolios`](Self::portfolios), in the same order), through the tie rules.
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let states = world.as_of("1914-07-01".parse()?).network_measures();
    /// let austria = states.iter().find(|s| s.state.as_str() == "XAH").unwrap();
    /// // The Triple Alliance: Germany and Italy owe Austria-Hungary defense, Romania too.
    /// assert_eq!(austria.allies.defense, 3);
    /// assert_eq!(austria.defense.bloc_size, 4);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn network_measures(&self) -> Vec<StateNetwork> {
        let states = super::portfolio::system_states(self);
        let flags = commitment_flags(self, &states);
        measures_of(&states, &flags)
    }
}

/// The measures of `states`, given what each owes each other (`flags[i * n + j]`).
pub(crate) fn measures_of(states: &[CountryId], flags: &[Flags]) -> Vec<StateNetwork> {
    let n = states.len();
    let either = |i: usize, j: usize| flags[i * n + j] | flags[j * n + i];
    let mut allies = vec![AlliesByObligation::default(); n];
    for (i, a) in allies.iter_mut().enumerate() {
        for j in (0..n).filter(|&j| j != i) {
            let f = either(i, j);
            a.defense += u32::from(f & flag(Obligation::Defense) != 0);
            a.offense += u32::from(f & flag(Obligation::Offense) != 0);
            a.neutrality += u32::from(f & flag(Obligation::Neutrality) != 0);
            a.non_aggression += u32::from(f & flag(Obligation::NonAggression) != 0);
            a.consultation += u32::from(f & flag(Obligation::Consultation) != 0);
        }
    }
    let defense = layer(states, |i, j| either(i, j) & flag(Obligation::Defense) != 0);
    let any = layer(states, |i, j| either(i, j) != 0);
    (0..n)
        .map(|i| StateNetwork {
            state: states[i],
            allies: allies[i],
            defense: defense[i],
            any: any[i],
        })
        .collect()
}

/// The measures on the graph whose edges `tied` gives.
fn layer(states: &[CountryId], tied: impl Fn(usize, usize) -> bool) -> Vec<Centrality> {
    let n = states.len();
    let mut graph: UnGraph<(), ()> = UnGraph::with_capacity(n, 0);
    for _ in 0..n {
        graph.add_node(());
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in i + 1..n {
            if tied(i, j) {
                graph.add_edge((i as u32).into(), (j as u32).into(), ());
                neighbours[i].push(j);
                neighbours[j].push(i);
            }
        }
    }
    let betweenness =
        rustworkx_core::centrality::betweenness_centrality(&graph, false, true, usize::MAX);
    let eigenvector = rustworkx_core::centrality::eigenvector_centrality(
        &graph,
        |_| Ok::<f64, Infallible>(1.0),
        Some(100),
        Some(1e-6),
    )
    .unwrap_or_else(|never| match never {});
    let cores = rustworkx_core::connectivity::core_number(&graph);
    let (bloc, bloc_size) = components(&neighbours);
    let community = communities(&neighbours);
    let mut adjacent = vec![false; n * n];
    for (i, ns) in neighbours.iter().enumerate() {
        for &j in ns {
            adjacent[i * n + j] = true;
        }
    }
    (0..n)
        .map(|i| {
            let d = neighbours[i].len();
            let clustering = if d < 2 {
                0.0
            } else {
                let ns = &neighbours[i];
                let links = ns
                    .iter()
                    .enumerate()
                    .map(|(k, &a)| ns[k + 1..].iter().filter(|&&b| adjacent[a * n + b]).count())
                    .sum::<usize>();
                2.0 * links as f64 / (d * (d - 1)) as f64
            };
            Centrality {
                degree: d as u32,
                degree_centrality: if n > 1 {
                    d as f64 / (n - 1) as f64
                } else {
                    1.0
                },
                eigenvector: eigenvector.as_ref().map(|x| x[i]),
                betweenness: betweenness[i].unwrap_or(0.0),
                clustering,
                core: cores
                    .get(&petgraph::graph::NodeIndex::new(i))
                    .map_or(0, |&c| c as u32),
                bloc: states[bloc[i]],
                bloc_size: bloc_size[bloc[i]],
                community: states[community[i]],
            }
        })
        .collect()
}

/// Each state's component, named by its smallest index, and each such name's size.
fn components(neighbours: &[Vec<usize>]) -> (Vec<usize>, Vec<u32>) {
    let n = neighbours.len();
    let mut bloc = vec![usize::MAX; n];
    let mut size = vec![0u32; n];
    let mut stack = Vec::new();
    for start in 0..n {
        if bloc[start] != usize::MAX {
            continue;
        }
        bloc[start] = start;
        stack.push(start);
        while let Some(v) = stack.pop() {
            size[start] += 1;
            for &w in &neighbours[v] {
                if bloc[w] == usize::MAX {
                    bloc[w] = start;
                    stack.push(w);
                }
            }
        }
    }
    (bloc, size)
}

/// Each state's community by greedy modularity maximisation (see the [module docs](self)),
/// named by its smallest index. The arithmetic follows networkx's step for step (the same
/// initial gains and updates), so that equal gains tie the same way.
fn communities(neighbours: &[Vec<usize>]) -> Vec<usize> {
    use std::collections::BTreeMap;
    let n = neighbours.len();
    let edges: usize = neighbours.iter().map(Vec::len).sum::<usize>() / 2;
    let mut label: Vec<usize> = (0..n).collect();
    if edges == 0 {
        return label;
    }
    let q0 = 1.0 / edges as f64;
    let mut a: Vec<f64> = neighbours
        .iter()
        .map(|ns| ns.len() as f64 * q0 * 0.5)
        .collect();
    // gain[u][v]: the change in modularity if communities u and v merged.
    let mut gain: Vec<BTreeMap<usize, f64>> = (0..n)
        .map(|u| {
            neighbours[u]
                .iter()
                .map(|&v| (v, q0 * 1.0 - (a[u] * a[v] + a[u] * a[v])))
                .collect()
        })
        .collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for (u, row) in gain.iter().enumerate() {
            for (&v, &d) in row {
                if best.is_none_or(|(b, _, _)| d > b) {
                    best = Some((d, u, v));
                }
            }
        }
        let Some((d, u, v)) = best else { break };
        if d < 0.0 {
            break;
        }
        // Merge u into v.
        let u_row = std::mem::take(&mut gain[u]);
        let v_row = gain[v].clone();
        let mut all: Vec<usize> = u_row.keys().chain(v_row.keys()).copied().collect();
        all.sort_unstable();
        all.dedup();
        for w in all.into_iter().filter(|&w| w != u && w != v) {
            let merged = match (u_row.get(&w), v_row.get(&w)) {
                (Some(du), Some(dv)) => dv + du,
                (None, Some(dv)) => dv - (a[u] * a[w] + a[w] * a[u]),
                (Some(du), None) => du - (a[v] * a[w] + a[w] * a[v]),
                (None, None) => continue,
            };
            gain[v].insert(w, merged);
            gain[w].insert(v, merged);
        }
        for w in u_row.keys() {
            gain[*w].remove(&u);
        }
        a[v] += a[u];
        a[u] = 0.0;
        let moved = std::mem::take(&mut members[u]);
        members[v].extend(moved);
    }
    for group in members.iter().filter(|g| !g.is_empty()) {
        let name = group.iter().copied().min().unwrap_or(0);
        for &i in group {
            label[i] = name;
        }
    }
    label
}

/// The network table's columns.
pub const NETWORK_COLUMNS: [&str; 25] = [
    "ccode",
    "year",
    "defense_allies",
    "offense_allies",
    "neutral_allies",
    "nonagg_allies",
    "consul_allies",
    "def_degree",
    "def_degree_centrality",
    "def_eigenvector",
    "def_betweenness",
    "def_clustering",
    "def_core",
    "def_bloc",
    "def_bloc_size",
    "def_community",
    "any_degree",
    "any_degree_centrality",
    "any_eigenvector",
    "any_betweenness",
    "any_clustering",
    "any_core",
    "any_bloc",
    "any_bloc_size",
    "any_community",
];

/// Writes the state-year table of network measures (see the [module docs](self)) for
/// `from..=to` as CSV (LF line endings, `NA` where a value is undefined), in the columns of
/// [`NETWORK_COLUMNS`]: the obligation counts, then each measure on the defense graph
/// (`def_`) and on the any-obligation graph (`any_`); a bloc or community is named by its
/// smallest COW code. Rows by year, then state. Returns the number of rows.
///
/// ```
/// use alliance_graph::measures::{self, PortfolioRule, StateSystem};
/// let world = alliance_graph::datasets::world();
/// let system = StateSystem::of(&world, 1914);
/// let mut csv = Vec::new();
/// let rows = measures::write_network_table(&world, &system, PortfolioRule::Ties, 1914, 1914, &mut csv)?;
/// assert_eq!(rows, system.members(1914).len() as u64);
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub fn write_network_table(
    graph: &AllianceGraph,
    system: &StateSystem,
    rule: PortfolioRule,
    from: i32,
    to: i32,
    mut writer: impl Write,
) -> Result<u64> {
    use std::fmt::Write as _;
    let mut float = zmij::Buffer::new();
    let mut number = |x: Option<f64>| x.map_or("NA".to_string(), |x| float.format(x).to_string());
    let io = |e: std::io::Error| {
        Error::from(ErrorKind::Io {
            location: Box::default(),
            source: e,
        })
    };
    let atop = atop_flags(graph, rule, from, to);
    let mut out = NETWORK_COLUMNS.join(",");
    out.push('\n');
    let mut rows = 0;
    for year in from..=to {
        let members = system.members(year);
        if members.is_empty() {
            continue;
        }
        let flags = year_flags(graph, members, year, atop.as_ref())?;
        let states: Vec<CountryId> = members.iter().map(|m| m.1).collect();
        let code_of = |id: &CountryId| members[states.iter().position(|s| s == id).unwrap_or(0)].0;
        for (m, s) in members
            .iter()
            .zip(super::network::measures_of(&states, &flags))
        {
            let a = s.allies;
            let _ = write!(
                out,
                "{},{year},{},{},{},{},{}",
                m.0, a.defense, a.offense, a.neutrality, a.non_aggression, a.consultation
            );
            for c in [s.defense, s.any] {
                let _ = write!(
                    out,
                    ",{},{},{},{},{},{},{},{},{}",
                    c.degree,
                    number(Some(c.degree_centrality)),
                    number(c.eigenvector),
                    number(Some(c.betweenness)),
                    number(Some(c.clustering)),
                    c.core,
                    code_of(&c.bloc),
                    c.bloc_size,
                    code_of(&c.community)
                );
            }
            out.push('\n');
            rows += 1;
        }
        writer.write_all(out.as_bytes()).map_err(io)?;
        out.clear();
    }
    writer.write_all(out.as_bytes()).map_err(io)?;
    writer.flush().map_err(io)?;
    Ok(rows)
}

//! The dyad-year similarity table: every ordered pair of states of the COW state system,
//! self-pairs included, every year of a range, with every measure, in the columns of the
//! published ATOP-based FPSIM alliance table.

use std::collections::BTreeMap;
use std::io::Write;

use super::portfolio::{commitment_flags, level_of_flags, Flags};
use super::similarity::{Agreement, Level, Similarity, WeightedAgreement, WeightedS, MAX_LEVEL};
use crate::error::{Error, ErrorKind, Result};
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
        let mut years: BTreeMap<i32, Vec<(u16, CountryId)>> = BTreeMap::new();
        let recorded = super::portfolio::records_statehood(graph);
        for c in graph.countries() {
            let Some(code) = c.cow_code else { continue };
            let mut spells: Vec<(i32, i32)> = c
                .statehood
                .iter()
                .map(|s| {
                    (
                        s.from.year_part(),
                        s.until.map_or(through, |u| u.year_part()),
                    )
                })
                .collect();
            if spells.is_empty() && !recorded {
                spells.push((1816, through));
            }
            let mut member: Vec<i32> = spells
                .iter()
                .flat_map(|&(a, b)| a.max(1816)..=b.min(through))
                .collect();
            member.sort_unstable();
            member.dedup();
            for y in member {
                years.entry(y).or_default().push((code, c.id));
            }
        }
        for members in years.values_mut() {
            members.sort_unstable();
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

/// Weights per state and year for the weighted S (capabilities, say), by COW code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    values: FastMap<(u16, i32), f64>,
}

impl Weights {
    /// No weights yet.
    pub fn new() -> Weights {
        Weights::default()
    }

    /// Sets the weight of state `ccode` in `year`; errors if it is negative or not finite.
    pub fn insert(&mut self, ccode: u16, year: i32, weight: f64) -> Result<()> {
        if !weight.is_finite() || weight < 0.0 {
            return Err(Error::from(ErrorKind::InvalidPortfolio {
                reason: format!(
                    "the weight of {ccode} in {year} is {weight}, not a finite, non-negative number"
                ),
            }));
        }
        self.values.insert((ccode, year), weight);
        Ok(())
    }

    /// The weight of state `ccode` in `year`, if given.
    pub fn get(&self, ccode: u16, year: i32) -> Option<f64> {
        self.values.get(&(ccode, year)).copied()
    }

    /// How many state-years have a weight.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether no weight is given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Reads weights from CSV with a header naming the columns `ccode`, `year` and one more
    /// for the weight (`weight`, or `cinc` as in COW's capabilities file; other columns are
    /// ignored). A bad cell is an error naming its line and column.
    #[cfg(feature = "atop")]
    pub fn from_csv(reader: impl std::io::Read) -> Result<Weights> {
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let at = |line: u64, field: &str, message: String| {
            Error::from(ErrorKind::Parse {
                location: Box::new(crate::error::Location {
                    line: Some(line),
                    field: Some(field.to_string()),
                    ..crate::error::Location::default()
                }),
                message,
            })
        };
        let headers = csv
            .headers()
            .map_err(|e| at(1, "header", e.to_string()))?
            .clone();
        let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.trim()));
        let (Some(ccode), Some(year), Some(weight)) =
            (find(&["ccode"]), find(&["year"]), find(&["weight", "cinc"]))
        else {
            return Err(at(
                1,
                "header",
                format!(
                    "the header must name ccode, year and weight (or cinc); it has: {}",
                    headers.iter().collect::<Vec<_>>().join(",")
                ),
            ));
        };
        let mut out = Weights::new();
        for record in csv.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                at(line, "row", e.to_string())
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let cell = |i: usize, name: &str| {
                record
                    .get(i)
                    .map(str::trim)
                    .ok_or_else(|| at(line, name, "missing cell".into()))
            };
            let c: u16 = cell(ccode, "ccode")?
                .parse()
                .map_err(|_| at(line, "ccode", "not a COW code".into()))?;
            let y: i32 = cell(year, "year")?
                .parse()
                .map_err(|_| at(line, "year", "not a year".into()))?;
            let weight_name = headers.get(weight).unwrap_or("weight").trim();
            let text = cell(weight, weight_name)?;
            if text.is_empty() || text == "NA" {
                continue; // a missing weight: the state is left out of the weighted S
            }
            let w: f64 = text
                .parse()
                .map_err(|_| at(line, weight_name, format!("{text:?} is not a number")))?;
            out.insert(c, y, w)
                .map_err(|e| at(line, weight_name, e.to_string()))?;
        }
        Ok(out)
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

/// What a similarity table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSummary {
    /// Rows written (ordered pairs, self-pairs included, summed over the years).
    pub rows: u64,
    /// Years with at least one state.
    pub years: usize,
    /// State-years without a weight (left out of the weighted S), when weights were given.
    pub missing_weights: u64,
}

/// Writes the dyad-year similarity table for `from..=to` as CSV (LF line endings, undefined
/// values as `NA`): `ccode1,ccode2,year,` then [`Similarity::COLUMNS`], then
/// [`WeightedS::COLUMNS`] when weights are given; rows by year, then `ccode1`, `ccode2`.
///
/// ```
/// use alliance_graph::measures::{self, PortfolioRule, StateSystem};
/// let world = alliance_graph::datasets::world();
/// let system = StateSystem::of(&world, 1816);
/// let mut csv = Vec::new();
/// let summary = measures::write_similarity_table(
///     &world, &system, PortfolioRule::Ties, 1816, 1816, None, &mut csv)?;
/// assert_eq!(summary.rows, 23 * 23);
/// assert!(String::from_utf8(csv).unwrap().starts_with("ccode1,ccode2,year,sallyvs,"));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[allow(clippy::too_many_arguments)]
pub fn write_similarity_table(
    graph: &AllianceGraph,
    system: &StateSystem,
    rule: PortfolioRule,
    from: i32,
    to: i32,
    weights: Option<&Weights>,
    mut writer: impl Write,
) -> Result<TableSummary> {
    let out = &mut writer;
    let io = |e: std::io::Error| {
        Error::from(ErrorKind::Io {
            location: Box::default(),
            source: e,
        })
    };
    let mut header = String::from("ccode1,ccode2,year");
    for c in Similarity::COLUMNS {
        header.push(',');
        header.push_str(c);
    }
    if weights.is_some() {
        for c in WeightedS::COLUMNS {
            header.push(',');
            header.push_str(c);
        }
    }
    header.push('\n');
    out.write_all(header.as_bytes()).map_err(io)?;
    let mut summary = TableSummary {
        rows: 0,
        years: 0,
        missing_weights: 0,
    };
    let atop = atop_flags(graph, rule, from, to);
    let years: Vec<i32> = (from..=to)
        .filter(|&y| !system.members(y).is_empty())
        .collect();
    // The years are independent: computed on every core, a few at a time (the memory held
    // is a few years' text), and written in order.
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 8);
    for batch in years.chunks(workers * 2) {
        let blocks: Vec<Result<YearBlock>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers.min(batch.len()))
                .map(|w| {
                    let atop = atop.as_ref();
                    scope.spawn(move || {
                        let mut scratch = Scratch::default();
                        batch
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| k % workers == w)
                            .map(|(k, &year)| {
                                let members = system.members(year);
                                year_block(graph, members, year, atop, weights, &mut scratch)
                                    .map(|b| (k, b))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let mut done: Vec<(usize, Result<YearBlock>)> = Vec::new();
            for h in handles {
                match h.join() {
                    Ok(results) => done.extend(results.into_iter().map(|r| match r {
                        Ok((k, b)) => (k, Ok(b)),
                        Err(e) => (usize::MAX, Err(e)),
                    })),
                    Err(_) => done.push((usize::MAX, Err(worker_failed()))),
                }
            }
            done.sort_by_key(|(k, _)| *k);
            done.into_iter().map(|(_, b)| b).collect()
        });
        for block in blocks {
            let block = block?;
            out.write_all(&block.text).map_err(io)?;
            summary.rows += block.rows;
            summary.missing_weights += block.missing_weights;
            summary.years += 1;
        }
    }
    out.flush().map_err(io)?;
    Ok(summary)
}

fn worker_failed() -> Error {
    Error::from(ErrorKind::InvalidPortfolio {
        reason: "a worker computing the table stopped (a bug; please report it)".into(),
    })
}

/// One year of the similarity table, as CSV text.
struct YearBlock {
    text: Vec<u8>,
    rows: u64,
    missing_weights: u64,
}

/// What computing a year reuses.
#[derive(Default)]
struct Scratch {
    cells: Vec<u8>,
    spans: Vec<(u32, u32)>,
    seen: FastMap<Agreement, (u32, u32)>,
    weight_row: Vec<f64>,
}

fn year_block(
    graph: &AllianceGraph,
    members: &[(u16, CountryId)],
    year: i32,
    atop: Option<&FastMap<i32, YearDyads>>,
    weights: Option<&Weights>,
    scratch: &mut Scratch,
) -> Result<YearBlock> {
    let n = members.len();
    let mut float = zmij::Buffer::new();
    let mut int = itoa::Buffer::new();
    let mut missing_weights = 0;
    let flags = year_flags(graph, members, year, atop)?;
    let levels: Vec<Level> = (0..n * n)
        .map(|k| {
            if k / n == k % n {
                MAX_LEVEL
            } else {
                level_of_flags(flags[k])
            }
        })
        .collect();
    let Scratch {
        cells,
        spans,
        seen,
        weight_row,
    } = scratch;
    if let Some(w) = weights {
        weight_row.clear();
        for &(code, _) in members {
            match w.get(code, year) {
                Some(v) => weight_row.push(v),
                None => {
                    missing_weights += 1;
                    weight_row.push(0.0);
                }
            }
        }
    }
    let bits = LevelBits::of(&levels, n);
    // The measures are symmetric: each unordered pair's cells are formatted once, into
    // `cells`, and copied into both rows. Pairs with the same cross-table have the same
    // measures (two states without alliances, say): their cells are computed and formatted
    // once. Not with weights, which differ from pair to pair.
    cells.clear();
    spans.clear();
    spans.resize(n * n, (0, 0));
    seen.clear();
    for i in 0..n {
        for j in i..n {
            let table = bits.agreement(i, j);
            if weights.is_none() {
                if let Some(&span) = seen.get(&table) {
                    spans[i * n + j] = span;
                    continue;
                }
            }
            let start = cells.len() as u32;
            for v in table.similarity().values() {
                push_value(cells, &mut float, v);
            }
            if weights.is_some() {
                let (x, y) = (&levels[i * n..(i + 1) * n], &levels[j * n..(j + 1) * n]);
                let mut t = WeightedAgreement::default();
                for k in 0..n {
                    t.add(x[k], y[k], weight_row[k]);
                }
                for v in t.similarity().values() {
                    push_value(cells, &mut float, v);
                }
            }
            spans[i * n + j] = (start, cells.len() as u32);
            if weights.is_none() {
                seen.insert(table, spans[i * n + j]);
            }
        }
    }
    let mut text = Vec::with_capacity(n * n * 160);
    for i in 0..n {
        for j in 0..n {
            let (a, b) = spans[i.min(j) * n + i.max(j)];
            text.extend_from_slice(int.format(members[i].0).as_bytes());
            text.push(b',');
            text.extend_from_slice(int.format(members[j].0).as_bytes());
            text.push(b',');
            text.extend_from_slice(int.format(year).as_bytes());
            text.extend_from_slice(&cells[a as usize..b as usize]);
            text.push(b'\n');
        }
    }
    Ok(YearBlock {
        text,
        rows: (n * n) as u64,
        missing_weights,
    })
}

/// Each state's portfolio as one bit set per level (bit `k` of set `a` of state `i`: `i`'s
/// commitment to the `k`-th state is `a`): a pair's cross-table is then 16 population counts
/// of word-wise intersections, not a pass over the positions.
struct LevelBits {
    words: usize,
    /// `sets[(i * 4 + a) * words ..][..words]`.
    sets: Vec<u64>,
}

impl LevelBits {
    fn of(levels: &[Level], n: usize) -> LevelBits {
        let words = n.div_ceil(64);
        let mut sets = vec![0u64; n * 4 * words];
        for i in 0..n {
            for (k, &a) in levels[i * n..(i + 1) * n].iter().enumerate() {
                sets[(i * 4 + a as usize) * words + k / 64] |= 1 << (k % 64);
            }
        }
        LevelBits { words, sets }
    }

    fn set(&self, i: usize, a: usize) -> &[u64] {
        let start = (i * 4 + a) * self.words;
        &self.sets[start..start + self.words]
    }

    fn agreement(&self, i: usize, j: usize) -> Agreement {
        let mut t = Agreement::default();
        for a in 0..4 {
            let x = self.set(i, a);
            for b in 0..4 {
                let y = self.set(j, b);
                let count: u32 = x.iter().zip(y).map(|(p, q)| (p & q).count_ones()).sum();
                t.add_many(a, b, count);
            }
        }
        t
    }
}

fn push_value(cells: &mut Vec<u8>, float: &mut zmij::Buffer, v: Option<f64>) {
    cells.push(b',');
    match v {
        Some(x) => cells.extend_from_slice(float.format(x).as_bytes()),
        None => cells.extend_from_slice(b"NA"),
    }
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

/// The network table's columns.
#[cfg(feature = "network-measures")]
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

/// Writes the state-year table of network measures ([`network`](super::network)) for
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
#[cfg(feature = "network-measures")]
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

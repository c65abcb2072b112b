//! The dyad-year similarity table: every ordered pair of states of the COW state system,
//! self-pairs included, every year of a range, with every measure, in the columns of the
//! published ATOP-based FPSIM alliance table.

use std::io::Write;

use super::portfolio::level_of_flags;
use super::similarity::{Agreement, Level, Similarity, WeightedAgreement, WeightedS, MAX_LEVEL};
use super::system::{atop_flags, year_flags, PortfolioRule, StateSystem, YearDyads};
use crate::error::{Error, ErrorKind, Result};
use crate::model::CountryId;
use crate::util::FastMap;
use crate::AllianceGraph;

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
                    // A worker that panicked is a bug: the panic goes on, not an error kind.
                    Err(panic) => std::panic::resume_unwind(panic),
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

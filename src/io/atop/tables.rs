//! ATOP's state-year and dyad-year tables, computed from a graph. (About 620 lines: each
//! table's rules, numbered as `notes/atop-rules.md` numbers them, beside the code that applies
//! them, and the CSV writers.)

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::io::Write;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{CountryId, Obligation, Party, Treaty};
use crate::util::{FastMap, FxHasher};
use crate::{AllianceGraph, Day};

/// Options for the tables; the default gives ATOP's published tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// Keep members whose code is not a COW code (only 8152, Annam, in ATOP 5.1). ATOP's
    /// published tables leave them out, so the default is `false`; `true` adds 10 state-year
    /// rows (8152, 1874–1883) and 20 directed dyad-years (8152 ↔ 220, France).
    pub keep_non_cow: bool,
    /// The year an open spell (ATOP's `yrexit == 0`) runs to. `None`: the end of the coverage
    /// of the ATOP treaties' source (2018 for ATOP 5.1), or 2018 if no source declares one.
    pub last_year: Option<i32>,
}

/// One row of ATOP's state-year table (`atop5_1sy.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateYear {
    /// The state's COW code.
    pub state: u16,
    /// The year.
    pub year: i32,
    /// Member of at least one ATOP alliance that year (always true: rows exist only then).
    pub atopally: bool,
    /// Undertook a defense obligation in some alliance that year.
    pub defense: bool,
    /// Undertook an offense obligation.
    pub offense: bool,
    /// Undertook a neutrality obligation.
    pub neutral: bool,
    /// Undertook a non-aggression obligation.
    pub nonagg: bool,
    /// Undertook a consultation obligation.
    pub consul: bool,
    /// Number of distinct alliances.
    pub number: usize,
    /// Whether one of the state's member rows begins or ends this year (phase changes included).
    pub transyr: bool,
    /// The alliances' ATOP ids, ascending.
    pub atopids: Vec<u32>,
    /// The ATOP version ("5.1").
    pub version: String,
}

/// One row of a dyad-year table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadYear {
    /// The first state's COW code (the one that owes, in a directed table).
    pub state_a: u16,
    /// The second state's COW code.
    pub state_b: u16,
    /// The year.
    pub year: i32,
    /// Defense owed (directed: by A to B; non-directed: by either to the other).
    pub defense: bool,
    /// Offense owed.
    pub offense: bool,
    /// Neutrality owed.
    pub neutral: bool,
    /// Non-aggression owed.
    pub nonagg: bool,
    /// Consultation owed.
    pub consul: bool,
    /// Number of distinct alliances the two share that year.
    pub number: usize,
    /// Those alliances' ATOP ids, ascending.
    pub atopids: Vec<u32>,
}

/// The ATOP treaties of a graph: those imported from ATOP, whose id is `atop-<atop_id>`.
/// Hand-written treaties that merely carry an `atop_id` are not counted twice.
fn atop_treaties(graph: &AllianceGraph) -> impl Iterator<Item = (&Treaty, u32)> + '_ {
    graph.treaties().filter_map(|t| {
        let id = t.atop_id?;
        (t.id.as_str().strip_prefix("atop-") == Some(id.to_string().as_str())).then_some((t, id))
    })
}

/// The settings a table run needs, derived once from the graph.
struct Setup {
    last_year: i32,
    version: String,
    codes: FastMap<CountryId, u16>,
}

fn setup(graph: &AllianceGraph, options: &TableOptions) -> Setup {
    let atop_source = atop_treaties(graph)
        .flat_map(|(t, _)| t.sources.iter())
        .find_map(|s| {
            graph
                .source(s)
                .filter(|s| s.id.as_str().starts_with("atop-"))
        });
    let last_year = options.last_year.unwrap_or_else(|| {
        atop_source
            .and_then(|s| s.coverage)
            .map_or(super::LAST_YEAR, |c| c.to.year_part())
    });
    let version = atop_source
        .and_then(|s| s.id.as_str().strip_prefix("atop-"))
        .unwrap_or("5.1")
        .to_string();
    let codes = graph
        .countries()
        .filter_map(|c| {
            let code = c.cow_code?;
            (options.keep_non_cow || code < 1000).then_some((c.id, code))
        })
        .collect();
    Setup {
        last_year,
        version,
        codes,
    }
}

fn index(kind: Obligation) -> usize {
    match kind {
        Obligation::Defense => 0,
        Obligation::Offense => 1,
        Obligation::Neutrality => 2,
        Obligation::NonAggression => 3,
        Obligation::Consultation => 4,
    }
}

/// A party's spells as day spans, open ends closed at 31 December of `last`.
fn party_spans(t: &Treaty, c: CountryId, last: i32) -> Vec<(Day, Day)> {
    let treaty_start = t.start().map(|d| d.earliest());
    let treaty_end = t.ended.map(|d| d.latest());
    let end_of_data = Day {
        year: last,
        month: 12,
        day: 31,
    };
    t.parties
        .iter()
        .filter(|p| p.country() == c)
        .filter_map(|p| {
            let (joined, left) = match p {
                Party::Whole(_) => (None, None),
                Party::Spell { joined, left, .. } => (*joined, *left),
            };
            let first = joined.map(|d| d.earliest()).or(treaty_start)?;
            let last = left
                .map(|d| d.latest())
                .or(treaty_end)
                .unwrap_or(end_of_data)
                .min(end_of_data);
            (first <= last).then_some((first, last))
        })
        .collect()
}

/// An obligation of one party as a "row": its phase, kind and day span.
struct Row {
    phase: u16,
    kind: usize,
    first: Option<Day>,
    last: Option<Day>,
}

/// A member's obligation rows, each with the parties it is owed to (`None`: every party).
type OwedRows<'t> = Vec<(Row, Option<&'t [CountryId]>)>;

fn party_rows(t: &Treaty, c: CountryId) -> Vec<Row> {
    t.obligations
        .iter()
        .filter(|o| o.owed_by(c))
        .map(|o| Row {
            phase: o.phase.unwrap_or(0),
            kind: index(o.kind),
            first: o.from.map(|d| d.earliest()),
            last: o.until.map(|d| d.latest()),
        })
        .collect()
}

#[derive(Default)]
struct StateAcc {
    ob: [bool; 5],
    ids: Vec<u32>,
}

/// ATOP's state-year table, computed from the graph's ATOP treaties (see [`TableOptions`]).
///
/// The rules, from `notes/atop-rules.md` (verified against the published file, cell for cell):
///
/// 1. A member spell counts for every year from its entry year to its exit year inclusive;
///    an open spell runs to the last year of the data (2018).
/// 2. Members whose code is not a COW code (8152 Annam) are left out unless
///    [`TableOptions::keep_non_cow`].
/// 3. In a year covered by two phases of the same alliance and member (the year of a phase
///    change), only the **later phase** counts.
/// 4. A row exists for every (state, year) with at least one alliance, and no other.
/// 5. The obligations are the logical OR over the state's alliances that year.
/// 6. `number` counts distinct alliances; the ids are listed ascending.
/// 7. `transyr` is set when some member row of the state (any phase) begins or ends that year.
///
/// The graph must keep ATOP's member rows as the importer builds them: one party spell per
/// member spell and one obligation per member row and obligation, with the row's phase and
/// dates. A phase row of a phased alliance that codes no obligation at all leaves no trace
/// besides its party spell, so rule 3 cannot see it; ATOP 5.1 has no such row.
///
/// Rows are sorted by state, then year. The cost is linear in the number of member-years.
pub fn state_year(graph: &AllianceGraph) -> impl Iterator<Item = StateYear> {
    state_year_with(graph, &TableOptions::default())
}

/// [`state_year`] with options.
pub fn state_year_with(
    graph: &AllianceGraph,
    options: &TableOptions,
) -> impl Iterator<Item = StateYear> {
    let setup = setup(graph, options);
    let mut acc: FastMap<(u16, i32), StateAcc> = FastMap::default();
    let mut trans: HashSet<(u16, i32), BuildHasherDefault<FxHasher>> = HashSet::default();
    for (t, atopid) in atop_treaties(graph) {
        let mut seen: Vec<CountryId> = Vec::new();
        for p in &t.parties {
            let c = p.country();
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let Some(&code) = setup.codes.get(&c) else {
                continue;
            };
            // Transition years: every entry and exit of the member's rows.
            for party in t.parties.iter().filter(|q| q.country() == c) {
                if let Party::Spell { joined, left, .. } = party {
                    for d in joined.iter().chain(left.iter()) {
                        trans.insert((code, d.year_part()));
                    }
                }
            }
            let rows = party_rows(t, c);
            for o in t.obligations.iter().filter(|o| o.owed_by(c)) {
                for d in o.from.iter().chain(o.until.iter()) {
                    trans.insert((code, d.year_part()));
                }
            }
            // Years of membership, each once even where spells meet in a year.
            let mut years: Vec<i32> = party_spans(t, c, setup.last_year)
                .into_iter()
                .flat_map(|(a, b)| a.year..=b.year)
                .collect();
            years.sort_unstable();
            years.dedup();
            for y in years {
                let entry = acc.entry((code, y)).or_default();
                entry.ids.push(atopid);
                let covers = |r: &Row| {
                    r.first.is_none_or(|f| f.year <= y) && r.last.is_none_or(|l| l.year >= y)
                };
                let Some(phase) = rows.iter().filter(|r| covers(r)).map(|r| r.phase).max() else {
                    continue;
                };
                for r in rows.iter().filter(|r| r.phase == phase && covers(r)) {
                    entry.ob[r.kind] = true;
                }
            }
        }
    }
    let mut out: Vec<StateYear> = acc
        .into_iter()
        .map(|((state, year), mut a)| {
            a.ids.sort_unstable();
            a.ids.dedup();
            StateYear {
                state,
                year,
                atopally: true,
                defense: a.ob[0],
                offense: a.ob[1],
                neutral: a.ob[2],
                nonagg: a.ob[3],
                consul: a.ob[4],
                number: a.ids.len(),
                transyr: trans.contains(&(state, year)),
                atopids: a.ids,
                version: setup.version.clone(),
            }
        })
        .collect();
    out.sort_unstable_by_key(|r| (r.state, r.year));
    out.into_iter()
}

fn io_error(e: std::io::Error) -> Error {
    Error::from(ErrorKind::Io {
        location: crate::Location::file(None),
        source: e,
    })
}

/// One CSV row being written: cells separated by commas, numbers without the formatting
/// machinery (the tables have millions of cells).
#[derive(Default)]
struct Line(String);

impl Line {
    fn clear(&mut self) {
        self.0.clear();
    }

    /// Starts a new cell (a comma unless it is the first). A row never starts with an empty
    /// cell (its first is the state's code), so an empty line means no cell yet.
    fn empty(&mut self) -> &mut Self {
        if !self.0.is_empty() {
            self.0.push(',');
        }
        self
    }

    /// `n` empty cells at once (most rows leave most of the 59 atopid cells empty).
    fn empties(&mut self, n: usize) -> &mut Self {
        const COMMAS: &str = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
        let mut left = n;
        while left > 0 {
            let k = left.min(COMMAS.len());
            self.0.push_str(&COMMAS[..k]);
            left -= k;
        }
        self
    }

    fn int(&mut self, n: impl itoa::Integer) -> &mut Self {
        self.empty();
        self.0.push_str(itoa::Buffer::new().format(n));
        self
    }

    fn bit(&mut self, b: bool) -> &mut Self {
        self.text(bit(b))
    }

    fn text(&mut self, text: &str) -> &mut Self {
        self.empty();
        self.0.push_str(text);
        self
    }

    /// Ends the row as ATOP's files do.
    fn end(&mut self) {
        self.0.push_str("\r\n");
    }
}

fn bit(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

/// Writes [`state_year`] in the format of ATOP's `atop5_1sy.csv`, byte for byte: the header,
/// one `atopidN` column per alliance up to the largest `number`, empty cells after the last
/// id, the `version` column, CRLF line endings.
///
/// ```
/// use alliance_graph::io::atop;
///
/// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
///            3375,2,1960,1,19,0,0,0,0,1,0,0,1,1\n\
///            3375,740,1960,1,19,0,0,0,0,0,0,0,1,1\n";
/// let graph = atop::from_reader(csv.as_bytes())?.graph;
/// let mut out = Vec::new();
/// atop::write_state_year(&graph, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// let mut lines = text.lines();
/// assert_eq!(lines.next(), Some("state,year,atopally,defense,offense,neutral,nonagg,consul,number,transyr,atopid1,version"));
/// assert_eq!(lines.next(), Some("2,1960,1,1,0,0,1,1,1,1,3375,5.1"));
/// assert_eq!(text.lines().count(), 1 + 2 * (2018 - 1960 + 1));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub fn write_state_year(graph: &AllianceGraph, writer: impl Write) -> Result<()> {
    write_state_year_with(graph, &TableOptions::default(), writer)
}

/// [`write_state_year`] with options.
pub fn write_state_year_with(
    graph: &AllianceGraph,
    options: &TableOptions,
    writer: impl Write,
) -> Result<()> {
    let rows: Vec<StateYear> = state_year_with(graph, options).collect();
    let width = rows.iter().map(|r| r.number).max().unwrap_or(0);
    let mut w = std::io::BufWriter::new(writer);
    let mut header =
        String::from("state,year,atopally,defense,offense,neutral,nonagg,consul,number,transyr");
    for i in 1..=width {
        header.push_str(&format!(",atopid{i}"));
    }
    header.push_str(",version\r\n");
    w.write_all(header.as_bytes()).map_err(io_error)?;
    let mut line = Line::default();
    for r in &rows {
        line.clear();
        line.int(r.state).int(r.year);
        for b in [
            r.atopally, r.defense, r.offense, r.neutral, r.nonagg, r.consul,
        ] {
            line.bit(b);
        }
        line.int(r.number).bit(r.transyr);
        for &id in r.atopids.iter().take(width) {
            line.int(id);
        }
        line.empties(width.saturating_sub(r.atopids.len()));
        line.text(&r.version).end();
        w.write_all(line.0.as_bytes()).map_err(io_error)?;
    }
    w.flush().map_err(io_error)
}

/// A dyad-year table computed from the graph's ATOP treaties.
///
/// Directed (`directed = true`): one row per ordered pair (A, B) and year, with the
/// obligations **A owes B**. Non-directed: one row per unordered pair (A < B by COW code) and
/// year, with the obligations either owes the other. The rules (`notes/atop-rules.md`, D1–D3):
///
/// - D1. (A, B, year) is a row iff A ≠ B and, in some alliance, a spell of A and a spell of B
///   overlap for a positive time at day precision (an unknown day counts as the first of the
///   month on entry and the last on exit; an open spell runs to 31 December of the last year).
///   Every calendar year the overlap touches counts. So a spell ending on the day another
///   starts (German unification, 3 Oct 1990) makes no dyad.
/// - D2. An obligation column is set iff, in at least one such alliance, A's own obligation
///   rows owe it to B, using A's latest phase among its rows that overlap B in that year.
///   ATOP codes obligations per member; in a multilateral asymmetric alliance the member file
///   does not say to which members A's obligation runs, so all co-members are assumed (an
///   upper bound).
/// - D3. `number` counts distinct shared alliances; rows are sorted by A, B, year.
///
/// For ATOP 5.1 the directed table has 273,296 rows, the row count of ATOP's own
/// `atop5_1ddyr` file. See [`TableOptions`] for non-COW members.
pub fn dyad_year(graph: &AllianceGraph, directed: bool) -> impl Iterator<Item = DyadYear> {
    dyad_year_with(graph, directed, &TableOptions::default())
}

/// [`dyad_year`] with options.
pub fn dyad_year_with(
    graph: &AllianceGraph,
    directed: bool,
    options: &TableOptions,
) -> impl Iterator<Item = DyadYear> {
    let setup = setup(graph, options);
    // (A, B, year) packed in one key, the atopid and the obligations: sorted and folded at
    // the end, one dyad-year at a time as they are read.
    // (16 bytes an item: the obligations as bits.)
    let mut acc: Vec<(u64, u32, u8)> = Vec::new();
    // By ATOP id, so that each dyad-year's items come in id order and a stable sort by the
    // key alone keeps them so.
    let mut treaties: Vec<(&Treaty, u32)> = atop_treaties(graph).collect();
    treaties.sort_by_key(|&(_, id)| id);
    for (t, atopid) in treaties {
        let mut members: Vec<(CountryId, u16)> = Vec::new();
        for p in &t.parties {
            let c = p.country();
            if let Some(&code) = setup.codes.get(&c) {
                if !members.iter().any(|m| m.0 == c) {
                    members.push((c, code));
                }
            }
        }
        let spans: Vec<Vec<(Day, Day)>> = members
            .iter()
            .map(|(c, _)| party_spans(t, *c, setup.last_year))
            .collect();
        // Each member's obligation rows, with the parties they are owed to (`None`: all).
        let rows: Vec<OwedRows<'_>> = members
            .iter()
            .map(|(c, _)| {
                t.obligations
                    .iter()
                    .filter(|o| o.owed_by(*c))
                    .map(|o| {
                        let row = Row {
                            phase: o.phase.unwrap_or(0),
                            kind: index(o.kind),
                            first: o.from.map(|d| d.earliest()),
                            last: o.until.map(|d| d.latest()),
                        };
                        (row, o.to.as_deref())
                    })
                    .collect()
            })
            .collect();
        for (i, &(_, code_a)) in members.iter().enumerate() {
            for (j, &(b, code_b)) in members.iter().enumerate() {
                if i == j {
                    continue;
                }
                // D1: the years in which some spell of A and some spell of B overlap.
                let mut years: Vec<i32> = Vec::new();
                for sa in &spans[i] {
                    for sb in &spans[j] {
                        let lo = sa.0.max(sb.0);
                        let hi = sa.1.min(sb.1);
                        if lo < hi {
                            years.extend(lo.year..=hi.year);
                        }
                    }
                }
                if years.is_empty() {
                    continue;
                }
                years.sort_unstable();
                years.dedup();
                // D2: A's obligation rows toward B; per year, the latest phase among the rows
                // whose overlap with B touches that year.
                let y0 = years[0];
                let mut best: Vec<Option<(u16, [bool; 5])>> = vec![None; years.len()];
                let slot = |y: i32| years.binary_search(&y).ok();
                let owed_to_b = rows[i]
                    .iter()
                    .filter(|(_, to)| to.is_none_or(|to| to.contains(&b)))
                    .map(|(r, _)| r);
                for r in owed_to_b {
                    let first = r.first.unwrap_or(Day::MIN);
                    let last = r.last.unwrap_or(Day::MAX);
                    for sb in &spans[j] {
                        for sa in &spans[i] {
                            let lo = first.max(sb.0).max(sa.0);
                            let hi = last.min(sb.1).min(sa.1);
                            if lo >= hi {
                                continue;
                            }
                            for y in lo.year.max(y0)..=hi.year {
                                let Some(k) = slot(y) else { continue };
                                match &mut best[k] {
                                    Some((p, ob)) if *p == r.phase => ob[r.kind] = true,
                                    Some((p, _)) if *p > r.phase => {}
                                    other => {
                                        let mut ob = [false; 5];
                                        ob[r.kind] = true;
                                        *other = Some((r.phase, ob));
                                    }
                                }
                            }
                        }
                    }
                }
                let (x, y_) = if directed || code_a < code_b {
                    (code_a, code_b)
                } else {
                    (code_b, code_a)
                };
                for (k, &y) in years.iter().enumerate() {
                    let ob = best[k].map_or([false; 5], |(_, ob)| ob);
                    let bits = ob.iter().rev().fold(0u8, |b, &o| b << 1 | u8::from(o));
                    acc.push((dyad_key(x, y_, y), atopid, bits));
                }
            }
        }
    }
    acc.sort_by_key(|e| e.0);
    // Each run of one key is one dyad-year, its ids in order.
    let mut acc = acc.into_iter().peekable();
    std::iter::from_fn(move || {
        let (key, atopid, ob) = acc.next()?;
        let (state_a, state_b, year) = dyad_of_key(key);
        let mut r = DyadYear {
            state_a,
            state_b,
            year,
            defense: ob & 1 != 0,
            offense: ob & 2 != 0,
            neutral: ob & 4 != 0,
            nonagg: ob & 8 != 0,
            consul: ob & 16 != 0,
            number: 1,
            atopids: vec![atopid],
        };
        while let Some((_, atopid, ob)) = acc.next_if(|e| e.0 == key) {
            if r.atopids.last() != Some(&atopid) {
                r.atopids.push(atopid);
                r.number += 1;
            }
            r.defense |= ob & 1 != 0;
            r.offense |= ob & 2 != 0;
            r.neutral |= ob & 4 != 0;
            r.nonagg |= ob & 8 != 0;
            r.consul |= ob & 16 != 0;
        }
        Some(r)
    })
}

/// A dyad-year as one key that sorts as `(A, B, year)` does.
fn dyad_key(a: u16, b: u16, year: i32) -> u64 {
    // The year's sign bit flipped: negative years sort before positive ones.
    (u64::from(a) << 48) | (u64::from(b) << 32) | u64::from(year as u32 ^ (1 << 31))
}

/// The dyad-year of a [`dyad_key`].
fn dyad_of_key(key: u64) -> (u16, u16, i32) {
    (
        (key >> 48) as u16,
        (key >> 32) as u16,
        (key as u32 ^ (1 << 31)) as i32,
    )
}

/// Writes [`dyad_year`] as CSV with CRLF line endings: `stateA,stateB,year,defense,offense,
/// neutral,nonagg,consul,number,atopids`, the ids joined by `;`.
pub fn write_dyad_year(graph: &AllianceGraph, directed: bool, writer: impl Write) -> Result<()> {
    write_dyad_year_with(graph, directed, &TableOptions::default(), writer)
}

/// [`write_dyad_year`] with options.
pub fn write_dyad_year_with(
    graph: &AllianceGraph,
    directed: bool,
    options: &TableOptions,
    writer: impl Write,
) -> Result<()> {
    let mut w = std::io::BufWriter::new(writer);
    w.write_all(b"stateA,stateB,year,defense,offense,neutral,nonagg,consul,number,atopids\r\n")
        .map_err(io_error)?;
    let mut line = Line::default();
    for r in dyad_year_with(graph, directed, options) {
        line.clear();
        line.int(r.state_a).int(r.state_b).int(r.year);
        for b in [r.defense, r.offense, r.neutral, r.nonagg, r.consul] {
            line.bit(b);
        }
        line.int(r.number);
        // The ids in one cell, joined by ';'.
        line.empty();
        for (k, &id) in r.atopids.iter().enumerate() {
            if k > 0 {
                line.0.push(';');
            }
            line.0.push_str(itoa::Buffer::new().format(id));
        }
        line.end();
        w.write_all(line.0.as_bytes()).map_err(io_error)?;
    }
    w.flush().map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed key reads back, and sorts as the dyad-year it packs.
    #[test]
    fn dyad_keys_read_back_and_sort_as_their_dyad_years() {
        let dyads = [
            (2, 20, -5),
            (2, 20, 1815),
            (2, 200, 1816),
            (20, 2, 1815),
            (u16::MAX, 0, i32::MIN),
            (u16::MAX, u16::MAX, i32::MAX),
        ];
        for &(a, b, y) in &dyads {
            assert_eq!(dyad_of_key(dyad_key(a, b, y)), (a, b, y));
        }
        let mut by_key = dyads;
        by_key.sort_by_key(|&(a, b, y)| dyad_key(a, b, y));
        let mut by_tuple = dyads;
        by_tuple.sort();
        assert_eq!(by_key, by_tuple);
    }
}

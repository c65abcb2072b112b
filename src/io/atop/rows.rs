//! Reading ATOP's member and alliance files: the columns the importer knows, and each row
//! checked into a typed record or a reported problem.
//!
//! (About 700 lines: both files' column lists, the checked cell readers every column goes
//! through, and the two row readers, kept together because each reader is those lists and
//! readers applied.)

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use super::crosswalk::crosswalk;
use super::import::{AtopFile, Report, RowIssue};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::Obligation;
use crate::util::FastMap;
use crate::PartialDate;

// ---------------------------------------------------------------------------------------------
// Columns

/// Member-file columns the importer needs.
pub(super) const REQUIRED: &[&str] = &[
    "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase",
    "defense", "offense", "neutral", "nonagg", "consul",
];

/// The five obligation columns, in [`Obligation`] order.
pub(super) const OBLIGATIONS: [(&str, Obligation); 5] = [
    ("defense", Obligation::Defense),
    ("offense", Obligation::Offense),
    ("neutral", Obligation::Neutrality),
    ("nonagg", Obligation::NonAggression),
    ("consul", Obligation::Consultation),
];

/// Condition columns: (column, obligation index, what it means).
pub(super) const CONDITIONS: &[(&str, usize, &str)] = &[
    ("defcon", 0, "conditional"),
    ("defcoadv", 0, "only against specific adversaries"),
    ("defcoloc", 0, "only in specific locations"),
    ("defcocon", 0, "only in specific conflicts"),
    (
        "defconum",
        0,
        "only against a specified number of adversaries",
    ),
    (
        "defcodem",
        0,
        "only on non-compliance with specific demands",
    ),
    ("defconpr", 0, "only if the ally did not provoke the attack"),
    ("offcon", 1, "conditional"),
    ("offcoadv", 1, "only against specific adversaries"),
    ("offcoloc", 1, "only in specific locations"),
    ("offcocon", 1, "only in specific conflicts"),
    (
        "offconum",
        1,
        "only against a specified number of adversaries",
    ),
    (
        "offcodem",
        1,
        "only on non-compliance with specific demands",
    ),
    ("neucon", 2, "conditional"),
    ("neucoadv", 2, "only against specific adversaries"),
    ("neucoloc", 2, "only in specific locations"),
    ("neucocon", 2, "only in specific conflicts"),
    (
        "neuconum",
        2,
        "only against a specified number of adversaries",
    ),
    (
        "neucodem",
        2,
        "only on non-compliance with specific demands",
    ),
    ("neuconpr", 2, "only if the ally did not provoke the attack"),
    ("neucoatt", 2, "only if the ally is attacked"),
    ("concon", 4, "conditional"),
    ("concoadv", 4, "only against specific adversaries"),
    ("concoloc", 4, "only in specific locations"),
    ("concocon", 4, "only in specific conflicts"),
    ("concoreq", 4, "only at the request of an ally"),
];

/// Columns read for structure or cross-checks rather than kept as attributes.
pub(super) const MEMBER_CONSUMED: &[&str] = &["ineffect"];

/// Columns not imported at all: derivable from what is imported.
pub(super) const MEMBER_IGNORED: &[&str] = &["maxphase", "version"];

/// Alliance-file columns used for structure or checks.
pub(super) const ALLIANCE_CONSUMED: &[&str] = &[
    "atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday",
];

/// Alliance-file columns not imported.
pub(super) const ALLIANCE_IGNORED: &[&str] = &["maxphase", "version"];

pub(super) const OBLIGATION_WORDS: [&str; 5] = [
    "defense",
    "offense",
    "neutrality",
    "non-aggression",
    "consultation",
];

// ---------------------------------------------------------------------------------------------
// Parsing helpers

/// A column the importer reads: its name (for messages) and its place in the header, found
/// once per file instead of once per cell.
#[derive(Debug, Clone, Copy)]
pub(super) struct Col<'n> {
    pub(super) name: &'n str,
    index: Option<usize>,
}

impl<'n> Col<'n> {
    pub(super) fn new(columns: &FastMap<String, usize>, name: &'n str) -> Col<'n> {
        Col {
            name,
            index: columns.get(name).copied(),
        }
    }

    /// Whether the file has it.
    pub(super) fn present(&self) -> bool {
        self.index.is_some()
    }
}

pub(super) struct Cells<'a> {
    pub(super) record: &'a csv::StringRecord,
    pub(super) row: u64,
    /// The file line of the record's last byte; its first line is worked out only for an
    /// error (see [`record_line`]).
    pub(super) last_line: u64,
}

impl Cells<'_> {
    fn error(&self, field: &str, message: String) -> Error {
        Error::from(ErrorKind::Parse {
            location: Box::new(Location {
                line: Some(record_line(self.last_line, self.record)),
                record: Some(self.row),
                field: Some(field.to_string()),
                ..Location::default()
            }),
            message,
        })
    }

    fn raw(&self, col: Col) -> Option<&str> {
        // ASCII white space only: ATOP's cells are numbers and codes (and `str::trim`'s
        // Unicode test was a twentieth of an import).
        col.index
            .and_then(|i| self.record.get(i))
            .map(str::trim_ascii)
    }

    /// A required integer; an empty cell or missing column is an error.
    fn int<T: std::str::FromStr>(&self, col: Col, what: &str) -> Result<T> {
        match self.opt_int(col, what)? {
            Some(v) => Ok(v),
            None => Err(self.error(col.name, format!("empty cell; expected {what}"))),
        }
    }

    /// An optional integer: an empty cell or missing column is `None`.
    fn opt_int<T: std::str::FromStr>(&self, col: Col, what: &str) -> Result<Option<T>> {
        match self.raw(col) {
            None | Some("") => Ok(None),
            Some(s) => s
                .parse()
                .map(Some)
                .map_err(|_| self.error(col.name, format!("{s:?} is not {what}"))),
        }
    }

    /// A 0/1 flag; empty counts as 0.
    fn flag(&self, col: Col) -> Result<bool> {
        match self.opt_int::<i64>(col, "0 or 1")? {
            None | Some(0) => Ok(false),
            Some(1) => Ok(true),
            Some(v) => Err(self.error(col.name, format!("{v} is not 0 or 1"))),
        }
    }

    /// A date from year, month and day columns; month 0 gives year precision, an empty or 0
    /// day month precision.
    fn date(&self, [year, month, day]: [Col<'_>; 3]) -> Result<PartialDate> {
        let y: i32 = self.int(year, "a year")?;
        let m: u8 = self.opt_int(month, "a month (0-12)")?.unwrap_or(0);
        let d: u8 = self.opt_int(day, "a day (1-31)")?.unwrap_or(0);
        if !(1000..=9999).contains(&y) {
            return Err(self.error(year.name, format!("year {y} is out of range")));
        }
        if m > 12 {
            return Err(self.error(month.name, format!("month {m} is not between 0 and 12")));
        }
        let (m, d) = match (m, d) {
            (0, 0) => (None, None),
            (0, _) => return Err(self.error(day.name, format!("day {d} is given without a month"))),
            (m, 0) => (Some(m), None),
            (m, d) => (Some(m), Some(d)),
        };
        PartialDate::new(y, m, d).map_err(|e| self.error(day.name, e.to_string()))
    }
}

pub(super) fn header_error(field: &str, message: String) -> Error {
    Error::from(ErrorKind::Parse {
        location: Box::new(Location {
            line: Some(1),
            field: Some(field.to_string()),
            ..Location::default()
        }),
        message,
    })
}

/// The file's lines as the csv reader reads it, so that a row is reported at its own file
/// line: the csv crate's line numbers count a CRLF ending as no line and a skipped blank line
/// as part of the next row. Keeps only the newlines the reader has read ahead of the last row
/// asked about (its buffer), so memory does not grow with the file.
pub(super) struct LineCounter<R> {
    inner: R,
    read: u64,
    seen: std::cell::RefCell<Newlines>,
}

#[derive(Default)]
struct Newlines {
    /// Newlines before the first one still kept.
    before: u64,
    /// Byte offsets of the newlines at or after the last offset asked about.
    kept: std::collections::VecDeque<u64>,
}

impl<R> LineCounter<R> {
    pub(super) fn new(inner: R) -> Self {
        LineCounter {
            inner,
            read: 0,
            seen: Default::default(),
        }
    }

    /// The 1-based line of the byte at offset `at`; asked with offsets that never go back.
    fn line_of(&self, at: u64) -> u64 {
        let mut seen = self.seen.borrow_mut();
        while seen.kept.front().is_some_and(|&o| o < at) {
            seen.kept.pop_front();
            seen.before += 1;
        }
        seen.before + 1
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let seen = self.seen.get_mut();
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, &b)| b == b'\n') {
            seen.kept.push_back(self.read + i as u64);
        }
        self.read += n as u64;
        Ok(n)
    }
}

/// The file line of the last byte of the record just read (asked once per record, in order).
pub(super) fn last_line<R: Read>(reader: &csv::Reader<LineCounter<R>>) -> u64 {
    let end = reader.position().byte().saturating_sub(1);
    reader.get_ref().line_of(end)
}

/// The file line on which a record starts: the line of its last byte, less the line breaks
/// inside its quoted fields.
fn record_line(last_line: u64, record: &csv::StringRecord) -> u64 {
    let inside = record.as_slice().bytes().filter(|b| *b == b'\n').count();
    last_line.saturating_sub(inside as u64).max(1)
}

/// A csv reading error of data row `row`, at the line where the row ends (the reader has read
/// it whole; a row too short or too long is one line, unless a quoted cell breaks it).
pub(super) fn csv_error<R: Read>(
    reader: &csv::Reader<LineCounter<R>>,
    e: csv::Error,
    row: u64,
) -> Error {
    let end = reader.position().byte().saturating_sub(1);
    let line = Some(reader.get_ref().line_of(end).max(row + 1));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} fields, but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_string(),
        csv::ErrorKind::Io(_) => {
            return match e.into_kind() {
                csv::ErrorKind::Io(source) => Error::from(ErrorKind::Io {
                    location: crate::Location::file(None),
                    source,
                }),
                _ => Error::from(ErrorKind::Parse {
                    location: Box::default(),
                    message: "read error".into(),
                }),
            }
        }
        _ => e.to_string(),
    };
    Error::from(ErrorKind::Parse {
        location: Box::new(Location {
            line,
            record: Some(row),
            ..Location::default()
        }),
        message,
    })
}

pub(super) fn read_header<R: Read>(
    reader: &mut csv::Reader<R>,
) -> Result<(Vec<String>, FastMap<String, usize>)> {
    let headers = reader
        .headers()
        .map_err(|e| header_error("", format!("cannot read the header: {e}")))?
        .clone();
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    // Looked up for every cell read: the fast hasher, not SipHash.
    let mut columns = FastMap::default();
    for (i, n) in names.iter().enumerate() {
        if columns.insert(n.clone(), i).is_some() {
            return Err(header_error(n, format!("column `{n}` appears twice")));
        }
    }
    Ok((names, columns))
}

// ---------------------------------------------------------------------------------------------
// The member file

/// One member row: alliance × member × phase.
#[derive(Debug)]
pub(super) struct MemberRow {
    pub(super) row: u64,
    pub(super) atopid: u32,
    pub(super) member: u16,
    pub(super) entry: PartialDate,
    pub(super) exit: Option<PartialDate>,
    pub(super) phase: u16,
    pub(super) obligations: [bool; 5],
    pub(super) conditions: [Vec<String>; 5],
    /// Its place in the [`ProvisionCells`] (the rows read before it).
    pub(super) slot: u32,
}

pub(super) struct MemberRows {
    pub(super) rows: Vec<MemberRow>,
    pub(super) provisions: ProvisionCells,
}

/// The provision cells of every member row, trimmed, in one text: each row's cells in the
/// order of `names` (a row keeps a few hundred bytes of them, not its whole record).
pub(super) struct ProvisionCells {
    /// The provision columns, sorted by name.
    pub(super) names: Vec<String>,
    /// Their header indices, in `names` order.
    columns: Vec<usize>,
    text: String,
    /// Where each cell ends in `text`, row after row.
    ends: Vec<u32>,
}

impl ProvisionCells {
    /// The value of provision `k` (of `names`) in `row`.
    pub(super) fn get(&self, row: &MemberRow, k: usize) -> &str {
        let at = row.slot as usize * self.names.len() + k;
        let start = match at {
            0 => 0,
            _ => self.ends[at - 1] as usize,
        };
        &self.text[start..self.ends[at] as usize]
    }

    /// Appends the provision cells of `record`, returning the row's slot. (Offsets fit in
    /// `u32`: the file is at most [`MAX_ATOP_BYTES`](super::MAX_ATOP_BYTES).)
    fn push(&mut self, record: &csv::StringRecord) -> u32 {
        let slot = self.ends.len() / self.names.len().max(1);
        for &c in &self.columns {
            self.text.push_str(record.get(c).unwrap_or("").trim_ascii());
            self.ends.push(self.text.len() as u32);
        }
        slot as u32
    }
}

pub(super) fn read_members(reader: Box<dyn Read>, report: &mut Report) -> Result<MemberRows> {
    let mut reader = csv::ReaderBuilder::new().from_reader(LineCounter::new(reader));
    let (names, columns) = read_header(&mut reader)?;
    for col in REQUIRED {
        if !columns.contains_key(*col) {
            return Err(header_error(
                col,
                format!("missing column `{col}` in the ATOP member file"),
            ));
        }
    }
    let structural: BTreeSet<&str> = REQUIRED
        .iter()
        .chain(MEMBER_CONSUMED)
        .copied()
        .chain(CONDITIONS.iter().map(|c| c.0))
        .collect();
    // Sorted, so that each treaty's attribute list is built already in its map's order.
    let mut provision_names: Vec<String> = names
        .iter()
        .filter(|n| !structural.contains(n.as_str()) && !MEMBER_IGNORED.contains(&n.as_str()))
        .cloned()
        .collect();
    provision_names.sort();
    let mut provisions = ProvisionCells {
        columns: provision_names.iter().map(|n| columns[n]).collect(),
        names: provision_names,
        text: String::new(),
        ends: Vec::new(),
    };
    let ignored: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| MEMBER_IGNORED.contains(n))
        .collect();

    let col = |name| Col::new(&columns, name);
    let (atopid_col, member_col, phase_col) = (col("atopid"), col("member"), col("phase"));
    let entry_cols = [col("yrent"), col("moent"), col("dayent")];
    let exit_cols = [col("yrexit"), col("moexit"), col("dayexit")];
    let (ineffect_col, version_col) = (col("ineffect"), col("version"));
    let obligation_cols = OBLIGATIONS.map(|(name, _)| col(name));
    let condition_cols: Vec<(Col, usize, &str)> = CONDITIONS
        .iter()
        .map(|&(name, k, meaning)| (col(name), k, meaning))
        .filter(|(c, ..)| c.present())
        .collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 0;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(&reader, e, row + 1))?;
        if !more {
            break;
        }
        row += 1;
        let cells = Cells {
            record: &record,
            row,
            last_line: last_line(&reader),
        };
        let atopid: u32 = cells.int(atopid_col, "an ATOP alliance id")?;
        let member: u16 = cells.int(member_col, "a COW country code")?;
        if crosswalk().by_cow(member).is_none() {
            return Err(cells.error(
                "member",
                format!("unknown country code {member}: not a COW country code in the crosswalk"),
            ));
        }
        let phase: u16 = cells.int(phase_col, "a phase number")?;
        let entry = cells.date(entry_cols)?;
        let yrexit: i32 = cells.int(exit_cols[0], "a year (0 = still in force)")?;
        let exit = if yrexit == 0 {
            None
        } else {
            Some(cells.date(exit_cols)?)
        };
        if let Some(x) = exit {
            if x.latest() < entry.earliest() {
                return Err(cells.error("yrexit", format!("exit {x} is before entry {entry}")));
            }
        }
        if let Some(ineffect) = cells.opt_int::<i64>(ineffect_col, "0 or 1")? {
            let consistent = (ineffect == 1) == exit.is_none();
            if !(0..=1).contains(&ineffect) {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row,
                    field: Some("ineffect".into()),
                    reason: format!(
                        "ineffect={ineffect} is not a code of ATOP's codebook (0 or 1); the dates were used"
                    ),
                });
            } else if !consistent {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row,
                    field: Some("ineffect".into()),
                    reason: format!(
                        "ineffect={ineffect} disagrees with yrexit={yrexit}; the dates were used"
                    ),
                });
            }
        }
        let mut obligations = [false; 5];
        for (k, &c) in obligation_cols.iter().enumerate() {
            obligations[k] = cells.flag(c)?;
        }
        let mut conditions: [Vec<String>; 5] = Default::default();
        for &(c, k, meaning) in &condition_cols {
            if !cells.flag(c)? {
                continue;
            }
            let col = c.name;
            if obligations[k] {
                conditions[k].push(format!("{}: {meaning} ({col}=1)", OBLIGATION_WORDS[k]));
            } else {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row,
                    field: Some(col.to_string()),
                    reason: format!(
                        "a condition on {} ({col}=1), which this row does not code as an obligation ({}=0); not imported",
                        OBLIGATION_WORDS[k], OBLIGATIONS[k].0
                    ),
                });
            }
        }
        if let Some(v) = cells.raw(version_col) {
            if v != "5.1" {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row,
                    field: Some("version".into()),
                    reason: format!("version {v:?}: this importer is written for ATOP 5.1 and labels the data 5.1"),
                });
            }
        }
        rows.push(MemberRow {
            row,
            atopid,
            member,
            entry,
            exit,
            phase,
            obligations,
            conditions,
            slot: provisions.push(&record),
        });
    }
    report.rows_read = rows.len();
    // A row repeated whole (the same alliance, member, phase and dates) is reported and read
    // once: kept twice, it would double the member's obligations.
    let mut seen: FastMap<(u32, u16, u16, PartialDate, Option<PartialDate>), u64> =
        FastMap::default();
    rows.retain(
        |r| match seen.get(&(r.atopid, r.member, r.phase, r.entry, r.exit)) {
            Some(first) => {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row: r.row,
                    field: None,
                    reason: format!(
                        "repeats row {first} (ATOP {}, member {}, phase {}); read once",
                        r.atopid, r.member, r.phase
                    ),
                });
                false
            }
            None => {
                seen.insert((r.atopid, r.member, r.phase, r.entry, r.exit), r.row);
                true
            }
        },
    );
    // Every row has a cell in each ignored column: counted once, not a map entry per cell.
    if row > 0 {
        for col in &ignored {
            *report.ignored_columns.entry(col.to_string()).or_default() += row as usize;
        }
    }
    if rows.is_empty() {
        report.issues.push(RowIssue {
            file: AtopFile::Members,
            row: 0,
            field: None,
            reason: "the file has no data rows: nothing was imported".into(),
        });
    }
    Ok(MemberRows { rows, provisions })
}

// ---------------------------------------------------------------------------------------------
// The alliance file

#[derive(Debug)]
pub(super) struct AllianceRow {
    pub(super) row: u64,
    pub(super) begin: Option<PartialDate>,
    pub(super) end: Option<PartialDate>,
    pub(super) members: BTreeSet<u16>,
    pub(super) provisions: Vec<(String, String)>,
}

pub(super) fn read_alliances(
    reader: Box<dyn Read>,
    report: &mut Report,
) -> Result<BTreeMap<u32, AllianceRow>> {
    let mut reader = csv::ReaderBuilder::new().from_reader(LineCounter::new(reader));
    let (names, columns) = read_header(&mut reader)?;
    if !columns.contains_key("atopid") {
        return Err(header_error(
            "atopid",
            "missing column `atopid` in the ATOP alliance file".into(),
        ));
    }
    let is_mem = |n: &str| {
        n.strip_prefix("mem")
            .is_some_and(|d| d.parse::<u32>().is_ok())
    };
    let mem_cols: Vec<Col> = names
        .iter()
        .filter(|n| is_mem(n))
        .map(|n| Col::new(&columns, n))
        .collect();
    let provision_cols: Vec<(String, usize)> = names
        .iter()
        .filter(|n| {
            !is_mem(n)
                && !ALLIANCE_CONSUMED.contains(&n.as_str())
                && !ALLIANCE_IGNORED.contains(&n.as_str())
        })
        .map(|n| (n.clone(), columns[n]))
        .collect();
    let ignored: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| ALLIANCE_IGNORED.contains(n))
        .collect();
    let col = |name| Col::new(&columns, name);
    let atopid_col = col("atopid");
    let begin_cols = [col("begyr"), col("begmo"), col("begday")];
    let end_cols = [col("endyr"), col("endmo"), col("endday")];
    let mut out = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 0;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(&reader, e, row + 1))?;
        if !more {
            break;
        }
        row += 1;
        report.alliance_rows_read += 1;
        let cells = Cells {
            record: &record,
            row,
            last_line: last_line(&reader),
        };
        let atopid: u32 = cells.int(atopid_col, "an ATOP alliance id")?;
        let begin = if begin_cols[0].present() {
            Some(cells.date(begin_cols)?)
        } else {
            None
        };
        let end = match cells.opt_int::<i32>(end_cols[0], "a year (0 = still in force)")? {
            None | Some(0) => None,
            Some(_) => Some(cells.date(end_cols)?),
        };
        let mut members = BTreeSet::new();
        for &c in &mem_cols {
            if let Some(code) = cells.opt_int::<u16>(c, "a COW country code")? {
                if code != 0 {
                    members.insert(code);
                }
            }
        }
        let provisions = provision_cols
            .iter()
            .map(|(n, i)| (n.clone(), record.get(*i).unwrap_or("").trim().to_string()))
            .collect();
        for col in &ignored {
            *report
                .ignored_alliance_columns
                .entry(col.to_string())
                .or_default() += 1;
        }
        if out.contains_key(&atopid) {
            report.issues.push(RowIssue {
                file: AtopFile::Alliances,
                row,
                field: Some("atopid".into()),
                reason: format!("alliance {atopid} appears again; this row is not used"),
            });
            continue;
        }
        out.insert(
            atopid,
            AllianceRow {
                row,
                begin,
                end,
                members,
                provisions,
            },
        );
    }
    Ok(out)
}

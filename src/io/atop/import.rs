//! Reading ATOP's member file (and optionally its alliance file) into a graph. (About 1,100
//! lines: the member format, its 105 columns, conditions and every row problem reported.)

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::crosswalk::crosswalk;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::io::Document;
use crate::model::{
    Country, CountryId, Coverage, Obligation, Party, Source, SourceId, Treaty, TreatyId,
    TreatyKind, TreatyObligation,
};
use crate::util::FastMap;
use crate::{AllianceGraph, GraphBuilder, PartialDate};

/// The id of the source every imported record cites.
pub const SOURCE_ID: &str = "atop-5.1";

/// The last year ATOP 5.1 covers; `yrexit == 0` means "still in force" at its end.
pub const LAST_YEAR: i32 = 2018;

/// The first year ATOP 5.1 covers.
pub const FIRST_YEAR: i32 = 1815;

/// The citation the ATOP project asks for, with the version.
pub const CITATION: &str = "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260. Version 5.1. Codebook: Leeds, Brett Ashley. 2022. Alliance Treaty Obligations and Provisions (ATOP) Codebook, dated 9 August 2022, distributed with version 5.1.";

/// The source record for ATOP 5.1, with its citation and its coverage, 1815 to 2018.
///
/// ```
/// let s = alliance_graph::io::atop::source();
/// assert_eq!(s.id.as_str(), "atop-5.1");
/// assert_eq!(s.coverage.unwrap().to.to_string(), "2018");
/// ```
pub fn source() -> Source {
    Source {
        id: SourceId::new(SOURCE_ID).expect("a valid slug"),
        title: "Alliance Treaty Obligations and Provisions (ATOP), version 5.1".into(),
        publisher: Some("ATOP project, Rice University".into()),
        url: Some("http://www.atopdata.org".into()),
        date: PartialDate::year(2022).ok(),
        note: Some(CITATION.into()),
        coverage: Some(Coverage {
            from: PartialDate::year(FIRST_YEAR).expect("a valid year"),
            to: PartialDate::year(LAST_YEAR).expect("a valid year"),
        }),
    }
}

/// Which ATOP file a report line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AtopFile {
    /// The member file, `atop5_1m.csv`.
    Members,
    /// The alliance file, `atop5_1a.csv`.
    Alliances,
}

impl fmt::Display for AtopFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AtopFile::Members => "member file",
            AtopFile::Alliances => "alliance file",
        })
    }
}

/// A row, or a field of a row, that the importer could not use (or used only in part), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// The file.
    pub file: AtopFile,
    /// 1-based data row (the header is not counted).
    pub row: u64,
    /// The column, when one field is concerned.
    pub field: Option<String>,
    /// What was not used, and why.
    pub reason: String,
}

impl fmt::Display for RowIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} row {}", self.file, self.row)?;
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What an import read, built and left out. Nothing is dropped silently: every unused row or
/// field is in [`issues`](Report::issues), every column not imported is counted in
/// [`ignored_columns`](Report::ignored_columns).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Data rows read from the member file.
    pub rows_read: usize,
    /// Data rows read from the alliance file (0 when it was not given).
    pub alliance_rows_read: usize,
    /// Distinct ATOP alliances (atopids) in the member file.
    pub alliances: usize,
    /// Distinct member codes in the member file.
    pub members: usize,
    /// Treaties built.
    pub treaties: usize,
    /// Countries built.
    pub countries: usize,
    /// Obligations built (one per member row and obligation coded 1).
    pub obligations: usize,
    /// Every row or field not used, or used only in part, with its row number and the reason.
    pub issues: Vec<RowIssue>,
    /// Member-file columns whose values are not imported, with the number of cells skipped.
    pub ignored_columns: BTreeMap<String, usize>,
    /// Alliance-file columns whose values are not imported, with the number of cells skipped.
    pub ignored_alliance_columns: BTreeMap<String, usize>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {} member rows ({} alliances, {} members)",
            self.rows_read, self.alliances, self.members
        )?;
        if self.alliance_rows_read > 0 {
            write!(f, " and {} alliance rows", self.alliance_rows_read)?;
        }
        write!(
            f,
            "; built {} treaties, {} countries, {} obligations; {} issues",
            self.treaties,
            self.countries,
            self.obligations,
            self.issues.len()
        )?;
        for (what, map) in [
            ("member", &self.ignored_columns),
            ("alliance", &self.ignored_alliance_columns),
        ] {
            if !map.is_empty() {
                let cols: Vec<String> = map.iter().map(|(k, v)| format!("{k} ({v})")).collect();
                write!(f, "; {what} columns not imported: {}", cols.join(", "))?;
            }
        }
        Ok(())
    }
}

/// The result of an import: the validated graph and the report.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The graph: one treaty per alliance, one country per member code, the ATOP source.
    pub graph: AllianceGraph,
    /// What was read and what could not be used.
    pub report: Report,
}

enum Input {
    Path(PathBuf),
    Reader(Box<dyn Read>),
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Path(p) => write!(f, "Path({})", p.display()),
            Input::Reader(_) => f.write_str("Reader"),
        }
    }
}

impl Input {
    fn open(self) -> Result<(Box<dyn Read>, Option<PathBuf>)> {
        match self {
            // A reader stops with an error past the limit; a file over it is refused unread.
            Input::Reader(r) => Ok((Box::new(Limited { inner: r, read: 0 }), None)),
            Input::Path(p) => {
                let (file, len) = crate::io::open_input(&p)?;
                if len > MAX_ATOP_BYTES {
                    return Err(too_large(Some(p)));
                }
                Ok((
                    Box::new(Limited {
                        inner: Box::new(std::io::BufReader::new(file)),
                        read: 0,
                    }),
                    Some(p),
                ))
            }
        }
    }
}

/// The largest ATOP file the importer reads: 64 MiB, a hundred times ATOP 5.1's member file
/// (0.57 MB). The import holds about 30 bytes of records per byte of file, so the bound keeps a
/// hostile file from exhausting the memory.
pub const MAX_ATOP_BYTES: u64 = 64 * 1024 * 1024;

fn too_large(path: Option<PathBuf>) -> Error {
    Error::from(ErrorKind::TooLarge {
        location: crate::Location::file(path),
        what: "ATOP file".into(),
        limit: MAX_ATOP_BYTES,
    })
}

/// A reader that fails once more than [`MAX_ATOP_BYTES`] have come through.
struct Limited {
    inner: Box<dyn Read>,
    read: u64,
}

impl Read for Limited {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > MAX_ATOP_BYTES {
            return Err(std::io::Error::other(format!(
                "the input is larger than the importer's limit of {MAX_ATOP_BYTES} bytes"
            )));
        }
        Ok(n)
    }
}

/// An ATOP import: the member file (required) and the alliance file (optional).
///
/// ```no_run
/// use alliance_graph::io::atop::AtopImport;
///
/// let imported = AtopImport::new()
///     .members("atop5_1m.csv")
///     .alliances("atop5_1a.csv")
///     .import()?;
/// println!("{}", imported.report);
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct AtopImport {
    members: Option<Input>,
    alliances: Option<Input>,
}

impl AtopImport {
    /// An import with no file set yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The member file (`atop5_1m.csv`) to read.
    pub fn members(mut self, path: impl AsRef<Path>) -> Self {
        self.members = Some(Input::Path(path.as_ref().to_path_buf()));
        self
    }

    /// The member file's contents, from a reader.
    pub fn members_reader(mut self, reader: impl Read + 'static) -> Self {
        self.members = Some(Input::Reader(Box::new(reader)));
        self
    }

    /// The alliance file (`atop5_1a.csv`) to read as well: its alliance-level provisions become
    /// treaty attributes, and its dates and member lists are checked against the member file.
    pub fn alliances(mut self, path: impl AsRef<Path>) -> Self {
        self.alliances = Some(Input::Path(path.as_ref().to_path_buf()));
        self
    }

    /// The alliance file's contents, from a reader.
    pub fn alliances_reader(mut self, reader: impl Read + 'static) -> Self {
        self.alliances = Some(Input::Reader(Box::new(reader)));
        self
    }

    /// Reads the files and builds the graph.
    ///
    /// Malformed input (a missing column, a non-numeric code, an invalid or reversed date, an
    /// unknown country code, a row with the wrong number of fields) is an
    /// [`ErrorKind::Parse`] whose [`Location`] names the file, the 1-based data row and the column.
    pub fn import(self) -> Result<Imported> {
        let members = self.members.ok_or_else(|| {
            Error::from(ErrorKind::Parse {
                location: Box::default(),
                message: "no ATOP member file given (AtopImport::members)".into(),
            })
        })?;
        let (reader, path) = members.open()?;
        let mut report = Report::default();
        let rows = read_members(reader, &mut report).map_err(|e| attach(e, &path))?;
        let alliance_rows = match self.alliances {
            Some(input) => {
                let (reader, apath) = input.open()?;
                Some(read_alliances(reader, &mut report).map_err(|e| attach(e, &apath))?)
            }
            None => None,
        };
        let doc = build_document(rows, alliance_rows, &mut report);
        let graph = GraphBuilder::from_document(doc)
            .build()
            .map_err(|e| attach(e, &path))?;
        Ok(Imported { graph, report })
    }
}

fn attach(e: Error, path: &Option<PathBuf>) -> Error {
    match path {
        Some(p) => e.with_path(p),
        None => e,
    }
}

/// Imports the member file at `path`; see [`AtopImport`] to add the alliance file.
pub fn import_members(path: impl AsRef<Path>) -> Result<Imported> {
    AtopImport::new().members(path).import()
}

/// Imports a member file from a reader.
///
/// ```
/// use alliance_graph::io::atop;
///
/// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
///            3375,2,1960,1,19,0,0,0,0,1,0,0,1,1\n\
///            3375,740,1960,1,19,0,0,0,0,0,0,0,1,1\n";
/// let imported = atop::from_reader(csv.as_bytes())?;
/// let view = imported.graph.as_of("1990".parse()?);
/// assert_eq!(view.defenders_of("JPN")?[0].country.as_str(), "USA");
/// assert!(view.defenders_of("USA")?.is_empty());
/// assert_eq!(imported.report.rows_read, 2);
/// # Ok::<(), alliance_graph::Error>(())
/// ```
pub fn from_reader(reader: impl Read + 'static) -> Result<Imported> {
    AtopImport::new().members_reader(reader).import()
}

// ---------------------------------------------------------------------------------------------
// Columns

/// Member-file columns the importer needs.
const REQUIRED: &[&str] = &[
    "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase",
    "defense", "offense", "neutral", "nonagg", "consul",
];

/// The five obligation columns, in [`Obligation`] order.
const OBLIGATIONS: [(&str, Obligation); 5] = [
    ("defense", Obligation::Defense),
    ("offense", Obligation::Offense),
    ("neutral", Obligation::Neutrality),
    ("nonagg", Obligation::NonAggression),
    ("consul", Obligation::Consultation),
];

/// Condition columns: (column, obligation index, what it means).
const CONDITIONS: &[(&str, usize, &str)] = &[
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
const MEMBER_CONSUMED: &[&str] = &["ineffect"];

/// Columns not imported at all: derivable from what is imported.
const MEMBER_IGNORED: &[&str] = &["maxphase", "version"];

/// Alliance-file columns used for structure or checks.
const ALLIANCE_CONSUMED: &[&str] = &[
    "atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday",
];

/// Alliance-file columns not imported.
const ALLIANCE_IGNORED: &[&str] = &["maxphase", "version"];

const OBLIGATION_WORDS: [&str; 5] = [
    "defense",
    "offense",
    "neutrality",
    "non-aggression",
    "consultation",
];

// ---------------------------------------------------------------------------------------------
// Parsing helpers

struct Cells<'a> {
    record: &'a csv::StringRecord,
    columns: &'a FastMap<String, usize>,
    row: u64,
    line: Option<u64>,
}

impl Cells<'_> {
    fn error(&self, field: &str, message: String) -> Error {
        Error::from(ErrorKind::Parse {
            location: Box::new(Location {
                line: self.line,
                record: Some(self.row),
                field: Some(field.to_string()),
                ..Location::default()
            }),
            message,
        })
    }

    fn raw(&self, field: &str) -> Option<&str> {
        self.columns
            .get(field)
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
    }

    /// A required integer; an empty cell or missing column is an error.
    fn int<T: std::str::FromStr>(&self, field: &str, what: &str) -> Result<T> {
        match self.opt_int(field, what)? {
            Some(v) => Ok(v),
            None => Err(self.error(field, format!("empty cell; expected {what}"))),
        }
    }

    /// An optional integer: an empty cell or missing column is `None`.
    fn opt_int<T: std::str::FromStr>(&self, field: &str, what: &str) -> Result<Option<T>> {
        match self.raw(field) {
            None | Some("") => Ok(None),
            Some(s) => s
                .parse()
                .map(Some)
                .map_err(|_| self.error(field, format!("{s:?} is not {what}"))),
        }
    }

    /// A 0/1 flag; empty counts as 0.
    fn flag(&self, field: &str) -> Result<bool> {
        match self.opt_int::<i64>(field, "0 or 1")? {
            None | Some(0) => Ok(false),
            Some(1) => Ok(true),
            Some(v) => Err(self.error(field, format!("{v} is not 0 or 1"))),
        }
    }

    /// A date from year, month and day columns; month 0 gives year precision, an empty or 0
    /// day month precision.
    fn date(&self, year: &str, month: &str, day: &str) -> Result<PartialDate> {
        let y: i32 = self.int(year, "a year")?;
        let m: u8 = self.opt_int(month, "a month (0-12)")?.unwrap_or(0);
        let d: u8 = self.opt_int(day, "a day (1-31)")?.unwrap_or(0);
        if !(1000..=9999).contains(&y) {
            return Err(self.error(year, format!("year {y} is out of range")));
        }
        if m > 12 {
            return Err(self.error(month, format!("month {m} is not between 0 and 12")));
        }
        let (m, d) = match (m, d) {
            (0, 0) => (None, None),
            (0, _) => return Err(self.error(day, format!("day {d} is given without a month"))),
            (m, 0) => (Some(m), None),
            (m, d) => (Some(m), Some(d)),
        };
        PartialDate::new(y, m, d).map_err(|e| self.error(day, e.to_string()))
    }
}

fn header_error(field: &str, message: String) -> Error {
    Error::from(ErrorKind::Parse {
        location: Box::new(Location {
            line: Some(1),
            field: Some(field.to_string()),
            ..Location::default()
        }),
        message,
    })
}

/// The file line of a data row: the header is line 1 and ATOP rows never span lines. (The csv
/// crate's own record positions read one line short once the header has been read.)
fn csv_error(e: csv::Error, row: u64) -> Error {
    let line = Some(row + 1);
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

fn read_header(
    reader: &mut csv::Reader<Box<dyn Read>>,
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
struct MemberRow {
    row: u64,
    atopid: u32,
    member: u16,
    entry: PartialDate,
    exit: Option<PartialDate>,
    phase: u16,
    obligations: [bool; 5],
    conditions: [Vec<String>; 5],
    /// The whole row as read (one buffer), for the provision columns.
    record: csv::StringRecord,
}

impl MemberRow {
    /// The raw value of the provision column at `column` (a header index).
    fn provision(&self, column: usize) -> &str {
        self.record.get(column).unwrap_or("").trim()
    }
}

struct MemberRows {
    rows: Vec<MemberRow>,
    provision_names: Vec<String>,
    /// The header index of each provision column, in `provision_names` order.
    provision_idx: Vec<usize>,
}

fn read_members(reader: Box<dyn Read>, report: &mut Report) -> Result<MemberRows> {
    let mut reader = csv::ReaderBuilder::new().from_reader(reader);
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
    let provision_idx: Vec<usize> = provision_names.iter().map(|n| columns[n]).collect();
    let ignored: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| MEMBER_IGNORED.contains(n))
        .collect();

    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 0;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(e, row + 1))?;
        if !more {
            break;
        }
        row += 1;
        let cells = Cells {
            record: &record,
            columns: &columns,
            row,
            line: Some(row + 1),
        };
        let atopid: u32 = cells.int("atopid", "an ATOP alliance id")?;
        let member: u16 = cells.int("member", "a COW country code")?;
        if crosswalk().by_cow(member).is_none() {
            return Err(cells.error(
                "member",
                format!("unknown country code {member}: not a COW country code in the crosswalk"),
            ));
        }
        let phase: u16 = cells.int("phase", "a phase number")?;
        let entry = cells.date("yrent", "moent", "dayent")?;
        let yrexit: i32 = cells.int("yrexit", "a year (0 = still in force)")?;
        let exit = if yrexit == 0 {
            None
        } else {
            Some(cells.date("yrexit", "moexit", "dayexit")?)
        };
        if let Some(x) = exit {
            if x.latest() < entry.earliest() {
                return Err(cells.error("yrexit", format!("exit {x} is before entry {entry}")));
            }
        }
        if let Some(ineffect) = cells.opt_int::<i64>("ineffect", "0 or 1")? {
            let consistent = (ineffect == 1) == exit.is_none();
            if !consistent {
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
        for (k, (col, _)) in OBLIGATIONS.iter().enumerate() {
            obligations[k] = cells.flag(col)?;
        }
        let mut conditions: [Vec<String>; 5] = Default::default();
        for &(col, k, meaning) in CONDITIONS {
            if !columns.contains_key(col) || !cells.flag(col)? {
                continue;
            }
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
        for col in &ignored {
            *report.ignored_columns.entry(col.to_string()).or_default() += 1;
        }
        if let Some(v) = cells.raw("version") {
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
            record: record.clone(),
        });
    }
    report.rows_read = rows.len();
    Ok(MemberRows {
        rows,
        provision_names,
        provision_idx,
    })
}

// ---------------------------------------------------------------------------------------------
// The alliance file

#[derive(Debug)]
struct AllianceRow {
    row: u64,
    begin: Option<PartialDate>,
    end: Option<PartialDate>,
    members: BTreeSet<u16>,
    provisions: Vec<(String, String)>,
}

fn read_alliances(
    reader: Box<dyn Read>,
    report: &mut Report,
) -> Result<BTreeMap<u32, AllianceRow>> {
    let mut reader = csv::ReaderBuilder::new().from_reader(reader);
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
    let mem_cols: Vec<(String, usize)> = names
        .iter()
        .filter(|n| is_mem(n))
        .map(|n| (n.clone(), columns[n]))
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
    let mut out = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 0;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(e, row + 1))?;
        if !more {
            break;
        }
        row += 1;
        report.alliance_rows_read += 1;
        let cells = Cells {
            record: &record,
            columns: &columns,
            row,
            line: Some(row + 1),
        };
        let atopid: u32 = cells.int("atopid", "an ATOP alliance id")?;
        let begin = if columns.contains_key("begyr") {
            Some(cells.date("begyr", "begmo", "begday")?)
        } else {
            None
        };
        let end = match cells.opt_int::<i32>("endyr", "a year (0 = still in force)")? {
            None | Some(0) => None,
            Some(_) => Some(cells.date("endyr", "endmo", "endday")?),
        };
        let mut members = BTreeSet::new();
        for (col, _) in &mem_cols {
            if let Some(code) = cells.opt_int::<u16>(col, "a COW country code")? {
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

// ---------------------------------------------------------------------------------------------
// Building the document

fn build_document(
    data: MemberRows,
    mut alliances: Option<BTreeMap<u32, AllianceRow>>,
    report: &mut Report,
) -> Document {
    let source_id = SourceId::new(SOURCE_ID).expect("a valid slug");
    let mut by_alliance: BTreeMap<u32, Vec<&MemberRow>> = BTreeMap::new();
    for r in &data.rows {
        by_alliance.entry(r.atopid).or_default().push(r);
    }
    report.alliances = by_alliance.len();
    let codes: BTreeSet<u16> = data.rows.iter().map(|r| r.member).collect();
    report.members = codes.len();

    let mut treaties = Vec::new();
    let mut used_codes = BTreeSet::new();
    for (&atopid, rows) in &by_alliance {
        let alliance_row = alliances.as_mut().and_then(|a| a.remove(&atopid));
        let distinct: BTreeSet<u16> = rows.iter().map(|r| r.member).collect();
        if distinct.len() < 2 {
            for r in rows {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row: r.row,
                    field: Some("member".into()),
                    reason: format!(
                        "alliance {atopid} has only one member; a treaty needs two, so it is not imported"
                    ),
                });
            }
            continue;
        }
        if let Some(a) = &alliance_row {
            check_alliance_row(atopid, a, rows, &distinct, report);
        } else if alliances.is_some() {
            report.issues.push(RowIssue {
                file: AtopFile::Members,
                row: rows[0].row,
                field: Some("atopid".into()),
                reason: format!(
                    "alliance {atopid} has no row in the alliance file; its member rows are imported"
                ),
            });
        }
        let treaty = build_treaty(
            atopid,
            rows,
            (&data.provision_names, &data.provision_idx),
            alliance_row.as_ref(),
            &source_id,
        );
        report.obligations += treaty.obligations.len();
        used_codes.extend(distinct);
        treaties.push(treaty);
    }
    for (atopid, a) in alliances.into_iter().flatten() {
        report.issues.push(RowIssue {
            file: AtopFile::Alliances,
            row: a.row,
            field: Some("atopid".into()),
            reason: format!("alliance {atopid} has no member rows; not imported"),
        });
    }
    let countries: Vec<Country> = used_codes
        .iter()
        .filter_map(|&code| crosswalk().by_cow(code))
        .map(|e| {
            let mut note = e.note.clone();
            if !e.is_cow_code() {
                let extra = "ATOP's published state-year table (atop5_1sy.csv) omits this member; io::atop::TableOptions::keep_non_cow keeps it.";
                note = Some(match note {
                    Some(n) => format!("{n}. {extra}"),
                    None => extra.to_string(),
                });
            }
            Country {
                id: e.iso3,
                name: e.name.clone(),
                aliases: Vec::new(),
                cow_code: Some(e.ccode),
                nuclear_armed: None,
                statehood: Vec::new(),
                note,
            }
        })
        .collect();
    report.treaties = treaties.len();
    report.countries = countries.len();
    Document {
        name: Some("atop-5.1".into()),
        title: Some("ATOP 5.1, imported from the member file".into()),
        description: Some(format!(
            "Every ATOP 5.1 alliance as a treaty, with member-level dates, phases, obligations and conditions. {CITATION}"
        )),
        sources: vec![source()],
        countries,
        treaties,
        ..Document::default()
    }
}

fn country_of(code: u16) -> CountryId {
    // Every code was checked against the crosswalk when its row was read.
    crosswalk()
        .by_cow(code)
        .map(|e| e.iso3)
        .expect("checked when read")
}

/// Merges a member's rows into spells: rows that touch or overlap (phases) become one spell,
/// rows separated by a gap (a re-entry) stay separate.
fn spells(rows: &[&MemberRow]) -> Vec<(PartialDate, Option<PartialDate>)> {
    let mut sorted: Vec<&&MemberRow> = rows.iter().collect();
    sorted.sort_by_key(|r| (r.entry.earliest(), r.row));
    let mut out: Vec<(PartialDate, Option<PartialDate>)> = Vec::new();
    for r in sorted {
        if let Some(last) = out.last_mut() {
            let touches = last.1.is_none_or(|end| r.entry.earliest() <= end.latest());
            if touches {
                last.1 = match (last.1, r.exit) {
                    (Some(a), Some(b)) => Some(if b.latest() > a.latest() { b } else { a }),
                    _ => None,
                };
                continue;
            }
        }
        out.push((r.entry, r.exit));
    }
    out
}

fn build_treaty(
    atopid: u32,
    rows: &[&MemberRow],
    (provision_names, provision_idx): (&[String], &[usize]),
    alliance_row: Option<&AllianceRow>,
    source_id: &SourceId,
) -> Treaty {
    let mut by_member: BTreeMap<u16, Vec<&MemberRow>> = BTreeMap::new();
    for r in rows {
        by_member.entry(r.member).or_default().push(r);
    }
    let mut parties = Vec::new();
    for (&code, member_rows) in &by_member {
        for (joined, left) in spells(member_rows) {
            parties.push(Party::Spell {
                country: country_of(code),
                joined: Some(joined),
                left,
            });
        }
    }
    let mut obligations = Vec::new();
    for r in rows {
        for (k, (_, kind)) in OBLIGATIONS.iter().enumerate() {
            if r.obligations[k] {
                obligations.push(TreatyObligation {
                    kind: *kind,
                    by: Some(vec![country_of(r.member)]),
                    to: None,
                    conditions: r.conditions[k].clone(),
                    clause: None,
                    against: None,
                    from: Some(r.entry),
                    until: r.exit,
                    phase: (r.phase > 0).then_some(r.phase),
                });
            }
        }
    }
    let signed = rows.iter().map(|r| r.entry).min_by_key(|d| d.earliest());
    let ended = if rows.iter().any(|r| r.exit.is_none()) {
        None
    } else {
        rows.iter()
            .filter_map(|r| r.exit)
            .max_by_key(|d| d.latest())
    };
    let kind = if obligations.is_empty() {
        TreatyKind::Other
    } else {
        TreatyKind::Alliance
    };

    // Provisions: the alliance-level value under the column name; per-member values, when
    // the member rows differ, under `<column>.by-member`.
    let mut attributes = Vec::with_capacity(provision_names.len());
    let multi: BTreeSet<u16> = by_member
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| *k)
        .collect();
    for (i, name) in provision_names.iter().enumerate() {
        let column = provision_idx[i];
        // Most provisions are alike for every member row: compare with the first instead of
        // collecting a set per column.
        let first = rows.first().map_or("", |r| r.provision(column));
        if rows.iter().all(|r| r.provision(column) == first) {
            attributes.push((name.clone(), first.to_string()));
        } else {
            let mut listed: Vec<(u16, crate::Day, String)> = rows
                .iter()
                .map(|r| {
                    let who = if multi.contains(&r.member) {
                        format!("{}/{}", r.member, r.entry)
                    } else {
                        r.member.to_string()
                    };
                    (
                        r.member,
                        r.entry.earliest(),
                        format!("{who}={}", r.provision(column)),
                    )
                })
                .collect();
            listed.sort();
            let text: Vec<String> = listed.into_iter().map(|x| x.2).collect();
            attributes.push((format!("{name}.by-member"), text.join("; ")));
        }
    }
    // Built in one go from a list: far cheaper than one insertion per provision.
    let mut attributes: BTreeMap<String, String> = attributes.into_iter().collect();
    if let Some(a) = alliance_row {
        for (name, value) in &a.provisions {
            if let Some(member_value) = attributes.get(name) {
                if member_value != value {
                    let v = member_value.clone();
                    attributes.insert(format!("{name}.by-member"), format!("all={v}"));
                }
            }
            attributes.insert(name.clone(), value.clone());
        }
    }
    Treaty {
        id: TreatyId::new(&format!("atop-{atopid}")).expect("a valid slug"),
        name: format!("ATOP alliance {atopid}"),
        kind,
        parties,
        obligations,
        signed,
        in_force: None,
        ended,
        atop_id: Some(atopid),
        not_in_force: false,
        attributes,
        sources: vec![source_id.clone()],
        corroborated_by: Vec::new(),
        contradicted_by: Vec::new(),
        note: Some(
            "Imported from ATOP 5.1, which gives no treaty name. Dates are ATOP's: signature dates, not entry into force; obligations are coded per member and phase."
                .into(),
        ),
    }
}

fn check_alliance_row(
    atopid: u32,
    a: &AllianceRow,
    rows: &[&MemberRow],
    members: &BTreeSet<u16>,
    report: &mut Report,
) {
    let first = rows.iter().map(|r| r.entry).min_by_key(|d| d.earliest());
    if let (Some(begin), Some(first)) = (a.begin, first) {
        if begin != first {
            report.issues.push(RowIssue {
                file: AtopFile::Alliances,
                row: a.row,
                field: Some("begyr".into()),
                reason: format!(
                    "alliance {atopid} begins {begin} here but the earliest member entry is {first}; the member dates were used"
                ),
            });
        }
    }
    let open = rows.iter().any(|r| r.exit.is_none());
    let last = rows
        .iter()
        .filter_map(|r| r.exit)
        .max_by_key(|d| d.latest());
    let member_end = if open { None } else { last };
    if a.end != member_end {
        let show =
            |d: Option<PartialDate>| d.map_or("none (in force)".to_string(), |d| d.to_string());
        report.issues.push(RowIssue {
            file: AtopFile::Alliances,
            row: a.row,
            field: Some("endyr".into()),
            reason: format!(
                "alliance {atopid} ends {} here but {} by its member rows; the member dates were used",
                show(a.end),
                show(member_end)
            ),
        });
    }
    if !a.members.is_empty() && &a.members != members {
        let only_a: Vec<String> = a.members.difference(members).map(u16::to_string).collect();
        let only_m: Vec<String> = members.difference(&a.members).map(u16::to_string).collect();
        report.issues.push(RowIssue {
            file: AtopFile::Alliances,
            row: a.row,
            field: Some("mem1".into()),
            reason: format!(
                "alliance {atopid}: members listed only here [{}], only in the member file [{}]; the member file was used",
                only_a.join(", "),
                only_m.join(", ")
            ),
        });
    }
}

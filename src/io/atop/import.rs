//! Reading ATOP's member file (and optionally its alliance file) into a graph: the import's
//! public face (what it reports, the limits). The rows are read in `rows.rs` (the member
//! format, its 105 columns, conditions and every row problem reported) and made into the
//! crate's records in `document.rs`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::document::build_document;
use super::rows::{read_alliances, read_members};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Coverage, Source, SourceId};
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
    /// 1-based data row (the header is not counted); 0 for the file as a whole.
    pub row: u64,
    /// The column, when one field is concerned.
    pub field: Option<String>,
    /// What was not used, and why.
    pub reason: String,
}

impl fmt::Display for RowIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Row 0 is the file as a whole (no data rows, say).
        match self.row {
            0 => write!(f, "{}", self.file)?,
            row => write!(f, "{} row {row}", self.file)?,
        }
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
            "; built {} treaties, {} countries, {} obligations; {} issue{}",
            self.treaties,
            self.countries,
            self.obligations,
            self.issues.len(),
            if self.issues.len() == 1 { "" } else { "s" }
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
    /// [`ErrorKind::Parse`] whose [`Location`](crate::Location) names the file, the 1-based data row and the column.
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

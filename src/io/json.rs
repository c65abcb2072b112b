//! The JSON dataset format: load, save and check. See [the format](super#the-json-format-alliance-graph1).
//! (About 850 lines, one concern, the file format: the streaming reader of large files and its
//! bounds are most of it, then `check`'s record-by-record reading and the tests.)
//!
//! ```
//! use alliance_graph::io::json;
//!
//! let graph = alliance_graph::datasets::asian_nato();
//! let text = json::to_string(&graph)?;
//! assert_eq!(json::from_str(&text)?, graph);
//!
//! let err = json::from_str("{\n  \"format\": \"alliance-graph/1\",\n  \"countries\": [{\"id\": \"japan\"}]\n}").unwrap_err();
//! assert_eq!(err.location().unwrap().line, Some(3));
//! # Ok::<(), alliance_graph::Error>(())
//! ```

use std::io::{Read, Write};
use std::path::Path;

use super::Document;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::validate::{Issue, Record};
use crate::AllianceGraph;

/// Files larger than this are refused before reading, so a stray multi-gigabyte file cannot
/// exhaust memory: 512 MiB.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

fn parse_error(e: serde_json::Error) -> Error {
    Error::from(ErrorKind::Parse {
        location: Box::new(Location {
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
            ..Location::default()
        }),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
    })
}

/// Parses a document without validating how its records fit together.
pub fn document_from_str(text: &str) -> Result<Document> {
    // serde would read a top-level array as a struct's fields in order; say what is meant.
    let start = text.len() - text.trim_start().len();
    if text[start..].starts_with('[') {
        let before = &text[..start];
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        return Err(Error::from(ErrorKind::Parse {
            location: Box::new(Location { line: Some(line), column: Some(column), ..Location::default() }),
            message: "the top level must be a JSON object {\"format\": \"alliance-graph/1\", ...}, not an array".into(),
        }));
    }
    let _interning = crate::model::InternGuard::new();
    serde_json::from_str(text).map_err(parse_error)
}

/// Files at least this large are parsed as they are read, in a fixed-size buffer, instead of
/// being read whole first: memory then holds the records, not the text as well.
pub const STREAM_FROM_BYTES: u64 = 32 * 1024 * 1024;

/// Parses a document from a reader as it reads, checking UTF-8 and the size limit on the way.
fn document_from_stream(reader: impl Read) -> Result<Document> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::with_capacity(
        1 << 20,
        Checked {
            inner: reader.take(MAX_FILE_BYTES + 1),
            read: 0,
            carry: Vec::new(),
            bad_utf8: false,
            newlines: 0,
            column: 0,
        },
    );
    // The same clear message as `document_from_str` for a top-level array.
    let first = reader
        .fill_buf()
        .map(|head| head.iter().copied().find(|b| !b.is_ascii_whitespace()));
    match first {
        Ok(Some(b'[')) => {
            let head = reader.fill_buf().unwrap_or_default();
            let at = head.iter().position(|b| *b == b'[').unwrap_or(0);
            let text = String::from_utf8_lossy(&head[..=at]).into_owned();
            return document_from_str(&text);
        }
        Ok(_) => {}
        Err(_) if reader.get_ref().bad_utf8 => return Err(reader.get_ref().not_utf8()),
        Err(e) => {
            return Err(Error::from(ErrorKind::Io {
                location: crate::Location::file(None),
                source: e,
            }))
        }
    }
    let _interning = crate::model::InternGuard::new();
    let mut de = serde_json::Deserializer::from_reader(&mut reader);
    let doc = serde::Deserialize::deserialize(&mut de)
        .and_then(|d| de.end().map(|()| d))
        .map_err(|e| stream_error(e, reader.get_ref()))?;
    Ok(doc)
}

fn stream_error<R>(e: serde_json::Error, checked: &Checked<R>) -> Error {
    if checked.read > MAX_FILE_BYTES {
        return too_large();
    }
    if checked.bad_utf8 {
        // Where the bad byte is, not where serde_json stopped reading.
        return checked.not_utf8();
    }
    parse_error(e)
}

/// Reads a large document record by record: each record is parsed from an in-memory slice
/// (serde_json's fast path), and only a few megabytes of text are held at a time. Gives up
/// (`None`) on anything but a well-formed document with known, unrepeated fields.
struct Chunked<R> {
    reader: R,
    /// The text read and not consumed yet, checked as UTF-8 once as it is read, so the
    /// parser need not check each string again.
    text: String,
    /// Bytes read after `text` and not checked yet: the start of a character cut by the end
    /// of a read (checked with the next read), or bytes found not to be UTF-8.
    raw: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Chunked<R> {
    fn new(reader: R) -> Self {
        Chunked {
            reader,
            text: String::with_capacity(CHUNK),
            raw: Vec::with_capacity(CHUNK),
            pos: 0,
            eof: false,
        }
    }

    /// Reads more text, keeping what is not consumed yet; false at the end of the input.
    /// `None` on a read error or bytes that are not UTF-8.
    fn fill(&mut self) -> Option<bool> {
        if self.eof {
            return Some(false);
        }
        self.text.drain(..self.pos);
        self.pos = 0;
        let kept = self.raw.len();
        let want = CHUNK.max(self.text.len() * 2);
        self.raw.resize(kept + want, 0);
        let mut got = 0;
        while got < want {
            match self.reader.read(&mut self.raw[kept + got..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        self.raw.truncate(kept + got);
        // A character cut by the end of the read waits for the next one: the text is checked
        // up to its first byte only, in one pass of the standard (word-at-a-time) check.
        let end = if self.eof {
            self.raw.len()
        } else {
            cut_character_start(&self.raw)
        };
        self.text
            .push_str(std::str::from_utf8(&self.raw[..end]).ok()?);
        self.raw.drain(..end);
        Some(got > 0)
    }

    /// The next non-whitespace byte, not consumed.
    fn peek(&mut self) -> Option<u8> {
        loop {
            while let Some(b) = self.text.as_bytes().get(self.pos) {
                if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                    return Some(*b);
                }
                self.pos += 1;
            }
            if !self.fill()? {
                return None;
            }
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// One JSON value, parsed from the buffer.
    fn value<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        self.peek()?;
        loop {
            // Records end on ASCII, so `pos` is always between characters.
            let mut values =
                serde_json::Deserializer::from_str(self.text.get(self.pos..)?).into_iter::<T>();
            match values.next() {
                Some(Ok(v)) => {
                    self.pos += values.byte_offset();
                    return Some(v);
                }
                Some(Err(e)) if e.is_eof() => {
                    if !self.fill()? {
                        return None;
                    }
                }
                _ => return None,
            }
        }
    }

    /// A JSON array, element by element.
    fn array<T: serde::de::DeserializeOwned>(&mut self) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.expect(b'[')?;
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(out);
        }
        loop {
            out.push(self.value()?);
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(out);
                }
                _ => return None,
            }
        }
    }

    fn document(mut self) -> Option<Document> {
        let _interning = crate::model::InternGuard::new();
        let mut doc = Document::default();
        let mut seen: Vec<String> = Vec::new();
        self.expect(b'{')?;
        if self.peek()? != b'}' {
            loop {
                let key: String = self.value()?;
                if seen.contains(&key) {
                    return None;
                }
                self.expect(b':')?;
                match key.as_str() {
                    "format" => {
                        if self.value::<String>()? != super::FORMAT {
                            return None;
                        }
                    }
                    "name" => doc.name = self.value()?,
                    "title" => doc.title = self.value()?,
                    "description" => doc.description = self.value()?,
                    "sources" => doc.sources = self.array()?,
                    "countries" => doc.countries = self.array()?,
                    "groupings" => doc.groupings = self.array()?,
                    "memberships" => doc.memberships = self.array()?,
                    "treaties" => doc.treaties = self.array()?,
                    "stances" => doc.stances = self.array()?,
                    _ => return None,
                }
                seen.push(key);
                match self.peek()? {
                    b',' => self.pos += 1,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.pos += 1;
        // Nothing but white space may follow (not even bytes that are not UTF-8, which stay
        // in `raw`, or a failed read, which leaves `eof` unset), and `format` is required.
        let ended = self.peek().is_none() && self.eof && self.raw.is_empty();
        (ended && seen.iter().any(|k| k == "format")).then_some(doc)
    }
}

/// Where a character cut short by the end of `bytes` starts (`bytes.len()` if none is): the
/// last lead byte among the last four whose character needs more bytes than are left.
fn cut_character_start(bytes: &[u8]) -> usize {
    let len = bytes.len();
    for i in (len.saturating_sub(4)..len).rev() {
        let b = bytes[i];
        if b & 0xC0 == 0x80 {
            continue; // a continuation byte: the lead is further back
        }
        let needs = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if i + needs > len { i } else { len };
    }
    len
}

/// How much text the record-by-record reader holds at a time (it grows for a larger record).
const CHUNK: usize = 4 << 20;

/// A reader that counts the bytes read and checks that they are UTF-8, so that a streamed
/// parse reports the same problems as one over the whole text.
struct Checked<R> {
    inner: R,
    read: u64,
    /// The start of a character cut by the end of the last read.
    carry: Vec<u8>,
    bad_utf8: bool,
    /// Line feeds and characters since the last one, in the valid text passed through: the
    /// place of a bad byte.
    newlines: u64,
    column: u64,
}

impl<R> Checked<R> {
    /// Counts valid text passed through.
    fn advance(&mut self, valid: &[u8]) {
        for &b in valid {
            if b == b'\n' {
                self.newlines += 1;
                self.column = 0;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
    }

    fn not_utf8(&self) -> Error {
        not_utf8(self.newlines + 1, self.column + 1)
    }
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let invalid = |this: &mut Self| {
            this.bad_utf8 = true;
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the input is not valid UTF-8",
            )
        };
        if n == 0 {
            return if self.carry.is_empty() {
                Ok(0)
            } else {
                Err(invalid(self))
            };
        }
        if self.read > MAX_FILE_BYTES {
            return Err(std::io::Error::other("the file is too large"));
        }
        let mut rest = &buf[..n];
        if !self.carry.is_empty() {
            let need = match self.carry[0] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let take = (need - self.carry.len()).min(rest.len());
            self.carry.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.carry.len() == need {
                if std::str::from_utf8(&self.carry).is_err() {
                    return Err(invalid(self));
                }
                let carried = std::mem::take(&mut self.carry);
                self.advance(&carried);
            }
        }
        match std::str::from_utf8(rest) {
            Ok(_) => self.advance(rest),
            Err(e) => {
                let valid = e.valid_up_to();
                self.advance(&rest[..valid]);
                match e.error_len() {
                    Some(_) => return Err(invalid(self)),
                    None => self.carry.extend_from_slice(&rest[valid..]),
                }
            }
        }
        Ok(n)
    }
}

/// Every problem in a dataset's text, in one run: an empty list means it loads.
///
/// A syntax error stops JSON parsing, so it is the one problem reported, with its line and
/// column. Otherwise each record is read on its own, so every record of the wrong shape is
/// reported ([`Issue::Malformed`], naming the record), together with every validation issue
/// among the records that could be read.
///
/// ```
/// use alliance_graph::io::json;
///
/// let text = r#"{"format": "alliance-graph/1",
///   "countries": [{"id": "japan", "name": "Japan"}, {"id": "USA"}, {"id": "KOR", "name": "Korea"}],
///   "memberships": [{"country": "KOR", "grouping": "quad", "role": "member", "source": "s"}]}"#;
/// let problems = json::check_str(text);
/// assert_eq!(problems.len(), 4, "{problems:#?}");
/// assert!(problems[0].to_string().starts_with("country #1 (japan): invalid country id"));
/// assert!(problems[1].to_string().starts_with("country #2 (USA): missing field `name`"));
/// ```
pub fn check_str(text: &str) -> Vec<Issue> {
    let first = match document_from_str(text) {
        Ok(doc) => return crate::GraphBuilder::from_document(doc).issues(),
        Err(e) => e,
    };
    let as_issue = |e: Error| match e.into_kind() {
        ErrorKind::Parse { location, message } => Issue::Malformed {
            record: None,
            line: location.line,
            column: location.column,
            message,
        },
        other => Issue::Malformed {
            record: None,
            line: None,
            column: None,
            message: other.to_string(),
        },
    };
    // Each list is kept as the raw text of its records, not as a tree of values: a file of a
    // million small records would take a hundred times its size as values.
    match serde_json::from_str::<std::collections::BTreeMap<String, &serde_json::value::RawValue>>(
        text,
    ) {
        // Each record read on its own can pass where the document failed (a key given twice:
        // the untyped reading keeps one of them): then the document's own error is the issue.
        Ok(fields) => match check_records(&fields) {
            Some(issues) if !issues.is_empty() => issues,
            _ => vec![as_issue(first)],
        },
        _ => vec![as_issue(first)],
    }
}

/// Every problem in a dataset file, as [`check_str`] finds them; an error only when the file
/// cannot be read at all (missing, not a regular file, over [`MAX_FILE_BYTES`], not UTF-8).
pub fn check_path(path: impl AsRef<Path>) -> Result<Vec<Issue>> {
    let path = path.as_ref();
    let (file, len) = super::open_input(path)?;
    if len > MAX_FILE_BYTES {
        return Err(too_large().with_path(path));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::from(ErrorKind::Io {
                location: crate::Location::file(Some(path.into())),
                source: e,
            })
        })?;
    let text = utf8_text(bytes).map_err(|e| e.with_path(path))?;
    Ok(check_str(&text))
}

/// Reads each record of a syntactically valid document on its own; `None` when no single
/// record can be blamed (the problem is at the top level, reported as the parser said).
fn check_records(
    fields: &std::collections::BTreeMap<String, &serde_json::value::RawValue>,
) -> Option<Vec<Issue>> {
    use serde::de::DeserializeOwned;
    use serde_json::value::RawValue;
    use serde_json::Value;

    fn read<T: DeserializeOwned>(
        kind: &'static str,
        list: Option<&&RawValue>,
        out: &mut Vec<T>,
        positions: &mut Vec<usize>,
        problems: &mut Kept,
        broken_ids: &mut std::collections::HashSet<String>,
    ) -> Option<()> {
        let Some(list) = list else { return Some(()) };
        let records: Vec<&RawValue> = serde_json::from_str(list.get()).ok()?;
        for (i, raw) in records.into_iter().enumerate() {
            // One record at a time as a value: the tree of one, not of the whole file.
            let record: Value = serde_json::from_str(raw.get()).ok()?;
            let record = &record;
            match T::deserialize(record) {
                Ok(r) => {
                    out.push(r);
                    positions.push(i + 1);
                }
                Err(e) => {
                    let text = |key: &str| {
                        record
                            .get(key)
                            .and_then(Value::as_str)
                            .unwrap_or("?")
                            .to_string()
                    };
                    let id = record.get("id").and_then(Value::as_str).map(str::to_string);
                    broken_ids.extend(id.clone());
                    if problems.full() {
                        problems.more += 1;
                        continue;
                    }
                    let label = match kind {
                        "membership" => {
                            Some(format!("{} in {}", text("country"), text("grouping")))
                        }
                        "stance" => Some(format!("{} {}", text("actor"), text("kind"))),
                        _ => id,
                    };
                    problems.push(Issue::Malformed {
                        record: Some(Record {
                            kind,
                            index: i + 1,
                            label: label.unwrap_or_else(|| "?".into()),
                        }),
                        line: None,
                        column: None,
                        message: e.to_string(),
                    });
                }
            }
        }
        Some(())
    }

    const KNOWN: [&str; 10] = [
        "format",
        "name",
        "title",
        "description",
        "sources",
        "countries",
        "groupings",
        "memberships",
        "treaties",
        "stances",
    ];
    let value = |key: &str| -> Option<Value> {
        fields
            .get(key)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
    };
    if fields.keys().any(|k| !KNOWN.contains(&k.as_str()))
        || value("format").as_ref().and_then(Value::as_str) != Some(super::FORMAT)
        || ["name", "title", "description"]
            .iter()
            .any(|k| value(k).is_some_and(|v| !v.is_string() && !v.is_null()))
    {
        return None;
    }
    let mut doc = Document::default();
    let mut problems = Kept::default();
    let mut broken = std::collections::HashSet::new();
    let mut at: [Vec<usize>; 6] = Default::default();
    let [p0, p1, p2, p3, p4, p5] = &mut at;
    read(
        "source",
        fields.get("sources"),
        &mut doc.sources,
        p0,
        &mut problems,
        &mut broken,
    )?;
    read(
        "country",
        fields.get("countries"),
        &mut doc.countries,
        p1,
        &mut problems,
        &mut broken,
    )?;
    read(
        "grouping",
        fields.get("groupings"),
        &mut doc.groupings,
        p2,
        &mut problems,
        &mut broken,
    )?;
    read(
        "membership",
        fields.get("memberships"),
        &mut doc.memberships,
        p3,
        &mut problems,
        &mut broken,
    )?;
    read(
        "treaty",
        fields.get("treaties"),
        &mut doc.treaties,
        p4,
        &mut problems,
        &mut broken,
    )?;
    read(
        "stance",
        fields.get("stances"),
        &mut doc.stances,
        p5,
        &mut problems,
        &mut broken,
    )?;
    let kinds = [
        "source",
        "country",
        "grouping",
        "membership",
        "treaty",
        "stance",
    ];
    for mut issue in crate::GraphBuilder::from_document(doc).issues() {
        // A reference to a record that could not be read is not a second problem.
        if matches!(&issue, Issue::UnknownReference { id, .. } if broken.contains(id)) {
            continue;
        }
        if let Issue::More { more } = issue {
            problems.more += more;
            continue;
        }
        if problems.full() {
            problems.more += 1;
            continue;
        }
        if let Some(r) = issue.record_mut() {
            // Number records as in the file, counting the ones that could not be read.
            if let Some(k) = kinds.iter().position(|k| *k == r.kind) {
                r.index = at[k].get(r.index - 1).copied().unwrap_or(r.index);
            }
        }
        problems.push(issue);
    }
    let Kept {
        issues: mut problems,
        more,
    } = problems;
    problems.sort_by_key(|p| {
        p.record()
            .map(|r| (kinds.iter().position(|k| *k == r.kind), r.index))
    });
    if more > 0 {
        problems.push(Issue::More { more });
    }
    Some(problems)
}

/// The problems `check` keeps, at most [`MAX_ISSUES`](crate::validate::MAX_ISSUES), and how
/// many more it found: a small file of a million bad records must not exhaust the memory.
#[derive(Default)]
struct Kept {
    issues: Vec<Issue>,
    more: usize,
}

impl Kept {
    fn full(&self) -> bool {
        self.issues.len() >= crate::validate::MAX_ISSUES
    }

    fn push(&mut self, issue: Issue) {
        if self.full() {
            self.more += 1;
        } else {
            self.issues.push(issue);
        }
    }
}

/// Parses and validates a dataset.
pub fn from_str(text: &str) -> Result<AllianceGraph> {
    document_from_str(text)?.into_graph()
}

/// Reads, parses and validates a dataset from a reader (at most [`MAX_FILE_BYTES`]).
pub fn from_reader(reader: impl Read) -> Result<AllianceGraph> {
    let mut bytes = Vec::new();
    let read = reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::from(ErrorKind::Io {
                location: crate::Location::file(None),
                source: e,
            })
        })?;
    if read as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    from_str(&utf8_text(bytes)?)
}

/// The text of `bytes`, or a parse error at the line and column (1-based, in characters) of
fn utf8_text(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = &bytes[..e.utf8_error().valid_up_to()];
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let line = valid.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        // The valid prefix of the line is UTF-8: count its characters.
        let column =
            std::str::from_utf8(&valid[line_start..]).map_or(0, |t| t.chars().count()) as u64 + 1;
        not_utf8(line, column)
    })
}

fn not_utf8(line: u64, column: u64) -> Error {
    Error::from(ErrorKind::Parse {
        location: Box::new(Location {
            line: Some(line),
            column: Some(column),
            ..Location::default()
        }),
        message: "the input is not valid UTF-8".into(),
    })
}

fn too_large() -> Error {
    Error::from(ErrorKind::TooLarge {
        location: Box::default(),
        what: "the file".into(),
        limit: MAX_FILE_BYTES,
    })
}

/// Reads a dataset the way [`from_path`] reads a file of [`STREAM_FROM_BYTES`] or more (records
/// one at a time, then the exact streaming parser on anything unusual), whatever its size: for
/// the fuzz target and the tests that hold the two paths to the same answers as [`from_str`].
#[doc(hidden)]
pub fn from_bytes_as_large_file(bytes: &[u8]) -> Result<AllianceGraph> {
    if let Some(doc) = Chunked::new(bytes).document() {
        return doc.into_graph();
    }
    document_from_stream(bytes)?.into_graph()
}

/// Reads, parses and validates a dataset file; errors carry the path.
pub fn from_path(path: impl AsRef<Path>) -> Result<AllianceGraph> {
    let path = path.as_ref();
    let inner = || -> Result<AllianceGraph> {
        let (file, len) = super::open_input(path)?;
        if len > MAX_FILE_BYTES {
            return Err(too_large());
        }
        if len >= STREAM_FROM_BYTES {
            // The fast path reads records one at a time; on anything unusual (an error, an
            // unknown or repeated field) the file is read again by the exact parser, so that
            // every error is the one a whole-text parse would give.
            if let Some(doc) = Chunked::new(file).document() {
                return doc.into_graph();
            }
            let (file, _) = super::open_input(path)?;
            return document_from_stream(file)?.into_graph();
        }
        from_reader(file)
    };
    inner().map_err(|e| e.with_path(path))
}

/// The dataset as pretty-printed JSON.
pub fn to_string(graph: &AllianceGraph) -> Result<String> {
    serde_json::to_string_pretty(graph.document()).map_err(|e| {
        Error::from(ErrorKind::Io {
            location: crate::Location::file(None),
            source: e.into(),
        })
    })
}

/// Writes the dataset as pretty-printed JSON.
pub fn to_writer(graph: &AllianceGraph, writer: impl Write) -> Result<()> {
    serde_json::to_writer_pretty(writer, graph.document()).map_err(|e| {
        Error::from(ErrorKind::Io {
            location: crate::Location::file(None),
            source: e.into(),
        })
    })
}

/// Writes the dataset to a file, replacing it.
pub fn to_path(graph: &AllianceGraph, path: impl AsRef<Path>) -> Result<()> {
    let path = path.as_ref();
    let file = std::fs::File::create(path).map_err(|e| {
        Error::from(ErrorKind::Io {
            location: crate::Location::file(Some(path.into())),
            source: e,
        })
    })?;
    let mut w = std::io::BufWriter::new(file);
    to_writer(graph, &mut w).map_err(|e| e.with_path(path))?;
    w.flush().map_err(|e| {
        Error::from(ErrorKind::Io {
            location: crate::Location::file(Some(path.into())),
            source: e,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{cut_character_start, Chunked, CHUNK};

    #[test]
    fn nothing_but_white_space_may_follow_a_large_document() {
        // The document fills the first read exactly, so what follows comes in a read of its
        // own after the document has ended.
        let head = format!("{{\"format\": \"{}\"", super::super::FORMAT);
        let mut doc = head.into_bytes();
        doc.resize(CHUNK - 1, b' ');
        doc.push(b'}');
        assert!(Chunked::new(&doc[..]).document().is_some());
        for tail in [&b" \n"[..], b"\xFF", b" x", b"\xE0\x80"] {
            let mut text = doc.clone();
            text.extend_from_slice(tail);
            let read = Chunked::new(&text[..]).document();
            assert_eq!(read.is_some(), tail == b" \n", "tail {tail:?}");
        }
    }

    #[test]
    fn only_a_character_cut_short_waits_for_the_next_read() {
        let text = "a日é😀";
        // Every cut of the text: a cut inside a character waits from that character's start.
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for end in 0..=text.len() {
            let want = if text.is_char_boundary(end) {
                end
            } else {
                *starts.iter().rev().find(|&&s| s < end).expect("a start")
            };
            assert_eq!(
                cut_character_start(&text.as_bytes()[..end]),
                want,
                "cut at {end}"
            );
        }
        // Bytes that start no character are left to the UTF-8 check.
        assert_eq!(cut_character_start(b"ab\x80\x80\x80\x80"), 6);
        assert_eq!(cut_character_start(b"ab\xFF"), 3);
    }
}

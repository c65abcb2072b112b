//! The JSON dataset format: load, save and check. See [the format](super#the-json-format-alliance-graph1).
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
use crate::error::{Error, Location, Result};
use crate::AllianceGraph;

/// Files larger than this are refused before reading, so a stray multi-gigabyte file cannot
/// exhaust memory: 512 MiB.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

fn parse_error(e: serde_json::Error) -> Error {
    Error::Parse {
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
    }
}

/// Parses a document without validating how its records fit together.
pub fn document_from_str(text: &str) -> Result<Document> {
    // serde would read a top-level array as a struct's fields in order; say what is meant.
    let start = text.len() - text.trim_start().len();
    if text[start..].starts_with('[') {
        let before = &text[..start];
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        return Err(Error::Parse {
            location: Box::new(Location { line: Some(line), column: Some(column), ..Location::default() }),
            message: "the top level must be a JSON object {\"format\": \"alliance-graph/1\", ...}, not an array".into(),
        });
    }
    serde_json::from_str(text).map_err(parse_error)
}

/// Parses and validates a dataset.
pub fn from_str(text: &str) -> Result<AllianceGraph> {
    document_from_str(text)?.into_graph()
}

/// Reads, parses and validates a dataset from a reader (at most [`MAX_FILE_BYTES`]).
pub fn from_reader(reader: impl Read) -> Result<AllianceGraph> {
    let mut text = String::new();
    let read = reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => Error::Parse {
                location: Box::default(),
                message: "the input is not valid UTF-8".into(),
            },
            _ => Error::Io {
                path: None,
                source: e,
            },
        })?;
    if read as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    from_str(&text)
}

fn too_large() -> Error {
    Error::TooLarge {
        location: Box::default(),
        what: "the file".into(),
        limit: MAX_FILE_BYTES,
    }
}

/// Reads, parses and validates a dataset file; errors carry the path.
pub fn from_path(path: impl AsRef<Path>) -> Result<AllianceGraph> {
    let path = path.as_ref();
    let inner = || -> Result<AllianceGraph> {
        let file = std::fs::File::open(path).map_err(|e| Error::Io {
            path: None,
            source: e,
        })?;
        let len = file
            .metadata()
            .map_err(|e| Error::Io {
                path: None,
                source: e,
            })?
            .len();
        if len > MAX_FILE_BYTES {
            return Err(too_large());
        }
        from_reader(file)
    };
    inner().map_err(|e| e.with_path(path))
}

/// The dataset as pretty-printed JSON.
pub fn to_string(graph: &AllianceGraph) -> Result<String> {
    serde_json::to_string_pretty(graph.document()).map_err(|e| Error::Io {
        path: None,
        source: e.into(),
    })
}

/// Writes the dataset as pretty-printed JSON.
pub fn to_writer(graph: &AllianceGraph, writer: impl Write) -> Result<()> {
    serde_json::to_writer_pretty(writer, graph.document()).map_err(|e| Error::Io {
        path: None,
        source: e.into(),
    })
}

/// Writes the dataset to a file, replacing it.
pub fn to_path(graph: &AllianceGraph, path: impl AsRef<Path>) -> Result<()> {
    let path = path.as_ref();
    let file = std::fs::File::create(path).map_err(|e| Error::Io {
        path: Some(path.into()),
        source: e,
    })?;
    let mut w = std::io::BufWriter::new(file);
    to_writer(graph, &mut w).map_err(|e| e.with_path(path))?;
    w.flush().map_err(|e| Error::Io {
        path: Some(path.into()),
        source: e,
    })
}

//! Reading and writing datasets.
//!
//! A dataset is a [`Document`]: lists of sources, countries, groupings, memberships, treaties
//! and stances, each record referring to others by id. The file format is its JSON form (see
//! [`json`]); the graph is built from a document by [`GraphBuilder`](crate::GraphBuilder) and
//! turned back into one by [`AllianceGraph::document`](crate::AllianceGraph::document), so
//! load → save → load gives an equal graph.
//!
//! # The JSON format, `alliance-graph/1`
//!
//! A complete small dataset (it is `tests/data/small.json`):
//!
//! ```json
#![doc = include_str!("../../tests/data/small.json")]
//! ```
//!
//! The fields, record by record (`?` marks an optional field, which may be omitted or `null`;
//! lists may be omitted when empty; any other field is an error):
//!
//! | record | fields |
//! | --- | --- |
//! | top level | `format` (always `"alliance-graph/1"`), `name?`, `title?`, `description?`, `sources`, `countries`, `groupings`, `memberships`, `treaties`, `stances` |
//! | source | `id` (slug), `title`, `publisher?`, `url?`, `date?`, `note?`, `coverage?` (`{"from": date, "to": date}`: the span it covers completely; see [`Gaps`](crate::query::Gaps)) |
//! | country | `id` (ISO 3166-1 alpha-3), `name`, `aliases`, `cow_code?`, `nuclear_armed?` (`{"since": date, "source": id}`), `statehood` (`[{"from": date, "until?": date}]`: when it was a state), `note?` |
//! | grouping | `id` (slug), `name`, `acronym?`, `aliases`, `kind` (`collective-defense`, `security-partnership`, `strategic-dialogue`, `other`), `obligations` (what members owe each other while it is active), `status` (history, oldest first: `{"status": "proposed"/"active"/"dissolved", "since": date, "source": id}`), `treaty?` (the treaty whose parties it names: its ties are the treaty's), `note?` |
//! | membership | `country`, `grouping`, `role` (`founding-member`, `member`, `partner`, `observer`), `start?`, `end?`, `source`, `corroborated_by?`, `contradicted_by?`, `note?` |
//! | treaty | `id` (slug), `name`, `kind` (`alliance`, `access`, `other`), `parties` (ids, or `{"country", "joined?", "left?"}`), `obligations`, `signed?`, `in_force?`, `ended?`, `not_in_force?` (signed, binds nobody), `atop_id?`, `attributes` (further coded provisions, by name), `sources` (at least one), `corroborated_by?`, `contradicted_by?`, `note?` |
//! | obligation | `kind` (`defense`, `offense`, `neutrality`, `non-aggression`, `consultation`), `by?` and `to?` (party ids; omitted means every party), `conditions`, `from?`, `until?` |
//! | stance | `actor`, `kind` (what was said: `proposal`, `support`, `conditional-support`, `hedge`, `refusal`, `request`, `invitation`), `reported_as?` (how the source characterised it, when different), `condition?`, `target` (`{"grouping": id}`, `{"country": id}` or `{"membership": {"country": id, "grouping": id}}`), `speaker?` (`{"name", "office?"}`), `date` (a date or a range `"2024-09-25/2024-09-27"`), `quote?`, `summary?`, `evidence` (`on-record`, `reported`, `speculated`), `source`, `corroborated_by?`, `contradicted_by?`, `note?` |
//! | citation (in `corroborated_by`, `contradicted_by`) | `source` (id), `says?` (what it says, in a sentence); a record with a contradicting citation is contested, and answers say so |
//!
//! Dates are `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`; a stance's date may also be a range of
//! days it lies within, `"FIRST/LAST"`. See [`time`](crate::time) for how partial dates are
//! read. A treaty without `in_force` counts from its signature, as ATOP
//! counts. Parse errors give the line and column; validation errors name the record and field.
//!
//! The ATOP 5.1 importer and tables, `io::atop`, come with the `atop` feature: docs.rs builds
//! every feature; locally, `cargo doc --features atop` shows them.

#[cfg(feature = "json")]
pub mod json;

// With the `atop` feature only; the module docs above say so.
#[cfg(feature = "atop")]
pub mod atop;

pub mod merge;

pub use crate::model::{Document, FORMAT};

/// Opens a file the user named for reading, refusing anything but a regular file: loading
/// never follows a symbolic link (or reads a directory, pipe or device), so it reads only the
/// paths it was given. Returns the file and its length.
#[cfg(any(feature = "json", feature = "atop"))]
pub(crate) fn open_input(path: &std::path::Path) -> crate::Result<(std::fs::File, u64)> {
    let io_error = |source: std::io::Error| {
        crate::Error::from(crate::ErrorKind::Io {
            location: crate::Location::file(Some(path.to_path_buf())),
            source,
        })
    };
    let meta = std::fs::symlink_metadata(path).map_err(io_error)?;
    let refuse = |why: &str| {
        io_error(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            why.to_string(),
        ))
    };
    if meta.file_type().is_symlink() {
        return Err(refuse(
            "is a symbolic link; loading does not follow links, name the file it points to",
        ));
    }
    if !meta.is_file() {
        return Err(refuse("is not a regular file"));
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    Ok((file, meta.len()))
}

impl Document {
    /// Validates the records and builds a graph; see [`GraphBuilder::build`](crate::GraphBuilder::build).
    pub fn into_graph(self) -> crate::Result<crate::AllianceGraph> {
        crate::GraphBuilder::from_document(self).build()
    }
}

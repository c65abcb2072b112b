//! ATOP 5.1: import, the COW crosswalk, and ATOP's own state-year and dyad-year tables.
//!
//! ATOP (Alliance Treaty Obligations and Provisions, Leeds et al.) codes every military
//! alliance signed 1815–2018 at member level. The library does not bundle it: point the
//! importer at your own download of `atop5_1m.csv` (and, optionally, `atop5_1a.csv`). Cite it
//! as the ATOP project asks (see [`CITATION`]).
//!
//! ```no_run
//! use alliance_graph::io::atop;
//!
//! let imported = atop::import_members("atop5_1m.csv")?;
//! println!("{}", imported.report);
//! let graph = imported.graph;
//! // Who owed Japan defense in 1990? (ATOP 3375: the US does; Japan owes the US none.)
//! for d in graph.as_of("1990".parse()?).defenders_of("Japan")? {
//!     println!("{}: {}", d.country, d.evidence[0]);
//! }
//! atop::write_state_year(&graph, std::fs::File::create("sy.csv")?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What an import builds
//!
//! - One [`Source`](crate::Source), `atop-5.1` ([`source`]), with the requested citation and
//!   coverage 1815–2018: a question outside it is answered "unknown"
//!   ([`View::allied`](crate::View::allied)), never "no".
//! - One [`Country`](crate::Country) per member code, its id and name from the [`crosswalk`](crate::io::atop::crosswalk())
//!   (no two codes ever share a node), with `cow_code` set. Code 8152 (Annam, a Gleditsch–Ward
//!   code, one alliance with France 1874–1883) is a real ATOP member and is kept as `XAN`;
//!   ATOP's published state-year table omits it (see [`TableOptions::keep_non_cow`](crate::io::atop::TableOptions::keep_non_cow)).
//! - One [`Treaty`](crate::Treaty) per alliance: id `atop-<atopid>`, name
//!   `"ATOP alliance <atopid>"` (the files give no treaty names), kind `alliance` (or `other` when
//!   no member row codes any obligation), `atop_id`, `signed` = the earliest member entry,
//!   `in_force` = none (ATOP dates are signature dates), `ended` = the latest exit, or none when
//!   some member row is still in force (`yrexit == 0`). Dates are partial where ATOP is: an empty
//!   day gives month precision, month 0 year precision.
//! - Each member row (alliance × member × phase) gives a party spell, `joined` to `left`; rows of
//!   the same member that touch or overlap (consecutive phases) become one spell, rows separated
//!   by a gap (a re-entry, such as Egypt in the Arab League, 3015) stay separate spells.
//! - Each obligation coded 1 in a member row gives a [`TreatyObligation`](crate::TreatyObligation)
//!   owed **by that member** to every other party, from the row's entry to its exit, with the
//!   row's phase (none for phase 0) and its conditions in words, each naming its column
//!   (`"defense: only against specific adversaries (defcoadv=1)"`). One-sided treaties stay
//!   one-sided: in 3375 the US owes Japan defense, Japan owes the US none.
//! - Every other column is a provision, kept in the treaty's `attributes` under its name with
//!   the raw value when it is the same in every member row of the alliance (or, with the
//!   alliance file, the alliance file's value); when member rows differ, the per-member values
//!   are listed under `<column>.by-member` as `member=value; ...` (`member/entry-date=value`
//!   for a member with several rows). `maxphase` and `version` are not imported (counted in
//!   [`Report::ignored_columns`](crate::io::atop::Report::ignored_columns)).
//!
//! # Tables
//!
//! [`state_year`] and [`dyad_year`] compute ATOP's tables **from the graph** (its treaties with
//! an `atop-<id>` id), and [`write_state_year`] / [`write_dyad_year`] write them. The state-year
//! table made from the 5.1 member file equals the published `atop5_1sy.csv` byte for byte
//! (11,923 rows × 70 columns); the rules are on [`state_year`].

pub mod crosswalk;
mod document;
mod import;
mod rows;
mod tables;

pub use crosswalk::{crosswalk, Crosswalk, CrosswalkEntry, CrosswalkKind};
pub use import::{
    from_reader, import_members, source, AtopFile, AtopImport, Imported, Report, RowIssue,
    CITATION, FIRST_YEAR, LAST_YEAR, MAX_ATOP_BYTES, SOURCE_ID,
};
pub use tables::{
    dyad_year, dyad_year_with, state_year, state_year_with, write_dyad_year, write_dyad_year_with,
    write_state_year, write_state_year_with, DyadYear, StateYear, TableOptions,
};

//! # alliance-graph
//!
//! Who is allied with whom, and why. Countries and groupings (NATO, QUAD, AUKUS, a proposed
//! "Asian NATO") are nodes; treaties with their obligations, memberships, and what leaders
//! said (proposals, support, hedges, refusals, requests, invitations) are typed, dated, sourced
//! edges. Queries answer "who
//! is allied with whom" as of any date, explain every answer, and run what-if scenarios.
//!
//! ```
//! use alliance_graph::datasets;
//!
//! let graph = datasets::asian_nato();
//! let today = graph.as_of("2024-10-01".parse()?);
//!
//! // Who is bound to defend Japan, and why?
//! for defender in today.defenders_of("Japan")? {
//!     println!("{}: {}", defender.country, defender.evidence[0]);
//! }
//! // India and Japan share the QUAD, a dialogue with no defense obligation: not allied.
//! assert!(today.are_allied("India", "Japan")?.is_none());
//! assert!(today.are_allied("Japan", "United States")?.is_some());
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! The built-in **world** dataset ([`datasets::world`]) holds every state since 1816, every
//! ATOP 5.1 alliance and a sourced review to 2026-11-30; where its sources stop, answers are
//! "unknown", never "no" ([`query::Gaps`], [`query::Answer`]):
//!
//! ```
//! use alliance_graph::query::Answer;
//!
//! let world = alliance_graph::datasets::world();
//! assert!(world.as_of("2023-04-05".parse()?).allied("Finland", "US")?.is_yes());
//! assert_eq!(world.as_of("2023-01-01".parse()?).allied("Finland", "US")?, Answer::No);
//! assert!(world.as_of("2027".parse()?).allied("Finland", "US")?.is_unknown());
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! ## If it came to war
//!
//! [`View::conflict`] answers "if these states attack those, who is bound to do what?": every
//! obligation owed to a belligerent, its conditions judged met, not met or undecidable from
//! the data (the rules are written once, in [`query::conditions`] and [`query::conflict`]
//! docs), and the war's spread round by round. In 1914, ATOP's Franco-Russian alliance binds
//! France to defend Russia against Germany, the adversary its text names:
//!
//! ```
//! use alliance_graph::query::{DutyKind, Side};
//!
//! let world = alliance_graph::datasets::world();
//! let war = world.as_of("1914-08-01".parse()?).conflict(&["Germany"], &["Russia"])?;
//! let france = war.duties_of("FRA".parse()?).find(|d| d.kind == DutyKind::Defend).unwrap();
//! assert_eq!(france.judgement.as_str(), "met");
//! assert_eq!(france.evidence.basis.to_string(), "ATOP alliance 1385 (France, Russia, 1893) (ATOP 1385)");
//! assert_eq!(war.sides_of("FRA".parse()?), [Side::Attacked]);
//!
//! // Today: the US is bound to defend Japan (ATOP 3375 codes no condition).
//! let today = world.as_of("2026-11-30".parse()?);
//! let war = today.conflict(&["China"], &["Japan"])?;
//! assert_eq!(war.nuclear_defenders(&today), ["USA".parse()?]);
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! ## The model
//!
//! - [`Country`] (id: [`CountryId`], ISO 3166-1 alpha-3) and [`Grouping`] (id:
//!   [`GroupingId`], a slug) are the actors ([`ActorId`]).
//! - [`Membership`] ties a country to a grouping with a [`Role`] and dates; a grouping's
//!   [`obligations`](Grouping::obligations) bind its full members while it is active.
//! - [`Treaty`] ties states with [`TreatyObligation`]s in ATOP's five kinds ([`Obligation`]),
//!   each owed by some parties to others, so one-sided treaties stay one-sided.
//! - [`Stance`] records what an actor said about a [`Target`]: what was said ([`StanceKind`])
//!   and how the source characterised it, who spoke, when (a [`When`]: a partial date or a
//!   range), the quote, the source's own summary, and how firm the [`Evidence`] is.
//! - Every fact cites a [`Source`], and may cite others that corroborate or contradict it
//!   ([`Citation`]): a contradicted fact is contested, and answers say so. Every date is a
//!   [`PartialDate`] read by one rule, written in [`time`], which also says when a fact only
//!   **possibly** holds on the date asked ([`Holds`]).
//!
//! "Allied" means, unless asked otherwise, that one of the two owes the other **defense** on
//! the date asked, by a treaty between them or through both being full members of an active
//! grouping whose membership carries it.
//!
//! ## Modules
//!
//! - [`AllianceGraph`] and [`GraphBuilder`]: the validated store and how to build one;
//!   [`validate`] lists the problems a dataset can have.
//! - [`View`], from [`AllianceGraph::as_of`]: every query, on the graph as it stood on a date
//!   ([`query`] holds the result types).
//! - [`Scenario`]: what-if edits (form or dissolve a grouping, a state leaving a grouping or a
//!   treaty, ending a treaty, ...) and the [`Diff`] they cause; with [`View::conflict`], the
//!   obligations to act they add or remove ([`query::Conflict::changes_from`]).
//! - [`io`]: the JSON file format; [`datasets`]: the built-in datasets.
//!
//! ## Crate features
//!
//! - `json` (default): the JSON dataset format.
//! - `datasets` (default): the built-in datasets (the world, the Asian NATO story).
//! - `atop`: the ATOP 5.1 importer, the COW crosswalk and ATOP-style tables; with `datasets`,
//!   `datasets::world_from_atop` makes the world dataset from your own ATOP download.
//! - `synthetic`: the seeded generator of large synthetic datasets (`synthetic`), for
//!   benchmarks and scaling tests.
//! - `cli`: the `alliance-graph` command-line tool.

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

mod error;
mod graph;
mod model;
mod resolve;
pub mod time;
mod util;
pub mod validate;

#[cfg(feature = "datasets")]
pub mod datasets;
pub mod io;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;

pub use crate::error::{ActorKind, Candidate, Error, ErrorKind, Location, Result};
pub use crate::graph::{AllianceGraph, GraphBuilder};
pub use crate::model::{
    ActorId, Adversaries, Attributes, Citation, Country, CountryId, Coverage, Evidence, Grouping,
    GroupingId, GroupingKind, GroupingStatus, Membership, Obligation, Party, Role, Since, Source,
    SourceId, Speaker, Stance, StanceDetails, StanceKind, Statehood, StatusChange, Target, Treaty,
    TreatyId, TreatyKind, TreatyObligation,
};
pub use crate::time::{Day, Doubt, Edge, Holds, PartialDate, Period, Precision, Span, When};
pub use crate::validate::Issue;
pub mod query;
pub use crate::query::{ActorRef, Strength, View};
pub mod measures;
mod scenario;
pub use crate::scenario::{Diff, Edit, Outcome, Scenario, SCENARIO_SOURCE};

/// The README's code blocks, compiled and run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub mod export;

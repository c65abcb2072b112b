//! What every part of the tool uses: one import line in each file.

pub(crate) use std::fmt::Write as _;
pub(crate) use std::io::Write as _;
pub(crate) use std::path::{Path, PathBuf};

pub(crate) use alliance_graph::export::{Dot, GraphMl, StanceTimeline, Svg};
pub(crate) use alliance_graph::io::merge::merge;
pub(crate) use alliance_graph::io::{atop, json};
pub(crate) use alliance_graph::query::{
    Answer, Coalition, Gaps, MemberOf, Position, Said, TieBasis, TieEvidence,
};
pub(crate) use alliance_graph::{
    datasets, ActorId, AllianceGraph, CountryId, Edit, Error, GroupingId, Issue, PartialDate,
    Scenario, Stance, Strength, Target, TreatyId, View,
};
pub(crate) use serde_json::{json, Value};

pub(crate) use super::args::*;
pub(crate) use super::commands::*;
pub(crate) use super::coverage::*;
pub(crate) use super::load::*;
pub(crate) use super::render::*;
pub(crate) use super::{fail, report_note, Failure, Output, Res};

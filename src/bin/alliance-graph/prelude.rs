//! What every part of the tool uses: one import line in each file.

pub(crate) use std::fmt::Write as _;
pub(crate) use std::io::Write as _;
pub(crate) use std::path::{Path, PathBuf};

pub(crate) use alliance_graph::export::{Dot, GraphMl, Svg};
pub(crate) use alliance_graph::io::merge::merge;
pub(crate) use alliance_graph::io::{atop, json};
pub(crate) use alliance_graph::query::{Answer, Gaps, MemberOf, TieBasis, TieEvidence};
pub(crate) use alliance_graph::{
    datasets, ActorId, AllianceGraph, CountryId, Edit, Error, GroupingId, Issue, PartialDate,
    Scenario, Stance, StanceKind, Strength, Target, TreatyId, View,
};
pub(crate) use serde_json::{json, Value};

pub(crate) use crate::args::*;
pub(crate) use crate::commands::*;
pub(crate) use crate::coverage::*;
pub(crate) use crate::load::*;
pub(crate) use crate::render::*;
pub(crate) use crate::{fail, report_note, Failure, Output, Res};

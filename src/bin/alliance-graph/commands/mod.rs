//! The commands, one file each; `query` dispatches the questions asked of a dated view.

mod allied;
mod allies;
mod attack;
mod blocs;
mod check;
mod defenders;
mod export;
mod groupings;
mod measures;
mod members;
mod path;
mod show;
mod stances;
mod table;
mod what_if;

pub(crate) use allied::*;
pub(crate) use allies::*;
pub(crate) use attack::*;
pub(crate) use blocs::*;
pub(crate) use check::*;
pub(crate) use defenders::*;
pub(crate) use export::*;
pub(crate) use groupings::*;
pub(crate) use measures::*;
pub(crate) use members::*;
pub(crate) use path::*;
pub(crate) use show::*;
pub(crate) use stances::*;
pub(crate) use table::*;
pub(crate) use what_if::*;

pub(crate) use super::prelude;
use prelude::*;

/// Answers `q` on `graph` at `date`; `before` is the graph before a `what-if` scenario, with
/// the scenario's words (a map outlines what changed).
pub(crate) fn query(
    graph: &AllianceGraph,
    date: PartialDate,
    q: &Query,
    before: Option<(&AllianceGraph, &str)>,
) -> Res<Output> {
    let view = graph.as_of(date);
    let (text, json) = match q {
        Query::Allies { actor, strength } => allies(&view.with_strength(*strength), actor)?,
        Query::Allied { a, b, strength } => allied(&view.with_strength(*strength), a, b)?,
        Query::Defenders {
            actor,
            nuclear,
            strength,
        } => defenders(&view.with_strength(*strength), actor, *nuclear)?,
        Query::Similarity { a, b, measures } => similarity(&view, a, b, measures)?,
        Query::Balance { strength, limit } => balance(&view.with_strength(*strength), *limit)?,
        Query::Path { a, b, strength } => path(&view.with_strength(*strength), a, b)?,
        Query::Blocs { strength } => blocs(&view.with_strength(*strength))?,
        Query::Attack {
            attackers,
            targets,
            depth,
            follow_undecidable,
            svg: true,
            output,
        } => {
            let options = conflict_options(*depth, *follow_undecidable);
            let war = conflict_of(&view, attackers, targets, options)?;
            return Ok(Output::Content {
                content: alliance_graph::export::ConflictPicture::new(&war, &view).to_string(),
                file: output.clone(),
            });
        }
        Query::Attack {
            attackers,
            targets,
            depth,
            follow_undecidable,
            ..
        } => attack(
            &view,
            attackers,
            targets,
            conflict_options(*depth, *follow_undecidable),
        )?,
        Query::Members { grouping } => members(&view, grouping)?,
        Query::Groupings { country } => groupings(&view, country)?,
        Query::Show { actor } => show(&view, actor)?,
        Query::Stances { target } => stances(&view, target)?,
        Query::Stance { actor, target } => stance(&view, actor, target)?,
        Query::Timeline {
            target, svg: false, ..
        } => timeline(&view, target)?,
        Query::Timeline {
            target,
            svg: true,
            output,
        } => {
            return Ok(Output::Content {
                content: StanceTimeline::new(&view, target.as_str())?.to_string(),
                file: output.clone(),
            })
        }
        Query::Export(e) => return export(graph, date, e, before),
    };
    Ok(Output::Report { text, json })
}

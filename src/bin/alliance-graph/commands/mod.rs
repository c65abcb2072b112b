//! The commands, one file each; `query` dispatches the questions asked of a dated view.

mod allied;
mod allies;
mod attack;
mod blocs;
mod check;
mod defenders;
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

pub(crate) fn query(graph: &AllianceGraph, date: PartialDate, q: &Query) -> Res<Output> {
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
        Query::Export { format, output } => {
            let content = match format {
                Format::Json => json::to_string(graph)? + "\n",
                Format::Dot => Dot::new(graph).to_string(),
                Format::Graphml => GraphMl::new(graph).to_string(),
                Format::Svg => {
                    // The picture places every state's label by search; past a few dozen
                    // states it is slow and unreadable (a picture of the world is to come).
                    let states = graph.countries().count();
                    if states > SVG_MAX_STATES {
                        return Err(fail(
                            format!("the data hold {states} states; the SVG picture draws at most {SVG_MAX_STATES}"),
                            Some("draw a smaller dataset, e.g. --data builtin:asian-nato, or export --format dot or graphml for a graph tool"),
                        ));
                    }
                    Svg::new(&view).to_string()
                }
            };
            return Ok(Output::Content {
                content,
                file: output.clone(),
            });
        }
    };
    Ok(Output::Report { text, json })
}

/// The most states the SVG picture draws.
pub(crate) const SVG_MAX_STATES: usize = 60;

//! `export`: the graph as JSON, DOT or GraphML, drawn as an SVG picture or a world map, or
//! written as an interactive page.

use alliance_graph::export::{Focus, TieKind, WorldMap};

use super::prelude::*;

/// The most states the SVG picture draws: past that the labels around the ellipse crowd.
pub(crate) const SVG_MAX_STATES: usize = 100;

/// The most lines the SVG picture draws: past that the lines hide each other.
pub(crate) const SVG_MAX_LINES: usize = 400;

/// The export asked for, on `graph` at `date`; `before` is the graph before a `what-if`
/// scenario and the scenario's words, which a map outlines the changes against.
pub(crate) fn export(
    graph: &AllianceGraph,
    date: PartialDate,
    e: &Export,
    before: Option<(&AllianceGraph, &str)>,
) -> Res<Output> {
    let view = graph.as_of(date);
    let content = match e.format {
        Format::Json => json::to_string(graph)? + "\n",
        Format::Graphml => GraphMl::new(graph).to_string(),
        Format::Dot => {
            let focus = focus(&view, e)?;
            Dot::new(graph)
                .focused(&view, focus)?
                .with_ended(e.ended)
                .to_string()
        }
        Format::Svg => {
            let focus = focus(&view, e)?;
            let svg = Svg::focused(&view, focus)?;
            let (states, lines) = (svg.state_count(), svg.line_count());
            if states > SVG_MAX_STATES || lines > SVG_MAX_LINES {
                return Err(fail(
                    format!("the picture would draw {states} states and {lines} lines; it draws at most {SVG_MAX_STATES} states and {SVG_MAX_LINES} lines (a larger network is a hairball nobody can read)"),
                    Some("narrow it: --around ACTOR [--depth N], --only treaty|grouping|stance, --strength defense, --min-degree N; or export --format map for the whole world"),
                ));
            }
            svg.to_string()
        }
        Format::Map => {
            let map = map_of(&view, e)?;
            match before {
                Some((graph, what)) => {
                    let was = map_of(&graph.as_of(date), e)?;
                    map.compared_with(&was, what).to_string()
                }
                None => map.to_string(),
            }
        }
        Format::Html => {
            let chosen = e.actor.as_deref().unwrap_or("USA");
            alliance_graph::export::Page::new(graph, chosen)?.to_string()
        }
    };
    Ok(Output::Content {
        content,
        file: e.output.clone(),
    })
}

/// The map `e` asks for on `view`.
fn map_of<'g>(view: &View<'g>, e: &Export) -> Res<WorldMap<'g>> {
    Ok(match (&e.actor, &e.stances_on) {
        (Some(actor), _) => WorldMap::ties_of(view, actor.as_str())?,
        (None, Some(target)) => WorldMap::stances_on(view, target.as_str())?,
        (None, None) => WorldMap::blocs(&view.with_strength(e.strength.unwrap_or_default())),
    })
}

/// The focus options as the library takes them.
fn focus(view: &View<'_>, e: &Export) -> Res<Focus> {
    let mut focus = Focus::default();
    if let Some(around) = &e.around {
        focus = focus.around(view.resolve(around.as_str())?, e.depth);
    }
    if let Some(only) = e.only {
        focus = focus.only(match only {
            Only::Treaty => TieKind::Treaty,
            Only::Grouping => TieKind::Grouping,
            Only::Stance => TieKind::Stance,
        });
    }
    if let Some(strength) = e.strength {
        focus = focus.strength(strength);
    }
    if let Some(n) = e.min_degree {
        focus = focus.min_degree(n);
    }
    Ok(focus)
}

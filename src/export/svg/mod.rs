//! The graph drawn as an SVG picture, laid out by this crate with no external program.
//!
//! In parts: `scene` (what to draw on the date) → `layout` (where it goes, and the labels) →
//! `render` (the SVG), with `text` (the text metrics) under them; all crate-private, and the
//! map and focused pictures to come reuse the scene and render parts.
//!
//! What [`Svg`] draws, as the graph stood on the view's date:
//!
//! - every country as a circle (filled dark when it was nuclear-armed on the date), labelled
//!   with its name outside an ellipse on which the countries sit;
//! - every grouping that was proposed or active as a rounded box inside the ellipse (dashed
//!   when only proposed), with its kind or status under its name;
//! - memberships in force as thin grey lines (dashed for partners and observers);
//! - treaty ties in force, one line per pair of states, coloured and styled by the strongest
//!   obligation in force between them; a one-sided obligation has an arrow pointing to the
//!   state it is owed to;
//! - stated positions on groupings: each actor's latest proposal, support or refusal of each
//!   grouping (its stance on its own membership included), as curved arrows (green for
//!   proposals and support, red dashed for refusals), and the states invited to join a
//!   grouping that have said nothing themselves (dotted green);
//! - a title with the date, a legend of the styles used, and a footnote.
//!
//! Every line and shape has a `<title>` with the evidence, shown as a tooltip by browsers.
//!
//! # Layout
//!
//! The layout is deterministic. Countries take evenly spaced places on an ellipse; their
//! order is chosen by a local search that minimises edge crossings, then total edge length
//! (for graphs of up to 60 countries; larger ones keep the dataset order). Groupings sit
//! inside, pulled toward the states they are tied to, and pushed apart until their boxes do
//! not overlap. Labels are placed outside their node and nudged until their boxes overlap no
//! other label and no node. Text widths are estimated by the crate's own table of the advance
//! widths of DejaVu Sans, a wide font, so that labels keep clear of each other in narrower
//! fonts (Helvetica, Arial) too; the crate's tests recompute every label's box from the SVG
//! and check that no two overlap.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use super::focus::Focus;
use super::xml_escape;
use crate::model::{ActorId, CountryId, GroupingId, GroupingStatus, Obligation, StanceKind};
use crate::query::{TieBasis, TieEvidence};
use crate::{Strength, View};

mod conflict;
mod focus;
mod layout;
mod render;
mod scene;
mod text;
mod timeline;

pub use conflict::{ConflictPicture, CONFLICT_MAX_STATES};
pub(crate) use focus::{focused_parts, FocusedParts};
use layout::*;
pub(crate) use render::fmt_num;
pub(crate) use scene::stance_title;
use scene::*;
use text::*;
pub(crate) use text::{text_width, Rect, FONT};
pub use timeline::StanceTimeline;

/// A picture of the graph as it stood on a view's date; see the [module docs](self).
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let view = graph.as_of("2024-12-31".parse()?);
/// let svg = alliance_graph::export::Svg::new(&view).to_string();
/// assert!(svg.contains("2024-12-31"));
/// assert!(svg.contains("North Korea"));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Svg<'g> {
    view: View<'g>,
    scene: Scene,
}

impl<'g> Svg<'g> {
    /// A picture of `view`'s graph on its date. The view's strength is not used: every
    /// treaty tie is drawn, styled by its strongest obligation.
    pub fn new(view: &View<'g>) -> Self {
        Svg {
            view: *view,
            scene: Scene::build(view),
        }
    }

    /// A picture of the part of `view`'s graph that `focus` picks; an error when the actor
    /// it is around is not in the graph.
    pub fn focused(view: &View<'g>, focus: Focus) -> crate::Result<Self> {
        if let Some((actor, _)) = &focus.around {
            view.resolve(actor)?;
        }
        Ok(Svg {
            view: *view,
            scene: Scene::build(view).focus(&focus),
        })
    }

    /// How many states the picture draws.
    pub fn state_count(&self) -> usize {
        self.scene.countries.len()
    }

    /// How many lines (ties, memberships and stances) the picture draws.
    pub fn line_count(&self) -> usize {
        self.scene.ties.len() + self.scene.members.len() + self.scene.stances.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pictures the overlap tests draw: the built-in dataset, the format's example and a
    /// graph of names that need escaping.
    fn graphs() -> Vec<(&'static str, crate::AllianceGraph)> {
        let file = |name: &str| {
            crate::io::json::from_path(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/data")
                    .join(name),
            )
            .expect("test data loads")
        };
        vec![
            ("asian-nato", crate::datasets::asian_nato()),
            ("small", file("small.json")),
            ("awkward", file("awkward.json")),
        ]
    }

    /// Every `<text>` of an SVG with the box the layout reserved for it.
    fn label_boxes(svg: &str) -> Vec<(String, Rect)> {
        let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        doc.descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("class") != Some("halo"))
            .map(|n| {
                let text = n.text().unwrap_or("").to_string();
                let num = |a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
                let r = text_box(
                    &text,
                    num("x"),
                    num("y"),
                    num("font-size"),
                    n.attribute("font-weight") == Some("bold"),
                    n.attribute("text-anchor").unwrap_or("start"),
                );
                (text, r)
            })
            .collect()
    }

    fn assert_no_overlap(name: &str, svg: &str) {
        let boxes = label_boxes(svg);
        assert!(!boxes.is_empty());
        for (i, (a, ra)) in boxes.iter().enumerate() {
            for (b, rb) in &boxes[i + 1..] {
                assert!(
                    !ra.overlaps(rb),
                    "{name}: labels '{a}' and '{b}' overlap: {ra:?} {rb:?}"
                );
            }
        }
    }

    #[test]
    fn svg_is_well_formed_and_labels_do_not_overlap() {
        for (name, graph) in graphs() {
            for date in ["1955", "1990", "2024-10-01", "2024-12-31"] {
                let svg = Svg::new(&graph.as_of(date.parse().unwrap())).to_string();
                assert_no_overlap(&format!("{name} {date}"), &svg);
                assert!(
                    svg.contains(&format!("as of {date}")),
                    "{name} {date}: the date is shown"
                );
                // Every country is labelled.
                let labels: BTreeSet<String> =
                    label_boxes(&svg).into_iter().map(|(t, _)| t).collect();
                for c in graph.countries() {
                    assert!(
                        labels.contains(&c.name),
                        "{name} {date}: no label for {}",
                        c.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_committed_picture_is_clean() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/asian-nato.svg");
        let svg = std::fs::read_to_string(&path).expect("docs/asian-nato.svg is committed");
        assert_no_overlap("docs/asian-nato.svg", &svg);
        assert!(svg.contains("as of 2024-12-31"));
    }

    #[test]
    fn ellipse_points_are_evenly_spaced() {
        let e = Ellipse::new(2000.0);
        let pts: Vec<P> = (0..20).map(|k| e.at(k as f64 / 20.0)).collect();
        let gaps: Vec<f64> = pts.windows(2).map(|w| w[0].dist(w[1])).collect();
        let (min, max) = gaps
            .iter()
            .fold((f64::MAX, 0.0f64), |(a, b), &g| (a.min(g), b.max(g)));
        assert!(max - min < 6.0, "{min} {max}");
    }

    #[test]
    fn crossing_test() {
        let p = |x, y| P { x, y };
        assert!(segments_cross(p(0., 0.), p(2., 2.), p(0., 2.), p(2., 0.)));
        assert!(!segments_cross(p(0., 0.), p(1., 0.), p(0., 1.), p(1., 1.)));
    }
}

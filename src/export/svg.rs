//! The graph drawn as an SVG picture, laid out by this crate with no external program.
//! (About 1,700 lines: text metrics, layout search and rendering are not yet split into
//! scene, layout and render; see docs/ARCHITECTURE.md.)
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
//! other label and no node. Text widths are estimated by [`text_width`], from the advance
//! widths of DejaVu Sans, a wide font, so that labels keep clear of each other in narrower
//! fonts (Helvetica, Arial) too; [`text_box`] gives the box the layout uses for a `<text>`
//! element, and a test can recompute it from the SVG.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use super::xml_escape;
use crate::model::{
    ActorId, CountryId, GroupingId, GroupingStatus, Obligation, StanceKind, Target,
};
use crate::query::{TieBasis, TieEvidence};
use crate::{Strength, View};

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
#[derive(Debug, Clone, Copy)]
pub struct Svg<'g> {
    view: View<'g>,
}

impl<'g> Svg<'g> {
    /// A picture of `view`'s graph on its date. The view's strength is not used: every
    /// treaty tie is drawn, styled by its strongest obligation.
    pub fn new(view: &View<'g>) -> Self {
        Svg { view: *view }
    }
}

/// The font size of country labels, in pixels.
const LABEL_SIZE: f64 = 13.0;
/// The radius of a country's circle.
const NODE_R: f64 = 8.0;
/// The distance between a country's circle and its label.
const LABEL_GAP: f64 = 5.0;
/// The font families the picture asks for; the widths are estimated for the widest of them.
const FONT: &str = "Helvetica, Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

/// The estimated advance width of `text` in pixels at `font_size`, bold or not.
///
/// The widths are those of DejaVu Sans (bold: DejaVu Sans Bold), rounded up; Helvetica and
/// Arial are narrower, so the estimate is an upper bound for them.
///
/// ```
/// use alliance_graph::export::svg::text_width;
///
/// let w = text_width("Japan", 13.0, false);
/// assert!(w > 30.0 && w < 45.0);
/// assert!(text_width("Japan", 13.0, true) > w);
/// ```
pub fn text_width(text: &str, font_size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(char_width).sum();
    em * font_size * if bold { 1.12 } else { 1.0 }
}

/// The width of a character in DejaVu Sans, in ems (rounded up).
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' => 0.28,
        '.' | ',' | ':' | ';' | '!' | ' ' => 0.33,
        'I' | 'J' => 0.30,
        'f' | 't' => 0.40,
        'r' => 0.42,
        '(' | ')' | '[' | ']' | '-' => 0.40,
        's' | 'z' | 'c' => 0.56,
        'v' | 'x' | 'y' | 'k' => 0.60,
        'a' | 'e' | 'o' => 0.62,
        'b' | 'd' | 'g' | 'h' | 'n' | 'p' | 'q' | 'u' => 0.64,
        'w' => 0.82,
        'm' => 0.98,
        '0'..='9' => 0.64,
        'L' => 0.56,
        'F' | 'P' => 0.61,
        'E' | 'T' | 'Y' | 'S' | 'Z' => 0.64,
        'B' | 'K' | 'A' | 'R' | 'V' | 'X' | 'C' => 0.71,
        'U' | 'N' | 'H' | 'D' | 'G' | 'O' | 'Q' => 0.79,
        'M' => 0.87,
        'W' => 1.0,
        '\u{2013}' => 0.5,
        '\u{2014}' => 1.0,
        '\u{00B7}' | '\u{2019}' | '\u{2018}' => 0.33,
        c if (c as u32) >= 0x1100 => 1.0,
        _ => 0.72,
    }
}

/// A rectangle: `x0 <= x1`, `y0 <= y1`, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// Whether the two rectangles share interior points.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    fn grow(&self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// The box the layout reserves for a one-line `<text>` element: `x`, `y` are its position
/// (`y` the baseline), `anchor` its `text-anchor` (`start`, `middle` or `end`). It spans the
/// [`text_width`] horizontally and from 0.8 em above the baseline to 0.25 em below.
///
/// ```
/// use alliance_graph::export::svg::text_box;
///
/// let b = text_box("Japan", 100.0, 50.0, 13.0, false, "middle");
/// assert!(b.x0 < 100.0 && b.x1 > 100.0 && b.y1 > 50.0 && b.y0 < 40.0);
/// ```
pub fn text_box(text: &str, x: f64, y: f64, font_size: f64, bold: bool, anchor: &str) -> Rect {
    let w = text_width(text, font_size, bold);
    let x0 = match anchor {
        "middle" => x - w / 2.0,
        "end" => x - w,
        _ => x,
    };
    Rect {
        x0,
        y0: y - 0.8 * font_size,
        x1: x0 + w,
        y1: y + 0.25 * font_size,
    }
}

/// A piece of text in the picture.
#[derive(Debug, Clone)]
struct Label {
    text: String,
    x: f64,
    y: f64,
    size: f64,
    bold: bool,
    anchor: &'static str,
    fill: &'static str,
    halo: bool,
}

impl Label {
    fn rect(&self) -> Rect {
        text_box(
            &self.text,
            self.x,
            self.y,
            self.size,
            self.bold,
            self.anchor,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct P {
    x: f64,
    y: f64,
}

impl P {
    fn dist(self, o: P) -> f64 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Country(usize),
    Grouping(usize),
}

#[derive(Debug, Clone)]
struct CountryNode {
    id: CountryId,
    name: String,
    nuclear: bool,
}

#[derive(Debug, Clone)]
struct GroupingNode {
    id: GroupingId,
    label: String,
    sub: String,
    proposed: bool,
    w: f64,
    h: f64,
}

/// How a treaty tie is drawn: by its strongest obligation, or `None` for a tie with none.
#[derive(Debug, Clone)]
struct TieLine {
    a: usize,
    b: usize,
    strongest: Option<Obligation>,
    /// For a one-sided strongest obligation: (owed by, owed to).
    one_sided: Option<(usize, usize)>,
    title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum StanceStyle {
    Proposal,
    Support,
    Refusal,
    Invited,
}

#[derive(Debug, Clone)]
struct StanceLine {
    from: End,
    to: End,
    style: StanceStyle,
    title: String,
}

#[derive(Debug, Clone)]
struct MemberLine {
    country: usize,
    grouping: usize,
    full: bool,
    title: String,
}

/// What to draw, before layout.
#[derive(Debug, Clone, Default)]
struct Scene {
    countries: Vec<CountryNode>,
    groupings: Vec<GroupingNode>,
    ties: Vec<TieLine>,
    members: Vec<MemberLine>,
    stances: Vec<StanceLine>,
}

fn grouping_sub(kind: crate::GroupingKind, proposed: bool) -> String {
    if proposed {
        "proposed".into()
    } else {
        kind.as_str().replace('-', " ")
    }
}

fn evidence_text(e: &[TieEvidence]) -> String {
    e.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn stance_title(graph: &crate::AllianceGraph, s: &crate::Stance) -> String {
    let mut t = format!(
        "{} {} {} ({}, {}",
        s.actor, s.kind, s.target, s.date, s.evidence
    );
    if let Some(sp) = &s.speaker {
        let _ = write!(t, "; {}", sp.name);
    }
    let _ = write!(t, "; source: {})", s.source);
    if let Some(q) = s.quote.as_ref().or(s.summary.as_ref()) {
        let _ = write!(t, "\n{q}");
    }
    let _ = graph;
    t
}

impl Scene {
    fn build(view: &View<'_>) -> Scene {
        let graph = view.graph();
        let asked = view.span();
        let mut scene = Scene::default();
        let mut country_index: BTreeMap<CountryId, usize> = BTreeMap::new();
        for c in graph.countries() {
            country_index.insert(c.id, scene.countries.len());
            scene.countries.push(CountryNode {
                id: c.id,
                name: c.name.clone(),
                nuclear: view.is_nuclear_armed(c.id),
            });
        }
        let mut grouping_index: BTreeMap<GroupingId, usize> = BTreeMap::new();
        for g in graph.groupings() {
            let proposed = match g.status_during(&asked) {
                Some(GroupingStatus::Active) => false,
                Some(GroupingStatus::Proposed) => true,
                _ => continue,
            };
            let label = g.acronym.clone().unwrap_or_else(|| g.name.clone());
            let sub = grouping_sub(g.kind, proposed);
            let w = text_width(&label, 14.0, true).max(text_width(&sub, 10.5, false)) + 20.0;
            grouping_index.insert(g.id.clone(), scene.groupings.len());
            scene.groupings.push(GroupingNode {
                id: g.id.clone(),
                label,
                sub,
                proposed,
                w,
                h: 38.0,
            });
        }
        // Memberships in force.
        for (gi, g) in scene.groupings.clone().iter().enumerate() {
            let Ok(members) = view.members_of(&g.id) else {
                continue;
            };
            let mut seen = BTreeSet::new();
            for m in members {
                let Some(&ci) = country_index.get(&m.country) else {
                    continue;
                };
                if !seen.insert(ci) {
                    continue;
                }
                let since = m.start.map_or(String::new(), |s| format!(" since {s}"));
                scene.members.push(MemberLine {
                    country: ci,
                    grouping: gi,
                    full: m.role.is_full_member(),
                    title: format!(
                        "{} in {}: {}{} [source: {}]",
                        m.country, g.id, m.role, since, m.source
                    ),
                });
            }
        }
        // Treaty ties in force, at any strength.
        let any = view.with_strength(Strength::Any);
        for (ai, a) in scene.countries.clone().iter().enumerate() {
            for (b, evidence) in any.ties_of(a.id) {
                if b <= a.id {
                    continue;
                }
                let Some(&bi) = country_index.get(&b) else {
                    continue;
                };
                let treaty: Vec<TieEvidence> = evidence
                    .into_iter()
                    .filter(|e| matches!(e.basis, TieBasis::Treaty { .. }))
                    .collect();
                if treaty.is_empty() {
                    continue;
                }
                let strongest = treaty.iter().filter_map(|e| e.obligation).min();
                let one_sided = treaty
                    .iter()
                    .filter(|e| e.obligation == strongest && strongest.is_some())
                    .find_map(|e| match (e.owed_by.as_slice(), e.owed_to.as_slice()) {
                        ([by], [to]) if by != to => {
                            let by = if *by == a.id { ai } else { bi };
                            let to = if *to == a.id { ai } else { bi };
                            Some((by, to))
                        }
                        _ => None,
                    });
                // Mutual in another clause of the same strength wins over one-sided.
                let mutual = treaty
                    .iter()
                    .any(|e| e.obligation == strongest && strongest.is_some() && e.is_mutual());
                scene.ties.push(TieLine {
                    a: ai,
                    b: bi,
                    strongest,
                    one_sided: if mutual { None } else { one_sided },
                    title: evidence_text(&treaty),
                });
            }
        }
        // Stated positions: the latest of each actor on each target, by the date.
        let end_of = |a: &ActorId| match a {
            ActorId::Country(c) => country_index.get(c).map(|&i| End::Country(i)),
            ActorId::Grouping(g) => grouping_index.get(g).map(|&i| End::Grouping(i)),
        };
        let mut latest: BTreeMap<(ActorId, End), &crate::Stance> = BTreeMap::new();
        for s in graph.stances() {
            if !s.date.counts_by(&asked) {
                continue;
            }
            let target = match &s.target {
                Target::Grouping(g) => grouping_index.get(g).map(|&i| End::Grouping(i)),
                // Stances on states (requests, bilateral proposals) are left to the text
                // answers: the picture shows where actors stand on groupings.
                Target::Country(_) => None,
                // A state's stance on its own membership counts as its stance on the grouping;
                // others' stances on a membership are invitations, drawn below.
                Target::Membership { country, grouping }
                    if s.actor == ActorId::Country(*country) =>
                {
                    grouping_index.get(grouping).map(|&i| End::Grouping(i))
                }
                Target::Membership { .. } => None,
            };
            let Some(target) = target else { continue };
            let key = (s.actor.clone(), target);
            match latest.get(&key) {
                Some(prev) if prev.date > s.date => {}
                _ => {
                    latest.insert(key, s);
                }
            }
        }
        for ((actor, target), s) in &latest {
            let Some(from) = end_of(actor) else { continue };
            if from == *target {
                continue;
            }
            let style = match s.kind {
                StanceKind::Proposal => StanceStyle::Proposal,
                StanceKind::Refusal => StanceStyle::Refusal,
                StanceKind::Support | StanceKind::Request | StanceKind::Invitation => {
                    StanceStyle::Support
                }
            };
            scene.stances.push(StanceLine {
                from,
                to: *target,
                style,
                title: stance_title(graph, s),
            });
        }
        // Invited and silent: from the coalition on each grouping.
        for (gi, g) in scene.groupings.clone().iter().enumerate() {
            let Ok(c) = view.coalition(&g.id) else {
                continue;
            };
            for (country, invitations) in &c.invited_silent {
                let Some(&ci) = country_index.get(country) else {
                    continue;
                };
                let title = invitations
                    .iter()
                    .map(|s| stance_title(graph, s))
                    .collect::<Vec<_>>()
                    .join("\n");
                scene.stances.push(StanceLine {
                    from: End::Grouping(gi),
                    to: End::Country(ci),
                    style: StanceStyle::Invited,
                    title: format!(
                        "{country} invited to join {}, silent so far:\n{title}",
                        g.id
                    ),
                });
            }
        }
        scene
    }
}

/// Node positions.
#[derive(Debug, Clone)]
struct Placement {
    country: Vec<P>,
    grouping: Vec<P>,
}

impl Placement {
    fn at(&self, e: End) -> P {
        match e {
            End::Country(i) => self.country[i],
            End::Grouping(i) => self.grouping[i],
        }
    }
}

/// The ellipse the countries sit on, sampled by arc length.
#[derive(Debug, Clone)]
struct Ellipse {
    rx: f64,
    ry: f64,
    /// Points around the ellipse from the top, clockwise, and the arc length up to each.
    samples: Vec<(P, f64)>,
}

impl Ellipse {
    fn new(perimeter: f64) -> Ellipse {
        // Perimeter of an ellipse with rx = 1.45 ry, approximately 2π·sqrt((rx²+ry²)/2).
        let ratio: f64 = 1.45;
        let ry = perimeter / (std::f64::consts::TAU * ((ratio * ratio + 1.0) / 2.0).sqrt());
        let rx = ratio * ry;
        const SAMPLES: usize = 3600;
        let point = |t: f64| P {
            x: rx * t.cos(),
            y: ry * t.sin(),
        };
        let start = -std::f64::consts::FRAC_PI_2;
        let mut samples = Vec::with_capacity(SAMPLES + 1);
        let mut prev = point(start);
        let mut length = 0.0;
        for k in 0..=SAMPLES {
            let p = point(start + std::f64::consts::TAU * k as f64 / SAMPLES as f64);
            length += prev.dist(p);
            samples.push((p, length));
            prev = p;
        }
        Ellipse { rx, ry, samples }
    }

    fn perimeter(&self) -> f64 {
        self.samples.last().map_or(0.0, |s| s.1)
    }

    /// The point at a fraction (0 to 1) of the way around, by arc length.
    fn at(&self, fraction: f64) -> P {
        let want = fraction.rem_euclid(1.0) * self.perimeter();
        let k = self.samples.partition_point(|s| s.1 < want);
        self.samples[k.min(self.samples.len() - 1)].0
    }
}

fn segments_cross(a: P, b: P, c: P, d: P) -> bool {
    let orient = |p: P, q: P, r: P| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// The distance from `p` to the segment `a`–`b`.
fn point_segment_distance(p: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 < 1e-12 {
        return p.dist(a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    p.dist(P {
        x: a.x + t * dx,
        y: a.y + t * dy,
    })
}

/// Whether the segment `a`–`b` passes through the rectangle (Liang–Barsky clipping).
fn segment_hits_rect(a: P, b: P, r: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.x0),
        (dx, r.x1 - a.x),
        (-dy, a.y - r.y0),
        (dy, r.y1 - a.y),
    ] {
        if p.abs() < 1e-12 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A straight line (memberships).
    Straight,
    /// A curve bowing toward the centre (treaty ties), so that ties between neighbours on the
    /// ellipse stay apart.
    Bow,
    /// A curve bending to the left of its direction (stances), so that two stances in
    /// opposite directions stay apart.
    Bend,
}

/// The control point of an edge's quadratic curve from `a` to `b`.
fn control(shape: Shape, a: P, b: P) -> P {
    let mid = P {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    };
    let len = a.dist(b).max(1.0);
    let (nx, ny) = ((b.y - a.y) / len, -(b.x - a.x) / len);
    match shape {
        Shape::Straight => mid,
        Shape::Bend => {
            let bend = (0.14 * len).min(60.0);
            P {
                x: mid.x + nx * bend,
                y: mid.y + ny * bend,
            }
        }
        Shape::Bow => {
            // Toward the centre (the origin), by a share of the length.
            let toward = if nx * -mid.x + ny * -mid.y >= 0.0 {
                1.0
            } else {
                -1.0
            };
            let bow = (0.12 * len).min(50.0) * toward;
            P {
                x: mid.x + nx * bow,
                y: mid.y + ny * bow,
            }
        }
    }
}

/// An edge as a polyline for crossing counts: the ends and, for curves, the curve's middle.
fn polyline(shape: Shape, a: P, b: P) -> Vec<P> {
    if shape == Shape::Straight {
        return vec![a, b];
    }
    let c = control(shape, a, b);
    let m = P {
        x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x,
        y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y,
    };
    vec![a, m, b]
}

struct Layout<'s> {
    scene: &'s Scene,
    ellipse: Ellipse,
    /// The share of the ellipse each country takes: less for a state tied only to one
    /// grouping (NATO's many members), so that the states with many ties get room.
    weight: Vec<f64>,
    /// Every edge as a pair of ends, for crossing counts and grouping placement.
    edges: Vec<(End, End)>,
    /// How each edge is drawn.
    shapes: Vec<Shape>,
}

impl<'s> Layout<'s> {
    fn new(scene: &'s Scene) -> Self {
        let mut edges: Vec<(End, End)> = Vec::new();
        edges.extend(
            scene
                .ties
                .iter()
                .map(|t| (End::Country(t.a), End::Country(t.b))),
        );
        edges.extend(
            scene
                .members
                .iter()
                .map(|m| (End::Country(m.country), End::Grouping(m.grouping))),
        );
        edges.extend(scene.stances.iter().map(|s| (s.from, s.to)));
        let mut shapes = vec![Shape::Bow; scene.ties.len()];
        shapes.extend(std::iter::repeat_n(Shape::Straight, scene.members.len()));
        shapes.extend(std::iter::repeat_n(Shape::Bend, scene.stances.len()));
        let mut degree = vec![(0usize, 0usize); scene.countries.len()];
        for &(a, b) in &edges {
            for (e, other) in [(a, b), (b, a)] {
                if let End::Country(c) = e {
                    match other {
                        End::Grouping(_) => degree[c].0 += 1,
                        End::Country(_) => degree[c].1 += 1,
                    }
                }
            }
        }
        let weight: Vec<f64> = degree
            .iter()
            .map(|&(groupings, countries)| match (groupings, countries) {
                (0, 0) => 0.8,
                (1, 0) => 0.7,
                _ => 1.3,
            })
            .collect();
        let total: f64 = weight.iter().sum();
        // About 95 px of perimeter per unit of weight, and never smaller than a slide's middle.
        let ellipse = Ellipse::new((total * 95.0).max(1500.0));
        Layout {
            scene,
            ellipse,
            weight,
            edges,
            shapes,
        }
    }

    /// Positions for countries in `order` (order[k] = the country in the k-th place).
    fn place(&self, order: &[usize]) -> Placement {
        let mut country = vec![P { x: 0.0, y: 0.0 }; order.len()];
        let total: f64 = self.weight.iter().sum::<f64>().max(1e-9);
        let mut before = 0.0;
        for &c in order {
            let w = self.weight[c];
            country[c] = self.ellipse.at((before + w / 2.0) / total);
            before += w;
        }
        let mut sums = vec![(0.0, 0.0, 0usize); self.scene.groupings.len()];
        for &(a, b) in &self.edges {
            if let (End::Country(c), End::Grouping(g)) | (End::Grouping(g), End::Country(c)) =
                (a, b)
            {
                sums[g].0 += country[c].x;
                sums[g].1 += country[c].y;
                sums[g].2 += 1;
            }
        }
        let pull = 0.55;
        let mut grouping: Vec<P> = sums
            .iter()
            .map(|&(x, y, n)| {
                if n == 0 {
                    P { x: 0.0, y: 0.0 }
                } else {
                    P {
                        x: pull * x / n as f64,
                        y: pull * y / n as f64,
                    }
                }
            })
            .collect();
        self.separate(&mut grouping);
        Placement { country, grouping }
    }

    fn grouping_rect(&self, pl: &Placement, g: usize) -> Rect {
        let (n, p) = (&self.scene.groupings[g], pl.grouping[g]);
        Rect {
            x0: p.x - n.w / 2.0,
            y0: p.y - n.h / 2.0,
            x1: p.x + n.w / 2.0,
            y1: p.y + n.h / 2.0,
        }
    }

    /// Pushes grouping boxes apart until none overlap (with a margin), keeping them inside
    /// the inner part of the ellipse.
    fn separate(&self, pos: &mut [P]) {
        let gs = &self.scene.groupings;
        let margin = 18.0;
        for _ in 0..200 {
            let mut moved = false;
            for i in 0..pos.len() {
                for j in i + 1..pos.len() {
                    let need_x = (gs[i].w + gs[j].w) / 2.0 + margin;
                    let need_y = (gs[i].h + gs[j].h) / 2.0 + margin;
                    let dx = pos[j].x - pos[i].x;
                    let dy = pos[j].y - pos[i].y;
                    let (ox, oy) = (need_x - dx.abs(), need_y - dy.abs());
                    if ox > 0.0 && oy > 0.0 {
                        moved = true;
                        // Separate along the axis that needs the smaller move.
                        if ox * 0.6 < oy {
                            let s = if dx > 0.0 || (dx == 0.0 && i < j) {
                                1.0
                            } else {
                                -1.0
                            };
                            pos[i].x -= s * ox / 2.0;
                            pos[j].x += s * ox / 2.0;
                        } else {
                            let s = if dy > 0.0 || (dy == 0.0 && i < j) {
                                1.0
                            } else {
                                -1.0
                            };
                            pos[i].y -= s * oy / 2.0;
                            pos[j].y += s * oy / 2.0;
                        }
                    }
                }
            }
            for (p, g) in pos.iter_mut().zip(gs) {
                let lim_x = (self.ellipse.rx * 0.72 - g.w / 2.0).max(0.0);
                let lim_y = (self.ellipse.ry * 0.72 - g.h / 2.0).max(0.0);
                p.x = p.x.clamp(-lim_x, lim_x);
                p.y = p.y.clamp(-lim_y, lim_y);
            }
            if !moved {
                break;
            }
        }
    }

    fn cost(&self, order: &[usize]) -> f64 {
        self.cost_of(&self.place(order))
    }

    /// Moves each grouping box to the nearby spot where its lines cross and graze least,
    /// keeping boxes apart and inside the ellipse.
    fn refine(&self, pl: &mut Placement) {
        let gs = &self.scene.groupings;
        let mut best = self.cost_of(pl);
        for _ in 0..3 {
            let mut improved = false;
            for g in 0..gs.len() {
                let home = pl.grouping[g];
                let mut best_here = home;
                for dx in -4..=4 {
                    for dy in -4..=4 {
                        let p = P {
                            x: home.x + f64::from(dx) * 25.0,
                            y: home.y + f64::from(dy) * 20.0,
                        };
                        let lim_x = (self.ellipse.rx * 0.72 - gs[g].w / 2.0).max(0.0);
                        let lim_y = (self.ellipse.ry * 0.72 - gs[g].h / 2.0).max(0.0);
                        if p.x.abs() > lim_x || p.y.abs() > lim_y {
                            continue;
                        }
                        pl.grouping[g] = p;
                        let r = self.grouping_rect(pl, g).grow(18.0);
                        if (0..gs.len()).any(|o| o != g && self.grouping_rect(pl, o).overlaps(&r)) {
                            continue;
                        }
                        let c = self.cost_of(pl);
                        if c + 1e-9 < best {
                            best = c;
                            best_here = p;
                            improved = true;
                        }
                    }
                }
                pl.grouping[g] = best_here;
            }
            if !improved {
                break;
            }
        }
    }

    fn cost_of(&self, pl: &Placement) -> f64 {
        let lines: Vec<(End, End, Vec<P>)> = self
            .edges
            .iter()
            .zip(&self.shapes)
            .map(|(&(a, b), &shape)| (a, b, polyline(shape, pl.at(a), pl.at(b))))
            .collect();
        let rects: Vec<Rect> = (0..self.scene.groupings.len())
            .map(|g| self.grouping_rect(pl, g).grow(4.0))
            .collect();
        let mut crossings = 0usize;
        let mut near = 0usize;
        let mut length = 0.0;
        for (i, s) in lines.iter().enumerate() {
            let segs: Vec<(P, P)> = s.2.windows(2).map(|w| (w[0], w[1])).collect();
            length += segs.iter().map(|(a, b)| a.dist(*b)).sum::<f64>();
            for t in &lines[i + 1..] {
                if s.0 == t.0 || s.0 == t.1 || s.1 == t.0 || s.1 == t.1 {
                    continue;
                }
                let crossed = segs
                    .iter()
                    .any(|(a, b)| t.2.windows(2).any(|w| segments_cross(*a, *b, w[0], w[1])));
                if crossed {
                    crossings += 1;
                }
            }
            // A line that grazes a state it does not join, or runs through a grouping's box,
            // reads as a tie it is not.
            for (c, p) in pl.country.iter().enumerate() {
                if s.0 != End::Country(c)
                    && s.1 != End::Country(c)
                    && segs
                        .iter()
                        .any(|(a, b)| point_segment_distance(*p, *a, *b) < NODE_R + 18.0)
                {
                    near += 1;
                }
            }
            for (g, r) in rects.iter().enumerate() {
                if s.0 != End::Grouping(g)
                    && s.1 != End::Grouping(g)
                    && segs.iter().any(|(a, b)| segment_hits_rect(*a, *b, r))
                {
                    near += 1;
                }
            }
        }
        (crossings + 2 * near) as f64 * 1000.0 + length
    }

    /// The order of countries on the ellipse: dataset order improved by swaps and moves.
    fn order(&self) -> Vec<usize> {
        let n = self.scene.countries.len();
        let mut order: Vec<usize> = (0..n).collect();
        if n > 60 || self.edges.len() > 400 {
            return order;
        }
        let mut best = self.cost(&order);
        for _ in 0..30 {
            let mut improved = false;
            for i in 0..n {
                for j in i + 1..n {
                    order.swap(i, j);
                    let c = self.cost(&order);
                    if c + 1e-9 < best {
                        best = c;
                        improved = true;
                    } else {
                        order.swap(i, j);
                    }
                }
            }
            for i in 0..n {
                for j in 0..n {
                    if i == j {
                        continue;
                    }
                    let item = order.remove(i);
                    order.insert(j, item);
                    let c = self.cost(&order);
                    if c + 1e-9 < best {
                        best = c;
                        improved = true;
                    } else {
                        let item = order.remove(j);
                        order.insert(i, item);
                    }
                }
            }
            if !improved {
                break;
            }
        }
        order
    }
}

/// Places country labels outside their circles, nudging each until its box overlaps no
/// placed label and no node.
fn place_labels(scene: &Scene, pl: &Placement) -> Vec<Label> {
    let mut obstacles: Vec<Rect> = Vec::new();
    for p in &pl.country {
        obstacles.push(Rect {
            x0: p.x - NODE_R,
            y0: p.y - NODE_R,
            x1: p.x + NODE_R,
            y1: p.y + NODE_R,
        });
    }
    for (g, p) in scene.groupings.iter().zip(&pl.grouping) {
        obstacles.push(Rect {
            x0: p.x - g.w / 2.0,
            y0: p.y - g.h / 2.0,
            x1: p.x + g.w / 2.0,
            y1: p.y + g.h / 2.0,
        });
    }
    let mut placed: Vec<Rect> = Vec::new();
    let mut labels = Vec::new();
    for (c, p) in scene.countries.iter().zip(&pl.country) {
        let len = (p.x * p.x + p.y * p.y).sqrt().max(1e-9);
        let (ux, uy) = (p.x / len, p.y / len);
        let anchor = if ux > 0.3 {
            "start"
        } else if ux < -0.3 {
            "end"
        } else {
            "middle"
        };
        let candidate = |push: f64, shift: f64| -> Label {
            let d = NODE_R + LABEL_GAP + push;
            let (mut x, mut y) = (p.x + ux * d, p.y + uy * d);
            match anchor {
                "middle" if uy < 0.0 => y -= 0.25 * LABEL_SIZE,
                "middle" => y += 0.8 * LABEL_SIZE,
                _ => {
                    y += 0.3 * LABEL_SIZE;
                    // Leave room for the circle beside the text.
                    x += ux.signum() * 1.0;
                }
            }
            Label {
                text: c.name.clone(),
                x,
                y: y + shift,
                size: LABEL_SIZE,
                bold: false,
                anchor,
                fill: "#1b2631",
                halo: true,
            }
        };
        let h = LABEL_SIZE * 1.1;
        let mut chosen = None;
        'search: for step in 0..200 {
            let push = f64::from(step / 5) * 5.0;
            let shift = match step % 5 {
                0 => 0.0,
                1 => -h * 0.5,
                2 => h * 0.5,
                3 => -h,
                _ => h,
            };
            let l = candidate(push, shift);
            let r = l.rect().grow(1.5);
            if placed.iter().any(|o| o.overlaps(&r)) || obstacles.iter().any(|o| o.overlaps(&r)) {
                continue 'search;
            }
            chosen = Some(l);
            break;
        }
        // Beyond every candidate, move straight out until free (always terminates: the
        // placed boxes are finite).
        let l = chosen.unwrap_or_else(|| {
            let mut push = 1000.0;
            loop {
                let l = candidate(push, 0.0);
                let r = l.rect().grow(1.5);
                if !placed.iter().any(|o| o.overlaps(&r))
                    && !obstacles.iter().any(|o| o.overlaps(&r))
                {
                    break l;
                }
                push += 20.0;
            }
        });
        placed.push(l.rect());
        labels.push(l);
    }
    labels
}

/// The style of a treaty line: colour, width, dash pattern, legend text.
fn tie_style(o: Option<Obligation>) -> (&'static str, f64, &'static str, &'static str) {
    match o {
        Some(Obligation::Defense) => ("#1f4e9c", 3.5, "", "defense"),
        Some(Obligation::Offense) => ("#6a3d9a", 3.0, "", "offense"),
        Some(Obligation::Neutrality) => ("#2c7fb8", 2.5, "", "neutrality"),
        Some(Obligation::NonAggression) => ("#1a9e8f", 2.5, "", "non-aggression"),
        Some(Obligation::Consultation) => ("#7f8c8d", 2.0, "7 4", "consultation"),
        None => (
            "#9aa3ab",
            2.0,
            "1 5",
            "cooperation, no obligation (access agreement)",
        ),
    }
}

fn stance_style(s: StanceStyle) -> (&'static str, f64, &'static str, &'static str) {
    match s {
        StanceStyle::Proposal => ("#2e7d32", 2.2, "", "proposes"),
        StanceStyle::Support => ("#2e7d32", 2.0, "9 4", "supports or requests"),
        StanceStyle::Refusal => ("#d62728", 2.2, "5 4", "refuses"),
        StanceStyle::Invited => ("#2e7d32", 1.8, "1 5", "invited to join, silent so far"),
    }
}

fn marker_id(color: &str) -> String {
    format!("arrow-{}", color.trim_start_matches('#'))
}

/// Where the segment from `from` toward the centre of a `w`×`h` box at `c` enters the box.
fn clip_to_box(from: P, c: P, w: f64, h: f64, pad: f64) -> P {
    let (dx, dy) = (from.x - c.x, from.y - c.y);
    let (hw, hh) = (w / 2.0 + pad, h / 2.0 + pad);
    let tx = if dx.abs() > 1e-9 {
        hw / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        hh / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    P {
        x: c.x + dx * t,
        y: c.y + dy * t,
    }
}

/// Moves `to` back toward `from` by `by`.
fn shorten(from: P, to: P, by: f64) -> P {
    let d = from.dist(to);
    if d <= by {
        return to;
    }
    P {
        x: to.x + (from.x - to.x) * by / d,
        y: to.y + (from.y - to.y) * by / d,
    }
}

fn fmt_num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

struct Drawing {
    body: String,
    labels: Vec<Label>,
    bounds: Rect,
}

impl Drawing {
    fn include(&mut self, r: Rect) {
        self.bounds = self.bounds.union(&r);
    }
}

impl fmt::Display for Svg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scene = Scene::build(&self.view);
        let layout = Layout::new(&scene);
        let order = layout.order();
        let mut pl = layout.place(&order);
        layout.refine(&mut pl);
        let mut labels = place_labels(&scene, &pl);

        let mut d = Drawing {
            body: String::new(),
            labels: Vec::new(),
            bounds: Rect {
                x0: -layout.ellipse.rx,
                y0: -layout.ellipse.ry,
                x1: layout.ellipse.rx,
                y1: layout.ellipse.ry,
            },
        };
        let end_point = |from: P, e: End, pad: f64| -> P {
            match e {
                End::Country(i) => shorten(from, pl.country[i], NODE_R + pad),
                End::Grouping(i) => {
                    let g = &scene.groupings[i];
                    clip_to_box(from, pl.grouping[i], g.w, g.h, pad)
                }
            }
        };
        let mut used_colors: BTreeSet<&'static str> = BTreeSet::new();

        // Memberships.
        let _ = writeln!(d.body, r#"<g id="memberships" fill="none">"#);
        for m in &scene.members {
            let a = pl.country[m.country];
            let b = end_point(a, End::Grouping(m.grouping), 0.0);
            let dash = if m.full {
                ""
            } else {
                r#" stroke-dasharray="4 3""#
            };
            let _ = writeln!(
                d.body,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b3bcc6" stroke-width="1.4"{dash}><title>{}</title></line>"##,
                fmt_num(a.x),
                fmt_num(a.y),
                fmt_num(b.x),
                fmt_num(b.y),
                xml_escape(&m.title)
            );
        }
        let _ = writeln!(d.body, "</g>");

        // Treaty ties, weakest first so the strongest are drawn on top.
        let mut ties: Vec<&TieLine> = scene.ties.iter().collect();
        ties.sort_by(|x, y| {
            y.strongest
                .map_or(9, |o| o as u8)
                .cmp(&x.strongest.map_or(9, |o| o as u8))
        });
        let _ = writeln!(
            d.body,
            r#"<g id="treaties" fill="none" stroke-linecap="round">"#
        );
        for t in ties {
            let (color, width, dash, _) = tie_style(t.strongest);
            let (from, to) = match t.one_sided {
                Some((by, to)) => (by, to),
                None => (t.a, t.b),
            };
            let (a, mut b) = (pl.country[from], pl.country[to]);
            let ctrl = control(Shape::Bow, a, b);
            let mut marker = String::new();
            if t.one_sided.is_some() {
                b = shorten(ctrl, b, NODE_R + 2.0 + width * 2.5);
                used_colors.insert(color);
                marker = format!(r#" marker-end="url(#{})""#, marker_id(color));
            }
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = writeln!(
                d.body,
                r#"<path d="M {} {} Q {} {} {} {}" stroke="{color}" stroke-width="{}"{dash}{marker}><title>{}</title></path>"#,
                fmt_num(a.x),
                fmt_num(a.y),
                fmt_num(ctrl.x),
                fmt_num(ctrl.y),
                fmt_num(b.x),
                fmt_num(b.y),
                fmt_num(width),
                xml_escape(&t.title)
            );
        }
        let _ = writeln!(d.body, "</g>");

        // Stances, as curves bending to the left of their direction.
        let _ = writeln!(
            d.body,
            r#"<g id="stances" fill="none" stroke-linecap="round">"#
        );
        for s in &scene.stances {
            let (color, width, dash, _) = stance_style(s.style);
            used_colors.insert(color);
            let (a0, b0) = (pl.at(s.from), pl.at(s.to));
            let ctrl = control(Shape::Bend, a0, b0);
            let a = end_point(ctrl, s.from, 2.0);
            let b = end_point(ctrl, s.to, 2.0 + width * 2.5);
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = writeln!(
                d.body,
                r#"<path d="M {} {} Q {} {} {} {}" stroke="{color}" stroke-width="{}"{dash} marker-end="url(#{})"><title>{}</title></path>"#,
                fmt_num(a.x),
                fmt_num(a.y),
                fmt_num(ctrl.x),
                fmt_num(ctrl.y),
                fmt_num(b.x),
                fmt_num(b.y),
                fmt_num(width),
                marker_id(color),
                xml_escape(&s.title)
            );
        }
        let _ = writeln!(d.body, "</g>");

        // Groupings.
        let _ = writeln!(d.body, r#"<g id="groupings">"#);
        for (g, p) in scene.groupings.iter().zip(&pl.grouping) {
            let dash = if g.proposed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let fill = if g.proposed { "#ffffff" } else { "#eef3fb" };
            let _ = writeln!(
                d.body,
                r##"<rect x="{}" y="{}" width="{}" height="{}" rx="9" fill="{fill}" stroke="#1f4e9c" stroke-width="1.8"{dash}><title>{}</title></rect>"##,
                fmt_num(p.x - g.w / 2.0),
                fmt_num(p.y - g.h / 2.0),
                fmt_num(g.w),
                fmt_num(g.h),
                xml_escape(&format!("{} ({}), {}", g.label, g.id, g.sub))
            );
            labels.push(Label {
                text: g.label.clone(),
                x: p.x,
                y: p.y - 3.0,
                size: 14.0,
                bold: true,
                anchor: "middle",
                fill: "#12325e",
                halo: false,
            });
            labels.push(Label {
                text: g.sub.clone(),
                x: p.x,
                y: p.y + 12.5,
                size: 10.5,
                bold: false,
                anchor: "middle",
                fill: "#4a5a6a",
                halo: false,
            });
        }
        let _ = writeln!(d.body, "</g>");

        // Countries.
        let _ = writeln!(d.body, r#"<g id="countries">"#);
        for (c, p) in scene.countries.iter().zip(&pl.country) {
            let (fill, stroke) = if c.nuclear {
                ("#1b2631", "#1b2631")
            } else {
                ("#ffffff", "#1b2631")
            };
            let nuclear = if c.nuclear { ", nuclear-armed" } else { "" };
            let _ = writeln!(
                d.body,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}" stroke="{stroke}" stroke-width="2"><title>{} ({}){nuclear}</title></circle>"#,
                fmt_num(p.x),
                fmt_num(p.y),
                fmt_num(NODE_R),
                xml_escape(&c.name),
                c.id
            );
        }
        let _ = writeln!(d.body, "</g>");

        for l in &labels {
            d.include(l.rect());
        }
        d.labels = labels;
        let graph_bounds = d.bounds;

        // Legend, right of the graph.
        let mut legend = String::new();
        let lx = graph_bounds.x1 + 50.0;
        let mut ly = graph_bounds.y0 + 10.0;
        let section = |d: &mut Drawing, ly: &mut f64, title: &str| {
            *ly += 8.0;
            d.labels.push(Label {
                text: title.to_string(),
                x: lx,
                y: *ly,
                size: 12.5,
                bold: true,
                anchor: "start",
                fill: "#1b2631",
                halo: false,
            });
            *ly += 20.0;
        };
        let entry = |d: &mut Drawing, ly: &mut f64, text: &str| {
            d.labels.push(Label {
                text: text.to_string(),
                x: lx + 50.0,
                y: *ly + 4.0,
                size: 12.0,
                bold: false,
                anchor: "start",
                fill: "#1b2631",
                halo: false,
            });
            *ly += 22.0;
        };
        section(&mut d, &mut ly, "Actors");
        let _ = writeln!(
            legend,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="#1b2631" stroke-width="2"/>"##,
            fmt_num(lx + 20.0),
            fmt_num(ly),
            fmt_num(NODE_R)
        );
        entry(&mut d, &mut ly, "state");
        if scene.countries.iter().any(|c| c.nuclear) {
            let _ = writeln!(
                legend,
                r##"<circle cx="{}" cy="{}" r="{}" fill="#1b2631" stroke="#1b2631" stroke-width="2"/>"##,
                fmt_num(lx + 20.0),
                fmt_num(ly),
                fmt_num(NODE_R)
            );
            entry(&mut d, &mut ly, "nuclear-armed state");
        }
        for (proposed, text) in [(false, "grouping, active"), (true, "grouping, proposed")] {
            if !scene.groupings.iter().any(|g| g.proposed == proposed) {
                continue;
            }
            let dash = if proposed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let fill = if proposed { "#ffffff" } else { "#eef3fb" };
            let _ = writeln!(
                legend,
                r##"<rect x="{}" y="{}" width="40" height="18" rx="6" fill="{fill}" stroke="#1f4e9c" stroke-width="1.8"{dash}/>"##,
                fmt_num(lx),
                fmt_num(ly - 9.0)
            );
            entry(&mut d, &mut ly, text);
        }
        let line = |legend: &mut String,
                    ly: f64,
                    color: &str,
                    width: f64,
                    dash: &str,
                    marker: bool| {
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let x2 = if marker { lx + 32.0 } else { lx + 40.0 };
            let marker = if marker {
                format!(r#" marker-end="url(#{})""#, marker_id(color))
            } else {
                String::new()
            };
            let _ = writeln!(
                legend,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{color}" stroke-width="{}" stroke-linecap="round"{dash}{marker}/>"#,
                fmt_num(lx),
                fmt_num(ly),
                fmt_num(x2),
                fmt_num(ly),
                fmt_num(width)
            );
        };
        let strengths: BTreeSet<Option<u8>> = scene
            .ties
            .iter()
            .map(|t| t.strongest.map(|o| o as u8))
            .collect();
        if !scene.ties.is_empty() {
            section(&mut d, &mut ly, "Treaty ties, by strongest obligation");
            for o in Obligation::ALL.iter().map(|o| Some(*o)).chain([None]) {
                if !strengths.contains(&o.map(|o| o as u8)) {
                    continue;
                }
                let (color, width, dash, text) = tie_style(o);
                line(&mut legend, ly, color, width, dash, false);
                entry(&mut d, &mut ly, text);
                if o.is_some()
                    && scene
                        .ties
                        .iter()
                        .any(|t| t.strongest == o && t.one_sided.is_some())
                {
                    line(&mut legend, ly, color, width, dash, true);
                    used_colors.insert(color);
                    entry(
                        &mut d,
                        &mut ly,
                        &format!("{text}, one-sided: to the state owed"),
                    );
                }
            }
        }
        if !scene.members.is_empty() {
            section(&mut d, &mut ly, "Groupings");
            let _ = writeln!(
                legend,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b3bcc6" stroke-width="1.4"/>"##,
                fmt_num(lx),
                fmt_num(ly),
                fmt_num(lx + 40.0),
                fmt_num(ly)
            );
            entry(&mut d, &mut ly, "member");
            if scene.members.iter().any(|m| !m.full) {
                let _ = writeln!(
                    legend,
                    r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b3bcc6" stroke-width="1.4" stroke-dasharray="4 3"/>"##,
                    fmt_num(lx),
                    fmt_num(ly),
                    fmt_num(lx + 40.0),
                    fmt_num(ly)
                );
                entry(&mut d, &mut ly, "partner or observer");
            }
        }
        let styles: BTreeSet<StanceStyle> = scene.stances.iter().map(|s| s.style).collect();
        if !styles.is_empty() {
            section(&mut d, &mut ly, "Stated positions (latest)");
            for s in [
                StanceStyle::Proposal,
                StanceStyle::Support,
                StanceStyle::Refusal,
                StanceStyle::Invited,
            ] {
                if !styles.contains(&s) {
                    continue;
                }
                let (color, width, dash, text) = stance_style(s);
                line(&mut legend, ly, color, width, dash, true);
                entry(&mut d, &mut ly, text);
            }
        }
        d.include(Rect {
            x0: lx,
            y0: graph_bounds.y0,
            x1: lx + 40.0,
            y1: ly,
        });
        for l in &d.labels {
            let r = l.rect();
            d.bounds = d.bounds.union(&r);
        }

        // Title above, footnote below.
        let graph = self.view.graph();
        let doc = graph.document();
        let title = format!("Who is allied with whom, as of {}", self.view.date());
        let sub = doc
            .title
            .clone()
            .or_else(|| doc.name.clone())
            .unwrap_or_else(|| "alliance-graph".into());
        let top = d.bounds.y0;
        let left = d.bounds.x0;
        d.labels.push(Label {
            text: title,
            x: left,
            y: top - 38.0,
            size: 22.0,
            bold: true,
            anchor: "start",
            fill: "#1b2631",
            halo: false,
        });
        d.labels.push(Label {
            text: sub,
            x: left,
            y: top - 14.0,
            size: 13.0,
            bold: false,
            anchor: "start",
            fill: "#4a5a6a",
            halo: false,
        });
        let bottom = d.bounds.y1;
        let foot = [
            "Ties in force on the date; a pair tied by several treaties is drawn at its strongest obligation. Groupings tie their full members while active.",
            "Stated positions: each actor's latest on each grouping by the date, from the sources cited. Hover a line or shape for its evidence.",
        ];
        for (k, text) in foot.iter().enumerate() {
            d.labels.push(Label {
                text: (*text).to_string(),
                x: left,
                y: bottom + 30.0 + 16.0 * k as f64,
                size: 11.0,
                bold: false,
                anchor: "start",
                fill: "#5d6d7e",
                halo: false,
            });
        }
        for l in &d.labels {
            let r = l.rect();
            d.bounds = d.bounds.union(&r);
        }

        let b = d.bounds.grow(24.0);
        let (w, h) = (b.x1 - b.x0, b.y1 - b.y0);
        writeln!(
            f,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="{} {} {} {}" font-family="{}">"#,
            w.ceil(),
            h.ceil(),
            fmt_num(b.x0),
            fmt_num(b.y0),
            w.ceil(),
            h.ceil(),
            xml_escape(FONT)
        )?;
        writeln!(
            f,
            "<title>{}</title>",
            xml_escape(&format!(
                "Who is allied with whom, as of {}",
                self.view.date()
            ))
        )?;
        writeln!(f, "<defs>")?;
        for color in &used_colors {
            writeln!(
                f,
                r#"<marker id="{}" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="3.2" markerHeight="3.2" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{color}"/></marker>"#,
                marker_id(color)
            )?;
        }
        writeln!(f, "</defs>")?;
        writeln!(
            f,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
            fmt_num(b.x0),
            fmt_num(b.y0),
            w.ceil(),
            h.ceil()
        )?;
        f.write_str(&d.body)?;
        writeln!(f, r#"<g id="legend">"#)?;
        f.write_str(&legend)?;
        writeln!(f, "</g>")?;
        writeln!(f, r#"<g id="labels">"#)?;
        for l in &d.labels {
            let weight = if l.bold { r#" font-weight="bold""# } else { "" };
            let halo = if l.halo {
                r##" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##
            } else {
                ""
            };
            writeln!(
                f,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{}"{weight}{halo}>{}</text>"#,
                fmt_num(l.x),
                fmt_num(l.y),
                fmt_num(l.size),
                l.anchor,
                l.fill,
                xml_escape(&l.text)
            )?;
        }
        writeln!(f, "</g>")?;
        writeln!(f, "</svg>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

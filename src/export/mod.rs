//! Exports: the graph as GraphViz DOT, as GraphML, drawn as an SVG picture or a world map,
//! and written as an interactive page.
//!
//! Each export is a [`Display`](std::fmt::Display) wrapper, as `petgraph::dot::Dot` is: build
//! it over a graph (or, for the picture, a dated [`View`](crate::View)) and write it wherever
//! the text should go. None of them needs an external program or a feature.
//!
//! - [`Dot`]: every record of the graph, or the part of a dated view a [`Focus`] picks, for
//!   GraphViz (`dot -Tsvg`).
//! - [`GraphMl`]: the same nodes and edges with typed attributes, for Gephi, Cytoscape,
//!   networkx and yEd.
//! - [`Svg`]: a picture of the graph as it stood on the view's date, laid out and drawn by
//!   this crate; [`Svg::focused`] draws the part a [`Focus`] picks (around an actor, one kind
//!   of tie, a strength, well-connected states).
//! - [`WorldMap`]: a world map of the view's date, every state coloured by its tie to a chosen
//!   state, by bloc or by stance (see [`map`]).
//! - [`Page`] (feature `json`): one self-contained interactive page, the map and the network
//!   with a year slider, search and the evidence on a click (see [`html`]).
//! - [`StanceTimeline`]: how positions on a target moved, one row per actor.
//! - [`ConflictPicture`]: the sides of a war and the obligations that bind states to them.
//!
//! GraphML and [`Dot::new`] carry the whole graph, all dates included: each node and edge has its
//! dates as attributes, so a tool can filter by time. The node and edge attributes are the
//! same in both:
//!
//! | element | attribute | meaning |
//! | --- | --- | --- |
//! | node | `kind` | `country` or `grouping` |
//! | node | `name` | the display name (a grouping's acronym or name) |
//! | node | `full_name` | the full name |
//! | country | `cow_code` (int), `nuclear_armed` (boolean), `nuclear_since`, `aliases` | attributes |
//! | grouping | `grouping_kind`, `obligations`, `status` (history, `proposed since 2024-09; ...`) | attributes |
//! | edge | `type` | `membership`, `treaty` or `stance` |
//! | edge | `start`, `end` | when the tie began and ended (membership, treaty); empty when open |
//! | membership (country → grouping) | `role`, `source` | |
//! | treaty (one edge per pair of parties, lower id first) | `treaty`, `treaty_name`, `treaty_kind`, `obligations` (`defense USA->JPN; consultation mutual`), `strongest`, `atop_id` (int), `conditions`, `source` | |
//! | stance (actor → target) | `stance_kind` (what was said), `reported_as` (how the source characterised it, when different), `condition`, `about` (the target as text), `member` (for a membership target), `speaker`, `date` (a partial date or a range `A/B`), `quote`, `summary`, `evidence`, `source`, `corroborated_by` and `contradicted_by` (`source: what it says; ...`; a stance with `contradicted_by` is contested) | |
//!
//! ```
//! use alliance_graph::{datasets, export::{Dot, GraphMl, Svg}};
//!
//! let graph = datasets::asian_nato();
//! let dot = Dot::new(&graph).to_string();
//! assert!(dot.contains("\"JPN\""));
//! let graphml = GraphMl::new(&graph).to_string();
//! assert!(graphml.contains("<graphml"));
//! let svg = Svg::new(&graph.as_of("2024-12-31".parse()?)).to_string();
//! assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"));
//! # Ok::<(), alliance_graph::Error>(())
//! ```

mod dot;
mod focus;
mod graphml;
#[cfg(feature = "json")]
pub mod html;
pub mod map;
pub mod svg;

pub use dot::Dot;
pub use focus::{Focus, TieKind};
pub use graphml::GraphMl;
#[cfg(feature = "json")]
pub use html::Page;
pub use map::{MapEntry, MapKey, WorldMap};
pub use svg::{ConflictPicture, StanceTimeline, Svg};

use crate::model::{CountryId, Obligation, Stance, Target, Treaty};
use crate::{AllianceGraph, PartialDate};

/// An attribute value, typed for GraphML.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Str(s) => f.write_str(s),
            Value::Int(i) => write!(f, "{i}"),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// Which elements an attribute key applies to, and its GraphML type.
pub(crate) struct Key {
    pub name: &'static str,
    pub for_edges: bool,
    pub ty: &'static str,
}

macro_rules! keys {
    ($($for:ident $name:literal $ty:literal),+ $(,)?) => {
        &[$(Key { name: $name, for_edges: keys!(@for $for), ty: $ty }),+]
    };
    (@for node) => { false };
    (@for edge) => { true };
}

/// Every attribute an exported node or edge may carry, in declaration order.
pub(crate) const KEYS: &[Key] = keys![
    node "kind" "string",
    node "name" "string",
    node "full_name" "string",
    node "cow_code" "int",
    node "nuclear_armed" "boolean",
    node "nuclear_since" "string",
    node "aliases" "string",
    node "grouping_kind" "string",
    node "obligations" "string",
    node "status" "string",
    node "note" "string",
    edge "type" "string",
    edge "start" "string",
    edge "end" "string",
    edge "role" "string",
    edge "treaty" "string",
    edge "treaty_name" "string",
    edge "treaty_kind" "string",
    edge "obligations" "string",
    edge "strongest" "string",
    edge "atop_id" "int",
    edge "conditions" "string",
    edge "stance_kind" "string",
    edge "reported_as" "string",
    edge "condition" "string",
    edge "contradicted_by" "string",
    edge "corroborated_by" "string",
    edge "about" "string",
    edge "member" "string",
    edge "speaker" "string",
    edge "date" "string",
    edge "quote" "string",
    edge "summary" "string",
    edge "evidence" "string",
    edge "source" "string",
];

/// A node as exported.
pub(crate) struct ExportNode {
    pub id: String,
    pub is_country: bool,
    pub attrs: Vec<(&'static str, Value)>,
}

/// An edge as exported.
pub(crate) struct ExportEdge {
    pub id: String,
    pub source: String,
    pub target: String,
    /// Membership and treaty ties are undirected; stances point from the actor to the target.
    pub directed: bool,
    pub kind: &'static str,
    pub attrs: Vec<(&'static str, Value)>,
}

fn s(v: impl ToString) -> Value {
    Value::Str(v.to_string())
}

fn date(d: Option<PartialDate>) -> Value {
    s(d.map_or(String::new(), |d| d.to_string()))
}

/// Every actor, countries first, in dataset order.
pub(crate) fn nodes(graph: &AllianceGraph) -> Vec<ExportNode> {
    let mut out = Vec::new();
    for c in graph.countries() {
        let mut attrs = vec![
            ("kind", s("country")),
            ("name", s(&c.name)),
            ("full_name", s(&c.name)),
        ];
        if let Some(cow) = c.cow_code {
            attrs.push(("cow_code", Value::Int(i64::from(cow))));
        }
        attrs.push(("nuclear_armed", Value::Bool(c.nuclear_armed.is_some())));
        if let Some(n) = &c.nuclear_armed {
            attrs.push(("nuclear_since", s(n.since)));
        }
        if !c.aliases.is_empty() {
            attrs.push(("aliases", s(c.aliases.join("; "))));
        }
        if let Some(note) = &c.note {
            attrs.push(("note", s(note)));
        }
        out.push(ExportNode {
            id: c.id.to_string(),
            is_country: true,
            attrs,
        });
    }
    for g in graph.groupings() {
        let mut attrs = vec![
            ("kind", s("grouping")),
            ("name", s(g.acronym.as_deref().unwrap_or(&g.name))),
            ("full_name", s(&g.name)),
            ("grouping_kind", s(g.kind)),
            ("obligations", s(join(&g.obligations, ", "))),
            (
                "status",
                s(g.status
                    .iter()
                    .map(|c| format!("{} since {}", c.status, c.since))
                    .collect::<Vec<_>>()
                    .join("; ")),
            ),
        ];
        if !g.aliases.is_empty() {
            attrs.push(("aliases", s(g.aliases.join("; "))));
        }
        if let Some(note) = &g.note {
            attrs.push(("note", s(note)));
        }
        out.push(ExportNode {
            id: g.id.to_string(),
            is_country: false,
            attrs,
        });
    }
    out
}

fn join<T: ToString>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// What a treaty's obligations mean between two of its parties: `(obligation, text)` pairs,
/// strongest first, such as `(Defense, "defense USA->JPN")`.
pub(crate) fn pair_obligations(
    t: &Treaty,
    x: CountryId,
    y: CountryId,
) -> Vec<(Obligation, String)> {
    let mut out: Vec<(Obligation, String)> = Vec::new();
    for o in &t.obligations {
        let xy = o.owed_by(x) && o.owed_to(y);
        let yx = o.owed_by(y) && o.owed_to(x);
        let text = match (xy, yx) {
            (true, true) => format!("{} mutual", o.kind),
            (true, false) => format!("{} {x}->{y}", o.kind),
            (false, true) => format!("{} {y}->{x}", o.kind),
            (false, false) => continue,
        };
        if !out.iter().any(|(_, t)| *t == text) {
            out.push((o.kind, text));
        }
    }
    out.sort_by_key(|(k, _)| *k);
    out
}

/// Every membership, treaty pair and stance, in dataset order.
pub(crate) fn edges(graph: &AllianceGraph) -> Vec<ExportEdge> {
    let mut out = Vec::new();
    for (i, m) in graph.memberships().enumerate() {
        out.push(ExportEdge {
            id: format!("m{}", i + 1),
            source: m.country.to_string(),
            target: m.grouping.to_string(),
            directed: false,
            kind: "membership",
            attrs: vec![
                ("type", s("membership")),
                ("role", s(m.role)),
                ("start", date(m.start)),
                ("end", date(m.end)),
                ("source", s(&m.source)),
            ],
        });
    }
    for (i, t) in graph.treaties().enumerate() {
        let mut parties: Vec<CountryId> = t.parties.iter().map(|p| p.country()).collect();
        parties.sort();
        parties.dedup();
        let mut pair = 0;
        for (k, &x) in parties.iter().enumerate() {
            for &y in &parties[k + 1..] {
                for px in t.spells(x) {
                    for py in t.spells(y) {
                        pair += 1;
                        let start = [t.start(), px.start(), py.start()]
                            .into_iter()
                            .flatten()
                            .max_by_key(|d| d.earliest());
                        let end = [t.ended, px.end(), py.end()]
                            .into_iter()
                            .flatten()
                            .min_by_key(|d| d.latest());
                        let obligations = pair_obligations(t, x, y);
                        let mut attrs = vec![
                            ("type", s("treaty")),
                            ("treaty", s(&t.id)),
                            ("treaty_name", s(&t.name)),
                            ("treaty_kind", s(t.kind)),
                            (
                                "obligations",
                                s(obligations
                                    .iter()
                                    .map(|(_, t)| t.as_str())
                                    .collect::<Vec<_>>()
                                    .join("; ")),
                            ),
                            (
                                "strongest",
                                s(obligations.first().map_or("none", |(o, _)| o.as_str())),
                            ),
                            ("start", date(start)),
                            ("end", date(end)),
                        ];
                        if let Some(a) = t.atop_id {
                            attrs.push(("atop_id", Value::Int(i64::from(a))));
                        }
                        let conditions: Vec<&str> = t
                            .obligations
                            .iter()
                            .flat_map(|o| o.conditions.iter().map(String::as_str))
                            .collect();
                        if !conditions.is_empty() {
                            attrs.push(("conditions", s(conditions.join("; "))));
                        }
                        attrs.push(("source", s(join(&t.sources, ", "))));
                        out.push(ExportEdge {
                            id: format!("t{}-{}", i + 1, pair),
                            source: x.to_string(),
                            target: y.to_string(),
                            directed: false,
                            kind: "treaty",
                            attrs,
                        });
                    }
                }
            }
        }
    }
    for (i, st) in graph.stances().enumerate() {
        out.push(stance_edge(i, st));
    }
    out
}

fn stance_edge(i: usize, st: &Stance) -> ExportEdge {
    let (target, member) = match &st.target {
        Target::Grouping(g) => (g.to_string(), None),
        Target::Country(c) => (c.to_string(), None),
        Target::Membership { country, grouping } => (grouping.to_string(), Some(*country)),
    };
    let mut attrs = vec![
        ("type", s("stance")),
        ("stance_kind", s(st.kind)),
        ("about", s(&st.target)),
    ];
    if let Some(r) = st.reported_as {
        attrs.push(("reported_as", s(r)));
    }
    if let Some(c) = st.condition() {
        attrs.push(("condition", s(c)));
    }
    let cited = |list: &[crate::Citation]| {
        list.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !st.contradicted_by().is_empty() {
        attrs.push(("contradicted_by", s(cited(st.contradicted_by()))));
    }
    if !st.corroborated_by().is_empty() {
        attrs.push(("corroborated_by", s(cited(st.corroborated_by()))));
    }
    if let Some(m) = member {
        attrs.push(("member", s(m)));
    }
    if let Some(sp) = st.speaker() {
        attrs.push((
            "speaker",
            s(match &sp.office {
                Some(o) => format!("{}, {}", sp.name, o),
                None => sp.name.clone(),
            }),
        ));
    }
    attrs.push(("date", s(st.date)));
    if let Some(q) = st.quote() {
        attrs.push(("quote", s(q)));
    }
    if let Some(q) = st.summary() {
        attrs.push(("summary", s(q)));
    }
    attrs.push(("evidence", s(st.evidence)));
    attrs.push(("source", s(&st.source)));
    ExportEdge {
        id: format!("s{}", i + 1),
        source: st.actor.to_string(),
        target,
        directed: true,
        kind: "stance",
        attrs,
    }
}

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", ch as u32)),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'>\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;&#10;"
        );
    }
}

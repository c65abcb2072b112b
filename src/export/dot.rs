//! GraphViz DOT export.

use std::fmt;

use super::focus::{Focus, TieKind};
use super::svg::{focused_parts, FocusedParts};
use super::{edges, nodes, Value};
use crate::error::Result;
use crate::model::Obligation;
use crate::{AllianceGraph, Day, PartialDate, Span, View};

/// The graph in GraphViz DOT: countries as ellipses, groupings as rounded boxes;
/// memberships and treaty ties undirected (`dir=none`), stances as arrows from the actor to
/// its target. Every node and edge carries the attributes listed in the
/// [module docs](super), dates included; treaty ties are styled by their strongest
/// obligation, and a legend cluster shows the styles.
///
/// [`new`](Self::new) writes every record, all dates, drawing ties that have ended by today
/// dashed grey; [`focused`](Self::focused) writes the part of a view a [`Focus`] picks on the
/// view's date, leaving out ties not in force then unless [`with_ended`](Self::with_ended)
/// asks for them. The graph asks for the `neato` layout (`layout=neato`), which `dot -Tsvg`
/// follows too: a network laid out in ranks is a long strip.
///
/// ```
/// use alliance_graph::export::{Dot, Focus};
///
/// let graph = alliance_graph::datasets::asian_nato();
/// let dot = Dot::new(&graph).to_string();
/// assert!(dot.starts_with("digraph"));
/// assert!(dot.contains("\"USA\" -> \"JPN\"") || dot.contains("\"JPN\" -> \"USA\""));
/// let view = graph.as_of("2024-12-31".parse()?);
/// let around = Focus::default().around(view.resolve("India")?, 1);
/// let dot = Dot::new(&graph).focused(&view, around)?.to_string();
/// assert!(dot.contains("\"IND\" [") && !dot.contains("\"PRK\" ["));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Dot<'g> {
    graph: &'g AllianceGraph,
    /// The date ties are judged on (today for the whole graph).
    asked: Span,
    /// The actors drawn and the pairs joined by a line in force; `None` for all.
    parts: Option<FocusedParts>,
    focus: Focus,
    /// Whether ties not in force on the date are drawn (dashed grey) or left out.
    ended: bool,
}

impl<'g> Dot<'g> {
    /// A DOT writer over the whole of `graph`.
    pub fn new(graph: &'g AllianceGraph) -> Self {
        Dot {
            graph,
            asked: Day::today().to_partial().map_or(Span::ALL, |d| d.span()),
            parts: None,
            focus: Focus::default(),
            ended: true,
        }
    }

    /// Only what `focus` picks of `view`, on its date; ties not in force then left out.
    /// An error when the actor the focus is around is not in the graph.
    pub fn focused(mut self, view: &View<'_>, focus: Focus) -> Result<Self> {
        if let Some((actor, _)) = &focus.around {
            view.resolve(actor)?;
        }
        self.asked = view.span();
        self.parts = Some(focused_parts(view, &focus));
        self.focus = focus;
        self.ended = false;
        Ok(self)
    }

    /// Also draws ties not in force on the date, dashed grey.
    pub fn with_ended(mut self, ended: bool) -> Self {
        self.ended = ended;
        self
    }

    /// Whether an edge with these `start` and `end` attributes is in force on the date.
    fn in_force(&self, attrs: &[(&'static str, Value)]) -> bool {
        let date = |key: &str| -> Option<PartialDate> {
            let v = attr(attrs, key)?.to_string();
            v.split('/').next()?.parse().ok()
        };
        let started = date("start")
            .or_else(|| date("date"))
            .is_none_or(|s| s.earliest() <= self.asked.last);
        let ongoing = date("end").is_none_or(|e| e.latest() >= self.asked.first);
        started && ongoing
    }
}

/// The legend: one row per style, a line drawn in its colour and dash and the words. An
/// HTML-like label on one node, so that every layout engine keeps it in one piece (neato
/// ignores clusters).
const LEGEND: &[(&str, &str, &str)] = &[
    ("#1f4e9c", "━━━━", "defense"),
    ("#6a3d9a", "━━━━", "offense"),
    ("#2c7fb8", "────", "neutrality"),
    ("#1a9e8f", "────", "non-aggression"),
    ("#7f8c8d", "╌╌╌╌", "consultation"),
    ("#95a5a6", "┈┈┈┈", "tie, no obligation"),
    ("#7f7f7f", "────", "membership"),
    ("#b3b3b3", "╌╌╌╌", "ended tie (with --ended)"),
    ("#2ca02c", "───▸", "proposal, support"),
    ("#d62728", "╌╌╌▸", "refusal"),
    ("#c99a06", "╌╌╌▸", "hedge"),
];

/// Quotes a DOT string (an `ID` in double quotes): backslashes and quotes escaped, line
/// breaks as `\n`.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn attr_list(attrs: &[(&'static str, Value)], extra: &[(&str, String)]) -> String {
    let mut parts: Vec<String> = extra
        .iter()
        .map(|(k, v)| format!("{k}={}", quote(v)))
        .collect();
    for (k, v) in attrs {
        parts.push(format!("{k}={}", quote(&v.to_string())));
    }
    parts.join(", ")
}

fn attr<'a>(attrs: &'a [(&'static str, Value)], key: &str) -> Option<&'a Value> {
    attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

impl fmt::Display for Dot<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self
            .graph
            .document()
            .name
            .clone()
            .unwrap_or_else(|| "alliance-graph".into());
        writeln!(f, "digraph {} {{", quote(&name))?;
        writeln!(
            f,
            "  graph [layout=neato, overlap=false, splines=true, sep=\"+8\", outputorder=edgesfirst];"
        )?;
        writeln!(f, "  node [fontname=\"Helvetica\"];")?;
        writeln!(f, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
        let drawn = |id: &str| self.parts.as_ref().is_none_or(|p| p.actors.contains(id));
        for n in nodes(self.graph).into_iter().filter(|n| drawn(&n.id)) {
            let label = attr(&n.attrs, "name").map_or(n.id.clone(), ToString::to_string);
            let mut extra = vec![("label", label)];
            if n.is_country {
                extra.push(("shape", "ellipse".into()));
                if attr(&n.attrs, "nuclear_armed") == Some(&Value::Bool(true)) {
                    extra.push(("peripheries", "2".into()));
                }
            } else {
                extra.push(("shape", "box".into()));
                extra.push(("style", "rounded".into()));
            }
            writeln!(f, "  {} [{}];", quote(&n.id), attr_list(&n.attrs, &extra))?;
        }
        for e in edges(self.graph) {
            if !drawn(&e.source) || !drawn(&e.target) {
                continue;
            }
            let kind = match e.kind {
                "membership" => TieKind::Grouping,
                "treaty" => TieKind::Treaty,
                _ => TieKind::Stance,
            };
            if !self.focus.draws(kind) {
                continue;
            }
            if let (TieKind::Treaty, Some(s)) = (kind, self.focus.strength) {
                let strongest = attr(&e.attrs, "strongest")
                    .and_then(|o| o.to_string().parse::<Obligation>().ok());
                if !s.admits(strongest) {
                    continue;
                }
            }
            let in_force = self.in_force(&e.attrs);
            if !in_force && !self.ended {
                continue;
            }
            // In force, it is drawn when the picture draws that pair (a focus around an actor
            // leaves out the ties among its partners).
            if let (true, Some(FocusedParts { pairs, .. })) = (in_force, &self.parts) {
                let (a, b) = (e.source.clone(), e.target.clone());
                if !pairs.contains(&if a <= b { (a, b) } else { (b, a) }) {
                    continue;
                }
            }
            let mut extra: Vec<(&str, String)> = vec![("id", e.id.clone())];
            if !e.directed {
                extra.push(("dir", "none".into()));
            }
            match e.kind {
                "membership" => {
                    extra.push(("color", "gray50".into()));
                }
                "treaty" => {
                    let strongest = attr(&e.attrs, "strongest").map(ToString::to_string);
                    let (color, style, width) = match strongest.as_deref() {
                        Some("defense") => ("#1f4e9c", "solid", "3"),
                        Some("offense") => ("#6a3d9a", "solid", "2.5"),
                        Some("neutrality") => ("#2c7fb8", "solid", "2"),
                        Some("non-aggression") => ("#1a9e8f", "solid", "2"),
                        Some("consultation") => ("#7f8c8d", "dashed", "1.5"),
                        _ => ("#95a5a6", "dotted", "1.2"),
                    };
                    extra.push(("color", color.into()));
                    extra.push(("style", style.into()));
                    extra.push(("penwidth", width.into()));
                }
                _ => {
                    let kind = attr(&e.attrs, "stance_kind").map(ToString::to_string);
                    let (color, style) = match kind.as_deref() {
                        Some("refusal") => ("#d62728", "dashed"),
                        Some("hedge") => ("#c99a06", "dashed"),
                        Some("request") => ("#5c6bc0", "dotted"),
                        Some("invitation") => ("#2ca02c", "dotted"),
                        _ => ("#2ca02c", "solid"),
                    };
                    extra.push(("color", color.into()));
                    extra.push(("style", style.into()));
                    if let Some(k) = kind {
                        extra.push(("label", k));
                    }
                }
            }
            if !in_force && kind != TieKind::Stance {
                extra.retain(|(k, _)| !matches!(*k, "color" | "style" | "penwidth"));
                extra.push(("color", "gray70".into()));
                extra.push(("style", "dashed".into()));
            }
            writeln!(
                f,
                "  {} -> {} [{}];",
                quote(&e.source),
                quote(&e.target),
                attr_list(&e.attrs, &extra)
            )?;
        }
        let mut rows = String::new();
        for (colour, line, words) in LEGEND {
            rows.push_str(&format!(
                r#"<TR><TD><FONT COLOR="{colour}">{line}</FONT></TD><TD ALIGN="LEFT">{words}</TD></TR>"#
            ));
        }
        writeln!(
            f,
            r#"  "legend" [shape=plaintext, fontsize=10, label=<<TABLE BORDER="1" COLOR="gray70" CELLBORDER="0" CELLSPACING="1"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR>{rows}</TABLE>>];"#
        )?;
        writeln!(f, "}}")
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes() {
        assert_eq!(quote("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}

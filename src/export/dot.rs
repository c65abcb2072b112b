//! GraphViz DOT export.

use std::fmt;

use super::{edges, nodes, Value};
use crate::AllianceGraph;

/// The whole graph in GraphViz DOT: countries as ellipses, groupings as rounded boxes;
/// memberships and treaty ties undirected (`dir=none`), stances as arrows from the actor to
/// its target. Every node and edge carries the attributes listed in the
/// [module docs](super), dates included; treaty ties are styled by their strongest
/// obligation.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let dot = alliance_graph::export::Dot::new(&graph).to_string();
/// assert!(dot.starts_with("digraph"));
/// assert!(dot.contains("\"USA\" -> \"JPN\"") || dot.contains("\"JPN\" -> \"USA\""));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Dot<'g> {
    graph: &'g AllianceGraph,
}

impl<'g> Dot<'g> {
    /// A DOT writer over `graph`.
    pub fn new(graph: &'g AllianceGraph) -> Self {
        Dot { graph }
    }
}

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
        writeln!(f, "  graph [overlap=false, splines=true];")?;
        writeln!(f, "  node [fontname=\"Helvetica\"];")?;
        writeln!(f, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
        for n in nodes(self.graph) {
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
            writeln!(
                f,
                "  {} -> {} [{}];",
                quote(&e.source),
                quote(&e.target),
                attr_list(&e.attrs, &extra)
            )?;
        }
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

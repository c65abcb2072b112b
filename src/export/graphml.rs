//! GraphML export.

use std::fmt;

use super::{edges, nodes, xml_escape, KEYS};
use crate::AllianceGraph;

/// The whole graph as GraphML 1.0, for Gephi, Cytoscape, networkx and yEd.
///
/// Every attribute is declared with a `<key>` and its `attr.type` (`string`, `int`,
/// `boolean`); the attributes are those listed in the [module docs](super). The graph is
/// directed (`edgedefault="directed"`), since stances point from the actor to its target;
/// a membership goes from the country to the grouping, and a treaty tie from the lower
/// country id to the higher, its attribute `obligations` saying who owes what to whom.
/// Edges have ids, so parallel edges (two treaties between the same pair) stay apart.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let xml = alliance_graph::export::GraphMl::new(&graph).to_string();
/// assert!(xml.contains(r#"<node id="JPN">"#));
/// assert!(xml.contains(r#"attr.name="cow_code" attr.type="int""#));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GraphMl<'g> {
    graph: &'g AllianceGraph,
}

impl<'g> GraphMl<'g> {
    /// A GraphML writer over `graph`.
    pub fn new(graph: &'g AllianceGraph) -> Self {
        GraphMl { graph }
    }
}

fn key_id(name: &str, for_edges: bool) -> String {
    format!("{}_{name}", if for_edges { "e" } else { "n" })
}

impl fmt::Display for GraphMl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            f,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for k in KEYS {
            writeln!(
                f,
                r#"  <key id="{}" for="{}" attr.name="{}" attr.type="{}"/>"#,
                key_id(k.name, k.for_edges),
                if k.for_edges { "edge" } else { "node" },
                k.name,
                k.ty
            )?;
        }
        let doc = self.graph.document();
        let id = doc.name.as_deref().unwrap_or("alliance-graph");
        writeln!(
            f,
            r#"  <graph id="{}" edgedefault="directed">"#,
            xml_escape(id)
        )?;
        for n in nodes(self.graph) {
            writeln!(f, r#"    <node id="{}">"#, xml_escape(&n.id))?;
            for (k, v) in &n.attrs {
                writeln!(
                    f,
                    r#"      <data key="{}">{}</data>"#,
                    key_id(k, false),
                    xml_escape(&v.to_string())
                )?;
            }
            writeln!(f, "    </node>")?;
        }
        for e in edges(self.graph) {
            writeln!(
                f,
                r#"    <edge id="{}" source="{}" target="{}">"#,
                xml_escape(&e.id),
                xml_escape(&e.source),
                xml_escape(&e.target)
            )?;
            for (k, v) in &e.attrs {
                writeln!(
                    f,
                    r#"      <data key="{}">{}</data>"#,
                    key_id(k, true),
                    xml_escape(&v.to_string())
                )?;
            }
            writeln!(f, "    </edge>")?;
        }
        writeln!(f, "  </graph>")?;
        writeln!(f, "</graphml>")
    }
}

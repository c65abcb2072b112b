//! The exports read back: GraphML with every node and edge, DOT with every node, and SVG
//! pictures that show what they should. (That no two SVG labels overlap is checked inside
//! the crate, `export::svg`, where the text metrics are.)

use std::collections::BTreeSet;

use alliance_graph::export::{Dot, GraphMl, Svg};
use alliance_graph::{datasets, AllianceGraph};

/// The number of edges an export has: one per membership, one per pair of parties (and pair
/// of spells) of every treaty, one per stance.
fn expected_edges(graph: &AllianceGraph) -> usize {
    let treaty_pairs: usize = graph
        .treaties()
        .map(|t| {
            let mut parties: Vec<_> = t.parties.iter().map(|p| p.country()).collect();
            parties.sort();
            parties.dedup();
            let mut n = 0;
            for (k, a) in parties.iter().enumerate() {
                for b in &parties[k + 1..] {
                    n += t.spells(*a).count() * t.spells(*b).count();
                }
            }
            n
        })
        .sum();
    graph.memberships().count() + treaty_pairs + graph.stances().count()
}

fn actor_ids(graph: &AllianceGraph) -> BTreeSet<String> {
    graph
        .countries()
        .map(|c| c.id.to_string())
        .chain(graph.groupings().map(|g| g.id.to_string()))
        .collect()
}

/// A graph whose names need escaping in every format (`tests/data/awkward.json`).
fn awkward() -> AllianceGraph {
    alliance_graph::io::json::from_path(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/awkward.json"),
    )
    .expect("awkward.json loads")
}

fn graphs() -> Vec<(&'static str, AllianceGraph)> {
    vec![
        ("asian-nato", datasets::asian_nato()),
        (
            "small",
            alliance_graph::io::json::from_path(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/small.json"),
            )
            .expect("small.json loads"),
        ),
        ("awkward", awkward()),
    ]
}

#[test]
fn graphml_has_every_node_and_edge() {
    for (name, graph) in graphs() {
        let xml = GraphMl::new(&graph).to_string();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "graphml");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://graphml.graphdrawing.org/xmlns")
        );
        // Every key is declared once with a valid type, and every data element uses one.
        let keys: Vec<(String, String)> = root
            .children()
            .filter(|n| n.has_tag_name("key"))
            .map(|k| {
                let ty = k.attribute("attr.type").unwrap();
                assert!(["string", "int", "boolean"].contains(&ty), "{ty}");
                assert!(matches!(k.attribute("for"), Some("node" | "edge")));
                assert!(k.attribute("attr.name").is_some());
                (k.attribute("id").unwrap().to_string(), ty.to_string())
            })
            .collect();
        let key_ids: BTreeSet<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(key_ids.len(), keys.len(), "{name}: duplicate keys");
        for d in doc.descendants().filter(|n| n.has_tag_name("data")) {
            let key = d.attribute("key").unwrap();
            assert!(key_ids.contains(key), "{name}: undeclared key {key}");
            let ty = &keys.iter().find(|(k, _)| k == key).unwrap().1;
            let text = d.text().unwrap_or("");
            match ty.as_str() {
                "int" => assert!(text.parse::<i64>().is_ok(), "{key}={text}"),
                "boolean" => assert!(text == "true" || text == "false", "{key}={text}"),
                _ => {}
            }
        }
        let g = root.children().find(|n| n.has_tag_name("graph")).unwrap();
        let nodes: BTreeSet<String> = g
            .children()
            .filter(|n| n.has_tag_name("node"))
            .map(|n| n.attribute("id").unwrap().to_string())
            .collect();
        assert_eq!(nodes, actor_ids(&graph), "{name}");
        let edges: Vec<_> = g.children().filter(|n| n.has_tag_name("edge")).collect();
        assert_eq!(edges.len(), expected_edges(&graph), "{name}");
        let edge_ids: BTreeSet<&str> = edges.iter().map(|e| e.attribute("id").unwrap()).collect();
        assert_eq!(edge_ids.len(), edges.len(), "{name}: edge ids are unique");
        for e in &edges {
            assert!(nodes.contains(e.attribute("source").unwrap()));
            assert!(nodes.contains(e.attribute("target").unwrap()));
            let ty = e
                .children()
                .find(|d| d.attribute("key") == Some("e_type"))
                .and_then(|d| d.text())
                .unwrap();
            assert!(["membership", "treaty", "stance"].contains(&ty));
        }
    }
    // The escaped names come back intact.
    let graph = awkward();
    let xml = GraphMl::new(&graph).to_string();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("n_name"))
        .filter_map(|n| n.text())
        .collect();
    assert!(names.contains(&"Côte <d'Ivoire> & \"Co\""), "{names:?}");
    assert!(names.contains(&"Back\\slash Newline"), "{names:?}");
    let notes: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("n_note"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        notes.contains(&"a note with ]]> and <tags>\nand a second line"),
        "{notes:?}"
    );
}

#[test]
fn graphml_carries_types_and_dates() {
    let graph = datasets::asian_nato();
    let xml = GraphMl::new(&graph).to_string();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let data = |e: roxmltree::Node, key: &str| -> Option<String> {
        e.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text().map(str::to_string))
    };
    let edges: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    let us_japan = edges
        .iter()
        .find(|e| data(**e, "e_treaty").as_deref() == Some("us-japan-1960"))
        .expect("the US-Japan treaty");
    assert_eq!(data(*us_japan, "e_strongest").as_deref(), Some("defense"));
    assert!(data(*us_japan, "e_obligations")
        .unwrap()
        .contains("defense USA->JPN"));
    assert_eq!(data(*us_japan, "e_start").as_deref(), Some("1960-06-23"));
    let hedge = edges
        .iter()
        .find(|e| {
            data(**e, "e_stance_kind").as_deref() == Some("hedge")
                && e.attribute("source") == Some("USA")
        })
        .expect("the US hedge");
    assert_eq!(hedge.attribute("target"), Some("asian-nato"));
    assert_eq!(data(*hedge, "e_reported_as").as_deref(), Some("refusal"));
    assert!(data(*hedge, "e_quote")
        .unwrap()
        .starts_with("It is too early"));
    let contested = edges
        .iter()
        .filter(|e| data(**e, "e_contradicted_by").is_some())
        .count();
    assert_eq!(contested, 2, "the 2022 request and refusal are contested");
    let usa = doc
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("id") == Some("USA"))
        .unwrap();
    assert_eq!(data(usa, "n_nuclear_armed").as_deref(), Some("true"));
    assert_eq!(data(usa, "n_cow_code").as_deref(), Some("2"));
    assert_eq!(data(usa, "n_kind").as_deref(), Some("country"));
}

#[test]
fn dot_has_every_node_and_edge() {
    for (name, graph) in graphs() {
        let dot = Dot::new(&graph).to_string();
        assert!(dot.starts_with("digraph "), "{name}");
        assert!(dot.trim_end().ends_with('}'), "{name}");
        for id in actor_ids(&graph) {
            assert!(dot.contains(&format!("  \"{id}\" [")), "{name}: node {id}");
        }
        let edges = dot.lines().filter(|l| l.contains("\" -> \"")).count();
        assert_eq!(edges, expected_edges(&graph), "{name}");
    }
    let dot = Dot::new(&awkward()).to_string();
    assert!(dot.contains(r#"label="Côte <d'Ivoire> & \"Co\"""#), "{dot}");
    assert!(dot.contains(r#"Back\\slash Newline"#), "{dot}");
    assert!(dot.contains(r#"<tags>\nand a second line"#), "{dot}");
}

#[test]
fn svg_of_the_asian_nato_shows_what_it_should() {
    let graph = datasets::asian_nato();
    let svg = Svg::new(&graph.as_of("2024-12-31".parse().unwrap())).to_string();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Countries as circles, groupings as rounded boxes, with a legend.
    let circles = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert!(circles >= graph.countries().count());
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for want in [
        "NATO",
        "QUAD",
        "AUKUS",
        "Asian NATO",
        "proposed",
        "defense",
        "refuses",
        "proposes",
        "nuclear-armed state",
    ] {
        assert!(texts.contains(&want), "missing {want}: {texts:?}");
    }
    // The Russia-DPRK treaty of 2024 is in force: its tooltip is there.
    assert!(
        svg.contains("PRK and RUS owe each other defense"),
        "Russia-DPRK tie drawn"
    );
    // A proposed grouping is dashed.
    let rects: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("rx").is_some())
        .collect();
    assert!(rects
        .iter()
        .any(|r| r.attribute("stroke-dasharray").is_some()));
    // Deterministic.
    assert_eq!(
        svg,
        Svg::new(&graph.as_of("2024-12-31".parse().unwrap())).to_string()
    );
}

/// The pictures in the docs are the tool's current output: a change to the drawing or the
/// built-in data shows here, and the command in the message redraws them.
#[test]
fn the_committed_pictures_are_current() {
    let g = super::builtin();
    let view = g.as_of(super::date("2024-12-31"));
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    for (file, now, command) in [
        (
            "asian-nato.svg",
            alliance_graph::export::Svg::new(&view).to_string(),
            "export --format svg -o docs/asian-nato.svg",
        ),
        (
            "asian-nato-timeline.svg",
            alliance_graph::export::StanceTimeline::new(&view, "asian-nato")
                .unwrap()
                .to_string(),
            "timeline asian-nato --svg -o docs/asian-nato-timeline.svg",
        ),
    ] {
        let committed = std::fs::read_to_string(docs.join(file)).unwrap();
        assert!(
            committed == now,
            "docs/{file} is out of date: run `cargo run --features cli -- --data builtin:asian-nato --as-of 2024-12-31 {command}`"
        );
    }
    let world = alliance_graph::datasets::world();
    let map =
        alliance_graph::export::WorldMap::ties_of(&world.as_of(super::date("2026-11-30")), "USA")
            .unwrap()
            .to_string();
    assert!(
        std::fs::read_to_string(docs.join("us-ties-map.svg")).unwrap() == map,
        "docs/us-ties-map.svg is out of date: run `cargo run --features cli -- --as-of 2026-11-30 export --format map --actor USA -o docs/us-ties-map.svg`"
    );
}

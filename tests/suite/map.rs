//! The world map, focused pictures, the DOT graph on a date and the interactive page; the
//! browser tests (`tests/browser`) check the same outputs as drawn by Chromium.

use std::collections::BTreeMap;

use alliance_graph::datasets;
use alliance_graph::export::{Dot, Focus, MapKey, Page, Svg, TieKind, WorldMap};
use alliance_graph::Strength;

/// Each outline of a map: its states and keys, read from the SVG.
fn outlines(svg: &str) -> BTreeMap<String, (String, String)> {
    let doc = roxmltree::Document::parse(svg).expect("the map is well-formed XML");
    doc.descendants()
        .filter_map(|n| {
            let id = n.attribute("id")?.strip_prefix("o-")?;
            Some((
                id.to_string(),
                (
                    n.attribute("data-states")?.to_string(),
                    n.attribute("data-key")?.to_string(),
                ),
            ))
        })
        .collect()
}

#[test]
fn the_map_of_us_ties_in_1955_2024_follows_the_treaties() {
    let world = datasets::world();
    let view = world.as_of("1955-12-31".parse().unwrap());
    let map = WorldMap::ties_of(&view, "United States").unwrap();
    let drawn = outlines(&map.to_string());
    // Germany's outline holds West Germany (NATO from 1955-05-09) and East Germany.
    let (states, keys) = &drawn["DEU"];
    assert_eq!(states, "DDR XGF");
    assert_eq!(keys, "no-tie mutual-defense");
    assert_eq!(drawn["USA"].1, "chosen");
    assert_eq!(drawn["GBR"].1, "mutual-defense");
    // Today's Ukraine was the Soviet Union's (Russia's id): drawn as it, and the note says so.
    assert_eq!(drawn["UKR"].0, "RUS");
    assert!(map.to_string().contains("Ukraine, Uzbekistan as Russia"));
    // Nigeria was not a state in 1955.
    assert_eq!(drawn["NGA"].1, "not-a-state");
    let view = world.as_of("2024-12-31".parse().unwrap());
    let map = WorldMap::ties_of(&view, "USA").unwrap();
    assert_eq!(
        map.key_of(&"FIN".parse().unwrap()),
        Some(MapKey::MutualDefense)
    );
    // Japan: the US owes it defense (Article V), Japan owes none back.
    assert_eq!(
        map.key_of(&"JPN".parse().unwrap()),
        Some(MapKey::DefendedByChosen)
    );
    // Every state allied at defense strength is drawn in a defense colour, and only those.
    let allies: Vec<String> = view
        .allies("USA")
        .unwrap()
        .into_iter()
        .map(|a| a.country.to_string())
        .collect();
    for (id, entry) in map.entries() {
        let defense = matches!(
            entry.key,
            MapKey::MutualDefense | MapKey::DefendedByChosen | MapKey::DefendsChosen
        );
        assert_eq!(
            defense,
            allies.contains(&id.to_string()),
            "{id}: {:?}",
            entry.key
        );
    }
}

#[test]
fn every_state_is_drawn_or_named_and_the_legend_counts_them() {
    let world = datasets::world();
    for date in ["1850-06-30", "1980-12-31", "2026-11-30"] {
        let view = world.as_of(date.parse().unwrap());
        let map = WorldMap::blocs(&view);
        let svg = map.to_string();
        let drawn = outlines(&svg);
        let on_map: Vec<&str> = drawn
            .values()
            .flat_map(|(s, _)| s.split_whitespace())
            .collect();
        for c in world.countries() {
            if c.is_state_during(&view.span()) && !on_map.contains(&c.id.as_str()) {
                assert!(
                    svg.contains(&c.name),
                    "{date}: {} neither drawn nor named",
                    c.name
                );
            }
        }
        // The legend's counts add up to the states of the data.
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let total: usize = doc
            .descendants()
            .filter(|n| {
                n.attribute("class") == Some("legend-item")
                    && n.attribute("data-key") != Some("changed")
            })
            .map(|n| {
                let text: String = n.descendants().filter_map(|t| t.text()).collect();
                let count = text.rsplit('(').next().unwrap().trim_end_matches(')');
                count.parse::<usize>().unwrap()
            })
            .sum();
        assert_eq!(total, world.countries().count(), "{date}");
    }
    // NATO and the Warsaw Pact are different blocs in 1980.
    let map = WorldMap::blocs(&world.as_of("1980-12-31".parse().unwrap()));
    let key = |id: &str| map.key_of(&id.parse().unwrap());
    assert_eq!(key("USA"), key("XGF"));
    assert_eq!(key("RUS"), key("DDR"));
    assert_ne!(key("USA"), key("RUS"));
}

#[test]
fn a_map_of_a_grouping_or_an_unknown_name_is_a_clear_error() {
    let world = datasets::world();
    let view = world.as_of("2024-12-31".parse().unwrap());
    let e = WorldMap::ties_of(&view, "NATO").unwrap_err().to_string();
    assert!(
        e.contains("'nato' is a grouping, but a country is needed"),
        "{e}"
    );
    let e = WorldMap::ties_of(&view, "Japna").unwrap_err().to_string();
    assert!(e.contains("Japan"), "a suggestion: {e}");
    // Outside coverage no "no tie" is given: the states without a tie are unknown.
    let map = WorldMap::ties_of(&world.as_of("2030-01-01".parse().unwrap()), "USA").unwrap();
    assert!(map.entries().values().all(|e| e.key != MapKey::NoTie));
    assert_eq!(map.key_of(&"BRA".parse().unwrap()), Some(MapKey::Unknown));
}

#[test]
fn focused_pictures_draw_the_actor_and_its_ties_only() {
    let graph = datasets::asian_nato();
    let view = graph.as_of("2024-12-31".parse().unwrap());
    let japan = view.resolve("Japan").unwrap();
    let all = Svg::new(&view);
    let around = Svg::focused(&view, Focus::default().around(japan.clone(), 1)).unwrap();
    assert!(around.state_count() < all.state_count());
    // The DOT graph of the same focus: every treaty tie has Japan at one end.
    let dot = Dot::new(&graph)
        .focused(
            &view,
            Focus::default()
                .around(japan.clone(), 1)
                .only(TieKind::Treaty),
        )
        .unwrap()
        .to_string();
    let ties: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains("type=\"treaty\""))
        .collect();
    assert!(!ties.is_empty());
    assert!(
        ties.iter()
            .all(|l| l.contains("\"JPN\" ->") || l.contains("-> \"JPN\"")),
        "{dot}"
    );
    assert!(
        !dot.contains("type=\"membership\""),
        "--only treaty leaves memberships out"
    );
    assert!(dot.contains("layout=neato") && dot.contains("Legend"));
    // Depth 0 is Japan alone; a minimum degree above anything drawn leaves nothing.
    assert_eq!(
        Svg::focused(&view, Focus::default().around(japan.clone(), 0))
            .unwrap()
            .state_count(),
        1
    );
    assert_eq!(
        Svg::focused(&view, Focus::default().min_degree(1000))
            .unwrap()
            .state_count(),
        0
    );
    // India is tied to Japan through the QUAD (no obligations) and their stances only.
    let groupings = Focus::default()
        .around(japan.clone(), 5)
        .only(TieKind::Grouping);
    assert!(Svg::focused(&view, groupings.clone())
        .unwrap()
        .to_string()
        .contains(">India<"));
    let defense = groupings.strength(Strength::Defense);
    assert!(!Svg::focused(&view, defense)
        .unwrap()
        .to_string()
        .contains(">India<"));
}

#[test]
fn dot_on_a_date_leaves_ended_ties_out_unless_asked() {
    let world = datasets::world();
    let view = world.as_of("2024-12-31".parse().unwrap());
    let usa = view.resolve("USA").unwrap();
    let focus = Focus::default().around(usa, 1).only(TieKind::Treaty);
    let now = Dot::new(&world)
        .focused(&view, focus.clone())
        .unwrap()
        .to_string();
    // SEATO (ATOP 3230) ended in 1977.
    assert!(!now.contains("ATOP 3230") && !now.contains("atop_id=\"3230\""));
    let with_ended = Dot::new(&world)
        .focused(&view, focus)
        .unwrap()
        .with_ended(true)
        .to_string();
    let seato: Vec<&str> = with_ended
        .lines()
        .filter(|l| l.contains("atop_id=\"3230\""))
        .collect();
    assert!(!seato.is_empty());
    assert!(seato
        .iter()
        .all(|l| l.contains("color=\"gray70\"") && l.contains("style=\"dashed\"")));
}

#[test]
fn the_page_holds_every_year_and_the_evidence() {
    let world = datasets::world();
    let html = Page::new(&world, "USA").unwrap().to_string();
    let data = html
        .split("const DATA = ")
        .nth(1)
        .and_then(|s| s.split(";</script>").next())
        .unwrap()
        .replace("<\\/", "</");
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    let years = data["years"].as_array().unwrap();
    assert_eq!(years.first().unwrap(), "1816-12-31");
    assert_eq!(years.last().unwrap(), "2026-11-30");
    assert_eq!(years.len(), 2026 - 1816 + 1);
    let states = data["states"].as_array().unwrap();
    let index = |id: &str| states.iter().position(|s| s["id"] == id).unwrap();
    let (usa, gbr) = (index("USA"), index("GBR"));
    let (a, b) = (usa.min(gbr), usa.max(gbr));
    let runs = data["ties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t[0] == a && t[1] == b)
        .unwrap()[2]
        .as_array()
        .unwrap()
        .clone();
    let year = |y: usize| y - 1816;
    let in_1955 = runs
        .iter()
        .find(|r| {
            r[0].as_u64().unwrap() as usize <= year(1955)
                && year(1955) <= r[1].as_u64().unwrap() as usize
        })
        .unwrap();
    assert_eq!(
        data["keys"][in_1955[2].as_u64().unwrap() as usize]["key"],
        "mutual-defense"
    );
    let texts: Vec<&str> = in_1955[3]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            data["evidence"][i.as_u64().unwrap() as usize]
                .as_str()
                .unwrap()
        })
        .collect();
    // The two states' ids are placeholders the page fills with their names.
    assert!(
        texts.iter().any(|t| t.starts_with(
            "{b} and {a} owe each other defense under North Atlantic Treaty (ATOP 3180)"
        )),
        "{texts:?}"
    );
    // One file, nothing fetched.
    assert!(!html.contains("<script src") && !html.contains("<link"));
    assert!(html.len() < 3_000_000, "{} bytes", html.len());
}

//! The world dataset: made from the published ATOP 5.1 member file, it is what the crate
//! embeds; it answers the questions people ask of it; it says "unknown" where its sources stop.
//!
//! `ALLIANCE_GRAPH_WRITE_WORLD=1 cargo test --all-features --test main world::` writes the embedded
//! `src/datasets/world.json` again after a change to the layers in `src/datasets/world/`.

use std::path::Path;

use alliance_graph::datasets;

const MEMBERS: &str = "atop-5.1/atop5_1m.csv";

#[test]
fn the_embedded_world_is_made_from_the_published_files() {
    let Some(path) = super::shared_data(MEMBERS) else {
        return;
    };
    let (made, report) = datasets::world_from_atop(std::fs::File::open(&path).unwrap()).unwrap();
    assert!(report.issues.is_empty(), "{report}");
    let text = alliance_graph::io::json::to_string(&made).unwrap();
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/datasets/world.json");
    if std::env::var_os("ALLIANCE_GRAPH_WRITE_WORLD").is_some() {
        std::fs::write(&embedded, &text).unwrap();
    }
    assert!(
        std::fs::read_to_string(&embedded).unwrap() == text,
        "src/datasets/world.json is not what the layers make: run ALLIANCE_GRAPH_WRITE_WORLD=1 cargo test --all-features --test main world::"
    );
    assert!(
        made == datasets::world(),
        "the embedded world differs from the one made"
    );
}

mod answers {
    use alliance_graph::query::Answer;
    use alliance_graph::{datasets, AllianceGraph, CountryId, View};

    fn world() -> AllianceGraph {
        datasets::world()
    }

    fn on<'g>(g: &'g AllianceGraph, date: &str) -> View<'g> {
        g.as_of(date.parse().unwrap())
    }

    fn id(s: &str) -> CountryId {
        s.parse().unwrap()
    }

    const NATO_2024: [&str; 32] = [
        "ALB", "BEL", "BGR", "CAN", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC",
        "HRV", "HUN", "ISL", "ITA", "LTU", "LUX", "LVA", "MKD", "MNE", "NLD", "NOR", "POL", "PRT",
        "ROU", "SVK", "SVN", "SWE", "TUR", "USA",
    ];

    #[test]
    fn poland_is_allied_with_the_other_31_nato_members_through_the_north_atlantic_treaty() {
        let g = world();
        let allies = on(&g, "2026-11-30").allies("Poland").unwrap();
        for member in NATO_2024.iter().filter(|m| **m != "POL") {
            let ally = allies
                .iter()
                .find(|a| a.country.as_str() == *member)
                .unwrap_or_else(|| panic!("{member} is not listed"));
            assert!(
                ally.evidence
                    .iter()
                    .any(|e| e.basis.to_string() == "North Atlantic Treaty (ATOP 3180)"),
                "{member}: {:?}",
                ally.evidence
            );
        }
        // The others are the EU's neutral members, through art. 42(7) TEU as ATOP codes it.
        let others: Vec<&str> = allies
            .iter()
            .map(|a| a.country.as_str())
            .filter(|c| !NATO_2024.contains(c))
            .collect();
        assert_eq!(others, ["AUT", "CYP", "IRL", "MLT"]);
    }

    #[test]
    fn nato_has_32_members_from_swedens_accession() {
        let g = world();
        let members = |d: &str| -> Vec<String> {
            on(&g, d)
                .members_of("nato")
                .unwrap()
                .iter()
                .map(|m| m.country.to_string())
                .collect()
        };
        assert_eq!(members("2024-03-07"), NATO_2024);
        assert_eq!(members("2024-03-06").len(), 31);
        assert!(!members("2024-03-06").contains(&"SWE".to_string()));
    }

    #[test]
    fn finland_and_the_us_are_allied_from_the_accession() {
        let g = world();
        assert_eq!(
            on(&g, "2023-01-01").allied("Finland", "USA").unwrap(),
            Answer::No
        );
        assert_eq!(
            on(&g, "2023-04-03").allied("Finland", "USA").unwrap(),
            Answer::No
        );
        assert!(on(&g, "2023-04-04")
            .allied("Finland", "USA")
            .unwrap()
            .is_yes());
        assert!(on(&g, "2023-04-05")
            .allied("Finland", "USA")
            .unwrap()
            .is_yes());
    }

    #[test]
    fn exits_since_2018_end_the_ties() {
        let g = world();
        let today = on(&g, "2026-11-30");
        for (a, b, treaty, left) in [
            ("USA", "VEN", "atop-3150", "2019-04-27"),
            ("USA", "NIC", "atop-3150", "2023-11-19"),
            ("GBR", "AUT", "atop-4175", "2020-01-31"),
            ("NER", "NGA", "atop-3895", "2025-01-29"),
        ] {
            assert_eq!(today.allied(a, b).unwrap(), Answer::No, "{a}-{b}");
            let former = today.former_ties(a, b).unwrap();
            assert!(
                former.iter().any(|e| matches!(&e.basis, alliance_graph::query::TieBasis::Treaty { id, .. } if id.as_str() == treaty)
                    && e.until.map(|u| u.to_string()) == Some(left.to_string())),
                "{a}-{b}: {former:?}"
            );
            // The day before the exit took effect they were still allied.
            let before = left
                .parse::<alliance_graph::PartialDate>()
                .unwrap()
                .earliest()
                .pred()
                .to_partial()
                .unwrap();
            assert!(
                g.as_of(before).allied(a, b).unwrap().is_yes(),
                "{a}-{b} before {left}"
            );
        }
    }

    #[test]
    fn new_treaties_since_2018_bind_from_their_dates() {
        let g = world();
        let today = on(&g, "2026-11-30");
        let e = today
            .are_allied("Saudi Arabia", "Pakistan")
            .unwrap()
            .expect("allied");
        assert!(e.iter().any(|e| e
            .basis
            .to_string()
            .starts_with("Strategic Mutual Defense Agreement")));
        assert!(on(&g, "2025-09-16")
            .are_allied("SAU", "PAK")
            .unwrap()
            .is_none());
        // Russia and North Korea: from the treaty's entry into force.
        assert!(on(&g, "2024-12-04")
            .are_allied("RUS", "PRK")
            .unwrap()
            .is_some());
        // Signed, not in force: binds nobody.
        assert!(today.are_allied("AUS", "PNG").unwrap().is_none());
    }

    #[test]
    fn japans_only_ally_is_still_the_us_under_the_1960_treaty() {
        let g = world();
        let allies = on(&g, "2026-11-30").allies("Japan").unwrap();
        assert_eq!(allies.len(), 1);
        assert_eq!(allies[0].country, id("USA"));
        assert_eq!(
            allies[0].evidence[0].basis.to_string(),
            "Treaty of Mutual Cooperation and Security between Japan and the United States of America (ATOP 3375)"
        );
    }

    #[test]
    fn anzus_binds_australia_and_new_zealand_after_1986_as_a_correction() {
        let g = world();
        let e = on(&g, "2024")
            .are_allied("AUS", "NZL")
            .unwrap()
            .expect("allied");
        assert!(e.iter().any(|e| matches!(&e.basis, alliance_graph::query::TieBasis::Treaty { id, .. } if id.as_str() == "anzus-aus-nzl-1986")));
        assert!(on(&g, "2024").are_allied("USA", "NZL").unwrap().is_none());
        let t = g.treaty(&"anzus-aus-nzl-1986".parse().unwrap()).unwrap();
        assert!(t
            .note
            .as_deref()
            .unwrap()
            .contains("ATOP 5.1, which codes New Zealand's exit"));
    }

    #[test]
    fn names_resolve_by_the_date_asked() {
        let g = world();
        assert_eq!(on(&g, "1970").resolve("Germany").unwrap().as_str(), "XGF");
        assert_eq!(on(&g, "1930").resolve("Germany").unwrap().as_str(), "DEU");
        assert_eq!(on(&g, "2026").resolve("Germany").unwrap().as_str(), "DEU");
        assert_eq!(on(&g, "1960").resolve("Russia").unwrap().as_str(), "RUS");
        assert_eq!(
            on(&g, "1960").resolve("Soviet Union").unwrap().as_str(),
            "RUS"
        );
        assert_eq!(on(&g, "1900").resolve("Korea").unwrap().as_str(), "XKR");
        let e = on(&g, "2026").resolve("Korea").unwrap_err().to_string();
        assert_eq!(
            e,
            "'Korea' is ambiguous: did you mean North Korea (PRK) or South Korea (KOR)?"
        );
        for (name, id) in [
            ("US", "USA"),
            ("UK", "GBR"),
            ("Britain", "GBR"),
            ("NATO", "nato"),
            ("West Germany", "XGF"),
            ("Warsaw Pact", "warsaw-pact"),
        ] {
            assert_eq!(on(&g, "1980").resolve(name).unwrap().as_str(), id, "{name}");
        }
        assert!(on(&g, "1980")
            .allied("Poland", "Soviet Union")
            .unwrap()
            .is_yes());
        assert!(on(&g, "1980")
            .members_of("Warsaw Pact")
            .unwrap()
            .iter()
            .any(|m| m.country == id("POL")));
    }

    #[test]
    fn one_state_one_node_and_one_treaty_one_record() {
        let g = world();
        // The article's US-Japan treaty is ATOP 3375: one record, with both sources.
        let t: Vec<_> = g.treaties().filter(|t| t.atop_id == Some(3375)).collect();
        assert_eq!(t.len(), 1);
        assert!(t[0]
            .sources
            .iter()
            .any(|s| s.as_str() == "mofa-us-japan-1960"));
        assert!(g.treaties().all(|t| !t.id.as_str().starts_with("us-japan")));
        // Germany is one node (DEU), West Germany another, as COW codes them.
        let germanies: Vec<&str> = g
            .countries()
            .filter(|c| matches!(c.cow_code, Some(255 | 260 | 265)))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(germanies, ["DEU", "XGF", "DDR"]);
    }
}

mod coverage {
    //! No query answers "no" or a stale "yes" where the data stop: before 1815, in 2019-2026
    //! for an alliance not confirmed since 2018, and after the review date.
    use alliance_graph::query::Answer;
    use alliance_graph::{datasets, Scenario};

    #[test]
    fn before_1815_every_query_is_unknown() {
        let g = datasets::world();
        let v = g.as_of("1700".parse().unwrap());
        assert!(
            matches!(v.allied("GBR", "FRA").unwrap(), Answer::Unknown(gaps) if gaps.outside.len() == 2)
        );
        assert!(v.allies("GBR").unwrap().is_empty());
        assert!(v.defenders_of("GBR").unwrap().is_empty());
        assert!(v.alliance_path("GBR", "FRA").unwrap().is_none());
        assert!(v.blocs().is_empty());
        assert!(v.members_of("nato").unwrap().is_empty());
        assert!(!v.gaps().outside.is_empty());
        assert!(!v.gaps_for(&["GBR".parse().unwrap()]).is_empty());
        assert!(v
            .network()
            .allies("GBR".parse().unwrap())
            .unwrap()
            .is_empty());
    }

    #[test]
    fn an_alliance_not_confirmed_since_2018_is_open_not_yes_and_not_no() {
        let g = datasets::world();
        let v = g.as_of("2024-06-01".parse().unwrap());
        // Cuba-North Korea 1986 (ATOP 3975): in force at the end of 2018, not confirmed since.
        match v.allied("Cuba", "North Korea").unwrap() {
            Answer::Unknown(gaps) => {
                assert!(gaps.outside.is_empty());
                assert_eq!(gaps.open.len(), 1);
                assert_eq!(gaps.open[0].atop_id, Some(3975));
                assert_eq!(gaps.open[0].known_until.to_string(), "2018-12-31");
            }
            other => panic!("{other:?}"),
        }
        assert!(v
            .allies("Cuba")
            .unwrap()
            .iter()
            .all(|a| a.country.as_str() != "PRK"));
        assert!(v
            .defenders_of("Cuba")
            .unwrap()
            .iter()
            .all(|a| a.country.as_str() != "PRK"));
        assert!(!v
            .network()
            .are_allied("CUB".parse().unwrap(), "PRK".parse().unwrap())
            .unwrap());
        assert!(v
            .blocs()
            .iter()
            .all(|b| !(b.members.iter().any(|c| c.as_str() == "CUB")
                && b.members.iter().any(|c| c.as_str() == "PRK")
                && b.members.len() == 2)));
        assert!(v.gaps().open.iter().any(|t| t.atop_id == Some(3975)));
        // In 2018 ATOP covers it: yes.
        assert!(g
            .as_of("2018-06-01".parse().unwrap())
            .allied("CUB", "PRK")
            .unwrap()
            .is_yes());
        // A reviewed alliance is known: US-Japan is yes in 2024.
        assert!(v.allied("JPN", "USA").unwrap().is_yes());
    }

    #[test]
    fn after_the_review_date_every_query_is_unknown() {
        let g = datasets::world();
        let v = g.as_of("2027-06-01".parse().unwrap());
        assert!(
            matches!(v.allied("JPN", "USA").unwrap(), Answer::Unknown(gaps) if !gaps.outside.is_empty() && gaps.open.iter().any(|t| t.atop_id == Some(3375)))
        );
        assert!(matches!(
            v.allied("JPN", "CHN").unwrap(),
            Answer::Unknown(_)
        ));
        assert!(v.allies("Japan").unwrap().is_empty());
        assert!(v.members_of("nato").unwrap().is_empty());
        assert!(v.blocs().is_empty());
        assert!(!v.gaps_for(&["JPN".parse().unwrap()]).outside.is_empty());
        // A what-if on that date: its own grouping binds, the rest stays unknown.
        let members = ["AUS", "JPN"].map(|c| c.parse().unwrap());
        let what_if = Scenario::new("2027-06-01".parse().unwrap())
            .form_grouping("asian-nato".parse().unwrap(), members)
            .apply(&g)
            .unwrap();
        let after = what_if.graph.as_of("2027-06-01".parse().unwrap());
        assert!(after.allied("JPN", "AUS").unwrap().is_yes());
        assert!(matches!(
            after.allied("JPN", "CHN").unwrap(),
            Answer::Unknown(_)
        ));
        // The review date itself is covered.
        assert!(g
            .as_of("2026-11-30".parse().unwrap())
            .allied("JPN", "USA")
            .unwrap()
            .is_yes());
    }
}

#[test]
fn every_alliance_in_force_at_the_end_of_2018_with_a_defense_obligation_or_three_members_is_reviewed(
) {
    let Some(path) = super::shared_data(MEMBERS) else {
        return;
    };
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (atopid, member, yrexit, defense) =
        (col("atopid"), col("member"), col("yrexit"), col("defense"));
    let mut live: std::collections::BTreeMap<u32, (std::collections::BTreeSet<String>, bool)> =
        Default::default();
    for row in reader.records() {
        let row = row.unwrap();
        if &row[yrexit] == "0" {
            let e = live.entry(row[atopid].parse().unwrap()).or_default();
            e.0.insert(row[member].to_string());
            e.1 |= &row[defense] == "1";
        }
    }
    let due: Vec<u32> = live
        .into_iter()
        .filter(|(_, (members, defense))| *defense || members.len() >= 3)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(due.len(), 67);
    let world = datasets::world();
    for id in due {
        let t = world.treaties().find(|t| t.atop_id == Some(id)).unwrap();
        assert!(
            t.attributes.contains_key("review.status"),
            "ATOP {id} has no review"
        );
        assert!(
            !t.name.starts_with("ATOP alliance"),
            "ATOP {id} has no name"
        );
    }
}

#[test]
fn statehood_is_the_cow_state_system() {
    let Some(path) = super::shared_data("cow-state-system-2016/states2016.csv") else {
        return;
    };
    let world = datasets::world();
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let mut spells: std::collections::BTreeMap<u16, Vec<String>> = Default::default();
    for row in reader.records() {
        let r = row.unwrap();
        let day = |y: &str, m: &str, d: &str| {
            format!(
                "{:04}-{:02}-{:02}",
                y.parse::<i32>().unwrap(),
                m.parse::<u8>().unwrap(),
                d.parse::<u8>().unwrap()
            )
        };
        let end = day(&r[6], &r[7], &r[8]);
        let end = if end == "2016-12-31" {
            String::new()
        } else {
            end
        };
        spells
            .entry(r[1].parse().unwrap())
            .or_default()
            .push(format!("{}..{end}", day(&r[3], &r[4], &r[5])));
    }
    assert_eq!(spells.len(), 217);
    for (code, expected) in spells {
        let c = world
            .countries()
            .find(|c| c.cow_code == Some(code))
            .unwrap_or_else(|| panic!("COW {code}"));
        let got: Vec<String> = c
            .statehood
            .iter()
            .map(|s| {
                format!(
                    "{}..{}",
                    s.from,
                    s.until.map_or(String::new(), |u| u.to_string())
                )
            })
            .collect();
        assert_eq!(got, expected, "{}", c.id);
    }
}

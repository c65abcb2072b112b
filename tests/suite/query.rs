use alliance_graph::query::Answer;
use alliance_graph::{StanceKind, Strength};

use super::{builtin, date, ids};

#[test]
fn japans_allies_today_and_in_1955() {
    let g = builtin();
    let now = g.as_of(date("2024-10-01"));
    let allies = now.allies("Japan").unwrap();
    assert_eq!(ids(allies.iter().map(|a| &a.country)), ["USA"]);
    let e = &allies[0].evidence[0];
    assert_eq!(
        e.to_string().split(" under ").next().unwrap(),
        "USA owes JPN defense"
    );
    assert!(e.sources.iter().any(|s| s.as_str() == "atop-5.1"));
    assert_eq!(e.since, Some(date("1960-06-23")));
    // In 1955 the 1951 Security Treaty was in force instead.
    let then = g.as_of(date("1955")).allies("JPN").unwrap();
    assert!(
        matches!(&then[0].evidence[0].basis, alliance_graph::query::TieBasis::Treaty { id, .. } if id.as_str() == "us-japan-1951")
    );
}

#[test]
fn treaty_edges_entry_into_force_and_end() {
    let g = builtin();
    // 1951 treaty: in force 1952-04-28, replaced 1960-06-23 (inclusive).
    let t1951 = |d: &str| {
        g.as_of(date(d))
            .are_allied("JPN", "USA")
            .unwrap()
            .map(|ev| ev.iter().map(|e| e.basis.to_string()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert!(t1951("1952-04-27").is_empty());
    assert_eq!(t1951("1952-04-28").len(), 1);
    assert_eq!(
        t1951("1960-06-23").len(),
        2,
        "both treaties on the changeover day"
    );
    assert_eq!(t1951("1960-06-24").len(), 1);
    // Russia-DPRK 2024: signed 2024-06-19, in force 2024-12-04.
    assert!(g
        .as_of(date("2024-12-03"))
        .are_allied("Russia", "North Korea")
        .unwrap()
        .is_none());
    assert!(g
        .as_of(date("2024-12-04"))
        .are_allied("Russia", "North Korea")
        .unwrap()
        .is_some());
    // A month-precise question overlaps the day it came into force.
    assert!(g
        .as_of(date("2024-12"))
        .are_allied("RUS", "PRK")
        .unwrap()
        .is_some());
    assert!(g
        .as_of(date("2024-11"))
        .are_allied("RUS", "PRK")
        .unwrap()
        .is_none());
}

#[test]
fn party_that_left_a_treaty() {
    let g = builtin();
    assert!(g
        .as_of(date("1985"))
        .are_allied("New Zealand", "United States")
        .unwrap()
        .is_some());
    assert!(g
        .as_of(date("1990"))
        .are_allied("New Zealand", "United States")
        .unwrap()
        .is_none());
    assert!(g
        .as_of(date("1990"))
        .are_allied("Australia", "United States")
        .unwrap()
        .is_some());
}

#[test]
fn one_sided_obligations() {
    let g = builtin();
    let now = g.as_of(date("2024-10"));
    assert_eq!(
        ids(now
            .defenders_of("Japan")
            .unwrap()
            .iter()
            .map(|d| &d.country)),
        ["USA"]
    );
    let japan_defends: Vec<String> = now
        .defenders_of("United States")
        .unwrap()
        .iter()
        .map(|d| d.country.to_string())
        .collect();
    assert!(
        !japan_defends.contains(&"JPN".to_string()),
        "{japan_defends:?}"
    );
    // Allied both ways all the same: "allied" is owed by either to the other.
    assert!(now.are_allied("USA", "JPN").unwrap().is_some());
    // At consultation strength the 1960 treaty is mutual.
    let consult = now.with_strength(Strength::Consultation);
    assert!(consult
        .defenders_of("USA")
        .unwrap()
        .iter()
        .any(|d| d.country.as_str() == "JPN"));
}

#[test]
fn nuclear_defenders_respect_the_date_of_the_first_test() {
    let g = builtin();
    let nuclear = |d: &str, who: &str| -> Vec<String> {
        g.as_of(date(d))
            .defenders_of(who)
            .unwrap()
            .into_iter()
            .filter(|d| d.nuclear_armed)
            .map(|d| d.country.to_string())
            .collect()
    };
    assert_eq!(nuclear("2024-10", "Japan"), ["USA"]);
    assert_eq!(nuclear("1962", "North Korea"), Vec::<String>::new());
    assert_eq!(nuclear("1965", "North Korea"), ["CHN"]);
    assert_eq!(nuclear("2025", "North Korea"), ["CHN", "RUS"]);
}

#[test]
fn india_and_japan_share_a_dialogue_not_an_alliance() {
    let g = builtin();
    let now = g.as_of(date("2024-10"));
    assert!(now.are_allied("India", "Japan").unwrap().is_none());
    assert_eq!(now.allied("India", "Japan").unwrap(), Answer::No);
    let shared = now.shared_groupings("India", "Japan").unwrap();
    assert_eq!(shared.len(), 1);
    assert_eq!(shared[0].grouping.as_str(), "quad");
    // At "any tie" strength the QUAD counts, with no obligation.
    let any = now
        .with_strength(Strength::Any)
        .are_allied("IND", "JPN")
        .unwrap()
        .unwrap();
    assert!(any.iter().all(|e| e.obligation.is_none()));
    // Before the QUAD's revival they share nothing.
    assert!(g
        .as_of(date("2016"))
        .shared_groupings("IND", "JPN")
        .unwrap()
        .is_empty());
}

#[test]
fn a_proposed_grouping_binds_nobody() {
    let g = builtin();
    let now = g.as_of(date("2024-12"));
    assert!(now.members_of("asian-nato").unwrap().is_empty());
    let text = r#"{"format": "alliance-graph/1", "sources": [{"id": "s", "title": "S"}],
        "countries": [{"id": "JPN", "name": "Japan"}, {"id": "PHL", "name": "Philippines"}],
        "groupings": [{"id": "asian-nato", "name": "Asian NATO", "kind": "collective-defense", "obligations": ["defense"],
                       "status": [{"status": "proposed", "since": "2024-09", "source": "s"},
                                  {"status": "active", "since": "2030", "source": "s"},
                                  {"status": "dissolved", "since": "2040-06", "source": "s"}]}],
        "memberships": [{"country": "JPN", "grouping": "asian-nato", "role": "founding-member", "start": "2024-09", "source": "s"},
                        {"country": "PHL", "grouping": "asian-nato", "role": "founding-member", "start": "2024-09", "source": "s"}]}"#;
    let g = alliance_graph::io::json::from_str(text).unwrap();
    assert_eq!(
        g.as_of(date("2025"))
            .members_of("asian-nato")
            .unwrap()
            .len(),
        2
    );
    assert!(g
        .as_of(date("2029-12-31"))
        .are_allied("JPN", "PHL")
        .unwrap()
        .is_none());
    assert!(g
        .as_of(date("2030-01-01"))
        .are_allied("JPN", "PHL")
        .unwrap()
        .is_some());
    assert!(g
        .as_of(date("2040-05-31"))
        .are_allied("JPN", "PHL")
        .unwrap()
        .is_some());
    assert!(
        g.as_of(date("2040-06"))
            .are_allied("JPN", "PHL")
            .unwrap()
            .is_none(),
        "dissolved from 2040-06-01"
    );
}

#[test]
fn paths_and_blocs() {
    let g = builtin();
    let now = g.as_of(date("2024-12-31"));
    let path = now.alliance_path("Japan", "Britain").unwrap().unwrap();
    assert_eq!(ids(&path.countries()), ["JPN", "USA", "GBR"]);
    assert!(path.hops.iter().all(|h| !h.evidence.is_empty()));
    assert!(now.alliance_path("Japan", "China").unwrap().is_none());
    assert_eq!(
        now.alliance_path("JPN", "JPN").unwrap().unwrap().hops.len(),
        0
    );
    let blocs = now.blocs();
    assert_eq!(blocs.len(), 2, "{blocs:?}");
    assert!(blocs[0].members.iter().any(|c| c.as_str() == "USA"));
    assert_eq!(ids(&blocs[1].members), ["CHN", "PRK", "RUS"]);
    // Before the Russia-DPRK treaty, Russia is in no defense bloc.
    let before = g.as_of(date("2024-06")).blocs();
    assert!(before
        .iter()
        .all(|b| !b.members.iter().any(|c| c.as_str() == "RUS")));
}

#[test]
fn memberships_with_roles_and_dates() {
    let g = builtin();
    let nato = g.as_of(date("1950")).members_of("NATO").unwrap();
    assert_eq!(nato.len(), 12);
    assert!(!nato.iter().any(|m| m.country.as_str() == "DEU"));
    let nato = g.as_of(date("1956")).members_of("nato").unwrap();
    assert!(nato
        .iter()
        .any(|m| m.country.as_str() == "DEU" && m.role == alliance_graph::Role::Member));
    let aus = g.as_of(date("2024")).groupings_of("Australia").unwrap();
    assert_eq!(
        aus.iter().map(|m| m.grouping.as_str()).collect::<Vec<_>>(),
        ["aukus", "quad"]
    );
    assert!(g
        .as_of(date("2020"))
        .groupings_of("Australia")
        .unwrap()
        .iter()
        .all(|m| m.grouping.as_str() != "aukus"));
}

#[test]
fn stances_history_and_coalition() {
    let g = builtin();
    let now = g.as_of(date("2024-12"));
    let on = now.stances_on("asian-nato").unwrap();
    assert!(on.windows(2).all(|w| w[0].date <= w[1].date));
    let us = now.current_stance("USA", "asian-nato").unwrap().unwrap();
    // Counted by what was said ("too early"), with the article's "rejected" beside it.
    assert_eq!(us.kind, StanceKind::Hedge);
    assert_eq!(us.reported_as, Some(StanceKind::Refusal));
    assert_eq!(us.speaker().unwrap().name, "Daniel J. Kritenbrink");
    assert!(
        us.summary().unwrap().contains("rejected"),
        "the article's characterization is kept beside the quote"
    );
    let c = now.coalition("asian-nato").unwrap();
    let ids = |v: &[alliance_graph::query::Position<'_>]| -> Vec<String> {
        v.iter().map(|p| p.actor.to_string()).collect()
    };
    assert_eq!(ids(&c.proposers), ["JPN"]);
    assert_eq!(ids(&c.hedgers), ["USA"]);
    assert_eq!(ids(&c.refusers), ["CHN", "IND"]);
    assert!(c.supporters.is_empty() && c.requesters.is_empty());
    let silent: Vec<&str> = c.invited_silent.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(silent, ["AUS", "FRA", "GBR"]);
    // Evidence levels are kept: the Britain/France invitation is only speculated.
    let fra = &c
        .invited_silent
        .iter()
        .find(|(c, _)| c.as_str() == "FRA")
        .unwrap()
        .1;
    assert!(fra
        .iter()
        .all(|s| s.evidence == alliance_graph::Evidence::Speculated));
    // Before anything was said there is no stance.
    assert!(g
        .as_of(date("2024-08"))
        .stances_on("asian-nato")
        .unwrap()
        .is_empty());
    assert!(g
        .as_of(date("2024-08"))
        .current_stance("USA", "asian-nato")
        .unwrap()
        .is_none());
}

#[test]
fn queries_reject_unknown_and_wrong_kinds_of_actors() {
    let g = builtin();
    let now = g.as_of(date("2024"));
    assert!(now.allies("Atlantis").unwrap_err().is_unknown_actor());
    assert!(matches!(
        now.allies("NATO").unwrap_err().kind(),
        alliance_graph::ErrorKind::WrongActorKind {
            actual: alliance_graph::ActorKind::Grouping,
            expected: alliance_graph::ActorKind::Country,
            ..
        }
    ));
    assert!(matches!(
        now.members_of("Japan").unwrap_err().kind(),
        alliance_graph::ErrorKind::WrongActorKind {
            actual: alliance_graph::ActorKind::Country,
            expected: alliance_graph::ActorKind::Grouping,
            ..
        }
    ));
    assert_eq!(
        now.allies("NATO").unwrap_err().to_string(),
        "'nato' is a grouping, but a country is needed here"
    );
}

/// A grouping tie turns on partial dates as a treaty's does: a member who joined "1905-03",
/// or a grouping active from "1950-06", asked about on the 15th of that month, is allied only
/// possibly, and the doubt names that date; asked on the month's last day, certainly.
/// (A grouping dissolved in a partial month is read as ended before that month: see the
/// grouping's `active_spans`.)
#[test]
fn a_treaty_whose_every_date_is_partial_is_possible_within_them() {
    // In force from 1952 (a year), no end, whole parties: on 1952-06-15 it may or may not
    // have been in force yet; from 1952-12-31 it certainly was.
    let doc = serde_json::json!({
        "format": "alliance-graph/1",
        "sources": [{"id": "s", "title": "A test source"}],
        "countries": [{"id": "AAA", "name": "Aland"}, {"id": "BBB", "name": "Beland"}],
        "treaties": [{"id": "pact", "name": "Pact", "kind": "alliance", "signed": "1952",
                      "parties": ["AAA", "BBB"], "obligations": [{"kind": "defense"}],
                      "sources": ["s"]}]
    });
    let g = alliance_graph::io::json::from_str(&doc.to_string()).unwrap();
    let on = |day: &str| g.as_of(day.parse().unwrap()).allied("AAA", "BBB").unwrap();
    assert!(
        matches!(on("1952-06-15"), Answer::Possibly(_)),
        "{:?}",
        on("1952-06-15")
    );
    assert!(on("1952-12-31").is_yes());
    assert_eq!(on("1951-12-31"), Answer::No);
}

#[test]
fn a_grouping_tie_on_a_partial_date_is_possible_and_says_why() {
    let graph = |since: &str, b_start: &str| {
        let doc = serde_json::json!({
            "format": "alliance-graph/1",
            "sources": [{"id": "s", "title": "A test source"}],
            "countries": [{"id": "AAA", "name": "Aland"}, {"id": "BBB", "name": "Beland"}],
            "groupings": [{"id": "pact", "name": "Pact", "kind": "collective-defense",
                           "obligations": ["defense"],
                           "status": [{"status": "active", "since": since, "source": "s"}]}],
            "memberships": [
                {"country": "AAA", "grouping": "pact", "role": "member", "start": "1900", "source": "s"},
                {"country": "BBB", "grouping": "pact", "role": "member", "start": b_start, "source": "s"}
            ]
        });
        alliance_graph::io::json::from_str(&doc.to_string()).unwrap()
    };
    for (g, day, last_day, turns_on) in [
        (
            graph("1900", "1905-03"),
            "1905-03-15",
            "1905-03-31",
            "1905-03",
        ),
        (
            graph("1950-06", "1900"),
            "1950-06-15",
            "1950-06-30",
            "1950-06",
        ),
    ] {
        let answer = g.as_of(day.parse().unwrap()).allied("AAA", "BBB").unwrap();
        let Answer::Possibly(evidence) = &answer else {
            panic!("{day}: {answer:?}")
        };
        let doubt = evidence[0].doubt.as_ref().expect("a doubt").to_string();
        assert!(doubt.contains(turns_on), "{day}: {doubt}");
        let last = g
            .as_of(last_day.parse().unwrap())
            .allied("AAA", "BBB")
            .unwrap();
        assert!(last.is_yes(), "{last_day}: {last:?}");
    }
}

/// An alliance whose source ended (coverage to 2018) is an open tie after it, naming only the
/// parties it tied then at the view's strength (a consultation-only party is not one of them
/// at defense, a consultation-only treaty ties no one, nor does a defense pact one of whose
/// two parties had left), and an answer about its parties is unknown, said in words.
#[test]
fn an_open_tie_is_unknown_and_names_the_parties_it_tied() {
    let graph = alliance_graph::io::json::from_str(
        r#"{"format": "alliance-graph/1",
            "sources": [
              {"id": "old", "title": "Old data", "coverage": {"from": "1900", "to": "2018"}},
              {"id": "new", "title": "New review", "coverage": {"from": "2019", "to": "2025"}}],
            "countries": [{"id": "AAA", "name": "A"}, {"id": "BBB", "name": "B"}, {"id": "CCC", "name": "C"}],
            "treaties": [{"id": "pact", "name": "The Pact", "kind": "alliance", "parties": ["AAA", "BBB", "CCC"],
              "obligations": [{"kind": "defense", "by": ["AAA", "BBB"], "to": ["AAA", "BBB"]},
                              {"kind": "consultation"}],
              "in_force": "2000", "sources": ["old"]},
              {"id": "talks", "name": "The Talks", "kind": "other", "parties": ["AAA", "CCC"],
              "obligations": [{"kind": "consultation"}], "in_force": "2000", "sources": ["old"]},
              {"id": "lapsed", "name": "The Lapsed", "kind": "alliance",
              "parties": ["AAA", {"country": "CCC", "left": "2010"}],
              "obligations": [{"kind": "defense"}], "in_force": "2000", "sources": ["old"]}]}"#,
    )
    .unwrap();
    let view = graph.as_of(date("2020-06-01"));
    let open = view.gaps().open;
    assert_eq!(open.len(), 1);
    assert_eq!(ids(&open[0].parties), ["AAA", "BBB"]);
    assert_eq!(
        open[0].to_string(),
        "The Pact was in force on 2018-12-31, the last day its sources cover, and has not been reviewed since"
    );
    let answer = view.allied("AAA", "BBB").unwrap();
    let Answer::Unknown(gaps) = answer else {
        panic!("{answer:?}");
    };
    assert_eq!(
        gaps.to_string(),
        "The Pact was in force on 2018-12-31, the last day its sources cover, and has not been reviewed since"
    );
    // C, tied to nobody at defense, is not asked about by that open tie.
    assert!(view.gaps_for(&["CCC".parse().unwrap()]).open.is_empty());
}

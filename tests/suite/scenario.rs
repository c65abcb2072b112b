use alliance_graph::{Edit, Scenario};

use super::{builtin, date};

fn nuclear_defenders_of_japan(g: &alliance_graph::AllianceGraph, d: &str) -> Vec<String> {
    g.as_of(date(d))
        .defenders_of("Japan")
        .unwrap()
        .into_iter()
        .filter(|d| d.nuclear_armed)
        .map(|d| d.country.to_string())
        .collect()
}

#[test]
fn the_articles_question() {
    let g = builtin();
    assert_eq!(nuclear_defenders_of_japan(&g, "2024-10-01"), ["USA"]);
    let members = ["AUS", "IND", "JPN", "USA", "GBR"].map(|c| c.parse().unwrap());
    let outcome = Scenario::new(date("2024-10-01"))
        .form_grouping("asian-nato".parse().unwrap(), members)
        .apply(&g)
        .unwrap();
    assert_eq!(
        nuclear_defenders_of_japan(&outcome.graph, "2024-10-01"),
        ["GBR", "IND", "USA"]
    );
    // The original is untouched.
    assert_eq!(g, builtin());
    assert!(outcome
        .diff
        .allied_gained
        .iter()
        .any(|(a, b)| a.as_str() == "IND" && b.as_str() == "JPN"));
    assert!(outcome.diff.allied_lost.is_empty());
    // The new ties cite the scenario, not a real source.
    let ev = outcome
        .graph
        .as_of(date("2024-10-01"))
        .are_allied("IND", "JPN")
        .unwrap()
        .unwrap();
    assert!(ev[0]
        .sources
        .iter()
        .any(|s| s.as_str() == alliance_graph::SCENARIO_SOURCE));
    // Undo.
    let back = outcome.inverse.apply(&outcome.graph).unwrap();
    assert_eq!(back.graph, g);
}

#[test]
fn ending_a_treaty_loses_the_tie_and_the_inverse_restores_it() {
    let g = builtin();
    let s = Scenario::new(date("2025")).edit(Edit::SetTreatyEnd {
        treaty: "us-japan-1960".parse().unwrap(),
        ended: Some(date("2024-12-31")),
    });
    let out = s.apply(&g).unwrap();
    assert_eq!(out.diff.defenders_lost.len(), 1);
    assert_eq!(out.diff.defenders_lost[0].0.as_str(), "USA");
    assert!(nuclear_defenders_of_japan(&out.graph, "2025").is_empty());
    assert_eq!(nuclear_defenders_of_japan(&out.graph, "2024"), ["USA"]);
    let back = out.inverse.apply(&out.graph).unwrap();
    assert!(back.diff.defenders_gained.len() == 1);
    assert_eq!(back.graph, g);
}

#[test]
fn a_bad_edit_is_an_error_not_a_panic() {
    let g = builtin();
    let err = Scenario::new(date("2025"))
        .edit(Edit::RemoveTreaty("no-such-treaty".parse().unwrap()))
        .apply(&g)
        .unwrap_err();
    assert!(
        err.to_string().contains("no treaty 'no-such-treaty'"),
        "{err}"
    );
    // Forming a grouping with a country the graph lacks fails validation and names it.
    let err = Scenario::new(date("2025"))
        .form_grouping("asian-nato".parse().unwrap(), ["XKR".parse().unwrap()])
        .apply(&g)
        .unwrap_err();
    assert!(err.to_string().contains("unknown country 'XKR'"), "{err}");
}

/// Edits that leave the records invalid are the scenario's fault, said as such, with the
/// problem: not a dataset error asking to check a file.
#[test]
fn edits_that_break_the_records_are_scenario_errors() {
    let g = alliance_graph::datasets::asian_nato();
    let bad = alliance_graph::Membership::new(
        "JPN".parse().unwrap(),
        "no-such-grouping".parse().unwrap(),
        alliance_graph::Role::Member,
        "article".parse().unwrap(),
    );
    let e = Scenario::new("2024-12-31".parse().unwrap())
        .edit(alliance_graph::Edit::AddMembership(bad))
        .apply(&g)
        .unwrap_err();
    assert!(
        matches!(e.kind(), alliance_graph::ErrorKind::Scenario { .. }),
        "{e:?}"
    );
    assert!(!e.is_invalid());
    let text = e.to_string();
    assert!(
        text.starts_with("scenario: the edits leave the records invalid: membership"),
        "{text}"
    );
    assert!(text.contains("no-such-grouping"), "{text}");
}

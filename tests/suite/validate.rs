//! One bad input per validation issue, each checked for the issue and the names it gives.

use alliance_graph::io::json;
use alliance_graph::{Error, ErrorKind, Issue};

/// A valid base dataset, to break one record at a time.
fn base(extra: &str) -> String {
    format!(
        r#"{{"format": "alliance-graph/1",
        "sources": [{{"id": "s", "title": "Source"}}],
        "countries": [{{"id": "USA", "name": "United States"}}, {{"id": "JPN", "name": "Japan"}}],
        "groupings": [{{"id": "quad", "name": "Quadrilateral Security Dialogue", "kind": "strategic-dialogue",
                        "status": [{{"status": "active", "since": "2017-11", "source": "s"}}]}}]
        {extra}}}"#
    )
}

fn issues(extra: &str) -> Vec<Issue> {
    match json::from_str(&base(extra)).map_err(Error::into_kind) {
        Err(ErrorKind::Invalid { issues, .. }) => issues,
        Err(other) => panic!("expected validation issues, got {other}"),
        Ok(_) => panic!("expected validation issues for {extra}"),
    }
}

fn one(extra: &str) -> Issue {
    let mut all = issues(extra);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

#[test]
fn the_base_is_valid() {
    json::from_str(&base("")).unwrap();
}

#[test]
fn duplicate_ids() {
    let text = base("").replace(
        r#"{"id": "JPN", "name": "Japan"}"#,
        r#"{"id": "JPN", "name": "Japan"}, {"id": "JPN", "name": "Nippon"}"#,
    );
    let err = json::from_str(&text).unwrap_err();
    let issue = &err.issues()[0];
    assert!(
        matches!(
            issue,
            Issue::DuplicateId {
                kind: "country",
                first: 2,
                ..
            }
        ),
        "{issue:?}"
    );
    assert_eq!(
        issue.to_string(),
        "country #3 (JPN): duplicate country id 'JPN' (first used by country #2)"
    );
}

/// A repeated treaty id names the first treaty that has it, and a third copy names the first
/// too; a grouping may still found itself on the id.
#[test]
fn duplicate_treaty_ids() {
    let treaty = r#"{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"], "obligations": [{"kind": "defense"}], "sources": ["s"]}"#;
    let all = issues(&format!(r#", "treaties": [{treaty}, {treaty}, {treaty}]"#));
    assert_eq!(all.len(), 2, "{all:#?}");
    for (issue, record) in all.iter().zip(["#2", "#3"]) {
        assert!(
            matches!(
                issue,
                Issue::DuplicateId {
                    kind: "treaty",
                    first: 1,
                    ..
                }
            ),
            "{issue:?}"
        );
        assert_eq!(
            issue.to_string(),
            format!("treaty {record} (t): duplicate treaty id 't' (first used by treaty #1)")
        );
    }
}

#[test]
fn unknown_reference_with_suggestion() {
    let issue = one(
        r#", "memberships": [{"country": "JPN", "grouping": "qaud", "role": "member", "source": "s"}]"#,
    );
    assert!(matches!(
        &issue,
        Issue::UnknownReference {
            field: "grouping",
            ..
        }
    ));
    let text = issue.to_string();
    assert!(
        text.contains("membership #1 (JPN in qaud)") && text.contains("did you mean 'quad'"),
        "{text}"
    );
}

#[test]
fn unknown_source() {
    let issue = one(
        r#", "memberships": [{"country": "JPN", "grouping": "quad", "role": "member", "source": "sauce"}]"#,
    );
    assert!(
        issue
            .to_string()
            .contains("field `source` names unknown source 'sauce'"),
        "{issue}"
    );
}

#[test]
fn end_before_start() {
    let issue = one(
        r#", "memberships": [{"country": "JPN", "grouping": "quad", "role": "member",
        "start": "2017-11-12", "end": "2017-11-11", "source": "s"}]"#,
    );
    assert!(matches!(
        issue,
        Issue::EndBeforeStart {
            start_field: "start",
            end_field: "end",
            ..
        }
    ));
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"],
        "obligations": [{"kind": "defense"}], "signed": "1960-01-19", "in_force": "1959", "sources": ["s"]}]"#,
    );
    assert_eq!(
        issue.to_string(),
        "treaty #1 (t): `in_force` 1959 is before `signed` 1960-01-19"
    );
}

#[test]
fn self_ties() {
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA", "USA", "JPN"],
        "obligations": [{"kind": "defense"}], "sources": ["s"]}]"#,
    );
    assert!(matches!(issue, Issue::SelfTie { .. }), "{issue}");
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"],
        "obligations": [{"kind": "defense", "by": ["USA"], "to": ["USA"]}], "sources": ["s"]}]"#,
    );
    assert!(
        issue.to_string().contains("owed by USA only to itself"),
        "{issue}"
    );
    let issue = one(
        r#", "stances": [{"actor": "JPN", "kind": "support", "target": {"country": "JPN"},
        "date": "2024", "evidence": "reported", "source": "s"}]"#,
    );
    assert!(matches!(issue, Issue::SelfTie { .. }), "{issue}");
}

#[test]
fn empty_treaties() {
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA"],
        "obligations": [{"kind": "defense"}], "sources": ["s"]}]"#,
    );
    assert!(
        issue.to_string().contains("at least two parties, it has 1"),
        "{issue}"
    );
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"],
        "sources": ["s"]}]"#,
    );
    assert!(
        issue
            .to_string()
            .contains("an alliance needs at least one obligation"),
        "{issue}"
    );
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "access", "parties": ["USA", "JPN"],
        "sources": []}]"#,
    );
    assert!(
        matches!(
            issue,
            Issue::Empty {
                field: "sources",
                ..
            }
        ),
        "{issue}"
    );
}

#[test]
fn obligation_owed_by_a_non_party() {
    let issue = one(r#", "countries": [], "treaties": [{"id": "t", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"],
        "obligations": [{"kind": "defense", "by": ["USA"], "to": ["KOR"]}], "sources": ["s"]}]"#
        .replace(r#", "countries": []"#, "")
        .as_str());
    // KOR is both unknown and not a party: the non-party issue is the one reported for the obligation.
    assert!(
        matches!(issue, Issue::NotAParty { field: "to", .. }),
        "{issue}"
    );
}

#[test]
fn status_history_out_of_order_and_empty_names() {
    let text = base("").replace(
        r#""status": [{"status": "active", "since": "2017-11", "source": "s"}]"#,
        r#""status": [{"status": "active", "since": "2017-11", "source": "s"}, {"status": "proposed", "since": "2007", "source": "s"}]"#,
    );
    let err = json::from_str(&text).unwrap_err();
    assert!(
        matches!(err.issues()[0], Issue::StatusOutOfOrder { .. }),
        "{err}"
    );
    let text = base("").replace(r#""name": "Japan""#, r#""name": "  ""#);
    let err = json::from_str(&text).unwrap_err();
    assert_eq!(
        err.issues()[0].to_string(),
        "country #2 (JPN): field `name` is empty"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let all = issues(
        r#", "memberships": [{"country": "KOR", "grouping": "nato", "role": "member", "source": "x"}],
        "stances": [{"actor": "CHN", "kind": "refusal", "target": {"grouping": "asian-nato"}, "date": "2024", "evidence": "reported", "source": "s"}]"#,
    );
    assert_eq!(all.len(), 5, "{all:#?}");
    let err = json::from_str(&base(r#", "memberships": [{"country": "KOR", "grouping": "nato", "role": "member", "source": "x"}]"#)).unwrap_err();
    assert!(err.to_string().contains("3 problems"), "{err}");
}

#[test]
fn reentry_is_allowed_but_overlapping_spells_are_not() {
    let ok = base(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance",
        "parties": ["USA", {"country": "JPN", "left": "1990"}, {"country": "JPN", "joined": "1995"}],
        "obligations": [{"kind": "defense"}], "sources": ["s"]}]"#,
    );
    json::from_str(&ok).unwrap();
    let issue = one(
        r#", "treaties": [{"id": "t", "name": "T", "kind": "alliance",
        "parties": ["USA", {"country": "JPN", "left": "1990"}, {"country": "JPN", "joined": "1990"}],
        "obligations": [{"kind": "defense"}], "sources": ["s"]}]"#,
    );
    assert!(issue.to_string().contains("overlapping spells"), "{issue}");
}

#[test]
fn bad_dates_keywords_and_ids_are_parse_errors() {
    for (extra, needle) in [
        (
            r#", "memberships": [{"country": "JPN", "grouping": "quad", "role": "member", "start": "2017-13", "source": "s"}]"#,
            "month 13",
        ),
        (
            r#", "memberships": [{"country": "JPN", "grouping": "quad", "role": "ally", "source": "s"}]"#,
            "unknown variant `ally`",
        ),
        (
            r#", "memberships": [{"country": "Japan", "grouping": "quad", "role": "member", "source": "s"}]"#,
            "invalid country id",
        ),
        (
            r#", "stances": [{"actor": "JPN", "kind": "support", "target": {"grouping": "quad"}, "date": "2023-02-29", "evidence": "reported", "source": "s"}]"#,
            "day 29 does not exist",
        ),
        (
            r#", "stances": [{"actor": "JPN", "kind": "support", "target": {"grouping": "quad"}, "date": "2024", "evidence": "rumoured", "source": "s"}]"#,
            "unknown variant `rumoured`",
        ),
    ] {
        let err = json::from_str(&base(extra)).unwrap_err();
        assert!(err.is_parse(), "{err}");
        assert!(err.location().and_then(|l| l.line).is_some(), "{err}");
        assert!(err.to_string().contains(needle), "{needle}: {err}");
    }
}

/// Every actor stays nameable and every name printable; one state per COW code; an exact id
/// wins over names that fold like it.
#[test]
fn actors_stay_reachable_and_names_printable() {
    let replace = |from: &str, to: &str| -> Vec<Issue> {
        match json::from_str(&base("").replace(from, to)).map_err(Error::into_kind) {
            Err(ErrorKind::Invalid { issues, .. }) => issues,
            Err(other) => panic!("expected issues, got {other}"),
            Ok(_) => panic!("expected issues"),
        }
    };
    // A grouping whose slug is a country's id.
    let all = replace(r#""id": "quad""#, r#""id": "jpn""#);
    assert!(
        matches!(&all[0], Issue::ShadowsId { field: "id", value, other, .. } if value == "jpn" && other == "JPN"),
        "{all:#?}"
    );
    assert!(all[0]
        .to_string()
        .contains("is the id of JPN, which could then no longer be named"));
    // An alias that is another country's id.
    let all = replace(
        r#""name": "United States"}"#,
        r#""name": "United States", "aliases": ["JPN"]}"#,
    );
    assert!(
        matches!(&all[0], Issue::ShadowsId { field: "aliases", other, .. } if other == "JPN"),
        "{all:#?}"
    );
    // Control characters in a name, escaped in the message.
    let all = replace(r#""name": "Japan""#, r#""name": "Ja\u001bpan""#);
    assert!(
        matches!(&all[0], Issue::ControlCharacter { field: "name", code, .. } if code == "U+001B"),
        "{all:#?}"
    );
    // Two states with one COW code.
    let text = base("")
        .replace(
            r#""name": "Japan"}"#,
            r#""name": "Japan", "cow_code": 740}"#,
        )
        .replace(
            r#""name": "United States"}"#,
            r#""name": "United States", "cow_code": 740}"#,
        );
    let all = match json::from_str(&text).map_err(Error::into_kind) {
        Err(ErrorKind::Invalid { issues, .. }) => issues,
        Err(other) => panic!("expected issues, got {other}"),
        Ok(_) => panic!("expected issues"),
    };
    assert!(
        matches!(
            &all[0],
            Issue::SharedCowCode {
                code: 740,
                first: 1,
                ..
            }
        ),
        "{all:#?}"
    );
    // An exact id resolves even where a name folds the same way.
    let g = alliance_graph::datasets::asian_nato();
    assert_eq!(g.resolve("JPN").unwrap().as_str(), "JPN");
}

/// A check keeps at most `MAX_ISSUES` problems and counts the rest.
#[test]
fn a_check_keeps_a_thousand_problems_and_counts_the_rest() {
    let bad: Vec<String> = (0..1500)
        .map(|i| {
            format!(r#"{{"country": "USA", "grouping": "g{i}", "role": "member", "source": "s"}}"#)
        })
        .collect();
    let all = issues(&format!(r#", "memberships": [{}]"#, bad.join(", ")));
    assert_eq!(all.len(), alliance_graph::validate::MAX_ISSUES + 1);
    match all.last().unwrap() {
        Issue::More { more } => assert_eq!(*more, 500),
        other => panic!("{other}"),
    }
    assert_eq!(
        all.last().unwrap().to_string(),
        "and 500 more problem(s), not listed"
    );
}

/// `check` on records that cannot even be read keeps a thousand problems too, and counts the
/// rest (it kept every one: a 20 MB file of them aborted the machine).
#[test]
fn check_keeps_a_thousand_unreadable_records_and_counts_the_rest() {
    let records = vec![r#"{"id": "x1", "name": "Bad"}"#; 25_000].join(",");
    let text = format!(r#"{{"format": "alliance-graph/1", "countries": [{records}]}}"#);
    let problems = alliance_graph::io::json::check_str(&text);
    assert_eq!(problems.len(), alliance_graph::validate::MAX_ISSUES + 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("country #1 (x1): invalid country id"),
        "{}",
        problems[0]
    );
    assert!(
        problems[999].to_string().starts_with("country #1000 (x1)"),
        "{}",
        problems[999]
    );
    assert_eq!(
        problems[1000].to_string(),
        "and 24000 more problem(s), not listed"
    );
}

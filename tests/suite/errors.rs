//! The error table: malformed inputs, each with the kind of error it must give and the words
//! that name the place (file, line and column, row, record, field, id).

use alliance_graph::io::json;
use alliance_graph::{Error, ErrorKind, PartialDate};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Parse,
    Invalid,
    Date,
    Io,
    TooLarge,
}

fn kind_of(e: &Error) -> Kind {
    match e.kind() {
        ErrorKind::Parse { .. } => Kind::Parse,
        ErrorKind::Invalid { .. } => Kind::Invalid,
        ErrorKind::InvalidDate { .. } => Kind::Date,
        ErrorKind::Io { .. } => Kind::Io,
        ErrorKind::TooLarge { .. } => Kind::TooLarge,
        other => panic!("unexpected error kind: {other:?}"),
    }
}

const HEAD: &str = r#"{"format": "alliance-graph/1", "sources": [{"id": "s", "title": "S"}],
"countries": [{"id": "USA", "name": "United States"}, {"id": "JPN", "name": "Japan"}],
"groupings": [{"id": "quad", "name": "Quad", "kind": "strategic-dialogue", "status": [{"status": "active", "since": "2017", "source": "s"}]}]"#;

fn doc(rest: &str) -> String {
    format!("{HEAD}{rest}}}")
}

fn treaty(fields: &str) -> String {
    doc(&format!(
        r#", "treaties": [{{"id": "t1", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"], "sources": ["s"], {fields}}}]"#
    ))
}

fn membership(fields: &str) -> String {
    doc(&format!(
        r#", "memberships": [{{"country": "JPN", "grouping": "quad", "source": "s", {fields}}}]"#
    ))
}

fn stance(fields: &str) -> String {
    doc(&format!(
        r#", "stances": [{{"actor": "JPN", "target": {{"grouping": "quad"}}, "source": "s", {fields}}}]"#
    ))
}

/// (what, input, kind, words the message must contain)
fn json_cases() -> Vec<(&'static str, String, Kind, Vec<&'static str>)> {
    vec![
        ("empty file", String::new(), Kind::Parse, vec!["line 1, column 0", "EOF"]),
        ("only white space", "   \n  ".into(), Kind::Parse, vec!["line 2", "EOF"]),
        ("truncated document", doc("").trim_end_matches('}').to_string(), Kind::Parse, vec!["line 3", "EOF"]),
        ("truncated string", r#"{"format": "alliance-gr"#.into(), Kind::Parse, vec!["line 1", "EOF"]),
        ("trailing comma", doc(",").replace(",}", ",\n}"), Kind::Parse, vec!["line 4, column 1", "trailing comma"]),
        ("array at top level", "\n  []".into(), Kind::Parse, vec!["line 2, column 3", "must be a JSON object"]),
        ("missing format", r#"{"countries": []}"#.into(), Kind::Parse, vec!["missing field `format`"]),
        ("wrong format", r#"{"format": "alliance-graph/9"}"#.into(), Kind::Parse, vec!["unsupported format", "line 1"]),
        ("unknown top-level field", r#"{"format": "alliance-graph/1", "treatys": []}"#.into(), Kind::Parse, vec!["unknown field `treatys`", "line 1, column"]),
        ("countries not a list", r#"{"format": "alliance-graph/1", "countries": {}}"#.into(), Kind::Parse, vec!["invalid type: map", "expected a sequence"]),
        ("country id a number", r#"{"format": "alliance-graph/1", "countries": [{"id": 740, "name": "Japan"}]}"#.into(), Kind::Parse, vec!["invalid type: integer `740`"]),
        ("country id lowercase", r#"{"format": "alliance-graph/1", "countries": [{"id": "jpn", "name": "Japan"}]}"#.into(), Kind::Parse, vec!["invalid country id \"jpn\"", "line 1"]),
        ("country name missing", r#"{"format": "alliance-graph/1", "countries": [{"id": "JPN"}]}"#.into(), Kind::Parse, vec!["missing field `name`"]),
        ("cow code negative", r#"{"format": "alliance-graph/1", "countries": [{"id": "JPN", "name": "Japan", "cow_code": -740}]}"#.into(), Kind::Parse, vec!["invalid value: integer `-740`"]),
        ("unknown field in a country", r#"{"format": "alliance-graph/1", "countries": [{"id": "JPN", "name": "Japan", "capital": "Tokyo"}]}"#.into(), Kind::Parse, vec!["unknown field `capital`"]),
        ("grouping kind unknown", doc("").replace("strategic-dialogue", "club"), Kind::Parse, vec!["unknown variant `club`", "line 3"]),
        ("grouping id uppercase", doc("").replace(r#""id": "quad""#, r#""id": "QUAD""#), Kind::Parse, vec!["invalid grouping id \"QUAD\""]),
        ("grouping status unknown", doc("").replace(r#""status": "active""#, r#""status": "frozen""#), Kind::Parse, vec!["unknown variant `frozen`"]),
        ("13th month", membership(r#""role": "member", "start": "2017-13""#), Kind::Parse, vec!["invalid date \"2017-13\"", "month 13"]),
        ("30 February", membership(r#""role": "member", "start": "2020-02-30""#), Kind::Parse, vec!["invalid date \"2020-02-30\"", "day 30 does not exist"]),
        ("date with slashes", membership(r#""role": "member", "start": "2017/11/12""#), Kind::Parse, vec!["invalid date \"2017/11/12\""]),
        ("two-digit year", membership(r#""role": "member", "start": "17""#), Kind::Parse, vec!["invalid date \"17\""]),
        ("date as a number", membership(r#""role": "member", "start": 2017"#), Kind::Parse, vec!["invalid type: integer `2017`"]),
        ("unknown role", membership(r#""role": "ally""#), Kind::Parse, vec!["unknown variant `ally`", "founding-member"]),
        ("membership of a country", doc(r#", "memberships": [{"country": "JPN", "grouping": "USA", "role": "member", "source": "s"}]"#), Kind::Parse, vec!["'USA' is a country id, but a grouping is needed here"]),
        ("grouping as treaty party", treaty(r#""obligations": [{"kind": "defense"}]"#).replace(r#"["USA", "JPN"]"#, r#"["USA", "quad"]"#), Kind::Parse, vec!["'quad' is a grouping id, but a country is needed here"]),
        ("unknown obligation", treaty(r#""obligations": [{"kind": "protection"}]"#), Kind::Parse, vec!["unknown variant `protection`", "defense"]),
        ("unknown evidence level", stance(r#""kind": "support", "date": "2024", "evidence": "rumour""#), Kind::Parse, vec!["unknown variant `rumour`", "on-record"]),
        ("unknown stance kind", stance(r#""kind": "veto", "date": "2024", "evidence": "reported""#), Kind::Parse, vec!["unknown variant `veto`"]),
        ("stance target of two kinds", stance(r#""kind": "support", "date": "2024", "evidence": "reported""#).replace(r#"{"grouping": "quad"}"#, r#"{"grouping": "quad", "country": "USA"}"#), Kind::Parse, vec!["line"]),
        ("deeply nested", format!(r#"{{"format": "alliance-graph/1", "countries": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000)), Kind::Parse, vec!["line 1, column 46", "invalid type: sequence"]),
        ("duplicate country", doc("").replace(r#"{"id": "JPN", "name": "Japan"}"#, r#"{"id": "JPN", "name": "Japan"}, {"id": "JPN", "name": "Japan"}"#), Kind::Invalid, vec!["country #3 (JPN)", "duplicate country id 'JPN'"]),
        ("duplicate source", doc("").replace(r#"[{"id": "s", "title": "S"}]"#, r#"[{"id": "s", "title": "S"}, {"id": "s", "title": "T"}]"#), Kind::Invalid, vec!["source #2 (s)", "duplicate source id 's'"]),
        ("unknown country in membership", doc(r#", "memberships": [{"country": "KOR", "grouping": "quad", "role": "member", "source": "s"}]"#), Kind::Invalid, vec!["membership #1 (KOR in quad)", "field `country`", "unknown country 'KOR'"]),
        ("unknown grouping with typo", doc(r#", "memberships": [{"country": "JPN", "grouping": "qaud", "role": "member", "source": "s"}]"#), Kind::Invalid, vec!["field `grouping`", "did you mean 'quad'"]),
        ("unknown source", treaty(r#""obligations": [{"kind": "defense"}]"#).replace(r#""sources": ["s"]"#, r#""sources": ["unts"]"#), Kind::Invalid, vec!["treaty #1 (t1)", "field `sources`", "unknown source 'unts'"]),
        ("membership ends before it starts", membership(r#""role": "member", "start": "2020", "end": "2019-12""#), Kind::Invalid, vec!["membership #1 (JPN in quad)", "`end` 2019-12 is before `start` 2020"]),
        ("treaty ends before it is signed", treaty(r#""obligations": [{"kind": "defense"}], "signed": "1960-01-19", "ended": "1959""#), Kind::Invalid, vec!["treaty #1 (t1)", "`ended` 1959 is before `signed` 1960-01-19"]),
        ("treaty with one party", treaty(r#""obligations": [{"kind": "defense"}]"#).replace(r#"["USA", "JPN"]"#, r#"["USA"]"#), Kind::Invalid, vec!["treaty #1 (t1)", "at least two parties"]),
        ("alliance without obligation", treaty(r#""note": null"#), Kind::Invalid, vec!["treaty #1 (t1)", "at least one obligation"]),
        ("obligation owed to a non-party", doc("").replace(r#"{"id": "JPN", "name": "Japan"}"#, r#"{"id": "JPN", "name": "Japan"}, {"id": "KOR", "name": "Korea"}"#).trim_end_matches('}').to_string() + r#", "treaties": [{"id": "t1", "name": "T", "kind": "alliance", "parties": ["USA", "JPN"], "sources": ["s"], "obligations": [{"kind": "defense", "by": ["USA"], "to": ["KOR"]}]}]}"#, Kind::Invalid, vec!["treaty #1 (t1)", "lists KOR in `to`", "not a party"]),
        ("self tie by obligation", treaty(r#""obligations": [{"kind": "defense", "by": ["JPN"], "to": ["JPN"]}]"#), Kind::Invalid, vec!["treaty #1 (t1)", "JPN is tied to itself"]),
        ("stance on itself", doc(r#", "stances": [{"actor": "JPN", "kind": "support", "target": {"country": "JPN"}, "date": "2024", "evidence": "reported", "source": "s"}]"#), Kind::Invalid, vec!["stance #1 (JPN support on JPN)", "tied to itself"]),
        ("empty quote", stance(r#""kind": "support", "date": "2024", "evidence": "reported", "quote": "  ""#), Kind::Invalid, vec!["stance #1", "field `quote` is empty"]),
        ("grouping without status", doc("").replace(r#""status": [{"status": "active", "since": "2017", "source": "s"}]"#, r#""status": []"#), Kind::Invalid, vec!["grouping #1 (quad)", "field `status` is empty"]),
    ]
}

#[test]
fn the_error_table() {
    let cases = json_cases();
    assert!(cases.len() >= 40, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for (what, input, kind, needles) in cases {
        let err = match json::from_str(&input) {
            Ok(_) => {
                failures.push(format!("{what}: loaded without error"));
                continue;
            }
            Err(e) => e,
        };
        if kind_of(&err) != kind {
            failures.push(format!("{what}: expected {kind:?}, got {err}"));
        }
        let message = err.to_string();
        for needle in needles {
            if !message.contains(needle) {
                failures.push(format!("{what}: {needle:?} not in {message:?}"));
            }
        }
        if kind == Kind::Parse {
            let place = err
                .location()
                .is_some_and(|l| l.line.is_some() && l.column.is_some());
            if !place {
                failures.push(format!("{what}: no line and column in {err:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn files_name_themselves_in_errors() {
    let dir = std::env::temp_dir().join(format!("alliance-graph-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: Vec<(&str, Vec<u8>, Kind, &str)> = vec![
        ("empty.json", vec![], Kind::Parse, "empty.json, line 1, column 0"),
        ("latin1.json", b"{\"format\": \"alliance-graph/1\", \"name\": \"Espa\xf1a\"}".to_vec(), Kind::Parse, "latin1.json"),
        ("broken.json", b"{\n\"format\": \"alliance-graph/1\",\n\"countries\": [\n".to_vec(), Kind::Parse, "broken.json, line 4"),
        ("invalid.json", doc(r#", "memberships": [{"country": "KOR", "grouping": "quad", "role": "member", "source": "s"}]"#).into_bytes(), Kind::Invalid, "invalid.json: invalid dataset: membership #1"),
    ];
    for (name, bytes, kind, needle) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = json::from_path(&path).unwrap_err();
        assert_eq!(kind_of(&err), kind, "{name}: {err}");
        assert!(
            err.to_string().contains(needle),
            "{name}: {needle:?} not in {err}"
        );
    }
    let err = json::from_path(dir.join("missing.json")).unwrap_err();
    assert_eq!(kind_of(&err), Kind::Io);
    assert!(err.to_string().contains("missing.json"), "{err}");
    let err = json::from_path(&dir).unwrap_err();
    assert!(err.to_string().contains(dir.to_str().unwrap()), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn date_parsing_errors_say_why() {
    for (text, needle) in [
        ("2024-13", "month 13 is not between 1 and 12"),
        ("2024-00", "month 0"),
        (
            "2023-02-29",
            "day 29 does not exist in 2023-02, which has 28 days",
        ),
        ("2024-9", "the month must be 2 digits"),
        ("", "expected YYYY"),
        ("0999", "year must be between 1000 and 9999"),
        ("2024-01-01-01", "too many parts"),
    ] {
        let err = text.parse::<PartialDate>().unwrap_err();
        assert_eq!(kind_of(&err), Kind::Date);
        assert!(err.to_string().contains(needle), "{text:?}: {err}");
        assert!(
            err.to_string().contains(&format!("{text:?}")),
            "{text:?}: {err}"
        );
    }
}

#[test]
fn check_reports_every_problem_in_one_run() {
    let text = r#"{"format": "alliance-graph/1",
 "sources": [{"id": "s", "title": "S"}],
 "countries": [{"id": "japan", "name": "Japan"}, {"id": "USA"}, {"id": "KOR", "name": "Korea", "cow_code": "732"}],
 "memberships": [{"country": "KOR", "grouping": "quad", "role": "member", "source": "s", "start": "2017-13"},
                 {"country": "KOR", "grouping": "qaud", "role": "member", "source": "s"}],
 "stances": [{"actor": "KOR", "kind": "support", "target": {"grouping": "quad"}, "date": "2024", "evidence": "rumoured", "source": "s"}]}"#;
    let problems: Vec<String> = json::check_str(text)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems.len(), 6, "{problems:#?}");
    for (i, start) in [
        "country #1 (japan): invalid country id",
        "country #2 (USA): missing field `name`",
        "country #3 (KOR): invalid type: string \"732\"",
        "membership #1 (KOR in quad): invalid date \"2017-13\"",
        "membership #2 (KOR in qaud): field `grouping` names unknown grouping 'qaud'",
        "stance #1 (KOR support): unknown variant `rumoured`",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            problems[i].starts_with(start),
            "{i}: {} does not start with {start}",
            problems[i]
        );
    }
    // A syntax error is the one problem there is, with its place.
    let problems = json::check_str("{\n  \"format\": \"alliance-graph/1\",,\n}");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().starts_with("line 2, column"),
        "{}",
        problems[0]
    );
    // A key given twice, at the top or in a record, is the one problem, with its place (the
    // untyped reading of each record would keep one of the two and find nothing).
    let twice = r#"{"format": "alliance-graph/1", "countries": [], "countries": []}"#;
    let problems = json::check_str(twice);
    assert_eq!(problems.len(), 1, "{problems:?}");
    // Column 59: the closing quote of the second "countries" (columns 49 to 59).
    assert_eq!(
        problems[0].to_string(),
        "line 1, column 59: duplicate field `countries`"
    );
    let twice = r#"{"format": "alliance-graph/1", "countries": [{"id": "JPN", "name": "Japan", "name": "Nippon"}]}"#;
    let problems = json::check_str(twice);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].to_string().contains("duplicate field `name`"),
        "{}",
        problems[0]
    );
    // A valid file has none.
    assert!(json::check_str(&json::to_string(&super::builtin()).unwrap()).is_empty());
}

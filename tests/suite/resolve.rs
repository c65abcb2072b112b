use alliance_graph::{ActorId, ErrorKind};

use super::builtin;

#[test]
fn names_aliases_capitals_and_ids_resolve_ignoring_case_and_dots() {
    let g = builtin();
    for (name, id) in [
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("u.k.", "GBR"),
        ("United Kingdom", "GBR"),
        ("Washington DC", "USA"),
        ("WASHINGTON D.C.", "USA"),
        ("U.S.", "USA"),
        ("Tokyo", "JPN"),
        ("New Delhi", "IND"),
        ("jpn", "JPN"),
        ("NATO", "nato"),
        ("Asian NATO", "asian-nato"),
        ("  quad  ", "quad"),
    ] {
        assert_eq!(g.resolve(name).unwrap().as_str(), id, "{name}");
    }
}

#[test]
fn unknown_names_list_the_closest_candidates() {
    let g = builtin();
    let err = g.resolve("Brtain").unwrap_err();
    match err.kind() {
        ErrorKind::UnknownActor { candidates, .. } => {
            assert_eq!(
                candidates[0].actor(),
                Some(ActorId::Country("GBR".parse().unwrap()))
            );
        }
        other => panic!("{other}"),
    }
    assert_eq!(
        err.to_string(),
        "unknown actor 'Brtain'; did you mean 'Britain' (GBR)?"
    );
    let err = g.resolve("Atlantis").unwrap_err();
    assert!(err.is_unknown_actor());
    assert_eq!(err.to_string(), "unknown actor 'Atlantis'");
}

#[test]
fn ambiguous_names_list_every_actor() {
    let text = r#"{"format": "alliance-graph/1", "countries": [
        {"id": "COG", "name": "Republic of the Congo", "aliases": ["Congo"]},
        {"id": "COD", "name": "Democratic Republic of the Congo", "aliases": ["Congo"]}]}"#;
    let g = alliance_graph::io::json::from_str(text).unwrap();
    let err = g.resolve("congo").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::AmbiguousActor { candidates, .. } if candidates.len() == 2)
    );
    assert_eq!(
        err.to_string(),
        "'congo' is ambiguous: did you mean Republic of the Congo (COG) or Democratic Republic of the Congo (COD)?"
    );
}

#[test]
fn kind_specific_resolution() {
    let g = builtin();
    assert_eq!(g.resolve_country("Japan").unwrap().as_str(), "JPN");
    assert!(matches!(
        g.resolve_country("QUAD").unwrap_err().kind(),
        ErrorKind::WrongActorKind { .. }
    ));
    assert!(matches!(
        g.resolve_grouping("Japan").unwrap_err().kind(),
        ErrorKind::WrongActorKind { .. }
    ));
}

/// A name with an invisible mark or a control character is shown with it escaped, never as
/// the name it looks like.
#[test]
fn invisible_characters_are_escaped_in_messages() {
    let g = super::builtin();
    let e = g.resolve("Japan\u{200f}").unwrap_err().to_string();
    assert_eq!(
        e,
        "unknown actor 'Japan\\u{200f}'; did you mean 'Japan' (JPN)?"
    );
    let e = g.resolve("Ja\u{1b}pan").unwrap_err().to_string();
    assert!(e.starts_with("unknown actor 'Ja\\u{1b}pan'"), "{e}");
    let long = "x".repeat(200);
    let e = g.resolve(&long).unwrap_err().to_string();
    assert!(e.contains("... (200 characters)") && e.len() < 160, "{e}");
}

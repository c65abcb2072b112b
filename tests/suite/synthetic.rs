//! The synthetic generator: deterministic, seed-sensitive, and always valid.

use alliance_graph::io::json;
use alliance_graph::synthetic::{country_id, Generator, MAX_STATES};

fn gen(states: usize, groupings: usize, treaties: usize, stances: usize, seed: u64) -> Generator {
    Generator {
        states,
        groupings,
        treaties,
        stances,
        seed,
    }
}

#[test]
fn same_seed_gives_identical_json() {
    let g = gen(300, 30, 600, 2_000, 11);
    let a = json::to_string(&g.graph().unwrap()).unwrap();
    let b = json::to_string(&g.graph().unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn another_seed_gives_another_dataset() {
    let a = json::to_string(&gen(300, 30, 600, 2_000, 11).graph().unwrap()).unwrap();
    let b = json::to_string(&gen(300, 30, 600, 2_000, 12).graph().unwrap()).unwrap();
    assert_ne!(a, b);
}

#[test]
fn generated_graphs_validate_at_several_sizes() {
    for (states, groupings, treaties, stances) in [
        (2, 1, 1, 1),
        (10, 3, 20, 50),
        (200, 40, 600, 2_000),
        (10_000, 1_000, 20_000, 50_000),
        (MAX_STATES, 2_000, 40_000, 20_000),
    ] {
        let g = gen(states, groupings, treaties, stances, 5);
        let doc = g.document().unwrap();
        let issues = alliance_graph::GraphBuilder::from_document(doc.clone()).issues();
        assert!(
            issues.is_empty(),
            "{states} states: {:?}",
            &issues[..issues.len().min(5)]
        );
        let graph = doc.into_graph().unwrap();
        assert_eq!(graph.countries().count(), states);
        assert_eq!(graph.groupings().count(), groupings);
        assert_eq!(graph.treaties().count(), treaties);
        assert_eq!(graph.stances().count(), stances);
    }
}

#[test]
fn saved_and_loaded_it_is_the_same_graph() {
    let graph = gen(150, 15, 300, 800, 3).graph().unwrap();
    assert_eq!(
        json::from_str(&json::to_string(&graph).unwrap()).unwrap(),
        graph
    );
}

#[test]
fn large_files_load_record_by_record_with_the_same_result() {
    // Past the streaming threshold, from_path reads record by record: same graph as from_str.
    let graph = gen(2_000, 100, 20_000, 150_000, 9).graph().unwrap();
    let text = json::to_string(&graph).unwrap();
    assert!(
        text.len() as u64 >= json::STREAM_FROM_BYTES,
        "{} bytes",
        text.len()
    );
    let path = std::env::temp_dir().join(format!("synthetic-large-{}.json", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let loaded = json::from_path(&path);
    // An error in a large file is the same as the whole-text parser's, with the path.
    let broken = text.replacen("\"kind\": \"support\"", "\"kind\": \"veto\"", 1);
    std::fs::write(&path, &broken).unwrap();
    let err = json::from_path(&path).unwrap_err();
    let expected = json::from_str(&broken).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(loaded.unwrap(), graph);
    assert!(
        err.to_string().ends_with(&expected.to_string()),
        "{err} vs {expected}"
    );
    assert_eq!(
        err.location().unwrap().line,
        expected.location().unwrap().line
    );
}

#[test]
fn large_files_with_characters_of_every_width_load_as_the_whole_text_does() {
    // Two-, three- and four-byte characters in every quote, so the reader's window ends in
    // the middle of one many times; and a bad byte deep in the file is the same error.
    let graph = gen(2_000, 100, 20_000, 150_000, 11).graph().unwrap();
    let text = json::to_string(&graph)
        .unwrap()
        .replace("\"quote\": \"", "\"quote\": \"Ñ中🙂 ");
    assert!(text.len() as u64 >= json::STREAM_FROM_BYTES);
    let path = std::env::temp_dir().join(format!("synthetic-utf8-{}.json", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let loaded = json::from_path(&path);
    let mut broken = text.clone().into_bytes();
    let at = broken.len() * 3 / 4;
    let at = at + broken[at..].iter().position(|&b| b == 0xF0).unwrap();
    broken[at + 1] = b'X'; // a four-byte character cut short
    std::fs::write(&path, &broken).unwrap();
    let err = json::from_path(&path).unwrap_err();
    // A bad byte after the end of the document, and a lead byte whose character can never
    // be completed at the very end, are errors too, as they are for the whole-text parser.
    let mut trailing = text.clone().into_bytes();
    trailing.extend_from_slice(b"\n\xFF");
    std::fs::write(&path, &trailing).unwrap();
    let err_after = json::from_path(&path).unwrap_err();
    trailing.truncate(text.len());
    trailing.extend_from_slice(b" \xE0\x80");
    std::fs::write(&path, &trailing).unwrap();
    let err_cut = json::from_path(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(loaded.unwrap(), json::from_str(&text).unwrap());
    assert!(err.to_string().contains("UTF-8"), "{err}");
    assert!(err_after.to_string().contains("UTF-8"), "{err_after}");
    assert!(err_cut.to_string().contains("UTF-8"), "{err_cut}");
}

#[test]
fn the_queries_answer_on_generated_graphs() {
    let graph = gen(500, 50, 1_500, 1_000, 2).graph().unwrap();
    let view = graph.as_of("2000-06-15".parse().unwrap());
    // Every answer, at every strength, as the independent oracle finds it.
    super::oracle::check(&graph, view.date(), 5);
    assert!(!view.blocs().is_empty());
}

#[test]
fn ids_are_three_letters_up_to_the_limit() {
    assert_eq!(MAX_STATES, 17_576);
    assert_eq!(country_id(0).unwrap().as_str(), "AAA");
    assert_eq!(country_id(MAX_STATES - 1).unwrap().as_str(), "ZZZ");
    assert!(country_id(MAX_STATES).is_none());
    let err = gen(MAX_STATES + 1, 0, 0, 0, 1).document().unwrap_err();
    assert!(err.to_string().contains("17576"), "{err}");
    assert!(gen(1, 0, 1, 0, 1).document().is_err());
}

//! Limits: huge or hostile inputs give a result within memory proportional to the input, or a
//! clear error. The heavy cases are `#[ignore]`d in debug runs; `.ci/run` runs them in release:
//! `cargo test --release --test limits -- --include-ignored`.

use std::fmt::Write as _;
use std::path::PathBuf;

use alliance_graph::io::json;
use alliance_graph::ErrorKind;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("alliance-graph-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Peak resident memory of this process so far, in bytes (Linux), if known.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// All 17,576 country ids there are: three uppercase letters.
fn every_country_id() -> impl Iterator<Item = String> {
    (0..26u8).flat_map(|a| {
        (0..26u8).flat_map(move |b| {
            (0..26u8).map(move |c| String::from_utf8(vec![b'A' + a, b'A' + b, b'A' + c]).unwrap())
        })
    })
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let path = temp("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse gigabyte: no disk is used, and the loader must not read it.
    file.set_len(1 << 30).unwrap();
    let started = std::time::Instant::now();
    let err = json::from_path(&path).unwrap_err();
    assert!(
        err.is_too_large() && matches!(err.kind(), ErrorKind::TooLarge { .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("huge.json") && err.to_string().contains("exceeds the limit"),
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 5, "refused without reading");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_reader_over_the_size_limit_is_an_error() {
    let endless = std::io::repeat(b' ').take(json::MAX_FILE_BYTES + 10);
    let err = json::from_reader(endless).unwrap_err();
    assert!(
        err.is_too_large() && matches!(err.kind(), ErrorKind::TooLarge { .. }),
        "{err}"
    );
}

use std::io::Read as _;

#[test]
fn a_ten_megabyte_string_field_loads() {
    let name = "x".repeat(10 << 20);
    let text = format!(
        r#"{{"format": "alliance-graph/1", "countries": [{{"id": "JPN", "name": "Japan", "note": "{name}"}}]}}"#
    );
    let graph = json::from_str(&text).unwrap();
    assert_eq!(
        graph
            .countries()
            .next()
            .unwrap()
            .note
            .as_deref()
            .map(str::len),
        Some(10 << 20)
    );
    // A ten-megabyte name is no name: resolving it is an error, quickly, with no suggestion.
    let err = graph.resolve(&name[..5 << 20]).unwrap_err();
    assert!(err.is_unknown_actor(), "{err}");
    match err.kind() {
        alliance_graph::ErrorKind::UnknownActor { candidates, .. } => {
            assert!(
                candidates.is_empty(),
                "no suggestion for a ten-megabyte name"
            )
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().len() < 200, "the message shortens the name");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [1_000, 100_000, 1_000_000] {
        let text = format!(
            r#"{{"format": "alliance-graph/1", "x": {}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let err = json::from_str(&text).unwrap_err();
        assert!(err.is_parse(), "{err}");
        let text = format!(
            r#"{{"format": "alliance-graph/1", "stances": {}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert!(json::from_str(&text).unwrap_err().is_parse());
    }
}

#[test]
#[ignore = "heavy: run in release by .ci/run"]
fn a_million_actors_load_in_memory_proportional_to_the_input() {
    // Written straight to the file: the input is never held in this process's memory, so the
    // peak measured before loading does not already include it.
    use std::io::Write as _;
    let path = temp("million-actors.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    write!(
        out,
        r#"{{"format": "alliance-graph/1", "sources": [{{"id": "s", "title": "S"}}], "countries": ["#
    )
    .unwrap();
    for (i, id) in every_country_id().enumerate() {
        if i > 0 {
            out.write_all(b",").unwrap();
        }
        write!(out, r#"{{"id": "{id}", "name": "Country {id}"}}"#).unwrap();
    }
    out.write_all(br#"], "groupings": ["#).unwrap();
    let groupings = 1_000_000 - 17_576;
    for i in 0..groupings {
        if i > 0 {
            out.write_all(b",").unwrap();
        }
        write!(out, r#"{{"id": "g{i}", "name": "Grouping {i}", "kind": "other", "status": [{{"status": "active", "since": "2000", "source": "s"}}]}}"#).unwrap();
    }
    out.write_all(b"]}").unwrap();
    out.flush().unwrap();
    drop(out);
    let input = std::fs::metadata(&path).unwrap().len();
    let before = peak_rss().unwrap_or(0);
    let graph = json::from_path(&path).unwrap();
    assert_eq!(graph.actor_count(), 1_000_000);
    assert_eq!(graph.resolve("g999").unwrap().as_str(), "g999");
    if let Some(after) = peak_rss() {
        let grown = after.saturating_sub(before);
        eprintln!(
            "million actors: input {} MB, peak memory grew {} MB",
            input >> 20,
            grown >> 20
        );
        assert!(
            grown < 12 * input,
            "memory grew {grown} bytes for {input} bytes of input"
        );
    }
    std::fs::remove_file(&path).unwrap();
}

#[test]
#[ignore = "heavy: run in release by .ci/run"]
fn the_largest_possible_grouping_answers_in_time_proportional_to_its_members() {
    // Every possible country id is a member: 17,576 members, the most three-letter ids allow.
    let mut text = String::from(
        r#"{"format": "alliance-graph/1", "sources": [{"id": "s", "title": "S"}], "countries": ["#,
    );
    let ids: Vec<String> = every_country_id().collect();
    for (i, id) in ids.iter().enumerate() {
        text.push_str(if i > 0 { "," } else { "" });
        write!(text, r#"{{"id": "{id}", "name": "Country {id}"}}"#).unwrap();
    }
    text.push_str(r#"], "groupings": [{"id": "every-state", "name": "Everyone", "kind": "collective-defense", "obligations": ["defense"], "status": [{"status": "active", "since": "2000", "source": "s"}]}], "memberships": ["#);
    for (i, id) in ids.iter().enumerate() {
        text.push_str(if i > 0 { "," } else { "" });
        write!(text, r#"{{"country": "{id}", "grouping": "every-state", "role": "member", "start": "2000", "source": "s"}}"#).unwrap();
    }
    text.push_str("]}");
    let graph = json::from_str(&text).unwrap();
    let view = graph.as_of("2010".parse().unwrap());
    let started = std::time::Instant::now();
    let blocs = view.blocs();
    assert_eq!(blocs.len(), 1);
    assert_eq!(blocs[0].members.len(), ids.len());
    assert_eq!(view.allies("AAA").unwrap().len(), ids.len() - 1);
    let path = view.alliance_path("AAA", "ZZZ").unwrap().unwrap();
    assert_eq!(path.hops.len(), 1);
    let elapsed = started.elapsed();
    eprintln!("17,576-member grouping: blocs, allies and a path in {elapsed:?}");
    assert!(elapsed.as_secs() < 30, "{elapsed:?}: quadratic?");
}

#[test]
fn loading_never_follows_links_or_reads_what_is_not_a_file() {
    let target = temp("real.json");
    std::fs::write(&target, r#"{"format": "alliance-graph/1"}"#).unwrap();
    json::from_path(&target).unwrap();
    let link = temp("link.json");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let err = json::from_path(&link).unwrap_err();
    assert!(
        err.to_string().contains("link.json") && err.to_string().contains("symbolic link"),
        "{err}"
    );
    let err = json::from_path(std::env::temp_dir()).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    #[cfg(feature = "atop")]
    {
        let err = alliance_graph::io::atop::import_members(&link).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }
}

/// An ATOP file over the importer's limit is refused unread; a reader past it is an error,
/// never silently cut short.
#[cfg(feature = "atop")]
#[test]
fn an_atop_file_over_the_limit_is_refused() {
    use alliance_graph::io::atop;
    let path = temp("huge_atop.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(atop::MAX_ATOP_BYTES + 1).unwrap();
    let e = atop::import_members(&path).unwrap_err();
    assert!(e.is_too_large(), "{e}");
    assert!(
        e.to_string()
            .contains("ATOP file exceeds the limit of 67108864"),
        "{e}"
    );
    // A header line longer than the limit: the reader stops with an error.
    let endless = std::io::repeat(b'a').take(atop::MAX_ATOP_BYTES + 10);
    let e = atop::from_reader(endless).unwrap_err();
    assert!(
        e.to_string().contains("larger than the importer's limit"),
        "{e}"
    );
}

/// A dataset's first lines with a byte that is not UTF-8 on line 4, column 21.
fn bad_byte_head() -> Vec<u8> {
    let mut text = b"{\"format\": \"alliance-graph/1\",\n  \"name\": \"x\",\n  \"title\": \"ok\",\n  \"description\": \"ab".to_vec();
    text.push(0xFF);
    text
}

const BAD_BYTE_AT: &str = "line 4, column 21: the input is not valid UTF-8";

/// A byte that is not UTF-8 is reported at its own line and column, in a small file and in
/// one large enough to be read as a stream.
#[test]
fn a_bad_byte_is_reported_where_it_is() {
    let mut text = bad_byte_head();
    text.extend_from_slice(b"\"}\n");
    let e = json::from_reader(text.as_slice()).unwrap_err();
    assert_eq!(e.to_string(), BAD_BYTE_AT);
    let path = temp("bad_utf8_small.json");
    std::fs::write(&path, &text).unwrap();
    for e in [
        json::from_path(&path).unwrap_err(),
        json::check_path(&path).unwrap_err(),
    ] {
        assert!(e.to_string().ends_with(BAD_BYTE_AT), "{e}");
    }
}

#[test]
#[ignore = "heavy: run in release by .ci/run"]
fn a_bad_byte_in_a_large_file_is_reported_where_it_is() {
    // Over the streaming threshold: the bad byte on line 4, then many valid records.
    let mut text = bad_byte_head();
    text.extend_from_slice(b"\",\n  \"sources\": [], \"countries\": [");
    let country = b"{\"id\": \"AAA\", \"name\": \"A\"},";
    while (text.len() as u64) < json::STREAM_FROM_BYTES + 1024 {
        text.extend_from_slice(country);
    }
    text.extend_from_slice(b"{\"id\": \"AAB\", \"name\": \"B\"}]}\n");
    let path = temp("bad_utf8_large.json");
    std::fs::write(&path, &text).unwrap();
    let e = json::from_path(&path).unwrap_err();
    assert!(e.to_string().ends_with(BAD_BYTE_AT), "{e}");
}

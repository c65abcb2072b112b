//! End-to-end runs of the `alliance-graph` binary: every command, on the built-in dataset and
//! on small data files, in text and JSON, and the errors (bad names, bad dates, broken files).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = Command::cargo_bin("alliance-graph")
        .expect("the binary is built")
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs a command that must succeed and returns its text output.
fn text(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?} failed: {}", r.stderr);
    r.stdout
}

/// Runs a command with `--json` that must succeed and returns the parsed document.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = text(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{out}"))
}

fn ids(v: &Value) -> Vec<String> {
    v["results"]
        .as_array()
        .expect("results array")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

/// A run that must fail: non-zero status, nothing on stdout, the message on stderr.
fn failure(args: &[&str]) -> String {
    let r = run(args);
    assert_ne!(r.code, 0, "{args:?} should fail");
    assert!(
        r.stdout.is_empty(),
        "{args:?} wrote to stdout: {}",
        r.stdout
    );
    assert!(r.stderr.contains("error:"), "{}", r.stderr);
    r.stderr
}

const DAY: &str = "2024-12-31";

#[test]
fn allies_text_and_json() {
    let t = text(&["--as-of", DAY, "allies", "Japan"]);
    assert!(t.contains("Allies of Japan (JPN)"), "{t}");
    assert!(t.contains("USA owes JPN defense"), "{t}");
    let j = json(&["--as-of", DAY, "allies", "Japan"]);
    assert_eq!(j["command"], "allies");
    assert_eq!(j["as_of"], DAY);
    assert_eq!(j["strength"], "defense");
    assert_eq!(j["actor"]["id"], "JPN");
    assert_eq!(ids(&j), ["USA"]);
    let e = &j["results"][0]["evidence"][0];
    assert_eq!(e["obligation"], "defense");
    assert_eq!(e["owed_by"][0], "USA");
    assert_eq!(e["owed_to"][0], "JPN");
    assert_eq!(e["mutual"], false);
    assert!(e["sources"].as_array().is_some_and(|s| !s.is_empty()));
    // At any strength, the QUAD and the access agreements count too.
    let any = json(&["--as-of", DAY, "allies", "Japan", "--strength", "any"]);
    let any = ids(&any);
    assert!(
        ["AUS", "GBR", "IND", "USA"]
            .iter()
            .all(|c| any.contains(&c.to_string())),
        "{any:?}"
    );
}

#[test]
fn global_options_after_the_command() {
    let j: Value =
        serde_json::from_str(&text(&["allies", "Japan", "--as-of", DAY, "--json"])).unwrap();
    assert_eq!(j["as_of"], DAY);
    // The default date is today (UTC), computed here from the system clock by the civil-date
    // algorithm (days since 1970-01-01 to a date), not by the crate.
    let civil = |days: i64| {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    };
    let now = || {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        civil(secs.div_euclid(86_400))
    };
    let before = now();
    let today = json(&["allies", "Japan"]);
    let after = now();
    let asked = today["as_of"].as_str().unwrap();
    assert!(asked == before || asked == after, "{asked}: not {before}");
}

#[test]
fn allied_answers_yes_and_no_with_evidence() {
    let j = json(&["--as-of", DAY, "allied", "Japan", "Washington DC"]);
    assert_eq!(j["allied"], true);
    assert_eq!(j["answer"], "yes");
    assert_eq!(j["b"]["id"], "USA");
    assert_eq!(j["evidence"][0]["obligation"], "defense");

    let j = json(&["--as-of", DAY, "allied", "India", "Japan"]);
    assert_eq!(j["allied"], false);
    assert_eq!(j["evidence"].as_array().unwrap().len(), 0);
    assert_eq!(j["shared_groupings"][0]["id"], "quad");
    let t = text(&["--as-of", DAY, "allied", "India", "Japan"]);
    assert!(t.starts_with("No:"), "{t}");
    assert!(t.contains("QUAD"), "{t}");
}

#[test]
fn defenders_nuclear_today_and_if_an_asian_nato_formed() {
    let j = json(&["--as-of", DAY, "defenders", "Japan", "--nuclear"]);
    assert_eq!(ids(&j), ["USA"]);
    assert_eq!(j["results"][0]["nuclear_armed"], true);
    let t = text(&["--as-of", DAY, "defenders", "Japan"]);
    assert!(t.contains("nuclear-armed"), "{t}");

    // The article's question, as a nested command on the changed graph.
    let args = [
        "--as-of",
        DAY,
        "what-if",
        "form",
        "asian-nato",
        "--members",
        "AUS,IND,JPN,USA,Britain",
        "defenders",
        "Japan",
        "--nuclear",
    ];
    let j = json(&args);
    assert_eq!(ids(&j), ["GBR", "IND", "USA"]);
    assert_eq!(j["command"], "defenders");
    assert_eq!(j["scenario"]["grouping"], "asian-nato");
    assert_eq!(j["scenario"]["members"].as_array().unwrap().len(), 5);
    let t = text(&args);
    assert!(t.starts_with("What if"), "{t}");
}

#[test]
fn what_if_reports_the_diff_by_default() {
    let j = json(&[
        "--as-of",
        DAY,
        "what-if",
        "form",
        "asian-nato",
        "--members",
        "AUS,IND,JPN,USA,GBR",
    ]);
    assert_eq!(j["command"], "what-if");
    let gained = j["diff"]["defenders_gained"].as_array().unwrap();
    assert!(gained
        .iter()
        .any(|g| g["id"] == "IND" && g["defends"] == "JPN" && g["nuclear_armed"] == true));
    assert!(gained
        .iter()
        .all(|g| !g["evidence"].as_array().unwrap().is_empty()));
    let allied = j["diff"]["allied_gained"].as_array().unwrap();
    assert!(allied.iter().any(|p| p["a"] == "IND" && p["b"] == "JPN"));
    let t = text(&[
        "--as-of",
        DAY,
        "what-if",
        "form",
        "asian-nato",
        "--members",
        "AUS,IND,JPN,USA,GBR",
    ]);
    assert!(t.contains("IND -> JPN"), "{t}");

    // Ending a treaty loses its ties.
    let j = json(&["--as-of", DAY, "what-if", "end", "russia-dprk-2024"]);
    let lost = j["diff"]["allied_lost"].as_array().unwrap();
    assert!(
        lost.iter().any(|p| p["a"] == "PRK" && p["b"] == "RUS"),
        "{j}"
    );
    let e = failure(&["what-if", "end", "no-such-treaty"]);
    assert!(e.contains("unknown treaty 'no-such-treaty'"), "{e}");
}

#[test]
fn path_lists_the_chain() {
    let j = json(&["--as-of", DAY, "path", "Japan", "Britain"]);
    assert_eq!(j["found"], true);
    assert_eq!(ids(&j), ["JPN", "USA", "GBR"]);
    assert_eq!(j["results"][1]["from"], "JPN");
    assert!(!j["results"][2]["evidence"].as_array().unwrap().is_empty());
    let t = text(&["--as-of", DAY, "path", "Japan", "Britain"]);
    assert!(t.contains("JPN -> USA -> GBR"), "{t}");
    let none = json(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "path",
        "Japan",
        "China",
    ]);
    assert_eq!(none["found"], false);
}

#[test]
fn blocs_include_the_russia_dprk_treaty_by_2024() {
    let j = json(&["--data", "builtin:asian-nato", "--as-of", DAY, "blocs"]);
    let blocs = j["results"].as_array().unwrap();
    let members = |b: &Value| -> Vec<String> {
        b["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        blocs.iter().any(|b| members(b) == ["CHN", "PRK", "RUS"]),
        "{j}"
    );
    assert!(blocs
        .iter()
        .all(|b| !b["bases"].as_array().unwrap().is_empty()));
    let t = text(&["--data", "builtin:asian-nato", "--as-of", DAY, "blocs"]);
    assert!(t.contains("held together by"), "{t}");
}

#[test]
fn members_and_groupings() {
    let j = json(&["--as-of", DAY, "members", "QUAD"]);
    assert_eq!(ids(&j), ["AUS", "IND", "JPN", "USA"]);
    assert_eq!(j["grouping"]["id"], "quad");
    assert_eq!(j["results"][0]["role"], "founding-member");
    let t = text(&["--as-of", DAY, "members", "quad"]);
    assert!(
        t.contains("Australia") && t.contains("founding-member"),
        "{t}"
    );

    let j = json(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "groupings",
        "Australia",
    ]);
    assert_eq!(ids(&j), ["aukus", "quad"]);
    assert_eq!(j["results"][0]["kind"], "security-partnership");
    let t = text(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "groupings",
        "Australia",
    ]);
    assert!(
        t.contains("aukus") && t.contains("carries no obligation"),
        "{t}"
    );
}

#[test]
fn show_a_country_and_a_grouping() {
    let t = text(&["--as-of", DAY, "show", "Britain"]);
    for want in [
        "(GBR), a country",
        "Memberships",
        "Treaties",
        "Allies of",
        "Stances by",
        "Stances on",
    ] {
        assert!(t.contains(want), "missing {want}:\n{t}");
    }
    let j = json(&["--as-of", DAY, "show", "UK"]);
    assert_eq!(j["actor"]["id"], "GBR");
    assert_eq!(j["actor"]["nuclear_armed"], true);
    assert!(j["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == "nato"));
    assert!(!j["allies"].as_array().unwrap().is_empty());

    let j = json(&["--as-of", DAY, "show", "Asian NATO"]);
    assert_eq!(j["actor"]["id"], "asian-nato");
    assert_eq!(j["actor"]["kind"], "grouping");
    assert_eq!(j["actor"]["status"], "proposed");
    assert!(!j["stances_on"].as_array().unwrap().is_empty());
    let t = text(&["--as-of", DAY, "show", "asian-nato"]);
    assert!(t.contains("India (IND) refusal (2024-10, reported)"), "{t}");
    assert!(
        t.contains("United States (USA) hedge (2024-09-17, on-record)"),
        "{t}"
    );

    // The members follow their header at once: no line of the summary repeated between.
    let t = text(&["--as-of", DAY, "show", "quad"]);
    let members = t
        .split("Members as of 2024-12-31: 4\n")
        .nth(1)
        .expect("a members section");
    assert!(members.starts_with("  AUS  Australia"), "{t}");
}

#[test]
fn stances_on_the_asian_nato() {
    let j = json(&["--as-of", DAY, "stances", "asian-nato"]);
    let results = j["results"].as_array().unwrap();
    let with = |position: &str| -> Vec<&str> {
        results
            .iter()
            .filter(|r| r["position"] == position)
            .map(|r| r["id"].as_str().unwrap())
            .collect()
    };
    assert_eq!(with("proposer"), ["JPN"]);
    assert_eq!(with("hedger"), ["USA"]);
    assert_eq!(with("refuser"), ["CHN", "IND"]);
    assert!(with("invited").contains(&"AUS"));
    let usa = results.iter().find(|r| r["id"] == "USA").unwrap();
    assert!(usa["quote"]
        .as_str()
        .unwrap()
        .starts_with("It is too early"));
    assert!(usa["speaker"]["name"].is_string());
    assert_eq!(usa["evidence"], "on-record");
    assert_eq!(usa["date"], "2024-09-17");
    assert_eq!(usa["kind"], "hedge");
    assert_eq!(usa["reported_as"], "refusal");
    assert_eq!(usa["made"], "yes");
    assert_eq!(usa["contested"], false);
    assert!(j["history"].as_array().unwrap().len() >= results.len());
    let t = text(&["--as-of", DAY, "stances", "Asian NATO"]);
    for want in [
        "Proposed by:",
        "Hedged by (too early, not now):",
        "the source calls it: refusal (counted by what was said: hedge)",
        "Refused by:",
        "Invited to join",
        "It is too early",
    ] {
        assert!(t.contains(want), "missing {want}:\n{t}");
    }
    // On a state: each actor's latest stance on it.
    let j = json(&["--as-of", DAY, "stances", "US"]);
    assert!(ids(&j).contains(&"JPN".to_string()));
}

#[test]
fn stance_current_and_history() {
    let j = json(&["--as-of", DAY, "stance", "India", "asian-nato"]);
    assert_eq!(j["current"]["kind"], "refusal");
    assert_eq!(j["current"]["actor"], "IND");
    assert_eq!(j["current"]["actor_name"], "India");
    assert_eq!(j["history"].as_array().unwrap().len(), 2);
    let t = text(&["--as-of", DAY, "stance", "Japan", "Asian NATO"]);
    assert!(
        t.contains("as of 2024-12-31: proposal") && t.contains("oldest first: 14"),
        "{t}"
    );
    // Before the proposal there is none.
    let j = json(&["--as-of", "2024-01", "stance", "Japan", "asian-nato"]);
    assert!(j["current"].is_null());
}

#[test]
fn exports_to_stdout_and_files() {
    let dir = tempdir();
    let dot = text(&["export", "--format", "dot"]);
    assert!(dot.starts_with("digraph") && dot.contains("\"JPN\""));
    let graphml = text(&["export", "--format", "graphml"]);
    let doc = roxmltree::Document::parse(&graphml).expect("GraphML parses");
    assert!(doc
        .descendants()
        .any(|n| n.has_tag_name("node") && n.attribute("id") == Some("PRK")));
    let dataset = text(&["export", "--format", "json"]);
    let back: Value = serde_json::from_str(&dataset).unwrap();
    assert_eq!(back["format"], "alliance-graph/1");

    // The world is too large for the picture: a clear refusal, then the article's data.
    let e = failure(&["export", "--format", "svg"]);
    assert!(
        e.contains("would draw 218 states and") && e.contains("--around ACTOR"),
        "{e}"
    );
    let out = dir.join("picture.svg");
    let r = run(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "export",
        "--format",
        "svg",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let svg = std::fs::read_to_string(&out).unwrap();
    roxmltree::Document::parse(&svg).expect("SVG parses");
    assert!(svg.contains(DAY));

    // An export of a what-if graph.
    let dot = text(&[
        "--as-of",
        DAY,
        "what-if",
        "form",
        "asian-nato",
        "--members",
        "AUS,JPN",
        "export",
        "--format",
        "dot",
    ]);
    // The two memberships the edit made, dated the --as-of day, citing the scenario.
    for member in ["AUS", "JPN"] {
        let line = dot
            .lines()
            .find(|l| {
                l.trim_start()
                    .starts_with(&format!("\"{member}\" -> \"asian-nato\""))
            })
            .unwrap_or_else(|| panic!("no membership of {member}:\n{dot}"));
        assert!(line.contains(r#"type="membership""#), "{line}");
        assert!(line.contains(r#"start="2024-12-31""#), "{line}");
        assert!(line.contains(r#"source="scenario""#), "{line}");
    }
}

#[test]
fn maps_focused_pictures_and_the_page() {
    let dir = tempdir();
    // The map of a state's ties, of blocs, of stances; a what-if map outlines the changes.
    let map = text(&[
        "--as-of",
        "2024-12-31",
        "export",
        "--format",
        "map",
        "--actor",
        "Japan",
    ]);
    assert!(map.contains("<title>Ties of Japan, as of 2024-12-31</title>"));
    // The US owes Japan defense (Article V); Japan owes none back.
    assert!(map.contains(r#"id="o-USA" data-states="USA" data-key="defends-chosen""#));
    let blocs = text(&["--as-of", "1980-12-31", "export", "--format", "map"]);
    assert!(blocs.contains("Blocs (defense ties), as of 1980-12-31"));
    let stances = text(&[
        "--as-of",
        "2024-12-31",
        "export",
        "--format",
        "map",
        "--stances-on",
        "asian-nato",
    ]);
    assert!(stances.contains(r#"id="o-IND" data-states="IND" data-key="stance-refusal""#));
    let formed = text(&[
        "--as-of",
        "2024-12-31",
        "what-if",
        "form",
        "asian-nato",
        "--members",
        "AUS,GBR,IND,JPN,USA",
        "export",
        "--format",
        "map",
        "--actor",
        "Japan",
    ]);
    assert!(formed.contains(r#"<g id="changed""#));
    assert!(formed.contains("outlined: changed by Asian NATO (asian-nato) formed on 2024-12-31 with AUS, GBR, IND, JPN, USA (4)"));
    // A grouping is not a state to colour a map by; --depth needs --around.
    let e = failure(&["export", "--format", "map", "--actor", "NATO"]);
    assert!(e.contains("is a grouping, but a country is needed"), "{e}");
    let e = failure(&["export", "--format", "svg", "--depth", "2"]);
    assert!(e.contains("--around"), "{e}");
    // A focused picture of the world; the whole world is refused with what to do instead.
    let out = dir.join("japan.svg");
    let r = run(&[
        "--as-of",
        "2024-12-31",
        "export",
        "--format",
        "svg",
        "--around",
        "Japan",
        "--depth",
        "2",
        "--strength",
        "defense",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains(">Japan<") && svg.contains(">Finland<") && !svg.contains(">Mongolia<"));
    // The page: one file.
    let page = dir.join("page.html");
    let r = run(&[
        "export",
        "--format",
        "html",
        "--actor",
        "Britain",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("const DATA = "));
}

#[test]
fn tables_need_atop_data() {
    let e = failure(&["table", "state-year"]);
    assert!(e.contains("--atop"), "{e}");
    let (Some(member), Some(published)) = (
        super::shared_data("atop-5.1/atop5_1m.csv"),
        super::shared_data("atop-5.1/atop5_1sy.csv"),
    ) else {
        return;
    };
    let dir = tempdir();
    let out = dir.join("sy.csv");
    let r = run(&[
        "--atop",
        member.to_str().unwrap(),
        "table",
        "state-year",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&published).unwrap()
    );
    // ATOP answers through every command, too.
    let j = json(&[
        "--atop",
        member.to_str().unwrap(),
        "--as-of",
        "1990",
        "defenders",
        "Japan",
    ]);
    assert_eq!(ids(&j), ["USA"]);
}

#[test]
fn a_small_data_file_and_a_merge() {
    let small = data("small.json");
    let small = small.to_str().unwrap();
    let j = json(&["--data", small, "--as-of", "2024", "allies", "Japan"]);
    assert_eq!(ids(&j), ["USA"]);
    let t = text(&["--data", small, "--as-of", "2024", "stances", "asian-nato"]);
    assert!(t.contains("Shigeru Ishiba"), "{t}");
    let j = json(&["--data", small, "--as-of", "2024", "members", "asian-nato"]);
    assert_eq!(ids(&j), Vec::<String>::new());
    // Britain is only in the second file; the merged graph links it to Japan.
    let extra = data("cli/extra.json");
    let j = json(&[
        "--data",
        small,
        "--data",
        extra.to_str().unwrap(),
        "--as-of",
        "2024",
        "path",
        "Japan",
        "Britain",
    ]);
    assert_eq!(ids(&j), ["JPN", "USA", "GBR"]);
    // The built-in dataset by name.
    let j = json(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "allied",
        "KOR",
        "USA",
    ]);
    assert_eq!(j["allied"], true);
    // Files that disagree on a record do not merge, and say so.
    let e = failure(&["--data", "builtin:asian-nato", "--data", small, "blocs"]);
    assert!(
        e.contains("cannot merge") && e.contains("small.json"),
        "{e}"
    );
}

#[test]
fn check_reports_every_problem() {
    let ok = text(&["check", data("small.json").to_str().unwrap()]);
    assert!(ok.contains("ok: 3 countries"), "{ok}");
    let j = json(&["check", data("small.json").to_str().unwrap()]);
    assert_eq!(j["valid"], true);

    let invalid = data("cli/invalid.json");
    let r = run(&["check", invalid.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("3 problems"), "{}", r.stdout);
    assert!(r.stdout.contains("duplicate country id 'JPN'"));
    assert!(r.stdout.contains("did you mean 'unts'"));
    assert!(r.stderr.contains("not a valid dataset"), "{}", r.stderr);
    let r = run(&["check", invalid.to_str().unwrap(), "--json"]);
    assert_eq!(r.code, 1);
    let j: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["valid"], false);
    assert_eq!(j["problems"].as_array().unwrap().len(), 3);
    assert_eq!(j["problems"][0]["record"]["kind"], "country");

    let broken = data("cli/broken.json");
    let r = run(&["check", broken.to_str().unwrap(), "--json"]);
    assert_eq!(r.code, 1);
    let j: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["problems"][0]["line"], 4);
    assert_eq!(j["problems"][0]["column"], 35);
    let e = failure(&["check", "no/such/file.json"]);
    assert!(e.contains("no/such/file.json"), "{e}");
}

#[test]
fn unknown_names_suggest_the_closest() {
    let e = failure(&["allies", "Brtain"]);
    assert!(
        e.contains("unknown actor 'Brtain'; did you mean 'Britain' (GBR)?"),
        "{e}"
    );
    // With --json the error is a JSON document on stdout too (and the message on stderr).
    let r = run(&["--json", "allied", "Japan", "Chna"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown actor 'Chna'"), "{}", r.stderr);
    let j: Value = serde_json::from_str(&r.stdout).expect("an error document");
    assert!(j["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown actor 'Chna'; did you mean 'China' (CHN)?"));
    let r = run(&["--json", "check", "no/such/file.json"]);
    let j: Value = serde_json::from_str(&r.stdout).expect("an error document");
    assert!(j["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no/such/file.json"));
    let e = failure(&["members", "Japan"]);
    assert!(e.contains("a grouping is needed"), "{e}");
    let e = failure(&["what-if", "form", "asian-nato", "--members", "AUS,Jpan"]);
    assert!(e.contains("did you mean"), "{e}");
    let e = failure(&["allies", "Japan", "--strength", "strong"]);
    assert!(e.contains("strong"), "{e}");
}

#[test]
fn bad_dates_are_refused() {
    for bad in ["2024-13", "24", "2024-02-30", "yesterday"] {
        let e = failure(&["--as-of", bad, "allies", "Japan"]);
        assert!(e.contains(bad) && e.contains("YYYY-MM-DD"), "{e}");
    }
    // Every precision works.
    for good in ["1990", "2024-09", "2024-09-27"] {
        assert_eq!(json(&["--as-of", good, "allies", "Japan"])["as_of"], good);
    }
}

#[test]
fn a_broken_data_file_writes_nothing() {
    let dir = tempdir();
    let out = dir.join("never.svg");
    let broken = data("cli/broken.json");
    let e = failure(&[
        "--data",
        broken.to_str().unwrap(),
        "export",
        "--format",
        "svg",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        e.contains("broken.json") && e.contains("line 4, column 35"),
        "{e}"
    );
    assert!(e.contains("check"), "{e}");
    assert!(!out.exists());
    let invalid = data("cli/invalid.json");
    let e = failure(&["--data", invalid.to_str().unwrap(), "allies", "Japan"]);
    assert!(e.contains("3 problems"), "{e}");
    let e = failure(&["--data", "no/such/file.json", "blocs"]);
    assert!(e.contains("no/such/file.json"), "{e}");
    let e = failure(&["--atop", "no/such/atop.csv", "blocs"]);
    assert!(e.contains("no/such/atop.csv"), "{e}");
}

/// A fresh directory under the target directory.
fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every command, at a date before 1815, in 2024 for an alliance not confirmed since 2018
/// (Cuba-North Korea, ATOP 3975) and after the review date: none answers "no" or "known".
#[test]
fn no_command_answers_no_where_the_data_stop() {
    for date in ["1700", "2024-06-01", "2027-06-01"] {
        for args in [
            vec!["allies", "Cuba"],
            vec!["allied", "Cuba", "North Korea"],
            vec!["defenders", "Cuba"],
            vec!["path", "Cuba", "North Korea"],
            vec!["blocs"],
            vec!["groupings", "Cuba"],
            vec!["show", "Cuba"],
            vec!["members", "nato"],
            vec!["stances", "asian-nato"],
            vec!["stance", "Japan", "asian-nato"],
        ] {
            let mut all = vec!["--as-of", date];
            all.extend(&args);
            let j = json(&all);
            let answer = j["answer"]
                .as_str()
                .unwrap_or_else(|| panic!("{all:?}: no answer field: {j}"));
            let relevant =
                !matches!(args[0], "members" | "stances" | "stance") || date != "2024-06-01";
            if relevant {
                assert!(
                    answer == "unknown" || answer == "partial",
                    "{all:?}: answer {answer}: {j}"
                );
                assert!(
                    j["outside_coverage"].is_array() && j["open_ties"].is_array(),
                    "{all:?}"
                );
            }
            if date == "2024-06-01" && args[0] != "members" && !args[0].starts_with("stance") {
                assert!(
                    j["open_ties"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|t| t["atop_id"] == 3975),
                    "{all:?}: {j}"
                );
            }
        }
    }
    let t = text(&["--as-of", "2024-06-01", "allied", "Cuba", "North Korea"]);
    assert!(
        t.starts_with("Unknown:") && t.contains("ATOP 3975") && t.contains("2018-12-31"),
        "{t}"
    );
    let t = text(&["--as-of", "2027", "allies", "Japan"]);
    assert!(
        t.contains("Unknown: the date lies outside the coverage of atop-5.1, review-2026-11"),
        "{t}"
    );
}

/// The world answers the questions a new user asks first.
#[test]
fn the_world_by_default() {
    let j = json(&["--as-of", "2026-11-30", "allies", "Poland"]);
    assert_eq!(j["answer"], "known");
    assert!(ids(&j).contains(&"USA".to_string()) && ids(&j).len() == 35);
    let j = json(&["--as-of", "2024-03-07", "members", "nato"]);
    assert_eq!(ids(&j).len(), 32);
    let j = json(&["--as-of", "2023-01-01", "allied", "Finland", "USA"]);
    assert_eq!(j["answer"], "no");
    let j = json(&["--as-of", "2023-04-05", "allied", "Finland", "USA"]);
    assert_eq!(j["answer"], "yes");
    let t = text(&["--as-of", "2026-11-30", "allied", "USA", "VEN"]);
    assert!(
        t.starts_with("No:") && t.contains("Formerly") && t.contains("to 2019-04-27"),
        "{t}"
    );
    let j = json(&[
        "--as-of",
        "2026-11-30",
        "allied",
        "Saudi Arabia",
        "Pakistan",
    ]);
    assert_eq!(j["answer"], "yes");
    let e = failure(&["allies", "Korea"]);
    assert!(
        e.contains("South Korea (KOR)") && e.contains("North Korea (PRK)"),
        "{e}"
    );
    let j = json(&["--as-of", "1970", "allies", "Germany"]);
    assert_eq!(j["actor"]["id"], "XGF");
}

#[test]
fn stances_say_possibly_contested_and_how_they_moved() {
    // Inside the range the Hudson essay is dated by, Japan's proposal is only possibly made.
    let t = text(&["--as-of", "2024-09-26", "stances", "asian-nato"]);
    assert!(
        t.contains("possibly: said on a day of 2024-09-25/2024-09-27 that may be after 2024-09-26"),
        "{t}"
    );
    assert!(t.contains("2 of them only possibly made by then"), "{t}");
    let j = json(&["--as-of", "2024-09-26", "stances", "asian-nato"]);
    let japan = j["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "JPN")
        .unwrap();
    assert!(japan["made"].as_str().unwrap().starts_with("possibly: "));
    // Before any of it, nothing.
    let j = json(&["--as-of", "2024-09-01", "stances", "asian-nato"]);
    assert!(j["history"].as_array().unwrap().is_empty());

    // The 2022 claim shown as contested, naming what contradicts it.
    let t = text(&["stances", "JPN"]);
    assert!(t.contains("CONTESTED USA refusal JPN"), "{t}");
    assert!(t.contains("contradicted by: jiji-2022-02-28"), "{t}");
    let j = json(&["stances", "JPN"]);
    assert_eq!(j["results"][0]["contested"], true);
    assert_eq!(
        j["results"][0]["contradicted_by"][1]["source"],
        "jiji-2022-02-28"
    );

    // The moves, in text, JSON and a picture.
    let t = text(&["--as-of", DAY, "timeline", "Asian NATO"]);
    assert!(
        t.contains("2024-10-02  Japan (JPN): proposal -> hedge"),
        "{t}"
    );
    assert!(
        t.contains("2024-12-10  Japan (JPN): hedge -> proposal"),
        "{t}"
    );
    let j = json(&["--as-of", DAY, "timeline", "asian-nato"]);
    let moves = j["results"].as_array().unwrap();
    assert_eq!(moves.len(), 6);
    assert_eq!(moves[3]["from"], "proposal");
    assert_eq!(moves[3]["to"], "hedge");
    assert_eq!(moves[3]["stance"]["speaker"]["name"], "Takeshi Iwaya");
    assert_eq!(j["positions"]["refuser"], serde_json::json!(["CHN", "IND"]));
    let svg = text(&["--as-of", DAY, "timeline", "asian-nato", "--svg"]);
    assert!(roxmltree::Document::parse(&svg).is_ok() && svg.contains("Positions on Asian NATO"));

    // A tie that turns on a month-precise end.
    let t = text(&["--as-of", "1950-07-15", "allied", "Turkey", "Afghanistan"]);
    assert!(
        t.starts_with("Possibly: Turkey (TUR) and Afghanistan (AFG)"),
        "{t}"
    );
    let j = json(&["--as-of", "1950-07-15", "allied", "Turkey", "Afghanistan"]);
    assert_eq!(j["answer"], "possibly");
    assert_eq!(
        j["evidence"][0]["holds"],
        "possibly: it ended on a day of 1950-07 that may be before 1950-07-15"
    );

    // A state and itself.
    for args in [
        &["allied", "Japan", "Japan"][..],
        &["stance", "Japan", "Tokyo"][..],
    ] {
        let e = failure(args);
        assert!(
            e.contains("needs two different actors, but both names mean JPN"),
            "{e}"
        );
    }
}

#[test]
fn attack_lists_duties_sides_and_pictures() {
    let t = text(&["attack", "China", "Japan"]);
    assert!(
        t.starts_with("If China (CHN) attacks Japan (JPN) on "),
        "{t}"
    );
    assert!(
        t.contains("United States (USA) defend Japan (JPN) (nuclear-armed; round 0)"),
        "{t}"
    );
    assert!(t.contains("Nuclear-armed states bound to defend a state attacked (met or undecidable): United States (USA)"), "{t}");
    let j = json(&["--as-of", "1914-08-01", "attack", "Germany", "Russia"]);
    let c = &j["conflict"];
    let fra = c["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["state"] == "FRA" && d["kind"] == "defend")
        .expect("France's duty");
    assert_eq!(fra["judgement"]["status"], "met");
    assert_eq!(fra["evidence"]["basis"]["atop_id"], 1385);
    let france = c["belligerents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["country"] == "FRA")
        .unwrap();
    assert_eq!(france["side"], "attacked");
    assert_eq!(france["round"], 1);
    assert_eq!(france["chain"][0]["toward"], "RUS");
    // Several of each, a depth, and the picture.
    let t = text(&[
        "--as-of",
        "1914-08-01",
        "attack",
        "Germany, Austria-Hungary",
        "Russia,France",
        "--depth",
        "0",
    ]);
    assert!(
        t.contains("followed for 0 round(s) (the depth)")
            || t.contains("no state is bound to join"),
        "{t}"
    );
    let svg = text(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "attack",
        "China",
        "Japan",
        "--svg",
    ]);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert!(doc
        .descendants()
        .any(|n| n.text() == Some("If China attacks Japan, on 2024-12-31")));
    // The article's what-if, with the duties it adds.
    let t = text(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        DAY,
        "what-if",
        "form",
        "asian-nato",
        "--members",
        "AUS,IND,JPN,USA,GBR",
        "attack",
        "China",
        "Japan",
    ]);
    assert!(t.contains("Nuclear-armed states bound to defend a state attacked (met or undecidable): United Kingdom (GBR), India (IND), United States (USA)"), "{t}");
    assert!(t.contains("Obligations to act the change adds:"), "{t}");
    assert!(
        t.contains("IND defend JPN (met) under Asian NATO (asian-nato)"),
        "{t}"
    );
    // The US leaving NATO, then dissolving it.
    let j = json(&[
        "what-if", "leave", "USA", "nato", "attack", "Russia", "Poland",
    ]);
    assert!(j["duties_lost"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["state"] == "USA" && d["toward"] == "POL"));
    let t = text(&["what-if", "dissolve", "nato"]);
    assert!(t.starts_with("What if NATO (nato) dissolved on"), "{t}");
    assert!(t.contains("Allied pairs lost"), "{t}");
    let e = failure(&["attack", "Japan", "Japan"]);
    assert!(e.contains("two different actors"), "{e}");
}

/// `-o` writes a whole file or nothing, refuses FIFOs and links, and writers racing for one
/// file each replace it whole; a failed write to standard output is a failure.
#[cfg(unix)]
#[test]
fn output_is_written_whole_or_refused() {
    let dir = tempdir();
    // A full disk on standard output: exit 1, the reason on stderr.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("alliance-graph"))
        .args(["blocs"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No space left on device"));
    // A FIFO is refused at once (no blocking), a link is refused and its target untouched.
    let fifo = dir.join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let e = failure(&[
        "--data",
        "builtin:asian-nato",
        "export",
        "--format",
        "dot",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert!(e.contains("is not a regular file"), "{e}");
    let target = dir.join("real.dot");
    std::fs::write(&target, "old").unwrap();
    let link = dir.join("link.dot");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let e = failure(&[
        "--data",
        "builtin:asian-nato",
        "export",
        "--format",
        "dot",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(e.contains("symbolic link"), "{e}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    // Eight writers of two different documents: the file is always one of them, whole.
    let file = dir.join("race.out");
    let docs = [
        text(&[
            "--data",
            "builtin:asian-nato",
            "--as-of",
            DAY,
            "export",
            "--format",
            "svg",
        ]),
        text(&["--data", "builtin:asian-nato", "export", "--format", "dot"]),
    ];
    for _ in 0..5 {
        let children: Vec<_> = (0..8)
            .map(|i| {
                let args: Vec<&str> = if i % 2 == 0 {
                    vec![
                        "--data",
                        "builtin:asian-nato",
                        "--as-of",
                        DAY,
                        "export",
                        "--format",
                        "svg",
                        "-o",
                    ]
                } else {
                    vec![
                        "--data",
                        "builtin:asian-nato",
                        "export",
                        "--format",
                        "dot",
                        "-o",
                    ]
                };
                std::process::Command::new(assert_cmd::cargo::cargo_bin("alliance-graph"))
                    .args(args)
                    .arg(&file)
                    .spawn()
                    .unwrap()
            })
            .collect();
        // Meanwhile a reader only ever sees a whole document (or none yet).
        let mut looks = 0;
        let mut children = children;
        while children.iter_mut().any(|c| c.try_wait().unwrap().is_none()) {
            if let Ok(seen) = std::fs::read_to_string(&file) {
                looks += 1;
                assert!(docs.contains(&seen), "a reader saw {} bytes", seen.len());
            }
        }
        for mut c in children {
            assert!(c.wait().unwrap().success());
        }
        assert!(looks > 0);
        let got = std::fs::read_to_string(&file).unwrap();
        assert!(docs.contains(&got), "a mixed file of {} bytes", got.len());
    }
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn similarity_of_two_states_with_the_differences() {
    let out = text(&["--as-of", "1914", "similarity", "Germany", "Russia"]);
    assert!(
        out.contains("Germany (DEU) and Russia (RUS), as of 1914"),
        "{out}"
    );
    assert!(out.contains("(sallyvs)"), "{out}");
    assert!(out.contains("France (FRA)"), "{out}");
    let j = json(&["--as-of", "1914", "similarity", "Germany", "Russia"]);
    assert_eq!(j["command"], "similarity");
    assert_eq!(j["first"]["id"], "DEU");
    let s = j["similarity"]["s_valued_squared"].as_f64().unwrap();
    assert!((-1.0..=1.0).contains(&s));
    let fra = j["differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["state"] == "FRA")
        .expect("France differs");
    assert_eq!(
        (fra["first"].as_u64(), fra["second"].as_u64()),
        (Some(0), Some(3))
    );
    let e = failure(&["--as-of", "1914", "similarity", "Germany", "Slovakia"]);
    assert!(e.contains("SVK was not a state on 1914"), "{e}");
    let e = failure(&["similarity", "Germany", "nato"]);
    assert!(e.contains("grouping"), "{e}");
    // Outside what the sources cover, no measure is given as if known: only "unknown", and why.
    let out = text(&["--as-of", "2027", "similarity", "USA", "GBR"]);
    assert!(out.starts_with("Alliance-portfolio similarity of United States (USA) and United Kingdom (GBR), as of 2027: unknown."), "{out}");
    assert!(!out.contains("sallyvs"), "{out}");
    let j = json(&["--as-of", "2027", "similarity", "USA", "GBR"]);
    assert_eq!(
        (j["answer"].as_str(), j["similarity"].is_null()),
        (Some("unknown"), true)
    );
    let out = text(&["--as-of", "1700", "balance"]);
    assert!(
        out.starts_with("Structural balance as of 1700: unknown."),
        "{out}"
    );
    // --measure keeps the measures named, in text and JSON.
    let out = text(&[
        "--as-of",
        "1914",
        "similarity",
        "DEU",
        "RUS",
        "--measure",
        "kallyv,taub",
    ]);
    assert!(out.contains("(kallyv)") && out.contains("(taub)"), "{out}");
    assert!(!out.contains("(sallyvs)"), "{out}");
    let j = json(&[
        "--as-of",
        "1914",
        "similarity",
        "DEU",
        "RUS",
        "--measure",
        "taub",
    ]);
    let kept: Vec<&String> = j["similarity"].as_object().unwrap().keys().collect();
    assert_eq!(kept, ["tau_b"]);
    let e = failure(&["similarity", "DEU", "RUS", "--measure", "salyvs"]);
    assert!(
        e.contains("unknown measure \"salyvs\"; did you mean sallyvs?"),
        "{e}"
    );
}

#[test]
fn the_similarity_table_with_weights_and_its_errors() {
    let dir = tempdir();
    let weights = dir.join("weights.csv");
    // Only the US and the UK weigh: their weighted S in 1816 compares their commitments to
    // the two of them alone, and they commit only to themselves: complete disagreement.
    std::fs::write(
        &weights,
        "ccode,year,cinc\n2,1816,0.5\n200,1816,0.3\n230,1816,NA\n",
    )
    .unwrap();
    let out = dir.join("sim.csv");
    let r = run(&[
        "table",
        "similarity",
        "--from",
        "1816",
        "--to",
        "1816",
        "--weights",
        weights.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("529 rows, 1 years"), "{}", r.stderr);
    assert!(
        r.stderr.contains("21 state-years without a weight"),
        "{}",
        r.stderr
    );
    let csv = std::fs::read_to_string(&out).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",taub,sallyvsw,sallyvaw,sallybsw,sallybaw"),
        "{header}"
    );
    let us_uk = csv.lines().find(|l| l.starts_with("2,200,1816,")).unwrap();
    assert!(us_uk.ends_with(",-1.0,-1.0"), "{us_uk}");
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "ccode,year,cinc\n2,1816,heavy\n").unwrap();
    let e = failure(&["table", "similarity", "--weights", bad.to_str().unwrap()]);
    assert!(
        e.contains("line 2, field `cinc`: \"heavy\" is not a number"),
        "{e}"
    );
    let e = failure(&["table", "similarity", "--from", "1900", "--to", "1800"]);
    assert!(e.contains("--from 1900 is after --to 1800"), "{e}");
    // Years the sources do not cover give no rows (zeros would read as facts); the review's
    // own year, covered in part, is kept.
    let e = failure(&["table", "network", "--from", "2027", "--to", "2027"]);
    assert!(
        e.contains("2027 lies outside the coverage of atop-5.1, review-2026-11"),
        "{e}"
    );
    let e = failure(&["table", "similarity", "--from", "1700", "--to", "1816"]);
    assert!(e.contains("1700 lies outside the coverage"), "{e}");
    let csv = text(&["table", "network", "--from", "2026", "--to", "2026"]);
    assert_eq!(
        csv.lines().count(),
        1 + 195,
        "COW's 2016 system, carried forward"
    );
    // Options of one table given to another are errors, not ignored.
    let e = failure(&["table", "network", "--weights", weights.to_str().unwrap()]);
    assert!(e.contains("--weights is for the similarity table"), "{e}");
    let e = failure(&["table", "similarity", "--directed"]);
    assert!(e.contains("--directed is for the dyad-year table"), "{e}");
    let e = failure(&["table", "state-year", "--from", "1900"]);
    assert!(
        e.contains("are for the similarity and network tables"),
        "{e}"
    );
}

#[test]
fn balance_and_the_network_table() {
    let out = text(&["--as-of", "1914-07-01", "balance"]);
    assert!(out.contains("2 hostile pairs (-)"), "{out}");
    assert!(out.contains("Germany (DEU) - France (FRA)"), "{out}");
    assert!(out.contains("firstworldwar-franco-russian-1892"), "{out}");
    let j = json(&[
        "--data",
        "builtin:asian-nato",
        "--as-of",
        "2024-12-31",
        "balance",
    ]);
    assert_eq!(j["command"], "balance");
    assert_eq!(j["negative_ties"].as_array().unwrap().len(), 2);
    assert_eq!(j["ambivalent_ties"][0]["first"], "JPN");
    assert_eq!(j["balance_ratio"], 1.0);
    let csv = text(&["table", "network", "--from", "1914", "--to", "1914"]);
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("ccode,year,defense_allies,"), "{header}");
    // Austria-Hungary (300) in the year 1914 (any day of it): defense ties with four states,
    // the four that `allies --as-of 1914` lists.
    let austria = lines.find(|l| l.starts_with("300,1914,")).unwrap();
    assert!(austria.starts_with("300,1914,4,"), "{austria}");
    let allies = text(&["--as-of", "1914", "allies", "Austria-Hungary"]);
    for id in ["BGR", "DEU", "ITA", "ROU"] {
        assert!(allies.contains(&format!("  {id} ")), "{allies}");
    }
    assert_eq!(csv.lines().count(), 1 + 45);
}

/// An ATOP import's issues are listed by row in the note, not only counted.
#[test]
fn the_import_note_names_the_rows() {
    let dir = tempdir();
    let file = dir.join("dup.csv");
    std::fs::write(
        &file,
        "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
         1,2,1950,1,1,0,0,0,1,1,0,0,0,0\n1,20,1950,1,1,0,0,0,1,1,0,0,0,0\n\
         1,20,1950,1,1,0,0,0,1,1,0,0,0,0\n2,2,1950,1,1,0,0,0,1,1,0,0,0,0\n",
    )
    .unwrap();
    let out = dir.join("sy.csv");
    let r = run(&[
        "--atop",
        file.to_str().unwrap(),
        "table",
        "state-year",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("; 2 issues\n"), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "\n  - member file row 3: repeats row 2 (ATOP 1, member 20, phase 1); read once"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("\n  - member file row 4, field `member`: alliance 2 has only one member"),
        "{}",
        r.stderr
    );
}

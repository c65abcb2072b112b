//! Our side of the peer comparison (`benches/peers/run.sh`): the same work the Python peers
//! do, on the same input files, with timings printed as JSON.
//!
//! ```text
//! peer_workloads gen OUT.json STATES GROUPINGS TREATIES STANCES SEED   # a synthetic dataset
//! peer_workloads builtin OUT.json                                        # the asian-nato dataset
//! peer_workloads queries DATA.json DATE N SEED OUT.json                  # a query list
//! peer_workloads graph DATA.json QUERIES.json ANSWERS.json               # graph workloads
//! peer_workloads load DATA.json                                          # load only (for /usr/bin/time)
//! peer_workloads parse DATA.json                                         # load against serde_json's typed parse
//! peer_workloads atop MEMBER.csv OUT_DIR                                 # ATOP tables (feature atop)
//! peer_workloads                                                         # a quick self-check
//! ```
//!
//! Timings go to standard output as one JSON object: `{"workload": seconds, ...}`, each the
//! median of several runs. Answers go to the named file, for the runner to compare with the
//! peers' before any time is printed.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use alliance_graph::io::json;
use alliance_graph::synthetic::Generator;
use alliance_graph::{AllianceGraph, CountryId, PartialDate};
use serde_json::{json, Value};

type Res<T> = Result<T, Box<dyn std::error::Error>>;
type QueryResult<T> = Result<T, alliance_graph::Error>;

/// Median seconds of `f` over enough runs to take about `budget`, at least 3 and at most 1000.
fn time<T>(budget: Duration, mut f: impl FnMut() -> T) -> (f64, T) {
    let start = Instant::now();
    let mut out = f();
    let first = start.elapsed();
    let runs = if first.is_zero() {
        1000
    } else {
        (budget.as_secs_f64() / first.as_secs_f64()).clamp(3.0, 1000.0) as usize
    };
    let mut samples = vec![first.as_secs_f64()];
    for _ in 1..runs {
        let t = Instant::now();
        out = std::hint::black_box(f());
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(f64::total_cmp);
    (samples[samples.len() / 2], out)
}

fn ids(v: &[CountryId]) -> Vec<String> {
    v.iter().map(|c| c.to_string()).collect()
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    match a.as_slice() {
        ["gen", out, states, groupings, treaties, stances, seed] => {
            let g = Generator {
                states: states.parse()?,
                groupings: groupings.parse()?,
                treaties: treaties.parse()?,
                stances: stances.parse()?,
                seed: seed.parse()?,
            };
            let t = Instant::now();
            let doc = g.document()?;
            let made = t.elapsed();
            let graph = doc.into_graph()?;
            json::to_path(&graph, out)?;
            eprintln!("generated {out} in {made:.2?}");
        }
        ["builtin", out] => json::to_path(&alliance_graph::datasets::asian_nato(), out)?,
        ["queries", data, date, n, seed, out] => {
            queries(data, date, n.parse()?, seed.parse()?, out)?
        }
        ["graph", data, queries, answers] => graph_workloads(data, queries, answers)?,
        ["load", data] => {
            let t = Instant::now();
            let g = json::from_path(data)?;
            println!(
                "{}",
                json!({"load": t.elapsed().as_secs_f64(), "stances": g.stances().count()})
            );
        }
        ["parse", data] => parse_against_load(data)?,
        ["atop", member, out_dir] => atop(member, out_dir)?,
        [] => self_check()?,
        _ => return Err("usage: see the top of examples/peer_workloads.rs".into()),
    }
    Ok(())
}

/// A deterministic query list: `n` countries for allies and defenders, `n` pairs each for
/// are-allied and paths (half of the pairs allied, when there are that many ties).
fn queries(data: &str, date: &str, n: usize, seed: u64, out: &str) -> Res<()> {
    let graph = json::from_path(data)?;
    let countries: Vec<CountryId> = graph.countries().map(|c| c.id).collect();
    let view = graph.as_of(date.parse()?);
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut pick = |len: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % len as u64) as usize
    };
    let mut single = Vec::new();
    let mut pairs = Vec::new();
    let mut paths = Vec::new();
    for k in 0..n {
        let c = countries[if n >= countries.len() {
            k % countries.len()
        } else {
            pick(countries.len())
        }];
        single.push(c.to_string());
        let allies = view.allies(c)?;
        // Two different states: a state and itself is an error (not a question) in both the
        // library's are-allied and path queries.
        let other = |pick: &mut dyn FnMut(usize) -> usize| loop {
            let b = countries[pick(countries.len())];
            if b != c {
                break b;
            }
        };
        let b = if k % 2 == 0 && !allies.is_empty() {
            allies[pick(allies.len())].country
        } else {
            other(&mut pick)
        };
        pairs.push([c.to_string(), b.to_string()]);
        paths.push([c.to_string(), other(&mut pick).to_string()]);
    }
    let q = json!({"date": date, "allies": single, "defenders": single, "pairs": pairs, "paths": paths});
    std::fs::write(out, serde_json::to_string_pretty(&q)?)?;
    Ok(())
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn string_pairs(v: &Value, key: &str) -> Vec<(String, String)> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p[0].as_str()?.to_string(), p[1].as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// Loading against parsing, on text already in memory: serde_json's own typed parse of the
/// file into the model's records (`Document`, no validation, no graph: the limit), and our
/// whole load from the same text (parse, validate every record, build the graph and its
/// indices). Each the median of five.
fn parse_against_load(data: &str) -> Res<()> {
    let text = std::fs::read_to_string(data)?;
    let median = |f: &mut dyn FnMut() -> Res<()>| -> Res<f64> {
        let mut samples = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            f()?;
            samples.push(t.elapsed().as_secs_f64());
        }
        samples.sort_by(f64::total_cmp);
        Ok(samples[2])
    };
    let parse = median(&mut || {
        std::hint::black_box(serde_json::from_str::<alliance_graph::io::Document>(&text)?);
        Ok(())
    })?;
    let load = median(&mut || {
        std::hint::black_box(json::from_str(&text)?);
        Ok(())
    })?;
    println!(
        "{}",
        json!({"typed parse": parse, "load": load, "load / parse": load / parse})
    );
    Ok(())
}

fn graph_workloads(data: &str, queries: &str, answers: &str) -> Res<()> {
    let q: Value = serde_json::from_str(&std::fs::read_to_string(queries)?)?;
    let budget = Duration::from_millis(300);
    let (load, graph) = time(Duration::from_millis(500), || json::from_path(data));
    let graph: AllianceGraph = graph?;
    let date: PartialDate = q["date"].as_str().ok_or("no date")?.parse()?;
    // Ids are resolved once, outside the timings, as the peers map ids to node indices.
    let parse = |v: Vec<String>| -> Res<Vec<CountryId>> {
        v.iter().map(|s| Ok(s.parse::<CountryId>()?)).collect()
    };
    let parse2 = |v: Vec<(String, String)>| -> Res<Vec<(CountryId, CountryId)>> {
        v.iter()
            .map(|(a, b)| Ok((a.parse::<CountryId>()?, b.parse::<CountryId>()?)))
            .collect()
    };
    let allies_q = parse(strings(&q, "allies"))?;
    let defenders_q = parse(strings(&q, "defenders"))?;
    let pairs_q = parse2(string_pairs(&q, "pairs"))?;
    let paths_q = parse2(string_pairs(&q, "paths"))?;

    // The view's cost is its adjacency index (built on first use and kept in the graph):
    // timed on fresh copies of the graph, whose index caches start empty.
    let mut view_samples = Vec::new();
    for _ in 0..3 {
        let copy = graph.clone();
        let t = Instant::now();
        std::hint::black_box(copy.as_of(date).network());
        view_samples.push(t.elapsed().as_secs_f64());
    }
    view_samples.sort_by(f64::total_cmp);
    let view_t = view_samples[1];
    let view = graph.as_of(date).prepare();
    let network = view.network();

    // The same work as the peers: ids in, ids out (`Network`).
    let (allies_t, allies) = time(budget, || {
        allies_q
            .iter()
            .map(|c| network.allies(*c))
            .collect::<Result<Vec<_>, _>>()
    });
    let (pairs_t, allied) = time(budget, || {
        pairs_q
            .iter()
            .map(|(a, b)| network.are_allied(*a, *b))
            .collect::<Result<Vec<_>, _>>()
    });
    let (def_t, defenders) = time(budget, || {
        defenders_q
            .iter()
            .map(|c| network.defenders_of(*c))
            .collect::<Result<Vec<_>, _>>()
    });
    let (paths_t, paths) = time(budget, || {
        paths_q
            .iter()
            .map(|(a, b)| network.distance(*a, *b))
            .collect::<Result<Vec<_>, _>>()
    });
    let (blocs_t, blocs) = time(budget, || view.blocs());

    // More than the peers do: every answer with its evidence (`View`). Checked to give the
    // same states.
    let (allies_ev_t, allies_ev) = time(budget, || {
        allies_q
            .iter()
            .map(|c| {
                view.allies(*c)
                    .map(|v| v.into_iter().map(|a| a.country).collect::<Vec<_>>())
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let (pairs_ev_t, allied_ev) = time(budget, || {
        pairs_q
            .iter()
            .map(|(a, b)| view.are_allied(*a, *b).map(|e| e.is_some()))
            .collect::<Result<Vec<_>, _>>()
    });
    let (def_ev_t, defenders_ev) = time(budget, || {
        defenders_q
            .iter()
            .map(|c| {
                view.defenders_of(*c)
                    .map(|v| v.into_iter().map(|d| d.country).collect::<Vec<_>>())
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let (paths_ev_t, paths_ev) = time(budget, || {
        paths_q
            .iter()
            .map(|(a, b)| view.alliance_path(*a, *b).map(|p| p.map(|p| p.hops.len())))
            .collect::<Result<Vec<_>, _>>()
    });
    // The same answers with every evidence item read (built, as the answers above build it
    // only when read): what a caller who prints the reasons pays. Counted, to be kept.
    let (allies_read_t, allies_items) = time(budget, || {
        allies_q
            .iter()
            .map(|c| {
                view.allies(*c)
                    .map(|v| v.iter().map(|a| a.evidence.len()).sum::<usize>())
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let (pairs_read_t, pairs_items) = time(budget, || {
        pairs_q
            .iter()
            .map(|(a, b)| view.are_allied(*a, *b).map(|e| e.map_or(0, |e| e.len())))
            .collect::<Result<Vec<_>, _>>()
    });
    let (def_read_t, def_items) = time(budget, || {
        defenders_q
            .iter()
            .map(|c| {
                view.defenders_of(*c)
                    .map(|v| v.iter().map(|d| d.evidence.len()).sum::<usize>())
            })
            .collect::<Result<Vec<_>, _>>()
    });
    // Every answer has evidence: at least one item per ally, defender and allied pair.
    let at_least = |items: &QueryResult<Vec<usize>>, answers: usize| {
        items
            .as_ref()
            .is_ok_and(|v| v.iter().sum::<usize>() >= answers)
    };
    let count = |lists: &QueryResult<Vec<Vec<CountryId>>>| {
        lists
            .as_ref()
            .map_or(usize::MAX, |v| v.iter().map(Vec::len).sum())
    };
    let allied_count = allied
        .as_ref()
        .map_or(usize::MAX, |v| v.iter().filter(|&&b| b).count());
    if !(at_least(&allies_items, count(&allies_ev))
        && at_least(&pairs_items, allied_count)
        && at_least(&def_items, count(&defenders_ev)))
    {
        return Err("an answer without evidence".into());
    }
    // Lists compared as slices: the network lends its answers, the view's are owned.
    fn slices<L: AsRef<[CountryId]>>(lists: &QueryResult<Vec<L>>) -> Option<Vec<&[CountryId]>> {
        Some(lists.as_ref().ok()?.iter().map(AsRef::as_ref).collect())
    }
    let same = slices(&allies_ev) == slices(&allies)
        && allied_ev.as_ref().ok() == allied.as_ref().ok()
        && slices(&defenders_ev) == slices(&defenders)
        && paths_ev.as_ref().ok() == paths.as_ref().ok();
    if !same {
        return Err("the network's answers differ from the view's".into());
    }

    let allies = allies?;
    let defenders = defenders?;
    let mut allies_map = BTreeMap::new();
    for (c, a) in allies_q.iter().zip(&allies) {
        allies_map.insert(c.to_string(), ids(a));
    }
    let mut defenders_map = BTreeMap::new();
    for (c, d) in defenders_q.iter().zip(&defenders) {
        defenders_map.insert(c.to_string(), ids(d));
    }
    let mut blocs: Vec<Vec<String>> = blocs.iter().map(|b| ids(&b.members)).collect();
    blocs.sort();
    let out = json!({
        "allies": allies_map,
        "are_allied": allied?,
        "defenders_of": defenders_map,
        "alliance_path": paths?,
        "blocs": blocs,
    });
    std::fs::write(answers, serde_json::to_string(&out)?)?;
    println!(
        "{}",
        json!({
            "load": load, "as_of view": view_t, "allies": allies_t, "are_allied": pairs_t,
            "defenders_of": def_t, "alliance_path": paths_t, "blocs": blocs_t,
            "view + all queries": view_t + allies_t + pairs_t + def_t + paths_t + blocs_t,
            "allies with evidence (built when read)": allies_ev_t,
            "are_allied with evidence (built when read)": pairs_ev_t,
            "defenders_of with evidence (built when read)": def_ev_t,
            "allies with evidence, every item read": allies_read_t,
            "are_allied with evidence, every item read": pairs_read_t,
            "defenders_of with evidence, every item read": def_read_t,
            "alliance_path with evidence": paths_ev_t,
            "view + all queries with evidence, every item read":
                view_t + allies_read_t + pairs_read_t + def_read_t + paths_ev_t + blocs_t,
        })
    );
    Ok(())
}

#[cfg(feature = "atop")]
fn atop(member: &str, out_dir: &str) -> Res<()> {
    use alliance_graph::io::atop;
    let budget = Duration::from_millis(1000);
    let (import_t, imported) = time(budget, || atop::import_members(member));
    let graph = imported?.graph;
    let (sy_t, sy) = time(budget, || atop::state_year(&graph).count());
    let mut sy_csv = Vec::new();
    let (sy_csv_t, _) = time(budget, || {
        sy_csv.clear();
        atop::write_state_year(&graph, &mut sy_csv)
    });
    let (dy_t, dy) = time(budget, || atop::dyad_year(&graph, true).count());
    let mut dy_csv = Vec::new();
    let (dy_csv_t, _) = time(budget, || {
        dy_csv.clear();
        atop::write_dyad_year(&graph, true, &mut dy_csv)
    });
    std::fs::create_dir_all(out_dir)?;
    std::fs::write(format!("{out_dir}/state_year.csv"), &sy_csv)?;
    std::fs::write(format!("{out_dir}/dyad_year.csv"), &dy_csv)?;
    println!(
        "{}",
        json!({
            "atop import (member file)": import_t,
            "state-year table": sy_t, "state-year table + CSV": sy_csv_t,
            "state-year from file (import + table + CSV)": import_t + sy_csv_t,
            "dyad-year table": dy_t, "dyad-year table + CSV": dy_csv_t,
            "dyad-year from file (import + table + CSV)": import_t + dy_csv_t,
            "state-year rows": sy, "dyad-year rows": dy,
        })
    );
    Ok(())
}

#[cfg(not(feature = "atop"))]
fn atop(_: &str, _: &str) -> Res<()> {
    Err("the ATOP workloads need --features atop".into())
}

/// What CI runs: a small dataset through every workload, in a temporary directory.
fn self_check() -> Res<()> {
    let dir = std::env::temp_dir().join(format!("peer-workloads-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let data = dir.join("data.json");
    let graph = Generator {
        states: 150,
        groupings: 12,
        treaties: 300,
        stances: 500,
        seed: 3,
    }
    .graph()?;
    json::to_path(&graph, &data)?;
    let (d, q, ans) = (
        data.to_string_lossy().to_string(),
        dir.join("q.json").to_string_lossy().to_string(),
        dir.join("a.json").to_string_lossy().to_string(),
    );
    queries(&d, "2000-06-15", 20, 1, &q)?;
    graph_workloads(&d, &q, &ans)?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

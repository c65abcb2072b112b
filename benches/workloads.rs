//! Criterion benchmarks for issue 6: loading, the queries on the built-in dataset, an `as_of`
//! view, the synthetic generator at three sizes, and `allies` / `are_allied` at those sizes
//! for a state with the same number of ties (their time should follow the ties, not the size),
//! each also as ids only through `Network`.
//! A view's first query builds its adjacency index (kept in the graph): the `prepare`
//! benchmarks time that build on a fresh copy of the graph; the query benchmarks run on a
//! view whose index is built.
//!
//! `cargo bench --features synthetic --bench workloads` (about five minutes on 2 cores). The ATOP benchmarks are in
//! `benches/atop.rs` (feature `atop`). The side-by-side comparison with networkx, rustworkx
//! and pandas is `benches/peers/run.sh`.

use std::hint::black_box;
use std::time::Duration;

use alliance_graph::io::json;
use alliance_graph::synthetic::{Generator, MAX_STATES};
use alliance_graph::{AllianceGraph, CountryId, Strength};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// The three sizes of the issue: 200 states, 10,000 states, and the most the three-letter ids
/// allow (17,576) with 200,000 treaties and 1,000,000 stances.
const SIZES: [(&str, Generator); 3] = [
    (
        "200-states",
        Generator {
            states: 200,
            groupings: 40,
            treaties: 600,
            stances: 2_000,
            seed: 1,
        },
    ),
    (
        "10k-states",
        Generator {
            states: 10_000,
            groupings: 1_000,
            treaties: 20_000,
            stances: 100_000,
            seed: 1,
        },
    ),
    (
        "17576-states",
        Generator {
            states: MAX_STATES,
            groupings: 5_000,
            treaties: 200_000,
            stances: 1_000_000,
            seed: 1,
        },
    ),
];

const DATE: &str = "2000-06-15";

fn builtin(c: &mut Criterion) {
    let graph = alliance_graph::datasets::asian_nato();
    let text = json::to_string(&graph).expect("serializes");
    let view = graph.as_of("2024-10-01".parse().expect("a date"));
    let mut g = c.benchmark_group("builtin");
    g.measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    g.bench_function("load (json::from_str)", |b| {
        b.iter(|| json::from_str(black_box(&text)))
    });
    g.bench_function("as_of view", |b| {
        b.iter(|| graph.as_of(black_box("2024-10-01").parse().expect("a date")))
    });
    g.bench_function("as_of view + adjacency index (prepare)", |b| {
        // A fresh copy each time: a clone's index cache starts empty.
        b.iter_batched(
            || graph.clone(),
            |copy| {
                copy.as_of(black_box("2024-10-01").parse().expect("a date"))
                    .prepare();
                copy
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("allies(Japan)", |b| {
        b.iter(|| view.allies(black_box("Japan")))
    });
    g.bench_function("allies(JPN id)", |b| {
        let jpn: CountryId = "JPN".parse().expect("an id");
        b.iter(|| view.allies(black_box(jpn)))
    });
    g.bench_function("are_allied(Japan, US)", |b| {
        b.iter(|| view.are_allied(black_box("Japan"), black_box("United States")))
    });
    g.bench_function("are_allied(India, Japan)", |b| {
        b.iter(|| view.are_allied(black_box("India"), black_box("Japan")))
    });
    g.bench_function("defenders_of(Japan)", |b| {
        b.iter(|| view.defenders_of(black_box("Japan")))
    });
    g.bench_function("alliance_path(Japan, Britain)", |b| {
        b.iter(|| view.alliance_path(black_box("Japan"), black_box("Britain")))
    });
    g.bench_function("blocs", |b| b.iter(|| view.blocs()));
    // The same questions as ids only (Network), as the graph libraries answer them.
    let network = view.network();
    let (jpn, usa, gbr): (CountryId, CountryId, CountryId) = (
        "JPN".parse().expect("an id"),
        "USA".parse().expect("an id"),
        "GBR".parse().expect("an id"),
    );
    g.bench_function("network: view.network() on a fresh copy", |b| {
        b.iter_batched(
            || graph.clone(),
            |copy| {
                drop(
                    copy.as_of(black_box("2024-10-01").parse().expect("a date"))
                        .network(),
                );
                copy
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("network: allies(JPN)", |b| {
        b.iter(|| network.allies(black_box(jpn)))
    });
    g.bench_function("network: are_allied(JPN, USA)", |b| {
        b.iter(|| network.are_allied(black_box(jpn), black_box(usa)))
    });
    g.bench_function("network: defenders_of(JPN)", |b| {
        b.iter(|| network.defenders_of(black_box(jpn)))
    });
    g.bench_function("network: distance(JPN, GBR)", |b| {
        b.iter(|| network.distance(black_box(jpn), black_box(gbr)))
    });
    g.finish();
}

/// The first state (by id) with exactly `ties` allies on the date, or the one closest to it.
/// The world dataset (issue 12): parsing its embedded form, which `datasets::world()` does
/// once per process, and the first questions on it.
fn world(c: &mut Criterion) {
    let text = include_str!("../src/datasets/world.json");
    let graph = alliance_graph::datasets::world();
    let today = graph.as_of("2026-11-30".parse().expect("a date")).prepare();
    let mut g = c.benchmark_group("world");
    g.measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    g.bench_function("load (parse the embedded world)", |b| {
        b.iter(|| json::from_str(black_box(text)))
    });
    g.bench_function("as_of view + adjacency index (prepare)", |b| {
        b.iter_batched(
            || graph.clone(),
            |fresh| {
                fresh
                    .as_of("2026-11-30".parse().expect("a date"))
                    .prepare()
                    .span()
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.bench_function("allies(Poland)", |b| {
        b.iter(|| today.allies(black_box("Poland")))
    });
    g.bench_function("allied(Finland, USA)", |b| {
        b.iter(|| today.allied(black_box("Finland"), black_box("USA")))
    });
    g.bench_function("gaps (every open tie)", |b| b.iter(|| today.gaps()));
    // The conflict query reads ties at every obligation: that view's index is built once.
    today.with_strength(Strength::Consultation).prepare();
    for (attacker, target) in [("China", "Japan"), ("Russia", "Poland")] {
        g.bench_function(
            format!("conflict({attacker} -> {target}), cascade to a fixed point"),
            |b| b.iter(|| today.conflict(&[black_box(attacker)], &[black_box(target)])),
        );
    }
    let july_1914 = graph.as_of("1914-08-01".parse().expect("a date"));
    july_1914.with_strength(Strength::Consultation).prepare();
    g.bench_function("conflict(Germany -> Russia) on 1914-08-01, cascade", |b| {
        b.iter(|| july_1914.conflict(&[black_box("Germany")], &[black_box("Russia")]))
    });
    g.finish();
}

fn state_with_ties(graph: &AllianceGraph, ties: usize) -> (CountryId, usize) {
    let view = graph.as_of(DATE.parse().expect("a date"));
    let mut best = (graph.countries().next().expect("a state").id, usize::MAX);
    for c in graph.countries() {
        let n = view.allies(c.id).map_or(0, |a| a.len());
        if n.abs_diff(ties) < best.1.abs_diff(ties) {
            best = (c.id, n);
            if n == ties {
                break;
            }
        }
    }
    best
}

fn synthetic(c: &mut Criterion) {
    let mut g = c.benchmark_group("generate");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, gen) in SIZES {
        g.bench_with_input(BenchmarkId::new("document", name), &gen, |b, gen| {
            b.iter(|| gen.document().expect("valid sizes"))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("scaling");
    g.measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    let date = DATE.parse().expect("a date");
    for (name, gen) in SIZES {
        let graph = gen.graph().expect("valid");
        let view = graph.as_of(date);
        let (x, ties) = state_with_ties(&graph, 12);
        let ally = view.allies(x).expect("a state")[0].country;
        eprintln!("{name}: {x} has {ties} allies on {DATE}");
        g.bench_function(
            BenchmarkId::new(format!("allies({ties} ties)"), name),
            |b| b.iter(|| view.allies(black_box(x))),
        );
        g.bench_function(BenchmarkId::new("are_allied(yes)", name), |b| {
            b.iter(|| view.are_allied(black_box(x), black_box(ally)))
        });
        g.bench_function(BenchmarkId::new("defenders_of", name), |b| {
            b.iter(|| view.defenders_of(black_box(x)))
        });
        let network = view.network();
        g.bench_function(BenchmarkId::new("network: allies", name), |b| {
            b.iter(|| network.allies(black_box(x)))
        });
        g.bench_function(BenchmarkId::new("network: are_allied(yes)", name), |b| {
            b.iter(|| network.are_allied(black_box(x), black_box(ally)))
        });
        g.bench_function(BenchmarkId::new("network: defenders_of", name), |b| {
            b.iter(|| network.defenders_of(black_box(x)))
        });
        g.bench_function(BenchmarkId::new("as_of view", name), |b| {
            b.iter(|| graph.as_of(black_box(date)))
        });
        g.bench_function(
            BenchmarkId::new("as_of view + index (prepare)", name),
            |b| {
                b.iter_batched(
                    || graph.clone(),
                    |copy| {
                        copy.as_of(black_box(date)).prepare();
                        copy
                    },
                    criterion::BatchSize::LargeInput,
                )
            },
        );
        g.bench_function(
            BenchmarkId::new("as_of view + index + lists (network)", name),
            |b| {
                b.iter_batched(
                    || graph.clone(),
                    |copy| {
                        drop(copy.as_of(black_box(date)).network());
                        copy
                    },
                    criterion::BatchSize::LargeInput,
                )
            },
        );
    }
    g.finish();
}

fn load(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("alliance-graph-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let mut g = c.benchmark_group("load");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, gen) in [
        ("10k-states-100k-stances", SIZES[1].1),
        (
            "2000-states-1M-stances",
            Generator {
                states: 2_000,
                groupings: 200,
                treaties: 5_000,
                stances: 1_000_000,
                seed: 7,
            },
        ),
    ] {
        let path = dir.join(format!("{name}.json"));
        json::to_path(&gen.graph().expect("valid"), &path).expect("written");
        g.bench_function(BenchmarkId::new("json::from_path", name), |b| {
            b.iter(|| json::from_path(&path).expect("loads"))
        });
        std::fs::remove_file(&path).ok();
    }
    g.finish();
    std::fs::remove_dir_all(&dir).ok();
}

criterion_group!(benches, builtin, world, synthetic, load);
criterion_main!(benches);

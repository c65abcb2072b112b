//! Criterion benchmarks of the ATOP 5.1 workloads (feature `atop`): importing the member
//! file, and ATOP's state-year (11,923 rows) and directed dyad-year (273,296 rows) tables
//! from it. The member file is read from `ATOP_MEMBERS`, or from
//! `../shared/data/atop-5.1/atop5_1m.csv` beside the checkout; without it nothing is run.
//!
//! `cargo bench --features atop --bench atop`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use alliance_graph::io::atop;
use criterion::{criterion_group, criterion_main, Criterion};

fn member_file() -> Option<PathBuf> {
    let path = std::env::var_os("ATOP_MEMBERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/atop-5.1/atop5_1m.csv")
        });
    path.exists().then_some(path)
}

fn atop_tables(c: &mut Criterion) {
    let Some(path) = member_file() else {
        eprintln!("no ATOP member file (set ATOP_MEMBERS): skipping the ATOP benchmarks");
        return;
    };
    let graph = atop::import_members(&path).expect("imports").graph;
    let mut g = c.benchmark_group("atop");
    g.sample_size(20).measurement_time(Duration::from_secs(4));
    g.bench_function("import member file", |b| {
        b.iter(|| atop::import_members(black_box(&path)).expect("imports"))
    });
    g.bench_function("state-year table", |b| {
        b.iter(|| atop::state_year(&graph).count())
    });
    g.bench_function("state-year from the file (import + table + CSV)", |b| {
        b.iter(|| {
            let graph = atop::import_members(black_box(&path))
                .expect("imports")
                .graph;
            let mut out = Vec::with_capacity(1 << 20);
            atop::write_state_year(&graph, &mut out).expect("written");
            out
        })
    });
    g.bench_function("dyad-year table (directed)", |b| {
        b.iter(|| atop::dyad_year(&graph, true).count())
    });
    g.bench_function("dyad-year table + CSV", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(16 << 20);
            atop::write_dyad_year(&graph, true, &mut out).expect("written");
            out
        })
    });
    g.finish();
}

criterion_group!(benches, atop_tables);
criterion_main!(benches);

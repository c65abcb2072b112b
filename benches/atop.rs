//! Criterion benchmarks of the ATOP 5.1 workloads (feature `atop`): importing the member
//! file, and ATOP's state-year (11,923 rows) and directed dyad-year (273,296 rows) tables
//! from it. The member file is read from `ATOP_MEMBERS`, or from
//! `../shared/data/atop-5.1/atop5_1m.csv` beside the checkout; without it nothing is run.
//!
//! `cargo bench --features atop --bench atop` (the similarity table also needs `datasets`,
//! a default feature, for the COW system's years).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use std::io::Write as _;

use alliance_graph::io::atop;
use alliance_graph::measures::{self, PortfolioRule, StateSystem};
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

/// The FPSIM-style similarity table, 1816-2018 (2,004,351 rows, 370 MB of CSV), against
/// writing the same CSV alone: the same rows' values, computed beforehand and held in
/// memory, formatted with the same float formatter and written to the same sink.
fn similarity_table(c: &mut Criterion) {
    let Some(path) = member_file() else {
        return;
    };
    let graph = atop::import_members(&path).expect("imports").graph;
    let world = alliance_graph::datasets::world();
    let system = StateSystem::of(&world, 2018);
    let table = |out: &mut dyn std::io::Write| {
        measures::write_similarity_table(
            &graph,
            &system,
            PortfolioRule::AtopDyadYears,
            1816,
            2018,
            None,
            out,
        )
        .expect("written")
    };
    // The rows' values, read back from the table once.
    let mut csv = Vec::new();
    table(&mut csv);
    let rows: Vec<(u16, u16, i32, [f64; 9])> = String::from_utf8(csv)
        .expect("UTF-8")
        .lines()
        .skip(1)
        .map(|line| {
            let mut cells = line.split(',');
            let mut int = || {
                cells
                    .next()
                    .and_then(|c| c.parse::<i32>().ok())
                    .unwrap_or(0)
            };
            let (a, b, y) = (int() as u16, int() as u16, int());
            let mut values = [f64::NAN; 9];
            for (v, cell) in values.iter_mut().zip(line.split(',').skip(3)) {
                *v = cell.parse().unwrap_or(f64::NAN);
            }
            (a, b, y, values)
        })
        .collect();
    let mut g = c.benchmark_group("similarity");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("table 1816-2018 (portfolios, measures, CSV)", |b| {
        b.iter(|| table(&mut std::io::sink()))
    });
    g.bench_function("the same CSV alone (values held, formatted, written)", |b| {
        b.iter(|| {
            let mut out = std::io::sink();
            let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
            let mut float = zmij::Buffer::new();
            let mut int = itoa::Buffer::new();
            buf.extend_from_slice(b"ccode1,ccode2,year,sallyvs,sallyva,sallybs,sallyba,pallyv,pallyb,kallyv,kallyb,taub\n");
            for (a, b, y, values) in &rows {
                buf.extend_from_slice(int.format(*a).as_bytes());
                buf.push(b',');
                buf.extend_from_slice(int.format(*b).as_bytes());
                buf.push(b',');
                buf.extend_from_slice(int.format(*y).as_bytes());
                for v in values {
                    buf.push(b',');
                    if v.is_nan() {
                        buf.extend_from_slice(b"NA");
                    } else {
                        buf.extend_from_slice(float.format(*v).as_bytes());
                    }
                }
                buf.push(b'\n');
                if buf.len() >= 1 << 20 {
                    out.write_all(&buf).expect("written");
                    buf.clear();
                }
            }
            out.write_all(&buf).expect("written");
        })
    });
    g.finish();
}

criterion_group!(benches, atop_tables, similarity_table);
criterion_main!(benches);

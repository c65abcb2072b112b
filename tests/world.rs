//! The world dataset: made from the published ATOP 5.1 member file, it is what the crate
//! embeds; it answers the questions people ask of it; it says "unknown" where its sources stop.
//!
//! `ALLIANCE_GRAPH_WRITE_WORLD=1 cargo test --all-features --test world` writes the embedded
//! `src/datasets/world.json` again after a change to the layers in `src/datasets/world/`.

#![cfg(feature = "atop")]

use std::path::Path;

use alliance_graph::datasets;

const MEMBERS: &str = "../shared/data/atop-5.1/atop5_1m.csv";

#[test]
fn the_embedded_world_is_made_from_the_published_files() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(MEMBERS);
    if !path.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI needs {MEMBERS}");
        eprintln!("skipped: {MEMBERS} is absent");
        return;
    }
    let (made, report) = datasets::world_from_atop(std::fs::File::open(&path).unwrap()).unwrap();
    assert!(report.issues.is_empty(), "{report}");
    let text = alliance_graph::io::json::to_string(&made).unwrap();
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/datasets/world.json");
    if std::env::var_os("ALLIANCE_GRAPH_WRITE_WORLD").is_some() {
        std::fs::write(&embedded, &text).unwrap();
    }
    assert!(
        std::fs::read_to_string(&embedded).unwrap() == text,
        "src/datasets/world.json is not what the layers make: run ALLIANCE_GRAPH_WRITE_WORLD=1 cargo test --all-features --test world"
    );
    assert!(
        made == datasets::world(),
        "the embedded world differs from the one made"
    );
}

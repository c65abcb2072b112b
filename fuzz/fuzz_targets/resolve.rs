//! Name resolution and the queries that take names, on the built-in dataset.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str, &str)| {
    let (a, b, date) = input;
    static GRAPH: std::sync::OnceLock<alliance_graph::AllianceGraph> = std::sync::OnceLock::new();
    let graph = GRAPH.get_or_init(alliance_graph::datasets::asian_nato);
    let _ = graph.resolve(a);
    let date = date
        .parse()
        .unwrap_or(alliance_graph::PartialDate::year(2024).expect("date"));
    let view = graph.as_of(date);
    let _ = view.allies(a);
    let _ = view.are_allied(a, b);
    let _ = view.alliance_path(a, b);
    let _ = view.stances_on(a);
    let _ = view.coalition(b);
    let _ = view.members_of(a);
});

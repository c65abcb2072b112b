//! The JSON dataset loader, from bytes: any input gives a graph or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(graph) = alliance_graph::io::json::from_reader(data) {
        // A loaded graph answers queries and saves to text that loads back equal.
        let text = alliance_graph::io::json::to_string(&graph).expect("saves");
        assert_eq!(
            alliance_graph::io::json::from_str(&text).expect("reloads"),
            graph
        );
        let view = graph.as_of(alliance_graph::PartialDate::year(2000).expect("date"));
        let _ = view.blocs();
        for c in graph.countries() {
            let _ = view.allies(c.id);
        }
    }
});

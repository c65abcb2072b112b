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
        if let Some(c) = graph.countries().next() {
            assert!(view.are_allied(c.id, c.id).is_err());
            assert!(view.network().are_allied(c.id, c.id).is_err());
        }
        let _ = view.blocs();
        // The ids-only network gives the same states as the view.
        let network = view.network();
        let first = graph.countries().next().map(|c| c.id);
        for c in graph.countries() {
            let allies: Vec<_> = view
                .allies(c.id)
                .expect("a state")
                .into_iter()
                .map(|a| a.country)
                .collect();
            assert_eq!(network.allies(c.id).expect("a state"), allies);
            // A state and itself is an error in both (asked about separately below).
            if let Some(f) = first.filter(|f| *f != c.id) {
                assert_eq!(
                    network.are_allied(f, c.id).expect("states"),
                    view.are_allied(f, c.id).expect("states").is_some()
                );
                let hops = view
                    .alliance_path(f, c.id)
                    .expect("states")
                    .map(|p| p.hops.len());
                assert_eq!(network.distance(f, c.id).expect("states"), hops);
            }
        }
    }
});

//! Many threads query one graph (and its dated views) at once and get the single-threaded
//! answers.

use alliance_graph::{AllianceGraph, Strength};

use super::builtin;

/// A fingerprint of many answers on one date.
fn answers(graph: &AllianceGraph, date: &str) -> String {
    let view = graph.as_of(date.parse().unwrap());
    let mut out = String::new();
    for c in graph.countries() {
        for s in [Strength::Defense, Strength::Consultation, Strength::Any] {
            let v = view.with_strength(s);
            out += &format!(
                "{}:{:?}:{:?}\n",
                c.id,
                v.allies(c.id).unwrap(),
                v.defenders_of(c.id).unwrap()
            );
            out += &format!("{:?}\n", v.alliance_path(c.id, "GBR").unwrap());
        }
    }
    out += &format!(
        "{:?}{:?}",
        view.blocs(),
        view.coalition("asian-nato").unwrap()
    );
    out
}

#[test]
fn threads_get_the_single_threaded_answers() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<AllianceGraph>();
    assert_send_sync::<alliance_graph::View<'static>>();

    let graph = builtin();
    let dates = ["1950", "1960-06-23", "1990", "2024-10-01", "2024-12-31"];
    let expected: Vec<String> = dates.iter().map(|d| answers(&graph, d)).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let (graph, expected) = (&graph, &expected);
                scope.spawn(move || {
                    for round in 0..5 {
                        let i = (t + round) % dates.len();
                        assert_eq!(
                            answers(graph, dates[i]),
                            expected[i],
                            "thread {t}, {}",
                            dates[i]
                        );
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    });
}

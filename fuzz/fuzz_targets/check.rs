//! `check` on any text: a list of problems, never a panic; and a text it finds no problem in
//! loads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let problems = alliance_graph::io::json::check_str(text);
    if problems.is_empty() {
        assert!(
            alliance_graph::io::json::from_str(text).is_ok(),
            "check found nothing, but loading failed"
        );
    }
    for p in &problems {
        let _ = p.to_string();
    }
});

//! Date parsing: never panics, and what parses prints back as itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = text.parse::<alliance_graph::PartialDate>() {
        assert_eq!(date.to_string(), text);
        assert!(date.earliest() <= date.latest());
    }
});

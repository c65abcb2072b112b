//! The loader of large files (records one at a time, then the streaming parser), on any input:
//! it gives the same graph as the whole-text parser, or an error where that one gives an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let large = alliance_graph::io::json::from_bytes_as_large_file(data);
    let whole = alliance_graph::io::json::from_reader(data);
    match (large, whole) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        (a, b) => panic!(
            "the two loaders disagree: large {:?}, whole {:?}",
            a.map(|_| ()),
            b.map(|_| ())
        ),
    }
});

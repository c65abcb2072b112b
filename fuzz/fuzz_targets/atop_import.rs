//! The ATOP member-file importer, from bytes: any input gives a graph and a report, or an
//! error; an imported graph gives its state-year table.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = alliance_graph::io::atop::from_reader(std::io::Cursor::new(data.to_vec()))
    {
        let rows = alliance_graph::io::atop::state_year(&imported.graph).count();
        let _ = rows;
    }
});

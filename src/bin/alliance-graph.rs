//! The `alliance-graph` command-line tool (being written).
fn main() {}

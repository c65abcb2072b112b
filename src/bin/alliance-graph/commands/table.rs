//! `table`: ATOP's state-year and dyad-year tables from an ATOP file.

use super::prelude::*;

pub(crate) fn table(
    graph: &AllianceGraph,
    kind: TableKind,
    directed: bool,
    output: Option<&Path>,
) -> Res<Output> {
    if !graph.treaties().any(|t| t.id.as_str().starts_with("atop-")) {
        return Err(fail(
            "the data hold no ATOP alliances (treaties with an atop-<id> id), so the table would be empty",
            Some("pass the ATOP member file: --atop atop5_1m.csv"),
        ));
    }
    if matches!(kind, TableKind::Similarity | TableKind::Network) {
        return Err(fail(
            "the measures tables are written by their own commands (a bug; please report it)",
            None,
        ));
    }
    // Streamed to the file (or standard output) as it is written.
    super::super::output::stream_with(output, |w| match kind {
        TableKind::DyadYear => atop::write_dyad_year(graph, directed, w),
        _ => atop::write_state_year(graph, w),
    })?;
    Ok(Output::Streamed { note: None })
}

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
    let mut bytes = Vec::new();
    match kind {
        TableKind::StateYear => atop::write_state_year(graph, &mut bytes)?,
        TableKind::DyadYear => atop::write_dyad_year(graph, directed, &mut bytes)?,
        TableKind::Similarity | TableKind::Network => {
            return Err(fail(
                "the measures tables are written by their own commands (a bug; please report it)",
                None,
            ))
        }
    }
    let content = String::from_utf8(bytes).map_err(|_| {
        fail(
            "the table is not valid UTF-8 (a bug; please report it)",
            None,
        )
    })?;
    Ok(Output::Content {
        content,
        file: output.map(Path::to_path_buf),
    })
}

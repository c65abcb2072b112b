//! Loading the data a command reads: the world by default, files, built-ins, an ATOP file.

use super::prelude::*;

/// The pseudo-path for `--data` that names a built-in dataset: `builtin:world`,
/// `builtin:asian-nato`.
pub(crate) const BUILTIN: &str = "builtin:";

/// The data a command reads: the world dataset by default; `--data` files (or built-ins) in
/// order, merged; with `--atop`, the world made from that ATOP member file, after them (for
/// `table`, the plain import of that file: ATOP's own tables come from ATOP's own coding).
pub(crate) fn load(global: &Global, for_table: bool) -> Res<AllianceGraph> {
    let mut graphs: Vec<(String, AllianceGraph)> = Vec::new();
    for path in &global.data {
        let text = path.to_string_lossy();
        match text.strip_prefix(BUILTIN) {
            Some(name) if !path.exists() => {
                let graph = datasets::get(name).ok_or_else(|| {
                    fail(
                        format!("no built-in dataset {name:?}"),
                        Some(&format!(
                            "the built-in datasets are {}",
                            datasets::available()
                                .iter()
                                .map(|n| format!("{BUILTIN}{n}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    )
                })?;
                graphs.push((text.into_owned(), graph));
            }
            _ => graphs.push((path.display().to_string(), json::from_path(path)?)),
        }
    }
    if let Some(path) = &global.atop {
        let (graph, report) = if for_table {
            let imported = atop::import_members(path)?;
            (imported.graph, imported.report)
        } else {
            datasets::world_from_atop_path(path)?
        };
        if !report.issues.is_empty() {
            // The issues themselves, by row: a count alone says something is wrong, not where.
            let mut note = format!("ATOP import of {}: {report}", path.display());
            for issue in report.issues.iter().take(NOTED_ISSUES) {
                let _ = write!(note, "\n  - {issue}");
            }
            if report.issues.len() > NOTED_ISSUES {
                let _ = write!(
                    note,
                    "\n  - and {} more (the library's import report lists every one)",
                    report.issues.len() - NOTED_ISSUES
                );
            }
            report_note(&note);
        }
        graphs.push((path.display().to_string(), graph));
    }
    // The world holds the article's dataset already: merging it again would only clash.
    let holds_world = graphs
        .iter()
        .any(|(_, g)| g.document().name.as_deref() == Some("world"));
    if holds_world {
        graphs.retain(|(name, _)| {
            let again = name == "builtin:asian-nato";
            if again {
                report_note(
                    "builtin:asian-nato is part of the world dataset already; not merged again",
                );
            }
            !again
        });
    }
    let mut graphs = graphs.into_iter();
    let Some((_, mut graph)) = graphs.next() else {
        return Ok(datasets::world());
    };
    for (name, next) in graphs {
        let (merged, report) = merge(&graph, &next).map_err(|e| {
            let mut f = Failure::from(e);
            f.message = format!("cannot merge {name} into the data before it: {}", f.message);
            f.hint = Some("the files disagree on a record with the same id; fix one of them or pass them separately".into());
            f
        })?;
        for c in &report.conflicts {
            report_note(&format!("merging {name}: kept the first file's value: {c}"));
        }
        graph = merged;
    }
    Ok(graph)
}

/// How many of an import's issues the note lists.
const NOTED_ISSUES: usize = 10;

//! `blocs`: the groups of states connected by ties.

use super::prelude::*;

pub(crate) fn blocs(view: &View<'_>) -> Res<(String, Value)> {
    let graph = view.graph();
    let blocs = view.blocs();
    let mut out = format!("Blocs ({}): {}\n", strength_note(view), blocs.len());
    if blocs.is_empty() {
        none_line(&mut out);
    }
    let mut results = Vec::new();
    for (k, bloc) in blocs.iter().enumerate() {
        // What holds the bloc together: every treaty and grouping behind its ties.
        // A set: a bloc of many states held by many treaties stays near-linear.
        let mut bases: std::collections::BTreeSet<TieBasis> = Default::default();
        for c in &bloc.members {
            for ally in view.allies(*c)? {
                bases.extend(ally.evidence.into_iter().map(|e| e.basis));
            }
        }
        let members: Vec<String> = bloc
            .members
            .iter()
            .map(|c| format!("{} ({c})", name(graph, &(*c).into())))
            .collect();
        let _ = writeln!(
            out,
            "  {}. {} states: {}",
            k + 1,
            bloc.members.len(),
            wrap(&members.join(", "), 92, "       ")
        );
        let _ = writeln!(out, "     held together by:");
        for b in &bases {
            let _ = writeln!(out, "       - {}", wrap(&b.to_string(), 88, "         "));
        }
        results.push(json!({
            "bloc": k + 1,
            "size": bloc.members.len(),
            "members": bloc.members.iter().map(|c| json!({"id": c.as_str(), "name": name(graph, &(*c).into())})).collect::<Vec<_>>(),
            "bases": bases.iter().map(basis_json).collect::<Vec<_>>(),
        }));
    }
    let mut j = header("blocs", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("results".into(), Value::Array(results));
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

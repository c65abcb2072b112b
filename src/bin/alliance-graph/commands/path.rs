//! `path A B`: the shortest chain of ties between two states.

use super::prelude::*;

pub(crate) fn path(view: &View<'_>, a: &str, b: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let (ia, ib) = (view.resolve(a)?, view.resolve(b)?);
    let found = view.alliance_path(a, b)?;
    let mut out = String::new();
    let mut results = Vec::new();
    match &found {
        Some(p) => {
            let ids: Vec<String> = if p.hops.is_empty() {
                vec![ia.to_string()]
            } else {
                p.countries().iter().map(ToString::to_string).collect()
            };
            let _ = writeln!(
                out,
                "Chain of ties from {} to {} ({}): {}",
                label(graph, &ia),
                label(graph, &ib),
                strength_note(view),
                ids.join(" -> ")
            );
            results.push(json!({
                "id": ia.as_str(), "name": name(graph, &ia), "from": Value::Null, "evidence": [],
            }));
            for hop in &p.hops {
                let _ = writeln!(
                    out,
                    "  {} -> {}",
                    label(graph, &hop.from.into()),
                    label(graph, &hop.to.into())
                );
                evidence_lines(&mut out, &hop.evidence, "      ");
                results.push(json!({
                    "id": hop.to.as_str(),
                    "name": name(graph, &hop.to.into()),
                    "from": hop.from.as_str(),
                    "evidence": evidence_list(&hop.evidence),
                }));
            }
        }
        None => {
            let _ = writeln!(
                out,
                "No chain of ties links {} to {} ({}).",
                label(graph, &ia),
                label(graph, &ib),
                strength_note(view)
            );
        }
    }
    let mut j = header("path", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("from".into(), actor_json(graph, &ia));
    j.insert("to".into(), actor_json(graph, &ib));
    j.insert("found".into(), json!(found.is_some()));
    j.insert("results".into(), Value::Array(results));
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

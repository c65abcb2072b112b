//! `allies ACTOR`: who is allied with a state, and why.

use super::prelude::*;

pub(crate) fn allies(view: &View<'_>, actor: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let who = view.resolve(actor)?;
    let allies = view.allies(actor)?;
    let mut out = format!(
        "Allies of {} ({}): {}\n",
        label(graph, &who),
        strength_note(view),
        allies.len()
    );
    if allies.is_empty() {
        none_line(&mut out);
        if view.strength() != Strength::Any {
            out.push_str("  (try --strength any to include ties without obligation)\n");
        }
    }
    let rows: Vec<Vec<String>> = allies
        .iter()
        .map(|a| vec![a.country.to_string(), name(graph, &a.country.into())])
        .collect();
    let aligned = table_rows(&rows, "  ");
    for (line, a) in aligned.lines().zip(&allies) {
        let _ = writeln!(out, "{line}");
        evidence_lines(&mut out, &a.evidence, "      ");
    }
    let mut j = header("allies", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("actor".into(), actor_json(graph, &who));
    j.insert(
        "results".into(),
        Value::Array(
            allies
                .iter()
                .map(|a| result_json(graph, a, a.country))
                .collect(),
        ),
    );
    coverage(view, &[who], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

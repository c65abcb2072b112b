//! `defenders ACTOR`: who is bound to defend a state.

use super::prelude::*;

pub(crate) fn defenders(view: &View<'_>, actor: &str, nuclear: bool) -> Res<(String, Value)> {
    let graph = view.graph();
    let who = view.resolve(actor)?;
    let mut list = view.defenders_of(actor)?;
    if nuclear {
        list.retain(|d| d.nuclear_armed);
    }
    let what = view
        .strength()
        .weakest()
        .map_or("a formal tie".to_string(), |o| o.to_string());
    let mut out = format!(
        "{} that owe {} {what} ({}): {}\n",
        if nuclear {
            "Nuclear-armed states"
        } else {
            "States"
        },
        label(graph, &who),
        strength_note(view),
        list.len()
    );
    if list.is_empty() {
        none_line(&mut out);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            vec![
                d.country.to_string(),
                name(graph, &d.country.into()),
                if d.nuclear_armed { "nuclear-armed" } else { "" }.to_string(),
            ]
        })
        .collect();
    for (line, d) in table_rows(&rows, "  ").lines().zip(&list) {
        let _ = writeln!(out, "{line}");
        evidence_lines(&mut out, &d.evidence, "      ");
    }
    let mut j = header("defenders", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("actor".into(), actor_json(graph, &who));
    j.insert("nuclear_only".into(), json!(nuclear));
    j.insert(
        "results".into(),
        Value::Array(
            list.iter()
                .map(|d| result_json(graph, d, d.country))
                .collect(),
        ),
    );
    coverage(view, &[who], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

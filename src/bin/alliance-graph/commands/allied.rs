//! `allied A B`: are two states allied? Yes, possibly (a partial date decides), no (with the
//! ties that ended) or unknown.

use super::prelude::*;

pub(crate) fn allied(view: &View<'_>, a: &str, b: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let (ia, ib) = (view.resolve(a)?, view.resolve(b)?);
    let answer = view.allied(a, b)?;
    let shared = view.shared_groupings(a, b)?;
    let (la, lb) = (label(graph, &ia), label(graph, &ib));
    let mut out = String::new();
    let (allied, word, evidence, outside): (Value, &str, &[TieEvidence], Vec<String>) =
        match &answer {
            Answer::Yes(e) => (json!(true), "yes", e.as_slice(), vec![]),
            Answer::Possibly(e) => (json!("possibly"), "possibly", e.as_slice(), vec![]),
            Answer::No => (json!(false), "no", &[], vec![]),
            Answer::Unknown(gaps) => (
                Value::Null,
                "unknown",
                &[],
                gaps.outside.iter().map(|s| s.to_string()).collect(),
            ),
        };
    match &answer {
        Answer::Yes(e) => {
            let _ = writeln!(
                out,
                "Yes: {la} and {lb} are allied ({}).",
                strength_note(view)
            );
            evidence_lines(&mut out, e, "  ");
        }
        Answer::Possibly(e) => {
            let _ = writeln!(
                out,
                "Possibly: {la} and {lb} may have been allied ({}): every tie found turns on a \
                 day its partial dates do not give.",
                strength_note(view)
            );
            evidence_lines(&mut out, e, "  ");
        }
        Answer::No => {
            let _ = writeln!(
                out,
                "No: {la} and {lb} are not allied ({}): neither owes the other {}.",
                strength_note(view),
                view.strength()
                    .weakest()
                    .map_or("any formal tie".to_string(), |o| o.to_string())
            );
            let former = view.former_ties(a, b)?;
            if !former.is_empty() {
                let _ = writeln!(out, "  Formerly, ended before {}:", view.date());
                evidence_lines(&mut out, &former, "  ");
            }
        }
        Answer::Unknown(gaps) => {
            let _ = writeln!(
                out,
                "Unknown: the data hold no tie between {la} and {lb} ({}) on {}, but {gaps}.",
                strength_note(view),
                view.date(),
            );
        }
    }
    let shared_json: Vec<Value> = shared
        .iter()
        .filter_map(|s| {
            let g = graph.grouping(&s.grouping)?;
            let obligations: Vec<&str> = g.obligations.iter().map(|o| o.as_str()).collect();
            Some(json!({
                "id": g.id.as_str(),
                "name": g.acronym.as_deref().unwrap_or(&g.name),
                "kind": g.kind.as_str(),
                "obligations": obligations,
            }))
        })
        .collect();
    for s in &shared {
        if let Some(g) = graph.grouping(&s.grouping) {
            let carries = match g.treaty.as_ref().and_then(|t| graph.treaty(t)) {
                Some(t) => format!("the ties of {} (above, when they bind the two)", t.name),
                None if g.obligations.is_empty() => "no obligation".to_string(),
                None => g
                    .obligations
                    .iter()
                    .map(|o| o.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let _ = writeln!(
                out,
                "  Both belong to {} ({}), a grouping of kind {} whose membership carries {carries}.",
                g.acronym.as_deref().unwrap_or(&g.name),
                g.id,
                g.kind
            );
        }
    }
    let mut j = header("allied", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("a".into(), actor_json(graph, &ia));
    j.insert("b".into(), actor_json(graph, &ib));
    j.insert("allied".into(), allied);
    j.insert("answer".into(), json!(word));
    j.insert("evidence".into(), evidence_list(evidence));
    j.insert("outside_coverage".into(), json!(outside));
    j.insert("shared_groupings".into(), Value::Array(shared_json));
    coverage(view, &[ia, ib], &mut j, &mut out, false);
    Ok((out, Value::Object(j)))
}

//! Text and JSON pieces every command shares: names, evidence, stances, tables, wrapping.

use super::prelude::*;

/// "Japan (JPN)".
pub(crate) fn label(graph: &AllianceGraph, id: &ActorId) -> String {
    match graph.name_of(id) {
        Some(name) if name != id.as_str() => format!("{name} ({id})"),
        _ => id.to_string(),
    }
}

pub(crate) fn name(graph: &AllianceGraph, id: &ActorId) -> String {
    graph.name_of(id).unwrap_or(id.as_str()).to_string()
}

pub(crate) fn actor_json(graph: &AllianceGraph, id: &ActorId) -> Value {
    json!({
        "id": id.as_str(),
        "name": name(graph, id),
        "kind": match id { ActorId::Country(_) => "country", ActorId::Grouping(_) => "grouping" },
    })
}

/// A tie's basis, as the library serializes it.
pub(crate) fn basis_json(b: &TieBasis) -> Value {
    serde_json::to_value(b).unwrap_or(Value::Null)
}

/// A tie's evidence, as the library serializes it.
pub(crate) fn evidence_json(e: &TieEvidence) -> Value {
    serde_json::to_value(e).unwrap_or(Value::Null)
}

/// A library result as the library serializes it, with the country it is about named: `id`
/// and `name` added (the CLI's lists are the library's types, not shapes of their own).
pub(crate) fn result_json(
    graph: &AllianceGraph,
    value: &impl serde::Serialize,
    country: CountryId,
) -> Value {
    let mut v = serde_json::to_value(value).unwrap_or(Value::Null);
    v["id"] = json!(country.as_str());
    v["name"] = json!(name(graph, &country.into()));
    v
}

pub(crate) fn evidence_list(evidence: &[TieEvidence]) -> Value {
    Value::Array(evidence.iter().map(evidence_json).collect())
}

/// A stance as the library serializes it ([`Said`]: every field, `made` and `contested`),
/// with the actor's name and the target in words.
pub(crate) fn stance_json(graph: &AllianceGraph, s: &Said<'_>) -> Value {
    let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
    v["actor_name"] = json!(name(graph, &s.actor));
    v["target_text"] = json!(target_text(&s.target));
    v
}

pub(crate) fn target_text(t: &Target) -> String {
    match t {
        Target::Membership { country, grouping } => format!("{country} joining {grouping}"),
        other => other.to_string(),
    }
}

pub(crate) fn speaker_text(s: &Stance) -> String {
    s.speaker()
        .as_ref()
        .map_or("speaker not named".into(), |sp| match &sp.office {
            Some(office) => format!("{}, {}", sp.name, office),
            None => sp.name.clone(),
        })
}

/// Wraps `text` at `width` columns, each line after the first indented by `indent`.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            out.push_str(indent);
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// The lines describing a stance, each prefixed by `indent`: who said what, when, how firm;
/// whether it had only possibly been made by the date asked; how the source characterised
/// it; the words; and the sources that corroborate or contradict it.
pub(crate) fn stance_lines(out: &mut String, said: &Said<'_>, indent: &str) {
    let s = said.stance;
    let contested = if s.is_contested() { "CONTESTED " } else { "" };
    let _ = writeln!(
        out,
        "{indent}{contested}{} {} {} ({}; {}; {}; source: {})",
        s.actor,
        s.kind,
        target_text(&s.target),
        speaker_text(s),
        s.date,
        s.evidence,
        s.source
    );
    let deeper = format!("{indent}    ");
    let more = |out: &mut String, label: &str, text: &str| {
        let pad = " ".repeat(label.chars().count() + 2);
        let _ = writeln!(
            out,
            "{deeper}{label}: {}",
            wrap(text, 94 - label.len(), &format!("{deeper}{pad}"))
        );
    };
    if let alliance_graph::Holds::Possibly(doubt) = said.made {
        more(out, "possibly", &format!("{doubt}"));
    }
    if let Some(r) = s.reported_as {
        more(
            out,
            "the source calls it",
            &format!("{r} (counted by what was said: {})", s.kind),
        );
    }
    if let Some(c) = s.condition() {
        more(out, "condition", c);
    }
    if let Some(q) = s.quote() {
        more(out, "quote", &format!("\u{201c}{q}\u{201d}"));
    }
    if let Some(sm) = s.summary() {
        more(out, "source says", sm);
    }
    for c in s.corroborated_by() {
        more(out, "corroborated by", &c.to_string());
    }
    for c in s.contradicted_by() {
        more(out, "contradicted by", &c.to_string());
    }
}

pub(crate) fn evidence_lines(out: &mut String, evidence: &[TieEvidence], indent: &str) {
    for e in evidence {
        let _ = writeln!(
            out,
            "{indent}- {}",
            wrap(&e.to_string(), 96, &format!("{indent}  "))
        );
    }
}

/// Rows of cells, left-aligned in columns.
pub(crate) fn table_rows(rows: &[Vec<String>], indent: &str) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::from(indent);
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < r.len() {
                let pad = widths[c] - cell.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub(crate) fn header(command: &str, view: &View<'_>) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("command".into(), json!(command));
    m.insert("as_of".into(), json!(view.date().to_string()));
    m
}

pub(crate) fn none_line(out: &mut String) {
    out.push_str("  none\n");
}

pub(crate) fn strength_note(view: &View<'_>) -> String {
    format!("as of {}, strength: {}", view.date(), view.strength())
}

pub(crate) fn grouping_summary(
    graph: &AllianceGraph,
    view: &View<'_>,
    id: &GroupingId,
) -> (String, Value) {
    let Some(g) = graph.grouping(id) else {
        return (id.to_string(), json!({"id": id.as_str()}));
    };
    let status_now = g
        .status_during(&view.span())
        .map_or("not yet in existence", |s| s.as_str());
    let history: Vec<String> = g
        .status
        .iter()
        .map(|c| format!("{} since {}", c.status, c.since))
        .collect();
    let obligations: Vec<&str> = g.obligations.iter().map(|o| o.as_str()).collect();
    let text = format!(
        "{} ({}): {}, {}; {} on {} ({}); membership carries {}",
        g.acronym.as_deref().unwrap_or(&g.name),
        g.id,
        g.name,
        g.kind,
        status_now,
        view.date(),
        history.join(", "),
        match g.treaty.as_ref().and_then(|t| graph.treaty(t)) {
            Some(t) => format!("the obligations of {}, which ties its parties", t.name),
            None if obligations.is_empty() => "no obligation".to_string(),
            None => obligations.join(", "),
        }
    );
    let json = json!({
        "id": g.id.as_str(),
        "name": g.acronym.as_deref().unwrap_or(&g.name),
        "full_name": g.name,
        "kind": g.kind.as_str(),
        "status": g.status_during(&view.span()).map(|s| s.as_str()),
        "status_history": g.status.iter().map(|c| json!({"status": c.status.as_str(), "since": c.since.to_string(), "source": c.source.as_str()})).collect::<Vec<_>>(),
        "obligations": obligations,
        "treaty": g.treaty.as_ref().map(|t| t.as_str()),
    });
    (text, json)
}

/// A grouping's members, one row each, or "none".
pub(crate) fn member_table(graph: &AllianceGraph, list: &[MemberOf]) -> String {
    if list.is_empty() {
        let mut out = String::new();
        none_line(&mut out);
        return out;
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|m| {
            vec![
                m.country.to_string(),
                name(graph, &m.country.into()),
                m.role.to_string(),
                period(m.start, m.end),
                format!("[source: {}]", m.source),
            ]
        })
        .collect();
    table_rows(&rows, "  ")
}

pub(crate) fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("since {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "dates unknown".into(),
    }
}

//! `stances TARGET`, `stance ACTOR TARGET` and `timeline TARGET`: what was said, by whom,
//! when, and how positions moved.

use super::prelude::*;

/// The coalition's columns: title, the position's name in JSON, and the positions.
fn columns<'c, 'g>(c: &'c Coalition<'g>) -> [(&'static str, &'static str, &'c [Position<'g>]); 6] {
    [
        ("Proposed by", "proposer", &c.proposers),
        ("Supported by", "supporter", &c.supporters),
        ("Supported on a condition by", "conditional", &c.conditional),
        ("Hedged by (too early, not now)", "hedger", &c.hedgers),
        ("Refused by", "refuser", &c.refusers),
        (
            "Asked something of it (neither for nor against)",
            "requester",
            &c.requesters,
        ),
    ]
}

/// A position in JSON: its latest stance's fields, with the actor, the column, how many
/// stances it made and the firmer earlier ones.
fn position_json(graph: &AllianceGraph, p: &Position<'_>, position: &str) -> Value {
    let mut v = stance_json(graph, &p.stance);
    v["id"] = json!(p.actor.as_str());
    v["name"] = json!(name(graph, &p.actor));
    v["position"] = json!(position);
    v["count"] = json!(p.count);
    v["firmer"] = Value::Array(p.firmer.iter().map(|s| stance_json(graph, s)).collect());
    v
}

/// The text of one position: the actor, how many stances, the latest, any firmer earlier.
fn position_lines(out: &mut String, graph: &AllianceGraph, p: &Position<'_>) {
    let _ = writeln!(
        out,
        "  {} ({} stance(s) on it; the latest:)",
        label(graph, &p.actor),
        p.count
    );
    stance_lines(out, &p.stance, "      ");
    if !p.firmer.is_empty() {
        let _ = writeln!(
            out,
            "      on record more firmly before (the latest is {}):",
            p.stance.evidence
        );
        for s in &p.firmer {
            stance_lines(out, s, "        ");
        }
    }
}

pub(crate) fn stances(view: &View<'_>, target: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve(target)?;
    let history = view.stances_on(target)?;
    let c = view.coalition(target)?;
    let mut out = format!(
        "Stances on {} as of {}: each actor's latest\n",
        label(graph, &id),
        view.date()
    );
    let mut results = Vec::new();
    for (title, position, list) in columns(&c) {
        if list.is_empty() && matches!(position, "conditional" | "requester") {
            continue;
        }
        let _ = writeln!(out, "{title}:");
        if list.is_empty() {
            none_line(&mut out);
        }
        for p in list {
            position_lines(&mut out, graph, p);
            results.push(position_json(graph, p, position));
        }
    }
    if matches!(id, ActorId::Grouping(_)) {
        let _ = writeln!(out, "Invited to join, silent so far:");
        if c.invited_silent.is_empty() {
            none_line(&mut out);
        }
        for (country, invitations) in &c.invited_silent {
            let a: ActorId = (*country).into();
            let _ = writeln!(out, "  {}", label(graph, &a));
            for s in invitations {
                stance_lines(&mut out, s, "      ");
            }
            if let Some(last) = invitations.last() {
                let mut item = stance_json(graph, last);
                item["id"] = json!(a.as_str());
                item["name"] = json!(name(graph, &a));
                item["position"] = json!("invited");
                item["count"] = json!(0);
                item["invitations"] =
                    Value::Array(invitations.iter().map(|s| stance_json(graph, s)).collect());
                results.push(item);
            }
        }
    }
    let possibly = history.iter().filter(|s| s.is_possible()).count();
    let contested = history.iter().filter(|s| s.is_contested()).count();
    let _ = writeln!(
        out,
        "{} stance(s) on {} in all by {}{}{}; `stance ACTOR {}` shows one actor's history, \
         `timeline {}` how positions moved.",
        history.len(),
        id,
        view.date(),
        if possibly > 0 {
            format!(", {possibly} of them only possibly made by then")
        } else {
            String::new()
        },
        if contested > 0 {
            format!(", {contested} contested")
        } else {
            String::new()
        },
        id,
        id
    );
    let mut j = header("stances", view);
    j.insert("target".into(), actor_json(graph, &id));
    j.insert("results".into(), Value::Array(results));
    j.insert(
        "history".into(),
        Value::Array(history.iter().map(|s| stance_json(graph, s)).collect()),
    );
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

pub(crate) fn stance(view: &View<'_>, actor: &str, target: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let (a, t) = (view.resolve(actor)?, view.resolve(target)?);
    let history = view.stance_history(actor, target)?;
    let current = view.current_stance(actor, target)?;
    let mut out = String::new();
    match &current {
        Some(s) => {
            let _ = writeln!(
                out,
                "{} on {} as of {}: {}{}",
                label(graph, &a),
                label(graph, &t),
                view.date(),
                s.kind,
                if s.is_possible() { " (possibly)" } else { "" }
            );
            stance_lines(&mut out, s, "  ");
        }
        None => {
            let _ = writeln!(
                out,
                "{} has taken no stance on {} by {}.",
                label(graph, &a),
                label(graph, &t),
                view.date()
            );
        }
    }
    let _ = writeln!(
        out,
        "Every stance of {} that concerns {} (its memberships included), oldest first: {}",
        a,
        t,
        history.len()
    );
    for s in &history {
        stance_lines(&mut out, s, "  ");
    }
    let mut j = header("stance", view);
    j.insert("actor".into(), actor_json(graph, &a));
    j.insert("target".into(), actor_json(graph, &t));
    j.insert(
        "current".into(),
        current.map_or(Value::Null, |s| stance_json(graph, &s)),
    );
    j.insert(
        "history".into(),
        Value::Array(history.iter().map(|s| stance_json(graph, s)).collect()),
    );
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

pub(crate) fn timeline(view: &View<'_>, target: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve(target)?;
    let moves = view.coalition_moves(target)?;
    let mut out = format!(
        "How positions on {} moved, up to {} (oldest first): {}\n",
        label(graph, &id),
        view.date(),
        moves.len()
    );
    if moves.is_empty() {
        none_line(&mut out);
    }
    let mut items = Vec::new();
    for m in &moves {
        let change = match m.from {
            Some(from) => format!("{from} -> {}", m.to),
            None => format!("first stance: {}", m.to),
        };
        let _ = writeln!(
            out,
            "{}  {}: {}",
            m.stance.date,
            label(graph, &m.actor),
            change
        );
        stance_lines(&mut out, &m.stance, "      ");
        let mut item = serde_json::to_value(m).unwrap_or(Value::Null);
        item["actor_name"] = json!(name(graph, &m.actor));
        item["stance"] = stance_json(graph, &m.stance);
        items.push(item);
    }
    let c = view.coalition(target)?;
    let _ = writeln!(out, "Where they stand on {}:", view.date());
    let mut tally = serde_json::Map::new();
    for (title, position, list) in columns(&c) {
        let ids: Vec<&str> = list.iter().map(|p| p.actor.as_str()).collect();
        tally.insert(position.to_string(), json!(ids));
        if !ids.is_empty() {
            let _ = writeln!(out, "  {title}: {}", ids.join(", "));
        }
    }
    let mut j = header("timeline", view);
    j.insert("target".into(), actor_json(graph, &id));
    j.insert("results".into(), Value::Array(items));
    j.insert("positions".into(), Value::Object(tally));
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

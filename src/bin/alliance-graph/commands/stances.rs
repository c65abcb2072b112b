//! `stances TARGET` and `stance ACTOR TARGET`: what was said, by whom, when.

use super::prelude::*;

pub(crate) fn position_item(
    graph: &AllianceGraph,
    id: &ActorId,
    position: &str,
    s: &Stance,
) -> Value {
    let mut v = stance_json(graph, s);
    v["id"] = json!(id.as_str());
    v["name"] = json!(name(graph, id));
    v["position"] = json!(position);
    v
}

/// A list of positions: its title, the position's name in JSON, and the actors with their
/// deciding stance.
pub(crate) type Section<'g> = (&'static str, &'static str, Vec<(ActorId, &'g Stance)>);

pub(crate) fn stances(view: &View<'_>, target: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve(target)?;
    let history = view.stances_on(target)?;
    let mut out = format!("Stances on {} as of {}\n", label(graph, &id), view.date());
    let mut results = Vec::new();
    let mut sections: Vec<Section<'_>> = Vec::new();
    let mut invited: Vec<(CountryId, Vec<&Stance>)> = Vec::new();
    match &id {
        ActorId::Grouping(g) => {
            let c = view.coalition(g)?;
            fn pick<'g>(v: &[alliance_graph::query::Position<'g>]) -> Vec<(ActorId, &'g Stance)> {
                v.iter().map(|p| (p.actor.clone(), p.stance)).collect()
            }
            sections.push(("Proposed by", "proposer", pick(&c.proposers)));
            sections.push(("Supported by", "supporter", pick(&c.supporters)));
            sections.push(("Refused by", "refuser", pick(&c.refusers)));
            invited = c.invited_silent.clone();
        }
        ActorId::Country(_) => {
            // Each actor's latest stance on the state.
            let mut latest: std::collections::BTreeMap<ActorId, &Stance> = Default::default();
            for s in &history {
                latest.insert(s.actor.clone(), s);
            }
            let mut groups: [Section<'_>; 3] = [
                ("Proposed by", "proposer", vec![]),
                ("Supported by", "supporter", vec![]),
                ("Refused by", "refuser", vec![]),
            ];
            for (a, s) in latest {
                let k = match s.kind {
                    StanceKind::Proposal => 0,
                    StanceKind::Refusal => 2,
                    _ => 1,
                };
                groups[k].2.push((a, s));
            }
            sections.extend(groups);
        }
    }
    for (title, position, list) in &sections {
        let _ = writeln!(out, "{title}:");
        if list.is_empty() {
            none_line(&mut out);
        }
        for (a, s) in list {
            let _ = writeln!(out, "  {}", label(graph, a));
            stance_lines(&mut out, s, "      ");
            results.push(position_item(graph, a, position, s));
        }
    }
    if matches!(id, ActorId::Grouping(_)) {
        let _ = writeln!(out, "Invited to join, silent so far:");
        if invited.is_empty() {
            none_line(&mut out);
        }
        for (c, inv) in &invited {
            let a: ActorId = (*c).into();
            let _ = writeln!(out, "  {}", label(graph, &a));
            for s in inv {
                stance_lines(&mut out, s, "      ");
            }
            if let Some(last) = inv.last() {
                let mut item = position_item(graph, &a, "invited", last);
                item["invitations"] =
                    Value::Array(inv.iter().map(|s| stance_json(graph, s)).collect());
                results.push(item);
            }
        }
    }
    let _ = writeln!(
        out,
        "{} stance(s) on {} in all by {}; `stance ACTOR {}` shows one actor's history.",
        history.len(),
        id,
        view.date(),
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
    match current {
        Some(s) => {
            let _ = writeln!(
                out,
                "{} on {} as of {}: {}",
                label(graph, &a),
                label(graph, &t),
                view.date(),
                s.kind
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
    let _ = writeln!(out, "History (oldest first): {}", history.len());
    for s in &history {
        stance_lines(&mut out, s, "  ");
    }
    let mut j = header("stance", view);
    j.insert("actor".into(), actor_json(graph, &a));
    j.insert("target".into(), actor_json(graph, &t));
    j.insert(
        "current".into(),
        current.map_or(Value::Null, |s| stance_json(graph, s)),
    );
    j.insert(
        "history".into(),
        Value::Array(history.iter().map(|s| stance_json(graph, s)).collect()),
    );
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

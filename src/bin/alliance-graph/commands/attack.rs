//! `attack ATTACKERS TARGETS`: who is bound to do what if some states attack others.

use alliance_graph::query::{Conflict, ConflictOptions, Duty, DutyKind, Judgement, Side};

use super::prelude::*;

/// The names in a comma-separated list, trimmed, empty items dropped.
fn names(list: &str) -> Vec<&str> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The options of `attack`'s flags.
pub(crate) fn conflict_options(depth: Option<usize>, follow_undecidable: bool) -> ConflictOptions {
    ConflictOptions {
        depth,
        follow_undecidable,
    }
}

/// The conflict the command's comma-separated lists of attackers and targets ask about.
pub(crate) fn conflict_of<'g>(
    view: &View<'g>,
    attackers: &str,
    targets: &str,
    options: ConflictOptions,
) -> Res<Conflict<'g>> {
    Ok(view.conflict_with(&names(attackers), &names(targets), options)?)
}

fn list(graph: &AllianceGraph, ids: &[CountryId]) -> String {
    ids.iter()
        .map(|c| label(graph, &(*c).into()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The duty's lines: who owes what to whom, the judgement, and the tie.
fn duty_lines(out: &mut String, graph: &AllianceGraph, view: &View<'_>, d: &Duty) {
    let nuclear = if view.is_nuclear_armed(d.state) {
        "nuclear-armed; "
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "  {} {} {} ({nuclear}round {})",
        label(graph, &d.state.into()),
        d.kind.as_str(),
        label(graph, &d.toward.into()),
        d.round,
    );
    let _ = writeln!(
        out,
        "      condition {}",
        wrap(&d.judgement.to_string(), 84, "        ")
    );
    if !d.co_members.is_empty() {
        let ids: Vec<&str> = d.co_members.iter().map(CountryId::as_str).collect();
        let _ = writeln!(
            out,
            "      made to the treaty's other parties too: {}",
            ids.join(", ")
        );
    }
    evidence_lines(out, std::slice::from_ref(&d.evidence), "      ");
}

pub(crate) fn attack(
    view: &View<'_>,
    attackers: &str,
    targets: &str,
    options: ConflictOptions,
) -> Res<(String, Value)> {
    let graph = view.graph();
    let war = conflict_of(view, attackers, targets, options)?;
    let mut out = format!(
        "If {} attack{} {} on {}: {}\n",
        list(graph, &war.attackers),
        if war.attackers.len() == 1 { "s" } else { "" },
        list(graph, &war.targets),
        view.date(),
        match (war.fixed_point, war.rounds) {
            (true, 0) => "no state is bound to join".to_string(),
            (true, r) =>
                format!("the war spreads for {r} round(s), then no state is bound to join"),
            (false, r) => format!("followed for {r} round(s) (the depth); more states would join"),
        }
    );
    let sections = [
        (DutyKind::Defend, "Bound to defend a state attacked"),
        (DutyKind::JoinAttack, "Bound to join an attacker"),
        (DutyKind::StayNeutral, "Bound to stay neutral"),
        (DutyKind::Consult, "Bound to consult"),
        (DutyKind::Broken, "Promises the attack breaks"),
    ];
    for (kind, title) in sections {
        let duties: Vec<&Duty> = war.duties.iter().filter(|d| d.kind == kind).collect();
        let _ = writeln!(out, "{title}: {}", duties.len());
        // Met duties in full; the others one line each (--json has everything).
        for d in duties.iter().filter(|d| d.judgement.is_met()) {
            duty_lines(&mut out, graph, view, d);
        }
        for status in ["undecidable", "not met"] {
            let rest: Vec<&&Duty> = duties
                .iter()
                .filter(|d| d.judgement.as_str() == status)
                .collect();
            if rest.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  condition {status}: {}", rest.len());
            for d in rest {
                let _ = writeln!(
                    out,
                    "    {} -> {}{} under {}: {}",
                    d.state,
                    d.toward,
                    if view.is_nuclear_armed(d.state) {
                        " (nuclear-armed)"
                    } else {
                        ""
                    },
                    d.evidence.basis,
                    wrap(&d.judgement.reasons().join("; "), 70, "        ")
                );
            }
        }
    }
    let _ = writeln!(out, "The sides, round by round:");
    for round in 0..=war.rounds {
        for side in [Side::Attacking, Side::Attacked] {
            let ids: Vec<CountryId> = war
                .belligerents
                .iter()
                .filter(|b| b.round == round && b.side == side)
                .map(|b| b.country)
                .collect();
            if !ids.is_empty() {
                let _ = writeln!(
                    out,
                    "  round {round}, {}: {}",
                    side.as_str(),
                    ids.iter()
                        .map(CountryId::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
    }
    if !war.contradictions.is_empty() {
        let _ = writeln!(
            out,
            "Bound to both sides (not resolved): {}",
            list(graph, &war.contradictions)
        );
    }
    let nuclear = war.nuclear_defenders(view);
    let _ = writeln!(
        out,
        "Nuclear-armed states bound to defend a state attacked (met or undecidable): {}",
        if nuclear.is_empty() {
            "none".to_string()
        } else {
            list(graph, &nuclear)
        }
    );
    let undecidable = war
        .duties
        .iter()
        .filter(|d| matches!(d.judgement, Judgement::Undecidable(_)))
        .count();
    if undecidable > 0 && !options.follow_undecidable {
        let _ = writeln!(
            out,
            "{undecidable} duty(ies) turn on conditions the data cannot decide; only met ones make \
             a state join (--follow-undecidable follows them too)."
        );
    }
    let mut j = header("attack", view);
    j.insert("conflict".into(), conflict_json(graph, view, &war));
    let involved: Vec<ActorId> = war
        .attackers
        .iter()
        .chain(&war.targets)
        .map(|c| (*c).into())
        .collect();
    coverage(view, &involved, &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

/// The conflict as the library serializes it, with names and the chains added.
fn conflict_json(graph: &AllianceGraph, view: &View<'_>, war: &Conflict) -> Value {
    let mut v = serde_json::to_value(war).unwrap_or(Value::Null);
    if let Some(bs) = v["belligerents"].as_array_mut() {
        for (b, item) in war.belligerents.iter().zip(bs.iter_mut()) {
            item["name"] = json!(name(graph, &b.country.into()));
            item["chain"] = Value::Array(
                war.chain(b.country, b.side)
                    .iter()
                    .map(|d| json!({"state": d.state.as_str(), "kind": d.kind, "toward": d.toward.as_str()}))
                    .collect(),
            );
        }
    }
    v["nuclear_defenders"] = json!(war
        .nuclear_defenders(view)
        .iter()
        .map(CountryId::as_str)
        .collect::<Vec<_>>());
    v
}

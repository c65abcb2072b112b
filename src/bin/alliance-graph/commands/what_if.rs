//! `what-if`: a scenario, its diff, and a question asked of it.

use super::prelude::*;

pub(crate) fn what_if(graph: &AllianceGraph, date: PartialDate, w: &WhatIf) -> Res<Output> {
    let view = graph.as_of(date);
    let (scenario, description, scenario_json, then) = match w {
        WhatIf::Form {
            grouping,
            members,
            strength,
            then,
        } => {
            let id = match view.resolve_grouping(grouping) {
                Ok(id) => id,
                Err(e) if e.is_unknown_actor() => {
                    GroupingId::new(grouping).map_err(|_| Failure::from(e))?
                }
                Err(e) => return Err(e.into()),
            };
            let mut ids = Vec::new();
            for m in members {
                let c = view.resolve_country(m.trim())?;
                if !ids.contains(&c) {
                    ids.push(c);
                }
            }
            let exists = graph.grouping(&id).is_some();
            let list: Vec<&str> = ids.iter().map(CountryId::as_str).collect();
            let description = format!(
                "{} formed on {} with {}{}",
                if exists {
                    label(graph, &id.clone().into())
                } else {
                    id.to_string()
                },
                date,
                list.join(", "),
                if exists {
                    String::new()
                } else {
                    " (a new collective-defense alliance carrying defense)".into()
                }
            );
            let sj = json!({"edit": "form", "grouping": id.as_str(), "members": list, "date": date.to_string(), "strength": strength.as_str()});
            (
                Scenario::new(date)
                    .with_strength(*strength)
                    .form_grouping(id, ids),
                description,
                sj,
                then,
            )
        }
        WhatIf::Leave {
            country,
            from,
            strength,
            then,
        } => {
            let c = view.resolve_country(country)?;
            let (edit, what, sj_from) = match view.resolve_grouping(from) {
                Ok(g) => (
                    Edit::LeaveGrouping {
                        country: c,
                        grouping: g.clone(),
                        date,
                    },
                    label(graph, &g.clone().into()),
                    g.to_string(),
                ),
                Err(e) => {
                    let id = TreatyId::new(from).map_err(|_| Failure::from(e))?;
                    let t = graph
                        .treaty(&id)
                        .ok_or_else(|| fail(format!("no grouping or treaty '{from}'"), None))?;
                    (
                        Edit::LeaveTreaty {
                            country: c,
                            treaty: id.clone(),
                            date,
                        },
                        format!("{} ({})", t.name, t.id),
                        id.to_string(),
                    )
                }
            };
            let description = format!(
                "{} left {what} the day before {date}",
                label(graph, &c.into())
            );
            let sj = json!({"edit": "leave", "country": c.as_str(), "from": sj_from, "date": date.to_string(), "strength": strength.as_str()});
            (
                Scenario::new(date).with_strength(*strength).edit(edit),
                description,
                sj,
                then,
            )
        }
        WhatIf::Dissolve {
            grouping,
            strength,
            then,
        } => {
            let g = view.resolve_grouping(grouping)?;
            let description = format!("{} dissolved on {date}", label(graph, &g.clone().into()));
            let sj = json!({"edit": "dissolve", "grouping": g.as_str(), "date": date.to_string(), "strength": strength.as_str()});
            (
                Scenario::new(date)
                    .with_strength(*strength)
                    .edit(Edit::DissolveGrouping { grouping: g, date }),
                description,
                sj,
                then,
            )
        }
        WhatIf::End {
            treaty,
            strength,
            then,
        } => {
            let id = TreatyId::new(treaty)?;
            let t = graph.treaty(&id).ok_or_else(|| {
                let known: Vec<&str> = graph.treaties().map(|t| t.id.as_str()).collect();
                fail(
                    format!("unknown treaty '{treaty}'"),
                    Some(&format!("treaty ids in this dataset: {}", known.join(", "))),
                )
            })?;
            let day_before = date.earliest().pred().to_partial()?;
            let description = format!("{} ({}) ended on {}", t.name, t.id, day_before);
            let sj = json!({"edit": "end", "treaty": id.as_str(), "ended": day_before.to_string(), "date": date.to_string(), "strength": strength.as_str()});
            (
                Scenario::new(date)
                    .with_strength(*strength)
                    .edit(Edit::SetTreatyEnd {
                        treaty: id,
                        ended: Some(day_before),
                    }),
                description,
                sj,
                then,
            )
        }
    };
    let outcome = scenario.apply(graph)?;
    match then {
        Some(q) => {
            let inner = query(&outcome.graph, date, q, Some((graph, &description)))?;
            Ok(match inner {
                Output::Report { text, json } => {
                    let mut json = json;
                    let mut text = text;
                    if let Value::Object(m) = &mut json {
                        m.insert("scenario".into(), scenario_json);
                        m.insert(
                            "diff".into(),
                            diff_json(graph, &outcome, date, scenario.strength),
                        );
                        if let Query::Attack {
                            attackers,
                            targets,
                            depth,
                            follow_undecidable,
                            ..
                        } = q
                        {
                            let options = conflict_options(*depth, *follow_undecidable);
                            let (t, j) = duty_changes(
                                graph,
                                &outcome.graph,
                                date,
                                (attackers, targets),
                                options,
                            )?;
                            text.push_str(&t);
                            m.insert("duties_gained".into(), j.0);
                            m.insert("duties_lost".into(), j.1);
                        }
                    }
                    Output::Report {
                        text: format!("What if {description}:\n\n{text}"),
                        json,
                    }
                }
                other => other,
            })
        }
        None => {
            let (text, dj) = diff_text(graph, &outcome, date, scenario.strength);
            let mut j = serde_json::Map::new();
            j.insert("command".into(), json!("what-if"));
            j.insert("as_of".into(), json!(date.to_string()));
            j.insert("scenario".into(), scenario_json);
            j.insert("diff".into(), dj);
            Ok(Output::Report {
                text: format!("What if {description}?\n{text}"),
                json: Value::Object(j),
            })
        }
    }
}

/// The obligations to act the scenario adds and removes in an attack.
fn duty_changes(
    before: &AllianceGraph,
    after: &AllianceGraph,
    date: PartialDate,
    (attackers, targets): (&str, &str),
    options: alliance_graph::query::ConflictOptions,
) -> Res<(String, (Value, Value))> {
    let old = conflict_of(&before.as_of(date), attackers, targets, options)?;
    let new = conflict_of(&after.as_of(date), attackers, targets, options)?;
    let (gained, lost) = new.changes_from(&old);
    let mut out = String::new();
    let mut lists = Vec::new();
    for (title, duties) in [
        ("Obligations to act the change adds", gained),
        ("Obligations to act the change removes", lost),
    ] {
        let _ = writeln!(out, "{title}: {}", duties.len());
        if duties.is_empty() {
            none_line(&mut out);
        }
        for d in &duties {
            let _ = writeln!(
                out,
                "  {} {} {} ({}) under {}",
                d.state,
                d.kind.as_str(),
                d.toward,
                d.judgement.as_str(),
                d.evidence.basis
            );
        }
        lists.push(serde_json::to_value(&duties).unwrap_or(Value::Null));
    }
    let lost = lists.pop().unwrap_or(Value::Null);
    let gained = lists.pop().unwrap_or(Value::Null);
    Ok((out, (gained, lost)))
}

pub(crate) fn diff_json(
    before: &AllianceGraph,
    outcome: &alliance_graph::Outcome,
    date: PartialDate,
    strength: Strength,
) -> Value {
    diff_text(before, outcome, date, strength).1
}

pub(crate) fn diff_text(
    before: &AllianceGraph,
    outcome: &alliance_graph::Outcome,
    date: PartialDate,
    strength: Strength,
) -> (String, Value) {
    let old = before.as_of(date).with_strength(strength);
    let new = outcome.graph.as_of(date).with_strength(strength);
    let d = &outcome.diff;
    let mut out = String::new();
    let mut j = serde_json::Map::new();
    fn pair_evidence<'g>(v: &View<'g>, a: CountryId, b: CountryId) -> Vec<TieEvidence<'g>> {
        v.are_allied(a, b)
            .ok()
            .flatten()
            .map(alliance_graph::query::Evidence::into_vec)
            .unwrap_or_default()
    }
    for (title, key, pairs, view) in [
        (
            "Allied pairs gained",
            "allied_gained",
            &d.allied_gained,
            &new,
        ),
        ("Allied pairs lost", "allied_lost", &d.allied_lost, &old),
    ] {
        let _ = writeln!(out, "{title} (strength: {strength}): {}", pairs.len());
        if pairs.is_empty() {
            none_line(&mut out);
        }
        let mut items = Vec::new();
        for (a, b) in pairs {
            let e = pair_evidence(view, *a, *b);
            let _ = writeln!(
                out,
                "  {} - {}",
                label(before_or(&outcome.graph, before, a), &(*a).into()),
                label(before_or(&outcome.graph, before, b), &(*b).into())
            );
            evidence_lines(&mut out, &e, "      ");
            items.push(json!({"a": a.as_str(), "b": b.as_str(), "evidence": evidence_list(&e)}));
        }
        j.insert(key.into(), Value::Array(items));
    }
    for (title, key, pairs, view) in [
        (
            "Obligations gained (defender -> defended)",
            "defenders_gained",
            &d.defenders_gained,
            &new,
        ),
        (
            "Obligations lost (defender -> defended)",
            "defenders_lost",
            &d.defenders_lost,
            &old,
        ),
    ] {
        let _ = writeln!(out, "{title}: {}", pairs.len());
        if pairs.is_empty() {
            none_line(&mut out);
        }
        let rows: Vec<Vec<String>> = pairs
            .iter()
            .map(|(by, to)| {
                vec![
                    format!("{by} -> {to}"),
                    if view.is_nuclear_armed(*by) {
                        "nuclear-armed defender".into()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        out.push_str(&table_rows(&rows, "  "));
        let items: Vec<Value> = pairs
            .iter()
            .map(|(by, to)| {
                let e: Vec<TieEvidence> = pair_evidence(view, *by, *to)
                    .into_iter()
                    .filter(|e| e.owed_by.contains(by))
                    .collect();
                json!({"id": by.as_str(), "defends": to.as_str(),
                       "nuclear_armed": view.is_nuclear_armed(*by), "evidence": evidence_list(&e)})
            })
            .collect();
        j.insert(key.into(), Value::Array(items));
    }
    (out, Value::Object(j))
}

pub(crate) fn before_or<'a>(
    after: &'a AllianceGraph,
    before: &'a AllianceGraph,
    c: &CountryId,
) -> &'a AllianceGraph {
    if before.country(c).is_some() {
        before
    } else {
        after
    }
}

//! `show ACTOR`: everything about one state or grouping.

use super::prelude::*;

pub(crate) fn show(view: &View<'_>, actor: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve(actor)?;
    let mut out = String::new();
    let mut j = header("show", view);
    let by = view.stances_by(&id)?;
    let on = view.stances_about(&id)?;
    match &id {
        ActorId::Country(c) => {
            let country = graph
                .country(c)
                .ok_or_else(|| fail(format!("no country {c}"), None))?;
            let _ = writeln!(out, "{} ({}), a country", country.name, c);
            let mut attrs: Vec<Vec<String>> = Vec::new();
            if !country.aliases.is_empty() {
                attrs.push(vec!["also called".into(), country.aliases.join(", ")]);
            }
            if let Some(cow) = country.cow_code {
                attrs.push(vec!["COW code".into(), cow.to_string()]);
            }
            attrs.push(vec![
                "nuclear-armed".into(),
                match &country.nuclear_armed {
                    Some(n) => format!(
                        "{} since {} [source: {}]",
                        if view.is_nuclear_armed(*c) {
                            "yes"
                        } else {
                            "not yet"
                        },
                        n.since,
                        n.source
                    ),
                    None => "no".into(),
                },
            ]);
            if let Some(note) = &country.note {
                attrs.push(vec!["note".into(), note.clone()]);
            }
            out.push_str(&table_rows(&attrs, "  "));
            let _ = writeln!(out, "\nMemberships as of {}:", view.date());
            let ms = view.groupings_of(*c)?;
            if ms.is_empty() {
                none_line(&mut out);
            }
            let rows: Vec<Vec<String>> = ms
                .iter()
                .map(|m| {
                    vec![
                        m.grouping.to_string(),
                        name(graph, &m.grouping.clone().into()),
                        m.role.to_string(),
                        period(m.start, m.end),
                        format!("[source: {}]", m.source),
                    ]
                })
                .collect();
            out.push_str(&table_rows(&rows, "  "));
            let _ = writeln!(
                out,
                "\nTreaties (all dates; * = in force on {}):",
                view.date()
            );
            let treaties: Vec<_> = graph.treaties().filter(|t| t.has_party(*c)).collect();
            if treaties.is_empty() {
                none_line(&mut out);
            }
            let mut tj = Vec::new();
            for t in &treaties {
                let in_force = t.period().is_some_and(|p| p.overlaps(&view.span()))
                    && t.spells(*c).any(|p| p.overlaps(&view.span()));
                let others: Vec<String> = t
                    .parties
                    .iter()
                    .map(|p| p.country())
                    .filter(|o| o != c)
                    .map(|o| o.to_string())
                    .collect();
                let obligations: Vec<String> = t
                    .obligations
                    .iter()
                    .map(|o| match (&o.by, &o.to) {
                        (Some(by), Some(to)) => format!(
                            "{} by {} to {}",
                            o.kind,
                            by.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+"),
                            to.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+")
                        ),
                        (Some(by), None) => format!(
                            "{} by {}",
                            o.kind,
                            by.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+")
                        ),
                        (None, Some(to)) => format!(
                            "{} to {}",
                            o.kind,
                            to.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+")
                        ),
                        (None, None) => format!("{} (mutual)", o.kind),
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "  {} {} ({}), with {}, {}: {} [source: {}]",
                    if in_force { "*" } else { " " },
                    t.name,
                    t.id,
                    others.join(", "),
                    t.period().map_or("dates invalid".into(), |p| p.to_string()),
                    if obligations.is_empty() {
                        "no obligation".to_string()
                    } else {
                        obligations.join("; ")
                    },
                    t.sources
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                tj.push(json!({
                    "id": t.id.as_str(),
                    "name": t.name,
                    "kind": t.kind.as_str(),
                    "parties": t.parties.iter().map(|p| p.country().to_string()).collect::<Vec<_>>(),
                    "obligations": obligations,
                    "start": t.start().map(|d| d.to_string()),
                    "end": t.ended.map(|d| d.to_string()),
                    "in_force": in_force,
                    "sources": t.sources.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                }));
            }
            let (atext, ajson) = allies(view, c.as_str())?;
            let _ = write!(out, "\n{atext}");
            let _ = writeln!(
                out,
                "  (ties without obligation too: `allies {c} --strength any`)"
            );
            let (dtext, djson) = defenders(view, c.as_str(), false)?;
            let _ = write!(out, "\n{dtext}");
            j.insert(
                "actor".into(),
                json!({
                    "id": c.as_str(),
                    "kind": "country",
                    "name": country.name,
                    "aliases": country.aliases,
                    "cow_code": country.cow_code,
                    "nuclear_armed": view.is_nuclear_armed(*c),
                    "nuclear_since": country.nuclear_armed.as_ref().map(|n| n.since.to_string()),
                    "note": country.note,
                }),
            );
            j.insert(
                "memberships".into(),
                Value::Array(
                    ms.iter()
                        .map(|m| {
                            json!({"id": m.grouping.as_str(), "role": m.role.as_str(),
                               "start": m.start.map(|d| d.to_string()), "end": m.end.map(|d| d.to_string()),
                               "source": m.source.as_str()})
                        })
                        .collect(),
                ),
            );
            j.insert("treaties".into(), Value::Array(tj));
            j.insert("allies".into(), ajson["results"].clone());
            j.insert("defenders".into(), djson["results"].clone());
        }
        ActorId::Grouping(g) => {
            let (summary, gj) = grouping_summary(graph, view, g);
            let _ = writeln!(
                out,
                "{}, a grouping",
                graph.grouping(g).map_or(g.as_str(), |x| x.name.as_str())
            );
            let _ = writeln!(out, "  {}", wrap(&summary, 96, "  "));
            if let Some(note) = graph.grouping(g).and_then(|x| x.note.as_ref()) {
                let _ = writeln!(out, "  note: {}", wrap(note, 92, "        "));
            }
            let (_, mjson) = members(view, g.as_str())?;
            let list = view.members_of(g)?;
            let _ = write!(
                out,
                "\nMembers as of {}: {}\n{}",
                view.date(),
                list.len(),
                member_table(graph, &list)
            );
            let c = view.coalition(g)?;
            let _ = writeln!(out, "\nWhere actors stand on it as of {}:", view.date());
            let mut any = false;
            for p in c.positions() {
                any = true;
                let _ = writeln!(
                    out,
                    "  {} {} ({}, {}{}{})",
                    label(graph, &p.actor),
                    p.stance.kind,
                    p.stance.date,
                    p.stance.evidence,
                    if p.stance.is_possible() {
                        ", possibly"
                    } else {
                        ""
                    },
                    if p.stance.is_contested() {
                        ", contested"
                    } else {
                        ""
                    },
                );
            }
            for (country, inv) in &c.invited_silent {
                any = true;
                let _ = writeln!(
                    out,
                    "  {} invited, silent so far ({} invitation(s))",
                    label(graph, &(*country).into()),
                    inv.len()
                );
            }
            if !any {
                none_line(&mut out);
            }
            j.insert("actor".into(), {
                let mut a = gj;
                a["kind"] = json!("grouping");
                a["grouping_kind"] = json!(graph.grouping(g).map(|x| x.kind.as_str()));
                a
            });
            j.insert("members".into(), mjson["results"].clone());
        }
    }
    let _ = writeln!(out, "\nStances by {} (oldest first): {}", id, by.len());
    if by.is_empty() {
        none_line(&mut out);
    }
    for s in &by {
        stance_lines(&mut out, s, "  ");
    }
    let _ = writeln!(out, "\nStances on {} (oldest first): {}", id, on.len());
    if on.is_empty() {
        none_line(&mut out);
    }
    for s in &on {
        stance_lines(&mut out, s, "  ");
    }
    j.insert(
        "stances_by".into(),
        Value::Array(by.iter().map(|s| stance_json(graph, s)).collect()),
    );
    j.insert(
        "stances_on".into(),
        Value::Array(on.iter().map(|s| stance_json(graph, s)).collect()),
    );
    coverage(view, std::slice::from_ref(&id), &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

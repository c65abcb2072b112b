//! `groupings COUNTRY`: the groupings a state belongs to.

use super::prelude::*;

pub(crate) fn groupings(view: &View<'_>, country: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve_country(country)?;
    let list = view.groupings_of(id)?;
    let mut out = format!(
        "Groupings of {} as of {}: {}\n",
        label(graph, &id.into()),
        view.date(),
        list.len()
    );
    if list.is_empty() {
        none_line(&mut out);
    }
    let mut rows = Vec::new();
    let mut results = Vec::new();
    for m in &list {
        let (_, gj) = grouping_summary(graph, view, &m.grouping);
        let g = graph.grouping(&m.grouping);
        let carries = g.map_or(String::new(), |g| {
            if g.obligations.is_empty() {
                "carries no obligation".into()
            } else {
                format!(
                    "carries {}",
                    g.obligations
                        .iter()
                        .map(|o| o.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        });
        rows.push(vec![
            m.grouping.to_string(),
            name(graph, &m.grouping.clone().into()),
            g.map_or(String::new(), |g| g.kind.to_string()),
            m.role.to_string(),
            period(m.start, m.end),
            carries,
            format!("[source: {}]", m.source),
        ]);
        let mut item = json!({
            "id": m.grouping.as_str(),
            "name": name(graph, &m.grouping.clone().into()),
            "role": m.role.as_str(),
            "start": m.start.map(|d| d.to_string()),
            "end": m.end.map(|d| d.to_string()),
            "source": m.source.as_str(),
        });
        for key in ["kind", "status", "obligations", "full_name"] {
            item[key] = gj[key].clone();
        }
        results.push(item);
    }
    out.push_str(&table_rows(&rows, "  "));
    let mut j = header("groupings", view);
    j.insert("country".into(), actor_json(graph, &id.into()));
    j.insert("results".into(), Value::Array(results));
    coverage(view, &[ActorId::Country(id)], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

//! `members GROUPING`: a grouping's members on the date.

use super::prelude::*;

pub(crate) fn members(view: &View<'_>, grouping: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve_grouping(grouping)?;
    let list = view.members_of(&id)?;
    let (summary, gj) = grouping_summary(graph, view, &id);
    let mut out = format!(
        "Members of {} as of {}: {}\n  {}\n",
        label(graph, &id.clone().into()),
        view.date(),
        list.len(),
        wrap(&summary, 96, "  ")
    );
    out.push_str(&member_table(graph, &list));
    let mut j = header("members", view);
    j.insert("grouping".into(), gj);
    j.insert(
        "results".into(),
        Value::Array(
            list.iter()
                .map(|m| result_json(graph, m, m.country))
                .collect(),
        ),
    );
    coverage_of_grouping(view, &id, &mut j, &mut out);
    Ok((out, Value::Object(j)))
}

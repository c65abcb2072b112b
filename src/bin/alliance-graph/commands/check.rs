//! `check FILE`: every problem in a data file, at once.

use super::prelude::*;

pub(crate) fn check(file: &Path) -> Res<Output> {
    let issues = json::check_path(file)?;
    let mut problems: Vec<Value> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut counts = Value::Null;
    if issues.is_empty() {
        // The file loads; count what it holds.
        let graph = json::from_path(file)?;
        let doc = graph.document();
        counts = json!({
            "sources": doc.sources.len(),
            "countries": doc.countries.len(),
            "groupings": doc.groupings.len(),
            "memberships": doc.memberships.len(),
            "treaties": doc.treaties.len(),
            "stances": doc.stances.len(),
        });
    }
    for issue in &issues {
        lines.push(format!("{}: {issue}", file.display()));
        let record = issue
            .record()
            .map(|r| json!({"kind": r.kind, "index": r.index, "label": r.label}));
        let mut problem = json!({
            "kind": if matches!(issue, Issue::Malformed { .. }) { "parse" } else { "invalid" },
            "record": record,
            "message": issue.to_string(),
        });
        if let Issue::Malformed { line, column, .. } = issue {
            problem["line"] = json!(line);
            problem["column"] = json!(column);
        }
        problems.push(problem);
    }
    let valid = problems.is_empty();
    let json = json!({
        "command": "check",
        "file": file.display().to_string(),
        "valid": valid,
        "counts": counts,
        "problems": problems,
    });
    if valid {
        let c = &json["counts"];
        let text = format!(
            "{}: ok: {} countries, {} groupings, {} memberships, {} treaties, {} stances, {} sources\n",
            file.display(),
            c["countries"],
            c["groupings"],
            c["memberships"],
            c["treaties"],
            c["stances"],
            c["sources"]
        );
        Ok(Output::Report { text, json })
    } else {
        // Past the problems kept, the last line counts the rest ("and 356142 more problem(s)").
        let n = issues
            .iter()
            .map(|i| match i {
                Issue::More { more } => *more,
                _ => 1,
            })
            .sum::<usize>();
        let mut text = format!(
            "{}: {n} problem{}\n",
            file.display(),
            if n == 1 { "" } else { "s" }
        );
        for l in &lines {
            let _ = writeln!(text, "  - {l}");
        }
        Ok(Output::Failed {
            text,
            json,
            message: format!(
                "{} is not a valid dataset ({n} problem{}); fix the problems listed and check again",
                file.display(),
                if n == 1 { "" } else { "s" }
            ),
        })
    }
}

//! The research measures: `similarity A B` (how alike two states' alliance portfolios are),
//! `table similarity` (the dyad-year table of every pair), `table network` (network measures
//! per state and year).

use alliance_graph::measures::balance::{Sign, SignedTie};
use alliance_graph::measures::{self, PortfolioRule, Similarity, StateSystem, Weights};

use super::prelude::*;

/// What each measure is called in the text, in the order of [`Similarity::COLUMNS`].
const MEASURES: [&str; 9] = [
    "S, valued, squared distances",
    "S, valued, absolute distances",
    "S, binary, squared distances",
    "S, binary, absolute distances",
    "Scott's pi, valued",
    "Scott's pi, binary",
    "Cohen's kappa, valued (quadratic weights)",
    "Cohen's kappa, binary",
    "Kendall's tau-b, valued",
];

pub(crate) fn similarity(
    view: &View<'_>,
    a: &str,
    b: &str,
    only: &[String],
) -> Res<(String, Value)> {
    let graph = view.graph();
    for name in only {
        if !Similarity::COLUMNS.contains(&name.as_str()) {
            let near = Similarity::COLUMNS
                .iter()
                .max_by(|x, y| {
                    strsim::jaro_winkler(x, name).total_cmp(&strsim::jaro_winkler(y, name))
                })
                .copied()
                .unwrap_or("sallyvs");
            return Err(fail(
                format!("unknown measure {name:?}; did you mean {near}?"),
                Some(&format!(
                    "the measures are {}",
                    Similarity::COLUMNS.join(", ")
                )),
            ));
        }
    }
    let wanted = |column: &str| only.is_empty() || only.iter().any(|m| m == column);
    let found = view.similarity(a, b)?;
    let (ia, ib) = (ActorId::from(found.first), ActorId::from(found.second));
    let (la, lb) = (label(graph, &ia), label(graph, &ib));
    let mut j = header("similarity", view);
    j.insert("first".into(), actor_json(graph, &ia));
    j.insert("second".into(), actor_json(graph, &ib));
    // Outside what the sources cover, or for a state that was none, the portfolios rest on
    // no data: no measure is given, only why.
    if !found.gaps.outside.is_empty() || !found.gaps.not_states.is_empty() {
        let mut out = format!(
            "Alliance-portfolio similarity of {la} and {lb}, as of {}: unknown.\n",
            view.date()
        );
        j.insert("similarity".into(), Value::Null);
        j.insert("differences".into(), json!([]));
        coverage_fields(&found.gaps, &mut j, &mut out, true);
        return Ok((out, Value::Object(j)));
    }
    let mut out = format!(
        "Alliance-portfolio similarity of {la} and {lb}, as of {} (portfolios over the {} states of the system):\n",
        view.date(),
        found.system_size
    );
    let rows: Vec<Vec<String>> = MEASURES
        .iter()
        .zip(Similarity::COLUMNS)
        .zip(found.similarity.values())
        .filter(|((_, column), _)| wanted(column))
        .map(|((what, column), v)| {
            vec![
                format!("{what} ({column})"),
                v.map_or("undefined".into(), |x| format!("{x:.4}")),
            ]
        })
        .collect();
    out.push_str(&table_rows(&rows, "  "));
    let _ = writeln!(
        out,
        "Their commitments differ toward {} of the {} states (3 defense or offense, 2 neutrality or consultation, 1 non-aggression only, 0 none):",
        found.differences.len(),
        found.system_size
    );
    if found.differences.is_empty() {
        none_line(&mut out);
    }
    let rows: Vec<Vec<String>> = found
        .differences
        .iter()
        .map(|d| {
            vec![
                label(graph, &d.state.into()),
                format!("{}: {}", found.first, d.first),
                format!("{}: {}", found.second, d.second),
            ]
        })
        .collect();
    out.push_str(&table_rows(&rows, "  "));
    out.push_str(
        "Why each commitment: `allied A B --strength any` shows the ties and their sources.\n",
    );
    if let Ok(Value::Object(fields)) = serde_json::to_value(&found) {
        for key in ["system_size", "similarity", "differences"] {
            if let Some(v) = fields.get(key) {
                j.insert(key.into(), v.clone());
            }
        }
    }
    // The JSON keeps the library's field names; --measure leaves out the others.
    if let Some(Value::Object(m)) = j.get_mut("similarity") {
        let fields = [
            "s_valued_squared",
            "s_valued_absolute",
            "s_binary_squared",
            "s_binary_absolute",
            "pi_valued",
            "pi_binary",
            "kappa_valued",
            "kappa_binary",
            "tau_b",
        ];
        for (field, column) in fields.iter().zip(Similarity::COLUMNS) {
            if !wanted(column) {
                m.remove(*field);
            }
        }
    }
    coverage_fields(&found.gaps, &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

/// `table similarity` and `table network`. With `--atop`, from ATOP's own coding of the
/// imported file, in the COW system of the world dataset; otherwise through the tie rules on
/// the data loaded, in its own states' system.
pub(crate) fn measures_table(
    graph: &AllianceGraph,
    kind: TableKind,
    from_atop: bool,
    years: std::ops::RangeInclusive<i32>,
    weights: Option<&Path>,
    output: Option<&Path>,
) -> Res<Output> {
    let (from, to) = (*years.start(), *years.end());
    if from > to {
        return Err(fail(
            format!("--from {from} is after --to {to}"),
            Some("give the first year first: --from 1816 --to 2018"),
        ));
    }
    // A year the sources do not cover at all has no rows to give: zeros there would be stated
    // as facts. Coverage is one span per graph, so the two end years decide; a year covered
    // in part (the one the review date falls in) is kept.
    let outside_on = |year: i32, month: u8, day: u8| {
        PartialDate::day(year, month, day)
            .map(|d| graph.as_of(d).outside_coverage())
            .unwrap_or_default()
    };
    for year in [from, to] {
        let outside = outside_on(year, 1, 1);
        if !outside.is_empty() && !outside_on(year, 12, 31).is_empty() {
            let names: Vec<String> = outside.iter().map(ToString::to_string).collect();
            return Err(fail(
                format!(
                    "{year} lies outside the coverage of {}: the data cannot say what anyone owed then",
                    names.join(", ")
                ),
                Some("give --from and --to within the years the sources cover (ATOP: 1816-2018; the world dataset: to its review date)"),
            ));
        }
    }
    let (system, rule) = if from_atop {
        (
            StateSystem::of(&datasets::world(), to),
            PortfolioRule::AtopDyadYears,
        )
    } else {
        (StateSystem::of(graph, to), PortfolioRule::Ties)
    };
    if years.clone().all(|y| system.members(y).is_empty()) {
        return Err(fail(
            format!("no state of the data has a COW code and was a state in {from}-{to}"),
            Some(
                "the measures tables are by COW code: use the world dataset or --atop atop5_1m.csv",
            ),
        ));
    }
    if let TableKind::Network = kind {
        let mut bytes = Vec::new();
        measures::write_network_table(graph, &system, rule, from, to, &mut bytes)?;
        return Ok(Output::Content {
            content: String::from_utf8_lossy(&bytes).into_owned(),
            file: output.map(Path::to_path_buf),
        });
    }
    let weights = match weights {
        None => None,
        Some(path) => {
            let file = std::fs::File::open(path)
                .map_err(|e| fail(format!("{}: {e}", path.display()), None))?;
            Some(Weights::from_csv(std::io::BufReader::new(file)).map_err(|e| {
                fail(
                    format!("{}: {e}", path.display()),
                    Some("the weights file is CSV with a header naming ccode, year and weight (or cinc)"),
                )
            })?)
        }
    };
    // Streamed: 1816-2018 is 370 MB.
    let written = super::super::output::stream_with(output, |w| {
        measures::write_similarity_table(graph, &system, rule, from, to, weights.as_ref(), w)
    })?;
    let Some(s) = written else {
        // The reader closed the pipe before the end (`| head`): no failure of ours.
        return Ok(Output::Streamed { note: None });
    };
    let mut note = format!(
        "similarity table: {} rows, {} years ({from}-{to}), portfolios from {}",
        s.rows,
        s.years,
        if from_atop {
            "ATOP's directed dyad-years"
        } else {
            "the tie rules on the data"
        }
    );
    if weights.is_some() {
        let _ = write!(
            note,
            "; {} state-years without a weight were left out of the weighted S",
            s.missing_weights
        );
    }
    Ok(Output::Streamed { note: Some(note) })
}

/// `balance`: the structural balance of alliances and recorded hostility on the date.
pub(crate) fn balance(view: &View<'_>, limit: usize) -> Res<(String, Value)> {
    let graph = view.graph();
    let gaps = view.gaps();
    if !gaps.outside.is_empty() {
        // No data on the date: no signed graph to count, only why.
        let mut out = format!("Structural balance as of {}: unknown.\n", view.date());
        let mut j = header("balance", view);
        j.insert("strength".into(), json!(view.strength().as_str()));
        j.insert("balance_ratio".into(), Value::Null);
        coverage_fields(&gaps, &mut j, &mut out, true);
        return Ok((out, Value::Object(j)));
    }
    let b = view.balance();
    let negative: Vec<&SignedTie<'_>> =
        b.ties.iter().filter(|t| t.sign == Sign::Negative).collect();
    let ambivalent: Vec<&SignedTie<'_>> = b.ties.iter().filter(|t| t.is_ambivalent()).collect();
    let positive = b.ties.len() - negative.len();
    let pair = |t: &SignedTie<'_>| {
        format!(
            "{} - {}",
            label(graph, &t.first.into()),
            label(graph, &t.second.into())
        )
    };
    let mut out = format!(
        "Structural balance as of {} (alliances at strength {}): {} allied pairs (+), {} hostile pairs (-), {} ambivalent\n",
        view.date(),
        view.strength(),
        positive,
        negative.len(),
        ambivalent.len()
    );
    let all = b.balanced + b.unbalanced.len();
    let _ = writeln!(
        out,
        "Triads: {all}, balanced {}, unbalanced {}; balance ratio {}",
        b.balanced,
        b.unbalanced.len(),
        b.ratio()
            .map_or("undefined (no triads)".into(), |r| format!("{r:.4}"))
    );
    let hostility_lines = |out: &mut String, t: &SignedTie<'_>| {
        for h in &t.hostility {
            let _ = writeln!(out, "      - {}", wrap(&h.to_string(), 96, "        "));
        }
    };
    out.push_str("Hostile pairs (-):\n");
    if negative.is_empty() {
        none_line(&mut out);
    }
    for t in &negative {
        let _ = writeln!(out, "  {}", pair(t));
        hostility_lines(&mut out, t);
    }
    if !ambivalent.is_empty() {
        out.push_str("Ambivalent pairs (allied, and hostility on record; counted as +):\n");
        for t in &ambivalent {
            let _ = writeln!(out, "  {}", pair(t));
            evidence_lines(&mut out, &t.alliance, "      ");
            hostility_lines(&mut out, t);
        }
    }
    let _ = writeln!(
        out,
        "Unbalanced triads{}:",
        if b.unbalanced.len() > limit {
            format!(" (the first {limit}; --limit N for more)")
        } else {
            String::new()
        }
    );
    if b.unbalanced.is_empty() {
        none_line(&mut out);
    }
    for t in b.unbalanced.iter().take(limit) {
        let names: Vec<String> = t
            .states
            .iter()
            .map(|s| label(graph, &(*s).into()))
            .collect();
        let _ = writeln!(out, "  {}", names.join(", "));
        for (x, y) in [(0, 1), (0, 2), (1, 2)] {
            let Some(tie) = b.tie(t.states[x], t.states[y]) else {
                continue;
            };
            let sign = if tie.sign == Sign::Positive { "+" } else { "-" };
            let _ = writeln!(out, "    {sign} {}", pair(tie));
            if tie.sign == Sign::Positive {
                evidence_lines(&mut out, &tie.alliance[..1], "      ");
            } else {
                hostility_lines(&mut out, tie);
            }
        }
    }
    let mut j = header("balance", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("positive_ties".into(), json!(positive));
    let ties = |v: &[&SignedTie<'_>]| serde_json::to_value(v).unwrap_or(Value::Null);
    j.insert("negative_ties".into(), ties(&negative));
    j.insert("ambivalent_ties".into(), ties(&ambivalent));
    j.insert("triads".into(), json!(all));
    j.insert("balanced".into(), json!(b.balanced));
    j.insert("balance_ratio".into(), json!(b.ratio()));
    j.insert(
        "unbalanced".into(),
        serde_json::to_value(&b.unbalanced).unwrap_or(Value::Null),
    );
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

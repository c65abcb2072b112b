//! The `alliance-graph` command-line tool: every question the library answers, in readable
//! text or JSON, on the built-in dataset or on data files. See `docs/CLI.md` for a tour and
//! the JSON output of every command.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alliance_graph::export::{Dot, GraphMl, Svg};
use alliance_graph::io::merge::merge;
use alliance_graph::io::{atop, json};
use alliance_graph::query::{Answer, Gaps, MemberOf, TieBasis, TieEvidence};
use alliance_graph::{
    datasets, ActorId, AllianceGraph, CountryId, Edit, Error, GroupingId, Issue, PartialDate,
    Scenario, Stance, StanceKind, Strength, Target, TreatyId, View,
};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};

/// Who is allied with whom: treaties, groupings and stated positions, as of any date.
///
/// Data comes from the built-in world dataset (ATOP 5.1 with a sourced review to 2026-11)
/// unless --data names files. Actors are named by id (JPN, nato) or by any name or alias
/// ("Britain", "Washington DC"), as of the date asked ("Germany" in 1970 is West Germany).
#[derive(Debug, Parser)]
#[command(name = "alliance-graph", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Options every command accepts, before or after the command name.
#[derive(Debug, Clone, Args)]
struct Global {
    /// A dataset file in the crate's JSON format; repeat to merge several, in order; write
    /// builtin:world or builtin:asian-nato for a built-in dataset [default: builtin:world]
    #[arg(long = "data", value_name = "FILE", global = true)]
    data: Vec<PathBuf>,
    /// An ATOP 5.1 member-level file (atop5_1m.csv): the world dataset is made from it (for
    /// `table`, it is imported as it is), merged after any --data files
    #[arg(long, value_name = "MEMBER_FILE", global = true)]
    atop: Option<PathBuf>,
    /// The date to ask about: YYYY, YYYY-MM or YYYY-MM-DD [default: today]
    #[arg(long = "as-of", value_name = "DATE", global = true, value_parser = parse_date)]
    as_of: Option<PartialDate>,
    /// Print one JSON document instead of text
    #[arg(long, global = true)]
    json: bool,
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    s.parse::<PartialDate>()
        .map_err(|e| format!("{e} (write the date as YYYY, YYYY-MM or YYYY-MM-DD)"))
}

fn parse_strength(s: &str) -> Result<Strength, String> {
    s.parse::<Strength>().map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(flatten)]
    Query(Query),
    /// Change the graph and see what changes: the diff, or any command run on the changed graph
    #[command(name = "what-if", subcommand)]
    WhatIf(WhatIf),
    /// ATOP-style tables (state-year, dyad-year), from an --atop import
    Table {
        /// Which table
        kind: TableKind,
        /// The dyad-year table with both directions (A, B) and (B, A), as ATOP's ddyr file
        #[arg(long)]
        directed: bool,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Validate a dataset file and report every problem in it
    Check {
        /// The file to check
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TableKind {
    /// One row per state and year
    StateYear,
    /// One row per pair of states and year
    DyadYear,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// The dataset in the crate's JSON format
    Json,
    /// GraphViz DOT
    Dot,
    /// GraphML (Gephi, Cytoscape, networkx, yEd)
    Graphml,
    /// A picture of the graph on the --as-of date
    Svg,
}

/// The questions; each also runs on a changed graph after `what-if`.
#[derive(Debug, Clone, Subcommand)]
enum Query {
    /// The states allied with ACTOR, and why
    Allies {
        /// A country, by id or name
        actor: String,
        /// How strong a tie must be: defense, offense, neutrality, non-aggression, consultation or any
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
    },
    /// Whether A and B are allied, and why
    Allied {
        /// A country
        a: String,
        /// Another country
        b: String,
        /// How strong a tie must be
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
    },
    /// The states bound to defend ACTOR
    Defenders {
        /// A country
        actor: String,
        /// Only nuclear-armed defenders
        #[arg(long)]
        nuclear: bool,
        /// The obligation owed (defense by default)
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
    },
    /// The shortest chain of ties from A to B
    Path {
        /// From this country
        a: String,
        /// To this country
        b: String,
        /// How strong each tie must be
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
    },
    /// The groups of states connected by ties
    Blocs {
        /// How strong a tie must be
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
    },
    /// The members of a grouping
    Members {
        /// A grouping, by id, acronym or name
        grouping: String,
    },
    /// The groupings a country belongs to
    Groupings {
        /// A country
        country: String,
    },
    /// Everything known about one actor
    Show {
        /// A country or grouping
        actor: String,
    },
    /// Who proposes, supports and refuses a target, said by whom and when
    Stances {
        /// A grouping or country
        target: String,
    },
    /// An actor's current stance on a target, and its history
    Stance {
        /// Who
        actor: String,
        /// On what: a grouping or country
        target: String,
    },
    /// Write the graph as JSON, DOT, GraphML or an SVG picture
    Export {
        /// The format
        #[arg(long, short, value_enum)]
        format: Format,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum WhatIf {
    /// Form GROUPING on the --as-of date with the given full members (created as a
    /// collective-defense alliance if it does not exist)
    Form {
        /// The grouping, by id or name; a new slug creates it
        grouping: String,
        /// The members, comma-separated ids or names
        #[arg(long, value_delimiter = ',', required = true)]
        members: Vec<String>,
        /// The strength at which the diff compares alliances
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
        /// What to report on the changed graph [default: the diff]
        #[command(subcommand)]
        then: Option<Query>,
    },
    /// End TREATY the day before the --as-of date
    End {
        /// The treaty's id
        treaty: String,
        /// The strength at which the diff compares alliances
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
        /// What to report on the changed graph [default: the diff]
        #[command(subcommand)]
        then: Option<Query>,
    },
}

/// A failure, with a hint on what to do about it.
#[derive(Debug)]
pub(crate) struct Failure {
    message: String,
    hint: Option<String>,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let hint = if e.location().is_some() || e.is_invalid() {
            Some("run `alliance-graph check FILE` to list every problem in the file".into())
        } else if e.is_unknown_actor() {
            Some("name a country by ISO alpha-3 id (JPN), name or alias; a grouping by its id (asian-nato) or acronym".into())
        } else {
            None
        };
        Failure {
            message: e.to_string(),
            hint,
        }
    }
}

fn fail(message: impl Into<String>, hint: Option<&str>) -> Failure {
    Failure {
        message: message.into(),
        hint: hint.map(str::to_string),
    }
}

pub(crate) type Res<T> = Result<T, Failure>;

/// What a command produced: text and JSON, or a file's contents (exports and tables).
pub(crate) enum Output {
    Report {
        text: String,
        json: Value,
    },
    Content {
        content: String,
        file: Option<PathBuf>,
    },
    /// A report whose command failed (check found problems): printed, then exit status 1.
    Failed {
        text: String,
        json: Value,
        message: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(Output::Report { text, json }) => {
            emit(&if cli.global.json { pretty(&json) } else { text });
            ExitCode::SUCCESS
        }
        Ok(Output::Content { content, file }) => match file {
            Some(path) => match std::fs::write(&path, content) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    report_error(&fail(format!("{}: {e}", path.display()), None));
                    ExitCode::FAILURE
                }
            },
            None => {
                emit(&content);
                ExitCode::SUCCESS
            }
        },
        Ok(Output::Failed {
            text,
            json,
            message,
        }) => {
            emit(&if cli.global.json { pretty(&json) } else { text });
            report_error(&fail(message, None));
            ExitCode::FAILURE
        }
        Err(f) => {
            report_error(&f);
            ExitCode::FAILURE
        }
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    s.push('\n');
    s
}

/// Writes to standard output, quietly stopping if the reader went away (`| head`).
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn report_error(f: &Failure) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {}", f.message);
    if let Some(h) = &f.hint {
        let _ = writeln!(err, "hint: {h}");
    }
}

pub(crate) fn run(cli: &Cli) -> Res<Output> {
    if let Command::Check { file } = &cli.command {
        return check(file);
    }
    let graph = load(&cli.global, matches!(cli.command, Command::Table { .. }))?;
    let date = cli.global.as_of.unwrap_or_else(|| graph.today().date());
    match &cli.command {
        Command::Query(q) => query(&graph, date, q),
        Command::WhatIf(w) => what_if(&graph, date, w),
        Command::Table {
            kind,
            directed,
            output,
        } => {
            if cli.global.atop.is_none() {
                return Err(fail(
                    "ATOP's tables are made from an ATOP member file",
                    Some("pass the ATOP member file: --atop atop5_1m.csv"),
                ));
            }
            table(&graph, *kind, *directed, output.as_deref())
        }
        Command::Check { .. } => unreachable!("handled above"),
    }
}

/// The pseudo-path for `--data` that names a built-in dataset: `builtin:world`,
/// `builtin:asian-nato`.
const BUILTIN: &str = "builtin:";

/// The data a command reads: the world dataset by default; `--data` files (or built-ins) in
/// order, merged; with `--atop`, the world made from that ATOP member file, after them (for
/// `table`, the plain import of that file: ATOP's own tables come from ATOP's own coding).
fn load(global: &Global, for_table: bool) -> Res<AllianceGraph> {
    let mut graphs: Vec<(String, AllianceGraph)> = Vec::new();
    for path in &global.data {
        let text = path.to_string_lossy();
        match text.strip_prefix(BUILTIN) {
            Some(name) if !path.exists() => {
                let graph = datasets::get(name).ok_or_else(|| {
                    fail(
                        format!("no built-in dataset {name:?}"),
                        Some(&format!(
                            "the built-in datasets are {}",
                            datasets::available()
                                .iter()
                                .map(|n| format!("{BUILTIN}{n}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    )
                })?;
                graphs.push((text.into_owned(), graph));
            }
            _ => graphs.push((path.display().to_string(), json::from_path(path)?)),
        }
    }
    if let Some(path) = &global.atop {
        let (graph, report) = if for_table {
            let imported = atop::import_members(path)?;
            (imported.graph, imported.report)
        } else {
            datasets::world_from_atop_path(path)?
        };
        if !report.issues.is_empty() {
            report_note(&format!("ATOP import of {}: {report}", path.display()));
        }
        graphs.push((path.display().to_string(), graph));
    }
    // The world holds the article's dataset already: merging it again would only clash.
    let holds_world = graphs
        .iter()
        .any(|(_, g)| g.document().name.as_deref() == Some("world"));
    if holds_world {
        graphs.retain(|(name, _)| {
            let again = name == "builtin:asian-nato";
            if again {
                report_note(
                    "builtin:asian-nato is part of the world dataset already; not merged again",
                );
            }
            !again
        });
    }
    let mut graphs = graphs.into_iter();
    let Some((_, mut graph)) = graphs.next() else {
        return Ok(datasets::world());
    };
    for (name, next) in graphs {
        let (merged, report) = merge(&graph, &next).map_err(|e| {
            let mut f = Failure::from(e);
            f.message = format!("cannot merge {name} into the data before it: {}", f.message);
            f.hint = Some("the files disagree on a record with the same id; fix one of them or pass them separately".into());
            f
        })?;
        for c in &report.conflicts {
            report_note(&format!("merging {name}: kept the first file's value: {c}"));
        }
        graph = merged;
    }
    Ok(graph)
}

fn report_note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "note: {text}");
}

// ---------------------------------------------------------------------------------------
// Shared formatting.

/// "Japan (JPN)".
fn label(graph: &AllianceGraph, id: &ActorId) -> String {
    match graph.name_of(id) {
        Some(name) if name != id.as_str() => format!("{name} ({id})"),
        _ => id.to_string(),
    }
}

fn name(graph: &AllianceGraph, id: &ActorId) -> String {
    graph.name_of(id).unwrap_or(id.as_str()).to_string()
}

fn actor_json(graph: &AllianceGraph, id: &ActorId) -> Value {
    json!({
        "id": id.as_str(),
        "name": name(graph, id),
        "kind": match id { ActorId::Country(_) => "country", ActorId::Grouping(_) => "grouping" },
    })
}

fn basis_json(b: &TieBasis) -> Value {
    match b {
        TieBasis::Treaty { id, name, atop_id } => {
            json!({"type": "treaty", "id": id.as_str(), "name": name, "atop_id": atop_id})
        }
        TieBasis::Grouping { id, name } => {
            json!({"type": "grouping", "id": id.as_str(), "name": name})
        }
    }
}

fn evidence_json(e: &TieEvidence) -> Value {
    json!({
        "basis": basis_json(&e.basis),
        "obligation": e.obligation.map(|o| o.as_str()),
        "owed_by": e.owed_by.iter().map(CountryId::as_str).collect::<Vec<_>>(),
        "owed_to": e.owed_to.iter().map(CountryId::as_str).collect::<Vec<_>>(),
        "mutual": e.is_mutual(),
        "since": e.since.map(|d| d.to_string()),
        "until": e.until.map(|d| d.to_string()),
        "conditions": e.conditions,
        "sources": e.sources.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "text": e.to_string(),
    })
}

fn evidence_list(evidence: &[TieEvidence]) -> Value {
    Value::Array(evidence.iter().map(evidence_json).collect())
}

fn target_json(t: &Target) -> Value {
    match t {
        Target::Grouping(g) => json!({"grouping": g.as_str()}),
        Target::Country(c) => json!({"country": c.as_str()}),
        Target::Membership { country, grouping } => {
            json!({"membership": {"country": country.as_str(), "grouping": grouping.as_str()}})
        }
    }
}

fn stance_json(graph: &AllianceGraph, s: &Stance) -> Value {
    json!({
        "by": s.actor.as_str(),
        "by_name": name(graph, &s.actor),
        "kind": s.kind.as_str(),
        "target": target_json(&s.target),
        "target_text": target_text(&s.target),
        "speaker": s.speaker.as_ref().map(|sp| json!({"name": sp.name, "office": sp.office})),
        "date": s.date.to_string(),
        "quote": s.quote,
        "summary": s.summary,
        "evidence": s.evidence.as_str(),
        "source": s.source.as_str(),
        "note": s.note,
    })
}

fn target_text(t: &Target) -> String {
    match t {
        Target::Membership { country, grouping } => format!("{country} joining {grouping}"),
        other => other.to_string(),
    }
}

fn speaker_text(s: &Stance) -> String {
    s.speaker
        .as_ref()
        .map_or("speaker not named".into(), |sp| match &sp.office {
            Some(office) => format!("{}, {}", sp.name, office),
            None => sp.name.clone(),
        })
}

/// Wraps `text` at `width` columns, each line after the first indented by `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
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

/// The lines describing a stance, each prefixed by `indent`.
fn stance_lines(out: &mut String, s: &Stance, indent: &str) {
    let _ = writeln!(
        out,
        "{indent}{} {} {} ({}; {}; {}; source: {})",
        s.actor,
        s.kind,
        target_text(&s.target),
        speaker_text(s),
        s.date,
        s.evidence,
        s.source
    );
    let deeper = format!("{indent}    ");
    if let Some(q) = &s.quote {
        let _ = writeln!(
            out,
            "{deeper}quote: {}",
            wrap(
                &format!("\u{201c}{q}\u{201d}"),
                92,
                &format!("{deeper}       ")
            )
        );
    }
    if let Some(sm) = &s.summary {
        let _ = writeln!(
            out,
            "{deeper}source says: {}",
            wrap(sm, 86, &format!("{deeper}             "))
        );
    }
}

fn evidence_lines(out: &mut String, evidence: &[TieEvidence], indent: &str) {
    for e in evidence {
        let _ = writeln!(
            out,
            "{indent}- {}",
            wrap(&e.to_string(), 96, &format!("{indent}  "))
        );
    }
}

/// Rows of cells, left-aligned in columns.
fn table_rows(rows: &[Vec<String>], indent: &str) -> String {
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

fn header(command: &str, view: &View<'_>) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("command".into(), json!(command));
    m.insert("as_of".into(), json!(view.date().to_string()));
    m
}

/// The coverage of an answer about `actors` (the whole graph when empty), as every
/// command's JSON carries it: `answer` (`known`, `partial` or `unknown`, unless the command
/// set its own), `outside_coverage`, `open_ties` and `not_states`; with `text`, a closing
/// line naming what is not known.
fn coverage(
    view: &View<'_>,
    actors: &[ActorId],
    j: &mut serde_json::Map<String, Value>,
    out: &mut String,
    text: bool,
) {
    let countries: Vec<CountryId> = actors.iter().filter_map(ActorId::as_country).collect();
    let gaps = if countries.is_empty() {
        view.gaps()
    } else {
        view.gaps_for(&countries)
    };
    coverage_fields(&gaps, j, out, text);
}

/// The coverage of a grouping's membership: what the data cover of the treaty it names.
fn coverage_of_grouping(
    view: &View<'_>,
    id: &GroupingId,
    j: &mut serde_json::Map<String, Value>,
    out: &mut String,
) {
    let mut gaps = view.gaps();
    let treaty = view.graph().grouping(id).and_then(|g| g.treaty.clone());
    gaps.open.retain(|t| Some(&t.treaty) == treaty.as_ref());
    coverage_fields(&gaps, j, out, true);
}

fn coverage_fields(
    gaps: &Gaps,
    j: &mut serde_json::Map<String, Value>,
    out: &mut String,
    text: bool,
) {
    let answer = if !gaps.outside.is_empty() || !gaps.not_states.is_empty() {
        "unknown"
    } else if !gaps.open.is_empty() {
        "partial"
    } else {
        "known"
    };
    j.entry("answer").or_insert(json!(answer));
    let outside: Vec<&str> = gaps.outside.iter().map(|s| s.as_str()).collect();
    j.insert("outside_coverage".into(), json!(outside));
    let open: Vec<Value> = gaps
        .open
        .iter()
        .map(|t| {
            json!({
                "treaty": t.treaty.as_str(),
                "name": t.name,
                "atop_id": t.atop_id,
                "known_until": t.known_until.to_string(),
                "parties": t.parties.iter().map(CountryId::as_str).collect::<Vec<_>>(),
            })
        })
        .collect();
    j.insert("open_ties".into(), Value::Array(open));
    let not_states: Vec<&str> = gaps.not_states.iter().map(CountryId::as_str).collect();
    j.insert("not_states".into(), json!(not_states));
    if !text || gaps.is_empty() {
        return;
    }
    const SHOWN: usize = 5;
    let shown = Gaps {
        open: gaps.open.iter().take(SHOWN).cloned().collect(),
        ..gaps.clone()
    };
    let more = gaps.open.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!("; and {more} more open ties (--json lists them)")
    } else {
        String::new()
    };
    let head = if answer == "unknown" {
        "Unknown"
    } else {
        "Not known past their sources"
    };
    let _ = writeln!(out, "{head}: {shown}{more}.");
}

fn none_line(out: &mut String) {
    out.push_str("  none\n");
}

// ---------------------------------------------------------------------------------------
// Queries.

fn query(graph: &AllianceGraph, date: PartialDate, q: &Query) -> Res<Output> {
    let view = graph.as_of(date);
    let (text, json) = match q {
        Query::Allies { actor, strength } => allies(&view.with_strength(*strength), actor)?,
        Query::Allied { a, b, strength } => allied(&view.with_strength(*strength), a, b)?,
        Query::Defenders {
            actor,
            nuclear,
            strength,
        } => defenders(&view.with_strength(*strength), actor, *nuclear)?,
        Query::Path { a, b, strength } => path(&view.with_strength(*strength), a, b)?,
        Query::Blocs { strength } => blocs(&view.with_strength(*strength))?,
        Query::Members { grouping } => members(&view, grouping)?,
        Query::Groupings { country } => groupings(&view, country)?,
        Query::Show { actor } => show(&view, actor)?,
        Query::Stances { target } => stances(&view, target)?,
        Query::Stance { actor, target } => stance(&view, actor, target)?,
        Query::Export { format, output } => {
            let content = match format {
                Format::Json => json::to_string(graph)? + "\n",
                Format::Dot => Dot::new(graph).to_string(),
                Format::Graphml => GraphMl::new(graph).to_string(),
                Format::Svg => {
                    // The picture places every state's label by search; past a few dozen
                    // states it is slow and unreadable (a picture of the world is to come).
                    let states = graph.countries().count();
                    if states > SVG_MAX_STATES {
                        return Err(fail(
                            format!("the data hold {states} states; the SVG picture draws at most {SVG_MAX_STATES}"),
                            Some("draw a smaller dataset, e.g. --data builtin:asian-nato, or export --format dot or graphml for a graph tool"),
                        ));
                    }
                    Svg::new(&view).to_string()
                }
            };
            return Ok(Output::Content {
                content,
                file: output.clone(),
            });
        }
    };
    Ok(Output::Report { text, json })
}

/// The most states the SVG picture draws.
const SVG_MAX_STATES: usize = 60;

fn strength_note(view: &View<'_>) -> String {
    format!("as of {}, strength: {}", view.date(), view.strength())
}

fn allies(view: &View<'_>, actor: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let who = view.resolve(actor)?;
    let allies = view.allies(actor)?;
    let mut out = format!(
        "Allies of {} ({}): {}\n",
        label(graph, &who),
        strength_note(view),
        allies.len()
    );
    if allies.is_empty() {
        none_line(&mut out);
        if view.strength() != Strength::Any {
            out.push_str("  (try --strength any to include ties without obligation)\n");
        }
    }
    let rows: Vec<Vec<String>> = allies
        .iter()
        .map(|a| vec![a.country.to_string(), name(graph, &a.country.into())])
        .collect();
    let aligned = table_rows(&rows, "  ");
    for (line, a) in aligned.lines().zip(&allies) {
        let _ = writeln!(out, "{line}");
        evidence_lines(&mut out, &a.evidence, "      ");
    }
    let mut j = header("allies", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("actor".into(), actor_json(graph, &who));
    j.insert(
        "results".into(),
        Value::Array(
            allies
                .iter()
                .map(|a| {
                    json!({
                        "id": a.country.as_str(),
                        "name": name(graph, &a.country.into()),
                        "evidence": evidence_list(&a.evidence),
                    })
                })
                .collect(),
        ),
    );
    coverage(view, &[who], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

fn allied(view: &View<'_>, a: &str, b: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let (ia, ib) = (view.resolve(a)?, view.resolve(b)?);
    let answer = view.allied(a, b)?;
    let shared = view.shared_groupings(a, b)?;
    let (la, lb) = (label(graph, &ia), label(graph, &ib));
    let mut out = String::new();
    let (allied, word, evidence, outside): (Value, &str, &[TieEvidence], Vec<String>) =
        match &answer {
            Answer::Yes(e) => (json!(true), "yes", e.as_slice(), vec![]),
            Answer::No => (json!(false), "no", &[], vec![]),
            Answer::Unknown(gaps) => (
                Value::Null,
                "unknown",
                &[],
                gaps.outside.iter().map(|s| s.to_string()).collect(),
            ),
        };
    match &answer {
        Answer::Yes(e) => {
            let _ = writeln!(
                out,
                "Yes: {la} and {lb} are allied ({}).",
                strength_note(view)
            );
            evidence_lines(&mut out, e, "  ");
        }
        Answer::No => {
            let _ = writeln!(
                out,
                "No: {la} and {lb} are not allied ({}): neither owes the other {}.",
                strength_note(view),
                view.strength()
                    .weakest()
                    .map_or("any formal tie".to_string(), |o| o.to_string())
            );
            let former = view.former_ties(a, b)?;
            if !former.is_empty() {
                let _ = writeln!(out, "  Formerly, ended before {}:", view.date());
                evidence_lines(&mut out, &former, "  ");
            }
        }
        Answer::Unknown(gaps) => {
            let _ = writeln!(
                out,
                "Unknown: the data hold no tie between {la} and {lb} ({}) on {}, but {gaps}.",
                strength_note(view),
                view.date(),
            );
        }
    }
    let shared_json: Vec<Value> = shared
        .iter()
        .filter_map(|s| {
            let g = graph.grouping(&s.grouping)?;
            let obligations: Vec<&str> = g.obligations.iter().map(|o| o.as_str()).collect();
            Some(json!({
                "id": g.id.as_str(),
                "name": g.acronym.as_deref().unwrap_or(&g.name),
                "kind": g.kind.as_str(),
                "obligations": obligations,
            }))
        })
        .collect();
    for s in &shared {
        if let Some(g) = graph.grouping(&s.grouping) {
            let carries = match g.treaty.as_ref().and_then(|t| graph.treaty(t)) {
                Some(t) => format!("the ties of {} (above, when they bind the two)", t.name),
                None if g.obligations.is_empty() => "no obligation".to_string(),
                None => g
                    .obligations
                    .iter()
                    .map(|o| o.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let _ = writeln!(
                out,
                "  Both belong to {} ({}), a grouping of kind {} whose membership carries {carries}.",
                g.acronym.as_deref().unwrap_or(&g.name),
                g.id,
                g.kind
            );
        }
    }
    let mut j = header("allied", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("a".into(), actor_json(graph, &ia));
    j.insert("b".into(), actor_json(graph, &ib));
    j.insert("allied".into(), allied);
    j.insert("answer".into(), json!(word));
    j.insert("evidence".into(), evidence_list(evidence));
    j.insert("outside_coverage".into(), json!(outside));
    j.insert("shared_groupings".into(), Value::Array(shared_json));
    coverage(view, &[ia, ib], &mut j, &mut out, false);
    Ok((out, Value::Object(j)))
}

fn defenders(view: &View<'_>, actor: &str, nuclear: bool) -> Res<(String, Value)> {
    let graph = view.graph();
    let who = view.resolve(actor)?;
    let mut list = view.defenders_of(actor)?;
    if nuclear {
        list.retain(|d| d.nuclear_armed);
    }
    let what = view
        .strength()
        .weakest()
        .map_or("a formal tie".to_string(), |o| o.to_string());
    let mut out = format!(
        "{} that owe {} {what} ({}): {}\n",
        if nuclear {
            "Nuclear-armed states"
        } else {
            "States"
        },
        label(graph, &who),
        strength_note(view),
        list.len()
    );
    if list.is_empty() {
        none_line(&mut out);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            vec![
                d.country.to_string(),
                name(graph, &d.country.into()),
                if d.nuclear_armed { "nuclear-armed" } else { "" }.to_string(),
            ]
        })
        .collect();
    for (line, d) in table_rows(&rows, "  ").lines().zip(&list) {
        let _ = writeln!(out, "{line}");
        evidence_lines(&mut out, &d.evidence, "      ");
    }
    let mut j = header("defenders", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("actor".into(), actor_json(graph, &who));
    j.insert("nuclear_only".into(), json!(nuclear));
    j.insert(
        "results".into(),
        Value::Array(
            list.iter()
                .map(|d| {
                    json!({
                        "id": d.country.as_str(),
                        "name": name(graph, &d.country.into()),
                        "nuclear_armed": d.nuclear_armed,
                        "evidence": evidence_list(&d.evidence),
                    })
                })
                .collect(),
        ),
    );
    coverage(view, &[who], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

fn path(view: &View<'_>, a: &str, b: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let (ia, ib) = (view.resolve(a)?, view.resolve(b)?);
    let found = view.alliance_path(a, b)?;
    let mut out = String::new();
    let mut results = Vec::new();
    match &found {
        Some(p) => {
            let ids: Vec<String> = if p.hops.is_empty() {
                vec![ia.to_string()]
            } else {
                p.countries().iter().map(ToString::to_string).collect()
            };
            let _ = writeln!(
                out,
                "Chain of ties from {} to {} ({}): {}",
                label(graph, &ia),
                label(graph, &ib),
                strength_note(view),
                ids.join(" -> ")
            );
            results.push(json!({
                "id": ia.as_str(), "name": name(graph, &ia), "from": Value::Null, "evidence": [],
            }));
            for hop in &p.hops {
                let _ = writeln!(
                    out,
                    "  {} -> {}",
                    label(graph, &hop.from.into()),
                    label(graph, &hop.to.into())
                );
                evidence_lines(&mut out, &hop.evidence, "      ");
                results.push(json!({
                    "id": hop.to.as_str(),
                    "name": name(graph, &hop.to.into()),
                    "from": hop.from.as_str(),
                    "evidence": evidence_list(&hop.evidence),
                }));
            }
        }
        None => {
            let _ = writeln!(
                out,
                "No chain of ties links {} to {} ({}).",
                label(graph, &ia),
                label(graph, &ib),
                strength_note(view)
            );
        }
    }
    let mut j = header("path", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("from".into(), actor_json(graph, &ia));
    j.insert("to".into(), actor_json(graph, &ib));
    j.insert("found".into(), json!(found.is_some()));
    j.insert("results".into(), Value::Array(results));
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

fn blocs(view: &View<'_>) -> Res<(String, Value)> {
    let graph = view.graph();
    let blocs = view.blocs();
    let mut out = format!("Blocs ({}): {}\n", strength_note(view), blocs.len());
    if blocs.is_empty() {
        none_line(&mut out);
    }
    let mut results = Vec::new();
    for (k, bloc) in blocs.iter().enumerate() {
        // What holds the bloc together: every treaty and grouping behind its ties.
        let mut bases: Vec<TieBasis> = Vec::new();
        for c in &bloc.members {
            for ally in view.allies(*c)? {
                for e in ally.evidence {
                    if !bases.contains(&e.basis) {
                        bases.push(e.basis);
                    }
                }
            }
        }
        bases.sort();
        let members: Vec<String> = bloc
            .members
            .iter()
            .map(|c| format!("{} ({c})", name(graph, &(*c).into())))
            .collect();
        let _ = writeln!(
            out,
            "  {}. {} states: {}",
            k + 1,
            bloc.members.len(),
            wrap(&members.join(", "), 92, "       ")
        );
        let _ = writeln!(out, "     held together by:");
        for b in &bases {
            let _ = writeln!(out, "       - {}", wrap(&b.to_string(), 88, "         "));
        }
        results.push(json!({
            "bloc": k + 1,
            "size": bloc.members.len(),
            "members": bloc.members.iter().map(|c| json!({"id": c.as_str(), "name": name(graph, &(*c).into())})).collect::<Vec<_>>(),
            "bases": bases.iter().map(basis_json).collect::<Vec<_>>(),
        }));
    }
    let mut j = header("blocs", view);
    j.insert("strength".into(), json!(view.strength().as_str()));
    j.insert("results".into(), Value::Array(results));
    coverage(view, &[], &mut j, &mut out, true);
    Ok((out, Value::Object(j)))
}

fn grouping_summary(graph: &AllianceGraph, view: &View<'_>, id: &GroupingId) -> (String, Value) {
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

fn members(view: &View<'_>, grouping: &str) -> Res<(String, Value)> {
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
                .map(|m| {
                    json!({
                        "id": m.country.as_str(),
                        "name": name(graph, &m.country.into()),
                        "role": m.role.as_str(),
                        "start": m.start.map(|d| d.to_string()),
                        "end": m.end.map(|d| d.to_string()),
                        "source": m.source.as_str(),
                    })
                })
                .collect(),
        ),
    );
    coverage_of_grouping(view, &id, &mut j, &mut out);
    Ok((out, Value::Object(j)))
}

/// A grouping's members, one row each, or "none".
fn member_table(graph: &AllianceGraph, list: &[MemberOf]) -> String {
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

fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("since {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "dates unknown".into(),
    }
}

fn groupings(view: &View<'_>, country: &str) -> Res<(String, Value)> {
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

fn made_by(view: &View<'_>, s: &Stance) -> bool {
    s.date.counts_by(&view.span())
}

fn show(view: &View<'_>, actor: &str) -> Res<(String, Value)> {
    let graph = view.graph();
    let id = view.resolve(actor)?;
    let mut out = String::new();
    let mut j = header("show", view);
    let mut by: Vec<&Stance> = graph
        .stances()
        .filter(|s| s.actor == id && made_by(view, s))
        .collect();
    by.sort_by_key(|s| s.date);
    let mut on: Vec<&Stance> = graph
        .stances()
        .filter(|s| s.target.actors().contains(&id) && made_by(view, s))
        .collect();
    on.sort_by_key(|s| s.date);
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
            for (word, list) in [
                ("proposes", &c.proposers),
                ("supports", &c.supporters),
                ("refuses", &c.refusers),
            ] {
                for p in list {
                    any = true;
                    let _ = writeln!(
                        out,
                        "  {} {word} ({}, {})",
                        label(graph, &p.actor),
                        p.stance.date,
                        p.stance.evidence
                    );
                }
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

fn position_item(graph: &AllianceGraph, id: &ActorId, position: &str, s: &Stance) -> Value {
    let mut v = stance_json(graph, s);
    v["id"] = json!(id.as_str());
    v["name"] = json!(name(graph, id));
    v["position"] = json!(position);
    v
}

/// A list of positions: its title, the position's name in JSON, and the actors with their
/// deciding stance.
type Section<'g> = (&'static str, &'static str, Vec<(ActorId, &'g Stance)>);

fn stances(view: &View<'_>, target: &str) -> Res<(String, Value)> {
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

fn stance(view: &View<'_>, actor: &str, target: &str) -> Res<(String, Value)> {
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

// ---------------------------------------------------------------------------------------
// What-if.

fn what_if(graph: &AllianceGraph, date: PartialDate, w: &WhatIf) -> Res<Output> {
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
            let inner = query(&outcome.graph, date, q)?;
            Ok(match inner {
                Output::Report { text, json } => {
                    let mut json = json;
                    if let Value::Object(m) = &mut json {
                        m.insert("scenario".into(), scenario_json);
                        m.insert(
                            "diff".into(),
                            diff_json(graph, &outcome, date, scenario.strength),
                        );
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

fn diff_json(
    before: &AllianceGraph,
    outcome: &alliance_graph::Outcome,
    date: PartialDate,
    strength: Strength,
) -> Value {
    diff_text(before, outcome, date, strength).1
}

fn diff_text(
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
    let pair_evidence = |v: &View<'_>, a: CountryId, b: CountryId| -> Vec<TieEvidence> {
        v.are_allied(a, b).ok().flatten().unwrap_or_default()
    };
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

fn before_or<'a>(
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

// ---------------------------------------------------------------------------------------
// Tables and checks.

fn table(
    graph: &AllianceGraph,
    kind: TableKind,
    directed: bool,
    output: Option<&Path>,
) -> Res<Output> {
    if !graph.treaties().any(|t| t.id.as_str().starts_with("atop-")) {
        return Err(fail(
            "the data hold no ATOP alliances (treaties with an atop-<id> id), so the table would be empty",
            Some("pass the ATOP member file: --atop atop5_1m.csv"),
        ));
    }
    let mut bytes = Vec::new();
    match kind {
        TableKind::StateYear => atop::write_state_year(graph, &mut bytes)?,
        TableKind::DyadYear => atop::write_dyad_year(graph, directed, &mut bytes)?,
    }
    let content = String::from_utf8(bytes).map_err(|_| {
        fail(
            "the table is not valid UTF-8 (a bug; please report it)",
            None,
        )
    })?;
    Ok(Output::Content {
        content,
        file: output.map(Path::to_path_buf),
    })
}

fn check(file: &Path) -> Res<Output> {
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
        let n = lines.len();
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

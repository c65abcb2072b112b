//! The `alliance-graph` command-line tool: every question the library answers, in readable
//! text or JSON, on the built-in dataset or on data files. See `docs/CLI.md` for a tour and
//! the JSON output of every command.
//!
//! The layout: `args` (the command line), `load` (the data), `render` and `coverage` (what
//! every command prints), `commands/` (one file per command).

mod args;
mod commands;
mod coverage;
mod load;
pub(crate) mod output;
pub(crate) mod prelude;
mod render;

use std::process::ExitCode;

use clap::Parser;

pub(crate) use args::Cli;
use prelude::*;

/// A failure, with a hint on what to do about it.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let hint = if e.location().is_some() && !e.is_io() {
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

pub(crate) fn fail(message: impl Into<String>, hint: Option<&str>) -> Failure {
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
    /// Written already, streamed to its file or standard output; `note` goes to stderr.
    Streamed {
        note: Option<String>,
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
    EXIT_AFTER_RUN.store(true, std::sync::atomic::Ordering::Relaxed);
    // Every way out: what to print or write, and the failure to report, if any.
    let mut printed_report = false;
    let (written, failure) = match run(&cli) {
        Ok(Output::Report { text, json }) => (
            output::emit(&if cli.global.json { pretty(&json) } else { text }),
            None,
        ),
        Ok(Output::Content { content, file }) => (
            match file {
                Some(path) => output::write_file(&path, content.as_bytes()),
                None => output::emit(&content),
            },
            None,
        ),
        Ok(Output::Streamed { note }) => {
            if let Some(note) = note {
                report_note(&note);
            }
            (Ok(()), None)
        }
        Ok(Output::Failed {
            text,
            json,
            message,
        }) => {
            printed_report = true;
            (
                output::emit(&if cli.global.json { pretty(&json) } else { text }),
                Some(fail(message, None)),
            )
        }
        Err(f) => (Ok(()), Some(f)),
    };
    match (written, failure) {
        (Ok(()), None) => ExitCode::SUCCESS,
        (Err(f), _) => {
            report_error(&f);
            ExitCode::FAILURE
        }
        (Ok(()), Some(f)) => {
            // With --json, a command that printed no document prints the error as one (a
            // failed check has already printed its report).
            if cli.global.json && !printed_report {
                let doc = json!({"error": {"message": f.message, "hint": f.hint}});
                let _ = output::emit(&pretty(&doc));
            }
            report_error(&f);
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    s.push('\n');
    s
}

pub(crate) fn report_error(f: &Failure) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {}", f.message);
    if let Some(h) = &f.hint {
        let _ = writeln!(err, "hint: {h}");
    }
}

/// Set by `main`: the process ends right after [`run`], so the graph it loaded need not be
/// freed. Freeing the records of an ATOP import one by one took a tenth of `table`'s time;
/// callers that run many times (the fuzz targets) leave it unset and free each graph.
pub(crate) static EXIT_AFTER_RUN: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

pub(crate) fn run(cli: &Cli) -> Res<Output> {
    if let Command::Check { file } = &cli.command {
        return check(file);
    }
    let graph = std::mem::ManuallyDrop::new(load(
        &cli.global,
        matches!(cli.command, Command::Table { .. }),
    )?);
    let answer = answer(cli, &graph);
    if !EXIT_AFTER_RUN.load(std::sync::atomic::Ordering::Relaxed) {
        drop(std::mem::ManuallyDrop::into_inner(graph));
    }
    answer
}

/// The command's answer on the loaded graph.
fn answer(cli: &Cli, graph: &AllianceGraph) -> Res<Output> {
    let date = cli.global.as_of.unwrap_or_else(|| graph.today().date());
    match &cli.command {
        Command::Query(q) => query(graph, date, q, None),
        Command::WhatIf(w) => what_if(graph, date, w),
        Command::Table {
            kind: kind @ (TableKind::Similarity | TableKind::Network),
            directed,
            from,
            to,
            weights,
            output,
        } => {
            let from_atop = cli.global.atop.is_some();
            // ATOP ends in 2018; the data loaded run to the date asked.
            let to = to.unwrap_or(if from_atop { 2018 } else { date.year_part() });
            if *directed {
                return Err(fail(
                    "--directed is for the dyad-year table",
                    Some("the similarity table has both orders of every pair already; the network table is by state"),
                ));
            }
            if weights.is_some() && matches!(kind, TableKind::Network) {
                return Err(fail(
                    "--weights is for the similarity table (the weighted S)",
                    None,
                ));
            }
            measures_table(
                graph,
                *kind,
                from_atop,
                from.unwrap_or(1816)..=to,
                weights.as_deref(),
                output.as_deref(),
            )
        }
        Command::Table {
            kind,
            directed,
            output,
            from,
            to,
            weights,
        } => {
            if from.is_some() || to.is_some() || weights.is_some() {
                return Err(fail(
                    "--from, --to and --weights are for the similarity and network tables",
                    Some("ATOP's state-year and dyad-year tables always cover all of ATOP's years"),
                ));
            }
            if cli.global.atop.is_none() {
                return Err(fail(
                    "ATOP's tables are made from an ATOP member file",
                    Some("pass the ATOP member file: --atop atop5_1m.csv"),
                ));
            }
            table(graph, *kind, *directed, output.as_deref())
        }
        Command::Check { .. } => unreachable!("handled above"),
    }
}

pub(crate) fn report_note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "note: {text}");
}

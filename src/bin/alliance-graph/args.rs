//! The command line: global options, commands and their arguments (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::prelude::*;

/// Who is allied with whom: treaties, groupings and stated positions, as of any date.
///
/// Data comes from the built-in world dataset (ATOP 5.1 with a sourced review to 2026-11)
/// unless --data names files. Actors are named by id (JPN, nato) or by any name or alias
/// ("Britain", "Washington DC"), as of the date asked ("Germany" in 1970 is West Germany).
#[derive(Debug, Parser)]
#[command(name = "alliance-graph", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every command accepts, before or after the command name.
#[derive(Debug, Clone, Args)]
pub(crate) struct Global {
    /// A dataset file in the crate's JSON format; repeat to merge several, in order; write
    /// builtin:world or builtin:asian-nato for a built-in dataset [default: builtin:world]
    #[arg(long = "data", value_name = "FILE", global = true)]
    pub(crate) data: Vec<PathBuf>,
    /// An ATOP 5.1 member-level file (atop5_1m.csv): the world dataset is made from it (for
    /// `table`, it is imported as it is), merged after any --data files
    #[arg(long, value_name = "MEMBER_FILE", global = true)]
    pub(crate) atop: Option<PathBuf>,
    /// The date to ask about: YYYY, YYYY-MM or YYYY-MM-DD [default: today]
    #[arg(long = "as-of", value_name = "DATE", global = true, value_parser = parse_date)]
    pub(crate) as_of: Option<PartialDate>,
    /// Print one JSON document instead of text
    #[arg(long, global = true)]
    pub(crate) json: bool,
}

pub(crate) fn parse_date(s: &str) -> Result<PartialDate, String> {
    s.parse::<PartialDate>()
        .map_err(|e| format!("{e} (write the date as YYYY, YYYY-MM or YYYY-MM-DD)"))
}

pub(crate) fn parse_strength(s: &str) -> Result<Strength, String> {
    s.parse::<Strength>().map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    #[command(flatten)]
    Query(Query),
    /// Change the graph and see what changes: the diff, or any command run on the changed graph
    #[command(name = "what-if", subcommand)]
    WhatIf(WhatIf),
    /// Tables: ATOP's state-year and dyad-year (from an --atop import), and the dyad-year
    /// alliance-portfolio similarity table (FPSIM's columns)
    Table {
        /// Which table
        kind: TableKind,
        /// The dyad-year table with both directions (A, B) and (B, A), as ATOP's ddyr file
        #[arg(long)]
        directed: bool,
        /// The first year (similarity, network) [default: 1816]
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// The last year (similarity, network) [default: 2018 with --atop, else the --as-of year or this year]
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// Weights per state and year for the weighted S (similarity): CSV with columns
        /// ccode, year and weight (or cinc, as in COW's capabilities file)
        #[arg(long, value_name = "FILE")]
        weights: Option<PathBuf>,
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
pub(crate) enum TableKind {
    /// One row per state and year
    StateYear,
    /// One row per pair of states and year
    DyadYear,
    /// The similarity of every two states' alliance portfolios, every year (FPSIM's columns)
    Similarity,
    /// Network measures per state and year (degree, eigenvector and betweenness centrality,
    /// clustering, k-core, bloc) on the defense and the any-obligation graphs
    Network,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// The dataset in the crate's JSON format
    Json,
    /// GraphViz DOT
    Dot,
    /// GraphML (Gephi, Cytoscape, networkx, yEd)
    Graphml,
    /// A picture of the graph on the --as-of date
    Svg,
    /// A world map on the --as-of date, coloured by --actor, --blocs or --stances-on
    Map,
    /// One self-contained interactive page: the map, the network, a date slider and search
    Html,
}

/// The questions; each also runs on a changed graph after `what-if`.
#[derive(Debug, Clone, Subcommand)]
pub(crate) enum Query {
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
    /// How alike two states' alliance portfolios are: S, Scott's pi, Cohen's kappa, Kendall's
    /// tau-b, and where the portfolios differ
    Similarity {
        /// A country
        a: String,
        /// Another country
        b: String,
        /// Only these measures, by their FPSIM column names (sallyvs, sallyva, sallybs,
        /// sallyba, pallyv, pallyb, kallyv, kallyb, taub); repeat or separate by commas
        #[arg(long = "measure", value_name = "NAME", value_delimiter = ',')]
        measures: Vec<String>,
    },
    /// Structural balance: alliances (+) and recorded hostility (-) as a signed graph; the
    /// balanced and unbalanced triads, with the evidence for each sign
    Balance {
        /// How strong an alliance must be to count as +
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
        /// How many unbalanced triads to print in full
        #[arg(long, default_value_t = 20)]
        limit: usize,
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
    /// If ATTACKERS attack TARGETS: who is bound to defend, join, stay neutral, consult; which
    /// promises break; how the war spreads
    Attack {
        /// The attacking states, comma-separated
        attackers: String,
        /// The states attacked, comma-separated
        targets: String,
        /// Follow at most this many rounds of states joining [default: to a fixed point]
        #[arg(long)]
        depth: Option<usize>,
        /// Let duties whose conditions the data cannot decide make states join too
        #[arg(long)]
        follow_undecidable: bool,
        /// Draw it as an SVG picture instead
        #[arg(long)]
        svg: bool,
        /// Write the picture to this file instead of standard output
        #[arg(short, long, value_name = "FILE", requires = "svg")]
        output: Option<PathBuf>,
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
    /// Where every actor stands on a target (proposes, supports, hedges, refuses), said by
    /// whom and when
    Stances {
        /// A grouping or country
        target: String,
    },
    /// How positions on a target moved over time (who moved from hedge to support, when)
    Timeline {
        /// A grouping or country
        target: String,
        /// Draw it as an SVG picture instead
        #[arg(long)]
        svg: bool,
        /// Write the picture to this file instead of standard output
        #[arg(short, long, value_name = "FILE", requires = "svg")]
        output: Option<PathBuf>,
    },
    /// An actor's current stance on a target, and every stance of it that concerns the target
    Stance {
        /// Who
        actor: String,
        /// On what: a grouping or country
        target: String,
    },
    /// Write the graph as JSON, DOT or GraphML, draw it as an SVG picture or a world map, or
    /// write an interactive page
    Export(Export),
}

/// `export`'s options. The focus options (--around, --depth, --only, --min-degree,
/// --strength) pick what the SVG picture and the DOT graph draw.
#[derive(Debug, Clone, Args)]
pub(crate) struct Export {
    /// The format
    #[arg(long, short, value_enum)]
    pub(crate) format: Format,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Map, page: colour every state by its tie to this state [map default: --blocs]
    #[arg(long, value_name = "STATE", conflicts_with_all = ["blocs", "stances_on"])]
    pub(crate) actor: Option<String>,
    /// Map: colour every state by its bloc (states joined by ties at --strength)
    #[arg(long)]
    pub(crate) blocs: bool,
    /// Map: colour every state by its latest stance on TARGET (a proposed grouping, say)
    #[arg(long, value_name = "TARGET")]
    pub(crate) stances_on: Option<String>,
    /// SVG, DOT: draw only ACTOR and the states within --depth ties of it
    #[arg(long, value_name = "ACTOR")]
    pub(crate) around: Option<String>,
    /// SVG, DOT: how many ties from --around
    #[arg(long, default_value_t = 1, value_name = "N", requires = "around")]
    pub(crate) depth: usize,
    /// SVG, DOT: draw only ties of this kind
    #[arg(long, value_enum)]
    pub(crate) only: Option<Only>,
    /// SVG, DOT: draw only states with at least N ties drawn
    #[arg(long, value_name = "N")]
    pub(crate) min_degree: Option<usize>,
    /// How strong a treaty tie must be to be drawn (SVG, DOT) or to join a bloc (map):
    /// defense, offense, neutrality, non-aggression, consultation or any [default: any; map
    /// blocs: defense]
    #[arg(long, value_parser = parse_strength)]
    pub(crate) strength: Option<Strength>,
    /// DOT: also draw ties that have ended (dashed grey)
    #[arg(long)]
    pub(crate) ended: bool,
}

/// The kinds of ties a focused picture can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Only {
    /// Treaty ties
    Treaty,
    /// Memberships of groupings
    Grouping,
    /// Stated positions
    Stance,
}

#[derive(Debug, Subcommand)]
pub(crate) enum WhatIf {
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
    /// COUNTRY leaves a grouping or treaty the day before the --as-of date ("what if the US
    /// left NATO"); leaving a grouping that names a treaty's parties leaves the treaty too
    Leave {
        /// The state
        country: String,
        /// The grouping (id or name) or treaty (id) it leaves
        from: String,
        /// The strength at which the diff compares alliances
        #[arg(long, default_value = "defense", value_parser = parse_strength)]
        strength: Strength,
        /// What to report on the changed graph [default: the diff]
        #[command(subcommand)]
        then: Option<Query>,
    },
    /// GROUPING dissolves on the --as-of date (a grouping that names a treaty's parties ends
    /// the treaty the day before)
    Dissolve {
        /// The grouping, by id or name
        grouping: String,
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

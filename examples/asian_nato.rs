//! The headline walkthrough: the built-in world dataset, summarized, then asked the Asian
//! NATO article's own questions and the world's (Poland's allies, Finland's accession, the
//! US and Venezuela), as of the dataset's review date, with what the data cannot say.
//!
//! Run it with `cargo run --example asian_nato`.

use std::error::Error;

use alliance_graph::query::{Answer, Said, TieEvidence};
use alliance_graph::{datasets, AllianceGraph, Holds, Scenario, Target};

/// The day the world dataset was last reviewed: its answers are known to here.
const REVIEW_DATE: &str = "2026-11-30";

fn example() -> Result<(), Box<dyn Error>> {
    let graph = datasets::world();
    summary(&graph);

    let today = graph.as_of(REVIEW_DATE.parse()?);
    println!("\n== Questions, as of {} ==", today.date());

    println!("\nJapan's allies, and why:");
    for ally in today.allies("Japan")? {
        println!(
            "  {} ({})",
            ally.country,
            name(&graph, &ally.country.to_string())
        );
        print_evidence(&ally.evidence);
    }

    println!("\nAre India and Japan allied?");
    match today.are_allied("India", "Japan")? {
        Some(evidence) => print_evidence(&evidence),
        None => println!("  No: neither owes the other defense."),
    }
    for shared in today.shared_groupings("India", "Japan")? {
        let g = graph.grouping(&shared.grouping).ok_or("grouping")?;
        println!(
            "  They share {} ({}, {}), whose membership carries {}.",
            g.acronym.as_deref().unwrap_or(&g.name),
            g.kind,
            g.name,
            if g.obligations.is_empty() {
                "no obligation".to_string()
            } else {
                list(&g.obligations)
            }
        );
    }

    println!("\nThe chain of ties from Japan to Britain:");
    match today.alliance_path("Japan", "Britain")? {
        Some(path) => {
            for hop in &path.hops {
                println!("  {} -> {}", hop.from, hop.to);
                print_evidence(&hop.evidence);
            }
        }
        None => println!("  none"),
    }

    println!("\nThe coalition on the Asian NATO proposal:");
    let coalition = today.coalition("asian-nato")?;
    for (label, positions) in [
        ("proposed by", &coalition.proposers),
        ("supported by", &coalition.supporters),
        ("hedged by", &coalition.hedgers),
        ("refused by", &coalition.refusers),
    ] {
        for p in positions {
            println!("  {label} {}: {}", p.actor, describe(&p.stance));
            for earlier in &p.firmer {
                println!("    on record more firmly before: {}", describe(earlier));
            }
        }
    }
    for (country, invitations) in &coalition.invited_silent {
        println!(
            "  invited, silent so far: {country} ({} invitation(s), e.g. {})",
            invitations.len(),
            describe(&invitations[0])
        );
    }

    println!("\nEvery stance on the Asian NATO, oldest first:");
    for s in today.stances_on("asian-nato")? {
        println!("  {}", describe(&s));
    }

    println!("\nHow the positions moved:");
    for m in today.coalition_moves("asian-nato")? {
        let from = m.from.map_or("nothing said".to_string(), |k| k.to_string());
        println!("  {} {}: {from} -> {}", m.stance.date, m.actor, m.to);
    }

    println!("\nWhich nuclear powers are bound to defend Japan?");
    let nuclear = |g: &AllianceGraph| -> Result<Vec<String>, alliance_graph::Error> {
        Ok(g.as_of(today.date())
            .defenders_of("Japan")?
            .into_iter()
            .filter(|d| d.nuclear_armed)
            .map(|d| d.country.to_string())
            .collect())
    };
    println!("  today: {}", nuclear(&graph)?.join(", "));
    let members = ["AUS", "IND", "JPN", "USA", "GBR"]
        .map(|c| c.parse())
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let outcome = Scenario::new(today.date())
        .form_grouping("asian-nato".parse()?, members)
        .apply(&graph)?;
    println!(
        "  if an Asian NATO of the QUAD and AUKUS members were formed as a collective-defense alliance: {}",
        nuclear(&outcome.graph)?.join(", ")
    );
    println!("  defense obligations gained by that scenario:");
    for (defender, defended) in &outcome.diff.defenders_gained {
        println!("    {defender} would owe {defended} defense");
    }
    world_questions(&graph, &today)
}

fn summary(graph: &AllianceGraph) {
    let doc = graph.document();
    println!("== {} ==", doc.title.as_deref().unwrap_or("dataset"));
    let coverage: Vec<String> = graph
        .sources()
        .filter_map(|s| {
            Some(format!(
                "{}: {} to {}",
                s.id, s.coverage?.from, s.coverage?.to
            ))
        })
        .collect();
    println!(
        "{} states, {} treaties, {} groupings, {} stances; covered: {}",
        graph.countries().count(),
        graph.treaties().count(),
        graph.groupings().count(),
        graph.stances().count(),
        coverage.join("; ")
    );
    println!("\nNuclear-armed states:");
    for c in graph.countries() {
        if let Some(n) = &c.nuclear_armed {
            println!("  {} {}, since {}", c.id, c.name, n.since);
        }
    }
    println!("\nThe groupings of the Asian NATO story and their members:");
    for id in ["quad", "aukus", "asian-nato"] {
        let Some(g) = graph.grouping(&id.parse().expect("a grouping id")) else {
            continue;
        };
        let status: Vec<String> = g
            .status
            .iter()
            .map(|s| format!("{} since {}", s.status, s.since))
            .collect();
        println!(
            "  {} ({}, {}): {}",
            g.acronym.as_deref().unwrap_or(&g.name),
            g.id,
            g.kind,
            status.join(", ")
        );
        let members: Vec<String> = graph
            .memberships()
            .filter(|m| m.grouping == g.id)
            .map(|m| {
                format!(
                    "{} ({}, {})",
                    m.country,
                    m.role,
                    m.period().map_or("?".into(), |p| p.to_string())
                )
            })
            .collect();
        if !members.is_empty() {
            println!("    members: {}", members.join("; "));
        }
    }
}

/// The world's questions: who is allied with Poland, since when Finland with the US, what
/// ended between the US and Venezuela, and what the data cannot say.
fn world_questions(
    graph: &AllianceGraph,
    today: &alliance_graph::View<'_>,
) -> Result<(), Box<dyn Error>> {
    let poland = today.allies("Poland")?;
    println!("\nPoland's allies ({}):", poland.len());
    for ally in &poland {
        let reasons: Vec<String> = ally.evidence.iter().map(|e| e.basis.to_string()).collect();
        println!(
            "  {} {}: {}",
            ally.country,
            name(graph, ally.country.as_str()),
            reasons.join("; ")
        );
    }
    println!("\nWere Finland and the US allied?");
    for date in ["2023-01-01", "2023-04-05"] {
        let answer = graph.as_of(date.parse()?).allied("Finland", "USA")?;
        println!("  on {date}: {}", answer.as_str());
    }
    println!("\nAre the US and Venezuela allied?");
    match today.allied("USA", "Venezuela")? {
        Answer::Yes(e) => print_evidence(&e),
        Answer::Possibly(e) => {
            println!("  Possibly (a partial date decides):");
            print_evidence(&e)
        }
        Answer::No => {
            println!("  No. Ties that ended:");
            print_evidence(&today.former_ties("USA", "Venezuela")?);
        }
        Answer::Unknown(gaps) => println!("  Unknown: {gaps}"),
    }
    println!("\nWhat the data cannot say:");
    let later = graph.as_of("2027".parse()?);
    println!(
        "  Japan and the US in 2027: {}",
        later.allied("Japan", "USA")?.as_str()
    );
    let gaps = today.gaps();
    println!(
        "  {} alliances in force at the end of 2018 could not be confirmed since, e.g.: {}",
        gaps.open.len(),
        gaps.open.first().map_or(String::new(), |t| t.to_string())
    );
    Ok(())
}

fn describe(said: &Said<'_>) -> String {
    let s = said.stance;
    let speaker = s
        .speaker()
        .as_ref()
        .map_or("unnamed".to_string(), |sp| match &sp.office {
            Some(office) => format!("{}, {}", sp.name, office),
            None => sp.name.clone(),
        });
    let target = match &s.target {
        Target::Membership { country, grouping } => format!("{country} joining {grouping}"),
        other => other.to_string(),
    };
    let words = s.quote().map_or_else(
        || s.summary().unwrap_or_default().to_string(),
        |q| format!("\u{201c}{q}\u{201d}"),
    );
    let mut text = format!(
        "{} {} {} ({}; {}; {}; source: {}) {}",
        s.actor, s.kind, target, speaker, s.date, s.evidence, s.source, words
    );
    if let Some(reported) = s.reported_as {
        text += &format!(" [the source calls it {reported}]");
    }
    if let Holds::Possibly(doubt) = said.made {
        text += &format!(" [possibly: {doubt}]");
    }
    for c in s.contradicted_by() {
        text += &format!(" [CONTESTED by {c}]");
    }
    text
}

fn print_evidence(evidence: &[TieEvidence]) {
    for e in evidence {
        println!("    - {e}");
    }
}

fn name(graph: &AllianceGraph, id: &str) -> String {
    graph
        .resolve(id)
        .ok()
        .and_then(|a| graph.name_of(&a).map(str::to_string))
        .unwrap_or_default()
}

fn list<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    if let Err(e) = example() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

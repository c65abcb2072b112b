//! The headline walkthrough: the built-in Asian NATO dataset, summarized, then asked the
//! article's own questions.
//!
//! Run it with `cargo run --example asian_nato`.

use std::error::Error;

use alliance_graph::query::TieEvidence;
use alliance_graph::{datasets, AllianceGraph, Scenario, Stance, Target};

fn example() -> Result<(), Box<dyn Error>> {
    let graph = datasets::asian_nato();
    summary(&graph);

    let today = graph.today();
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
        ("refused by", &coalition.refusers),
    ] {
        for p in positions {
            println!("  {label} {}: {}", p.actor, describe(p.stance));
        }
    }
    for (country, invitations) in &coalition.invited_silent {
        println!(
            "  invited, silent so far: {country} ({} invitation(s), e.g. {})",
            invitations.len(),
            describe(invitations[0])
        );
    }

    println!("\nEvery stance on the Asian NATO, oldest first:");
    for s in today.stances_on("asian-nato")? {
        println!("  {}", describe(s));
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
    Ok(())
}

fn summary(graph: &AllianceGraph) {
    let doc = graph.document();
    println!("== {} ==", doc.title.as_deref().unwrap_or("dataset"));
    println!("\nCountries:");
    for c in graph.countries() {
        let nuclear = c.nuclear_armed.as_ref().map_or(String::new(), |n| {
            format!(", nuclear-armed since {}", n.since)
        });
        println!("  {} {}{}", c.id, c.name, nuclear);
    }
    println!("\nGroupings and their members:");
    for g in graph.groupings() {
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
    println!("\nTreaty ties:");
    for t in graph.treaties() {
        let parties: Vec<String> = t.parties.iter().map(|p| p.country().to_string()).collect();
        let period = t.period().map_or("?".into(), |p| p.to_string());
        let obligations: Vec<String> = t
            .obligations
            .iter()
            .map(|o| match &o.by {
                Some(by) => format!(
                    "{} owed by {}",
                    o.kind,
                    by.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("+")
                ),
                None => format!("{} (mutual)", o.kind),
            })
            .collect();
        let obligations = if obligations.is_empty() {
            "no obligation".to_string()
        } else {
            obligations.join(", ")
        };
        println!(
            "  {} [{}], in force {}: {}",
            t.name,
            parties.join("-"),
            period,
            obligations
        );
    }
}

fn describe(s: &Stance) -> String {
    let speaker = s
        .speaker
        .as_ref()
        .map_or("unnamed".to_string(), |sp| match &sp.office {
            Some(office) => format!("{}, {}", sp.name, office),
            None => sp.name.clone(),
        });
    let target = match &s.target {
        Target::Membership { country, grouping } => format!("{country} joining {grouping}"),
        other => other.to_string(),
    };
    let words = s.quote.as_ref().map_or_else(
        || s.summary.clone().unwrap_or_default(),
        |q| format!("\u{201c}{q}\u{201d}"),
    );
    format!(
        "{} {} {} ({}; {}; {}; source: {}) {}",
        s.actor, s.kind, target, speaker, s.date, s.evidence, s.source, words
    )
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

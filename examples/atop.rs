//! A state's allies in a year, by obligation, from the ATOP 5.1 member file.
//!
//! ```text
//! cargo run --features atop --example atop -- <atop5_1m.csv> <state> <year>
//! cargo run --features atop --example atop -- ../shared/data/atop-5.1/atop5_1m.csv Japan 1990
//! ```
//!
//! The state may be an ISO id (`JPN`), a COW code (`740`) or a name ("Japan").

#[cfg(feature = "atop")]
fn example() -> Result<(), Box<dyn std::error::Error>> {
    use std::collections::BTreeMap;

    use alliance_graph::io::atop;
    use alliance_graph::query::TieBasis;
    use alliance_graph::{CountryId, Obligation, Strength};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, state, year] = args.as_slice() else {
        return Err("usage: atop <atop5_1m.csv> <state: ISO id, COW code or name> <year>".into());
    };
    let imported = atop::import_members(path)?;
    let graph = &imported.graph;
    let who: CountryId = match state.parse::<u16>() {
        Ok(code) => {
            atop::crosswalk()
                .by_cow(code)
                .ok_or_else(|| format!("no state has COW code {code}"))?
                .iso3
        }
        Err(_) => graph.resolve_country(state)?,
    };
    let view = graph
        .as_of(year.parse()?)
        .with_strength(Strength::Consultation);
    let country = graph.country(&who).ok_or("not an ATOP member")?;
    println!(
        "{} ({}, COW {}) in {year}, ATOP 5.1:",
        country.name,
        who,
        country.cow_code.map_or("-".to_string(), |c| c.to_string())
    );
    if !view.outside_coverage().is_empty() {
        println!("  {year} is outside ATOP's coverage (1815-2018): unknown, not \"none\".");
        return Ok(());
    }
    // obligation -> ally -> [(atop id, direction)]
    let mut table: BTreeMap<Obligation, BTreeMap<CountryId, Vec<String>>> = BTreeMap::new();
    for ally in view.allies(who)? {
        for e in &ally.evidence {
            let (
                Some(obligation),
                TieBasis::Treaty {
                    atop_id: Some(id), ..
                },
            ) = (e.obligation, &e.basis)
            else {
                continue;
            };
            let direction = match (e.owed_by.contains(&who), e.owed_by.contains(&ally.country)) {
                (true, true) => "mutual".to_string(),
                (false, true) => format!("{} owes {who}", ally.country),
                (true, false) => format!("{who} owes {}", ally.country),
                (false, false) => continue,
            };
            table
                .entry(obligation)
                .or_default()
                .entry(ally.country)
                .or_default()
                .push(format!("{id} {direction}"));
        }
    }
    if table.is_empty() {
        println!("  no ATOP alliance in force.");
    }
    for (obligation, allies) in table {
        let n = allies.len();
        println!(
            "  {obligation} ({n} state{}):",
            if n == 1 { "" } else { "s" }
        );
        for (ally, ids) in allies {
            let name = graph.country(&ally).map_or("?", |c| c.name.as_str());
            println!("    {ally} {name}: ATOP {}", ids.join(", "));
        }
    }
    Ok(())
}

#[cfg(feature = "atop")]
fn main() {
    if let Err(e) = example() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(feature = "atop"))]
fn main() {
    eprintln!("this example needs the `atop` feature: cargo run --features atop --example atop -- <atop5_1m.csv> <state> <year>");
}

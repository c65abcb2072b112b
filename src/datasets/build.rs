//! How the world dataset is made: ATOP 5.1's member file, read by the ATOP importer, with the
//! hand-kept layers in `src/datasets/world/` laid over it. The embedded `world.json` is the
//! output of [`world_from_atop`] on the published member file; a test checks that it still is.
//! (About 600 lines: one step per layer, each reporting the file and line of a bad record.)

use std::collections::HashMap;
use std::io::Read;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::io::{atop, Document};
use crate::model::{
    Adversaries, Country, CountryId, Evidence, Grouping, GroupingId, GroupingKind, GroupingStatus,
    Membership, Obligation, Party, Role, Source, SourceId, Statehood, StatusChange, Treaty,
    TreatyId,
};
use crate::{AllianceGraph, GraphBuilder, PartialDate};

const COUNTRIES: &str = include_str!("world/countries.csv");
const ALLIANCES: &str = include_str!("world/alliances.csv");
const UPDATES: &str = include_str!("world/updates.json");

/// ATOP provisions kept on each treaty: the threats a treaty names, which questions about who
/// must act in a war need. Every other provision stays in ATOP's own files.
const KEPT_ATTRIBUTES: &[&str] = &["specthrt", "statthr1", "statthr2"];

/// The update layer's own source: the review of every alliance to the review date.
pub(crate) use super::REVIEW_SOURCE;

/// The world dataset made from an ATOP 5.1 member file (`atop5_1m.csv`) and the layers the
/// crate carries (the COW state system with names, alliance names and groupings, the review
/// to 2026-11, the Asian NATO article); with the import's report of what it could not use.
///
/// [`world`](super::world) is this function's output on the published 5.1 file, embedded.
///
/// ```no_run
/// let (world, report) = alliance_graph::datasets::world_from_atop(std::fs::File::open("atop5_1m.csv")?)?;
/// println!("{report}");
/// assert_eq!(world, alliance_graph::datasets::world());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn world_from_atop(members: impl Read + 'static) -> Result<(AllianceGraph, atop::Report)> {
    world_from_import(atop::from_reader(members)?)
}

/// [`world_from_atop`] on the member file at `path`; errors name the file.
pub fn world_from_atop_path(
    members: impl AsRef<std::path::Path>,
) -> Result<(AllianceGraph, atop::Report)> {
    world_from_import(atop::import_members(members)?)
}

fn world_from_import(imported: atop::Imported) -> Result<(AllianceGraph, atop::Report)> {
    let mut doc = imported.graph.document().clone();
    for t in &mut doc.treaties {
        t.attributes
            .retain(|k, v| KEPT_ATTRIBUTES.contains(&k) && v != "0");
    }
    doc.name = Some("world".into());
    doc.title = Some(
        "Who is allied with whom, 1815 to 2026-11: ATOP 5.1, a sourced review since 2018, and the Asian NATO proposal"
            .into(),
    );
    doc.description = Some(
        "Every state of the COW state system; every ATOP 5.1 alliance (Leeds et al.); every later accession, exit, new treaty and correction with its own source, to the review date 2026-11-30; the September 2024 Asian NATO proposal as one article reports it. Provenance: src/datasets/world/WORLD.md."
            .into(),
    );
    set_countries(&mut doc)?;
    let updates: Updates = serde_json::from_str(UPDATES)
        .map_err(|e| layer_error("world/updates.json", Some(e.line() as u64), e.to_string()))?;
    name_treaties(&mut doc, &updates)?;
    let joined_by = apply_updates(&mut doc, updates)?;
    merge_asian_nato(&mut doc)?;
    add_groupings(&mut doc, &joined_by)?;
    let graph = GraphBuilder::from_document(doc).build()?;
    Ok((graph, imported.report))
}

fn layer_error(file: &str, line: Option<u64>, message: String) -> Error {
    Error::from(ErrorKind::Parse {
        location: Box::new(Location {
            path: Some(format!("src/datasets/{file}").into()),
            line,
            ..Location::default()
        }),
        message,
    })
}

/// One row of `world/countries.csv`.
#[derive(Deserialize)]
struct CountryRow {
    iso3: CountryId,
    cow_code: u16,
    name: String,
    aliases: String,
    capitals: String,
    statehood: String,
}

fn set_countries(doc: &mut Document) -> Result<()> {
    let imported: HashMap<CountryId, Country> =
        doc.countries.drain(..).map(|c| (c.id, c)).collect();
    let mut reader = csv::Reader::from_reader(COUNTRIES.as_bytes());
    for (i, row) in reader.deserialize::<CountryRow>().enumerate() {
        let line = Some(i as u64 + 2);
        let row = row.map_err(|e| layer_error("world/countries.csv", line, e.to_string()))?;
        let mut aliases: Vec<String> = Vec::new();
        for a in row.aliases.split('|').chain(row.capitals.split('|')) {
            let a = a.trim();
            if !a.is_empty() && a != row.name && !aliases.iter().any(|x| x == a) {
                aliases.push(a.to_string());
            }
        }
        let mut statehood = Vec::new();
        for spell in row.statehood.split(';').filter(|s| !s.is_empty()) {
            let (from, until) = spell.split_once("..").ok_or_else(|| {
                layer_error(
                    "world/countries.csv",
                    line,
                    format!("statehood spell {spell:?} is not FROM..UNTIL"),
                )
            })?;
            statehood.push(Statehood {
                from: from.parse()?,
                until: if until.is_empty() {
                    None
                } else {
                    Some(until.parse()?)
                },
            });
        }
        doc.countries.push(Country {
            id: row.iso3,
            name: row.name,
            aliases,
            cow_code: Some(row.cow_code),
            nuclear_armed: None,
            statehood,
            note: imported.get(&row.iso3).and_then(|c| c.note.clone()),
        });
    }
    if let Some(missing) = imported
        .keys()
        .find(|id| !doc.countries.iter().any(|c| c.id == **id))
    {
        return Err(layer_error(
            "world/countries.csv",
            None,
            format!("ATOP member {missing} has no row"),
        ));
    }
    Ok(())
}

/// One row of `world/alliances.csv`: a name for an ATOP alliance, and, for the well-known
/// ones, the grouping that names its parties.
#[derive(Deserialize)]
struct AllianceRow {
    atop_id: u32,
    name: String,
    name_evidence: String,
    name_source: String,
    grouping: String,
    acronym: String,
    aliases: String,
}

fn alliance_rows() -> Result<Vec<AllianceRow>> {
    let mut reader = csv::Reader::from_reader(ALLIANCES.as_bytes());
    reader
        .deserialize::<AllianceRow>()
        .enumerate()
        .map(|(i, r)| {
            r.map_err(|e| layer_error("world/alliances.csv", Some(i as u64 + 2), e.to_string()))
        })
        .collect()
}

fn atop_treaty<'d>(doc: &'d mut Document, atop_id: u32, file: &str) -> Result<&'d mut Treaty> {
    doc.treaties
        .iter_mut()
        .find(|t| t.atop_id == Some(atop_id))
        .ok_or_else(|| {
            layer_error(
                file,
                None,
                format!("ATOP {atop_id} is not in the member file"),
            )
        })
}

fn name_treaties(doc: &mut Document, updates: &Updates) -> Result<()> {
    for row in alliance_rows()? {
        if row.name.is_empty() {
            continue;
        }
        let t = atop_treaty(doc, row.atop_id, "world/alliances.csv")?;
        t.name = row.name;
        let source = if row.name_source.is_empty() {
            String::new()
        } else {
            format!(": {}", row.name_source)
        };
        push_note(t, format!("Name ({}){source}.", row.name_evidence));
    }
    for a in &updates.alliances {
        let t = atop_treaty(doc, a.atop_id, "world/updates.json")?;
        t.name = a.name.clone();
    }
    // The rest keep a name that describes ATOP's coding, never a guessed title.
    let names: HashMap<CountryId, String> = doc
        .countries
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    for t in &mut doc.treaties {
        let Some(id) = t.atop_id.filter(|_| t.name.starts_with("ATOP alliance")) else {
            continue;
        };
        let mut parties: Vec<String> = Vec::new();
        for p in &t.parties {
            let c = p.country();
            let name = names.get(&c).cloned().unwrap_or_else(|| c.to_string());
            if !parties.contains(&name) {
                parties.push(name);
            }
        }
        let who = match parties.len() {
            0..=4 => parties.join(", "),
            n => format!("{} and {} others", parties[..3].join(", "), n - 3),
        };
        let year = t
            .signed
            .map_or(String::new(), |d| format!(", {}", d.year_part()));
        t.name = format!("ATOP alliance {id} ({who}{year})");
        push_note(
            t,
            "No title of this treaty was found: the name describes ATOP's coding.".into(),
        );
    }
    Ok(())
}

fn push_note(t: &mut Treaty, text: String) {
    t.note = Some(match t.note.take() {
        Some(n) => format!("{n} {text}"),
        None => text,
    });
}

fn push_sources(t: &mut Treaty, ids: &[SourceId]) {
    for s in ids {
        if !t.sources.contains(s) {
            t.sources.push(s.clone());
        }
    }
}

/// The update layer: `world/updates.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Updates {
    #[allow(dead_code)]
    format: String,
    review: Source,
    sources: Vec<Source>,
    alliances: Vec<Review>,
    /// The adversaries treaty texts name where ATOP flags the limit without naming them.
    adversaries: Vec<AdversaryClause>,
    treaties: Vec<Treaty>,
}

/// The adversaries an ATOP alliance's obligation is limited to, from the treaty text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdversaryClause {
    atop_id: u32,
    kind: Obligation,
    /// The parties whose obligation it is; all when absent.
    #[serde(default)]
    by: Option<Vec<CountryId>>,
    #[serde(default)]
    states: Vec<CountryId>,
    text: String,
    source: SourceId,
    #[serde(default)]
    note: Option<String>,
}

/// The review of one ATOP alliance since 2018.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Review {
    atop_id: u32,
    name: String,
    status: ReviewStatus,
    #[serde(default)]
    ended: Option<PartialDate>,
    evidence: Evidence,
    sources: Vec<SourceId>,
    note: String,
    #[serde(default)]
    changes: Vec<Change>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum ReviewStatus {
    InForce,
    Ended,
    Unsure,
}

/// A member's change since 2018.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    country: CountryId,
    change: ChangeKind,
    date: PartialDate,
    evidence: Evidence,
    sources: Vec<SourceId>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum ChangeKind {
    Joined,
    Left,
    Suspended,
}

/// The source of each accession since 2018, by treaty and member: a grouping's membership
/// cites it.
type JoinedBy = HashMap<(TreatyId, CountryId), SourceId>;

fn apply_updates(doc: &mut Document, updates: Updates) -> Result<JoinedBy> {
    let mut joined_by = JoinedBy::new();
    let review: SourceId = REVIEW_SOURCE.parse()?;
    doc.sources.push(updates.review);
    doc.sources.extend(updates.sources);
    for a in updates.alliances {
        let t = atop_treaty(doc, a.atop_id, "world/updates.json")?;
        let status = match a.status {
            ReviewStatus::InForce => "in force",
            ReviewStatus::Ended => "ended",
            ReviewStatus::Unsure => "unsure",
        };
        if a.status != ReviewStatus::Unsure {
            // Reviewed: known to the review date.
            push_sources(t, std::slice::from_ref(&review));
        }
        push_sources(t, &a.sources);
        t.attributes.insert("review.status", status);
        t.attributes.insert("review.evidence", a.evidence.as_str());
        if let Some(ended) = a.ended {
            t.ended = Some(ended);
        }
        push_note(
            t,
            format!(
                "Review to 2026-11-30 ({status}, {}): {}",
                a.evidence, a.note
            ),
        );
        for c in a.changes {
            apply_change(t, &c).map_err(|m| {
                layer_error(
                    "world/updates.json",
                    None,
                    format!("ATOP {}: {} {}: {m}", a.atop_id, c.country, c.date),
                )
            })?;
            let what = match c.change {
                ChangeKind::Joined => "joined",
                ChangeKind::Left => "left",
                ChangeKind::Suspended => "suspended (not an exit: still a party)",
            };
            let note = c
                .note
                .as_deref()
                .map_or(String::new(), |n| format!(": {n}"));
            let cited: Vec<&str> = c.sources.iter().map(SourceId::as_str).collect();
            push_note(
                t,
                format!(
                    "{} {what} {} ({}; source: {}){note}.",
                    c.country,
                    c.date,
                    c.evidence,
                    cited.join(", ")
                ),
            );
            if c.change == ChangeKind::Joined {
                if let Some(first) = c.sources.first() {
                    joined_by.insert((t.id.clone(), c.country), first.clone());
                }
            }
        }
    }
    for a in updates.adversaries {
        let t = atop_treaty(doc, a.atop_id, "world/updates.json")?;
        let mut matched = 0;
        for o in &mut t.obligations {
            let owed_by_them = match (&a.by, &o.by) {
                (None, _) => true,
                (Some(by), Some(owing)) => owing.iter().all(|c| by.contains(c)),
                (Some(_), None) => false,
            };
            if o.kind == a.kind && owed_by_them {
                o.against = Some(Adversaries {
                    states: a.states.clone(),
                    text: Some(a.text.clone()),
                    source: a.source.clone(),
                });
                matched += 1;
            }
        }
        if matched == 0 {
            return Err(layer_error(
                "world/updates.json",
                None,
                format!(
                    "ATOP {}: no {} obligation owed by {:?} to name adversaries for",
                    a.atop_id, a.kind, a.by
                ),
            ));
        }
        push_sources(t, std::slice::from_ref(&a.source));
        if let Some(note) = a.note {
            push_note(
                t,
                format!("Adversaries of the {} obligation: {note}", a.kind),
            );
        }
    }
    let ids: Vec<TreatyId> = doc.treaties.iter().map(|t| t.id.clone()).collect();
    for t in updates.treaties {
        if ids.contains(&t.id) {
            return Err(layer_error(
                "world/updates.json",
                None,
                format!("treaty {} twice", t.id),
            ));
        }
        doc.treaties.push(t);
    }
    Ok(joined_by)
}

/// A member joins (with the obligations the other members undertook, from its date) or
/// leaves (its spell and obligations end); a suspension changes no obligation.
fn apply_change(t: &mut Treaty, c: &Change) -> std::result::Result<(), String> {
    let open = |p: &Party, country: CountryId| {
        p.country() == country && matches!(p, Party::Whole(_) | Party::Spell { left: None, .. })
    };
    match c.change {
        ChangeKind::Suspended => Ok(()),
        ChangeKind::Joined => {
            if t.parties.iter().any(|p| open(p, c.country)) {
                return Err("joins, but is a party already".into());
            }
            // The obligations of the member with the most open ones, copied.
            let template = t
                .parties
                .iter()
                .filter(|p| matches!(p, Party::Whole(_) | Party::Spell { left: None, .. }))
                .map(|p| p.country())
                .max_by_key(|m| {
                    t.obligations
                        .iter()
                        .filter(|o| o.until.is_none() && o.by.as_deref() == Some(&[*m][..]))
                        .count()
                })
                .ok_or("no member is left to copy obligations from")?;
            let copied: Vec<_> = t
                .obligations
                .iter()
                .filter(|o| o.until.is_none() && o.by.as_deref() == Some(&[template][..]))
                .map(|o| crate::TreatyObligation {
                    by: Some(vec![c.country]),
                    from: Some(c.date),
                    ..o.clone()
                })
                .collect();
            t.obligations.extend(copied);
            t.parties.push(Party::Spell {
                country: c.country,
                joined: Some(c.date),
                left: None,
            });
            Ok(())
        }
        ChangeKind::Left => {
            let spell = t
                .parties
                .iter_mut()
                .find(|p| open(p, c.country))
                .ok_or("leaves, but is not a party")?;
            *spell = match spell {
                Party::Whole(country) | Party::Spell { country, .. } => Party::Spell {
                    country: *country,
                    joined: match spell {
                        Party::Spell { joined, .. } => *joined,
                        Party::Whole(_) => None,
                    },
                    left: Some(c.date),
                },
            };
            for o in &mut t.obligations {
                if o.until.is_none() && o.by.as_deref() == Some(&[c.country][..]) {
                    o.until = Some(c.date);
                }
            }
            Ok(())
        }
    }
}

/// The Asian NATO article's records: its groupings (but NATO, which the world takes from
/// ATOP), memberships, stances and sources; its countries' aliases and arsenals; its
/// treaties that ATOP codes folded into ATOP's (their names, sources and notes), the rest
/// added and bounded by the review date.
fn merge_asian_nato(doc: &mut Document) -> Result<()> {
    let article = crate::io::json::document_from_str(super::ASIAN_NATO)?;
    let nato: GroupingId = "nato".parse()?;
    let review: SourceId = REVIEW_SOURCE.parse()?;
    for s in article.sources {
        if !doc.sources.iter().any(|x| x.id == s.id) {
            doc.sources.push(s);
        }
    }
    for c in article.countries {
        let Some(w) = doc.countries.iter_mut().find(|w| w.id == c.id) else {
            return Err(layer_error(
                "asian_nato.json",
                None,
                format!("country {} is not a COW state", c.id),
            ));
        };
        for a in std::iter::once(c.name).chain(c.aliases) {
            if a != w.name && !w.aliases.contains(&a) {
                w.aliases.push(a);
            }
        }
        w.nuclear_armed = c.nuclear_armed;
        if c.note.is_some() {
            w.note = c.note;
        }
    }
    doc.groupings
        .extend(article.groupings.into_iter().filter(|g| g.id != nato));
    doc.memberships.extend(
        article
            .memberships
            .into_iter()
            .filter(|m| m.grouping != nato),
    );
    for mut t in article.treaties {
        match t.atop_id {
            Some(id) => {
                let w = atop_treaty(doc, id, "asian_nato.json")?;
                w.name = t.name;
                push_sources(w, &t.sources);
                if let Some(n) = t.note {
                    push_note(w, n);
                }
            }
            None => {
                push_sources(&mut t, std::slice::from_ref(&review));
                doc.treaties.push(t);
            }
        }
    }
    doc.stances.extend(article.stances);
    Ok(())
}

/// Groupings for the well-known alliances: a name, acronym and aliases for a treaty's
/// parties, their memberships mirroring the party spells.
fn add_groupings(doc: &mut Document, joined_by: &JoinedBy) -> Result<()> {
    let atop_source: SourceId = atop::SOURCE_ID.parse()?;
    let review: SourceId = REVIEW_SOURCE.parse()?;
    let first_update = PartialDate::day(2019, 1, 1)?.earliest();
    for row in alliance_rows()? {
        if row.grouping.is_empty() {
            continue;
        }
        let id: GroupingId = row.grouping.parse()?;
        let t = atop_treaty(doc, row.atop_id, "world/alliances.csv")?.clone();
        let start = t.start().ok_or_else(|| {
            layer_error(
                "world/alliances.csv",
                None,
                format!("ATOP {} has no start", row.atop_id),
            )
        })?;
        let mut status = vec![StatusChange {
            status: GroupingStatus::Active,
            since: start,
            source: atop_source.clone(),
        }];
        if let Some(end) = t.ended {
            status.push(StatusChange {
                status: GroupingStatus::Dissolved,
                since: end,
                source: t.sources.last().cloned().unwrap_or(atop_source.clone()),
            });
        }
        let defense = t.obligations.iter().any(|o| o.kind == Obligation::Defense);
        doc.groupings.push(Grouping {
            id: id.clone(),
            name: t.name.clone(),
            acronym: (!row.acronym.is_empty()).then(|| row.acronym.clone()),
            aliases: row
                .aliases
                .split('|')
                .filter(|a| !a.is_empty() && *a != t.name)
                .map(str::to_string)
                .collect(),
            kind: if defense {
                GroupingKind::CollectiveDefense
            } else {
                GroupingKind::Other
            },
            obligations: Vec::new(),
            conditions: Vec::new(),
            status,
            treaty: Some(t.id.clone()),
            note: Some(format!(
                "The parties of {} (ATOP {}); its ties are the treaty's.",
                t.name, row.atop_id
            )),
        });
        for p in &t.parties {
            let period = p.period();
            let joined = period.start().or(t.start());
            let source = match joined {
                Some(j) if j.earliest() >= first_update => joined_by
                    .get(&(t.id.clone(), p.country()))
                    .unwrap_or(&review)
                    .clone(),
                _ => atop_source.clone(),
            };
            doc.memberships.push(Membership {
                country: p.country(),
                grouping: id.clone(),
                role: if joined == t.signed {
                    Role::FoundingMember
                } else {
                    Role::Member
                },
                start: joined,
                end: period.end().or(t.ended),
                source,
                corroborated_by: Vec::new(),
                contradicted_by: Vec::new(),
                note: None,
            });
        }
    }
    Ok(())
}

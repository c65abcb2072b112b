//! Combining two datasets into one graph, each fact keeping its source.
//!
//! The typical use is an imported ATOP graph merged with a hand-written dataset such as the
//! built-in Asian NATO one, so that the article's stances sit beside ATOP's treaties.
//!
//! # The rules
//!
//! - **Countries** with the same id are one node. The first graph's name is kept (the second's,
//!   when different, becomes an alias), aliases are united, and `cow_code`, `nuclear_armed` and
//!   `note` are taken from the second graph where the first has none. Where both have a value
//!   and they differ, the first's is kept and the difference is listed in
//!   [`MergeReport::conflicts`](crate::io::merge::MergeReport::conflicts).
//! - **Sources** with the same id are one source and must agree: `title`, `publisher`, `url`,
//!   `date` and `coverage` must be equal where both give them (a value only one gives is taken,
//!   and listed in [`MergeReport::filled`](crate::io::merge::MergeReport::filled)). A difference is an error naming the id and the
//!   field. The `note` is a remark: a differing note keeps the first's and is listed as a
//!   conflict.
//! - **Treaties and groupings** with the same id must be equal; otherwise it is an error naming
//!   the id. Two treaties with different ids that carry the same ATOP id are one alliance: the
//!   first graph's record is kept and cites the second's sources too (a hand-written
//!   `us-japan-1960` and ATOP's `atop-3375` become one record, listed in
//!   [`MergeReport::folded_treaties`](crate::io::merge::MergeReport::folded_treaties)), so no
//!   tie is cited twice.
//! - **Memberships and stances** are united; an exact duplicate is kept once.
//!
//! Every error found is reported at once, as [`ErrorKind::Invalid`] with one
//! [`Issue::DuplicateId`] per conflicting record; the merged records are then validated as
//! any dataset is.
//!
//! ```
//! use alliance_graph::io::merge::merge;
//!
//! let a = alliance_graph::datasets::asian_nato();
//! let (merged, report) = merge(&a, &a)?;
//! assert_eq!(merged, a);
//! assert_eq!(report.shared_countries, a.countries().count());
//! # Ok::<(), alliance_graph::Error>(())
//! ```

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Result};
use crate::io::Document;
use crate::model::{Country, Source};
use crate::validate::{Issue, Record};
use crate::{AllianceGraph, GraphBuilder};

/// What a merge united, filled in and had to choose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Countries present in both graphs (merged into one node each).
    pub shared_countries: usize,
    /// Sources present in both.
    pub shared_sources: usize,
    /// Groupings present in both (equal).
    pub shared_groupings: usize,
    /// Treaties present in both (equal).
    pub shared_treaties: usize,
    /// Memberships of the second graph already in the first.
    pub duplicate_memberships: usize,
    /// Stances of the second graph already in the first.
    pub duplicate_stances: usize,
    /// Treaties of the second graph that code the same ATOP alliance as one of the first's,
    /// folded into it ("atop-3375 into us-japan-1960 (both ATOP 3375)"): its sources are added
    /// to the first's record, which is kept as it is.
    pub folded_treaties: Vec<String>,
    /// Values taken from the second graph where the first had none ("JPN: cow_code 740").
    pub filled: Vec<String>,
    /// Differences resolved in favour of the first graph ("USA: name ...").
    pub conflicts: Vec<String>,
}

/// Merges two graphs; see the [module docs](self) for the rules.
pub fn merge(a: &AllianceGraph, b: &AllianceGraph) -> Result<(AllianceGraph, MergeReport)> {
    let (doc, report) = merge_documents(a.document(), b.document())?;
    let graph = GraphBuilder::from_document(doc).build()?;
    Ok((graph, report))
}

fn issue(kind: &'static str, index: usize, id: &str, first: usize, what: String) -> Issue {
    Issue::DuplicateId {
        record: Record {
            kind,
            index: index + 1,
            label: format!("{id}, in the second graph: {what}"),
        },
        kind,
        id: id.to_string(),
        first: first + 1,
    }
}

/// Merges two documents without validating the result; see the [module docs](self).
pub fn merge_documents(a: &Document, b: &Document) -> Result<(Document, MergeReport)> {
    let mut report = MergeReport::default();
    let mut issues = Vec::new();
    let mut doc = a.clone();
    doc.name = a.name.clone().or_else(|| b.name.clone());
    doc.title = a.title.clone().or_else(|| b.title.clone());
    doc.description = a.description.clone().or_else(|| b.description.clone());

    // Sources.
    let positions: HashMap<_, usize> = a
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    for (j, s) in b.sources.iter().enumerate() {
        match positions.get(&s.id) {
            None => doc.sources.push(s.clone()),
            Some(&i) => {
                report.shared_sources += 1;
                if let Err(field) = merge_source(&mut doc.sources[i], s, &mut report) {
                    issues.push(issue(
                        "source",
                        j,
                        s.id.as_str(),
                        i,
                        format!("differs from the first graph's in `{field}`"),
                    ));
                }
            }
        }
    }

    // Countries.
    let positions: HashMap<_, usize> = a
        .countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    for c in &b.countries {
        match positions.get(&c.id) {
            None => doc.countries.push(c.clone()),
            Some(&i) => {
                report.shared_countries += 1;
                merge_country(&mut doc.countries[i], c, &mut report);
            }
        }
    }

    // Groupings and treaties: equal or an error.
    let positions: HashMap<_, usize> = a
        .groupings
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    for (j, g) in b.groupings.iter().enumerate() {
        match positions.get(&g.id) {
            None => doc.groupings.push(g.clone()),
            Some(&i) if a.groupings[i] == *g => report.shared_groupings += 1,
            Some(&i) => issues.push(issue(
                "grouping",
                j,
                g.id.as_str(),
                i,
                "differs from the first graph's grouping with this id".into(),
            )),
        }
    }
    let positions: HashMap<_, usize> = a
        .treaties
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let by_atop: HashMap<u32, usize> = a
        .treaties
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((t.atop_id?, i)))
        .collect();
    for (j, t) in b.treaties.iter().enumerate() {
        let same_alliance = t
            .atop_id
            .and_then(|id| by_atop.get(&id))
            .filter(|_| !positions.contains_key(&t.id));
        if let Some(&i) = same_alliance {
            // One alliance, one record: the first graph's, citing the second's sources too.
            let kept = &mut doc.treaties[i];
            for s in &t.sources {
                if !kept.sources.contains(s) {
                    kept.sources.push(s.clone());
                }
            }
            report.folded_treaties.push(format!(
                "{} into {} (both ATOP {})",
                t.id,
                kept.id,
                t.atop_id.unwrap_or_default()
            ));
            continue;
        }
        match positions.get(&t.id) {
            None => doc.treaties.push(t.clone()),
            Some(&i) if a.treaties[i] == *t => report.shared_treaties += 1,
            Some(&i) => issues.push(issue(
                "treaty",
                j,
                t.id.as_str(),
                i,
                "differs from the first graph's treaty with this id".into(),
            )),
        }
    }

    // Memberships and stances: united, exact duplicates once.
    for m in &b.memberships {
        if a.memberships.contains(m) {
            report.duplicate_memberships += 1;
        } else {
            doc.memberships.push(m.clone());
        }
    }
    for s in &b.stances {
        if a.stances.contains(s) {
            report.duplicate_stances += 1;
        } else {
            doc.stances.push(s.clone());
        }
    }

    if issues.is_empty() {
        Ok((doc, report))
    } else {
        Err(Error::from(ErrorKind::Invalid {
            location: crate::Location::file(None),
            issues,
        }))
    }
}

/// Merges `b` into `a`; `Err(field)` names the first identifying field on which they disagree.
fn merge_source(a: &mut Source, b: &Source, report: &mut MergeReport) -> Result<(), &'static str> {
    fn unite<T: Clone + PartialEq>(
        a: &mut Option<T>,
        b: &Option<T>,
        field: &'static str,
        id: &str,
        report: &mut MergeReport,
    ) -> Result<(), &'static str> {
        match (a.as_ref(), b) {
            (Some(x), Some(y)) if x != y => Err(field),
            (None, Some(y)) => {
                *a = Some(y.clone());
                report.filled.push(format!("source {id}: {field}"));
                Ok(())
            }
            _ => Ok(()),
        }
    }
    let id = a.id.to_string();
    if a.title != b.title {
        return Err("title");
    }
    unite(&mut a.publisher, &b.publisher, "publisher", &id, report)?;
    unite(&mut a.url, &b.url, "url", &id, report)?;
    unite(&mut a.date, &b.date, "date", &id, report)?;
    unite(&mut a.coverage, &b.coverage, "coverage", &id, report)?;
    match (&a.note, &b.note) {
        (Some(x), Some(y)) if x != y => report.conflicts.push(format!(
            "source {id}: note differs; the first graph's is kept"
        )),
        (None, Some(y)) => {
            a.note = Some(y.clone());
            report.filled.push(format!("source {id}: note"));
        }
        _ => {}
    }
    Ok(())
}

fn merge_country(a: &mut Country, b: &Country, report: &mut MergeReport) {
    let id = a.id;
    if a.name != b.name && !a.aliases.contains(&b.name) {
        a.aliases.push(b.name.clone());
        report.filled.push(format!(
            "{id}: name {:?} kept, {:?} added as an alias",
            a.name, b.name
        ));
    }
    for alias in &b.aliases {
        if !a.aliases.contains(alias) && *alias != a.name {
            a.aliases.push(alias.clone());
        }
    }
    match (a.cow_code, b.cow_code) {
        (None, Some(code)) => {
            a.cow_code = Some(code);
            report.filled.push(format!("{id}: cow_code {code}"));
        }
        (Some(x), Some(y)) if x != y => report.conflicts.push(format!(
            "{id}: cow_code {x} kept, the second graph says {y}"
        )),
        _ => {}
    }
    match (&a.nuclear_armed, &b.nuclear_armed) {
        (None, Some(n)) => {
            a.nuclear_armed = Some(n.clone());
            report
                .filled
                .push(format!("{id}: nuclear_armed since {}", n.since));
        }
        (Some(x), Some(y)) if x != y => report.conflicts.push(format!(
            "{id}: nuclear_armed since {} kept, the second graph says since {}",
            x.since, y.since
        )),
        _ => {}
    }
    match (&a.note, &b.note) {
        (None, Some(n)) => {
            a.note = Some(n.clone());
            report.filled.push(format!("{id}: note"));
        }
        (Some(x), Some(y)) if x != y => report
            .conflicts
            .push(format!("{id}: note differs; the first graph's is kept")),
        _ => {}
    }
}

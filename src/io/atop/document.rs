//! From ATOP rows to the crate's records: one treaty per alliance, its parties' spells, its
//! obligations by phase, the other provisions as attributes.

use std::collections::{BTreeMap, BTreeSet};

use super::crosswalk::crosswalk;
use super::import::{source, AtopFile, Report, RowIssue, CITATION, SOURCE_ID};
use super::rows::*;
use crate::model::{
    Attributes, Country, CountryId, Document, Party, SourceId, Treaty, TreatyId, TreatyKind,
    TreatyObligation,
};
use crate::util::Interner;
use crate::PartialDate;
use std::sync::Arc;

// ---------------------------------------------------------------------------------------------
// Building the document

pub(super) fn build_document(
    data: MemberRows,
    mut alliances: Option<BTreeMap<u32, AllianceRow>>,
    report: &mut Report,
) -> Document {
    let source_id = SourceId::new(SOURCE_ID).expect("a valid slug");
    let mut by_alliance: BTreeMap<u32, Vec<&MemberRow>> = BTreeMap::new();
    for r in &data.rows {
        by_alliance.entry(r.atopid).or_default().push(r);
    }
    report.alliances = by_alliance.len();
    let codes: BTreeSet<u16> = data.rows.iter().map(|r| r.member).collect();
    report.members = codes.len();

    let mut treaties = Vec::new();
    let mut used_codes = BTreeSet::new();
    let mut shared = SharedProvisions::new(&data.provisions);
    for (&atopid, rows) in &by_alliance {
        let alliance_row = alliances.as_mut().and_then(|a| a.remove(&atopid));
        let distinct: BTreeSet<u16> = rows.iter().map(|r| r.member).collect();
        if distinct.len() < 2 {
            for r in rows {
                report.issues.push(RowIssue {
                    file: AtopFile::Members,
                    row: r.row,
                    field: Some("member".into()),
                    reason: format!(
                        "alliance {atopid} has only one member; a treaty needs two, so it is not imported"
                    ),
                });
            }
            continue;
        }
        if let Some(a) = &alliance_row {
            check_alliance_row(atopid, a, rows, &distinct, report);
        } else if alliances.is_some() {
            report.issues.push(RowIssue {
                file: AtopFile::Members,
                row: rows[0].row,
                field: Some("atopid".into()),
                reason: format!(
                    "alliance {atopid} has no row in the alliance file; its member rows are imported"
                ),
            });
        }
        let treaty = build_treaty(
            atopid,
            rows,
            (&data.provisions, &mut shared),
            alliance_row.as_ref(),
            &source_id,
        );
        report.obligations += treaty.obligations.len();
        used_codes.extend(distinct);
        treaties.push(treaty);
    }
    for (atopid, a) in alliances.into_iter().flatten() {
        report.issues.push(RowIssue {
            file: AtopFile::Alliances,
            row: a.row,
            field: Some("atopid".into()),
            reason: format!("alliance {atopid} has no member rows; not imported"),
        });
    }
    let countries: Vec<Country> = used_codes
        .iter()
        .filter_map(|&code| crosswalk().by_cow(code))
        .map(|e| {
            let mut note = e.note.clone();
            if !e.is_cow_code() {
                let extra = "ATOP's published state-year table (atop5_1sy.csv) omits this member; io::atop::TableOptions::keep_non_cow keeps it.";
                note = Some(match note {
                    Some(n) => format!("{n}. {extra}"),
                    None => extra.to_string(),
                });
            }
            Country {
                id: e.iso3,
                name: e.name.clone(),
                aliases: Vec::new(),
                cow_code: Some(e.ccode),
                nuclear_armed: None,
                statehood: Vec::new(),
                note,
            }
        })
        .collect();
    report.treaties = treaties.len();
    report.countries = countries.len();
    Document {
        name: Some("atop-5.1".into()),
        title: Some("ATOP 5.1, imported from the member file".into()),
        description: Some(format!(
            "Every ATOP 5.1 alliance as a treaty, with member-level dates, phases, obligations and conditions. {CITATION}"
        )),
        sources: vec![source()],
        countries,
        treaties,
        ..Document::default()
    }
}

pub(super) fn country_of(code: u16) -> CountryId {
    // Every code was checked against the crosswalk when its row was read.
    crosswalk()
        .by_cow(code)
        .map(|e| e.iso3)
        .expect("checked when read")
}

/// Merges a member's rows into spells: rows that touch or overlap (phases) become one spell,
/// rows separated by a gap (a re-entry) stay separate.
pub(super) fn spells(rows: &[&MemberRow]) -> Vec<(PartialDate, Option<PartialDate>)> {
    let mut sorted: Vec<&&MemberRow> = rows.iter().collect();
    sorted.sort_by_key(|r| (r.entry.earliest(), r.row));
    let mut out: Vec<(PartialDate, Option<PartialDate>)> = Vec::new();
    for r in sorted {
        if let Some(last) = out.last_mut() {
            let touches = last.1.is_none_or(|end| r.entry.earliest() <= end.latest());
            if touches {
                last.1 = match (last.1, r.exit) {
                    (Some(a), Some(b)) => Some(if b.latest() > a.latest() { b } else { a }),
                    _ => None,
                };
                continue;
            }
        }
        out.push((r.entry, r.exit));
    }
    out
}

/// The provision names as every treaty shares them (each column's name and its
/// `.by-member` name), and the cell values met so far.
pub(super) struct SharedProvisions {
    names: Vec<(Arc<str>, Arc<str>)>,
    values: Interner,
}

impl SharedProvisions {
    pub(super) fn new(provisions: &ProvisionCells) -> Self {
        let names = provisions
            .names
            .iter()
            .map(|n| (n.as_str().into(), format!("{n}.by-member").into()))
            .collect();
        SharedProvisions {
            names,
            values: Interner::default(),
        }
    }
}

pub(super) fn build_treaty(
    atopid: u32,
    rows: &[&MemberRow],
    (provisions, shared): (&ProvisionCells, &mut SharedProvisions),
    alliance_row: Option<&AllianceRow>,
    source_id: &SourceId,
) -> Treaty {
    let mut by_member: BTreeMap<u16, Vec<&MemberRow>> = BTreeMap::new();
    for r in rows {
        by_member.entry(r.member).or_default().push(r);
    }
    let mut parties = Vec::new();
    for (&code, member_rows) in &by_member {
        for (joined, left) in spells(member_rows) {
            parties.push(Party::Spell {
                country: country_of(code),
                joined: Some(joined),
                left,
            });
        }
    }
    let mut obligations = Vec::new();
    for r in rows {
        for (k, (_, kind)) in OBLIGATIONS.iter().enumerate() {
            if r.obligations[k] {
                obligations.push(TreatyObligation {
                    kind: *kind,
                    by: Some(vec![country_of(r.member)]),
                    to: None,
                    conditions: r.conditions[k].clone(),
                    clause: None,
                    against: None,
                    from: Some(r.entry),
                    until: r.exit,
                    phase: (r.phase > 0).then_some(r.phase),
                });
            }
        }
    }
    let signed = rows.iter().map(|r| r.entry).min_by_key(|d| d.earliest());
    let ended = if rows.iter().any(|r| r.exit.is_none()) {
        None
    } else {
        rows.iter()
            .filter_map(|r| r.exit)
            .max_by_key(|d| d.latest())
    };
    let kind = if obligations.is_empty() {
        TreatyKind::Other
    } else {
        TreatyKind::Alliance
    };

    // Provisions: the alliance-level value under the column name; per-member values, when
    // the member rows differ, under `<column>.by-member`. Names and common values are shared
    // by every treaty (`shared`).
    let mut attributes: Vec<(Arc<str>, Arc<str>)> = Vec::with_capacity(provisions.names.len());
    let multi: BTreeSet<u16> = by_member
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| *k)
        .collect();
    for (k, (name, by_member_name)) in shared.names.iter().enumerate() {
        let values = &mut shared.values;
        let cell = |r: &MemberRow| provisions.get(r, k);
        // Most provisions are alike for every member row: compare with the first instead of
        // collecting a set per column.
        let first = rows.first().map_or("", |r| cell(r));
        if rows.iter().all(|r| cell(r) == first) {
            attributes.push((name.clone(), values.get(first)));
        } else {
            // "member=value; ...", by member and entry; a member with several spells is
            // named with its entry ("member/entry=value"). Written into one string.
            let mut listed: Vec<&MemberRow> = rows.to_vec();
            listed.sort_by(|a, b| {
                (a.member, a.entry.earliest())
                    .cmp(&(b.member, b.entry.earliest()))
                    // As the written text sorts: the entry as written, then the value.
                    .then_with(|| match multi.contains(&a.member) {
                        true => a.entry.to_string().cmp(&b.entry.to_string()),
                        false => std::cmp::Ordering::Equal,
                    })
                    .then_with(|| cell(a).cmp(cell(b)))
            });
            let mut text = String::new();
            for (k, r) in listed.iter().enumerate() {
                use std::fmt::Write as _;
                if k > 0 {
                    text.push_str("; ");
                }
                let _ = if multi.contains(&r.member) {
                    write!(text, "{}/{}={}", r.member, r.entry, cell(r))
                } else {
                    write!(text, "{}={}", r.member, cell(r))
                };
            }
            attributes.push((by_member_name.clone(), text.into()));
        }
    }
    // The names are sorted, and `x.by-member` sorts where `x` would: sort once more only
    // when a by-member name went out of place.
    if !attributes.is_sorted_by(|a, b| a.0 < b.0) {
        attributes.sort_by(|a, b| a.0.cmp(&b.0));
    }
    let mut attributes = Attributes::from_sorted(attributes);
    if let Some(a) = alliance_row {
        for (name, value) in &a.provisions {
            if let Some(member_value) = attributes.get(name) {
                if member_value != value {
                    let v = format!("all={member_value}");
                    attributes.insert(format!("{name}.by-member"), v);
                }
            }
            attributes.insert(name.as_str(), value.as_str());
        }
    }
    Treaty {
        id: TreatyId::new(&format!("atop-{atopid}")).expect("a valid slug"),
        name: format!("ATOP alliance {atopid}"),
        kind,
        parties,
        obligations,
        signed,
        in_force: None,
        ended,
        atop_id: Some(atopid),
        not_in_force: false,
        attributes,
        sources: vec![source_id.clone()],
        corroborated_by: Vec::new(),
        contradicted_by: Vec::new(),
        note: Some(
            "Imported from ATOP 5.1, which gives no treaty name. Dates are ATOP's: signature dates, not entry into force; obligations are coded per member and phase."
                .into(),
        ),
    }
}

pub(super) fn check_alliance_row(
    atopid: u32,
    a: &AllianceRow,
    rows: &[&MemberRow],
    members: &BTreeSet<u16>,
    report: &mut Report,
) {
    let first = rows.iter().map(|r| r.entry).min_by_key(|d| d.earliest());
    if let (Some(begin), Some(first)) = (a.begin, first) {
        if begin != first {
            report.issues.push(RowIssue {
                file: AtopFile::Alliances,
                row: a.row,
                field: Some("begyr".into()),
                reason: format!(
                    "alliance {atopid} begins {begin} here but the earliest member entry is {first}; the member dates were used"
                ),
            });
        }
    }
    let open = rows.iter().any(|r| r.exit.is_none());
    let last = rows
        .iter()
        .filter_map(|r| r.exit)
        .max_by_key(|d| d.latest());
    let member_end = if open { None } else { last };
    if a.end != member_end {
        let show =
            |d: Option<PartialDate>| d.map_or("none (in force)".to_string(), |d| d.to_string());
        report.issues.push(RowIssue {
            file: AtopFile::Alliances,
            row: a.row,
            field: Some("endyr".into()),
            reason: format!(
                "alliance {atopid} ends {} here but {} by its member rows; the member dates were used",
                show(a.end),
                show(member_end)
            ),
        });
    }
    if !a.members.is_empty() && &a.members != members {
        let only_a: Vec<String> = a.members.difference(members).map(u16::to_string).collect();
        let only_m: Vec<String> = members.difference(&a.members).map(u16::to_string).collect();
        report.issues.push(RowIssue {
            file: AtopFile::Alliances,
            row: a.row,
            field: Some("mem1".into()),
            reason: format!(
                "alliance {atopid}: members listed only here [{}], only in the member file [{}]; the member file was used",
                only_a.join(", "),
                only_m.join(", ")
            ),
        });
    }
}

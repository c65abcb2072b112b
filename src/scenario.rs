//! What-if scenarios: edits applied to a copy of a graph, and what they change. (About 640
//! lines: every edit with its inverse.)
//!
//! A [`Scenario`] is a list of [`Edit`]s. [`Scenario::apply`] validates the edited records
//! into a new graph (the original is untouched), compares the two on a date, and returns the
//! [`Diff`] (alliance pairs and defenders gained and lost) and the inverse scenario, which
//! applied to the new graph gives back the original answers.
//!
//! ```
//! use alliance_graph::{datasets, Scenario};
//!
//! let graph = datasets::asian_nato();
//! let date = "2024-10-01".parse()?;
//! // The article's question: an Asian NATO of the QUAD and AUKUS members, formed as a
//! // collective-defense alliance.
//! let scenario = Scenario::new(date)
//!     .form_grouping("asian-nato".parse()?, ["AUS", "GBR", "IND", "JPN", "USA"].map(|c| c.parse().unwrap()));
//! let outcome = scenario.apply(&graph)?;
//! let defenders = outcome.graph.as_of(date).defenders_of("Japan")?;
//! let nuclear: Vec<&str> = defenders.iter().filter(|d| d.nuclear_armed).map(|d| d.country.as_str()).collect();
//! assert_eq!(nuclear, ["GBR", "IND", "USA"]);
//! assert!(outcome.diff.defenders_gained.iter().any(|(d, of)| d.as_str() == "IND" && of.as_str() == "JPN"));
//! # Ok::<(), alliance_graph::Error>(())
//! ```

use std::collections::BTreeSet;

use crate::error::{Error, ErrorKind, Result};
use crate::io::Document;
use crate::model::{
    CountryId, Grouping, GroupingId, GroupingKind, GroupingStatus, Membership, Obligation, Party,
    Role, Source, SourceId, Stance, StatusChange, Treaty, TreatyId,
};
use crate::{AllianceGraph, GraphBuilder, PartialDate, Strength};

/// The id of the source that scenario edits cite, added to the graph when an edit needs it.
pub const SCENARIO_SOURCE: &str = "scenario";

/// One change to a graph's records.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Edit {
    /// Forms a grouping on a date with the given full members: the grouping becomes active
    /// then (created as a collective-defense alliance carrying defense if it does not exist)
    /// and each member joins then. Members already in it are left as they are.
    FormGrouping {
        /// The grouping.
        grouping: GroupingId,
        /// Its members.
        members: Vec<CountryId>,
        /// When it forms.
        date: PartialDate,
    },
    /// Ends (or, with `None`, un-ends) a treaty.
    SetTreatyEnd {
        /// The treaty.
        treaty: TreatyId,
        /// Its new end.
        ended: Option<PartialDate>,
    },
    /// Adds a treaty.
    AddTreaty(Treaty),
    /// Removes a treaty.
    RemoveTreaty(TreatyId),
    /// Adds a grouping.
    AddGrouping(Grouping),
    /// Removes a grouping that has no memberships and no stances on it.
    RemoveGrouping(GroupingId),
    /// Replaces a grouping's status history.
    SetGroupingStatus {
        /// The grouping.
        grouping: GroupingId,
        /// The new history.
        status: Vec<StatusChange>,
    },
    /// Adds a membership.
    AddMembership(Membership),
    /// Removes the last membership record equal to this one.
    RemoveMembership(Membership),
    /// Adds a stance.
    AddStance(Stance),
    /// Removes the last stance record equal to this one.
    RemoveStance(Stance),
    /// A state leaves a grouping the day before `date`: its memberships then in force end,
    /// and, for a grouping that names a treaty's parties (NATO for the North Atlantic
    /// Treaty), it leaves the treaty too.
    LeaveGrouping {
        /// The state.
        country: CountryId,
        /// The grouping.
        grouping: GroupingId,
        /// The first day it is out.
        date: PartialDate,
    },
    /// A state leaves a treaty the day before `date`: its spell as a party then ends.
    LeaveTreaty {
        /// The state.
        country: CountryId,
        /// The treaty.
        treaty: TreatyId,
        /// The first day it is out.
        date: PartialDate,
    },
    /// A grouping dissolves on `date`; a grouping that names a treaty's parties ends the
    /// treaty the day before.
    DissolveGrouping {
        /// The grouping.
        grouping: GroupingId,
        /// The day it dissolves.
        date: PartialDate,
    },
    /// Replaces a treaty's parties.
    SetTreatyParties {
        /// The treaty.
        treaty: TreatyId,
        /// The new parties.
        parties: Vec<Party>,
    },
    /// Adds a source.
    AddSource(Source),
    /// Removes a source.
    RemoveSource(SourceId),
}

/// Edits to try on a copy of a graph, and the date on which to compare before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
    /// The date on which the diff compares the two graphs.
    pub date: PartialDate,
    /// The strength at which the diff compares alliances.
    pub strength: Strength,
}

/// What a scenario changed, on its date and at its strength.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Diff {
    /// Pairs allied after and not before (lower id first).
    pub allied_gained: Vec<(CountryId, CountryId)>,
    /// Pairs allied before and not after.
    pub allied_lost: Vec<(CountryId, CountryId)>,
    /// (defender, defended) pairs gained.
    pub defenders_gained: Vec<(CountryId, CountryId)>,
    /// (defender, defended) pairs lost.
    pub defenders_lost: Vec<(CountryId, CountryId)>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.allied_gained.is_empty()
            && self.allied_lost.is_empty()
            && self.defenders_gained.is_empty()
            && self.defenders_lost.is_empty()
    }
}

/// One line per change: "allied: AUS-IND", "no longer allied: A-B", "defends: AUS -> IND"
/// (AUS would owe IND the obligation), "no longer defends: A -> B"; "no change" when empty.
///
/// ```
/// use alliance_graph::{datasets, Scenario};
///
/// let members = ["AUS", "JPN"].map(|c| c.parse().unwrap());
/// let outcome = Scenario::new("2024-10-01".parse()?)
///     .form_grouping("asian-nato".parse()?, members)
///     .apply(&datasets::asian_nato())?;
/// assert_eq!(outcome.diff.to_string(), "allied: AUS-JPN\ndefends: AUS -> JPN\ndefends: JPN -> AUS");
/// # Ok::<(), alliance_graph::Error>(())
/// ```
impl std::fmt::Display for Diff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut lines: Vec<String> = Vec::new();
        lines.extend(
            self.allied_gained
                .iter()
                .map(|(a, b)| format!("allied: {a}-{b}")),
        );
        lines.extend(
            self.allied_lost
                .iter()
                .map(|(a, b)| format!("no longer allied: {a}-{b}")),
        );
        lines.extend(
            self.defenders_gained
                .iter()
                .map(|(a, b)| format!("defends: {a} -> {b}")),
        );
        lines.extend(
            self.defenders_lost
                .iter()
                .map(|(a, b)| format!("no longer defends: {a} -> {b}")),
        );
        if lines.is_empty() {
            return f.write_str("no change");
        }
        f.write_str(&lines.join("\n"))
    }
}

/// The result of [`Scenario::apply`].
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The changed graph.
    pub graph: AllianceGraph,
    /// What changed on the scenario's date.
    pub diff: Diff,
    /// The scenario that undoes this one.
    pub inverse: Scenario,
}

impl Scenario {
    /// An empty scenario compared on `date`, at the default strength.
    pub fn new(date: PartialDate) -> Self {
        Scenario {
            edits: Vec::new(),
            date,
            strength: Strength::default(),
        }
    }

    /// Adds an edit.
    pub fn edit(mut self, edit: Edit) -> Self {
        self.edits.push(edit);
        self
    }

    /// Adds a [`Edit::FormGrouping`] on the scenario's date.
    pub fn form_grouping(
        self,
        grouping: GroupingId,
        members: impl IntoIterator<Item = CountryId>,
    ) -> Self {
        let date = self.date;
        self.edit(Edit::FormGrouping {
            grouping,
            members: members.into_iter().collect(),
            date,
        })
    }

    /// Compares at another strength.
    pub fn with_strength(mut self, strength: Strength) -> Self {
        self.strength = strength;
        self
    }

    /// Applies the edits to a copy of `graph`, validates it, and compares the two.
    pub fn apply(&self, graph: &AllianceGraph) -> Result<Outcome> {
        let mut doc = graph.document().clone();
        let mut undo = Vec::new();
        for edit in &self.edits {
            apply_edit(&mut doc, edit, &mut undo)?;
        }
        undo.reverse();
        // The edits' own fault, not the dataset's: said as a scenario error, with the problems.
        let changed = GraphBuilder::from_document(doc).build().map_err(|e| {
            if e.is_invalid() {
                let problems: Vec<String> = e.issues().iter().map(ToString::to_string).collect();
                scenario_error(format!(
                    "the edits leave the records invalid: {}",
                    problems.join("; ")
                ))
            } else {
                e
            }
        })?;
        let diff = diff(graph, &changed, self.date, self.strength);
        let inverse = Scenario {
            edits: undo,
            date: self.date,
            strength: self.strength,
        };
        Ok(Outcome {
            graph: changed,
            diff,
            inverse,
        })
    }
}

fn scenario_error(message: String) -> Error {
    Error::from(ErrorKind::Scenario { message })
}

fn scenario_source(doc: &mut Document, undo: &mut Vec<Edit>) -> Result<SourceId> {
    let id = SourceId::new(SCENARIO_SOURCE)?;
    if !doc.sources.iter().any(|s| s.id == id) {
        let s = Source {
            id: id.clone(),
            title: "What-if scenario (hypothetical, not a fact)".into(),
            publisher: None,
            url: None,
            date: None,
            note: None,
            coverage: None,
        };
        doc.sources.push(s);
        undo.push(Edit::RemoveSource(id.clone()));
    }
    Ok(id)
}

fn apply_edit(doc: &mut Document, edit: &Edit, undo: &mut Vec<Edit>) -> Result<()> {
    match edit {
        Edit::FormGrouping {
            grouping,
            members,
            date,
        } => {
            let source = scenario_source(doc, undo)?;
            if !doc.groupings.iter().any(|g| &g.id == grouping) {
                let g = Grouping {
                    id: grouping.clone(),
                    name: grouping.to_string(),
                    acronym: None,
                    aliases: Vec::new(),
                    kind: GroupingKind::CollectiveDefense,
                    obligations: vec![Obligation::Defense],
                    conditions: Vec::new(),
                    status: Vec::new(),
                    treaty: None,
                    note: Some("created by a what-if scenario".into()),
                };
                apply_edit(doc, &Edit::AddGrouping(g), undo)?;
            }
            let g = doc
                .groupings
                .iter()
                .find(|g| &g.id == grouping)
                .ok_or_else(|| scenario_error(format!("no grouping '{grouping}'")))?;
            let mut status = g.status.clone();
            status.retain(|c| c.since.earliest() < date.earliest());
            status.push(StatusChange {
                status: GroupingStatus::Active,
                since: *date,
                source: source.clone(),
            });
            apply_edit(
                doc,
                &Edit::SetGroupingStatus {
                    grouping: grouping.clone(),
                    status,
                },
                undo,
            )?;
            for &country in members {
                let already = doc.memberships.iter().any(|m| {
                    m.country == country
                        && &m.grouping == grouping
                        && m.role.is_full_member()
                        && m.period().is_some_and(|p| p.overlaps(&date.span()))
                });
                if !already {
                    let m = Membership {
                        country,
                        grouping: grouping.clone(),
                        role: Role::FoundingMember,
                        start: Some(*date),
                        end: None,
                        source: source.clone(),
                        corroborated_by: Vec::new(),
                        contradicted_by: Vec::new(),
                        note: None,
                    };
                    apply_edit(doc, &Edit::AddMembership(m), undo)?;
                }
            }
        }
        Edit::SetTreatyEnd { treaty, ended } => {
            let t = doc
                .treaties
                .iter_mut()
                .find(|t| &t.id == treaty)
                .ok_or_else(|| scenario_error(format!("no treaty '{treaty}' to end")))?;
            undo.push(Edit::SetTreatyEnd {
                treaty: treaty.clone(),
                ended: t.ended,
            });
            t.ended = *ended;
        }
        Edit::AddTreaty(t) => {
            doc.treaties.push(t.clone());
            undo.push(Edit::RemoveTreaty(t.id.clone()));
        }
        Edit::RemoveTreaty(id) => {
            let i = doc
                .treaties
                .iter()
                .position(|t| &t.id == id)
                .ok_or_else(|| scenario_error(format!("no treaty '{id}' to remove")))?;
            undo.push(Edit::AddTreaty(doc.treaties.remove(i)));
        }
        Edit::AddGrouping(g) => {
            doc.groupings.push(g.clone());
            undo.push(Edit::RemoveGrouping(g.id.clone()));
        }
        Edit::RemoveGrouping(id) => {
            let used = doc.memberships.iter().any(|m| &m.grouping == id)
                || doc
                    .stances
                    .iter()
                    .any(|s| s.target.grouping() == Some(id) || s.actor.as_grouping() == Some(id));
            if used {
                return Err(scenario_error(format!(
                    "grouping '{id}' still has memberships or stances"
                )));
            }
            let i = doc
                .groupings
                .iter()
                .position(|g| &g.id == id)
                .ok_or_else(|| scenario_error(format!("no grouping '{id}' to remove")))?;
            undo.push(Edit::AddGrouping(doc.groupings.remove(i)));
        }
        Edit::SetGroupingStatus { grouping, status } => {
            let g = doc
                .groupings
                .iter_mut()
                .find(|g| &g.id == grouping)
                .ok_or_else(|| scenario_error(format!("no grouping '{grouping}'")))?;
            let previous = std::mem::replace(&mut g.status, status.clone());
            undo.push(Edit::SetGroupingStatus {
                grouping: grouping.clone(),
                status: previous,
            });
        }
        Edit::AddMembership(m) => {
            doc.memberships.push(m.clone());
            undo.push(Edit::RemoveMembership(m.clone()));
        }
        Edit::RemoveMembership(m) => {
            let i = doc
                .memberships
                .iter()
                .rposition(|x| x == m)
                .ok_or_else(|| {
                    scenario_error(format!(
                        "no membership of {} in {} to remove",
                        m.country, m.grouping
                    ))
                })?;
            undo.push(Edit::AddMembership(doc.memberships.remove(i)));
        }
        Edit::AddStance(s) => {
            doc.stances.push(s.clone());
            undo.push(Edit::RemoveStance(s.clone()));
        }
        Edit::RemoveStance(s) => {
            let i = doc.stances.iter().rposition(|x| x == s).ok_or_else(|| {
                scenario_error(format!(
                    "no such stance of {} on {} to remove",
                    s.actor, s.target
                ))
            })?;
            undo.push(Edit::AddStance(doc.stances.remove(i)));
        }
        Edit::LeaveGrouping {
            country,
            grouping,
            date,
        } => {
            let g = doc
                .groupings
                .iter()
                .find(|g| &g.id == grouping)
                .ok_or_else(|| scenario_error(format!("no grouping '{grouping}'")))?;
            let treaty = g.treaty.clone();
            let last = day_before(date)?;
            let ending: Vec<Membership> = doc
                .memberships
                .iter()
                .filter(|m| {
                    m.country == *country
                        && &m.grouping == grouping
                        && m.period().is_some_and(|p| p.overlaps(&date.span()))
                })
                .cloned()
                .collect();
            if ending.is_empty() && treaty.is_none() {
                return Err(scenario_error(format!(
                    "{country} is not a member of '{grouping}' on {date}"
                )));
            }
            for m in ending {
                apply_edit(doc, &Edit::RemoveMembership(m.clone()), undo)?;
                let ended = Membership {
                    end: Some(last),
                    ..m
                };
                apply_edit(doc, &Edit::AddMembership(ended), undo)?;
            }
            if let Some(treaty) = treaty {
                apply_edit(
                    doc,
                    &Edit::LeaveTreaty {
                        country: *country,
                        treaty,
                        date: *date,
                    },
                    undo,
                )?;
            }
        }
        Edit::LeaveTreaty {
            country,
            treaty,
            date,
        } => {
            let t = doc
                .treaties
                .iter()
                .find(|t| &t.id == treaty)
                .ok_or_else(|| scenario_error(format!("no treaty '{treaty}'")))?;
            let last = day_before(date)?;
            let mut left = false;
            let parties: Vec<Party> = t
                .parties
                .iter()
                .map(|p| {
                    if p.country() == *country && p.period().overlaps(&date.span()) {
                        left = true;
                        let joined = p.period().start();
                        Party::Spell {
                            country: *country,
                            joined,
                            left: Some(last),
                        }
                    } else {
                        p.clone()
                    }
                })
                .collect();
            if !left {
                return Err(scenario_error(format!(
                    "{country} is not a party to '{treaty}' on {date}"
                )));
            }
            apply_edit(
                doc,
                &Edit::SetTreatyParties {
                    treaty: treaty.clone(),
                    parties,
                },
                undo,
            )?;
        }
        Edit::DissolveGrouping { grouping, date } => {
            let source = scenario_source(doc, undo)?;
            let g = doc
                .groupings
                .iter()
                .find(|g| &g.id == grouping)
                .ok_or_else(|| scenario_error(format!("no grouping '{grouping}'")))?;
            let treaty = g.treaty.clone();
            let mut status = g.status.clone();
            status.retain(|c| c.since.earliest() < date.earliest());
            status.push(StatusChange {
                status: GroupingStatus::Dissolved,
                since: *date,
                source,
            });
            apply_edit(
                doc,
                &Edit::SetGroupingStatus {
                    grouping: grouping.clone(),
                    status,
                },
                undo,
            )?;
            if let Some(treaty) = treaty {
                apply_edit(
                    doc,
                    &Edit::SetTreatyEnd {
                        treaty,
                        ended: Some(day_before(date)?),
                    },
                    undo,
                )?;
            }
        }
        Edit::SetTreatyParties { treaty, parties } => {
            let t = doc
                .treaties
                .iter_mut()
                .find(|t| &t.id == treaty)
                .ok_or_else(|| scenario_error(format!("no treaty '{treaty}'")))?;
            let previous = std::mem::replace(&mut t.parties, parties.clone());
            undo.push(Edit::SetTreatyParties {
                treaty: treaty.clone(),
                parties: previous,
            });
        }
        Edit::AddSource(s) => {
            doc.sources.push(s.clone());
            undo.push(Edit::RemoveSource(s.id.clone()));
        }
        Edit::RemoveSource(id) => {
            let i = doc
                .sources
                .iter()
                .position(|s| &s.id == id)
                .ok_or_else(|| scenario_error(format!("no source '{id}' to remove")))?;
            undo.push(Edit::AddSource(doc.sources.remove(i)));
        }
    }
    Ok(())
}

/// The day before the first day of `date`.
fn day_before(date: &PartialDate) -> Result<PartialDate> {
    date.earliest().pred().to_partial()
}

/// A set of ordered country pairs.
pub(crate) type PairSet = BTreeSet<(CountryId, CountryId)>;

/// Every allied pair (lower id first) and every (defender, defended) pair on a view.
pub(crate) fn alliance_pairs(view: &crate::View<'_>) -> (PairSet, PairSet) {
    let mut allied = BTreeSet::new();
    let mut defends = BTreeSet::new();
    for x in view.graph().countries().map(|c| c.id) {
        for (y, evidence) in view.ties_of(x) {
            if x < y {
                allied.insert((x, y));
            }
            if evidence.iter().any(|e| e.binds(y)) {
                defends.insert((y, x));
            }
        }
    }
    (allied, defends)
}

fn diff(
    before: &AllianceGraph,
    after: &AllianceGraph,
    date: PartialDate,
    strength: Strength,
) -> Diff {
    let (a0, d0) = alliance_pairs(&before.as_of(date).with_strength(strength));
    let (a1, d1) = alliance_pairs(&after.as_of(date).with_strength(strength));
    Diff {
        allied_gained: a1.difference(&a0).copied().collect(),
        allied_lost: a0.difference(&a1).copied().collect(),
        defenders_gained: d1.difference(&d0).copied().collect(),
        defenders_lost: d0.difference(&d1).copied().collect(),
    }
}

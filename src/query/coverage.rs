//! Coverage: the one rule for what the data can and cannot say on a date.
//!
//! A source may declare the span it covers completely ([`Source::coverage`](crate::Source)):
//! ATOP 5.1 covers 1815 to 2018; the world dataset's review of each alliance covers 2019 to the
//! review date. From those declarations:
//!
//! 1. **A treaty is known** on the days its sources cover: from the earliest start to the latest
//!    end of their declared coverages (every day, when none of its sources declares one). Its
//!    ties count only on those days, so a tie is never carried past what its sources cover: no
//!    stale "yes".
//! 2. **An open tie** held on the last day its treaty is known, and the date asked runs past
//!    that day: the data cannot say whether it still holds. It is neither "yes" nor "no"; the
//!    answers that it touches name it ([`OpenTie`]).
//! 3. **Outside**: when the date asked is not within the span the graph's declared coverages
//!    reach together (before 1815, after the review date), no "no" can be given at all; the
//!    sources it falls outside are named.
//! 4. **Not a state**: a state asked about on a date on which it was not one (its
//!    [`statehood`](crate::Country::statehood)) has no ties to report; its answer is unknown
//!    for that date, not "no".
//!
//! A "no" is given only when none of 2–4 touches the question; otherwise the answer is
//! "unknown", with the [`Gaps`] that make it so. A question that is partly known lists what is
//! known and names the rest. A graph whose sources declare no coverage (a hand-written
//! dataset) is read as complete.

use std::fmt;

use super::View;
use crate::model::{CountryId, SourceId, Treaty, TreatyId};
use crate::{AllianceGraph, Day, Span};

/// What the data cannot say about a question on the view's date. Serialized as
/// `{"outside_coverage", "open_ties", "not_states"}`, the fields every command's JSON carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Gaps {
    /// Sources with a declared coverage that the date asked falls outside, when it is outside
    /// what the graph's sources cover together (rule 3); empty otherwise.
    #[serde(rename = "outside_coverage")]
    pub outside: Vec<SourceId>,
    /// Ties that held when their treaty's coverage ended and may still hold (rule 2).
    #[serde(rename = "open_ties")]
    pub open: Vec<OpenTie>,
    /// States asked about that were not states on the date asked (rule 4).
    pub not_states: Vec<CountryId>,
}

impl Gaps {
    /// Whether nothing is missing: every "no" is a real no.
    pub fn is_empty(&self) -> bool {
        self.outside.is_empty() && self.open.is_empty() && self.not_states.is_empty()
    }
}

impl fmt::Display for Gaps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if !self.outside.is_empty() {
            let ids: Vec<&str> = self.outside.iter().map(SourceId::as_str).collect();
            parts.push(format!(
                "the date lies outside the coverage of {}",
                ids.join(", ")
            ));
        }
        for c in &self.not_states {
            parts.push(format!("{c} was not a state on the date asked"));
        }
        for t in &self.open {
            parts.push(t.to_string());
        }
        f.write_str(&parts.join("; "))
    }
}

/// A tie whose treaty's sources stop before the date asked, while it was still in force.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OpenTie {
    /// The treaty.
    pub treaty: TreatyId,
    /// Its name.
    pub name: String,
    /// Its ATOP id, if it has one.
    pub atop_id: Option<u32>,
    /// The last day its sources cover.
    #[serde(serialize_with = "as_text")]
    pub known_until: Day,
    /// Its parties on that day that were tied to another party at the view's strength.
    pub parties: Vec<CountryId>,
    /// The treaty's sources.
    pub sources: Vec<SourceId>,
}

fn as_text<S: serde::Serializer>(day: &Day, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(day)
}

impl fmt::Display for OpenTie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if let Some(a) = self.atop_id {
            write!(f, " (ATOP {a})")?;
        }
        write!(
            f,
            " was in force on {}, the last day its sources cover, and has not been reviewed since",
            self.known_until
        )
    }
}

/// The days on which `t`'s facts are known (rule 1): the union of the coverages of its
/// sources that declare one; every day when none does.
fn known_from_sources(graph: &AllianceGraph, t: &Treaty) -> Span {
    let mut known: Option<Span> = None;
    for c in t.sources.iter().filter_map(|s| graph.source(s)?.coverage) {
        let (first, last) = (c.from.earliest(), c.to.latest());
        known = Some(match known {
            None => Span { first, last },
            Some(k) => Span {
                first: k.first.min(first),
                last: k.last.max(last),
            },
        });
    }
    known.unwrap_or(Span::ALL)
}

impl<'g> View<'g> {
    /// The days on which `t`'s facts are known (rule 1): found once per treaty and graph.
    pub(crate) fn treaty_known(&self, t: &Treaty) -> Span {
        self.graph.treaty_known(t, known_from_sources)
    }

    /// The days on which `t` is in force and known: every tie rule reads a treaty through
    /// this, so that no tie is carried past its sources (rule 1).
    pub(crate) fn treaty_span(&self, t: &Treaty) -> Option<Span> {
        t.period()?.span().intersect(&self.treaty_known(t))
    }

    /// The sources the date asked falls outside, when it lies outside what the graph's
    /// declared coverages reach together (rule 3); empty when it lies within, or when no
    /// source declares a coverage.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::world();
    /// assert!(graph.as_of("1990".parse()?).outside_coverage().is_empty());
    /// assert_eq!(graph.as_of("1700".parse()?).outside_coverage().len(), 2);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn outside_coverage(&self) -> Vec<SourceId> {
        let declared: Vec<(&SourceId, Span)> = self
            .graph
            .sources()
            .filter_map(|s| Some((&s.id, s.coverage?)))
            .map(|(id, c)| {
                (
                    id,
                    Span {
                        first: c.from.earliest(),
                        last: c.to.latest(),
                    },
                )
            })
            .collect();
        let Some(first) = declared.iter().map(|(_, s)| s.first).min() else {
            return Vec::new();
        };
        let last = declared.iter().map(|(_, s)| s.last).max().unwrap_or(first);
        if first <= self.asked.first && self.asked.last <= last {
            return Vec::new();
        }
        declared
            .into_iter()
            .filter(|(_, s)| !(s.first <= self.asked.first && self.asked.last <= s.last))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Everything the data cannot say on the view's date, over the whole graph: the
    /// sources it falls outside and every open tie.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::world();
    /// // ATOP ends in 2018; alliances not reviewed since are open in 2024.
    /// let gaps = graph.as_of("2024".parse()?).gaps();
    /// assert!(gaps.outside.is_empty());
    /// assert!(!gaps.open.is_empty());
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn gaps(&self) -> Gaps {
        Gaps {
            outside: self.outside_coverage(),
            open: self.open_ties(&[]),
            not_states: Vec::new(),
        }
    }

    /// What the data cannot say about `countries` on the view's date: the sources it falls
    /// outside, the open ties that include all of them, and those that were not states then.
    /// Empty means that every "no" about them is a real no.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::world();
    /// let view = graph.as_of("2024-06-01".parse()?);
    /// let usa = "USA".parse()?;
    /// assert!(view.gaps_for(&[usa]).open.iter().all(|t| t.parties.contains(&usa)));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn gaps_for(&self, countries: &[CountryId]) -> Gaps {
        let not_states = countries
            .iter()
            .copied()
            .filter(|c| {
                self.graph
                    .country(c)
                    .is_some_and(|c| !c.is_state_during(&self.asked))
            })
            .collect();
        Gaps {
            outside: self.outside_coverage(),
            open: self.open_ties(countries),
            not_states,
        }
    }

    /// The open ties (rule 2) whose parties include every one of `countries`.
    fn open_ties(&self, countries: &[CountryId]) -> Vec<OpenTie> {
        let mut out = Vec::new();
        for t in self.graph.treaties() {
            let known = self.treaty_known(t);
            if known.last >= self.asked.last {
                continue;
            }
            if !countries.iter().all(|c| t.has_party(*c)) {
                continue;
            }
            let end = known.last;
            let at_end = View {
                asked: Span {
                    first: end,
                    last: end,
                },
                ..*self
            };
            let Some(period) = at_end.treaty_live(t) else {
                continue;
            };
            let present: Vec<CountryId> = {
                let mut p: Vec<CountryId> = t
                    .parties
                    .iter()
                    .filter(|p| p.period().overlaps(&at_end.asked))
                    .map(|p| p.country())
                    .collect();
                p.sort();
                p.dedup();
                p
            };
            let tied: Vec<CountryId> = present
                .iter()
                .copied()
                .filter(|&x| {
                    present
                        .iter()
                        .any(|&y| y != x && at_end.treaty_check(t, period, x, y).0)
                })
                .collect();
            if tied.len() < 2 || !countries.iter().all(|c| tied.contains(c)) {
                continue;
            }
            if let [a, b] = countries {
                if !at_end.treaty_check(t, period, *a, *b).0 {
                    continue;
                }
            }
            out.push(OpenTie {
                treaty: t.id.clone(),
                name: t.name.clone(),
                atop_id: t.atop_id,
                known_until: end,
                parties: tied,
                sources: t.sources.clone(),
            });
        }
        out
    }
}

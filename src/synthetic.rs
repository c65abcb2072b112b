//! A seeded, deterministic generator of synthetic datasets, for benchmarks and tests.
//!
//! [`Generator`] makes a valid [`Document`] of any size within its limits: states,
//! groupings with memberships over time and a status history, treaties with ATOP-style
//! obligations (mutual and one-sided, with phases, conditions and party spells), and stances
//! with dates of every precision. The same parameters and seed always give the same
//! document, byte for byte once saved; another seed gives another one.
//!
//! ```
//! use alliance_graph::synthetic::Generator;
//!
//! let graph = Generator { states: 200, groupings: 20, treaties: 400, stances: 1_000, seed: 7 }
//!     .graph()?;
//! assert_eq!(graph.countries().count(), 200);
//! assert_eq!(graph.stances().count(), 1_000);
//! let view = graph.as_of("2000-06-15".parse()?);
//! let _ = view.allies("AAA")?;
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! # Ids
//!
//! A country id is an ISO 3166-1 alpha-3 shape, three uppercase letters, so there are at most
//! 26³ = [`MAX_STATES`] = 17,576 distinct states: state number `i` gets the `i`-th code in
//! alphabetical order (`AAA`, `AAB`, ... `ZZZ`). The generator refuses more states than that
//! rather than widen [`CountryId`]. Groupings are `g-000001`..., treaties
//! `t-0000001`..., sources `src-0001`...; names are "State AAA", "Grouping 1", "Treaty 1".
//!
//! # What is generated
//!
//! - **States**: id, name, an alias ("AAA republic"), a COW code, and about one in fifty
//!   nuclear-armed since a year.
//! - **Groupings**: a third collective-defense (defense and consultation), the rest
//!   partnerships or dialogues without obligation; a status history (proposed → active, a fifth
//!   later dissolved) and 3 to 24 members (one in fifty up to 120), most founding members,
//!   some joining later or leaving, a few partners or observers.
//! - **Treaties**: nine in ten bilateral, the rest with 3 to 6 parties (one party with its own
//!   spell). Nine in ten are alliances with mutual defense, one-sided defense, or weaker
//!   obligations (some with a second phase or a condition); the rest access agreements. Signed
//!   between 1815 and 2020, two in five ended later. Partners are drawn mostly near the state's
//!   own number, so the graph has regions, as real alliance networks do.
//! - **Stances**: a state (or sometimes a grouping) supporting, refusing or proposing a
//!   grouping, a state's membership of one, or another state; dated 1990-2024 at year, month
//!   or day precision; a third name a speaker, one in ten quotes them; sources from a pool.
//!
//! So `treaties` bilateral treaties make that many treaty ties; multilateral ones make more.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::io::Document;
use crate::model::{
    ActorId, Country, CountryId, Evidence, Grouping, GroupingId, GroupingKind, GroupingStatus,
    Membership, Obligation, Party, Role, Since, Source, SourceId, Speaker, Stance, StanceKind,
    StatusChange, Target, Treaty, TreatyId, TreatyKind, TreatyObligation,
};
use crate::{AllianceGraph, PartialDate, When};

/// The most states the generator makes: every three-letter code, 26³.
pub const MAX_STATES: usize = 26 * 26 * 26;

/// The parameters of a synthetic dataset. Every field is public; build one with a struct
/// literal or start from [`Generator::default`] (the size of today's state system).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Generator {
    /// How many states, at most [`MAX_STATES`] (at least two when there are treaties).
    pub states: usize,
    /// How many groupings (alliances, partnerships, dialogues).
    pub groupings: usize,
    /// How many treaties.
    pub treaties: usize,
    /// How many stances.
    pub stances: usize,
    /// The seed: the same seed and sizes give the same dataset.
    pub seed: u64,
}

impl Default for Generator {
    /// About the real world's size: 200 states, 40 groupings, 600 treaties, 2,000 stances.
    fn default() -> Self {
        Generator {
            states: 200,
            groupings: 40,
            treaties: 600,
            stances: 2_000,
            seed: 1,
        }
    }
}

/// The `i`-th three-letter country code in alphabetical order (`0` is `AAA`); `None` past
/// [`MAX_STATES`].
///
/// ```
/// use alliance_graph::synthetic::country_id;
/// assert_eq!(country_id(0).unwrap().as_str(), "AAA");
/// assert_eq!(country_id(27).unwrap().as_str(), "ABB");
/// assert_eq!(country_id(17_575).unwrap().as_str(), "ZZZ");
/// assert!(country_id(17_576).is_none());
/// ```
pub fn country_id(i: usize) -> Option<CountryId> {
    if i >= MAX_STATES {
        return None;
    }
    let letter = |k: usize| (b'A' + k as u8) as char;
    let code: String = [letter(i / 676), letter(i / 26 % 26), letter(i % 26)]
        .iter()
        .collect();
    CountryId::new(&code).ok()
}

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    /// A date in `year`, at year, month or day precision (one in three each).
    fn date_in(&mut self, year: i32) -> PartialDate {
        let month = self.range(1, 12) as u8;
        match self.below(3) {
            0 => PartialDate::year(year),
            1 => PartialDate::month(year, month),
            _ => PartialDate::day(year, month, self.range(1, 28) as u8),
        }
        .expect("years 1000-9999, months 1-12 and days 1-28 are valid")
    }

    /// A state near `i` (within a window of 1/20 of the states, at least 50) or, one in five,
    /// anywhere; never `i` itself.
    fn partner(&mut self, i: usize, states: usize) -> usize {
        loop {
            let j = if self.chance(1, 5) {
                self.below(states)
            } else {
                let w = (states / 20).max(50).min(states);
                (i + states - w / 2 + self.below(w)) % states
            };
            if j != i {
                return j;
            }
        }
    }
}

fn slug<T: std::str::FromStr<Err = Error>>(s: String) -> T {
    s.parse()
        .unwrap_or_else(|_| unreachable!("generated slugs are valid"))
}

impl Generator {
    /// The dataset, as records. Fails only when the sizes are impossible: more than
    /// [`MAX_STATES`] states, or treaties, groupings or stances without two states to tie.
    pub fn document(&self) -> Result<Document> {
        let n = self.states;
        if n > MAX_STATES {
            return Err(Error::from(ErrorKind::TooLarge {
                location: Box::<Location>::default(),
                what: format!("a synthetic dataset of {n} states (country ids are three letters)"),
                limit: MAX_STATES as u64,
            }));
        }
        if n < 2 && (self.treaties > 0 || self.groupings > 0 || self.stances > 0) {
            return Err(Error::from(ErrorKind::TooLarge {
                location: Box::<Location>::default(),
                what: "treaties, groupings or stances among fewer than two states".into(),
                limit: 0,
            }));
        }
        let ids: Vec<CountryId> = (0..n).filter_map(country_id).collect();
        let mut doc = Document {
            name: Some(format!("synthetic-{}", self.seed)),
            title: Some(format!(
                "Synthetic dataset: {} states, {} groupings, {} treaties, {} stances, seed {}",
                self.states, self.groupings, self.treaties, self.stances, self.seed
            )),
            description: Some(
                "Generated by alliance_graph::synthetic::Generator; not real data.".into(),
            ),
            ..Document::default()
        };

        // Sources: one for the generator's facts, and a pool that stances cite.
        let pool = (self.stances / 2_000).clamp(1, 500);
        let base: SourceId = slug("synthetic".into());
        doc.sources.push(Source {
            id: base.clone(),
            title: "Synthetic facts".into(),
            publisher: Some("alliance-graph generator".into()),
            url: None,
            date: None,
            note: None,
            coverage: None,
        });
        let pool_ids: Vec<SourceId> = (1..=pool)
            .map(|k| slug::<SourceId>(format!("src-{k:04}")))
            .collect();
        for (k, id) in pool_ids.iter().enumerate() {
            doc.sources.push(Source {
                id: id.clone(),
                title: format!("News source {}", k + 1),
                publisher: Some(format!("Publisher {}", k % 37 + 1)),
                url: Some(format!("https://news.example/{}", k + 1)),
                date: None,
                note: None,
                coverage: None,
            });
        }

        let mut r = Rng::new(self.seed, 1);
        for (i, id) in ids.iter().enumerate() {
            let nuclear = r.chance(1, 50);
            doc.countries.push(Country {
                id: *id,
                name: format!("State {id}"),
                aliases: vec![format!("{id} republic")],
                cow_code: u16::try_from(i + 2).ok(),
                nuclear_armed: nuclear.then(|| Since {
                    since: PartialDate::year(r.range(1945, 2017)).expect("valid year"),
                    source: base.clone(),
                }),
                statehood: Vec::new(),
                note: None,
            });
        }

        let mut r = Rng::new(self.seed, 2);
        let mut grouping_ids = Vec::with_capacity(self.groupings);
        for k in 1..=self.groupings {
            let id: GroupingId = slug(format!("g-{k:06}"));
            let (kind, obligations) = match r.below(3) {
                0 => (
                    GroupingKind::CollectiveDefense,
                    vec![Obligation::Defense, Obligation::Consultation],
                ),
                1 => (GroupingKind::SecurityPartnership, vec![]),
                _ => (GroupingKind::StrategicDialogue, vec![]),
            };
            let proposed = r.range(1900, 2015);
            let mut status = vec![StatusChange {
                status: GroupingStatus::Proposed,
                since: r.date_in(proposed),
                source: base.clone(),
            }];
            let formed = proposed + r.range(1, 5);
            status.push(StatusChange {
                status: GroupingStatus::Active,
                since: PartialDate::year(formed).expect("valid year"),
                source: base.clone(),
            });
            let dissolved = r
                .chance(1, 5)
                .then(|| formed + r.range(5, 60))
                .filter(|y| *y <= 2024);
            if let Some(y) = dissolved {
                status.push(StatusChange {
                    status: GroupingStatus::Dissolved,
                    since: PartialDate::year(y).expect("valid year"),
                    source: base.clone(),
                });
            }
            let size = if r.chance(1, 50) {
                r.range(25, 120)
            } else {
                r.range(3, 24)
            } as usize;
            let size = size.min(n);
            let anchor = r.below(n);
            let mut members: Vec<usize> = Vec::with_capacity(size);
            while members.len() < size {
                let j = if members.is_empty() {
                    anchor
                } else {
                    r.partner(anchor, n)
                };
                if !members.contains(&j) {
                    members.push(j);
                }
            }
            for (m, &j) in members.iter().enumerate() {
                let founding = m < 3 || r.chance(2, 3);
                let role = if founding {
                    Role::FoundingMember
                } else if r.chance(1, 8) {
                    if r.chance(1, 2) {
                        Role::Partner
                    } else {
                        Role::Observer
                    }
                } else {
                    Role::Member
                };
                let start = if founding {
                    PartialDate::year(formed).expect("valid year")
                } else {
                    let y = formed + r.range(1, 30);
                    r.date_in(y)
                };
                let end = r
                    .chance(1, 10)
                    .then(|| start.year_part() + r.range(1, 40))
                    .filter(|y| *y <= 2024)
                    .map(|y| r.date_in(y));
                doc.memberships.push(Membership {
                    country: ids[j],
                    grouping: id.clone(),
                    role,
                    start: Some(start),
                    end,
                    source: base.clone(),
                    corroborated_by: Vec::new(),
                    contradicted_by: Vec::new(),
                    note: None,
                });
            }
            doc.groupings.push(Grouping {
                id: id.clone(),
                name: format!("Grouping {k}"),
                acronym: Some(format!("G{k}")),
                aliases: vec![],
                kind,
                obligations,
                conditions: Vec::new(),
                status,
                treaty: None,
                note: None,
            });
            grouping_ids.push(id);
        }

        let mut r = Rng::new(self.seed, 3);
        for k in 1..=self.treaties {
            let a = r.below(n);
            let parties_n = if r.chance(1, 10) { r.range(3, 6) } else { 2 } as usize;
            let parties_n = parties_n.min(n);
            let mut parts = vec![a];
            while parts.len() < parties_n {
                let j = r.partner(a, n);
                if !parts.contains(&j) {
                    parts.push(j);
                }
            }
            let signed_year = r.range(1815, 2020);
            let signed = r.date_in(signed_year);
            let in_force = r
                .chance(1, 2)
                .then(|| PartialDate::year(signed_year + r.range(0, 1)).expect("valid year"));
            let start_year = in_force.map_or(signed_year, |d| d.year_part());
            let ended = r
                .chance(2, 5)
                .then(|| start_year + r.range(1, 60))
                .filter(|y| *y <= 2024)
                .map(|y| r.date_in(y));
            let mut parties: Vec<Party> = parts.iter().map(|&j| Party::Whole(ids[j])).collect();
            if parties_n > 2 && r.chance(1, 2) {
                let last = parties.len() - 1;
                parties[last] = Party::Spell {
                    country: ids[parts[last]],
                    joined: Some(PartialDate::year(start_year + r.range(1, 10)).expect("year")),
                    left: None,
                };
            }
            let alliance = r.chance(9, 10);
            let mut obligations = Vec::new();
            if alliance {
                let o = |kind, by: Option<Vec<CountryId>>, to: Option<Vec<CountryId>>| {
                    TreatyObligation {
                        kind,
                        by,
                        to,
                        conditions: vec![],
                        clause: None,
                        against: None,
                        from: None,
                        until: None,
                        phase: None,
                    }
                };
                match r.below(10) {
                    0..=4 => obligations.push(o(Obligation::Defense, None, None)),
                    5..=6 => {
                        // One-sided: the first party defends the others.
                        let others: Vec<CountryId> = parts[1..].iter().map(|&j| ids[j]).collect();
                        obligations.push(o(Obligation::Defense, Some(vec![ids[a]]), Some(others)));
                    }
                    7 => obligations.push(o(Obligation::NonAggression, None, None)),
                    8 => obligations.push(o(Obligation::Neutrality, None, None)),
                    _ => obligations.push(o(Obligation::Offense, None, None)),
                }
                obligations.push(o(Obligation::Consultation, None, None));
                if r.chance(1, 10) {
                    obligations[0].conditions = vec!["only if attacked by a non-party".into()];
                }
                if r.chance(1, 10) {
                    // A second phase from a later year drops the first obligation.
                    let change = start_year + r.range(1, 20);
                    if ended.is_none_or(|e| e.year_part() > change) {
                        let at = PartialDate::year(change).expect("valid year");
                        obligations[0].until = Some(at);
                        obligations[0].phase = Some(1);
                        obligations[1].phase = Some(1);
                        let mut later = o(Obligation::Consultation, None, None);
                        later.from = Some(at);
                        later.phase = Some(2);
                        obligations[1].until = Some(at);
                        obligations.push(later);
                    }
                }
            }
            doc.treaties.push(Treaty {
                id: slug::<TreatyId>(format!("t-{k:07}")),
                name: format!("Treaty {k}"),
                kind: if alliance {
                    TreatyKind::Alliance
                } else {
                    TreatyKind::Access
                },
                parties,
                obligations,
                signed: Some(signed),
                in_force,
                ended,
                atop_id: None,
                not_in_force: false,
                attributes: Default::default(),
                sources: vec![base.clone()],
                corroborated_by: Vec::new(),
                contradicted_by: Vec::new(),
                note: None,
            });
        }

        let mut r = Rng::new(self.seed, 4);
        const OFFICES: [&str; 4] = [
            "Prime Minister",
            "Foreign Minister",
            "Defense Minister",
            "President",
        ];
        const KINDS: [StanceKind; 7] = [
            StanceKind::Support,
            StanceKind::Refusal,
            StanceKind::Proposal,
            StanceKind::Request,
            StanceKind::Invitation,
            StanceKind::Hedge,
            StanceKind::ConditionalSupport,
        ];
        for _ in 0..self.stances {
            let i = r.below(n);
            let actor = if !grouping_ids.is_empty() && r.chance(1, 20) {
                ActorId::Grouping(grouping_ids[r.below(grouping_ids.len())].clone())
            } else {
                ActorId::Country(ids[i])
            };
            let target = match r.below(10) {
                _ if grouping_ids.is_empty() => Target::Country(ids[r.partner(i, n)]),
                0..=4 => Target::Grouping(grouping_ids[r.below(grouping_ids.len())].clone()),
                5..=7 => Target::Membership {
                    country: ids[r.partner(i, n)],
                    grouping: grouping_ids[r.below(grouping_ids.len())].clone(),
                },
                _ => Target::Country(ids[r.partner(i, n)]),
            };
            // A country never targets itself.
            let target = match (&actor, target) {
                (ActorId::Country(a), Target::Country(c)) if *a == c => {
                    Target::Country(ids[r.partner(i, n)])
                }
                (_, t) => t,
            };
            let kind = KINDS[r.below(KINDS.len())];
            let speaker = r.chance(1, 3).then(|| Speaker {
                name: format!("Speaker {}", r.below(n * 4) + 1),
                office: Some(OFFICES[r.below(OFFICES.len())].to_string()),
            });
            let quote = (speaker.is_some() && r.chance(1, 3))
                .then(|| format!("We {kind} this, statement {}.", r.below(1000)));
            let evidence = match r.below(10) {
                0..=5 => Evidence::OnRecord,
                6..=8 => Evidence::Reported,
                _ => Evidence::Speculated,
            };
            // A hedge a source calls a refusal, now and then, as reports do.
            let reported_as =
                (kind == StanceKind::Hedge && r.chance(1, 2)).then_some(StanceKind::Refusal);
            let condition = (kind == StanceKind::ConditionalSupport)
                .then(|| format!("if condition {} is met", r.below(100)));
            let date = {
                let y = r.range(1990, 2024);
                let first = r.date_in(y);
                // Some reports give only a range of days ("the last week of September").
                match first.month_part() {
                    Some(m) if r.chance(1, 8) => {
                        let last = PartialDate::day(y, m, 28).expect("a valid day");
                        When::range(first, last).unwrap_or(first.into())
                    }
                    _ => first.into(),
                }
            };
            let source = pool_ids[r.below(pool_ids.len())].clone();
            let mut stance = Stance::new(actor, kind, target, date, evidence, source);
            stance.reported_as = reported_as;
            if condition.is_some() || speaker.is_some() || quote.is_some() {
                stance.edit_details(|details| {
                    details.condition = condition.map(String::into_boxed_str);
                    details.speaker = speaker;
                    details.quote = quote.map(String::into_boxed_str);
                });
            }
            doc.stances.push(stance);
        }
        Ok(doc)
    }

    /// The dataset, validated and built into a graph.
    pub fn graph(&self) -> Result<AllianceGraph> {
        self.document()?.into_graph()
    }
}

/// Small generated graphs (seeds 1 to 3, no stances), for tests that compare answers found
/// two ways.
#[cfg(test)]
pub(crate) fn test_graphs(states: usize, groupings: usize, treaties: usize) -> Vec<AllianceGraph> {
    (1..4)
        .map(|seed| {
            Generator {
                states,
                groupings,
                treaties,
                stances: 0,
                seed,
            }
            .graph()
            .expect("a graph")
        })
        .collect()
}

/// Dates of every precision within the generated graphs' years, for the same tests.
#[cfg(test)]
pub(crate) const TEST_DATES: &[&str] = &["1960", "1985-07", "2000", "2000-06-15", "2015-02"];

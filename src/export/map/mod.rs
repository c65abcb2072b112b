//! The world map: every state coloured by its tie to a chosen state, by its bloc, or by what
//! it said on a proposal, on the view's date; drawn by this crate as SVG on the Equal Earth
//! projection, with a title, the date, a legend with counts, notes and the sources.
//!
//! - **Ties of a state** ([`WorldMap::ties_of`]): the chosen state; defense owed both ways;
//!   defense the chosen state owes only one way, or is owed only one way; other obligations
//!   (neutrality, non-aggression, consultation, offense) and no defense; a common grouping
//!   without obligations; a tie that only possibly held (a partial date); no tie; unknown (the
//!   date outside the sources' coverage, or an alliance of the two not reviewed since its
//!   source ended); not a state on the date. Every tie is found by the tie rules at strength
//!   any ([`View::allies`]); "unknown" and "not a state" are the coverage rule's
//!   ([`View::gaps_for`]).
//! - **Blocs** ([`WorldMap::blocs`]): the view's [`blocs`](View::blocs) at its strength, the
//!   largest nine in their own colours.
//! - **Stances** ([`WorldMap::stances_on`]): each state's latest stance on a target, as
//!   [`View::coalition`] sorts them.
//! - **What-if** ([`WorldMap::compared_with`]): states whose colour differs from another view
//!   (the graph before a scenario) are outlined in black.
//!
//! # Outlines
//!
//! The outlines are Natural Earth's 1:110m admin-0 countries (public domain), today's borders,
//! embedded at 0.01° (about 130 KB of source; `make_shapes.py` beside this file remakes it);
//! states too small for that scale are dots at their capitals. On a historical date an outline
//! is drawn as the states that held its territory: its own state when it was one, and the
//! states a sourced table (`territories.rs`) gives for it then, such as the Soviet Union
//! (Russia's id, as in the COW state system) for today's Ukraine before 1991. An outline held
//! by several states at once (the two Germanys, the German states before 1871) is striped in
//! their colours, and a note under the map says so: the borders are today's, not the date's.
//! States of the data that have no outline are named in a note, never dropped silently.
//!
//! ```
//! use alliance_graph::{datasets, export::{MapKey, WorldMap}};
//!
//! let world = datasets::world();
//! let map = WorldMap::ties_of(&world.as_of("1980-12-31".parse()?), "United States")?;
//! assert_eq!(map.key_of(&"GBR".parse()?), Some(MapKey::MutualDefense));
//! // East Germany: consultation and non-aggression under the Helsinki Final Act (1975).
//! assert_eq!(map.key_of(&"DDR".parse()?), Some(MapKey::OtherObligation));
//! assert_eq!(map.key_of(&"ZAF".parse()?), Some(MapKey::NoTie));
//! let svg = map.to_string();
//! assert!(svg.contains("as of 1980-12-31") && svg.contains("Natural Earth"));
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! (About 630 lines: the map's keys, legend and notes for its three kinds; the projection and
//! outlines are in `projection.rs`, `shapes.rs` and `territories.rs`, the drawing in `draw.rs`.)

use std::collections::BTreeMap;

use crate::error::Result;
use crate::export::svg::stance_title;
use crate::model::{ActorId, CountryId, Obligation, StanceKind};
use crate::query::{ActorRef, TieEvidence};
use crate::{AllianceGraph, PartialDate, Span, Strength, View};

mod draw;
mod projection;
mod shapes;
mod territories;

#[cfg(feature = "json")]
pub(crate) use draw::{outline_path, Frame, WIDTH};
pub(crate) use projection::equal_earth;

/// One outline: a country of Natural Earth's 1:110m admin-0 map, or a dot at a capital.
pub(crate) struct Outline {
    /// The ISO 3166-1 alpha-3 code the datasets use (Natural Earth's `ISO_A3`).
    pub(crate) id: &'static str,
    /// Natural Earth's name (the capital's, for a dot).
    pub(crate) name: &'static str,
    /// Where its label goes (inside the largest ring), in hundredths of a degree.
    pub(crate) label: (i16, i16),
    /// The rings, in hundredths of a degree (longitude, latitude); empty for a dot.
    pub(crate) rings: &'static [&'static [(i16, i16)]],
}

/// A state that held an outline's territory in a span of dates, with the source that says so.
pub(crate) struct Holding {
    pub(crate) outline: &'static str,
    pub(crate) holder: &'static str,
    pub(crate) from: &'static str,
    pub(crate) until: &'static str,
    pub(crate) source: &'static str,
}

/// Every outline the map draws, in id order (the dots after the shapes).
pub(crate) fn outlines() -> &'static [Outline] {
    shapes::OUTLINES
}

/// The states of `graph` drawn on `outline` on the days `asked`, with the holdings that put
/// each one there (none for the outline's own state). See the [module docs](self).
pub(crate) fn holders(
    graph: &AllianceGraph,
    outline: &Outline,
    asked: &Span,
) -> Vec<(CountryId, Option<&'static str>)> {
    let state = |id: &str| -> Option<CountryId> {
        let id: CountryId = id.parse().ok()?;
        graph
            .country(&id)
            .filter(|c| c.is_state_during(asked))
            .map(|c| c.id)
    };
    let mut out: Vec<(CountryId, Option<&'static str>)> =
        state(outline.id).map(|c| (c, None)).into_iter().collect();
    for h in territories::HOLDINGS
        .iter()
        .filter(|h| h.outline == outline.id)
    {
        let from: Option<PartialDate> = h.from.parse().ok();
        let until: Option<PartialDate> = h.until.parse().ok();
        let held = Span {
            first: from.map_or(crate::Day::MIN, |d| d.earliest()),
            last: until.map_or(crate::Day::MAX, |d| d.latest()),
        };
        if held.overlaps(asked) {
            if let Some(c) = state(h.holder) {
                if !out.iter().any(|(o, _)| *o == c) {
                    out.push((c, Some(h.source)));
                }
            }
        }
    }
    out
}

/// What a state's colour on the map means. Serialized as its kebab-case name
/// ([`as_str`](Self::as_str)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MapKey {
    /// The state the map is about.
    Chosen,
    /// Defense owed both ways.
    MutualDefense,
    /// The chosen state owes it defense; it owes none back.
    DefendedByChosen,
    /// It owes the chosen state defense; none is owed back.
    DefendsChosen,
    /// Obligations other than defense only (neutrality, non-aggression, consultation,
    /// offense).
    OtherObligation,
    /// Both in a grouping whose membership carries no obligation between them.
    Grouping,
    /// A tie that held only on some readings of a partial date.
    Possibly,
    /// One of the largest blocs, by rank (0 is the largest).
    Bloc(u8),
    /// A smaller bloc.
    OtherBloc,
    /// Its latest stance on the target is of this kind.
    Stance(StanceKind),
    /// Invited to join the target by others; has said nothing itself.
    InvitedSilent,
    /// The data cover the question and hold no tie.
    NoTie,
    /// Said nothing on record about the target.
    Silent,
    /// The data cannot say: the date lies outside the sources' coverage, or an alliance that
    /// may still hold was not reviewed since its source ended.
    Unknown,
    /// Not a state on the date.
    NotAState,
}

/// The colours of the largest blocs (Tableau 10, less the grey kept for other blocs).
const BLOC_COLOURS: [&str; 9] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f",
];

/// How many blocs get their own colour.
pub(crate) const BLOC_COLOUR_COUNT: usize = BLOC_COLOURS.len();

impl MapKey {
    /// The fill colour.
    pub fn colour(self) -> &'static str {
        match self {
            MapKey::Chosen => "#6a3d9a",
            MapKey::MutualDefense => "#1f78b4",
            MapKey::DefendedByChosen => "#a6cee3",
            MapKey::DefendsChosen => "#2ca7a0",
            MapKey::OtherObligation => "#b2df8a",
            MapKey::Grouping => "#fdbf6f",
            MapKey::Possibly => "#cab2d6",
            MapKey::NoTie | MapKey::Silent => "#efe9dc",
            MapKey::Bloc(i) => BLOC_COLOURS[usize::from(i) % BLOC_COLOURS.len()],
            MapKey::OtherBloc => "#c9bfae",
            MapKey::Stance(StanceKind::Proposal) => "#6a3d9a",
            MapKey::Stance(StanceKind::Support | StanceKind::Invitation) => "#33a02c",
            MapKey::Stance(StanceKind::ConditionalSupport) => "#b2df8a",
            MapKey::Stance(StanceKind::Hedge) => "#fdbf6f",
            MapKey::Stance(StanceKind::Refusal) => "#e31a1c",
            MapKey::Stance(StanceKind::Request) => "#a6cee3",
            MapKey::InvitedSilent => "#fb9a99",
            MapKey::Unknown => "#9e9e9e",
            MapKey::NotAState => "#dcdcdc",
        }
    }

    /// The legend's words for it.
    pub fn label(self) -> String {
        match self {
            MapKey::Chosen => "the state the map is about".into(),
            MapKey::MutualDefense => "defense owed both ways".into(),
            MapKey::DefendedByChosen => "defended by it, one-sided".into(),
            MapKey::DefendsChosen => "defends it, one-sided".into(),
            MapKey::OtherObligation => "other obligations only, no defense".into(),
            MapKey::Grouping => "a common grouping, no obligation".into(),
            MapKey::Possibly => "possibly tied (a partial date)".into(),
            MapKey::NoTie => "no tie".into(),
            MapKey::Bloc(i) => format!("bloc {}", u16::from(i) + 1),
            MapKey::OtherBloc => "a smaller bloc".into(),
            MapKey::Stance(k) => k.as_str().replace('-', " "),
            MapKey::InvitedSilent => "invited by others, silent".into(),
            MapKey::Silent => "said nothing on record".into(),
            MapKey::Unknown => "unknown: outside the sources' coverage, or not reviewed".into(),
            MapKey::NotAState => "not a state then".into(),
        }
    }

    /// Its name in data: `mutual-defense`, `bloc-1`, `stance-refusal`, ...
    pub fn as_str(self) -> String {
        match self {
            MapKey::Chosen => "chosen".into(),
            MapKey::MutualDefense => "mutual-defense".into(),
            MapKey::DefendedByChosen => "defended-by-chosen".into(),
            MapKey::DefendsChosen => "defends-chosen".into(),
            MapKey::OtherObligation => "other-obligation".into(),
            MapKey::Grouping => "grouping".into(),
            MapKey::Possibly => "possibly".into(),
            MapKey::NoTie => "no-tie".into(),
            MapKey::Bloc(i) => format!("bloc-{}", u16::from(i) + 1),
            MapKey::OtherBloc => "other-bloc".into(),
            MapKey::Stance(k) => format!("stance-{}", k.as_str()),
            MapKey::InvitedSilent => "invited-silent".into(),
            MapKey::Silent => "silent".into(),
            MapKey::Unknown => "unknown".into(),
            MapKey::NotAState => "not-a-state".into(),
        }
    }
}

impl serde::Serialize for MapKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

/// The key of a state tied to `chosen` by `evidence` (at strength any): the one place the
/// map's tie colours are decided.
pub(crate) fn tie_key(chosen: CountryId, other: CountryId, evidence: &[TieEvidence]) -> MapKey {
    let certain: Vec<&TieEvidence> = evidence.iter().filter(|e| !e.is_possible()).collect();
    if certain.is_empty() {
        return MapKey::Possibly;
    }
    let defends = |who: CountryId| {
        certain
            .iter()
            .any(|e| e.obligation == Some(Obligation::Defense) && e.binds(who))
    };
    match (defends(chosen), defends(other)) {
        (true, true) => MapKey::MutualDefense,
        (true, false) => MapKey::DefendedByChosen,
        (false, true) => MapKey::DefendsChosen,
        (false, false) if certain.iter().any(|e| e.obligation.is_some()) => MapKey::OtherObligation,
        (false, false) => MapKey::Grouping,
    }
}

/// A state with no tie (or no stance, or no bloc) is "no tie" only when the coverage rule
/// allows a "no"; otherwise unknown (with what is missing) or not a state.
fn untied_entry(view: &View<'_>, about: &[CountryId], state: CountryId, none: MapKey) -> MapEntry {
    let gaps = view.gaps_for(about);
    let key = if gaps.not_states.contains(&state) {
        MapKey::NotAState
    } else if gaps.is_empty() {
        none
    } else {
        MapKey::Unknown
    };
    // What the data cannot say, as the answers word it.
    let evidence = match key {
        MapKey::Unknown => vec![gaps.to_string()],
        _ => Vec::new(),
    };
    MapEntry { key, evidence }
}

/// What the map shows for one state: its key and the evidence behind it, one line each.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MapEntry {
    /// Its colour's meaning.
    pub key: MapKey,
    /// Why: the ties (or stance, or bloc) as sentences; empty for no tie.
    pub evidence: Vec<String>,
}

/// What the map is coloured by.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Colouring {
    TiesOf(CountryId),
    Blocs,
    StancesOn(String),
}

/// A world map of a view; see the [module docs](self). Built by [`ties_of`](Self::ties_of),
/// [`blocs`](Self::blocs) or [`stances_on`](Self::stances_on); written as SVG by
/// [`Display`](std::fmt::Display).
#[derive(Debug, Clone)]
pub struct WorldMap<'g> {
    view: View<'g>,
    colouring: Colouring,
    entries: BTreeMap<CountryId, MapEntry>,
    /// Names of the blocs that have their own colour, largest first.
    bloc_names: Vec<String>,
    /// States whose key differs from the view compared with, and what that view was.
    changed: Option<(String, Vec<CountryId>)>,
}

impl<'g> WorldMap<'g> {
    /// Every state coloured by its tie to `chosen` (a state) on the view's date.
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let map = alliance_graph::export::WorldMap::ties_of(&world.as_of("2024-06-30".parse()?), "USA")?;
    /// assert_eq!(map.key_of(&"FIN".parse()?), Some(alliance_graph::export::MapKey::MutualDefense));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn ties_of(view: &View<'g>, chosen: impl ActorRef) -> Result<Self> {
        let chosen = view.resolve_country(chosen)?;
        let any = view.with_strength(Strength::Any);
        let allies: BTreeMap<CountryId, Vec<TieEvidence>> = any
            .allies(chosen)?
            .into_iter()
            .map(|a| (a.country, a.evidence.into_vec()))
            .collect();
        let mut entries = BTreeMap::new();
        for c in view.graph().countries() {
            let entry = if c.id == chosen {
                MapEntry {
                    key: MapKey::Chosen,
                    evidence: Vec::new(),
                }
            } else if let Some(evidence) = allies.get(&c.id) {
                MapEntry {
                    key: tie_key(chosen, c.id, evidence),
                    evidence: evidence.iter().map(ToString::to_string).collect(),
                }
            } else {
                untied_entry(view, &[chosen, c.id], c.id, MapKey::NoTie)
            };
            entries.insert(c.id, entry);
        }
        Ok(WorldMap {
            view: *view,
            colouring: Colouring::TiesOf(chosen),
            entries,
            bloc_names: Vec::new(),
            changed: None,
        })
    }

    /// Every state coloured by its bloc (states connected by ties at the view's strength).
    ///
    /// ```
    /// let world = alliance_graph::datasets::world();
    /// let map = alliance_graph::export::WorldMap::blocs(&world.as_of("1980-12-31".parse()?));
    /// let (usa, urs) = (map.key_of(&"USA".parse()?), map.key_of(&"RUS".parse()?));
    /// assert!(matches!(usa, Some(alliance_graph::export::MapKey::Bloc(_))));
    /// assert_ne!(usa, urs, "NATO and the Warsaw Pact are two blocs");
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn blocs(view: &View<'g>) -> Self {
        let mut blocs = view.blocs();
        blocs.sort_by(|a, b| {
            b.members
                .len()
                .cmp(&a.members.len())
                .then(a.members.cmp(&b.members))
        });
        let graph = view.graph();
        let name = |c: &CountryId| graph.country(c).map_or(c.to_string(), |c| c.name.clone());
        let mut entries = BTreeMap::new();
        let mut bloc_names = Vec::new();
        for (rank, bloc) in blocs.iter().enumerate() {
            let key = match u8::try_from(rank) {
                Ok(r) if rank < BLOC_COLOUR_COUNT => MapKey::Bloc(r),
                _ => MapKey::OtherBloc,
            };
            // Named by its members with the most ties inside it.
            let mut by_ties: Vec<(usize, &CountryId)> = bloc
                .members
                .iter()
                .map(|m| {
                    let n = view.allies(*m).map_or(0, |a| a.len());
                    (n, m)
                })
                .collect();
            by_ties.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let leaders: Vec<String> = by_ties.iter().take(2).map(|(_, m)| name(m)).collect();
            let label = format!(
                "{} states: {}{}",
                bloc.members.len(),
                leaders.join(", "),
                if bloc.members.len() > 2 { ", ..." } else { "" }
            );
            if key != MapKey::OtherBloc {
                bloc_names.push(label.clone());
            }
            for m in &bloc.members {
                entries.insert(
                    *m,
                    MapEntry {
                        key,
                        evidence: vec![format!("in a bloc of {label}")],
                    },
                );
            }
        }
        for c in graph.countries() {
            entries
                .entry(c.id)
                .or_insert_with(|| untied_entry(view, &[c.id], c.id, MapKey::NoTie));
        }
        WorldMap {
            view: *view,
            colouring: Colouring::Blocs,
            entries,
            bloc_names,
            changed: None,
        }
    }

    /// Every state coloured by its latest stance on `target` (a proposed grouping, say).
    ///
    /// ```
    /// use alliance_graph::{datasets, export::{MapKey, WorldMap}, StanceKind};
    ///
    /// let graph = datasets::asian_nato();
    /// let map = WorldMap::stances_on(&graph.as_of("2024-12-31".parse()?), "asian-nato")?;
    /// assert_eq!(map.key_of(&"IND".parse()?), Some(MapKey::Stance(StanceKind::Refusal)));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn stances_on(view: &View<'g>, target: impl ActorRef) -> Result<Self> {
        let coalition = view.coalition(&target)?;
        let target_name = match view.resolve(&target)? {
            ActorId::Country(c) => view
                .graph()
                .country(&c)
                .map_or(c.to_string(), |c| c.name.clone()),
            ActorId::Grouping(g) => view
                .graph()
                .grouping(&g)
                .map_or(g.to_string(), |g| g.name.clone()),
        };
        let mut entries = BTreeMap::new();
        for p in coalition.positions() {
            if let ActorId::Country(c) = &p.actor {
                entries.insert(
                    *c,
                    MapEntry {
                        key: MapKey::Stance(p.stance.kind),
                        evidence: vec![stance_title(&p.stance)],
                    },
                );
            }
        }
        for (c, said) in &coalition.invited_silent {
            entries.insert(
                *c,
                MapEntry {
                    key: MapKey::InvitedSilent,
                    evidence: said.iter().map(stance_title).collect(),
                },
            );
        }
        for c in view.graph().countries() {
            entries
                .entry(c.id)
                .or_insert_with(|| untied_entry(view, &[c.id], c.id, MapKey::Silent));
        }
        Ok(WorldMap {
            view: *view,
            colouring: Colouring::StancesOn(target_name),
            entries,
            bloc_names: Vec::new(),
            changed: None,
        })
    }

    /// Outlines in black the states whose key differs on `before` (the same map made on
    /// another view, such as the graph before a scenario), and says `what` changed.
    ///
    /// ```
    /// use alliance_graph::{datasets, export::WorldMap, Scenario};
    ///
    /// let graph = datasets::asian_nato();
    /// let date = "2024-12-31".parse()?;
    /// let members = ["AUS", "GBR", "IND", "JPN", "USA"].map(|c| c.parse().unwrap());
    /// let after = Scenario::new(date).form_grouping("asian-nato".parse()?, members).apply(&graph)?.graph;
    /// let map = WorldMap::ties_of(&after.as_of(date), "Japan")?
    ///     .compared_with(&WorldMap::ties_of(&graph.as_of(date), "Japan")?, "the Asian NATO formed");
    /// // Each member now owes Japan defense: new for Australia, Britain and India, and the US
    /// // tie becomes mutual.
    /// assert_eq!(map.changed().iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["AUS", "GBR", "IND", "USA"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn compared_with(mut self, before: &WorldMap<'_>, what: impl Into<String>) -> Self {
        let changed = self
            .entries
            .iter()
            .filter(|(c, e)| before.entries.get(c).map(|b| b.key) != Some(e.key))
            .map(|(c, _)| *c)
            .collect();
        self.changed = Some((what.into(), changed));
        self
    }

    /// The key of a state on the map; `None` for a state not in the graph.
    pub fn key_of(&self, state: &CountryId) -> Option<MapKey> {
        self.entries.get(state).map(|e| e.key)
    }

    /// Every state of the graph with its key and evidence.
    pub fn entries(&self) -> &BTreeMap<CountryId, MapEntry> {
        &self.entries
    }

    /// The states outlined as changed by [`compared_with`](Self::compared_with).
    pub fn changed(&self) -> &[CountryId] {
        self.changed.as_ref().map_or(&[], |(_, c)| c.as_slice())
    }

    /// The map's title.
    pub fn title(&self) -> String {
        let graph = self.view.graph();
        let name = |c: &CountryId| graph.country(c).map_or(c.to_string(), |c| c.name.clone());
        match &self.colouring {
            Colouring::TiesOf(c) => format!("Ties of {}, as of {}", name(c), self.view.date()),
            Colouring::Blocs => format!(
                "Blocs ({} ties), as of {}",
                self.view.strength().as_str(),
                self.view.date()
            ),
            Colouring::StancesOn(t) => format!("Stances on {t}, as of {}", self.view.date()),
        }
    }
}

#[cfg(all(test, feature = "datasets"))]
mod tests {
    use super::*;

    /// Every row of the territory table names an outline and a state of the world dataset,
    /// with dates that parse, a holder that was a state on its first and last day, and no
    /// overlap with another row of the same outline and holder.
    #[test]
    fn the_territory_table_fits_the_outlines_and_the_state_system() {
        let world = crate::datasets::world();
        let date = |s: &str| -> Option<PartialDate> {
            (!s.is_empty()).then(|| s.parse().expect("a table date parses"))
        };
        let mut spans: BTreeMap<(&str, &str), Vec<Span>> = BTreeMap::new();
        for h in territories::HOLDINGS {
            assert!(
                outlines().iter().any(|o| o.id == h.outline),
                "{}: no outline",
                h.outline
            );
            assert!(
                !h.source.is_empty(),
                "{} {}: no source",
                h.outline,
                h.holder
            );
            let holder = world
                .country(&h.holder.parse().expect("an id"))
                .unwrap_or_else(|| {
                    panic!(
                        "{}: holder {} not in the world dataset",
                        h.outline, h.holder
                    )
                });
            let (from, until) = (date(h.from).expect("a start"), date(h.until));
            for day in [Some(from), until].into_iter().flatten() {
                assert!(
                    holder.is_state_during(&day.span()),
                    "{} held by {} on {day}, when it was not a state",
                    h.outline,
                    h.holder
                );
            }
            let span = Span {
                first: from.earliest(),
                last: until.map_or(crate::Day::MAX, |u| u.latest()),
            };
            let earlier = spans.entry((h.outline, h.holder)).or_default();
            assert!(
                earlier.iter().all(|s| !s.overlaps(&span)),
                "{} {} overlaps another row",
                h.outline,
                h.holder
            );
            earlier.push(span);
        }
        assert!(territories::HOLDINGS.len() > 100);
    }

    /// On a few dates whose borders everyone knows, the outlines hold the states they should.
    #[test]
    fn outlines_hold_the_states_of_the_date() {
        let world = crate::datasets::world();
        let on = |id: &str, date: &str| -> Vec<String> {
            let o = outlines().iter().find(|o| o.id == id).expect("an outline");
            let span = date.parse::<PartialDate>().unwrap().span();
            holders(&world, o, &span)
                .iter()
                .map(|(c, _)| c.to_string())
                .collect()
        };
        assert_eq!(on("DEU", "1980-06-30"), ["DDR", "XGF"]);
        assert_eq!(on("DEU", "1995-06-30"), ["DEU"]);
        assert_eq!(on("UKR", "1980-06-30"), ["RUS"]);
        assert_eq!(on("UKR", "1995-06-30"), ["UKR"]);
        assert_eq!(on("SVK", "1980-06-30"), ["CSK"]);
        assert_eq!(on("HRV", "1980-06-30"), ["SRB"]);
        assert_eq!(on("BGD", "1960-06-30"), ["PAK"]);
        assert!(on("NGA", "1950-06-30").is_empty());
        assert_eq!(on("GRL", "2024-06-30"), ["DNK"]);
    }
}

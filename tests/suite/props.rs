//! Properties over generated graphs: round trips, symmetry, paths, blocs, scenarios, and
//! never panicking on arbitrary input.

use std::collections::BTreeSet;

use alliance_graph::io::{json, Document};
use alliance_graph::{
    Citation, Country, CountryId, Edit, Evidence, Grouping, GroupingKind, GroupingStatus,
    Membership, Obligation, PartialDate, Party, Role, Scenario, Source, Speaker, Stance,
    StanceKind, StatusChange, Strength, Target, Treaty, TreatyKind, TreatyObligation, When,
};
use proptest::prelude::*;

const COUNTRIES: usize = 8;

fn country_id(i: usize) -> CountryId {
    let code = [b'A' + (i / 26 % 26) as u8, b'A' + (i % 26) as u8, b'X'];
    CountryId::new(std::str::from_utf8(&code).unwrap()).unwrap()
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (
        1900i32..2030,
        prop::option::of((1u8..=12, prop::option::of(1u8..=28))),
    )
        .prop_map(|(y, md)| match md {
            None => PartialDate::year(y).unwrap(),
            Some((m, None)) => PartialDate::month(y, m).unwrap(),
            Some((m, Some(d))) => PartialDate::day(y, m, d).unwrap(),
        })
}

/// A start and an end no earlier than it (or none).
fn period() -> impl Strategy<Value = (Option<PartialDate>, Option<PartialDate>)> {
    (
        prop::option::of(partial_date()),
        prop::option::of(partial_date()),
    )
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) if b.latest() < a.earliest() => (Some(b), Some(a)),
            other => other,
        })
}

fn obligation() -> impl Strategy<Value = Obligation> {
    prop::sample::select(Obligation::ALL.to_vec())
}

fn treaty(i: usize) -> impl Strategy<Value = Treaty> {
    let parties = prop::sample::subsequence((0..COUNTRIES).collect::<Vec<_>>(), 2..=4);
    (
        parties,
        prop::collection::vec((obligation(), any::<bool>()), 0..3),
        period(),
        any::<bool>(),
    )
        .prop_map(move |(parties, obligations, (start, end), access)| {
            let ids: Vec<CountryId> = parties.iter().map(|&p| country_id(p)).collect();
            let obligations: Vec<TreatyObligation> = if access {
                vec![]
            } else {
                let mut v: Vec<TreatyObligation> = obligations
                    .into_iter()
                    .map(|(kind, one_sided)| {
                        let mut o = TreatyObligation::new(kind);
                        o.by = one_sided.then(|| vec![ids[0]]);
                        o.to = one_sided.then(|| ids[1..].to_vec());
                        o
                    })
                    .collect();
                if v.is_empty() {
                    v.push(TreatyObligation::new(Obligation::Defense));
                }
                v
            };
            let kind = if access {
                TreatyKind::Access
            } else {
                TreatyKind::Alliance
            };
            let parties = ids.into_iter().map(Party::Whole).collect();
            let mut t = Treaty::new(
                format!("t{i}").parse().unwrap(),
                format!("Treaty {i}"),
                kind,
                parties,
            );
            t.obligations = obligations;
            t.signed = start;
            t.ended = end;
            t.sources = vec!["s".parse().unwrap()];
            t
        })
}

fn grouping(i: usize) -> impl Strategy<Value = Grouping> {
    (
        prop::collection::vec(obligation(), 0..2),
        partial_date(),
        prop::option::of(partial_date()),
        any::<bool>(),
    )
        .prop_map(move |(obligations, since, dissolved, proposed_first)| {
            let mut status = vec![];
            if proposed_first {
                status.push(StatusChange::new(
                    GroupingStatus::Proposed,
                    PartialDate::year(1899).unwrap(),
                    "s".parse().unwrap(),
                ));
            }
            status.push(StatusChange::new(
                GroupingStatus::Active,
                since,
                "s".parse().unwrap(),
            ));
            if let Some(d) = dissolved.filter(|d| d.earliest() > since.latest()) {
                status.push(StatusChange::new(
                    GroupingStatus::Dissolved,
                    d,
                    "s".parse().unwrap(),
                ));
            }
            let mut g = Grouping::new(
                format!("g{i}").parse().unwrap(),
                format!("Grouping {i}"),
                GroupingKind::CollectiveDefense,
            );
            g.obligations = obligations;
            g.status = status;
            g
        })
}

fn membership(groupings: usize) -> impl Strategy<Value = Membership> {
    (
        0..COUNTRIES,
        0..groupings.max(1),
        period(),
        prop::sample::select(Role::ALL.to_vec()),
    )
        .prop_map(|(c, g, (start, end), role)| {
            let grouping = format!("g{g}").parse().unwrap();
            let mut m = Membership::new(country_id(c), grouping, role, "s".parse().unwrap());
            m.start = start;
            m.end = end;
            m
        })
}

fn stance(groupings: usize) -> impl Strategy<Value = Stance> {
    (
        0..COUNTRIES,
        0..groupings.max(1),
        0..COUNTRIES,
        0..3usize,
        partial_date(),
        prop::sample::select(StanceKind::ALL.to_vec()),
        prop::sample::select(Evidence::ALL.to_vec()),
        prop::option::of("[a-z ]{1,12}"),
        (prop::option::of(partial_date()), any::<bool>()),
    )
        .prop_map(
            |(actor, g, other, which, date, kind, evidence, quote, (until, contested))| {
                // A date, or a range from it to a later one.
                let date: When = match until {
                    Some(u) if u.earliest() > date.latest() => When::range(date, u).unwrap(),
                    _ => date.into(),
                };
                let other = if other == actor {
                    (other + 1) % COUNTRIES
                } else {
                    other
                };
                let target = match which {
                    0 => Target::Grouping(format!("g{g}").parse().unwrap()),
                    1 => Target::Country(country_id(other)),
                    _ => Target::Membership {
                        country: country_id(other),
                        grouping: format!("g{g}").parse().unwrap(),
                    },
                };
                let mut citation = Citation::new("s".parse().unwrap());
                citation.says = Some("says otherwise".into());
                let actor = country_id(actor).into();
                let mut s = Stance::new(actor, kind, target, date, evidence, "s".parse().unwrap());
                s.reported_as = (kind == StanceKind::Hedge).then_some(StanceKind::Refusal);
                s.edit_details(|d| {
                    d.condition =
                        (kind == StanceKind::ConditionalSupport).then(|| "if asked".into());
                    d.speaker = Some(Speaker::new("Speaker"));
                    d.quote = quote.filter(|q| !q.trim().is_empty()).map(Into::into);
                    if contested {
                        d.contradicted_by = vec![citation];
                    }
                });
                s
            },
        )
}

prop_compose! {
    /// A valid document with every edge type, partial dates and evidence levels.
    pub fn document()(groupings in 1usize..3)(
        treaties in (0usize..5).prop_flat_map(|n| (0..n).map(treaty).collect::<Vec<_>>()),
        groups in (0..groupings).map(grouping).collect::<Vec<_>>(),
        memberships in prop::collection::vec(membership(groupings), 0..10),
        stances in prop::collection::vec(stance(groupings), 0..6),
    ) -> Document {
        Document {
            sources: vec![Source::new("s".parse().unwrap(), "Source")],
            countries: (0..COUNTRIES)
                .map(|i| {
                    let mut c = Country::new(country_id(i), format!("Country {i}"));
                    c.cow_code = Some(i as u16);
                    c
                })
                .collect(),
            groupings: groups,
            memberships,
            treaties,
            stances,
            ..Document::default()
        }
    }
}

fn all_pairs(view: &alliance_graph::View<'_>) -> BTreeSet<(CountryId, CountryId)> {
    let mut pairs = BTreeSet::new();
    for c in view.graph().countries() {
        for a in view.allies(c.id).unwrap() {
            pairs.insert((c.id, a.country));
        }
    }
    pairs
}

/// The document with every date made day-precise (its first day), as JSON; `None` when that
/// leaves it invalid (an end now before its start).
fn day_precise(doc: Document) -> Option<alliance_graph::AllianceGraph> {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => {
                if let Ok(w) = s.parse::<When>() {
                    *s = w.earliest().to_string();
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            serde_json::Value::Object(o) => o.values_mut().for_each(walk),
            _ => {}
        }
    }
    let graph = doc.into_graph().ok()?;
    let mut v: serde_json::Value = serde_json::from_str(&json::to_string(&graph).ok()?).ok()?;
    walk(&mut v);
    json::from_str(&v.to_string()).ok()
}

proptest! {
    /// Day-precise data never answer "possibly": not a tie, not a statement, on any day.
    #[test]
    fn day_precise_facts_are_never_possibly(doc in document(), d in partial_date()) {
        let Some(graph) = day_precise(doc) else { return Ok(()) };
        // Asked on a random date, and on the data's own dates, where the edges lie.
        let mut asked = vec![d, PartialDate::day(d.year_part(), d.month_part().unwrap_or(6), 15).unwrap()];
        asked.extend(graph.stances().filter_map(|s| s.date.as_partial()));
        asked.extend(graph.treaties().flat_map(|t| [t.start(), t.ended]).flatten());
        for view in asked.into_iter().map(|d| graph.as_of(d)) {
            for s in Strength::ALL {
                let view = view.with_strength(*s);
                for a in (0..COUNTRIES).map(country_id) {
                    for ally in view.allies(a).unwrap() {
                        prop_assert!(ally.evidence.iter().all(|e| e.doubt.is_none()), "{:?}", ally);
                    }
                }
            }
            for a in (0..COUNTRIES).map(country_id) {
                for said in view.stances_by(a).unwrap() {
                    prop_assert_eq!(said.made, alliance_graph::Holds::Yes);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_is_exact(doc in document()) {
        let graph = doc.into_graph().unwrap();
        let text = json::to_string(&graph).unwrap();
        let again = json::from_str(&text).unwrap();
        prop_assert_eq!(&again, &graph);
        prop_assert_eq!(json::to_string(&again).unwrap(), text);
    }

    #[test]
    fn allied_is_symmetric(doc in document(), d in partial_date(), s in prop::sample::select(Strength::ALL.to_vec())) {
        let graph = doc.into_graph().unwrap();
        let view = graph.as_of(d).with_strength(s);
        let pairs = all_pairs(&view);
        for (a, b) in &pairs {
            prop_assert!(pairs.contains(&(*b, *a)), "{} -> {} but not back", a, b);
            prop_assert_eq!(view.are_allied(*a, *b).unwrap().is_some(), true);
        }
    }

    #[test]
    fn every_hop_of_a_path_is_a_tie_of_the_asked_strength(doc in document(), d in partial_date(), a in 0..COUNTRIES, b in 0..COUNTRIES) {
        let graph = doc.into_graph().unwrap();
        let view = graph.as_of(d);
        if let Some(path) = view.alliance_path(country_id(a), country_id(b)).unwrap() {
            for hop in &path.hops {
                prop_assert!(!hop.evidence.is_empty());
                prop_assert!(hop.evidence.iter().all(|e| view.strength().admits(e.obligation)));
                prop_assert!(view.are_allied(hop.from, hop.to).unwrap().is_some());
            }
            let countries = path.countries();
            if a != b {
                prop_assert_eq!(countries.first().copied(), Some(country_id(a)));
                prop_assert_eq!(countries.last().copied(), Some(country_id(b)));
            }
        }
    }

    #[test]
    fn the_network_gives_the_views_answers_without_evidence(doc in document(), d in partial_date(), s in prop::sample::select(Strength::ALL.to_vec())) {
        let graph = doc.into_graph().unwrap();
        let view = graph.as_of(d).with_strength(s);
        let network = view.network();
        for a in (0..COUNTRIES).map(country_id) {
            let allies: Vec<CountryId> = view.allies(a).unwrap().into_iter().map(|x| x.country).collect();
            prop_assert_eq!(network.allies(a).unwrap(), allies);
            let defenders: Vec<CountryId> = view.defenders_of(a).unwrap().into_iter().map(|x| x.country).collect();
            prop_assert_eq!(network.defenders_of(a).unwrap(), defenders);
            for b in (0..COUNTRIES).map(country_id) {
                if a == b {
                    prop_assert!(network.are_allied(a, b).is_err() && view.are_allied(a, b).is_err());
                    continue;
                }
                prop_assert_eq!(network.are_allied(a, b).unwrap(), view.are_allied(a, b).unwrap().is_some());
                let hops = view.alliance_path(a, b).unwrap().map(|p| p.hops.len());
                prop_assert_eq!(network.distance(a, b).unwrap(), hops, "{} to {}", a, b);
            }
        }
    }

    #[test]
    fn blocs_partition_the_states_with_a_tie(doc in document(), d in partial_date()) {
        let graph = doc.into_graph().unwrap();
        let view = graph.as_of(d).with_strength(Strength::Consultation);
        let tied: BTreeSet<CountryId> = all_pairs(&view).into_iter().map(|(a, _)| a).collect();
        let mut seen = BTreeSet::new();
        for bloc in view.blocs() {
            for c in &bloc.members {
                prop_assert!(seen.insert(*c), "{} in two blocs", c);
            }
            // Connected: every member but a lone one reaches the first by a path.
            for c in &bloc.members[1..] {
                prop_assert!(view.alliance_path(bloc.members[0], *c).unwrap().is_some());
            }
        }
        prop_assert_eq!(seen, tied);
    }

    #[test]
    fn a_scenario_and_its_inverse_give_back_the_answers(doc in document(), d in partial_date(), members in prop::sample::subsequence((0..COUNTRIES).collect::<Vec<_>>(), 0..4), end in any::<bool>()) {
        let graph = doc.into_graph().unwrap();
        let mut scenario = Scenario::new(d).form_grouping("g0".parse().unwrap(), members.into_iter().map(country_id));
        if end {
            if let Some(t) = graph.treaties().next() {
                scenario = scenario.edit(Edit::SetTreatyEnd { treaty: t.id.clone(), ended: t.start() });
            }
        }
        let out = scenario.apply(&graph).unwrap();
        let back = out.inverse.apply(&out.graph).unwrap();
        for s in Strength::ALL {
            prop_assert_eq!(all_pairs(&graph.as_of(d).with_strength(*s)), all_pairs(&back.graph.as_of(d).with_strength(*s)));
        }
        prop_assert_eq!(back.diff.allied_gained, out.diff.allied_lost);
        prop_assert_eq!(back.diff.defenders_lost, out.diff.defenders_gained);
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in ".{0,200}") {
        let _ = json::from_str(&text);
    }

    #[test]
    fn mutated_builtin_never_panics_the_loader(cut in 0usize..60_000, byte in any::<u8>(), pos in 0usize..60_000) {
        let text = alliance_graph::io::json::to_string(&alliance_graph::datasets::asian_nato()).unwrap();
        let mut bytes = text.into_bytes();
        let pos = pos % bytes.len();
        bytes[pos] = byte;
        bytes.truncate(cut.max(1));
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = json::from_str(&text);
        }
    }

    #[test]
    fn arbitrary_records_give_an_error_or_a_graph(doc in document(), swap in any::<u64>(), extra_country in 0usize..40) {
        // Break references and dates at random; the builder must answer, not panic.
        let mut doc = doc;
        if swap % 3 == 0 {
            for m in &mut doc.memberships {
                m.country = country_id(extra_country);
            }
        }
        if swap % 5 == 0 {
            for t in &mut doc.treaties {
                std::mem::swap(&mut t.signed, &mut t.ended);
            }
        }
        if swap % 7 == 0 {
            if let Some(c) = doc.countries.first().cloned() {
                doc.countries.push(c);
            }
        }
        match doc.into_graph() {
            Ok(g) => { let _ = g.as_of(PartialDate::year(2000).unwrap()).blocs(); }
            Err(e) => prop_assert!(!e.issues().is_empty()),
        }
    }
}

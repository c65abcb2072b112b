//! Stances as the record has them: kinds by what was said, contested claims, certain or
//! possible dates, complete histories and the moves of a coalition, on the built-in data.

use alliance_graph::query::{Answer, Position};
use alliance_graph::{Edge, Evidence, Holds, PartialDate, Period, StanceKind, When};
use proptest::prelude::*;

use super::{builtin, date};

fn actors(v: &[Position<'_>]) -> Vec<String> {
    v.iter().map(|p| p.actor.to_string()).collect()
}

#[test]
fn the_us_deferral_is_a_hedge_with_the_articles_rejection_beside_it() {
    let g = builtin();
    let view = g.as_of(date("2024-12-31"));
    let c = view.coalition("asian-nato").unwrap();
    assert_eq!(actors(&c.hedgers), ["USA"]);
    assert_eq!(actors(&c.refusers), ["CHN", "IND"]);
    let us = &c.hedgers[0].stance;
    assert_eq!(us.kind, StanceKind::Hedge);
    assert_eq!(us.reported_as, Some(StanceKind::Refusal));
    assert_eq!(us.date.to_string(), "2024-09-17");
    assert!(us.quote().unwrap().starts_with("It is too early"));
    assert!(us.summary().unwrap().contains("rejected"));
    // The corroborating source that dates it is a source of the graph.
    let rfa = us
        .corroborated_by()
        .iter()
        .find(|c| c.source.as_str() == "rfa-2024-09-17")
        .expect("RFA dates the remark");
    assert!(g.source(&rfa.source).is_some());
}

#[test]
fn a_request_is_neither_support_nor_refusal() {
    let g = builtin();
    let c = g.as_of(date("2024-12-31")).coalition("USA").unwrap();
    // Japan's latest stance on the US is its 2024-10 request over the bases.
    assert_eq!(actors(&c.requesters), ["JPN"]);
    assert!(c.supporters.is_empty() && c.proposers.is_empty());
    assert_eq!(c.requesters[0].stance.date.to_string(), "2024-10");
    assert!(!StanceKind::Request.is_favourable() && !StanceKind::Hedge.is_favourable());
    assert!(StanceKind::ConditionalSupport.is_favourable());
}

#[test]
fn the_2022_nuclear_claim_is_contested_with_the_record() {
    let g = builtin();
    let view = g.as_of(date("2024-12-31"));
    let c = view.coalition("JPN").unwrap();
    assert_eq!(actors(&c.refusers), ["USA"]);
    let refusal = &c.refusers[0].stance;
    assert!(refusal.is_contested());
    let contradicting: Vec<&str> = refusal
        .contradicted_by()
        .iter()
        .map(|c| c.source.as_str())
        .collect();
    assert_eq!(
        contradicting,
        [
            "jiji-2022-02-27",
            "jiji-2022-02-28",
            "japantimes-2022-03-01"
        ]
    );
    for id in &contradicting {
        let source = g
            .source(&id.parse().unwrap())
            .expect("a source of the graph");
        assert!(source.url.is_some() || source.note.is_some());
    }
    let kishida = refusal
        .contradicted_by()
        .iter()
        .find(|c| c.source.as_str() == "jiji-2022-02-28")
        .unwrap();
    assert!(kishida.says.as_deref().unwrap().contains("Kishida"));
    // The request it answers is contested too; the reported evidence level is kept.
    let request = view
        .stances_by("Japan")
        .unwrap()
        .into_iter()
        .find(|s| s.kind == StanceKind::Request && s.date.to_string() == "2022")
        .unwrap();
    assert!(request.is_contested());
    assert_eq!(request.evidence, Evidence::Reported);
    // Every other stance of the built-in data stands uncontested.
    let contested = g.stances().filter(|s| s.is_contested()).count();
    assert_eq!(contested, 2);
}

#[test]
fn statements_dated_by_a_range_are_possibly_made_inside_it() {
    let g = builtin();
    let hudson = |asked: &str| -> Vec<Holds> {
        g.as_of(date(asked))
            .stance_history("Japan", "asian-nato")
            .unwrap()
            .into_iter()
            .filter(|s| s.date.to_string() == "2024-09-25/2024-09-27")
            .map(|s| s.made)
            .collect()
    };
    assert!(hudson("2024-09-24").is_empty(), "not yet written");
    let during = hudson("2024-09-26");
    assert_eq!(during.len(), 2);
    for made in &during {
        let Holds::Possibly(doubt) = made else {
            panic!("{made}")
        };
        assert_eq!(doubt.edge, Edge::Made);
        assert_eq!(
            made.to_string(),
            "possibly: said on a day of 2024-09-25/2024-09-27 that may be after 2024-09-26"
        );
    }
    assert_eq!(hudson("2024-09-27"), [Holds::Yes, Holds::Yes]);
    // A month-dated statement on the first of the month, and the month asked as a whole.
    let invitations = |asked: &str| -> Vec<Holds> {
        g.as_of(date(asked))
            .stances_about("Britain")
            .unwrap()
            .into_iter()
            .map(|s| s.made)
            .collect()
    };
    assert!(invitations("2024-10-01")
        .iter()
        .all(|m| matches!(m, Holds::Possibly(_))));
    assert!(invitations("2024-10").iter().all(|m| *m == Holds::Yes));
    // Day-precise statements are never "possibly".
    for s in g
        .as_of(date("2024-10-01"))
        .stances_on("asian-nato")
        .unwrap()
    {
        if s.date.is_day() {
            assert_eq!(s.made, Holds::Yes, "{}", s.date);
        }
    }
}

#[test]
fn a_tie_that_turns_on_a_partial_date_is_possibly() {
    // ATOP codes the end of the Turkish-Afghan alliance of 1921 only to the month, 1950-07.
    let world = alliance_graph::datasets::world();
    let allied = |asked: &str| {
        world
            .as_of(date(asked))
            .allied("Turkey", "Afghanistan")
            .unwrap()
    };
    assert!(allied("1950-06-30").is_yes());
    let Answer::Possibly(evidence) = allied("1950-07-15") else {
        panic!("possibly")
    };
    let doubt = evidence[0].doubt.expect("a doubt");
    assert_eq!(doubt.edge, Edge::End);
    assert_eq!(doubt.date.to_string(), "1950-07");
    assert!(evidence[0]
        .to_string()
        .contains("possibly: it ended on a day of 1950-07"));
    // The month asked as a whole, and a day after it.
    assert!(allied("1950-07").is_yes());
    assert_eq!(allied("1950-08-01"), Answer::No);
}

#[test]
fn histories_are_complete_and_firmer_statements_are_not_hidden() {
    let g = builtin();
    let view = g.as_of(date("2024-12-31"));
    // India's refusal of its own membership is part of its history on the grouping.
    let india = view.stance_history("India", "asian-nato").unwrap();
    let targets: Vec<String> = india.iter().map(|s| s.target.to_string()).collect();
    assert_eq!(targets, ["asian-nato", "IND in asian-nato"]);
    // Japan's invitations are part of its history, oldest first.
    let japan = view.stance_history("Japan", "asian-nato").unwrap();
    assert_eq!(japan.len(), 14);
    assert_eq!(
        japan
            .iter()
            .filter(|s| s.kind == StanceKind::Invitation)
            .count(),
        7
    );
    assert!(japan.windows(2).all(|w| w[0].date <= w[1].date));
    // India's latest is the article's report; its on-record refusal stays beside it.
    let c = view.coalition("asian-nato").unwrap();
    let ind = c
        .refusers
        .iter()
        .find(|p| p.actor.as_str() == "IND")
        .unwrap();
    assert_eq!(ind.count, 2);
    assert_eq!(ind.stance.evidence, Evidence::Reported);
    assert_eq!(ind.firmer.len(), 1);
    assert_eq!(ind.firmer[0].evidence, Evidence::OnRecord);
    assert_eq!(ind.firmer[0].date.to_string(), "2024-10-01");
    let jpn = &c.proposers[0];
    assert_eq!((jpn.count, jpn.firmer.len()), (7, 0));
    // An actor and itself is an error that says so.
    for (a, b) in [("Japan", "Japan"), ("JPN", "Tokyo")] {
        let e = view.stance_history(a, b).unwrap_err();
        assert!(e.to_string().contains("two different actors"), "{e}");
        let e = view.allied(a, b).unwrap_err();
        assert!(e.to_string().contains("both names mean JPN"), "{e}");
    }
}

#[test]
fn the_coalition_moves_over_time() {
    let g = builtin();
    let moves = g
        .as_of(date("2024-12-31"))
        .coalition_moves("asian-nato")
        .unwrap();
    let seen: Vec<String> = moves
        .iter()
        .map(|m| {
            format!(
                "{} {} {}->{}",
                m.stance.date,
                m.actor,
                m.from.map_or("none", |k| k.as_str()),
                m.to
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            "2024-09-17 USA none->hedge",
            "2024-09-25/2024-09-27 JPN none->proposal",
            "2024-10-01 IND none->refusal",
            "2024-10-02 JPN proposal->hedge",
            "2024-10-15 CHN none->refusal",
            "2024-12-10 JPN hedge->proposal",
        ]
    );
    // The coalition on a date in between: Japan hedging, China not yet heard.
    let mid = g.as_of(date("2024-10-10")).coalition("asian-nato").unwrap();
    assert_eq!(actors(&mid.hedgers), ["JPN", "USA"]);
    assert_eq!(actors(&mid.refusers), ["IND"]);
    assert!(mid.proposers.is_empty());
}

#[test]
fn the_stance_timeline_picture_marks_every_stance() {
    let g = builtin();
    let view = g.as_of(date("2024-12-31"));
    let svg = alliance_graph::export::StanceTimeline::new(&view, "Asian NATO")
        .unwrap()
        .to_string();
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let marks: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter_map(|n| n.children().find(|c| c.has_tag_name("title")))
        .filter_map(|t| t.text().map(str::to_string))
        .collect();
    let own: usize = view
        .position_histories("asian-nato")
        .unwrap()
        .values()
        .map(Vec::len)
        .sum();
    assert_eq!(own, 11);
    assert_eq!(marks.len(), own);
    assert!(marks
        .iter()
        .any(|t| t.starts_with("USA hedge (2024-09-17") && t.contains("calls it refusal")));
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for want in [
        "China",
        "India",
        "Japan",
        "United States",
        "hedge (too early, not now)",
    ] {
        assert!(labels.contains(&want), "missing {want}: {labels:?}");
    }
}

fn day_of(d: PartialDate, offset: u32) -> PartialDate {
    let span = d.span();
    let first = span.first.unix_days();
    let len = span.last.unix_days() - first + 1;
    let day = alliance_graph::Day::from_unix_days(first + i64::from(offset) % len);
    day.to_partial().unwrap()
}

fn partial() -> impl Strategy<Value = PartialDate> {
    (1900i32..2030, prop::option::of(1u8..=12)).prop_map(|(y, m)| match m {
        None => PartialDate::year(y).unwrap(),
        Some(m) => PartialDate::month(y, m).unwrap(),
    })
}

proptest! {
    /// "Possibly" never for a day-precise date, whatever is asked.
    #[test]
    fn a_day_is_never_possibly(y in 1900i32..2030, m in 1u8..=12, d in 1u8..=28, asked in partial(), offset in 0u32..400) {
        let day = PartialDate::day(y, m, d).unwrap();
        for asked in [asked, day_of(asked, offset)] {
            let asked = asked.span();
            prop_assert!(!matches!(When::from(day).made_by(&asked), Holds::Possibly(_)));
            let p = Period::new(Some(day), None).unwrap();
            prop_assert!(!matches!(p.holds(&asked), Holds::Possibly(_)));
            let p = Period::new(None, Some(day)).unwrap();
            prop_assert!(!matches!(p.holds(&asked), Holds::Possibly(_)));
        }
    }

    /// Always "possibly" when a partial date straddles the day asked: some of its days fall
    /// before or on it, some after.
    #[test]
    fn a_partial_date_straddling_the_day_asked_is_possibly(date in partial(), offset in 0u32..400) {
        let asked = day_of(date, offset);
        let span = asked.span();
        prop_assume!(span.last < date.latest());
        let made = When::from(date).made_by(&span);
        prop_assert!(matches!(made, Holds::Possibly(d) if d.edge == Edge::Made && d.date == When::from(date)), "{}", made);
        // A period starting on that date: possibly in force on the day.
        let start = Period::new(Some(date), None).unwrap().holds(&span);
        prop_assert!(matches!(start, Holds::Possibly(d) if d.edge == Edge::Start), "{}", start);
        // A period ending on it, asked on a day after its first: possibly still in force.
        prop_assume!(span.first > date.earliest());
        let end = Period::new(None, Some(date)).unwrap().holds(&span);
        prop_assert!(matches!(end, Holds::Possibly(d) if d.edge == Edge::End), "{}", end);
    }

    /// Ranges read like partial dates: yes once their last day is past, possibly inside.
    #[test]
    fn a_range_is_possibly_made_inside_it(a in partial(), b in partial(), offset in 0u32..4000) {
        prop_assume!(a.latest() < b.earliest());
        let w = When::range(a, b).unwrap();
        prop_assert_eq!(w.to_string().parse::<When>().unwrap(), w);
        let first = w.earliest().unix_days();
        let len = w.latest().unix_days() - first + 1;
        let day = alliance_graph::Day::from_unix_days(first + i64::from(offset) % len);
        let asked = day.to_partial().unwrap().span();
        let made = w.made_by(&asked);
        if day == w.latest() {
            prop_assert_eq!(made, Holds::Yes);
        } else {
            prop_assert!(matches!(made, Holds::Possibly(_)), "{}", made);
        }
    }
}

//! The conflict query: each condition kind on small hand-made graphs, real cases from ATOP
//! (1914, 1962) and today's world, the article's what-if, and properties of the cascade.

use alliance_graph::io::json;
use alliance_graph::query::{Conflict, ConflictOptions, Duty, DutyKind, Side};
use alliance_graph::{AllianceGraph, CountryId, Scenario, Strength};
use proptest::prelude::*;

use super::{builtin, date};

/// A graph of states A..F (ids AAA..FFF) and the given treaties (each a JSON object with
/// `id`, `parties`, `obligations`; dated from 2000 unless it says otherwise).
fn graph(treaties: &[&str]) -> AllianceGraph {
    let countries: Vec<String> = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]
        .iter()
        .map(|c| format!(r#"{{"id": "{c}", "name": "State {c}"}}"#))
        .collect();
    let treaties: Vec<String> = treaties
        .iter()
        .map(|t| {
            let t = t.trim().trim_start_matches('{').trim_end_matches('}');
            format!(
                r#"{{"name": "T", "kind": "alliance", "signed": "2000-01-01", "sources": ["s"], {t}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format": "alliance-graph/1", "sources": [{{"id": "s", "title": "S"}}],
        "countries": [{}], "groupings": [], "treaties": [{}]}}"#,
        countries.join(", "),
        treaties.join(", ")
    );
    json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn id(s: &str) -> CountryId {
    s.parse().unwrap()
}

fn war<'g>(g: &'g AllianceGraph, attackers: &[&str], targets: &[&str]) -> Conflict<'g> {
    g.as_of(date("2010-06-01"))
        .conflict(attackers, targets)
        .unwrap()
}

fn duty<'c, 'g>(w: &'c Conflict<'g>, state: &str, kind: DutyKind, toward: &str) -> &'c Duty<'g> {
    w.duties
        .iter()
        .find(|d| d.state == id(state) && d.kind == kind && d.toward == id(toward))
        .unwrap_or_else(|| panic!("no duty {state} {kind:?} {toward} in {:#?}", w.duties))
}

#[test]
fn an_unconditional_defense_is_met_and_the_defender_joins() {
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense"}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    let d = duty(&w, "CCC", DutyKind::Defend, "BBB");
    assert_eq!(d.judgement.as_str(), "met");
    assert_eq!(d.judgement.reasons(), ["unconditional"]);
    assert_eq!(w.sides_of(id("CCC")), [Side::Attacked]);
    assert_eq!(w.chain(id("CCC"), Side::Attacked).len(), 1);
    assert!(w.fixed_point);
    // Round 0 brings CCC in; round 1 finds BBB's duty to CCC, BBB already at war: no one
    // new, the fixed point.
    assert_eq!(w.rounds, 1);
}

#[test]
fn a_named_adversary_decides_met_or_not_met() {
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense",
            "conditions": ["defense: only against specific adversaries (defcoadv=1)"],
            "against": {"states": ["AAA"], "source": "s"}}]}"#,
    ]);
    let met = war(&g, &["AAA"], &["BBB"]);
    assert_eq!(
        duty(&met, "CCC", DutyKind::Defend, "BBB")
            .judgement
            .as_str(),
        "met"
    );
    let not_met = war(&g, &["DDD"], &["BBB"]);
    let d = duty(&not_met, "CCC", DutyKind::Defend, "BBB");
    assert_eq!(d.judgement.as_str(), "not met");
    assert!(d.judgement.reasons()[0].contains("only against AAA"));
    assert!(not_met.sides_of(id("CCC")).is_empty());
    // ATOP's named threat (statthr1, a COW code) works the same; an unnamed one never is met.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense",
            "conditions": ["defense: only against specific adversaries (defcoadv=1)"]}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    let d = duty(&w, "CCC", DutyKind::Defend, "BBB");
    assert_eq!(d.judgement.as_str(), "undecidable");
    assert!(d.judgement.reasons()[0].contains("without naming them"));
}

#[test]
fn a_named_adversary_joining_later_makes_a_duty_met_when_judged_again() {
    // DDD attacks BBB. CCC defends BBB (round 1), and EEE owes CCC defense only against AAA.
    // AAA comes in a round later, through FFF (offense pacts): EEE's duty, not met when CCC joined, is
    // judged again when the attacking side grows, and is then met.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense"}]}"#,
        r#"{"id": "t2", "parties": ["CCC", "EEE"], "obligations": [{"kind": "defense",
            "conditions": ["defense: only against specific adversaries (defcoadv=1)"],
            "against": {"states": ["AAA"], "source": "s"}}]}"#,
        r#"{"id": "t3", "parties": ["DDD", "FFF"], "obligations": [{"kind": "offense"}]}"#,
        r#"{"id": "t4", "parties": ["FFF", "AAA"], "obligations": [{"kind": "offense"}]}"#,
    ]);
    let w = war(&g, &["DDD"], &["BBB"]);
    assert_eq!(w.sides_of(id("AAA")), [Side::Attacking]);
    let d = duty(&w, "EEE", DutyKind::Defend, "CCC");
    assert_eq!(d.judgement.as_str(), "met", "{d}");
    assert_eq!(w.sides_of(id("EEE")), [Side::Attacked]);
    assert_eq!(
        d.to_string(),
        "EEE defend CCC (met: AAA is a named adversary: the treaty names AAA [source: s]) \
         [CCC and EEE owe each other defense under T, since 2000-01-01; conditions: defense: \
         only against specific adversaries (defcoadv=1) [source: s]]"
    );
    assert_eq!(
        [Side::Attacking.as_str(), Side::Attacked.as_str()],
        ["attacking", "attacked"]
    );
}

#[test]
fn a_grouping_duty_is_judged_by_the_groupings_conditions() {
    // BBB and CCC are members of g1 (defense, no conditions) and of g2 (defense only if
    // the ally is attacked). AAA attacks BBB.
    let member = |c: &str, g: &str| {
        format!(
            r#"{{"country": "{c}", "grouping": "{g}", "role": "member", "start": "2000-01-01", "source": "s"}}"#
        )
    };
    let grouping = |id: &str, conditions: &str| {
        format!(
            r#"{{"id": "{id}", "name": "Grouping {id}", "kind": "collective-defense",
            "obligations": ["defense"], "conditions": [{conditions}],
            "status": [{{"status": "active", "since": "2000-01-01", "source": "s"}}]}}"#
        )
    };
    let countries: Vec<String> = ["AAA", "BBB", "CCC"]
        .iter()
        .map(|c| format!(r#"{{"id": "{c}", "name": "State {c}"}}"#))
        .collect();
    let text = format!(
        r#"{{"format": "alliance-graph/1", "sources": [{{"id": "s", "title": "S"}}],
        "countries": [{}], "groupings": [{}, {}], "memberships": [{}], "treaties": []}}"#,
        countries.join(", "),
        grouping("g1", ""),
        grouping(
            "g2",
            r#""defense: only if the ally is attacked (defcoatt=1)""#
        ),
        [
            member("BBB", "g1"),
            member("CCC", "g1"),
            member("BBB", "g2"),
            member("CCC", "g2")
        ]
        .join(", ")
    );
    let g = json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let w = war(&g, &["AAA"], &["BBB"]);
    let reasons: Vec<(String, Vec<String>)> = w
        .duties
        .iter()
        .filter(|d| d.state == id("CCC") && d.kind == DutyKind::Defend)
        .map(|d| (d.evidence.basis.to_string(), d.judgement.reasons().to_vec()))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "Grouping g1 (g1)".to_string(),
                vec!["membership of g1 carries it, unconditionally".to_string()]
            ),
            (
                "Grouping g2 (g2)".to_string(),
                vec!["the ally is attacked (defcoatt=1)".to_string()]
            ),
        ]
    );
}

#[test]
fn location_words_and_bare_conditional_are_undecidable() {
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense",
            "conditions": ["defense: conditional (defcon=1)", "defense: only in specific locations (defcoloc=1)"]}]}"#,
        r#"{"id": "t2", "parties": ["BBB", "DDD"], "obligations": [{"kind": "defense",
            "conditions": ["armed attack in the Pacific Area (Art. IV)"]}]}"#,
        r#"{"id": "t3", "parties": ["BBB", "EEE"], "obligations": [{"kind": "defense",
            "conditions": ["defense: conditional (defcon=1)"]}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    let loc = duty(&w, "CCC", DutyKind::Defend, "BBB");
    assert_eq!(
        loc.judgement.reasons(),
        ["holds if the attack is in the locations the treaty names (defcoloc=1)"]
    );
    let words = duty(&w, "DDD", DutyKind::Defend, "BBB");
    assert_eq!(
        words.judgement.reasons(),
        ["holds if: armed attack in the Pacific Area (Art. IV)"]
    );
    let bare = duty(&w, "EEE", DutyKind::Defend, "BBB");
    assert!(bare.judgement.reasons()[0].contains("without saying on what"));
    // Undecidable duties do not make states join, unless asked.
    assert_eq!(w.belligerents.len(), 2);
    let wide = g
        .as_of(date("2010-06-01"))
        .conflict_with(
            &["AAA"],
            &["BBB"],
            ConflictOptions {
                depth: None,
                follow_undecidable: true,
            },
        )
        .unwrap();
    assert_eq!(wide.belligerents.len(), 5);
}

#[test]
fn one_sided_obligations_stay_one_sided() {
    // CCC owes BBB defense; BBB owes CCC nothing.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense", "by": ["CCC"], "to": ["BBB"]}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    assert_eq!(
        duty(&w, "CCC", DutyKind::Defend, "BBB").judgement.as_str(),
        "met"
    );
    let w = war(&g, &["AAA"], &["CCC"]);
    assert!(w.duties.is_empty(), "{:?}", w.duties);
}

#[test]
fn offense_neutrality_consultation_and_broken_promises() {
    let g = graph(&[
        // DDD owes the attacker offense; EEE neutrality to the attacker, only if it is attacked.
        r#"{"id": "t1", "parties": ["AAA", "DDD"], "obligations": [{"kind": "offense"}]}"#,
        r#"{"id": "t2", "parties": ["AAA", "EEE"], "obligations": [{"kind": "neutrality",
            "conditions": ["neutrality: only if the ally is attacked (neucoatt=1)"]}, {"kind": "consultation"}]}"#,
        // The attacker promised the target non-aggression, with a third party to the treaty.
        r#"{"id": "t3", "parties": ["AAA", "BBB", "FFF"], "obligations": [{"kind": "non-aggression"}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    assert_eq!(
        duty(&w, "DDD", DutyKind::JoinAttack, "AAA")
            .judgement
            .as_str(),
        "met"
    );
    assert_eq!(w.sides_of(id("DDD")), [Side::Attacking]);
    let neutral = duty(&w, "EEE", DutyKind::StayNeutral, "AAA");
    assert_eq!(neutral.judgement.as_str(), "not met");
    assert_eq!(
        duty(&w, "EEE", DutyKind::Consult, "AAA").judgement.as_str(),
        "met"
    );
    let broken = duty(&w, "AAA", DutyKind::Broken, "BBB");
    assert_eq!(broken.co_members, [id("FFF")]);
    // Between parties that are not at war with each other, the promise is no duty.
    assert!(w
        .duties
        .iter()
        .all(|d| !(d.kind == DutyKind::Broken && d.toward == id("FFF"))));
    // Offense owed only against CCC, in a war on BBB: not met, and CCC's ally stays out.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["AAA", "DDD"], "obligations": [{"kind": "offense",
            "conditions": ["offense: only against specific adversaries (offcoadv=1)"],
            "against": {"states": ["CCC"], "source": "s"}}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    let d = duty(&w, "DDD", DutyKind::JoinAttack, "AAA");
    assert_eq!(d.judgement.as_str(), "not met");
    assert!(w.sides_of(id("DDD")).is_empty());
}

#[test]
fn a_state_bound_to_both_sides_is_reported() {
    // CCC owes the target defense and the attacker offense.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense"}]}"#,
        r#"{"id": "t2", "parties": ["AAA", "CCC"], "obligations": [{"kind": "offense"}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    assert_eq!(w.contradictions, [id("CCC")]);
    assert_eq!(w.sides_of(id("CCC")), [Side::Attacking, Side::Attacked]);
    // DDD owes CCC defense: CCC, an attacker too, is attacked as well, and the one duty
    // keeps the better of its two judgements, met.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense"}]}"#,
        r#"{"id": "t2", "parties": ["AAA", "CCC"], "obligations": [{"kind": "offense"}]}"#,
        r#"{"id": "t3", "parties": ["CCC", "DDD"], "obligations": [{"kind": "defense"}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    let defend: Vec<&str> = w
        .duties
        .iter()
        .filter(|d| d.state == id("DDD") && d.toward == id("CCC"))
        .map(|d| d.judgement.as_str())
        .collect();
    assert_eq!(defend, ["met"]);
    assert_eq!(w.sides_of(id("DDD")), [Side::Attacked]);
}

#[test]
fn cascades_run_round_by_round_to_a_fixed_point_or_a_depth() {
    // A chain: BBB <- CCC <- DDD <- EEE by defense.
    let g = graph(&[
        r#"{"id": "t1", "parties": ["BBB", "CCC"], "obligations": [{"kind": "defense"}]}"#,
        r#"{"id": "t2", "parties": ["CCC", "DDD"], "obligations": [{"kind": "defense"}]}"#,
        r#"{"id": "t3", "parties": ["DDD", "EEE"], "obligations": [{"kind": "defense"}]}"#,
    ]);
    let w = war(&g, &["AAA"], &["BBB"]);
    let rounds: Vec<(String, usize)> = w
        .belligerents
        .iter()
        .map(|b| (b.country.to_string(), b.round))
        .collect();
    assert_eq!(
        rounds,
        [("AAA", 0), ("BBB", 0), ("CCC", 1), ("DDD", 2), ("EEE", 3)]
            .map(|(c, r)| (c.to_string(), r))
    );
    assert!(w.fixed_point);
    let chain: Vec<String> = w
        .chain(id("EEE"), Side::Attacked)
        .iter()
        .map(|d| format!("{}>{}", d.state, d.toward))
        .collect();
    assert_eq!(chain, ["CCC>BBB", "DDD>CCC", "EEE>DDD"]);
    let shallow = g
        .as_of(date("2010-06-01"))
        .conflict_with(
            &["AAA"],
            &["BBB"],
            ConflictOptions {
                depth: Some(1),
                follow_undecidable: false,
            },
        )
        .unwrap();
    assert_eq!(shallow.belligerents.len(), 3);
    assert!(!shallow.fixed_point);
    // A tie not in force on the date binds nobody.
    let w = g.as_of(date("1999")).conflict(&["AAA"], &["BBB"]).unwrap();
    assert!(w.duties.is_empty());
}

#[test]
fn bad_conflicts_are_errors() {
    let g = builtin();
    let v = g.as_of(date("2024-12-31"));
    assert!(v.conflict(&["Japan"], &["Japan"]).is_err());
    assert!(v
        .conflict(&["Atlantis"], &["Japan"])
        .unwrap_err()
        .is_unknown_actor());
    assert!(v.conflict(&["nato"], &["Japan"]).is_err());
    let none: [&str; 0] = [];
    assert!(v.conflict(&none, &["Japan"]).is_err());
}

/// Every duty rests on a treaty or grouping record of the graph that ties the two on the
/// date, owed by the state to the ally (or, for a broken promise, by the attacker).
fn assert_traceable(g: &AllianceGraph, w: &Conflict, when: &str) {
    let view = g.as_of(date(when)).with_strength(Strength::Consultation);
    for d in &w.duties {
        let ties = view
            .are_allied(d.state, d.toward)
            .unwrap()
            .unwrap_or_else(|| panic!("{d}: no tie in force"));
        assert!(
            ties.contains(&d.evidence),
            "{d}: evidence not among the ties"
        );
        assert!(d.evidence.owed_by.contains(&d.state) && d.evidence.owed_to.contains(&d.toward));
        if let alliance_graph::query::TieBasis::Treaty { id, atop_id, .. } = &d.evidence.basis {
            let t = g.treaty(id).expect("the treaty record");
            assert_eq!(t.atop_id, *atop_id);
        }
    }
}

#[test]
fn in_1914_france_is_bound_to_defend_russia_against_germany() {
    let world = alliance_graph::datasets::world();
    let w = world
        .as_of(date("1914-08-01"))
        .conflict(&["Germany"], &["Russia"])
        .unwrap();
    let fra = duty(&w, "FRA", DutyKind::Defend, "RUS");
    assert_eq!(fra.judgement.as_str(), "met");
    assert!(fra.judgement.reasons()[0].contains("firstworldwar-franco-russian-1892"));
    assert_eq!(
        fra.evidence.basis.to_string(),
        "ATOP alliance 1385 (France, Russia, 1893) (ATOP 1385)"
    );
    assert_eq!(w.sides_of(id("FRA")), [Side::Attacked]);
    // Austria-Hungary's neutrality toward Germany holds only if Germany is attacked.
    let auh: Vec<&str> = w
        .duties_of(id("XAH"))
        .filter(|d| d.kind == DutyKind::StayNeutral)
        .map(|d| d.judgement.as_str())
        .collect();
    assert!(auh.contains(&"not met"), "{auh:?}");
    assert_traceable(&world, &w, "1914-08-01");

    // Austria-Hungary attacks Serbia: Montenegro joins; Germany's Triple Alliance offense
    // names France, so it is not met; Greece's defense of Serbia turns on non-provocation.
    let w = world
        .as_of(date("1914-07-28"))
        .conflict(&["Austria-Hungary"], &["Serbia"])
        .unwrap();
    assert_eq!(
        duty(&w, "MNE", DutyKind::Defend, "SRB").judgement.as_str(),
        "met"
    );
    assert_eq!(
        duty(&w, "DEU", DutyKind::JoinAttack, "XAH")
            .judgement
            .as_str(),
        "not met"
    );
    let grc = duty(&w, "GRC", DutyKind::Defend, "SRB");
    assert!(grc.judgement.reasons()[0].contains("defconpr"));
    assert_traceable(&world, &w, "1914-07-28");
}

#[test]
fn in_1962_and_today_every_duty_traces_to_a_record() {
    let world = alliance_graph::datasets::world();
    let w = world
        .as_of(date("1962-10-22"))
        .conflict(&["Russia"], &["Turkey"])
        .unwrap();
    // NATO's defense of Turkey is limited to the treaty area (ATOP defcoloc): undecidable.
    let usa = duty(&w, "USA", DutyKind::Defend, "TUR");
    assert!(usa
        .judgement
        .reasons()
        .iter()
        .any(|r| r.contains("defcoloc")));
    assert_traceable(&world, &w, "1962-10-22");

    let w = world
        .as_of(date("2026-11-30"))
        .conflict(&["China"], &["Japan"])
        .unwrap();
    let usa = duty(&w, "USA", DutyKind::Defend, "JPN");
    assert_eq!(usa.judgement.as_str(), "met");
    assert!(usa.evidence.basis.to_string().contains("ATOP 3375"));
    assert_eq!(
        w.nuclear_defenders(&world.as_of(date("2026-11-30"))),
        [id("USA")]
    );
    assert_traceable(&world, &w, "2026-11-30");
}

#[test]
fn the_articles_what_if_nuclear_defenders_of_japan() {
    let g = builtin();
    let day = date("2024-12-31");
    let today = g.as_of(day).conflict(&["China"], &["Japan"]).unwrap();
    assert_eq!(today.nuclear_defenders(&g.as_of(day)), [id("USA")]);
    let members = ["AUS", "IND", "JPN", "USA", "GBR"].map(id);
    let formed = Scenario::new(day)
        .form_grouping("asian-nato".parse().unwrap(), members)
        .apply(&g)
        .unwrap();
    let view = formed.graph.as_of(day);
    let after = view.conflict(&["China"], &["Japan"]).unwrap();
    assert_eq!(
        after.nuclear_defenders(&view),
        ["GBR", "IND", "USA"].map(id)
    );
    // NATO's Art. 6 keeps its members out of a war in Asia: undecidable, so they do not join.
    assert!(after.sides_of(id("FRA")).is_empty());
    let (gained, lost) = after.changes_from(&today);
    assert!(gained
        .iter()
        .any(|d| d.state == id("GBR") && d.kind == DutyKind::Defend && d.toward == id("JPN")));
    assert!(lost.is_empty());
    // What if the US left NATO (in the world dataset): its NATO duties to Poland go.
    let world = alliance_graph::datasets::world();
    let now = date("2026-11-30");
    let left = Scenario::new(now)
        .edit(alliance_graph::Edit::LeaveGrouping {
            country: id("USA"),
            grouping: "nato".parse().unwrap(),
            date: now,
        })
        .apply(&world)
        .unwrap();
    let before = world.as_of(now).conflict(&["Russia"], &["Poland"]).unwrap();
    let after = left
        .graph
        .as_of(now)
        .conflict(&["Russia"], &["Poland"])
        .unwrap();
    let (_, lost) = after.changes_from(&before);
    assert!(lost
        .iter()
        .any(|d| d.state == id("USA") && d.kind == DutyKind::Defend && d.toward == id("POL")));
}

/// The states bound to act (a met duty to defend or join) and the belligerents.
fn bound(w: &Conflict) -> Vec<(CountryId, DutyKind, CountryId)> {
    let mut out: Vec<_> = w
        .duties
        .iter()
        .filter(|d| d.judgement.is_met())
        .map(|d| (d.state, d.kind, d.toward))
        .collect();
    out.sort();
    out
}

fn edge() -> impl Strategy<Value = (usize, usize, usize)> {
    (0usize..6, 0usize..6, 0usize..3)
}

const IDS: [&str; 6] = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
const KINDS: [&str; 3] = ["defense", "offense", "neutrality"];

fn treaty_json(i: usize, (a, b, k): (usize, usize, usize)) -> String {
    format!(
        r#"{{"id": "t{i}", "parties": ["{}", "{}"], "obligations": [{{"kind": "{}"}}]}}"#,
        IDS[a], IDS[b], KINDS[k]
    )
}

proptest! {
    /// A state is never bound without a tie in force on the date; the cascade ends at a fixed
    /// point within as many rounds as there are states; and adding an obligation never
    /// removes a bound state.
    #[test]
    fn cascades_are_grounded_finite_and_monotone(
        edges in prop::collection::vec(edge(), 0..12),
        extra in edge(),
        attacker in 0usize..6,
        target in 0usize..6,
    ) {
        prop_assume!(attacker != target);
        let edges: Vec<_> = edges.into_iter().filter(|(a, b, _)| a != b).collect();
        let treaties: Vec<String> = edges.iter().enumerate().map(|(i, e)| treaty_json(i, *e)).collect();
        let refs: Vec<&str> = treaties.iter().map(String::as_str).collect();
        let g = graph(&refs);
        let w = war(&g, &[IDS[attacker]], &[IDS[target]]);
        prop_assert!(w.fixed_point);
        prop_assert!(w.rounds <= IDS.len() * 2);
        assert_traceable(&g, &w, "2010-06-01");
        prop_assume!(extra.0 != extra.1);
        let mut more = treaties.clone();
        more.push(treaty_json(99, extra));
        let refs: Vec<&str> = more.iter().map(String::as_str).collect();
        let g2 = graph(&refs);
        let w2 = war(&g2, &[IDS[attacker]], &[IDS[target]]);
        let (before, after) = (bound(&w), bound(&w2));
        for b in &before {
            prop_assert!(after.contains(b), "{:?} lost when adding {:?}", b, extra);
        }
        for b in &w.belligerents {
            prop_assert!(w2.sides_of(b.country).contains(&b.side));
        }
    }
}

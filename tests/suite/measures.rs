//! Portfolio similarity: each measure against values worked out by hand from the published
//! formulas, properties (symmetry, bounds, a portfolio with itself), the state system against
//! COW's `system2016.csv`, and the ATOP table against an independent numpy implementation's
//! output (`tests/data/similarity/`, made by `benches/peers/similarity_peer.py`).

use alliance_graph::measures::{Agreement, Distance, Portfolios, Similarity, WeightedAgreement};
use alliance_graph::CountryId;
use proptest::prelude::*;

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("defined");
    assert!((a - b).abs() < 1e-12, "{a} != {b}");
}

/// x = [3, 0, 3], y = [3, 0, 0]: S by hand (one difference of 3 in three positions), pi from
/// the pooled ratings (three 3s, three 0s: p_e = 1/2), kappa from the margins (p_e = 4/9;
/// only 0 and 3 are used, so psych's weights are the identity), tau-b from the three pairs
/// of positions (one concordant, one tied in x only, one tied in y only).
#[test]
fn each_measure_matches_the_hand_computed_value() {
    let t = Agreement::of(&[3, 0, 3], &[3, 0, 0]).unwrap();
    close(t.s(Distance::Absolute, 3), 1.0 - 2.0 * 3.0 / 9.0);
    close(t.s(Distance::Squared, 3), 1.0 - 2.0 * 9.0 / 27.0);
    close(t.binary().s(Distance::Absolute, 1), 1.0 / 3.0);
    close(t.scotts_pi(), (2.0 / 3.0 - 0.5) / 0.5);
    close(
        t.cohens_kappa(),
        (2.0 / 3.0 - 4.0 / 9.0) / (1.0 - 4.0 / 9.0),
    );
    close(t.kendall_tau_b(), 1.0 / (2.0f64 * 2.0).sqrt());
}

/// psych's weights go by the rank among the categories used, not by the scale's values:
/// with 0, 1 and 3 used, a 1-against-3 disagreement is one step of two (weight 3/4), where
/// value weights would give 1 − (2/3)² = 5/9. Worked by hand: p_o(w) = 3.5/4, p_e(w) =
/// 10.5/16, kappa = 7/11.
#[test]
fn kappa_weights_go_by_the_rank_of_the_categories_used() {
    let t = Agreement::of(&[0, 1, 3, 3], &[0, 3, 1, 3]).unwrap();
    close(t.cohens_kappa(), 7.0 / 11.0);
}

#[test]
fn undefined_measures_are_none_as_the_references_give_nan() {
    // A state alone in its system: its portfolio is [3].
    let alone = Agreement::of(&[3], &[3]).unwrap().similarity();
    assert_eq!(alone.s_valued_squared, Some(1.0));
    assert_eq!(alone.pi_valued, None);
    assert_eq!(alone.kappa_valued, None);
    assert_eq!(alone.tau_b, None);
    // A constant portfolio has no tau-b; the other side's variety gives pi and kappa.
    let t = Agreement::of(&[1, 1, 1], &[3, 0, 1]).unwrap();
    assert_eq!(t.kendall_tau_b(), None);
    assert!(t.scotts_pi().is_some());
    // Binary portfolios that both commit to everyone: one category, pi and kappa undefined.
    let b = Agreement::of(&[3, 2, 1], &[1, 3, 2]).unwrap().binary();
    assert_eq!(b.scotts_pi(), None);
    assert_eq!(b.cohens_kappa(), None);
    close(b.s(Distance::Squared, 1), 1.0);
}

#[test]
fn bad_portfolios_are_errors_not_panics() {
    let e = Agreement::of(&[3, 0], &[3]).unwrap_err();
    assert!(e.to_string().contains("different lengths: 2 and 1"), "{e}");
    let e = Agreement::of(&[4], &[3]).unwrap_err();
    assert!(e.to_string().contains("level 4"), "{e}");
    let e = WeightedAgreement::of(&[3, 0], &[3, 0], &[1.0, f64::NAN]).unwrap_err();
    assert!(e.to_string().contains("weight NaN"), "{e}");
    let ids: Vec<CountryId> = vec!["USA".parse().unwrap(), "CAN".parse().unwrap()];
    let e = Portfolios::from_levels(ids, vec![3, 1, 0, 2]).unwrap_err();
    assert!(
        e.to_string()
            .contains("CAN's commitment to itself must be 3"),
        "{e}"
    );
}

/// The weighted S with unit weights is the unweighted S; weights move it toward the states
/// that weigh more.
#[test]
fn weighted_s_reduces_to_s_with_equal_weights() {
    let (x, y) = ([3, 0, 2, 1, 0], [3, 3, 2, 0, 0]);
    let plain = Agreement::of(&x, &y).unwrap();
    let even = WeightedAgreement::of(&x, &y, &[1.0; 5]).unwrap();
    for d in [Distance::Squared, Distance::Absolute] {
        close(even.s(d, 3), plain.s(d, 3).unwrap());
        close(even.binary().s(d, 1), plain.binary().s(d, 1).unwrap());
    }
    // All the weight on the positions where they agree: S = 1.
    let agreeing = WeightedAgreement::of(&x, &y, &[1.0, 0.0, 1.0, 0.0, 1.0]).unwrap();
    close(agreeing.s(Distance::Squared, 3), 1.0);
}

fn portfolio(n: usize) -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    (
        proptest::collection::vec(0u8..=3, n),
        proptest::collection::vec(0u8..=3, n),
    )
}

proptest! {
    #[test]
    fn measures_are_symmetric_and_bounded((x, y) in (1usize..40).prop_flat_map(portfolio)) {
        let xy = Agreement::of(&x, &y).unwrap().similarity();
        let yx = Agreement::of(&y, &x).unwrap().similarity();
        for (a, b) in xy.values().into_iter().zip(yx.values()) {
            match (a, b) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-12),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
        for s in &xy.values()[..4] {
            let s = s.unwrap();
            prop_assert!((-1.0..=1.0).contains(&s), "S = {}", s);
        }
        for v in xy.values()[4..].iter().flatten() {
            prop_assert!(*v <= 1.0 + 1e-12 && *v >= -1.0 - 1e-12, "{}", v);
        }
    }

    #[test]
    fn a_portfolio_is_identical_to_itself((x, _) in (1usize..40).prop_flat_map(portfolio)) {
        let same = Agreement::of(&x, &x).unwrap().similarity();
        for s in &same.values()[..4] {
            prop_assert_eq!(*s, Some(1.0));
        }
        // Where defined, the chance-corrected measures are 1 too.
        for v in same.values()[4..].iter().flatten() {
            prop_assert!((v - 1.0).abs() < 1e-12, "{}", v);
        }
    }

    /// S over the cross-table equals S computed position by position (a naive loop).
    #[test]
    fn s_equals_the_position_by_position_formula((x, y) in (1usize..40).prop_flat_map(portfolio)) {
        let t = Agreement::of(&x, &y).unwrap();
        let n = x.len() as f64;
        let sq: f64 = x.iter().zip(&y).map(|(a, b)| f64::from(a.abs_diff(*b)).powi(2)).sum();
        let ab: f64 = x.iter().zip(&y).map(|(a, b)| f64::from(a.abs_diff(*b))).sum();
        prop_assert!((t.s(Distance::Squared, 3).unwrap() - (1.0 - 2.0 * sq / (9.0 * n))).abs() < 1e-12);
        prop_assert!((t.s(Distance::Absolute, 3).unwrap() - (1.0 - 2.0 * ab / (3.0 * n))).abs() < 1e-12);
    }

    /// Kendall's tau-b over the cross-table equals the pair-by-pair count (Kendall's
    /// definition, written out).
    #[test]
    fn tau_b_equals_the_pair_by_pair_count((x, y) in (2usize..30).prop_flat_map(portfolio)) {
        let (mut c, mut d, mut tx, mut ty) = (0i64, 0i64, 0i64, 0i64);
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                let dx = i32::from(x[i]) - i32::from(x[j]);
                let dy = i32::from(y[i]) - i32::from(y[j]);
                match (dx == 0, dy == 0) {
                    (true, true) => {}
                    (true, false) => tx += 1,
                    (false, true) => ty += 1,
                    _ if dx * dy > 0 => c += 1,
                    _ => d += 1,
                }
            }
        }
        let denom = (((c + d + tx) * (c + d + ty)) as f64).sqrt();
        let expected = (denom > 0.0).then(|| (c - d) as f64 / denom);
        let got = Agreement::of(&x, &y).unwrap().kendall_tau_b();
        match (got, expected) {
            (Some(g), Some(e)) => prop_assert!((g - e).abs() < 1e-12, "{} != {}", g, e),
            (g, e) => prop_assert_eq!(g, e),
        }
    }
}

/// On the world dataset in 1914: allies' portfolios are alike, rivals' are not, and the
/// answer says where they differ (France: Russia owes it defense, Germany nothing).
#[test]
fn similarity_on_a_date_names_the_differences() {
    let world = alliance_graph::datasets::world();
    let view = world.as_of("1914".parse().unwrap());
    let central = view.similarity("Germany", "Austria-Hungary").unwrap();
    let rivals = view.similarity("Germany", "Russia").unwrap();
    assert!(central.similarity.s_valued_squared > rivals.similarity.s_valued_squared);
    let fra: CountryId = "FRA".parse().unwrap();
    let d = rivals
        .differences
        .iter()
        .find(|d| d.state == fra)
        .expect("France differs");
    assert_eq!((d.first, d.second), (0, 3));
    // West Germany was no state in 1914.
    let e = view.similarity("XGF", "Russia").unwrap_err();
    assert!(e.to_string().contains("XGF was not a state on 1914"), "{e}");
}

#[test]
fn similarity_table_row_order_and_counts() {
    use alliance_graph::measures::{write_similarity_table, PortfolioRule, StateSystem};
    let world = alliance_graph::datasets::world();
    let system = StateSystem::of(&world, 1817);
    let mut out = Vec::new();
    let s = write_similarity_table(
        &world,
        &system,
        PortfolioRule::Ties,
        1816,
        1817,
        None,
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // COW's system had 23 states in 1816 and 1817 (system2016.csv).
    assert_eq!(s.rows, 2 * 23 * 23);
    assert_eq!(lines.len(), 1 + 2 * 23 * 23);
    assert_eq!(
        lines[0],
        format!("ccode1,ccode2,year,{}", Similarity::COLUMNS.join(","))
    );
    assert!(lines[1].starts_with("2,2,1816,1.0,"));
    assert!(lines[2].starts_with("2,200,1816,"));
    assert!(lines[1 + 23 * 23].starts_with("2,2,1817,"));
}

#[cfg(feature = "atop")]
mod atop_data {
    use super::super::shared_data;
    use alliance_graph::io::atop;
    use alliance_graph::measures::{write_similarity_table, PortfolioRule, StateSystem};

    /// The system the tables use (the world dataset's statehood spells, from
    /// states2016.csv) is COW's system2016.csv, state-year for state-year.
    #[test]
    fn the_state_system_is_cows_system_file() {
        let Some(path) = shared_data("cow-state-system-2016/system2016.csv") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap();
        let mut expected: Vec<(i32, u16)> = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let cells: Vec<&str> = l.trim().split(',').collect();
                (cells[2].parse().unwrap(), cells[1].parse().unwrap())
            })
            .collect();
        expected.sort_unstable();
        assert_eq!(expected.len(), 15951);
        let system = StateSystem::of(&alliance_graph::datasets::world(), 2016);
        let got: Vec<(i32, u16)> = system
            .years()
            .flat_map(|y| system.members(y).iter().map(move |m| (y, m.0)))
            .collect();
        assert_eq!(got, expected);
    }

    /// ATOP's graph, the COW system and a fixture of `tests/data/`, or `None` without the
    /// ATOP file.
    fn atop_and_fixture(
        fixture: &str,
    ) -> Option<(alliance_graph::AllianceGraph, StateSystem, String)> {
        let path = shared_data("atop-5.1/atop5_1m.csv")?;
        let graph = atop::import_members(&path).unwrap().graph;
        let system = StateSystem::of(&alliance_graph::datasets::world(), 2018);
        let fixture = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data")
                .join(fixture),
        )
        .unwrap();
        Some((graph, system, fixture))
    }

    /// Every fixture row has a row of ours with the same `keys` first columns and every value
    /// within 1e-9; returns how many rows were checked.
    fn assert_rows_match(ours: &str, fixture: &str, keys: usize) -> usize {
        let rows: std::collections::HashMap<&str, Vec<f64>> = ours
            .lines()
            .filter(|l| !l.starts_with("ccode"))
            .map(|l| split_key(l, keys))
            .collect();
        let mut checked = 0;
        for line in fixture.lines().skip(1) {
            let (key, expected) = split_key(line, keys);
            let got = rows.get(key).unwrap_or_else(|| panic!("no row {key}"));
            assert_eq!(got.len(), expected.len(), "{key}");
            for (g, e) in got.iter().zip(&expected) {
                assert!(
                    (g - e).abs() < 1e-9 || (g.is_nan() && e.is_nan()),
                    "{key}: {got:?} != {expected:?}"
                );
            }
            checked += 1;
        }
        checked
    }

    /// The ATOP-based table for 1914 and 1990 against the rows the numpy peer computed from
    /// ATOP's directed dyad-years and system2016.csv (840 rows: the US, the UK, Germany and
    /// Russia with every state), to 1e-9.
    #[test]
    fn the_atop_table_matches_an_independent_implementation() {
        let Some((graph, system, fixture)) = atop_and_fixture("similarity/atop-1914-1990-peer.csv")
        else {
            return;
        };
        let mut ours = Vec::new();
        for year in [1914, 1990] {
            let rule = PortfolioRule::AtopDyadYears;
            write_similarity_table(&graph, &system, rule, year, year, None, &mut ours).unwrap();
        }
        let ours = String::from_utf8(ours).unwrap();
        assert_eq!(assert_rows_match(&ours, &fixture, 3), 840);
    }

    /// Network measures for 1914, 1960 and 2018 from ATOP's coding, against networkx's own
    /// functions on the same graphs (`tests/data/network/atop-networkx.csv`, made by
    /// `benches/peers/network_peer.py`: 347 state-years), every column to 1e-9.
    #[cfg(feature = "network-measures")]
    #[test]
    fn network_measures_equal_networkx() {
        let Some((graph, system, fixture)) = atop_and_fixture("network/atop-networkx.csv") else {
            return;
        };
        let mut ours = Vec::new();
        for year in [1914, 1960, 2018] {
            let rule = PortfolioRule::AtopDyadYears;
            alliance_graph::measures::write_network_table(
                &graph, &system, rule, year, year, &mut ours,
            )
            .unwrap();
        }
        let ours = String::from_utf8(ours).unwrap();
        let header = format!("{}\n", fixture.lines().next().unwrap());
        assert!(
            ours.starts_with(&header),
            "the columns differ from networkx's file"
        );
        assert_eq!(assert_rows_match(&ours, &fixture, 2), 347);
        assert_eq!(
            ours.lines().filter(|l| !l.starts_with("ccode")).count(),
            347
        );
    }

    fn split_key(line: &str, keys: usize) -> (&str, Vec<f64>) {
        let cut = line
            .match_indices(',')
            .nth(keys - 1)
            .map_or(line.len(), |(i, _)| i);
        let values = line[cut + 1..]
            .split(',')
            .map(|v| v.parse().unwrap_or(f64::NAN))
            .collect();
        (&line[..cut], values)
    }
}

/// The built-in story at the end of 2024: China's and India's refusals of the Asian NATO that
/// Japan proposes are its hostile pairs; the US refusal of 2022 (contested) sits beside the
/// alliance with Japan as an ambivalent pair, counted as allied; every triad (all among
/// allies) is balanced.
#[test]
fn balance_of_the_built_in_story() {
    use alliance_graph::measures::balance::{Hostility, Sign};
    let graph = super::builtin();
    let b = graph.as_of("2024-12-31".parse().unwrap()).balance();
    let id = |s: &str| -> CountryId { s.parse().unwrap() };
    let negative: Vec<(String, String)> = b
        .ties
        .iter()
        .filter(|t| t.sign == Sign::Negative)
        .map(|t| (t.first.to_string(), t.second.to_string()))
        .collect();
    assert_eq!(
        negative,
        [("CHN".into(), "JPN".into()), ("IND".into(), "JPN".into())]
    );
    let china = b.tie(id("JPN"), id("CHN")).unwrap();
    assert!(matches!(
        &china.hostility[..],
        [Hostility::RefusedProposal { by, .. }] if by.as_str() == "CHN"
    ));
    let us = b.tie(id("USA"), id("JPN")).unwrap();
    assert!(us.is_ambivalent());
    assert_eq!(us.sign, Sign::Positive);
    assert!(us.hostility[0].to_string().contains("(CONTESTED)"));
    assert!(b.unbalanced.is_empty());
    assert_eq!(b.ratio(), Some(1.0));
}

/// A planted unbalanced triad: A and B allied, both allied with C, and A named C as its
/// adversary (++-): the triad is unbalanced and its signs say which pair is hostile.
#[test]
fn an_ally_named_as_adversary_makes_an_unbalanced_triad() {
    use alliance_graph::measures::balance::Sign;
    let doc = serde_json::json!({
        "format": "alliance-graph/1",
        "sources": [{"id": "s", "title": "A test source"}],
        "countries": [
            {"id": "AAA", "name": "Aland"}, {"id": "BBB", "name": "Beland"}, {"id": "CCC", "name": "Celand"}
        ],
        "treaties": [
            {"id": "ab", "name": "A-B", "kind": "alliance", "parties": ["AAA", "BBB"], "in_force": "2000",
             "obligations": [{"kind": "defense", "against": {"states": ["CCC"], "source": "s"}}], "sources": ["s"]},
            {"id": "bc", "name": "B-C", "kind": "alliance", "parties": ["BBB", "CCC"], "in_force": "2000",
             "obligations": [{"kind": "defense"}], "sources": ["s"]},
            {"id": "ac", "name": "A-C", "kind": "alliance", "parties": ["AAA", "CCC"], "in_force": "2001",
             "obligations": [{"kind": "consultation"}], "sources": ["s"]}
        ]
    });
    let graph = alliance_graph::io::json::from_str(&doc.to_string()).unwrap();
    // In 2000: A-B +, B-C +, A-C - (A owes B defense against C): ++- is unbalanced.
    let b = graph.as_of("2000-06".parse().unwrap()).balance();
    assert_eq!(b.balanced, 0);
    assert_eq!(b.unbalanced.len(), 1);
    let t = b.unbalanced[0];
    assert_eq!(
        t.signs,
        [Sign::Positive, Sign::Negative, Sign::Positive],
        "{t:?}"
    );
    assert_eq!(b.ratio(), Some(0.0));
}

/// Signorino and Ritter's (1999) Table 6: Germany's and Russia's commitments to the 20
/// European states of 1914, with the states' shares of European capabilities, as the R
/// package fpsim ships it (`gmyrus14`). The published values, from fpsim's documentation:
/// `taub` 0.03031695, `srs(..., 'absolute')` 0.4, weighted by capabilities −0.46,
/// `spi(levels = 0:3)` −0.04477612, `cohenk(levels = 0:3)` −0.07758621.
#[test]
fn signorino_and_ritters_germany_and_russia_in_1914() {
    let gmy = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0];
    let rus = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let syscap = [
        0.25, 0.21, 0.2, 0.08, 0.08, 0.05, 0.03, 0.03, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0,
    ];
    let t = Agreement::of(&gmy, &rus).unwrap();
    let near = |a: Option<f64>, b: f64| {
        let a = a.expect("defined");
        assert!((a - b).abs() < 5e-9, "{a} != {b}");
    };
    near(t.kendall_tau_b(), 0.03031695);
    near(t.s(Distance::Absolute, 3), 0.4);
    near(t.scotts_pi(), -0.04477612);
    near(t.cohens_kappa_on_scale(3), -0.07758621);
    let w = WeightedAgreement::of(&gmy, &rus, &syscap).unwrap();
    near(w.s(Distance::Absolute, 3), -0.46);
    // The FPSIM table's kappa (psych's weights over the categories used: 0, 1 and 3) is
    // another number on the same data, by hand: cells (0,0) 13, (3,0) 3, (0,3) 2, (0,1) 1,
    // (3,1) 1; weights 1 on the diagonal, 3/4 one rank apart, 0 two apart; margins 16/4 and
    // 16/2/2: p_o(w) = 14.5/20, p_e(w) = 294/400.
    near(
        t.cohens_kappa(),
        (14.5 / 20.0 - 294.0 / 400.0) / (1.0 - 294.0 / 400.0),
    );
}

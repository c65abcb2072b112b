//! The similarity of two alliance portfolios, each measure written once, from the
//! cross-tabulation of the two portfolios ([`Agreement`]).
//!
//! A *portfolio* is one state's commitments to every state of the system, itself included,
//! on ATOP's ordinal scale ([`Level`]): 3 = defense or offense, 2 = neutrality or
//! consultation without defense or offense, 1 = non-aggression only, 0 = none; a state's
//! commitment to itself is 3 (Chiba, Johnson and Leeds's scale, as the FPSIM alliance table
//! uses it). The *binary* portfolio is 1 wherever the valued one is at least 1.
//!
//! Two portfolios `x`, `y` of `n` positions (`k` = 1..n, the states of the system) give:
//!
//! - **S** (Signorino and Ritter 1999): `S = 1 − 2·Σ w_k·|x_k − y_k|^p / (Σ w_k · d_max^p)`,
//!   with `p = 2` (squared distances) or `p = 1` (absolute), `d_max` the width of the scale
//!   (3 valued, 1 binary) and `w_k = 1` unless the caller weights the states (by capabilities,
//!   say). `d_max` is the scale's width, not the observed range, as in the published
//!   ATOP-based FPSIM table (a state's tie to itself is 3 and to most others 0, so both ends
//!   are observed anyway). S lies in [−1, 1]; S of a portfolio with itself is 1.
//! - **Scott's pi** (Scott 1955): `π = (p_o − p_e) / (1 − p_e)`, `p_o` the share of positions
//!   where the two agree, `p_e = Σ_c m_c²`, `m_c` the share of category `c` among all `2n`
//!   ratings (both portfolios pooled: one distribution for both).
//! - **Cohen's weighted kappa** (Cohen 1968): `κ = (Σ w_ab·o_ab − Σ w_ab·e_ab) /
//!   (1 − Σ w_ab·e_ab)`, `o` the observed shares of the cross-table, `e_ab = o_a·o_b` the
//!   products of its margins, and quadratic agreement weights `w_ab = 1 − (r_a − r_b)² /
//!   (L − 1)²` over the `L` categories the two portfolios use, `r` a category's rank among
//!   them. These are the weights of the R package psych's `cohen.kappa` (its "weighted
//!   kappa"), which the published FPSIM table used; a disagreement is weighted by how many
//!   used categories lie between, not by the scale's values. On binary portfolios the weights
//!   are 1 on the diagonal and 0 off it: Cohen's (1960) unweighted kappa. With weights on
//!   the scale's values instead (`(|a − b| / d_max)²` as disagreement weights, fpsim's
//!   `cohenk(levels = 0:3)`): [`Agreement::cohens_kappa_on_scale`].
//! - **Kendall's tau-b** (Kendall 1938, 1945): `τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂))`, `C`
//!   and `D` the concordant and discordant pairs of positions, `n₀ = n(n−1)/2`, `n₁` and `n₂`
//!   the pairs tied in `x` and in `y` (what R's `cor(method = "kendall")` computes).
//!
//! **Undefined values** are `None` (written `NA` in tables), where the formulas divide by
//! zero, as the references' R code gives `NaN` or `NA` there: pi when `p_e = 1` (both
//! portfolios use one category only), kappa when fewer than two categories are used, tau-b
//! when either portfolio is constant (or `n < 2`). S is always defined (`n ≥ 1`). A state
//! alone in the system has the portfolio `[3]`: S = 1, the others undefined.
//!
//! Checked against the published worked example, Signorino and Ritter's (1999) Table 6
//! (Germany and Russia in 1914, as the R package fpsim ships it): tau-b, S, weighted S,
//! Scott's pi and the scale-weighted kappa equal fpsim's documented values
//! (`tests/suite/measures.rs`).
//!
//! References: Signorino, C. S. and J. M. Ritter (1999), "Tau-b or Not Tau-b: Measuring the
//! Similarity of Foreign Policy Positions", *International Studies Quarterly* 43(1): 115–144;
//! Scott, W. A. (1955), *Public Opinion Quarterly* 19(3): 321–325; Cohen, J. (1960),
//! *Educational and Psychological Measurement* 20(1): 37–46, and (1968), *Psychological
//! Bulletin* 70(4): 213–220; Kendall, M. G. (1938), *Biometrika* 30(1/2): 81–93; Häge, F. M.
//! (2011), "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for Chance
//! Agreement", *Political Analysis* 19(3): 287–305, compares them.

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Obligation;

/// A commitment on ATOP's ordinal scale: 0 none, 1 non-aggression only, 2 neutrality or
/// consultation (no defense or offense), 3 defense or offense.
pub type Level = u8;

/// The highest [`Level`]: defense or offense, and a state's commitment to itself.
pub const MAX_LEVEL: Level = 3;

/// The level of one obligation on the ordinal scale.
///
/// ```
/// use alliance_graph::{measures::level_of, Obligation};
/// assert_eq!(level_of(Obligation::Offense), 3);
/// assert_eq!(level_of(Obligation::Consultation), 2);
/// assert_eq!(level_of(Obligation::NonAggression), 1);
/// ```
pub fn level_of(obligation: Obligation) -> Level {
    match obligation {
        Obligation::Defense | Obligation::Offense => 3,
        Obligation::Neutrality | Obligation::Consultation => 2,
        Obligation::NonAggression => 1,
    }
}

/// How S measures the distance between two commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Distance {
    /// `|x − y|²`, the common choice.
    Squared,
    /// `|x − y|`, Signorino and Ritter's original.
    Absolute,
}

/// The cross-tabulation of two portfolios on the four levels: how many positions have level
/// `a` in the first and `b` in the second. Every measure is computed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Agreement {
    counts: [[u32; 4]; 4],
}

impl Agreement {
    /// Cross-tabulates two portfolios of the same length, with levels 0..=3.
    ///
    /// ```
    /// use alliance_graph::measures::Agreement;
    /// let t = Agreement::of(&[3, 0, 1], &[3, 0, 0])?;
    /// assert_eq!(t.count(1, 0), 1);
    /// assert_eq!(t.len(), 3);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn of(x: &[Level], y: &[Level]) -> Result<Agreement> {
        if x.len() != y.len() {
            return Err(invalid(format!(
                "portfolios of different lengths: {} and {}",
                x.len(),
                y.len()
            )));
        }
        if let Some(&bad) = x.iter().chain(y).find(|&&l| l > MAX_LEVEL) {
            return Err(invalid(format!("level {bad} is outside the scale 0..=3")));
        }
        let mut t = Agreement::default();
        for (&a, &b) in x.iter().zip(y) {
            t.counts[a as usize][b as usize] += 1;
        }
        Ok(t)
    }

    /// Adds one position, `a` in the first portfolio and `b` in the second (both ≤ 3).
    pub(crate) fn add(&mut self, a: Level, b: Level) {
        self.counts[a as usize][b as usize] += 1;
    }

    /// Adds `count` positions with `a` in the first portfolio and `b` in the second.
    pub(crate) fn add_many(&mut self, a: usize, b: usize, count: u32) {
        self.counts[a][b] += count;
    }

    /// How many positions have level `a` in the first portfolio and `b` in the second.
    pub fn count(&self, a: Level, b: Level) -> u32 {
        self.counts
            .get(a as usize)
            .and_then(|r| r.get(b as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The number of positions (states in the system).
    pub fn len(&self) -> u32 {
        self.counts.iter().flatten().sum()
    }

    /// Whether it holds no position.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The same table for the binary portfolios (any commitment = 1).
    pub fn binary(&self) -> Agreement {
        let mut t = Agreement::default();
        for (a, row) in self.counts.iter().enumerate() {
            for (b, &c) in row.iter().enumerate() {
                t.counts[a.min(1)][b.min(1)] += c;
            }
        }
        t
    }

    /// Signorino and Ritter's S, unweighted, on the scale of width `d_max` (3 for valued
    /// portfolios, 1 for binary ones); `None` for an empty table.
    ///
    /// ```
    /// use alliance_graph::measures::{Agreement, Distance};
    /// // Two states agree on 2 of 3 positions and differ by 3 on the third.
    /// let t = Agreement::of(&[3, 0, 3], &[3, 0, 0])?;
    /// assert_eq!(t.s(Distance::Absolute, 3), Some(1.0 - 2.0 * 3.0 / 9.0));
    /// assert_eq!(t.s(Distance::Squared, 3), Some(1.0 - 2.0 * 9.0 / 27.0));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn s(&self, distance: Distance, d_max: Level) -> Option<f64> {
        let n = self.len();
        if n == 0 || d_max == 0 {
            return None;
        }
        let mut num = 0u64;
        for (a, row) in self.counts.iter().enumerate() {
            for (b, &c) in row.iter().enumerate() {
                num += u64::from(c) * power(a.abs_diff(b) as u64, distance);
            }
        }
        let denom = f64::from(n) * power(u64::from(d_max), distance) as f64;
        Some(1.0 - 2.0 * num as f64 / denom)
    }

    /// Scott's pi; `None` where undefined (see the [module docs](self)).
    pub fn scotts_pi(&self) -> Option<f64> {
        let n = f64::from(self.len());
        if n == 0.0 {
            return None;
        }
        let agree: u32 = (0..4).map(|c| self.counts[c][c]).sum();
        let po = f64::from(agree) / n;
        let (rows, cols) = self.margins();
        let pe: f64 = (0..4)
            .map(|c| {
                let m = f64::from(rows[c] + cols[c]) / (2.0 * n);
                m * m
            })
            .sum();
        defined((po - pe) / (1.0 - pe))
    }

    /// Cohen's weighted kappa with psych's quadratic weights over the categories used;
    /// `None` where undefined (see the [module docs](self)).
    pub fn cohens_kappa(&self) -> Option<f64> {
        let n = f64::from(self.len());
        let (rows, cols) = self.margins();
        let mut used = [0usize; 4];
        let mut len = 0;
        for c in 0..4 {
            if rows[c] + cols[c] > 0 {
                used[len] = c;
                len += 1;
            }
        }
        let used = &used[..len];
        if len < 2 {
            return None;
        }
        let steps = (len - 1) as f64;
        let (mut observed, mut expected) = (0.0, 0.0);
        for (ra, &a) in used.iter().enumerate() {
            for (rb, &b) in used.iter().enumerate() {
                let d = ra.abs_diff(rb) as f64 / steps;
                let w = 1.0 - d * d;
                observed += w * f64::from(self.counts[a][b]) / n;
                expected += w * (f64::from(rows[a]) / n) * (f64::from(cols[b]) / n);
            }
        }
        defined((observed - expected) / (1.0 - expected))
    }

    /// Cohen's weighted kappa with quadratic weights on the scale's values instead of the
    /// ranks of the categories used: `κ = 1 − Σ d_ab·o_ab / Σ d_ab·e_ab`, disagreement
    /// weights `d_ab = (|a − b| / d_max)²` (3 for valued portfolios, 1 for binary). This is
    /// fpsim's `cohenk(x, y, levels = 0:3)`, not the FPSIM table's `kallyv` (see
    /// [`cohens_kappa`](Self::cohens_kappa)); the two agree when all four levels are used.
    /// `None` where undefined.
    ///
    /// ```
    /// use alliance_graph::measures::Agreement;
    /// let t = Agreement::of(&[3, 0, 3], &[3, 0, 0])?;
    /// // Only 0 and 3 are used: the weights are the same either way.
    /// let (on_scale, by_rank) = (t.cohens_kappa_on_scale(3).unwrap(), t.cohens_kappa().unwrap());
    /// assert!((on_scale - by_rank).abs() < 1e-12);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn cohens_kappa_on_scale(&self, d_max: Level) -> Option<f64> {
        if d_max == 0 {
            return None;
        }
        let n = f64::from(self.len());
        let (rows, cols) = self.margins();
        let (mut observed, mut expected) = (0.0, 0.0);
        for (a, (row, &r)) in self.counts.iter().zip(&rows).enumerate() {
            for (b, (&count, &c)) in row.iter().zip(&cols).enumerate() {
                let d = a.abs_diff(b) as f64 / f64::from(d_max);
                let w = d * d;
                observed += w * f64::from(count) / n;
                expected += w * (f64::from(r) / n) * (f64::from(c) / n);
            }
        }
        defined(1.0 - observed / expected)
    }

    /// Kendall's tau-b; `None` where undefined (see the [module docs](self)).
    pub fn kendall_tau_b(&self) -> Option<f64> {
        let c = &self.counts;
        let (mut concordant, mut discordant) = (0u64, 0u64);
        for a in 0..4 {
            for b in 0..4 {
                let here = u64::from(c[a][b]);
                if here == 0 {
                    continue;
                }
                for row in &c[a + 1..] {
                    for (b2, &there) in row.iter().enumerate() {
                        let there = here * u64::from(there);
                        match b2.cmp(&b) {
                            std::cmp::Ordering::Greater => concordant += there,
                            std::cmp::Ordering::Less => discordant += there,
                            std::cmp::Ordering::Equal => {}
                        }
                    }
                }
            }
        }
        let pairs = |k: u32| u64::from(k) * u64::from(k.saturating_sub(1)) / 2;
        let (rows, cols) = self.margins();
        let n0 = pairs(self.len());
        let n1: u64 = rows.iter().map(|&r| pairs(r)).sum();
        let n2: u64 = cols.iter().map(|&c| pairs(c)).sum();
        let denom = ((n0 - n1) as f64 * (n0 - n2) as f64).sqrt();
        defined((concordant as f64 - discordant as f64) / denom)
    }

    /// Every measure of the two portfolios this table cross-tabulates (valued levels).
    pub fn similarity(&self) -> Similarity {
        let binary = self.binary();
        Similarity {
            s_valued_squared: self.s(Distance::Squared, MAX_LEVEL),
            s_valued_absolute: self.s(Distance::Absolute, MAX_LEVEL),
            s_binary_squared: binary.s(Distance::Squared, 1),
            s_binary_absolute: binary.s(Distance::Absolute, 1),
            pi_valued: self.scotts_pi(),
            pi_binary: binary.scotts_pi(),
            kappa_valued: self.cohens_kappa(),
            kappa_binary: binary.cohens_kappa(),
            tau_b: self.kendall_tau_b(),
        }
    }

    fn margins(&self) -> ([u32; 4], [u32; 4]) {
        let mut rows = [0; 4];
        let mut cols = [0; 4];
        for (a, row) in self.counts.iter().enumerate() {
            for (b, &c) in row.iter().enumerate() {
                rows[a] += c;
                cols[b] += c;
            }
        }
        (rows, cols)
    }
}

/// The same cross-tabulation with a weight per position: S weighted by the states' weights
/// (capabilities, say). Only S is weighted, as in the references.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WeightedAgreement {
    weights: [[f64; 4]; 4],
}

impl WeightedAgreement {
    /// Cross-tabulates two portfolios with a weight per position (all three of one length;
    /// weights finite and not negative).
    ///
    /// ```
    /// use alliance_graph::measures::{Distance, WeightedAgreement};
    /// // The one disagreement is on a state of weight 0.5 out of 2.
    /// let t = WeightedAgreement::of(&[3, 0, 3], &[3, 0, 0], &[1.0, 0.5, 0.5])?;
    /// assert_eq!(t.s(Distance::Absolute, 3), Some(1.0 - 2.0 * (0.5 * 3.0) / (2.0 * 3.0)));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn of(x: &[Level], y: &[Level], weights: &[f64]) -> Result<WeightedAgreement> {
        Agreement::of(x, y)?;
        if weights.len() != x.len() {
            return Err(invalid(format!(
                "{} weights for portfolios of {} positions",
                weights.len(),
                x.len()
            )));
        }
        let mut t = WeightedAgreement::default();
        for ((&a, &b), &w) in x.iter().zip(y).zip(weights) {
            if !w.is_finite() || w < 0.0 {
                return Err(invalid(format!(
                    "weight {w} is not a finite, non-negative number"
                )));
            }
            t.add(a, b, w);
        }
        Ok(t)
    }

    pub(crate) fn add(&mut self, a: Level, b: Level, w: f64) {
        self.weights[a as usize][b as usize] += w;
    }

    /// The same table for the binary portfolios.
    pub fn binary(&self) -> WeightedAgreement {
        let mut t = WeightedAgreement::default();
        for (a, row) in self.weights.iter().enumerate() {
            for (b, &w) in row.iter().enumerate() {
                t.weights[a.min(1)][b.min(1)] += w;
            }
        }
        t
    }

    /// Weighted S on the scale of width `d_max`; `None` when the weights sum to zero.
    pub fn s(&self, distance: Distance, d_max: Level) -> Option<f64> {
        let total: f64 = self.weights.iter().flatten().sum();
        if total <= 0.0 || d_max == 0 {
            return None;
        }
        let mut num = 0.0;
        for (a, row) in self.weights.iter().enumerate() {
            for (b, &w) in row.iter().enumerate() {
                num += w * power(a.abs_diff(b) as u64, distance) as f64;
            }
        }
        Some(1.0 - 2.0 * num / (total * power(u64::from(d_max), distance) as f64))
    }

    /// The four weighted S scores (valued and binary, squared and absolute).
    pub fn similarity(&self) -> WeightedS {
        let binary = self.binary();
        WeightedS {
            s_valued_squared: self.s(Distance::Squared, MAX_LEVEL),
            s_valued_absolute: self.s(Distance::Absolute, MAX_LEVEL),
            s_binary_squared: binary.s(Distance::Squared, 1),
            s_binary_absolute: binary.s(Distance::Absolute, 1),
        }
    }
}

/// Every similarity measure of two portfolios; `None` where a measure is undefined.
/// The names of the FPSIM alliance table's columns are given with each field.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Similarity {
    /// S, valued, squared distances (`sallyvs`).
    pub s_valued_squared: Option<f64>,
    /// S, valued, absolute distances (`sallyva`).
    pub s_valued_absolute: Option<f64>,
    /// S, binary, squared distances (`sallybs`).
    pub s_binary_squared: Option<f64>,
    /// S, binary, absolute distances (`sallyba`).
    pub s_binary_absolute: Option<f64>,
    /// Scott's pi, valued (`pallyv`).
    pub pi_valued: Option<f64>,
    /// Scott's pi, binary (`pallyb`).
    pub pi_binary: Option<f64>,
    /// Cohen's weighted kappa, valued (`kallyv`).
    pub kappa_valued: Option<f64>,
    /// Cohen's kappa, binary (`kallyb`).
    pub kappa_binary: Option<f64>,
    /// Kendall's tau-b, valued (`taub`).
    pub tau_b: Option<f64>,
}

impl Similarity {
    /// The FPSIM alliance table's column names, in the order of [`values`](Self::values).
    pub const COLUMNS: [&'static str; 9] = [
        "sallyvs", "sallyva", "sallybs", "sallyba", "pallyv", "pallyb", "kallyv", "kallyb", "taub",
    ];

    /// The measures in the order of [`COLUMNS`](Self::COLUMNS).
    pub fn values(&self) -> [Option<f64>; 9] {
        [
            self.s_valued_squared,
            self.s_valued_absolute,
            self.s_binary_squared,
            self.s_binary_absolute,
            self.pi_valued,
            self.pi_binary,
            self.kappa_valued,
            self.kappa_binary,
            self.tau_b,
        ]
    }
}

/// The weighted S scores of two portfolios.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeightedS {
    /// Weighted S, valued, squared distances (`sallyvsw`).
    pub s_valued_squared: Option<f64>,
    /// Weighted S, valued, absolute distances (`sallyvaw`).
    pub s_valued_absolute: Option<f64>,
    /// Weighted S, binary, squared distances (`sallybsw`).
    pub s_binary_squared: Option<f64>,
    /// Weighted S, binary, absolute distances (`sallybaw`).
    pub s_binary_absolute: Option<f64>,
}

impl WeightedS {
    /// The column names of the weighted scores, in the order of [`values`](Self::values).
    pub const COLUMNS: [&'static str; 4] = ["sallyvsw", "sallyvaw", "sallybsw", "sallybaw"];

    /// The scores in the order of [`COLUMNS`](Self::COLUMNS).
    pub fn values(&self) -> [Option<f64>; 4] {
        [
            self.s_valued_squared,
            self.s_valued_absolute,
            self.s_binary_squared,
            self.s_binary_absolute,
        ]
    }
}

fn power(d: u64, distance: Distance) -> u64 {
    match distance {
        Distance::Squared => d * d,
        Distance::Absolute => d,
    }
}

/// A division's result, `None` when it divided by zero (NaN or infinite).
fn defined(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn invalid(reason: String) -> Error {
    Error::from(ErrorKind::InvalidPortfolio { reason })
}

//! The tie rules, each written once: when a treaty or a grouping ties two states on the
//! asked days at the view's strength, and who owes whom. Every query, the adjacency index,
//! the network and the scenarios decide through these; the evidence is built from the same
//! clauses that decide. The coverage rule (what the data can say at all) is in
//! [`coverage`](super::coverage); the partial-date rule in [`time`](crate::time).

use super::{Strength, View};
use crate::model::{CountryId, Grouping, GroupingStatus, Membership, Treaty, TreatyObligation};
use crate::time::Window;
use crate::{Doubt, Period, Span};

/// One clause of a treaty that ties two states on the asked days at the view's strength:
/// an obligation (or none, for a treaty without one at [`Strength::Any`]) over one spell of
/// each party, and which of the two owes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clause<'t> {
    /// The obligation; `None` for a tie without one.
    pub(crate) obligation: Option<&'t TreatyObligation>,
    /// The spells of the two parties the clause rests on.
    pub(crate) spells: (Period, Period),
    /// Whether the first state owes the second the obligation.
    pub(crate) x_owes: bool,
    /// Whether the second state owes the first the obligation.
    pub(crate) y_owes: bool,
}

impl<'g> View<'g> {
    /// The days on which treaty `t` can tie anyone on the asked days at the view's strength:
    /// its days in force and known, when it is in force and known on one of the asked days
    /// with an obligation that counts (or none, at [`Strength::Any`]) applying then; `None`
    /// for a treaty that ties no pair. Found once per treaty, and handed to the pair rules.
    pub(crate) fn treaty_live(&self, t: &Treaty) -> Option<Span> {
        let period = self.treaty_span(t)?;
        let days = period.intersect(&self.asked)?;
        let live = if t.obligations.is_empty() {
            self.strength.admits(None)
        } else {
            t.obligations
                .iter()
                .any(|o| self.strength.admits(Some(o.kind)) && days.overlaps(&o.period().span()))
        };
        live.then_some(period)
    }

    /// The clauses of `t` that tie `x` and `y`; see [`each_clause`](Self::each_clause).
    pub(crate) fn treaty_clauses<'t>(
        &self,
        t: &'t Treaty,
        x: CountryId,
        y: CountryId,
    ) -> Vec<Clause<'t>> {
        let mut out = Vec::new();
        if let Some(period) = self.treaty_span(t) {
            self.each_clause(t, period, x, y, |c| out.push(c));
        }
        out
    }

    /// Whether `t` ties `x` and `y`, whether `x` owes `y` an obligation under it, and whether
    /// `y` owes `x` one: the clauses, without the evidence. `period` is the treaty's days in
    /// force and known ([`treaty_live`](Self::treaty_live)).
    pub(crate) fn treaty_check(
        &self,
        t: &Treaty,
        period: Span,
        x: CountryId,
        y: CountryId,
    ) -> (bool, bool, bool) {
        let (mut tied, mut x_owes, mut y_owes) = (false, false, false);
        self.each_clause(t, period, x, y, |c| {
            tied = true;
            x_owes |= c.x_owes;
            y_owes |= c.y_owes;
        });
        (tied, x_owes, y_owes)
    }

    /// Calls `f` with each clause of `t` that ties `x` and `y`, within `period` (the treaty's
    /// days in force and known): for each spell of each, the days both were parties; a clause
    /// is an obligation that counts at the view's strength, applies on one of the asked days
    /// among those, and is owed by one of the two to the other (or, for a treaty without
    /// obligation, the bare tie at [`Strength::Any`]).
    pub(crate) fn each_clause<'t>(
        &self,
        t: &'t Treaty,
        period: Span,
        x: CountryId,
        y: CountryId,
        mut f: impl FnMut(Clause<'t>),
    ) {
        if !period.overlaps(&self.asked) {
            return;
        }
        for px in t.spells(x) {
            for py in t.spells(y) {
                let Some(both) = period
                    .intersect(&px.span())
                    .and_then(|s| s.intersect(&py.span()))
                else {
                    continue;
                };
                if t.obligations.is_empty() {
                    if self.strength.admits(None) && both.overlaps(&self.asked) {
                        f(Clause {
                            obligation: None,
                            spells: (px, py),
                            x_owes: false,
                            y_owes: false,
                        });
                    }
                    continue;
                }
                for o in &t.obligations {
                    // Who owes whom first: most clauses of a many-party treaty bind others.
                    let x_owes = o.owed_by(x) && o.owed_to(y);
                    let y_owes = o.owed_by(y) && o.owed_to(x);
                    if !(x_owes || y_owes) || !self.strength.admits(Some(o.kind)) {
                        continue;
                    }
                    let applies = both
                        .intersect(&o.period().span())
                        .is_some_and(|s| s.overlaps(&self.asked));
                    if applies {
                        f(Clause {
                            obligation: Some(o),
                            spells: (px, py),
                            x_owes,
                            y_owes,
                        });
                    }
                }
            }
        }
    }

    /// Why clause `c` of treaty `t` only possibly ties its pair on the asked days, if it does
    /// only possibly: the partial date (the treaty's, a party's or the obligation's start or
    /// end) the answer turns on. The [certain-or-possible rule](crate::time) applied to the
    /// days the clause rests on.
    pub(crate) fn clause_doubt(&self, t: &Treaty, c: &Clause<'_>) -> Option<Doubt> {
        let periods = [
            t.period()?,
            c.spells.0,
            c.spells.1,
            c.obligation.map_or(Period::ALWAYS, |o| o.period()),
        ];
        // The clause ties on the asked days; with every date given to the day, certainly.
        if periods.iter().all(Period::is_day_precise) {
            return None;
        }
        let w = periods.iter().fold(Window::ALL, |w, p| w.within(p));
        w.holds(&self.asked).doubt()
    }

    /// Why two memberships of `g` only possibly tie their states on the asked days, if so:
    /// the partial date of a membership's start or end, or of the grouping's becoming active.
    pub(crate) fn grouping_doubt(
        &self,
        g: &Grouping,
        mx: &Membership,
        my: &Membership,
    ) -> Option<Doubt> {
        let (px, py) = (mx.period()?, my.period()?);
        let statuses_precise = g
            .status
            .iter()
            .all(|c| c.since.precision() == crate::time::Precision::Day);
        // The memberships tie on the asked days; with every date given to the day, certainly.
        if px.is_day_precise() && py.is_day_precise() && statuses_precise {
            return None;
        }
        let mut w = Window::ALL.within(&px).within(&py);
        // Active from its latest activation by the asked days until its next change.
        let counted = |c: &&crate::model::StatusChange| c.since.counts_by(&self.asked);
        if let Some(i) = g
            .status
            .iter()
            .rposition(|c| c.status == GroupingStatus::Active && counted(&c))
        {
            let next = g.status.get(i + 1).map(|c| c.since);
            if let Some(active) = Period::checked(Some(g.status[i].since), next) {
                w = w.within(&active);
            }
        }
        w.holds(&self.asked).doubt()
    }

    /// Whether grouping `g` can tie its members at the view's strength: it carries an
    /// obligation that counts (or none, at [`Strength::Any`]), and it is not a name for a
    /// treaty's parties (that treaty ties them, once).
    pub(crate) fn grouping_admitted(&self, g: &Grouping) -> bool {
        if g.treaty.is_some() {
            return false;
        }
        if g.obligations.is_empty() {
            self.strength.admits(None)
        } else {
            g.obligations.iter().any(|o| self.strength.admits(Some(*o)))
        }
    }

    /// Whether membership `m` counts on the asked days: a full member (any member, at
    /// [`Strength::Any`]) on one of them.
    pub(crate) fn membership_counts(&self, m: &Membership) -> bool {
        let Some(p) = m.period() else { return false };
        (m.role.is_full_member() || self.strength == Strength::Any) && p.overlaps(&self.asked)
    }

    /// Whether a grouping's obligations bind two of its members to each other: only when both
    /// are full members. A partner or an observer owes and is owed none of them (its
    /// [`Role`](crate::Role)); at [`Strength::Any`] it is tied to the others without
    /// obligation.
    pub(crate) fn grouping_obligations_bind(mx: &Membership, my: &Membership) -> bool {
        mx.role.is_full_member() && my.role.is_full_member()
    }

    /// Whether two memberships of one grouping tie their states: two states, both counted,
    /// members together on an asked day on which the grouping was `active` (the grouping
    /// itself must be [`admitted`](Self::grouping_admitted)).
    pub(crate) fn grouping_tied(&self, active: &[Span], mx: &Membership, my: &Membership) -> bool {
        if mx.country == my.country || !self.membership_counts(mx) || !self.membership_counts(my) {
            return false;
        }
        let (Some(px), Some(py)) = (mx.period(), my.period()) else {
            return false;
        };
        px.span()
            .intersect(&py.span())
            .and_then(|s| s.intersect(&self.asked))
            .is_some_and(|together| active.iter().any(|a| a.overlaps(&together)))
    }

    /// Whether grouping `g` was active on one of the asked days.
    #[cfg(test)]
    pub(crate) fn grouping_counts(&self, g: &Grouping) -> bool {
        g.active_during(&self.asked)
    }
}

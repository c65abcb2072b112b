//! The tie rules, each written once: when a treaty or a grouping ties two states on the
//! asked days at the view's strength, and who owes whom. Every query, the adjacency index,
//! the network and the scenarios decide through these; the evidence is built from the same
//! clauses that decide. The coverage rule (what the data can say at all) is in
//! [`coverage`](super::coverage); the partial-date rule in [`time`](crate::time).

use super::{Strength, View};
use crate::model::{CountryId, Grouping, Membership, Treaty, TreatyObligation};
use crate::{Period, Span};

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
    /// Whether treaty `t` can tie anyone on the asked days at the view's strength: in force
    /// and known on one of them, with an obligation that counts (or none, at
    /// [`Strength::Any`]) applying then. A treaty that fails this ties no pair.
    pub(crate) fn treaty_live(&self, t: &Treaty) -> bool {
        let Some(days) = self
            .treaty_span(t)
            .and_then(|period| period.intersect(&self.asked))
        else {
            return false;
        };
        if t.obligations.is_empty() {
            return self.strength.admits(None);
        }
        t.obligations
            .iter()
            .any(|o| self.strength.admits(Some(o.kind)) && days.overlaps(&o.period().span()))
    }

    /// The clauses of `t` that tie `x` and `y`: for each spell of each, the days both were
    /// parties while the treaty was in force and known; a clause is an obligation that counts
    /// at the view's strength, applies on one of the asked days among those, and is owed by
    /// one of the two to the other (or, for a treaty without obligation, the bare tie at
    /// [`Strength::Any`]).
    pub(crate) fn treaty_clauses<'t>(
        &self,
        t: &'t Treaty,
        x: CountryId,
        y: CountryId,
    ) -> Vec<Clause<'t>> {
        let mut out = Vec::new();
        let Some(period) = self.treaty_span(t).filter(|p| p.overlaps(&self.asked)) else {
            return out;
        };
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
                        out.push(Clause {
                            obligation: None,
                            spells: (px, py),
                            x_owes: false,
                            y_owes: false,
                        });
                    }
                    continue;
                }
                for o in &t.obligations {
                    let applies = self.strength.admits(Some(o.kind))
                        && both
                            .intersect(&o.period().span())
                            .is_some_and(|s| s.overlaps(&self.asked));
                    let x_owes = o.owed_by(x) && o.owed_to(y);
                    let y_owes = o.owed_by(y) && o.owed_to(x);
                    if applies && (x_owes || y_owes) {
                        out.push(Clause {
                            obligation: Some(o),
                            spells: (px, py),
                            x_owes,
                            y_owes,
                        });
                    }
                }
            }
        }
        out
    }

    /// Whether `t` ties `x` and `y`, whether `x` owes `y` an obligation under it, and whether
    /// `y` owes `x` one: the clauses, without the evidence.
    pub(crate) fn treaty_check(
        &self,
        t: &Treaty,
        x: CountryId,
        y: CountryId,
    ) -> (bool, bool, bool) {
        let clauses = self.treaty_clauses(t, x, y);
        (
            !clauses.is_empty(),
            clauses.iter().any(|c| c.x_owes),
            clauses.iter().any(|c| c.y_owes),
        )
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

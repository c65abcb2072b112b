//! Membership queries: members of a grouping, a country's groupings, groupings two share.

use super::{ActorRef, View};
use crate::error::Result;
use crate::model::{CountryId, GroupingId, Membership, Role, SourceId};
use crate::PartialDate;

/// A membership in force on the view's date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MemberOf {
    /// The member.
    pub country: CountryId,
    /// The grouping.
    pub grouping: GroupingId,
    /// Its role.
    pub role: Role,
    /// Since when.
    pub start: Option<PartialDate>,
    /// Until when, if it ended.
    pub end: Option<PartialDate>,
    /// Who says so.
    pub source: SourceId,
}

impl From<&Membership> for MemberOf {
    fn from(m: &Membership) -> Self {
        MemberOf {
            country: m.country,
            grouping: m.grouping.clone(),
            role: m.role,
            start: m.start,
            end: m.end,
            source: m.source.clone(),
        }
    }
}

/// A grouping two states both belong to on the view's date, with each one's membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedGrouping {
    /// The grouping.
    pub grouping: GroupingId,
    /// The first state's membership.
    pub first: MemberOf,
    /// The second state's membership.
    pub second: MemberOf,
}

impl<'g> View<'g> {
    fn memberships_in_force(&self) -> impl Iterator<Item = &'g Membership> + '_ {
        let asked = self.span();
        self.graph().memberships().filter(move |m| {
            let Some(days) = m.period().and_then(|p| p.span().intersect(&asked)) else {
                return false;
            };
            // A grouping that names a treaty's parties is known where the treaty is.
            let founding = self
                .graph()
                .grouping(&m.grouping)
                .and_then(|g| self.graph().treaty(g.treaty.as_ref()?));
            founding.is_none_or(|t| self.treaty_span(t).is_some_and(|s| s.overlaps(&days)))
        })
    }

    /// The members of a grouping on the view's date (any role), sorted by country id.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let quad = graph.as_of("2024-10".parse()?).members_of("QUAD")?;
    /// let ids: Vec<&str> = quad.iter().map(|m| m.country.as_str()).collect();
    /// assert_eq!(ids, ["AUS", "IND", "JPN", "USA"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn members_of(&self, grouping: impl ActorRef) -> Result<Vec<MemberOf>> {
        let g = self.grouping(&grouping)?;
        let mut out: Vec<MemberOf> = self
            .memberships_in_force()
            .filter(|m| m.grouping == g)
            .map(MemberOf::from)
            .collect();
        out.sort_by_key(|a| a.country);
        Ok(out)
    }

    /// The groupings a country belongs to on the view's date, sorted by grouping id.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let of = graph.as_of("2024-10".parse()?).groupings_of("Australia")?;
    /// let ids: Vec<&str> = of.iter().map(|m| m.grouping.as_str()).collect();
    /// assert!(ids.contains(&"aukus") && ids.contains(&"quad"));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn groupings_of(&self, country: impl ActorRef) -> Result<Vec<MemberOf>> {
        let c = self.country(&country)?;
        let mut out: Vec<MemberOf> = self
            .memberships_in_force()
            .filter(|m| m.country == c)
            .map(MemberOf::from)
            .collect();
        out.sort_by(|a, b| a.grouping.cmp(&b.grouping));
        Ok(out)
    }

    /// The groupings both states belong to on the view's date.
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let shared = graph.as_of("2024-10".parse()?).shared_groupings("India", "Japan")?;
    /// assert_eq!(shared.iter().map(|s| s.grouping.as_str()).collect::<Vec<_>>(), ["quad"]);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn shared_groupings(
        &self,
        a: impl ActorRef,
        b: impl ActorRef,
    ) -> Result<Vec<SharedGrouping>> {
        let first = self.groupings_of(a)?;
        let second = self.groupings_of(b)?;
        Ok(first
            .into_iter()
            .filter_map(|m1| {
                let m2 = second.iter().find(|m2| m2.grouping == m1.grouping)?.clone();
                Some(SharedGrouping {
                    grouping: m1.grouping.clone(),
                    first: m1,
                    second: m2,
                })
            })
            .collect())
    }
}

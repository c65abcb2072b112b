//! The scene: what the picture shows on the view's date (states, groupings, ties, stances), before any placement.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct P {
    pub(super) x: f64,
    pub(super) y: f64,
}

impl P {
    pub(super) fn dist(self, o: P) -> f64 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum End {
    Country(usize),
    Grouping(usize),
}

#[derive(Debug, Clone)]
pub(super) struct CountryNode {
    pub(super) id: CountryId,
    pub(super) name: String,
    pub(super) nuclear: bool,
}

#[derive(Debug, Clone)]
pub(super) struct GroupingNode {
    pub(super) id: GroupingId,
    pub(super) label: String,
    pub(super) sub: String,
    pub(super) proposed: bool,
    /// The strongest obligation its members owe each other, if any.
    pub(super) strongest: Option<Obligation>,
    pub(super) w: f64,
    pub(super) h: f64,
}

/// How a treaty tie is drawn: by its strongest obligation, or `None` for a tie with none.
#[derive(Debug, Clone)]
pub(super) struct TieLine {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) strongest: Option<Obligation>,
    /// For a one-sided strongest obligation: (owed by, owed to).
    pub(super) one_sided: Option<(usize, usize)>,
    pub(super) title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum StanceStyle {
    Proposal,
    Support,
    Hedge,
    Refusal,
    Invited,
}

#[derive(Debug, Clone)]
pub(super) struct StanceLine {
    pub(super) from: End,
    pub(super) to: End,
    pub(super) style: StanceStyle,
    pub(super) title: String,
}

#[derive(Debug, Clone)]
pub(super) struct MemberLine {
    pub(super) country: usize,
    pub(super) grouping: usize,
    pub(super) full: bool,
    pub(super) title: String,
}

/// What to draw, before layout.
#[derive(Debug, Clone, Default)]
pub(super) struct Scene {
    pub(super) countries: Vec<CountryNode>,
    pub(super) groupings: Vec<GroupingNode>,
    pub(super) ties: Vec<TieLine>,
    pub(super) members: Vec<MemberLine>,
    pub(super) stances: Vec<StanceLine>,
}

pub(super) fn grouping_sub(kind: crate::GroupingKind, proposed: bool) -> String {
    if proposed {
        "proposed".into()
    } else {
        kind.as_str().replace('-', " ")
    }
}

pub(super) fn evidence_text(e: &[TieEvidence]) -> String {
    e.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn stance_title(said: &crate::query::Said<'_>) -> String {
    let s = said.stance;
    let mut t = format!(
        "{} {} {} ({}, {}",
        s.actor, s.kind, s.target, s.date, s.evidence
    );
    if let Some(r) = s.reported_as {
        let _ = write!(t, "; the source calls it {r}");
    }
    if let crate::Holds::Possibly(doubt) = said.made {
        let _ = write!(t, "; possibly made by then: {doubt}");
    }
    for c in s.contradicted_by() {
        let _ = write!(t, "; CONTESTED by {c}");
    }
    if let Some(sp) = s.speaker() {
        let _ = write!(t, "; {}", sp.name);
    }
    let _ = write!(t, "; source: {})", s.source);
    if let Some(q) = s.quote().or(s.summary()) {
        let _ = write!(t, "\n{q}");
    }
    t
}

impl Scene {
    pub(super) fn build(view: &View<'_>) -> Scene {
        let graph = view.graph();
        let asked = view.span();
        let mut scene = Scene::default();
        let mut country_index: BTreeMap<CountryId, usize> = BTreeMap::new();
        for c in graph.countries() {
            country_index.insert(c.id, scene.countries.len());
            scene.countries.push(CountryNode {
                id: c.id,
                name: c.name.clone(),
                nuclear: view.is_nuclear_armed(c.id),
            });
        }
        let mut grouping_index: BTreeMap<GroupingId, usize> = BTreeMap::new();
        for g in graph.groupings() {
            let proposed = match g.status_during(&asked) {
                Some(GroupingStatus::Active) => false,
                Some(GroupingStatus::Proposed) => true,
                _ => continue,
            };
            let label = g.acronym.clone().unwrap_or_else(|| g.name.clone());
            let sub = grouping_sub(g.kind, proposed);
            let w = text_width(&label, 14.0, true).max(text_width(&sub, 10.5, false)) + 20.0;
            grouping_index.insert(g.id.clone(), scene.groupings.len());
            scene.groupings.push(GroupingNode {
                id: g.id.clone(),
                label,
                sub,
                proposed,
                strongest: g.obligations.iter().copied().min(),
                w,
                h: 38.0,
            });
        }
        // Memberships in force.
        for (gi, g) in scene.groupings.clone().iter().enumerate() {
            let Ok(members) = view.members_of(&g.id) else {
                continue;
            };
            let mut seen = BTreeSet::new();
            for m in members {
                let Some(&ci) = country_index.get(&m.country) else {
                    continue;
                };
                if !seen.insert(ci) {
                    continue;
                }
                let since = m.start.map_or(String::new(), |s| format!(" since {s}"));
                scene.members.push(MemberLine {
                    country: ci,
                    grouping: gi,
                    full: m.role.is_full_member(),
                    title: format!(
                        "{} in {}: {}{} [source: {}]",
                        m.country, g.id, m.role, since, m.source
                    ),
                });
            }
        }
        // Treaty ties in force, at any strength.
        let any = view.with_strength(Strength::Any);
        for (ai, a) in scene.countries.clone().iter().enumerate() {
            for (b, evidence) in any.ties_of(a.id) {
                if b <= a.id {
                    continue;
                }
                let Some(&bi) = country_index.get(&b) else {
                    continue;
                };
                let treaty: Vec<TieEvidence> = evidence
                    .into_iter()
                    .filter(|e| matches!(e.basis, TieBasis::Treaty { .. }))
                    .collect();
                if treaty.is_empty() {
                    continue;
                }
                let strongest = treaty.iter().filter_map(|e| e.obligation).min();
                let one_sided = treaty
                    .iter()
                    .filter(|e| e.obligation == strongest && strongest.is_some())
                    .find_map(|e| match (e.owed_by.as_slice(), e.owed_to.as_slice()) {
                        ([by], [to]) if by != to => {
                            let by = if *by == a.id { ai } else { bi };
                            let to = if *to == a.id { ai } else { bi };
                            Some((by, to))
                        }
                        _ => None,
                    });
                // Mutual in another clause of the same strength wins over one-sided.
                let mutual = treaty
                    .iter()
                    .any(|e| e.obligation == strongest && strongest.is_some() && e.is_mutual());
                scene.ties.push(TieLine {
                    a: ai,
                    b: bi,
                    strongest,
                    one_sided: if mutual { None } else { one_sided },
                    title: evidence_text(&treaty),
                });
            }
        }
        // Stated positions on each grouping drawn: each actor's position in the coalition.
        // Stances on states (requests, bilateral proposals) are left to the text answers:
        // the picture shows where actors stand on groupings.
        let end_of = |a: &ActorId| match a {
            ActorId::Country(c) => country_index.get(c).map(|&i| End::Country(i)),
            ActorId::Grouping(g) => grouping_index.get(g).map(|&i| End::Grouping(i)),
        };
        for (gi, g) in scene.groupings.clone().iter().enumerate() {
            let Ok(c) = view.coalition(&g.id) else {
                continue;
            };
            for p in c.positions() {
                let Some(from) = end_of(&p.actor) else {
                    continue;
                };
                let style = match p.stance.kind {
                    StanceKind::Proposal => StanceStyle::Proposal,
                    StanceKind::Support
                    | StanceKind::ConditionalSupport
                    | StanceKind::Invitation => StanceStyle::Support,
                    StanceKind::Hedge => StanceStyle::Hedge,
                    StanceKind::Refusal => StanceStyle::Refusal,
                    // Neither for nor against the grouping: left to the text answers.
                    StanceKind::Request => continue,
                };
                if from == End::Grouping(gi) {
                    continue;
                }
                scene.stances.push(StanceLine {
                    from,
                    to: End::Grouping(gi),
                    style,
                    title: stance_title(&p.stance),
                });
            }
            for (country, invitations) in &c.invited_silent {
                let Some(&ci) = country_index.get(country) else {
                    continue;
                };
                let title = invitations
                    .iter()
                    .map(stance_title)
                    .collect::<Vec<_>>()
                    .join("\n");
                scene.stances.push(StanceLine {
                    from: End::Grouping(gi),
                    to: End::Country(ci),
                    style: StanceStyle::Invited,
                    title: format!(
                        "{country} invited to join {}, silent so far:\n{title}",
                        g.id
                    ),
                });
            }
        }
        scene
    }
}

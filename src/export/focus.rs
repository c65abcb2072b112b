//! What part of the graph a picture or DOT graph draws: the states around one actor, one kind
//! of tie, ties of some strength, well-connected states. See [`Focus`].

use crate::model::ActorId;
use crate::Strength;

/// A kind of tie a picture can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TieKind {
    /// Treaty ties between states.
    Treaty,
    /// Memberships of groupings.
    Grouping,
    /// Stated positions (proposals, support, refusals).
    Stance,
}

/// What a picture draws: everything (the default), or a part of it. The parts combine:
/// first the kind and strength of the ties, then the states within `depth` ties of the
/// actor (a grouping and its members count as one tie, as common membership does), then
/// the states with at least `min_degree` ties left.
///
/// ```
/// use alliance_graph::{datasets, export::{Focus, Svg, TieKind}, Strength};
///
/// let graph = datasets::asian_nato();
/// let view = graph.as_of("2024-12-31".parse()?);
/// let japan = view.resolve("Japan")?;
/// let treaties = Focus::default().around(japan.clone(), 1).only(TieKind::Treaty);
/// // Japan's treaty partners: the United States, Australia and the United Kingdom.
/// assert_eq!(Svg::focused(&view, treaties.clone())?.state_count(), 4);
/// // Of them, only the United States owes Japan defense.
/// let defense = treaties.strength(Strength::Defense);
/// assert_eq!(Svg::focused(&view, defense)?.state_count(), 2);
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Focus {
    pub(crate) around: Option<(ActorId, usize)>,
    pub(crate) only: Option<TieKind>,
    pub(crate) strength: Option<Strength>,
    pub(crate) min_degree: usize,
}

impl Focus {
    /// Only `actor` and the actors within `depth` ties of it.
    pub fn around(mut self, actor: ActorId, depth: usize) -> Self {
        self.around = Some((actor, depth));
        self
    }

    /// Only ties of `kind`.
    pub fn only(mut self, kind: TieKind) -> Self {
        self.only = Some(kind);
        self
    }

    /// Only treaty ties that count at `strength` (memberships and stances are kept).
    pub fn strength(mut self, strength: Strength) -> Self {
        self.strength = Some(strength);
        self
    }

    /// Only states with at least `n` ties drawn.
    pub fn min_degree(mut self, n: usize) -> Self {
        self.min_degree = n;
        self
    }

    /// Whether it draws everything.
    pub fn is_everything(&self) -> bool {
        *self == Focus::default()
    }

    /// Whether ties of `kind` are drawn.
    pub(crate) fn draws(&self, kind: TieKind) -> bool {
        self.only.is_none_or(|k| k == kind)
    }
}

//! The adjacency index of a dated view, as the graph keeps it: each state's ties at a date
//! and strength, built once by the queries (`query::index`) and cached here for the last few
//! (date, strength) pairs asked. Groupings are not expanded into pairs (a grouping of 17,576
//! members would be 150 million of them): each keeps its counted members, and is marked a
//! clique when all their spans share a day, in which case every pair of distinct members is
//! tied; otherwise pairs are checked one by one.

use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::model::{CountryId, Obligation};
use crate::Span;

/// How many indices the graph keeps (the most recently built ones).
const KEEP: usize = 4;

/// The key of an index: the asked days and the weakest obligation that counts (`None`: any
/// tie, at strength `any`).
pub(crate) type IndexKey = (Span, Option<Obligation>);

type Entries = Vec<(IndexKey, Arc<Adjacency>)>;

/// The indices built by views of one graph, by asked span and strength. The first one built
/// is kept for the graph's life and lent without a lock or a count (most programs ask one
/// date many questions); the last few others are shared. A clone starts empty: it is a
/// cache, not part of the graph's value.
#[derive(Default)]
pub(crate) struct IndexCache {
    first: OnceLock<(IndexKey, Arc<Adjacency>)>,
    recent: Mutex<Entries>,
}

impl Clone for IndexCache {
    fn clone(&self) -> Self {
        IndexCache::default()
    }
}

/// An index from the cache: the first, lent for the graph's life, or one of the recent ones.
#[derive(Debug, Clone)]
pub(crate) enum IndexRef<'g> {
    Kept(&'g Adjacency),
    Shared(Arc<Adjacency>),
}

impl std::ops::Deref for IndexRef<'_> {
    type Target = Adjacency;
    fn deref(&self) -> &Adjacency {
        match self {
            IndexRef::Kept(a) => a,
            IndexRef::Shared(a) => a,
        }
    }
}

impl IndexCache {
    /// The index kept for `key`, or the one `build` makes, which is then kept (the first for
    /// good, later ones among the last few). It is built without the lock held, so other
    /// views' queries are not held up; a thread that raced this one keeps the first index
    /// stored.
    #[inline]
    pub(crate) fn get_or_build(
        &self,
        key: IndexKey,
        build: impl FnOnce() -> Adjacency,
    ) -> IndexRef<'_> {
        match self.first.get() {
            Some((k, a)) if *k == key => IndexRef::Kept(a),
            _ => self.find_or_build(key, build),
        }
    }

    /// [`get_or_build`](Self::get_or_build) of an index other than the first.
    #[inline(never)]
    fn find_or_build(&self, key: IndexKey, build: impl FnOnce() -> Adjacency) -> IndexRef<'_> {
        let find = |list: &Entries| {
            list.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| IndexRef::Shared(Arc::clone(a)))
        };
        if let Some(a) = find(&self.recent.lock().unwrap_or_else(PoisonError::into_inner)) {
            return a;
        }
        let built = Arc::new(build());
        if self.first.set((key, Arc::clone(&built))).is_ok() {
            return IndexRef::Shared(built);
        }
        let mut list = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(a) = find(&list) {
            return a;
        }
        if list.len() >= KEEP {
            list.remove(0);
        }
        list.push((key, Arc::clone(&built)));
        IndexRef::Shared(built)
    }
}

impl fmt::Debug for IndexCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = usize::from(self.first.get().is_some());
        let n = self
            .recent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        write!(f, "IndexCache({} indices)", first + n)
    }
}

/// A treaty tie of one state, seen from it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TreatyTie {
    /// The other state (country index).
    pub(crate) other: u32,
    /// The treaty (index in the dataset).
    pub(crate) treaty: u32,
    /// Whether the other state owes this one an obligation at the view's strength.
    pub(crate) other_owes: bool,
}

/// A counted membership of a state: its grouping's slot and its position in the slot's list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MemberEntry {
    pub(crate) slot: u32,
    pub(crate) pos: u32,
}

/// A counted member of a grouping.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member {
    /// The state (country index).
    pub(crate) country: u32,
    /// The membership (index in the dataset).
    pub(crate) membership: u32,
}

/// A grouping that carries ties at the view's date and strength.
#[derive(Debug)]
pub(crate) struct Group {
    /// The grouping (index in the dataset).
    pub(crate) grouping: u32,
    /// Its active spans.
    pub(crate) active: Vec<Span>,
    /// Its active spans within the asked span.
    pub(crate) windows: Vec<Span>,
    /// The memberships that count and meet a window, in the graph's incident order.
    pub(crate) members: Vec<Member>,
    /// Each member's membership span, in the same order.
    pub(crate) spans: Vec<Span>,
    /// Whether all members' spans share a day of one window: every pair of distinct members
    /// is then tied.
    pub(crate) clique: bool,
    /// Whether the grouping's ties carry obligations (mutual ones): its full members defend
    /// each other.
    pub(crate) mutual: bool,
    /// Whether every counted member is a full member (at strength `any` partners and
    /// observers count as ties, but owe and are owed nothing).
    pub(crate) all_full: bool,
}

/// Each state's allies and defenders, sorted: what [`Network::allies`](crate::query::Network::allies) and
/// [`Network::defenders_of`](crate::query::Network::defenders_of) answer, found once and then lent out.
#[derive(Debug)]
pub(crate) struct Lists {
    pub(crate) allies: Csr,
    pub(crate) defenders: Csr,
    /// Whether each defender of `defenders` (same positions) was nuclear-armed on the
    /// view's date: read with every [`View::defenders_of`](crate::query::View::defenders_of)
    /// answer, which would otherwise look up each defender's record.
    pub(crate) defenders_nuclear: Vec<bool>,
    /// Bit `a * n + b` is set when the states at indices `a` and `b` are allied: one look-up
    /// per [`Network::are_allied`](crate::query::Network::are_allied). Only for graphs of up to `PAIR_BITS_STATES` (network) states.
    pub(crate) pair_bits: Option<Vec<u64>>,
}

/// Lists of ids by country index, stored end to end.
#[derive(Debug, Default)]
pub(crate) struct Csr {
    /// Where each state's list starts in `ids`; one more entry than there are states.
    pub(crate) starts: Vec<u32>,
    pub(crate) ids: Vec<CountryId>,
}

/// The adjacency of a view: each state's ties at its date and strength; see
/// [`query::index`](crate::query) for how it is built.
#[derive(Debug)]
pub(crate) struct Adjacency {
    /// By country index: its id (compact, for answers that list states).
    pub(crate) ids: Vec<CountryId>,
    /// By country index: its treaty ties.
    pub(crate) treaties: Vec<Vec<TreatyTie>>,
    /// By country index: its counted memberships, in group order.
    pub(crate) memberships: Vec<Vec<MemberEntry>>,
    /// The groupings that carry ties.
    pub(crate) groups: Vec<Group>,
    /// Each state's allies and defenders, made by the first [`View::network`](crate::View::network) of this index
    /// (`None` inside when too large).
    pub(crate) lists: OnceLock<Option<Lists>>,
}

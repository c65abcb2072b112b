//! Validated identifiers. Each id type checks its shape on construction, on parse and on
//! deserialization, so a value of the type is always well-formed.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use arcstr::ArcStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::util::StrVisitor;

/// A country's id: an ISO 3166-1 alpha-3 code such as `JPN`, three uppercase ASCII letters.
///
/// States that no longer exist use their ISO 3166-3 former code (`SUN`, `YUG`) or a code from
/// the user-assigned range `XAA`–`XZZ`, as the ATOP crosswalk documents.
///
/// ```
/// use alliance_graph::CountryId;
///
/// let jpn: CountryId = "JPN".parse()?;
/// assert_eq!(jpn.as_str(), "JPN");
/// assert!(CountryId::new("jpn").is_err());
/// assert!(CountryId::new("JAPAN").is_err());
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryId([u8; 3]);

// Alphabetical, as the derived order of the bytes would be, but compared as one number: ids
// are sorted in every answer, and byte-by-byte comparison was a third of a query's time.
impl Ord for CountryId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for CountryId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl CountryId {
    /// The three letters as one big-endian number: ordered as the letters are.
    #[inline]
    pub(crate) fn key(self) -> u32 {
        u32::from_be_bytes([0, self.0[0], self.0[1], self.0[2]])
    }

    /// The id whose [`key`](Self::key) is `key`.
    pub(crate) fn from_key(key: u32) -> CountryId {
        let [_, a, b, c] = key.to_be_bytes();
        CountryId([a, b, c])
    }

    /// How many country ids there can be: 26³.
    pub(crate) const SPACE: usize = 26 * 26 * 26;

    /// The id's position among all possible ids, `0..SPACE`, in alphabetical order.
    #[inline]
    pub(crate) fn dense(self) -> usize {
        let [a, b, c] = self.0.map(|l| usize::from(l - b'A'));
        (a * 26 + b) * 26 + c
    }

    /// Checks and wraps a code.
    pub fn new(code: &str) -> Result<Self> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(CountryId([a, b, c])),
            _ => Err(Error::from(ErrorKind::InvalidId {
                kind: "country",
                value: code.to_string(),
                reason: if check_slug("grouping", code).is_ok() {
                    format!("'{code}' is a grouping id, but a country is needed here (a country id is an ISO 3166-1 alpha-3 code such as JPN)")
                } else {
                    "a country id is an ISO 3166-1 alpha-3 code: three uppercase letters such as JPN".into()
                },
            })),
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII uppercase letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

/// The rules for slug ids (groupings, treaties, sources): lowercase ASCII letters and digits,
/// with `-`, `_` or `.` inside, starting with a letter or digit, at most 64 bytes.
fn check_slug(kind: &'static str, s: &str) -> Result<()> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.as_bytes()[0].is_ascii_alphanumeric()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
    if ok {
        Ok(())
    } else {
        let is_country = s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase());
        Err(Error::from(ErrorKind::InvalidId {
            kind,
            value: s.to_string(),
            reason: if is_country {
                format!("'{s}' is a country id, but a {kind} is needed here (a {kind} id is a lowercase slug such as asian-nato)")
            } else {
                "expected a slug: lowercase letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters (such as asian-nato)".into()
            },
        }))
    }
}

/// A slug id type; `$shared` is how a read id is stored: [`intern_id`] where a document repeats
/// it (a source cited by a million stances), `ArcStr::from` where each is read once (a treaty's
/// own id), so that unique ids do not fill the interner.
macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $example:literal, $shared:path) => {
        $(#[$doc])*
        #[derive(Clone, Eq, PartialOrd, Ord)]
        pub struct $name(ArcStr);

        /// Hashed as its text, as equality compares it.
        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.hash(state);
            }
        }

        /// Equal when the text is; the same shared text (an id read twice in one file, or a
        /// clone) is known equal without comparing it.
        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                ArcStr::ptr_eq(&self.0, &other.0) || self.0 == other.0
            }
        }

        impl $name {
            #[doc = concat!("Checks and wraps a ", $kind, " id such as `", $example, "`.")]
            pub fn new(id: &str) -> Result<Self> {
                check_slug($kind, id)?;
                Ok($name(ArcStr::from(id)))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(s: String) -> Result<Self> {
                Self::new(&s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                d.deserialize_str(StrVisitor(|s: &str| {
                    check_slug($kind, s)?;
                    Ok($name($shared(s)))
                }))
            }
        }
    };
}

slug_id!(
    /// A grouping's id: a short lowercase slug such as `nato`, `quad` or `asian-nato`.
    GroupingId, "grouping", "asian-nato", intern_id
);
slug_id!(
    /// A treaty's id: a slug such as `us-japan-1960`, or `atop-3595` for imported ATOP alliances.
    TreatyId, "treaty", "us-japan-1960", ArcStr::from
);
slug_id!(
    /// A source's id: a slug such as `article` or `atop-5.1`, listed in the dataset's sources.
    SourceId, "source", "atop-5.1", intern_id
);

impl FromStr for CountryId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::new(s)
    }
}

impl fmt::Display for CountryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryId({})", self.as_str())
    }
}

impl Serialize for CountryId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(StrVisitor(CountryId::new))
    }
}

/// Any actor: a country or a grouping. Its text form is the inner id; the two kinds never
/// collide, since country ids are uppercase and grouping ids lowercase.
///
/// ```
/// use alliance_graph::ActorId;
///
/// assert!(matches!("JPN".parse::<ActorId>()?, ActorId::Country(_)));
/// assert!(matches!("quad".parse::<ActorId>()?, ActorId::Grouping(_)));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum ActorId {
    /// A state.
    Country(CountryId),
    /// An alliance or other grouping of states.
    Grouping(GroupingId),
}

impl ActorId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match self {
            ActorId::Country(c) => c.as_str(),
            ActorId::Grouping(g) => g.as_str(),
        }
    }

    /// The country id, if this is a country.
    pub fn as_country(&self) -> Option<CountryId> {
        match self {
            ActorId::Country(c) => Some(*c),
            ActorId::Grouping(_) => None,
        }
    }

    /// The grouping id, if this is a grouping.
    pub fn as_grouping(&self) -> Option<&GroupingId> {
        match self {
            ActorId::Grouping(g) => Some(g),
            ActorId::Country(_) => None,
        }
    }
}

impl From<CountryId> for ActorId {
    fn from(c: CountryId) -> Self {
        ActorId::Country(c)
    }
}

impl From<GroupingId> for ActorId {
    fn from(g: GroupingId) -> Self {
        ActorId::Grouping(g)
    }
}

impl FromStr for ActorId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        if let Ok(c) = CountryId::new(s) {
            return Ok(ActorId::Country(c));
        }
        GroupingId::new(s).map(ActorId::Grouping).map_err(|_| Error::from(ErrorKind::InvalidId {
            kind: "actor",
            value: s.to_string(),
            reason: "expected a country id (three uppercase letters, JPN) or a grouping id (a lowercase slug, asian-nato)".into(),
        }))
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ActorId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(StrVisitor(|s: &str| {
            if let Ok(c) = CountryId::new(s) {
                return Ok(ActorId::Country(c));
            }
            match check_slug("grouping", s) {
                Ok(()) => Ok(ActorId::Grouping(GroupingId(intern_id(s)))),
                Err(_) => s.parse(),
            }
        }))
    }
}

/// What is shared among the records of the document being read.
#[derive(Default)]
pub(crate) struct Interned {
    /// Slug ids.
    ids: crate::util::Interner<ArcStr>,
    /// Other texts (a treaty's attribute names and values).
    texts: crate::util::Interner,
    /// Stances' speakers: a few thousand people speak in a million stances.
    speakers: crate::util::Interner<Arc<super::Speaker>>,
}

thread_local! {
    /// The slug ids and speakers seen so far in the document being read, when interning is
    /// on.
    static INTERNED: std::cell::RefCell<Option<Interned>> =
        const { std::cell::RefCell::new(None) };
}

/// Shares one allocation among equal slug ids, and among equal speakers, read while the guard
/// lives (on this thread): a million stances citing one source hold one shared text, not a
/// million.
#[cfg(feature = "json")]
pub(crate) struct InternGuard(bool);

#[cfg(feature = "json")]
impl InternGuard {
    pub(crate) fn new() -> Self {
        InternGuard(INTERNED.with(|i| {
            let mut i = i.borrow_mut();
            let was_off = i.is_none();
            if was_off {
                *i = Some(Default::default());
            }
            was_off
        }))
    }
}

#[cfg(feature = "json")]
impl Drop for InternGuard {
    fn drop(&mut self) {
        if self.0 {
            INTERNED.with(|i| *i.borrow_mut() = None);
        }
    }
}

pub(crate) fn intern(s: &str) -> Arc<str> {
    INTERNED.with(|i| match i.borrow_mut().as_mut() {
        Some(interned) => interned.texts.get(s),
        None => s.into(),
    })
}

/// The shared copy of the slug id `s` while a document is read; its own allocation otherwise.
fn intern_id(s: &str) -> ArcStr {
    INTERNED.with(|i| match i.borrow_mut().as_mut() {
        Some(interned) => interned.ids.share(s, |s| ArcStr::from(s)),
        None => ArcStr::from(s),
    })
}

/// The shared copy of `speaker` while a document is read; its own allocation otherwise.
pub(crate) fn intern_speaker(speaker: super::Speaker) -> Arc<super::Speaker> {
    INTERNED.with(|i| match i.borrow_mut().as_mut() {
        Some(interned) => interned.speakers.share(&speaker, |s| Arc::new(s.clone())),
        None => Arc::new(speaker),
    })
}

impl crate::error::Candidate {
    /// A candidate for `actor`, found under `name`.
    pub(crate) fn new(name: String, actor: &ActorId) -> Self {
        crate::error::Candidate {
            name,
            id: actor.as_str().to_string(),
            kind: match actor {
                ActorId::Country(_) => crate::error::ActorKind::Country,
                ActorId::Grouping(_) => crate::error::ActorKind::Grouping,
            },
        }
    }

    /// The actor it names, as a typed id (`None` only for a candidate made by hand with an
    /// id that is not one).
    ///
    /// ```
    /// let graph = alliance_graph::datasets::asian_nato();
    /// let e = graph.resolve("Brtain").unwrap_err();
    /// let alliance_graph::ErrorKind::UnknownActor { candidates, .. } = e.kind() else { panic!() };
    /// assert_eq!(candidates[0].actor().unwrap().as_str(), "GBR");
    /// ```
    pub fn actor(&self) -> Option<ActorId> {
        match self.kind {
            crate::error::ActorKind::Grouping => {
                GroupingId::new(&self.id).ok().map(ActorId::Grouping)
            }
            _ => CountryId::new(&self.id).ok().map(ActorId::Country),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["nato", "asian-nato", "atop-5.1", "a", "us_japan_1960"] {
            assert!(GroupingId::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "NATO", "-nato", "asian nato", "é", &"a".repeat(65)] {
            assert!(GroupingId::new(bad).is_err(), "{bad}");
        }
    }
}

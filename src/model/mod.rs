//! The model: plain data types for actors, ties, stances and sources. They carry no behaviour
//! beyond construction checks; the graph and the queries give them meaning.

mod actor;
mod attributes;
mod document;
mod ids;
mod source;
mod stance;
mod tie;

pub use actor::{Country, Grouping, GroupingKind, GroupingStatus, Since, Statehood, StatusChange};
pub use attributes::Attributes;
pub use document::{Document, FORMAT};
#[cfg(feature = "json")]
pub(crate) use ids::InternGuard;
pub use ids::{ActorId, CountryId, GroupingId, SourceId, TreatyId};
pub use source::{Citation, Coverage, Source};
pub use stance::{Evidence, Speaker, Stance, StanceDetails, StanceKind, Target};
pub use tie::{
    Adversaries, Membership, Obligation, Party, Role, Treaty, TreatyKind, TreatyObligation,
};

/// Implements `FromStr`, `Display`, `ALL` and `as_str` for a keyword enum whose serde form is
/// kebab-case, so that files, the command line and messages all use the same words.
macro_rules! keyword_enum {
    ($name:ident, $kind:literal, [$($variant:ident = $word:literal),+ $(,)?]) => {
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in files and on the command line.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> crate::Result<Self> {
                match s {
                    $($word => Ok($name::$variant),)+
                    _ => Err(crate::Error::from(crate::ErrorKind::UnknownKeyword {
                        kind: $kind,
                        value: s.to_string(),
                        expected: concat!($($word, " "),+),
                    })),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use keyword_enum;

//! The crate's one error type and the place it points at.

use std::fmt;
use std::path::PathBuf;

use crate::validate::Issue;

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in an input something went wrong: a file, a line and column (JSON), a record number
/// (CSV rows, counted from 1 for the first data row) and a field, as far as they are known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// The file, when the input came from one.
    pub path: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<u64>,
    /// 1-based column.
    pub column: Option<u64>,
    /// 1-based data record (row) number, for tabular inputs.
    pub record: Option<u64>,
    /// The field (column name or JSON key).
    pub field: Option<String>,
}

impl Location {
    /// The location of a whole file (or of an input with no name, for `None`).
    pub fn file(path: Option<PathBuf>) -> Box<Location> {
        Box::new(Location {
            path,
            ..Location::default()
        })
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(p) = &self.path {
            parts.push(p.display().to_string());
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => parts.push(format!("line {l}, column {c}")),
            (Some(l), None) => parts.push(format!("line {l}")),
            _ => {}
        }
        if let Some(r) = self.record {
            parts.push(format!("row {r}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field `{field}`"));
        }
        if parts.is_empty() {
            f.write_str("<input>")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// A name the resolver considered, offered as "did you mean". The actor is kept as its id's
/// text and kind (the error type sits below the model and names none of its types);
/// [`Candidate::actor`] gives the typed id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name, alias or id that matched.
    pub name: String,
    /// The id of the actor it names (`GBR`, `nato`).
    pub id: String,
    /// Whether that actor is a state or a grouping.
    pub kind: ActorKind,
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name == self.id {
            write!(f, "{}", self.id)
        } else {
            write!(f, "'{}' ({})", self.name, self.id)
        }
    }
}

/// A name as shown in a message: at most 80 characters, so a hostile input cannot make a
/// message huge.
/// A name as a message shows it: at most 80 characters, and the characters a terminal would
/// not show (controls, and invisible formatting such as a right-to-left mark) written as
/// `\u{200f}`, so that "Japan" with a hidden mark does not read as "Japan".
fn shorten(name: &str) -> String {
    let (shown, cut) = match name.char_indices().nth(80) {
        Some((cut, _)) => (&name[..cut], true),
        None => (name, false),
    };
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        if c.is_control() || is_invisible(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    if cut {
        out.push_str(&format!("... ({} characters)", name.chars().count()));
    }
    out
}

/// Unicode's invisible formatting characters that change how text reads: direction marks and
/// overrides, zero-width characters, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

fn did_you_mean(candidates: &[Candidate]) -> String {
    match candidates {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        many => {
            let names: Vec<String> = many.iter().map(ToString::to_string).collect();
            format!("; did you mean one of {}?", names.join(", "))
        }
    }
}

/// Every error this crate returns: opaque, so that it can grow without breaking callers.
/// Ask it [what went wrong](Error::kind), or use the predicates ([`is_parse`](Error::is_parse),
/// [`is_unknown_actor`](Error::is_unknown_actor), ...) and accessors ([`location`](Error::location),
/// [`issues`](Error::issues)). Its text says what was wrong and where.
///
/// ```
/// use alliance_graph::{datasets, ErrorKind};
///
/// let err = datasets::asian_nato().resolve("Brtain").unwrap_err();
/// assert!(err.is_unknown_actor());
/// assert!(matches!(err.kind(), ErrorKind::UnknownActor { .. }));
/// assert_eq!(err.to_string(), "unknown actor 'Brtain'; did you mean 'Britain' (GBR)?");
/// ```
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.0)
    }
}

/// Whether an actor is a state or a grouping, in errors that name the wrong one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ActorKind {
    /// A state.
    Country,
    /// A grouping.
    Grouping,
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ActorKind::Country => "country",
            ActorKind::Grouping => "grouping",
        })
    }
}

/// What went wrong: an [`Error`]'s [`kind`](Error::kind).
///
/// Each variant names what was wrong and, where the input has one, where: see [`Location`].
/// Validation of a whole dataset collects every [`Issue`] instead of stopping at the first.
/// New variants and fields may come in later versions: match with a wildcard.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An id that does not have the required shape (`JPN`, `asian-nato`).
    #[error("invalid {kind} id {:?}: {reason}", shorten(value))]
    InvalidId {
        /// What kind of id: "country", "grouping", "treaty", "source", "actor".
        kind: &'static str,
        /// The text given.
        value: String,
        /// What the id must look like.
        reason: String,
    },
    /// A date that is malformed or does not exist.
    #[error("invalid date {:?}: {reason}", shorten(value))]
    InvalidDate {
        /// The text given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A value that is not one of the accepted words (an obligation, a role, an evidence level).
    #[error("unknown {kind} {:?}; expected one of: {expected}", shorten(value))]
    UnknownKeyword {
        /// What was being parsed.
        kind: &'static str,
        /// The text given.
        value: String,
        /// The accepted words, comma-separated.
        expected: &'static str,
    },
    /// A name or id that names no actor in the graph.
    #[error("unknown actor '{}'{}", shorten(name), did_you_mean(candidates))]
    UnknownActor {
        /// The name asked for.
        name: String,
        /// The closest names in the graph.
        candidates: Vec<Candidate>,
    },
    /// A name that names more than one actor.
    #[error("'{}' is ambiguous: did you mean {}?", shorten(name), candidates.iter().map(|c| format!("{} ({})", c.name, c.id)).collect::<Vec<_>>().join(" or "))]
    AmbiguousActor {
        /// The name asked for.
        name: String,
        /// Every actor it names.
        candidates: Vec<Candidate>,
    },
    /// An actor of the wrong kind for the question (a grouping where a country is needed).
    #[error("'{}' is a {actual}, but a {expected} is needed here", shorten(name))]
    WrongActorKind {
        /// The name asked for.
        name: String,
        /// What it names.
        actual: ActorKind,
        /// What the question needs.
        expected: ActorKind,
    },
    /// A question about an actor and itself ("is Japan allied with Japan?"): it has no
    /// answer, and is usually a typo for another name.
    #[error("{question} needs two different actors, but both names mean {name}")]
    SameActor {
        /// The actor named twice (its id).
        name: String,
        /// What was asked: "an alliance", "a stance", ...
        question: &'static str,
    },
    /// Arguments a measure cannot be computed from: portfolios of different lengths, a level
    /// outside the scale, a weight that is negative or not a number.
    #[error("invalid portfolio: {reason}")]
    InvalidPortfolio {
        /// What is wrong.
        reason: String,
    },
    /// A what-if scenario that cannot be applied (an edit names a record that is not there,
    /// or would leave the records invalid).
    #[error("scenario: {message}")]
    Scenario {
        /// What is wrong with the edit.
        message: String,
    },
    /// A file that cannot be parsed (syntax, a wrong type, an unknown field).
    #[error("{location}: {message}")]
    Parse {
        /// Where.
        location: Box<Location>,
        /// What the parser said.
        message: String,
    },
    /// A dataset whose records do not fit together; every problem found is listed.
    #[error("{}", format_issues(.issues, location.path.as_ref()))]
    Invalid {
        /// The file the records came from, if any (each issue names its own record).
        location: Box<Location>,
        /// Every problem found, in record order.
        issues: Vec<Issue>,
    },
    /// Reading or writing a file failed.
    #[error("{location}: {source}")]
    Io {
        /// The file.
        location: Box<Location>,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An input larger than the documented limits.
    #[error("{location}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Where.
        location: Box<Location>,
        /// What was too large.
        what: String,
        /// The limit.
        limit: u64,
    },
}

fn format_issues(issues: &[Issue], path: Option<&PathBuf>) -> String {
    let prefix = path.map_or(String::new(), |p| format!("{}: ", p.display()));
    match issues {
        [one] => format!("{prefix}invalid dataset: {one}"),
        _ => {
            let mut s = format!("{prefix}invalid dataset: {} problems", issues.len());
            for issue in issues.iter().take(20) {
                s.push_str("\n  - ");
                s.push_str(&issue.to_string());
            }
            if issues.len() > 20 {
                s.push_str(&format!("\n  ... and {} more", issues.len() - 20));
            }
            s
        }
    }
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// What went wrong, owned.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    /// Whether this is an unknown or ambiguous actor name.
    pub fn is_unknown_actor(&self) -> bool {
        matches!(
            *self.0,
            ErrorKind::UnknownActor { .. } | ErrorKind::AmbiguousActor { .. }
        )
    }

    /// Whether the input could not be parsed (syntax, types, ids, dates or keywords).
    pub fn is_parse(&self) -> bool {
        matches!(
            *self.0,
            ErrorKind::Parse { .. }
                | ErrorKind::InvalidDate { .. }
                | ErrorKind::InvalidId { .. }
                | ErrorKind::UnknownKeyword { .. }
        )
    }

    /// Whether a dataset parsed but failed validation.
    pub fn is_invalid(&self) -> bool {
        matches!(*self.0, ErrorKind::Invalid { .. })
    }

    /// Whether an input was larger than the documented limits.
    pub fn is_too_large(&self) -> bool {
        matches!(*self.0, ErrorKind::TooLarge { .. })
    }

    /// Whether reading or writing a file failed.
    pub fn is_io(&self) -> bool {
        matches!(*self.0, ErrorKind::Io { .. })
    }

    /// The validation issues, if this is [`ErrorKind::Invalid`]; empty otherwise.
    pub fn issues(&self) -> &[Issue] {
        match &*self.0 {
            ErrorKind::Invalid { issues, .. } => issues,
            _ => &[],
        }
    }

    /// The place in the input, where the error has one: the one position type of every
    /// error that comes from an input (a file, a line and column, a row, a field).
    pub fn location(&self) -> Option<&Location> {
        match &*self.0 {
            ErrorKind::Parse { location, .. }
            | ErrorKind::TooLarge { location, .. }
            | ErrorKind::Invalid { location, .. }
            | ErrorKind::Io { location, .. } => Some(location),
            _ => None,
        }
    }

    /// Attaches a file path to an error that came from parsing that file's contents.
    #[cfg(any(feature = "json", feature = "atop"))]
    pub(crate) fn with_path(mut self, p: &std::path::Path) -> Self {
        match &mut *self.0 {
            ErrorKind::Parse { location, .. }
            | ErrorKind::TooLarge { location, .. }
            | ErrorKind::Invalid { location, .. }
            | ErrorKind::Io { location, .. } => location.path = Some(p.to_path_buf()),
            _ => {}
        }
        self
    }
}

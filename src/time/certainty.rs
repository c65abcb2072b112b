//! Certain or possible: statement dates ([`When`]), whether a fact holds on the days asked
//! ([`Holds`], with the [`Doubt`] it turns on), and the window of days a fact bounded by
//! several periods may and must hold. The rule is stated in the [module docs](super).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Day, PartialDate, Period, Precision, Span};
use crate::error::{Error, ErrorKind, Result};

/// When a dated fact (a statement) happened: a [`PartialDate`] (`2024-09`: some day of
/// September 2024) or a range of days in ISO 8601 interval form (`2024-09-23/2024-09-29`: the
/// "last week of September 2024" of a report). The fact happened on one day of it, which one
/// not known.
///
/// Ordered by earliest day, then latest (a narrower date first).
///
/// ```
/// use alliance_graph::When;
///
/// let w: When = "2024-09-25/2024-09-27".parse()?;
/// assert_eq!(w.span().first.to_string(), "2024-09-25");
/// assert_eq!(w.to_string(), "2024-09-25/2024-09-27");
/// assert!("2024-09-27/2024-09-25".parse::<When>().is_err());
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When {
    first: PartialDate,
    last: Option<PartialDate>,
}

impl When {
    /// A range from some day of `first` to some day of `last`; `last` must not end before
    /// `first` begins.
    pub fn range(first: PartialDate, last: PartialDate) -> Result<When> {
        if last.latest() < first.earliest() {
            return Err(Error::from(ErrorKind::InvalidDate {
                value: format!("{first}/{last}"),
                reason: "the range ends before it begins".into(),
            }));
        }
        Ok(if first == last {
            When::from(first)
        } else {
            When {
                first,
                last: Some(last),
            }
        })
    }

    /// The first day it may be.
    pub fn earliest(&self) -> Day {
        self.first.earliest()
    }

    /// The last day it may be.
    pub fn latest(&self) -> Day {
        self.last.unwrap_or(self.first).latest()
    }

    /// Every day it may be.
    pub fn span(&self) -> Span {
        Span {
            first: self.earliest(),
            last: self.latest(),
        }
    }

    /// The partial date, when it is one rather than a range.
    pub fn as_partial(&self) -> Option<PartialDate> {
        self.last.is_none().then_some(self.first)
    }

    /// Whether it names a single day.
    pub fn is_day(&self) -> bool {
        self.earliest() == self.latest()
    }

    /// Whether a statement made on this date had been made by the end of the days `asked`:
    /// [`Holds::Yes`] when its latest day is within or before them, [`Holds::Possibly`] when
    /// only its earliest is, [`Holds::No`] otherwise. See the [module docs](super).
    pub fn made_by(&self, asked: &Span) -> Holds {
        if self.latest() <= asked.last {
            Holds::Yes
        } else if self.earliest() <= asked.last {
            Holds::Possibly(Doubt {
                date: *self,
                edge: Edge::Made,
                asked: *asked,
            })
        } else {
            Holds::No
        }
    }
}

impl From<PartialDate> for When {
    fn from(date: PartialDate) -> When {
        When {
            first: date,
            last: None,
        }
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for When {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.earliest(), self.latest(), self.first, self.last).cmp(&(
            other.earliest(),
            other.latest(),
            other.first,
            other.last,
        ))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.last {
            Some(last) => write!(f, "{}/{last}", self.first),
            None => write!(f, "{}", self.first),
        }
    }
}

impl FromStr for When {
    type Err = Error;

    /// Parses a [`PartialDate`] or two joined by `/`.
    fn from_str(s: &str) -> Result<When> {
        match s.split_once('/') {
            None => Ok(When::from(s.parse::<PartialDate>()?)),
            Some((a, b)) => When::range(a.parse()?, b.parse()?),
        }
    }
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(crate::util::StrVisitor(str::parse::<When>))
    }
}

/// Whether a fact holds on the days asked, under the partial-date rule: certainly, possibly
/// (the answer turns on a day its dates do not give), or not. See the [module docs](super).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// On every reading of its dates.
    Yes,
    /// On some readings of its dates only; the doubt says which date.
    Possibly(Doubt),
    /// On no reading.
    No,
}

impl Holds {
    /// Whether it holds on some reading (yes or possibly): the benefit of the doubt.
    pub fn at_all(&self) -> bool {
        !matches!(self, Holds::No)
    }

    /// The doubt, when it only possibly holds.
    pub fn doubt(&self) -> Option<Doubt> {
        match self {
            Holds::Possibly(d) => Some(*d),
            _ => None,
        }
    }
}

impl fmt::Display for Holds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Holds::Yes => f.write_str("yes"),
            Holds::Possibly(d) => write!(f, "possibly: {d}"),
            Holds::No => f.write_str("no"),
        }
    }
}

/// Why a fact only possibly holds: the partial date it turns on, and which edge of the fact
/// that date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doubt {
    /// The date, known only to its precision (or a range).
    pub date: When,
    /// Whether it is the fact's start, its end, or the date a statement was made.
    pub edge: Edge,
    /// The days asked about.
    pub asked: Span,
}

/// Which edge of a fact a [`Doubt`]'s date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// The day it began (a treaty's entry into force, a membership's start).
    Start,
    /// The day it ended.
    End,
    /// The day a statement was made.
    Made,
}

impl fmt::Display for Doubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (date, asked) = (self.date, self.asked);
        match self.edge {
            Edge::Start => write!(
                f,
                "it began on a day of {date} that may be after {}",
                asked.last
            ),
            Edge::End => write!(
                f,
                "it ended on a day of {date} that may be before {}",
                asked.first
            ),
            Edge::Made => write!(
                f,
                "said on a day of {date} that may be after {}",
                asked.last
            ),
        }
    }
}

impl Serialize for Doubt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Holds {
    /// `"yes"`, `"no"`, or `"possibly: ..."` with the reason.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The days a fact bounded by several periods (a treaty, the parties' spells, an obligation)
/// may hold and certainly holds: the intersection of their spans on the most generous and on
/// the strictest reading of their partial dates, with the dates that bound the strict one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    possible: Option<Span>,
    certain_first: Day,
    certain_last: Day,
    /// The partial date the strict start comes from, if it is partial.
    first_doubt: Option<PartialDate>,
    last_doubt: Option<PartialDate>,
}

impl Window {
    /// Every day.
    pub(crate) const ALL: Window = Window {
        possible: Some(Span::ALL),
        certain_first: Day::MIN,
        certain_last: Day::MAX,
        first_doubt: None,
        last_doubt: None,
    };

    /// The window narrowed to `period`.
    pub(crate) fn within(mut self, period: &Period) -> Window {
        self.possible = self.possible.and_then(|s| s.intersect(&period.span()));
        if let Some(start) = period.start() {
            if start.latest() > self.certain_first {
                self.certain_first = start.latest();
                self.first_doubt = (start.precision() != Precision::Day).then_some(start);
            }
        }
        if let Some(end) = period.end() {
            if end.earliest() < self.certain_last {
                self.certain_last = end.earliest();
                self.last_doubt = (end.precision() != Precision::Day).then_some(end);
            }
        }
        self
    }

    /// Whether the fact holds on at least one of the days `asked`.
    pub(crate) fn holds(&self, asked: &Span) -> Holds {
        match self.possible {
            Some(p) if p.overlaps(asked) => {}
            _ => return Holds::No,
        }
        let certain_first = self.certain_first.max(asked.first);
        let certain_last = self.certain_last.min(asked.last);
        if certain_first <= certain_last {
            return Holds::Yes;
        }
        // The strict reading misses the asked days: on the side the asked days fall.
        let (date, edge) = if asked.last < self.certain_first {
            (self.first_doubt, Edge::Start)
        } else {
            (self.last_doubt, Edge::End)
        };
        let date = date.or(self.first_doubt).or(self.last_doubt);
        match date {
            Some(date) => Holds::Possibly(Doubt {
                date: date.into(),
                edge,
                asked: *asked,
            }),
            // Unreachable for valid periods: a strict reading can only differ through a
            // partial date.
            None => Holds::Yes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        s.parse().expect("a date")
    }

    fn span(s: &str) -> Span {
        date(s).span()
    }

    #[test]
    fn a_range_of_one_day_is_that_day_and_a_reversed_one_is_an_error() {
        let one = When::range(date("2024-09-25"), date("2024-09-25")).expect("a one-day range");
        assert_eq!(one, When::from(date("2024-09-25")));
        assert!(one.is_day());
        assert_eq!(one.as_partial(), Some(date("2024-09-25")));
        assert!(When::range(date("2024-09-27"), date("2024-09-25")).is_err());
        // A range that ends inside the month its start names is fine.
        let r = When::range(date("2024-09"), date("2024-09-10")).expect("a range");
        assert_eq!(r.as_partial(), None);
        assert!(!r.is_day());
        assert!(!When::from(date("2024-09")).is_day());
    }

    #[test]
    fn dates_order_by_earliest_then_latest() {
        let month = When::from(date("2024-09"));
        let day = When::from(date("2024-09-01"));
        let later = When::from(date("2024-09-02"));
        assert!(day < month, "a narrower date first");
        assert!(month < later);
        let mut all = vec![later, month, day];
        all.sort();
        assert_eq!(all, [day, month, later]);
    }

    #[test]
    fn a_window_that_cannot_hold_on_the_days_asked_is_no() {
        let period = Period::new(Some(date("1950")), Some(date("1960"))).expect("a period");
        let w = Window::ALL.within(&period);
        assert_eq!(w.holds(&span("1970")), Holds::No);
        assert_eq!(w.holds(&span("1940")), Holds::No);
        assert_eq!(w.holds(&span("1955")), Holds::Yes);
        // 1950 read at its widest holds; strictly (the last day of 1950) too, for 1950.
        assert_eq!(w.holds(&span("1950")), Holds::Yes);
        // Asked a day of 1950 before its last: possibly, turning on the start.
        assert!(
            matches!(w.holds(&span("1950-03-01")), Holds::Possibly(d) if d.edge == Edge::Start)
        );
    }

    /// A fact from some day of 1950 to some day of 1950 holds certainly on no day; asked its
    /// last possible day, the asked day lies after the strict end (1950-01-01), so the doubt
    /// is on the end.
    #[test]
    fn the_doubt_is_on_the_side_the_asked_days_fall() {
        let period = Period::new(Some(date("1950")), Some(date("1950"))).expect("a period");
        let w = Window::ALL.within(&period);
        assert!(matches!(w.holds(&span("1950-12-31")), Holds::Possibly(d) if d.edge == Edge::End));
        assert!(matches!(w.holds(&span("1950-06-30")), Holds::Possibly(_)));
    }
}

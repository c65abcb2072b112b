//! Dates with a precision, periods, and **the partial-date rule**.
//!
//! Sources often give only a year ("1951") or a month ("2024-09"). A [`PartialDate`] keeps
//! the precision it was given and denotes every day it covers: `2024-09` is the span
//! 2024-09-01 ..= 2024-09-30.
//!
//! # The partial-date rule
//!
//! Every date-dependent answer in this crate uses this one rule:
//!
//! 1. A fact's period runs from the **earliest** day of its start to the **latest** day of its
//!    end, both inclusive. A treaty in force from `1952-04` counts from 1952-04-01; one ended in
//!    `1960` counts through 1960-12-31. A missing start means "since always", a missing end
//!    "still in force".
//! 2. A question asked "as of" a date asks about every day that date covers: `as_of("1990")`
//!    is the whole of 1990.
//! 3. A fact holds for a question when the two spans **overlap**: the fact was in force on at
//!    least one day of the asked span.
//! 4. A dated statement (a stance) counts once its date's earliest day is within or before
//!    the asked span.
//!
//! So the rule gives partial dates the benefit of the doubt, never more than their precision
//! allows, and it is the rule ATOP's own state-year table uses (an alliance counts in its
//! entry year and in its exit year). Day-precise dates behave exactly as expected.
//!
//! # Certain or possible
//!
//! The benefit of the doubt decides what is listed; it does not make a doubtful fact certain.
//! [`Period::holds`] and [`When::made_by`] say [`Holds::Yes`] only when every day the partial
//! dates allow agrees, and [`Holds::Possibly`] with the [`Doubt`] when the answer turns on a
//! day the date does not give: a statement dated `2024-09` asked about on 2024-09-01, a treaty
//! in force from `1952-04` asked about on 1952-04-15. A day-precise fact is never "possibly".
//!
//! ```
//! use alliance_graph::{Holds, PartialDate, Period, When};
//!
//! let asked = "2024-09-01".parse::<PartialDate>()?.span();
//! let month: When = "2024-09".parse()?;
//! assert!(matches!(month.made_by(&asked), Holds::Possibly(_)));
//! let last_week: When = "2024-09-23/2024-09-29".parse()?;
//! assert_eq!(last_week.made_by(&asked), Holds::No);
//! assert_eq!(last_week.made_by(&"2024-09-30".parse::<PartialDate>()?.span()), Holds::Yes);
//!
//! let anzus = Period::new(Some("1952-04".parse()?), None)?;
//! let doubt = anzus.holds(&"1952-04-15".parse::<PartialDate>()?.span());
//! assert_eq!(doubt.to_string(), "possibly: it began on a day of 1952-04 that may be after 1952-04-15");
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! ```
//! use alliance_graph::{Period, PartialDate};
//!
//! let treaty: Period = Period::new(Some("1952-04".parse()?), Some("1960-06-23".parse()?))?;
//! assert!(!treaty.overlaps(&"1952-03-31".parse::<PartialDate>()?.span()));
//! assert!(treaty.overlaps(&"1952-04-01".parse::<PartialDate>()?.span()));
//! assert!(treaty.overlaps(&"1952".parse::<PartialDate>()?.span()));
//! assert!(treaty.overlaps(&"1960-06-23".parse::<PartialDate>()?.span()));
//! assert!(!treaty.overlaps(&"1960-06-24".parse::<PartialDate>()?.span()));
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! (About 650 lines, 130 of them the unit tests of the calendar and of the rule: one concern,
//! the dates, which every other module reads.)

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

mod certainty;

pub(crate) use certainty::Window;
pub use certainty::{Doubt, Edge, Holds, When};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A calendar day, always complete; the unit in which spans are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Day {
    /// The earliest representable day, used for an open start.
    pub const MIN: Day = Day {
        year: i32::MIN,
        month: 1,
        day: 1,
    };
    /// The latest representable day, used for an open end.
    pub const MAX: Day = Day {
        year: i32::MAX,
        month: 12,
        day: 31,
    };
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An inclusive span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First day, inclusive.
    pub first: Day,
    /// Last day, inclusive.
    pub last: Day,
}

impl Span {
    /// Every day, from [`Day::MIN`] to [`Day::MAX`].
    pub const ALL: Span = Span {
        first: Day::MIN,
        last: Day::MAX,
    };

    /// Whether the two spans share at least one day.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// The days both spans cover, if any.
    pub fn intersect(&self, other: &Span) -> Option<Span> {
        let s = Span {
            first: self.first.max(other.first),
            last: self.last.min(other.last),
        };
        (s.first <= s.last).then_some(s)
    }
}

impl Day {
    /// Today's date in UTC, from the system clock.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Day::from_unix_days((secs / 86_400) as i64)
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_unix_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// The number of days from 1970-01-01 to this day (Howard Hinnant's `days_from_civil`):
    /// a day's place on a time axis.
    pub fn unix_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day before (saturating at [`Day::MIN`]).
    pub fn pred(self) -> Day {
        if self == Day::MIN {
            return self;
        }
        match (self.month, self.day) {
            (1, 1) => Day {
                year: self.year - 1,
                month: 12,
                day: 31,
            },
            (m, 1) => Day {
                year: self.year,
                month: m - 1,
                day: days_in_month(self.year, m - 1),
            },
            (m, d) => Day {
                year: self.year,
                month: m,
                day: d - 1,
            },
        }
    }

    /// This day as a day-precise [`PartialDate`].
    pub fn to_partial(self) -> Result<PartialDate> {
        PartialDate::day(self.year, self.month, self.day)
    }
}

/// A date known to the year, the month or the day: `"2024"`, `"2024-09"`, `"2024-09-27"`.
///
/// Ordering sorts by year, then month, then day, a less precise date before a more precise one
/// in the same year or month.
///
/// ```
/// use alliance_graph::{PartialDate, Precision};
///
/// let d: PartialDate = "2024-09".parse()?;
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!(d.span().last.to_string(), "2024-09-30");
/// assert!("2024-02-30".parse::<PartialDate>().is_err());
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Years outside this range are rejected: no alliance data lies outside it, and it keeps
/// every computation on dates free of overflow.
const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1000..=9999;

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Result<Self> {
        Self::new(year, None, None)
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u8) -> Result<Self> {
        Self::new(year, Some(month), None)
    }

    /// A date known to the day.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self> {
        Self::new(year, Some(month), Some(day))
    }

    /// A date from its parts; a day needs a month, and the day must exist in that month.
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Self> {
        let text = || match (month, day) {
            (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year}-{m:02}"),
            (None, Some(d)) => format!("{year}-??-{d:02}"),
            (None, None) => format!("{year}"),
        };
        let invalid = |reason: String| {
            Error::from(ErrorKind::InvalidDate {
                value: text(),
                reason,
            })
        };
        if !YEAR_RANGE.contains(&year) {
            return Err(invalid(format!(
                "year must be between {} and {}",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            )));
        }
        match (month, day) {
            (None, Some(_)) => Err(invalid("a day needs a month".into())),
            (Some(m), _) if !(1..=12).contains(&m) => {
                Err(invalid(format!("month {m} is not between 1 and 12")))
            }
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => Err(invalid(format!(
                "day {d} does not exist in {year}-{m:02}, which has {} days",
                days_in_month(year, m)
            ))),
            _ => Ok(PartialDate { year, month, day }),
        }
    }

    /// The year.
    pub fn year_part(&self) -> i32 {
        self.year
    }

    /// The month, if known.
    pub fn month_part(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day_part(&self) -> Option<u8> {
        self.day
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The first day the date covers.
    pub fn earliest(&self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day the date covers.
    pub fn latest(&self) -> Day {
        let month = self.month.unwrap_or(12);
        Day {
            year: self.year,
            month,
            day: self.day.unwrap_or(days_in_month(self.year, month)),
        }
    }

    /// Whether something dated by this date counts in a question about the days `asked`
    /// (rule 4 of the [partial-date rule](self)): its earliest day is within or before them.
    /// A change of status, a first test, a statement: each counts from then on.
    ///
    /// ```
    /// use alliance_graph::PartialDate;
    ///
    /// let said: PartialDate = "2024-09".parse()?;
    /// assert!(said.counts_by(&"2024-09-01".parse::<PartialDate>()?.span()));
    /// assert!(!said.counts_by(&"2024-08".parse::<PartialDate>()?.span()));
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn counts_by(&self, asked: &Span) -> bool {
        self.earliest() <= asked.last
    }

    /// Every day the date covers.
    pub fn span(&self) -> Span {
        Span {
            first: self.earliest(),
            last: self.latest(),
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = Error;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 calendar dates, four-digit years).
    fn from_str(s: &str) -> Result<Self> {
        let invalid = |reason: &str| {
            Error::from(ErrorKind::InvalidDate {
                value: s.to_string(),
                reason: reason.to_string(),
            })
        };
        let mut parts = s.split('-');
        let number = |part: Option<&str>, digits: usize, what: &str| -> Result<Option<u32>> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(p.parse().ok())
                }
                Some(_) => Err(invalid(&format!(
                    "expected YYYY, YYYY-MM or YYYY-MM-DD; the {what} must be {digits} digits"
                ))),
            }
        };
        let year = number(parts.next(), 4, "year")?
            .ok_or_else(|| invalid("expected YYYY, YYYY-MM or YYYY-MM-DD"))?;
        let month = number(parts.next(), 2, "month")?;
        let day = number(parts.next(), 2, "day")?;
        if parts.next().is_some() {
            return Err(invalid(
                "expected YYYY, YYYY-MM or YYYY-MM-DD; too many parts",
            ));
        }
        // Four, two and two digits always fit.
        PartialDate::new(year as i32, month.map(|m| m as u8), day.map(|d| d as u8)).map_err(|e| {
            match e.into_kind() {
                ErrorKind::InvalidDate { reason, .. } => Error::from(ErrorKind::InvalidDate {
                    value: s.to_string(),
                    reason,
                }),
                other => Error::from(other),
            }
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(crate::util::StrVisitor(str::parse::<PartialDate>))
    }
}

/// A span between two optional partial dates: `None` at the start means "since always", at the
/// end "still in force". See the [module docs](self) for how partial ends are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Period {
    start: Option<PartialDate>,
    end: Option<PartialDate>,
}

impl Period {
    /// A period from `start` to `end`; an end that lies wholly before the start is an error.
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Result<Self> {
        Period::checked(start, end).ok_or_else(|| {
            let (s, e) = (start.map(|d| d.to_string()), end.map(|d| d.to_string()));
            Error::from(ErrorKind::InvalidDate {
                value: format!("{} .. {}", s.unwrap_or_default(), e.unwrap_or_default()),
                reason: "the end is before the start".into(),
            })
        })
    }

    /// [`new`](Self::new) without the error: `None` when the end lies wholly before the
    /// start. What the rules call on every record, where an error's text would be wasted.
    pub(crate) fn checked(start: Option<PartialDate>, end: Option<PartialDate>) -> Option<Self> {
        match (start, end) {
            (Some(s), Some(e)) if e.latest() < s.earliest() => None,
            _ => Some(Period { start, end }),
        }
    }

    /// A period open at both ends.
    pub const ALWAYS: Period = Period {
        start: None,
        end: None,
    };

    /// The start, if known.
    pub fn start(&self) -> Option<PartialDate> {
        self.start
    }

    /// The end, if any.
    pub fn end(&self) -> Option<PartialDate> {
        self.end
    }

    /// Whether both ends are given to the day (or open): such a period holds certainly on
    /// every day it may hold, so it raises no doubt.
    pub(crate) fn is_day_precise(&self) -> bool {
        let precise = |d: Option<PartialDate>| d.is_none_or(|d| d.precision() == Precision::Day);
        precise(self.start) && precise(self.end)
    }

    /// The days the period covers under the partial-date rule.
    pub fn span(&self) -> Span {
        Span {
            first: self.start.map_or(Day::MIN, |d| d.earliest()),
            last: self.end.map_or(Day::MAX, |d| d.latest()),
        }
    }

    /// Whether the period was in force on at least one day of `asked`.
    pub fn overlaps(&self, asked: &Span) -> bool {
        self.span().overlaps(asked)
    }

    /// Whether the period was in force on at least one day of `asked`, certainly or only
    /// possibly (when that turns on a day its partial start or end does not give).
    ///
    /// ```
    /// use alliance_graph::{Holds, Period};
    ///
    /// let p = Period::new(Some("1952-04-29".parse()?), None)?;
    /// assert_eq!(p.holds(&"1952-04-29".parse::<alliance_graph::PartialDate>()?.span()), Holds::Yes);
    /// # Ok::<(), alliance_graph::Error>(())
    /// ```
    pub fn holds(&self, asked: &Span) -> Holds {
        Window::ALL.within(self).holds(asked)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) => write!(f, "{s} to {e}"),
            (Some(s), None) => write!(f, "since {s}"),
            (None, Some(e)) => write!(f, "until {e}"),
            (None, None) => write!(f, "always"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn day_numbers_round_trip_on_the_days_the_calendar_turns() {
        // The leap days that close a 400-year era (day 146,096 of it), century years that
        // are not leap years, and the epoch itself.
        for (y, m, dd, days) in [
            (1970, 1, 1, 0),
            (2000, 2, 29, 11_016),
            (2000, 3, 1, 11_017),
            (1600, 2, 29, -135_081),
            (1900, 3, 1, -25_508),
            (2400, 2, 29, 157_113),
        ] {
            let day = Day::from_unix_days(days);
            assert_eq!((day.year, day.month, day.day), (y, m, dd), "day {days}");
            assert_eq!(day.unix_days(), days, "{y}-{m}-{dd}");
        }
    }

    #[test]
    fn the_day_before() {
        let day = |y, m, d| Day {
            year: y,
            month: m,
            day: d,
        };
        for (from, before) in [
            (day(2024, 5, 10), day(2024, 5, 9)),
            (day(2000, 1, 1), day(1999, 12, 31)),
            (day(2000, 3, 1), day(2000, 2, 29)),
            (day(1900, 3, 1), day(1900, 2, 28)),
            (day(2023, 5, 1), day(2023, 4, 30)),
            (Day::MIN, Day::MIN),
        ] {
            assert_eq!(from.pred(), before, "{from}");
        }
        // Every day of four years, against the day numbers.
        for n in 10_957..10_957 + 4 * 366 {
            assert_eq!(Day::from_unix_days(n).pred(), Day::from_unix_days(n - 1));
        }
    }

    #[test]
    fn a_dates_parts_and_a_one_day_period() {
        let parts = |s: &str| (d(s).year_part(), d(s).month_part(), d(s).day_part());
        assert_eq!(parts("2024-09-27"), (2024, Some(9), Some(27)));
        assert_eq!(parts("2024-09"), (2024, Some(9), None));
        assert_eq!(parts("2024"), (2024, None, None));
        // A period may end on the day it starts; not the day before.
        assert!(Period::new(Some(d("1960-05-01")), Some(d("1960-05-01"))).is_ok());
        assert!(Period::new(Some(d("1960-05-02")), Some(d("1960-05-01"))).is_err());
    }

    #[test]
    fn today_is_read_from_the_clock() {
        // Written on 2026-11-30: the clock cannot be earlier, nor a century later.
        let today = Day::today();
        assert!((2026..2126).contains(&today.year), "{today}");
    }

    #[test]
    fn parses_and_displays_every_precision() {
        for s in ["2024", "2024-09", "2024-09-27", "1815-01-01"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("2024").precision(), Precision::Year);
        assert_eq!(d("2024-02").latest().day, 29);
        assert_eq!(d("1900-02").latest().day, 28);
        assert_eq!(d("2000-02").latest().day, 29);
    }

    #[test]
    fn rejects_malformed_dates() {
        for s in [
            "",
            "24",
            "2024-9",
            "2024-13",
            "2024-00",
            "2023-02-29",
            "2024-09-31",
            "2024-09-27-1",
            "abcd",
            "2024/09",
            "+202",
            "0999",
            "2024-09-2x",
            "２０２４",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s:?} should not parse");
        }
        let e = "2024-13".parse::<PartialDate>().unwrap_err().to_string();
        assert!(e.contains("2024-13") && e.contains("month 13"), "{e}");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(Day::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Day::from_unix_days(19_993).to_string(), "2024-09-27");
        assert_eq!(Day::from_unix_days(-1).to_string(), "1969-12-31");
        for days in [-800_000, -1, 0, 1, 19_993, 59, 60, 2_932_896] {
            assert_eq!(Day::from_unix_days(days).unix_days(), days);
        }
        assert!(Day::today().year >= 2024);
    }

    #[test]
    fn partial_rule_at_its_edges() {
        let p = Period::new(Some(d("1952-04")), Some(d("1960"))).unwrap();
        assert!(!p.overlaps(&d("1952-03-31").span()));
        assert!(p.overlaps(&d("1952-04-01").span()));
        assert!(!p.overlaps(&d("1952-03").span()));
        assert!(p.overlaps(&d("1960-12-31").span()));
        assert!(!p.overlaps(&d("1961-01-01").span()));
        assert!(p.overlaps(&d("1952").span()));
        assert!(Period::new(Some(d("1960")), Some(d("1959-12"))).is_err());
        // Same year, different precision: not reversed under the rule.
        assert!(Period::new(Some(d("1960-05")), Some(d("1960"))).is_ok());
    }
}

//! Calendar days and EDTF dates, kept at the precision the sources give.
//!
//! The timeline measures time in [`Day`]s: whole days since 1970-01-01
//! (negative before it). An EDTF string such as `1960-06~` or
//! `1961-10-17/1961-10-31` becomes a [`When`]: the first day it may mean, the
//! day after the last, and how precise and how certain it is.

use edtf::level_1::{Certainty, Date as EdtfDate, Edtf, Precision as EdtfPrecision, Season};
use std::fmt;

/// Whole days since 1970-01-01.
pub type Day = i32;

/// Days in a month of the proleptic Gregorian calendar.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day of a calendar date, or `None` when the date does not exist.
/// Howard Hinnant's `days_from_civil`: a few integer operations, so the
/// browser build needs no calendar library.
pub fn day_from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Day::try_from(era * 146_097 + doe - 719_468).ok()
}

/// Year, month (1–12) and day of month of a [`Day`] (Hinnant's
/// `civil_from_days`).
pub fn ymd(day: Day) -> (i32, u32, u32) {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// ISO 8601 `YYYY-MM-DD` of a [`Day`].
pub fn iso(day: Day) -> String {
    let (y, m, d) = ymd(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The first day of a month, counting months from `year`-`month` (1-based)
/// forward or backward by `offset`.
pub fn month_start(year: i32, month: u32, offset: i32) -> Day {
    let index = year * 12 + (month as i32 - 1) + offset;
    let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    day_from_ymd(y, m, 1).expect("first of month exists")
}

/// Weekday of a [`Day`], 0 = Monday.
pub fn weekday(day: Day) -> u32 {
    (day + 3).rem_euclid(7) as u32
}

/// How precisely a source dates something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Season,
    Year,
}

/// One end of a [`When`]: a day, month, season or year, possibly qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub precision: Precision,
    pub year: i32,
    /// 1–12 for a month or day; for a season, 21–24 (spring..winter).
    pub month: u32,
    pub day: u32,
    /// `~`: the source gives it as approximate ("about", "late June").
    pub approximate: bool,
    /// `?`: the source is unsure.
    pub uncertain: bool,
    /// First day the point may mean.
    pub start: Day,
    /// The day after the last day it may mean.
    pub end: Day,
}

/// A dated event's date: a point, or a range between two points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    pub from: Point,
    pub to: Option<Point>,
}

/// Why a date string is not a date the timeline can draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not EDTF level 1 at all.
    Syntax(String),
    /// EDTF, but not a form the timeline draws (open ranges, times, unspecified digits).
    Unsupported(String),
    /// A range whose end comes before its start.
    Reversed(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Syntax(s) => write!(
                f,
                "'{s}' is not an EDTF date (use YYYY, YYYY-MM, YYYY-MM-DD, with ~ or ?, or start/end)"
            ),
            DateError::Unsupported(s) => write!(
                f,
                "'{s}' is EDTF the timeline cannot draw (open ranges, times and X digits are not supported)"
            ),
            DateError::Reversed(s) => write!(f, "'{s}' ends before it starts"),
        }
    }
}

impl std::error::Error for DateError {}

fn season_months(season: Season) -> (u32, u32) {
    // Northern-hemisphere meteorological seasons: first month and length.
    match season {
        Season::Spring => (3, 3),
        Season::Summer => (6, 3),
        Season::Autumn => (9, 3),
        Season::Winter => (12, 3),
    }
}

fn point(date: EdtfDate, input: &str) -> Result<Point, DateError> {
    let (precision, certainty) = date.precision_certainty();
    let approximate = matches!(
        certainty,
        Certainty::Approximate | Certainty::ApproximateUncertain
    );
    let uncertain = matches!(
        certainty,
        Certainty::Uncertain | Certainty::ApproximateUncertain
    );
    let unsupported = || DateError::Unsupported(input.to_string());
    let (precision, year, month, day, start, end) = match precision {
        EdtfPrecision::Year(y) => (
            Precision::Year,
            y,
            0,
            0,
            month_start(y, 1, 0),
            month_start(y, 1, 12),
        ),
        EdtfPrecision::Month(y, m) => (
            Precision::Month,
            y,
            m,
            0,
            month_start(y, m, 0),
            month_start(y, m, 1),
        ),
        EdtfPrecision::Season(y, s) => {
            let (first, len) = season_months(s);
            (
                Precision::Season,
                y,
                s as u32,
                0,
                month_start(y, first, 0),
                month_start(y, first, len as i32),
            )
        }
        EdtfPrecision::Day(y, m, d) => {
            let start = day_from_ymd(y, m, d).ok_or_else(unsupported)?;
            (Precision::Day, y, m, d, start, start + 1)
        }
        _ => return Err(unsupported()),
    };
    Ok(Point {
        precision,
        year,
        month,
        day,
        approximate,
        uncertain,
        start,
        end,
    })
}

impl When {
    /// Parses an EDTF level 1 date or closed interval.
    pub fn parse(input: &str) -> Result<When, DateError> {
        let edtf = Edtf::parse(input).map_err(|_| DateError::Syntax(input.to_string()))?;
        match edtf {
            Edtf::Date(d) => Ok(When {
                from: point(d, input)?,
                to: None,
            }),
            Edtf::Interval(a, b) => {
                let (from, to) = (point(a, input)?, point(b, input)?);
                if to.end <= from.start {
                    return Err(DateError::Reversed(input.to_string()));
                }
                Ok(When { from, to: Some(to) })
            }
            _ => Err(DateError::Unsupported(input.to_string())),
        }
    }

    /// First day the date may mean.
    pub fn start(&self) -> Day {
        self.from.start
    }

    /// The day after the last day the date may mean.
    pub fn end(&self) -> Day {
        self.to.map_or(self.from.end, |t| t.end)
    }

    /// Whether this is a `start/end` range.
    pub fn is_range(&self) -> bool {
        self.to.is_some()
    }

    /// The coarsest precision of its ends.
    pub fn precision(&self) -> Precision {
        self.to.map_or(self.from.precision, |t| {
            t.precision.max(self.from.precision)
        })
    }

    /// Whether either end is approximate.
    pub fn approximate(&self) -> bool {
        self.from.approximate || self.to.is_some_and(|t| t.approximate)
    }

    /// Whether either end is uncertain.
    pub fn uncertain(&self) -> bool {
        self.from.uncertain || self.to.is_some_and(|t| t.uncertain)
    }

    /// Whether this is a window the sources place a single happening in
    /// (`1961-11-25?/1961-12-09?`: both ends uncertain), not a span it
    /// lasted.
    pub fn is_window(&self) -> bool {
        self.from.uncertain && self.to.is_some_and(|t| t.uncertain)
    }

    /// Middle of the date, in (fractional) days: where a view centres on it.
    pub fn middle(&self) -> f64 {
        (self.start() as f64 + self.end() as f64) / 2.0
    }
}

/// A date as a reader types it in a link: `1961`, `1961-06` or `1961-06-04`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (nothing else).
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = num(parts.first()?, 4)? as i32;
        let month = parts.get(1).map(|p| num(p, 2)).unwrap_or(Some(0))?;
        let day = parts.get(2).map(|p| num(p, 2)).unwrap_or(Some(0))?;
        if parts.len() > 3 {
            return None;
        }
        let date = PartialDate {
            year,
            month: (parts.len() > 1).then_some(month),
            day: (parts.len() > 2).then_some(day),
        };
        date.range().map(|_| date)
    }

    /// First day and the day after the last day, or `None` for an impossible date.
    pub fn range(&self) -> Option<(Day, Day)> {
        match (self.month, self.day) {
            (None, _) => Some((
                day_from_ymd(self.year, 1, 1)?,
                day_from_ymd(self.year + 1, 1, 1)?,
            )),
            (Some(m), None) => {
                let start = day_from_ymd(self.year, m, 1)?;
                Some((start, month_start(self.year, m, 1)))
            }
            (Some(m), Some(d)) => {
                let start = day_from_ymd(self.year, m, d)?;
                Some((start, start + 1))
            }
        }
    }

    /// Precision of the typed date.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            _ => Precision::Day,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_calendar() {
        assert_eq!(day_from_ymd(1970, 1, 1), Some(0));
        assert_eq!(day_from_ymd(1969, 12, 31), Some(-1));
        let d = day_from_ymd(1961, 6, 4).unwrap();
        assert_eq!(ymd(d), (1961, 6, 4));
        assert_eq!(iso(d), "1961-06-04");
        assert_eq!(day_from_ymd(1961, 2, 29), None);
        assert_eq!(weekday(day_from_ymd(1960, 11, 14).unwrap()), 0, "a Monday");
    }

    #[test]
    fn month_start_crosses_years_both_ways() {
        assert_eq!(month_start(1960, 11, 3), day_from_ymd(1961, 2, 1).unwrap());
        assert_eq!(month_start(1960, 1, -1), day_from_ymd(1959, 12, 1).unwrap());
    }

    #[test]
    fn day_precision() {
        let w = When::parse("1961-06-04").unwrap();
        assert_eq!(w.precision(), Precision::Day);
        assert_eq!(w.end() - w.start(), 1);
        assert!(!w.approximate() && !w.uncertain() && !w.is_range());
    }

    #[test]
    fn month_and_year_cover_their_whole_extent() {
        let m = When::parse("1960-06~").unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert!(m.approximate());
        assert_eq!(m.start(), day_from_ymd(1960, 6, 1).unwrap());
        assert_eq!(m.end(), day_from_ymd(1960, 7, 1).unwrap());
        let y = When::parse("1957?").unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert!(y.uncertain() && !y.approximate());
        assert_eq!(y.end() - y.start(), 365);
    }

    #[test]
    fn seasons_map_to_months() {
        let s = When::parse("1961-22").unwrap();
        assert_eq!(s.precision(), Precision::Season);
        assert_eq!(s.start(), day_from_ymd(1961, 6, 1).unwrap());
        assert_eq!(s.end(), day_from_ymd(1961, 9, 1).unwrap());
    }

    #[test]
    fn ranges() {
        let r = When::parse("1961-10-17/1961-10-31").unwrap();
        assert!(r.is_range());
        assert_eq!(r.end() - r.start(), 15);
        assert_eq!(r.precision(), Precision::Day);
        let mixed = When::parse("1960-06/1961").unwrap();
        assert_eq!(mixed.precision(), Precision::Year);
        assert!(matches!(
            When::parse("1961-10-31/1961-10-17"),
            Err(DateError::Reversed(_))
        ));
    }

    #[test]
    fn bad_dates_are_errors_not_panics() {
        for bad in [
            "",
            "1961-13",
            "1961-02-30",
            "June 1961",
            "1961-06-04T10:00:00Z",
        ] {
            assert!(When::parse(bad).is_err(), "{bad} should fail");
        }
        assert!(matches!(
            When::parse("1961/.."),
            Err(DateError::Unsupported(_))
        ));
        assert!(matches!(
            When::parse("19XX"),
            Err(DateError::Unsupported(_))
        ));
    }

    #[test]
    fn partial_dates_from_links() {
        let d = PartialDate::parse("1961-06").unwrap();
        assert_eq!(d.precision(), Precision::Month);
        assert_eq!(d.to_string(), "1961-06");
        assert_eq!(
            d.range(),
            Some((
                day_from_ymd(1961, 6, 1).unwrap(),
                day_from_ymd(1961, 7, 1).unwrap()
            ))
        );
        for bad in [
            "61",
            "1961-6",
            "1961-00",
            "1961-02-30",
            "1961-06-04-1",
            "abcd",
            "",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn civil_days_agree_with_chrono_over_centuries() {
        use chrono::{Datelike, NaiveDate};
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let mut d = NaiveDate::from_ymd_opt(1599, 12, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2101, 3, 1).unwrap();
        while d <= last {
            let day = (d - epoch).num_days() as Day;
            assert_eq!(day_from_ymd(d.year(), d.month(), d.day()), Some(day), "{d}");
            assert_eq!(ymd(day), (d.year(), d.month(), d.day()), "{d}");
            d = d.succ_opt().unwrap();
        }
        for (y, m, dd) in [
            (1961, 2, 29),
            (1900, 2, 29),
            (1961, 13, 1),
            (1961, 0, 1),
            (1961, 4, 31),
            (1961, 1, 0),
        ] {
            assert_eq!(day_from_ymd(y, m, dd), None, "{y}-{m}-{dd}");
        }
        assert_eq!(day_from_ymd(2000, 2, 29), Some(11_016));
    }
}

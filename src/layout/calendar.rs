//! Civil dates: just enough calendar arithmetic to pin a dateline's year by its weekday.
//!
//! Takes a month, day and weekday and gives the latest year, not after a reference date, in
//! which they fell together; also the `Date` type (the reference date of the options), and
//! the English month and weekday names that datelines and timestamps are matched against.
//! Proleptic Gregorian, via Howard Hinnant's days-from-civil algorithm: plain integer
//! arithmetic, rather than a date crate, for the one question asked of it.

use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian) that exists: made by `Date::new`, parsed from
/// `YYYY-MM-DD` by `FromStr`, shown as `YYYY-MM-DD` by `Display`. The fields are private so
/// that no 31 February can be built around `new`'s check. Dates order chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order is the order of `Ord`: year, then month, then day.
    year: i32,
    month: u8,
    day: u8,
}

/// Monday is 0, Sunday is 6.
pub type Weekday = u8;

// The English names of the calendar's months and weekdays are its own definition, kept here
// as constant tables rather than in src/data/: month 1 is MONTHS[0], weekday 0 WEEKDAYS[0].

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists (no 30 February, no month 13).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The year (astronomical numbering: 0 is 1 BC, negative years before it).
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (January) to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    fn to_unix_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it, for negative `days`); None when its
    /// year is past what an `i32` holds. Public so that a caller holding a clock reading can
    /// make today's date for `Options::with_reference_date` (the command line does: the
    /// library reads no clock), not by calendar arithmetic of its own.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Some(Date { year, month, day })
    }

    /// The day of the week (`Weekday`: Monday is 0); the calendar's own, to pin a year.
    fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        (self.to_unix_days() + 3).rem_euclid(7) as Weekday
    }
}

/// The latest year, not after `reference`, in which `month`/`day` fell on `weekday`.
/// Weekdays repeat within 400 years, so the search is bounded; only years of four digits
/// (0 to 9999) are given, as the record's dates are written.
pub fn latest_year_with_weekday(
    month: u8,
    day: u8,
    weekday: Weekday,
    reference: Date,
) -> Option<i32> {
    (reference.year.saturating_sub(400).max(0)..=reference.year.min(9999))
        .rev()
        .filter_map(|year| Date::new(year, month, day))
        .find(|date| *date <= reference && date.weekday() == weekday)
        .map(|date| date.year)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is no `Date`: not `YYYY-MM-DD` (four, two and two digits), or no such day.
/// It holds the string, which its message quotes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid date (expected YYYY-MM-DD): {0:?}")]
pub struct DateParseError(String);

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let err = || DateParseError(s.to_owned());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        let day = d.parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_000, 2_932_896] {
            assert_eq!(Date::from_unix_days(days).unwrap().to_unix_days(), days);
        }
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        let last = Date::new(i32::MAX, 12, 31).unwrap();
        assert_eq!(Date::from_unix_days(last.to_unix_days()), Some(last));
        assert_eq!(Date::from_unix_days(last.to_unix_days() + 1), None);
        assert_eq!(Date::from_unix_days(i64::MAX), None);
        assert_eq!(Date::from_unix_days(i64::MIN), None);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_unix_days(), 11_017);
    }

    #[test]
    fn weekdays() {
        assert_eq!(
            WEEKDAYS[Date::new(2023, 8, 15).unwrap().weekday() as usize],
            "Tuesday"
        );
        assert_eq!(
            WEEKDAYS[Date::new(2024, 12, 26).unwrap().weekday() as usize],
            "Thursday"
        );
        assert_eq!(
            WEEKDAYS[Date::new(1987, 3, 2).unwrap().weekday() as usize],
            "Monday"
        );
    }

    #[test]
    fn no_year_without_four_digits() {
        // 4 May fell on a Tuesday in year 1 BC (-1), the only such year in reach.
        let reference = Date::new(0, 5, 4).unwrap();
        let years: Vec<i32> = (0..7)
            .filter_map(|w| latest_year_with_weekday(5, 4, w, reference))
            .collect();
        assert!(years.iter().all(|y| (0..=9999).contains(y)), "{years:?}");
        assert!(years.len() < 7, "{years:?}");
    }

    #[test]
    fn latest_year_is_not_after_reference() {
        let reference = Date::new(2026, 11, 27).unwrap();
        // 15 August fell on a Tuesday in 2023, and not in 2024-2026.
        assert_eq!(latest_year_with_weekday(8, 15, 1, reference), Some(2023));
        // 27 November 2026 is a Friday: the reference day itself counts...
        assert_eq!(latest_year_with_weekday(11, 27, 4, reference), Some(2026));
        // ...but a later day of the same year does not.
        let saturday = Date::new(2026, 11, 28).unwrap().weekday();
        assert_eq!(
            latest_year_with_weekday(11, 28, saturday, reference),
            Some(2020)
        );
        // 29 February only exists in leap years.
        assert_eq!(latest_year_with_weekday(2, 29, 3, reference), Some(2024));
    }

    #[test]
    fn parses_iso_dates_strictly() {
        let date = "2023-08-15".parse::<Date>().unwrap();
        assert_eq!(date, Date::new(2023, 8, 15).unwrap());
        assert_eq!((date.year(), date.month(), date.day()), (2023, 8, 15));
        assert_eq!(date.to_string(), "2023-08-15");
        for bad in [
            "2023-8-15",
            "2023-02-30",
            "2023-13-01",
            "20230815",
            "2023-08-15-01",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}

//! Calendar dates and plan periods (`2027`, `2027-Q1`, `2027-03`).

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A calendar date, read from ISO `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Self { year, month, day })
    }

    pub fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = text[0..4].parse().ok()?;
        let month = text[5..7].parse().ok()?;
        let day = text[8..10].parse().ok()?;
        Self::new(year, month, day)
    }

    fn last_of_month(year: i32, month: u8) -> Self {
        Self {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}

impl Date {
    /// Days since 1970-01-01 (H. Hinnant's days-from-civil): the inverse of
    /// `from_days`.
    pub fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's civil-from-days).
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(1970),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// The working days (Monday to Friday) from `self` to `end`, both
    /// counted; 0 when `end` is before `self`. Public holidays are not known.
    pub fn working_days_to(self, end: Date) -> i64 {
        // Weekdays among the days before day `n`, counted from the Monday
        // 1969-12-29 (day -3).
        let before = |n: i64| {
            let m = n + 3;
            5 * m.div_euclid(7) + m.rem_euclid(7).min(5)
        };
        (before(end.days() + 1) - before(self.days())).max(0)
    }

    /// Today by the system clock (UTC).
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse(v).ok_or_else(|| E::custom(format!("`{v}` is not a date YYYY-MM-DD")))
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DateVisitor)
    }
}

/// A plan period: a year, a quarter or a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
}

impl Period {
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        if t.len() == 4 {
            return t.parse().ok().map(Period::Year);
        }
        let (y, rest) = t.split_once('-')?;
        if y.len() != 4 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
            let q: u8 = q.parse().ok()?;
            return (1..=4).contains(&q).then_some(Period::Quarter(year, q));
        }
        if rest.len() != 2 {
            return None;
        }
        let m: u8 = rest.parse().ok()?;
        (1..=12).contains(&m).then_some(Period::Month(year, m))
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    pub fn start(self) -> Date {
        let (year, month) = match self {
            Period::Year(y) => (y, 1),
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1),
            Period::Month(y, m) => (y, m),
        };
        Date {
            year,
            month,
            day: 1,
        }
    }

    pub fn end(self) -> Date {
        match self {
            Period::Year(y) => Date::last_of_month(y, 12),
            Period::Quarter(y, q) => Date::last_of_month(y, q * 3),
            Period::Month(y, m) => Date::last_of_month(y, m),
        }
    }

    pub fn contains(self, date: Date) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// Whether the two periods share a day.
    pub fn overlaps(self, other: Period) -> bool {
        self.start() <= other.end() && other.start() <= self.end()
    }

    /// Whether `other` lies wholly inside this period.
    pub fn covers(self, other: Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

struct PeriodVisitor;

impl Visitor<'_> for PeriodVisitor {
    type Value = Period;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a period: a year 2027, a quarter 2027-Q1 or a month 2027-03")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
        Period::parse(v).ok_or_else(|| {
            E::custom(format!(
                "`{v}` is not a period: write a year 2027, a quarter 2027-Q1 or a month 2027-03"
            ))
        })
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(PeriodVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_dates() {
        let q = Period::parse("2027-Q1").expect("quarter");
        assert_eq!(q.start(), Date::new(2027, 1, 1).expect("date"));
        assert_eq!(q.end(), Date::new(2027, 3, 31).expect("date"));
        assert_eq!(Period::parse("2028-02").expect("month").end().day, 29);
        assert!(Period::Year(2027).covers(q));
        assert!(Period::parse("2027-Q5").is_none());
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2027-3-1").is_none());
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_784).to_string(), "2026-11-27");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
        for days in [0, 11_016, 20_784, 21_184, 21_244, -1, 730_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
    }
}

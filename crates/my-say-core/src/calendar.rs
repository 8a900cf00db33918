//! Calendar dates, reporting years and working days, without a date library.
//!
//! A [`Date`] is a civil (proleptic Gregorian) calendar date with no time zone. Conversions to
//! and from a day count use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
//! Reporting years run from 1 April to 31 March, as IRO annual reports do.
//!
//! Reports count a booklet on the day it was finished *in the UK* ([`uk_date_of_timestamp`]):
//! a booklet finished at 00:30 on 1 April British Summer Time is stored as 23:30 UTC on
//! 31 March, and belongs to the new reporting year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date between the years 1 and 9999, ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived ordering compares year, then month, then day.
    y: i32,
    m: u8,
    d: u8,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a date written as YYYY-MM-DD (such as 2026-11-22)",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

/// The number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether a year has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// The date, or `None` if there is no such day (or the year is outside 1 to 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            y: year,
            m: month as u8,
            d: day as u8,
        })
    }

    /// A date known to be valid when the program is written (tables of bank holidays).
    const fn known(y: i32, m: u8, d: u8) -> Date {
        Date { y, m, d }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.y
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.m as u32
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        self.d as u32
    }

    /// Reads a date written exactly as `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        parse_ymd(s.as_bytes()).ok_or_else(|| DateError(s.to_owned()))
    }

    /// Days since 1 January 1970 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (self.m as i64, self.d as i64);
        let y = self.y as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400; // 0..=399
        let mp = (m + 9) % 12; // March is 0
        let doy = (153 * mp + 2) / 5 + d - 1; // 0..=365
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // 0..=146096
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1 January 1970. Days outside the years 1 to 9999 are
    /// clamped to the first or last day of that range.
    pub fn from_days_since_epoch(days: i64) -> Date {
        const FIRST: i64 = -719_162; // 0001-01-01
        const LAST: i64 = 2_932_896; // 9999-12-31
        let z = days.clamp(FIRST, LAST) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            y: y as i32,
            m: m as u8,
            d: d as u8,
        }
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The number of days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1 January 1970 was a Thursday (index 3 counting from Monday).
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// The last day of this date's month.
    fn last_of_month(self) -> Date {
        Date::known(self.y, self.m, days_in_month(self.y, self.m as u32) as u8)
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

fn parse_ymd(b: &[u8]) -> Option<Date> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Date::new(digits(&b[..4])? as i32, digits(&b[5..7])?, digits(&b[8..])?)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The last Sunday of a month, at which British Summer Time starts (March) or ends (October).
fn last_sunday(year: i32, month: u8) -> Date {
    let last = Date::known(year, month, 1).last_of_month();
    last.add_days(-((last.weekday() as i64 + 1) % 7))
}

/// The UK calendar date of an RFC 3339 timestamp such as `2013-03-31T23:30:00Z`.
///
/// The time is converted to UK civil time: GMT, or BST (UTC+1) from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October (the rules in force since 1996).
/// A timestamp with an offset other than `Z` is first brought to UTC. A bare date
/// (`2013-03-31`) is taken as it is, and so is the date of a timestamp whose time part cannot
/// be read. Returns `None` when the first ten characters are not a date.
pub fn uk_date_of_timestamp(timestamp: &str) -> Option<Date> {
    let b = timestamp.as_bytes();
    let date = parse_ymd(b.get(..10)?)?;
    Some(uk_date_from_utc_parts(date, &b[10..]).unwrap_or(date))
}

fn uk_date_from_utc_parts(date: Date, rest: &[u8]) -> Option<Date> {
    if rest.len() < 6 || !matches!(rest[0], b'T' | b't' | b' ') || rest[3] != b':' {
        return None;
    }
    let (h, min) = (digits(&rest[1..3])?, digits(&rest[4..6])?);
    // Skip seconds and any fraction, up to the offset.
    let offset_at = rest[6..]
        .iter()
        .position(|&c| matches!(c, b'Z' | b'z' | b'+' | b'-'))?
        + 6;
    let offset_minutes: i64 = match &rest[offset_at..] {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), hh @ .., b':', m1, m2] if hh.len() == 2 => {
            let value = i64::from(digits(hh)? * 60 + digits(&[*m1, *m2])?);
            if *sign == b'-' {
                -value
            } else {
                value
            }
        }
        _ => return None,
    };
    if h > 23 || min > 59 {
        return None;
    }
    if offset_minutes == 0 && h < 23 {
        // UK time is UTC or UTC+1, so before 23:00 UTC the UK date is the UTC date.
        return Some(date);
    }
    let local = date.days_since_epoch() * 1440 + i64::from(h * 60 + min);
    let utc = local - offset_minutes;
    let utc_year = Date::from_days_since_epoch(utc.div_euclid(1440)).year();
    let bst_from = last_sunday(utc_year, 3).days_since_epoch() * 1440 + 60;
    let bst_to = last_sunday(utc_year, 10).days_since_epoch() * 1440 + 60;
    let uk = if (bst_from..bst_to).contains(&utc) {
        utc + 60
    } else {
        utc
    };
    Some(Date::from_days_since_epoch(uk.div_euclid(1440)))
}

/// A reporting year: 1 April to the next 31 March, labelled like "2012/13".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportingYear {
    /// The calendar year in which it starts (2012 for 2012/13).
    pub starts_in: i32,
}

impl ReportingYear {
    /// The reporting year that starts on 1 April of `year`.
    pub fn starting_in(year: i32) -> ReportingYear {
        ReportingYear { starts_in: year }
    }

    /// The reporting year a date falls in: 31 March 2013 is in 2012/13, 1 April 2013 in 2013/14.
    pub fn containing(date: Date) -> ReportingYear {
        let starts_in = if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        };
        ReportingYear { starts_in }
    }

    /// 1 April.
    pub fn start(self) -> Date {
        Date::new(self.starts_in, 4, 1).unwrap_or(Date::known(1, 4, 1))
    }

    /// The following 31 March.
    pub fn end(self) -> Date {
        Date::new(self.starts_in + 1, 3, 31).unwrap_or(Date::known(9999, 3, 31))
    }

    /// 1 April to 31 March, both days included.
    pub fn period(self) -> Period {
        Period {
            from: self.start(),
            to: self.end(),
        }
    }

    /// The year before.
    pub fn previous(self) -> ReportingYear {
        ReportingYear::starting_in(self.starts_in - 1)
    }

    /// The year after.
    pub fn next(self) -> ReportingYear {
        ReportingYear::starting_in(self.starts_in + 1)
    }

    /// "2012/13".
    pub fn label(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ReportingYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{:02}",
            self.starts_in,
            (self.starts_in + 1).rem_euclid(100)
        )
    }
}

impl FromStr for ReportingYear {
    type Err = DateError;
    /// Reads a label such as "2012/13" (the second part must be the following year).
    fn from_str(s: &str) -> Result<ReportingYear, DateError> {
        let err = || DateError(s.to_owned());
        let (a, b) = s.split_once('/').ok_or_else(err)?;
        if a.len() != 4 || b.len() != 2 {
            return Err(err());
        }
        let year = digits(a.as_bytes()).ok_or_else(err)? as i32;
        let year = ReportingYear::starting_in(year);
        (year.to_string() == s).then_some(year).ok_or_else(err)
    }
}

/// A run of days, `from` and `to` both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// The first day.
    pub from: Date,
    /// The last day.
    pub to: Date,
}

impl Period {
    /// The period, or `None` if `to` is before `from`.
    pub fn new(from: Date, to: Date) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// Whether `date` is in the period (both ends included).
    pub fn contains(self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The number of days in the period, counting both ends.
    pub fn days(self) -> i64 {
        self.from.days_until(self.to) + 1
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

/// Whether a day is a working day: not a Saturday, Sunday or one of `bank_holidays`.
pub fn is_working_day(date: Date, bank_holidays: &[Date]) -> bool {
    !date.weekday().is_weekend() && !bank_holidays.contains(&date)
}

/// The date `n` working days after `date`, skipping weekends and `bank_holidays`
/// (Friday + 2 working days is Tuesday). `date` itself is never counted, whether or not it
/// is a working day; `n = 0` gives `date` back unchanged.
pub fn add_working_days(date: Date, n: u32, bank_holidays: &[Date]) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.add_days(1);
        if is_working_day(day, bank_holidays) {
            left -= 1;
        }
    }
    day
}

/// England and Wales bank holidays for 2024 to 2028, as published on GOV.UK, including
/// substitute days. This is only the starting list: the IRO can edit it, and the app
/// keeps the edited list.
pub const ENGLAND_AND_WALES_BANK_HOLIDAYS: [Date; 40] = [
    // 2024
    Date::known(2024, 1, 1),
    Date::known(2024, 3, 29),
    Date::known(2024, 4, 1),
    Date::known(2024, 5, 6),
    Date::known(2024, 5, 27),
    Date::known(2024, 8, 26),
    Date::known(2024, 12, 25),
    Date::known(2024, 12, 26),
    // 2025
    Date::known(2025, 1, 1),
    Date::known(2025, 4, 18),
    Date::known(2025, 4, 21),
    Date::known(2025, 5, 5),
    Date::known(2025, 5, 26),
    Date::known(2025, 8, 25),
    Date::known(2025, 12, 25),
    Date::known(2025, 12, 26),
    // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute day.
    Date::known(2026, 1, 1),
    Date::known(2026, 4, 3),
    Date::known(2026, 4, 6),
    Date::known(2026, 5, 4),
    Date::known(2026, 5, 25),
    Date::known(2026, 8, 31),
    Date::known(2026, 12, 25),
    Date::known(2026, 12, 28),
    // 2027: Christmas Day and Boxing Day fall at the weekend.
    Date::known(2027, 1, 1),
    Date::known(2027, 3, 26),
    Date::known(2027, 3, 29),
    Date::known(2027, 5, 3),
    Date::known(2027, 5, 31),
    Date::known(2027, 8, 30),
    Date::known(2027, 12, 27),
    Date::known(2027, 12, 28),
    // 2028: New Year's Day is a Saturday.
    Date::known(2028, 1, 3),
    Date::known(2028, 4, 14),
    Date::known(2028, 4, 17),
    Date::known(2028, 5, 1),
    Date::known(2028, 5, 29),
    Date::known(2028, 8, 28),
    Date::known(2028, 12, 25),
    Date::known(2028, 12, 26),
];

/// The default, editable list of bank holidays ([`ENGLAND_AND_WALES_BANK_HOLIDAYS`]).
pub fn default_bank_holidays() -> Vec<Date> {
    ENGLAND_AND_WALES_BANK_HOLIDAYS.to_vec()
}

/// Easter Sunday of a year (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::known(year, month as u8, day as u8)
}

/// The usual England and Wales bank holidays of a year, worked out from the standing rules
/// (New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last
/// Monday of August, Christmas Day and Boxing Day, with weekend days moved to the next free
/// weekday). One-off holidays (such as a coronation) are not included: offer this to fill in
/// a new year, and let the IRO check it against GOV.UK.
pub fn usual_england_and_wales_bank_holidays(year: i32) -> Vec<Date> {
    let first_monday = |m: u8| {
        let first = Date::known(year, m, 1);
        first.add_days((7 - first.weekday() as i64) % 7)
    };
    let last_monday = |m: u8| {
        let last = Date::known(year, m, 1).last_of_month();
        last.add_days(-(last.weekday() as i64))
    };
    let easter = easter_sunday(year);
    let mut days = Vec::with_capacity(8);
    let mut new_year = Date::known(year, 1, 1);
    while new_year.weekday().is_weekend() {
        new_year = new_year.add_days(1);
    }
    days.push(new_year);
    days.push(easter.add_days(-2));
    days.push(easter.add_days(1));
    days.push(first_monday(5));
    days.push(last_monday(5));
    days.push(last_monday(8));
    for christmas_day in [25, 26] {
        let mut day = Date::known(year, 12, christmas_day);
        while day.weekday().is_weekend() || days.contains(&day) {
            day = day.add_days(1);
        }
        days.push(day);
    }
    days
}

/// Reads a list of dates as an IRO types it: one per line (commas also separate, blank lines
/// and spaces are ignored), each written YYYY-MM-DD. Gives the dates sorted, each once, or
/// every entry that is not a date with its line number (from 1), so all of them can be put
/// right at once.
pub fn parse_date_list(text: &str) -> Result<Vec<Date>, Vec<(usize, DateError)>> {
    let mut dates = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for entry in line.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            match Date::parse(entry) {
                Ok(date) => dates.push(date),
                Err(e) => errors.push((n + 1, e)),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    dates.sort_unstable();
    dates.dedup();
    Ok(dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lists_as_typed() {
        assert_eq!(
            parse_date_list(" 2026-12-28\n\n2026-12-25, 2026-12-28\r\n"),
            Ok(vec![Date::known(2026, 12, 25), Date::known(2026, 12, 28)])
        );
        assert_eq!(parse_date_list(""), Ok(vec![]));
        let errors = parse_date_list("2026-12-25\n25/12/2026\n2026-02-30, x").unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines, [2, 3, 3]);
        assert_eq!(errors[0].1, DateError("25/12/2026".into()));
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_and_formats_iso_dates() {
        assert_eq!(d("2013-03-31").to_string(), "2013-03-31");
        assert_eq!(d("0001-01-01").to_string(), "0001-01-01");
        assert_eq!(d("2024-02-29").day(), 29);
        for bad in [
            "2023-02-29",
            "2013-3-31",
            "2013-13-01",
            "2013-00-10",
            "2013-04-31",
            "13-03-31xx",
            "2013/03/31",
            "",
            "2013-03-31T",
            "+013-03-31",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert_eq!("2026-11-22".parse::<Date>(), Ok(d("2026-11-22")));
        assert_eq!(
            serde_json::to_string(&d("2026-11-22")).unwrap(),
            "\"2026-11-22\""
        );
        assert_eq!(
            serde_json::from_str::<Date>("\"2026-11-22\"").unwrap(),
            d("2026-11-22")
        );
        assert!(serde_json::from_str::<Date>("\"22/11/2026\"").is_err());
    }

    #[test]
    fn day_numbers_match_the_epoch_and_round_trip() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("1969-12-31").days_since_epoch(), -1);
        // Step through 200,000 days by the calendar's own rules and check the day numbers.
        let mut day = d("1899-12-25");
        let first = day.days_since_epoch();
        for n in first + 1..first + 200_000 {
            let (y, m, dd) = (day.year(), day.month(), day.day());
            let next = if dd < days_in_month(y, m) {
                Date::new(y, m, dd + 1)
            } else if m < 12 {
                Date::new(y, m + 1, 1)
            } else {
                Date::new(y + 1, 1, 1)
            }
            .unwrap();
            assert!(next > day);
            assert_eq!(next.days_since_epoch(), n);
            assert_eq!(Date::from_days_since_epoch(n), next);
            assert_eq!(day.add_days(1), next);
            day = next;
        }
        assert_eq!(day, d("2447-07-24"));
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2023-02-28").add_days(1), d("2023-03-01"));
        assert_eq!(d("2013-01-01").add_days(-1), d("2012-12-31"));
        assert_eq!(d("2013-03-31").days_until(d("2013-04-01")), 1);
    }

    #[test]
    fn weekdays() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(d("2013-03-31").weekday(), Weekday::Sunday);
        assert_eq!(d("2026-11-22").weekday(), Weekday::Sunday);
        assert_eq!(d("2024-12-25").weekday(), Weekday::Wednesday);
        assert_eq!(d("1969-12-29").weekday(), Weekday::Monday);
    }

    #[test]
    fn reporting_years_run_april_to_march() {
        let y = ReportingYear::containing(d("2013-03-31"));
        assert_eq!(y.label(), "2012/13");
        assert_eq!(y.start(), d("2012-04-01"));
        assert_eq!(y.end(), d("2013-03-31"));
        assert_eq!(
            ReportingYear::containing(d("2013-04-01")).label(),
            "2013/14"
        );
        assert_eq!(
            ReportingYear::containing(d("2013-01-15")).label(),
            "2012/13"
        );
        assert_eq!(y.previous().label(), "2011/12");
        assert_eq!(y.next(), ReportingYear::containing(d("2013-04-01")));
        assert_eq!(ReportingYear::starting_in(1999).label(), "1999/00");
        assert_eq!("2012/13".parse::<ReportingYear>(), Ok(y));
        assert!("2012/14".parse::<ReportingYear>().is_err());
        assert!("2012-13".parse::<ReportingYear>().is_err());
        assert_eq!(y.period().days(), 365);
        assert_eq!(ReportingYear::starting_in(2023).period().days(), 366);
    }

    #[test]
    fn periods_include_both_ends() {
        let p = Period::new(d("2013-04-01"), d("2013-04-30")).unwrap();
        assert!(p.contains(d("2013-04-01")));
        assert!(p.contains(d("2013-04-30")));
        assert!(!p.contains(d("2013-05-01")));
        assert!(!p.contains(d("2013-03-31")));
        assert_eq!(p.days(), 30);
        assert!(Period::new(d("2013-04-02"), d("2013-04-01")).is_none());
    }

    #[test]
    fn uk_dates_of_utc_timestamps() {
        let uk = |s: &str| uk_date_of_timestamp(s).map(|d| d.to_string());
        // BST started on 31 March 2013 at 01:00 UTC.
        assert_eq!(uk("2013-03-31T22:59:59Z").as_deref(), Some("2013-03-31"));
        assert_eq!(uk("2013-03-31T23:00:00Z").as_deref(), Some("2013-04-01"));
        assert_eq!(uk("2013-03-31T00:30:00Z").as_deref(), Some("2013-03-31"));
        // Winter: UK time is UTC.
        assert_eq!(uk("2013-01-10T23:30:00Z").as_deref(), Some("2013-01-10"));
        // BST ended on 27 October 2013 at 01:00 UTC.
        assert_eq!(uk("2013-10-27T00:59:00Z").as_deref(), Some("2013-10-27"));
        assert_eq!(uk("2013-10-26T23:30:00Z").as_deref(), Some("2013-10-27"));
        assert_eq!(uk("2013-10-27T23:30:00Z").as_deref(), Some("2013-10-27"));
        // Fractions and offsets.
        assert_eq!(
            uk("2013-03-31T23:00:00.123Z").as_deref(),
            Some("2013-04-01")
        );
        assert_eq!(
            uk("2013-04-01T00:30:00+01:00").as_deref(),
            Some("2013-04-01")
        );
        assert_eq!(
            uk("2013-01-01T01:00:00+02:00").as_deref(),
            Some("2012-12-31")
        );
        assert_eq!(
            uk("2012-12-31T20:00:00-05:00").as_deref(),
            Some("2013-01-01")
        );
        // A bare date, or an unreadable time, keeps its written date.
        assert_eq!(uk("2013-03-31").as_deref(), Some("2013-03-31"));
        assert_eq!(uk("2013-03-31T99:99").as_deref(), Some("2013-03-31"));
        assert_eq!(uk("31/03/2013"), None);
        assert_eq!(uk(""), None);
    }

    #[test]
    fn working_days_skip_weekends_and_bank_holidays() {
        let hols = default_bank_holidays();
        let add = |s: &str, n| add_working_days(d(s), n, &hols).to_string();
        // Friday + 2 working days = Tuesday.
        assert_eq!(d("2025-11-21").weekday(), Weekday::Friday);
        assert_eq!(add("2025-11-21", 2), "2025-11-25");
        assert_eq!(add("2025-11-17", 2), "2025-11-19");
        // From a Saturday: Monday is the first working day.
        assert_eq!(add("2025-11-22", 2), "2025-11-25");
        assert_eq!(add("2025-11-21", 0), "2025-11-21");
        // Christmas 2026: Fri 25 and Mon 28 (Boxing Day substitute) are holidays.
        assert_eq!(add("2026-12-24", 2), "2026-12-30");
        // Christmas 2027: Mon 27 and Tue 28 are substitute days.
        assert_eq!(add("2027-12-24", 1), "2027-12-29");
        // Easter 2025: Good Friday 18 April, Easter Monday 21 April.
        assert_eq!(add("2025-04-17", 2), "2025-04-23");
        // New Year 2028 falls on a Saturday; Monday 3 January is the holiday.
        assert_eq!(add("2027-12-31", 1), "2028-01-04");
        // Without the holidays the same sums only skip weekends.
        assert_eq!(
            add_working_days(d("2026-12-24"), 2, &[]).to_string(),
            "2026-12-28"
        );
    }

    #[test]
    fn bank_holiday_table_is_valid_and_follows_the_rules() {
        for h in ENGLAND_AND_WALES_BANK_HOLIDAYS {
            assert_eq!(Date::new(h.year(), h.month(), h.day()), Some(h), "{h}");
            assert!(!h.weekday().is_weekend(), "{h}");
        }
        assert_eq!(easter_sunday(2024), d("2024-03-31"));
        assert_eq!(easter_sunday(2025), d("2025-04-20"));
        assert_eq!(easter_sunday(2027), d("2027-03-28"));
        assert_eq!(easter_sunday(2028), d("2028-04-16"));
        let mut computed = Vec::new();
        for year in 2024..=2028 {
            computed.extend(usual_england_and_wales_bank_holidays(year));
        }
        assert_eq!(computed, ENGLAND_AND_WALES_BANK_HOLIDAYS.to_vec());
    }
}

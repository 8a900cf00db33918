//! Calendar dates, reporting years and working days, on `chrono`'s [`NaiveDate`].
//!
//! A [`Date`] is a civil (proleptic Gregorian) calendar date with no time zone, between the
//! years 1 and 9999. `chrono` does the calendar itself: which dates exist, day counts, adding
//! days and months, weekdays, whole years between two dates. What stays ours is written here:
//! the strict `YYYY-MM-DD` form dates are read and written in, UK civil time (GMT, or BST
//! between the last Sundays of March and October) for the day a booklet was finished,
//! reporting years (1 April to 31 March, as IRO annual reports run), and the England and Wales
//! bank holidays with their Easter and substitute-day rules.
//!
//! Reports count a booklet on the day it was finished *in the UK* ([`uk_date_of_timestamp`]):
//! a booklet finished at 00:30 on 1 April British Summer Time is stored as 23:30 UTC on
//! 31 March, and belongs to the new reporting year.
//!
//! **Every loop over days is bounded.** Sums that would leave the years 1 to 9999 give
//! [`CalendarError::OutOfRange`] ([`Date::checked_add_days`], [`add_working_days`]), or stop at
//! the first or last day where the documentation says so ([`Date::add_days`]); a search for the
//! next working day gives up with [`CalendarError::NoWorkingDay`] after
//! [`MAX_DAYS_TO_A_WORKING_DAY`] days of weekends and holidays.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

/// A calendar date between the years 1 and 9999, ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

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

/// Why a sum of days could not be worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// The answer would fall before 1 January of the year 1 or after 31 December 9999.
    OutOfRange {
        /// The date counted from.
        from: Date,
        /// The days added (negative: taken away).
        days: i64,
    },
    /// Every one of the [`MAX_DAYS_TO_A_WORKING_DAY`] days after `after` is a weekend day or a
    /// bank holiday, so the list of bank holidays cannot be right.
    NoWorkingDay {
        /// The day the search started after.
        after: Date,
    },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::OutOfRange { from, days } => write!(
                f,
                "{days} days from {from} is outside the years 1 to 9999"
            ),
            CalendarError::NoWorkingDay { after } => write!(
                f,
                "there is no working day in the {MAX_DAYS_TO_A_WORKING_DAY} days after {after}: check the bank holidays"
            ),
        }
    }
}

impl std::error::Error for CalendarError {}

/// The number of days in a month of a year (0 for a month that is not 1 to 12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&day| NaiveDate::from_ymd_opt(year, month, day).is_some())
        .unwrap_or(0)
}

/// Whether a year has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// Days from 1 January of the year 1 (day 1 in `chrono`'s count) to 1 January 1970.
const EPOCH_FROM_CE: i64 = 719_163;

impl Date {
    /// 1 January of the year 1, the first date there is.
    pub const FIRST: Date = Date::known(1, 1, 1);
    /// 31 December 9999, the last date there is.
    pub const LAST: Date = Date::known(9999, 12, 31);

    /// The date, or `None` if there is no such day (or the year is outside 1 to 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// A date known to be valid when the program is written (tables of bank holidays). Only
    /// used in constants, so a wrong one stops the build.
    const fn known(y: i32, m: u32, d: u32) -> Date {
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => Date(date),
            None => panic!("not a calendar date"),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// Reads a date written exactly as `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        parse_ymd(s.as_bytes()).ok_or_else(|| DateError(s.to_owned()))
    }

    /// Days since 1 January 1970 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        i64::from(self.0.num_days_from_ce()) - EPOCH_FROM_CE
    }

    /// The date a number of days after 1 January 1970. Days outside the years 1 to 9999 are
    /// clamped to [`Date::FIRST`] or [`Date::LAST`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let first = Date::FIRST.days_since_epoch();
        let last = Date::LAST.days_since_epoch();
        let ce = days.clamp(first, last) + EPOCH_FROM_CE;
        i32::try_from(ce)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .map_or(Date::LAST, Date)
    }

    /// The date `days` later (earlier when negative), or [`CalendarError::OutOfRange`] when
    /// that is outside the years 1 to 9999.
    pub fn checked_add_days(self, days: i64) -> Result<Date, CalendarError> {
        let moved = if days >= 0 {
            self.0.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            self.0.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        moved
            .filter(|d| (1..=9999).contains(&d.year()))
            .map(Date)
            .ok_or(CalendarError::OutOfRange { from: self, days })
    }

    /// The date `days` later (earlier when negative). Saturates: a sum past the end of the
    /// calendar gives [`Date::LAST`], one before its start [`Date::FIRST`]. Use
    /// [`Date::checked_add_days`] where running off the calendar must be noticed.
    pub fn add_days(self, days: i64) -> Date {
        self.checked_add_days(days)
            .unwrap_or(if days < 0 { Date::FIRST } else { Date::LAST })
    }

    /// The number of days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        Weekday::ALL[self.0.weekday().num_days_from_monday() as usize]
    }

    /// The same day a year earlier, 29 February becoming 28 February; `None` in the year 1.
    pub fn year_before(self) -> Option<Date> {
        self.0
            .checked_sub_months(Months::new(12))
            .filter(|d| d.year() >= 1)
            .map(Date)
    }

    /// The last day of this date's month.
    fn last_of_month(self) -> Date {
        Date::new(
            self.year(),
            self.month(),
            days_in_month(self.year(), self.month()),
        )
        .unwrap_or(self)
    }
}

/// The age in whole years, on `day`, of someone born on `date_of_birth`: a birthday counts from
/// the day itself, and someone born on 29 February turns a year older on 1 March in other
/// years. `None` when `day` is before the birth.
pub fn age_on(date_of_birth: Date, day: Date) -> Option<u32> {
    day.0.years_since(date_of_birth.0)
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// The strict `YYYY-MM-DD` shape is ours (chrono's own reader also takes `2013-3-31` and
/// `+2013-03-31`); chrono then says whether the day exists.
fn parse_ymd(b: &[u8]) -> Option<Date> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Date::new(digits(&b[..4])? as i32, digits(&b[5..7])?, digits(&b[8..])?)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
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
fn last_sunday(year: i32, month: u32) -> Option<Date> {
    let last = Date::new(year, month, 1)?.last_of_month();
    Some(last.add_days(-((last.weekday() as i64 + 1) % 7)))
}

/// A moment on the UK's clock: the calendar day and the time of day (GMT or BST).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UkTime {
    /// The UK calendar day.
    pub date: Date,
    /// The hour, 0 to 23.
    pub hour: u32,
    /// The minute, 0 to 59.
    pub minute: u32,
}

impl fmt::Display for UkTime {
    /// "2026-11-20 18:30".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:{:02}", self.date, self.hour, self.minute)
    }
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
    let rest = &b[10..];
    // UK time is UTC or UTC+1, so before 23:00 UTC the UK date is the UTC date.
    if let [b'T' | b't' | b' ', h1, h2, b':', _, _, .., b'Z' | b'z'] = rest {
        if digits(&[*h1, *h2]).is_some_and(|h| h < 23) {
            return Some(date);
        }
    }
    Some(uk_minutes(date, rest).map_or(date, |m| Date::from_days_since_epoch(m.div_euclid(1440))))
}

/// The UK date and time of an RFC 3339 timestamp (see [`uk_date_of_timestamp`] for the
/// rules), such as 18:30 on a Friday for `2026-11-20T18:30:00Z` or `2026-06-19T17:30:00Z`.
/// `None` when the date or the time cannot be read (a bare date has no time).
pub fn uk_time_of_timestamp(timestamp: &str) -> Option<UkTime> {
    let b = timestamp.as_bytes();
    let date = parse_ymd(b.get(..10)?)?;
    let m = uk_minutes(date, &b[10..])?;
    let minute_of_day = m.rem_euclid(1440) as u32;
    Some(UkTime {
        date: Date::from_days_since_epoch(m.div_euclid(1440)),
        hour: minute_of_day / 60,
        minute: minute_of_day % 60,
    })
}

/// Minutes since 1970-01-01 00:00 UTC of an RFC 3339 timestamp such as `2026-11-20T18:30:00Z`
/// (seconds are dropped); `None` when it is not a date and a time.
pub fn utc_minutes_of_timestamp(timestamp: &str) -> Option<i64> {
    let b = timestamp.as_bytes();
    utc_minutes(parse_ymd(b.get(..10)?)?, &b[10..])
}

/// UK civil time, in minutes since 1970-01-01 00:00, of `date` and the time part `rest`
/// (`T23:30:00Z`, `T00:30:00.5+01:00`, ...); `None` when the time part cannot be read.
fn uk_minutes(date: Date, rest: &[u8]) -> Option<i64> {
    let utc = utc_minutes(date, rest)?;
    let utc_year = Date::from_days_since_epoch(utc.div_euclid(1440)).year();
    let bst = match (last_sunday(utc_year, 3), last_sunday(utc_year, 10)) {
        (Some(from), Some(to)) => {
            let from = from.days_since_epoch() * 1440 + 60;
            let to = to.days_since_epoch() * 1440 + 60;
            (from..to).contains(&utc)
        }
        _ => false,
    };
    Some(if bst { utc + 60 } else { utc })
}

/// UTC, in minutes since 1970-01-01 00:00, of `date` and the time part `rest`.
fn utc_minutes(date: Date, rest: &[u8]) -> Option<i64> {
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
    let local = date.days_since_epoch() * 1440 + i64::from(h * 60 + min);
    Some(local - offset_minutes)
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

    /// The same dates a year earlier ([`Date::year_before`]: 29 February becomes
    /// 28 February), to compare any period with; `None` for a period starting in the year 1.
    pub fn year_before(self) -> Option<Period> {
        Period::new(self.from.year_before()?, self.to.year_before()?)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

/// The longest run of weekend days and bank holidays a search for the next working day looks
/// through before giving up with [`CalendarError::NoWorkingDay`] (a year and a day).
pub const MAX_DAYS_TO_A_WORKING_DAY: i64 = 366;

/// Whether a day is a working day: not a Saturday, Sunday or one of `bank_holidays`.
pub fn is_working_day(date: Date, bank_holidays: &[Date]) -> bool {
    !date.weekday().is_weekend() && !bank_holidays.contains(&date)
}

/// The first working day after `date`, looking at most [`MAX_DAYS_TO_A_WORKING_DAY`] days ahead.
pub fn next_working_day(date: Date, bank_holidays: &[Date]) -> Result<Date, CalendarError> {
    for step in 1..=MAX_DAYS_TO_A_WORKING_DAY {
        let day = date.checked_add_days(step)?;
        if is_working_day(day, bank_holidays) {
            return Ok(day);
        }
    }
    Err(CalendarError::NoWorkingDay { after: date })
}

/// The date `n` working days after `date`, skipping weekends and `bank_holidays`
/// (Friday + 2 working days is Tuesday). `date` itself is never counted, whether or not it
/// is a working day; `n = 0` gives `date` back unchanged.
///
/// Bounded: [`CalendarError::OutOfRange`] when the count runs past 31 December 9999, and
/// [`CalendarError::NoWorkingDay`] when a year's worth of days in a row are all holidays.
pub fn add_working_days(date: Date, n: u32, bank_holidays: &[Date]) -> Result<Date, CalendarError> {
    let mut day = date;
    for _ in 0..n {
        day = next_working_day(day, bank_holidays)?;
    }
    Ok(day)
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

/// Easter Sunday of a year (the anonymous Gregorian algorithm); `None` outside the years 1 to
/// 9999.
pub fn easter_sunday(year: i32) -> Option<Date> {
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
    Date::new(year, month as u32, day as u32)
}

/// The first day from `day` on (at most a week on) that is a weekday and not in `taken`.
fn first_free_weekday(day: Date, taken: &[Date]) -> Date {
    (0..7)
        .map(|n| day.add_days(n))
        .find(|d| !d.weekday().is_weekend() && !taken.contains(d))
        .unwrap_or(day)
}

/// The usual England and Wales bank holidays of a year, worked out from the standing rules
/// (New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last
/// Monday of August, Christmas Day and Boxing Day, with weekend days moved to the next free
/// weekday). One-off holidays (such as a coronation) and moved ones (such as the early May
/// holiday of 2020) are not included: the published list overrides the rules for a year it has
/// ([`bank_holidays_for_years`]). Empty outside the years 1 to 9999.
pub fn usual_england_and_wales_bank_holidays(year: i32) -> Vec<Date> {
    let (Some(new_year), Some(easter)) = (Date::new(year, 1, 1), easter_sunday(year)) else {
        return Vec::new();
    };
    let first_monday = |m: u32| {
        let first = Date::new(year, m, 1).unwrap_or(new_year);
        first.add_days((7 - first.weekday() as i64) % 7)
    };
    let last_monday = |m: u32| {
        let last = Date::new(year, m, 1).unwrap_or(new_year).last_of_month();
        last.add_days(-(last.weekday() as i64))
    };
    let mut days = Vec::with_capacity(8);
    days.push(first_free_weekday(new_year, &[]));
    days.push(easter.add_days(-2));
    days.push(easter.add_days(1));
    days.push(first_monday(5));
    days.push(last_monday(5));
    days.push(last_monday(8));
    for christmas_day in [25, 26] {
        let day = Date::new(year, 12, christmas_day).unwrap_or(new_year);
        let free = first_free_weekday(day, &days);
        days.push(free);
    }
    days
}

/// Where the bank holidays of a year come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidaySource {
    /// The IRO's list has at least one day in the year, so the list is taken as the year's
    /// published holidays, special days included.
    Published,
    /// The list has no day in the year: [`usual_england_and_wales_bank_holidays`] stands in.
    Rules,
}

/// Where the bank holidays of `year` come from, given the IRO's list.
pub fn holiday_source(published: &[Date], year: i32) -> HolidaySource {
    if published.iter().any(|d| d.year() == year) {
        HolidaySource::Published
    } else {
        HolidaySource::Rules
    }
}

/// The bank holidays working-day sums over `years` skip: every day of `published` (the IRO's
/// list: the published days, special days included, and local ones), and for each year in
/// `years` that `published` has no day in, the usual days from the rules. A year in the list
/// overrides the rules entirely, so a holiday moved or added by proclamation is kept and the
/// rule's day is not added beside it. Years outside 1 to 9999 are left out. Sorted, each once.
pub fn bank_holidays_for_years(published: &[Date], years: RangeInclusive<i32>) -> Vec<Date> {
    let years = (*years.start()).max(1)..=(*years.end()).min(9999);
    let mut all = published.to_vec();
    for year in years {
        if holiday_source(published, year) == HolidaySource::Rules {
            all.extend(usual_england_and_wales_bank_holidays(year));
        }
    }
    all.sort_unstable();
    all.dedup();
    all
}

/// The years, in order and each once, of `years` whose bank holidays come from the rules rather
/// than the IRO's list.
pub fn years_from_rules(published: &[Date], years: impl IntoIterator<Item = i32>) -> Vec<i32> {
    let mut out: Vec<i32> = years
        .into_iter()
        .filter(|&y| holiday_source(published, y) == HolidaySource::Rules)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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
        let add = |s: &str, n| add_working_days(d(s), n, &hols).unwrap().to_string();
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
            add_working_days(d("2026-12-24"), 2, &[])
                .unwrap()
                .to_string(),
            "2026-12-28"
        );
    }

    #[test]
    fn bank_holiday_table_is_valid_and_follows_the_rules() {
        for h in ENGLAND_AND_WALES_BANK_HOLIDAYS {
            assert_eq!(Date::new(h.year(), h.month(), h.day()), Some(h), "{h}");
            assert!(!h.weekday().is_weekend(), "{h}");
        }
        assert_eq!(easter_sunday(2024), Some(d("2024-03-31")));
        assert_eq!(easter_sunday(2025), Some(d("2025-04-20")));
        assert_eq!(easter_sunday(2027), Some(d("2027-03-28")));
        assert_eq!(easter_sunday(2028), Some(d("2028-04-16")));
        let mut computed = Vec::new();
        for year in 2024..=2028 {
            computed.extend(usual_england_and_wales_bank_holidays(year));
        }
        assert_eq!(computed, ENGLAND_AND_WALES_BANK_HOLIDAYS.to_vec());
    }
}

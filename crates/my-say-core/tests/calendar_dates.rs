//! The calendar on chrono, bank holidays from the rules after the published list, bounded day
//! loops, and follow-up due dates counted from when the child finished, 2024 to 2035.
//!
//! Expected dates were worked out apart from this code (Easter from `dateutil.easter`, the
//! substitute days by hand against GOV.UK's published lists for 2024 to 2028).

use my_say_core::calendar::{
    add_working_days, age_on, bank_holidays_for_years, default_bank_holidays, easter_sunday,
    holiday_source, is_working_day, next_working_day, uk_date_of_timestamp, uk_time_of_timestamp,
    usual_england_and_wales_bank_holidays, years_from_rules, CalendarError, Date, HolidaySource,
    Period, Weekday, MAX_DAYS_TO_A_WORKING_DAY,
};
use my_say_core::followup::{due_date, try_due_date, DUE_IN_WORKING_DAYS};
use proptest::prelude::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The due date of a booklet finished at `timestamp` (UTC, as the tablet stores it), with the
/// England and Wales list the app starts with and the rules after it.
fn due_after_finishing(timestamp: &str) -> Date {
    let finished = uk_date_of_timestamp(timestamp).unwrap();
    due_date(finished, &default_bank_holidays())
}

const EASTER_SUNDAYS: [(i32, &str); 12] = [
    (2024, "2024-03-31"),
    (2025, "2025-04-20"),
    (2026, "2026-04-05"),
    (2027, "2027-03-28"),
    (2028, "2028-04-16"),
    (2029, "2029-04-01"),
    (2030, "2030-04-21"),
    (2031, "2031-04-13"),
    (2032, "2032-03-28"),
    (2033, "2033-04-17"),
    (2034, "2034-04-09"),
    (2035, "2035-03-25"),
];

#[test]
fn easter_2024_to_2035() {
    for (year, sunday) in EASTER_SUNDAYS {
        assert_eq!(easter_sunday(year), Some(d(sunday)), "{year}");
        let rules = usual_england_and_wales_bank_holidays(year);
        assert_eq!(rules[1], d(sunday).add_days(-2), "Good Friday {year}");
        assert_eq!(rules[2], d(sunday).add_days(1), "Easter Monday {year}");
        assert_eq!(rules[1].weekday(), Weekday::Friday);
        assert_eq!(rules[2].weekday(), Weekday::Monday);
    }
    assert_eq!(easter_sunday(0), None);
    assert_eq!(easter_sunday(10_000), None);
}

#[test]
fn the_rules_give_the_published_days_and_the_substitutes_2024_to_2035() {
    // Christmas Day and Boxing Day on a weekend move to the next free weekdays, and so does
    // New Year's Day.
    let expected: [(i32, [&str; 8]); 7] = [
        (
            2026,
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28",
            ],
        ), // Boxing Day a Saturday
        (
            2027,
            [
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28",
            ],
        ), // Saturday and Sunday
        (
            2028,
            [
                "2028-01-03",
                "2028-04-14",
                "2028-04-17",
                "2028-05-01",
                "2028-05-29",
                "2028-08-28",
                "2028-12-25",
                "2028-12-26",
            ],
        ), // New Year's Day a Saturday
        (
            2032,
            [
                "2032-01-01",
                "2032-03-26",
                "2032-03-29",
                "2032-05-03",
                "2032-05-31",
                "2032-08-30",
                "2032-12-27",
                "2032-12-28",
            ],
        ), // Saturday and Sunday
        (
            2033,
            [
                "2033-01-03",
                "2033-04-15",
                "2033-04-18",
                "2033-05-02",
                "2033-05-30",
                "2033-08-29",
                "2033-12-26",
                "2033-12-27",
            ],
        ), // Christmas a Sunday
        (
            2034,
            [
                "2034-01-02",
                "2034-04-07",
                "2034-04-10",
                "2034-05-01",
                "2034-05-29",
                "2034-08-28",
                "2034-12-25",
                "2034-12-26",
            ],
        ), // New Year's Day a Sunday
        (
            2035,
            [
                "2035-01-01",
                "2035-03-23",
                "2035-03-26",
                "2035-05-07",
                "2035-05-28",
                "2035-08-27",
                "2035-12-25",
                "2035-12-26",
            ],
        ),
    ];
    for (year, days) in expected {
        let got: Vec<String> = usual_england_and_wales_bank_holidays(year)
            .iter()
            .map(Date::to_string)
            .collect();
        assert_eq!(got, days, "{year}");
    }
    for year in 2024..=2035 {
        let days = usual_england_and_wales_bank_holidays(year);
        assert_eq!(days.len(), 8, "{year}");
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{year} in order");
        assert!(days
            .iter()
            .all(|h| h.year() == year && !h.weekday().is_weekend()));
    }
    // The published list the app starts with is the rules for 2024 to 2028.
    let rules: Vec<Date> = (2024..=2028)
        .flat_map(usual_england_and_wales_bank_holidays)
        .collect();
    assert_eq!(rules, default_bank_holidays());
}

#[test]
fn a_published_year_overrides_the_rules_and_other_years_are_filled() {
    // 2020 as published: the early May holiday moved to Friday 8 May for VE Day.
    let published = [
        d("2020-01-01"),
        d("2020-04-10"),
        d("2020-04-13"),
        d("2020-05-08"),
    ];
    let all = bank_holidays_for_years(&published, 2020..=2021);
    assert!(all.contains(&d("2020-05-08")));
    assert!(
        !all.contains(&d("2020-05-04")),
        "the rule's day is not added to a published year"
    );
    assert!(all.contains(&d("2021-05-03")), "2021 comes from the rules");
    assert_eq!(holiday_source(&published, 2020), HolidaySource::Published);
    assert_eq!(holiday_source(&published, 2021), HolidaySource::Rules);
    assert_eq!(
        years_from_rules(&published, [2021, 2020, 2021, 2019]),
        [2019, 2021]
    );
    // Every published day is kept, even outside the years asked for.
    assert!(bank_holidays_for_years(&published, 2030..=2030).contains(&d("2020-05-08")));
    // Years outside the calendar add nothing and do not loop.
    assert_eq!(bank_holidays_for_years(&[], 9999..=10_005).len(), 8);
    assert!(usual_england_and_wales_bank_holidays(10_000).is_empty());
    assert!(usual_england_and_wales_bank_holidays(0).is_empty());
}

#[test]
fn friday_evening_in_bst_and_gmt_is_due_on_tuesday_2024_to_2035() {
    // The second Friday of June (BST, UTC+1) and of November (GMT) each year; 18:30 UK time.
    let fridays: [(&str, &str, &str, &str); 12] = [
        ("2024-06-14", "2024-06-18", "2024-11-08", "2024-11-12"),
        ("2025-06-13", "2025-06-17", "2025-11-14", "2025-11-18"),
        ("2026-06-12", "2026-06-16", "2026-11-13", "2026-11-17"),
        ("2027-06-11", "2027-06-15", "2027-11-12", "2027-11-16"),
        ("2028-06-09", "2028-06-13", "2028-11-10", "2028-11-14"),
        ("2029-06-08", "2029-06-12", "2029-11-09", "2029-11-13"),
        ("2030-06-14", "2030-06-18", "2030-11-08", "2030-11-12"),
        ("2031-06-13", "2031-06-17", "2031-11-14", "2031-11-18"),
        ("2032-06-11", "2032-06-15", "2032-11-12", "2032-11-16"),
        ("2033-06-10", "2033-06-14", "2033-11-11", "2033-11-15"),
        ("2034-06-09", "2034-06-13", "2034-11-10", "2034-11-14"),
        ("2035-06-08", "2035-06-12", "2035-11-09", "2035-11-13"),
    ];
    for (summer, summer_due, winter, winter_due) in fridays {
        assert_eq!(d(summer).weekday(), Weekday::Friday);
        assert_eq!(d(winter).weekday(), Weekday::Friday);
        // 18:30 BST is 17:30 UTC; 18:30 GMT is 18:30 UTC.
        let bst = format!("{summer}T17:30:00Z");
        let gmt = format!("{winter}T18:30:00Z");
        assert_eq!(
            uk_time_of_timestamp(&bst).unwrap().to_string(),
            format!("{summer} 18:30")
        );
        assert_eq!(
            uk_time_of_timestamp(&gmt).unwrap().to_string(),
            format!("{winter} 18:30")
        );
        assert_eq!(due_after_finishing(&bst), d(summer_due), "{bst}");
        assert_eq!(due_after_finishing(&gmt), d(winter_due), "{gmt}");
        // 00:30 on Saturday BST is still Friday in UTC: the UK day (Saturday) counts, and
        // Monday is the first working day after it, so it is due on Tuesday too.
        let after_midnight = format!("{summer}T23:30:00Z");
        assert_eq!(
            uk_date_of_timestamp(&after_midnight),
            Some(d(summer).add_days(1))
        );
        assert_eq!(due_after_finishing(&after_midnight), d(summer_due));
        // 00:30 on Friday BST is 23:30 on Thursday UTC: counted from the UK day, Friday, it is
        // due on Tuesday (the UTC day, Thursday, would wrongly give Monday).
        let thursday_utc = format!("{}T23:30:00Z", d(summer).add_days(-1));
        assert_eq!(uk_date_of_timestamp(&thursday_utc), Some(d(summer)));
        assert_eq!(due_after_finishing(&thursday_utc), d(summer_due));
    }
}

#[test]
fn finished_before_easter_is_due_after_easter_monday_2024_to_2035() {
    for (year, sunday) in EASTER_SUNDAYS {
        let maundy_thursday = d(sunday).add_days(-3);
        let ts = format!("{maundy_thursday}T16:00:00Z");
        // Good Friday, the weekend and Easter Monday are skipped: Tuesday, then Wednesday.
        assert_eq!(due_after_finishing(&ts), d(sunday).add_days(3), "{year}");
        // Without any list at all, the rules alone give the same.
        assert_eq!(
            due_date(maundy_thursday, &[]),
            d(sunday).add_days(3),
            "{year}"
        );
    }
}

#[test]
fn finished_on_christmas_eve_2024_to_2035() {
    let expected = [
        (2024, "2024-12-30"),
        (2025, "2025-12-30"),
        (2026, "2026-12-30"),
        (2027, "2027-12-30"),
        (2028, "2028-12-28"),
        (2029, "2029-12-28"),
        (2030, "2030-12-30"),
        (2031, "2031-12-30"),
        (2032, "2032-12-30"),
        (2033, "2033-12-29"),
        (2034, "2034-12-28"),
        (2035, "2035-12-28"),
    ];
    for (year, due) in expected {
        let ts = format!("{year}-12-24T20:00:00Z");
        assert_eq!(due_after_finishing(&ts), d(due), "{year}");
    }
    // Finished on 31 December 2028, the last day of the published list: due after New Year's
    // Day 2029, which only the rules know.
    assert_eq!(due_after_finishing("2028-12-29T18:30:00Z"), d("2029-01-03"));
}

#[test]
fn day_loops_end_at_the_end_of_the_calendar() {
    let last = d("9999-12-31");
    assert_eq!(last, Date::LAST);
    assert_eq!(last.add_days(1), last, "saturates");
    assert_eq!(Date::FIRST.add_days(-1), Date::FIRST, "saturates");
    assert_eq!(
        last.checked_add_days(1),
        Err(CalendarError::OutOfRange {
            from: last,
            days: 1
        })
    );
    assert_eq!(
        d("2026-01-01").checked_add_days(i64::MAX).map_err(|_| ()),
        Err(())
    );
    // A bank holiday on the last day there is: this used to loop for ever.
    let hols = [last];
    assert!(matches!(
        add_working_days(d("9999-12-29"), 2, &hols),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        next_working_day(last, &[]),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert_eq!(
        add_working_days(d("9999-12-29"), 1, &hols),
        Ok(d("9999-12-30"))
    );
    assert!(add_working_days(d("9999-12-20"), u32::MAX, &[]).is_err());
    assert!(try_due_date(last, &hols).is_err());
    assert_eq!(
        due_date(last, &hols),
        last,
        "a due date that cannot be worked out is the start"
    );
    assert_eq!(due_date(d("9999-12-30"), &hols), d("9999-12-30"));
    // A list that leaves no working day for more than a year gives up instead of hanging.
    let start = d("2030-01-01");
    let every_day: Vec<Date> = (1..=MAX_DAYS_TO_A_WORKING_DAY + 10)
        .map(|n| start.add_days(n))
        .collect();
    assert_eq!(
        add_working_days(start, 2, &every_day),
        Err(CalendarError::NoWorkingDay { after: start })
    );
    assert_eq!(due_date(start, &every_day), start);
    // Bank holidays for the last year there is.
    assert_eq!(usual_england_and_wales_bank_holidays(9999).len(), 8);
}

#[test]
fn ages_and_the_year_before() {
    let age = |dob: &str, on: &str| age_on(d(dob), d(on));
    assert_eq!(age("2016-11-22", "2026-11-22"), Some(10));
    assert_eq!(age("2016-11-23", "2026-11-22"), Some(9));
    assert_eq!(age("2020-02-29", "2026-02-28"), Some(5));
    assert_eq!(age("2020-02-29", "2026-03-01"), Some(6));
    assert_eq!(age("2020-02-29", "2024-02-29"), Some(4));
    assert_eq!(age("2026-11-22", "2026-11-22"), Some(0));
    assert_eq!(age("2027-01-01", "2026-11-22"), None);

    assert_eq!(d("2024-02-29").year_before(), Some(d("2023-02-28")));
    assert_eq!(d("2025-03-01").year_before(), Some(d("2024-03-01")));
    assert_eq!(d("0001-06-01").year_before(), None);
    let p = Period::new(d("2024-02-01"), d("2024-02-29")).unwrap();
    assert_eq!(
        p.year_before(),
        Period::new(d("2023-02-01"), d("2023-02-28"))
    );
    assert_eq!(
        Period::new(Date::FIRST, d("0002-01-01"))
            .unwrap()
            .year_before(),
        None
    );
}

fn any_date() -> impl Strategy<Value = Date> {
    (1900i64..2200 * 365).prop_map(|n| Date::from_days_since_epoch(n - 70 * 365 - 17))
}

proptest! {
    /// n working days later is a working day, and exactly n working days lie after the start
    /// up to and including it.
    #[test]
    fn working_days_are_counted_exactly(
        start in any_date(),
        n in 0u32..12,
        offsets in prop::collection::vec(0i64..40, 0..12),
    ) {
        let hols: Vec<Date> = offsets.iter().map(|o| start.add_days(*o)).collect();
        let end = add_working_days(start, n, &hols).unwrap();
        prop_assert!(end >= start);
        if n > 0 {
            prop_assert!(is_working_day(end, &hols));
        }
        let counted = (1..=start.days_until(end))
            .filter(|k| is_working_day(start.add_days(*k), &hols))
            .count();
        prop_assert_eq!(counted, n as usize);
    }

    /// The due date is never before the start, at most a fortnight after it (there are never
    /// more than four bank holidays close together), and a working day.
    #[test]
    fn due_dates_are_close_working_days(start in any_date()) {
        let due = due_date(start, &default_bank_holidays());
        let hols = bank_holidays_for_years(&default_bank_holidays(), start.year()..=start.year() + 1);
        prop_assert!(start < due && start.days_until(due) <= 14);
        prop_assert!(is_working_day(due, &hols));
        prop_assert_eq!(add_working_days(start, DUE_IN_WORKING_DAYS, &hols), Ok(due));
    }

    /// Ages go up by one on each birthday and never go down.
    #[test]
    fn ages_step_on_birthdays(dob in any_date(), years in 0i32..100) {
        if let Some(birthday) = Date::new(dob.year() + years, dob.month(), dob.day()) {
            prop_assert_eq!(age_on(dob, birthday), Some(years as u32));
            let day_before = (years > 0).then(|| years as u32 - 1);
            prop_assert_eq!(age_on(dob, birthday.add_days(-1)), day_before);
        }
    }

    /// Dates round-trip through text and day numbers.
    #[test]
    fn dates_round_trip(day in any_date()) {
        prop_assert_eq!(Date::parse(&day.to_string()), Ok(day));
        prop_assert_eq!(Date::from_days_since_epoch(day.days_since_epoch()), day);
        let before = day.year_before().unwrap();
        prop_assert!(before < day && before.days_until(day) >= 365 && before.days_until(day) <= 366);
    }
}

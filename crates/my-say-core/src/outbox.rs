//! Sealed booklets waiting on a tablet to be sent to the IRO: how long they have waited, and
//! when the tablet must say "send the answers to the IRO today".
//!
//! The tablet cannot open what it sealed, so it cannot know which booklet holds a worry. Every
//! waiting booklet is treated alike: any of them might, so none may wait unseen for long. The
//! tablet keeps only the time each was sealed, beside the ciphertext.

use crate::calendar::{uk_time_of_timestamp, utc_minutes_of_timestamp, UkTime};

/// Past this many hours waiting, the tablet's home and start screens say to send today.
pub const SEND_TODAY_AFTER_HOURS: i64 = 24;

/// How long the oldest of the waiting booklets has waited, given when each was sealed (RFC 3339
/// timestamps) and now. `None` when nothing is waiting or no time can be read. A sealing time
/// after `now` (a clock put back) counts as no wait at all, never as a negative one.
pub fn oldest_wait<'a>(sealed_at: impl IntoIterator<Item = &'a str>, now: &str) -> Option<Wait> {
    let now = utc_minutes_of_timestamp(now)?;
    sealed_at
        .into_iter()
        .filter_map(|at| Some((utc_minutes_of_timestamp(at)?, uk_time_of_timestamp(at)?)))
        .min()
        .map(|(oldest, since)| Wait {
            minutes: (now - oldest).max(0),
            since,
        })
}

/// The name of a file of a tablet's sealed answers sent at `now` (a UTC time to the second, as
/// the browser edge's `clock::now` gives it: "2026-11-22T10:15:00Z"):
/// `my-say-answers-20261122-101500.mysay` for the IRO's booklets, and
/// `my-say-survey-answers-<survey id>-20261122-101500.mysay` for a council survey's.
pub fn answers_file_name(survey_id: Option<&str>, now: &str) -> String {
    let stamp = now
        .trim_end_matches('Z')
        .replace([':', '-'], "")
        .replace('T', "-");
    match survey_id {
        None => format!("my-say-answers-{stamp}.mysay"),
        Some(id) => format!("my-say-survey-answers-{id}-{stamp}.mysay"),
    }
}

/// How long the oldest sealed booklet has waited on the tablet, and since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait {
    minutes: i64,
    /// When it was sealed, on the UK's clock.
    pub since: UkTime,
}

impl Wait {
    /// Whole days waited: 0 for under a day, 2 from 48 hours.
    pub fn days(self) -> i64 {
        self.minutes / (24 * 60)
    }

    /// Whole hours waited.
    pub fn hours(self) -> i64 {
        self.minutes / 60
    }

    /// Past a day: the tablet says "send the answers to the IRO today".
    pub fn send_today(self) -> bool {
        self.hours() >= SEND_TODAY_AFTER_HOURS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_files_are_named_for_the_time_they_were_sent() {
        assert_eq!(
            answers_file_name(None, "2026-11-22T10:15:00Z"),
            "my-say-answers-20261122-101500.mysay"
        );
        assert_eq!(
            answers_file_name(Some("survey-ab12"), "2026-11-22T10:15:00Z"),
            "my-say-survey-answers-survey-ab12-20261122-101500.mysay"
        );
    }

    #[test]
    fn nothing_waiting_is_no_wait() {
        assert_eq!(oldest_wait([], "2026-12-06T10:00:00Z"), None);
        assert_eq!(oldest_wait(["not a time"], "2026-12-06T10:00:00Z"), None);
    }

    #[test]
    fn the_oldest_booklet_counts() {
        let w = oldest_wait(
            ["2026-12-05T09:00:00Z", "2026-12-04T09:30:00Z", "bad"],
            "2026-12-06T10:00:00Z",
        )
        .unwrap();
        assert_eq!(w.days(), 2);
        assert_eq!(w.hours(), 48);
        assert_eq!(w.since.to_string(), "2026-12-04 09:30");
        assert!(w.send_today());
    }

    #[test]
    fn send_today_from_twenty_four_hours() {
        let just_under = oldest_wait(["2026-12-05T10:01:00Z"], "2026-12-06T10:00:00Z").unwrap();
        assert_eq!((just_under.days(), just_under.send_today()), (0, false));
        let a_day = oldest_wait(["2026-12-05T10:00:00Z"], "2026-12-06T10:00:00Z").unwrap();
        assert_eq!((a_day.days(), a_day.send_today()), (1, true));
    }

    #[test]
    fn offsets_and_clock_changes_count_real_time() {
        // 23:30 BST on the Saturday before the clocks go back, to 23:30 GMT on the Sunday: 25
        // real hours, though the clock on the wall moved 24.
        let w = oldest_wait(["2026-10-24T23:30:00+01:00"], "2026-10-25T23:30:00Z").unwrap();
        assert_eq!(w.hours(), 25);
    }

    #[test]
    fn a_clock_put_back_is_no_wait() {
        let w = oldest_wait(["2026-12-07T10:00:00Z"], "2026-12-06T10:00:00Z").unwrap();
        assert_eq!((w.hours(), w.send_today()), (0, false));
    }
}

//! Following up every worrying answer.
//!
//! "In each case where the child gave a negative answer, the concern was explored by the IRO
//! and social worker and appropriate action was taken." Every answer that matches a
//! question's `worry_if` opens a [`FollowUp`]. The IRO records what was done as
//! [`FollowUpAction`]s.
//!
//! **The clock starts when the child spoke.** A follow-up is due [`DUE_IN_WORKING_DAYS`]
//! working days after the UK calendar day the child *finished* the booklet
//! ([`FollowUp::completed_on`]), not after the answers reached the IRO: answers that travel
//! slowly arrive already overdue ([`FollowUp::arrived_overdue`]) rather than quietly getting
//! more time. Working days skip weekends and bank holidays: the IRO's published list for the
//! years it covers, the rules for the others ([`due_date`]).
//!
//! **The closing rule.** A follow-up is closed by the first action, in date order, that is
//! [`FollowUpActionKind::ActionTaken`] or [`FollowUpActionKind::NoFurtherAction`]. Exploring
//! the worry with the child or the social worker never closes it. A closing action must have
//! a note (what was done, or why nothing more is needed). Actions recorded after closing are
//! kept in the log but do not change when or how it was closed.
//!
//! A follow-up's id is the completed booklet's id and the question id
//! ([`follow_up_id`]), so importing the same answers twice never opens a worry twice.

use crate::booklet::{Booklet, Question, QuestionId};
use crate::calendar::{
    add_working_days, bank_holidays_for_years, uk_date_of_timestamp, years_from_rules,
    CalendarError, Date,
};
use crate::record::CompletedBooklet;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A worry is due to be followed up this many working days after the child finished the booklet.
pub const DUE_IN_WORKING_DAYS: u32 = 2;

/// What the IRO did about a worry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpActionKind {
    /// Talked it through with the child.
    ExploredWithChild,
    /// Talked it through with the child's social worker.
    ExploredWithSocialWorker,
    /// Action was taken (closes the follow-up).
    ActionTaken,
    /// Explored, and nothing further is needed (closes the follow-up).
    NoFurtherAction,
}

impl FollowUpActionKind {
    /// Every kind, in the order the IRO is offered them.
    pub const ALL: [FollowUpActionKind; 4] = [
        FollowUpActionKind::ExploredWithChild,
        FollowUpActionKind::ExploredWithSocialWorker,
        FollowUpActionKind::ActionTaken,
        FollowUpActionKind::NoFurtherAction,
    ];

    /// Whether recording this closes the follow-up.
    pub fn closes(self) -> bool {
        matches!(
            self,
            FollowUpActionKind::ActionTaken | FollowUpActionKind::NoFurtherAction
        )
    }

    /// The code used in files: "explored_with_child", ...
    pub fn code(self) -> &'static str {
        match self {
            FollowUpActionKind::ExploredWithChild => "explored_with_child",
            FollowUpActionKind::ExploredWithSocialWorker => "explored_with_social_worker",
            FollowUpActionKind::ActionTaken => "action_taken",
            FollowUpActionKind::NoFurtherAction => "no_further_action",
        }
    }

    /// Plain English for exports: "explored with the child", ...
    pub fn label(self) -> &'static str {
        match self {
            FollowUpActionKind::ExploredWithChild => "explored with the child",
            FollowUpActionKind::ExploredWithSocialWorker => "explored with the social worker",
            FollowUpActionKind::ActionTaken => "action taken",
            FollowUpActionKind::NoFurtherAction => "no further action",
        }
    }
}

/// One thing the IRO recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpAction {
    /// What kind of step it was.
    pub kind: FollowUpActionKind,
    /// What was done or found, in the IRO's words.
    pub note: String,
    /// The day it was done.
    pub date: Date,
}

/// When and how a follow-up was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    /// The date of the closing action.
    pub on: Date,
    /// [`FollowUpActionKind::ActionTaken`] or [`FollowUpActionKind::NoFurtherAction`].
    pub by: FollowUpActionKind,
}

/// One worrying answer and what was done about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The completed booklet's id ([`CompletedBooklet::id`]).
    pub booklet_id: String,
    /// The question whose answer raised the worry.
    pub question_id: QuestionId,
    /// The day the worry was opened: the day the answers entered the IRO's workspace.
    pub opened_on: Date,
    /// [`DUE_IN_WORKING_DAYS`] working days after [`FollowUp::starts_on`].
    pub due_on: Date,
    /// The UK calendar day the child finished the booklet, which the due date counts from.
    /// `None` in follow-ups kept before it was recorded; [`merge_follow_ups`] fills it in, and
    /// brings the due date forward, when the booklet's worries are opened again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<Date>,
    /// Everything recorded, in date order.
    #[serde(default)]
    pub actions: Vec<FollowUpAction>,
    /// Set by the first closing action (see the module documentation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closure>,
}

/// Where a follow-up stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpStatus {
    /// Open and not yet past its due date.
    Open,
    /// Open and past its due date.
    Overdue,
    /// Closed.
    Closed,
}

impl FollowUpStatus {
    /// "open", "overdue" or "closed".
    pub fn code(self) -> &'static str {
        match self {
            FollowUpStatus::Open => "open",
            FollowUpStatus::Overdue => "overdue",
            FollowUpStatus::Closed => "closed",
        }
    }
}

/// Why an action could not be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpError {
    /// Closing needs a note saying what was done, or why nothing more is needed.
    NoteRequired,
    /// The action is dated before the follow-up was opened.
    BeforeOpened {
        /// The day the follow-up was opened.
        opened_on: Date,
    },
}

impl fmt::Display for FollowUpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FollowUpError::NoteRequired => {
                f.write_str("Write what was done, or why nothing more is needed, to close this.")
            }
            FollowUpError::BeforeOpened { opened_on } => {
                write!(
                    f,
                    "The date must be on or after {opened_on}, when this was opened."
                )
            }
        }
    }
}

impl std::error::Error for FollowUpError {}

/// The stable id of a follow-up: `"<completed booklet id>/<question id>"`.
pub fn follow_up_id(booklet_id: &str, question_id: &QuestionId) -> String {
    format!("{booklet_id}/{}", question_id.as_str())
}

/// The questions, in booklet order, whose answers in `booklet` match their `worry_if`.
pub fn worrying_questions<'a>(
    booklet: &CompletedBooklet,
    definition: &'a Booklet,
) -> Vec<&'a Question> {
    definition
        .questions()
        .filter(|q| {
            !q.worry_if.is_empty()
                && booklet
                    .answers
                    .get(&q.id)
                    .is_some_and(|a| q.worry_if.iter().any(|w| a.matches(w)))
        })
        .collect()
}

/// The years whose bank holidays a due date counting from `start` may need: `start`'s year and
/// the next (two working days from late December end in January).
pub fn due_date_years(start: Date) -> std::ops::RangeInclusive<i32> {
    start.year()..=start.year().saturating_add(1)
}

/// [`DUE_IN_WORKING_DAYS`] working days after `start`, skipping weekends and bank holidays:
/// the IRO's list (`published`) for the years it has days in, the England and Wales rules for
/// the years of [`due_date_years`] it has none in. Errors only at the end of the calendar (the
/// year 9999) or when a year's worth of days in a row are listed as holidays.
pub fn try_due_date(start: Date, published: &[Date]) -> Result<Date, CalendarError> {
    let holidays = bank_holidays_for_years(published, due_date_years(start));
    add_working_days(start, DUE_IN_WORKING_DAYS, &holidays)
}

/// [`try_due_date`], saturating: when the due date cannot be worked out it is `start` itself,
/// so a worry never waits longer than it should.
pub fn due_date(start: Date, published: &[Date]) -> Date {
    try_due_date(start, published).unwrap_or(start)
}

/// The years, each once and in order, in which the due dates of the open follow-ups in `list`,
/// and of a booklet finished `today`, would rely on the bank holiday rules rather than the
/// IRO's list (`published`).
pub fn due_date_years_from_rules(list: &[FollowUp], published: &[Date], today: Date) -> Vec<i32> {
    let starts = list
        .iter()
        .filter(|f| !f.is_closed())
        .map(FollowUp::starts_on)
        .chain([today]);
    years_from_rules(published, starts.flat_map(due_date_years))
}

/// A follow-up for every worrying answer in `booklet`, opened on `opened_on` (the day the IRO's
/// device first opened the answers) and due [`DUE_IN_WORKING_DAYS`] working days after the UK
/// day the child finished ([`CompletedBooklet::completed_at`], or `opened_on` if that is later
/// or cannot be read), with the IRO's list of bank holidays `bank_holidays` ([`due_date`]).
/// Pass them to [`merge_follow_ups`] so a re-import opens nothing twice.
pub fn open_follow_ups(
    booklet: &CompletedBooklet,
    definition: &Booklet,
    opened_on: Date,
    bank_holidays: &[Date],
) -> Vec<FollowUp> {
    let completed_on = uk_date_of_timestamp(&booklet.completed_at);
    let start = completed_on.map_or(opened_on, |c| c.min(opened_on));
    let due_on = due_date(start, bank_holidays);
    worrying_questions(booklet, definition)
        .into_iter()
        .map(|q| FollowUp {
            booklet_id: booklet.id.clone(),
            question_id: q.id.clone(),
            opened_on,
            due_on,
            completed_on,
            actions: Vec::new(),
            closed: None,
        })
        .collect()
}

/// How many follow-ups are overdue on a day ([`overdue_counts`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OverdueCounts {
    /// Open follow-ups past their due date.
    pub overdue: usize,
    /// Of those, the ones that were already past their due date when they were opened: the
    /// child finished more than [`DUE_IN_WORKING_DAYS`] working days before the answers came in.
    pub arrived_overdue: usize,
}

/// How many of `list` are overdue on `today`, and how many of those arrived overdue.
pub fn overdue_counts(list: &[FollowUp], today: Date) -> OverdueCounts {
    let mut counts = OverdueCounts::default();
    for f in list.iter().filter(|f| f.is_overdue(today)) {
        counts.overdue += 1;
        if f.arrived_overdue() {
            counts.arrived_overdue += 1;
        }
    }
    counts
}

impl FollowUp {
    /// The stable id ([`follow_up_id`]).
    pub fn id(&self) -> String {
        follow_up_id(&self.booklet_id, &self.question_id)
    }

    /// Records a step. A closing step needs a non-blank note; no step may be dated before
    /// the follow-up was opened. Steps are kept in date order (same-day steps in the order
    /// recorded), and the closure is worked out again from them.
    pub fn record(&mut self, action: FollowUpAction) -> Result<(), FollowUpError> {
        if action.date < self.opened_on {
            return Err(FollowUpError::BeforeOpened {
                opened_on: self.opened_on,
            });
        }
        if action.kind.closes() && action.note.trim().is_empty() {
            return Err(FollowUpError::NoteRequired);
        }
        self.actions.push(action);
        self.settle();
        Ok(())
    }

    /// Sorts the actions by date (stable) and sets the closure from the first closing one.
    fn settle(&mut self) {
        self.actions.sort_by_key(|a| a.date);
        self.closed = self
            .actions
            .iter()
            .find(|a| a.kind.closes())
            .map(|a| Closure {
                on: a.date,
                by: a.kind,
            });
    }

    /// The day the due date counts from: the day the child finished, or the opening day if
    /// that is earlier or the finishing day is not known.
    pub fn starts_on(&self) -> Date {
        self.completed_on
            .map_or(self.opened_on, |c| c.min(self.opened_on))
    }

    /// Whether it was already past its due date on the day it was opened.
    pub fn arrived_overdue(&self) -> bool {
        self.due_on < self.opened_on
    }

    /// Works the due date out again from [`FollowUp::starts_on`] with a new list of bank
    /// holidays (the IRO added a local holiday, say; see [`due_date`]). Only an open follow-up
    /// moves: a closed one keeps the due date it was closed against, so its record does not
    /// change afterwards. Returns whether the due date moved.
    pub fn reschedule(&mut self, bank_holidays: &[Date]) -> bool {
        if self.is_closed() {
            return false;
        }
        let due_on = due_date(self.starts_on(), bank_holidays);
        let changed = due_on != self.due_on;
        self.due_on = due_on;
        changed
    }

    /// Whether a closing action has been recorded.
    pub fn is_closed(&self) -> bool {
        self.closed.is_some()
    }

    /// Still open after its due date. On the due date itself it is not yet overdue.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.is_closed() && today > self.due_on
    }

    /// Open, overdue or closed, as of `today`.
    pub fn status(&self, today: Date) -> FollowUpStatus {
        if self.is_closed() {
            FollowUpStatus::Closed
        } else if self.is_overdue(today) {
            FollowUpStatus::Overdue
        } else {
            FollowUpStatus::Open
        }
    }
}

/// What [`merge_follow_ups`] changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Follow-ups that were new.
    pub added: usize,
    /// Follow-ups already present that gained actions.
    pub updated: usize,
}

/// Adds `incoming` follow-ups to `existing`, matching them by id. A follow-up already present
/// keeps its opening and due dates; any of the incoming actions it does not already have are
/// added (so work recorded on two devices comes together) and its closure is worked out
/// again. Merging the same follow-ups twice changes nothing.
///
/// One exception to keeping the dates: a follow-up kept before the finishing day was recorded
/// (no [`FollowUp::completed_on`]) takes it from the incoming one and, while open, the earlier
/// of the two due dates. Its due date counted from the day the answers arrived; this brings it
/// back to the day the child spoke, so nothing waits longer than it should. It counts as
/// updated.
pub fn merge_follow_ups(
    existing: &mut Vec<FollowUp>,
    incoming: impl IntoIterator<Item = FollowUp>,
) -> MergeCounts {
    let mut counts = MergeCounts::default();
    for new in incoming {
        let found = existing
            .iter_mut()
            .find(|f| f.booklet_id == new.booklet_id && f.question_id == new.question_id);
        match found {
            Some(old) => {
                let before = old.actions.len();
                let mut dates_changed = false;
                if let (None, Some(completed_on)) = (old.completed_on, new.completed_on) {
                    old.completed_on = Some(completed_on);
                    if !old.is_closed() {
                        old.due_on = old.due_on.min(new.due_on);
                    }
                    dates_changed = true;
                }
                for action in new.actions {
                    if !old.actions.contains(&action) {
                        old.actions.push(action);
                    }
                }
                if old.actions.len() != before {
                    old.settle();
                }
                if old.actions.len() != before || dates_changed {
                    counts.updated += 1;
                }
            }
            None => {
                let mut new = new;
                new.settle();
                existing.push(new);
                counts.added += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age_band::AgeBand;
    use crate::answer::{Answer, Pick, RATHER_NOT_SAY};
    use crate::booklet::{AnswerKind, Choice, MeasureKind};
    use crate::calendar::default_bank_holidays;
    use crate::report::fixtures::*;
    use crate::text::Text;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn definition() -> Booklet {
        let mut worries = plain(
            "worries_list",
            AnswerKind::PickSeveral {
                options: ["bullying", "money", "nothing"]
                    .iter()
                    .map(|id| Choice {
                        id: (*id).into(),
                        label: Text::en(id),
                        picture: None,
                    })
                    .collect(),
                own_words: true,
            },
        );
        worries.worry_if = vec!["bullying".into()];
        let mut happy = yes_no("happy", "happy", MeasureKind::Satisfaction, false);
        happy.worry_if = vec!["no".into(), RATHER_NOT_SAY.into()];
        booklet(
            "review-10-15",
            AgeBand::TenToFifteen,
            vec![
                yes_no("feel_safe", "feel_safe", MeasureKind::Safety, true),
                happy,
                worries,
                yes_no("school", "school", MeasureKind::Satisfaction, false),
            ],
        )
    }

    fn child(answers: &[(&str, Answer)]) -> crate::record::CompletedBooklet {
        finished("2025-11-21T15:00:00Z", answers)
    }

    /// A booklet of [`definition`] finished at `at`.
    fn finished(at: &str, answers: &[(&str, Answer)]) -> crate::record::CompletedBooklet {
        completed(
            "0123456789abcdef0123456789abcdef",
            "review-10-15",
            AgeBand::TenToFifteen,
            at,
            answers,
        )
    }

    #[test]
    fn every_worrying_answer_opens_one_follow_up() {
        let b = child(&[
            ("feel_safe", picked("no")),
            ("happy", Answer::RatherNotSay),
            (
                "worries_list",
                Answer::PickedMany(vec![
                    Pick::Option("money".into()),
                    Pick::Option("bullying".into()),
                ]),
            ),
            ("school", picked("no")), // no worry_if
        ]);
        let hols = default_bank_holidays();
        let opened = d("2025-11-21"); // a Friday
        let f = open_follow_ups(&b, &definition(), opened, &hols);
        let ids: Vec<String> = f.iter().map(FollowUp::id).collect();
        assert_eq!(
            ids,
            [
                "0123456789abcdef0123456789abcdef/feel_safe",
                "0123456789abcdef0123456789abcdef/happy",
                "0123456789abcdef0123456789abcdef/worries_list",
            ]
        );
        assert!(
            f.iter().all(|x| x.due_on == d("2025-11-25")),
            "Friday + 2 = Tuesday"
        );
        assert!(f.iter().all(|x| !x.is_closed()));

        let calm = child(&[
            ("feel_safe", picked("yes")),
            (
                "worries_list",
                Answer::PickedMany(vec![Pick::Own("bullying".into())]),
            ),
        ]);
        assert!(open_follow_ups(&calm, &definition(), opened, &hols).is_empty());
    }

    #[test]
    fn re_import_never_duplicates() {
        let b = child(&[("feel_safe", picked("no"))]);
        let hols = default_bank_holidays();
        let mut all = Vec::new();
        let first = open_follow_ups(&b, &definition(), d("2025-11-21"), &hols);
        assert_eq!(merge_follow_ups(&mut all, first).added, 1);
        all[0]
            .record(FollowUpAction {
                kind: FollowUpActionKind::ExploredWithChild,
                note: "Sister takes her things".into(),
                date: d("2025-11-24"),
            })
            .unwrap();
        // The same booklet arrives again a week later.
        let again = open_follow_ups(&b, &definition(), d("2025-11-28"), &hols);
        assert_eq!(merge_follow_ups(&mut all, again), MergeCounts::default());
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].opened_on, d("2025-11-21"));
        assert_eq!(all[0].actions.len(), 1);
        // A copy of the workspace with more work on it brings the new action in, once.
        let mut elsewhere = all[0].clone();
        elsewhere
            .record(FollowUpAction {
                kind: FollowUpActionKind::NoFurtherAction,
                note: "Carer has sorted it".into(),
                date: d("2025-11-25"),
            })
            .unwrap();
        let counts = merge_follow_ups(&mut all, [elsewhere.clone()]);
        assert_eq!(
            counts,
            MergeCounts {
                added: 0,
                updated: 1
            }
        );
        assert_eq!(
            merge_follow_ups(&mut all, [elsewhere]),
            MergeCounts::default()
        );
        assert_eq!(all[0].actions.len(), 2);
        assert_eq!(
            all[0].closed,
            Some(Closure {
                on: d("2025-11-25"),
                by: FollowUpActionKind::NoFurtherAction
            })
        );
    }

    #[test]
    fn closing_rule_and_overdue() {
        let b = finished("2026-12-24T11:00:00Z", &[("feel_safe", picked("no"))]);
        let mut f =
            open_follow_ups(&b, &definition(), d("2026-12-24"), &default_bank_holidays()).remove(0);
        // Christmas 2026: Fri 25 and Mon 28 December are bank holidays.
        assert_eq!(f.due_on, d("2026-12-30"));
        assert!(
            !f.is_overdue(d("2026-12-30")),
            "not overdue on the due date"
        );
        assert!(f.is_overdue(d("2026-12-31")));
        assert_eq!(f.status(d("2026-12-31")), FollowUpStatus::Overdue);

        let act = |kind, note: &str, date| FollowUpAction {
            kind,
            note: note.into(),
            date: d(date),
        };
        use FollowUpActionKind::*;
        assert_eq!(
            f.record(act(ExploredWithChild, "", "2026-12-23")),
            Err(FollowUpError::BeforeOpened {
                opened_on: d("2026-12-24")
            })
        );
        f.record(act(ExploredWithChild, "", "2026-12-29")).unwrap();
        f.record(act(ExploredWithSocialWorker, "Called SW", "2026-12-29"))
            .unwrap();
        assert!(!f.is_closed(), "exploring never closes");
        assert_eq!(
            f.record(act(ActionTaken, "  ", "2026-12-31")),
            Err(FollowUpError::NoteRequired)
        );
        assert!(!f.is_closed());
        f.record(act(ActionTaken, "Placement visit arranged", "2027-01-04"))
            .unwrap();
        assert_eq!(f.status(d("2027-02-01")), FollowUpStatus::Closed);
        assert!(!f.is_overdue(d("2027-02-01")));
        // A later note does not move the closure; an earlier closing action does.
        f.record(act(ExploredWithChild, "Much happier", "2027-01-20"))
            .unwrap();
        assert_eq!(f.closed.unwrap().on, d("2027-01-04"));
        f.record(act(
            NoFurtherAction,
            "Already resolved at review",
            "2026-12-30",
        ))
        .unwrap();
        assert_eq!(
            f.closed,
            Some(Closure {
                on: d("2026-12-30"),
                by: NoFurtherAction
            })
        );
        let dates: Vec<String> = f.actions.iter().map(|a| a.date.to_string()).collect();
        assert_eq!(
            dates,
            [
                "2026-12-29",
                "2026-12-29",
                "2026-12-30",
                "2027-01-04",
                "2027-01-20"
            ]
        );
        assert_eq!(f.actions[0].kind, ExploredWithChild, "same-day order kept");
    }

    #[test]
    fn open_follow_ups_move_with_the_bank_holidays_and_closed_ones_stay() {
        let b = finished(
            "2026-11-19T09:00:00Z",
            &[("feel_safe", picked("no")), ("happy", picked("no"))],
        );
        let mut f = open_follow_ups(&b, &definition(), d("2026-11-19"), &[]);
        assert!(
            f.iter().all(|x| x.due_on == d("2026-11-23")),
            "Thursday + 2 = Monday"
        );
        f[1].record(FollowUpAction {
            kind: FollowUpActionKind::ActionTaken,
            note: "Move agreed".into(),
            date: d("2026-11-20"),
        })
        .unwrap();
        // A local holiday on Friday 20 November.
        let local = [d("2026-11-20")];
        assert!(f[0].reschedule(&local));
        assert_eq!(f[0].due_on, d("2026-11-24"));
        assert!(!f[0].reschedule(&local), "nothing changes the second time");
        assert!(!f[1].reschedule(&local));
        assert_eq!(f[1].due_on, d("2026-11-23"));
    }

    #[test]
    fn due_dates_count_from_when_the_child_finished_not_from_the_import() {
        // Finished on Friday 20 November 2026 at 18:30 UK time (GMT), imported on Thursday 26th.
        let b = finished("2026-11-20T18:30:00Z", &[("feel_safe", picked("no"))]);
        let f = open_follow_ups(&b, &definition(), d("2026-11-26"), &[]).remove(0);
        assert_eq!(f.completed_on, Some(d("2026-11-20")));
        assert_eq!(f.opened_on, d("2026-11-26"));
        assert_eq!(
            f.due_on,
            d("2026-11-24"),
            "Friday + 2 working days = Tuesday"
        );
        assert!(f.arrived_overdue());
        assert!(f.is_overdue(d("2026-11-26")));
        // A tablet clock ahead of the IRO's: the due date counts from the earlier day.
        let early = finished("2026-11-30T10:00:00Z", &[("feel_safe", picked("no"))]);
        let g = open_follow_ups(&early, &definition(), d("2026-11-26"), &[]).remove(0);
        assert_eq!(g.starts_on(), d("2026-11-26"));
        assert_eq!(g.due_on, d("2026-11-30"));
        assert!(!g.arrived_overdue());
        // An unreadable finishing time: counted from the opening day.
        let odd = finished("not a time", &[("feel_safe", picked("no"))]);
        let h = open_follow_ups(&odd, &definition(), d("2026-11-26"), &[]).remove(0);
        assert_eq!((h.completed_on, h.due_on), (None, d("2026-11-30")));

        let counts = overdue_counts(&[f.clone(), g.clone(), h], d("2026-12-01"));
        assert_eq!(
            counts,
            OverdueCounts {
                overdue: 3,
                arrived_overdue: 1
            }
        );
        assert_eq!(
            overdue_counts(&[f, g], d("2026-11-26")),
            OverdueCounts {
                overdue: 1,
                arrived_overdue: 1
            }
        );
    }

    #[test]
    fn a_follow_up_kept_with_the_old_due_date_is_brought_forward_once() {
        let b = finished("2026-11-20T18:30:00Z", &[("feel_safe", picked("no"))]);
        // As an older version kept it: due two working days after the import, no finishing day.
        let old_json = format!(
            r#"{{"booklet_id":"{}","question_id":"feel_safe","opened_on":"2026-11-26","due_on":"2026-11-30"}}"#,
            b.id
        );
        let old: FollowUp = serde_json::from_str(&old_json).unwrap();
        assert_eq!(old.completed_on, None);
        assert_eq!(old.starts_on(), d("2026-11-26"));
        let mut all = vec![old];
        let again = open_follow_ups(&b, &definition(), d("2026-12-01"), &[]);
        assert_eq!(
            merge_follow_ups(&mut all, again.clone()),
            MergeCounts {
                added: 0,
                updated: 1
            }
        );
        assert_eq!(all[0].completed_on, Some(d("2026-11-20")));
        assert_eq!(all[0].due_on, d("2026-11-24"));
        assert_eq!(all[0].opened_on, d("2026-11-26"), "the opening day stays");
        assert_eq!(merge_follow_ups(&mut all, again), MergeCounts::default());

        // A closed one keeps the due date it was closed against, and learns the finishing day.
        let mut closed: FollowUp = serde_json::from_str(&old_json).unwrap();
        closed
            .record(FollowUpAction {
                kind: FollowUpActionKind::NoFurtherAction,
                note: "Sorted at the review".into(),
                date: d("2026-11-27"),
            })
            .unwrap();
        let mut all = vec![closed];
        merge_follow_ups(
            &mut all,
            open_follow_ups(&b, &definition(), d("2026-12-01"), &[]),
        );
        assert_eq!(all[0].due_on, d("2026-11-30"));
        assert_eq!(all[0].completed_on, Some(d("2026-11-20")));
    }

    #[test]
    fn due_dates_fill_years_the_list_does_not_cover_from_the_rules() {
        let published = default_bank_holidays(); // 2024 to 2028
                                                 // Good Friday 2030 is 19 April, Easter Monday 22 April: only the rules know.
        assert_eq!(due_date(d("2030-04-18"), &published), d("2030-04-24"));
        assert_eq!(due_date(d("2030-04-18"), &[]), d("2030-04-24"));
        // A local list for 2030 overrides the rules for that year.
        assert_eq!(
            due_date(d("2030-04-18"), &[d("2030-06-03")]),
            d("2030-04-22")
        );
        let b = finished("2029-12-21T10:00:00Z", &[("feel_safe", picked("no"))]);
        let f = open_follow_ups(&b, &definition(), d("2029-12-21"), &published);
        // Christmas 2029: Tue 25, Wed 26 are holidays; Friday 21 + 2 = Thursday 27.
        assert_eq!(f[0].due_on, d("2029-12-27"));
        assert_eq!(
            due_date_years_from_rules(&f, &published, d("2028-06-01")),
            [2029, 2030]
        );
        assert_eq!(
            due_date_years_from_rules(&[], &published, d("2028-06-01")),
            [2029]
        );
        assert!(due_date_years_from_rules(&[], &published, d("2027-06-01")).is_empty());
        // At the end of the calendar the due date saturates to the start, never later.
        assert!(try_due_date(d("9999-12-30"), &[]).is_err());
        assert_eq!(due_date(d("9999-12-30"), &[]), d("9999-12-30"));
    }

    #[test]
    fn json_shape() {
        let b = child(&[("feel_safe", picked("no"))]);
        let mut f = open_follow_ups(&b, &definition(), d("2025-11-21"), &[]).remove(0);
        f.record(FollowUpAction {
            kind: FollowUpActionKind::ActionTaken,
            note: "Spoke to carer".into(),
            date: d("2025-11-24"),
        })
        .unwrap();
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"booklet_id":"0123456789abcdef0123456789abcdef","question_id":"feel_safe","opened_on":"2025-11-21","due_on":"2025-11-25","completed_on":"2025-11-21","actions":[{"kind":"action_taken","note":"Spoke to carer","date":"2025-11-24"}],"closed":{"on":"2025-11-24","by":"action_taken"}}"#
        );
        assert_eq!(serde_json::from_str::<FollowUp>(&json).unwrap(), f);
        for k in FollowUpActionKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
    }
}

//! What an answers file brings to the IRO's workspace, checked and sorted before anything is
//! stored (see docs/sealed-format.md, "Importing").
//!
//! - **Routing.** A record whose booklet id starts with `survey-` is a council survey answer: it
//!   must then be a real survey id ([`is_survey_id`]) and hold no child details (survey answers
//!   are anonymous). Anything else refuses the whole file, so a child's booklet can never be
//!   filed where the IRO would not see it, nor a named child among anonymous answers.
//! - **Completion time.** It must be readable (retention deletes by it). One after the import
//!   day (a tablet whose clock was wrong) is set to the import day, and counted, so the IRO is
//!   told and retention can still delete it.
//! - **Same id.** A record whose id is already in the workspace is either the very same record
//!   ([`Arrival::AlreadyHere`]) or a [`Arrival::Conflict`]: the copy here is kept, the incoming
//!   one is kept apart for the IRO, and it opens no follow-ups.

use crate::calendar::{uk_date_of_timestamp, Date};
use crate::child::ChildDetails;
use crate::record::CompletedBooklet;
use crate::validate::is_survey_id;
use std::fmt;

/// What one incoming record is, against what the workspace holds under its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// No record has this id yet: it is added.
    New,
    /// The record here is the same one: nothing to do.
    AlreadyHere,
    /// A record with this id but other content is here: both are kept, apart.
    Conflict,
}

/// Sorts `incoming` against `stored`, the record kept under the same id, if any. A copy that
/// differs from the one here only by a later completion time is the same record: the one here
/// had its completion time set to the day it was first imported (see [`sort_opened`]).
pub fn classify(stored: Option<&CompletedBooklet>, incoming: &CompletedBooklet) -> Arrival {
    let Some(stored) = stored else {
        return Arrival::New;
    };
    if stored == incoming {
        return Arrival::AlreadyHere;
    }
    let mut earlier = incoming.clone();
    earlier.completed_at.clone_from(&stored.completed_at);
    if stored.completed_at < incoming.completed_at && &earlier == stored {
        Arrival::AlreadyHere
    } else {
        Arrival::Conflict
    }
}

/// Two records with one id: the one kept in the workspace and the one a file brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The record id they share.
    pub id: String,
    /// The child's name in the copy here (empty for an anonymous survey answer).
    pub child_name: String,
    /// When the copy here was finished.
    pub stored_completed_at: String,
    /// When the incoming copy was finished.
    pub incoming_completed_at: String,
}

impl Conflict {
    /// The conflict between `stored` and `incoming`.
    pub fn new(stored: &CompletedBooklet, incoming: &CompletedBooklet) -> Conflict {
        Conflict {
            id: stored.id.clone(),
            child_name: stored.child.name.clone(),
            stored_completed_at: stored.completed_at.clone(),
            incoming_completed_at: incoming.completed_at.clone(),
        }
    }
}

/// Why the records of a file were refused. Nothing in the file is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncomingError {
    /// A record says it answers a survey (`survey-…`) but its id breaks the survey id rule.
    SurveyId {
        /// Its position in the file, from 1.
        position: usize,
        /// The booklet id found.
        booklet_id: String,
    },
    /// A survey answer holds a child's details; survey answers are anonymous.
    NamedSurveyAnswer {
        /// Its position in the file, from 1.
        position: usize,
    },
    /// A record's completion time cannot be read.
    CompletionTime {
        /// Its position in the file, from 1.
        position: usize,
    },
}

impl fmt::Display for IncomingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IncomingError::SurveyId {
                position,
                booklet_id,
            } => write!(
                f,
                "Booklet {position} in this file says it answers a council survey, but \
                 \"{}\" is not a survey id. Nothing was imported.",
                booklet_id.escape_debug()
            ),
            IncomingError::NamedSurveyAnswer { position } => write!(
                f,
                "Booklet {position} in this file is a council survey answer but holds a \
                 child's details, and survey answers are anonymous. Nothing was imported."
            ),
            IncomingError::CompletionTime { position } => write!(
                f,
                "Booklet {position} in this file has no readable time it was finished, so it \
                 could never be deleted by date. Nothing was imported."
            ),
        }
    }
}

impl std::error::Error for IncomingError {}

/// An opened file's records, checked and sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sorted {
    /// Review booklets, for the inbox.
    pub booklets: Vec<CompletedBooklet>,
    /// Council survey answers, kept apart.
    pub survey_answers: Vec<CompletedBooklet>,
    /// How many records said they were finished after `today`, and now say `today`.
    pub clamped: usize,
}

/// Checks every opened record and sorts them into review booklets and survey answers, with
/// completion times after `today` (UK calendar) set to `today`: a booklet's to midnight UTC of
/// that day, a survey answer's to the bare day (survey answers keep no time). All or nothing.
pub fn sort_opened(opened: Vec<CompletedBooklet>, today: Date) -> Result<Sorted, IncomingError> {
    let mut sorted = Sorted::default();
    for (i, record) in opened.into_iter().enumerate() {
        sorted.add(i + 1, record, today)?;
    }
    Ok(sorted)
}

impl Sorted {
    /// Checks one opened record, the `position`th of its file (from 1, for the message), and
    /// sorts it in, as [`sort_opened`] does with each: a page sorting thousands can give the
    /// browser a turn between records. On an error the file is refused whole.
    pub fn add(
        &mut self,
        position: usize,
        mut record: CompletedBooklet,
        today: Date,
    ) -> Result<(), IncomingError> {
        let survey = crate::survey::is_survey_booklet(&record.booklet_id);
        if survey && !is_survey_id(&record.booklet_id) {
            return Err(IncomingError::SurveyId {
                position,
                booklet_id: record.booklet_id,
            });
        }
        if survey && record.child != ChildDetails::default() {
            return Err(IncomingError::NamedSurveyAnswer { position });
        }
        let finished = uk_date_of_timestamp(&record.completed_at)
            .ok_or(IncomingError::CompletionTime { position })?;
        if finished > today {
            record.completed_at = if survey {
                today.to_string()
            } else {
                format!("{today}T00:00:00Z")
            };
            self.clamped += 1;
        }
        if survey {
            self.survey_answers.push(record);
        } else {
            self.booklets.push(record);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age_band::AgeBand;
    use crate::answer::Answer;
    use crate::text::LocaleCode;
    use crate::QuestionId;

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    fn booklet(id: &str, name: &str, completed_at: &str, safe: &str) -> CompletedBooklet {
        CompletedBooklet {
            id: id.into(),
            booklet_id: "review-10-15".into(),
            booklet_revision: 1,
            locale: LocaleCode::new("en"),
            age_band: AgeBand::TenToFifteen,
            child: ChildDetails {
                name: name.into(),
                age_band: Some(AgeBand::TenToFifteen),
                review_date: "2026-12-01".into(),
                ..Default::default()
            },
            answers: [(QuestionId::new("feel_safe"), Answer::Picked(safe.into()))]
                .into_iter()
                .collect(),
            completed_at: completed_at.into(),
        }
    }

    fn survey_answer(id: &str, survey: &str) -> CompletedBooklet {
        let mut b = booklet(id, "", "2026-11-20", "yes");
        b.booklet_id = survey.into();
        b.child = ChildDetails::default();
        b
    }

    #[test]
    fn new_already_here_and_conflict() {
        let amira = booklet("a1", "Amira", "2026-11-20T10:00:00Z", "yes");
        assert_eq!(classify(None, &amira), Arrival::New);
        assert_eq!(classify(Some(&amira), &amira.clone()), Arrival::AlreadyHere);

        // Same id, other answers: a conflict, named by the copy here, with both times.
        let other = booklet("a1", "Amira", "2026-11-21T09:00:00Z", "no");
        assert_eq!(classify(Some(&amira), &other), Arrival::Conflict);
        let c = Conflict::new(&amira, &other);
        assert_eq!(
            (
                c.id.as_str(),
                c.child_name.as_str(),
                c.stored_completed_at.as_str(),
                c.incoming_completed_at.as_str()
            ),
            (
                "a1",
                "Amira",
                "2026-11-20T10:00:00Z",
                "2026-11-21T09:00:00Z"
            )
        );
        // Another child's name under the same id is a conflict too.
        let renamed = booklet("a1", "Tia", "2026-11-20T10:00:00Z", "yes");
        assert_eq!(classify(Some(&amira), &renamed), Arrival::Conflict);

        // Only a later time differs: the copy here was set to its import day. An earlier time
        // is a conflict.
        let later = booklet("a1", "Amira", "2031-01-01T10:00:00Z", "yes");
        assert_eq!(classify(Some(&amira), &later), Arrival::AlreadyHere);
        let earlier = booklet("a1", "Amira", "2026-11-19T10:00:00Z", "yes");
        assert_eq!(classify(Some(&amira), &earlier), Arrival::Conflict);
    }

    #[test]
    fn survey_answers_are_checked_and_sorted_apart() {
        let ok = sort_opened(
            vec![
                booklet("a1", "Amira", "2026-11-20T10:00:00Z", "yes"),
                survey_answer("s1", "survey-00000000000000aa"),
            ],
            today(),
        )
        .unwrap();
        assert_eq!((ok.booklets.len(), ok.survey_answers.len()), (1, 1));
        assert_eq!(ok.clamped, 0);

        let bad_id = sort_opened(
            vec![
                booklet("a1", "Amira", "2026-11-20T10:00:00Z", "yes"),
                survey_answer("s1", "survey-../booklet"),
            ],
            today(),
        );
        assert_eq!(
            bad_id,
            Err(IncomingError::SurveyId {
                position: 2,
                booklet_id: "survey-../booklet".into()
            })
        );
        let mut named = survey_answer("s1", "survey-00000000000000aa");
        named.child.name = "Amira".into();
        let err = sort_opened(vec![named], today()).unwrap_err();
        assert_eq!(err, IncomingError::NamedSurveyAnswer { position: 1 });
        assert!(err.to_string().contains("anonymous"));
        // Only the prefix routes: a review booklet id is never a survey.
        let review = sort_opened(
            vec![booklet("a1", "Amira", "2026-11-20T10:00:00Z", "no")],
            today(),
        )
        .unwrap();
        assert_eq!(review.booklets.len(), 1);
    }

    #[test]
    fn a_future_completion_is_set_to_the_import_day_and_an_unreadable_one_refused() {
        let sorted = sort_opened(
            vec![
                booklet("a1", "Amira", "2031-03-01T10:00:00Z", "yes"),
                booklet("a2", "Tia", "2026-11-23T22:30:00Z", "yes"),
                survey_answer("s1", "survey-00000000000000aa"),
                {
                    let mut s = survey_answer("s2", "survey-00000000000000aa");
                    s.completed_at = "2027-01-01".into();
                    s
                },
            ],
            today(),
        )
        .unwrap();
        assert_eq!(sorted.clamped, 2);
        assert_eq!(sorted.booklets[0].completed_at, "2026-11-23T00:00:00Z");
        // Today, late in the evening, is not the future.
        assert_eq!(sorted.booklets[1].completed_at, "2026-11-23T22:30:00Z");
        assert_eq!(sorted.survey_answers[1].completed_at, "2026-11-23");
        assert_eq!(
            uk_date_of_timestamp(&sorted.booklets[0].completed_at),
            Some(today())
        );

        // Importing the same file on a later day finds the clamped copy already here.
        let again = sort_opened(
            vec![booklet("a1", "Amira", "2031-03-01T10:00:00Z", "yes")],
            today().add_days(5),
        )
        .unwrap();
        assert_eq!(
            classify(Some(&sorted.booklets[0]), &again.booklets[0]),
            Arrival::AlreadyHere
        );

        let err = sort_opened(
            vec![
                booklet("a1", "Amira", "2026-11-20T10:00:00Z", "yes"),
                booklet("a2", "Tia", "last Tuesday", "yes"),
            ],
            today(),
        );
        assert_eq!(err, Err(IncomingError::CompletionTime { position: 2 }));
    }
}

//! Data care: deleting booklets and council survey answers older than a chosen date
//! (retention), and erasing everything My Say keeps on this device.
//!
//! Deleting a booklet takes its follow-ups and read mark with it (`inbox::delete_booklet`), so
//! nothing about a deleted child is left behind. Survey answers (anonymous) go the same way by
//! their completion time; the surveys themselves, their themes and "You said, we did" stay. A
//! booklet or survey answer whose completion time cannot be read is never deleted by date: how
//! old it is cannot be known.

use crate::workspace::{booklets, follow_ups, inbox, surveys};
use my_say_core::calendar::{uk_date_of_timestamp, Date};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{KeyValueStore, StoreError};
use std::collections::HashSet;

/// What deleting by date takes away (or would).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retention {
    /// Booklets finished before the date.
    pub booklets: usize,
    /// Their follow-ups.
    pub follow_ups: usize,
    /// Booklets that stay.
    pub kept: usize,
    /// Council survey answers finished before the date.
    pub survey_answers: usize,
}

impl Retention {
    /// Whether there is nothing to delete.
    pub fn is_empty(&self) -> bool {
        self.booklets == 0 && self.survey_answers == 0
    }
}

/// Whether a booklet was finished (on the UK calendar, as reports count it) before `before`.
fn finished_before(booklet: &CompletedBooklet, before: Date) -> bool {
    uk_date_of_timestamp(&booklet.completed_at).is_some_and(|d| d < before)
}

/// What [`delete_older_than`] would delete, without deleting anything: to show the IRO before
/// they confirm.
pub async fn older_than(store: &impl KeyValueStore, before: Date) -> Result<Retention, StoreError> {
    let all = booklets(store).await?;
    let going: HashSet<&str> = all
        .iter()
        .filter(|b| finished_before(b, before))
        .map(|b| b.id.as_str())
        .collect();
    let follow_ups = follow_ups::all(store)
        .await?
        .iter()
        .filter(|f| going.contains(f.booklet_id.as_str()))
        .count();
    let survey_answers = surveys::all_answers(store)
        .await?
        .iter()
        .filter(|a| finished_before(a, before))
        .count();
    Ok(Retention {
        booklets: going.len(),
        follow_ups,
        kept: all.len() - going.len(),
        survey_answers,
    })
}

/// Deletes every booklet finished before `before`, with its follow-ups and read mark, and every
/// council survey answer finished before it. Returns what went. If storage fails part way, what
/// was deleted stays deleted and running it again finishes the job.
pub async fn delete_older_than(
    store: &impl KeyValueStore,
    before: Date,
) -> Result<Retention, StoreError> {
    let planned = older_than(store, before).await?;
    for b in booklets(store).await? {
        if finished_before(&b, before) {
            inbox::delete_booklet(store, &b.id).await?;
        }
    }
    for a in surveys::all_answers(store).await? {
        if finished_before(&a, before) {
            surveys::delete_answer(store, &a.id).await?;
        }
    }
    Ok(planned)
}

/// Erases everything My Say keeps on this device: the workspace and its key, booklets,
/// follow-ups, settings, council surveys and their answers, children's drafts and sealed
/// answers waiting to be sent, and the device key. There is no undo; the IRO needs their recovery file to set the workspace up
/// again.
pub async fn erase_everything(store: &impl KeyValueStore) -> Result<(), StoreError> {
    store.erase_everything().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{add_booklets, inbox::mark_read};
    use my_say_ui::browser::store::{now, Area, MemoryStore};

    fn booklet(id: &str, completed_at: &str, worried: bool) -> CompletedBooklet {
        let answers = if worried {
            serde_json::json!({ "feel_safe": { "type": "picked", "value": "no" } })
        } else {
            serde_json::json!({ "feel_safe": { "type": "picked", "value": "yes" } })
        };
        serde_json::from_value(serde_json::json!({
            "id": id,
            "booklet_id": "review-10-15",
            "booklet_revision": 1,
            "locale": "en",
            "age_band": "10-15",
            "child": { "name": format!("child {id}"), "age_band": "10-15", "review_date": "2026-12-01" },
            "answers": answers,
            "completed_at": completed_at,
        }))
        .unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn deletes_only_what_is_older_with_its_follow_ups_and_read_marks() {
        let store = MemoryStore::new();
        let all = [
            booklet("a1", "2024-03-31T22:30:00Z", true), // 23:30 BST: still 31 March in the UK
            booklet("a2", "2024-03-31T23:30:00Z", true), // 00:30 BST on 1 April
            booklet("a3", "2025-06-01T10:00:00Z", false),
            booklet("a4", "sometime", true),
        ];
        now(add_booklets(&store, &all, d("2025-06-02"))).unwrap();
        now(mark_read(&store, "a1", "2025-06-02T09:00:00Z")).unwrap();
        now(mark_read(&store, "a3", "2025-06-02T09:00:00Z")).unwrap();

        let before = d("2024-04-01");
        let preview = now(older_than(&store, before)).unwrap();
        assert_eq!(
            preview,
            Retention {
                booklets: 1,
                follow_ups: 1,
                kept: 3,
                survey_answers: 0,
            }
        );
        // Looking changes nothing.
        assert_eq!(now(booklets(&store)).unwrap().len(), 4);

        assert_eq!(now(delete_older_than(&store, before)).unwrap(), preview);
        let left: Vec<String> = now(booklets(&store))
            .unwrap()
            .into_iter()
            .map(|b| b.id)
            .collect();
        assert_eq!(left.len(), 3);
        assert!(!left.contains(&"a1".to_owned()));
        let keys = now(store.keys(Area::Workspace)).unwrap();
        assert!(keys.iter().all(|k| !k.contains("a1")), "{keys:?}");
        assert!(keys.contains(&"read/a3".to_owned()));
        assert!(keys.contains(&"followup/a2/feel_safe".to_owned()));
        // Again: nothing more to delete. An undated booklet is never deleted by date.
        assert_eq!(
            now(delete_older_than(&store, d("2100-01-01"))).unwrap(),
            Retention {
                booklets: 2,
                follow_ups: 1,
                kept: 1,
                survey_answers: 0,
            }
        );
        assert_eq!(now(booklets(&store)).unwrap()[0].id, "a4");
    }

    /// A finished survey (no child details) for `survey`.
    fn survey_answer(id: &str, survey: &str, completed_at: &str) -> CompletedBooklet {
        let mut a = booklet(id, completed_at, false);
        a.booklet_id = survey.to_owned();
        a.child = Default::default();
        a
    }

    #[test]
    fn survey_answers_finished_before_the_date_go_and_the_surveys_stay() {
        use crate::workspace::surveys::{self, StoredSurvey};
        use my_say_core::survey::SurveyDraft;
        let store = MemoryStore::new();
        let id = "survey-00000000000000aa";
        let survey = StoredSurvey::new(SurveyDraft::new(id, my_say_core::LocaleCode::new("en")));
        now(surveys::save(&store, &survey)).unwrap();
        now(surveys::add_answers(
            &store,
            &[
                // Survey answers keep only their (UTC) day, older tablets' included.
                survey_answer("s1", id, "2024-03-31T22:30:00Z"), // kept as 31 March
                survey_answer("s2", id, "2024-04-01T00:30:00Z"), // kept as 1 April
                survey_answer("s3", "survey-00000000000000bb", "2023-01-01T10:00:00Z"),
                survey_answer("s4", id, "whenever"),
            ],
        ))
        .unwrap();
        now(add_booklets(
            &store,
            &[booklet("a1", "2024-01-01T10:00:00Z", false)],
            d("2025-06-02"),
        ))
        .unwrap();

        let before = d("2024-04-01");
        let preview = now(older_than(&store, before)).unwrap();
        assert_eq!(
            preview,
            Retention {
                booklets: 1,
                follow_ups: 0,
                kept: 0,
                survey_answers: 2,
            }
        );
        assert!(!preview.is_empty());
        assert_eq!(
            now(surveys::all_answers(&store)).unwrap().len(),
            4,
            "looking changes nothing"
        );
        assert_eq!(now(delete_older_than(&store, before)).unwrap(), preview);
        let left: Vec<String> = now(surveys::all_answers(&store))
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(
            left,
            ["s2", "s4"],
            "an undated answer is never deleted by date"
        );
        assert_eq!(now(surveys::list(&store)).unwrap(), vec![survey]);
        assert!(now(older_than(&store, before)).unwrap().is_empty());
    }

    #[test]
    fn erasing_empties_every_area_surveys_included() {
        use crate::workspace::surveys::{self, StoredSurvey};
        use my_say_core::survey::SurveyDraft;
        let store = MemoryStore::new();
        for area in Area::ALL {
            now(store.put_bytes(area, "k", b"v")).unwrap();
        }
        let id = "survey-00000000000000aa";
        now(surveys::save(
            &store,
            &StoredSurvey::new(SurveyDraft::new(id, my_say_core::LocaleCode::new("en"))),
        ))
        .unwrap();
        now(surveys::add_answers(
            &store,
            &[survey_answer("s1", id, "2024-01-01T10:00:00Z")],
        ))
        .unwrap();
        now(erase_everything(&store)).unwrap();
        for area in Area::ALL {
            assert!(now(store.keys(area)).unwrap().is_empty());
        }
        assert!(now(surveys::list(&store)).unwrap().is_empty());
        assert!(now(surveys::all_answers(&store)).unwrap().is_empty());
    }
}

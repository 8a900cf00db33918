//! The council lead's surveys in the workspace: what they are building or have published, and the
//! anonymous answers that have come back.
//!
//! Kept in [`Area::Workspace`] (encrypted at rest with the device key, like booklets):
//!
//! - `survey/<survey id>`: a [`StoredSurvey`]: the builder's draft, the last published booklet,
//!   the themes free-text answers are grouped into, and the "You said, we did" table.
//! - `survey-answer/<record id>`: one finished survey ([`CompletedBooklet`] JSON, with no child
//!   details). Kept apart from `booklet/` so survey answers never appear in the IRO's inbox,
//!   follow-ups or review reports, and never open a follow-up: they are anonymous.
//!
//! A finished survey is told apart from a review booklet by its booklet id: survey ids start with
//! `survey-` (`survey::new_survey_id`) and review booklets with `review-`.

use crate::workspace::{add_new, records, Added};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};

/// One survey as the workspace keeps it (and as the workspace export carries it).
pub use my_say_core::survey::StoredSurvey;

/// Surveys are kept under this prefix and their id.
pub const SURVEY_PREFIX: &str = "survey/";
/// Finished surveys (answers) are kept under this prefix and the record's id.
pub const SURVEY_ANSWER_PREFIX: &str = "survey-answer/";

/// The storage key of a survey.
pub(crate) fn survey_key(id: &str) -> String {
    format!("{SURVEY_PREFIX}{id}")
}

/// The storage key of a finished survey (by its record id).
pub(crate) fn answer_key(id: &str) -> String {
    format!("{SURVEY_ANSWER_PREFIX}{id}")
}

/// Every survey in the workspace, in id order.
pub async fn list(store: &impl KeyValueStore) -> Result<Vec<StoredSurvey>, StoreError> {
    records(store, SURVEY_PREFIX).await
}

/// One survey, if the workspace has it.
pub async fn load(
    store: &impl KeyValueStore,
    id: &str,
) -> Result<Option<StoredSurvey>, StoreError> {
    store.get_json(Area::Workspace, &survey_key(id)).await
}

/// Keeps a survey, replacing what was stored under its id.
pub async fn save(store: &impl KeyValueStore, survey: &StoredSurvey) -> Result<(), StoreError> {
    store
        .put_json(Area::Workspace, &survey_key(survey.id()), survey)
        .await
}

/// Removes a survey and every answer given to it.
pub async fn delete(store: &impl KeyValueStore, id: &str) -> Result<(), StoreError> {
    for answer in answers(store, id).await? {
        delete_answer(store, &answer.id).await?;
    }
    store.delete(Area::Workspace, &survey_key(id)).await
}

/// Stores finished surveys under their record ids, skipping ids already here (so importing the
/// same answers file twice adds nothing). Opens no follow-ups: the answers are anonymous. Only
/// the day each was finished is kept: answers sealed by older tablets carry the time too, and
/// lose it here.
pub async fn add_answers(
    store: &impl KeyValueStore,
    records: &[CompletedBooklet],
) -> Result<Added, StoreError> {
    let day_only: Vec<CompletedBooklet> = records
        .iter()
        .map(|r| CompletedBooklet {
            completed_at: r.completed_on().to_owned(),
            ..r.clone()
        })
        .collect();
    add_new(store, &day_only, |r| answer_key(&r.id)).await
}

/// Every finished survey in the workspace, whichever survey it answers, in record id order.
pub async fn all_answers(store: &impl KeyValueStore) -> Result<Vec<CompletedBooklet>, StoreError> {
    let mut found: Vec<CompletedBooklet> = records(store, SURVEY_ANSWER_PREFIX).await?;
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

/// Every finished survey given to the survey `survey_id` (any revision).
pub async fn answers(
    store: &impl KeyValueStore,
    survey_id: &str,
) -> Result<Vec<CompletedBooklet>, StoreError> {
    let mut found = all_answers(store).await?;
    found.retain(|record| record.booklet_id == survey_id);
    Ok(found)
}

/// Deletes one finished survey (by its record id), and any conflicting copy kept with it.
pub async fn delete_answer(store: &impl KeyValueStore, id: &str) -> Result<(), StoreError> {
    crate::workspace::delete_conflicts(store, &answer_key(id)).await?;
    store.delete(Area::Workspace, &answer_key(id)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::survey::SurveyDraft;
    use my_say_core::LocaleCode;
    use my_say_ui::browser::store::{now, MemoryStore};

    fn record(id: &str, survey: &str) -> CompletedBooklet {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "booklet_id": survey,
            "booklet_revision": 1,
            "locale": "en",
            "age_band": "10-15",
            "child": { "name": "", "age_band": null, "review_date": "" },
            "answers": { "q1": { "type": "picked", "value": "yes" } },
            "completed_at": "2026-11-30T10:00:00Z",
        }))
        .unwrap()
    }

    #[test]
    fn answers_are_kept_apart_per_survey_and_twice_adds_nothing() {
        let store = MemoryStore::new();
        let a = [
            record("r1", "survey-00000000000000aa"),
            record("r2", "survey-00000000000000aa"),
            record("r3", "survey-00000000000000bb"),
        ];
        let first = now(add_answers(&store, &a)).unwrap();
        assert_eq!((first.added, first.already), (3, 0));
        let again = now(add_answers(&store, &a)).unwrap();
        assert_eq!((again.added, again.already), (0, 3));
        let got = now(answers(&store, "survey-00000000000000aa")).unwrap();
        assert_eq!(got.len(), 2);
        // Answers from an older tablet, finished "2026-11-30T10:00:00Z", are kept by the day.
        assert!(got.iter().all(|r| r.completed_at == "2026-11-30"));
        // Survey answers are not review booklets: the inbox's list stays empty.
        assert!(now(crate::workspace::booklets(&store)).unwrap().is_empty());
        assert!(my_say_core::survey::is_survey_booklet(&a[0].booklet_id));
    }

    #[test]
    fn a_survey_round_trips_and_deleting_it_takes_its_answers() {
        let store = MemoryStore::new();
        let mut draft = SurveyDraft::new("survey-00000000000000aa", LocaleCode::new("en"));
        draft.set_title(&LocaleCode::new("en"), "Your reviews");
        let survey = StoredSurvey::new(draft);
        now(save(&store, &survey)).unwrap();
        now(add_answers(&store, &[record("r1", survey.id())])).unwrap();
        assert_eq!(
            now(load(&store, survey.id())).unwrap(),
            Some(survey.clone())
        );
        assert_eq!(now(list(&store)).unwrap(), vec![survey.clone()]);
        now(delete(&store, survey.id())).unwrap();
        assert_eq!(now(list(&store)).unwrap(), vec![]);
        assert!(now(answers(&store, survey.id())).unwrap().is_empty());
    }
}

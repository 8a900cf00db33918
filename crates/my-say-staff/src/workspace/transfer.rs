//! The whole workspace as one JSON file, and importing such a file back (on another device, or
//! after a reinstall). The file format is `my_say_core::export::WorkspaceExport`, documented in
//! docs/exports.md.
//!
//! Import is all or nothing, and idempotent:
//!
//! - the file is read and checked completely before anything is written (a damaged file writes
//!   nothing and says what is wrong);
//! - what the import changes is worked out in memory against what the workspace holds, with the
//!   core's merge rules (booklets and finished surveys by id, the copy already here kept on a
//!   conflict; follow-ups by id, gaining the steps this device lacks; surveys by id, replaced
//!   only by a newer published revision), and only the records that differ are written;
//! - if storage fails part way (a full device), what was written is put back as it was;
//! - importing the same file again writes nothing at all.

use crate::workspace::follow_ups::FOLLOW_UP_PREFIX;
use crate::workspace::inbox::{read_ids, READ_PREFIX};
use crate::workspace::settings::{self, SETTINGS_KEY};
use crate::workspace::surveys::{self, StoredSurvey};
use crate::workspace::{booklets, conflict_prefix, conflict_records, follow_ups, BOOKLET_PREFIX};
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::Date;
use my_say_core::demo::{demo_survey, demo_workspace};
use my_say_core::export::{ImportError, ImportSummary, WorkspaceExport};
use my_say_core::followup::{merge_follow_ups, open_follow_ups, FollowUp};
use my_say_core::incoming::{classify, Arrival};
use my_say_core::summary::definition_for;
use my_say_core::validate::is_survey_id;
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Everything in the workspace as an export made at `exported_at` (RFC 3339): booklets (oldest
/// first), follow-ups, settings, read marks, the council's surveys with their answers, and the
/// conflicting copies kept apart. The export is checked as an import would check it
/// ([`WorkspaceExport::check`]): a workspace holding anything an import would refuse produces
/// no file, and says what is wrong.
pub async fn export_all(
    store: &impl KeyValueStore,
    exported_at: &str,
) -> Result<WorkspaceExport, TransferError> {
    let mut all = booklets(store).await?;
    all.reverse();
    let mut read = BTreeMap::new();
    for id in read_ids(store).await? {
        if let Some(at) = crate::workspace::inbox::read_at(store, &id).await? {
            read.insert(id, at);
        }
    }
    let mut export = WorkspaceExport::new(
        exported_at,
        all,
        follow_ups::all(store).await?,
        settings::load(store).await?,
    );
    export.read = read;
    export.surveys = surveys::list(store).await?;
    export.survey_answers = surveys::all_answers(store).await?;
    export.conflicts = conflict_records(store).await?;
    export.check().map_err(TransferError::File)?;
    Ok(export)
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Booklets added, already here, or here with other content (kept as they were);
    /// follow-ups added or given more steps; surveys and finished surveys likewise.
    pub summary: ImportSummary,
    /// Follow-ups opened for worrying answers in added booklets that the file had none for.
    pub opened: usize,
    /// Read marks added.
    pub read_marks: usize,
    /// Whether the file's settings were used and changed something.
    pub settings_changed: bool,
    /// Conflicting copies newly kept apart (see `workspace::CONFLICT_PREFIX`).
    pub conflicts_kept: usize,
}

impl Imported {
    /// Whether the import changed nothing (everything in the file was here already).
    pub fn nothing_new(&self) -> bool {
        self.summary.booklets_added == 0
            && self.summary.surveys_added == 0
            && self.summary.surveys_updated == 0
            && self.summary.survey_answers_added == 0
            && self.summary.follow_ups.added == 0
            && self.summary.follow_ups.updated == 0
            && self.opened == 0
            && self.read_marks == 0
            && self.conflicts_kept == 0
            && !self.settings_changed
    }
}

/// Why an import did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransferError {
    /// The file is not a workspace export, or is damaged. Nothing was written.
    File(ImportError),
    /// Storage failed. What had been written was put back, so nothing changed.
    Store(StoreError),
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferError::File(e) => e.fmt(f),
            TransferError::Store(e) => e.fmt(f),
        }
    }
}

impl From<StoreError> for TransferError {
    fn from(e: StoreError) -> Self {
        TransferError::Store(e)
    }
}

/// Imports a workspace export. `use_settings` also takes the file's bank holidays and number of
/// children in care (and moves open due dates to the new bank holidays); otherwise this
/// device's settings stay. Worrying answers in added booklets that the file has no follow-up
/// for open one dated `today`. See the module documentation for the guarantees.
pub async fn import_all(
    store: &impl KeyValueStore,
    json: &str,
    use_settings: bool,
    today: Date,
) -> Result<Imported, TransferError> {
    let export = WorkspaceExport::parse(json).map_err(TransferError::File)?;

    // What is here now.
    let mut here_booklets = booklets(store).await?;
    let before_follow_ups: HashMap<String, FollowUp> = follow_ups::all(store)
        .await?
        .into_iter()
        .map(|f| (f.id(), f))
        .collect();
    let mut here_follow_ups: Vec<FollowUp> = before_follow_ups.values().cloned().collect();
    let here_read = read_ids(store).await?;
    let mut settings = settings::load(store).await?;
    let before_surveys = surveys::list(store).await?;
    let mut here_surveys = before_surveys.clone();
    let mut here_answers = surveys::all_answers(store).await?;

    // What the file changes, worked out in memory.
    let mut writes: Vec<(String, Vec<u8>)> = Vec::new();
    let mut result = Imported::default();
    let read_marks: Vec<(String, String)> = export
        .read_marks()
        .filter(|(id, _)| !here_read.contains(*id))
        .map(|(id, at)| (id.to_owned(), at.to_owned()))
        .collect();
    let incoming_settings = export.settings.clone();
    // Copies with the id of a record here but other content are kept apart, as on an answers
    // file's import, with those the file itself kept apart.
    let conflict_writes = conflicts_to_keep(store, &export, &here_booklets, &here_answers).await?;
    let first_new = here_booklets.len();
    let first_new_answer = here_answers.len();
    result.summary = export.merge_into(
        &mut here_booklets,
        &mut here_follow_ups,
        &mut here_surveys,
        &mut here_answers,
    );
    let added = &here_booklets[first_new..];

    if use_settings {
        let mut changed = settings.clone();
        changed.bank_holidays = incoming_settings.bank_holidays;
        changed.bank_holidays.sort_unstable();
        changed.bank_holidays.dedup();
        if incoming_settings.children_in_care.is_some() {
            changed.children_in_care = incoming_settings.children_in_care;
        }
        if incoming_settings.lock_after_minutes.is_some() {
            changed.lock_after_minutes = incoming_settings.lock_after_minutes;
        }
        changed.other.extend(incoming_settings.other);
        if changed != settings {
            settings = changed;
            result.settings_changed = true;
            writes.push((SETTINGS_KEY.to_owned(), json_bytes(&settings)?));
        }
    }

    // Worries in added booklets that the file has no follow-up for (an older export) open now.
    let definitions = builtin_booklets();
    let opened: Vec<FollowUp> = added
        .iter()
        .filter_map(|b| definition_for(b, &definitions).map(|d| (b, d)))
        .flat_map(|(b, d)| open_follow_ups(b, d, today, &settings.bank_holidays))
        .collect();
    result.opened = merge_follow_ups(&mut here_follow_ups, opened).added;
    if result.settings_changed {
        for f in &mut here_follow_ups {
            f.reschedule(&settings.bank_holidays);
        }
    }

    for b in added {
        writes.push((format!("{BOOKLET_PREFIX}{}", b.id), json_bytes(b)?));
    }
    for f in &here_follow_ups {
        let id = f.id();
        if before_follow_ups.get(&id) != Some(f) {
            writes.push((format!("{FOLLOW_UP_PREFIX}{id}"), json_bytes(f)?));
        }
    }
    for (id, at) in &read_marks {
        writes.push((format!("{READ_PREFIX}{id}"), json_bytes(at)?));
    }
    // Surveys merge in place (a newer revision replaces the one here) or are added at the end.
    for (i, survey) in here_surveys.iter().enumerate() {
        if before_surveys.get(i) != Some(survey) {
            writes.push((surveys::survey_key(survey.id()), json_bytes(survey)?));
        }
    }
    for answer in &here_answers[first_new_answer..] {
        writes.push((surveys::answer_key(&answer.id), json_bytes(answer)?));
    }
    result.read_marks = read_marks.len();
    result.conflicts_kept = conflict_writes.len();
    writes.extend(conflict_writes);

    write_all_or_nothing(store, &writes).await?;
    Ok(result)
}

/// Fills a workspace with the example data for `today` (`my_say_core::demo`), settings
/// included, through the same import as a real file: the example workspace shows exactly what
/// an imported one would. That includes the example council survey, with its answers, themes
/// and "You said, we did".
pub async fn load_example_data(
    store: &impl KeyValueStore,
    today: Date,
) -> Result<Imported, TransferError> {
    let data = demo_workspace(today);
    let mut export = WorkspaceExport::new(
        &format!("{today}T00:00:00Z"),
        data.booklets,
        data.follow_ups,
        data.settings,
    );
    export.read = data.read.into_iter().collect();
    let survey = demo_survey(today);
    let mut stored = StoredSurvey::new(survey.draft);
    stored.published = Some(survey.published);
    stored.themes = survey.themes;
    stored.you_said = Some(survey.you_said);
    export.surveys = vec![stored];
    export.survey_answers = survey.answers;
    import_all(store, &export.to_json(), true, today).await
}

/// The conflict records an import adds: the file's booklets and finished surveys whose id is
/// here with other content, and the file's own conflicting copies, each kept once.
async fn conflicts_to_keep(
    store: &impl KeyValueStore,
    export: &WorkspaceExport,
    here_booklets: &[CompletedBooklet],
    here_answers: &[CompletedBooklet],
) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    let mut kept: Vec<(String, CompletedBooklet)> = Vec::new();
    for k in store.keys(Area::Workspace).await? {
        if k.starts_with(crate::workspace::CONFLICT_PREFIX) {
            if let Some(r) = store
                .get_json::<CompletedBooklet>(Area::Workspace, &k)
                .await
                .ok()
                .flatten()
            {
                kept.push((k, r));
            }
        }
    }
    let here: HashMap<&str, &CompletedBooklet> = here_booklets
        .iter()
        .chain(here_answers)
        .map(|b| (b.id.as_str(), b))
        .collect();
    let clashing = export
        .booklets
        .iter()
        .chain(&export.survey_answers)
        .filter(|b| classify(here.get(b.id.as_str()).copied(), b) == Arrival::Conflict);
    let mut writes = Vec::new();
    for copy in clashing.chain(&export.conflicts) {
        let prefix = conflict_prefix(&if is_survey_id(&copy.booklet_id) {
            surveys::answer_key(&copy.id)
        } else {
            format!("{BOOKLET_PREFIX}{}", copy.id)
        });
        let mine = kept.iter().filter(|(k, _)| k.starts_with(&prefix));
        if here.get(copy.id.as_str()) == Some(&copy) || mine.clone().any(|(_, r)| r == copy) {
            continue;
        }
        let key = format!("{prefix}{}", mine.count() + 1);
        writes.push((key.clone(), json_bytes(copy)?));
        kept.push((key, copy.clone()));
    }
    Ok(writes)
}

fn json_bytes<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Other(format!("could not write JSON: {e}")))
}

/// Writes every record in [`Area::Workspace`]; if one write fails, puts back what the earlier
/// ones replaced (and removes what they added) before returning the error.
async fn write_all_or_nothing(
    store: &impl KeyValueStore,
    writes: &[(String, Vec<u8>)],
) -> Result<(), StoreError> {
    let mut done: Vec<(&str, Option<Vec<u8>>)> = Vec::new();
    for (key, value) in writes {
        let previous = store.get_bytes(Area::Workspace, key).await?;
        if let Err(e) = store.put_bytes(Area::Workspace, key, value).await {
            // Newest first, so a key written twice ends up as it was at the start.
            for (key, previous) in done.into_iter().rev() {
                let _ = match previous {
                    Some(bytes) => store.put_bytes(Area::Workspace, key, &bytes).await,
                    None => store.delete(Area::Workspace, key).await,
                };
            }
            return Err(e);
        }
        done.push((key, previous));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::inbox::mark_read;
    use my_say_core::followup::{FollowUpAction, FollowUpActionKind};
    use my_say_ui::browser::store::{now, MemoryStore};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// Every record in the store, to compare before and after.
    fn snapshot(store: &MemoryStore) -> Vec<(Area, String, Vec<u8>)> {
        let mut out = Vec::new();
        for area in Area::ALL {
            for k in now(store.keys(area)).unwrap() {
                let v = now(store.get_bytes(area, &k)).unwrap().unwrap();
                out.push((area, k, v));
            }
        }
        out
    }

    /// A workspace holding the example data, as the demo loads it.
    fn demo_store(today: Date) -> MemoryStore {
        let store = MemoryStore::new();
        let loaded = now(load_example_data(&store, today)).unwrap();
        assert_eq!(loaded.summary.booklets_added, 330);
        assert!(loaded.settings_changed);
        store
    }

    #[test]
    fn the_example_workspace_has_a_council_survey_with_answers() {
        let store = demo_store(d("2026-11-23"));
        let id = my_say_core::demo::DEMO_SURVEY_ID;
        let survey = now(surveys::load(&store, id)).unwrap().unwrap();
        assert!(survey.published.is_some());
        assert_eq!(survey.themes.themes().len(), 3);
        assert_eq!(survey.you_said.unwrap().entries().len(), 3);
        assert_eq!(now(surveys::answers(&store, id)).unwrap().len(), 60);
        // Survey answers stay out of the IRO's booklets.
        assert_eq!(now(booklets(&store)).unwrap().len(), 330);
    }

    #[test]
    fn export_then_import_into_a_fresh_workspace_twice() {
        let today = d("2026-11-23");
        let source = demo_store(today);
        let export = now(export_all(&source, "2026-11-23T10:00:00Z")).unwrap();
        assert_eq!(export.booklets.len(), 330);
        assert!(export.booklets[0].completed_at < export.booklets[1].completed_at);
        assert!(!export.read.is_empty());
        let json = export.to_json();

        // The council survey and its answers travel too.
        assert_eq!(export.surveys.len(), 1);
        assert_eq!(export.surveys[0].id(), my_say_core::demo::DEMO_SURVEY_ID);
        assert_eq!(export.survey_answers.len(), 60);

        let fresh = MemoryStore::new();
        let first = now(import_all(&fresh, &json, false, today)).unwrap();
        assert_eq!(first.summary.booklets_added, 330);
        assert_eq!(first.summary.surveys_added, 1);
        assert_eq!(first.summary.survey_answers_added, 60);
        assert_eq!(first.summary.follow_ups.added, export.follow_ups.len());
        assert_eq!(
            first.opened, 0,
            "the file's follow-ups are used as they are"
        );
        assert_eq!(first.read_marks, export.read.len());
        assert!(!first.settings_changed);
        let after_first = snapshot(&fresh);

        let second = now(import_all(&fresh, &json, false, today)).unwrap();
        assert!(second.nothing_new(), "{second:?}");
        assert_eq!(second.summary.booklets_already_present, 330);
        assert_eq!(second.summary.surveys_already_present, 1);
        assert_eq!(second.summary.survey_answers_already_present, 60);
        assert_eq!(
            snapshot(&fresh),
            after_first,
            "the second import wrote nothing"
        );

        // The fresh workspace now exports the same things (settings aside: not taken).
        let again = now(export_all(&fresh, "2026-11-23T10:00:00Z")).unwrap();
        assert_eq!(again.booklets, export.booklets);
        assert_eq!(again.follow_ups, export.follow_ups);
        assert_eq!(again.read, export.read);
        assert_eq!(again.surveys, export.surveys);
        assert_eq!(again.survey_answers, export.survey_answers);
        assert_eq!(again.settings.children_in_care, None);
        // Survey answers stay out of the booklets, as when they come from a tablet.
        assert_eq!(now(booklets(&fresh)).unwrap().len(), 330);
        assert_eq!(
            now(surveys::answers(&fresh, my_say_core::demo::DEMO_SURVEY_ID))
                .unwrap()
                .len(),
            60
        );

        // Taking the settings is a change once, then nothing.
        let with = now(import_all(&fresh, &json, true, today)).unwrap();
        assert!(with.settings_changed && with.summary.booklets_added == 0);
        let taken = now(settings::load(&fresh)).unwrap();
        assert_eq!(taken.children_in_care, Some(560));
        assert!(now(import_all(&fresh, &json, true, today))
            .unwrap()
            .nothing_new());
    }

    #[test]
    fn a_damaged_file_writes_nothing() {
        let today = d("2026-11-23");
        let store = demo_store(today);
        let before = snapshot(&store);
        let good = now(export_all(&store, "2026-11-23T10:00:00Z"))
            .unwrap()
            .to_json();
        for bad in [
            "",
            "not json",
            "{\"format\":\"my-say/booklet\",\"version\":1}",
            &good[..good.len() / 2],
            &good.replacen("\"opened_on\": \"", "\"opened_on\": \"31/", 1),
        ] {
            assert!(matches!(
                now(import_all(&store, bad, true, today)),
                Err(TransferError::File(_))
            ));
        }
        // A damaged survey (its themes for another survey), or a survey answer with a child's
        // name in it, refuses the whole file.
        let other_themes = good.replacen(
            &format!("\"survey_id\": \"{}\"", my_say_core::demo::DEMO_SURVEY_ID),
            "\"survey_id\": \"survey-other\"",
            1,
        );
        let named = good.replacen("\"name\": \"\"", "\"name\": \"Sam\"", 1);
        for (bad, says) in [
            (other_themes, "are for another survey"),
            (named, "holds a child's details"),
        ] {
            match now(import_all(&store, &bad, true, today)) {
                Err(TransferError::File(e)) => assert!(e.to_string().contains(says), "{e}"),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(snapshot(&store), before);
    }

    #[test]
    fn a_damaged_survey_in_the_file_adds_nothing_to_a_fresh_workspace() {
        let today = d("2026-11-23");
        let mut export = now(export_all(&demo_store(today), "t")).unwrap();
        // Published with a question asking for a name: the whole file is refused.
        let published = export.surveys[0].published.as_mut().unwrap();
        published.sections[0].questions[0].text.0.insert(
            my_say_core::LocaleCode::new("en"),
            "What's your name?".into(),
        );
        let fresh = MemoryStore::new();
        let refused = now(import_all(&fresh, &export.to_json(), true, today)).unwrap_err();
        assert!(
            refused.to_string().contains("must not ask for a name"),
            "{refused}"
        );
        assert!(snapshot(&fresh).is_empty());
    }

    #[test]
    fn a_version_1_file_still_imports() {
        let today = d("2026-11-23");
        let json = now(export_all(&demo_store(today), "t")).unwrap().to_json();
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["version"] = serde_json::json!(1);
        let object = v.as_object_mut().unwrap();
        object.remove("surveys");
        object.remove("survey_answers");
        let fresh = MemoryStore::new();
        let done = now(import_all(&fresh, &v.to_string(), false, today)).unwrap();
        assert_eq!(done.summary.booklets_added, 330);
        assert_eq!(done.summary.surveys_added, 0);
        assert!(now(surveys::list(&fresh)).unwrap().is_empty());
        assert!(now(import_all(&fresh, &v.to_string(), false, today))
            .unwrap()
            .nothing_new());
    }

    #[test]
    fn a_newer_survey_replaces_the_one_here_and_an_older_one_does_not() {
        let today = d("2026-11-23");
        let store = demo_store(today);
        let id = my_say_core::demo::DEMO_SURVEY_ID;
        let older = now(export_all(&store, "t")).unwrap().to_json();
        // Published again here (revision 2), with a theme added.
        let mut survey = now(surveys::load(&store, id)).unwrap().unwrap();
        survey
            .draft
            .set_title(&my_say_core::LocaleCode::new("en"), "Your reviews, 2027");
        survey.published = Some(survey.draft.publish().unwrap());
        survey.themes.add_theme("Meetings").unwrap();
        now(surveys::save(&store, &survey)).unwrap();
        let newer = now(export_all(&store, "t")).unwrap().to_json();
        // The older file changes nothing here: the survey here is newer.
        let kept = now(import_all(&store, &older, false, today)).unwrap();
        assert_eq!(kept.summary.surveys_kept, 1);
        assert!(kept.nothing_new());
        assert_eq!(
            now(surveys::load(&store, id)).unwrap(),
            Some(survey.clone())
        );
        // Into a workspace that has the older one, the newer file brings revision 2.
        let other = demo_store(today);
        let updated = now(import_all(&other, &newer, false, today)).unwrap();
        assert_eq!(updated.summary.surveys_updated, 1);
        assert_eq!(now(surveys::load(&other, id)).unwrap(), Some(survey));
        assert!(now(import_all(&other, &newer, false, today))
            .unwrap()
            .nothing_new());
    }

    #[test]
    fn steps_recorded_on_two_devices_come_together_and_local_work_is_kept() {
        let today = d("2026-11-23");
        let a = demo_store(today);
        let b = MemoryStore::new();
        let json = now(export_all(&a, "t")).unwrap().to_json();
        now(import_all(&b, &json, false, today)).unwrap();
        // Device B records a step on an open follow-up; device A never saw it.
        let open = now(follow_ups::all(&b))
            .unwrap()
            .into_iter()
            .find(|f| !f.is_closed())
            .unwrap();
        let step = FollowUpAction {
            kind: FollowUpActionKind::NoFurtherAction,
            note: "Talked with the carer".into(),
            date: today,
        };
        now(follow_ups::record(&b, &open.id(), step.clone())).unwrap();
        // A's (older) file imported into B again: B keeps its step.
        assert!(now(import_all(&b, &json, false, today))
            .unwrap()
            .nothing_new());
        assert!(now(follow_ups::get(&b, &open.id()))
            .unwrap()
            .unwrap()
            .is_closed());
        // B's file into A: A gains the step, and only that follow-up changes.
        let from_b = now(export_all(&b, "t")).unwrap().to_json();
        let result = now(import_all(&a, &from_b, false, today)).unwrap();
        assert_eq!(result.summary.follow_ups.updated, 1);
        assert_eq!(result.summary.follow_ups.added, 0);
        let merged = now(follow_ups::get(&a, &open.id())).unwrap().unwrap();
        assert!(merged.actions.contains(&step) && merged.is_closed());
        // A read mark made here is not replaced by the file's.
        let id = now(booklets(&a)).unwrap()[0].id.clone();
        now(store_delete_read(&a, &id));
        now(mark_read(&a, &id, "2030-01-01T00:00:00Z")).unwrap();
        now(import_all(&a, &from_b, false, today)).unwrap();
        assert_eq!(
            now(crate::workspace::inbox::read_at(&a, &id))
                .unwrap()
                .as_deref(),
            Some("2030-01-01T00:00:00Z")
        );
    }

    async fn store_delete_read(store: &MemoryStore, id: &str) {
        store
            .delete(Area::Workspace, &format!("{READ_PREFIX}{id}"))
            .await
            .unwrap();
    }

    #[test]
    fn a_full_device_puts_everything_back() {
        let today = d("2026-11-23");
        let source = demo_store(today);
        let json = now(export_all(&source, "t")).unwrap().to_json();
        let store = MemoryStore::new();
        // Something already here, which the import would otherwise change.
        let first = now(booklets(&source)).unwrap()[0].clone();
        now(crate::workspace::add_booklets(&store, &[first], today)).unwrap();
        let before = snapshot(&store);
        let used: usize = before.iter().map(|(_, k, v)| k.len() + v.len()).sum();
        // Room for some of the file, not all of it.
        store.set_quota(Some(used + 40_000));
        assert_eq!(
            now(import_all(&store, &json, true, today)),
            Err(TransferError::Store(StoreError::QuotaExceeded))
        );
        store.set_quota(None);
        assert_eq!(snapshot(&store), before);
        // With room, it all goes in.
        let done = now(import_all(&store, &json, true, today)).unwrap();
        assert_eq!(done.summary.booklets_added, 329);
        assert_eq!(done.summary.booklets_already_present, 1);
    }
}

//! The whole workspace as one JSON file, and importing such a file back (on another device, or
//! after a reinstall). The file format is `my_say_core::export::WorkspaceExport`, documented in
//! docs/exports.md; the file ends with a MAC under the workspace's own key, so an import can
//! tell a file made here from one made elsewhere or changed since.
//!
//! An import shows what it would do before it does it:
//!
//! - [`plan_import`] reads and checks the whole file (a damaged file writes nothing and says
//!   what is wrong), says where it comes from (`FileOrigin`), and works out in memory, with the
//!   core's merge rules, the list of what it would change ([`plan::Changes`]): booklets added,
//!   follow-ups closed (those closing a worry open here marked), booklets marked read, surveys
//!   replaced (those whose answers are sealed for another key marked), settings replaced;
//! - nothing is written until the IRO has read that list and confirmed it (twice for a file not
//!   proven to be this workspace's own); [`apply`] then works the list out again and writes
//!   only if it is still the list confirmed;
//! - every record it changes is written in one IndexedDB transaction
//!   ([`KeyValueStore::write_batch`]): all or nothing, even if the tab is closed half way;
//! - importing the same file again has nothing to change.

pub mod plan;

use crate::workspace::inbox::read_ids;
use crate::workspace::settings;
use crate::workspace::surveys::{self, StoredSurvey};
use crate::workspace::{booklets, conflict_records, follow_ups, Unlocked, CONFLICT_PREFIX};
use my_say_core::calendar::Date;
use my_say_core::demo::{demo_survey, demo_workspace};
use my_say_core::export::{ExportedBy, FileOrigin, ImportError, ImportSummary, WorkspaceExport};
use my_say_core::seal::{PrivateKey, PublicKey};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};
use plan::{Changes, Here};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

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

/// The file to download: [`export_all`], saying it was made by the unlocked workspace and ended
/// by its MAC under the workspace's key (`WorkspaceExport::to_authenticated_json`).
pub async fn export_file(
    store: &impl KeyValueStore,
    exported_at: &str,
    unlocked: &Unlocked,
) -> Result<String, TransferError> {
    let mut export = export_all(store, exported_at).await?;
    export.exported_by = Some(ExportedBy::new(&unlocked.workspace.identity));
    Ok(export.to_authenticated_json(&unlocked.key))
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
#[derive(Clone, Debug, PartialEq)]
pub enum TransferError {
    /// The file is not a workspace export, or is damaged. Nothing was written.
    File(ImportError),
    /// Storage failed. The import's one transaction was undone, so nothing changed.
    Store(StoreError),
    /// The workspace changed between showing the list and applying it (in another tab, say),
    /// so the list is no longer what the import would do. Nothing was written; this is the
    /// list as it is now, to confirm again.
    ChangedSince(Box<Planned>),
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferError::File(e) => e.fmt(f),
            TransferError::Store(e) => e.fmt(f),
            TransferError::ChangedSince(_) => f.write_str(
                "The workspace changed while the list was shown, so nothing was imported. \
                 Read the list again.",
            ),
        }
    }
}

impl From<StoreError> for TransferError {
    fn from(e: StoreError) -> Self {
        TransferError::Store(e)
    }
}

/// A workspace file read and compared with the workspace: where it comes from and what
/// importing it would change. Nothing has been written.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    /// Where the file comes from, as far as this workspace can tell.
    pub origin: FileOrigin,
    /// What importing it would change.
    pub changes: Changes,
    /// The file, read (shared: the page keeps a `Planned` in a signal and clones it).
    export: Arc<WorkspaceExport>,
    use_settings: bool,
    today: Date,
}

impl Planned {
    /// Whether the file is not proven to be this workspace's own, unchanged: then the IRO
    /// confirms a second time before it is applied.
    pub fn needs_second_confirmation(&self) -> bool {
        self.origin != FileOrigin::ThisWorkspace
    }
}

/// Reads a workspace file, checks its MAC with this workspace's `key`, and works out what
/// importing it would change. `use_settings` also takes the file's settings (bank holidays,
/// number of children in care, lock time; open due dates move to the new bank holidays).
/// Writes nothing.
pub async fn plan_import(
    store: &impl KeyValueStore,
    file: &str,
    key: &PrivateKey,
    use_settings: bool,
    today: Date,
) -> Result<Planned, TransferError> {
    let (export, origin) = WorkspaceExport::read(file, key).map_err(TransferError::File)?;
    let here = read_here(store, key.public_key()).await?;
    let changes = plan::plan(&here, &export, use_settings, today).changes;
    Ok(Planned {
        origin,
        changes,
        export: Arc::new(export),
        use_settings,
        today,
    })
}

/// Applies a planned import the IRO has confirmed: works it out again against the workspace as
/// it is now and, if the list is still the one confirmed, writes every record in one
/// transaction. Otherwise writes nothing and returns the new list
/// ([`TransferError::ChangedSince`]).
pub async fn apply(
    store: &impl KeyValueStore,
    confirmed: &Planned,
    key: PublicKey,
) -> Result<Imported, TransferError> {
    let here = read_here(store, key).await?;
    let now = plan::plan(
        &here,
        &confirmed.export,
        confirmed.use_settings,
        confirmed.today,
    );
    if now.changes != confirmed.changes {
        return Err(TransferError::ChangedSince(Box::new(Planned {
            changes: now.changes,
            ..confirmed.clone()
        })));
    }
    write(store, now.writes).await?;
    Ok(now.imported)
}

/// Imports an export with no list to confirm: for the example workspace, whose data is made
/// by the app itself.
async fn import_export(
    store: &impl KeyValueStore,
    export: &WorkspaceExport,
    key: PublicKey,
    use_settings: bool,
    today: Date,
) -> Result<Imported, TransferError> {
    let here = read_here(store, key).await?;
    let planned = plan::plan(&here, export, use_settings, today);
    write(store, planned.writes).await?;
    Ok(planned.imported)
}

/// Writes the import's records in one transaction ([`KeyValueStore::put_many`]: all or none,
/// so closing the tab half way leaves nothing half done).
async fn write(
    store: &impl KeyValueStore,
    writes: Vec<(String, Vec<u8>)>,
) -> Result<(), StoreError> {
    store.put_many(Area::Workspace, &writes).await
}

/// What the workspace holds, for [`plan::plan`].
async fn read_here(store: &impl KeyValueStore, key: PublicKey) -> Result<Here, StoreError> {
    Ok(Here {
        key,
        booklets: booklets(store).await?,
        follow_ups: follow_ups::all(store).await?,
        read: read_ids(store).await?,
        settings: settings::load(store).await?,
        surveys: surveys::list(store).await?,
        survey_answers: surveys::all_answers(store).await?,
        conflicts: conflict_records_with_keys(store).await?,
    })
}

/// Every conflict record kept, with its key, in key order; a damaged one is skipped.
async fn conflict_records_with_keys(
    store: &impl KeyValueStore,
) -> Result<Vec<(String, CompletedBooklet)>, StoreError> {
    let keys: Vec<String> = store
        .keys(Area::Workspace)
        .await?
        .into_iter()
        .filter(|k| k.starts_with(CONFLICT_PREFIX))
        .collect();
    let values = store.get_many(Area::Workspace, &keys).await?;
    Ok(keys
        .into_iter()
        .zip(values)
        .filter_map(|(k, v)| Some((k, serde_json::from_slice(&v?).ok()?)))
        .collect())
}

/// Fills a workspace with the example data for `today` (`my_say_core::demo`), settings
/// included, through the same import as a real file: the example workspace shows exactly what
/// an imported one would. That includes the example council survey, with its answers, themes
/// and "You said, we did". `key` is the example workspace's.
pub async fn load_example_data(
    store: &impl KeyValueStore,
    key: PublicKey,
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
    import_export(store, &export, key, true, today).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::inbox::mark_read;
    use my_say_core::followup::{FollowUpAction, FollowUpActionKind};
    use my_say_ui::browser::store::{now, MemoryStore};

    /// The workspace the tests import into.
    fn me() -> PrivateKey {
        PrivateKey::from_bytes(&[7; 32])
    }

    /// Plans the import of a file and applies it, as the page does once the IRO confirms.
    async fn import_all(
        store: &MemoryStore,
        json: &str,
        use_settings: bool,
        today: Date,
    ) -> Result<Imported, TransferError> {
        let planned = plan_import(store, json, &me(), use_settings, today).await?;
        apply(store, &planned, me().public_key()).await
    }

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
        let loaded = now(load_example_data(&store, me().public_key(), today)).unwrap();
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
            .delete(Area::Workspace, &crate::workspace::inbox::read_key(id))
            .await
            .unwrap();
    }

    #[test]
    fn a_full_device_writes_nothing() {
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
    #[test]
    fn an_export_made_here_is_this_workspaces_own_and_another_is_not() {
        use crate::workspace::Workspace;
        use my_say_core::seal::{system_rng, KdfParams};
        let today = d("2026-11-23");
        let store = demo_store(today);
        let (workspace, key) = Workspace::create(
            "Sam Patel",
            "river lantern pebble",
            KdfParams::MINIMUM,
            &mut system_rng(),
        )
        .unwrap();
        let me = Unlocked { workspace, key };
        let file = now(export_file(&store, "2026-11-23T10:00:00Z", &me)).unwrap();
        let fresh = MemoryStore::new();
        let own = now(plan_import(&fresh, &file, &me.key, false, today)).unwrap();
        assert_eq!(own.origin, FileOrigin::ThisWorkspace);
        assert!(!own.needs_second_confirmation());
        assert_eq!(own.changes.booklets_added, 330);
        assert!(snapshot(&fresh).is_empty(), "planning writes nothing");
        // Into another workspace (another key), the same file is another workspace's.
        let other = now(plan_import(&fresh, &file, &me_other(), false, today)).unwrap();
        assert!(
            matches!(other.origin, FileOrigin::OtherWorkspace(ref by) if by.display_name == "Sam Patel")
        );
        assert!(other.needs_second_confirmation());
        assert_eq!(other.changes, own.changes);
        // One byte changed: still read, but changed since.
        let edited = file.replacen("\"review_date\": \"20", "\"review_date\": \"21", 1);
        let changed = now(plan_import(&fresh, &edited, &me.key, false, today)).unwrap();
        assert_eq!(changed.origin, FileOrigin::Changed);
        assert!(changed.needs_second_confirmation());
        // Applied, the same file has nothing to change.
        now(apply(&fresh, &own, me.key.public_key())).unwrap();
        let again = now(plan_import(&fresh, &file, &me.key, false, today)).unwrap();
        assert!(again.changes.is_empty(), "{:?}", again.changes);
    }

    fn me_other() -> PrivateKey {
        PrivateKey::from_bytes(&[8; 32])
    }

    #[test]
    fn a_list_that_is_no_longer_true_is_not_applied() {
        let today = d("2026-11-23");
        let source = demo_store(today);
        let json = now(export_all(&source, "t")).unwrap().to_json();
        let store = MemoryStore::new();
        let planned = now(plan_import(&store, &json, &me(), false, today)).unwrap();
        assert_eq!(planned.origin, FileOrigin::Unsigned);
        // Meanwhile, in another tab, one of the file's booklets arrives.
        let first = now(booklets(&source)).unwrap()[0].clone();
        now(crate::workspace::add_booklets(&store, &[first], today)).unwrap();
        let before = snapshot(&store);
        let Err(TransferError::ChangedSince(now_list)) =
            now(apply(&store, &planned, me().public_key()))
        else {
            panic!("applied a list that was no longer true");
        };
        assert_eq!(snapshot(&store), before, "nothing written");
        assert_eq!(planned.changes.booklets_added, 330);
        assert_eq!(now_list.changes.booklets_added, 329);
        // The new list, confirmed, applies.
        let done = now(apply(&store, &now_list, me().public_key())).unwrap();
        assert_eq!(done.summary.booklets_added, 329);
    }
}

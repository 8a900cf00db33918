//! "Import a workspace file" on the data page: choose a file, read where it comes from and what
//! it would change, then apply it or cancel. The rules (what the list holds, the MAC, one
//! transaction, working the list out again before writing) are in `crate::workspace::transfer`.

use super::import_plan::ImportPlan;
use super::{focus_id_soon, use_active, ActiveWorkspace};
use crate::i18n::Key;
use crate::workspace::transfer::{self, Imported, Planned, TransferError};
use crate::workspace::use_unlocked;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::PrivateKey;
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::{use_i18n, Locale};

/// A file read, and what importing it would change, waiting for the IRO.
#[derive(Clone)]
struct Pending {
    /// The file's name.
    file: String,
    /// Its text, to work the list out again if the settings choice changes.
    text: String,
    /// Where it comes from and what it would change.
    planned: Planned,
}

/// The message once a file has been imported.
fn imported_message(locale: Locale, file: &str, done: Imported) -> String {
    let s = done.summary;
    let mut text = locale.format(
        Key::IroDataImported,
        &[
            ("file", file),
            ("booklets", &s.booklets_added.to_string()),
            (
                "follow_ups",
                &(s.follow_ups.added + s.follow_ups.updated + done.opened).to_string(),
            ),
            ("already", &s.booklets_already_present.to_string()),
        ],
    );
    let mut add = |key: Key, values: &[(&str, &str)]| {
        text.push(' ');
        text.push_str(&locale.format(key, values));
    };
    if s.booklets_conflicting > 0 {
        add(
            Key::IroDataImportedConflicts,
            &[("count", &s.booklets_conflicting.to_string())],
        );
    }
    if s.surveys_added + s.surveys_updated + s.survey_answers_added > 0 {
        let surveys = (s.surveys_added + s.surveys_updated).to_string();
        let answers = s.survey_answers_added.to_string();
        add(
            Key::IroDataImportedSurveys,
            &[("surveys", &surveys), ("survey_answers", &answers)],
        );
    }
    let kept = s.surveys_kept + s.survey_answers_conflicting;
    if kept > 0 {
        add(
            Key::IroDataImportedSurveysKept,
            &[("count", &kept.to_string())],
        );
    }
    if done.settings_changed {
        add(Key::IroDataImportedSettings, &[]);
    }
    text
}

/// Works out what importing the file would change, with the unlocked workspace's key.
async fn plan_file(
    active: ActiveWorkspace,
    key: &PrivateKey,
    text: &str,
    use_settings: bool,
) -> Result<Planned, TransferError> {
    let store = active.store().await?;
    transfer::plan_import(&store, text, key, use_settings, clock::today_date()).await
}

/// Applies a list the IRO confirmed.
async fn apply_plan(
    active: ActiveWorkspace,
    planned: &Planned,
    key: &PrivateKey,
) -> Result<Imported, TransferError> {
    let store = active.store().await?;
    transfer::apply(&store, planned, key.public_key()).await
}

/// The outcome of each file, read out as it comes, and "loading" while a file is read or applied.
#[component]
fn ImportResults(
    /// Each outcome: `Some(true)` changed something, `Some(false)` nothing, `None` failed; and
    /// its message.
    results: RwSignal<Vec<(Option<bool>, String)>>,
    /// Whether a file is being read or applied.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="import-results" role="status" aria-live="polite">
            {move || busy.get().then(|| view! { <p class="busy-note"><span class="spinner" aria-hidden="true"></span>{i18n.tr(Key::IroLoading)}</p> })}
            <ul class="plain">
                {move || results.get().into_iter().map(|(outcome, text)| {
                    let class = match outcome {
                        Some(true) => "banner success",
                        Some(false) => "banner info",
                        None => "banner error",
                    };
                    view! { <li class=class dir="auto">{text}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Importing a workspace file: the file is read and its changes listed; nothing is written until
/// the IRO confirms (twice for a file not proven to be this workspace's own), and then all of
/// it in one transaction.
#[component]
pub(super) fn ImportWorkspace(
    /// Called after a file changed something.
    on_imported: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let unlocked = use_unlocked();
    let use_settings = RwSignal::new(false);
    // Each outcome: Some(true) changed something, Some(false) nothing, None failed.
    let results = RwSignal::new(Vec::<(Option<bool>, String)>::new());
    let pending = RwSignal::new(None::<Pending>);
    let second = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let say =
        move |outcome: Option<bool>, text: String| results.update(|r| r.push((outcome, text)));
    let failed = move |file: &str, reason: String| {
        say(
            None,
            i18n.locale()
                .format(Key::IroImportFailed, &[("file", file), ("reason", &reason)]),
        )
    };

    // Reads what the file would change; shows the list, or says why not or that it changes nothing.
    let plan = move |file: String, text: String| {
        let Some(key) = unlocked.key() else { return };
        busy.set(true);
        spawn_local(async move {
            let planned = plan_file(active, &key, &text, use_settings.get_untracked()).await;
            busy.set(false);
            second.set(false);
            match planned {
                Ok(p) if p.changes.is_empty() => {
                    pending.set(None);
                    say(
                        Some(false),
                        i18n.locale()
                            .format(Key::IroDataImportedNothing, &[("file", &file)]),
                    );
                }
                Ok(planned) => {
                    pending.set(Some(Pending {
                        file,
                        text,
                        planned,
                    }));
                    focus_id_soon("import-plan-heading");
                }
                Err(e) => {
                    pending.set(None);
                    failed(&file, e.to_string());
                }
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        // The field is cleared, so that choosing the same file again is noticed (and listed
        // again).
        let Some(file) = files::take_picked(&ev).filter(|_| !busy.get_untracked()) else {
            return;
        };
        results.set(Vec::new());
        pending.set(None);
        spawn_local(async move {
            let name = file.name();
            match files::read(&file, my_say_core::limits::WORKSPACE_FILE_MAX_BYTES).await {
                Err(reason) => failed(&name, reason),
                Ok(bytes) => match String::from_utf8(bytes) {
                    Err(_) => failed(&name, i18n.t(Key::IroDataNotText).to_owned()),
                    Ok(text) => plan(name, text),
                },
            }
        });
    };
    let on_settings = move |ev: leptos::ev::Event| {
        use_settings.set(event_target_checked(&ev));
        if let Some(p) = pending.get_untracked() {
            plan(p.file, p.text);
        }
    };
    let apply = Callback::new(move |_| {
        let (Some(p), Some(key)) = (pending.get_untracked(), unlocked.key()) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let done = apply_plan(active, &p.planned, &key).await;
            busy.set(false);
            second.set(false);
            match done {
                Ok(done) => {
                    pending.set(None);
                    say(
                        Some(!done.nothing_new()),
                        imported_message(i18n.locale(), &p.file, done),
                    );
                    on_imported.run(());
                    focus_id_soon("import-workspace");
                }
                Err(TransferError::ChangedSince(now)) => {
                    say(Some(false), i18n.t(Key::IroImportChangedSince).to_owned());
                    pending.set(Some(Pending { planned: *now, ..p }));
                    focus_id_soon("import-plan-heading");
                }
                Err(e) => {
                    pending.set(None);
                    failed(&p.file, e.to_string());
                }
            }
        });
    });
    let cancel = Callback::new(move |_| {
        if let Some(file) = pending.with_untracked(|p| p.as_ref().map(|p| p.file.clone())) {
            say(
                Some(false),
                i18n.locale()
                    .format(Key::IroImportCancelled, &[("file", &file)]),
            );
        }
        pending.set(None);
        second.set(false);
        focus_id_soon("import-workspace");
    });

    view! {
        <section class="card" aria-labelledby="data-import-heading">
            <h2 id="data-import-heading">{i18n.tr(Key::IroDataImportTitle)}</h2>
            <p>{i18n.tr(Key::IroDataImportLead)}</p>
            <div class="check-row">
                <input id="import-settings" type="checkbox" prop:checked=use_settings on:change=on_settings />
                <label for="import-settings">{i18n.tr(Key::IroDataImportSettings)}</label>
            </div>
            <div class="field">
                <label for="import-workspace">{i18n.tr(Key::IroDataImportFile)}</label>
                <input id="import-workspace" type="file" accept=".json,application/json" on:change=on_pick />
            </div>
            <ImportResults results busy />
            {move || pending.get().map(|p| view! {
                <ImportPlan file=p.file planned=p.planned second busy on_apply=apply on_cancel=cancel />
            })}
        </section>
    }
}

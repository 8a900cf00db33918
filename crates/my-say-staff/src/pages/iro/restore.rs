//! Restoring a workspace from a recovery file: a new laptop, or a forgotten newer passphrase.

use super::ErrorBanner;
use super::{
    after_paint, focus_id_soon, problem_for, use_active, BusyNote, ErrorSummary, Field, Problems,
};
use crate::i18n::Key;
use crate::workspace::{self, use_unlocked, RestoreError, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::{system_rng, KeyError};
use my_say_ui::browser::files;
use my_say_ui::i18n::use_i18n;

/// A recovery file picker and its passphrase. Restores (and unlocks) the workspace it holds.
#[component]
pub fn RestoreFromFile(
    /// The workspace already on this device, if any: the file must then hold the same key.
    existing: Option<Workspace>,
    /// Called with the restored workspace once it is stored and unlocked.
    on_restored: Callback<Workspace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let unlocked = use_unlocked();
    // The chosen file's name and text.
    let file = RwSignal::new(None::<(String, String)>);
    let passphrase = RwSignal::new(String::new());
    let problems: Problems = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let existing = StoredValue::new(existing);

    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(picked) = input.files().and_then(|f| f.get(0)) else {
            file.set(None);
            return;
        };
        spawn_local(async move {
            let name = picked.name();
            match files::read(&picked, my_say_core::limits::RECOVERY_FILE_MAX_BYTES).await {
                Ok(bytes) => file.set(Some((name, String::from_utf8_lossy(&bytes).into_owned()))),
                Err(e) => {
                    file.set(None);
                    failure.set(Some(e));
                }
            }
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut found = Vec::new();
        let chosen = file.get_untracked();
        if chosen.is_none() {
            found.push((Key::IroErrorNoFile, "restore-file"));
        }
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            found.push((Key::IroErrorPassphraseMissing, "restore-passphrase"));
        }
        let invalid = !found.is_empty();
        problems.set(found);
        failure.set(None);
        let Some((name, text)) = chosen.filter(|_| !invalid) else {
            focus_id_soon("restore-errors");
            return;
        };
        busy.set(true);
        spawn_local(async move {
            after_paint().await;
            let restored = existing
                .with_value(|e| Workspace::restore(&text, &pass, e.as_ref(), &mut system_rng()));
            let outcome = match restored {
                Ok((ws, key)) => match active.store().await {
                    Ok(store) => match workspace::save(&store, &ws).await {
                        Ok(()) => Ok((ws, key)),
                        Err(e) => Err(i18n.store_error(&e)),
                    },
                    Err(e) => Err(i18n.store_error(&e)),
                },
                Err(RestoreError::Key(KeyError::WrongPassphrase)) => {
                    problems.set(vec![(Key::IroErrorWrongPassphrase, "restore-passphrase")]);
                    busy.set(false);
                    focus_id_soon("restore-errors");
                    return;
                }
                Err(RestoreError::OtherKey { found, expected }) => Err(i18n.locale().format(
                    Key::IroRestoreOtherKey,
                    &[
                        ("file", &name),
                        ("found", &found.to_string()),
                        ("expected", &expected.to_string()),
                    ],
                )),
                Err(e) => Err(i18n.locale().format(
                    Key::IroErrorBadRecovery,
                    &[("file", &name), ("reason", &e.to_string())],
                )),
            };
            busy.set(false);
            match outcome {
                Ok((ws, key)) => {
                    passphrase.set(String::new());
                    unlocked.set(ws.clone(), key);
                    on_restored.run(ws);
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };

    let file_error = problem_for(problems, "restore-file");
    view! {
        <form class="form" on:submit=submit novalidate=true>
            <ErrorSummary id="restore-errors" problems />
            <ErrorBanner error=failure />
            <div class="field" class:has-error=move || file_error.get().is_some()>
                <label for="restore-file">{i18n.tr(Key::IroRecoveryFile)}</label>
                {move || file_error.get().map(|k| view! { <p class="field-error" id="restore-file-error">{i18n.tr(k)}</p> })}
                <input
                    id="restore-file"
                    type="file"
                    accept=".json,application/json"
                    aria-invalid=move || file_error.get().is_some().then_some("true")
                    aria-describedby=move || file_error.get().is_some().then_some("restore-file-error")
                    on:change=pick
                />
            </div>
            <Field id="restore-passphrase" label=Key::IroRestorePassphrase kind="password" autocomplete="current-password" value=passphrase error=problem_for(problems, "restore-passphrase") />
            <div class="form-actions">
                <BusyNote busy message=Key::IroRestoring />
                <button type="submit" disabled=move || busy.get()>{i18n.tr(Key::IroRestoreButton)}</button>
            </div>
        </form>
    }
}

//! Unlocking the workspace with the passphrase.

use super::restore::RestoreFromFile;
use super::ErrorBanner;
use super::{
    after_paint, focus_id_soon, focus_when_shown, problem_for, BusyNote, ErrorSummary, Field,
    Problems,
};
use crate::i18n::Key;
use crate::workspace::{use_unlocked, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::KeyError;
use my_say_ui::i18n::use_i18n;

/// "Unlock your IRO workspace": the passphrase unwraps the private key into memory. A restore
/// from a recovery file of the same key is offered for a forgotten passphrase.
#[component]
pub fn UnlockWorkspace(
    /// The workspace on this device.
    workspace: Workspace,
    /// Called with the workspace restored from a recovery file, if the IRO does that instead.
    on_restored: Callback<Workspace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    let passphrase = RwSignal::new(String::new());
    let problems: Problems = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let name = workspace.identity.display_name.clone();
    let fingerprint = workspace.fingerprint().to_string();
    let ws = StoredValue::new(workspace.clone());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let pass = passphrase.get_untracked();
        failure.set(None);
        if pass.is_empty() {
            problems.set(vec![(Key::IroErrorPassphraseMissing, "unlock-passphrase")]);
            focus_id_soon("unlock-errors");
            return;
        }
        problems.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            after_paint().await;
            let workspace = ws.get_value();
            let result = workspace.unlock(&pass);
            busy.set(false);
            match result {
                Ok(key) => {
                    passphrase.set(String::new());
                    unlocked.set(workspace, key);
                }
                Err(KeyError::WrongPassphrase) => {
                    problems.set(vec![(Key::IroErrorWrongPassphrase, "unlock-passphrase")]);
                    focus_id_soon("unlock-errors");
                }
                Err(e) => failure.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <section class="page iro iro-unlock">
            <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroUnlockTitle)}</h1>
            <p class="lead">{move || i18n.locale().format(Key::IroUnlockLead, &[("name", &name), ("fingerprint", &fingerprint)])}</p>
            <ErrorSummary id="unlock-errors" problems />
            <ErrorBanner error=failure />
            <form class="form" on:submit=submit novalidate=true>
                <Field id="unlock-passphrase" label=Key::IroPassphrase kind="password" autocomplete="current-password" value=passphrase error=problem_for(problems, "unlock-passphrase") />
                <div class="form-actions">
                    <BusyNote busy message=Key::IroUnlocking />
                    <button type="submit" class="primary big" disabled=move || busy.get()>{i18n.tr(Key::IroUnlockButton)}</button>
                </div>
            </form>
            <section class="card" aria-labelledby="forgot-heading">
                <h2 id="forgot-heading">{i18n.tr(Key::IroForgotTitle)}</h2>
                <p>{i18n.tr(Key::IroForgotLead)}</p>
                <RestoreFromFile existing=Some(workspace) on_restored />
            </section>
        </section>
    }
}

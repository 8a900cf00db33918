//! Setting up a workspace on this device, and the recovery file offered straight after.

use super::passphrase::StrengthMeter;
use super::restore::RestoreFromFile;
use super::ErrorBanner;
use super::{
    after_paint, focus_id_soon, focus_when_shown, offer_download, passphrase_problem, problem_for,
    use_active, BusyNote, ErrorSummary, Field, Problems,
};
use crate::i18n::Key;
use crate::workspace::{self, use_unlocked, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::{system_rng, KdfParams};
use my_say_ui::i18n::use_i18n;

/// "Set up your IRO workspace": name and passphrase make a new key pair, wrapped under the
/// passphrase; or restore one from a recovery file.
#[component]
pub fn SetUpWorkspace(
    /// Called with the new workspace once it is stored and unlocked.
    on_created: Callback<Workspace>,
    /// Called with a restored workspace once it is stored and unlocked.
    on_restored: Callback<Workspace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let unlocked = use_unlocked();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);

    let name = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problems: Problems = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (n, p, c) = (
            name.get_untracked(),
            passphrase.get_untracked(),
            confirm.get_untracked(),
        );
        let found: Vec<_> = workspace::check_set_up(&n, &p, &c)
            .into_iter()
            .map(|problem| {
                passphrase_problem(problem, "iro-name", "setup-passphrase", "setup-confirm")
            })
            .collect();
        let invalid = !found.is_empty();
        problems.set(found);
        failure.set(None);
        if invalid {
            focus_id_soon("setup-errors");
            return;
        }
        busy.set(true);
        spawn_local(async move {
            after_paint().await;
            let made = Workspace::create(&n, &p, KdfParams::DEFAULT, &mut system_rng());
            let result = match made {
                Ok((ws, key)) => match active.store().await {
                    Ok(store) => workspace::save(&store, &ws)
                        .await
                        .map(|()| (ws, key))
                        .map_err(|e| i18n.store_error(&e)),
                    Err(e) => Err(i18n.store_error(&e)),
                },
                Err(e) => Err(e.to_string()),
            };
            busy.set(false);
            match result {
                Ok((ws, key)) => {
                    passphrase.set(String::new());
                    confirm.set(String::new());
                    unlocked.set(ws.clone(), key);
                    on_created.run(ws);
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };

    view! {
        <section class="page iro iro-setup">
            <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroSetupTitle)}</h1>
            <p class="lead">{i18n.tr(Key::IroSetupLead)}</p>
            <ErrorSummary id="setup-errors" problems />
            <ErrorBanner error=failure />
            <form class="form" on:submit=submit novalidate=true>
                <Field id="iro-name" label=Key::IroName hint=Key::IroNameHint kind="text" autocomplete="name" value=name error=problem_for(problems, "iro-name") />
                <Field id="setup-passphrase" label=Key::IroPassphrase hint=Key::IroPassphraseHint kind="password" autocomplete="new-password" value=passphrase error=problem_for(problems, "setup-passphrase") />
                <StrengthMeter field="setup-passphrase" passphrase />
                <Field id="setup-confirm" label=Key::IroConfirm kind="password" autocomplete="new-password" value=confirm error=problem_for(problems, "setup-confirm") />
                <div class="form-actions">
                    <BusyNote busy message=Key::IroSettingUp />
                    <button type="submit" class="primary big" disabled=move || busy.get()>{i18n.tr(Key::IroSetupButton)}</button>
                </div>
            </form>

            <section class="card" aria-labelledby="restore-heading">
                <h2 id="restore-heading">{i18n.tr(Key::IroRestoreTitle)}</h2>
                <p>{i18n.tr(Key::IroRestoreLead)}</p>
                <RestoreFromFile existing=None on_restored />
            </section>
            <p class="demo-offer">
                <a href="/demo">{i18n.tr(Key::IroDemoTry)}</a>
                <span class="hint">{i18n.tr(Key::IroDemoTryHint)}</span>
            </p>
        </section>
    }
}

/// "Your IRO workspace is ready": the fingerprint, and the recovery file to keep safe, with why.
#[component]
pub fn RecoveryOffer(
    /// Called when the IRO goes on to their workspace.
    on_continue: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    let downloaded = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let fingerprint = move || {
        unlocked
            .workspace()
            .map(|ws| ws.fingerprint().to_string())
            .unwrap_or_default()
    };
    let download = move |_| {
        let Some(ws) = unlocked.workspace() else {
            return;
        };
        let (file, json) = ws.recovery_file();
        if offer_download(&file, &json, error) {
            downloaded.set(Some(file));
        }
    };

    view! {
        <section class="page iro">
            <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroReadyTitle)}</h1>
            <p class="lead">{i18n.tr(Key::IroReadyLead)}</p>
            <p class="fingerprint big-fingerprint">{move || i18n.locale().format(Key::TabletFingerprint, &[("fingerprint", &fingerprint())])}</p>
            <section class="card recovery" aria-labelledby="recovery-heading">
                <h2 id="recovery-heading">{i18n.tr(Key::IroRecoveryTitle)}</h2>
                <p>{i18n.tr(Key::IroRecoveryExplain)}</p>
                <p>{i18n.tr(Key::IroRecoveryPassphrase)}</p>
                <button type="button" class="primary" on:click=download>{i18n.tr(Key::IroDownloadRecovery)}</button>
                <p class="download-note" role="status">
                    {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
                </p>
                <ErrorBanner error=error />
            </section>
            <button type="button" class="big" on:click=move |_| on_continue.run(())>{i18n.tr(Key::IroContinue)}</button>
        </section>
    }
}

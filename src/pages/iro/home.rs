//! The unlocked workspace: who is signed in, importing answers, the booklets, setting up
//! tablets, and the key's passphrase and recovery file.

use super::booklet_list::BookletList;
use super::import::ImportAnswers;
use super::passphrase::ChangePassphrase;
use super::tablet_link::TabletSetUpLink;
use super::ErrorBanner;
use super::{device_store, focus_when_shown, offer_download};
use crate::i18n::{use_i18n, Key};
use crate::workspace::{self, use_unlocked, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The IRO's workspace once unlocked.
#[component]
pub fn WorkspaceHome(
    /// Called with the workspace after its passphrase changes (it is already stored).
    on_changed: Callback<Workspace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    // Bumped whenever booklets are added, so the list reloads.
    let version = RwSignal::new(0u32);
    let picked_up = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);

    // A child may have finished a booklet on this very device: take in what opens with our key.
    if let Some(key) = unlocked.key() {
        spawn_local(async move {
            let result = match device_store().await {
                Ok(store) => workspace::collect_sealed(&store, &key).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(done) if done.added > 0 => {
                    picked_up.set(Some(done.added));
                    version.update(|v| *v += 1);
                }
                Ok(_) => {}
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    }

    let name = move || {
        unlocked
            .workspace()
            .map(|ws| ws.identity.display_name)
            .unwrap_or_default()
    };
    let fingerprint = move || {
        unlocked
            .workspace()
            .map(|ws| ws.fingerprint().to_string())
            .unwrap_or_default()
    };
    let download_recovery = move |_| {
        let Some(ws) = unlocked.workspace() else {
            return;
        };
        let (file, json) = ws.recovery_file();
        if offer_download(&file, &json, error) {
            downloaded.set(Some(file));
        }
    };

    view! {
        <section class="page iro iro-home">
            <div class="iro-bar">
                <div>
                    <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroTitle)}</h1>
                    <p class="iro-who">
                        <span class="recipient-name">{move || i18n.locale().format(Key::IroUnlockedFor, &[("name", &name())])}</span>
                        " "
                        <span class="fingerprint">{move || i18n.locale().format(Key::TabletFingerprint, &[("fingerprint", &fingerprint())])}</span>
                    </p>
                </div>
                <div class="lock">
                    <button type="button" aria-describedby="lock-hint" on:click=move |_| unlocked.lock()>{i18n.tr(Key::IroLock)}</button>
                    <p class="hint" id="lock-hint">{i18n.tr(Key::IroLockHint)}</p>
                </div>
            </div>
            {move || picked_up.get().map(|n| view! {
                <p class="banner success" role="status">{i18n.locale().format(Key::IroPickedUp, &[("count", &n.to_string())])}</p>
            })}
            <ErrorBanner error=error />

            <ImportAnswers on_imported=Callback::new(move |_| version.update(|v| *v += 1)) />
            <BookletList version />
            <TabletSetUpLink />

            <section class="card" aria-labelledby="key-heading">
                <h2 id="key-heading">{i18n.tr(Key::IroKeyTitle)}</h2>
                <ChangePassphrase on_changed />
                <h3>{i18n.tr(Key::IroRecoveryAgainTitle)}</h3>
                <p>{i18n.tr(Key::IroRecoveryAgainLead)}</p>
                <button type="button" on:click=download_recovery>{i18n.tr(Key::IroDownloadRecoveryAgain)}</button>
                <p class="download-note" role="status">
                    {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
                </p>
            </section>
        </section>
    }
}

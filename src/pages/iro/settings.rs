//! "Tablets and key": setting up tablets for this IRO, changing the passphrase, and the
//! recovery file.

use super::passphrase::ChangePassphrase;
use super::tablet_link::TabletSetUpLink;
use super::{focus_when_shown, offer_download, ErrorBanner, WorkspaceChanged};
use crate::i18n::{use_i18n, Key};
use crate::workspace::use_unlocked;
use leptos::prelude::*;

/// The settings page of the unlocked workspace: tablet set-up link, passphrase, recovery file.
#[component]
pub fn WorkspaceSettings() -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let WorkspaceChanged(on_changed) = expect_context::<WorkspaceChanged>();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);

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
        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroSettingsTitle)}</h1>
        <ErrorBanner error=error />
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
    }
}

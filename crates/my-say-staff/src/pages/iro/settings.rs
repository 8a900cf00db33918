//! "Tablets and key": setting up tablets for this IRO, changing the passphrase, the recovery
//! file, and how long without input locks the workspace; and a warning when due dates rely on
//! the bank holiday rules rather than a published list.

use super::idle::LockAfterSetting;
use super::passphrase::ChangePassphrase;
use super::tablet_link::TabletSetUpLink;
use super::{focus_when_shown, offer_download, use_active, ErrorBanner, WorkspaceChanged};
use crate::i18n::Key;
use crate::workspace::{settings, use_unlocked};
use leptos::prelude::*;
use my_say_ui::browser::clock;
use my_say_ui::i18n::use_i18n;
use my_say_ui::load::load;

/// Says which years' due dates use the usual England and Wales rules because the saved list of
/// bank holidays has no day in them (`settings::due_date_rule_years`), or that none do.
#[component]
pub(super) fn DueDateRules(
    /// Bumped when the bank holidays are saved, to check again.
    #[prop(into)]
    version: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let years = load(move || {
        version.track();
        async move {
            let store = active.store().await?;
            settings::due_date_rule_years(&store, clock::today_date()).await
        }
    });
    view! {
        {move || years.get().map(|result| match result {
            Err(e) => view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> }.into_any(),
            Ok(years) if years.is_empty() => view! {
                <p class="note">{i18n.tr(Key::IroHolidaysRulesNone)}</p>
            }.into_any(),
            Ok(years) => {
                let list = years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
                view! {
                    <p class="banner warning" role="status">
                        {i18n.locale().format(Key::IroHolidaysRulesWarning, &[("years", &list)])}
                    </p>
                }.into_any()
            }
        })}
    }
}

/// The settings page of the unlocked workspace: tablet set-up link, passphrase, recovery file,
/// how long without input locks the workspace, and which years' due dates rely on the bank
/// holiday rules.
#[component]
pub fn WorkspaceSettings() -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let WorkspaceChanged(on_changed) = expect_context::<WorkspaceChanged>();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);
    let active = use_active();

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
        <LockAfterSetting />
        <section class="card" aria-labelledby="due-rules-heading">
            <h2 id="due-rules-heading">{i18n.tr(Key::IroHolidaysRulesTitle)}</h2>
            <DueDateRules version=Signal::derive(|| 0u32) />
            <p><a href=active.href("follow-ups")>{i18n.tr(Key::IroSummaryGoFollowUps)}</a></p>
        </section>
    }
}

//! The top of every unlocked IRO page: who is signed in, the fingerprint, Lock, and the
//! area's navigation.

use super::idle::{use_lock_after, LockAfter};
use super::use_active;
use crate::i18n::Key;
use crate::routes::aria_current;
use crate::workspace::use_unlocked;
use leptos::prelude::*;
use my_say_ui::i18n::use_i18n;

/// Who the workspace is unlocked for, the Lock button and links to the area's pages.
#[component]
pub fn WorkspaceBar() -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let active = use_active();
    let LockAfter(lock_after) = use_lock_after();
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
    // Each page of the area, in the order an IRO's week uses them.
    let pages = [
        ("", Key::IroNavBooklets),
        ("follow-ups", Key::IroNavFollowUps),
        ("reports", Key::IroNavReports),
        ("surveys", Key::BuilderNav),
        ("data", Key::IroNavData),
        ("settings", Key::IroNavSettings),
    ];

    view! {
        <div class="iro-bar">
            <p class="iro-who">
                <span class="recipient-name">{move || i18n.locale().format(Key::IroUnlockedFor, &[("name", &name())])}</span>
                " "
                <span class="fingerprint">{move || i18n.locale().format(Key::TabletFingerprint, &[("fingerprint", &fingerprint())])}</span>
            </p>
            <div class="lock">
                <button type="button" aria-describedby="lock-hint" on:click=move |_| unlocked.lock()>{i18n.tr(Key::IroLock)}</button>
                <p class="hint" id="lock-hint">
                    {move || i18n.locale().format(Key::IroLockHint, &[("minutes", &lock_after.get().to_string())])}
                </p>
            </div>
        </div>
        <nav class="iro-nav" aria-label=i18n.tr(Key::IroNavLabel)>
            <ul>
                {pages.into_iter().map(|(page, key)| view! {
                    // "Surveys" stays marked while a survey is open; the others mark their page only.
                    <li><a href=active.href(page) aria-current=aria_current(active.href(page), page == "surveys")>{i18n.tr(key)}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

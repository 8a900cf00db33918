//! "A new version is ready", with a button to reload into it when the person chooses.

use crate::browser::service_worker;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use web_sys::ServiceWorker;

/// Says that a new version of My Say has been downloaded and waits, with a button that reloads
/// into it. Nothing changes until someone presses it; while `hide` is true (a child in the
/// middle of a booklet) it does not show at all.
#[component]
pub fn UpdateReady(
    /// Keeps the notice out of sight, such as on a child's booklet screens.
    #[prop(into)]
    hide: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = RwSignal::new_local(None::<ServiceWorker>);
    service_worker::when_update_waiting(move |worker| waiting.set(Some(worker)));
    let reload = move |_| {
        if let Some(worker) = waiting.get_untracked() {
            service_worker::use_new_version(&worker);
        }
    };
    view! {
        {move || (waiting.with(Option::is_some) && !hide.get()).then(|| view! {
            <div class="banner update-ready" role="status">
                <span>{i18n.tr(Key::AppUpdateReady)}</span>
                " "
                <button type="button" on:click=reload>{i18n.tr(Key::AppUpdateReload)}</button>
            </div>
        })}
    }
}

//! The screen for a link that goes nowhere: never a dead end.

use crate::browser::history::shows_another_apps_address;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Says the page is missing and offers the way home (an ordinary page load: home is the child's
/// app, which from the staff app is another app). An address of another app that this device
/// has not kept yet, opened with the network off, is answered with the child's app (the service
/// worker's fallback): then it says the internet is needed the first time.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let (title, lead) = match shows_another_apps_address() {
        true => (Key::NotfoundOfflineTitle, Key::NotfoundOfflineLead),
        false => (Key::NotfoundTitle, Key::NotfoundLead),
    };
    view! {
        <section class="page not-found">
            <h1>{i18n.tr(title)}</h1>
            <p class="lead">{i18n.tr(lead)}</p>
            <a href="/" rel="external" class="button primary">{i18n.tr(Key::NotfoundHome)}</a>
        </section>
    }
}

//! The screen for a link that goes nowhere: never a dead end.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Says the page is missing and offers the way home (an ordinary page load: home is the child's
/// app, which from the staff app is another app).
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page not-found">
            <h1>{i18n.tr(Key::NotfoundTitle)}</h1>
            <p class="lead">{i18n.tr(Key::NotfoundLead)}</p>
            <a href="/" rel="external" class="button primary">{i18n.tr(Key::NotfoundHome)}</a>
        </section>
    }
}

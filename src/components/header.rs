//! The bar at the top of every screen.

use crate::components::language_picker::LanguagePicker;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// Skip link, the app's name (a link home) and the language picker.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i18n.tr(Key::AppSkipToContent)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand" attr:aria-label=i18n.tr(Key::AppHomeLink)>
                <img src="/icon.svg" alt="" width="40" height="40" />
                <span>{i18n.tr(Key::AppName)}</span>
            </A>
            <LanguagePicker />
        </header>
    }
}

//! The bar at the top of every screen.

use crate::components::language_picker::LanguagePicker;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Skip link, the app's name (a link home) and the language picker.
///
/// Home is the child's app at `/`. From the staff app that is another app, so the link is an
/// ordinary page load (`rel="external"` keeps the router from handling it).
#[component]
pub fn Header(
    /// The app's icon, beside its name.
    #[prop(default = "/icon.svg")]
    icon: &'static str,
    /// Whether home is another app (true in the staff workspace).
    #[prop(optional)]
    home_is_other_app: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let rel = home_is_other_app.then_some("external");
    view! {
        <a class="skip-link" href="#main">{i18n.tr(Key::AppSkipToContent)}</a>
        <header class="app-header">
            <a href="/" class="brand" rel=rel aria-label=i18n.tr(Key::AppHomeLink)>
                <img src=icon alt="" width="40" height="40" />
                <span>{i18n.tr(Key::AppName)}</span>
            </a>
            <LanguagePicker />
        </header>
    }
}

//! The first screen of this area.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// The area's first screen.
#[component]
pub fn BookletStart() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.tr(Key::BookletStartTitle)}</h1>
            <p class="lead">{i18n.tr(Key::BookletStartLead)}</p>
            <A href="/" attr:class="button">{i18n.tr(Key::CommonBackHome)}</A>
        </section>
    }
}

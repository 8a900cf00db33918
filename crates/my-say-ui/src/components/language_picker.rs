//! Choosing the UI language, each labelled in its own words.

use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;

/// A select of every UI language, each named in its own words and marked with its own `lang`.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-picker">
            <label for="language">{i18n.tr(Key::AppLanguage)}</label>
            <select
                id="language"
                on:change=move |ev| {
                    if let Some(locale) = Locale::from_code(&event_target_value(&ev)) {
                        i18n.0.set(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option
                                value=locale.code()
                                lang=locale.code()
                                selected=move || i18n.locale().code() == locale.code()
                            >
                                {locale.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <Show when=move || !i18n.locale().is_reviewed()>
            <p class="needs-review" role="note">{i18n.tr(Key::AppNeedsReview)}</p>
        </Show>
    }
}

//! Choosing the UI language, each labelled in its own words.

use crate::i18n::{use_i18n, I18n, Key, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A select of every UI language, each named in its own words and marked with its own `lang`.
/// A language whose wording cannot be had (offline before the first visit) is not switched to,
/// and the picker says so.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(None::<Locale>);
    view! {
        <div class="language-picker">
            <label for="language">{i18n.tr(Key::AppLanguage)}</label>
            <select
                id="language"
                // Back to the language shown when the one chosen could not be had.
                prop:value=move || {
                    failed.track();
                    i18n.locale().code()
                }
                on:change=move |ev| {
                    if let Some(locale) = Locale::from_code(&event_target_value(&ev)) {
                        choose_language(i18n, locale, failed);
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
        <LanguageUnavailable failed />
        {move || (!i18n.locale().is_reviewed()).then(|| view! {
            <p class="needs-review" role="note">{i18n.tr(Key::AppNeedsReview)}</p>
        })}
    }
}

/// Switches to `locale` ([`I18n::choose`]), in the background: `failed` is cleared at once, and
/// set to `locale` if its wording could not be had.
pub fn choose_language(i18n: I18n, locale: Locale, failed: RwSignal<Option<Locale>>) {
    failed.set(None);
    spawn_local(async move {
        if i18n.choose(locale).await.is_err() {
            failed.set(Some(locale));
        }
    });
}

/// Says that the language chosen could not be opened and what to do, in the language shown and
/// in the chosen language's own words; nothing while `failed` is `None`.
#[component]
pub fn LanguageUnavailable(
    /// The language that could not be had, if one was chosen and did not come.
    failed: RwSignal<Option<Locale>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        failed.get().map(|locale| {
            view! {
                <p class="banner error" role="alert">
                    {i18n.locale().format(Key::AppLanguageUnavailable, &[("language", locale.native_name())])}
                    " "
                    <span lang=locale.code() dir=locale.dir()>{locale.native_try_again()}</span>
                </p>
            }
        })
    }
}

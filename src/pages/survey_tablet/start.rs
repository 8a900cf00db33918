//! A survey's anonymous start screen: what the survey does not ask, the child's age group and
//! language, then the booklet's own fill screen. Every child who finishes comes back here, so
//! the next child starts afresh.

use super::{survey_locales, title_in};
use crate::drafts;
use crate::i18n::Key;
use crate::pages::booklet::ReadAloudOn;
use crate::tablet::surveys as tablet_surveys;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::session::Draft;
use my_say_core::survey::SurveyFile;
use my_say_core::{AgeBand, ChildDetails};
use my_say_ui::browser::focus::focus_id_soon;
use my_say_ui::browser::history::navigate;
use my_say_ui::browser::{clock, prefs};
use my_say_ui::components::language_picker::{choose_language, LanguageUnavailable};
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, Locale};
use my_say_ui::load::load;

/// Loads the survey named in the address from this tablet's surveys.
#[component]
pub fn SurveyStart(
    /// The survey's id, from the address.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let survey_id = id;
    let loaded = load(move || {
        let survey_id = survey_id.clone();
        // In words: the page only shows why it could not be read.
        async move {
            tablet_surveys::find(&survey_id)
                .await
                .map_err(|e| e.words(i18n.locale()))
        }
    });
    view! {
        {move || loaded.get().map(|result| match result {
            Ok(Some(file)) => view! { <SurveyStartForm file /> }.into_any(),
            Ok(None) => view! {
                <section class="page">
                    <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyNotHere)}</h1>
                    <a class="button" href="/surveys">{i18n.tr(Key::TabletSurveyBack)}</a>
                </section>
            }.into_any(),
            Err(e) => view! {
                <section class="page">
                    <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyTitle)}</h1>
                    <p class="banner error" role="alert">{e}</p>
                    <a class="button" href="/surveys">{i18n.tr(Key::TabletSurveyBack)}</a>
                </section>
            }.into_any(),
        }).unwrap_or_else(|| view! { <p class="page" role="status">{i18n.tr(Key::FillLoading)}</p> }.into_any())}
    }
}

/// The start screen itself: the promise of anonymity (with read-aloud), age group, language,
/// and Start.
#[component]
fn SurveyStartForm(
    /// The survey to start.
    file: SurveyFile,
) -> impl IntoView {
    let i18n = use_i18n();
    let survey = StoredValue::new(file.survey().clone());
    let bands = file.survey().age_bands.clone();
    let languages = survey_locales(file.survey());
    // The child's language: the screen's, if the survey has it, or the survey's first.
    let current = i18n.locale();
    let first = if languages.contains(&current) {
        Some(current)
    } else {
        languages.first().copied()
    };
    // A language whose wording cannot be had (offline before the first visit) is not switched to.
    let failed = RwSignal::new(None::<Locale>);
    if let Some(l) = first {
        if l != current {
            choose_language(i18n, l, failed);
        }
    }
    let band = RwSignal::new((bands.len() == 1).then(|| bands[0]));
    let read_aloud = RwSignal::new(false);
    let problem = RwSignal::new(false);
    let store_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if band.get() == Some(AgeBand::FourToSix) {
            read_aloud.set(true);
        }
    });

    let heading = NodeRef::<leptos::html::H1>::new();
    request_animation_frame(move || {
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });

    let title = move || survey.with_value(|s| title_in(s, i18n.locale()));
    let intro = move || survey.with_value(|s| s.intro_in(&i18n.locale().locale_code()).to_owned());
    // Read aloud before the promise: the title, and the introduction if there is one.
    let before = Signal::derive(move || {
        let parts = [title(), intro()];
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(". ")
    });

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(age_band) = band.get_untracked() else {
            problem.set(true);
            focus_id_soon("survey-errors");
            return;
        };
        problem.set(false);
        let locale = i18n.locale();
        let draft = survey.with_value(|s| {
            // An anonymous survey: no child details at all, only the age group.
            Draft::new(
                s,
                age_band,
                ChildDetails::default(),
                locale.locale_code(),
                &clock::now(),
            )
        });
        let id = match clock::random_id() {
            Ok(id) => id,
            Err(e) => return store_error.set(Some(e.to_string())),
        };
        prefs::set_read_aloud(&id, read_aloud.get_untracked());
        spawn_local(async move {
            match drafts::save(&id, &draft).await {
                Ok(()) => navigate(&crate::routes::fill_address(&id, true)),
                Err(e) => store_error.set(Some(e.words(i18n.locale()))),
            }
        });
    };

    view! {
        <section class="page survey-start">
            <p class="booklet-title">{i18n.tr(Key::TabletSurveyKicker)}</p>
            <h1 tabindex="-1" node_ref=heading>{title}</h1>
            {move || { let i = intro(); (!i.is_empty()).then(|| view! { <p class="lead">{i}</p> }) }}
            <Anonymous before=before />
            {move || problem.get().then(|| view! {
                <div class="error-summary" id="survey-errors" tabindex="-1" role="alert">
                    <h2>{i18n.tr(Key::BookletErrorsTitle)}</h2>
                    <ul><li><a href="#survey-band-0">{i18n.tr(Key::TabletSurveyErrorBand)}</a></li></ul>
                </div>
            })}
            {move || store_error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            <LanguageUnavailable failed />
            <form class="form" on:submit=start novalidate=true>
                <fieldset class="field">
                    <legend>{i18n.tr(Key::TabletSurveyAgeQuestion)}</legend>
                    <div class="band-choices big-choices">
                        {bands.iter().copied().enumerate().map(|(n, b)| {
                            let id = format!("survey-band-{n}");
                            view! {
                                <div class="option">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name="survey-age-band"
                                        prop:checked=move || band.get() == Some(b)
                                        on:change=move |_| band.set(Some(b))
                                    />
                                    <label for=id><span>{i18n.tr(band_key(b))}</span></label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                {(languages.len() > 1).then(|| view! { <SurveyLanguage languages failed /> })}
                <ReadAloudOn id="survey-read-aloud" label=my_say_ui::i18n::Key::TabletSurveyReadAloudOn read_aloud />
                <button type="submit" class="primary big">{i18n.tr(Key::TabletSurveyStartButton)}</button>
            </form>
            <p class="note"><a href="/surveys">{i18n.tr(Key::TabletSurveyBack)}</a></p>
        </section>
    }
}

/// "This survey is anonymous": what it does not ask, read aloud with the survey's title and
/// introduction before it.
#[component]
fn Anonymous(
    /// The survey's title and introduction, read aloud before the promise.
    before: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let promise = [
        Key::TabletSurveyAnonNoName,
        Key::TabletSurveyAnonNoDevice,
        Key::TabletSurveyAnonSkip,
    ];
    let all = Signal::derive(move || {
        let locale = i18n.locale();
        let mut parts = vec![
            before.get(),
            locale.text(Key::TabletSurveyAnonTitle).to_owned(),
        ];
        parts.extend(promise.iter().map(|k| locale.text(*k).to_owned()));
        parts.retain(|p| !p.is_empty());
        parts.join(". ")
    });
    view! {
        <section class="card survey-anonymous" aria-labelledby="anon-heading">
            <h2 id="anon-heading">{i18n.tr(Key::TabletSurveyAnonTitle)}</h2>
            <ul class="anon-list">
                {promise.into_iter().map(|k| view! { <li>{i18n.tr(k)}</li> }).collect_view()}
            </ul>
            <ReadAloud text=all prominent=true />
        </section>
    }
}

/// The languages a survey is written in, to choose the child's; the screen changes to it at
/// once (or says it cannot be had, offline before the first visit).
#[component]
fn SurveyLanguage(
    /// The survey's languages (more than one).
    languages: Vec<Locale>,
    /// The language that could not be had, if any.
    failed: RwSignal<Option<Locale>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field">
            <legend>{i18n.tr(Key::TabletSurveyLanguageQuestion)}</legend>
            <div class="band-choices big-choices">
                {languages.into_iter().map(|l: Locale| {
                    let id = format!("survey-language-{}", l.code());
                    view! {
                        <div class="option">
                            <input
                                type="radio"
                                id=id.clone()
                                name="survey-language"
                                prop:checked=move || {
                                    failed.track();
                                    i18n.locale() == l
                                }
                                on:change=move |_| choose_language(i18n, l, failed)
                            />
                            <label for=id lang=l.code()><span>{l.native_name()}</span></label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

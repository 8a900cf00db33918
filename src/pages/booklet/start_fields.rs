//! The parts of the adult's start form ([`super::start::BookletStart`]): its text fields, the
//! age band, the child's language (and, in Arabic, its forms), read-aloud, and the summary of
//! what stops the booklet starting.

use leptos::prelude::*;
use my_say_core::{AgeBand, StartProblem};
use my_say_ui::i18n::{band_key, use_i18n, Key, Locale};

/// A labelled text or date field, with an optional hint under its label.
#[component]
pub fn TextField(
    /// The input's id (the error summary links to it).
    id: &'static str,
    /// Its label.
    label: Key,
    /// A hint under the label, if any.
    #[prop(optional)]
    hint: Option<Key>,
    /// The input's type: "text" or "date".
    kind: &'static str,
    /// What is typed.
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id>{i18n.tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{i18n.tr(h)}</p> })}
            <input
                id=id
                type=kind
                autocomplete="off"
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The four age bands as radio buttons; a date of birth, when given, decides instead.
#[component]
pub fn AgeBandChoice(
    /// The band ticked.
    band: RwSignal<Option<AgeBand>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field">
            <legend>{i18n.tr(Key::BookletAgeBand)}</legend>
            <p class="hint">{i18n.tr(Key::BookletAgeBandHint)}</p>
            <div class="band-choices">
                {AgeBand::ALL
                    .into_iter()
                    .map(|b| {
                        let id = format!("band-{}", b.code().replace('+', "-plus"));
                        view! {
                            <div class="option">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name="age-band"
                                    prop:checked=move || band.get() == Some(b)
                                    on:change=move |_| band.set(Some(b))
                                />
                                <label for=id><span>{i18n.tr(band_key(b))}</span></label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// The language the booklet speaks to the child in and, for Arabic, whether in masculine or
/// feminine forms.
#[component]
pub fn ChildLanguage(
    /// The language chosen.
    locale: RwSignal<Locale>,
    /// In Arabic, the forms chosen: `Some(true)` for feminine; nothing until the adult chooses.
    feminine: RwSignal<Option<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="child-language">{i18n.tr(Key::BookletChildLanguage)}</label>
            <select
                id="child-language"
                on:change=move |ev| {
                    if let Some(l) = Locale::from_code(&event_target_value(&ev)) {
                        locale.set(l);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! {
                        <option value=l.code() lang=l.code() selected=move || locale.get() == l>
                            {l.native_name()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
        {move || (locale.get() == Locale::Ar).then(|| view! { <ArabicForms feminine /> })}
    }
}

/// Whether a booklet in Arabic speaks to the child in masculine or feminine forms (Arabic
/// addresses a boy and a girl in different words); nothing is chosen until the adult chooses.
#[component]
fn ArabicForms(
    /// The choice: `Some(true)` for feminine forms.
    feminine: RwSignal<Option<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices = [
        (false, "arabic-masculine", Key::BookletArabicMasculine),
        (true, "arabic-feminine", Key::BookletArabicFeminine),
    ];
    view! {
        <fieldset class="field">
            <legend>{i18n.tr(Key::BookletArabicForms)}</legend>
            {choices
                .into_iter()
                .map(|(f, id, key)| view! {
                    <div class="option">
                        <input
                            type="radio"
                            id=id
                            name="arabic-forms"
                            prop:checked=move || feminine.get() == Some(f)
                            on:change=move |_| feminine.set(Some(f))
                        />
                        <label for=id><span>{i18n.tr(key)}</span></label>
                    </div>
                })
                .collect_view()}
        </fieldset>
    }
}

/// "Read the questions aloud": on from the start for the youngest, unless the adult turns it off.
#[component]
pub fn ReadAloudOn(
    /// The tick box's id.
    id: &'static str,
    /// Its words.
    label: Key,
    /// Whether read-aloud starts on.
    read_aloud: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="option checkbox-field">
            <input
                type="checkbox"
                id=id
                prop:checked=move || read_aloud.get()
                on:change=move |ev| read_aloud.set(event_target_checked(&ev))
            />
            <label for=id><span>{i18n.tr(label)}</span></label>
        </div>
    }
}

/// What a problem says, and the id of the field it links to.
fn problem_words(problem: StartProblem) -> (Key, &'static str) {
    match problem {
        StartProblem::Name => (Key::BookletErrorName, "child-name"),
        StartProblem::DateOfBirth => (Key::BookletErrorDob, "dob"),
        StartProblem::Band => (Key::BookletErrorBand, "band-4-6"),
        StartProblem::Simpler => (Key::BookletErrorSimpler, "simpler-booklet"),
        StartProblem::ReviewDate => (Key::BookletErrorReviewDate, "review-date"),
        StartProblem::Forms => (Key::BookletErrorArabicForms, "arabic-masculine"),
    }
}

/// What stops the booklet starting, each a link to its field; nothing while nothing does.
#[component]
pub fn ErrorSummary(
    /// The problems the last try found.
    problems: RwSignal<Vec<StartProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || (!problems.with(Vec::is_empty)).then(|| view! {
            <div class="error-summary" id="form-errors" tabindex="-1" role="alert">
                <h2>{i18n.tr(Key::BookletErrorsTitle)}</h2>
                <ul>
                    {move || problems.get().into_iter().map(problem_words).map(|(key, field)| view! {
                        <li><a href=format!("#{field}")>{i18n.tr(key)}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
    }
}

//! The answer controls for every answer kind, from the booklet data. Touch first, and real radio
//! and checkbox groups with labels so keyboards and screen readers work too.

use crate::components::faces::{Face, Mark};
use crate::components::many_choice::ManyChoice;
use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;
use my_say_core::answer::RATHER_NOT_SAY;
use my_say_core::booklet::{AnswerKind, Choice, Question, FACES, YES_NOT_SURE_NO};
use my_say_core::{Answer, LocaleCode};

/// What a child sees to answer one question. Every kind offers "I'd rather not say".
#[component]
pub fn AnswerInput(
    /// The question being answered.
    question: Question,
    /// The id of the question's heading, which labels the answer group.
    labelled_by: String,
    /// The booklet's fallback language, for wording missing in the child's language.
    fallback: LocaleCode,
    /// The answer given so far.
    #[prop(into)]
    answer: Signal<Option<Answer>>,
    /// Called with the new answer, or `None` when the child clears it.
    on_answer: Callback<Option<Answer>>,
) -> impl IntoView {
    let name = format!("answer-{}", question.id.as_str());
    match question.kind.clone() {
        AnswerKind::YesNotSureNo => {
            let options = YES_NOT_SURE_NO
                .iter()
                .map(|v| SingleOption::Mark(v))
                .collect();
            single_choice(name, labelled_by, &question, options, answer, on_answer, fallback)
                .into_any()
        }
        AnswerKind::Faces => {
            let options = FACES.iter().map(|v| SingleOption::Face(v)).collect();
            single_choice(name, labelled_by, &question, options, answer, on_answer, fallback)
                .into_any()
        }
        AnswerKind::PickOne { options } => {
            let options = options.into_iter().map(SingleOption::Choice).collect();
            single_choice(name, labelled_by, &question, options, answer, on_answer, fallback)
                .into_any()
        }
        AnswerKind::PickSeveral { options, own_words } => view! {
            <ManyChoice name labelled_by options own_words ordered=false people=false answer on_answer fallback />
        }
        .into_any(),
        AnswerKind::PickAndOrder { options, own_words } => view! {
            <ManyChoice name labelled_by options own_words ordered=true people=false answer on_answer fallback />
        }
        .into_any(),
        AnswerKind::People { options } => view! {
            <ManyChoice name labelled_by options own_words=true ordered=false people=true answer on_answer fallback />
        }
        .into_any(),
        AnswerKind::OwnWords { max_chars } => {
            view! { <OwnWords name labelled_by max_chars answer on_answer /> }.into_any()
        }
    }
}

/// One option of a single-choice group.
#[derive(Clone)]
enum SingleOption {
    Mark(&'static str),
    Face(&'static str),
    Choice(Choice),
}

impl SingleOption {
    fn value(&self) -> String {
        match self {
            SingleOption::Mark(v) | SingleOption::Face(v) => (*v).to_owned(),
            SingleOption::Choice(c) => c.id.clone(),
        }
    }
}

/// The UI wording for a built-in value (yes / not sure / no, faces).
pub fn value_key(value: &str) -> Option<Key> {
    Some(match value {
        "yes" => Key::FillYes,
        "not_sure" => Key::FillNotSure,
        "no" => Key::FillNo,
        "very_sad" => Key::FillFaceVerySad,
        "sad" => Key::FillFaceSad,
        "ok" => Key::FillFaceOk,
        "happy" => Key::FillFaceHappy,
        "very_happy" => Key::FillFaceVeryHappy,
        RATHER_NOT_SAY => Key::FillRatherNotSay,
        _ => return None,
    })
}

/// The words for an answer value of `question`, in `locale`: the question's own words for yes
/// and no where it gives them ("Hoffwn"), other built-in values from the UI wording, options
/// from the booklet.
pub fn value_label(
    question: &Question,
    value: &str,
    locale: Locale,
    fallback: &LocaleCode,
) -> String {
    if let Some(own) = question.own_label(value, &locale.locale_code()) {
        return own.to_owned();
    }
    if let Some(key) = value_key(value) {
        return locale.text(key).to_owned();
    }
    question
        .options()
        .iter()
        .find(|c| c.id == value)
        .map(|c| c.label.get(&locale.locale_code(), fallback).to_owned())
        .unwrap_or_else(|| value.to_owned())
}

fn single_choice(
    name: String,
    labelled_by: String,
    question: &Question,
    options: Vec<SingleOption>,
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
    fallback: LocaleCode,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = move || match answer.get() {
        Some(Answer::Picked(v)) => Some(v),
        Some(Answer::RatherNotSay) => Some(RATHER_NOT_SAY.to_owned()),
        _ => None,
    };
    let is_faces = options.iter().any(|o| matches!(o, SingleOption::Face(_)));
    let radios = options
        .into_iter()
        .map(|option| {
            let value = option.value();
            let id = format!("{name}-{value}");
            let picture = match &option {
                SingleOption::Mark(v) => view! { <Mark value=v /> }.into_any(),
                SingleOption::Face(v) => view! { <Face value=v /> }.into_any(),
                SingleOption::Choice(c) => match &c.picture {
                    Some(p) => view! { <img src=format!("/pictures/{p}.svg") alt="" width="48" height="48" /> }
                        .into_any(),
                    None => ().into_any(),
                },
            };
            let label = {
                let (question, value) = (question.clone(), value.clone());
                let fallback = fallback.clone();
                move || value_label(&question, &value, i18n.locale(), &fallback)
            };
            let checked_value = value.clone();
            let picked = value.clone();
            view! {
                <div class="option">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=value.clone()
                        prop:checked=move || chosen().as_deref() == Some(checked_value.as_str())
                        on:change=move |_| on_answer.run(Some(Answer::Picked(picked.clone())))
                    />
                    <label for=id>{picture}<span>{label}</span></label>
                </div>
            }
        })
        .collect_view();
    let rns_id = format!("{name}-{RATHER_NOT_SAY}");
    view! {
        <div class="answers" class:faces=is_faces role="radiogroup" aria-labelledby=labelled_by>
            {radios}
            <div class="option rather-not-say">
                <input
                    type="radio"
                    id=rns_id.clone()
                    name=name.clone()
                    value=RATHER_NOT_SAY
                    prop:checked=move || chosen().as_deref() == Some(RATHER_NOT_SAY)
                    on:change=move |_| on_answer.run(Some(Answer::RatherNotSay))
                />
                <label for=rns_id>
                    <span>{i18n.tr(Key::FillRatherNotSay)}</span>
                </label>
            </div>
        </div>
    }
}

/// The child's own words, with how much room is left.
#[component]
fn OwnWords(
    /// The field's name, unique on the page.
    name: String,
    /// The id of the heading that labels the field.
    labelled_by: String,
    /// The longest answer accepted, in characters.
    max_chars: u32,
    /// The answer given so far.
    answer: Signal<Option<Answer>>,
    /// Called with the new answer.
    on_answer: Callback<Option<Answer>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let words = move || match answer.get() {
        Some(Answer::Words(w)) => w,
        _ => String::new(),
    };
    let left = move || max_chars as usize - words().chars().count().min(max_chars as usize);
    let id = format!("{name}-words");
    let count_id = format!("{name}-count");
    view! {
        <div class="own-words">
            <textarea
                id=id
                rows="5"
                aria-labelledby=labelled_by
                aria-describedby=count_id.clone()
                maxlength=max_chars.to_string()
                prop:value=words
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    on_answer.run((!text.trim().is_empty()).then_some(Answer::Words(text)))
                }
            ></textarea>
            <p class="note" id=count_id>
                {move || i18n.locale().format(Key::FillCharsLeft, &[("count", &left().to_string())])}
            </p>
            <RatherNotSayBox name=name.clone() answer on_answer />
        </div>
    }
}

/// "I'd rather not say" as a checkbox, for the kinds where the child picks several things or
/// writes: ticking it replaces the answer, unticking clears it.
#[component]
pub(crate) fn RatherNotSayBox(
    /// The group's name, unique on the page.
    name: String,
    /// The answer given so far.
    answer: Signal<Option<Answer>>,
    /// Called with the new answer.
    on_answer: Callback<Option<Answer>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{name}-{RATHER_NOT_SAY}");
    view! {
        <div class="option rather-not-say">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || matches!(answer.get(), Some(Answer::RatherNotSay))
                on:change=move |ev| {
                    on_answer.run(event_target_checked(&ev).then_some(Answer::RatherNotSay))
                }
            />
            <label for=id><span>{i18n.tr(Key::FillRatherNotSay)}</span></label>
        </div>
    }
}

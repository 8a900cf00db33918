//! The answer controls for every answer kind, from the booklet data. Touch first, and real radio
//! and checkbox groups with labels so keyboards and screen readers work too.

use crate::components::faces::{Face, Mark};
use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;
use my_say_core::answer::RATHER_NOT_SAY;
use my_say_core::booklet::{AnswerKind, Choice, Question, FACES, YES_NOT_SURE_NO};
use my_say_core::{Answer, LocaleCode, Pick};

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

/// Pick several, pick and put in order, or choose people; with the child's own additions.
#[component]
fn ManyChoice(
    /// The group's name, unique on the page.
    name: String,
    /// The id of the heading that labels the group.
    labelled_by: String,
    /// The options.
    options: Vec<Choice>,
    /// Whether the child may add their own items.
    own_words: bool,
    /// Whether the child puts the chosen items in order.
    ordered: bool,
    /// Whether the items are people (changes the "add" wording).
    people: bool,
    /// The answer given so far.
    answer: Signal<Option<Answer>>,
    /// Called with the new answer.
    on_answer: Callback<Option<Answer>>,
    /// The booklet's fallback language.
    fallback: LocaleCode,
) -> impl IntoView {
    let i18n = use_i18n();
    let picks = move || match answer.get() {
        Some(Answer::PickedMany(p)) => p,
        _ => Vec::new(),
    };
    let set_picks = move |p: Vec<Pick>| {
        on_answer.run(if p.is_empty() {
            None
        } else {
            Some(Answer::PickedMany(p))
        })
    };
    let options_for_labels = options.clone();
    let fallback_for_labels = fallback.clone();
    let pick_label = move |pick: &Pick| match pick {
        Pick::Own(w) => w.clone(),
        Pick::Option(id) => options_for_labels
            .iter()
            .find(|c| &c.id == id)
            .map(|c| {
                c.label
                    .get(&i18n.locale().locale_code(), &fallback_for_labels)
                    .to_owned()
            })
            .unwrap_or_else(|| id.clone()),
    };

    let boxes = options
        .into_iter()
        .map(|choice| {
            let id = format!("{name}-{}", choice.id);
            let option_id = choice.id.clone();
            let toggle_id = choice.id.clone();
            let picture = choice.picture.clone().map(|p| {
                view! { <img src=format!("/pictures/{p}.svg") alt="" width="48" height="48" /> }
            });
            let label = {
                let fallback = fallback.clone();
                move || {
                    choice
                        .label
                        .get(&i18n.locale().locale_code(), &fallback)
                        .to_owned()
                }
            };
            view! {
                <div class="option">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=name.clone()
                        prop:checked=move || picks().contains(&Pick::Option(option_id.clone()))
                        on:change=move |ev| {
                            let mut p = picks();
                            let pick = Pick::Option(toggle_id.clone());
                            if event_target_checked(&ev) {
                                if !p.contains(&pick) {
                                    p.push(pick);
                                }
                            } else {
                                p.retain(|x| *x != pick);
                            }
                            set_picks(p);
                        }
                    />
                    <label for=id>{picture}<span>{label}</span></label>
                </div>
            }
        })
        .collect_view();

    let own_input = RwSignal::new(String::new());
    let own_id = format!("{name}-own");
    let add_own = move || {
        let words = own_input.get_untracked().trim().to_owned();
        if !words.is_empty() {
            let mut p = picks();
            p.push(Pick::Own(words));
            set_picks(p);
            own_input.set(String::new());
        }
    };
    let add_key = if people {
        Key::FillAddSomeone
    } else {
        Key::FillAddOwn
    };
    // Choosing people, adding someone by name stands out as a choice of its own, with a
    // picture. (Not added on leaving the field: the list growing under the child's finger as
    // they tap Next made the tap miss.)
    let own_form = own_words.then(|| {
        view! {
            <div class="own-words-add" class:add-someone=people>
                <label for=own_id.clone()>
                    {people.then(|| view! { <img src="/pictures/person.svg" alt="" width="48" height="48" /> })}
                    {i18n.tr(add_key)}
                </label>
                <div class="row">
                    <input
                        id=own_id.clone()
                        type="text"
                        maxlength="200"
                        prop:value=move || own_input.get()
                        on:input=move |ev| own_input.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add_own();
                            }
                        }
                    />
                    <button type="button" on:click=move |_| add_own()>{i18n.tr(Key::FillAdd)}</button>
                </div>
            </div>
        }
    });

    // The chosen items: in order with move buttons when ordered, and own additions removable.
    let pick_label_list = pick_label.clone();
    let chosen_list = move || {
        let p = picks();
        let show = ordered || p.iter().any(|x| matches!(x, Pick::Own(_)));
        if !show {
            return ().into_any();
        }
        let count = p.len();
        let items = p
            .iter()
            .enumerate()
            .map(|(i, pick)| {
                let label = pick_label_list(pick);
                let pick = pick.clone();
                let item = label.clone();
                let move_by = move |delta: isize| {
                    let mut p = picks();
                    let j = i as isize + delta;
                    if j >= 0 && (j as usize) < p.len() {
                        p.swap(i, j as usize);
                        set_picks(p);
                    }
                };
                let remove = {
                    let pick = pick.clone();
                    move |_| {
                        let mut p = picks();
                        p.retain(|x| *x != pick);
                        set_picks(p);
                    }
                };
                let up_label = i18n.locale().format(Key::FillMoveUp, &[("item", &item)]);
                let down_label = i18n.locale().format(Key::FillMoveDown, &[("item", &item)]);
                let remove_label = i18n.locale().format(Key::FillRemove, &[("item", &item)]);
                let is_own = matches!(pick, Pick::Own(_));
                view! {
                    <li>
                        <span class="chosen-label">{label}</span>
                        <span class="chosen-actions">
                            {ordered.then(|| view! {
                                <button type="button" class="icon" aria-label=up_label disabled=i == 0 on:click=move |_| move_by(-1)>"↑"</button>
                                <button type="button" class="icon" aria-label=down_label disabled=i + 1 == count on:click=move |_| move_by(1)>"↓"</button>
                            })}
                            {(is_own || ordered).then(|| view! {
                                <button type="button" class="icon" aria-label=remove_label on:click=remove>"✕"</button>
                            })}
                        </span>
                    </li>
                }
            })
            .collect_view();
        let heading = if ordered {
            i18n.t(Key::FillYourOrder)
        } else {
            ""
        };
        view! {
            <div class="chosen" aria-live="polite">
                {ordered.then(|| view! { <p class="chosen-heading">{heading}</p> })}
                {if count == 0 {
                    view! { <p class="note">{i18n.t(Key::FillNothingChosenYet)}</p> }.into_any()
                } else if ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }}
            </div>
        }
        .into_any()
    };

    view! {
        <div class="answers many" role="group" aria-labelledby=labelled_by>
            {boxes}
            <RatherNotSayBox name=name.clone() answer on_answer />
        </div>
        {own_form}
        {chosen_list}
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
fn RatherNotSayBox(
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

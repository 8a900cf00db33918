//! A "choose several" answer: tick boxes for the options, then, where the question allows, the
//! child's own additions and the order they put the items in. What each tap does to the items is
//! `my_say_core::PickEdit`, tested natively.

use crate::components::answer_input::RatherNotSayBox;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use my_say_core::booklet::Choice;
use my_say_core::{picks_answer, Answer, LocaleCode, Pick, PickEdit};

/// Tick boxes for the options, "I'd rather not say", and, where the question allows, a way to
/// add the child's own items and the list of items chosen (in order, with move buttons, for an
/// ordered question).
#[component]
pub fn ManyChoice(
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
    let edit =
        Callback::new(move |e: PickEdit| on_answer.run(picks_answer(e.apply(untrack(picks)))));
    let labels = StoredValue::new((options.clone(), fallback.clone()));
    let label_of = move |pick: &Pick| match pick {
        Pick::Own(w) => w.clone(),
        Pick::Option(id) => labels.with_value(|(options, fallback)| {
            options.iter().find(|c| &c.id == id).map_or_else(
                || id.clone(),
                |c| {
                    c.label
                        .get(&i18n.locale().locale_code(), fallback)
                        .to_owned()
                },
            )
        }),
    };

    let boxes = options
        .into_iter()
        .map(|choice| {
            let id = format!("{name}-{}", choice.id);
            let option_id = choice.id.clone();
            let picture = choice.picture.clone().map(|p| {
                view! { <img src=format!("/pictures/{p}.svg") alt="" width="48" height="48" /> }
            });
            let ticked = Pick::Option(choice.id);
            let shown = ticked.clone();
            let label = move || label_of(&shown);
            view! {
                <div class="option">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=name.clone()
                        prop:checked=move || picks().contains(&ticked)
                        on:change=move |ev| edit.run(PickEdit::Tick(option_id.clone(), event_target_checked(&ev)))
                    />
                    <label for=id>{picture}<span>{label}</span></label>
                </div>
            }
        })
        .collect_view();

    // The chosen items show when they are put in order, or when the child added their own.
    let chosen = move || {
        let p = picks();
        (ordered || p.iter().any(|x| matches!(x, Pick::Own(_)))).then(|| {
            let items = p.iter().map(label_of).collect::<Vec<_>>();
            let own = p
                .iter()
                .map(|x| matches!(x, Pick::Own(_)))
                .collect::<Vec<_>>();
            chosen_list(items, own, ordered, edit)
        })
    };

    view! {
        <div class="answers many" role="group" aria-labelledby=labelled_by>
            {boxes}
            <RatherNotSayBox name=name.clone() answer on_answer />
        </div>
        {own_words.then(|| add_own(format!("{name}-own"), people, edit))}
        {chosen}
    }
}

/// "Add your own" (or "Add someone" for people): a field and an Add button; Enter adds too.
/// Choosing people, adding someone by name stands out as a choice of its own, with a picture.
/// (Not added on leaving the field: the list growing under the child's finger as they tap Next
/// made the tap miss.)
fn add_own(id: String, people: bool, edit: Callback<PickEdit>) -> impl IntoView {
    let i18n = use_i18n();
    let words = RwSignal::new(String::new());
    // Blank words add nothing, and stay in the field.
    let add = move || {
        if !words.with_untracked(|w| w.trim().is_empty()) {
            edit.run(PickEdit::AddOwn(words.get_untracked()));
            words.set(String::new());
        }
    };
    let add_key = if people {
        Key::FillAddSomeone
    } else {
        Key::FillAddOwn
    };
    view! {
        <div class="own-words-add" class:add-someone=people>
            <label for=id.clone()>
                {people.then(|| view! { <img src="/pictures/person.svg" alt="" width="48" height="48" /> })}
                {i18n.tr(add_key)}
            </label>
            <div class="row">
                <input
                    id=id
                    type="text"
                    maxlength="200"
                    prop:value=move || words.get()
                    on:input=move |ev| words.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" on:click=move |_| add()>{i18n.tr(Key::FillAdd)}</button>
            </div>
        </div>
    }
}

/// The items chosen, as the child reads them: in order with move buttons when ordered, and the
/// child's own additions (or, ordered, every item) with a button to take them out.
fn chosen_list(
    items: Vec<String>,
    own: Vec<bool>,
    ordered: bool,
    edit: Callback<PickEdit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = items.len();
    let rows = items
        .into_iter()
        .zip(own)
        .enumerate()
        .map(|(i, (item, is_own))| {
            let words = i18n.locale();
            let up_label = words.format(Key::FillMoveUp, &[("item", &item)]);
            let down_label = words.format(Key::FillMoveDown, &[("item", &item)]);
            let remove_label = words.format(Key::FillRemove, &[("item", &item)]);
            view! {
                <li>
                    <span class="chosen-label">{item}</span>
                    <span class="chosen-actions">
                        {ordered.then(|| view! {
                            <button type="button" class="icon" aria-label=up_label disabled=i == 0 on:click=move |_| edit.run(PickEdit::Move(i, -1))>"↑"</button>
                            <button type="button" class="icon" aria-label=down_label disabled=i + 1 == count on:click=move |_| edit.run(PickEdit::Move(i, 1))>"↓"</button>
                        })}
                        {(is_own || ordered).then(|| view! {
                            <button type="button" class="icon" aria-label=remove_label on:click=move |_| edit.run(PickEdit::Remove(i))>"✕"</button>
                        })}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="chosen" aria-live="polite">
            {ordered.then(|| view! { <p class="chosen-heading">{i18n.t(Key::FillYourOrder)}</p> })}
            {if count == 0 {
                view! { <p class="note">{i18n.t(Key::FillNothingChosenYet)}</p> }.into_any()
            } else if ordered {
                view! { <ol>{rows}</ol> }.into_any()
            } else {
                view! { <ul>{rows}</ul> }.into_any()
            }}
        </div>
    }
}

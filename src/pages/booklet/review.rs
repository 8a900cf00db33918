//! "Here's what you told us": the last screen of a booklet before it is finished.

use leptos::prelude::*;
use my_say_core::session::{Draft, Position};
use my_say_core::{Answer, Booklet, LocaleCode, Pick, Question};
use my_say_ui::components::answer_input::value_label;
use my_say_ui::i18n::{use_i18n, Key, Locale};
use std::sync::Arc;

/// "Here's what you told us": every answer, each with a way to change it, then finish.
#[component]
pub fn Review<G>(
    /// The booklet.
    booklet: Arc<Booklet>,
    /// The draft.
    draft: RwSignal<Option<Draft>>,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// Goes to a question to change it.
    go_to: G,
    /// The finish button's wording.
    finish_label: Key,
    /// Finishes the booklet.
    on_finish: Callback<()>,
    /// Goes back to the last question.
    go_back: Callback<()>,
) -> impl IntoView
where
    G: Fn(Position) + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let fallback = booklet.fallback_locale();
    let items = move || {
        let locale = i18n.locale();
        draft.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.session(&booklet)
                .review()
                .into_iter()
                .map(|item| {
                    let question = item.text.get(&locale.locale_code(), &fallback).to_owned();
                    let answer = match item.answer {
                        None => locale.text(Key::FillSkipped).to_owned(),
                        Some(a) => describe(item.question, a, locale, &fallback),
                    };
                    (item.position(), question, answer, item.answer.is_none())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="review">
            <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::FillReviewTitle)}</h1>
            <p class="lead">{i18n.tr(Key::FillReviewLead)}</p>
            <ul class="review-list">
                {move || items().into_iter().map(|(position, question, answer, skipped)| {
                    let change_label = i18n.locale().format(Key::FillChangeAnswer, &[("question", &question)]);
                    view! {
                        <li>
                            <p class="review-question">{question}</p>
                            <p class="review-answer" class:skipped=skipped>{answer}</p>
                            <button type="button" aria-label=change_label on:click=move |_| go_to(position.clone())>{i18n.t(Key::FillChange)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="nav">
                <button type="button" class="big" on:click=move |_| go_back.run(())>
                    <span aria-hidden="true" class="arrow back-arrow">"←"</span>
                    {i18n.tr(Key::FillBack)}
                </button>
                <button type="button" class="primary big" on:click=move |_| on_finish.run(())>{i18n.tr(finish_label)}</button>
            </div>
        </div>
    }
}

/// An answer in words, for the review screen.
fn describe(question: &Question, answer: &Answer, locale: Locale, fallback: &LocaleCode) -> String {
    match answer {
        Answer::RatherNotSay => locale.text(Key::FillRatherNotSay).to_owned(),
        Answer::Picked(v) => value_label(question, v, locale, fallback),
        Answer::Words(w) => w.clone(),
        Answer::PickedMany(picks) => picks
            .iter()
            .map(|p| match p {
                Pick::Option(id) => value_label(question, id, locale, fallback),
                Pick::Own(w) => w.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

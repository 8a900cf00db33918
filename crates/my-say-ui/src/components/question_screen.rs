//! One question as a child sees it: heading, picture, help, read-aloud and the answer controls,
//! and the Back and Next buttons under it. The fill screen and the survey builder's live preview
//! both render questions with them, so the preview is exactly what a child will see.

use crate::browser::speech;
use crate::components::answer_input::{value_label, AnswerInput};
use crate::components::read_aloud::ReadAloud;
use crate::i18n::{use_i18n, Key, Locale};
use leptos::prelude::*;
use my_say_core::booklet::{AnswerKind, FACES, YES_NOT_SURE_NO};
use my_say_core::{AgeBand, Answer, LocaleCode, Question};

/// The heading's id, which labels the answer controls: a screen shows one question at a time.
const HEADING_ID: &str = "question";

/// One question: heading, picture, help, read-aloud and the answer controls. It changes in
/// place: when `question` becomes another (the child taps Next), only the words, picture and
/// help change, and the answer controls stay as they are when the new question is answered
/// alike ([`Question::answered_alike`]), so a tap changes a few nodes rather than the screen.
#[component]
pub fn QuestionScreen(
    /// The question shown.
    #[prop(into)]
    question: Signal<Question>,
    /// The child's age band, for the wording.
    band: AgeBand,
    /// The booklet's fallback language.
    fallback: LocaleCode,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// The answer to the question shown, so far.
    answer: Signal<Option<Answer>>,
    /// Called with a new answer to the question shown.
    on_answer: Callback<Option<Answer>>,
    /// Read each question aloud as soon as it shows.
    auto_read: bool,
    /// A big read-aloud button (4–6).
    prominent_read_aloud: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let fb = fallback.clone();
    let text = move || {
        question.with(|q| {
            q.text_for(band)
                .get(&i18n.locale().locale_code(), &fb)
                .to_owned()
        })
    };
    let fb = fallback.clone();
    let help = move || {
        question
            .with(|q| {
                q.help
                    .as_ref()
                    .map(|h| h.get(&i18n.locale().locale_code(), &fb).to_owned())
            })
            .map(|h| view! { <p class="help">{h}</p> })
    };
    let picture = move || {
        question.with(|q| q.picture.clone()).map(|p| {
            view! { <img class="question-picture" src=format!("/pictures/{p}.svg") alt="" width="96" height="96" /> }
        })
    };
    let fb = fallback.clone();
    let spoken = Signal::derive(move || question.with(|q| spoken(q, band, i18n.locale(), &fb)));
    if auto_read {
        // Each question is read aloud as it shows.
        Effect::new(move |_| {
            let words = spoken.get();
            let lang = i18n.locale().code();
            request_animation_frame(move || {
                let _ = speech::speak(&words, lang);
            });
        });
    }
    // The controls are built again only for a question answered otherwise.
    let controls = Memo::new_with_compare(
        move |_| question.get(),
        |shown, next| !matches!((shown, next), (Some(s), Some(n)) if s.answered_alike(n)),
    );
    let answer_input = move || {
        view! { <AnswerInput question=controls.get() labelled_by=HEADING_ID.to_owned() fallback=fallback.clone() answer on_answer /> }
    };
    view! {
        <div class="question">
            {picture}
            <h1 id=HEADING_ID tabindex="-1" node_ref=heading>{text}</h1>
            {help}
            <ReadAloud text=spoken prominent=prominent_read_aloud />
            {answer_input}
        </div>
    }
}

/// What read-aloud says for `question`: the question, then every answer the child can give.
fn spoken(question: &Question, band: AgeBand, locale: Locale, fallback: &LocaleCode) -> String {
    let mut parts = vec![question
        .text_for(band)
        .get(&locale.locale_code(), fallback)
        .to_owned()];
    let values: Vec<String> = match &question.kind {
        AnswerKind::YesNotSureNo => YES_NOT_SURE_NO.iter().map(|v| v.to_string()).collect(),
        AnswerKind::Faces => FACES.iter().map(|v| v.to_string()).collect(),
        _ => question.options().iter().map(|c| c.id.clone()).collect(),
    };
    parts.extend(
        values
            .iter()
            .map(|v| value_label(question, v, locale, fallback)),
    );
    if matches!(question.kind, AnswerKind::People { .. }) {
        parts.push(locale.text(Key::FillAddSomeone).to_owned());
    }
    parts.push(locale.text(Key::FillRatherNotSay).to_owned());
    parts.join(". ")
}

/// Back, and Next, which reads "Skip this one" while the question has no answer.
#[component]
pub fn QuestionNav(
    /// Whether the question shown has an answer.
    answered: Signal<bool>,
    /// Goes to the question before.
    on_back: Callback<()>,
    /// Goes to the next question.
    on_next: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="nav">
            <button type="button" class="big" on:click=move |_| on_back.run(())>
                <span aria-hidden="true" class="arrow back-arrow">"←"</span>
                {i18n.tr(Key::FillBack)}
            </button>
            <button type="button" class="primary big" on:click=move |_| on_next.run(())>
                {move || i18n.t(if answered.get() { Key::FillNext } else { Key::FillSkip })}
                <span aria-hidden="true" class="arrow">"→"</span>
            </button>
        </div>
    }
}

//! One question as a child sees it: heading, picture, help, read-aloud and the answer controls.
//! The fill screen and the survey builder's live preview both render questions with it, so the
//! preview is exactly what a child will see.

use crate::browser::speech;
use crate::components::answer_input::{value_label, AnswerInput};
use crate::components::read_aloud::ReadAloud;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use my_say_core::{AgeBand, Answer, LocaleCode, Question};

/// One question: heading, picture, help, read-aloud and the answer controls.
#[component]
pub fn QuestionScreen(
    /// The question.
    question: Question,
    /// The child's age band, for the wording.
    band: AgeBand,
    /// The booklet's fallback language.
    fallback: LocaleCode,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// The answer so far.
    answer: Signal<Option<Answer>>,
    /// Called with a new answer.
    on_answer: Callback<Option<Answer>>,
    /// Read the question aloud as soon as it shows.
    auto_read: bool,
    /// A big read-aloud button (4–6).
    prominent_read_aloud: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("q-{}", question.id.as_str());
    let q = question.clone();
    let fb = fallback.clone();
    let text = move || {
        q.text_for(band)
            .get(&i18n.locale().locale_code(), &fb)
            .to_owned()
    };
    let q = question.clone();
    let fb = fallback.clone();
    let help = move || {
        q.help
            .as_ref()
            .map(|h| h.get(&i18n.locale().locale_code(), &fb).to_owned())
    };
    // Read-aloud reads the question, then every answer the child can give.
    let q = question.clone();
    let fb = fallback.clone();
    let text_for_speech = text.clone();
    let spoken = Signal::derive(move || {
        let locale = i18n.locale();
        let mut parts = vec![text_for_speech()];
        let values: Vec<String> = match &q.kind {
            my_say_core::AnswerKind::YesNotSureNo => my_say_core::booklet::YES_NOT_SURE_NO
                .iter()
                .map(|v| v.to_string())
                .collect(),
            my_say_core::AnswerKind::Faces => my_say_core::booklet::FACES
                .iter()
                .map(|v| v.to_string())
                .collect(),
            _ => q.options().iter().map(|c| c.id.clone()).collect(),
        };
        parts.extend(values.iter().map(|v| value_label(&q, v, locale, &fb)));
        if matches!(q.kind, my_say_core::AnswerKind::People { .. }) {
            parts.push(locale.text(Key::FillAddSomeone).to_owned());
        }
        parts.push(locale.text(Key::FillRatherNotSay).to_owned());
        parts.join(". ")
    });
    if auto_read {
        let lang = i18n.locale().code();
        let words = spoken.get_untracked();
        request_animation_frame(move || {
            let _ = speech::speak(&words, lang);
        });
    }
    let picture = question.picture.clone();
    view! {
        <div class="question">
            {picture.map(|p| view! { <img class="question-picture" src=format!("/pictures/{p}.svg") alt="" width="96" height="96" /> })}
            <h1 id=heading_id.clone() tabindex="-1" node_ref=heading>{text}</h1>
            {move || help().map(|h| view! { <p class="help">{h}</p> })}
            <ReadAloud text=spoken prominent=prominent_read_aloud />
            <AnswerInput question labelled_by=heading_id fallback answer on_answer />
        </div>
    }
}

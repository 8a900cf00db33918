//! The booklet's questions, one at a time, with Back and Next (or Skip while it has no answer).
//! The screen stays while the child moves from question to question, and changes in place. An
//! answer that shows a worry opens "it's OK to tell" at once
//! (`my_say_core::session::shows_ok_to_tell`).

use leptos::prelude::*;
use my_say_core::session::{shows_ok_to_tell, Draft};
use my_say_core::{AgeBand, Answer, Booklet, Question, QuestionId};
use my_say_ui::browser::clock;
use my_say_ui::components::question_screen::{QuestionNav, QuestionScreen};
use std::sync::Arc;

/// The question `at` of `booklet`, answered into `draft`, without the people the adult hid
/// before handing over; nothing if the booklet has no such question when the screen opens.
#[component]
pub fn QuestionStep(
    /// The booklet being filled in.
    booklet: Arc<Booklet>,
    /// The question the child is at (`None` once they leave the questions).
    at: Memo<Option<QuestionId>>,
    /// The draft; always `Some` while filling.
    draft: RwSignal<Option<Draft>>,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// Whether each question is read aloud when it shows.
    auto_read: bool,
    /// Set when an answer shows a worry.
    ok_to_tell: RwSignal<bool>,
    /// Goes to the question before.
    on_back: Callback<()>,
    /// Goes to the next question.
    on_next: Callback<()>,
) -> impl IntoView {
    // What the adult hid does not change while the child answers: the question is read when
    // the child moves, not when they answer.
    let b = booklet.clone();
    let shown = move |id: &QuestionId| {
        draft.with_untracked(|d| Some(d.as_ref()?.shown(b.question(id)?).into_owned()))
    };
    let first = shown(&at.get_untracked()?)?;
    let question = Memo::new(move |before: Option<&Question>| {
        at.get()
            .and_then(|id| shown(&id))
            .or_else(|| before.cloned())
            .unwrap_or_else(|| first.clone())
    });
    let band = draft
        .with_untracked(|d| d.as_ref().map(Draft::booklet_band))
        .unwrap_or(AgeBand::SevenToNine);
    let answer = Signal::derive(move || {
        question.with(|q| draft.with(|d| d.as_ref().and_then(|d| d.answers.get(&q.id).cloned())))
    });
    let fallback = booklet.fallback_locale();
    let on_answer = Callback::new(move |new: Option<Answer>| {
        let id = question.with_untracked(|q| q.id.clone());
        let now = clock::now();
        let mut show = false;
        draft.update(|d| {
            let Some(d) = d else { return };
            let before = d.answers.get(&id).cloned();
            match new {
                Some(a) => {
                    if let Some(q) = booklet.question(&id) {
                        show = shows_ok_to_tell(q, before.as_ref(), Some(&a));
                    }
                    let _ = d.set_answer(&booklet, &id, a, &now);
                }
                None => d.clear_answer(&id, &now),
            }
        });
        if show {
            ok_to_tell.set(true);
        }
    });
    Some(view! {
        <QuestionScreen
            question
            band
            fallback
            heading
            answer
            on_answer
            auto_read
            prominent_read_aloud=band == AgeBand::FourToSix
        />
        <QuestionNav answered=Signal::derive(move || answer.with(Option::is_some)) on_back on_next />
    })
}

//! One question of a booklet, with Back and Next (or Skip while it has no answer). An answer
//! that shows a worry opens "it's OK to tell" at once (`my_say_core::session::shows_ok_to_tell`).

use leptos::prelude::*;
use my_say_core::session::{shows_ok_to_tell, Draft};
use my_say_core::{AgeBand, Answer, Booklet, QuestionId};
use my_say_ui::browser::clock;
use my_say_ui::components::question_screen::QuestionScreen;
use my_say_ui::i18n::{use_i18n, Key};
use std::sync::Arc;

/// The question `id` of `booklet`, answered into `draft`, without the people the adult hid
/// before handing over; nothing if the booklet has no such question.
#[component]
pub fn QuestionStep(
    /// The booklet being filled in.
    booklet: Arc<Booklet>,
    /// The question's id.
    id: QuestionId,
    /// The draft; always `Some` while filling.
    draft: RwSignal<Option<Draft>>,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// Whether the question is read aloud when it shows.
    auto_read: bool,
    /// Set when an answer shows a worry.
    ok_to_tell: RwSignal<bool>,
    /// Goes to the question before.
    on_back: Callback<()>,
    /// Goes to the next question.
    on_next: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = |d: &Option<Draft>| Some(d.as_ref()?.shown(booklet.question(&id)?).into_owned());
    let question = draft.with_untracked(shown)?;
    let band = draft
        .with_untracked(|d| d.as_ref().map(Draft::booklet_band))
        .unwrap_or(AgeBand::SevenToNine);
    let qid = id.clone();
    let answer = Signal::derive(move || {
        draft.with(|d| d.as_ref().and_then(|d| d.answers.get(&qid).cloned()))
    });
    let fallback = booklet.fallback_locale();
    let on_answer = Callback::new(move |new: Option<Answer>| {
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
        <div class="nav">
            <button type="button" class="big" on:click=move |_| on_back.run(())>
                <span aria-hidden="true" class="arrow back-arrow">"←"</span>
                {i18n.tr(Key::FillBack)}
            </button>
            <button type="button" class="primary big" on:click=move |_| on_next.run(())>
                {move || if answer.with(|a| a.is_some()) { i18n.t(Key::FillNext) } else { i18n.t(Key::FillSkip) }}
                <span aria-hidden="true" class="arrow">"→"</span>
            </button>
        </div>
    })
}

//! A question card's buttons in the builder: move up and down (offered only when the builder
//! would make the move, and otherwise the reason why not), preview this question, and remove it
//! after asking.

use super::builder::{use_editor, Dragging};
use super::logic::field_id;
use crate::i18n::Key;
use crate::pages::iro::focus_id_soon;
use leptos::prelude::*;
use my_say_core::QuestionId;
use my_say_ui::i18n::use_i18n;

/// Moves focus, after a keyboard move, to the button pressed if it is still offered, else the
/// other one, else the question's heading.
fn focus_after_move(id: &QuestionId, pressed: &'static str) {
    let other = if pressed == "up" { "down" } else { "up" };
    let ids = [
        field_id(&[id.as_str(), pressed]),
        field_id(&[id.as_str(), other]),
        field_id(&[id.as_str(), "heading"]),
    ];
    request_animation_frame(move || {
        for id in ids {
            if let Some(e) = document().get_element_by_id(&id) {
                use wasm_bindgen::JsCast;
                if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
                    let _ = e.focus();
                    return;
                }
            }
        }
    });
}

/// The buttons under a question's card, the reason a move is not offered, a refused change,
/// and the "remove this question?" question.
#[component]
pub(super) fn QuestionActions(
    /// The question's id.
    id: QuestionId,
    /// Its place in the survey, from 0.
    index: Memo<usize>,
    /// The id of the card's heading, which names the group of buttons.
    heading_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let survey = editor.survey;
    let moved = expect_context::<Dragging>().moved;
    let number = move || index.get() + 1;
    let qid = id.as_str().to_owned();

    // Moving: offered only when the builder would do it; otherwise why not.
    let q = id.clone();
    let can = move |up: bool| {
        survey.with(|s| {
            let at = s.draft.index_of(&q)?;
            let len = s.draft.questions().len();
            let to = if up {
                at.checked_sub(1)?
            } else {
                (at + 1 < len).then_some(at + 1)?
            };
            Some(s.draft.can_move(&q, to).map_err(|e| e.to_string()))
        })
    };
    let can_up = {
        let can = can.clone();
        Memo::new(move |_| can(true))
    };
    let can_down = Memo::new(move |_| can(false));
    let why_not = move || {
        [can_up.get(), can_down.get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
    };
    let step = {
        let id = id.clone();
        move |up: bool| {
            let from = index.get_untracked() + 1;
            let moved_ok =
                editor.try_change(&id, |d| if up { d.move_up(&id) } else { d.move_down(&id) });
            if moved_ok {
                let to = index.get_untracked() + 1;
                moved.set(Some(i18n.locale().format(
                    Key::BuilderMoved,
                    &[("from", &from.to_string()), ("to", &to.to_string())],
                )));
                focus_after_move(&id, if up { "up" } else { "down" });
            }
        }
    };
    let step_up = step.clone();
    let step_down = step;

    // Removing, after asking.
    let confirming = RwSignal::new(false);
    let remove_id = field_id(&[&qid, "remove"]);
    let confirm_id = field_id(&[&qid, "confirm-remove"]);
    let remove = {
        let id = id.clone();
        move |_| {
            confirming.set(false);
            if editor.try_change(&id, |d| d.remove_question(&id)) {
                moved.set(Some(i18n.t(Key::BuilderRemoved).to_owned()));
                focus_id_soon("sb-questions-heading");
            }
        }
    };

    let q = id.clone();
    let refused = move || {
        editor.refused.with(|r| {
            r.as_ref()
                .filter(|(id, _)| *id == q)
                .map(|(_, e)| e.clone())
        })
    };
    let preview = {
        let id = id.clone();
        move |_| {
            editor.preview_at.set(Some(id.clone()));
            focus_id_soon("sb-preview-heading");
        }
    };
    let (up_id, down_id) = (field_id(&[&qid, "up"]), field_id(&[&qid, "down"]));
    let (remove_id2, confirm_id2) = (remove_id.clone(), confirm_id.clone());
    let heading_for_label = heading_id;

    view! {
        <div class="row sb-question-actions" role="group" aria-labelledby=heading_for_label>
            {
                let step_up = step_up.clone();
                let up_id = up_id.clone();
                move || matches!(can_up.get(), Some(Ok(()))).then(|| {
                    let step_up = step_up.clone();
                    view! {
                        <button type="button" id=up_id.clone() aria-label=move || i18n.locale().format(Key::BuilderMoveUpLabel, &[("number", &number().to_string())]) on:click=move |_| step_up(true)>{i18n.tr(Key::BuilderMoveUp)}</button>
                    }
                })
            }
            {
                let step_down = step_down.clone();
                let down_id = down_id.clone();
                move || matches!(can_down.get(), Some(Ok(()))).then(|| {
                    let step_down = step_down.clone();
                    view! {
                        <button type="button" id=down_id.clone() aria-label=move || i18n.locale().format(Key::BuilderMoveDownLabel, &[("number", &number().to_string())]) on:click=move |_| step_down(false)>{i18n.tr(Key::BuilderMoveDown)}</button>
                    }
                })
            }
            <button type="button" aria-label=move || i18n.locale().format(Key::BuilderPreviewLabel, &[("number", &number().to_string())]) on:click=preview>{i18n.tr(Key::BuilderPreviewThis)}</button>
            {move || (!confirming.get()).then(|| {
                    let remove_id = remove_id2.clone();
                    let confirm_id = confirm_id2.clone();
                    view! {
                        <button type="button" class="danger" id=remove_id aria-label=move || i18n.locale().format(Key::BuilderRemoveLabel, &[("number", &number().to_string())]) on:click=move |_| { confirming.set(true); focus_id_soon(confirm_id.clone()); }>{i18n.tr(Key::BuilderRemove)}</button>
                    }
            })}
        </div>
        {move || why_not().map(|e| view! { <p class="note sb-why-not" dir="auto">{e}</p> })}
        {move || refused().map(|e| view! { <p class="banner error" role="alert" dir="auto">{e}</p> })}
        {move || confirming.get().then(|| {
                let remove = remove.clone();
                let confirm_id = confirm_id.clone();
                let remove_id = remove_id.clone();
                view! {
                    <div class="confirm" role="group" aria-labelledby=confirm_id.clone()>
                        <p id=confirm_id.clone() tabindex="-1">{move || i18n.locale().format(Key::BuilderRemoveConfirmText, &[("number", &number().to_string())])}</p>
                        <div class="row form-buttons">
                            <button type="button" class="danger" on:click=remove.clone()>{i18n.tr(Key::BuilderRemoveConfirm)}</button>
                            <button type="button" on:click=move |_| { confirming.set(false); focus_id_soon(remove_id.clone()); }>{i18n.tr(Key::IroDataCancel)}</button>
                        </div>
                    </div>
                }
        })}
    }
}

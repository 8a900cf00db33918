//! Moving keyboard focus to something that is about to be shown, for keyboard and screen reader
//! users: a message above a form, the screen's next part.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id on the next frame, after it renders.
/// Nothing happens if there is no such element then.
pub fn focus_id_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(e) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = e.focus();
        }
    });
}

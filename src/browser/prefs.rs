//! Device preferences that are not answers (the UI language), and the document's language.

use leptos::prelude::document;

const LOCALE_KEY: &str = "my-say.locale";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The UI language saved on this device, if any.
pub fn load_locale() -> Option<String> {
    local_storage()?.get_item(LOCALE_KEY).ok().flatten()
}

/// Remembers the UI language on this device. Failing storage only means the choice is not kept.
pub fn save_locale(code: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LOCALE_KEY, code);
    }
}

/// Sets `<html lang dir>` so screen readers, fonts and layout follow the language.
pub fn apply_locale(code: &str, dir: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", code);
        let _ = html.set_attribute("dir", dir);
    }
}

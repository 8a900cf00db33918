//! Device preferences that are not answers (the UI language, read-aloud), and the document's
//! language.

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

fn read_aloud_key(draft_id: &str) -> String {
    format!("my-say.read-aloud.{draft_id}")
}

/// Whether the on/off setting under `key` is on.
fn flag(key: &str) -> bool {
    local_storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// Switches the on/off setting under `key`. Failing storage only means the choice is not kept.
fn set_flag(key: &str, on: bool) {
    if let Some(storage) = local_storage() {
        let _ = if on {
            storage.set_item(key, "1")
        } else {
            storage.remove_item(key)
        };
    }
}

/// Whether read-aloud was switched on from the start for this draft.
pub fn read_aloud(draft_id: &str) -> bool {
    flag(&read_aloud_key(draft_id))
}

/// Remembers the adult's read-aloud choice for a draft (a setting, not an answer).
pub fn set_read_aloud(draft_id: &str, on: bool) {
    set_flag(&read_aloud_key(draft_id), on);
}

const NETWORK_VOICES_KEY: &str = "my-say.network-voices";

/// Whether an adult has allowed read-aloud voices that send the words to another company's
/// server, for languages with no voice on the device. Off until someone switches it on.
pub fn network_voices() -> bool {
    flag(NETWORK_VOICES_KEY)
}

/// Remembers the adult's choice about voices that send the words elsewhere.
pub fn set_network_voices(on: bool) {
    set_flag(NETWORK_VOICES_KEY, on);
}

//! Adding an IRO to the tablet from the key file they gave, as a second way beside their
//! set-up link. The IRO is offered, not added: the adult code still decides.

use super::key_refusal;
use crate::i18n::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::limits::KEY_FILE_MAX_BYTES;
use my_say_core::seal::{IroIdentity, SetupCode};
use my_say_ui::browser::files;
use my_say_ui::i18n::use_i18n;

/// "Add an IRO from their key file": the file is read and checked, and the tablet's recipients
/// with that IRO added (or their entry renewed) are offered for the adult code to confirm.
#[component]
pub fn AddKeyFile(
    /// Whom the tablet seals for now.
    current: RwSignal<Option<SetupCode>>,
    /// Set to the recipients offered.
    offered: RwSignal<Option<SetupCode>>,
    /// Where to say what happened.
    message: RwSignal<Option<String>>,
    /// Where to say what went wrong.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |ev: leptos::ev::Event| {
        let Some(file) = files::take_picked(&ev) else {
            return;
        };
        spawn_local(async move {
            let name = file.name();
            let refused = |reason: &str| {
                let words = i18n.locale();
                Some(words.format(
                    Key::TabletBadKeyFile,
                    &[("file", &name), ("reason", reason)],
                ))
            };
            let text = match files::read(&file, KEY_FILE_MAX_BYTES).await {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => return error.set(Some(e)),
            };
            let identity = match IroIdentity::from_key_file(&text) {
                Ok(identity) => identity,
                Err(e) => return error.set(refused(&key_refusal(i18n.locale(), &e))),
            };
            match SetupCode::adding(current.get_untracked().as_ref(), identity.clone()) {
                Ok(code) => {
                    offered.set(Some(code));
                    error.set(None);
                    let fingerprint = identity.fingerprint().to_string();
                    message.set(Some(i18n.locale().format(
                        Key::TabletKeyFileAdded,
                        &[
                            ("name", &identity.display_name),
                            ("fingerprint", &fingerprint),
                        ],
                    )));
                }
                Err(e) => error.set(refused(&e.to_string())),
            }
        });
    };
    view! {
        <div class="field">
            <label for="key-file">{i18n.tr(Key::TabletKeyFile)}</label>
            <input id="key-file" type="file" accept=".json,application/json" on:change=add />
        </div>
    }
}

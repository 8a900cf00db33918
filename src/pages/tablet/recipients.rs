//! Whom a set-up code seals for, as the tablet's screens list them.

use crate::i18n::Key;
use leptos::prelude::*;
use my_say_core::seal::SetupCode;
use my_say_ui::i18n::use_i18n;

/// The recipients of a set-up code, each with its fingerprint.
#[component]
pub fn Recipients(
    /// Who the code seals for.
    code: SetupCode,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="recipients">
            {code.recipients().iter().map(|r| {
                let fingerprint = r.fingerprint().to_string();
                view! {
                    <li>
                        <span class="recipient-name">{r.display_name.clone()}</span>
                        <span class="fingerprint">{move || i18n.locale().format(Key::TabletFingerprint, &[("fingerprint", &fingerprint)])}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

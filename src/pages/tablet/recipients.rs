//! Whom a set-up code seals for, as the tablet's screens (and the booklet start screen) list
//! them.

use crate::i18n::Key;
use leptos::prelude::*;
use my_say_core::seal::ShownRecipient;
use my_say_ui::i18n::use_i18n;

/// The recipients of a set-up code, each with its fingerprint.
#[component]
pub fn Recipients(
    /// Who the code seals for, as shown ([`my_say_core::seal::SetupCode::shown`]).
    recipients: Vec<ShownRecipient>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="recipients">
            {recipients.into_iter().map(|r| {
                let fingerprint = r.fingerprint;
                view! {
                    <li>
                        <span class="recipient-name">{r.name}</span>
                        <span class="fingerprint">{move || i18n.locale().format(Key::TabletFingerprint, &[("fingerprint", &fingerprint)])}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

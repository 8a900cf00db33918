//! Read-aloud's voices on this tablet.

use crate::i18n::Key;
use leptos::prelude::*;
use my_say_ui::browser::prefs;
use my_say_ui::i18n::use_i18n;

/// The adult's choice to let read-aloud use a voice that sends the words to another company's
/// server, for a language with no voice on the tablet. Off until switched on.
#[component]
pub fn NetworkVoices() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="voices-heading">
            <h2 id="voices-heading">{i18n.tr(Key::TabletVoicesTitle)}</h2>
            <div class="check">
                <input id="network-voices" type="checkbox" aria-describedby="network-voices-hint"
                    prop:checked=prefs::network_voices()
                    on:change=move |ev| prefs::set_network_voices(event_target_checked(&ev)) />
                <label for="network-voices">{i18n.tr(Key::TabletNetworkVoices)}</label>
            </div>
            <p class="hint" id="network-voices-hint">{i18n.tr(Key::TabletNetworkVoicesHint)}</p>
        </section>
    }
}

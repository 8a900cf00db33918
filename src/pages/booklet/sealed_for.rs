//! On the adult's start screen, whom the tablet seals a child's answers for: a booklet can only
//! start once the tablet knows, and the screen shows them.

use crate::pages::tablet::Recipients;
use crate::tablet::SealsFor;
use leptos::prelude::*;
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{use_i18n, Key};

/// "When you finish, only these people can open your answers": who the tablet seals for, each
/// with their fingerprint, in words for the child too, and read aloud on request. Until the
/// tablet is set up, a note that it must be, with the way to set it up; on a tablet set up
/// before December 2026, a note to open tablet set-up once ([`SealsFor::NotShownYet`]).
#[component]
pub fn SealedFor(
    /// Whom the tablet seals for: `None` while it is being read.
    sealed_for: RwSignal<Option<SealsFor>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let to_set_up = move |words: Key, button: Key| {
        view! {
            <div class="banner warning" role="note">
                <p>{i18n.tr(words)}</p>
                <a class="button primary" href="/tablet">{i18n.tr(button)}</a>
            </div>
        }
        .into_any()
    };
    move || match sealed_for.get()? {
        SealsFor::People(people) => {
            let names = people
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let spoken =
                Signal::derive(move || format!("{} {names}", i18n.t(Key::BookletSealedFor)));
            Some(view! {
                <section class="card sealed-for-card" aria-labelledby="sealed-for-lead">
                    <p class="sealed-for" id="sealed-for-lead">{i18n.tr(Key::BookletSealedFor)}</p>
                    <Recipients recipients=people />
                    <ReadAloud text=spoken />
                </section>
            }
            .into_any())
        }
        SealsFor::Nobody => Some(to_set_up(Key::BookletNeedsSetUp, Key::TabletOfferTitle)),
        SealsFor::NotShownYet => Some(to_set_up(Key::BookletSetUpNotShownYet, Key::TabletLink)),
    }
}

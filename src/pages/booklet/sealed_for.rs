//! On the adult's start screen, whom the tablet seals a child's answers for: a booklet can only
//! start once the tablet knows.

use crate::pages::tablet::Recipients;
use leptos::prelude::*;
use my_say_core::seal::SetupCode;
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{use_i18n, Key};

/// "When you finish, only these people can open your answers": who the tablet seals for, each
/// with their fingerprint, in words for the child too, and read aloud on request. Until the
/// tablet is set up, a note that it must be, with the way to set it up.
#[component]
pub fn SealedFor(
    /// Whom the tablet seals for: `None` while it is being read, `Some(None)` when nobody.
    sealed_for: RwSignal<Option<Option<SetupCode>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match sealed_for.get()? {
        Some(code) => {
            let names = code
                .recipients()
                .iter()
                .map(|r| r.display_name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let spoken =
                Signal::derive(move || format!("{} {names}", i18n.t(Key::BookletSealedFor)));
            Some(view! {
                <section class="card sealed-for-card" aria-labelledby="sealed-for-lead">
                    <p class="sealed-for" id="sealed-for-lead">{i18n.tr(Key::BookletSealedFor)}</p>
                    <Recipients code />
                    <ReadAloud text=spoken />
                </section>
            }
            .into_any())
        }
        None => Some(
            view! {
                <div class="banner warning" role="note">
                    <p>{i18n.tr(Key::BookletNeedsSetUp)}</p>
                    <a class="button primary" href="/tablet">{i18n.tr(Key::TabletOfferTitle)}</a>
                </div>
            }
            .into_any(),
        ),
    }
}

//! The speaker button that reads a question and its answers aloud.

use crate::browser::speech::{self, NoVoice};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Reads `text` aloud in the current language. When the device has no voice of its own for it,
/// the button says so (and whether its only voices would send the words elsewhere) instead of
/// failing silently.
#[component]
pub fn ReadAloud(
    /// What to read: the question, then each answer.
    #[prop(into)]
    text: Signal<String>,
    /// A big, labelled button for the youngest children.
    #[prop(optional)]
    prominent: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let no_voice = RwSignal::new(None);
    let read = move |_| {
        no_voice.set(speech::speak(&text.get_untracked(), i18n.locale().code()).err());
    };
    view! {
        <div class="read-aloud" class:prominent=prominent>
            <button type="button" class="speaker" on:click=read>
                <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                    <path d="M3 9v6h4l5 5V4L7 9H3z" fill="currentColor" />
                    <path d="M16 8a5 5 0 0 1 0 8M18.5 5.5a8.5 8.5 0 0 1 0 13" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
                <span>{i18n.tr(Key::FillReadAloud)}</span>
            </button>
            <p class="no-voice" role="status">
                {move || no_voice.get().map(|why| i18n.t(match why {
                    NoVoice::None => Key::FillNoVoice,
                    NoVoice::OnlyNetwork => Key::FillNetworkVoiceOnly,
                }))}
            </p>
        </div>
    }
}

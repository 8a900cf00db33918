//! The tablet's adult code, asked before any change to who the tablet seals for, or chosen on a
//! tablet that has none yet. The rule is `my_say_core::seal::AdultLock`; keeping it is
//! `crate::tablet::allow_change`.

use crate::i18n::Key;
use crate::tablet::{self, ChangeError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::{AdultCodeError, Allowed};
use my_say_ui::i18n::use_i18n;

/// The code field(s) and the button that makes the change: one field for a tablet with an adult
/// code, two (the code chosen, then again) with what it is for on a tablet without one; and,
/// for a forgotten code, the reset.
#[component]
pub fn AdultCodeGate(
    /// Makes the fields' ids unique on the page.
    id: &'static str,
    /// Whether the tablet has an adult code.
    has_code: RwSignal<bool>,
    /// Sealed booklets waiting to be sent: a forgotten code resets the tablet only when none do.
    waiting: RwSignal<usize>,
    /// The button's words: the change it makes.
    action: Key,
    /// Called with the permission to change, once the code is right or has been chosen.
    on_allowed: Callback<Allowed>,
    /// Called after a reset for a forgotten code: `true` if the tablet was reset, `false` if a
    /// sealed booklet waits after all.
    on_reset: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let go = move |_| {
        busy.set(true);
        error.set(None);
        // "Saving…" paints while the store is opened, before PBKDF2 takes its moment.
        spawn_local(async move {
            let result = tablet::allow_change(&code.get_untracked(), &again.get_untracked()).await;
            busy.set(false);
            code.set(String::new());
            again.set(String::new());
            let locale = i18n.locale();
            match result {
                Ok(allowed) => {
                    has_code.set(true);
                    on_allowed.run(allowed);
                }
                Err(ChangeError::Code(AdultCodeError::Wait(ms))) => error.set(Some(locale.format(
                    Key::TabletCodeWait,
                    &[("seconds", &ms.div_ceil(1000).to_string())],
                ))),
                Err(ChangeError::Code(e)) => error.set(Some(match e {
                    AdultCodeError::BadCode => locale.text(Key::TabletCodeBad).to_owned(),
                    AdultCodeError::NotTheSame => locale.text(Key::TabletCodeNotSame).to_owned(),
                    AdultCodeError::WrongCode => locale.text(Key::TabletCodeWrong).to_owned(),
                    e => e.to_string(),
                })),
                Err(ChangeError::Store(e)) => error.set(Some(e.words(locale))),
            }
        });
    };
    let reset = move |_| {
        spawn_local(async move {
            // `false`: something was sealed meanwhile, and waits.
            match tablet::reset_recipients().await {
                Ok(reset) => {
                    has_code.set(!reset);
                    on_reset.run(reset);
                }
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
        });
    };
    let (code_id, again_id) = (format!("{id}-code"), format!("{id}-again"));
    // One view for both kinds of tablet, parts hidden by class: lighter than two views.
    let choosing = move || !has_code.get();
    let nothing_waits = move || waiting.get() == 0;
    view! {
        <div class="adult-code">
            <p class="hint" class:hidden=choosing>{i18n.tr(Key::TabletCodeAsk)}</p>
            <p class:hidden=move || !choosing()>{i18n.tr(Key::TabletCodeChoose)}</p>
            <div class="field">
                <label for=code_id.clone()>{i18n.tr(Key::TabletCodeLabel)}</label>
                <input id=code_id type="password" inputmode="numeric" autocomplete="off" maxlength="20"
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev)) />
            </div>
            <div class="field" class:hidden=move || !choosing()>
                <label for=again_id.clone()>{i18n.tr(Key::TabletCodeAgain)}</label>
                <input id=again_id type="password" inputmode="numeric" autocomplete="off" maxlength="20"
                    prop:value=move || again.get()
                    on:input=move |ev| again.set(event_target_value(&ev)) />
            </div>
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            <button type="button" class="primary big" disabled=move || busy.get() on:click=go>
                {move || if busy.get() { i18n.t(Key::CodeLocking) } else { i18n.t(action) }}
            </button>
            <details class="code-forgotten" class:hidden=choosing>
                <summary>{i18n.tr(Key::TabletCodeForgot)}</summary>
                <p class:hidden=move || !nothing_waits()>{i18n.tr(Key::TabletResetLead)}</p>
                <button type="button" class="danger" class:hidden=move || !nothing_waits() on:click=reset>{i18n.tr(Key::TabletReset)}</button>
                <p class:hidden=nothing_waits>
                    {move || i18n.locale().format(Key::TabletResetWait, &[("count", &waiting.get().to_string())])}
                </p>
            </details>
        </div>
    }
}

//! Setting a tablet up to seal for an IRO, and sending the sealed answers to them. Every
//! change to who the tablet seals for asks for the tablet's adult code ([`adult_code`]).

mod adult_code;
mod key_file;
mod recipients;
mod voices;

use crate::i18n::Key;
use crate::pages::send_answers::{send_answers, Outbox};
use crate::pages::send_today::SendToday;
use crate::tablet;
use adult_code::AdultCodeGate;
use key_file::AddKeyFile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::name::NameProblem;
use my_say_core::seal::{Allowed, KeyFileError, SetupCode};
use my_say_ui::browser::history::{forget_link_code, link_code};
use my_say_ui::i18n::{use_i18n, Locale};
pub use recipients::Recipients;
use voices::NetworkVoices;

/// A refused name's wording in the tablet's language, when it pretends: hidden characters, or a
/// fingerprint of its own.
pub(crate) fn name_refusal(locale: Locale, e: &KeyFileError) -> Option<&'static str> {
    match e {
        KeyFileError::InvalidName(NameProblem::Hidden) => Some(Key::TabletNameHidden),
        KeyFileError::InvalidName(NameProblem::LooksLikeFingerprint) => {
            Some(Key::TabletNameFingerprint)
        }
        _ => None,
    }
    .map(|k| locale.text(k))
}

/// Why a key file or link was refused: [`name_refusal`], else the format's own words.
fn key_refusal(locale: Locale, e: &KeyFileError) -> String {
    name_refusal(locale, e).map_or_else(|| e.to_string(), str::to_owned)
}

/// Tablet set-up: who this tablet seals for, adding IROs from a link or key file, and sending
/// the sealed answers as a file.
#[component]
pub fn TabletSetup() -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(None::<SetupCode>);
    let offered = RwSignal::new(None::<SetupCode>);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let waiting = RwSignal::new(0usize);
    let sent_kept = RwSignal::new(0usize);
    let has_code = RwSignal::new(false);
    // "Stop sealing for them" was pressed: the adult code is asked for.
    let forgetting = RwSignal::new(false);

    // Who the tablet seals for is read once; after that only the changes made here change it,
    // so the card, and an adult code being typed in it, stay as they are. A tablet set up before
    // December 2026 first keeps its code with how the start screen shows it.
    spawn_local(async move {
        match tablet::keep_setup_shown().await {
            Ok(code) => current.set(code),
            Err(e) => error.set(Some(e.words(i18n.locale()))),
        }
    });
    let refresh = Callback::new(move |_| {
        spawn_local(async move {
            let has = tablet::has_adult_code().await.unwrap_or(false);
            if has_code.get_untracked() != has {
                has_code.set(has);
            }
            waiting.set(tablet::waiting().await.map(|w| w.len()).unwrap_or(0));
            sent_kept.set(tablet::sent_count().await.unwrap_or(0));
        });
    });
    refresh.run(());

    if let Some(code) = link_code() {
        match SetupCode::from_fragment(&code) {
            Ok(code) => offered.set(Some(code)),
            Err(e) => error.set(Some(i18n.locale().format(
                Key::TabletBadLink,
                &[("reason", &key_refusal(i18n.locale(), &e))],
            ))),
        }
    }

    let accept = Callback::new(move |allowed: Allowed| {
        let Some(code) = offered.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match tablet::set_recipients(&code, allowed).await {
                Ok(()) => {
                    offered.set(None);
                    current.set(Some(code));
                    message.set(Some(i18n.t(Key::TabletSetUpDone).to_owned()));
                    // The code has done its job; keep it out of the address bar and history.
                    forget_link_code("/tablet");
                }
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
        });
    });

    let forget = Callback::new(move |allowed: Allowed| {
        spawn_local(async move {
            if let Err(e) = tablet::forget_recipients(allowed).await {
                error.set(Some(e.words(i18n.locale())));
            }
            forgetting.set(false);
            current.set(None);
        });
    });
    // The adult code was forgotten and the tablet reset (or a booklet waits after all).
    let on_reset = Callback::new(move |reset: bool| {
        if reset {
            forgetting.set(false);
            current.set(None);
            message.set(Some(i18n.t(Key::TabletResetDone).to_owned()));
        }
        refresh.run(());
    });

    view! {
        <section class="page tablet">
            <h1 tabindex="-1">{i18n.tr(Key::TabletTitle)}</h1>
            <p class="lead">{i18n.tr(Key::TabletLead)}</p>
            {move || message.get().map(|m| view! { <p class="banner success" role="status">{m}</p> })}
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}

            {move || offered.get().map(|code| view! {
                <section class="card offer" aria-labelledby="offer-heading">
                    <h2 id="offer-heading">{i18n.tr(Key::TabletOfferTitle)}</h2>
                    <p>{i18n.tr(Key::TabletOfferLead)}</p>
                    <Recipients recipients=code.shown() />
                    <AdultCodeGate id="offer-code" has_code waiting action=Key::TabletUseFor on_allowed=accept on_reset />
                </section>
            })}

            {move || match current.get() {
                Some(code) => view! {
                    <section class="card" aria-labelledby="seals-for">
                        <h2 id="seals-for">{i18n.tr(Key::TabletSealsFor)}</h2>
                        <Recipients recipients=code.shown() />
                        {move || if forgetting.get() {
                            view! { <AdultCodeGate id="forget-code" has_code waiting action=Key::TabletForget on_allowed=forget on_reset /> }.into_any()
                        } else {
                            view! { <button type="button" on:click=move |_| forgetting.set(true)>{i18n.tr(Key::TabletForget)}</button> }.into_any()
                        }}
                        // Set up: the next step is a child's booklet.
                        <p><a class="button primary" href="/booklet">{i18n.tr(Key::BookletStartTitle)}</a></p>
                    </section>
                }.into_any(),
                None => view! { <p class="banner warning">{i18n.tr(Key::TabletNotSetUp)}</p> }.into_any(),
            }}

            <AddKeyFile current offered message error />

            <section class="card" aria-labelledby="send-heading">
                <h2 id="send-heading">{i18n.tr(Key::TabletSendTitle)}</h2>
                // "Send today" is asked again whenever the count changes (after sending, nothing
                // waits).
                {send_answers(Outbox::Booklets, waiting.into(), sent_kept.into(), message, error, refresh, Some(view! {
                    {move || { waiting.track(); view! { <SendToday on_tablet_page=true /> } }}
                }.into_any()))}
            </section>
            <NetworkVoices />
            // Survey answers are sealed for the council lead and sent from their own page.
            <p class="note">
                <a href="/surveys">{i18n.tr(Key::TabletSurveyTitle)}</a>
                " "
                <span>{i18n.tr(Key::TabletSurveyTabletNote)}</span>
            </p>
        </section>
    }
}

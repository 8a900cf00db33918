//! Setting a tablet up to seal for an IRO, and sending the sealed answers to them. Every
//! change to who the tablet seals for asks for the tablet's adult code ([`adult_code`]).

mod adult_code;

use crate::pages::send_today::SendToday;
use crate::tablet;
use adult_code::AdultCodeGate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::name::NameProblem;
use my_say_core::seal::{Allowed, IroIdentity, KeyFileError, SetupCode};
use my_say_ui::browser::{clock, files, prefs};
use my_say_ui::i18n::{use_i18n, Key, Locale};

/// The set-up link's code, from the address's fragment (which browsers never send anywhere).
fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let code = hash.trim_start_matches('#').to_owned();
    (!code.is_empty()).then_some(code)
}

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
    // so the card, and an adult code being typed in it, stay as they are.
    spawn_local(async move {
        match tablet::recipients().await {
            Ok(code) => current.set(code),
            Err(e) => error.set(Some(e.to_string())),
        }
    });
    let refresh = move || {
        spawn_local(async move {
            let has = tablet::has_adult_code().await.unwrap_or(false);
            if has_code.get_untracked() != has {
                has_code.set(has);
            }
            waiting.set(tablet::waiting().await.map(|w| w.len()).unwrap_or(0));
            sent_kept.set(tablet::sent_count().await.unwrap_or(0));
        });
    };
    refresh();

    if let Some(code) = fragment() {
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
                    if let Some(w) = web_sys::window() {
                        let _ = w.history().and_then(|h| {
                            h.replace_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some("/tablet"),
                            )
                        });
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    });

    let add_key_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let text = match files::read(&file, my_say_core::limits::KEY_FILE_MAX_BYTES).await {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            let identity = match IroIdentity::from_key_file(&text) {
                Ok(identity) => identity,
                Err(e) => {
                    error.set(Some(i18n.locale().format(
                        Key::TabletBadKeyFile,
                        &[("file", &name), ("reason", &key_refusal(i18n.locale(), &e))],
                    )));
                    return;
                }
            };
            let mut recipients: Vec<IroIdentity> = current
                .get_untracked()
                .map(|c| c.recipients().to_vec())
                .unwrap_or_default();
            recipients.retain(|r| r.public_key != identity.public_key);
            recipients.push(identity.clone());
            match SetupCode::new(recipients) {
                Ok(code) => {
                    offered.set(Some(code));
                    error.set(None);
                    message.set(Some(i18n.locale().format(
                        Key::TabletKeyFileAdded,
                        &[
                            ("name", &identity.display_name),
                            ("fingerprint", &identity.fingerprint().to_string()),
                        ],
                    )));
                }
                Err(e) => error.set(Some(i18n.locale().format(
                    Key::TabletBadKeyFile,
                    &[("file", &name), ("reason", &e.to_string())],
                ))),
            }
        });
    };

    let forget = Callback::new(move |allowed: Allowed| {
        spawn_local(async move {
            if let Err(e) = tablet::forget_recipients(allowed).await {
                error.set(Some(e.to_string()));
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
        refresh();
    });

    // Download everywhere; on devices that can, hand the file straight to another app too.
    let can_share = files::can_share_files();
    let send = move |by_share: bool| {
        spawn_local(async move {
            match tablet::bundle_to_send().await {
                Ok(Some((bytes, ids))) => {
                    let stamp = clock::now().replace([':', '-'], "").replace('T', "-");
                    let file = format!("my-say-answers-{}.mysay", stamp.trim_end_matches('Z'));
                    let sent = if by_share {
                        files::share(&bytes, &file).await
                    } else {
                        files::download(&bytes, &file, "application/octet-stream").map(|()| true)
                    };
                    match sent {
                        Ok(true) => {}
                        // The person closed the share sheet: nothing was sent, nothing changes.
                        Ok(false) => return,
                        Err(e) => {
                            error.set(Some(e));
                            return;
                        }
                    }
                    if let Err(e) = tablet::mark_sent(&ids).await {
                        error.set(Some(e.to_string()));
                        return;
                    }
                    message.set(Some(i18n.locale().format(
                        Key::TabletSentDone,
                        &[("count", &ids.len().to_string()), ("file", &file)],
                    )));
                    refresh();
                }
                Ok(None) => message.set(Some(i18n.t(Key::TabletNothingToSend).to_owned())),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let remove_sent = move |_| {
        spawn_local(async move {
            match tablet::remove_sent().await {
                Ok(n) => message.set(Some(
                    i18n.locale()
                        .format(Key::TabletRemoved, &[("count", &n.to_string())]),
                )),
                Err(e) => error.set(Some(e.to_string())),
            }
            refresh();
        });
    };

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
                    <Recipients code />
                    <AdultCodeGate id="offer-code" has_code waiting action=Key::TabletUseFor on_allowed=accept on_reset />
                </section>
            })}

            {move || match current.get() {
                Some(code) => view! {
                    <section class="card" aria-labelledby="seals-for">
                        <h2 id="seals-for">{i18n.tr(Key::TabletSealsFor)}</h2>
                        <Recipients code />
                        {move || if forgetting.get() {
                            view! { <AdultCodeGate id="forget-code" has_code waiting action=Key::TabletForget on_allowed=forget on_reset /> }.into_any()
                        } else {
                            view! { <button type="button" on:click=move |_| forgetting.set(true)>{i18n.tr(Key::TabletForget)}</button> }.into_any()
                        }}
                    </section>
                }.into_any(),
                None => view! { <p class="banner warning">{i18n.tr(Key::TabletNotSetUp)}</p> }.into_any(),
            }}

            <div class="field">
                <label for="key-file">{i18n.tr(Key::TabletKeyFile)}</label>
                <input id="key-file" type="file" accept=".json,application/json" on:change=add_key_file />
            </div>

            <section class="card" aria-labelledby="send-heading">
                <h2 id="send-heading">{i18n.tr(Key::TabletSendTitle)}</h2>
                <p>{move || i18n.locale().format(Key::TabletWaiting, &[("count", &waiting.get().to_string())])}</p>
                // Asked again whenever the count changes (after sending, nothing waits).
                {move || { waiting.track(); view! { <SendToday on_tablet_page=true /> } }}
                <div class="row">
                    <button type="button" class="primary" disabled=move || waiting.get() == 0 on:click=move |_| send(false)>{i18n.tr(Key::TabletDownload)}</button>
                    {can_share.then(|| view! {
                        <button type="button" disabled=move || waiting.get() == 0 on:click=move |_| send(true)>{i18n.tr(Key::TabletShare)}</button>
                    })}
                </div>
                <Show when=move || { sent_kept.get() > 0 }>
                    <p>{move || i18n.locale().format(Key::TabletSentKept, &[("count", &sent_kept.get().to_string())])}</p>
                    <button type="button" on:click=remove_sent>{i18n.tr(Key::TabletRemoveSent)}</button>
                </Show>
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

/// The adult's choice to let read-aloud use a voice that sends the words to another company's
/// server, for a language with no voice on the tablet. Off until switched on.
#[component]
fn NetworkVoices() -> impl IntoView {
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

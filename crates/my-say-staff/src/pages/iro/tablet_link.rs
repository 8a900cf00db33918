//! Setting up a tablet for this IRO: the set-up link (copy it, or scan its QR code) and the
//! public key file.

use super::offer_download;
use super::qr::QrCodeSvg;
use super::ErrorBanner;
use crate::i18n::Key;
use crate::workspace::use_unlocked;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_ui::i18n::use_i18n;

/// This page's origin, such as `https://my-say.example`.
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// "Set up a tablet": the link and its QR code, the fingerprint to check, and the key file.
#[component]
pub fn TabletSetUpLink() -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let Some(ws) = unlocked.workspace_untracked() else {
        return ().into_any();
    };
    let link = ws.setup_link(&origin());
    let fingerprint = ws.fingerprint().to_string();
    let copied = RwSignal::new(None::<bool>);
    let error = RwSignal::new(None::<String>);
    let link_for_copy = link.clone();

    let copy = move |_| {
        let text = link_for_copy.clone();
        spawn_local(async move {
            let ok = my_say_ui::browser::files::copy_text(&text).await;
            copied.set(Some(ok));
            if !ok {
                super::focus_id_soon("setup-link");
                select_link();
            }
        });
    };
    let key_file = move |_| {
        let (file, json) = ws.key_file();
        offer_download(&file, &json, error);
    };

    view! {
        <section class="card tablet-link" aria-labelledby="tablet-heading">
            <h2 id="tablet-heading">{i18n.tr(Key::IroTabletTitle)}</h2>
            <p>{move || i18n.locale().format(Key::IroTabletLead, &[("fingerprint", &fingerprint)])}</p>
            <div class="tablet-link-body">
                <div class="field">
                    <label for="setup-link">{i18n.tr(Key::IroTabletLink)}</label>
                    <input id="setup-link" type="text" dir="ltr" readonly=true prop:value=link.clone() spellcheck="false" />
                    <div class="row">
                        <button type="button" class="primary" on:click=copy>{i18n.tr(Key::IroCopy)}</button>
                    </div>
                    <p class="download-note" role="status">
                        {move || copied.get().map(|ok| i18n.tr(if ok { Key::IroCopied } else { Key::IroCopyFailed })())}
                    </p>
                </div>
                <QrCodeSvg text=link label=Key::IroQrLabel />
            </div>
            <h3>{i18n.tr(Key::IroKeyFileTitle)}</h3>
            <p>{i18n.tr(Key::IroKeyFileLead)}</p>
            <button type="button" on:click=key_file>{i18n.tr(Key::IroDownloadKeyFile)}</button>
            <ErrorBanner error=error />
        </section>
    }
    .into_any()
}

/// Selects the link's text, so the IRO can copy it themselves when the browser will not.
fn select_link() {
    use wasm_bindgen::JsCast;
    if let Some(input) = document()
        .get_element_by_id("setup-link")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

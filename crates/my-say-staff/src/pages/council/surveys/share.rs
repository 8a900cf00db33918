//! Publishing (refused while anything is left to fix) and sharing the published survey with
//! tablets: the survey file, the survey link with a Copy button, and its QR code when the link
//! fits one, with the fingerprint tablets check. Like setting a tablet up for an IRO.

use super::builder::use_editor;
use super::logic::{fits_qr, survey_link, SurveyState};
use super::state_text;
use crate::i18n::Key;
use crate::pages::iro::qr::QrCodeSvg;
use crate::pages::iro::{focus_id_soon, offer_download, ErrorBanner};
use crate::workspace::use_unlocked;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::SetupCode;
use my_say_core::SurveyFile;
use my_say_ui::i18n::use_i18n;

/// This page's origin, such as `https://my-say.example`.
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// "Publish": the state, and the button that publishes when nothing is left to fix.
#[component]
pub(super) fn PublishPanel() -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let state = Memo::new(move |_| editor.survey.with(SurveyState::of));
    // The problems that stopped the last attempt, if it was refused.
    let refused = RwSignal::new(None::<usize>);
    let published = RwSignal::new(None::<u32>);
    let publish = move |_| {
        let count = editor.problems.with_untracked(Vec::len);
        if count > 0 {
            refused.set(Some(count));
            published.set(None);
            focus_id_soon("sb-problems");
            return;
        }
        let mut result = None;
        editor.survey.update(|s| match s.draft.publish() {
            Ok(b) => {
                result = Some(b.revision);
                s.published = Some(b);
            }
            Err(problems) => refused.set(Some(problems.len())),
        });
        if let Some(revision) = result {
            editor.save();
            refused.set(None);
            published.set(Some(revision));
            focus_id_soon("sb-share-heading");
        }
    };
    let next = move || editor.survey.with(|s| s.draft.next_revision());
    view! {
        <section class="card sb-publish" aria-labelledby="sb-publish-heading">
            <h2 id="sb-publish-heading">{i18n.tr(Key::BuilderPublishTitle)}</h2>
            <p><span class="sb-state">{move || state_text(i18n.locale(), state.get())}</span></p>
            <p>{move || match state.get() {
                SurveyState::Draft => i18n.t(Key::BuilderPublishLeadNew).to_owned(),
                SurveyState::Published(_) => i18n.t(Key::BuilderPublishLeadSame).to_owned(),
                SurveyState::Changed(_) => i18n.locale().format(Key::BuilderPublishLeadChanged, &[("revision", &next().to_string())]),
            }}</p>
            <button type="button" class="primary" id="sb-publish" on:click=publish>{i18n.tr(Key::BuilderPublish)}</button>
            <div role="status" aria-live="polite">
                {move || published.get().map(|r| view! { <p class="banner success">{i18n.locale().format(Key::BuilderPublished, &[("revision", &r.to_string())])}</p> })}
            </div>
            {move || refused.get().map(|n| view! { <p class="banner error" role="alert">{i18n.locale().format(Key::BuilderPublishRefused, &[("count", &n.to_string())])}</p> })}
        </section>
    }
}

/// "Share with tablets": the published survey as a file, a link and (when it fits) a QR code.
#[component]
pub(super) fn SharePanel() -> impl IntoView {
    let editor = use_editor();
    let unlocked = use_unlocked();
    let file = Memo::new(move |_| {
        let booklet = editor.survey.with(|s| s.published.clone())?;
        let identity = unlocked.workspace()?.identity;
        Some(
            SetupCode::new(vec![identity])
                .map_err(|e| e.to_string())
                .and_then(|code| SurveyFile::new(booklet, code).map_err(|e| e.to_string())),
        )
    });
    view! {
        {move || file.get().map(|made| match made {
            Err(e) => view! { <p class="banner error" role="alert" dir="auto">{e}</p> }.into_any(),
            Ok(f) => view! { <Share file=f /> }.into_any(),
        })}
    }
}

/// The share panel for one survey file.
#[component]
fn Share(
    /// The survey file: the published survey and who its answers are sealed for.
    file: SurveyFile,
) -> impl IntoView {
    let i18n = use_i18n();
    let link = survey_link(&origin(), &file);
    let fits = fits_qr(&link);
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let people: Vec<(String, String)> = file
        .seal_for()
        .recipients()
        .iter()
        .map(|r| (r.display_name.clone(), r.fingerprint().to_string()))
        .collect();
    let revision = file.revision();
    let (name, json) = (file.file_name(), file.to_json());
    let download = move |_| {
        if offer_download(&name, &json, error) {
            note.set(Some(
                i18n.locale().format(Key::IroDownloaded, &[("file", &name)]),
            ));
        }
    };
    let text = link.clone();
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let ok = my_say_ui::browser::files::copy_text(&text).await;
            note.set(Some(
                i18n.t(if ok {
                    Key::IroCopied
                } else {
                    Key::IroCopyFailed
                })
                .to_owned(),
            ));
            if !ok {
                focus_id_soon("sb-survey-link");
            }
        });
    };
    let qr = if fits {
        view! { <QrCodeSvg text=link.clone() label=Key::BuilderQrLabel /> }.into_any()
    } else {
        view! { <p class="banner info sb-qr-too-long">{i18n.tr(Key::BuilderQrTooLong)}</p> }
            .into_any()
    };
    view! {
        <section class="card sb-share tablet-link" aria-labelledby="sb-share-heading">
            <h2 id="sb-share-heading" tabindex="-1">{i18n.tr(Key::BuilderShareTitle)}</h2>
            <p>{move || i18n.locale().format(Key::BuilderShareLead, &[("revision", &revision.to_string())])}</p>
            <ul class="recipients">
                {people.into_iter().map(|(who, fingerprint)| view! {
                    <li>
                        <span class="recipient-name">{who}</span>
                        <span class="fingerprint">{move || i18n.locale().format(Key::TabletFingerprint, &[("fingerprint", &fingerprint)])}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="hint">{i18n.tr(Key::BuilderShareCheck)}</p>
            <div class="tablet-link-body">
                <div class="field">
                    <label for="sb-survey-link">{i18n.tr(Key::BuilderShareLink)}</label>
                    <input id="sb-survey-link" type="text" dir="ltr" readonly=true prop:value=link spellcheck="false" />
                    <div class="row">
                        <button type="button" class="primary" on:click=copy>{i18n.tr(Key::IroCopy)}</button>
                        <button type="button" on:click=download>{i18n.tr(Key::BuilderDownloadFile)}</button>
                    </div>
                    <p class="download-note" role="status">{move || note.get()}</p>
                </div>
                {qr}
            </div>
            <ErrorBanner error />
        </section>
    }
}

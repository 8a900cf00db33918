//! "Export and data care": all answers as CSV, the whole workspace (council surveys and their
//! answers included) as JSON and back, deleting booklets and survey answers older than a chosen
//! date, and erasing everything on this device.
//!
//! Files are made in the browser and saved where the IRO chooses; nothing is sent anywhere.
//! The storage rules (the export's MAC, an import listed before it is applied and written in
//! one transaction; what retention deletes) are in `crate::workspace::{transfer, data_care}`;
//! importing a workspace file is `workspace_import`.

use super::workspace_import::ImportWorkspace;
use super::{focus_id_soon, focus_when_shown, offer_download, use_active, ErrorBanner};
use crate::i18n::Key;
use crate::workspace::data_care::{self, Retention};
use crate::workspace::transfer;
use crate::workspace::{self, follow_ups, surveys, use_unlocked};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::Date;
use my_say_core::export::answers_csv;
use my_say_ui::browser::store::StoreError;
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::use_i18n;
use my_say_ui::load::load;

/// Called after everything on this device was erased (the IRO area then starts again).
#[derive(Clone, Copy)]
pub struct WorkspaceErased(pub Callback<()>);

/// The export and data care page.
#[component]
pub fn DataCare() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    // Bumped after anything is imported or deleted, so the counts reload.
    let version = RwSignal::new(0u32);
    let holds = load(move || {
        version.track();
        async move {
            let store = active.store().await?;
            let booklets = workspace::booklets(&store).await?;
            let follow_ups = follow_ups::all(&store).await?;
            let surveys = surveys::list(&store).await?;
            let answers = surveys::all_answers(&store).await?;
            Ok::<_, StoreError>((
                booklets.len(),
                follow_ups.len(),
                surveys.len(),
                answers.len(),
            ))
        }
    });
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);

    let download_answers = move |_| {
        spawn_local(async move {
            let result = async {
                let store = active.store().await?;
                workspace::booklets(&store).await
            }
            .await;
            match result {
                Ok(booklets) => {
                    let name = format!("my-say-answers-{}.csv", clock::today_date());
                    let csv = answers_csv(&booklets, &builtin_booklets());
                    match files::download(csv.as_bytes(), &name, "text/csv;charset=utf-8") {
                        Ok(()) => downloaded.set(Some(name)),
                        Err(e) => error.set(Some(e)),
                    }
                }
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };
    let unlocked = use_unlocked();
    let download_everything = move |_| {
        let Some(me) = unlocked.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let result = async {
                let store = active.store().await?;
                transfer::export_file(&store, &clock::now(), &me).await
            }
            .await;
            match result {
                Ok(file) => {
                    let name = format!("my-say-workspace-{}.json", clock::today_date());
                    if offer_download(&name, &file, error) {
                        downloaded.set(Some(name));
                    }
                }
                Err(transfer::TransferError::File(e)) => error.set(Some(
                    i18n.locale()
                        .format(Key::IroDataExportRefused, &[("reason", &e.to_string())]),
                )),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroDataTitle)}</h1>
        <p class="lead">{i18n.tr(Key::IroDataLead)}</p>
        <p class="data-holds" role="status">
            {move || holds.get().map(|r| match r {
                Ok((b, f, s, a)) => {
                    let mut text = i18n.locale().format(Key::IroDataHolds, &[("booklets", &b.to_string()), ("follow_ups", &f.to_string())]);
                    // Only a workspace with surveys mentions them.
                    if s + a > 0 {
                        text.push(' ');
                        text.push_str(&i18n.locale().format(Key::IroDataHoldsSurveys, &[("surveys", &s.to_string()), ("survey_answers", &a.to_string())]));
                    }
                    text
                }
                Err(e) => i18n.store_error(&e),
            })}
        </p>
        <section class="card" aria-labelledby="data-export-heading">
            <h2 id="data-export-heading">{i18n.tr(Key::IroDataExportTitle)}</h2>
            <ErrorBanner error />
            <h3>{i18n.tr(Key::IroDataAnswersTitle)}</h3>
            <p>{i18n.tr(Key::IroDataAnswersLead)}</p>
            <button type="button" on:click=download_answers>{i18n.tr(Key::IroDataAnswersDownload)}</button>
            <h3>{i18n.tr(Key::IroDataJsonTitle)}</h3>
            <p>{i18n.tr(Key::IroDataJsonLead)}</p>
            <button type="button" on:click=download_everything>{i18n.tr(Key::IroDataJsonDownload)}</button>
            <p class="download-note" role="status">
                {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
            </p>
        </section>
        <ImportWorkspace on_imported=Callback::new(move |_| version.update(|v| *v += 1)) />
        <DeleteOlder on_deleted=Callback::new(move |_| version.update(|v| *v += 1)) />
        <EraseEverything />
    }
}

/// Retention: choose a date, see what would go (booklets and council survey answers), then
/// confirm.
#[component]
fn DeleteOlder(
    /// Called after booklets or survey answers were deleted.
    on_deleted: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let typed = RwSignal::new(String::new());
    let date_error = RwSignal::new(false);
    // The date checked and what deleting would take.
    let preview = RwSignal::new(None::<(Date, Retention)>);
    let done = RwSignal::new(None::<Retention>);
    let error = RwSignal::new(None::<String>);

    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        preview.set(None);
        let Ok(before) = Date::parse(typed.get_untracked().trim()) else {
            date_error.set(true);
            focus_id_soon("retention-date");
            return;
        };
        date_error.set(false);
        spawn_local(async move {
            let result = async {
                let store = active.store().await?;
                data_care::older_than(&store, before).await
            }
            .await;
            match result {
                Ok(r) => {
                    preview.set(Some((before, r)));
                    focus_id_soon("retention-preview");
                }
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };
    let confirm = move |_| {
        let Some((before, _)) = preview.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let result = async {
                let store = active.store().await?;
                data_care::delete_older_than(&store, before).await
            }
            .await;
            preview.set(None);
            match result {
                Ok(r) => {
                    done.set(Some(r));
                    on_deleted.run(());
                    focus_id_soon("retention-done");
                }
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };
    let cancel = move |_| {
        preview.set(None);
        focus_id_soon("retention-check");
    };

    view! {
        <section class="card" aria-labelledby="data-retention-heading">
            <h2 id="data-retention-heading">{i18n.tr(Key::IroDataRetentionTitle)}</h2>
            <p>{i18n.tr(Key::IroDataRetentionLead)}</p>
            <ErrorBanner error />
            <form class="form" novalidate on:submit=check>
                <div class="field" class:has-error=move || date_error.get()>
                    <label for="retention-date">{i18n.tr(Key::IroDataRetentionDate)}</label>
                    {move || date_error.get().then(|| view! { <p class="field-error" id="retention-date-error">{i18n.tr(Key::IroDataErrorDate)}</p> })}
                    <input
                        id="retention-date"
                        type="date"
                        aria-invalid=move || date_error.get().then_some("true")
                        aria-describedby=move || date_error.get().then_some("retention-date-error")
                        prop:value=typed
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                <div class="row form-buttons">
                    <button type="submit" id="retention-check">{i18n.tr(Key::IroDataRetentionCheck)}</button>
                </div>
            </form>
            {move || preview.get().map(|(before, r)| {
                let date = before.to_string();
                if r.is_empty() {
                    view! {
                        <p class="banner info" id="retention-preview" tabindex="-1">{i18n.locale().format(Key::IroDataRetentionNone, &[("date", &date)])}</p>
                    }.into_any()
                } else {
                    view! {
                        <div class="confirm" role="group" aria-labelledby="retention-preview">
                            <p id="retention-preview" tabindex="-1">{i18n.locale().format(Key::IroDataRetentionCount, &[
                                ("booklets", &r.booklets.to_string()),
                                ("follow_ups", &r.follow_ups.to_string()),
                                ("survey_answers", &r.survey_answers.to_string()),
                                ("date", &date),
                                ("kept", &r.kept.to_string()),
                            ])}</p>
                            <div class="row form-buttons">
                                <button type="button" class="danger" on:click=confirm>{
                                    if r.survey_answers == 0 {
                                        i18n.locale().format(Key::IroDataRetentionConfirm, &[("booklets", &r.booklets.to_string())])
                                    } else {
                                        i18n.locale().format(Key::IroDataRetentionConfirmSurveys, &[("booklets", &r.booklets.to_string()), ("survey_answers", &r.survey_answers.to_string())])
                                    }
                                }</button>
                                <button type="button" on:click=cancel>{i18n.tr(Key::IroDataCancel)}</button>
                            </div>
                        </div>
                    }.into_any()
                }
            })}
            {move || done.get().map(|r| view! {
                <p class="banner success" id="retention-done" tabindex="-1" role="status">{i18n.locale().format(Key::IroDataRetentionDone, &[("booklets", &r.booklets.to_string()), ("follow_ups", &r.follow_ups.to_string()), ("survey_answers", &r.survey_answers.to_string())])}</p>
            })}
        </section>
    }
}

/// Erasing everything My Say keeps on this device, after the IRO types the confirming word.
#[component]
fn EraseEverything() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let WorkspaceErased(on_erased) = expect_context::<WorkspaceErased>();
    let typed = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let word = move || i18n.t(Key::IroDataEraseWord);

    let erase = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entered = typed.get_untracked();
        let entered = entered.trim();
        // The word in the language shown, or the English one, in any case.
        let ok = [word(), "ERASE"]
            .iter()
            .any(|w| entered.to_lowercase() == w.to_lowercase());
        mismatch.set(!ok);
        if !ok {
            focus_id_soon("erase-confirm");
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = async {
                let store = active.store().await?;
                data_care::erase_everything(&store).await
            }
            .await;
            busy.set(false);
            match result {
                Ok(()) => on_erased.run(()),
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };

    view! {
        <section class="card danger-zone" aria-labelledby="data-erase-heading">
            <h2 id="data-erase-heading">{i18n.tr(Key::IroDataEraseTitle)}</h2>
            <p id="erase-lead">{i18n.tr(Key::IroDataEraseLead)}</p>
            <ErrorBanner error />
            <form class="form" novalidate on:submit=erase>
                <div class="field" class:has-error=move || mismatch.get()>
                    <label for="erase-confirm">{move || i18n.locale().format(Key::IroDataEraseType, &[("word", word())])}</label>
                    {move || mismatch.get().then(|| view! { <p class="field-error" id="erase-confirm-error">{i18n.locale().format(Key::IroDataEraseMismatch, &[("word", word())])}</p> })}
                    <input
                        id="erase-confirm"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=move || mismatch.get().then_some("true")
                        aria-describedby=move || if mismatch.get() { "erase-lead erase-confirm-error" } else { "erase-lead" }
                        prop:value=typed
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                <div class="row form-buttons">
                    <button type="submit" class="danger" disabled=busy>{i18n.tr(Key::IroDataEraseButton)}</button>
                </div>
            </form>
        </section>
    }
}

//! "Surveys on this tablet": add a survey from the council lead's link or file, start one,
//! carry on with one in progress, send each survey's answers file, and take a survey off.

use super::{title_in, SurveyFacts};
use crate::drafts;
use crate::pages::tablet::Recipients;
use crate::tablet::surveys::{self as tablet_surveys, AnswerCounts, ShelfError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::SetupCode;
use my_say_core::survey::{ShelfChange, SurveyFile, SurveyFileError, SurveyShelf};
use my_say_ui::browser::history::use_address;
use my_say_ui::browser::store::device_store;
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::{use_i18n, Key, Locale};
use std::collections::BTreeMap;

/// The survey link's code, from the address's fragment (which browsers never send anywhere).
fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let code = hash.trim_start_matches('#').to_owned();
    (!code.is_empty()).then_some(code)
}

/// Takes the link's code out of the address bar and history once it has been read.
fn forget_fragment() {
    if let Some(w) = web_sys::window() {
        let _ = w.history().and_then(|h| {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/surveys"))
        });
    }
}

/// What adding a survey did, in words (`title` is the survey's title).
pub fn change_message(locale: Locale, change: &ShelfChange, file: &SurveyFile) -> String {
    let title = title_in(file.survey(), locale);
    let revision = file.revision().to_string();
    match change {
        ShelfChange::Added => locale.format(Key::TabletSurveyAdded, &[("title", &title)]),
        ShelfChange::Updated { from } => locale.format(
            Key::TabletSurveyUpdated,
            &[
                ("title", &title),
                ("from", &from.to_string()),
                ("to", &revision),
            ],
        ),
        ShelfChange::KeysChanged => {
            locale.format(Key::TabletSurveyKeysChanged, &[("title", &title)])
        }
        ShelfChange::AlreadyThere => {
            locale.format(Key::TabletSurveyAlreadyThere, &[("title", &title)])
        }
        ShelfChange::Older { kept } => locale.format(
            Key::TabletSurveyOlder,
            &[
                ("title", &title),
                ("kept", &kept.to_string()),
                ("revision", &revision),
            ],
        ),
        ShelfChange::Conflict => locale.format(
            Key::TabletSurveyConflict,
            &[("title", &title), ("revision", &revision)],
        ),
    }
}

/// Why a survey file or link was refused; a council lead's name that pretends is said in the
/// tablet's language ([`crate::pages::tablet::name_refusal`]).
fn survey_refusal(locale: Locale, e: &SurveyFileError) -> String {
    match e {
        SurveyFileError::Keys { error, .. } => crate::pages::tablet::name_refusal(locale, error),
        _ => None,
    }
    .map_or_else(|| e.to_string(), str::to_owned)
}

/// The tablet's surveys, each with Start, its answers file and Remove; adding from a link or
/// file; surveys in progress; answers of surveys already taken off.
#[component]
pub fn SurveysOnTablet() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let just_saved = move || address.read().has("saved");
    let shelf = RwSignal::new(None::<SurveyShelf>);
    let counts = RwSignal::new(BTreeMap::<String, AnswerCounts>::new());
    let in_progress = RwSignal::new(Vec::<(String, drafts::InProgress)>::new());
    let offered = RwSignal::new(None::<SurveyFile>);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);

    let refresh = move || {
        spawn_local(async move {
            let store = match device_store().await {
                Ok(store) => store,
                Err(e) => {
                    error.set(Some(e.to_string()));
                    return;
                }
            };
            match tablet_surveys::shelf(&store).await {
                Ok(s) => shelf.set(Some(s)),
                Err(e) => error.set(Some(e.to_string())),
            }
            match tablet_surveys::counts(&store).await {
                Ok(c) => counts.set(c),
                Err(e) => error.set(Some(e.to_string())),
            }
            let mut list = drafts::list().await.unwrap_or_default();
            list.retain(|(_, d)| tablet_surveys::is_survey(&d.booklet_id));
            in_progress.set(list);
        });
    };
    refresh();

    // Opened from the council lead's survey link: offer the survey, change nothing yet.
    if let Some(code) = fragment() {
        match SurveyFile::from_fragment(&code) {
            Ok(file) => offered.set(Some(file)),
            Err(e) => error.set(Some(i18n.locale().format(
                Key::TabletSurveyBadLink,
                &[("reason", &survey_refusal(i18n.locale(), &e))],
            ))),
        }
        forget_fragment();
    }

    // The keys answers are sealed for now, when the offered survey would seal them for others:
    // shown beside the new ones, and the survey is added only once the adult confirms.
    let keys_check = RwSignal::new(None::<SetupCode>);
    let accept = move |confirmed: bool| {
        let Some(file) = offered.get_untracked() else {
            return;
        };
        if !confirmed {
            let old = shelf.with_untracked(|s| s.as_ref()?.keys_change(&file).cloned());
            if old.is_some() {
                keys_check.set(old);
                return;
            }
        }
        keys_check.set(None);
        spawn_local(async move {
            let result = match device_store().await {
                Ok(store) => tablet_surveys::add(&store, file.clone()).await,
                Err(e) => Err(ShelfError::Store(e)),
            };
            match result {
                Ok(change) => {
                    offered.set(None);
                    error.set(None);
                    let text = change_message(i18n.locale(), &change, &file);
                    if change.changed() || change == ShelfChange::AlreadyThere {
                        message.set(Some(text));
                    } else {
                        message.set(None);
                        error.set(Some(text));
                    }
                    refresh();
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let from_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let read = files::read(&file, my_say_core::limits::SURVEY_FILE_MAX_BYTES)
                .await
                .and_then(|bytes| String::from_utf8(bytes).map_err(|_| String::new()));
            let parsed = match read {
                Ok(text) => {
                    SurveyFile::from_json(&text).map_err(|e| survey_refusal(i18n.locale(), &e))
                }
                Err(reason) if reason.is_empty() => {
                    Err(my_say_core::survey::SurveyFileError::NotASurveyFile.to_string())
                }
                Err(reason) => Err(reason),
            };
            match parsed {
                Ok(survey) => {
                    error.set(None);
                    message.set(None);
                    keys_check.set(None);
                    offered.set(Some(survey));
                }
                Err(reason) => {
                    message.set(None);
                    error.set(Some(i18n.locale().format(
                        Key::TabletSurveyBadFile,
                        &[("file", &name), ("reason", &reason)],
                    )));
                }
            }
        });
    };

    let remove = move |id: String, title: String| {
        spawn_local(async move {
            let result = match device_store().await {
                Ok(store) => tablet_surveys::remove(&store, &id).await,
                Err(e) => Err(ShelfError::Store(e)),
            };
            confirming.set(None);
            match result {
                Ok(_) => {
                    error.set(None);
                    message.set(Some(
                        i18n.locale()
                            .format(Key::TabletSurveyRemoved, &[("title", &title)]),
                    ));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
            refresh();
        });
    };

    // Every survey id with answers here but no survey on the shelf any more.
    let taken_off = move || {
        let on_shelf: Vec<String> = shelf.with(|s| {
            s.as_ref()
                .map(|s| s.surveys().iter().map(|f| f.id().to_owned()).collect())
                .unwrap_or_default()
        });
        counts
            .get()
            .into_iter()
            .filter(|(id, _)| !on_shelf.contains(id))
            .collect::<Vec<_>>()
    };

    view! {
        <section class="page survey-tablet">
            <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyTitle)}</h1>
            <p class="lead">{i18n.tr(Key::TabletSurveyLead)}</p>
            <Show when=just_saved>
                <p class="banner success" role="status">{i18n.tr(Key::TabletSurveySavedForLater)}</p>
            </Show>
            {move || message.get().map(|m| view! { <p class="banner success" role="status">{m}</p> })}
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}

            {move || offered.get().map(|file| {
                let title = title_in(file.survey(), i18n.locale());
                let (title_now, new_keys) = (title.clone(), file.seal_for().clone());
                view! {
                    <section class="card offer" aria-labelledby="survey-offer-heading">
                        <h2 id="survey-offer-heading">{i18n.tr(Key::TabletSurveyOfferTitle)}</h2>
                        <p class="survey-title">{title}</p>
                        <SurveyFacts file />
                        <p>{i18n.tr(Key::TabletSurveyOfferLead)}</p>
                        // Shown (and read out) when adding would seal for other keys; the buttons
                        // stay where they are, focus with them, and then say what they do.
                        {move || keys_check.get().map(|old| view! {
                            <section class="banner warning" role="alert" aria-labelledby="keys-change-heading">
                                <h3 id="keys-change-heading">{i18n.locale().format(Key::TabletSurveyKeysTitle, &[("title", &title_now)])}</h3>
                                <p class="sealed-for">{i18n.tr(Key::TabletSurveyKeysOld)}</p>
                                <Recipients code=old />
                                <p class="sealed-for">{i18n.tr(Key::TabletSurveyKeysNew)}</p>
                                <Recipients code=new_keys.clone() />
                                <p>{i18n.tr(Key::TabletSurveyKeysLead)}</p>
                            </section>
                        })}
                        <div class="row">
                            <button type="button" class="primary big" on:click=move |_| accept(keys_check.with_untracked(Option::is_some))>
                                {move || i18n.t(if keys_check.with(Option::is_some) { Key::TabletSurveyKeysYes } else { Key::TabletSurveyAdd })}
                            </button>
                            <button type="button" on:click=move |_| { keys_check.set(None); offered.set(None); }>
                                {move || i18n.t(if keys_check.with(Option::is_some) { Key::TabletSurveyKeysCancel } else { Key::TabletSurveyNotNow })}
                            </button>
                        </div>
                    </section>
                }
            })}

            {move || (!in_progress.get().is_empty()).then(|| {
                let shelf_now = shelf.get();
                view! {
                    <section class="carry-on" aria-labelledby="survey-carry-on-heading">
                        <h2 id="survey-carry-on-heading">{i18n.tr(Key::TabletSurveyInProgress)}</h2>
                        <ul class="plain">
                            {in_progress.get().into_iter().map(|(id, draft)| {
                                let title = shelf_now
                                    .as_ref()
                                    .and_then(|s| s.get(&draft.booklet_id))
                                    .map(|f| title_in(f.survey(), i18n.locale()))
                                    .unwrap_or_else(|| draft.booklet_id.clone());
                                let label = i18n.locale().format(Key::TabletSurveyCarryOn, &[("title", &title)]);
                                let started = i18n.locale().format(
                                    Key::TabletSurveyStartedAt,
                                    &[("time", draft.started_at.replace('T', " ").trim_end_matches('Z'))],
                                );
                                view! {
                                    <li>
                                        <a class="button" href=format!("/booklet/{id}")>{label}</a>
                                        " "
                                        <span class="note">{started}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}

            <h2>{i18n.tr(Key::TabletSurveyListTitle)}</h2>
            {move || shelf.get().map(|s| {
                if s.surveys().is_empty() {
                    return view! { <p class="banner info">{i18n.tr(Key::TabletSurveyNone)}</p> }.into_any();
                }
                view! {
                    <ul class="plain survey-list">
                        {s.surveys().iter().map(|file| {
                            let id = file.id().to_owned();
                            let heading_id = format!("s-{id}");
                            let title = title_in(file.survey(), i18n.locale());
                            let id_for_counts = id.clone();
                            let these = Memo::new(move |_| counts.with(|c| c.get(&id_for_counts).copied().unwrap_or_default()));
                            let start_label = i18n.locale().format(Key::TabletSurveyStartLabel, &[("title", &title)]);
                            let id_confirm = id.clone();
                            let id_ask = id.clone();
                            let id_yes = id.clone();
                            let title_yes = title.clone();
                            let title_confirm = title.clone();
                            view! {
                                <li class="card survey-card">
                                    <h3 id=heading_id.clone()>{title.clone()}</h3>
                                    <SurveyFacts file=file.clone() />
                                    <a class="button primary big" href=format!("/surveys/{id}") aria-label=start_label>{i18n.tr(Key::TabletSurveyStart)}</a>
                                    <SurveyAnswers survey_id=id.clone() counts=these message error on_change=Callback::new(move |_| refresh()) />
                                    {move || if confirming.get().as_deref() == Some(id_confirm.as_str()) {
                                        let waiting = these.get().waiting;
                                        let id_yes = id_yes.clone();
                                        let title_yes = title_yes.clone();
                                        view! {
                                            <div class="survey-confirm" role="group" aria-labelledby=format!("confirm-{}", id_confirm)>
                                                <p id=format!("confirm-{}", id_confirm)>
                                                    {i18n.locale().format(Key::TabletSurveyConfirmRemove, &[("title", &title_confirm)])}
                                                </p>
                                                {(waiting > 0).then(|| view! {
                                                    <p class="banner warning">{i18n.locale().format(Key::TabletSurveyConfirmWaiting, &[("count", &waiting.to_string())])}</p>
                                                })}
                                                <div class="row">
                                                    <button type="button" class="danger" on:click=move |_| remove(id_yes.clone(), title_yes.clone())>{i18n.tr(Key::TabletSurveyConfirmYes)}</button>
                                                    <button type="button" on:click=move |_| confirming.set(None)>{i18n.tr(Key::TabletSurveyConfirmNo)}</button>
                                                </div>
                                            </div>
                                        }.into_any()
                                    } else {
                                        let id_ask = id_ask.clone();
                                        view! {
                                            <p>
                                                <button type="button" class="danger" aria-describedby=heading_id.clone() on:click=move |_| confirming.set(Some(id_ask.clone()))>{i18n.tr(Key::TabletSurveyRemove)}</button>
                                            </p>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}

            <div class="field">
                <label for="survey-file">{i18n.tr(Key::TabletSurveyFile)}</label>
                <input id="survey-file" type="file" accept=".json,application/json" on:change=from_file />
            </div>

            {move || {
                let gone = taken_off();
                (!gone.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="taken-off-heading">
                        <h2 id="taken-off-heading">{i18n.tr(Key::TabletSurveyTakenOff)}</h2>
                        <ul class="plain">
                            {gone.into_iter().map(|(id, c)| {
                                let these = Memo::new(move |_| c);
                                view! {
                                    <li>
                                        <h3>{i18n.locale().format(Key::TabletSurveyTakenOffSurvey, &[("id", &id)])}</h3>
                                        <SurveyAnswers survey_id=id counts=these message error on_change=Callback::new(move |_| refresh()) />
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}

            <p class="note"><a href="/tablet">{i18n.tr(Key::TabletLink)}</a></p>
        </section>
    }
}

/// One survey's answers on this tablet: how many wait, download (or share) them as one file,
/// and remove those already sent.
#[component]
fn SurveyAnswers(
    /// The survey's id.
    survey_id: String,
    /// Its answers waiting and sent.
    counts: Memo<AnswerCounts>,
    /// Where to say what happened.
    message: RwSignal<Option<String>>,
    /// Where to say what went wrong.
    error: RwSignal<Option<String>>,
    /// Called after anything changed, to count again.
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Download everywhere; on devices that can, hand the file straight to another app too.
    let can_share = files::can_share_files();
    let id = StoredValue::new(survey_id);
    let send = move |by_share: bool| {
        let survey_id = id.get_value();
        spawn_local(async move {
            let store = match device_store().await {
                Ok(store) => store,
                Err(e) => {
                    error.set(Some(e.to_string()));
                    return;
                }
            };
            match tablet_surveys::bundle_to_send(&store, &survey_id).await {
                Ok(Some((bytes, keys))) => {
                    let stamp = clock::now().replace([':', '-'], "").replace('T', "-");
                    let file = tablet_surveys::file_name(&survey_id, stamp.trim_end_matches('Z'));
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
                    if let Err(e) = tablet_surveys::mark_sent(&store, &keys).await {
                        error.set(Some(e.to_string()));
                        return;
                    }
                    error.set(None);
                    message.set(Some(i18n.locale().format(
                        Key::TabletSurveySentDone,
                        &[("count", &keys.len().to_string()), ("file", &file)],
                    )));
                    on_change.run(());
                }
                Ok(None) => message.set(Some(i18n.t(Key::TabletSurveyNothingToSend).to_owned())),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let remove_sent = move |_| {
        let survey_id = id.get_value();
        spawn_local(async move {
            let result = match device_store().await {
                Ok(store) => tablet_surveys::remove_sent(&store, &survey_id).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(n) => message.set(Some(
                    i18n.locale()
                        .format(Key::TabletSurveyRemovedSent, &[("count", &n.to_string())]),
                )),
                Err(e) => error.set(Some(e.to_string())),
            }
            on_change.run(());
        });
    };
    view! {
        <div class="survey-answers">
            <p>{move || i18n.locale().format(Key::TabletSurveyWaiting, &[("count", &counts.get().waiting.to_string())])}</p>
            <div class="row">
                <button type="button" disabled=move || counts.get().waiting == 0 on:click=move |_| send(false)>{i18n.tr(Key::TabletSurveyDownload)}</button>
                {can_share.then(|| view! {
                    <button type="button" disabled=move || counts.get().waiting == 0 on:click=move |_| send(true)>{i18n.tr(Key::TabletSurveyShare)}</button>
                })}
            </div>
            <Show when=move || { counts.get().sent > 0 }>
                <p>{move || i18n.locale().format(Key::TabletSurveySentKept, &[("count", &counts.get().sent.to_string())])}</p>
                <button type="button" on:click=remove_sent>{i18n.tr(Key::TabletSurveyRemoveSent)}</button>
            </Show>
        </div>
    }
}

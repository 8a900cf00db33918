//! The council lead's surveys: the list ("Surveys"), and the builder with its live preview,
//! publishing and sharing. Pages of the workspace area (`/iro/surveys`, `/demo/surveys`); the
//! rules are the domain's (`my_say_core::survey`, docs/surveys.md), the storage is
//! `crate::workspace::surveys`.

mod builder;
mod logic;
mod preview;
mod question;
mod question_actions;
mod share;

pub use builder::SurveyBuilder;

use crate::i18n::Key;
use crate::pages::iro::{
    focus_id_soon, focus_when_shown, use_active, ActiveWorkspace, ErrorBanner,
};
use crate::workspace::surveys::{self, StoredSurvey};
use leptos::prelude::*;
use leptos::task::spawn_local;
use logic::{title_of, SurveyState};
use my_say_core::seal::system_rng;
use my_say_core::survey::new_survey_id;
use my_say_core::{LocaleCode, SurveyDraft};
use my_say_ui::browser::history::navigate;
use my_say_ui::browser::store::StoreError;
use my_say_ui::i18n::{use_i18n, Locale};
use my_say_ui::load::load;
use std::cell::{Cell, RefCell};

thread_local! {
    // The newest survey not yet written, and whether a write is under way (see `save_in_order`).
    static PENDING: RefCell<Option<(ActiveWorkspace, StoredSurvey)>> = const { RefCell::new(None) };
    static SAVING: Cell<bool> = const { Cell::new(false) };
}

/// Saves a survey after every change, one write at a time and always ending with the newest:
/// each write encrypts first, and two racing writes could land oldest-last and lose a change.
/// `report` hears how each write went, and whether nothing is left waiting.
fn save_in_order(
    active: ActiveWorkspace,
    survey: StoredSurvey,
    report: impl Fn(Result<(), StoreError>, bool) + 'static,
) {
    PENDING.with(|p| *p.borrow_mut() = Some((active, survey)));
    if SAVING.with(|s| s.replace(true)) {
        return;
    }
    spawn_local(async move {
        while let Some((active, survey)) = PENDING.with(|p| p.borrow_mut().take()) {
            let result = match active.store().await {
                Ok(store) => surveys::save(&store, &survey).await,
                Err(e) => Err(e),
            };
            let done = PENDING.with(|p| p.borrow().is_none());
            report(result, done);
        }
        SAVING.with(|s| s.set(false));
    });
}

/// The wording of a survey's state.
fn state_text(locale: Locale, state: SurveyState) -> String {
    match state {
        SurveyState::Draft => locale.text(Key::BuilderStateDraft).to_owned(),
        SurveyState::Published(r) => {
            locale.format(Key::BuilderStatePublished, &[("revision", &r.to_string())])
        }
        SurveyState::Changed(r) => {
            locale.format(Key::BuilderStateChanged, &[("revision", &r.to_string())])
        }
    }
}

/// The language a new survey starts in: the one the screen is shown in.
fn first_locale(locale: Locale) -> LocaleCode {
    locale.locale_code()
}

/// "Surveys": start a new one, and every survey with its state, how many answers came back,
/// and links to edit it, read its results and write "You said, we did".
#[component]
pub fn SurveyList() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    // Bumped after a survey is deleted, so the list loads again.
    let version = RwSignal::new(0u32);
    let listed = load(move || {
        version.track();
        async move {
            let store = active.store().await?;
            let mut list = surveys::list(&store).await?;
            let mut out = Vec::new();
            // Newest first would need a date the draft does not keep; titles are what people
            // look for, so the list is by title.
            list.sort_by_key(|s| {
                title_of(&s.draft, &LocaleCode::new("en"))
                    .unwrap_or_default()
                    .to_lowercase()
            });
            for s in list {
                let answers = surveys::answers(&store, s.id()).await?.len();
                out.push((s, answers));
            }
            Ok::<_, StoreError>(out)
        }
    });
    let error = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<String>);

    let start_new = move |_| {
        let id = new_survey_id(&mut system_rng());
        let survey = StoredSurvey::new(SurveyDraft::new(&id, first_locale(i18n.locale())));
        spawn_local(async move {
            let result = match active.store().await {
                Ok(store) => surveys::save(&store, &survey).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => navigate(&active.href(&format!("surveys/{id}"))),
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };
    let on_deleted = Callback::new(move |title: String| {
        deleted.set(Some(title));
        version.update(|v| *v += 1);
        focus_id_soon("sb-deleted");
    });

    view! {
        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::BuilderListTitle)}</h1>
        <p class="lead">{i18n.tr(Key::BuilderListLead)}</p>
        <ErrorBanner error />
        <div class="row">
            <button type="button" class="primary" id="sb-start-new" on:click=start_new>{i18n.tr(Key::BuilderStartNew)}</button>
        </div>
        {move || deleted.get().map(|title| view! {
            <p class="banner success" id="sb-deleted" tabindex="-1" role="status">{i18n.locale().format(Key::BuilderDeleted, &[("title", &title)])}</p>
        })}
        {move || listed.get().map(|r| match r {
            Err(e) => view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> }.into_any(),
            Ok(list) if list.is_empty() => view! { <p class="banner info">{i18n.tr(Key::BuilderListEmpty)}</p> }.into_any(),
            Ok(list) => view! {
                <ul class="plain sb-list">
                    {list.into_iter().map(|(s, answers)| view! { <SurveyItem survey=s answers on_deleted /> }).collect_view()}
                </ul>
            }.into_any(),
        }).unwrap_or_else(|| view! { <p class="note" role="status">{i18n.tr(Key::IroLoading)}</p> }.into_any())}
    }
}

/// One survey on the list, with its links and a delete that asks first.
#[component]
fn SurveyItem(
    /// The survey.
    survey: StoredSurvey,
    /// How many answers have come back for it.
    answers: usize,
    /// Called with the survey's title after it was deleted.
    on_deleted: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let id = survey.id().to_owned();
    let state = SurveyState::of(&survey);
    let draft = survey.draft.clone();
    let title = move || {
        title_of(&draft, &i18n.locale().locale_code())
            .unwrap_or_else(|| i18n.t(Key::BuilderUntitled).to_owned())
    };
    let heading_id = format!("sb-item-{id}");
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete_id = format!("sb-delete-{id}");
    let confirm_id = format!("sb-confirm-{id}");

    let ask = {
        let confirm_id = confirm_id.clone();
        move |_| {
            confirming.set(true);
            focus_id_soon(confirm_id.clone());
        }
    };
    let cancel = {
        let delete_id = delete_id.clone();
        move |_| {
            confirming.set(false);
            focus_id_soon(delete_id.clone());
        }
    };
    let confirm = {
        let id = id.clone();
        let title = title.clone();
        move |_| {
            let id = id.clone();
            let title = title();
            spawn_local(async move {
                let result = match active.store().await {
                    Ok(store) => surveys::delete(&store, &id).await,
                    Err(e) => Err(e),
                };
                match result {
                    Ok(()) => on_deleted.run(title),
                    Err(e) => error.set(Some(i18n.store_error(&e))),
                }
            });
        }
    };
    let answers_text = move || {
        i18n.locale()
            .format(Key::BuilderAnswersBack, &[("count", &answers.to_string())])
    };
    let links = [
        (format!("surveys/{id}"), Key::BuilderEdit),
        (format!("surveys/{id}/results"), Key::BuilderResults),
        (format!("surveys/{id}/you-said"), Key::BuilderYouSaid),
    ];
    let title_for_labels = title.clone();
    view! {
        <li class="card sb-item">
            <h2 id=heading_id.clone()>{title.clone()}</h2>
            <p class="sb-item-facts">
                <span class="sb-state">{move || state_text(i18n.locale(), state)}</span>
                " "
                <span>{answers_text}</span>
            </p>
            <ul class="sb-item-links">
                {links.into_iter().map(|(page, key)| {
                    let t = title_for_labels.clone();
                    view! {
                        <li><a href=active.href(&page) aria-label=move || format!("{}: {}", i18n.t(key), t())>{i18n.tr(key)}</a></li>
                    }
                }).collect_view()}
            </ul>
            <ErrorBanner error />
            {move || if confirming.get() { view! {
                <div class="confirm" role="group" aria-labelledby=confirm_id.clone()>
                    <p id=confirm_id.clone() tabindex="-1">{move || i18n.locale().format(Key::BuilderDeleteConfirmText, &[("count", &answers.to_string())])}</p>
                    <div class="row form-buttons">
                        <button type="button" class="danger" on:click=confirm.clone()>{move || i18n.locale().format(Key::BuilderDeleteConfirm, &[("count", &answers.to_string())])}</button>
                        <button type="button" on:click=cancel.clone()>{i18n.tr(Key::IroDataCancel)}</button>
                    </div>
                </div>
            }.into_any() } else { view! {
                <button type="button" class="danger" id=delete_id.clone() aria-label=format!("{}: {}", i18n.t(Key::BuilderDelete), title()) on:click=ask.clone()>{i18n.tr(Key::BuilderDelete)}</button>
            }.into_any() }}
        </li>
    }
}

//! "Surveys on this tablet": add a survey from the council lead's link or file, start one,
//! carry on with one in progress, send each survey's answers file, and take a survey off.

use super::add_file::AddSurveyFile;
use super::card::survey_card;
use super::in_progress::SurveysInProgress;
use super::offer::SurveyOffer;
use super::taken_off::TakenOff;
use super::title_in;
use crate::drafts;
use crate::i18n::Key;
use crate::tablet::surveys::{self as tablet_surveys, AnswerCounts, ShelfError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::SetupCode;
use my_say_core::session::InProgress;
use my_say_core::survey::{
    is_survey_booklet, ShelfChange, SurveyFile, SurveyFileError, SurveyShelf,
};
use my_say_ui::browser::history::{forget_link_code, link_code, use_address};
use my_say_ui::browser::store::device_store;
use my_say_ui::i18n::{use_i18n, Locale};
use std::collections::BTreeMap;

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
pub(super) fn survey_refusal(locale: Locale, e: &SurveyFileError) -> String {
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
    let in_progress = RwSignal::new(Vec::<(String, InProgress)>::new());
    let offered = RwSignal::new(None::<SurveyFile>);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);

    let refresh = Callback::new(move |_| {
        spawn_local(async move {
            let store = match device_store().await {
                Ok(store) => store,
                Err(e) => return error.set(Some(e.words(i18n.locale()))),
            };
            match tablet_surveys::shelf(&store).await {
                Ok(s) => shelf.set(Some(s)),
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
            match tablet_surveys::counts(&store).await {
                Ok(c) => counts.set(c),
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
            let mut list = drafts::list().await.unwrap_or_default();
            list.retain(|(_, d)| is_survey_booklet(&d.booklet_id));
            in_progress.set(list);
        });
    });
    refresh.run(());

    // Opened from the council lead's survey link: offer the survey, change nothing yet.
    if let Some(code) = link_code() {
        match SurveyFile::from_fragment(&code) {
            Ok(file) => offered.set(Some(file)),
            Err(e) => error.set(Some(i18n.locale().format(
                Key::TabletSurveyBadLink,
                &[("reason", &survey_refusal(i18n.locale(), &e))],
            ))),
        }
        forget_link_code("/surveys");
    }

    // The keys answers are sealed for now, when the offered survey would seal them for others:
    // shown beside the new ones, and the survey is added only once the adult confirms.
    let keys_check = RwSignal::new(None::<SetupCode>);
    let add = Callback::new(move |confirmed: bool| {
        let Some(file) = offered.get_untracked() else {
            return;
        };
        if !confirmed {
            let old = shelf.with_untracked(|s| s.as_ref()?.keys_change(&file).cloned());
            if old.is_some() {
                return keys_check.set(old);
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
                    refresh.run(());
                }
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
        });
    });

    let remove = Callback::new(move |(id, title): (String, String)| {
        spawn_local(async move {
            let result = match device_store().await {
                Ok(store) => tablet_surveys::remove(&store, &id).await,
                Err(e) => Err(ShelfError::Store(e)),
            };
            confirming.set(None);
            match result {
                Ok(_) => {
                    error.set(None);
                    let words = i18n.locale();
                    message.set(Some(
                        words.format(Key::TabletSurveyRemoved, &[("title", &title)]),
                    ));
                }
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
            refresh.run(());
        });
    });

    let card = move |file: &SurveyFile| {
        let id = file.id().to_owned();
        let these = Memo::new(move |_| counts.with(|c| c.get(&id).copied().unwrap_or_default()));
        survey_card(
            file.clone(),
            these,
            confirming,
            message,
            error,
            refresh,
            remove,
        )
    };
    let list = move || {
        shelf.get().map(|s| {
            if s.surveys().is_empty() {
                return view! { <p class="banner info">{i18n.tr(Key::TabletSurveyNone)}</p> }.into_any();
            }
            view! { <ul class="plain survey-list">{s.surveys().iter().map(card).collect_view()}</ul> }.into_any()
        })
    };

    view! {
        <section class="page survey-tablet">
            <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyTitle)}</h1>
            <p class="lead">{i18n.tr(Key::TabletSurveyLead)}</p>
            {move || just_saved().then(|| view! {
                <p class="banner success" role="status">{i18n.tr(Key::TabletSurveySavedForLater)}</p>
            })}
            {move || message.get().map(|m| view! { <p class="banner success" role="status">{m}</p> })}
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            <SurveyOffer offered keys_check on_add=add />
            <SurveysInProgress in_progress shelf />
            <h2>{i18n.tr(Key::TabletSurveyListTitle)}</h2>
            {list}
            <AddSurveyFile offered keys_check message error />
            <TakenOff shelf counts message error on_change=refresh />
            <p class="note"><a href="/tablet">{i18n.tr(Key::TabletLink)}</a></p>
        </section>
    }
}

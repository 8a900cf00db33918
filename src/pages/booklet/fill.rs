//! The child's screens: the booklet's start, one question per screen, "Here's what you told
//! us", the "it's OK to tell" screen and the thank-you. Every change is saved at once.
//!
//! A council survey runs on the same screens, in the surveys app (`SurveysApp`, which provides
//! [`TabletSurveys`]): a draft whose booklet id starts with `survey-` loads that survey from the
//! tablet's surveys instead of a built-in booklet, is sealed for the council lead, and ends back
//! at the survey's start screen for the next child. A draft opened in the other app's address
//! (`/booklet/<id>` for a survey, as before the surveys app) moves to its own.

use super::code::{ChooseCode, EnterCode};
use super::filling::Filling;
use super::thanks::{SurveyThanks, ThankYou};
use crate::booklets;
use crate::drafts::{self, Kept};
use crate::routes::fill_address;
use crate::tablet::surveys::TabletSurveys;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::LockedDraft;
use my_say_core::session::Draft;
use my_say_core::survey::is_survey_booklet;
use my_say_core::{builtin_band, Booklet};
use my_say_ui::browser::history::{navigate, redirect};
use my_say_ui::i18n::{use_i18n, Key, Locale};
use std::sync::Arc;

/// What the fill screen is showing.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Stage {
    Loading,
    Missing,
    /// The built-in booklet could not be fetched (offline before the first visit, a server
    /// error): the draft stays as it is.
    Unavailable,
    /// A survey draft whose survey is no longer on this tablet.
    SurveyGone,
    Filling,
    /// The child stopped: choosing the code that locks the draft.
    ChooseCode,
    /// A stopped draft: the child's code opens it.
    Locked(LockedDraft),
    Finished {
        name: String,
    },
    /// A survey was finished; the next child starts from the survey's start screen.
    SurveyFinished {
        survey_id: String,
    },
}

/// Loads the draft named in the address and lets the child fill it in.
#[component]
pub fn BookletFill(
    /// The draft's id, from the address.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let surveys = use_context::<TabletSurveys>();
    let draft_id = id;
    let stage = RwSignal::new(Stage::Loading);
    let draft = RwSignal::new(None::<Draft>);
    let load_error = RwSignal::new(None::<String>);
    // The booklet being filled in: a council survey from this tablet's surveys, or the built-in
    // booklet for the draft's band (`crate::booklets`).
    let booklet = RwSignal::new(None::<Arc<Booklet>>);

    // Opens a draft for filling in: a council survey's draft first finds its survey here, a
    // booklet's draft its band's built-in booklet (`crate::booklets`).
    let begin = move |mut d: Draft| {
        spawn_local(async move {
            // The booklet's language first: without its wording the booklet cannot be shown.
            if let Some(l) = Locale::from_code(d.locale.as_str()) {
                if i18n.choose(l).await.is_err() {
                    return stage.set(Stage::Unavailable);
                }
            }
            if let Some(surveys) = surveys.filter(|_| is_survey_booklet(&d.booklet_id)) {
                match (surveys.find)(d.booklet_id.clone()).await {
                    Ok(Some(file)) => {
                        // A newer revision arrived meanwhile: carry on with it; answers
                        // that no longer fit are dropped when the child finishes.
                        d.booklet_revision = file.revision();
                        booklet.set(Some(Arc::new(file.survey().clone())));
                    }
                    Ok(None) => {
                        stage.set(Stage::SurveyGone);
                        return;
                    }
                    Err(e) => {
                        load_error.set(Some(e.words(i18n.locale())));
                        stage.set(Stage::SurveyGone);
                        return;
                    }
                }
            } else {
                // A younger band's booklet when the adult chose a simpler one.
                match booklets::builtin(d.booklet_band()).await {
                    Ok(b) => booklet.set(Some(b)),
                    Err(_) => return stage.set(Stage::Unavailable),
                }
            }
            draft.set(Some(d));
            stage.set(Stage::Filling);
        });
    };
    {
        let draft_id = draft_id.clone();
        spawn_local(async move {
            let kept = drafts::load(&draft_id).await;
            // A survey's draft is answered in the surveys app, a booklet's in the child's app.
            let booklet_id = match &kept {
                Ok(Some(Kept::Open(d))) => Some(&d.booklet_id),
                Ok(Some(Kept::Locked(l))) => Some(&l.booklet_id),
                _ => None,
            };
            if let Some(is_survey) = booklet_id.map(|id| is_survey_booklet(id)) {
                if is_survey != surveys.is_some() {
                    return redirect(&fill_address(&draft_id, is_survey));
                }
            }
            match kept {
                Ok(Some(Kept::Open(d))) => begin(d),
                Ok(Some(Kept::Locked(locked))) => {
                    if let Some(l) = Locale::from_code(locked.locale.as_str()) {
                        if i18n.choose(l).await.is_err() {
                            return stage.set(Stage::Unavailable);
                        }
                    }
                    // The booklet before the code: the right code keeps the draft open, so the
                    // booklet must not fail to come after it.
                    if let Some(band) = builtin_band(&locked.booklet_id) {
                        if booklets::builtin(band).await.is_err() {
                            return stage.set(Stage::Unavailable);
                        }
                    }
                    stage.set(Stage::Locked(locked));
                }
                Ok(None) => stage.set(Stage::Missing),
                Err(e) => {
                    load_error.set(Some(e.words(i18n.locale())));
                    stage.set(Stage::Missing);
                }
            }
        });
    }

    Effect::new(move |_| {
        if stage.get() == Stage::Missing && load_error.get().is_none() {
            // Back to where a new one starts: in the surveys app, its list of surveys.
            navigate(if surveys.is_some() {
                "/surveys"
            } else {
                "/booklet?missing=1"
            });
        }
    });

    view! {
        {move || match stage.get() {
            Stage::Loading => view! { <p class="page" role="status">{i18n.t(Key::FillLoading)}</p> }.into_any(),
            Stage::Missing => view! {
                <section class="page">
                    <h1>{i18n.t(Key::BookletNotFound)}</h1>
                    {load_error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
                    <a class="button" href="/booklet">{i18n.t(Key::BookletStartTitle)}</a>
                </section>
            }.into_any(),
            Stage::Unavailable => view! {
                <section class="page">
                    <h1>{i18n.t(Key::BookletLoadFailed)}</h1>
                    <p class="banner error" role="alert">{i18n.t(Key::BookletLoadFailedHint)}</p>
                    <a class="button" href="/booklet">{i18n.t(Key::BookletStartTitle)}</a>
                </section>
            }.into_any(),
            Stage::SurveyGone => view! { <SurveyGone draft_id=draft_id.clone() error=load_error.get() /> }.into_any(),
            Stage::Locked(locked) => view! { <EnterCode draft_id=draft_id.clone() locked on_open=Callback::new(begin) /> }.into_any(),
            Stage::ChooseCode => {
                // Back to the booklet: a change made just before stopping is saved now.
                let id = draft_id.clone();
                let on_back = Callback::new(move |_| {
                    if let Some(d) = draft.get_untracked() {
                        drafts::save_in_order(id.clone(), d, |_| ());
                    }
                    stage.set(Stage::Filling);
                });
                view! { <ChooseCode draft_id=draft_id.clone() draft on_back /> }.into_any()
            }
            Stage::Finished { name } => view! { <ThankYou name /> }.into_any(),
            Stage::SurveyFinished { survey_id } => view! { <SurveyThanks survey_id /> }.into_any(),
            Stage::Filling => {
                let is_survey = draft.with_untracked(|d| d.as_ref().is_some_and(|d| is_survey_booklet(&d.booklet_id)));
                booklet.get_untracked().map(|booklet| view! { <Filling draft_id=draft_id.clone() draft booklet is_survey stage /> }).into_any()
            }
        }}
    }
}

/// A survey in progress whose survey has been taken off this tablet: say so, and let the adult
/// delete the answers or go back (adding the survey again lets the child carry on).
#[component]
fn SurveyGone(
    /// The draft's id.
    draft_id: String,
    /// Why the survey could not be read, when it was an error rather than a removal.
    error: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(None::<String>);
    let delete = move |_| {
        drafts::discard_then_go(draft_id.clone(), "/surveys", failed, i18n);
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyGone)}</h1>
            {error.map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            {move || failed.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            <p>{i18n.tr(Key::TabletSurveyGoneLead)}</p>
            <div class="row">
                <a class="button primary" href="/surveys">{i18n.tr(Key::TabletSurveyBack)}</a>
                <button type="button" class="danger" on:click=delete>{i18n.tr(Key::TabletSurveyDeleteDraft)}</button>
            </div>
        </section>
    }
}

//! The child's screens: the booklet's start, one question per screen, "Here's what you told
//! us", the "it's OK to tell" screen and the thank-you. Every change is saved at once.
//!
//! A council survey runs on the same screens: a draft whose booklet id starts with `survey-`
//! loads that survey from the tablet's surveys (`tablet::surveys`) instead of a built-in
//! booklet, is sealed for the council lead, and ends back at the survey's start screen for the
//! next child.

use super::code::{ChooseCode, EnterCode};
use super::ok_to_tell::OkToTell;
use crate::booklets;
use crate::drafts::{self, Kept};
use crate::tablet::surveys as tablet_surveys;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::LockedDraft;
use my_say_core::session::{shows_ok_to_tell, Draft, Position};
use my_say_core::{builtin_band, AgeBand, Answer, Booklet, LocaleCode, Pick, Question};
use my_say_ui::browser::history::navigate;
use my_say_ui::browser::store::device_store;
use my_say_ui::browser::{clock, pace::after_paint, prefs, speech};
use my_say_ui::components::answer_input::value_label;
use my_say_ui::components::question_screen::QuestionScreen;
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{use_i18n, Key, Locale};
use std::sync::Arc;

/// What the fill screen is showing.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
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
            if tablet_surveys::is_survey(&d.booklet_id) {
                let file = match device_store().await {
                    Ok(store) => tablet_surveys::shelf(&store)
                        .await
                        .map(|s| s.get(&d.booklet_id).cloned())
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                match file {
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
                        load_error.set(Some(e));
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
            match drafts::load(&draft_id).await {
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
                    load_error.set(Some(e.to_string()));
                    stage.set(Stage::Missing);
                }
            }
        });
    }

    Effect::new(move |_| {
        if stage.get() == Stage::Missing && load_error.get().is_none() {
            navigate("/booklet?missing=1");
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
                let is_survey = draft.with_untracked(|d| d.as_ref().is_some_and(|d| tablet_surveys::is_survey(&d.booklet_id)));
                booklet.get_untracked().map(|booklet| view! { <Filling draft_id=draft_id.clone() draft booklet is_survey stage /> }).into_any()
            }
        }}
    }
}

/// The booklet in progress.
#[component]
fn Filling(
    /// The draft's id in the device store.
    draft_id: String,
    /// The draft; always `Some` while filling.
    draft: RwSignal<Option<Draft>>,
    /// The booklet being filled in.
    booklet: Arc<Booklet>,
    /// Whether it is an anonymous council survey (sealed for the council lead, no names).
    is_survey: bool,
    /// Set to `Finished` when the child finishes.
    stage: RwSignal<Stage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let save_error = RwSignal::new(None::<String>);
    // Whether everything the child has done is written to the device (shown to tests and
    // assistive tech as `data-saved`).
    let saved = RwSignal::new(true);
    let ok_to_tell = RwSignal::new(false);
    let auto_read = prefs::read_aloud(&draft_id);

    // Save after every change, once the frame showing it is painted: the draft is encrypted at
    // rest by the device store, and that work must not delay the next question. Changes made
    // before the save runs are saved together. Opening the draft is not a change: nothing is
    // saved then. Once the child finishes, a save still waiting for its frame must not bring the
    // finished (and deleted) draft back.
    let finishing = StoredValue::new(false);
    {
        let draft_id = draft_id.clone();
        let scheduled = StoredValue::new(false);
        Effect::new(move |first: Option<()>| {
            draft.track();
            if first.is_none() || scheduled.get_value() {
                return;
            }
            scheduled.set_value(true);
            saved.set(false);
            let draft_id = draft_id.clone();
            after_paint(move || {
                // The screen may be gone by now (the child stopped or finished): then its own
                // save has already run.
                if scheduled.try_set_value(false).is_some()
                    || finishing.try_get_value() != Some(false)
                {
                    return;
                }
                let Some(Some(d)) = draft.try_get_untracked() else {
                    return;
                };
                drafts::save_in_order(draft_id, d, move |result| match result {
                    Ok(()) => {
                        save_error.set(None);
                        saved.set(drafts::nothing_waiting() && !scheduled.get_value());
                    }
                    // The answers stay in memory; the adult is told.
                    Err(e) => save_error.set(Some(e.to_string())),
                });
            });
        });
    }

    let b = booklet.clone();
    let position = Memo::new(move |_| {
        draft.with(|d| d.as_ref().map(|d| d.current(&b)).unwrap_or(Position::Start))
    });
    let b = booklet.clone();
    let progress =
        Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.session(&b).progress(&d.position))));

    // A Copy handle, so the navigation closures are Copy and can be used in many buttons.
    let stored = StoredValue::new(booklet.clone());
    let go_next = move || {
        draft.update(|d| {
            if let Some(d) = d {
                stored.with_value(|b| d.go_next(b, &clock::now()));
            }
        })
    };
    let go_back = move || {
        draft.update(|d| {
            if let Some(d) = d {
                stored.with_value(|b| d.go_previous(b, &clock::now()));
            }
        })
    };
    let go_to = move |p: Position| {
        draft.update(|d| {
            if let Some(d) = d {
                d.go_to(p, &clock::now());
            }
        })
    };
    // Stopping asks for the code that locks the draft (see `code.rs`).
    let stop = move |_| {
        speech::stop();
        stage.set(Stage::ChooseCode);
    };
    let b = booklet.clone();
    let finish = {
        let draft_id = draft_id.clone();
        move || {
            speech::stop();
            let Some(d) = draft.get_untracked() else {
                return;
            };
            let id = match clock::random_id() {
                Ok(id) => id,
                Err(e) => return save_error.set(Some(e.to_string())),
            };
            finishing.set_value(true);
            let finished = d.finish(&b, &id, &clock::now());
            let name = d.child.name.clone();
            let draft_id = draft_id.clone();
            spawn_local(async move {
                drafts::settle(&draft_id).await;
                let result = if is_survey {
                    // Sealed for the survey's council lead only, never the tablet's IROs.
                    match device_store().await {
                        Ok(store) => tablet_surveys::finish(&store, &draft_id, &finished)
                            .await
                            .map_err(|e| e.to_string()),
                        Err(e) => Err(e.to_string()),
                    }
                } else {
                    crate::tablet::finish(&draft_id, &finished)
                        .await
                        .map_err(|e| e.to_string())
                };
                match result {
                    Ok(()) => {
                        prefs::set_read_aloud(&draft_id, false);
                        draft.set(None);
                        stage.set(if is_survey {
                            Stage::SurveyFinished {
                                survey_id: finished.booklet_id.clone(),
                            }
                        } else {
                            Stage::Finished { name }
                        });
                    }
                    Err(e) => save_error.set(Some(e)),
                }
            });
        }
    };

    let heading = NodeRef::<leptos::html::H1>::new();
    // Each new screen moves focus to its heading, so screen readers and keyboards start there.
    Effect::new(move |_| {
        position.track();
        ok_to_tell.track();
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    });

    let b = booklet.clone();
    let screen = move || {
        if ok_to_tell.get() {
            let (child, band, welsh) = draft
                .with_untracked(|d| {
                    d.as_ref()
                        .map(|d| (d.child.clone(), d.booklet_band(), d.locale.as_str() == "cy"))
                })
                .unwrap_or((Default::default(), AgeBand::SevenToNine, false));
            return view! {
                <OkToTell heading band welsh iro_name=child.iro_name iro_contact=child.iro_contact is_survey auto_read on_carry_on=Callback::new(move |_| ok_to_tell.set(false)) />
            }
            .into_any();
        }
        match position.get() {
            Position::Start => {
                let name = draft
                    .with_untracked(|d| d.as_ref().map(|d| d.child.name.clone()))
                    .unwrap_or_default();
                let b = b.clone();
                let fallback = b.fallback_locale();
                let b2 = b.clone();
                let fallback2 = fallback.clone();
                let intro = move || {
                    b2.intro
                        .as_ref()
                        .map(|t| t.get(&i18n.locale().locale_code(), &fallback2).to_owned())
                        .unwrap_or_default()
                };
                let title = move || {
                    b.title
                        .get(&i18n.locale().locale_code(), &fallback)
                        .to_owned()
                };
                // A survey has no name to greet: its title is the heading.
                let title_for_hello = title.clone();
                let hello = move || {
                    if is_survey {
                        title_for_hello()
                    } else {
                        i18n.locale().format(Key::FillHello, &[("name", &name)])
                    }
                };
                let hello_for_speech = hello.clone();
                let intro_for_speech = intro.clone();
                view! {
                    <div class="booklet-intro">
                        {(!is_survey).then(|| view! { <p class="booklet-title">{title}</p> })}
                        <h1 tabindex="-1" node_ref=heading>{hello}</h1>
                        <p class="lead">{intro}</p>
                        <ReadAloud text=Signal::derive(move || format!("{}. {}", hello_for_speech(), intro_for_speech())) prominent=true />
                        <div class="nav">
                            <button type="button" class="primary big" on:click=move |_| go_next()>{i18n.tr(Key::FillLetsStart)}</button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Position::Question(id) => {
                // Without the people the adult hid before handing over.
                let shown =
                    |d: &Option<Draft>| Some(d.as_ref()?.shown(b.question(&id)?).into_owned());
                let Some(question) = draft.with_untracked(shown) else {
                    return ().into_any();
                };
                let band = draft
                    .with_untracked(|d| d.as_ref().map(Draft::booklet_band))
                    .unwrap_or(AgeBand::SevenToNine);
                let b = b.clone();
                let qid = id.clone();
                let answer = Signal::derive(move || {
                    draft.with(|d| d.as_ref().and_then(|d| d.answers.get(&qid).cloned()))
                });
                let b_set = b.clone();
                let qid = id.clone();
                let on_answer = Callback::new(move |new: Option<Answer>| {
                    let now = clock::now();
                    let mut show = false;
                    draft.update(|d| {
                        let Some(d) = d else { return };
                        let before = d.answers.get(&qid).cloned();
                        match new.clone() {
                            Some(a) => {
                                if let Some(q) = b_set.question(&qid) {
                                    show = shows_ok_to_tell(q, before.as_ref(), Some(&a));
                                }
                                let _ = d.set_answer(&b_set, &qid, a, &now);
                            }
                            None => d.clear_answer(&qid, &now),
                        }
                    });
                    if show {
                        ok_to_tell.set(true);
                    }
                });
                view! {
                    <QuestionScreen
                        question
                        band
                        fallback=b.fallback_locale()
                        heading
                        answer
                        on_answer
                        auto_read
                        prominent_read_aloud=band == AgeBand::FourToSix
                    />
                    <div class="nav">
                        <button type="button" class="big" on:click=move |_| go_back()>
                            <span aria-hidden="true" class="arrow back-arrow">"←"</span>
                            {i18n.tr(Key::FillBack)}
                        </button>
                        <button type="button" class="primary big" on:click=move |_| go_next()>
                            {move || if answer.with(|a| a.is_some()) { i18n.t(Key::FillNext) } else { i18n.t(Key::FillSkip) }}
                            <span aria-hidden="true" class="arrow">"→"</span>
                        </button>
                    </div>
                }
                .into_any()
            }
            Position::Review => {
                let b = b.clone();
                let finish = finish.clone();
                let finish_label = if is_survey {
                    Key::TabletSurveyFinish
                } else {
                    Key::FillFinish
                };
                view! { <Review booklet=b draft heading go_to finish_label on_finish=Callback::new(move |_| finish()) go_back=Callback::new(move |_| go_back()) /> }.into_any()
            }
        }
    };

    view! {
        <section class="page filling" data-saved=move || saved.get().to_string()>
            <div class="booklet-bar">
                {move || progress.get().filter(|p| p.total > 0).map(|p| {
                    let label = i18n.locale().format(Key::FillProgress, &[("current", &p.current.min(p.total).to_string()), ("total", &p.total.to_string())]);
                    view! {
                        <div class="progress">
                            <progress max=p.total.to_string() value=p.current.min(p.total).to_string() aria-label=label.clone()></progress>
                            <span aria-hidden="true">{label}</span>
                        </div>
                    }
                })}
                <button type="button" class="stop" on:click=stop>{i18n.tr(Key::FillStop)}</button>
            </div>
            {move || save_error.get().map(|e| view! {
                <p class="banner error" role="alert">{i18n.locale().format(Key::FillSaveFailed, &[("reason", &e)])}</p>
            })}
            {screen}
        </section>
    }
}

/// "Here's what you told us": every answer, each with a way to change it, then finish.
#[component]
fn Review<G>(
    /// The booklet.
    booklet: Arc<Booklet>,
    /// The draft.
    draft: RwSignal<Option<Draft>>,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// Goes to a question to change it.
    go_to: G,
    /// The finish button's wording.
    finish_label: Key,
    /// Finishes the booklet.
    on_finish: Callback<()>,
    /// Goes back to the last question.
    go_back: Callback<()>,
) -> impl IntoView
where
    G: Fn(Position) + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let fallback = booklet.fallback_locale();
    let items = move || {
        let locale = i18n.locale();
        draft.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.session(&booklet)
                .review()
                .into_iter()
                .map(|item| {
                    let question = item.text.get(&locale.locale_code(), &fallback).to_owned();
                    let answer = match item.answer {
                        None => locale.text(Key::FillSkipped).to_owned(),
                        Some(a) => describe(item.question, a, locale, &fallback),
                    };
                    (item.position(), question, answer, item.answer.is_none())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="review">
            <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::FillReviewTitle)}</h1>
            <p class="lead">{i18n.tr(Key::FillReviewLead)}</p>
            <ul class="review-list">
                {move || items().into_iter().map(|(position, question, answer, skipped)| {
                    let change_label = i18n.locale().format(Key::FillChangeAnswer, &[("question", &question)]);
                    view! {
                        <li>
                            <p class="review-question">{question}</p>
                            <p class="review-answer" class:skipped=skipped>{answer}</p>
                            <button type="button" aria-label=change_label on:click=move |_| go_to(position.clone())>{i18n.t(Key::FillChange)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="nav">
                <button type="button" class="big" on:click=move |_| go_back.run(())>
                    <span aria-hidden="true" class="arrow back-arrow">"←"</span>
                    {i18n.tr(Key::FillBack)}
                </button>
                <button type="button" class="primary big" on:click=move |_| on_finish.run(())>{i18n.tr(finish_label)}</button>
            </div>
        </div>
    }
}

/// An answer in words, for the review screen.
fn describe(question: &Question, answer: &Answer, locale: Locale, fallback: &LocaleCode) -> String {
    match answer {
        Answer::RatherNotSay => locale.text(Key::FillRatherNotSay).to_owned(),
        Answer::Picked(v) => value_label(question, v, locale, fallback),
        Answer::Words(w) => w.clone(),
        Answer::PickedMany(picks) => picks
            .iter()
            .map(|p| match p {
                Pick::Option(id) => value_label(question, id, locale, fallback),
                Pick::Own(w) => w.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The thank-you screen. The answers are no longer on screen or readable on the tablet.
#[component]
fn ThankYou(
    /// The child's first name or initials.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        i18n.locale()
            .format(Key::FillThanksTitle, &[("name", &name)])
    };
    view! {
        <section class="page thank-you">
            <img src="/pictures/star.svg" alt="" width="96" height="96" />
            <h1 tabindex="-1">{title}</h1>
            <p class="lead">{i18n.tr(Key::FillThanksLead)}</p>
            <a class="button primary big" href="/booklet">{i18n.tr(Key::FillThanksDone)}</a>
        </section>
    }
}

/// The thank-you screen after a survey. Nothing of the child's answers is left on screen or
/// readable on the tablet; "Done" leads to the survey's start screen for the next child.
#[component]
fn SurveyThanks(
    /// The survey's id.
    survey_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page thank-you">
            <img src="/pictures/star.svg" alt="" width="96" height="96" />
            <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyThanksTitle)}</h1>
            <p class="lead">{i18n.tr(Key::TabletSurveyThanksLead)}</p>
            <a class="button primary big" href=format!("/surveys/{survey_id}")>{i18n.tr(Key::TabletSurveyThanksNext)}</a>
        </section>
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
        drafts::discard_then_go(draft_id.clone(), "/surveys", failed);
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

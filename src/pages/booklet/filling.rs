//! The booklet in progress: its bar (progress and "Stop for now"), the screen for where the child
//! is (the intro, a question, "it's OK to tell", the review), saving after every change, and
//! finishing.

use super::fill::Stage;
use super::intro::BookletIntro;
use super::ok_to_tell::OkToTell;
use super::question_step::QuestionStep;
use super::review::Review;
use crate::drafts;
use crate::tablet::surveys::TabletSurveys;
use crate::tablet::FinishError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::session::{Draft, Position, Progress};
use my_say_core::{AgeBand, Booklet, CompletedBooklet};
use my_say_ui::browser::store::device_store;
use my_say_ui::browser::{clock, pace::after_paint, prefs, speech};
use my_say_ui::i18n::{use_i18n, Key, Locale};
use std::sync::Arc;

/// The booklet in progress.
#[component]
pub fn Filling(
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
    // Whether everything the child has done is written to the device (shown to tests and
    // assistive tech as `data-saved`).
    let saved = RwSignal::new(true);
    let ok_to_tell = RwSignal::new(false);
    let auto_read = prefs::read_aloud(&draft_id);
    let banner = Banner {
        words: RwSignal::new(None),
        spoken: auto_read,
    };
    let finishing = StoredValue::new(false);
    save_each_change(draft_id.clone(), draft, saved, banner, finishing);

    let b = booklet.clone();
    let position = Memo::new(move |_| {
        draft.with(|d| d.as_ref().map(|d| d.current(&b)).unwrap_or(Position::Start))
    });
    // The screen is built again only when the child moves between the intro, the questions
    // and the review: from one question to the next it changes in place (`QuestionStep`).
    let screen_shown = Memo::new(move |_| position.with(Screen::of));
    let at = Memo::new(move |_| match position.get() {
        Position::Question(id) => Some(id),
        _ => None,
    });
    let b = booklet.clone();
    let progress =
        Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.session(&b).progress(&d.position))));

    // A Copy handle, so the navigation closures are Copy and can be used in many buttons.
    let stored = StoredValue::new(booklet.clone());
    let go_next = Callback::new(move |_| {
        draft.update(|d| {
            if let Some(d) = d {
                stored.with_value(|b| d.go_next(b, &clock::now()));
            }
        })
    });
    let go_back = Callback::new(move |_| {
        draft.update(|d| {
            if let Some(d) = d {
                stored.with_value(|b| d.go_previous(b, &clock::now()));
            }
        })
    });
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
    let finish = finisher(
        draft_id.clone(),
        draft,
        booklet.clone(),
        is_survey,
        stage,
        finishing,
        banner,
    );

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
        let booklet = booklet.clone();
        match screen_shown.get() {
            Screen::Intro => {
                let name = draft
                    .with_untracked(|d| d.as_ref().map(|d| d.child.name.clone()))
                    .unwrap_or_default();
                view! { <BookletIntro booklet name is_survey heading on_start=go_next /> }.into_any()
            }
            Screen::Questions => view! {
                <QuestionStep booklet at draft heading auto_read ok_to_tell on_back=go_back on_next=go_next />
            }
            .into_any(),
            Screen::Review => {
                let finish_label = if is_survey {
                    Key::TabletSurveyFinish
                } else {
                    Key::FillFinish
                };
                view! { <Review booklet draft heading go_to finish_label on_finish=finish go_back /> }.into_any()
            }
        }
    };

    view! {
        <section class="page filling" data-saved=move || saved.get().to_string()>
            <div class="booklet-bar">
                <ProgressBar progress />
                <button type="button" class="stop" on:click=stop>{i18n.tr(Key::FillStop)}</button>
            </div>
            {move || banner.words.get().map(|e| view! {
                <p class="banner error" role="alert">{e}</p>
            })}
            {screen}
        </section>
    }
}

/// What "Finish" does: the draft sealed (for the IRO, or a survey's council lead), then the
/// thank-you. A finish that cannot be done says why in the banner, and the child carries on with
/// every answer still there (saved, or kept on screen while storage fails).
fn finisher(
    draft_id: String,
    draft: RwSignal<Option<Draft>>,
    booklet: Arc<Booklet>,
    is_survey: bool,
    stage: RwSignal<Stage>,
    finishing: StoredValue<bool>,
    banner: Banner,
) -> Callback<()> {
    let i18n = use_i18n();
    let surveys = use_context::<TabletSurveys>();
    Callback::new(move |_| {
        speech::stop();
        let Some(d) = draft.get_untracked() else {
            return;
        };
        finishing.set_value(true);
        // Sealed under the draft's own id: finishing again replaces, never doubles, the copy.
        let finished = d.finish(&booklet, &draft_id, &clock::now());
        let name = d.child.name.clone();
        let draft_id = draft_id.clone();
        spawn_local(async move {
            drafts::settle(&draft_id).await;
            match seal(&draft_id, &finished, is_survey, surveys).await {
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
                // Not finished after all: the child can carry on, and every change is saved
                // again.
                Err(e) => {
                    finishing.set_value(false);
                    // The banner says so, instead of an answer not saved.
                    let locale = i18n.locale();
                    let reason = e.words(locale);
                    let words = locale.format(Key::FillFinishFailed, &[("reason", &reason)]);
                    banner.show(words, locale);
                }
            }
        });
    })
}

/// Which of the booklet's screens the child is on.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Intro,
    Questions,
    Review,
}

impl Screen {
    fn of(position: &Position) -> Screen {
        match position {
            Position::Start => Screen::Intro,
            Position::Question(_) => Screen::Questions,
            Position::Review => Screen::Review,
        }
    }
}

/// "Question 3 of 12", as a bar and in words; nothing before the booklet has questions to count.
#[component]
fn ProgressBar(
    /// Where the child is among the questions shown to them.
    progress: Memo<Option<Progress>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        progress.get().filter(|p| p.total > 0).map(|p| {
            let current = p.current.min(p.total).to_string();
            let total = p.total.to_string();
            let label = i18n.locale().format(
                Key::FillProgress,
                &[("current", &current), ("total", &total)],
            );
            view! {
                <div class="progress">
                    <progress max=total value=current aria-label=label.clone()></progress>
                    <span aria-hidden="true">{label}</span>
                </div>
            }
        })
    }
}

/// Saves `draft` after every change, once the frame showing it is painted: the draft is
/// encrypted at rest by the device store, and that work must not delay the next question.
/// Changes made before the save runs are saved together. Opening the draft is not a change:
/// nothing is saved then. Once the child finishes (`finishing`), a save still waiting for its
/// frame must not bring the finished (and deleted) draft back.
fn save_each_change(
    draft_id: String,
    draft: RwSignal<Option<Draft>>,
    saved: RwSignal<bool>,
    banner: Banner,
    finishing: StoredValue<bool>,
) {
    let i18n = use_i18n();
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
            // The screen may be gone by now (the child stopped or finished): then its own save
            // has already run.
            if scheduled.try_set_value(false).is_some() || finishing.try_get_value() != Some(false)
            {
                return;
            }
            let Some(Some(d)) = draft.try_get_untracked() else {
                return;
            };
            drafts::save_in_order(draft_id, d, move |result| match result {
                Ok(()) => {
                    banner.words.set(None);
                    saved.set(drafts::nothing_waiting() && !scheduled.get_value());
                }
                // The answers stay in memory; the adult is told.
                Err(e) => {
                    let locale = i18n.locale();
                    let words = locale.format(Key::FillSaveFailed, &[("reason", &e.words(locale))]);
                    banner.show(words, locale);
                }
            });
        });
    });
}

/// Seals a finished booklet and takes its draft off the tablet: a council survey's for the
/// survey's council lead only (through `surveys`, which only the surveys app has), never the
/// tablet's IROs; a booklet's for whom the tablet seals for.
async fn seal(
    draft_id: &str,
    finished: &CompletedBooklet,
    is_survey: bool,
    surveys: Option<TabletSurveys>,
) -> Result<(), FinishError> {
    match (is_survey, surveys) {
        (false, _) => crate::tablet::finish(&device_store().await?, draft_id, finished).await,
        (true, Some(surveys)) => (surveys.finish)(draft_id.to_owned(), finished.clone()).await,
        // Not reached: a survey's draft is only answered in the surveys app.
        (true, None) => Err(FinishError::Removed),
    }
}

/// The fill screen's banner: an answer that could not be saved, or a finish that could not be
/// done.
#[derive(Clone, Copy)]
struct Banner {
    /// What it says, if anything.
    words: RwSignal<Option<String>>,
    /// Whether the child listens (read-aloud on from the start, as for 4 to 6).
    spoken: bool,
}

impl Banner {
    /// Shows `words`. A child who listens hears them too, once for each new message: a child
    /// who cannot read yet is told to tell the adult helping them.
    fn show(self, words: String, locale: Locale) {
        if self.spoken
            && self
                .words
                .with_untracked(|shown| shown.as_ref() != Some(&words))
        {
            let _ = speech::speak(&words, locale.code());
        }
        self.words.set(Some(words));
    }
}

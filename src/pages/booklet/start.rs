//! The adult's screen: start a booklet for a child, or carry on with one in progress. The form's
//! rules are `my_say_core::StartForm`'s; starting is [`super::begin`].

use super::begin::begin;
use super::carry_on::CarryOn;
use super::hide_people::HidePeople;
use super::sealed_for::SealedFor;
use super::start_fields::{AgeBandChoice, ChildLanguage, ErrorSummary, ReadAloudOn, TextField};
use super::taking_part::TakingPartChoice;
use super::topics::TopicsChoice;
use crate::booklets;
use crate::pages::send_today::SendToday;
use crate::tablet::{self, SealsFor};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::{booklet_band, AgeBand, Outline, StartForm, StartProblem, TakingPart};
use my_say_ui::browser::clock;
use my_say_ui::browser::focus::focus_id_soon;
use my_say_ui::browser::history::{navigate, use_address};
use my_say_ui::i18n::{use_i18n, Key, Locale};
use std::sync::Arc;

/// The adult fills in the child's details and hands over the tablet; drafts in progress can be
/// carried on from here.
#[component]
pub fn BookletStart() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let just_saved = move || address.read().has("saved");
    let missing = move || address.read().has("missing");

    let name = RwSignal::new(String::new());
    let band = RwSignal::new(None::<AgeBand>);
    let dob = RwSignal::new(String::new());
    let review_date = RwSignal::new(String::new());
    let iro_name = RwSignal::new(String::new());
    let iro_contact = RwSignal::new(String::new());
    let case_ref = RwSignal::new(String::new());
    let took_part = RwSignal::new(Vec::<TakingPart>::new());
    let simpler = RwSignal::new(None::<AgeBand>);
    // The people options the adult unticked before handing over (none unless they untick).
    let unticked = RwSignal::new(Vec::<String>::new());
    // The optional topics the adult switched on for the child (none unless they tick one).
    let topics = RwSignal::new(Vec::<String>::new());
    // This screen is the adult's: the feminine Arabic of the booklet before does not carry over
    // to it, nor choose for the next child.
    let shown = match i18n.locale() {
        Locale::ArF => {
            // Arabic's wording is here already: it is the feminine forms' too.
            spawn_local(async move {
                let _ = i18n.choose(Locale::Ar).await;
            });
            Locale::Ar
        }
        locale => locale,
    };
    let child_locale = RwSignal::new(shown);
    // In Arabic, whether the booklet speaks to the child in feminine forms: the adult chooses.
    let feminine = RwSignal::new(None::<bool>);
    let read_aloud = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<StartProblem>::new());
    let start_problem = RwSignal::new(None::<String>);
    // From a checked form's tap on Start until the booklet's app opens (a page load) or starting
    // fails: another tap meanwhile must not start a second booklet.
    let starting = RwSignal::new(false);
    // The form as typed so far.
    let form = move || StartForm {
        name: name.get(),
        band: band.get(),
        date_of_birth: dob.get(),
        simpler: simpler.get(),
        review_date: review_date.get(),
        iro_name: iro_name.get(),
        iro_contact: iro_contact.get(),
        case_reference: case_ref.get(),
        took_part: took_part.get(),
        hidden_people: unticked.get(),
        needs_forms: child_locale.get() == Locale::Ar,
        feminine: feminine.get(),
    };

    let chosen_band = Memo::new(move |_| {
        booklet_band(simpler.get(), &dob.get(), band.get(), clock::today_date())
    });
    let chosen = outline_for(chosen_band);

    // Read-aloud is on from the start for the youngest, unless the adult turns it off.
    Effect::new(move |_| {
        if band.get() == Some(AgeBand::FourToSix) {
            read_aloud.set(true);
        }
    });

    // A booklet can only be started once the tablet knows whom to seal the answers for, and
    // this screen shows them.
    let sealed_for = RwSignal::new(None::<SealsFor>);
    spawn_local(async move {
        sealed_for.set(Some(tablet::seals_for().await.unwrap_or(SealsFor::Nobody)));
    });
    let set_up = move || sealed_for.get().map(|s| matches!(s, SealsFor::People(_)));

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if starting.get_untracked() {
            return;
        }
        start_problem.set(None);
        match untrack(form).check(clock::today_date()) {
            Err(found) => {
                problems.set(found);
                // The summary renders on the next frame; move focus to it so it is read out.
                focus_id_soon("form-errors");
            }
            Ok(started) => {
                problems.set(Vec::new());
                let locale = match started.feminine {
                    true => Locale::ArF,
                    false => child_locale.get_untracked(),
                };
                let (read_aloud, topics) = (read_aloud.get_untracked(), topics.get_untracked());
                starting.set(true);
                spawn_local(async move {
                    match begin(started, locale, read_aloud, &topics).await {
                        Ok(id) => {
                            // Loaded by `begin`, so this switches at once; it cannot fail.
                            let _ = i18n.choose(locale).await;
                            navigate(&format!("/booklet/{id}"));
                        }
                        Err(e) => {
                            starting.set(false);
                            // Shown above the form, where focus goes; the form keeps its words.
                            start_problem.set(Some(e.words(i18n.locale())));
                            focus_id_soon("start-problem");
                        }
                    }
                });
            }
        }
    };

    view! {
        <section class="page booklet-start">
            {move || just_saved().then(|| view! { <p class="banner success" role="status">{i18n.tr(Key::BookletSavedForLater)}</p> })}
            {move || missing().then(|| view! { <p class="banner warning" role="status">{i18n.tr(Key::BookletNotFound)}</p> })}
            <CarryOn />
            <h1 tabindex="-1">{i18n.tr(Key::BookletStartTitle)}</h1>
            <p class="lead">{i18n.tr(Key::BookletStartLead)}</p>
            <SendToday />
            <ErrorSummary problems />
            {move || start_problem.get().map(|e| view! { <p class="banner error" role="alert" id="start-problem" tabindex="-1">{e}</p> })}
            <SealedFor sealed_for />
            <form class="form" on:submit=start novalidate=true class:hidden=move || set_up() != Some(true)>
                <TextField id="child-name" label=Key::BookletName hint=Key::BookletNameHint kind="text" value=name />
                <AgeBandChoice band />
                <TextField id="dob" label=Key::BookletDateOfBirth kind="date" value=dob />
                <TakingPartChoice took_part simpler />
                <TextField id="review-date" label=Key::BookletReviewDate kind="date" value=review_date />
                <TextField id="iro-name" label=Key::BookletIroName kind="text" value=iro_name />
                <TextField id="iro-contact" label=Key::BookletIroContact hint=Key::BookletIroContactHint kind="text" value=iro_contact />
                <TextField id="case-ref" label=Key::BookletCaseReference kind="text" value=case_ref />
                <ChildLanguage locale=child_locale feminine />
                <ReadAloudOn id="read-aloud-on" label=Key::BookletReadAloudOn read_aloud />
                <HidePeople outline=chosen unticked />
                <TopicsChoice outline=chosen topics />
                <button type="submit" class="primary big" class:busy=starting>{i18n.tr(Key::BookletStartButton)}</button>
            </form>
            <p class="note"><a href="/tablet">{i18n.tr(Key::TabletLink)}</a></p>
            <p class="note"><a href="/surveys">{i18n.tr(Key::TabletSurveyTitle)}</a></p>
        </section>
    }
}

/// What the start form needs of the booklet of the band the form says so far
/// (`my_say_core::Outline`), fetched once it says one (`crate::booklets` keeps it for the start
/// button), for the people and topics the adult can choose.
/// (A signal filled by a task, not a resource: measured 1 KB less gzip on the child's load.
/// It is `my_say_ui::load` written out for one value that may be missing: through `load`, with
/// the `Option` inside flattened by a derived signal, the child's first load was 875 B larger.)
fn outline_for(band: Memo<Option<AgeBand>>) -> Signal<Option<Arc<Outline>>> {
    let outline = RwSignal::new(None::<Arc<Outline>>);
    Effect::new(move |_| {
        let chosen = band.get();
        spawn_local(async move {
            let fetched = match chosen {
                Some(b) => booklets::outline(b).await.ok(),
                None => None,
            };
            // Only if the form still says that band.
            if band.get_untracked() == chosen {
                outline.set(fetched);
            }
        });
    });
    outline.into()
}

//! The adult's screen: start a booklet for a child, or carry on with one in progress.

use super::hide_people::HidePeople;
use super::taking_part::TakingPartChoice;
use super::topics::TopicsChoice;
use crate::pages::send_today::SendToday;
use crate::pages::tablet::Recipients;
use crate::{booklets, drafts};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::calendar::{age_on, Date};
use my_say_core::seal::SetupCode;
use my_say_core::session::Draft;
use my_say_core::{AgeBand, Booklet, ChildDetails, TakingPart};
use my_say_ui::browser::focus::focus_id_soon;
use my_say_ui::browser::history::{navigate, use_address};
use my_say_ui::browser::{clock, prefs};
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{band_key, use_i18n, Key, Locale};
use std::sync::Arc;

/// The age a child born on `dob` (as the date field gives it, "YYYY-MM-DD") is today, if it
/// is a real date and not in the future. The rule is `my_say_core::calendar::age_on`.
fn age_today(dob: &str) -> Option<u32> {
    let born = Date::parse(dob).ok()?;
    age_on(born, clock::today_date())
}

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
    // The band of the booklet the child will fill in, as far as the form says yet.
    let booklet_band = Signal::derive(move || {
        let dob = dob.get();
        let own = match dob.trim() {
            "" => band.get(),
            dob => age_today(dob).map(AgeBand::from_age),
        };
        simpler.get().or(own)
    });
    // That booklet, fetched once the band is known (`crate::booklets` keeps it for the start
    // button), for the people and topics the adult can choose.
    // (Signals filled by a task, not resources: measured 1 KB less gzip on the child's load.)
    let chosen_booklet = RwSignal::new(None::<Arc<Booklet>>);
    Effect::new(move |_| {
        let band = booklet_band.get();
        spawn_local(async move {
            let booklet = match band {
                Some(b) => booklets::builtin(b).await.ok(),
                None => None,
            };
            // Only if the form still says that band.
            if booklet_band.get_untracked() == band {
                chosen_booklet.set(booklet);
            }
        });
    });
    let chosen_booklet = Signal::from(chosen_booklet);
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
    let errors = RwSignal::new(Vec::<(Key, &'static str)>::new());
    let store_error = RwSignal::new(None::<String>);

    // Read-aloud is on from the start for the youngest, unless the adult turns it off.
    Effect::new(move |_| {
        if band.get() == Some(AgeBand::FourToSix) {
            read_aloud.set(true);
        }
    });

    // Council surveys in progress are carried on from "Surveys on this tablet", not here.
    let drafts_in_progress = LocalResource::new(|| async {
        let mut list = drafts::list().await.unwrap_or_default();
        list.retain(|(_, d)| !crate::tablet::surveys::is_survey(&d.booklet_id));
        list
    });
    // A booklet can only be started once the tablet knows whom to seal the answers for; who
    // that is shows on this screen.
    let sealed_for = RwSignal::new(None::<Option<SetupCode>>);
    spawn_local(async move {
        sealed_for.set(Some(crate::tablet::recipients().await.ok().flatten()));
    });
    let set_up = move || sealed_for.get().map(|code| code.is_some());

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        let dob_value = dob.get_untracked().trim().to_owned();
        let band_from_dob = if dob_value.is_empty() {
            None
        } else {
            match age_today(&dob_value) {
                Some(age) => Some(AgeBand::from_age(age)),
                None => {
                    problems.push((Key::BookletErrorDob, "dob"));
                    None
                }
            }
        };
        if name.get_untracked().trim().is_empty() {
            problems.push((Key::BookletErrorName, "child-name"));
        }
        let chosen_band = band_from_dob.or(band.get_untracked());
        if chosen_band.is_none() && dob_value.is_empty() {
            problems.push((Key::BookletErrorBand, "band-4-6"));
        }
        // A simpler booklet is a younger band's; the child is still counted in their own band.
        if simpler
            .get_untracked()
            .zip(chosen_band)
            .is_some_and(|(s, b)| s >= b)
        {
            problems.push((Key::BookletErrorSimpler, "simpler-booklet"));
        }
        if review_date.get_untracked().trim().is_empty() {
            problems.push((Key::BookletErrorReviewDate, "review-date"));
        }
        let mut locale = child_locale.get_untracked();
        if locale == Locale::Ar {
            match feminine.get_untracked() {
                Some(true) => locale = Locale::ArF,
                Some(false) => {}
                None => problems.push((Key::BookletErrorArabicForms, "arabic-masculine")),
            }
        }
        errors.set(problems.clone());
        if !problems.is_empty() {
            // The summary renders on the next frame; move focus to it so it is read out.
            focus_id_soon("form-errors");
            return;
        }
        let Some(age_band) = chosen_band else { return };
        let optional = |s: RwSignal<String>| {
            let v = s.get_untracked().trim().to_owned();
            (!v.is_empty()).then_some(v)
        };
        let child = ChildDetails {
            name: name.get_untracked().trim().to_owned(),
            age_band: Some(age_band),
            date_of_birth: (!dob_value.is_empty()).then_some(dob_value),
            review_date: review_date.get_untracked(),
            iro_name: optional(iro_name),
            iro_contact: optional(iro_contact),
            case_reference: optional(case_ref),
            took_part: took_part.get_untracked(),
            hidden_people: unticked.get_untracked(),
        };
        let booklet_band = simpler.get_untracked().unwrap_or(age_band);
        let read_aloud_on = read_aloud.get_untracked();
        let topics_on = topics.get_untracked();
        store_error.set(None);
        // Why the booklet could not start, shown above the form, where focus goes.
        let problem = move |text: String| {
            store_error.set(Some(text));
            focus_id_soon("start-problem");
        };
        spawn_local(async move {
            // Fetched now, not with the app; if it cannot be, the form keeps what was typed.
            let Ok(booklet) = booklets::builtin(booklet_band).await else {
                let words = i18n.locale();
                return problem(format!(
                    "{} {}",
                    words.text(Key::BookletLoadFailed),
                    words.text(Key::BookletLoadFailedHint)
                ));
            };
            // The child's language too (fetched once, if not compiled in), so the booklet never
            // opens half in one language and half in another.
            if my_say_ui::i18n::load(locale).await.is_err() {
                let words = i18n.locale();
                return problem(format!(
                    "{} {}",
                    words.format(
                        Key::AppLanguageUnavailable,
                        &[("language", locale.native_name())]
                    ),
                    locale.native_try_again()
                ));
            }
            // Of the people unticked, those this booklet offers.
            let child = ChildDetails {
                hidden_people: booklet.people_to_hide(&child.hidden_people),
                ..child
            };
            let mut draft = Draft::new(
                &booklet,
                age_band,
                child,
                locale.locale_code(),
                &clock::now(),
            );
            draft.switch_on(&booklet, &topics_on, &clock::now());
            let id = match clock::random_id() {
                Ok(id) => id,
                Err(e) => return store_error.set(Some(e.to_string())),
            };
            prefs::set_read_aloud(&id, read_aloud_on);
            match drafts::save(&id, &draft).await {
                Ok(()) => {
                    // Loaded above, so this switches at once; it cannot fail.
                    let _ = i18n.choose(locale).await;
                    navigate(&format!("/booklet/{id}"));
                }
                Err(e) => store_error.set(Some(e.to_string())),
            }
        });
    };

    let text_field = move |id: &'static str,
                           label: Key,
                           hint: Option<Key>,
                           kind: &'static str,
                           value: RwSignal<String>,
                           autocomplete: &'static str| {
        let hint_id = format!("{id}-hint");
        let described = hint.map(|_| hint_id.clone());
        view! {
            <div class="field">
                <label for=id>{i18n.tr(label)}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{i18n.tr(h)}</p> })}
                <input
                    id=id
                    type=kind
                    autocomplete=autocomplete
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };

    view! {
        <section class="page booklet-start">
            <Show when=just_saved>
                <p class="banner success" role="status">{i18n.tr(Key::BookletSavedForLater)}</p>
            </Show>
            <Show when=missing>
                <p class="banner warning" role="status">{i18n.tr(Key::BookletNotFound)}</p>
            </Show>
            <Suspense fallback=|| ()>
                {move || {
                    drafts_in_progress
                        .get()
                        .filter(|d| !d.is_empty())
                        .map(|d| {
                            view! {
                                <section class="carry-on" aria-labelledby="carry-on-heading">
                                    <h2 id="carry-on-heading">{i18n.tr(Key::BookletCarryOnTitle)}</h2>
                                    <ul class="plain">
                                        {d
                                            .into_iter()
                                            .map(|(id, draft)| {
                                                let label = i18n.locale().format(Key::BookletCarryOn, &[("name", &draft.initials)]);
                                                let started = i18n.locale().format(Key::BookletStartedOn, &[("date", draft.started_at.get(..10).unwrap_or(""))]);
                                                view! {
                                                    <li>
                                                        <a class="button" href=format!("/booklet/{id}")>{label}</a>
                                                        " "
                                                        <span class="note">{started}</span>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                }}
            </Suspense>

            <h1 tabindex="-1">{i18n.tr(Key::BookletStartTitle)}</h1>
            <p class="lead">{i18n.tr(Key::BookletStartLead)}</p>
            <SendToday />

            <Show when=move || !errors.get().is_empty()>
                <div class="error-summary" id="form-errors" tabindex="-1" role="alert">
                    <h2>{i18n.tr(Key::BookletErrorsTitle)}</h2>
                    <ul>
                        {move || errors.get().into_iter().map(|(key, field)| view! {
                            <li><a href=format!("#{field}")>{i18n.tr(key)}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            {move || store_error.get().map(|e| view! { <p class="banner error" role="alert" id="start-problem" tabindex="-1">{e}</p> })}

            <Suspense fallback=|| ()>
            {move || sealed_for.get().flatten().map(|code| view! { <SealedFor code /> })}
            {move || (set_up() == Some(false)).then(|| view! {
                <div class="banner warning" role="note">
                    <p>{i18n.tr(Key::BookletNeedsSetUp)}</p>
                    <a class="button primary" href="/tablet">{i18n.tr(Key::TabletOfferTitle)}</a>
                </div>
            })}
            <form class="form" on:submit=start novalidate=true class:hidden=move || set_up() != Some(true)>
                {text_field("child-name", Key::BookletName, Some(Key::BookletNameHint), "text", name, "off")}
                <fieldset class="field">
                    <legend>{i18n.tr(Key::BookletAgeBand)}</legend>
                    <p class="hint">{i18n.tr(Key::BookletAgeBandHint)}</p>
                    <div class="band-choices">
                        {AgeBand::ALL
                            .into_iter()
                            .map(|b| {
                                let id = format!("band-{}", b.code().replace('+', "-plus"));
                                view! {
                                    <div class="option">
                                        <input
                                            type="radio"
                                            id=id.clone()
                                            name="age-band"
                                            prop:checked=move || band.get() == Some(b)
                                            on:change=move |_| band.set(Some(b))
                                        />
                                        <label for=id><span>{i18n.tr(band_key(b))}</span></label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                {text_field("dob", Key::BookletDateOfBirth, None, "date", dob, "off")}
                <TakingPartChoice took_part simpler />
                {text_field("review-date", Key::BookletReviewDate, None, "date", review_date, "off")}
                {text_field("iro-name", Key::BookletIroName, None, "text", iro_name, "off")}
                {text_field("iro-contact", Key::BookletIroContact, Some(Key::BookletIroContactHint), "text", iro_contact, "off")}
                {text_field("case-ref", Key::BookletCaseReference, None, "text", case_ref, "off")}
                <div class="field">
                    <label for="child-language">{i18n.tr(Key::BookletChildLanguage)}</label>
                    <select
                        id="child-language"
                        on:change=move |ev| {
                            if let Some(l) = Locale::from_code(&event_target_value(&ev)) {
                                child_locale.set(l);
                            }
                        }
                    >
                        {Locale::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.code() lang=l.code() selected=move || child_locale.get() == l>
                                    {l.native_name()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <Show when=move || child_locale.get() == Locale::Ar>
                    <ArabicForms feminine />
                </Show>
                <div class="option checkbox-field">
                    <input
                        type="checkbox"
                        id="read-aloud-on"
                        prop:checked=move || read_aloud.get()
                        on:change=move |ev| read_aloud.set(event_target_checked(&ev))
                    />
                    <label for="read-aloud-on"><span>{i18n.tr(Key::BookletReadAloudOn)}</span></label>
                </div>
                <HidePeople booklet=chosen_booklet unticked />
                <TopicsChoice booklet=chosen_booklet topics />
                <button type="submit" class="primary big">{i18n.tr(Key::BookletStartButton)}</button>
            </form>
            </Suspense>
            <p class="note"><a href="/tablet">{i18n.tr(Key::TabletLink)}</a></p>
            <p class="note"><a href="/surveys">{i18n.tr(Key::TabletSurveyTitle)}</a></p>
        </section>
    }
}

/// "When you finish, only these people can open your answers": who the tablet seals for, each
/// with their fingerprint, in words for the child too, and read aloud on request.
#[component]
fn SealedFor(
    /// Who the tablet seals for.
    code: SetupCode,
) -> impl IntoView {
    let i18n = use_i18n();
    let names = code
        .recipients()
        .iter()
        .map(|r| r.display_name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="card sealed-for-card" aria-labelledby="sealed-for-lead">
            <p class="sealed-for" id="sealed-for-lead">{i18n.tr(Key::BookletSealedFor)}</p>
            <Recipients code />
            <ReadAloud text=Signal::derive(move || format!("{} {names}", i18n.t(Key::BookletSealedFor))) />
        </section>
    }
}

/// Whether a booklet in Arabic speaks to the child in masculine or feminine forms (Arabic
/// addresses a boy and a girl in different words); nothing is chosen until the adult chooses.
#[component]
fn ArabicForms(
    /// The choice: `Some(true)` for feminine forms.
    feminine: RwSignal<Option<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices = [
        (false, "arabic-masculine", Key::BookletArabicMasculine),
        (true, "arabic-feminine", Key::BookletArabicFeminine),
    ];
    view! {
        <fieldset class="field">
            <legend>{i18n.tr(Key::BookletArabicForms)}</legend>
            {choices
                .into_iter()
                .map(|(f, id, key)| view! {
                    <div class="option">
                        <input
                            type="radio"
                            id=id
                            name="arabic-forms"
                            prop:checked=move || feminine.get() == Some(f)
                            on:change=move |_| feminine.set(Some(f))
                        />
                        <label for=id><span>{i18n.tr(key)}</span></label>
                    </div>
                })
                .collect_view()}
        </fieldset>
    }
}

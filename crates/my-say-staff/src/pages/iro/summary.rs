//! One child's booklet as a one-page pre-review summary, to read in two minutes or print on one
//! A4 sheet (the "summary print" rules in style/main.css). The order and grouping are
//! `my_say_core::summary`; this renders them. Opening it marks the booklet read. The IRO can
//! also delete the booklet here, after confirming.

use super::follow_ups::finished_text;
use super::{focus_id_soon, tr_format, use_active, ErrorBanner};
use crate::i18n::Key;
use crate::workspace::{follow_ups, inbox as stored};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::uk_date_of_timestamp;
use my_say_core::followup::FollowUp;
use my_say_core::summary::{
    definition_for, summarise, Summary, SummaryAnswer, SummaryItem, SummaryPart, SummaryPick,
    SummarySection,
};
use my_say_core::{CompletedBooklet, LocaleCode, TakingPart, Theme};
use my_say_ui::browser::clock;
use my_say_ui::browser::store::StoreError;
use my_say_ui::components::answer_input::value_key;
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, Locale};
use my_say_ui::load::load;
use std::collections::HashSet;

/// The heading of a summary part.
fn part_key(part: SummaryPart) -> Key {
    match part {
        SummaryPart::Agenda | SummaryPart::Theme(Theme::Agenda) => Key::IroPartAgenda,
        SummaryPart::WhoComes | SummaryPart::Theme(Theme::People | Theme::Attendance) => {
            Key::IroPartWhoComes
        }
        SummaryPart::WhereAndWhen | SummaryPart::Theme(Theme::PlaceAndTime) => {
            Key::IroPartWhereWhen
        }
        SummaryPart::BreakAndLeaving | SummaryPart::Theme(Theme::BreakAndLeaving) => {
            Key::IroPartBreak
        }
        SummaryPart::NotToDiscuss | SummaryPart::Theme(Theme::NotToDiscuss) => {
            Key::IroPartNotToDiscuss
        }
        SummaryPart::Worries | SummaryPart::Theme(Theme::Worries) => Key::IroPartWorries,
        SummaryPart::GoodNews | SummaryPart::Theme(Theme::GoodNews) => Key::IroPartGoodNews,
        SummaryPart::Theme(Theme::Chairing) => Key::IroThemeChairing,
        SummaryPart::Theme(Theme::SeeIroAlone) => Key::IroThemeSeeIroAlone,
        SummaryPart::Theme(Theme::Home) => Key::IroThemeHome,
        SummaryPart::Theme(Theme::FriendsAndFamily) => Key::IroThemeFriendsFamily,
        SummaryPart::Theme(Theme::SchoolAndHealth) => Key::IroThemeSchoolHealth,
        SummaryPart::Theme(Theme::Support) => Key::IroThemeSupport,
        SummaryPart::Theme(Theme::Plan) => Key::IroThemePlan,
        SummaryPart::Theme(Theme::LastReview) => Key::IroThemeLastReview,
        SummaryPart::Theme(Theme::BeingHeard) => Key::IroReportsHeard,
        SummaryPart::Theme(Theme::LifeStory) => Key::IroThemeLifeStory,
        SummaryPart::Theme(Theme::Other) => Key::IroThemeOther,
    }
}

/// How a child took part, in plain words.
fn took_part_key(way: TakingPart) -> Key {
    match way {
        TakingPart::OnTheirOwn => Key::IroTookPartOwn,
        TakingPart::ReadToThem => Key::IroTookPartRead,
        TakingPart::WrittenForThem => Key::IroTookPartWrite,
        TakingPart::Signed => Key::IroTookPartSigned,
        TakingPart::Symbols => Key::IroTookPartSymbols,
        TakingPart::Interpreter => Key::IroTookPartInterpreter,
    }
}

/// A stable id for a part's heading, for `aria-labelledby`.
fn part_id(part: SummaryPart) -> String {
    format!("part-{}", part_key(part).name().replace(['.', '_'], "-"))
}

/// What the summary page shows.
#[derive(Clone)]
enum Loaded {
    /// The booklet and its follow-ups.
    Found(Box<CompletedBooklet>, Vec<FollowUp>),
    /// No booklet with this id in the workspace.
    Missing,
}

/// The summary of the booklet named in the address (`booklet/<id>`).
#[component]
pub fn BookletSummary(
    /// The booklet's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let error = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<String>);
    let loaded = load(move || {
        let id = id.clone();
        async move {
            let store = active.store().await?;
            let Some(booklet) = stored::booklet(&store, &id).await? else {
                return Ok(Loaded::Missing);
            };
            let follow_ups = follow_ups::for_booklet(&store, &id).await?;
            // The summary is shown even if the read mark cannot be kept; the banner says why.
            if let Err(e) = stored::mark_read(&store, &id, &clock::now()).await {
                error.set(Some(i18n.store_error(&e)));
            }
            Ok::<_, StoreError>(Loaded::Found(Box::new(booklet), follow_ups))
        }
    });
    let heading = NodeRef::<leptos::html::H1>::new();
    // The heading appears once the booklet has loaded: focus it then, for keyboard and screen
    // reader users.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            request_animation_frame(move || {
                let _ = h.focus();
            });
        }
    });

    view! {
        <article class="summary">
            {move || {
                if let Some(name) = deleted.get() {
                    return view! {
                        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroDeletedTitle)}</h1>
                        <p class="banner success" role="status">{i18n.locale().format(Key::IroDeletedLead, &[("name", &name)])}</p>
                        <p><a class="button" href=active.href("")>{i18n.tr(Key::IroSummaryBack)}</a></p>
                    }.into_any();
                }
                match loaded.get() {
                    None => view! { <p class="note" role="status">{i18n.tr(Key::IroLoading)}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> }.into_any(),
                    Some(Ok(Loaded::Missing)) => view! {
                        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroSummaryNotFoundTitle)}</h1>
                        <p>{i18n.tr(Key::IroSummaryNotFound)}</p>
                        <p><a class="button" href=active.href("")>{i18n.tr(Key::IroSummaryBack)}</a></p>
                    }.into_any(),
                    Some(Ok(Loaded::Found(booklet, follow_ups))) => view! {
                        <SummaryPage booklet=*booklet follow_ups heading error deleted />
                    }.into_any(),
                }
            }}
        </article>
    }
}

/// The summary itself: the child, the facts, worries still open, the parts, print and delete.
#[component]
fn SummaryPage(
    /// The child's booklet.
    booklet: CompletedBooklet,
    /// Its follow-ups, to tell open worries from those already dealt with.
    follow_ups: Vec<FollowUp>,
    /// The page heading, focused when shown.
    heading: NodeRef<leptos::html::H1>,
    /// A failure to show in a banner.
    error: RwSignal<Option<String>>,
    /// Set to the child's name once the booklet is deleted.
    deleted: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let definitions = builtin_booklets();
    let definition = definition_for(&booklet, &definitions);
    let known = definition.is_some();
    let summary = summarise(&booklet, definition);
    let closed: HashSet<String> = follow_ups
        .iter()
        .filter(|f| f.is_closed())
        .map(|f| f.question_id.as_str().to_owned())
        .collect();
    let open_worries = summary
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter(|i| i.worrying && !closed.contains(i.question_id.as_str()))
        .count();
    // The earliest due date of the worries still open: the clock started when the child finished.
    let next_due = follow_ups
        .iter()
        .filter(|f| !f.is_closed())
        .map(|f| f.due_on)
        .min();
    // When the child finished, on the UK clock ("2026-11-20 18:30 UK time").
    let finished = {
        let completed_at = booklet.completed_at.clone();
        let fallback = booklet.completed_on().to_owned();
        move || {
            finished_text(&completed_at, uk_date_of_timestamp(&completed_at), i18n)
                .unwrap_or_else(|| fallback.clone())
        }
    };
    let name = booklet.child.name.clone();
    let took_part = booklet.child.took_part.clone();
    // The people the adult hid, so a missing "mum" is not read as the child's choice.
    let hidden_people = summary.hidden_people.clone();
    let fallback = summary.fallback.clone();
    let language = Locale::from_code(booklet.locale.as_str()).map_or_else(
        || booklet.locale.as_str().to_owned(),
        |l| l.native_name().to_owned(),
    );
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            if w.print().is_err() {
                error.set(Some(i18n.t(Key::IroPrintFailed).to_owned()));
            }
        }
    };

    view! {
        <header class="summary-head">
            <h1 tabindex="-1" node_ref=heading dir="auto">{tr_format(Key::IroSummaryTitle, vec![("name", name.clone())])}</h1>
            <dl class="summary-facts">
                <div><dt>{i18n.tr(Key::IroColBand)}</dt><dd>{i18n.tr(band_key(booklet.age_band))}</dd></div>
                <div><dt>{i18n.tr(Key::IroColReview)}</dt><dd>{booklet.child.review_date.clone()}</dd></div>
                <div><dt>{i18n.tr(Key::IroColFinished)}</dt><dd>{finished}</dd></div>
                <div><dt>{i18n.tr(Key::IroSummaryLanguage)}</dt><dd>{language}</dd></div>
                {booklet.child.case_reference.clone().map(|r| view! {
                    <div><dt>{i18n.tr(Key::IroSummaryCaseReference)}</dt><dd dir="auto">{r}</dd></div>
                })}
                {summary.simpler_booklet.map(|band| view! {
                    <div><dt>{i18n.tr(Key::IroSummaryBookletUsed)}</dt><dd>{move || i18n.locale().format(Key::IroSummarySimplerBooklet, &[("band", i18n.t(band_key(band)))])}</dd></div>
                })}
                {(!took_part.is_empty()).then(|| view! {
                    <div><dt>{i18n.tr(Key::IroSummaryTookPart)}</dt><dd>{move || took_part.iter().map(|w| i18n.t(took_part_key(*w))).collect::<Vec<_>>().join("; ")}</dd></div>
                })}
                {(!hidden_people.is_empty()).then(|| view! {
                    <div><dt>{i18n.tr(Key::IroSummaryHiddenPeople)}</dt><dd dir="auto">{move || hidden_people.iter().map(|t| t.get(&i18n.locale().locale_code(), &fallback).to_owned()).collect::<Vec<_>>().join("; ")}</dd></div>
                })}
            </dl>
        </header>
        <ErrorBanner error />
        {(open_worries > 0).then(|| view! {
            <p class="banner warning summary-worries">
                <strong>{tr_format(Key::IroSummaryOpenWorries, vec![("count", open_worries.to_string())])}</strong>
                {next_due.map(|due| view! { " " {tr_format(Key::IroSummaryDue, vec![("due", due.to_string())])} })}
                " "
                <a class="no-print" href=active.href("follow-ups")>{i18n.tr(Key::IroSummaryGoFollowUps)}</a>
            </p>
        })}
        {(!known).then(|| view! { <p class="banner info">{i18n.tr(Key::IroSummaryUnknownBooklet)}</p> })}
        <div class="summary-actions no-print">
            <button type="button" class="primary" on:click=print>{i18n.tr(Key::IroSummaryPrint)}</button>
            <a class="button" href=active.href("")>{i18n.tr(Key::IroSummaryBack)}</a>
        </div>
        <SummaryParts summary closed />
        <DeleteBooklet id=booklet.id.clone() name deleted error />
    }
}

/// The summary's parts: the agenda and then worries and good news in full width; the practical
/// plan between them and the rest by theme at the end in two columns where there is room (and
/// on paper).
#[component]
fn SummaryParts(
    /// The summary.
    summary: Summary,
    /// The question ids whose follow-up is closed.
    closed: HashSet<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Four runs, each its own block: the agenda; the practical plan (who, where and when, a
    // break and leaving, not to talk about), two columns where there is room and on paper;
    // worries and good news; and the rest by theme, two columns likewise.
    let mut runs: [Vec<SummarySection>; 4] = Default::default();
    for section in summary.sections {
        let run = match section.part {
            SummaryPart::Agenda => 0,
            SummaryPart::WhoComes
            | SummaryPart::WhereAndWhen
            | SummaryPart::BreakAndLeaving
            | SummaryPart::NotToDiscuss => 1,
            SummaryPart::Worries | SummaryPart::GoodNews => 2,
            SummaryPart::Theme(_) => 3,
        };
        runs[run].push(section);
    }
    let fallback = summary.fallback;
    let part = move |s: SummarySection| {
        let id = part_id(s.part);
        let labelled_by = id.clone();
        let items = s.items;
        let fallback = fallback.clone();
        let closed = closed.clone();
        view! {
            <section class="summary-part" class:part-worries=s.part == SummaryPart::Worries class:part-agenda=s.part == SummaryPart::Agenda aria-labelledby=labelled_by>
                <h2 id=id>{i18n.tr(part_key(s.part))}</h2>
                <ul class="summary-items">
                    {items.into_iter().map(|item| {
                        let done = closed.contains(item.question_id.as_str());
                        view! { <SummaryRow item fallback=fallback.clone() followed_up=done /> }
                    }).collect_view()}
                </ul>
            </section>
        }
    };
    let [agenda, plan, worries, rest] = runs;
    let columns = |class: &'static str, sections: Vec<SummarySection>| {
        let part = part.clone();
        (!sections.is_empty()).then(
            || view! { <div class=class>{sections.into_iter().map(part).collect_view()}</div> },
        )
    };
    view! {
        {agenda.into_iter().map(part.clone()).collect_view()}
        {columns("summary-columns summary-plan", plan)}
        {worries.into_iter().map(part.clone()).collect_view()}
        {columns("summary-columns summary-rest", rest)}
    }
}

/// One question and the child's answer; a worrying answer is marked in words, not colour alone.
#[component]
fn SummaryRow(
    /// The question and answer.
    item: SummaryItem,
    /// The booklet's fallback language.
    fallback: LocaleCode,
    /// Whether the worry this answer raised has been closed.
    followed_up: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let worrying = item.worrying;
    let question = item.question.clone();
    let fallback_q = fallback.clone();
    view! {
        <li class="summary-item" class:worrying=worrying>
            <p class="summary-q">
                {worrying.then(|| view! {
                    <span class="worry-mark">{i18n.tr(if followed_up { Key::IroSummaryWorryDone } else { Key::IroSummaryWorry })}</span>
                    " "
                })}
                {move || question.get(&i18n.locale().locale_code(), &fallback_q).to_owned()}
            </p>
            {move || answer_view(&item.answer, item.ordered, i18n.locale(), &fallback)}
        </li>
    }
}

/// One picked item in words: built-in values from the UI wording, options from the booklet,
/// the child's own additions as a quotation.
fn pick_view(pick: &SummaryPick, locale: Locale, fallback: &LocaleCode) -> AnyView {
    match pick {
        SummaryPick::Value(v) => value_key(v)
            .map_or_else(|| v.clone(), |k| locale.text(k).to_owned())
            .into_any(),
        SummaryPick::Option(label) => label
            .get(&locale.locale_code(), fallback)
            .to_owned()
            .into_any(),
        SummaryPick::Own(words) => {
            view! { <q class="own-words" dir="auto">{words.clone()}</q> }.into_any()
        }
    }
}

/// An answer as the summary shows it: unanswered and "I'd rather not say" in words of their
/// own, several picks as a list (numbered when the child put them in order).
pub(super) fn answer_view(
    answer: &SummaryAnswer,
    ordered: bool,
    locale: Locale,
    fallback: &LocaleCode,
) -> AnyView {
    match answer {
        SummaryAnswer::Unanswered => view! {
            <p class="summary-a unanswered">{locale.text(Key::IroSummaryUnanswered)}</p>
        }
        .into_any(),
        SummaryAnswer::RatherNotSay => view! {
            <p class="summary-a rather-not-say">{locale.text(Key::FillRatherNotSay)}</p>
        }
        .into_any(),
        SummaryAnswer::Words(words) => view! {
            <p class="summary-a own-words" dir="auto">{words.clone()}</p>
        }
        .into_any(),
        SummaryAnswer::Picks(picks) if ordered => view! {
            <ol class="summary-a picks">
                {picks.iter().map(|p| view! { <li>{pick_view(p, locale, fallback)}</li> }).collect_view()}
            </ol>
        }
        .into_any(),
        SummaryAnswer::Picks(picks) if picks.len() == 1 => view! {
            <p class="summary-a">{pick_view(&picks[0], locale, fallback)}</p>
        }
        .into_any(),
        SummaryAnswer::Picks(picks) => view! {
            <ul class="summary-a picks inline">
                {picks.iter().map(|p| view! { <li>{pick_view(p, locale, fallback)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

/// Deleting this booklet from the device, with its follow-ups and read mark, after a
/// confirmation that says what goes.
#[component]
fn DeleteBooklet(
    /// The booklet's id.
    id: String,
    /// The child's name, to say whose booklet goes.
    name: String,
    /// Set to the child's name once deleted.
    deleted: RwSignal<Option<String>>,
    /// Where a storage failure is shown.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let lead = tr_format(Key::IroDeleteLead, vec![("name", name.clone())]);
    let delete = move |_| {
        let (id, name) = (id.clone(), name.clone());
        busy.set(true);
        spawn_local(async move {
            let result = match active.store().await {
                Ok(store) => stored::delete_booklet(&store, &id).await,
                Err(e) => Err(e),
            };
            busy.set(false);
            match result {
                Ok(()) => deleted.set(Some(name)),
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };
    Effect::new(move |was: Option<bool>| {
        let now = confirming.get();
        if now && was == Some(false) {
            focus_id_soon("delete-confirm");
        }
        now
    });

    view! {
        <section class="card delete-booklet no-print" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{i18n.tr(Key::IroDeleteTitle)}</h2>
            <p>{lead}</p>
            {move || if !confirming.get() {
                view! {
                    <button type="button" id="delete-booklet" on:click=move |_| confirming.set(true)>{i18n.tr(Key::IroDeleteButton)}</button>
                }.into_any()
            } else { view! {
                <div class="confirm" id="delete-confirm" tabindex="-1" role="group" aria-labelledby="delete-confirm-question">
                    <p id="delete-confirm-question"><strong>{i18n.tr(Key::IroDeleteConfirmQuestion)}</strong></p>
                    <div class="row">
                        <button type="button" class="danger" disabled=busy on:click=delete.clone()>{i18n.tr(Key::IroDeleteConfirm)}</button>
                        <button type="button" on:click=move |_| {
                            confirming.set(false);
                            focus_id_soon("delete-booklet");
                        }>{i18n.tr(Key::IroDeleteCancel)}</button>
                    </div>
                </div>
            }.into_any() }}
        </section>
    }
}

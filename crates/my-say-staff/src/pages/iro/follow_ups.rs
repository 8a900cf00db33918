//! Follow-ups: every worrying answer, overdue ones first and highlighted, then open, then
//! closed. The IRO records what was done (explored with the child or the social worker, action
//! taken, no further action) with a note and a date; the closing rule is
//! `my_say_core::followup`. Each follow-up says when the child finished the booklet, which its
//! due date counts from; answers that arrived already overdue are counted at the top. The list
//! downloads as CSV, and the bank holidays that due dates skip are edited here.

use super::summary::answer_view;
use super::{
    focus_id_soon, focus_when_shown, tr_format, use_active, ErrorBanner, ErrorSummary, Field,
    Problems,
};
use crate::i18n::Key;
use crate::workspace::follow_ups::{self, RecordError};
use crate::workspace::{self, settings};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::{default_bank_holidays, parse_date_list, uk_time_of_timestamp, Date};
use my_say_core::export::follow_ups_csv;
use my_say_core::followup::{
    overdue_counts, FollowUp, FollowUpAction, FollowUpActionKind, FollowUpError, FollowUpStatus,
    OverdueCounts,
};
use my_say_core::inbox::sort_follow_ups;
use my_say_core::summary::{definition_for, summarise};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::StoreError;
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::use_i18n;
use my_say_ui::load::load;
use std::collections::HashMap;
use std::sync::Arc;

/// The wording of what the IRO did.
pub(super) fn action_key(kind: FollowUpActionKind) -> Key {
    match kind {
        FollowUpActionKind::ExploredWithChild => Key::IroActionExploredWithChild,
        FollowUpActionKind::ExploredWithSocialWorker => Key::IroActionExploredWithSocialWorker,
        FollowUpActionKind::ActionTaken => Key::IroActionActionTaken,
        FollowUpActionKind::NoFurtherAction => Key::IroActionNoFurtherAction,
    }
}

/// The wording of a status.
fn status_key(status: FollowUpStatus) -> Key {
    match status {
        FollowUpStatus::Overdue => Key::IroStatusOverdue,
        FollowUpStatus::Open => Key::IroStatusOpen,
        FollowUpStatus::Closed => Key::IroStatusClosed,
    }
}

/// How many follow-ups are overdue, and how many of those arrived overdue (the child finished
/// more than two working days before the answers came in); nothing when none is overdue.
#[component]
pub(super) fn OverdueNotice(
    /// The counts (`my_say_core::followup::overdue_counts`).
    #[prop(into)]
    counts: Signal<OverdueCounts>,
    /// Whether to link to the follow-ups page (not on the page itself).
    #[prop(optional)]
    link: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    move || {
        let c = counts.get();
        (c.overdue > 0).then(|| {
            let overdue = c.overdue.to_string();
            let text = if c.arrived_overdue > 0 {
                i18n.locale().format(
                    Key::IroOverdueArrived,
                    &[("overdue", &overdue), ("arrived", &c.arrived_overdue.to_string())],
                )
            } else {
                i18n.locale().format(Key::IroOverdueCount, &[("overdue", &overdue)])
            };
            view! {
                <p class="banner warning overdue-notice" role="status">
                    {text}
                    {link.then(|| view! {
                        " "<a href=active.href("follow-ups")>{i18n.tr(Key::IroSummaryGoFollowUps)}</a>
                    })}
                </p>
            }
        })
    }
}

/// "2026-11-20 18:30 UK time" for a booklet's finishing timestamp, or its UK day alone when the
/// time cannot be read.
pub(super) fn finished_text(
    completed_at: &str,
    completed_on: Option<Date>,
    i18n: my_say_ui::i18n::I18n,
) -> Option<String> {
    match uk_time_of_timestamp(completed_at) {
        Some(t) => Some(
            i18n.locale()
                .format(Key::IroUkTime, &[("time", &t.to_string())]),
        ),
        None => completed_on.map(|d| d.to_string()),
    }
}

/// An id for a follow-up's card that is safe in HTML ids (follow-up ids hold a "/").
fn card_id(f: &FollowUp) -> String {
    format!("fu-{}", f.id().replace(['/', ' '], "-"))
}

/// The follow-ups page.
#[component]
pub fn FollowUps() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    // Bumped after the bank holidays change (due dates move), to load everything again.
    let version = RwSignal::new(0u32);
    let loaded = load(move || {
        version.track();
        async move {
            let store = active.store().await?;
            let booklets = workspace::booklets(&store).await?;
            // A booklet that came in without its follow-ups (kept by an older version of My
            // Say, say) gets them now, opened today; those already here are left as they are.
            follow_ups::open_for(&store, &booklets, clock::today_date()).await?;
            let list = follow_ups::all(&store).await?;
            Ok::<_, StoreError>((list, booklets))
        }
    });

    view! {
        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroFollowUpsTitle)}</h1>
        <p class="lead">{i18n.tr(Key::IroFollowUpsLead)}</p>
        {move || loaded.get().map(|result| match result {
            Err(e) => view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> }.into_any(),
            Ok((list, booklets)) => view! { <FollowUpList list booklets /> }.into_any(),
        })}
        <BankHolidays on_saved=Callback::new(move |_| version.update(|v| *v += 1)) />
    }
}

/// What a follow-up's card needs about its booklet: the child, and the question and answer.
#[derive(Clone)]
struct Context {
    /// The child's name.
    child: String,
    /// The child's age band.
    band: my_say_core::AgeBand,
    /// The booklet's id, for the link to its summary.
    booklet_id: String,
    /// The question and the child's answer, as the summary shows them.
    item: Option<my_say_core::summary::SummaryItem>,
    /// The booklet's fallback language.
    fallback: my_say_core::LocaleCode,
    /// When the child finished the booklet (its `completed_at` timestamp).
    completed_at: String,
}

/// Each follow-up's context, by follow-up id. Follow-ups whose booklet is gone have none.
fn contexts(list: &[FollowUp], booklets: &[CompletedBooklet]) -> HashMap<String, Arc<Context>> {
    let definitions = builtin_booklets();
    let by_id: HashMap<&str, &CompletedBooklet> =
        booklets.iter().map(|b| (b.id.as_str(), b)).collect();
    // One summary per booklet, however many worries it has.
    let mut summaries = HashMap::new();
    let mut out = HashMap::new();
    for f in list {
        let Some(b) = by_id.get(f.booklet_id.as_str()) else {
            continue;
        };
        let summary = summaries
            .entry(b.id.as_str())
            .or_insert_with(|| summarise(b, definition_for(b, &definitions)));
        let item = summary
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.question_id == f.question_id)
            .cloned();
        out.insert(
            f.id(),
            Arc::new(Context {
                child: b.child.name.clone(),
                band: b.age_band,
                booklet_id: b.id.clone(),
                item,
                fallback: summary.fallback.clone(),
                completed_at: b.completed_at.clone(),
            }),
        );
    }
    out
}

/// The follow-ups grouped by status, the form to record what was done, and the CSV download.
#[component]
fn FollowUpList(
    /// Every follow-up.
    list: Vec<FollowUp>,
    /// Every booklet, for the child's name, the question and the answer.
    booklets: Vec<CompletedBooklet>,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = clock::today_date();
    let context = Arc::new(contexts(&list, &booklets));
    let list = RwSignal::new(list);
    // The follow-up whose form is open (one at a time).
    let editing = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);
    let booklets = Arc::new(booklets);

    let on_saved = Callback::new(move |f: FollowUp| {
        let id = f.id();
        let message = if f.is_closed() {
            Key::IroRecordSavedClosed
        } else {
            Key::IroRecordSaved
        };
        list.update(|l| {
            if let Some(old) = l.iter_mut().find(|x| x.id() == id) {
                *old = f;
            }
        });
        editing.set(None);
        saved.set(Some(i18n.t(message).to_owned()));
        focus_id_soon("follow-ups-saved");
    });

    let download = {
        let booklets = booklets.clone();
        move |_| {
            let csv = list.with(|l| follow_ups_csv(l, &booklets, today));
            let name = format!("my-say-follow-ups-{today}.csv");
            match files::download(csv.as_bytes(), &name, "text/csv;charset=utf-8") {
                Ok(()) => downloaded.set(Some(name)),
                Err(e) => error.set(Some(e)),
            }
        }
    };

    let group = move |status: FollowUpStatus| {
        let context = context.clone();
        let heading_id = format!("follow-ups-{}", status.code());
        let members = Memo::new(move |_| {
            list.with(|l| {
                let mut v: Vec<FollowUp> = l
                    .iter()
                    .filter(|f| f.status(today) == status)
                    .cloned()
                    .collect();
                sort_follow_ups(&mut v, today);
                v
            })
        });
        view! {
            {move || members.with(|m| !m.is_empty()).then(|| view! {
                <section class=format!("follow-up-group group-{}", status.code()) aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{move || i18n.locale().format(match status {
                        FollowUpStatus::Overdue => Key::IroFollowUpsOverdue,
                        FollowUpStatus::Open => Key::IroFollowUpsOpen,
                        FollowUpStatus::Closed => Key::IroFollowUpsClosed,
                    }, &[("count", &members.with(Vec::len).to_string())])}</h2>
                    <ul class="follow-up-list">
                        {
                            let context = context.clone();
                            move || members.get().into_iter().map(|f| {
                                let ctx = context.get(&f.id()).cloned();
                                view! { <FollowUpCard follow_up=f context=ctx today editing on_saved /> }
                            }).collect_view()
                        }
                    </ul>
                </section>
            })}
        }
    };

    view! {
        <OverdueNotice counts=Signal::derive(move || list.with(|l| overdue_counts(l, today))) />
        <ErrorBanner error />
        <p class="banner success follow-ups-saved" id="follow-ups-saved" tabindex="-1" role="status" class:hidden=move || saved.with(Option::is_none)>
            {saved}
        </p>
        {move || if list.with(|l| !l.is_empty()) { view! {
            <p class="follow-ups-summary">{move || {
                let (overdue, open) = list.with(|l| (
                    l.iter().filter(|f| f.status(today) == FollowUpStatus::Overdue).count(),
                    l.iter().filter(|f| f.status(today) == FollowUpStatus::Open).count(),
                ));
                i18n.locale().format(Key::IroFollowUpsCounts, &[("overdue", &overdue.to_string()), ("open", &open.to_string())])
            }}</p>
        }.into_any() } else {
            view! { <p class="note">{i18n.tr(Key::IroFollowUpsNone)}</p> }.into_any()
        }}
        {group(FollowUpStatus::Overdue)}
        {group(FollowUpStatus::Open)}
        {group(FollowUpStatus::Closed)}
        <section class="card" aria-labelledby="follow-ups-export-heading">
            <h2 id="follow-ups-export-heading">{i18n.tr(Key::IroFollowUpsExportTitle)}</h2>
            <p>{i18n.tr(Key::IroFollowUpsExportLead)}</p>
            <button type="button" on:click=download>{i18n.tr(Key::IroFollowUpsExport)}</button>
            <p class="download-note" role="status">
                {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
            </p>
        </section>
    }
}

/// One follow-up: the child, the question and answer, the dates, what was done, and the form
/// to record more.
#[component]
fn FollowUpCard(
    /// The follow-up.
    follow_up: FollowUp,
    /// Its booklet's child, question and answer (`None` if the booklet is gone).
    context: Option<Arc<Context>>,
    /// Today, for overdue.
    today: Date,
    /// The follow-up whose form is open.
    editing: RwSignal<Option<String>>,
    /// Called with the follow-up after an action is recorded.
    on_saved: Callback<FollowUp>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let status = follow_up.status(today);
    let id = follow_up.id();
    let card = card_id(&follow_up);
    let heading_id = format!("{card}-heading");
    let record_id = format!("{card}-record");
    let return_to = record_id.clone();
    let labelled_by = heading_id.clone();
    let described_by = heading_id.clone();
    let is_editing = {
        let id = id.clone();
        move || editing.with(|e| e.as_deref() == Some(id.as_str()))
    };
    let child = context
        .as_ref()
        .map_or_else(|| follow_up.booklet_id.clone(), |c| c.child.clone());
    let href = context
        .as_ref()
        .map(|c| active.href(&format!("booklet/{}", c.booklet_id)));
    let question = {
        let context = context.clone();
        let fallback_id = follow_up.question_id.as_str().to_owned();
        move || {
            context
                .as_ref()
                .and_then(|c| {
                    c.item.as_ref().map(|i| {
                        i.question
                            .get(&i18n.locale().locale_code(), &c.fallback)
                            .to_owned()
                    })
                })
                .unwrap_or_else(|| fallback_id.clone())
        }
    };
    let answer = {
        let context = context.clone();
        move || {
            context.as_ref().and_then(|c| {
                c.item
                    .as_ref()
                    .map(|i| answer_view(&i.answer, i.ordered, i18n.locale(), &c.fallback))
            })
        }
    };
    let band = context.as_ref().map(|c| c.band);
    let closed = follow_up.closed;
    let actions = follow_up.actions.clone();
    let opened_on = follow_up.opened_on;
    let due_on = follow_up.due_on;
    let completed_at = context
        .as_ref()
        .map(|c| c.completed_at.clone())
        .unwrap_or_default();
    let completed_on = follow_up.completed_on;
    let finished = move || {
        finished_text(&completed_at, completed_on, i18n).map(|when| {
            i18n.locale()
                .format(Key::IroFollowUpFinished, &[("finished", &when)])
        })
    };
    let open_form = {
        let id = id.clone();
        move |_| {
            editing.set(Some(id.clone()));
            focus_id_soon("record-kind-legend");
        }
    };

    view! {
        <li class=format!("follow-up status-{}", status.code()) id=card.clone()>
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id>
                    <span class="status-mark">{i18n.tr(status_key(status))}</span>
                    " "
                    {match href {
                        Some(h) => view! { <a href=h dir="auto">{child.clone()}</a> }.into_any(),
                        None => view! { <span dir="auto">{child.clone()}</span> }.into_any(),
                    }}
                    {band.map(|b| view! { <span class="follow-up-band">" · "{i18n.tr(band_key(b))}</span> })}
                </h3>
                <div class="follow-up-question">
                    <p class="summary-q">{question}</p>
                    {answer}
                </div>
                <p class="follow-up-finished">{finished}</p>
                <p class="follow-up-dates">
                    {tr_format(Key::IroFollowUpDates, vec![("opened", opened_on.to_string()), ("due", due_on.to_string())])}
                    {closed.map(|c| view! {
                        " "
                        <strong>{tr_format(Key::IroFollowUpClosedOn, vec![("date", c.on.to_string()), ("how", i18n.t(action_key(c.by)).to_owned())])}</strong>
                    })}
                </p>
                {(!actions.is_empty()).then(|| view! {
                    <ul class="follow-up-log">
                        {actions.into_iter().map(|a| view! {
                            <li>
                                <span class="log-date">{a.date.to_string()}</span>" "
                                <strong>{i18n.tr(action_key(a.kind))}</strong>
                                {(!a.note.trim().is_empty()).then(|| view! { ": " <span dir="auto">{a.note.clone()}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                <Show
                    when=is_editing.clone()
                    fallback=move || view! {
                        <button type="button" id=record_id.clone() aria-describedby=described_by.clone() on:click=open_form.clone()>{i18n.tr(Key::IroRecordButton)}</button>
                    }
                >
                    <RecordForm id=id.clone() opened_on today editing on_saved return_to=return_to.clone() />
                </Show>
            </article>
        </li>
    }
}

/// Records one step: what was done, a note and the date (today unless changed).
#[component]
fn RecordForm(
    /// The follow-up's id.
    id: String,
    /// The day it was opened; steps cannot be dated before it.
    opened_on: Date,
    /// Today, the date offered.
    today: Date,
    /// The follow-up whose form is open; cleared by Cancel.
    editing: RwSignal<Option<String>>,
    /// Called with the follow-up after the step is kept.
    on_saved: Callback<FollowUp>,
    /// The id of the button that opened the form, which gets focus back on Cancel.
    return_to: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let kind = RwSignal::new(None::<FollowUpActionKind>);
    let note = RwSignal::new(String::new());
    let date = RwSignal::new(today.to_string());
    let problems: Problems = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let store_error = RwSignal::new(None::<String>);
    let problem = move |field: &'static str| {
        Signal::derive(move || {
            problems
                .get()
                .iter()
                .find(|(_, f)| *f == field)
                .map(|(k, _)| *k)
        })
    };
    let kind_error = problem("record-kind-0");
    let note_error = problem("record-note");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let chosen = kind.get_untracked();
        if chosen.is_none() {
            found.push((Key::IroErrorActionKind, "record-kind-0"));
        }
        let text = note.get_untracked();
        if chosen.is_some_and(FollowUpActionKind::closes) && text.trim().is_empty() {
            found.push((Key::IroErrorNoteRequired, "record-note"));
        }
        let day = Date::parse(date.get_untracked().trim());
        match day {
            Err(_) => found.push((Key::IroErrorActionDate, "record-date")),
            Ok(d) if d < opened_on => found.push((Key::IroErrorBeforeOpened, "record-date")),
            Ok(_) => {}
        }
        problems.set(found.clone());
        let (Some(kind), Ok(day), true) = (chosen, day, found.is_empty()) else {
            focus_id_soon("record-errors");
            return;
        };
        let id = id.clone();
        busy.set(true);
        spawn_local(async move {
            let result = match active.store().await {
                Ok(store) => {
                    follow_ups::record(
                        &store,
                        &id,
                        FollowUpAction {
                            kind,
                            note: text.trim().to_owned(),
                            date: day,
                        },
                    )
                    .await
                }
                Err(e) => Err(RecordError::Store(e)),
            };
            busy.set(false);
            match result {
                Ok(f) => on_saved.run(f),
                Err(RecordError::Rule(FollowUpError::NoteRequired)) => {
                    problems.set(vec![(Key::IroErrorNoteRequired, "record-note")]);
                    focus_id_soon("record-errors");
                }
                Err(RecordError::Rule(FollowUpError::BeforeOpened { .. })) => {
                    problems.set(vec![(Key::IroErrorBeforeOpened, "record-date")]);
                    focus_id_soon("record-errors");
                }
                Err(e) => store_error.set(Some(e.to_string())),
            }
        });
    };
    let date_error = problem("record-date");

    view! {
        <form class="form record-form" novalidate on:submit=submit>
            <ErrorSummary id="record-errors" problems />
            <ErrorBanner error=store_error />
            <fieldset class="field" class:has-error=move || kind_error.get().is_some()>
                <legend id="record-kind-legend" tabindex="-1">{i18n.tr(Key::IroRecordKind)}</legend>
                {move || kind_error.get().map(|k| view! { <p class="field-error" id="record-kind-error">{i18n.tr(k)}</p> })}
                <div class="answers record-kinds">
                    {FollowUpActionKind::ALL.into_iter().enumerate().map(|(n, k)| {
                        let input_id = format!("record-kind-{n}");
                        view! {
                            <div class="option">
                                <input
                                    type="radio"
                                    name="record-kind"
                                    id=input_id.clone()
                                    value=k.code()
                                    aria-describedby=move || kind_error.get().map(|_| "record-kind-error")
                                    prop:checked=move || kind.get() == Some(k)
                                    on:change=move |_| kind.set(Some(k))
                                />
                                <label for=input_id>{i18n.tr(action_key(k))}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field" class:has-error=move || note_error.get().is_some()>
                <label for="record-note">{i18n.tr(Key::IroRecordNote)}</label>
                <p class="hint" id="record-note-hint">{i18n.tr(Key::IroRecordNoteHint)}</p>
                {move || note_error.get().map(|k| view! { <p class="field-error" id="record-note-error">{i18n.tr(k)}</p> })}
                <textarea
                    id="record-note"
                    rows="4"
                    dir="auto"
                    aria-invalid=move || note_error.get().is_some().then_some("true")
                    aria-describedby=move || if note_error.get().is_some() { "record-note-hint record-note-error" } else { "record-note-hint" }
                    prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </div>
            <Field id="record-date" label=Key::IroRecordDate hint=Key::IroRecordDateHint kind="date" autocomplete="off" value=date error=date_error />
            <div class="row form-buttons">
                <button type="submit" class="primary" disabled=busy>{i18n.tr(Key::IroRecordSave)}</button>
                <button type="button" on:click=move |_| {
                    editing.set(None);
                    focus_id_soon(return_to.clone());
                }>{i18n.tr(Key::IroRecordCancel)}</button>
            </div>
        </form>
    }
}

/// The bank holidays that due dates skip: one date per line, checked line by line; saving moves
/// the due dates of open follow-ups.
#[component]
fn BankHolidays(
    /// Called after the list is saved.
    on_saved: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(usize, String)>::new());
    let saved = RwSignal::new(None::<(usize, usize)>);
    let error = RwSignal::new(None::<String>);
    // Bumped after saving, so the warning about years from the rules is checked again.
    let checked = RwSignal::new(0u32);
    let as_text = |dates: &[Date]| {
        dates
            .iter()
            .map(Date::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    spawn_local(async move {
        let result = match active.store().await {
            Ok(store) => settings::bank_holidays(&store).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(dates) => text.set(as_text(&dates)),
            Err(e) => error.set(Some(i18n.store_error(&e))),
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        match parse_date_list(&text.get_untracked()) {
            Err(bad) => {
                errors.set(bad.into_iter().map(|(line, e)| (line, e.0)).collect());
                focus_id_soon("bank-holidays");
            }
            Ok(dates) => {
                errors.set(Vec::new());
                let count = dates.len();
                text.set(as_text(&dates));
                spawn_local(async move {
                    let result = match active.store().await {
                        Ok(store) => settings::set_bank_holidays(&store, dates).await,
                        Err(e) => Err(e),
                    };
                    match result {
                        Ok(moved) => {
                            saved.set(Some((count, moved)));
                            checked.update(|v| *v += 1);
                            on_saved.run(());
                        }
                        Err(e) => error.set(Some(i18n.store_error(&e))),
                    }
                });
            }
        }
    };
    let described = move || {
        if errors.with(Vec::is_empty) {
            "bank-holidays-hint"
        } else {
            "bank-holidays-hint bank-holidays-error"
        }
    };

    view! {
        <section class="card" aria-labelledby="holidays-heading">
            <h2 id="holidays-heading">{i18n.tr(Key::IroHolidaysTitle)}</h2>
            <p>{i18n.tr(Key::IroHolidaysLead)}</p>
            <super::settings::DueDateRules version=checked />
            <ErrorBanner error />
            <form class="form" novalidate on:submit=save>
                <div class="field" class:has-error=move || !errors.with(Vec::is_empty)>
                    <label for="bank-holidays">{i18n.tr(Key::IroHolidaysLabel)}</label>
                    <p class="hint" id="bank-holidays-hint">{i18n.tr(Key::IroHolidaysHint)}</p>
                    {move || (!errors.with(Vec::is_empty)).then(|| view! {
                        <ul class="field-error" id="bank-holidays-error">
                            {move || errors.get().into_iter().map(|(line, bad)| view! {
                                <li>{i18n.locale().format(Key::IroErrorHoliday, &[("line", &line.to_string()), ("text", &bad)])}</li>
                            }).collect_view()}
                        </ul>
                    })}
                    <textarea
                        id="bank-holidays"
                        rows="8"
                        spellcheck="false"
                        aria-invalid=move || (!errors.with(Vec::is_empty)).then_some("true")
                        aria-describedby=described
                        prop:value=text
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <div class="row form-buttons">
                    <button type="submit" class="primary">{i18n.tr(Key::IroHolidaysSave)}</button>
                    <button type="button" on:click=move |_| text.set(as_text(&default_bank_holidays()))>{i18n.tr(Key::IroHolidaysReset)}</button>
                </div>
                <p class="download-note" role="status">
                    {move || saved.get().map(|(count, moved)| i18n.locale().format(Key::IroHolidaysSaved, &[("count", &count.to_string()), ("moved", &moved.to_string())]))}
                </p>
            </form>
        </section>
    }
}

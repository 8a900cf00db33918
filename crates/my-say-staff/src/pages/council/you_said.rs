//! "You said, we did" for a council survey: the council writes each thing children said (about
//! a theme, a question or something else) and what was done about it, several dated actions
//! each, done, ongoing (a promise kept) or planned, each able to record later whether it made
//! a difference ([`review`]); sees what to fix before printing as they type, each problem linking
//! to its field; prints the poster on one A4 page (the "poster print" rules in style/main.css)
//! and downloads it as CSV. Saved to the workspace after every change.
//!
//! The table, its rules and the poster's content are `my_say_core::survey::you_said`; this page
//! words them in the reader's language and lays them out.

use super::results::{
    focus_heading_when_shown, survey_title, SaveNote, Saver, SurveyTabs, WithSurvey,
};
use crate::i18n::Key;
use crate::pages::iro::{focus_id_soon, use_active, ErrorBanner};
use crate::workspace::surveys::StoredSurvey;
use leptos::prelude::*;
use my_say_core::calendar::Date;
use my_say_core::survey::{
    About, ActionStatus, Poster, ThemeBook, WeDid, YouSaidIssue, YouSaidProblem, YouSaidWeDid,
};
use my_say_core::Booklet;
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::{use_i18n, Locale};
use std::rc::Rc;
use std::sync::Arc;

mod review;
use review::{ReviewEditor, ReviewLine};

/// The months' names, January first.
const MONTHS: [Key; 12] = [
    Key::YouSaidMonth01,
    Key::YouSaidMonth02,
    Key::YouSaidMonth03,
    Key::YouSaidMonth04,
    Key::YouSaidMonth05,
    Key::YouSaidMonth06,
    Key::YouSaidMonth07,
    Key::YouSaidMonth08,
    Key::YouSaidMonth09,
    Key::YouSaidMonth10,
    Key::YouSaidMonth11,
    Key::YouSaidMonth12,
];

/// A date as a reader writes it: "14 March 2026", "14 Mawrth 2026".
pub(crate) fn long_date(date: Date, locale: Locale) -> String {
    let month = MONTHS[(date.month() as usize).clamp(1, 12) - 1];
    locale.format(
        Key::YouSaidDate,
        &[
            ("day", &date.day().to_string()),
            ("month", locale.text(month)),
            ("year", &date.year().to_string()),
        ],
    )
}

/// A problem in the reader's language.
pub(crate) fn problem_text(p: &YouSaidProblem, locale: Locale) -> String {
    let entry = p.entry.unwrap_or(0).to_string();
    let action = p.action.unwrap_or(0).to_string();
    let (key, date) = match p.kind {
        YouSaidIssue::NoTitle => (Key::YouSaidProblemNoTitle, None),
        YouSaidIssue::TitleTooLong => (Key::YouSaidProblemTitleLong, None),
        YouSaidIssue::IntroTooLong => (Key::YouSaidProblemIntroLong, None),
        YouSaidIssue::NoEntries => (Key::YouSaidProblemNoEntries, None),
        YouSaidIssue::ThemeRemoved => (Key::YouSaidProblemThemeRemoved, None),
        YouSaidIssue::QuestionMissing => (Key::YouSaidProblemQuestionMissing, None),
        YouSaidIssue::NoSaid => (Key::YouSaidProblemNoSaid, None),
        YouSaidIssue::SaidTooLong => (Key::YouSaidProblemSaidLong, None),
        YouSaidIssue::NoActions => (Key::YouSaidProblemNoActions, None),
        YouSaidIssue::NoWhat => (Key::YouSaidProblemNoWhat, None),
        YouSaidIssue::WhatTooLong => (Key::YouSaidProblemWhatLong, None),
        YouSaidIssue::DoneInFuture(d) => (Key::YouSaidProblemDoneFuture, Some(d)),
        YouSaidIssue::PlannedInPast(d) => (Key::YouSaidProblemPlannedPast, Some(d)),
        YouSaidIssue::OngoingInFuture(d) => (Key::YouSaidProblemOngoingFuture, Some(d)),
        YouSaidIssue::ReviewOfPlanned => (Key::YouSaidProblemReviewPlanned, None),
        YouSaidIssue::NoReviewNote => (Key::YouSaidProblemReviewNoNote, None),
        YouSaidIssue::ReviewTooLong => (Key::YouSaidProblemReviewLong, None),
        YouSaidIssue::ReviewInFuture(d) => (Key::YouSaidProblemReviewFuture, Some(d)),
        YouSaidIssue::ReviewBeforeAction(d) => (Key::YouSaidProblemReviewEarly, Some(d)),
    };
    let date = date.map(|d| long_date(d, locale)).unwrap_or_default();
    locale.format(
        key,
        &[
            ("entry", &entry),
            ("action", &action),
            ("date", &date),
            ("max", "600"),
            ("title_max", "200"),
        ],
    )
}

/// The id of the field a problem is about, on this page.
pub(crate) fn problem_field(p: &YouSaidProblem, table: &YouSaidWeDid) -> String {
    let entry = p
        .entry
        .and_then(|n| table.entries().get(n.wrapping_sub(1)))
        .map(|e| e.id().to_owned());
    let action = p.action.unwrap_or(1);
    match (p.kind, entry) {
        (YouSaidIssue::NoTitle | YouSaidIssue::TitleTooLong, _) => "ysw-title".into(),
        (YouSaidIssue::IntroTooLong, _) => "ysw-intro".into(),
        (YouSaidIssue::ThemeRemoved | YouSaidIssue::QuestionMissing, Some(e)) => {
            format!("ysw-{e}-about")
        }
        (YouSaidIssue::NoSaid | YouSaidIssue::SaidTooLong, Some(e)) => format!("ysw-{e}-said"),
        (YouSaidIssue::NoActions, Some(e)) => format!("ysw-{e}-add-action"),
        (YouSaidIssue::NoWhat | YouSaidIssue::WhatTooLong, Some(e)) => {
            format!("ysw-{e}-a{action}-what")
        }
        (
            YouSaidIssue::DoneInFuture(_)
            | YouSaidIssue::PlannedInPast(_)
            | YouSaidIssue::OngoingInFuture(_),
            Some(e),
        ) => format!("ysw-{e}-a{action}-date"),
        (YouSaidIssue::ReviewOfPlanned, Some(e)) => format!("ysw-{e}-a{action}-review-yes"),
        (YouSaidIssue::NoReviewNote | YouSaidIssue::ReviewTooLong, Some(e)) => {
            format!("ysw-{e}-a{action}-review-note")
        }
        (YouSaidIssue::ReviewInFuture(_) | YouSaidIssue::ReviewBeforeAction(_), Some(e)) => {
            format!("ysw-{e}-a{action}-review-date")
        }
        _ => "ysw-add-entry".into(),
    }
}

/// A CSS class that sizes the poster's type to how much it says, so it stays on one A4 page:
/// large for a short poster, smaller as it fills up. A look back counts its words and a line
/// of its own with its label ("It made a difference (checked 14 March 2026):").
pub(crate) fn poster_size(poster: &Poster) -> &'static str {
    let chars: usize = poster
        .rows
        .iter()
        .map(|r| {
            r.said.chars().count()
                + r.about.as_ref().map_or(0, |a| a.chars().count())
                + r.we_did
                    .iter()
                    .map(|a| {
                        a.what.chars().count()
                            + 40
                            + a.review
                                .as_ref()
                                .map_or(0, |r| r.note.chars().count() + 110)
                    })
                    .sum::<usize>()
                + 120
        })
        .sum();
    match chars {
        0..=1300 => "poster-large",
        1301..=1600 => "poster-medium",
        1601..=3200 => "poster-small",
        _ => "poster-tiny",
    }
}

/// The "You said, we did" page of the survey named in the address (`surveys/:id/you-said`).
#[component]
pub fn YouSaidPage(
    /// The survey's id.
    id: String,
) -> impl IntoView {
    view! {
        <WithSurvey id class="you-said" found=|survey, _| view! { <YouSaidEditor survey /> } />
    }
}

/// Everything the editor's parts share.
#[derive(Clone, Copy)]
struct Ysw {
    /// The table as it is now.
    table: RwSignal<YouSaidWeDid>,
    /// Saves the table (call after each change).
    save: Callback<()>,
    /// Each problem's field id and words, as the table is now.
    problems: Memo<Vec<(String, String)>>,
}

impl Ysw {
    /// Changes the table and saves it.
    fn edit(self, f: impl FnOnce(&mut YouSaidWeDid)) {
        self.table.update(f);
        self.save.run(());
    }

    /// Changes one entry and saves.
    fn edit_entry(self, id: &str, f: impl FnOnce(&mut my_say_core::survey::YouSaid)) {
        self.edit(|t| {
            if let Some(e) = t.entry_mut(id) {
                f(e);
            }
        });
    }

    /// Something about one entry (reactive).
    fn entry<T: Default>(self, id: &str, f: impl FnOnce(&my_say_core::survey::YouSaid) -> T) -> T {
        self.table.with(|t| {
            t.entries()
                .iter()
                .find(|e| e.id() == id)
                .map(f)
                .unwrap_or_default()
        })
    }

    /// One action of an entry (reactive).
    fn action(self, id: &str, i: usize) -> Option<WeDid> {
        self.entry(id, |e| e.actions.get(i).cloned())
    }

    /// The problem shown at a field (reactive).
    fn problem_at(self, field: &str) -> Option<String> {
        self.problems.with(|p| {
            p.iter()
                .find(|(f, _)| f == field)
                .map(|(_, words)| words.clone())
        })
    }
}

/// The editor, the problems, the poster and its downloads.
#[component]
fn YouSaidEditor(
    /// The survey as stored.
    survey: StoredSurvey,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_heading_when_shown(heading);
    let id = survey.id().to_owned();
    let today = clock::today_date();
    let published: Option<Arc<Booklet>> = survey.published.clone().map(Arc::new);
    let themes = Arc::new(survey.themes.clone());
    let title_words = survey_title(&survey, i18n.locale());
    let table = RwSignal::new(survey.you_said.clone().unwrap_or_else(|| {
        YouSaidWeDid::new(
            &i18n
                .locale()
                .format(Key::YouSaidDefaultTitle, &[("title", &title_words)]),
            Some(&id),
        )
    }));
    let saver = Saver::new(active, id.clone());
    let save = Callback::new(move |_| {
        saver.save(Rc::new(move |s: &mut StoredSurvey| {
            s.you_said = Some(table.get_untracked());
        }))
    });
    let problems = {
        let (published, themes) = (published.clone(), themes.clone());
        Memo::new(move |_| {
            let locale = i18n.locale();
            table.with(|t| {
                t.problems(today, published.as_deref(), Some(&themes))
                    .iter()
                    .map(|p| (problem_field(p, t), problem_text(p, locale)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let ysw = Ysw {
        table,
        save,
        problems,
    };
    let heading_text = {
        let survey = survey.clone();
        move || {
            i18n.locale().format(
                Key::YouSaidTitle,
                &[("title", &survey_title(&survey, i18n.locale()))],
            )
        }
    };
    let add_entry = move |_| {
        let mut new_id = String::new();
        ysw.edit(|t| {
            new_id = t.add_entry(About::General, "");
            if let Some(e) = t.entry_mut(&new_id) {
                e.actions.push(WeDid {
                    what: String::new(),
                    date: today,
                    status: ActionStatus::Done,
                    review: None,
                });
            }
        });
        focus_id_soon(format!("ysw-{new_id}-said"));
    };

    view! {
        <h1 tabindex="-1" node_ref=heading class="no-print" dir="auto">{heading_text}</h1>
        <SurveyTabs id=id.clone() />
        <p class="lead no-print">{i18n.tr(Key::YouSaidLead)}</p>
        <ErrorBanner error=saver.error />
        <SaveNote saver />
        <form class="form ysw-form no-print" novalidate on:submit=|ev| ev.prevent_default()>
            <TextField id="ysw-title" label=Key::YouSaidPosterTitle ysw multiline=false
                value=Signal::derive(move || table.with(|t| t.title.clone()))
                set=Callback::new(move |v: String| ysw.edit(|t| t.title = v)) />
            <TextField id="ysw-intro" label=Key::YouSaidIntro ysw multiline=false
                value=Signal::derive(move || table.with(|t| t.intro.clone()))
                set=Callback::new(move |v: String| ysw.edit(|t| t.intro = v)) />
        </form>
        <Problems ysw />
        <section class="ysw-entries no-print" aria-labelledby="ysw-entries-heading">
            <h2 id="ysw-entries-heading">{i18n.tr(Key::YouSaidEntriesTitle)}</h2>
            <ol class="ysw-entry-list">
                <For
                    each=move || table.with(|t| t.entries().iter().map(|e| e.id().to_owned()).collect::<Vec<_>>())
                    key=|id| id.clone()
                    children=move |eid| view! { <EntryEditor eid ysw published=published.clone() themes=themes.clone() today /> }
                />
            </ol>
            <button type="button" id="ysw-add-entry" class="primary" on:click=add_entry>{i18n.tr(Key::YouSaidAddEntry)}</button>
        </section>
        <PosterView ysw survey=survey.clone() today />
    }
}

/// A labelled text box (one line or several) with its problem, if any, under the label.
#[component]
fn TextField(
    /// The box's id; problems link to it.
    #[prop(into)]
    id: String,
    /// The label's wording.
    label: Key,
    /// The editor, for the field's problem.
    ysw: Ysw,
    /// Several lines (a textarea) rather than one.
    multiline: bool,
    /// What the box holds (reactive).
    value: Signal<String>,
    /// Called with the new words on every change.
    set: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let problem = {
        let id = id.clone();
        Signal::derive(move || ysw.problem_at(&id))
    };
    let described = {
        let error_id = error_id.clone();
        move || problem.get().is_some().then(|| error_id.clone())
    };
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="3" dir="auto"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" dir="auto" autocomplete="off"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || problem.get().is_some()>
            <label for=id.clone()>{i18n.tr(label)}</label>
            {move || problem.get().map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            {input}
        </div>
    }
}

/// What to fix before printing, live, each linking to its field.
#[component]
fn Problems(
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="ysw-problems no-print" aria-labelledby="ysw-problems-heading">
            <h2 id="ysw-problems-heading">{i18n.tr(Key::YouSaidProblemsTitle)}</h2>
            <div aria-live="polite">
                {move || {
                    let found = ysw.problems.get();
                    if found.is_empty() {
                        return view! { <p class="banner success">{i18n.t(Key::YouSaidProblemsNone)}</p> }.into_any();
                    }
                    view! {
                        <ul class="problem-list">
                            {found.into_iter().map(|(field, words)| {
                                let target = field.clone();
                                view! {
                                    <li><a href=format!("#{field}") on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_id_soon(target.clone());
                                    }>{words}</a></li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </div>
        </section>
    }
}

/// The choices of what an entry is about: something else, each theme, each question.
fn about_choices(
    published: Option<&Booklet>,
    themes: &ThemeBook,
    locale: Locale,
) -> Vec<(String, String)> {
    let mut out = vec![(
        "general".to_owned(),
        locale.text(Key::YouSaidAboutGeneral).to_owned(),
    )];
    for t in themes.themes() {
        out.push((
            format!("theme:{}", t.id.as_str()),
            locale.format(Key::YouSaidAboutTheme, &[("name", &t.name)]),
        ));
    }
    if let Some(b) = published {
        let fallback = b.fallback_locale();
        for (n, q) in b.questions().enumerate() {
            out.push((
                format!("question:{}", q.id.as_str()),
                locale.format(
                    Key::ResultsQuestion,
                    &[
                        ("number", &(n + 1).to_string()),
                        ("text", q.text.get(&locale.locale_code(), &fallback)),
                    ],
                ),
            ));
        }
    }
    out
}

/// The value of the "about" choice for an entry.
fn about_value(about: &About) -> String {
    match about {
        About::General => "general".into(),
        About::Theme(t) => format!("theme:{}", t.as_str()),
        About::Question(q) => format!("question:{}", q.as_str()),
    }
}

/// An "about" choice back as what the entry is about.
fn about_from(value: &str) -> Option<About> {
    if value == "general" {
        return Some(About::General);
    }
    if let Some(t) = value.strip_prefix("theme:") {
        return Some(About::Theme(my_say_core::survey::ThemeId(t.to_owned())));
    }
    value
        .strip_prefix("question:")
        .map(|q| About::Question(my_say_core::QuestionId::new(q)))
}

/// One entry: what it is about, what children said, its actions; move and remove.
#[component]
fn EntryEditor(
    /// The entry's id.
    eid: String,
    /// The editor.
    ysw: Ysw,
    /// The published survey, for its questions.
    published: Option<Arc<Booklet>>,
    /// The survey's themes.
    themes: Arc<ThemeBook>,
    /// Today, for new actions.
    today: Date,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let number = {
        let eid = eid.clone();
        Memo::new(move |_| {
            ysw.table
                .with(|t| t.entries().iter().position(|e| e.id() == eid))
                .unwrap_or(0)
        })
    };
    let count = Memo::new(move |_| ysw.table.with(|t| t.entries().len()));
    let heading_id = format!("ysw-{eid}-heading");
    let about_id = format!("ysw-{eid}-about");
    let about_value_now = {
        let eid = eid.clone();
        move || ysw.entry(&eid, |e| about_value(&e.about))
    };
    let choices = {
        let (published, themes) = (published.clone(), themes.clone());
        move || about_choices(published.as_deref(), &themes, i18n.locale())
    };
    let about_problem = {
        let about_id = about_id.clone();
        Signal::derive(move || ysw.problem_at(&about_id))
    };
    let set_about = {
        let eid = eid.clone();
        move |ev: leptos::ev::Event| {
            if let Some(about) = about_from(&event_target_value(&ev)) {
                ysw.edit_entry(&eid, |e| e.about = about);
            }
        }
    };
    let actions = {
        let eid = eid.clone();
        move || ysw.entry(&eid, |e| e.actions.len())
    };
    let add_action = {
        let eid = eid.clone();
        move |_| {
            let mut n = 0;
            ysw.edit_entry(&eid, |e| {
                e.actions.push(WeDid {
                    what: String::new(),
                    date: today,
                    status: ActionStatus::Done,
                    review: None,
                });
                n = e.actions.len();
            });
            focus_id_soon(format!("ysw-{eid}-a{n}-what"));
        }
    };
    let move_by = {
        let eid = eid.clone();
        move |up: bool| {
            let at = number.get_untracked();
            let to = if up { at.saturating_sub(1) } else { at + 1 };
            ysw.edit(|t| {
                t.move_entry(&eid, to);
            });
            let last = count.get_untracked().saturating_sub(1);
            let stays = if up { to > 0 } else { to < last };
            let button = match (up, stays) {
                (true, true) | (false, false) => "up",
                _ => "down",
            };
            focus_id_soon(format!("ysw-{eid}-{button}"));
        }
    };
    let remove = {
        let eid = eid.clone();
        move |_| {
            ysw.edit(|t| {
                t.remove_entry(&eid);
            });
            focus_id_soon("ysw-add-entry");
        }
    };
    let said_value = {
        let eid = eid.clone();
        Signal::derive(move || ysw.entry(&eid, |e| e.said.clone()))
    };
    let set_said = {
        let eid = eid.clone();
        Callback::new(move |v: String| ysw.edit_entry(&eid, |e| e.said = v))
    };
    let labelled_by = heading_id.clone();
    let move_up = move_by.clone();
    view! {
        <li class="ysw-entry">
            <section aria-labelledby=labelled_by>
                <h3 id=heading_id>{move || i18n.locale().format(Key::YouSaidEntry, &[("number", &(number.get() + 1).to_string())])}</h3>
                <div class="field" class:has-error=move || about_problem.get().is_some()>
                    <label for=about_id.clone()>{i18n.tr(Key::YouSaidAbout)}</label>
                    {move || about_problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
                    <select id=about_id.clone() on:change=set_about
                        aria-invalid=move || about_problem.get().is_some().then_some("true")>
                        {move || {
                            let now = about_value_now();
                            let list = choices();
                            let known = list.iter().any(|(v, _)| *v == now);
                            let missing = (!known).then(|| view! { <option value="" selected=true>{i18n.t(Key::YouSaidAboutChoose)}</option> });
                            view! {
                                {missing}
                                {list.into_iter().map(|(v, words)| {
                                    let selected = v == now;
                                    view! { <option value=v selected=selected>{words}</option> }
                                }).collect_view()}
                            }
                        }}
                    </select>
                </div>
                <TextField id=format!("ysw-{eid}-said") label=Key::YouSaidSaid ysw multiline=true value=said_value set=set_said />
                <h4>{i18n.tr(Key::YouSaidActions)}</h4>
                <ol class="ysw-actions">
                    <For each=move || 0..actions() key=|i| *i children={
                        let eid = eid.clone();
                        move |i| view! { <ActionEditor eid=eid.clone() i ysw /> }
                    } />
                </ol>
                <div class="row ysw-entry-buttons">
                    <button type="button" id=format!("ysw-{eid}-add-action") on:click=add_action>{i18n.tr(Key::YouSaidAddAction)}</button>
                    <button type="button" id=format!("ysw-{eid}-up") disabled=move || number.get() == 0 on:click=move |_| move_up(true)>{i18n.tr(Key::YouSaidMoveUp)}</button>
                    <button type="button" id=format!("ysw-{eid}-down") disabled={move || number.get() + 1 >= count.get()} on:click=move |_| move_by(false)>{i18n.tr(Key::YouSaidMoveDown)}</button>
                    <button type="button" class="danger" id=format!("ysw-{eid}-remove") on:click=move |_| confirming.set(true)>{i18n.tr(Key::YouSaidRemoveEntry)}</button>
                </div>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="group" aria-label=move || i18n.locale().format(Key::YouSaidRemoveConfirm, &[("number", &(number.get() + 1).to_string())])>
                        <p><strong>{move || i18n.locale().format(Key::YouSaidRemoveConfirm, &[("number", &(number.get() + 1).to_string())])}</strong></p>
                        <div class="row">
                            <button type="button" class="danger" on:click=remove.clone()>{i18n.tr(Key::YouSaidRemoveYes)}</button>
                            <button type="button" on:click={
                                let eid = eid.clone();
                                move |_| {
                                    confirming.set(false);
                                    focus_id_soon(format!("ysw-{eid}-remove"));
                                }
                            }>{i18n.tr(Key::ResultsCancel)}</button>
                        </div>
                    </div>
                </Show>
            </section>
        </li>
    }
}

/// One action: what was done, its date, done, ongoing or planned, whether it made a difference;
/// move and remove.
#[component]
fn ActionEditor(
    /// The entry's id.
    eid: String,
    /// The action's place in the entry, from 0.
    i: usize,
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = i + 1;
    let base = format!("ysw-{eid}-a{n}");
    let date_id = format!("{base}-date");
    let date_error = RwSignal::new(false);
    let date_problem = {
        let date_id = date_id.clone();
        Signal::derive(move || ysw.problem_at(&date_id))
    };
    let count = {
        let eid = eid.clone();
        Memo::new(move |_| ysw.entry(&eid, |e| e.actions.len()))
    };
    let what_value = {
        let eid = eid.clone();
        Signal::derive(move || ysw.action(&eid, i).map(|a| a.what).unwrap_or_default())
    };
    let set_what = {
        let eid = eid.clone();
        Callback::new(move |v: String| {
            ysw.edit_entry(&eid, |e| {
                if let Some(a) = e.actions.get_mut(i) {
                    a.what = v;
                }
            })
        })
    };
    let date_value = {
        let eid = eid.clone();
        move || {
            ysw.action(&eid, i)
                .map(|a| a.date.to_string())
                .unwrap_or_default()
        }
    };
    let set_date = {
        let eid = eid.clone();
        move |ev: leptos::ev::Event| match Date::parse(event_target_value(&ev).trim()) {
            Ok(d) => {
                date_error.set(false);
                ysw.edit_entry(&eid, |e| {
                    if let Some(a) = e.actions.get_mut(i) {
                        a.date = d;
                    }
                });
            }
            Err(_) => date_error.set(true),
        }
    };
    let status_is = {
        let eid = eid.clone();
        move |s: ActionStatus| ysw.action(&eid, i).is_some_and(|a| a.status == s)
    };
    let set_status = {
        let eid = eid.clone();
        move |s: ActionStatus| {
            ysw.edit_entry(&eid, |e| {
                if let Some(a) = e.actions.get_mut(i) {
                    a.status = s;
                }
            })
        }
    };
    let swap = {
        let eid = eid.clone();
        move |up: bool| {
            let other = if up { i.wrapping_sub(1) } else { i + 1 };
            ysw.edit_entry(&eid, |e| {
                if other < e.actions.len() {
                    e.actions.swap(i, other);
                }
            });
            let moved_to = other + 1;
            let last = count.get_untracked();
            let button = match (up, if up { moved_to > 1 } else { moved_to < last }) {
                (true, true) | (false, false) => "up",
                _ => "down",
            };
            focus_id_soon(format!("ysw-{eid}-a{moved_to}-{button}"));
        }
    };
    let remove = {
        let eid = eid.clone();
        move |_| {
            ysw.edit_entry(&eid, |e| {
                if i < e.actions.len() {
                    e.actions.remove(i);
                }
            });
            focus_id_soon(format!("ysw-{eid}-add-action"));
        }
    };
    let status_name = format!("{base}-status");
    let (done_id, planned_id) = (format!("{base}-done"), format!("{base}-planned"));
    let ongoing_id = format!("{base}-ongoing");
    let date_described = {
        let base = base.clone();
        move || {
            let mut ids = vec![format!("{base}-date-hint")];
            if date_error.get() || date_problem.get().is_some() {
                ids.push(format!("{base}-date-error"));
            }
            ids.join(" ")
        }
    };
    let (status_is2, set_status2) = (status_is.clone(), set_status.clone());
    let (status_is3, set_status3) = (status_is.clone(), set_status.clone());
    let swap_up = swap.clone();
    view! {
        <li class="ysw-action">
            <fieldset class="ysw-action-fields">
                <legend>{i18n.locale().format(Key::YouSaidAction, &[("number", &n.to_string())])}</legend>
                <TextField id=format!("{base}-what") label=Key::YouSaidWhat ysw multiline=true value=what_value set=set_what />
                <div class="field" class:has-error=move || date_error.get() || date_problem.get().is_some()>
                    <label for=date_id.clone()>{i18n.tr(Key::YouSaidDateLabel)}</label>
                    <p class="hint" id=format!("{base}-date-hint")>{i18n.tr(Key::YouSaidDateHint)}</p>
                    {
                        let id = format!("{base}-date-error");
                        move || {
                            let words = if date_error.get() { Some(i18n.t(Key::YouSaidErrorDate).to_owned()) } else { date_problem.get() };
                            words.map(|w| view! { <p class="field-error" id=id.clone()>{w}</p> })
                        }
                    }
                    <input id=date_id.clone() type="date" class="ysw-date"
                        aria-invalid=move || (date_error.get() || date_problem.get().is_some()).then_some("true")
                        aria-describedby=date_described
                        prop:value=date_value on:change=set_date />
                </div>
                <fieldset class="field ysw-status">
                    <legend>{i18n.tr(Key::YouSaidStatus)}</legend>
                    <div class="check">
                        <input type="radio" id=done_id.clone() name=status_name.clone()
                            prop:checked=move || status_is(ActionStatus::Done)
                            on:change=move |_| set_status(ActionStatus::Done) />
                        <label for=done_id>{i18n.tr(Key::YouSaidDone)}</label>
                    </div>
                    <div class="check">
                        <input type="radio" id=ongoing_id.clone() name=status_name.clone()
                            prop:checked=move || status_is3(ActionStatus::Ongoing)
                            on:change=move |_| set_status3(ActionStatus::Ongoing) />
                        <label for=ongoing_id>{i18n.tr(Key::YouSaidOngoing)}</label>
                    </div>
                    <div class="check">
                        <input type="radio" id=planned_id.clone() name=status_name
                            prop:checked=move || status_is2(ActionStatus::Planned)
                            on:change=move |_| set_status2(ActionStatus::Planned) />
                        <label for=planned_id>{i18n.tr(Key::YouSaidPlanned)}</label>
                    </div>
                </fieldset>
                <ReviewEditor eid=eid.clone() i ysw />
                <div class="row">
                    <button type="button" class="small" id=format!("{base}-up") disabled=i == 0 on:click=move |_| swap_up(true)>{i18n.tr(Key::YouSaidMoveUp)}</button>
                    <button type="button" class="small" id=format!("{base}-down") disabled={move || n >= count.get()} on:click=move |_| swap(false)>{i18n.tr(Key::YouSaidMoveDown)}</button>
                    <button type="button" class="small danger" on:click=remove>{i18n.tr(Key::YouSaidRemoveAction)}</button>
                </div>
            </fieldset>
        </li>
    }
}

/// The poster (when there is nothing to fix), print and CSV.
#[component]
fn PosterView(
    /// The editor.
    ysw: Ysw,
    /// The survey as stored, for its questions and themes.
    survey: StoredSurvey,
    /// Today: the poster's date.
    today: Date,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let demo = active.is_demo();
    let published = survey.published.clone();
    let themes = survey.themes.clone();
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);
    let id = survey.id().to_owned();
    let poster = {
        let (published, themes) = (published.clone(), themes.clone());
        Memo::new(move |_| {
            let locale = i18n.locale().locale_code();
            ysw.table.with(|t| {
                t.poster(today, &locale, published.as_ref(), Some(&themes))
                    .ok()
            })
        })
    };
    let download_csv = move |_| {
        let locale = i18n.locale().locale_code();
        let csv = ysw
            .table
            .with_untracked(|t| t.to_csv(&locale, published.as_ref(), Some(&themes)));
        let name = format!("my-say-{id}-you-said-we-did.csv");
        match files::download(csv.as_bytes(), &name, "text/csv;charset=utf-8") {
            Ok(()) => downloaded.set(Some(name)),
            Err(e) => error.set(Some(e)),
        }
    };
    let print = move |_| {
        if window().print().is_err() {
            error.set(Some(i18n.t(Key::IroPrintFailed).to_owned()));
        }
    };
    view! {
        <section class="card ysw-output no-print" aria-labelledby="ysw-poster-heading">
            <h2 id="ysw-poster-heading">{i18n.tr(Key::YouSaidPosterHeading)}</h2>
            <ErrorBanner error />
            <p id="ysw-print-hint">{i18n.tr(Key::YouSaidPrintHint)}</p>
            <div class="row form-buttons">
                <button type="button" class="primary" aria-describedby="ysw-print-hint" disabled=move || poster.with(Option::is_none) on:click=print>{i18n.tr(Key::YouSaidPrint)}</button>
                <button type="button" on:click=download_csv>{i18n.tr(Key::YouSaidDownloadCsv)}</button>
            </div>
            <p class="download-note" role="status">
                {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
            </p>
            <Show when=move || poster.with(Option::is_none)>
                <p class="banner warning">{i18n.tr(Key::YouSaidFixFirst)}</p>
            </Show>
        </section>
        {move || poster.get().map(|p| {
            let locale = i18n.locale();
            view! { <PosterSheet poster=p locale demo /> }
        })}
    }
}

/// The poster itself: on screen as a preview, and alone on paper.
#[component]
fn PosterSheet(
    /// What it says.
    poster: Poster,
    /// The reader's language, for headings and dates.
    locale: Locale,
    /// Whether this is the example workspace (the poster says so).
    demo: bool,
) -> impl IntoView {
    let size = poster_size(&poster);
    let rows = poster
        .rows
        .into_iter()
        .map(|r| {
            let did = r
                .we_did
                .into_iter()
                .map(|a| {
                    let key = match a.status {
                        ActionStatus::Done => Key::YouSaidPosterDone,
                        ActionStatus::Planned => Key::YouSaidPosterPlanned,
                        ActionStatus::Ongoing => Key::YouSaidPosterOngoing,
                    };
                    let when = locale.format(key, &[("date", &long_date(a.date, locale))]);
                    view! {
                        <li class=format!("poster-action {}", a.status.code())>
                            <span class="poster-when">{when}</span>" "
                            <span class="poster-what" dir="auto">{a.what}</span>
                            {a.review.map(|review| view! { <ReviewLine review locale /> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="poster-row">
                    <div class="poster-said">
                        <h3 class="poster-label">{locale.text(Key::YouSaidPosterYouSaid)}</h3>
                        {r.about.map(|a| view! { <p class="poster-about" dir="auto">{a}</p> })}
                        <p class="poster-quote" dir="auto">{r.said}</p>
                    </div>
                    <div class="poster-did">
                        <h3 class="poster-label">{locale.text(Key::YouSaidPosterWeDid)}</h3>
                        <ul class="poster-actions">{did}</ul>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=format!("poster {size}") aria-labelledby="poster-title" lang=locale.code() dir=locale.dir()>
            <header class="poster-head">
                <h2 id="poster-title" class="poster-title" dir="auto">{poster.title}</h2>
                {poster.intro.map(|i| view! { <p class="poster-intro" dir="auto">{i}</p> })}
            </header>
            <ol class="poster-rows">{rows}</ol>
            <p class="poster-foot">
                {locale.format(Key::YouSaidPosterUpdated, &[("date", &long_date(poster.updated_on, locale))])}
                {demo.then(|| view! { " " <strong>{locale.text(Key::IroDemoBanner)}</strong> })}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::survey::YouSaidWeDid;
    use my_say_core::LocaleCode;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_are_written_in_the_readers_language() {
        assert_eq!(long_date(d("2026-03-14"), Locale::En), "14 March 2026");
        assert_eq!(long_date(d("2026-12-01"), Locale::Cy), "1 Rhagfyr 2026");
        assert_eq!(long_date(d("2026-01-09"), Locale::Ar), "9 يناير 2026");
    }

    #[test]
    fn each_problem_is_worded_and_points_at_its_field() {
        let today = d("2026-11-30");
        let mut t = YouSaidWeDid::new("", None);
        let e1 = t.add_entry(About::General, "We want shorter reviews.");
        t.entry_mut(&e1).unwrap().actions = vec![
            WeDid {
                what: "Reviews now take an hour at most.".into(),
                date: d("2026-10-01"),
                status: ActionStatus::Done,
                review: None,
            },
            WeDid {
                what: "Ask every child.".into(),
                date: d("2026-11-01"),
                status: ActionStatus::Planned,
                review: None,
            },
        ];
        let e2 = t.add_entry(About::General, " ");
        let found = t.problems(today, None, None);
        let shown: Vec<(String, String)> = found
            .iter()
            .map(|p| (problem_field(p, &t), problem_text(p, Locale::En)))
            .collect();
        assert_eq!(
            shown,
            [
                ("ysw-title".to_owned(), "Give the poster a title.".to_owned()),
                (
                    format!("ysw-{e1}-a2-date"),
                    "Entry 1, action 2: it was planned for 1 November 2026, which has passed. Mark it done, or give a new date.".to_owned()
                ),
                (format!("ysw-{e2}-said"), "Entry 2: write what children said.".to_owned()),
                (
                    format!("ysw-{e2}-add-action"),
                    "Entry 2: add at least one thing that was done or is planned.".to_owned()
                ),
            ]
        );
        // Every kind has wording in every language, with its placeholders filled.
        for locale in Locale::ALL {
            for p in &found {
                let words = problem_text(p, locale);
                assert!(!words.contains('{'), "{words}");
            }
        }
    }

    #[test]
    fn ongoing_and_look_back_problems_are_worded_and_point_at_their_fields() {
        use my_say_core::survey::{Difference, Review};
        let today = d("2026-11-30");
        let mut t = YouSaidWeDid::new("Title", None);
        let e1 = t.add_entry(About::General, "We want warmer rooms.");
        let mut planned = WeDid::new("Ask again.", d("2026-12-10"), ActionStatus::Planned);
        planned.review = Some(Review {
            made_difference: Difference::Yes,
            note: String::new(),
            date: d("2026-12-01"),
        });
        t.entry_mut(&e1).unwrap().actions = vec![
            WeDid::new(
                "We will keep rooms warm.",
                d("2026-12-02"),
                ActionStatus::Ongoing,
            ),
            planned,
        ];
        let found = t.problems(today, None, None);
        let shown: Vec<(String, String)> = found
            .iter()
            .map(|p| (problem_field(p, &t), problem_text(p, Locale::En)))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    format!("ysw-{e1}-a1-date"),
                    "Entry 1, action 1: it is marked ongoing from 2 December 2026, which has not come yet. Mark it planned, or change the date.".to_owned()
                ),
                (
                    format!("ysw-{e1}-a2-review-yes"),
                    "Entry 1, action 2: it is only planned, so it is too soon to say whether it made a difference. Mark it done or ongoing, or remove the look back.".to_owned()
                ),
                (
                    format!("ysw-{e1}-a2-review-note"),
                    "Entry 1, action 2: say what you found when you looked back.".to_owned()
                ),
                (
                    format!("ysw-{e1}-a2-review-date"),
                    "Entry 1, action 2: the look back is dated 1 December 2026, which has not come yet. Change the date.".to_owned()
                ),
            ]
        );
        for locale in Locale::ALL {
            for p in &found {
                let words = problem_text(p, locale);
                assert!(!words.contains('{'), "{words}");
            }
        }
    }

    #[test]
    fn about_choices_round_trip() {
        for about in [
            About::General,
            About::Theme(my_say_core::survey::ThemeId("t2".into())),
            About::Question(my_say_core::QuestionId::new("q3")),
        ] {
            assert_eq!(about_from(&about_value(&about)), Some(about));
        }
        assert_eq!(about_from(""), None);
    }

    #[test]
    fn a_longer_poster_gets_smaller_type() {
        let today = d("2026-11-30");
        let survey = my_say_core::demo::demo_survey(today);
        let en = LocaleCode::new("en");
        let poster = survey
            .you_said
            .poster(today, &en, Some(&survey.published), Some(&survey.themes))
            .unwrap();
        assert_eq!(poster_size(&poster), "poster-large");
        // Another entry with three actions, one of them looked back on (as end to end): the
        // did column grows by a line per action and two for the look back.
        let mut more = survey.you_said.clone();
        let id = more.add_entry(
            About::General,
            "You said review rooms are too cold and too small.",
        );
        let mut done = WeDid::new(
            "We asked every team to book a warm, comfortable room.",
            today.add_days(-10),
            ActionStatus::Done,
        );
        done.review = Some(my_say_core::survey::Review {
            made_difference: my_say_core::survey::Difference::Yes,
            note: "At the winter event children said the rooms were warmer.".into(),
            date: today,
        });
        more.entry_mut(&id).unwrap().actions = vec![
            done,
            WeDid::new(
                "We will check the rooms with the council at the spring event.",
                today.add_days(40),
                ActionStatus::Planned,
            ),
            WeDid::new(
                "We will keep a warm room booked for every review.",
                today.add_days(-5),
                ActionStatus::Ongoing,
            ),
        ];
        let poster = more
            .poster(today, &en, Some(&survey.published), Some(&survey.themes))
            .unwrap();
        assert_eq!(poster_size(&poster), "poster-small");
        let mut long = survey.you_said.clone();
        for _ in 0..6 {
            let id = long.add_entry(About::General, &"We said a lot. ".repeat(20));
            long.entry_mut(&id).unwrap().actions.push(WeDid {
                what: "We did a lot. ".repeat(20),
                date: today,
                status: ActionStatus::Done,
                review: None,
            });
        }
        let poster = long.poster(today, &en, None, None).unwrap();
        assert_eq!(poster_size(&poster), "poster-tiny");
    }
}

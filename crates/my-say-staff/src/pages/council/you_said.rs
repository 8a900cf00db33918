//! "You said, we did" for a council survey: the council writes each thing children said (about
//! a theme, a question or something else) and what was done about it, several dated actions
//! each, done, ongoing (a promise kept) or planned, each able to record later whether it made
//! a difference ([`review`]); sees what to fix before printing as they type, each problem linking
//! to its field; prints the poster on one A4 page (the "poster print" rules in style/main.css)
//! and downloads it as CSV. Saved to the workspace after every change.
//!
//! Here: the page, what its parts share ([`Ysw`]), the title and introduction, and the problems;
//! one entry is [`entry`], one of its actions [`action`], the poster [`poster`].
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
use my_say_core::survey::{About, WeDid, YouSaidIssue, YouSaidProblem, YouSaidWeDid};
use my_say_core::Booklet;
use my_say_ui::browser::clock;
use my_say_ui::i18n::{use_i18n, Locale};
use std::rc::Rc;
use std::sync::Arc;

mod action;
mod entry;
mod poster;
mod review;
use entry::{new_action, EntryEditor};
pub(crate) use poster::long_date;
use poster::PosterView;
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

    /// Changes action `i` of entry `id`, if it is there, and saves.
    fn edit_action(self, id: &str, i: usize, f: impl FnOnce(&mut WeDid)) {
        self.edit_entry(id, |e| {
            if let Some(a) = e.actions.get_mut(i) {
                f(a);
            }
        });
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
                e.actions.push(new_action(today));
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

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::calendar::Date;
    use my_say_core::survey::{ActionStatus, YouSaidWeDid};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
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
}

//! The list of what importing a workspace file would change (`workspace::transfer::plan`), as
//! the IRO reads it before confirming. What needs a second look is marked: a worry open here
//! that the file closes, and a survey whose answers the file's workspace seals for another key.

use super::follow_ups::action_key;
use super::tr_format;
use crate::i18n::Key;
use crate::workspace::transfer::plan::{Changes, ClosedFollowUp, ReplacedSurvey, SettingsChange};
use leptos::prelude::*;
use my_say_core::LocaleCode;
use my_say_ui::i18n::use_i18n;

/// A counted wording (its plural forms), following the chosen language.
fn counted(key: Key, count: usize) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.locale().count(key, count as u64, &[])
}

/// One line of the list: a count in its wording, or nothing when the count is 0.
fn count_line(key: Key, count: usize) -> Option<AnyView> {
    (count > 0).then(|| view! { <li>{counted(key, count)}</li> }.into_any())
}

/// Every change importing the file would make, one line per kind; a worry open here that it
/// closes, and a survey whose answers are sealed for another key, are listed one by one and
/// marked.
#[component]
pub(super) fn ChangeList(
    /// What the import would change (never empty: a file that changes nothing shows no list).
    changes: Changes,
) -> impl IntoView {
    let worries: Vec<ClosedFollowUp> = changes.open_worries_closed().cloned().collect();
    let arrive_closed = changes.follow_ups_closed.len() - worries.len();
    view! {
        <ul class="import-changes">
            {count_line(Key::IroImportChangeBooklets, changes.booklets_added)}
            {count_line(Key::IroImportChangeKeptApart, changes.kept_apart)}
            {count_line(Key::IroImportChangeFollowUpsAdded, changes.follow_ups_added)}
            {(!worries.is_empty()).then(|| view! { <OpenWorriesClosed worries /> })}
            {count_line(Key::IroImportChangeFollowUpsArriveClosed, arrive_closed)}
            {count_line(Key::IroImportChangeFollowUpsUpdated, changes.follow_ups_updated)}
            {count_line(Key::IroImportChangeDueDates, changes.due_dates_moved)}
            {count_line(Key::IroImportChangeRead, changes.marked_read)}
            {count_line(Key::IroImportChangeSurveysAdded, changes.surveys_added)}
            {(!changes.surveys_replaced.is_empty()).then(|| view! { <SurveysReplaced surveys=changes.surveys_replaced.clone() /> })}
            {count_line(Key::IroImportChangeSurveyAnswers, changes.survey_answers_added)}
            {changes.settings.clone().map(|settings| view! { <SettingsReplaced settings /> })}
        </ul>
    }
}

/// The worries open here that the file closes, each with the child, the question and the step
/// that closes it.
#[component]
fn OpenWorriesClosed(
    /// The follow-ups open here that the import closes.
    worries: Vec<ClosedFollowUp>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = worries.len();
    view! {
        <li class="import-flag">
            <strong>{counted(Key::IroImportChangeOpenWorries, count)}</strong>
            <ul>
                {worries.into_iter().map(|w| {
                    let line = move || {
                        let locale = i18n.locale();
                        let question = w.question.as_ref().map_or_else(
                            || w.question_id.as_str(),
                            |t| t.get(&locale.locale_code(), &LocaleCode::new("en")),
                        );
                        locale.format(Key::IroImportChangeWorry, &[
                            ("child", &w.child),
                            ("question", question),
                            ("step", locale.text(action_key(w.by))),
                            ("date", &w.on.to_string()),
                        ])
                    };
                    view! { <li dir="auto">{line}</li> }
                }).collect_view()}
            </ul>
        </li>
    }
}

/// The surveys the file replaces with a newer revision; one whose answers are sealed for
/// another key is marked, with both fingerprints.
#[component]
fn SurveysReplaced(
    /// The surveys replaced.
    surveys: Vec<ReplacedSurvey>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = surveys.len();
    let revision = |r: Option<u32>| r.map_or_else(|| "–".to_owned(), |r| r.to_string());
    view! {
        <li>
            {counted(Key::IroImportChangeSurveysReplaced, count)}
            <ul>
                {surveys.into_iter().map(|s| {
                    let title = s.title.clone();
                    let title = move || title.get(&i18n.locale().locale_code(), &LocaleCode::new("en")).to_owned();
                    let line = tr_format(Key::IroImportChangeSurvey, vec![
                        ("from", revision(s.revisions.0)),
                        ("to", revision(s.revisions.1)),
                    ]);
                    let keys = s.keys.map(|k| match k.file {
                        Some(file) => tr_format(Key::IroImportChangeSurveyKeys, vec![
                            ("file_key", file.to_string()),
                            ("here_key", k.here.to_string()),
                        ]),
                        None => tr_format(Key::IroImportChangeSurveyKeysUnknown, vec![("here_key", k.here.to_string())]),
                    });
                    view! {
                        <li dir="auto" class:import-flag=keys.is_some()>
                            <span>{title}</span>": "{line}
                            {keys.map(|k| view! { <strong class="import-keys">" "{k}</strong> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

/// The settings the file replaces, each part as it is here and as it will be.
#[component]
fn SettingsReplaced(
    /// What changes in the settings.
    settings: SettingsChange,
) -> impl IntoView {
    let i18n = use_i18n();
    let or_unset = move |n: Option<u32>| {
        n.map_or_else(
            || i18n.t(Key::IroImportNotSet).to_owned(),
            |n| n.to_string(),
        )
    };
    let pair = |key: Key, (from, to): (String, String)| {
        view! { <li>{tr_format(key, vec![("from", from), ("to", to)])}</li> }
    };
    view! {
        <li>
            {i18n.tr(Key::IroImportChangeSettings)}
            <ul>
                {settings.bank_holidays.map(|(a, b)| pair(Key::IroImportChangeBankHolidays, (a.to_string(), b.to_string())))}
                {settings.children_in_care.map(|(a, b)| pair(Key::IroImportChangeChildren, (or_unset(a), or_unset(b))))}
                {settings.lock_after_minutes.map(|(a, b)| pair(Key::IroImportChangeLock, (or_unset(a), or_unset(b))))}
                {settings.other.then(|| view! { <li>{i18n.tr(Key::IroImportChangeOtherSettings)}</li> })}
            </ul>
        </li>
    }
}

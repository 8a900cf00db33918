//! Adding a survey to the tablet from the file the council lead gave, as a second way beside
//! the survey link. The survey is offered, not added, until the adult adds it.

use super::shelf::survey_refusal;
use crate::i18n::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::limits::SURVEY_FILE_MAX_BYTES;
use my_say_core::seal::SetupCode;
use my_say_core::survey::{SurveyFile, SurveyFileError};
use my_say_ui::browser::files;
use my_say_ui::i18n::use_i18n;

/// "Add a survey from a file": the file is read and checked, then offered.
#[component]
pub fn AddSurveyFile(
    /// Set to the survey offered.
    offered: RwSignal<Option<SurveyFile>>,
    /// Cleared: a new offer has not been checked against the tablet's keys.
    keys_check: RwSignal<Option<SetupCode>>,
    /// Where to say what happened (cleared).
    message: RwSignal<Option<String>>,
    /// Where to say what went wrong.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |ev: leptos::ev::Event| {
        let Some(file) = files::take_picked(&ev) else {
            return;
        };
        spawn_local(async move {
            let name = file.name();
            let read = files::read(&file, SURVEY_FILE_MAX_BYTES)
                .await
                .and_then(|bytes| String::from_utf8(bytes).map_err(|_| String::new()));
            let parsed = match read {
                Ok(text) => {
                    SurveyFile::from_json(&text).map_err(|e| survey_refusal(i18n.locale(), &e))
                }
                Err(reason) if reason.is_empty() => {
                    Err(SurveyFileError::NotASurveyFile.to_string())
                }
                Err(reason) => Err(reason),
            };
            message.set(None);
            match parsed {
                Ok(survey) => {
                    error.set(None);
                    keys_check.set(None);
                    offered.set(Some(survey));
                }
                Err(reason) => error.set(Some(i18n.locale().format(
                    Key::TabletSurveyBadFile,
                    &[("file", &name), ("reason", &reason)],
                ))),
            }
        });
    };
    view! {
        <div class="field">
            <label for="survey-file">{i18n.tr(Key::TabletSurveyFile)}</label>
            <input id="survey-file" type="file" accept=".json,application/json" on:change=add />
        </div>
    }
}

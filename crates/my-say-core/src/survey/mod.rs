//! Children in Care Council surveys: build one without code, share it with tablets, read the
//! results and write "You said, we did".
//!
//! A survey is a [`crate::Booklet`] with `kind: survey`, so tablets show it with the same
//! screens as a review booklet and seal its answers the same way. What this module adds:
//!
//! - [`builder`]: an editable [`SurveyDraft`] that publishes a valid survey booklet, with
//!   problems worded for the people building it, each pointing at its question;
//! - [`share`]: the survey file and link ([`SurveyFile`]) that carries the survey and the
//!   council lead's public keys to a tablet, and the tablet's list of active surveys
//!   ([`SurveyShelf`]);
//! - [`results`]: counts and percentages for each question by age band, with small numbers
//!   suppressed, and the free-text answers ([`survey_results`]);
//! - [`themes`]: named themes that free-text answers are grouped into ([`ThemeBook`]);
//! - [`you_said`]: the "You said, we did" table and its poster ([`YouSaidWeDid`]);
//! - [`stored`]: one survey as the workspace keeps and exports it ([`StoredSurvey`]).
//!
//! The rules, the file formats and what anonymity does and does not cover are in
//! `docs/surveys.md`.

pub mod builder;
pub mod results;
pub mod share;
pub mod stored;
pub mod themes;
pub mod you_said;

pub use builder::{
    is_survey_booklet, new_survey_id, BuilderError, ProblemAt, QuestionPart, SurveyDraft,
    SurveyProblem, SurveyQuestion,
};
pub use results::{
    results_csv, results_json, survey_results, Breakdown, FreeTextAnswer, FreeTextKey,
    QuestionResults, SurveyResults, ThemeCount, ValueCount, ValueCounts,
};
pub use share::{ShelfChange, SurveyFile, SurveyFileError, SurveyShelf};
pub use stored::StoredSurvey;
pub use themes::{NamedTheme, ThemeBook, ThemeError, ThemeId};
pub use you_said::{
    About, ActionStatus, Difference, Poster, PosterRow, Review, WeDid, YouSaid, YouSaidError,
    YouSaidIssue, YouSaidProblem, YouSaidWeDid, YOU_SAID_COLUMNS,
};

use crate::text::{LocaleCode, Text};

/// Sets the wording of `text` in one language; blank words remove that language, so an
/// emptied box reads as "missing" rather than as a blank that validation cannot see.
pub fn set_words(text: &mut Text, locale: &LocaleCode, words: &str) {
    if words.trim().is_empty() {
        text.0.remove(locale);
    } else {
        text.0.insert(locale.clone(), words.to_owned());
    }
}

/// Whether a text has no words in any language.
pub(crate) fn is_blank(text: &Text) -> bool {
    text.0.values().all(|w| w.trim().is_empty())
}

/// `format` and `version` of a JSON file, read before anything else so that a newer file gets
/// its own message.
#[derive(serde::Deserialize)]
pub(crate) struct Header {
    #[serde(default)]
    pub(crate) format: Option<serde_json::Value>,
    #[serde(default)]
    pub(crate) version: Option<serde_json::Value>,
}

/// What a file's header says, checked against the format this build reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HeaderCheck {
    /// Not JSON, not an object, or another `format`.
    WrongFormat,
    /// The right format, written by a newer version.
    Newer(u64),
    /// A version of 0, or one that is not a whole number.
    BadVersion,
}

/// Checks a JSON file's `format` and `version` (1 to `newest`).
pub(crate) fn check_header(text: &str, format: &str, newest: u32) -> Result<(), HeaderCheck> {
    let header: Header = serde_json::from_str(text).map_err(|_| HeaderCheck::WrongFormat)?;
    match header.format {
        Some(serde_json::Value::String(f)) if f == format => {}
        _ => return Err(HeaderCheck::WrongFormat),
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(newest) => Err(HeaderCheck::Newer(v)),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(HeaderCheck::BadVersion),
    }
}

#[cfg(test)]
pub(crate) mod fixtures;

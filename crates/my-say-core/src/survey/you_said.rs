//! "You said, we did": each thing children said, beside what was done about it.
//!
//! A Children in Care Council writes one entry per thing children said, about a theme of the
//! free-text answers, about a question, or about something raised another way (at a
//! participation event, say), and lists what was done, each action with a date and whether it
//! is done or planned. [`YouSaidWeDid::problems`] says what to fix before printing;
//! [`YouSaidWeDid::poster`] gives the printable poster's content; [`YouSaidWeDid::to_csv`] the
//! spreadsheet. The table is saved as JSON.

use super::themes::{ThemeBook, ThemeId};
use super::{check_header, HeaderCheck};
use crate::booklet::{Booklet, QuestionId};
use crate::calendar::Date;
use crate::csv::CsvWriter;
use crate::text::LocaleCode;
use serde::{Deserialize, Serialize};
use std::fmt;

/// `format` of a saved "You said, we did" table.
pub const YOU_SAID_FORMAT: &str = "my-say/you-said-we-did";
/// The version this build writes (and the newest it reads).
pub const YOU_SAID_VERSION: u32 = 1;
/// The longest "you said" or "we did" text, in characters: a poster has room for a few lines.
pub const MAX_ENTRY_CHARS: usize = 600;
/// The longest title or introduction, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// What an entry is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum About {
    /// A theme of the survey's free-text answers.
    Theme(ThemeId),
    /// One of the survey's questions.
    Question(QuestionId),
    /// Something children said another way.
    General,
}

/// Whether an action has been done or is planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Done, on its date.
    Done,
    /// Planned, by its date.
    Planned,
}

impl ActionStatus {
    /// "done" or "planned", as files write it.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Done => "done",
            ActionStatus::Planned => "planned",
        }
    }
}

/// One thing that was done (or will be).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeDid {
    /// What, in the council's words: "We made IRO business cards and sent them to every
    /// child in care."
    pub what: String,
    /// When it was done, or when it is planned for.
    pub date: Date,
    /// Done or planned.
    pub status: ActionStatus,
}

/// One entry: what children said, and what was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YouSaid {
    id: String,
    /// What it is about.
    pub about: About,
    /// What children said, in the council's words: "We don't know how to contact our IRO."
    pub said: String,
    /// What was done, in the order the council wants them (the poster lists them by date).
    #[serde(default)]
    pub actions: Vec<WeDid>,
}

impl YouSaid {
    /// The entry's id (`e1`, `e2`...), made by the table.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Why a saved table could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YouSaidError {
    /// Not a My Say "You said, we did" file.
    NotAYouSaidFile,
    /// Made by a newer My Say.
    NewerVersion(u64),
    /// Damaged (what is wrong, for support).
    Damaged(String),
}

impl fmt::Display for YouSaidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            YouSaidError::NotAYouSaidFile => f.write_str(
                "This is not a My Say \"You said, we did\" file. Check you chose the right file.",
            ),
            YouSaidError::NewerVersion(v) => write!(
                f,
                "This file was made by a newer version of My Say (version {v}). Update My Say \
                 and try again."
            ),
            YouSaidError::Damaged(what) => {
                write!(f, "This file is damaged and cannot be read ({what}).")
            }
        }
    }
}

impl std::error::Error for YouSaidError {}

/// One thing to fix before printing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YouSaidProblem {
    /// The entry, counting from 1 (`None`: the table's title or the table as a whole).
    pub entry: Option<usize>,
    /// The action in that entry, counting from 1.
    pub action: Option<usize>,
    /// Which rule, for screens that word the message in another language and point at the
    /// field to fix.
    pub kind: YouSaidIssue,
    /// What to fix.
    pub message: String,
}

/// Which rule a [`YouSaidProblem`] breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YouSaidIssue {
    /// The title is blank.
    NoTitle,
    /// The title is longer than [`MAX_TITLE_CHARS`].
    TitleTooLong,
    /// The line under the title is longer than [`MAX_TITLE_CHARS`].
    IntroTooLong,
    /// The table has no entries.
    NoEntries,
    /// The entry is about a theme that has been removed.
    ThemeRemoved,
    /// The entry is about a question the survey does not have.
    QuestionMissing,
    /// The entry does not say what children said.
    NoSaid,
    /// What children said is longer than [`MAX_ENTRY_CHARS`].
    SaidTooLong,
    /// The entry has no actions.
    NoActions,
    /// The action does not say what was done.
    NoWhat,
    /// What was done is longer than [`MAX_ENTRY_CHARS`].
    WhatTooLong,
    /// A done action is dated after today (the date).
    DoneInFuture(Date),
    /// A planned action is dated before today (the date).
    PlannedInPast(Date),
}

impl fmt::Display for YouSaidProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.entry, self.action) {
            (Some(e), Some(a)) => write!(f, "Entry {e}, action {a}: {}", self.message),
            (Some(e), None) => write!(f, "Entry {e}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// The content of a printed poster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Poster {
    /// Its title.
    pub title: String,
    /// A line under the title, if any.
    pub intro: Option<String>,
    /// The rows, in the table's order.
    pub rows: Vec<PosterRow>,
    /// The day it was made ("Updated 14 March 2026").
    pub updated_on: Date,
}

/// One row of the poster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PosterRow {
    /// The theme's name or the question's wording, if the entry is about one.
    pub about: Option<String>,
    /// What children said.
    pub said: String,
    /// What was done, done before planned, each by date (ties keep the council's order).
    pub we_did: Vec<WeDid>,
}

/// A "You said, we did" table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YouSaidWeDid {
    format: String,
    version: u32,
    /// The poster's title, such as "You said, we did: reviews 2026".
    pub title: String,
    /// A line under the title (blank for none).
    #[serde(default)]
    pub intro: String,
    /// The survey it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_id: Option<String>,
    entries: Vec<YouSaid>,
    next_entry: u32,
}

impl YouSaidWeDid {
    /// An empty table, for a survey or for things said another way.
    pub fn new(title: &str, survey_id: Option<&str>) -> YouSaidWeDid {
        YouSaidWeDid {
            format: YOU_SAID_FORMAT.to_owned(),
            version: YOU_SAID_VERSION,
            title: title.to_owned(),
            intro: String::new(),
            survey_id: survey_id.map(str::to_owned),
            entries: Vec::new(),
            next_entry: 1,
        }
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[YouSaid] {
        &self.entries
    }

    /// Adds an entry at the end and returns its id.
    pub fn add_entry(&mut self, about: About, said: &str) -> String {
        let id = format!("e{}", self.next_entry);
        self.next_entry += 1;
        self.entries.push(YouSaid {
            id: id.clone(),
            about,
            said: said.to_owned(),
            actions: Vec::new(),
        });
        id
    }

    /// An entry, to edit what it says and its actions.
    pub fn entry_mut(&mut self, id: &str) -> Option<&mut YouSaid> {
        self.entries.iter_mut().find(|e| e.id == id)
    }

    /// Removes an entry.
    pub fn remove_entry(&mut self, id: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        self.entries.len() != before
    }

    /// Moves an entry to position `to` (from 0; past the end means last).
    pub fn move_entry(&mut self, id: &str, to: usize) -> bool {
        let Some(from) = self.entries.iter().position(|e| e.id == id) else {
            return false;
        };
        let entry = self.entries.remove(from);
        let to = to.min(self.entries.len());
        self.entries.insert(to, entry);
        true
    }

    /// Everything to fix before printing, on `today`. A survey and theme book, when given,
    /// are checked against what entries are about.
    pub fn problems(
        &self,
        today: Date,
        survey: Option<&Booklet>,
        themes: Option<&ThemeBook>,
    ) -> Vec<YouSaidProblem> {
        let mut out = Vec::new();
        let mut problem =
            |entry: Option<usize>, action: Option<usize>, kind: YouSaidIssue, message: String| {
                out.push(YouSaidProblem {
                    entry,
                    action,
                    kind,
                    message,
                })
            };
        if self.title.trim().is_empty() {
            problem(
                None,
                None,
                YouSaidIssue::NoTitle,
                "Give the poster a title.".into(),
            );
        } else if self.title.chars().count() > MAX_TITLE_CHARS {
            problem(
                None,
                None,
                YouSaidIssue::TitleTooLong,
                format!("The title can be at most {MAX_TITLE_CHARS} characters."),
            );
        }
        if self.intro.chars().count() > MAX_TITLE_CHARS {
            problem(
                None,
                None,
                YouSaidIssue::IntroTooLong,
                format!("The line under the title can be at most {MAX_TITLE_CHARS} characters."),
            );
        }
        if self.entries.is_empty() {
            problem(
                None,
                None,
                YouSaidIssue::NoEntries,
                "Add at least one thing children said.".into(),
            );
        }
        for (e, entry) in self.entries.iter().enumerate() {
            let e = Some(e + 1);
            match &entry.about {
                About::Theme(id) => {
                    if let Some(book) = themes {
                        if book.theme(id).is_none() {
                            problem(
                                e,
                                None,
                                YouSaidIssue::ThemeRemoved,
                                "it is about a theme that has been removed: choose another".into(),
                            );
                        }
                    }
                }
                About::Question(id) => {
                    if let Some(s) = survey {
                        if s.question(id).is_none() {
                            problem(
                                e,
                                None,
                                YouSaidIssue::QuestionMissing,
                                "it is about a question that is not in the survey: choose another"
                                    .into(),
                            );
                        }
                    }
                }
                About::General => {}
            }
            if entry.said.trim().is_empty() {
                problem(
                    e,
                    None,
                    YouSaidIssue::NoSaid,
                    "write what children said".into(),
                );
            } else if entry.said.chars().count() > MAX_ENTRY_CHARS {
                problem(
                    e,
                    None,
                    YouSaidIssue::SaidTooLong,
                    format!("what children said can be at most {MAX_ENTRY_CHARS} characters"),
                );
            }
            if entry.actions.is_empty() {
                problem(
                    e,
                    None,
                    YouSaidIssue::NoActions,
                    "add at least one thing that was done or is planned".into(),
                );
            }
            for (a, action) in entry.actions.iter().enumerate() {
                let a = Some(a + 1);
                if action.what.trim().is_empty() {
                    problem(e, a, YouSaidIssue::NoWhat, "write what was done".into());
                } else if action.what.chars().count() > MAX_ENTRY_CHARS {
                    problem(
                        e,
                        a,
                        YouSaidIssue::WhatTooLong,
                        format!("this can be at most {MAX_ENTRY_CHARS} characters"),
                    );
                }
                match action.status {
                    ActionStatus::Done if action.date > today => problem(
                        e,
                        a,
                        YouSaidIssue::DoneInFuture(action.date),
                        format!(
                            "it is marked done on {}, which has not come yet: mark it planned, \
                             or change the date",
                            action.date
                        ),
                    ),
                    ActionStatus::Planned if action.date < today => problem(
                        e,
                        a,
                        YouSaidIssue::PlannedInPast(action.date),
                        format!(
                            "it was planned for {}, which has passed: mark it done, or give a \
                             new date",
                            action.date
                        ),
                    ),
                    _ => {}
                }
            }
        }
        out
    }

    /// What an entry is about, in words: the theme's name, or the question's wording in
    /// `locale`.
    fn about_words(
        about: &About,
        locale: &LocaleCode,
        survey: Option<&Booklet>,
        themes: Option<&ThemeBook>,
    ) -> Option<String> {
        match about {
            About::Theme(id) => themes.and_then(|t| t.theme(id)).map(|t| t.name.clone()),
            About::Question(id) => survey.and_then(|s| {
                s.question(id)
                    .map(|q| q.text.get(locale, &s.fallback_locale()).to_owned())
            }),
            About::General => None,
        }
    }

    /// The poster's content, when there is nothing to fix (else the problems).
    pub fn poster(
        &self,
        today: Date,
        locale: &LocaleCode,
        survey: Option<&Booklet>,
        themes: Option<&ThemeBook>,
    ) -> Result<Poster, Vec<YouSaidProblem>> {
        let problems = self.problems(today, survey, themes);
        if !problems.is_empty() {
            return Err(problems);
        }
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let mut we_did = e.actions.clone();
                we_did.sort_by_key(|a| (a.status == ActionStatus::Planned, a.date));
                PosterRow {
                    about: Self::about_words(&e.about, locale, survey, themes),
                    said: e.said.trim().to_owned(),
                    we_did,
                }
            })
            .collect();
        Ok(Poster {
            title: self.title.trim().to_owned(),
            intro: (!self.intro.trim().is_empty()).then(|| self.intro.trim().to_owned()),
            rows,
            updated_on: today,
        })
    }

    /// The table as CSV: one row per action (an entry with no actions has one row with the
    /// action cells empty), with `entry` (its number), `about`, `you_said`, `we_did`, `date`
    /// and `status`.
    pub fn to_csv(
        &self,
        locale: &LocaleCode,
        survey: Option<&Booklet>,
        themes: Option<&ThemeBook>,
    ) -> String {
        let mut w = CsvWriter::new();
        w.row(&["entry", "about", "you_said", "we_did", "date", "status"]);
        for (n, e) in self.entries.iter().enumerate() {
            let about = match &e.about {
                About::General => String::new(),
                other => Self::about_words(other, locale, survey, themes).unwrap_or_default(),
            };
            let start = |w: &mut CsvWriter| {
                w.number(n as i64 + 1).text(&about).text(&e.said);
            };
            if e.actions.is_empty() {
                start(&mut w);
                w.empty().empty().empty();
                w.end_row();
            }
            for a in &e.actions {
                start(&mut w);
                w.text(&a.what)
                    .text(&a.date.to_string())
                    .text(a.status.code());
                w.end_row();
            }
        }
        w.finish()
    }

    /// The table as JSON, to store or export.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }

    /// Reads a saved table. All or nothing.
    pub fn from_json(text: &str) -> Result<YouSaidWeDid, YouSaidError> {
        match check_header(text, YOU_SAID_FORMAT, YOU_SAID_VERSION) {
            Ok(()) => {}
            Err(HeaderCheck::WrongFormat) => return Err(YouSaidError::NotAYouSaidFile),
            Err(HeaderCheck::Newer(v)) => return Err(YouSaidError::NewerVersion(v)),
            Err(HeaderCheck::BadVersion) => return Err(YouSaidError::Damaged("version".into())),
        }
        let table: YouSaidWeDid =
            serde_json::from_str(text).map_err(|e| YouSaidError::Damaged(e.to_string()))?;
        let mut ids = std::collections::HashSet::new();
        for e in &table.entries {
            let n: Option<u32> = e.id.strip_prefix('e').and_then(|n| n.parse().ok());
            if !n.is_some_and(|n| n >= 1 && n < table.next_entry) || !ids.insert(e.id.as_str()) {
                return Err(YouSaidError::Damaged(format!("entry id \"{}\"", e.id)));
            }
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::fixtures::{draft, en, qid};
    use proptest::prelude::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// The Child in Care Council's table from the 2012/13 IRO annual report.
    fn table() -> (YouSaidWeDid, Booklet, ThemeBook) {
        let survey = draft().publish().unwrap();
        let mut themes = ThemeBook::new(&survey.id);
        let boring = themes.add_theme("Reviews can be boring").unwrap();
        let mut t = YouSaidWeDid::new("What the Child in Care Council told IROs", Some(&survey.id));
        t.intro = "We asked for feedback about reviews so that we could make them better.".into();
        let e1 = t.add_entry(
            About::Question(qid("q1")),
            "We don't know how to contact the IRO.",
        );
        let e = t.entry_mut(&e1).unwrap();
        e.actions.push(WeDid {
            what: "We sent letters from the IRO to each child with the IRO's photo.".into(),
            date: day("2013-03-01"),
            status: ActionStatus::Done,
        });
        e.actions.push(WeDid {
            what: "We made IRO business cards and sent them to all children in care.".into(),
            date: day("2013-02-01"),
            status: ActionStatus::Done,
        });
        let e2 = t.add_entry(
            About::Theme(boring),
            "Review meetings can be boring, too long or embarrassing.",
        );
        let e = t.entry_mut(&e2).unwrap();
        e.actions.push(WeDid {
            what: "A telephone survey to see if these actions have made a difference.".into(),
            date: day("2013-10-01"),
            status: ActionStatus::Planned,
        });
        e.actions.push(WeDid {
            what: "The IRO agrees an exit plan with the child before the review.".into(),
            date: day("2013-04-15"),
            status: ActionStatus::Done,
        });
        let e3 = t.add_entry(About::General, "We do not want a change of IRO.");
        t.entry_mut(&e3).unwrap().actions.push(WeDid {
            what: "We will not change the IRO unless they leave or are ill for a long time.".into(),
            date: day("2013-01-10"),
            status: ActionStatus::Done,
        });
        (t, survey, themes)
    }

    #[test]
    fn the_poster_lists_what_was_done_by_date() {
        let (t, survey, themes) = table();
        let today = day("2013-05-01");
        assert_eq!(t.problems(today, Some(&survey), Some(&themes)), vec![]);
        let poster = t
            .poster(today, &en(), Some(&survey), Some(&themes))
            .unwrap();
        assert_eq!(poster.title, "What the Child in Care Council told IROs");
        assert!(poster.intro.is_some());
        assert_eq!(poster.updated_on, today);
        assert_eq!(poster.rows.len(), 3);
        assert_eq!(
            poster.rows[0].about.as_deref(),
            Some("Do you know how to contact your IRO?")
        );
        let dates: Vec<String> = poster.rows[0]
            .we_did
            .iter()
            .map(|a| a.date.to_string())
            .collect();
        assert_eq!(dates, ["2013-02-01", "2013-03-01"]);
        assert_eq!(
            poster.rows[1].about.as_deref(),
            Some("Reviews can be boring")
        );
        let statuses: Vec<ActionStatus> = poster.rows[1].we_did.iter().map(|a| a.status).collect();
        assert_eq!(
            statuses,
            [ActionStatus::Done, ActionStatus::Planned],
            "done first"
        );
        assert_eq!(poster.rows[2].about, None);
    }

    #[test]
    fn problems_say_what_to_fix() {
        let (mut t, survey, mut themes) = table();
        let today = day("2013-05-01");
        t.title = " ".into();
        let e1 = t.entries()[0].id().to_owned();
        let e = t.entry_mut(&e1).unwrap();
        e.said = String::new();
        e.actions[0].status = ActionStatus::Done;
        e.actions[0].date = day("2013-06-01");
        e.actions[1].what = "  ".into();
        let e2 = t.entries()[1].id().to_owned();
        t.entry_mut(&e2).unwrap().actions[0].date = day("2013-04-30");
        let id = t.add_entry(About::Question(qid("q99")), "Something");
        assert_eq!(id, "e4");
        let boring = themes.themes()[0].id.clone();
        themes.remove_theme(&boring);
        let found = t.problems(today, Some(&survey), Some(&themes));
        let kinds: Vec<YouSaidIssue> = found.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                YouSaidIssue::NoTitle,
                YouSaidIssue::NoSaid,
                YouSaidIssue::DoneInFuture(day("2013-06-01")),
                YouSaidIssue::NoWhat,
                YouSaidIssue::ThemeRemoved,
                YouSaidIssue::PlannedInPast(day("2013-04-30")),
                YouSaidIssue::QuestionMissing,
                YouSaidIssue::NoActions,
            ]
        );
        let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "Give the poster a title.",
                "Entry 1: write what children said",
                "Entry 1, action 1: it is marked done on 2013-06-01, which has not come yet: mark it planned, or change the date",
                "Entry 1, action 2: write what was done",
                "Entry 2: it is about a theme that has been removed: choose another",
                "Entry 2, action 1: it was planned for 2013-04-30, which has passed: mark it done, or give a new date",
                "Entry 4: it is about a question that is not in the survey: choose another",
                "Entry 4: add at least one thing that was done or is planned",
            ]
        );
        assert!(t
            .poster(today, &en(), Some(&survey), Some(&themes))
            .is_err());
        let empty = YouSaidWeDid::new("Title", None);
        assert_eq!(
            empty.problems(today, None, None)[0].message,
            "Add at least one thing children said."
        );
    }

    #[test]
    fn entries_are_reordered_and_removed() {
        let (mut t, _, _) = table();
        assert!(t.move_entry("e3", 0));
        let ids: Vec<&str> = t.entries().iter().map(|e| e.id()).collect();
        assert_eq!(ids, ["e3", "e1", "e2"]);
        assert!(t.remove_entry("e1"));
        assert!(!t.remove_entry("e1"));
        assert_eq!(
            t.add_entry(About::General, "x"),
            "e4",
            "ids are never reused"
        );
    }

    #[test]
    fn csv_has_a_row_per_action() {
        let (mut t, survey, themes) = table();
        t.add_entry(About::General, "=1+1 we want pizza");
        let csv = t.to_csv(&en(), Some(&survey), Some(&themes));
        let rows = crate::csv::parse(&csv).unwrap();
        assert_eq!(
            rows[0],
            ["entry", "about", "you_said", "we_did", "date", "status"]
        );
        assert_eq!(rows.len(), 1 + 2 + 2 + 1 + 1);
        assert_eq!(rows[1][1], "Do you know how to contact your IRO?");
        assert_eq!(rows[1][4], "2013-03-01");
        assert_eq!(rows[3][5], "planned");
        assert_eq!(rows[5][1], "");
        assert_eq!(rows[6][2], "'=1+1 we want pizza", "formula neutralised");
        assert_eq!(rows[6][3], "");
    }

    #[test]
    fn a_saved_table_reads_back_or_is_refused_whole() {
        let (t, _, _) = table();
        let json = t.to_json();
        assert_eq!(YouSaidWeDid::from_json(&json).unwrap(), t);
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["version"] = serde_json::json!(3);
        assert_eq!(
            YouSaidWeDid::from_json(&v.to_string()),
            Err(YouSaidError::NewerVersion(3))
        );
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["entries"][1]["id"] = serde_json::json!("e1");
        assert!(matches!(
            YouSaidWeDid::from_json(&v.to_string()),
            Err(YouSaidError::Damaged(_))
        ));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["entries"][0]["actions"][0]["date"] = serde_json::json!("2013-02-30");
        assert!(matches!(
            YouSaidWeDid::from_json(&v.to_string()),
            Err(YouSaidError::Damaged(_))
        ));
        assert_eq!(
            YouSaidWeDid::from_json("[]"),
            Err(YouSaidError::NotAYouSaidFile)
        );
    }

    proptest! {
        #[test]
        fn any_text_is_refused_or_read_without_panicking(s in ".*") {
            let _ = YouSaidWeDid::from_json(&s);
            let _ = YouSaidWeDid::from_json(&format!(
                "{{\"format\":\"{YOU_SAID_FORMAT}\",\"version\":1,{s}}}"
            ));
        }
    }
}

//! "You said, we did": each thing children said, beside what was done about it.
//!
//! A Children in Care Council writes one entry per thing children said, about a theme of the
//! free-text answers, about a question, or about something raised another way (at a
//! participation event, say), and lists what was done, each action with a date and whether it
//! is done, an ongoing promise ("we will keep…") or planned. An action done or ongoing can
//! later record whether it made a difference ([`Review`]: yes, no or not yet known, with words
//! and a date). [`YouSaidWeDid::problems`] says what to fix before printing;
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
/// The headings of [`YouSaidWeDid::to_csv`].
pub const YOU_SAID_COLUMNS: [&str; 9] = [
    "entry",
    "about",
    "you_said",
    "we_did",
    "date",
    "status",
    "made_difference",
    "review_note",
    "review_date",
];

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

impl About {
    /// One short text for what the entry is about, as a form's choice names it: `general`,
    /// `theme:<id>` or `question:<id>`. [`About::from_code`] reads it back.
    pub fn code(&self) -> String {
        match self {
            About::General => "general".into(),
            About::Theme(t) => format!("theme:{}", t.as_str()),
            About::Question(q) => format!("question:{}", q.as_str()),
        }
    }

    /// What [`About::code`] wrote, or `None` for any other text (an empty choice).
    pub fn from_code(code: &str) -> Option<About> {
        if code == "general" {
            return Some(About::General);
        }
        if let Some(t) = code.strip_prefix("theme:") {
            return (!t.is_empty()).then(|| About::Theme(ThemeId(t.to_owned())));
        }
        code.strip_prefix("question:")
            .filter(|q| !q.is_empty())
            .map(|q| About::Question(QuestionId::new(q)))
    }
}

/// Whether an action has been done, is an ongoing promise, or is planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Done, on its date.
    Done,
    /// Planned, by its date.
    Planned,
    /// A promise kept from its date on ("We will keep texting you before every review").
    Ongoing,
}

impl ActionStatus {
    /// "done", "planned" or "ongoing", as files write it.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Done => "done",
            ActionStatus::Planned => "planned",
            ActionStatus::Ongoing => "ongoing",
        }
    }

    /// Where the poster lists it: done first, then ongoing, then planned.
    fn order(self) -> u8 {
        match self {
            ActionStatus::Done => 0,
            ActionStatus::Ongoing => 1,
            ActionStatus::Planned => 2,
        }
    }
}

/// Whether an action made a difference, as the council found when it looked back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    /// It made a difference.
    Yes,
    /// It did not.
    No,
    /// Too soon to say, or nobody knows yet.
    NotYetKnown,
}

impl Difference {
    /// Every answer, in the order screens offer them.
    pub const ALL: [Difference; 3] = [Difference::Yes, Difference::No, Difference::NotYetKnown];

    /// "yes", "no" or "not_yet_known", as files write it.
    pub fn code(self) -> &'static str {
        match self {
            Difference::Yes => "yes",
            Difference::No => "no",
            Difference::NotYetKnown => "not_yet_known",
        }
    }
}

/// A look back at an action done or ongoing: did it make a difference?
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Yes, no or not yet known.
    pub made_difference: Difference,
    /// What the council found, in its words: "Children in our phone survey said the cards
    /// helped."
    pub note: String,
    /// The day the council looked back.
    pub date: Date,
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
    /// Done, ongoing or planned.
    pub status: ActionStatus,
    /// Whether it made a difference, once the council has looked back (older tables have
    /// none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

impl WeDid {
    /// An action with no look back yet.
    pub fn new(what: &str, date: Date, status: ActionStatus) -> WeDid {
        WeDid {
            what: what.to_owned(),
            date,
            status,
            review: None,
        }
    }
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
    /// An ongoing action starts after today (the date).
    OngoingInFuture(Date),
    /// A planned action says whether it made a difference: it has not happened yet.
    ReviewOfPlanned,
    /// A look back does not say what was found.
    NoReviewNote,
    /// What was found is longer than [`MAX_ENTRY_CHARS`].
    ReviewTooLong,
    /// A look back is dated after today (the date).
    ReviewInFuture(Date),
    /// A look back is dated before the action's own date (the look back's date).
    ReviewBeforeAction(Date),
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
    /// What was done: done, then ongoing, then planned, each by date (ties keep the council's
    /// order), each with its look back if it has one.
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
                    ActionStatus::Ongoing if action.date > today => problem(
                        e,
                        a,
                        YouSaidIssue::OngoingInFuture(action.date),
                        format!(
                            "it is marked ongoing from {}, which has not come yet: mark it \
                             planned, or change the date",
                            action.date
                        ),
                    ),
                    _ => {}
                }
                if let Some(review) = &action.review {
                    Self::review_problems(action, review, today, &mut |kind, message| {
                        problem(e, a, kind, message)
                    });
                }
            }
        }
        out
    }

    /// What is wrong with an action's look back, if anything.
    fn review_problems(
        action: &WeDid,
        review: &Review,
        today: Date,
        problem: &mut impl FnMut(YouSaidIssue, String),
    ) {
        if action.status == ActionStatus::Planned {
            problem(
                YouSaidIssue::ReviewOfPlanned,
                "it is only planned, so it is too soon to say whether it made a difference: \
                 mark it done or ongoing, or remove the look back"
                    .into(),
            );
        }
        if review.note.trim().is_empty() {
            problem(
                YouSaidIssue::NoReviewNote,
                "say what you found when you looked back".into(),
            );
        } else if review.note.chars().count() > MAX_ENTRY_CHARS {
            problem(
                YouSaidIssue::ReviewTooLong,
                format!("what you found can be at most {MAX_ENTRY_CHARS} characters"),
            );
        }
        if review.date > today {
            problem(
                YouSaidIssue::ReviewInFuture(review.date),
                format!(
                    "the look back is dated {}, which has not come yet: change the date",
                    review.date
                ),
            );
        } else if review.date < action.date {
            problem(
                YouSaidIssue::ReviewBeforeAction(review.date),
                format!(
                    "the look back is dated {}, before the action's own date: change one of them",
                    review.date
                ),
            );
        }
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
                we_did.sort_by_key(|a| (a.status.order(), a.date));
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
    /// action cells empty), with the columns of [`YOU_SAID_COLUMNS`]: `entry` (its number),
    /// `about`, `you_said`, `we_did`, `date`, `status` (done, ongoing or planned), then the
    /// action's look back, empty if it has none: `made_difference` (yes, no or not_yet_known),
    /// `review_note` and `review_date`.
    pub fn to_csv(
        &self,
        locale: &LocaleCode,
        survey: Option<&Booklet>,
        themes: Option<&ThemeBook>,
    ) -> String {
        let mut w = CsvWriter::new();
        w.row(&YOU_SAID_COLUMNS);
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
                w.empty().empty().empty().empty().empty().empty();
                w.end_row();
            }
            for a in &e.actions {
                start(&mut w);
                w.text(&a.what)
                    .text(&a.date.to_string())
                    .text(a.status.code());
                match &a.review {
                    Some(r) => w
                        .text(r.made_difference.code())
                        .text(&r.note)
                        .text(&r.date.to_string()),
                    None => w.empty().empty().empty(),
                };
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
            review: None,
        });
        e.actions.push(WeDid {
            what: "We made IRO business cards and sent them to all children in care.".into(),
            date: day("2013-02-01"),
            status: ActionStatus::Done,
            review: None,
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
            review: None,
        });
        e.actions.push(WeDid {
            what: "The IRO agrees an exit plan with the child before the review.".into(),
            date: day("2013-04-15"),
            status: ActionStatus::Done,
            review: None,
        });
        let e3 = t.add_entry(About::General, "We do not want a change of IRO.");
        t.entry_mut(&e3).unwrap().actions.push(WeDid {
            what: "We will not change the IRO unless they leave or are ill for a long time.".into(),
            date: day("2013-01-10"),
            status: ActionStatus::Done,
            review: None,
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
        assert_eq!(rows[0], YOU_SAID_COLUMNS);
        assert!(
            rows.iter().all(|r| r.len() == 9),
            "every row has every cell"
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

    #[test]
    fn an_ongoing_promise_and_whether_an_action_made_a_difference() {
        let (mut t, survey, themes) = table();
        let today = day("2013-11-01");
        let e1 = t.entries()[0].id().to_owned();
        let e = t.entry_mut(&e1).unwrap();
        e.actions[1].review = Some(Review {
            made_difference: Difference::Yes,
            note: "In our phone survey 8 in 10 children knew how to reach their IRO.".into(),
            date: day("2013-10-20"),
        });
        e.actions.push(WeDid::new(
            "We will keep sending every new child in care an IRO card.",
            day("2013-04-01"),
            ActionStatus::Ongoing,
        ));
        e.actions.push(WeDid::new(
            "A card for brothers and sisters too.",
            day("2013-12-01"),
            ActionStatus::Planned,
        ));
        // The planned telephone survey of entry 2 has happened.
        let e2 = t.entries()[1].id().to_owned();
        let a = &mut t.entry_mut(&e2).unwrap().actions[0];
        a.status = ActionStatus::Done;
        a.review = Some(Review {
            made_difference: Difference::NotYetKnown,
            note: "Only a few children answered; we will ask again at the spring event.".into(),
            date: day("2013-10-30"),
        });
        assert_eq!(t.problems(today, Some(&survey), Some(&themes)), vec![]);

        // On the poster: done, then ongoing, then planned, each with its look back.
        let poster = t
            .poster(today, &en(), Some(&survey), Some(&themes))
            .unwrap();
        let statuses: Vec<ActionStatus> = poster.rows[0].we_did.iter().map(|a| a.status).collect();
        use ActionStatus::*;
        assert_eq!(statuses, [Done, Done, Ongoing, Planned]);
        let reviewed: Vec<Option<Difference>> = poster.rows[0]
            .we_did
            .iter()
            .map(|a| a.review.as_ref().map(|r| r.made_difference))
            .collect();
        // The cards (1 February) come before the letters (1 March).
        assert_eq!(reviewed, [Some(Difference::Yes), None, None, None]);

        // In the CSV: its status and its look back.
        let rows = crate::csv::parse(&t.to_csv(&en(), Some(&survey), Some(&themes))).unwrap();
        let row = |what: &str| rows.iter().find(|r| r[3] == what).unwrap().clone();
        let cards = row("We made IRO business cards and sent them to all children in care.");
        assert_eq!(
            cards[5..],
            [
                "done",
                "yes",
                "In our phone survey 8 in 10 children knew how to reach their IRO.",
                "2013-10-20"
            ]
        );
        let keep = row("We will keep sending every new child in care an IRO card.");
        assert_eq!(keep[4..], ["2013-04-01", "ongoing", "", "", ""]);
        let phone = row("A telephone survey to see if these actions have made a difference.");
        assert_eq!(phone[6], "not_yet_known");

        // Saved and read back whole.
        assert_eq!(YouSaidWeDid::from_json(&t.to_json()).unwrap(), t);

        // What to fix: an ongoing promise that has not started, a look back at something only
        // planned, with no words, dated in the future or before the action.
        let e = t.entry_mut(&e1).unwrap();
        e.actions[2].date = day("2013-11-02");
        e.actions[3].review = Some(Review {
            made_difference: Difference::No,
            note: " ".into(),
            date: day("2013-11-05"),
        });
        e.actions[1].review.as_mut().unwrap().date = day("2013-01-01");
        let kinds: Vec<(Option<usize>, YouSaidIssue)> = t
            .problems(today, Some(&survey), Some(&themes))
            .iter()
            .map(|p| (p.action, p.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (Some(2), YouSaidIssue::ReviewBeforeAction(day("2013-01-01"))),
                (Some(3), YouSaidIssue::OngoingInFuture(day("2013-11-02"))),
                (Some(4), YouSaidIssue::ReviewOfPlanned),
                (Some(4), YouSaidIssue::NoReviewNote),
                (Some(4), YouSaidIssue::ReviewInFuture(day("2013-11-05"))),
            ]
        );
        let e = t.entry_mut(&e1).unwrap();
        e.actions[3].review = None;
        e.actions[1].review.as_mut().unwrap().note = "x".repeat(MAX_ENTRY_CHARS + 1);
        let found = t.problems(today, Some(&survey), Some(&themes));
        assert!(found.iter().any(|p| p.kind == YouSaidIssue::ReviewTooLong));
        assert!(t
            .poster(today, &en(), Some(&survey), Some(&themes))
            .is_err());
    }

    #[test]
    fn a_table_saved_before_look_backs_still_reads() {
        // As an older version saved it: no "review", no "ongoing".
        let old = r#"{"format":"my-say/you-said-we-did","version":1,"title":"You said, we did",
            "intro":"","entries":[{"id":"e1","about":{"type":"general"},"said":"More visits.",
            "actions":[{"what":"Visits every month.","date":"2026-01-10","status":"done"},
            {"what":"Ask again.","date":"2026-12-01","status":"planned"}]}],"next_entry":2}"#;
        let t = YouSaidWeDid::from_json(old).unwrap();
        let actions = &t.entries()[0].actions;
        assert_eq!(actions.len(), 2);
        assert!(actions.iter().all(|a| a.review.is_none()));
        assert_eq!(actions[1].status, ActionStatus::Planned);
        // Saved again, it still has no look back written into it.
        assert!(!t.to_json().contains("review"));
        assert_eq!(YouSaidWeDid::from_json(&t.to_json()).unwrap(), t);
        // A look back with a field nobody knows is refused, like the rest of the table.
        let odd = old.replace(
            r#""status":"done"}"#,
            r#""status":"done","review":{"made_difference":"yes","note":"x","date":"2026-02-01","who":"me"}}"#,
        );
        assert!(matches!(
            YouSaidWeDid::from_json(&odd),
            Err(YouSaidError::Damaged(_))
        ));
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

    #[test]
    fn what_an_entry_is_about_reads_back_from_its_code() {
        for about in [
            About::General,
            About::Theme(ThemeId("t2".into())),
            About::Question(QuestionId::new("q3")),
        ] {
            assert_eq!(About::from_code(&about.code()), Some(about));
        }
        for other in ["", "theme:", "question:", "General", "theme", "other:x"] {
            assert_eq!(About::from_code(other), None, "{other}");
        }
    }
}

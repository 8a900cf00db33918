//! A child going through a booklet, as pure state.
//!
//! The app shows a start screen, then one visible question at a time, then a review screen
//! ("Here's what you told us"). A question whose `show_if` condition is not met is hidden and
//! skipped. Every answer is saved at once as a [`Draft`], so a child can stop and carry on later;
//! [`Draft::finish`] turns it into the [`CompletedBooklet`] that is sealed for the IRO.

use crate::age_band::AgeBand;
use crate::answer::{Answer, Answers, Pick};
use crate::booklet::{AnswerKind, Booklet, BookletKind, Question, QuestionId, Section};
use crate::child::ChildDetails;
use crate::outline::Outline;
use crate::record::CompletedBooklet;
use crate::text::{LocaleCode, Text};
use crate::validate::values_of;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

pub mod in_progress;
pub use in_progress::InProgress;

/// Where a child is in a booklet. Saved in a [`Draft`] as
/// `{"at": "start"}`, `{"at": "question", "question": "feel_safe"}` or `{"at": "review"}`.
///
/// Read in one pass whatever the order of `at` and `question` (`impl Deserialize` below), as
/// [`crate::Answer`] is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "at", content = "question", rename_all = "snake_case")]
pub enum Position {
    /// Before the first question: the booklet's intro and a start button.
    Start,
    /// At a question, by id (so a saved position survives small changes to a booklet).
    Question(QuestionId),
    /// The last step: "Here's what you told us", where the child can change anything and finish.
    Review,
}

/// A position's `at`, without its question.
#[derive(Clone, Copy)]
pub(crate) enum PositionAt {
    Start,
    Question,
    Review,
}

crate::serde_by_hand::by_name!(PositionAt {
    Start = "start",
    Question = "question",
    Review = "review",
});

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::serde_by_hand::tag_and_value(deserializer)
    }
}

impl crate::serde_by_hand::TagAndValue for Position {
    type Tag = PositionAt;
    type Value = QuestionId;
    const FIELDS: [&'static str; 2] = ["at", "question"];
    const EXPECTING: &'static str = "a position";

    fn build<E: serde::de::Error>(at: PositionAt, question: Option<QuestionId>) -> Result<Self, E> {
        match (at, question) {
            (PositionAt::Start, None) => Ok(Position::Start),
            (PositionAt::Review, None) => Ok(Position::Review),
            (PositionAt::Question, Some(id)) => Ok(Position::Question(id)),
            (PositionAt::Question, None) => Err(E::missing_field("question")),
            (_, Some(_)) => Err(E::unknown_field("question", &["at"])),
        }
    }
}

/// How far through the booklet a child is: "question `current` of `total`".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// 0 at the start, 1 for the first visible question, `total` at the review.
    pub current: usize,
    /// How many questions are visible now (conditions can change it as the child answers).
    pub total: usize,
    /// How many visible questions have an answer.
    pub answered: usize,
}

/// One line of the review screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewItem<'a> {
    /// The section the question is in.
    pub section: &'a Section,
    /// The question.
    pub question: &'a Question,
    /// The wording for the child's age band.
    pub text: &'a Text,
    /// The answer, or `None` when the child skipped it.
    pub answer: Option<&'a Answer>,
}

impl ReviewItem<'_> {
    /// Where to go to change this answer.
    pub fn position(&self) -> Position {
        Position::Question(self.question.id.clone())
    }
}

/// A booklet with a child's current answers: what is visible, and how to move through it.
#[derive(Clone, Debug)]
pub struct Session<'a> {
    booklet: &'a Booklet,
    band: AgeBand,
    answers: &'a Answers,
    /// Every question in booklet order, with its section and whether it is visible now.
    questions: Vec<(&'a Section, &'a Question, bool)>,
}

impl<'a> Session<'a> {
    /// Works out which questions are visible for these answers.
    ///
    /// A question with a `show_if` is visible when the question it refers to is visible and its
    /// answer matches one of `any_of`. So a question hidden by its condition also hides the
    /// questions that depend on it, and an answer to a hidden question never shows anything.
    /// A condition that refers to itself, a later or an unknown question (which
    /// [`crate::validate::validate`] rejects) hides its question.
    pub fn new(booklet: &'a Booklet, band: AgeBand, answers: &'a Answers) -> Session<'a> {
        let mut questions: Vec<(&'a Section, &'a Question, bool)> = Vec::new();
        for section in &booklet.sections {
            for question in &section.questions {
                let visible = match &question.show_if {
                    None => true,
                    Some(condition) => questions
                        .iter()
                        .find(|(_, q, _)| q.id == condition.question)
                        .is_some_and(|(_, _, shown)| {
                            *shown
                                && answers.get(&condition.question).is_some_and(|a| {
                                    condition.any_of.iter().any(|value| a.matches(value))
                                })
                        }),
                };
                questions.push((section, question, visible));
            }
        }
        Session {
            booklet,
            band,
            answers,
            questions,
        }
    }

    /// The booklet.
    pub fn booklet(&self) -> &'a Booklet {
        self.booklet
    }

    /// The child's age band.
    pub fn band(&self) -> AgeBand {
        self.band
    }

    /// Whether the question with this id is shown now.
    pub fn is_visible(&self, id: &QuestionId) -> bool {
        self.questions
            .iter()
            .any(|(_, q, visible)| *visible && &q.id == id)
    }

    /// The questions shown now, in booklet order.
    pub fn visible_questions(&self) -> Vec<&'a Question> {
        self.questions
            .iter()
            .filter(|(_, _, visible)| *visible)
            .map(|(_, q, _)| *q)
            .collect()
    }

    /// The wording of a question for the child's age band, or for the booklet's own band when
    /// the child was given a simpler booklet than their band's (one not for their band).
    pub fn text_of(&self, question: &'a Question) -> &'a Text {
        let bands = &self.booklet.age_bands;
        let band = match bands.first() {
            Some(first) if !bands.contains(&self.band) => *first,
            _ => self.band,
        };
        question.text_for(band)
    }

    /// The section a question is in.
    pub fn section_of(&self, id: &QuestionId) -> Option<&'a Section> {
        self.questions
            .iter()
            .find(|(_, q, _)| &q.id == id)
            .map(|(s, _, _)| *s)
    }

    /// The answer given to a question, if any.
    pub fn answer(&self, id: &QuestionId) -> Option<&'a Answer> {
        self.answers.get(id)
    }

    fn index_of(&self, id: &QuestionId) -> Option<usize> {
        self.questions.iter().position(|(_, q, _)| &q.id == id)
    }

    fn first_visible_from(&self, from: usize) -> Position {
        self.questions
            .iter()
            .skip(from)
            .find(|(_, _, visible)| *visible)
            .map_or(Position::Review, |(_, q, _)| {
                Position::Question(q.id.clone())
            })
    }

    fn last_visible_before(&self, before: usize) -> Position {
        self.questions[..before.min(self.questions.len())]
            .iter()
            .rev()
            .find(|(_, _, visible)| *visible)
            .map_or(Position::Start, |(_, q, _)| {
                Position::Question(q.id.clone())
            })
    }

    /// The first visible question, or the review when none is visible.
    pub fn first(&self) -> Position {
        self.first_visible_from(0)
    }

    /// The step after `at`: the next visible question, or the review after the last one.
    /// From a question that is no longer in the booklet, the first question. The review stays put.
    pub fn next(&self, at: &Position) -> Position {
        match at {
            Position::Start => self.first(),
            Position::Question(id) => match self.index_of(id) {
                Some(i) => self.first_visible_from(i + 1),
                None => self.first(),
            },
            Position::Review => Position::Review,
        }
    }

    /// The step before `at`: the previous visible question, or the start before the first one.
    /// From a question that is no longer in the booklet, the start.
    pub fn previous(&self, at: &Position) -> Position {
        match at {
            Position::Start => Position::Start,
            Position::Question(id) => match self.index_of(id) {
                Some(i) => self.last_visible_before(i),
                None => Position::Start,
            },
            Position::Review => self.last_visible_before(self.questions.len()),
        }
    }

    /// Where to show a child who is at `at`: `at` itself when it is a visible question, the
    /// start or the review; the next visible question when `at` is hidden; the start when `at`
    /// is a question no longer in the booklet (a saved draft of an older revision).
    pub fn resolve(&self, at: &Position) -> Position {
        match at {
            Position::Question(id) => match self.index_of(id) {
                Some(i) if self.questions[i].2 => at.clone(),
                Some(i) => self.first_visible_from(i + 1),
                None => Position::Start,
            },
            other => other.clone(),
        }
    }

    /// "Question n of m" for a child at `at` (resolved first, see [`Session::resolve`]).
    pub fn progress(&self, at: &Position) -> Progress {
        let visible: Vec<&QuestionId> = self
            .questions
            .iter()
            .filter(|(_, _, v)| *v)
            .map(|(_, q, _)| &q.id)
            .collect();
        let total = visible.len();
        let answered = visible
            .iter()
            .filter(|id| self.answers.contains_key(**id))
            .count();
        let current = match self.resolve(at) {
            Position::Start => 0,
            Position::Review => total,
            Position::Question(id) => visible
                .iter()
                .position(|v| **v == id)
                .map_or(total, |i| i + 1),
        };
        Progress {
            current,
            total,
            answered,
        }
    }

    /// The review screen: every visible question with the child's answer, in booklet order.
    pub fn review(&self) -> Vec<ReviewItem<'a>> {
        self.questions
            .iter()
            .filter(|(_, _, visible)| *visible)
            .map(|(section, question, _)| ReviewItem {
                section,
                question,
                text: question.text_for(self.band),
                answer: self.answers.get(&question.id),
            })
            .collect()
    }

    /// The visible questions whose answer raises a worry, in booklet order.
    pub fn worries(&self) -> Vec<QuestionId> {
        self.questions
            .iter()
            .filter(|(_, q, visible)| {
                *visible && self.answers.get(&q.id).is_some_and(|a| is_worrying(q, a))
            })
            .map(|(_, q, _)| q.id.clone())
            .collect()
    }

    /// The answers a finished booklet keeps: those to visible questions that fit their question.
    pub fn kept_answers(&self) -> Answers {
        self.questions
            .iter()
            .filter(|(_, _, visible)| *visible)
            .filter_map(|(_, q, _)| {
                self.answers
                    .get(&q.id)
                    .filter(|a| !a.is_empty() && accepts(q, a))
                    .map(|a| (q.id.clone(), a.clone()))
            })
            .collect()
    }
}

/// The questions whose answers raise a worry for the IRO to follow up (the answer matches one
/// of the question's `worry_if` values), in booklet order. Hidden questions do not count.
pub fn worries(booklet: &Booklet, answers: &Answers) -> Vec<QuestionId> {
    // Visibility does not depend on the age band, only the wording does.
    Session::new(booklet, AgeBand::FourToSix, answers).worries()
}

/// Whether this answer to this question is one of its `worry_if` values.
pub fn is_worrying(question: &Question, answer: &Answer) -> bool {
    question.worry_if.iter().any(|value| answer.matches(value))
}

/// Whether to show the child the "it's OK to tell" screen now, after the answer to `question`
/// changed from `before` to `after`: when the new answer is worrying and is not the very answer
/// the child had already given (so going back and forward does not show it again and again).
pub fn shows_ok_to_tell(
    question: &Question,
    before: Option<&Answer>,
    after: Option<&Answer>,
) -> bool {
    match after {
        Some(answer) => is_worrying(question, answer) && before != Some(answer),
        None => false,
    }
}

/// Whether an answer fits a question: a value of its kind, option ids of its own options (each
/// once), own additions only where the question allows them, own words no longer than
/// `max_chars` characters. "I'd rather not say" fits every question.
pub fn accepts(question: &Question, answer: &Answer) -> bool {
    let values = values_of(&question.kind);
    match (answer, &question.kind) {
        (Answer::RatherNotSay, _) => true,
        (
            Answer::Picked(value),
            AnswerKind::YesNotSureNo | AnswerKind::Faces | AnswerKind::PickOne { .. },
        ) => values.contains(&value.as_str()),
        (Answer::PickedMany(picks), kind) => {
            let own_allowed = match kind {
                AnswerKind::PickSeveral { own_words, .. }
                | AnswerKind::PickAndOrder { own_words, .. } => *own_words,
                AnswerKind::People { .. } => true,
                _ => return false,
            };
            let mut seen = BTreeSet::new();
            picks.iter().all(|pick| match pick {
                Pick::Option(id) => values.contains(&id.as_str()) && seen.insert(id.as_str()),
                Pick::Own(words) => own_allowed && !words.trim().is_empty(),
            })
        }
        (Answer::Words(words), AnswerKind::OwnWords { max_chars }) => {
            words.chars().count() <= *max_chars as usize
        }
        _ => false,
    }
}

/// Why an answer was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The booklet has no question with this id.
    UnknownQuestion(QuestionId),
    /// The answer does not fit the question (see [`accepts`]).
    DoesNotFit(QuestionId),
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownQuestion(id) => {
                write!(f, "the booklet has no question \"{}\"", id.as_str())
            }
            AnswerError::DoesNotFit(id) => {
                write!(f, "that answer does not fit question \"{}\"", id.as_str())
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// Why a draft cannot carry on with a booklet ([`Draft::carry_on`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CarryOnError {
    /// The booklet is not the one the draft was started on.
    OtherBooklet {
        /// The draft's booklet id.
        draft: String,
        /// The id of the booklet offered.
        booklet: String,
    },
    /// The booklet is an older revision than the one the draft was saved on (an app that went
    /// back to an earlier version): the draft may hold answers that revision cannot show.
    OlderRevision {
        /// The draft's revision.
        draft: u32,
        /// The revision of the booklet offered.
        booklet: u32,
    },
}

impl fmt::Display for CarryOnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CarryOnError::OtherBooklet { draft, booklet } => write!(
                f,
                "this draft is for booklet \"{draft}\", not \"{booklet}\""
            ),
            CarryOnError::OlderRevision { draft, booklet } => write!(
                f,
                "this draft was saved on revision {draft} of its booklet, and this version of \
                 My Say has only revision {booklet}"
            ),
        }
    }
}

impl std::error::Error for CarryOnError {}

/// What the app should do after saving an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answered {
    /// Show the "it's OK to tell" screen now (see [`shows_ok_to_tell`]).
    pub ok_to_tell: bool,
}

/// A booklet in progress: what the app saves after every answer and every step, so a child can
/// stop and carry on later. Times are RFC 3339 strings ("2026-11-22T10:15:00Z") from the app's clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The id of the booklet being filled in.
    pub booklet_id: String,
    /// The revision of that booklet the draft was started on, or last carried on with
    /// ([`Draft::carry_on`]). A draft opens and finishes against a newer revision too
    /// ([`Draft::finish`]).
    pub booklet_revision: u32,
    /// The child's own age band, which the figures count by. Their booklet may be a simpler
    /// one, for a younger band ([`Draft::booklet_band`]).
    pub age_band: AgeBand,
    /// What the adult entered (empty for an anonymous survey).
    pub child: ChildDetails,
    /// The language the child chose.
    pub locale: LocaleCode,
    /// The answers so far. A skipped question has no entry.
    #[serde(default)]
    pub answers: Answers,
    /// Where the child is.
    pub position: Position,
    /// When the child started.
    pub started_at: String,
    /// When the draft last changed.
    pub updated_at: String,
}

impl Draft {
    /// A new draft at the start of `booklet`.
    pub fn new(
        booklet: &Booklet,
        age_band: AgeBand,
        child: ChildDetails,
        locale: LocaleCode,
        now: &str,
    ) -> Draft {
        Draft::of(&booklet.id, booklet.revision, age_band, child, locale, now)
    }

    /// A new draft at the start of the booklet with this id and revision (as the start form
    /// knows a built-in booklet: [`crate::Outline::begin`]).
    pub fn of(
        booklet_id: &str,
        booklet_revision: u32,
        age_band: AgeBand,
        child: ChildDetails,
        locale: LocaleCode,
        now: &str,
    ) -> Draft {
        Draft {
            booklet_id: booklet_id.to_owned(),
            booklet_revision,
            age_band,
            child,
            locale,
            answers: Answers::new(),
            position: Position::Start,
            started_at: now.to_owned(),
            updated_at: now.to_owned(),
        }
    }

    /// The band of the booklet being filled in: a younger band's when the adult chose a simpler
    /// booklet ([`crate::builtin_band`]), otherwise (a council survey, too) the child's own.
    pub fn booklet_band(&self) -> AgeBand {
        crate::builtin::builtin_band(&self.booklet_id).unwrap_or(self.age_band)
    }

    /// Whether this draft was started on this booklet (same id and revision).
    pub fn is_for(&self, booklet: &Booklet) -> bool {
        self.booklet_id == booklet.id && self.booklet_revision == booklet.revision
    }

    /// Carries this draft on with `booklet`: the same booklet (same id) at the draft's revision
    /// or a newer one, such as a built-in booklet whose revision was raised after the child
    /// started. The draft then records `booklet`'s revision, so [`Draft::is_for`] holds.
    ///
    /// Nothing else changes: answers and the position are kept by question id. A question the
    /// newer revision no longer has is passed over ([`Session::resolve`]), and an answer that no
    /// longer fits is dropped when the child finishes ([`Draft::finish`]). Worries, the "it's OK
    /// to tell" screen and what is kept all follow `booklet` from now on.
    ///
    /// Refuses another booklet ([`CarryOnError::OtherBooklet`]) and an older revision than the
    /// draft's ([`CarryOnError::OlderRevision`]); the draft is unchanged then.
    pub fn carry_on(&mut self, booklet: &Booklet, now: &str) -> Result<(), CarryOnError> {
        if self.booklet_id != booklet.id {
            return Err(CarryOnError::OtherBooklet {
                draft: self.booklet_id.clone(),
                booklet: booklet.id.clone(),
            });
        }
        if booklet.revision < self.booklet_revision {
            return Err(CarryOnError::OlderRevision {
                draft: self.booklet_revision,
                booklet: booklet.revision,
            });
        }
        if self.booklet_revision != booklet.revision {
            self.booklet_revision = booklet.revision;
            self.updated_at = now.to_owned();
        }
        Ok(())
    }

    /// A question as this child is shown it: without the people options the adult hid
    /// ([`Question::with_people_hidden`]).
    pub fn shown<'q>(&self, question: &'q Question) -> Cow<'q, Question> {
        question.with_people_hidden(&self.child.hidden_people)
    }

    /// Switches on the optional sections of the booklet `outline` describes whose ids are in
    /// `sections`, as the adult chose on the start screen: each one's switch is answered "yes",
    /// so its questions are shown. The child still sees the switch, with "yes" chosen, and can
    /// change it (then the section's questions are hidden again and their answers dropped on
    /// finishing). Ids that are not its optional sections (a band's booklet without that topic)
    /// are passed over. Returns the ids switched on.
    pub fn switch_on(&mut self, outline: &Outline, sections: &[String], now: &str) -> Vec<String> {
        let mut on = Vec::new();
        for topic in &outline.topics {
            if sections.contains(&topic.id) {
                self.answers
                    .insert(topic.switch.clone(), Answer::Picked("yes".into()));
                self.updated_at = now.to_owned();
                on.push(topic.id.clone());
            }
        }
        on
    }

    /// The draft's answers over `booklet`.
    pub fn session<'a>(&'a self, booklet: &'a Booklet) -> Session<'a> {
        Session::new(booklet, self.age_band, &self.answers)
    }

    /// Where to show the child now (the saved position, resolved: see [`Session::resolve`]).
    pub fn current(&self, booklet: &Booklet) -> Position {
        self.session(booklet).resolve(&self.position)
    }

    /// Saves an answer. Blank own additions are dropped; an answer that says nothing
    /// ([`Answer::is_empty`]) removes the question's answer, as if skipped. An option the adult
    /// hid ([`Draft::shown`]) does not fit: the child was never offered it.
    pub fn set_answer(
        &mut self,
        booklet: &Booklet,
        id: &QuestionId,
        answer: Answer,
        now: &str,
    ) -> Result<Answered, AnswerError> {
        let question = booklet
            .question(id)
            .ok_or_else(|| AnswerError::UnknownQuestion(id.clone()))?;
        let answer = match answer {
            Answer::PickedMany(picks) => Answer::PickedMany(
                picks
                    .into_iter()
                    .filter(|p| !matches!(p, Pick::Own(w) if w.trim().is_empty()))
                    .collect(),
            ),
            other => other,
        };
        if answer.is_empty() {
            self.clear_answer(id, now);
            return Ok(Answered { ok_to_tell: false });
        }
        if !accepts(&self.shown(question), &answer) {
            return Err(AnswerError::DoesNotFit(id.clone()));
        }
        let ok_to_tell = shows_ok_to_tell(question, self.answers.get(id), Some(&answer));
        self.answers.insert(id.clone(), answer);
        self.updated_at = now.to_owned();
        Ok(Answered { ok_to_tell })
    }

    /// Removes the answer to a question (the child skipped it or cleared it).
    pub fn clear_answer(&mut self, id: &QuestionId, now: &str) {
        if self.answers.remove(id).is_some() {
            self.updated_at = now.to_owned();
        }
    }

    /// Moves on to the next step and returns it.
    pub fn go_next(&mut self, booklet: &Booklet, now: &str) -> Position {
        let next = self.session(booklet).next(&self.position);
        self.go_to(next, now)
    }

    /// Goes back a step and returns it.
    pub fn go_previous(&mut self, booklet: &Booklet, now: &str) -> Position {
        let previous = self.session(booklet).previous(&self.position);
        self.go_to(previous, now)
    }

    /// Goes to a step (the review screen's "change this answer", or "start again").
    pub fn go_to(&mut self, position: Position, now: &str) -> Position {
        if self.position != position {
            self.position = position.clone();
            self.updated_at = now.to_owned();
        }
        position
    }

    /// The finished booklet. Keeps only answers to questions that are visible now and fit their
    /// question, so answers to questions hidden by a later change are dropped. An anonymous
    /// survey keeps no child details, and of `completed_at` only the day ("2026-11-22", the
    /// UTC date: its first ten characters), so the time a child finished cannot pick them out.
    /// `id` is the random id of the finished booklet; `completed_at` the RFC 3339 UTC time.
    /// `booklet` must be the booklet the draft is for, at the draft's revision or a newer one
    /// (see [`Draft::carry_on`]).
    ///
    /// The finished booklet records `booklet`'s revision, not the one the draft was started on:
    /// the answers it keeps were checked against that revision, and its worries and report
    /// figures are worked out with it. A draft begun on revision 1 of a built-in booklet and
    /// finished after the app moved to revision 2 is a revision-2 booklet.
    ///
    /// The tablet passes the draft's own id as `id`, so a booklet finished twice (the first
    /// time the draft could not be removed) is one booklet, sealed again, never two.
    pub fn finish(&self, booklet: &Booklet, id: &str, completed_at: &str) -> CompletedBooklet {
        let (child, completed_at) = match booklet.kind {
            BookletKind::Survey => (
                ChildDetails::default(),
                completed_at.get(..10).unwrap_or(completed_at),
            ),
            BookletKind::Review => (self.child.clone(), completed_at),
        };
        CompletedBooklet {
            id: id.to_owned(),
            booklet_id: self.booklet_id.clone(),
            booklet_revision: booklet.revision,
            locale: self.locale.clone(),
            age_band: self.age_band,
            child,
            answers: self.session(booklet).kept_answers(),
            completed_at: completed_at.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{builtin_booklets, builtin_for};
    use crate::text::Text;
    use proptest::prelude::*;
    use serde_json::json;

    fn q(id: &str) -> QuestionId {
        QuestionId::new(id)
    }

    fn pos(id: &str) -> Position {
        Position::Question(q(id))
    }

    fn picked(v: &str) -> Answer {
        Answer::Picked(v.into())
    }

    /// feel_safe, worries, worry_details (if worries yes/not_sure), worry_more (if worry_details
    /// is rather_not_say: a chain), who (pick several), good_news.
    fn booklet(kind: &str) -> Booklet {
        let t = |en: &str| json!({"en": en});
        // A survey's id must start "survey-".
        let id = if kind == "survey" {
            "survey-test"
        } else {
            "test"
        };
        let v = json!({
            "format": "my-say/booklet", "version": 1, "id": id, "revision": 3, "kind": kind,
            "age_bands": ["7-9", "10-15"], "locales": ["en"], "title": t("Test"),
            "sections": [
                {"id": "a", "title": t("A"), "questions": [
                    {"id": "feel_safe", "theme": "home", "text": t("Safe?"),
                     "text_by_band": {"10-15": t("Do you feel safe where you live?")},
                     "kind": {"type": "yes_not_sure_no"}, "worry_if": ["no", "not_sure"]},
                    {"id": "worries", "theme": "worries", "text": t("Worried?"),
                     "kind": {"type": "yes_not_sure_no"}, "worry_if": ["yes"]},
                    {"id": "worry_details", "theme": "worries", "text": t("Tell me"),
                     "kind": {"type": "own_words", "max_chars": 10},
                     "show_if": {"question": "worries", "any_of": ["yes", "not_sure"]}},
                    {"id": "worry_more", "theme": "worries", "text": t("Would you like to talk?"),
                     "kind": {"type": "yes_not_sure_no"},
                     "show_if": {"question": "worry_details", "any_of": ["rather_not_say"]}}
                ]},
                {"id": "b", "title": t("B"), "questions": [
                    {"id": "who", "theme": "people", "text": t("Who?"),
                     "kind": {"type": "pick_several", "own_words": false, "options": [
                         {"id": "mum", "label": t("Mum")}, {"id": "dad", "label": t("Dad")}]}},
                    {"id": "good_news", "theme": "good_news", "text": t("Good news?"),
                     "kind": {"type": "own_words", "max_chars": 100}}
                ]}
            ]
        });
        crate::validate::load_booklet(&v.to_string()).unwrap()
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(id, a)| (q(id), a.clone())).collect()
    }

    fn ids(questions: Vec<&Question>) -> Vec<&str> {
        questions.into_iter().map(|q| q.id.as_str()).collect()
    }

    #[test]
    fn conditions_show_and_hide_questions() {
        let b = booklet("review");
        let none = Answers::new();
        let s = Session::new(&b, AgeBand::SevenToNine, &none);
        assert_eq!(
            ids(s.visible_questions()),
            ["feel_safe", "worries", "who", "good_news"]
        );

        for (value, shown) in [("yes", true), ("not_sure", true), ("no", false)] {
            let a = answers(&[("worries", picked(value))]);
            let s = Session::new(&b, AgeBand::SevenToNine, &a);
            assert_eq!(s.is_visible(&q("worry_details")), shown, "{value}");
        }
        let a = answers(&[("worries", Answer::RatherNotSay)]);
        assert!(!Session::new(&b, AgeBand::SevenToNine, &a).is_visible(&q("worry_details")));

        // A chain: worry_more depends on worry_details, which depends on worries.
        let a = answers(&[
            ("worries", picked("yes")),
            ("worry_details", Answer::RatherNotSay),
        ]);
        assert!(Session::new(&b, AgeBand::SevenToNine, &a).is_visible(&q("worry_more")));
        let a = answers(&[
            ("worries", picked("no")),
            ("worry_details", Answer::RatherNotSay),
        ]);
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert!(!s.is_visible(&q("worry_details")));
        assert!(
            !s.is_visible(&q("worry_more")),
            "an answer to a hidden question shows nothing"
        );
    }

    #[test]
    fn next_and_previous_skip_hidden_questions() {
        let b = booklet("review");
        let a = Answers::new();
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert_eq!(s.next(&Position::Start), pos("feel_safe"));
        assert_eq!(s.next(&pos("feel_safe")), pos("worries"));
        assert_eq!(
            s.next(&pos("worries")),
            pos("who"),
            "worry_details is hidden"
        );
        assert_eq!(s.next(&pos("good_news")), Position::Review);
        assert_eq!(s.next(&Position::Review), Position::Review);
        assert_eq!(s.previous(&Position::Review), pos("good_news"));
        assert_eq!(s.previous(&pos("who")), pos("worries"));
        assert_eq!(s.previous(&pos("feel_safe")), Position::Start);
        assert_eq!(s.previous(&Position::Start), Position::Start);

        let a = answers(&[("worries", picked("yes"))]);
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert_eq!(s.next(&pos("worries")), pos("worry_details"));
        assert_eq!(s.previous(&pos("who")), pos("worry_details"));

        // From a hidden question: on to the next visible one, back to the previous visible one.
        let a = Answers::new();
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert_eq!(s.next(&pos("worry_details")), pos("who"));
        assert_eq!(s.previous(&pos("worry_details")), pos("worries"));
        assert_eq!(s.resolve(&pos("worry_details")), pos("who"));
        assert_eq!(s.resolve(&pos("worries")), pos("worries"));
        // A question no longer in the booklet.
        assert_eq!(s.resolve(&pos("gone")), Position::Start);
        assert_eq!(s.next(&pos("gone")), pos("feel_safe"));
        assert_eq!(s.previous(&pos("gone")), Position::Start);
    }

    #[test]
    fn progress_counts_visible_questions() {
        let b = booklet("review");
        let a = answers(&[
            ("feel_safe", picked("yes")),
            ("worry_details", Answer::Words("x".into())),
        ]);
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert_eq!(
            s.progress(&Position::Start),
            Progress {
                current: 0,
                total: 4,
                answered: 1
            }
        );
        assert_eq!(
            s.progress(&pos("worries")),
            Progress {
                current: 2,
                total: 4,
                answered: 1
            }
        );
        assert_eq!(
            s.progress(&pos("worry_details")).current,
            3,
            "hidden: counts as the next one"
        );
        assert_eq!(
            s.progress(&Position::Review),
            Progress {
                current: 4,
                total: 4,
                answered: 1
            }
        );

        let a = answers(&[("worries", picked("not_sure"))]);
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert_eq!(
            s.progress(&pos("who")),
            Progress {
                current: 4,
                total: 5,
                answered: 1
            }
        );
    }

    #[test]
    fn the_review_lists_visible_questions_with_answers_in_the_childs_wording() {
        let b = booklet("review");
        let a = answers(&[
            ("worries", picked("no")),
            ("worry_details", Answer::Words("old".into())),
        ]);
        let s = Session::new(&b, AgeBand::TenToFifteen, &a);
        let review = s.review();
        assert_eq!(
            review
                .iter()
                .map(|r| r.question.id.as_str())
                .collect::<Vec<_>>(),
            ["feel_safe", "worries", "who", "good_news"]
        );
        assert_eq!(
            review[0].text,
            &Text::en("Do you feel safe where you live?")
        );
        assert_eq!(review[0].answer, None);
        assert_eq!(review[1].answer, Some(&picked("no")));
        assert_eq!(review[2].section.id, "b");
        assert_eq!(review[2].position(), pos("who"));
        let s = Session::new(&b, AgeBand::SevenToNine, &a);
        assert_eq!(s.review()[0].text, &Text::en("Safe?"));
    }

    #[test]
    fn worries_follow_worry_if_on_visible_questions() {
        let b = booklet("review");
        assert!(worries(&b, &Answers::new()).is_empty());
        let a = answers(&[
            ("feel_safe", picked("not_sure")),
            ("worries", picked("yes")),
        ]);
        assert_eq!(worries(&b, &a), [q("feel_safe"), q("worries")]);
        let a = answers(&[("feel_safe", picked("yes")), ("worries", picked("no"))]);
        assert!(worries(&b, &a).is_empty());
        let a = answers(&[("feel_safe", Answer::RatherNotSay)]);
        assert!(
            worries(&b, &a).is_empty(),
            "rather not say is not a worry unless listed"
        );

        let safe = b.question(&q("feel_safe")).unwrap();
        assert!(shows_ok_to_tell(safe, None, Some(&picked("no"))));
        assert!(shows_ok_to_tell(
            safe,
            Some(&picked("yes")),
            Some(&picked("no"))
        ));
        assert!(shows_ok_to_tell(
            safe,
            Some(&picked("no")),
            Some(&picked("not_sure"))
        ));
        assert!(
            !shows_ok_to_tell(safe, Some(&picked("no")), Some(&picked("no"))),
            "not twice"
        );
        assert!(!shows_ok_to_tell(safe, None, Some(&picked("yes"))));
        assert!(!shows_ok_to_tell(safe, Some(&picked("no")), None));
    }

    #[test]
    fn answers_must_fit_their_question() {
        let b = booklet("review");
        let get = |id: &str| b.question(&q(id)).unwrap();
        assert!(accepts(get("feel_safe"), &picked("not_sure")));
        assert!(!accepts(get("feel_safe"), &picked("very_happy")));
        assert!(accepts(get("feel_safe"), &Answer::RatherNotSay));
        assert!(!accepts(get("feel_safe"), &Answer::Words("yes".into())));
        assert!(accepts(
            get("who"),
            &Answer::PickedMany(vec![Pick::Option("dad".into())])
        ));
        assert!(!accepts(
            get("who"),
            &Answer::PickedMany(vec![Pick::Option("nan".into())])
        ));
        assert!(!accepts(
            get("who"),
            &Answer::PickedMany(vec![Pick::Option("dad".into()), Pick::Option("dad".into())])
        ));
        assert!(
            !accepts(
                get("who"),
                &Answer::PickedMany(vec![Pick::Own("Nan".into())])
            ),
            "own words not allowed"
        );
        assert!(!accepts(get("who"), &picked("dad")));
        assert!(accepts(
            get("worry_details"),
            &Answer::Words("ten chars!".into())
        ));
        assert!(!accepts(
            get("worry_details"),
            &Answer::Words("eleven char".into())
        ));
        assert!(
            accepts(get("worry_details"), &Answer::Words("éééééééééé".into())),
            "characters, not bytes"
        );
    }

    #[test]
    fn a_draft_saves_answers_and_moves_on() {
        let b = booklet("review");
        let child = ChildDetails {
            name: "Sam".into(),
            review_date: "2026-12-01".into(),
            ..ChildDetails::default()
        };
        let mut d = Draft::new(&b, AgeBand::SevenToNine, child, LocaleCode::new("en"), "t0");
        assert!(d.is_for(&b));
        assert_eq!(d.position, Position::Start);
        assert_eq!(d.go_next(&b, "t1"), pos("feel_safe"));
        assert_eq!(d.updated_at, "t1");

        let told = d
            .set_answer(&b, &q("feel_safe"), picked("no"), "t2")
            .unwrap();
        assert!(
            told.ok_to_tell,
            "a child who does not feel safe is told who to talk to at once"
        );
        let again = d
            .set_answer(&b, &q("feel_safe"), picked("no"), "t3")
            .unwrap();
        assert!(!again.ok_to_tell);
        assert_eq!(d.updated_at, "t3");

        assert_eq!(
            d.set_answer(&b, &q("feel_safe"), picked("maybe"), "t4"),
            Err(AnswerError::DoesNotFit(q("feel_safe")))
        );
        assert_eq!(
            d.set_answer(&b, &q("nope"), picked("yes"), "t4"),
            Err(AnswerError::UnknownQuestion(q("nope")))
        );
        assert_eq!(
            d.answers[&q("feel_safe")],
            picked("no"),
            "a rejected answer changes nothing"
        );

        // Empty answers remove the answer.
        d.set_answer(&b, &q("good_news"), Answer::Words("A star!".into()), "t5")
            .unwrap();
        d.set_answer(&b, &q("good_news"), Answer::Words("   ".into()), "t6")
            .unwrap();
        assert!(!d.answers.contains_key(&q("good_news")));
        d.set_answer(
            &b,
            &q("who"),
            Answer::PickedMany(vec![Pick::Option("mum".into())]),
            "t7",
        )
        .unwrap();
        d.set_answer(&b, &q("who"), Answer::PickedMany(vec![]), "t8")
            .unwrap();
        assert!(!d.answers.contains_key(&q("who")));
        d.clear_answer(&q("feel_safe"), "t9");
        assert!(d.answers.is_empty());
        assert_eq!(d.updated_at, "t9");

        assert_eq!(d.go_previous(&b, "t10"), Position::Start);
        d.go_to(Position::Review, "t11");
        assert_eq!(d.current(&b), Position::Review);
    }

    #[test]
    fn blank_own_additions_are_dropped() {
        let b = builtin_booklets().remove(1);
        let mut d = Draft::new(
            &b,
            AgeBand::SevenToNine,
            ChildDetails::default(),
            LocaleCode::new("en"),
            "t0",
        );
        let who = q("who_comes");
        d.set_answer(
            &b,
            &who,
            Answer::PickedMany(vec![Pick::Own(" ".into()), Pick::Option("mum".into())]),
            "t1",
        )
        .unwrap();
        assert_eq!(
            d.answers[&who],
            Answer::PickedMany(vec![Pick::Option("mum".into())])
        );
        d.set_answer(
            &b,
            &who,
            Answer::PickedMany(vec![Pick::Own("".into())]),
            "t2",
        )
        .unwrap();
        assert!(!d.answers.contains_key(&who));
    }

    /// Every people option id of every built-in booklet, and ids that are options of other
    /// kinds of question ("family", "school") or of none.
    fn people_ids() -> Vec<String> {
        let mut ids: Vec<String> = builtin_booklets()
            .iter()
            .flat_map(|b| b.people_options().into_iter().map(|c| c.id.clone()))
            .collect();
        ids.extend(["family", "school", "nobody_has_this"].map(String::from));
        ids.sort();
        ids.dedup();
        ids
    }

    #[test]
    fn nothing_hidden_offers_every_option_and_hiding_mum_hides_only_mum() {
        for b in builtin_booklets() {
            for question in b.questions() {
                let shown = question.with_people_hidden(&[]);
                assert!(
                    matches!(shown, Cow::Borrowed(_)),
                    "{}",
                    question.id.as_str()
                );
                assert_eq!(*shown, *question);
            }
            let who = b.question(&q("who_comes")).unwrap();
            let hidden = ["mum".to_owned()];
            let shown = who.with_people_hidden(&hidden);
            let ids = |q: &Question| q.options().iter().map(|c| c.id.clone()).collect::<Vec<_>>();
            let mut expected = ids(who);
            expected.retain(|id| id != "mum");
            assert_eq!(ids(&shown), expected, "{}", b.id);
            assert_eq!(shown.text, who.text);
            // A topic called "family" is not a person: hiding it changes no people question,
            // and hiding a person changes no other kind of question.
            let family = ["family".to_owned()];
            for question in b.questions() {
                if !matches!(question.kind, AnswerKind::People { .. }) {
                    assert_eq!(*question.with_people_hidden(&hidden), *question);
                }
                assert_eq!(*question.with_people_hidden(&family), *question);
            }
        }
    }

    #[test]
    fn the_adult_can_hide_each_person_offered_and_only_those() {
        let young = builtin_for(AgeBand::FourToSix);
        let ids = |b: &Booklet| {
            b.people_options()
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&young),
            [
                "carer",
                "social_worker",
                "mum",
                "dad",
                "brothers_sisters",
                "teacher",
                "friend",
                "advocate"
            ]
        );
        assert!(ids(&builtin_for(AgeBand::SixteenPlus)).contains(&"personal_adviser".to_owned()));
        let unticked = ["personal_adviser", "dad", "family", "mum"].map(String::from);
        // Booklet order; a 16+ option and a topic are not people the 4–6 booklet offers.
        assert_eq!(young.outline().people_to_hide(&unticked), ["mum", "dad"]);
        assert!(
            young.outline().people_to_hide(&[]).is_empty(),
            "nothing unticked, nothing hidden"
        );
    }

    #[test]
    fn a_hidden_person_cannot_be_picked_but_adding_someone_and_rather_not_say_always_can() {
        let b = builtin_for(AgeBand::SevenToNine);
        let who = q("who_comes");
        let child = ChildDetails {
            hidden_people: b.people_options().iter().map(|c| c.id.clone()).collect(),
            ..ChildDetails::default()
        };
        let mut d = Draft::new(&b, AgeBand::SevenToNine, child, LocaleCode::new("en"), "t0");
        let shown = d.shown(b.question(&who).unwrap());
        assert!(shown.options().is_empty(), "the adult hid every option");
        assert_eq!(
            d.set_answer(
                &b,
                &who,
                Answer::PickedMany(vec![Pick::Option("mum".into())]),
                "t1"
            ),
            Err(AnswerError::DoesNotFit(who.clone()))
        );
        // The child's own words are theirs, whatever the adult hid: "Mum" by name is kept.
        let own = Answer::PickedMany(vec![Pick::Own("Nan Pat".into()), Pick::Own("Mum".into())]);
        d.set_answer(&b, &who, own.clone(), "t2").unwrap();
        assert_eq!(d.answers[&who], own);
        d.set_answer(&b, &who, Answer::RatherNotSay, "t3").unwrap();
        assert_eq!(d.answers[&who], Answer::RatherNotSay);

        // With nothing hidden, mum can be picked.
        let mut d = Draft::new(
            &b,
            AgeBand::SevenToNine,
            ChildDetails::default(),
            LocaleCode::new("en"),
            "t0",
        );
        let mum = Answer::PickedMany(vec![
            Pick::Option("mum".into()),
            Pick::Own("Nan Pat".into()),
        ]);
        d.set_answer(&b, &who, mum.clone(), "t1").unwrap();
        assert_eq!(d.finish(&b, "id", "t2").answers[&who], mum);
    }

    proptest! {
        #[test]
        fn hiding_people_takes_away_exactly_those_people(
            hidden in prop::sample::subsequence(people_ids(), 0..=people_ids().len()),
            which in 0usize..4,
        ) {
            let b = builtin_booklets().remove(which);
            for question in b.questions() {
                let shown = question.with_people_hidden(&hidden);
                let mut expected = question.clone();
                if let AnswerKind::People { options } = &mut expected.kind {
                    options.retain(|c| !hidden.contains(&c.id));
                }
                prop_assert_eq!(&*shown, &expected, "{}", question.id.as_str());
            }
        }
    }

    #[test]
    fn finishing_drops_answers_to_hidden_questions() {
        let b = booklet("review");
        let child = ChildDetails {
            name: "Sam".into(),
            ..ChildDetails::default()
        };
        let mut d = Draft::new(
            &b,
            AgeBand::TenToFifteen,
            child.clone(),
            LocaleCode::new("cy"),
            "t0",
        );
        d.set_answer(&b, &q("worries"), picked("yes"), "t1")
            .unwrap();
        d.set_answer(
            &b,
            &q("worry_details"),
            Answer::Words("school".into()),
            "t2",
        )
        .unwrap();
        d.set_answer(&b, &q("good_news"), Answer::Words("I won".into()), "t3")
            .unwrap();
        // The child goes back and changes their mind: the details are now hidden.
        d.set_answer(&b, &q("worries"), picked("no"), "t4").unwrap();
        assert!(
            d.answers.contains_key(&q("worry_details")),
            "kept while the draft is open"
        );

        let done = d.finish(
            &b,
            "0123456789abcdef0123456789abcdef",
            "2026-11-22T10:15:00Z",
        );
        assert_eq!(done.booklet_id, "test");
        assert_eq!(done.booklet_revision, 3);
        assert_eq!(done.age_band, AgeBand::TenToFifteen);
        assert_eq!(done.locale, LocaleCode::new("cy"));
        assert_eq!(done.child, child);
        assert_eq!(done.completed_at, "2026-11-22T10:15:00Z");
        assert_eq!(
            done.answers,
            answers(&[
                ("worries", picked("no")),
                ("good_news", Answer::Words("I won".into()))
            ])
        );

        // Answers that no longer fit (a changed booklet) and unknown ids are dropped too.
        d.answers.insert(q("feel_safe"), picked("sometimes"));
        d.answers.insert(q("gone"), picked("yes"));
        let done = d.finish(&b, "id", "t");
        assert!(!done.answers.contains_key(&q("feel_safe")));
        assert!(!done.answers.contains_key(&q("gone")));
    }

    #[test]
    fn a_finished_survey_keeps_no_child_details() {
        let b = booklet("survey");
        let child = ChildDetails {
            name: "Sam".into(),
            ..ChildDetails::default()
        };
        let mut d = Draft::new(&b, AgeBand::SevenToNine, child, LocaleCode::new("en"), "t0");
        d.set_answer(&b, &q("feel_safe"), picked("yes"), "t1")
            .unwrap();
        let done = d.finish(&b, "id", "2026-11-22T10:15:42.123Z");
        assert_eq!(done.child, ChildDetails::default());
        assert_eq!(done.answers.len(), 1);
        // Only the day is kept, not the time.
        assert_eq!(done.completed_at, "2026-11-22");
        assert_eq!(done.completed_on(), "2026-11-22");
        assert!(!serde_json::to_string(&done).unwrap().contains("10:15"));
    }

    #[test]
    fn a_draft_round_trips_through_json() {
        let b = booklet("review");
        let mut d = Draft::new(
            &b,
            AgeBand::SevenToNine,
            ChildDetails::default(),
            LocaleCode::new("ar"),
            "2026-11-22T10:00:00Z",
        );
        d.set_answer(&b, &q("worries"), picked("yes"), "2026-11-22T10:01:00Z")
            .unwrap();
        d.go_to(pos("worry_details"), "2026-11-22T10:02:00Z");
        let text = serde_json::to_string(&d).unwrap();
        assert!(
            text.contains(r#""position":{"at":"question","question":"worry_details"}"#),
            "{text}"
        );
        assert!(text.contains(r#""started_at":"2026-11-22T10:00:00Z""#));
        assert_eq!(serde_json::from_str::<Draft>(&text).unwrap(), d);
        assert_eq!(
            serde_json::to_string(&Position::Review).unwrap(),
            r#"{"at":"review"}"#
        );
        assert_eq!(
            serde_json::to_string(&Position::Start).unwrap(),
            r#"{"at":"start"}"#
        );
        // Read in either order; a position that does not fit its `at` is refused.
        let read = |text: &str| serde_json::from_str::<Position>(text);
        assert_eq!(
            read(r#"{"question":"q1","at":"question"}"#).unwrap(),
            pos("q1")
        );
        assert_eq!(read(r#"{"at":"review"}"#).unwrap(), Position::Review);
        for wrong in [
            r#"{"at":"question"}"#,
            r#"{"at":"start","question":"q1"}"#,
            r#"{"question":"q1"}"#,
            r#"{"at":"end"}"#,
            r#"{"at":"review","at":"start"}"#,
        ] {
            assert!(read(wrong).is_err(), "{wrong}");
        }
    }

    /// A random answer (fitting or not) for any question of any built-in booklet.
    fn any_answer() -> impl Strategy<Value = Answer> {
        let values = prop::sample::select(vec![
            "yes",
            "not_sure",
            "no",
            "very_sad",
            "sad",
            "ok",
            "happy",
            "very_happy",
            "home",
            "mum",
            "all",
            "none",
            "family",
            "school",
        ]);
        prop_oneof![
            Just(Answer::RatherNotSay),
            values.clone().prop_map(|v| Answer::Picked(v.to_owned())),
            prop::collection::vec(values.prop_map(|v| Pick::Option(v.to_owned())), 0..3)
                .prop_map(Answer::PickedMany),
            "[a-z ]{0,12}".prop_map(Answer::Words),
        ]
    }

    fn any_answers(b: &Booklet) -> impl Strategy<Value = Answers> {
        let ids: Vec<QuestionId> = b.questions().map(|q| q.id.clone()).collect();
        prop::collection::btree_map(prop::sample::select(ids), any_answer(), 0..20)
    }

    /// Walks forward from the start and back from the review, checking both walks visit exactly
    /// the visible questions, in order, and never get stuck.
    fn walk(s: &Session<'_>) -> Result<(), TestCaseError> {
        let visible: Vec<Position> = s
            .visible_questions()
            .iter()
            .map(|q| Position::Question(q.id.clone()))
            .collect();
        let limit = s.booklet().questions().count() + 1;
        let mut forward = Vec::new();
        let mut at = Position::Start;
        while at != Position::Review {
            at = s.next(&at);
            if at != Position::Review {
                forward.push(at.clone());
            }
            prop_assert!(forward.len() <= limit, "stuck going forward");
        }
        prop_assert_eq!(&forward, &visible);
        let mut backward = Vec::new();
        let mut at = Position::Review;
        while at != Position::Start {
            at = s.previous(&at);
            if at != Position::Start {
                backward.push(at.clone());
            }
            prop_assert!(backward.len() <= limit, "stuck going back");
        }
        backward.reverse();
        prop_assert_eq!(&backward, &visible);
        for (n, p) in visible.iter().enumerate() {
            prop_assert_eq!(s.progress(p).current, n + 1);
            prop_assert_eq!(s.progress(p).total, visible.len());
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn navigation_never_gets_stuck_in_builtin_booklets(
            (which, a) in (0usize..4).prop_flat_map(|w| (Just(w), any_answers(&builtin_booklets()[w]))),
        ) {
            let b = builtin_booklets().remove(which);
            let band = b.age_bands[0];
            walk(&Session::new(&b, band, &a))?;
            // Worries are only ever visible questions with a worrying answer.
            let s = Session::new(&b, band, &a);
            for id in worries(&b, &a) {
                prop_assert!(s.is_visible(&id));
                prop_assert!(is_worrying(b.question(&id).unwrap(), &a[&id]));
            }
        }

        #[test]
        fn navigation_never_gets_stuck_with_random_conditions(
            conditions in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>(), prop::sample::select(vec!["yes", "no", "rather_not_say"])), 1..25),
            given in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec!["yes", "not_sure", "no"])), 0..25),
            changes in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec!["yes", "no"])), 0..40),
        ) {
            // A booklet of yes/no questions in two sections; question n may depend on any earlier one.
            let t = |en: &str| json!({"en": en});
            let questions: Vec<serde_json::Value> = conditions
                .iter()
                .enumerate()
                .map(|(n, (has, target, value))| {
                    let mut question = json!({"id": format!("q{n}"), "theme": "other",
                        "text": t("?"), "kind": {"type": "yes_not_sure_no"}});
                    if *has && n > 0 {
                        question["show_if"] = json!({"question": format!("q{}", target.index(n)), "any_of": [value]});
                    }
                    question
                })
                .collect();
            let half = questions.len() / 2;
            let mut sections = vec![];
            if half > 0 {
                sections.push(json!({"id": "one", "title": t("1"), "questions": questions[..half]}));
            }
            sections.push(json!({"id": "two", "title": t("2"), "questions": questions[half..]}));
            let v = json!({"format": "my-say/booklet", "version": 1, "id": "survey-random", "revision": 1,
                "kind": "survey", "age_bands": ["16+"], "locales": ["en"], "title": t("R"),
                "sections": sections});
            let b = crate::validate::load_booklet(&v.to_string()).unwrap();
            let n = conditions.len();
            let a: Answers = given
                .iter()
                .map(|(i, value)| (q(&format!("q{}", i.index(n))), picked(value)))
                .collect();
            walk(&Session::new(&b, AgeBand::SixteenPlus, &a))?;

            // Answering while moving: every step forward still moves on, and the review is
            // reached within one step per question.
            let mut d = Draft::new(&b, AgeBand::SixteenPlus, ChildDetails::default(), LocaleCode::new("en"), "t");
            let mut steps = 0;
            let mut changes = changes.into_iter();
            while d.position != Position::Review {
                if let Position::Question(id) = d.position.clone() {
                    if let Some((_, value)) = changes.next() {
                        d.set_answer(&b, &id, picked(value), "t").unwrap();
                    }
                }
                let before = d.position.clone();
                let after = d.go_next(&b, "t");
                prop_assert_ne!(before, after);
                steps += 1;
                prop_assert!(steps <= n + 1, "stuck");
            }
            let done = d.finish(&b, "id", "t");
            let s = Session::new(&b, AgeBand::SixteenPlus, &done.answers);
            for id in done.answers.keys() {
                prop_assert!(s.is_visible(id), "a finished booklet only keeps visible answers");
            }
        }
    }
}

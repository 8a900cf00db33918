//! The survey builder: what a Children in Care Council edits, with no code, before publishing
//! a survey.
//!
//! A [`SurveyDraft`] is a flat list of questions (the published booklet has one section) with
//! a title, welcome text, languages and age bands. The screens edit it through its methods and
//! through the public fields of each [`SurveyQuestion`]; [`SurveyDraft::problems`] lists what
//! must be fixed, live, and [`SurveyDraft::publish`] turns it into a survey [`Booklet`] only
//! when there is nothing left to fix.
//!
//! **Anonymity.** A draft cannot publish anything that identifies a child:
//!
//! - there is no child-details form in a survey at all: the booklet format has no field for one,
//!   and a finished survey keeps no child details (`session.rs`);
//! - question and option ids are made by the builder (`q1`, `q2`, `o1`...), never typed, so a
//!   published survey cannot have an id such as `name` or `dob`;
//! - the answer kinds are the booklet's kinds ([`AnswerKindType`]): none of them is a name, a
//!   date, a reference or a device field;
//! - wording that asks for a name, a date of birth, a case reference, an address or contact
//!   details is found by [`crate::validate::check_anonymous`] as it is typed, and
//!   [`SurveyDraft::publish`] refuses it;
//! - [`SurveyDraft::from_booklet`] refuses a booklet that fails any of this.
//!
//! An own-words question can still be answered with a name: no rule can stop a child writing
//! one. `docs/surveys.md` says so.
//!
//! **Conditions and order.** A question can be shown depending on the answer to an *earlier*
//! question. Moves that would put a question above the question it depends on are refused
//! ([`BuilderError::WouldComeFirst`]), and so is removing a question that another depends on,
//! so the order can never break a condition. Changing a question's answers so that a condition
//! no longer fits (removing an option it uses) is allowed and reported by
//! [`SurveyDraft::problems`], because refusing it would leave the author stuck.

use crate::age_band::AgeBand;
use crate::booklet::{
    AnswerKind, AnswerKindType, Booklet, BookletKind, Choice, Condition, Measure, Question,
    QuestionId, Section, Theme, FORMAT_NAME,
};
use crate::seal::CryptoRng;
use crate::text::{LocaleCode, Text};
use crate::validate::{check_anonymous, validate, Problem, MAX_OWN_WORDS};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Every survey id made by [`new_survey_id`] starts with this.
pub const SURVEY_ID_PREFIX: &str = "survey-";
/// The id of the one section a published survey has.
pub const SECTION_ID: &str = "questions";
/// The longest answer an own-words question starts with, in characters.
pub const DEFAULT_MAX_CHARS: u32 = 1000;

/// Whether a draft or finished booklet with this `booklet_id` answers a council survey rather
/// than a review booklet: every survey id starts with [`SURVEY_ID_PREFIX`] and no built-in
/// booklet's does. The one place the apps tell the two apart (the tablet keeps survey answers
/// apart, the workspace never puts them in the inbox, follow-ups or review reports); whether an
/// id is one a survey may have is [`crate::validate::is_survey_id`].
pub fn is_survey_booklet(booklet_id: &str) -> bool {
    booklet_id.starts_with(SURVEY_ID_PREFIX)
}

/// A new random survey id: `survey-` and 16 lowercase hex digits (64 random bits), so surveys
/// built on different devices never share an id and an id says nothing about who made it.
pub fn new_survey_id(rng: &mut impl CryptoRng) -> String {
    let mut bytes = [0u8; 8];
    rng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{SURVEY_ID_PREFIX}{hex}")
}

/// One question being built. Its id and its condition are kept by the builder (so ids are
/// never typed and conditions always point at an earlier question); everything else is
/// edited directly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyQuestion {
    id: QuestionId,
    /// What the question is about (most survey questions are [`Theme::Other`]).
    pub theme: Theme,
    /// The question, in each of the survey's languages.
    pub text: Text,
    /// Other wording for some age bands. Wording for a band the survey is not for is kept
    /// here (so unticking a band by mistake loses nothing) but left out when publishing.
    #[serde(default)]
    pub text_by_band: BTreeMap<AgeBand, Text>,
    /// A line of help under the question; blank in every language means none.
    #[serde(default)]
    pub help: Text,
    /// One of [`crate::booklet::PICTURES`], or none.
    #[serde(default)]
    pub picture: Option<String>,
    /// How the child answers. Use [`SurveyQuestion::set_kind_type`] and the option methods
    /// rather than building options by hand, so option ids are made for you.
    pub kind: AnswerKind,
    /// Answers that show the child the "it's OK to tell" screen at once. (A survey is
    /// anonymous, so nobody can follow a worry up with the child: this only makes sure the
    /// child sees who they can talk to.)
    #[serde(default)]
    pub worry_if: Vec<String>,
    /// A measure, kept when a survey booklet that has one is edited (the builder does not
    /// make new ones; results count every value of every question anyway).
    #[serde(default)]
    pub measure: Option<Measure>,
    #[serde(default)]
    show_if: Option<Condition>,
    /// The number of the next option id (`o1`, `o2`...): never reused, so an option id keeps
    /// one meaning across revisions.
    next_option: u32,
}

impl SurveyQuestion {
    fn new(id: QuestionId, kind: AnswerKindType) -> SurveyQuestion {
        let mut q = SurveyQuestion {
            id,
            theme: Theme::Other,
            text: Text::default(),
            text_by_band: BTreeMap::new(),
            help: Text::default(),
            picture: None,
            kind: AnswerKind::YesNotSureNo,
            worry_if: Vec::new(),
            measure: None,
            show_if: None,
            next_option: 1,
        };
        q.set_kind_type(kind);
        q
    }

    /// The question's id, made by the builder.
    pub fn id(&self) -> &QuestionId {
        &self.id
    }

    /// The condition that shows this question, if any.
    pub fn show_if(&self) -> Option<&Condition> {
        self.show_if.as_ref()
    }

    /// The wording for a child in `band`.
    pub fn text_for(&self, band: AgeBand) -> &Text {
        self.text_by_band.get(&band).unwrap_or(&self.text)
    }

    /// Changes the type of answer. Options are kept when both types have them (so switching
    /// from "pick one" to "pick several" loses nothing); a type without options drops them.
    pub fn set_kind_type(&mut self, to: AnswerKindType) {
        if AnswerKindType::of(&self.kind) == to {
            return;
        }
        let options = self.options().to_vec();
        let own_words = match &self.kind {
            AnswerKind::PickSeveral { own_words, .. }
            | AnswerKind::PickAndOrder { own_words, .. } => *own_words,
            _ => false,
        };
        self.kind = match to {
            AnswerKindType::YesNotSureNo => AnswerKind::YesNotSureNo,
            AnswerKindType::Faces => AnswerKind::Faces,
            AnswerKindType::PickOne => AnswerKind::PickOne { options },
            AnswerKindType::PickSeveral => AnswerKind::PickSeveral { options, own_words },
            AnswerKindType::PickAndOrder => AnswerKind::PickAndOrder { options, own_words },
            AnswerKindType::People => AnswerKind::People { options },
            AnswerKindType::OwnWords => AnswerKind::OwnWords {
                max_chars: DEFAULT_MAX_CHARS,
            },
        };
    }

    /// The options, for the types that have them.
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            AnswerKind::PickOne { options }
            | AnswerKind::PickSeveral { options, .. }
            | AnswerKind::PickAndOrder { options, .. }
            | AnswerKind::People { options } => options,
            _ => &[],
        }
    }

    fn options_mut(&mut self) -> Option<&mut Vec<Choice>> {
        match &mut self.kind {
            AnswerKind::PickOne { options }
            | AnswerKind::PickSeveral { options, .. }
            | AnswerKind::PickAndOrder { options, .. }
            | AnswerKind::People { options } => Some(options),
            _ => None,
        }
    }

    /// Adds an option at the end with a new id (`o1`, `o2`...), and returns the id. `None` for
    /// a type that has no options.
    pub fn add_option(&mut self, label: Text) -> Option<String> {
        let id = format!("o{}", self.next_option);
        let options = self.options_mut()?;
        options.push(Choice {
            id: id.clone(),
            label,
            picture: None,
        });
        self.next_option += 1;
        Some(id)
    }

    /// The option with this id, to edit its label or picture.
    pub fn option_mut(&mut self, id: &str) -> Option<&mut Choice> {
        self.options_mut()?.iter_mut().find(|o| o.id == id)
    }

    /// Removes an option. A condition or "it's OK to tell" answer that used it is then
    /// reported by [`SurveyDraft::problems`] rather than silently changed.
    pub fn remove_option(&mut self, id: &str) -> bool {
        match self.options_mut() {
            Some(options) => {
                let before = options.len();
                options.retain(|o| o.id != id);
                options.len() != before
            }
            None => false,
        }
    }

    /// Moves an option to position `to` (counting from 0; past the end means last).
    pub fn move_option(&mut self, id: &str, to: usize) -> bool {
        let Some(options) = self.options_mut() else {
            return false;
        };
        let Some(from) = options.iter().position(|o| o.id == id) else {
            return false;
        };
        let option = options.remove(from);
        let to = to.min(options.len());
        options.insert(to, option);
        true
    }

    /// Whether the child may add their own items (pick several, pick and order). People
    /// questions always allow it; other types ignore this.
    pub fn set_own_words(&mut self, allowed: bool) {
        if let AnswerKind::PickSeveral { own_words, .. }
        | AnswerKind::PickAndOrder { own_words, .. } = &mut self.kind
        {
            *own_words = allowed;
        }
    }

    /// The longest answer, in characters, for an own-words question.
    pub fn set_max_chars(&mut self, chars: u32) {
        if let AnswerKind::OwnWords { max_chars } = &mut self.kind {
            *max_chars = chars;
        }
    }

    /// The question as the booklet format writes it, with wording only for `bands`.
    fn to_question(&self, bands: &[AgeBand]) -> Question {
        Question {
            id: self.id.clone(),
            theme: self.theme,
            text: self.text.clone(),
            text_by_band: self
                .text_by_band
                .iter()
                .filter(|(band, text)| bands.contains(band) && !super::is_blank(text))
                .map(|(band, text)| (*band, text.clone()))
                .collect(),
            help: (!super::is_blank(&self.help)).then(|| self.help.clone()),
            picture: self.picture.clone(),
            kind: self.kind.clone(),
            yes: None,
            no: None,
            measure: self.measure.clone(),
            worry_if: self.worry_if.clone(),
            show_if: self.show_if.clone(),
        }
    }
}

/// Why the builder refused a change. The `Display` text is for the person building.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuilderError {
    /// No question has this id.
    NoSuchQuestion(QuestionId),
    /// The move would put a question above the question its condition depends on.
    WouldComeFirst {
        /// The question that is shown depending on another (1-based position before the move).
        question: usize,
        /// The question it depends on (1-based position before the move).
        depends_on: usize,
    },
    /// The question cannot be removed: another question is shown depending on its answer.
    NeededBy {
        /// The question being removed (1-based).
        question: usize,
        /// The first question that depends on it (1-based).
        needed_by: usize,
    },
    /// A condition must depend on a question that comes earlier.
    NotEarlier {
        /// The question being given a condition (1-based).
        question: usize,
        /// The question it was to depend on (1-based).
        on: usize,
    },
    /// A question cannot depend on its own answer.
    OnItself,
    /// A condition on an own-words question, whose answers have no values to match.
    NothingToMatch,
    /// A survey must have at least one language.
    LastLanguage,
    /// A language code that is empty or has spaces.
    BadLanguage,
    /// The booklet is a review booklet, not a survey.
    NotASurvey,
}

impl fmt::Display for BuilderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuilderError::NoSuchQuestion(id) => {
                write!(
                    f,
                    "There is no question \"{}\" in this survey.",
                    id.as_str()
                )
            }
            BuilderError::WouldComeFirst {
                question,
                depends_on,
            } => write!(
                f,
                "Question {question} is shown depending on the answer to question {depends_on}, \
                 so it has to stay after it. To move it, remove its condition first."
            ),
            BuilderError::NeededBy {
                question,
                needed_by,
            } => write!(
                f,
                "Question {needed_by} is shown depending on the answer to question {question}. \
                 Remove that condition first, then remove question {question}."
            ),
            BuilderError::NotEarlier { question, on } => write!(
                f,
                "Question {question} can only depend on a question before it, and question {on} \
                 comes after it."
            ),
            BuilderError::OnItself => f.write_str("A question cannot depend on its own answer."),
            BuilderError::NothingToMatch => f.write_str(
                "A question can only depend on a question with answers to choose from, not on \
                 one answered in the child's own words.",
            ),
            BuilderError::LastLanguage => f.write_str("A survey needs at least one language."),
            BuilderError::BadLanguage => {
                f.write_str("A language code must not be empty or contain spaces.")
            }
            BuilderError::NotASurvey => f.write_str(
                "This is a review booklet, not a survey: only surveys can be edited here.",
            ),
        }
    }
}

impl std::error::Error for BuilderError {}

/// Where a problem is, for the screen to point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemAt {
    /// The survey's title.
    Title,
    /// The welcome text.
    Intro,
    /// The list of languages.
    Languages,
    /// The age bands the survey is for.
    AgeBands,
    /// The survey as a whole (its id, or having no questions).
    Survey,
    /// One question.
    Question {
        /// Its position, counting from 1 as the screen numbers questions.
        number: usize,
        /// Its id.
        id: QuestionId,
        /// Which part of it.
        part: QuestionPart,
    },
}

/// Which part of a question a problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionPart {
    /// The question as a whole.
    Whole,
    /// Its wording.
    Text,
    /// Its wording for one age band.
    BandText(AgeBand),
    /// Its help line.
    Help,
    /// Its picture.
    Picture,
    /// Its type of answer (such as the longest answer allowed).
    Kind,
    /// The list of options.
    Options,
    /// One option, counting from 1.
    Option(usize),
    /// Its condition.
    Condition,
    /// Its "it's OK to tell" answers.
    Worry,
    /// Its measure.
    Measure,
}

/// One thing to fix before the survey can be published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyProblem {
    /// Where it is.
    pub at: ProblemAt,
    /// The rule that found it (see [`crate::validate::Problem`]).
    pub problem: Problem,
    /// What to fix, in the builder's words (English; the screens may word [`Self::problem`]
    /// in other languages).
    pub message: String,
}

impl fmt::Display for SurveyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = match &self.at {
            ProblemAt::Title => "Title".to_owned(),
            ProblemAt::Intro => "Welcome text".to_owned(),
            ProblemAt::Languages => "Languages".to_owned(),
            ProblemAt::AgeBands => "Age groups".to_owned(),
            ProblemAt::Survey => "Survey".to_owned(),
            ProblemAt::Question { number, part, .. } => match part {
                QuestionPart::Whole | QuestionPart::Text | QuestionPart::Kind => {
                    format!("Question {number}")
                }
                QuestionPart::BandText(band) => format!("Question {number}, wording for {band}"),
                QuestionPart::Help => format!("Question {number}, help"),
                QuestionPart::Picture => format!("Question {number}, picture"),
                QuestionPart::Options => format!("Question {number}, options"),
                QuestionPart::Option(n) => format!("Question {number}, option {n}"),
                QuestionPart::Condition => format!("Question {number}, when to show it"),
                QuestionPart::Worry => format!("Question {number}, \"it's OK to tell\""),
                QuestionPart::Measure => format!("Question {number}, measure"),
            },
        };
        write!(f, "{at}: {}", self.message)
    }
}

/// A survey being built. Saved as JSON between sessions (it is `Serialize`); published as a
/// survey [`Booklet`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "DraftJson")]
pub struct SurveyDraft {
    id: String,
    locales: Vec<LocaleCode>,
    age_bands: Vec<AgeBand>,
    title: Text,
    intro: Text,
    questions: Vec<SurveyQuestion>,
    /// The number of the next question id (`q1`, `q2`...): never reused.
    next_question: u32,
    /// The last published booklet, which decides the next revision.
    published: Option<Booklet>,
}

/// The stored shape of a draft, checked before it becomes a [`SurveyDraft`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftJson {
    id: String,
    locales: Vec<LocaleCode>,
    age_bands: Vec<AgeBand>,
    title: Text,
    intro: Text,
    questions: Vec<SurveyQuestion>,
    next_question: u32,
    published: Option<Booklet>,
}

impl TryFrom<DraftJson> for SurveyDraft {
    type Error = String;
    fn try_from(j: DraftJson) -> Result<SurveyDraft, String> {
        let mut ids = BTreeSet::new();
        for q in &j.questions {
            if !ids.insert(q.id.clone()) {
                return Err(format!("question id \"{}\" is used twice", q.id.as_str()));
            }
        }
        if j.locales.is_empty() {
            return Err("a survey draft needs at least one language".into());
        }
        Ok(SurveyDraft {
            id: j.id,
            locales: j.locales,
            age_bands: j.age_bands,
            title: j.title,
            intro: j.intro,
            questions: j.questions,
            next_question: j.next_question.max(1),
            published: j.published,
        })
    }
}

impl SurveyDraft {
    /// An empty survey for every age band, in one language. `id` comes from
    /// [`new_survey_id`].
    pub fn new(id: &str, locale: LocaleCode) -> SurveyDraft {
        SurveyDraft {
            id: id.to_owned(),
            locales: vec![locale],
            age_bands: AgeBand::ALL.to_vec(),
            title: Text::default(),
            intro: Text::default(),
            questions: Vec::new(),
            next_question: 1,
            published: None,
        }
    }

    /// A draft to edit a published survey (from a file, or one built on another device). The
    /// booklet must be a valid survey: anything [`crate::validate::validate`] rejects,
    /// including identifying questions, is refused with the problems. Several sections are
    /// joined into one list of questions.
    pub fn from_booklet(booklet: &Booklet) -> Result<SurveyDraft, Vec<SurveyProblem>> {
        if booklet.kind != BookletKind::Survey {
            return Err(vec![SurveyProblem {
                at: ProblemAt::Survey,
                problem: Problem::Shape("not a survey".into()),
                message: BuilderError::NotASurvey.to_string(),
            }]);
        }
        let mut draft = SurveyDraft {
            id: booklet.id.clone(),
            locales: booklet.locales.clone(),
            age_bands: booklet.age_bands.clone(),
            title: booklet.title.clone(),
            intro: booklet.intro.clone().unwrap_or_default(),
            questions: Vec::new(),
            next_question: 1,
            published: Some(booklet.clone()),
        };
        for q in booklet.questions() {
            let next_option = q
                .options()
                .iter()
                .filter_map(|o| numbered(&o.id, "o"))
                .max()
                .unwrap_or(0)
                + 1;
            draft.questions.push(SurveyQuestion {
                id: q.id.clone(),
                theme: q.theme,
                text: q.text.clone(),
                text_by_band: q.text_by_band.clone(),
                help: q.help.clone().unwrap_or_default(),
                picture: q.picture.clone(),
                kind: q.kind.clone(),
                worry_if: q.worry_if.clone(),
                measure: q.measure.clone(),
                show_if: q.show_if.clone(),
                next_option,
            });
        }
        draft.next_question = draft
            .questions
            .iter()
            .filter_map(|q| numbered(q.id.as_str(), "q"))
            .max()
            .unwrap_or(0)
            + 1;
        // Check the booklet as given (its own sections), so paths in problems are right.
        if let Err(errors) = validate(booklet) {
            return Err(errors
                .iter()
                .map(|e| draft.problem_from(&e.path, e.problem.clone()))
                .collect());
        }
        Ok(draft)
    }

    /// The survey's stable id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The survey's languages; the first is the fallback.
    pub fn locales(&self) -> &[LocaleCode] {
        &self.locales
    }

    /// Adds a language (no change if it is there already).
    pub fn add_locale(&mut self, locale: LocaleCode) -> Result<(), BuilderError> {
        let code = locale.as_str();
        if code.is_empty() || code.contains(char::is_whitespace) {
            return Err(BuilderError::BadLanguage);
        }
        if !self.locales.contains(&locale) {
            self.locales.push(locale);
        }
        Ok(())
    }

    /// Removes a language and all wording in it. The last language cannot be removed.
    pub fn remove_locale(&mut self, locale: &LocaleCode) -> Result<(), BuilderError> {
        if !self.locales.contains(locale) {
            return Ok(());
        }
        if self.locales.len() == 1 {
            return Err(BuilderError::LastLanguage);
        }
        self.locales.retain(|l| l != locale);
        let mut texts: Vec<&mut Text> = vec![&mut self.title, &mut self.intro];
        for q in &mut self.questions {
            texts.push(&mut q.text);
            texts.push(&mut q.help);
            texts.extend(q.text_by_band.values_mut());
            if let Some(m) = &mut q.measure {
                texts.push(&mut m.label);
            }
            match &mut q.kind {
                AnswerKind::PickOne { options }
                | AnswerKind::PickSeveral { options, .. }
                | AnswerKind::PickAndOrder { options, .. }
                | AnswerKind::People { options } => {
                    texts.extend(options.iter_mut().map(|o| &mut o.label))
                }
                _ => {}
            }
        }
        for t in texts {
            t.0.remove(locale);
        }
        Ok(())
    }

    /// The age bands the survey is for, youngest first.
    pub fn age_bands(&self) -> &[AgeBand] {
        &self.age_bands
    }

    /// Sets the age bands (kept youngest first, each once). None at all is reported by
    /// [`SurveyDraft::problems`]. Wording for a band left out is kept but not published.
    pub fn set_age_bands(&mut self, bands: &[AgeBand]) {
        self.age_bands = AgeBand::ALL
            .into_iter()
            .filter(|b| bands.contains(b))
            .collect();
    }

    /// The title.
    pub fn title(&self) -> &Text {
        &self.title
    }

    /// Sets the title in one language (blank removes it).
    pub fn set_title(&mut self, locale: &LocaleCode, words: &str) {
        super::set_words(&mut self.title, locale, words);
    }

    /// The welcome text (empty when there is none).
    pub fn intro(&self) -> &Text {
        &self.intro
    }

    /// Sets the welcome text in one language (blank removes it).
    pub fn set_intro(&mut self, locale: &LocaleCode, words: &str) {
        super::set_words(&mut self.intro, locale, words);
    }

    /// The questions, in order.
    pub fn questions(&self) -> &[SurveyQuestion] {
        &self.questions
    }

    /// A question by id.
    pub fn question(&self, id: &QuestionId) -> Option<&SurveyQuestion> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// A question by id, to edit its wording, help, picture, type and options.
    pub fn question_mut(&mut self, id: &QuestionId) -> Option<&mut SurveyQuestion> {
        self.questions.iter_mut().find(|q| &q.id == id)
    }

    /// A question's position, counting from 0.
    pub fn index_of(&self, id: &QuestionId) -> Option<usize> {
        self.questions.iter().position(|q| &q.id == id)
    }

    fn index(&self, id: &QuestionId) -> Result<usize, BuilderError> {
        self.index_of(id)
            .ok_or_else(|| BuilderError::NoSuchQuestion(id.clone()))
    }

    fn new_question_id(&mut self) -> QuestionId {
        loop {
            let id = QuestionId(format!("q{}", self.next_question));
            self.next_question += 1;
            if self.index_of(&id).is_none() {
                return id;
            }
        }
    }

    /// Adds a question with no wording yet at the end, and returns its new id.
    pub fn add_question(&mut self, kind: AnswerKindType) -> QuestionId {
        self.insert_question(self.questions.len(), kind)
    }

    /// Adds a question at position `at` (from 0; past the end means last) and returns its id.
    /// A question added above one that depends on an earlier question cannot break that
    /// condition, because the new question has none.
    pub fn insert_question(&mut self, at: usize, kind: AnswerKindType) -> QuestionId {
        let id = self.new_question_id();
        let at = at.min(self.questions.len());
        self.questions
            .insert(at, SurveyQuestion::new(id.clone(), kind));
        id
    }

    /// Removes a question. Refused while another question is shown depending on it.
    pub fn remove_question(&mut self, id: &QuestionId) -> Result<(), BuilderError> {
        let at = self.index(id)?;
        if let Some(n) = self
            .questions
            .iter()
            .position(|q| q.show_if.as_ref().is_some_and(|c| &c.question == id))
        {
            return Err(BuilderError::NeededBy {
                question: at + 1,
                needed_by: n + 1,
            });
        }
        self.questions.remove(at);
        Ok(())
    }

    /// Whether a question could move to position `to` (from 0; past the end means last)
    /// without coming before a question it depends on, or after one that depends on it.
    /// The screens use this to offer only the moves that work.
    pub fn can_move(&self, id: &QuestionId, to: usize) -> Result<(), BuilderError> {
        let from = self.index(id)?;
        let to = to.min(self.questions.len().saturating_sub(1));
        let mut order: Vec<usize> = (0..self.questions.len()).collect();
        let moved = order.remove(from);
        order.insert(to, moved);
        let position: BTreeMap<&QuestionId, usize> = order
            .iter()
            .enumerate()
            .map(|(at, &i)| (&self.questions[i].id, at))
            .collect();
        for (i, q) in self.questions.iter().enumerate() {
            let Some(c) = &q.show_if else { continue };
            let (Some(&mine), Some(&theirs)) = (position.get(&q.id), position.get(&c.question))
            else {
                continue;
            };
            if theirs > mine {
                let depends_on = self.index_of(&c.question).unwrap_or(0);
                return Err(BuilderError::WouldComeFirst {
                    question: i + 1,
                    depends_on: depends_on + 1,
                });
            }
        }
        Ok(())
    }

    /// Moves a question to position `to` (from 0; past the end means last): what dragging
    /// does. Refused, leaving the order as it was, if a condition would then point at a later
    /// question.
    pub fn move_question(&mut self, id: &QuestionId, to: usize) -> Result<(), BuilderError> {
        self.can_move(id, to)?;
        let from = self.index(id)?;
        let q = self.questions.remove(from);
        let to = to.min(self.questions.len());
        self.questions.insert(to, q);
        Ok(())
    }

    /// Moves a question one place up (the keyboard's "move up"). At the top it stays put.
    pub fn move_up(&mut self, id: &QuestionId) -> Result<(), BuilderError> {
        let at = self.index(id)?;
        match at {
            0 => Ok(()),
            _ => self.move_question(id, at - 1),
        }
    }

    /// Moves a question one place down. At the bottom it stays put.
    pub fn move_down(&mut self, id: &QuestionId) -> Result<(), BuilderError> {
        let at = self.index(id)?;
        self.move_question(id, at + 1)
    }

    /// Shows a question only when the answer to an earlier question is one of `any_of`
    /// (option ids, "yes"/"not_sure"/"no", faces, or "rather_not_say"). Refused unless `on` is
    /// an earlier question with answers to choose from. Values that do not fit are reported
    /// by [`SurveyDraft::problems`].
    pub fn set_condition(
        &mut self,
        id: &QuestionId,
        on: &QuestionId,
        any_of: Vec<String>,
    ) -> Result<(), BuilderError> {
        let at = self.index(id)?;
        let target = self.index(on)?;
        if at == target {
            return Err(BuilderError::OnItself);
        }
        if target > at {
            return Err(BuilderError::NotEarlier {
                question: at + 1,
                on: target + 1,
            });
        }
        if matches!(self.questions[target].kind, AnswerKind::OwnWords { .. }) {
            return Err(BuilderError::NothingToMatch);
        }
        self.questions[at].show_if = Some(Condition {
            question: on.clone(),
            any_of,
        });
        Ok(())
    }

    /// Shows a question always.
    pub fn clear_condition(&mut self, id: &QuestionId) -> Result<(), BuilderError> {
        let at = self.index(id)?;
        self.questions[at].show_if = None;
        Ok(())
    }

    /// The survey as a booklet with revision `revision`, without checking it.
    fn to_booklet(&self, revision: u32) -> Booklet {
        Booklet {
            format: FORMAT_NAME.to_owned(),
            // Version 1: the builder gives no question its own words for yes and no (version
            // 2), so every tablet reads what it publishes, and earlier publishes compare equal.
            version: 1,
            id: self.id.clone(),
            revision,
            kind: BookletKind::Survey,
            age_bands: self.age_bands.clone(),
            locales: self.locales.clone(),
            title: self.title.clone(),
            intro: (!super::is_blank(&self.intro)).then(|| self.intro.clone()),
            sections: vec![Section {
                id: SECTION_ID.to_owned(),
                title: self.title.clone(),
                optional: false,
                questions: self
                    .questions
                    .iter()
                    .map(|q| q.to_question(&self.age_bands))
                    .collect(),
            }],
        }
    }

    /// The revision the next publish will carry: 1 for a survey never published, the last
    /// published revision if nothing has changed since, and one more if something has.
    pub fn next_revision(&self) -> u32 {
        match &self.published {
            None => 1,
            Some(b) if self.to_booklet(b.revision) == *b => b.revision,
            Some(b) => b.revision + 1,
        }
    }

    /// The revision last published, if any.
    pub fn published_revision(&self) -> Option<u32> {
        self.published.as_ref().map(|b| b.revision)
    }

    /// Whether there are changes that have not been published.
    pub fn has_unpublished_changes(&self) -> bool {
        self.published_revision() != Some(self.next_revision())
    }

    /// The survey exactly as a child would see it now, for the live preview (the same
    /// renderer as tablets use). It may still have problems: the preview shows what is there.
    pub fn preview(&self) -> Booklet {
        self.to_booklet(self.next_revision())
    }

    /// Everything that must be fixed before publishing, in the order the screen shows it
    /// (survey fields first, then question by question). Empty when the survey can be
    /// published. This runs every rule of the booklet format, including the anonymity check.
    pub fn problems(&self) -> Vec<SurveyProblem> {
        let booklet = self.preview();
        let mut problems: Vec<SurveyProblem> = match validate(&booklet) {
            Ok(()) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                // The section's title is the survey's title: report it once.
                .filter(|e| e.path != "sections[0].title")
                .map(|e| self.problem_from(&e.path, e.problem))
                .collect(),
        };
        // Two options with the same wording: the format allows it, but a child cannot tell
        // them apart.
        for (n, q) in self.questions.iter().enumerate() {
            let mut seen: BTreeSet<(&LocaleCode, String)> = BTreeSet::new();
            for (i, o) in q.options().iter().enumerate() {
                let repeated = o
                    .label
                    .0
                    .iter()
                    .map(|(l, w)| (l, w.trim().to_lowercase()))
                    .filter(|(_, w)| !w.is_empty())
                    .fold(None, |found, key| {
                        let dup = seen.contains(&key).then(|| key.1.clone());
                        seen.insert(key);
                        found.or(dup)
                    });
                if let Some(words) = repeated {
                    problems.push(SurveyProblem {
                        at: ProblemAt::Question {
                            number: n + 1,
                            id: q.id.clone(),
                            part: QuestionPart::Option(i + 1),
                        },
                        problem: Problem::Repeated {
                            value: words.clone(),
                        },
                        message: format!(
                            "another option already says \"{words}\": a child could not tell them apart"
                        ),
                    });
                }
            }
        }
        problems.sort_by_key(|p| match &p.at {
            ProblemAt::Question { number, .. } => *number,
            _ => 0,
        });
        problems
    }

    /// Publishes the survey: the booklet to share with tablets, with the next revision. Refused
    /// with every problem while there are any; nothing changes then.
    pub fn publish(&mut self) -> Result<Booklet, Vec<SurveyProblem>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        let booklet = self.preview();
        // Belt and braces: whatever the draft holds, nothing identifying is published.
        if let Err(errors) = check_anonymous(&booklet) {
            return Err(errors
                .into_iter()
                .map(|e| self.problem_from(&e.path, e.problem))
                .collect());
        }
        self.published = Some(booklet.clone());
        Ok(booklet)
    }

    /// Turns a validation error's path into where it is in the builder, with a message.
    fn problem_from(&self, path: &str, problem: Problem) -> SurveyProblem {
        let at = self.locate(path);
        let message = self.describe(&at, &problem);
        SurveyProblem {
            at,
            problem,
            message,
        }
    }

    fn locate(&self, path: &str) -> ProblemAt {
        let top = path.split(['.', '[']).next().unwrap_or("");
        match top {
            "title" => return ProblemAt::Title,
            "intro" => return ProblemAt::Intro,
            "locales" => return ProblemAt::Languages,
            "age_bands" => return ProblemAt::AgeBands,
            "sections" => {}
            _ => return ProblemAt::Survey,
        }
        // sections[s].questions[n]<rest>: the builder numbers questions through all sections.
        let Some((s, rest)) = index_after(path, "sections[") else {
            return ProblemAt::Survey;
        };
        let Some((n, rest)) = rest
            .strip_prefix(".questions")
            .and_then(|r| index_after(r, "["))
        else {
            return ProblemAt::Survey;
        };
        let flat = self
            .published_sections_before(s)
            .map_or(n, |before| before + n);
        let Some(q) = self.questions.get(flat) else {
            return ProblemAt::Survey;
        };
        let part = if rest.is_empty() || rest == ".id" {
            QuestionPart::Whole
        } else if rest.starts_with(".text_by_band") {
            rest.strip_prefix(".text_by_band.")
                .and_then(|code| AgeBand::from_code(code.split('.').next().unwrap_or("")))
                .map_or(QuestionPart::Text, QuestionPart::BandText)
        } else if rest.starts_with(".text") {
            QuestionPart::Text
        } else if rest.starts_with(".help") {
            QuestionPart::Help
        } else if rest.starts_with(".picture") {
            QuestionPart::Picture
        } else if rest.starts_with(".kind.options[") {
            index_after(rest, ".kind.options[")
                .map_or(QuestionPart::Options, |(i, _)| QuestionPart::Option(i + 1))
        } else if rest.starts_with(".kind.options") {
            QuestionPart::Options
        } else if rest.starts_with(".kind") {
            QuestionPart::Kind
        } else if rest.starts_with(".show_if") {
            QuestionPart::Condition
        } else if rest.starts_with(".worry_if") {
            QuestionPart::Worry
        } else if rest.starts_with(".measure") {
            QuestionPart::Measure
        } else {
            QuestionPart::Whole
        };
        ProblemAt::Question {
            number: flat + 1,
            id: q.id.clone(),
            part,
        }
    }

    /// For a booklet being opened by [`SurveyDraft::from_booklet`], the number of questions in
    /// sections before section `s` (a draft's own booklet has one section).
    fn published_sections_before(&self, s: usize) -> Option<usize> {
        let b = self.published.as_ref()?;
        if b.sections.len() <= 1 {
            return None;
        }
        Some(b.sections.iter().take(s).map(|x| x.questions.len()).sum())
    }

    fn describe(&self, at: &ProblemAt, problem: &Problem) -> String {
        let number_of = |id: &str| {
            self.index_of(&QuestionId::new(id))
                .map_or_else(|| format!("\"{id}\""), |i| format!("question {}", i + 1))
        };
        let what = match at {
            ProblemAt::Title => "the title",
            ProblemAt::Intro => "the welcome text",
            ProblemAt::Question { part, .. } => match part {
                QuestionPart::Text | QuestionPart::Whole => "the question",
                QuestionPart::BandText(_) => "this wording",
                QuestionPart::Help => "the help line",
                QuestionPart::Option(_) => "the option",
                QuestionPart::Measure => "the measure",
                _ => "this",
            },
            _ => "this",
        };
        match problem {
            Problem::MissingWording { locale } => {
                format!("{what} needs wording in the \"{locale}\" language")
            }
            Problem::UndeclaredLocale { locale } => format!(
                "{what} has wording in \"{locale}\", which is not one of the survey's languages"
            ),
            Problem::Empty { what: "question" } | Problem::Empty { what: "section" } => {
                "add at least one question".to_owned()
            }
            Problem::Empty { what: "age band" } => "choose at least one age group".to_owned(),
            Problem::Empty { what: "language" } => "choose at least one language".to_owned(),
            Problem::Empty { what: "option" } => "add at least one option".to_owned(),
            Problem::Empty { what: "value" } => match at {
                ProblemAt::Question {
                    part: QuestionPart::Condition,
                    ..
                } => "choose at least one answer that shows this question".to_owned(),
                _ => "choose at least one answer".to_owned(),
            },
            Problem::TooFewOptions => {
                "a \"pick one\" question needs at least two options to choose from".to_owned()
            }
            Problem::MaxChars { found } => format!(
                "the longest answer must be between 1 and {MAX_OWN_WORDS} characters (it is {found})"
            ),
            Problem::UnknownPicture { name } => {
                format!("\"{name}\" is not one of the pictures My Say has")
            }
            Problem::InvalidValue {
                value, question, ..
            } => match at {
                ProblemAt::Question {
                    part: QuestionPart::Condition,
                    ..
                } => format!(
                    "it is shown for an answer that {} does not have any more (\"{value}\"): \
                     choose the answers again",
                    number_of(question)
                ),
                _ => format!(
                    "\"{value}\" is not one of this question's answers any more: choose again"
                ),
            },
            Problem::Repeated { value } => format!("\"{value}\" is chosen twice"),
            Problem::LaterQuestion { id } => format!(
                "it depends on {}, which comes after it: a question can only depend on an \
                 earlier one",
                number_of(id)
            ),
            Problem::OwnQuestion => "a question cannot depend on its own answer".to_owned(),
            Problem::UnknownQuestion { id } => format!(
                "it depends on a question that is not in the survey any more (\"{id}\"): \
                 choose again or remove the condition"
            ),
            Problem::NothingToCount => {
                "an own-words answer has nothing to choose: only \"I'd rather not say\" can be \
                 used here"
                    .to_owned()
            }
            Problem::Identifying { what } => format!(
                "surveys are anonymous, so a question must not ask for {what}. Remove it or \
                 reword it."
            ),
            Problem::ReservedId => {
                "\"rather_not_say\" is kept for \"I'd rather not say\", which every question \
                 offers already"
                    .to_owned()
            }
            other => other.to_string(),
        }
    }
}

/// `n` for an id `<prefix><n>` such as `q12`.
fn numbered(id: &str, prefix: &str) -> Option<u32> {
    id.strip_prefix(prefix)?.parse().ok()
}

/// The number after `open` at the start of `text` and the text after its `]`.
fn index_after<'t>(text: &'t str, open: &str) -> Option<(usize, &'t str)> {
    let rest = text.strip_prefix(open)?;
    let end = rest.find(']')?;
    Some((rest[..end].parse().ok()?, &rest[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::fixtures::{both, cy, draft, en, qid, rng};
    use crate::validate::{load_booklet, IDENTIFYING_WORDS};
    use proptest::prelude::*;

    fn shown(problems: &[SurveyProblem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_new_survey_says_what_it_needs() {
        let d = SurveyDraft::new("survey-0000000000000001", en());
        assert_eq!(
            shown(&d.problems()),
            vec![
                r#"Title: the title needs wording in the "en" language"#,
                "Survey: add at least one question",
            ]
        );
    }

    #[test]
    fn a_survey_with_every_kind_publishes_as_a_survey_booklet() {
        let mut d = draft();
        assert_eq!(shown(&d.problems()), Vec::<String>::new());
        assert_eq!(d.next_revision(), 1);
        let b = d.publish().unwrap();
        assert_eq!(b.kind, BookletKind::Survey);
        assert_eq!(b.format, FORMAT_NAME);
        assert_eq!(b.revision, 1);
        assert_eq!(b.sections.len(), 1);
        assert_eq!(
            b.intro.as_ref().unwrap().0[&en()],
            "This survey is anonymous."
        );
        let ids: Vec<&str> = b.questions().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]);
        let kinds: BTreeSet<&str> = b
            .questions()
            .map(|q| AnswerKindType::of(&q.kind).code())
            .collect();
        assert_eq!(kinds.len(), AnswerKindType::ALL.len(), "every answer kind");
        assert_eq!(
            b.question(&qid("q4"))
                .unwrap()
                .text_for(AgeBand::SixteenPlus)
                .0[&en()],
            "How useful was your last review?"
        );
        assert_eq!(b.question(&qid("q2")).unwrap().options()[2].id, "o3");
        // It is a booklet file like any other: written and read back whole.
        let json = serde_json::to_string_pretty(&b).unwrap();
        assert_eq!(load_booklet(&json).unwrap(), b);
    }

    #[test]
    fn revisions_rise_only_when_something_changed() {
        let mut d = draft();
        assert_eq!(d.published_revision(), None);
        assert_eq!(d.publish().unwrap().revision, 1);
        assert!(!d.has_unpublished_changes());
        assert_eq!(d.publish().unwrap().revision, 1, "nothing changed");
        d.set_title(&en(), "Your reviews");
        assert!(d.has_unpublished_changes());
        assert_eq!(d.next_revision(), 2);
        assert_eq!(d.publish().unwrap().revision, 2);
        // Changing it back is still a change from revision 2.
        d.set_title(&en(), "Your reviews: have your say");
        assert_eq!(d.publish().unwrap().revision, 3);
    }

    #[test]
    fn problems_point_at_the_question_and_part() {
        let mut d = draft();
        let q2 = qid("q2");
        d.question_mut(&q2)
            .unwrap()
            .option_mut("o1")
            .unwrap()
            .label
            .0
            .remove(&cy());
        d.question_mut(&qid("q4")).unwrap().picture = Some("castle".into());
        d.question_mut(&qid("q5")).unwrap().remove_option("o2");
        d.question_mut(&qid("q3")).unwrap().set_max_chars(0);
        let problems = d.problems();
        assert_eq!(
            shown(&problems),
            vec![
                r#"Question 2, option 1: the option needs wording in the "cy" language"#,
                "Question 3: the longest answer must be between 1 and 5000 characters (it is 0)",
                r#"Question 4, picture: "castle" is not one of the pictures My Say has"#,
                r#"Question 5, options: a "pick one" question needs at least two options to choose from"#,
            ]
        );
        assert_eq!(
            problems[0].at,
            ProblemAt::Question {
                number: 2,
                id: q2,
                part: QuestionPart::Option(1)
            }
        );
        assert_eq!(
            problems[0].problem,
            Problem::MissingWording {
                locale: "cy".into()
            }
        );
        assert!(d.publish().is_err());
        assert_eq!(
            d.published_revision(),
            None,
            "a refused publish changes nothing"
        );
    }

    #[test]
    fn same_wording_on_two_options_is_a_problem() {
        let mut d = draft();
        d.question_mut(&qid("q5"))
            .unwrap()
            .add_option(both("phone call "))
            .unwrap();
        assert_eq!(
            shown(&d.problems()),
            vec![
                r#"Question 5, option 3: another option already says "phone call": a child could not tell them apart"#
            ]
        );
    }

    #[test]
    fn a_condition_whose_answer_was_removed_is_reported_not_changed() {
        let mut d = draft();
        let q5 = qid("q5");
        let q6 = qid("q6");
        d.set_condition(&q6, &q5, vec!["o2".into()]).unwrap();
        assert!(d.problems().is_empty());
        let q = d.question_mut(&q5).unwrap();
        q.remove_option("o2");
        q.add_option(both("Letter")).unwrap();
        assert_eq!(
            d.question(&q5).unwrap().options()[1].id,
            "o3",
            "option ids are never reused"
        );
        assert_eq!(
            shown(&d.problems()),
            vec![
                r#"Question 6, when to show it: it is shown for an answer that question 5 does not have any more ("o2"): choose the answers again"#
            ]
        );
        assert_eq!(d.question(&q6).unwrap().show_if().unwrap().any_of, ["o2"]);
        d.set_condition(&q6, &q5, vec![]).unwrap();
        assert_eq!(
            shown(&d.problems()),
            vec![
                "Question 6, when to show it: choose at least one answer that shows this question"
            ]
        );
    }

    #[test]
    fn conditions_can_only_depend_on_earlier_questions() {
        let mut d = draft();
        assert_eq!(
            d.set_condition(&qid("q2"), &qid("q4"), vec!["sad".into()]),
            Err(BuilderError::NotEarlier { question: 2, on: 4 })
        );
        assert_eq!(
            d.set_condition(&qid("q2"), &qid("q2"), vec!["o1".into()]),
            Err(BuilderError::OnItself)
        );
        assert_eq!(
            d.set_condition(&qid("q4"), &qid("q3"), vec!["x".into()]),
            Err(BuilderError::NothingToMatch)
        );
        assert!(matches!(
            d.set_condition(&qid("q4"), &qid("q99"), vec![]),
            Err(BuilderError::NoSuchQuestion(_))
        ));
        d.set_condition(&qid("q4"), &qid("q1"), vec!["rather_not_say".into()])
            .unwrap();
        assert!(d.problems().is_empty());
        d.clear_condition(&qid("q4")).unwrap();
        assert!(d.question(&qid("q4")).unwrap().show_if().is_none());
    }

    fn order(d: &SurveyDraft) -> Vec<&str> {
        d.questions().iter().map(|q| q.id().as_str()).collect()
    }

    #[test]
    fn moves_that_would_break_a_condition_are_refused() {
        // q3 depends on q1.
        let mut d = draft();
        let err = d.move_question(&qid("q3"), 0).unwrap_err();
        assert_eq!(
            err,
            BuilderError::WouldComeFirst {
                question: 3,
                depends_on: 1
            }
        );
        assert_eq!(
            err.to_string(),
            "Question 3 is shown depending on the answer to question 1, so it has to stay after \
             it. To move it, remove its condition first."
        );
        assert_eq!(order(&d), ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]);
        // Moving the question depended on below its dependant is refused too.
        assert!(d.move_question(&qid("q1"), 5).is_err());
        assert!(d.can_move(&qid("q1"), 1).is_ok());
        // Keyboard: up and down, one place at a time.
        d.move_up(&qid("q3")).unwrap();
        assert_eq!(order(&d), ["q1", "q3", "q2", "q4", "q5", "q6", "q7"]);
        assert!(d.move_up(&qid("q3")).is_err(), "q3 cannot go above q1");
        d.move_up(&qid("q1")).unwrap();
        assert_eq!(order(&d)[0], "q1", "at the top it stays put");
        d.move_down(&qid("q7")).unwrap();
        assert_eq!(order(&d)[6], "q7", "at the bottom it stays put");
        // Dragging: to any index, past the end meaning last.
        d.move_question(&qid("q2"), 99).unwrap();
        assert_eq!(order(&d), ["q1", "q3", "q4", "q5", "q6", "q7", "q2"]);
        d.move_question(&qid("q5"), 0).unwrap();
        assert_eq!(order(&d), ["q5", "q1", "q3", "q4", "q6", "q7", "q2"]);
        assert!(d.problems().is_empty());
        // Once the condition is gone, the move is allowed.
        d.clear_condition(&qid("q3")).unwrap();
        d.move_question(&qid("q3"), 0).unwrap();
        assert_eq!(order(&d)[0], "q3");
    }

    #[test]
    fn a_question_others_depend_on_cannot_be_removed() {
        let mut d = draft();
        let err = d.remove_question(&qid("q1")).unwrap_err();
        assert_eq!(
            err,
            BuilderError::NeededBy {
                question: 1,
                needed_by: 3
            }
        );
        assert_eq!(d.questions().len(), 7);
        d.remove_question(&qid("q3")).unwrap();
        d.remove_question(&qid("q1")).unwrap();
        assert_eq!(order(&d), ["q2", "q4", "q5", "q6", "q7"]);
        // New questions get new ids, never a removed one's.
        let id = d.insert_question(0, AnswerKindType::Faces);
        assert_eq!(id.as_str(), "q8");
        assert_eq!(order(&d)[0], "q8");
    }

    #[test]
    fn changing_the_type_keeps_options_where_it_can() {
        let mut d = draft();
        let q = d.question_mut(&qid("q2")).unwrap();
        q.set_kind_type(AnswerKindType::PickOne);
        assert_eq!(q.options().len(), 3);
        q.set_kind_type(AnswerKindType::PickAndOrder);
        assert_eq!(q.options().len(), 3);
        q.set_kind_type(AnswerKindType::OwnWords);
        assert_eq!(
            q.kind,
            AnswerKind::OwnWords {
                max_chars: DEFAULT_MAX_CHARS
            }
        );
        assert!(q.add_option(both("x")).is_none());
        q.set_kind_type(AnswerKindType::PickOne);
        assert_eq!(q.add_option(both("Again")).unwrap(), "o4");
        assert!(q.move_option("o4", 0));
        assert_eq!(q.options()[0].id, "o4");
    }

    #[test]
    fn band_wording_for_a_band_left_out_is_kept_but_not_published() {
        let mut d = draft();
        d.set_age_bands(&[AgeBand::TenToFifteen, AgeBand::SevenToNine]);
        assert_eq!(d.age_bands(), [AgeBand::SevenToNine, AgeBand::TenToFifteen]);
        let b = d.publish().unwrap();
        assert!(b.question(&qid("q4")).unwrap().text_by_band.is_empty());
        d.set_age_bands(&AgeBand::ALL);
        let b = d.publish().unwrap();
        assert_eq!(b.question(&qid("q4")).unwrap().text_by_band.len(), 1);
        d.set_age_bands(&[]);
        assert_eq!(
            shown(&d.problems()),
            vec!["Age groups: choose at least one age group"]
        );
    }

    #[test]
    fn removing_a_language_removes_its_wording() {
        let mut d = draft();
        d.remove_locale(&cy()).unwrap();
        assert_eq!(d.locales(), [en()]);
        assert!(d.problems().is_empty());
        assert!(d.preview().questions().all(|q| q.text.0.len() == 1));
        assert_eq!(d.remove_locale(&en()), Err(BuilderError::LastLanguage));
        assert_eq!(
            d.add_locale(LocaleCode::new("a r")),
            Err(BuilderError::BadLanguage)
        );
        d.add_locale(LocaleCode::new("ar")).unwrap();
        let problems = d.problems();
        assert!(problems.len() > 10, "every text now needs Arabic");
        assert_eq!(
            problems[0].to_string(),
            r#"Title: the title needs wording in the "ar" language"#
        );
    }

    #[test]
    fn drafts_are_saved_and_read_back() {
        let mut d = draft();
        d.publish().unwrap();
        d.set_title(&en(), "Changed");
        let json = serde_json::to_string(&d).unwrap();
        let back: SurveyDraft = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        assert_eq!(back.next_revision(), 2);
        // A stored draft with the same question twice is refused.
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let first = v["questions"][0].clone();
        v["questions"].as_array_mut().unwrap().push(first);
        assert!(serde_json::from_str::<SurveyDraft>(&v.to_string()).is_err());
    }

    #[test]
    fn a_survey_booklet_is_told_from_a_review_booklet_by_its_id() {
        assert!(is_survey_booklet(&new_survey_id(&mut rng(1))));
        assert!(is_survey_booklet(draft().id()));
        for band in crate::AgeBand::ALL {
            let review = crate::builtin::builtin_for(band);
            assert!(!is_survey_booklet(&review.id), "{}", review.id);
        }
        assert!(!is_survey_booklet("surveys-0123"));
        assert!(!is_survey_booklet(""));
    }

    #[test]
    fn a_survey_with_an_id_the_builder_does_not_make_is_not_published() {
        let mut d = draft();
        assert!(crate::validate::is_survey_id(d.id()));
        assert!(crate::validate::is_survey_id(&new_survey_id(&mut rng(1))));
        let booklet = d.publish().unwrap();
        let mut bad = SurveyDraft::new("Council Survey 1", en());
        bad.set_title(&en(), "Your reviews");
        let q = bad.add_question(AnswerKindType::YesNotSureNo);
        bad.question_mut(&q).unwrap().text = Text::en("Do you like your reviews?");
        let problems = bad.publish().unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].at, ProblemAt::Survey);
        assert!(
            problems[0]
                .message
                .contains("survey's id must be \"survey-\""),
            "{}",
            problems[0].message
        );
        assert_eq!(bad.published_revision(), None, "nothing was published");
        // A published booklet given another id does not open in the builder either.
        let mut renamed = booklet;
        renamed.id = "reviews".into();
        let err = SurveyDraft::from_booklet(&renamed).unwrap_err();
        assert!(err
            .iter()
            .any(|p| matches!(p.problem, Problem::SurveyId { .. })));
    }

    #[test]
    fn a_published_survey_opens_again_for_editing() {
        let mut d = draft();
        let b = d.publish().unwrap();
        let mut again = SurveyDraft::from_booklet(&b).unwrap();
        assert_eq!(again.next_revision(), 1, "unchanged");
        let id = again.add_question(AnswerKindType::YesNotSureNo);
        assert_eq!(id.as_str(), "q8");
        again.remove_question(&id).unwrap();
        assert_eq!(again.publish().unwrap(), b);

        // The example survey in the format docs: two ids not made by the builder, kept.
        let doc = include_str!("../../../../docs/booklet-format.md");
        let example = doc
            .split("```json")
            .filter_map(|block| block.split("```").next())
            .find(|block| block.contains(r#""format": "my-say/booklet""#))
            .unwrap();
        let example = load_booklet(example).unwrap();
        let mut d = SurveyDraft::from_booklet(&example).unwrap();
        assert_eq!(d.questions().len(), 4);
        assert_eq!(d.add_question(AnswerKindType::Faces).as_str(), "q1");
        d.question_mut(&qid("q1")).unwrap().text = Text::en("x");
        assert!(!d.problems().is_empty(), "needs cy and ar wording");

        // A review booklet is not a survey.
        let review = crate::builtin::builtin_for(AgeBand::SevenToNine);
        let err = SurveyDraft::from_booklet(&review).unwrap_err();
        assert!(err[0].message.contains("not a survey"), "{err:?}");
    }

    // ---- Anonymity ----

    #[test]
    fn identifying_wording_is_flagged_as_typed_and_never_published() {
        let mut d = draft();
        let cases = [
            ("What's your name?", "a name"),
            ("When were you born?", "a date of birth"),
            ("Put your date of birth", "a date of birth"),
            ("What is your case number?", "a case reference"),
            ("What is your postcode?", "an address"),
            ("What is your phone number?", "contact details"),
            ("Write your email address", "contact details"),
            ("What is your device ID?", "a device identifier"),
        ];
        for (words, what) in cases {
            let q = d.add_question(AnswerKindType::OwnWords);
            d.question_mut(&q).unwrap().text = both(words);
            let problems = d.problems();
            assert_eq!(problems.len(), 1, "{words}: {problems:?}");
            assert_eq!(
                problems[0].problem,
                Problem::Identifying { what },
                "{words}"
            );
            assert_eq!(
                problems[0].to_string(),
                format!(
                    "Question 8: surveys are anonymous, so a question must not ask for {what}. \
                     Remove it or reword it."
                )
            );
            assert!(d.publish().is_err(), "{words}");
            d.remove_question(&q).unwrap();
        }
        // In help and in band wording too.
        d.question_mut(&qid("q1")).unwrap().help = both("Tell us your full name first");
        assert!(d.publish().is_err());
        d.question_mut(&qid("q1")).unwrap().help = Text::default();
        d.question_mut(&qid("q4"))
            .unwrap()
            .text_by_band
            .insert(AgeBand::SevenToNine, both("When is your birthday?"));
        assert!(d.publish().is_err());
        d.question_mut(&qid("q4"))
            .unwrap()
            .text_by_band
            .remove(&AgeBand::SevenToNine);
        assert!(d.publish().is_ok());
    }

    #[test]
    fn a_booklet_with_an_identifying_question_cannot_be_opened_for_editing() {
        let mut b = draft().publish().unwrap();
        b.sections[0].questions[2].id = QuestionId::new("date_of_birth");
        b.sections[0].questions[2].show_if = None;
        let err = SurveyDraft::from_booklet(&b).unwrap_err();
        assert_eq!(
            err[0].problem,
            Problem::Identifying {
                what: "a date of birth"
            }
        );
        assert!(matches!(
            err[0].at,
            ProblemAt::Question {
                number: 3,
                part: QuestionPart::Whole,
                ..
            }
        ));
    }

    /// One thing a person could do in the builder.
    #[derive(Clone, Debug)]
    enum Op {
        Add(usize),
        Insert(usize, usize),
        Remove(usize),
        Move(usize, usize),
        Up(usize),
        Down(usize),
        Text(usize, String),
        Help(usize, String),
        BandText(usize, usize, String),
        Option(usize, String),
        RemoveOption(usize),
        Condition(usize, usize, usize),
        Kind(usize, usize),
        Title(String),
    }

    fn words() -> impl Strategy<Value = String> {
        let phrases: Vec<String> = IDENTIFYING_WORDS
            .iter()
            .map(|(p, _)| p.to_string())
            .collect();
        prop_oneof![
            "[A-Za-z' ?]{0,20}",
            proptest::sample::select(phrases.clone()).prop_map(|p| format!("What is {p}?")),
            proptest::sample::select(phrases).prop_map(|p| p.to_uppercase()),
            Just("name".to_owned()),
            Just("dob".to_owned()),
        ]
    }

    fn op() -> impl Strategy<Value = Op> {
        let n = 0usize..10;
        prop_oneof![
            (0usize..7).prop_map(Op::Add),
            (n.clone(), 0usize..7).prop_map(|(a, b)| Op::Insert(a, b)),
            n.clone().prop_map(Op::Remove),
            (n.clone(), n.clone()).prop_map(|(a, b)| Op::Move(a, b)),
            n.clone().prop_map(Op::Up),
            n.clone().prop_map(Op::Down),
            (n.clone(), words()).prop_map(|(a, w)| Op::Text(a, w)),
            (n.clone(), words()).prop_map(|(a, w)| Op::Help(a, w)),
            (n.clone(), 0usize..4, words()).prop_map(|(a, b, w)| Op::BandText(a, b, w)),
            (n.clone(), words()).prop_map(|(a, w)| Op::Option(a, w)),
            n.clone().prop_map(Op::RemoveOption),
            (n.clone(), n.clone(), 0usize..6).prop_map(|(a, b, v)| Op::Condition(a, b, v)),
            (n, 0usize..7).prop_map(|(a, k)| Op::Kind(a, k)),
            words().prop_map(Op::Title),
        ]
    }

    fn apply(d: &mut SurveyDraft, op: Op) {
        let id = |d: &SurveyDraft, i: usize| {
            let qs = d.questions();
            (!qs.is_empty()).then(|| qs[i % qs.len()].id().clone())
        };
        match op {
            Op::Add(k) => {
                d.add_question(AnswerKindType::ALL[k]);
            }
            Op::Insert(at, k) => {
                d.insert_question(at, AnswerKindType::ALL[k]);
            }
            Op::Remove(i) => {
                if let Some(q) = id(d, i) {
                    let _ = d.remove_question(&q);
                }
            }
            Op::Move(i, to) => {
                if let Some(q) = id(d, i) {
                    let _ = d.move_question(&q, to);
                }
            }
            Op::Up(i) => {
                if let Some(q) = id(d, i) {
                    let _ = d.move_up(&q);
                }
            }
            Op::Down(i) => {
                if let Some(q) = id(d, i) {
                    let _ = d.move_down(&q);
                }
            }
            Op::Text(i, w) => {
                if let Some(q) = id(d, i) {
                    d.question_mut(&q).unwrap().text = Text::en(&w);
                }
            }
            Op::Help(i, w) => {
                if let Some(q) = id(d, i) {
                    d.question_mut(&q).unwrap().help = Text::en(&w);
                }
            }
            Op::BandText(i, b, w) => {
                if let Some(q) = id(d, i) {
                    d.question_mut(&q)
                        .unwrap()
                        .text_by_band
                        .insert(AgeBand::ALL[b], Text::en(&w));
                }
            }
            Op::Option(i, w) => {
                if let Some(q) = id(d, i) {
                    d.question_mut(&q).unwrap().add_option(Text::en(&w));
                }
            }
            Op::RemoveOption(i) => {
                if let Some(q) = id(d, i) {
                    let q = d.question_mut(&q).unwrap();
                    if let Some(o) = q.options().first().map(|o| o.id.clone()) {
                        q.remove_option(&o);
                    }
                }
            }
            Op::Condition(i, on, v) => {
                if let (Some(q), Some(on)) = (id(d, i), id(d, on)) {
                    let value = ["yes", "no", "o1", "o2", "happy", "rather_not_say"][v];
                    let _ = d.set_condition(&q, &on, vec![value.into()]);
                }
            }
            Op::Kind(i, k) => {
                if let Some(q) = id(d, i) {
                    d.question_mut(&q)
                        .unwrap()
                        .set_kind_type(AnswerKindType::ALL[k]);
                }
            }
            Op::Title(w) => d.set_title(&en(), &w),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a person does in the builder, what it publishes is a valid, anonymous
        /// survey whose ids the builder made, and conditions always point at earlier questions.
        #[test]
        fn nothing_identifying_is_ever_published(ops in proptest::collection::vec(op(), 0..40)) {
            // Start from a survey that publishes, so every case publishes at least once.
            let mut d = draft();
            d.remove_locale(&cy()).unwrap();
            prop_assert!(d.publish().is_ok());
            for op in ops {
                apply(&mut d, op);
                // Conditions never point forward, whatever the order of operations.
                for (n, q) in d.questions().iter().enumerate() {
                    if let Some(c) = q.show_if() {
                        let at = d.index_of(&c.question).unwrap();
                        prop_assert!(at < n);
                    }
                }
                if let Ok(b) = d.publish() {
                    prop_assert_eq!(b.kind, BookletKind::Survey);
                    prop_assert!(validate(&b).is_ok());
                    prop_assert!(check_anonymous(&b).is_ok());
                    for q in b.questions() {
                        let number = q.id.as_str().strip_prefix('q').and_then(|n| n.parse::<u32>().ok());
                        prop_assert!(number.is_some(), "builder-made id: {}", q.id.as_str());
                    }
                }
            }
        }
    }
}

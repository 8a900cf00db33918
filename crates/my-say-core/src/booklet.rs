//! The booklet format: booklets and council surveys are data, not code.
//!
//! The format is documented in `docs/booklet-format.md`. Every built-in booklet and every
//! survey a Children in Care Council builds is a [`Booklet`] and is shown by the same renderer.

use crate::age_band::AgeBand;
use crate::text::{LocaleCode, Text};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The `format` field every booklet file carries.
pub const FORMAT_NAME: &str = "my-say/booklet";
/// The newest format version this build reads and writes. Version 2 added a question's own
/// words for yes and no ([`Question::yes`]); version 3 optional sections
/// ([`Section::optional`]), the "being heard" measures ([`MeasureKind::Heard`]) and theme
/// ([`Theme::BeingHeard`]). A booklet is written in the lowest version that holds it
/// ([`Booklet::needed_version`]), which older builds read too.
pub const FORMAT_VERSION: u32 = 3;

/// A question's stable id: answers, reports and CSV columns refer to it, so it never changes
/// once a booklet is in use.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuestionId(pub String);

impl QuestionId {
    /// An id from a string slice.
    pub fn new(id: &str) -> QuestionId {
        QuestionId(id.to_owned())
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether a booklet is a child's pre-review consultation or an anonymous council survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookletKind {
    /// A pre-review consultation, sealed for the child's IRO.
    Review,
    /// A Children in Care Council survey: anonymous, no identifying fields.
    Survey,
}

crate::serde_by_hand::by_name!(BookletKind {
    Review = "review",
    Survey = "survey",
});

/// A whole booklet or survey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Booklet {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format version the file was written in.
    pub version: u32,
    /// Stable id, such as "review-7-9".
    pub id: String,
    /// The content's own revision, raised whenever wording or questions change.
    pub revision: u32,
    /// Review booklet or council survey.
    pub kind: BookletKind,
    /// The age bands this booklet is for.
    pub age_bands: Vec<AgeBand>,
    /// The languages every piece of wording is given in; the first is the fallback.
    pub locales: Vec<LocaleCode>,
    /// Shown at the top of every screen.
    pub title: Text,
    /// Shown once before the first question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The parts of the booklet, in order.
    pub sections: Vec<Section>,
}

/// One part of a booklet, such as "Planning my review".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, such as "planning".
    pub id: String,
    /// The part's heading.
    pub title: Text,
    /// Whether the child chooses to answer this part (format version 3). Its first question is
    /// its *switch*, a yes / not sure / no question such as "Would you like to answer some
    /// questions about your social worker?"; every other question of the part is shown only
    /// when the switch is answered yes (each has a `show_if` on the switch, or on another
    /// question of the part, which validation checks). The adult starting a booklet may switch
    /// it on ([`crate::session::Draft::switch_on`]); the child can still say no.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Its questions, in order.
    pub questions: Vec<Question>,
}

impl Section {
    /// The switch of an optional section: its first question ([`Section::optional`]).
    pub fn switch(&self) -> Option<&Question> {
        self.optional.then(|| self.questions.first()).flatten()
    }
}

/// What a question is about, which decides where the IRO's one-page summary puts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Theme {
    /// What the child wants to talk about first: the child's agenda, shown at the top.
    Agenda,
    /// Who the child wants at the review.
    People,
    /// Where and when the review happens.
    PlaceAndTime,
    /// Whether the child comes to all, part or none of the review.
    Attendance,
    /// Having a break and how to leave.
    BreakAndLeaving,
    /// What the child does not want talked about.
    NotToDiscuss,
    /// Chairing all or part of the review.
    Chairing,
    /// Seeing the IRO alone first.
    SeeIroAlone,
    /// Worries: always highlighted.
    Worries,
    /// Good news.
    GoodNews,
    /// Feeling safe and happy where the child lives.
    Home,
    /// Friends and family.
    FriendsAndFamily,
    /// School, college, work and health.
    SchoolAndHealth,
    /// Trusted adults, the IRO, advocates and complaints.
    Support,
    /// The care plan, the pathway plan and getting ready for adult life.
    Plan,
    /// How the last review went.
    LastReview,
    /// Whether the child feels listened to, and whether their views changed things (format
    /// version 3).
    BeingHeard,
    /// The life story book.
    LifeStory,
    /// Anything else (council surveys mostly).
    Other,
}

crate::serde_by_hand::by_name!(Theme {
    Agenda = "agenda",
    People = "people",
    PlaceAndTime = "place_and_time",
    Attendance = "attendance",
    BreakAndLeaving = "break_and_leaving",
    NotToDiscuss = "not_to_discuss",
    Chairing = "chairing",
    SeeIroAlone = "see_iro_alone",
    Worries = "worries",
    GoodNews = "good_news",
    Home = "home",
    FriendsAndFamily = "friends_and_family",
    SchoolAndHealth = "school_and_health",
    Support = "support",
    Plan = "plan",
    LastReview = "last_review",
    BeingHeard = "being_heard",
    LifeStory = "life_story",
    Other = "other",
});

/// A question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique within the booklet.
    pub id: QuestionId,
    /// Where the IRO's summary shows it.
    pub theme: Theme,
    /// The question as the child reads or hears it.
    pub text: Text,
    /// Other wording for some age bands, used instead of `text` for those bands (surveys use
    /// this; built-in booklets are one band each).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text_by_band: BTreeMap<AgeBand, Text>,
    /// A line of help under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// One of the pictures shipped with the app (see [`PICTURES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
    /// How the child answers.
    pub kind: AnswerKind,
    /// The words for "yes" that fit this yes / not sure / no question, in the languages whose
    /// usual word does not (Welsh answers with the question's verb: "Hoffet ti...?"
    /// "Hoffwn"). Languages not given use the app's usual word. Format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<Text>,
    /// The words for "no", in the same languages as [`Question::yes`] ("Na hoffwn").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<Text>,
    /// What the answer means for the IRO's annual figures, if it is a measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// Answer values that raise a worry for the IRO to follow up, and show the child
    /// the "it's OK to tell" screen at once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worry_if: Vec<String>,
    /// Show this question only when an earlier answer was one of some values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

/// How a question is answered. Every kind also offers "I'd rather not say", and may be skipped.
///
/// In the format it is an object with a `type` ([`AnswerKindType`]) and that type's fields, in
/// any order. It is read in one pass (`impl Deserialize` below), not through serde's
/// internally tagged enums, which buffer the whole object first: that reader was 13 KB of the
/// child's wasm, before gzip (docs/size.md).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerKind {
    /// Yes / not sure / no; values "yes", "not_sure", "no".
    YesNotSureNo,
    /// Five faces from very sad to very happy; values in [`FACES`].
    Faces,
    /// Pick one option.
    PickOne {
        /// The options.
        options: Vec<Choice>,
    },
    /// Pick any number of options, and add things in the child's own words if allowed.
    PickSeveral {
        /// The options.
        options: Vec<Choice>,
        /// Whether the child may add their own items.
        #[serde(default)]
        own_words: bool,
    },
    /// Pick options and put them in order (most important first).
    PickAndOrder {
        /// The options.
        options: Vec<Choice>,
        /// Whether the child may add their own items.
        #[serde(default)]
        own_words: bool,
    },
    /// Choose people (who comes, who I trust); the child may add someone by name.
    People {
        /// The kinds of people to choose from.
        options: Vec<Choice>,
    },
    /// The child's own words.
    OwnWords {
        /// Longest answer accepted, in characters.
        max_chars: u32,
    },
}

/// The type of an answer kind without its details: the `type` field of a question's `kind`
/// in the format, and the list the council builder's "type of answer" menu shows.
///
/// It reads and writes as its name in the format ([`AnswerKindType::code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnswerKindType {
    /// Yes / not sure / no.
    YesNotSureNo,
    /// Five faces.
    Faces,
    /// Pick one option.
    PickOne,
    /// Pick any number of options.
    PickSeveral,
    /// Pick options and put them in order.
    PickAndOrder,
    /// Choose people by role.
    People,
    /// The child's own words.
    OwnWords,
}

impl AnswerKindType {
    /// Every kind, in the order the menu offers them.
    pub const ALL: [AnswerKindType; 7] = [
        AnswerKindType::YesNotSureNo,
        AnswerKindType::Faces,
        AnswerKindType::PickOne,
        AnswerKindType::PickSeveral,
        AnswerKindType::PickAndOrder,
        AnswerKindType::People,
        AnswerKindType::OwnWords,
    ];

    /// The type of an answer kind.
    pub fn of(kind: &AnswerKind) -> AnswerKindType {
        match kind {
            AnswerKind::YesNotSureNo => AnswerKindType::YesNotSureNo,
            AnswerKind::Faces => AnswerKindType::Faces,
            AnswerKind::PickOne { .. } => AnswerKindType::PickOne,
            AnswerKind::PickSeveral { .. } => AnswerKindType::PickSeveral,
            AnswerKind::PickAndOrder { .. } => AnswerKindType::PickAndOrder,
            AnswerKind::People { .. } => AnswerKindType::People,
            AnswerKind::OwnWords { .. } => AnswerKindType::OwnWords,
        }
    }

    /// Whether questions of this type have options to write.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            AnswerKindType::PickOne
                | AnswerKindType::PickSeveral
                | AnswerKindType::PickAndOrder
                | AnswerKindType::People
        )
    }

    /// The type's name in the booklet format ("yes_not_sure_no", "pick_one"...).
    pub fn code(self) -> &'static str {
        Self::CODES[self as usize]
    }

    /// Every type's name in the format, in the order of [`AnswerKindType::ALL`].
    const CODES: [&'static str; 7] = [
        "yes_not_sure_no",
        "faces",
        "pick_one",
        "pick_several",
        "pick_and_order",
        "people",
        "own_words",
    ];

    /// The fields a kind of this type has besides `type`, in the format's names.
    fn fields(self) -> &'static [&'static str] {
        match self {
            AnswerKindType::YesNotSureNo | AnswerKindType::Faces => &[],
            AnswerKindType::PickOne | AnswerKindType::People => &["options"],
            AnswerKindType::PickSeveral | AnswerKindType::PickAndOrder => &["options", "own_words"],
            AnswerKindType::OwnWords => &["max_chars"],
        }
    }
}

impl Serialize for AnswerKindType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for AnswerKindType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::serde_by_hand::index_of_name(deserializer, &Self::CODES).map(|i| Self::ALL[i])
    }
}

impl<'de> Deserialize<'de> for AnswerKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AnswerKindVisitor)
    }
}

/// Reads an answer kind's fields in any order, then checks them against its `type`. Its errors
/// are serde's usual ones (missing, unknown and duplicate fields), which the validator turns
/// into words (`validate::parse_booklet`).
struct AnswerKindVisitor;

impl<'de> serde::de::Visitor<'de> for AnswerKindVisitor {
    type Value = AnswerKind;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<AnswerKind, A::Error> {
        use crate::serde_by_hand::set_once;
        use serde::de::Error;
        let mut kind_type = None;
        let mut options = None;
        let mut own_words = None;
        let mut max_chars = None;
        // Every key but `type`, in the file's order, to find the first one this type lacks.
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => set_once(&mut kind_type, "type", map.next_value::<AnswerKindType>()?)?,
                "options" => set_once(&mut options, "options", map.next_value::<Vec<Choice>>()?)?,
                "own_words" => set_once(&mut own_words, "own_words", map.next_value::<bool>()?)?,
                "max_chars" => set_once(&mut max_chars, "max_chars", map.next_value::<u32>()?)?,
                _ => map.next_value::<serde::de::IgnoredAny>().map(drop)?,
            }
            if key != "type" {
                keys.push(key);
            }
        }
        let kind_type = kind_type.ok_or_else(|| A::Error::missing_field("type"))?;
        let fields = kind_type.fields();
        if let Some(key) = keys.iter().find(|k| !fields.contains(&k.as_str())) {
            return Err(A::Error::unknown_field(key, fields));
        }
        let options = || options.ok_or_else(|| A::Error::missing_field("options"));
        let own_words = own_words.unwrap_or(false);
        Ok(match kind_type {
            AnswerKindType::YesNotSureNo => AnswerKind::YesNotSureNo,
            AnswerKindType::Faces => AnswerKind::Faces,
            AnswerKindType::PickOne => AnswerKind::PickOne {
                options: options()?,
            },
            AnswerKindType::PickSeveral => AnswerKind::PickSeveral {
                options: options()?,
                own_words,
            },
            AnswerKindType::PickAndOrder => AnswerKind::PickAndOrder {
                options: options()?,
                own_words,
            },
            AnswerKindType::People => AnswerKind::People {
                options: options()?,
            },
            AnswerKindType::OwnWords => AnswerKind::OwnWords {
                max_chars: max_chars.ok_or_else(|| A::Error::missing_field("max_chars"))?,
            },
        })
    }
}

/// The values of the yes / not sure / no kind.
pub const YES_NOT_SURE_NO: [&str; 3] = ["yes", "not_sure", "no"];
/// The values of the five-face scale, saddest first.
pub const FACES: [&str; 5] = ["very_sad", "sad", "ok", "happy", "very_happy"];
/// The pictures the app ships: `public/pictures/<name>.svg`, drawn in this repo, with no words
/// in them. A picture sits beside its question or option's words, which name it for screen
/// readers, so its own `alt` is empty.
pub const PICTURES: [&str; 16] = [
    "house",
    "school",
    "family",
    "friends",
    "heart",
    "doctor",
    "speech",
    "book",
    "star",
    "clock",
    "door",
    "person",
    "place",
    "thumbs_up",
    "whole",
    "half",
];

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, unique within the question.
    pub id: String,
    /// What the child reads or hears.
    pub label: Text,
    /// An optional picture from [`PICTURES`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
}

/// Whether a measure counts in safety, being-heard or satisfaction figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MeasureKind {
    /// "said they feel safe where they live".
    Safety,
    /// "said they feel listened to", "said their views changed things": whether children are
    /// heard, reported beside safety (format version 3).
    Heard,
    /// "satisfied with the care plan", "happy where they live".
    Satisfaction,
}

crate::serde_by_hand::by_name!(MeasureKind {
    Safety = "safety",
    Heard = "heard",
    Satisfaction = "satisfaction",
});

impl MeasureKind {
    /// Every kind, in the order reports show them (and sort their measures in).
    pub const ALL: [MeasureKind; 3] = [
        MeasureKind::Safety,
        MeasureKind::Heard,
        MeasureKind::Satisfaction,
    ];

    /// The kind as the booklet file writes it: "safety", "heard" or "satisfaction" (also the
    /// report CSV's `kind` column and the report page's element ids).
    pub fn code(self) -> &'static str {
        match self {
            MeasureKind::Safety => "safety",
            MeasureKind::Heard => "heard",
            MeasureKind::Satisfaction => "satisfaction",
        }
    }
}

/// What a question means for reporting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id shared by the same measure across age bands and years, such as "feel_safe".
    pub key: String,
    /// Safety or satisfaction.
    pub kind: MeasureKind,
    /// How the report names it: "said they feel safe where they live".
    pub label: Text,
    /// Answer values that count as positive.
    pub positive: Vec<String>,
    /// Answer values that count as negative ("what children told us we need to do better").
    pub negative: Vec<String>,
}

/// Show a question only when an earlier question's answer matches one of some values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The earlier question.
    pub question: QuestionId,
    /// The values any one of which shows this question.
    pub any_of: Vec<String>,
}

impl Booklet {
    /// Every question, in booklet order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The question with this id.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions().find(|q| &q.id == id)
    }

    /// The lowest format version that can hold this booklet: 3 if it has an optional section,
    /// a "being heard" measure or theme; else 2 if a question gives its own words for yes and
    /// no; else 1.
    pub fn needed_version(&self) -> u32 {
        if self.sections.iter().any(|s| s.optional) || self.questions().any(Question::needs_3) {
            3
        } else if self.questions().any(|q| q.yes.is_some() || q.no.is_some()) {
            2
        } else {
            1
        }
    }

    /// The optional sections a child can switch on ([`Section::optional`]), in booklet order.
    pub fn optional_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.optional)
    }

    /// Whether the question with this id is the switch of an optional section.
    pub fn is_switch(&self, id: &QuestionId) -> bool {
        self.optional_sections()
            .any(|s| s.switch().is_some_and(|q| &q.id == id))
    }

    /// The options of every people question, each id once, in booklet order: the people an
    /// adult may hide before handing the tablet over ([`crate::ChildDetails::hidden_people`]).
    pub fn people_options(&self) -> Vec<&Choice> {
        let mut found: Vec<&Choice> = Vec::new();
        for q in self.questions() {
            if let AnswerKind::People { options } = &q.kind {
                for c in options {
                    if !found.iter().any(|f| f.id == c.id) {
                        found.push(c);
                    }
                }
            }
        }
        found
    }

    /// The fallback language: the first one listed.
    pub fn fallback_locale(&self) -> LocaleCode {
        fallback_of(&self.locales)
    }

    /// The booklet's title in `locale`, or in its first language.
    pub fn title_in(&self, locale: &LocaleCode) -> &str {
        self.title.get(locale, &self.fallback_locale())
    }

    /// The booklet's introduction in `locale`, or in its first language; empty when it has none.
    pub fn intro_in(&self, locale: &LocaleCode) -> &str {
        let fallback = self.fallback_locale();
        self.intro.as_ref().map_or("", |t| t.get(locale, &fallback))
    }
}

impl Question {
    /// Whether this question uses something new in format version 3: the "being heard" theme
    /// or measure kind.
    pub fn needs_3(&self) -> bool {
        self.theme == Theme::BeingHeard
            || self
                .measure
                .as_ref()
                .is_some_and(|m| m.kind == MeasureKind::Heard)
    }

    /// The wording for a child in `band`.
    pub fn text_for(&self, band: AgeBand) -> &Text {
        self.text_by_band.get(&band).unwrap_or(&self.text)
    }

    /// Whether a child answers `other` with the very controls they answered this question with,
    /// so a screen moving from one to the other keeps them and changes only the question's own
    /// words: the same kind, options included, and the same words for yes and no. Kinds where the
    /// child picks several things or names people never do: their screens hold what the child
    /// is typing there.
    pub fn answered_alike(&self, other: &Question) -> bool {
        let kept = matches!(
            self.kind,
            AnswerKind::YesNotSureNo
                | AnswerKind::Faces
                | AnswerKind::PickOne { .. }
                | AnswerKind::OwnWords { .. }
        );
        kept && self.kind == other.kind && self.yes == other.yes && self.no == other.no
    }

    /// This question's own words for the answer `value` ("yes" or "no") in `locale`, if it
    /// gives them there, or in its base language for a variant such as "ar-f" ([`Question::yes`],
    /// [`Question::no`]).
    pub fn own_label(&self, value: &str, locale: &LocaleCode) -> Option<&str> {
        let words = match value {
            "yes" => &self.yes,
            "no" => &self.no,
            _ => return None,
        };
        let words = &words.as_ref()?.0;
        let base = || locale.base().and_then(|b| words.get(&LocaleCode::new(b)));
        words.get(locale).or_else(base).map(String::as_str)
    }

    /// This question as a child is shown it when the adult hid the people options `hidden`
    /// (option ids, [`crate::ChildDetails::hidden_people`]): a people question without those
    /// options, in the same order; any other question as it is, even one with an option of the
    /// same id (a topic "family" is not a person). "I'd rather not say" and adding someone by
    /// name are not options, so nothing the adult hides can take them away. Borrowed, not
    /// copied, when nothing of this question is hidden.
    pub fn with_people_hidden(&self, hidden: &[String]) -> Cow<'_, Question> {
        match &self.kind {
            AnswerKind::People { options } if options.iter().any(|c| hidden.contains(&c.id)) => {
                let mut shown = self.clone();
                shown.kind = AnswerKind::People {
                    options: options
                        .iter()
                        .filter(|c| !hidden.contains(&c.id))
                        .cloned()
                        .collect(),
                };
                Cow::Owned(shown)
            }
            _ => Cow::Borrowed(self),
        }
    }

    /// The options a child chooses from, for the kinds that have them.
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            AnswerKind::PickOne { options }
            | AnswerKind::PickSeveral { options, .. }
            | AnswerKind::PickAndOrder { options, .. }
            | AnswerKind::People { options } => options,
            _ => &[],
        }
    }
}

/// A booklet's fallback language from the languages it lists: the first one (English if it lists
/// none). [`Booklet::fallback_locale`], and [`crate::Outline`]'s as read from a file.
pub(crate) fn fallback_of(locales: &[LocaleCode]) -> LocaleCode {
    locales
        .first()
        .cloned()
        .unwrap_or_else(|| LocaleCode::new("en"))
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures::plain;
    use proptest::prelude::*;

    fn choices() -> impl Strategy<Value = Vec<Choice>> {
        prop::collection::vec(("[a-z_]{1,8}", "\\PC{0,12}"), 0..4).prop_map(|items| {
            items
                .into_iter()
                .map(|(id, label)| Choice {
                    id,
                    label: Text(BTreeMap::from([(LocaleCode::new("en"), label)])),
                    picture: None,
                })
                .collect()
        })
    }

    fn kinds() -> impl Strategy<Value = AnswerKind> {
        prop_oneof![
            Just(AnswerKind::YesNotSureNo),
            Just(AnswerKind::Faces),
            choices().prop_map(|options| AnswerKind::PickOne { options }),
            (choices(), any::<bool>())
                .prop_map(|(options, own_words)| AnswerKind::PickSeveral { options, own_words }),
            (choices(), any::<bool>())
                .prop_map(|(options, own_words)| AnswerKind::PickAndOrder { options, own_words }),
            choices().prop_map(|options| AnswerKind::People { options }),
            any::<u32>().prop_map(|max_chars| AnswerKind::OwnWords { max_chars }),
        ]
    }

    proptest! {
        /// Every kind reads back as it was written, whatever the order of its fields.
        #[test]
        fn an_answer_kind_reads_back_in_any_field_order(kind in kinds(), turn in 0usize..4) {
            let written = serde_json::to_value(&kind).unwrap();
            let mut fields: Vec<_> = written.as_object().unwrap().clone().into_iter().collect();
            let turn = turn % fields.len();
            fields.rotate_left(turn);
            let text = format!(
                "{{{}}}",
                fields
                    .iter()
                    .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            prop_assert_eq!(serde_json::from_str::<AnswerKind>(&text).unwrap(), kind);
        }
    }

    proptest! {
        /// Two questions are answered alike only with the same kind and the same yes and no
        /// words, and never when the child picks several things or names people.
        #[test]
        fn questions_are_answered_alike_only_with_the_same_controls(a in kinds(), b in kinds()) {
            let (qa, qb) = (plain("a", a.clone()), plain("b", b.clone()));
            let several = matches!(
                a,
                AnswerKind::PickSeveral { .. } | AnswerKind::PickAndOrder { .. } | AnswerKind::People { .. }
            );
            prop_assert_eq!(qa.answered_alike(&qb), a == b && !several);
            prop_assert_eq!(qa.answered_alike(&qb), qb.answered_alike(&qa));
        }
    }

    #[test]
    fn own_words_for_yes_set_questions_apart() {
        let alone = plain("see_iro_alone", AnswerKind::YesNotSureNo);
        let mut welsh = plain("join_online", AnswerKind::YesNotSureNo);
        assert!(alone.answered_alike(&welsh));
        welsh.yes = Some(Text(BTreeMap::from([(
            LocaleCode::new("cy"),
            "Hoffwn".to_owned(),
        )])));
        assert!(!alone.answered_alike(&welsh));
        assert!(!alone.answered_alike(&plain("feelings", AnswerKind::Faces)));
    }

    #[test]
    fn a_kind_type_reads_and_writes_as_its_name() {
        for t in AnswerKindType::ALL {
            let text = serde_json::to_string(&t).unwrap();
            assert_eq!(text, format!("\"{}\"", t.code()));
            assert_eq!(serde_json::from_str::<AnswerKindType>(&text).unwrap(), t);
        }
        assert!(serde_json::from_str::<AnswerKindType>("\"stars\"").is_err());
    }
}

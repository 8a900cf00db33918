//! What the adult's start form needs of a booklet: its id and revision, the people the adult may
//! hide before handing the tablet over, and the optional topics the adult may switch on.
//!
//! The start form reads it from its band's built-in booklet file ([`read_outline`]) without the
//! rest of the booklet (the questions' words, answers, conditions, measures), so the child's app
//! carries no booklet reader: the booklet's own app reads the whole booklet when the child
//! starts (docs/size.md). [`Booklet::outline`] gives the same from a whole booklet, and the
//! core's tests check that both agree for every built-in booklet.

use crate::booklet::{fallback_of, AnswerKindType, Booklet, QuestionId};
use crate::builtin::{check_builtin, BuiltinFileError};
use crate::session::Draft;
use crate::text::{LocaleCode, Text};
use crate::AgeBand;
use crate::ChildDetails;
use serde::Deserialize;

/// What the adult's start form needs of a booklet.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    /// The booklet's id.
    pub id: String,
    /// Its revision, which a new draft records.
    pub revision: u32,
    /// The language its wording falls back to: the first it lists.
    pub fallback: LocaleCode,
    /// The options of every people question, each id once, in booklet order: the people an
    /// adult may hide ([`crate::ChildDetails::hidden_people`]).
    pub people: Vec<Person>,
    /// The optional sections a child can switch on, in booklet order.
    pub topics: Vec<Topic>,
}

/// One person a booklet's people questions offer.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The option's id ("mum").
    pub id: String,
    /// What the child reads.
    pub label: Text,
}

/// One optional section ([`crate::Section::optional`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// The section's id.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Its first question, whose "yes" shows the rest ([`crate::Section::switch`]).
    pub switch: QuestionId,
}

impl Outline {
    /// What to keep as [`crate::ChildDetails::hidden_people`] when the adult unticked
    /// `unticked`: those of this booklet's [`Outline::people`], in booklet order. An id unticked
    /// for another band's booklet, which this one does not offer, is left out, so the summary
    /// never names someone the child could not have been offered anyway.
    pub fn people_to_hide(&self, unticked: &[String]) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| unticked.contains(&p.id))
            .map(|p| p.id.clone())
            .collect()
    }
}

impl Outline {
    /// The first draft of this booklet as the adult's start form begins it: for `child` (whose
    /// unticked people become [`Outline::people_to_hide`]), in `locale`, with the optional
    /// `topics` the adult ticked switched on ([`Draft::switch_on`]).
    pub fn begin(
        &self,
        age_band: AgeBand,
        mut child: ChildDetails,
        locale: LocaleCode,
        topics: &[String],
        now: &str,
    ) -> Draft {
        child.hidden_people = self.people_to_hide(&child.hidden_people);
        let mut draft = Draft::of(&self.id, self.revision, age_band, child, locale, now);
        draft.switch_on(self, topics, now);
        draft
    }
}

impl Booklet {
    /// What the adult's start form needs of this booklet ([`Outline`]).
    pub fn outline(&self) -> Outline {
        let people = self
            .people_options()
            .into_iter()
            .map(|c| Person {
                id: c.id.clone(),
                label: c.label.clone(),
            })
            .collect();
        let topics = self
            .optional_sections()
            .filter_map(|s| {
                Some(Topic {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    switch: s.switch()?.id.clone(),
                })
            })
            .collect();
        Outline {
            id: self.id.clone(),
            revision: self.revision,
            fallback: self.fallback_locale(),
            people,
            topics,
        }
    }
}

/// A booklet file as far as its [`Outline`] needs it: every other field is skipped unread.
#[derive(Deserialize)]
struct File {
    format: String,
    version: u32,
    id: String,
    revision: u32,
    locales: Vec<LocaleCode>,
    sections: Vec<FileSection>,
}

/// A section, as far as an outline needs it.
#[derive(Deserialize)]
struct FileSection {
    id: String,
    title: Text,
    #[serde(default)]
    optional: bool,
    questions: Vec<FileQuestion>,
}

/// A question, as far as an outline needs it.
#[derive(Deserialize)]
struct FileQuestion {
    id: QuestionId,
    kind: FileKind,
}

/// A question's kind, as far as an outline needs it: its type, and its options if it has any.
#[derive(Deserialize)]
struct FileKind {
    #[serde(rename = "type")]
    type_: String,
    #[serde(default)]
    options: Vec<FileOption>,
}

/// An option, as far as an outline needs it.
#[derive(Deserialize)]
struct FileOption {
    id: String,
    label: Text,
}

/// Reads the [`Outline`] of `band`'s built-in booklet from its file, as fetched by the child's
/// app: the same checks as [`crate::builtin::read_builtin`] (this build's format, that band's
/// booklet), without reading the rest of the booklet.
pub fn read_outline(band: AgeBand, json: &str) -> Result<Outline, BuiltinFileError> {
    let file: File =
        serde_json::from_str(json).map_err(|e| BuiltinFileError::Unreadable(e.to_string()))?;
    check_builtin(band, &file.format, file.version, &file.id)?;
    let mut people: Vec<Person> = Vec::new();
    let mut topics = Vec::new();
    for FileSection {
        id,
        title,
        optional,
        questions,
    } in file.sections
    {
        if let Some(first) = questions.first().filter(|_| optional) {
            topics.push(Topic {
                id,
                title,
                switch: first.id.clone(),
            });
        }
        let people_type = AnswerKindType::People.code();
        for q in questions
            .into_iter()
            .filter(|q| q.kind.type_ == people_type)
        {
            for o in q.kind.options {
                if !people.iter().any(|p| p.id == o.id) {
                    people.push(Person {
                        id: o.id,
                        label: o.label,
                    });
                }
            }
        }
    }
    Ok(Outline {
        id: file.id,
        revision: file.revision,
        fallback: fallback_of(&file.locales),
        people,
        topics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{builtin_for, BUILTIN_FILES};
    use crate::Answer;

    #[test]
    fn every_built_in_files_outline_is_its_whole_booklets() {
        for (band, json) in BUILTIN_FILES {
            let whole = builtin_for(band);
            let outline = read_outline(band, json).unwrap();
            assert_eq!(outline, whole.outline(), "{band}");
            // Something to compare: every band offers people, and optional topics.
            assert!(!outline.people.is_empty(), "{band}");
            assert!(!outline.topics.is_empty(), "{band}");
            for topic in &outline.topics {
                let section = whole.sections.iter().find(|s| s.id == topic.id).unwrap();
                assert_eq!(Some(&topic.switch), section.switch().map(|q| &q.id));
            }
        }
    }

    #[test]
    fn another_bands_file_or_no_booklet_is_refused() {
        let [(young, young_json), (older, _), ..] = BUILTIN_FILES;
        assert_eq!(
            read_outline(older, young_json),
            Err(BuiltinFileError::OtherBooklet(
                builtin_for(young).id.clone()
            ))
        );
        let mut half = young_json.len() / 2;
        while !young_json.is_char_boundary(half) {
            half -= 1;
        }
        for broken in ["", "{}", "[]", &young_json[..half]] {
            assert!(matches!(
                read_outline(young, broken),
                Err(BuiltinFileError::Unreadable(_))
            ));
        }
        let other_format = young_json.replacen("\"my-say/booklet\"", "\"my-say/survey\"", 1);
        assert_ne!(other_format, young_json);
        assert!(matches!(
            read_outline(young, &other_format),
            Err(BuiltinFileError::Unreadable(_))
        ));
    }

    #[test]
    fn a_draft_begun_from_an_outline_is_at_the_start_of_its_booklet_with_the_adults_choices() {
        let booklet = builtin_for(AgeBand::SevenToNine);
        let outline = booklet.outline();
        let topic = &outline.topics[0];
        let child = ChildDetails {
            name: "Robin".into(),
            hidden_people: vec!["not-offered".into(), outline.people[0].id.clone()],
            ..ChildDetails::default()
        };
        let topics = [topic.id.clone(), "not-a-topic".into()];
        let draft = outline.begin(
            AgeBand::TenToFifteen,
            child,
            LocaleCode::new("cy"),
            &topics,
            "2026-12-07T10:00:00Z",
        );
        assert!(draft.is_for(&booklet));
        assert_eq!(draft.age_band, AgeBand::TenToFifteen);
        assert_eq!(draft.booklet_band(), AgeBand::SevenToNine);
        assert_eq!(draft.child.hidden_people, [outline.people[0].id.clone()]);
        assert_eq!(draft.locale, LocaleCode::new("cy"));
        assert_eq!(draft.position, crate::Position::Start);
        assert_eq!(
            draft.answers.iter().collect::<Vec<_>>(),
            [(&topic.switch, &Answer::Picked("yes".into()))]
        );
        // The switched-on topic's next question is shown to the child; without it, it is not.
        let shown = |d: &Draft| -> Vec<QuestionId> {
            let session = d.session(&booklet);
            session
                .visible_questions()
                .into_iter()
                .map(|q| q.id.clone())
                .collect()
        };
        let section = booklet.sections.iter().find(|s| s.id == topic.id).unwrap();
        assert!(shown(&draft).contains(&section.questions[1].id));
        let plain = outline.begin(
            AgeBand::SevenToNine,
            ChildDetails::default(),
            LocaleCode::new("en"),
            &[],
            "2026-12-07T10:00:00Z",
        );
        assert!(plain.answers.is_empty());
        assert!(!shown(&plain).contains(&section.questions[1].id));
    }

    #[test]
    fn only_people_this_booklet_offers_are_hidden_in_its_order() {
        let outline = builtin_for(AgeBand::FourToSix).outline();
        let ids: Vec<String> = outline.people.iter().map(|p| p.id.clone()).collect();
        assert!(ids.len() >= 2);
        // Unticked in the other order, with an id no booklet offers.
        let unticked = vec![ids[1].clone(), "not-offered".to_owned(), ids[0].clone()];
        assert_eq!(outline.people_to_hide(&unticked), ids[..2].to_vec());
        assert!(outline.people_to_hide(&[]).is_empty());
    }
}

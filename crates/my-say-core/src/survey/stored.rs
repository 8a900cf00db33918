//! One survey as the council lead's workspace keeps it and as the workspace export carries it:
//! the builder's draft, the last published booklet, the themes and "You said, we did".

use super::builder::SurveyDraft;
use super::themes::ThemeBook;
use super::you_said::YouSaidWeDid;
use crate::booklet::{Booklet, BookletKind};
use crate::validate::{is_survey_id, validate};
use serde::{Deserialize, Serialize};

/// One survey as the workspace keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSurvey {
    /// What the builder edits. Its id is the survey's id.
    pub draft: SurveyDraft,
    /// The booklet as last published (what tablets have), if it has been published.
    pub published: Option<Booklet>,
    /// Themes for the free-text answers.
    pub themes: ThemeBook,
    /// The council's "You said, we did" table for this survey, once started.
    pub you_said: Option<YouSaidWeDid>,
}

impl StoredSurvey {
    /// A survey that has just been started in the builder.
    pub fn new(draft: SurveyDraft) -> StoredSurvey {
        let themes = ThemeBook::new(draft.id());
        StoredSurvey {
            draft,
            published: None,
            themes,
            you_said: None,
        }
    }

    /// The survey's id (`survey-` and 16 hex digits when made by `new_survey_id`).
    pub fn id(&self) -> &str {
        self.draft.id()
    }

    /// The revision last published, if it has been published: the newer of the published
    /// booklet's and the draft's own record of it.
    pub fn published_revision(&self) -> Option<u32> {
        self.published
            .as_ref()
            .map(|b| b.revision)
            .max(self.draft.published_revision())
    }

    /// Checks a survey read from a file (a workspace export) hangs together: a survey id the
    /// builder could make, a published booklet that is this survey and passes every booklet
    /// rule, and themes and "You said, we did" that are for this survey and read back whole.
    /// The error says what is wrong, naming the survey.
    pub fn check(&self) -> Result<(), String> {
        let id = self.id();
        if !is_survey_id(id) {
            return Err(format!(
                "the survey id \"{}\" is not \"survey-\" followed by lowercase letters, digits \
                 and hyphens",
                id.escape_debug()
            ));
        }
        if let Some(b) = &self.published {
            if b.kind != BookletKind::Survey {
                return Err(format!("the survey {id} was published as a review booklet"));
            }
            if b.id != id {
                return Err(format!(
                    "the survey {id} was published with another id (\"{}\")",
                    b.id.escape_debug()
                ));
            }
            if let Err(errors) = validate(b) {
                let first = errors.first().map(ToString::to_string).unwrap_or_default();
                return Err(format!(
                    "the published survey {id} breaks the booklet rules ({first})"
                ));
            }
        }
        if self.themes.survey_id() != id {
            return Err(format!(
                "the themes of the survey {id} are for another survey (\"{}\")",
                self.themes.survey_id().escape_debug()
            ));
        }
        ThemeBook::from_json(&self.themes.to_json())
            .map_err(|e| format!("the themes of the survey {id} are damaged: {e}"))?;
        if let Some(table) = &self.you_said {
            if table.survey_id.as_deref().is_some_and(|s| s != id) {
                return Err(format!(
                    "the \"You said, we did\" of the survey {id} is for another survey"
                ));
            }
            YouSaidWeDid::from_json(&table.to_json()).map_err(|e| {
                format!("the \"You said, we did\" of the survey {id} is damaged: {e}")
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::fixtures::{draft, en};

    fn published() -> StoredSurvey {
        let mut d = draft();
        let b = d.publish().unwrap();
        let mut s = StoredSurvey::new(d);
        s.published = Some(b);
        s.you_said = Some(YouSaidWeDid::new("You said, we did", Some(s.id())));
        s
    }

    #[test]
    fn a_survey_hangs_together_or_says_what_is_wrong() {
        let good = published();
        assert_eq!(good.check(), Ok(()));
        assert_eq!(good.published_revision(), Some(1));
        let fresh = StoredSurvey::new(SurveyDraft::new("survey-1", en()));
        assert_eq!(fresh.check(), Ok(()), "a draft never published is fine");
        assert_eq!(fresh.published_revision(), None);

        let bad_id = StoredSurvey::new(SurveyDraft::new("Survey 1", en()));
        assert!(bad_id.check().unwrap_err().contains("\"Survey 1\""));
        let mut other_id = published();
        other_id.published.as_mut().unwrap().id = "survey-other".into();
        assert!(other_id.check().unwrap_err().contains("another id"));
        let mut review = published();
        review.published.as_mut().unwrap().kind = BookletKind::Review;
        assert!(review.check().unwrap_err().contains("review booklet"));
        let mut broken = published();
        broken.published.as_mut().unwrap().sections[0].questions[0]
            .text
            .0
            .clear();
        let e = broken.check().unwrap_err();
        assert!(
            e.contains("breaks the booklet rules (sections[0].questions[0].text"),
            "{e}"
        );
        let mut themes = published();
        themes.themes = ThemeBook::new("survey-other");
        assert!(themes.check().unwrap_err().contains("another survey"));
        let mut table = published();
        table.you_said = Some(YouSaidWeDid::new("T", Some("survey-other")));
        assert!(table.check().unwrap_err().contains("You said, we did"));
    }
}

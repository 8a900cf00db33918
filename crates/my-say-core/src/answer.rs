//! What a child answered.

use crate::booklet::QuestionId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value that stands for "I'd rather not say" wherever answers are matched
/// (measures, worries, conditions).
pub const RATHER_NOT_SAY: &str = "rather_not_say";

/// One item a child picked: one of the booklet's options, or something in their own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    /// One of the question's options, by its id.
    Option(String),
    /// Something the child added in their own words.
    Own(String),
}

/// The answer to one question. A question with no entry in [`Answers`] is unanswered (skipped).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The child chose "I'd rather not say".
    RatherNotSay,
    /// One value: "yes" / "not_sure" / "no", a face, or the id of the one option picked.
    Picked(String),
    /// Several items, in the child's order where the question asks for an order.
    PickedMany(Vec<Pick>),
    /// The child's own words.
    Words(String),
}

impl Answer {
    /// Whether this answer counts as `value` for measures, worries and conditions:
    /// the picked value, one of several picked options, or [`RATHER_NOT_SAY`].
    pub fn matches(&self, value: &str) -> bool {
        match self {
            Answer::RatherNotSay => value == RATHER_NOT_SAY,
            Answer::Picked(v) => v == value,
            Answer::PickedMany(picks) => picks
                .iter()
                .any(|p| matches!(p, Pick::Option(id) if id == value)),
            Answer::Words(_) => false,
        }
    }

    /// Whether the answer says nothing: no picks, or only blank words. Such answers are not stored.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::RatherNotSay | Answer::Picked(_) => false,
            Answer::PickedMany(picks) => picks.is_empty(),
            Answer::Words(w) => w.trim().is_empty(),
        }
    }

    /// Every piece of text the child wrote in this answer (own words, own additions).
    pub fn own_words(&self) -> Vec<&str> {
        match self {
            Answer::Words(w) => vec![w.as_str()],
            Answer::PickedMany(picks) => picks
                .iter()
                .filter_map(|p| match p {
                    Pick::Own(w) => Some(w.as_str()),
                    Pick::Option(_) => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// All of one child's answers, by question id.
pub type Answers = BTreeMap<QuestionId, Answer>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_follows_the_kind_of_answer() {
        assert!(Answer::Picked("no".into()).matches("no"));
        assert!(!Answer::Picked("yes".into()).matches("no"));
        assert!(Answer::RatherNotSay.matches(RATHER_NOT_SAY));
        let many = Answer::PickedMany(vec![Pick::Option("mum".into()), Pick::Own("no".into())]);
        assert!(many.matches("mum"));
        assert!(!many.matches("no"), "own words never match an option id");
        assert!(!Answer::Words("no".into()).matches("no"));
    }

    #[test]
    fn json_shape_is_stable() {
        let a = Answer::PickedMany(vec![
            Pick::Option("school".into()),
            Pick::Own("my cat".into()),
        ]);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"type":"picked_many","value":[{"option":"school"},{"own":"my cat"}]}"#
        );
        assert_eq!(
            serde_json::to_string(&Answer::RatherNotSay).unwrap(),
            r#"{"type":"rather_not_say"}"#
        );
    }
}

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
///
/// Written as `{"type": "picked", "value": "yes"}` (`rather_not_say` has no value). Read in one
/// pass whatever the order of the two (`impl Deserialize` below), not through serde's adjacently
/// tagged enums, which buffer a value that comes first (docs/size.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// An answer's `type`, without its value.
#[derive(Clone, Copy)]
pub(crate) enum AnswerType {
    RatherNotSay,
    Picked,
    PickedMany,
    Words,
}

crate::serde_by_hand::by_name!(AnswerType {
    RatherNotSay = "rather_not_say",
    Picked = "picked",
    PickedMany = "picked_many",
    Words = "words",
});

/// An answer's `value` read before its `type` is known: text or a list of picks.
pub(crate) enum AnswerValue {
    Text(String),
    Picks(Vec<Pick>),
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> serde::de::Visitor<'de> for ValueVisitor {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a list")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Text(text.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<AnswerValue, A::Error> {
                let mut picks = Vec::new();
                while let Some(pick) = seq.next_element()? {
                    picks.push(pick);
                }
                Ok(AnswerValue::Picks(picks))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::serde_by_hand::tag_and_value(deserializer)
    }
}

impl crate::serde_by_hand::TagAndValue for Answer {
    type Tag = AnswerType;
    type Value = AnswerValue;
    const FIELDS: [&'static str; 2] = ["type", "value"];
    const EXPECTING: &'static str = "an answer";

    fn build<E: serde::de::Error>(tag: AnswerType, value: Option<AnswerValue>) -> Result<Self, E> {
        use serde::de::Unexpected;
        match (tag, value) {
            (AnswerType::RatherNotSay, None) => Ok(Answer::RatherNotSay),
            (AnswerType::RatherNotSay, Some(_)) => Err(E::unknown_field("value", &["type"])),
            (_, None) => Err(E::missing_field("value")),
            (AnswerType::Picked, Some(AnswerValue::Text(v))) => Ok(Answer::Picked(v)),
            (AnswerType::Words, Some(AnswerValue::Text(v))) => Ok(Answer::Words(v)),
            (AnswerType::PickedMany, Some(AnswerValue::Picks(v))) => Ok(Answer::PickedMany(v)),
            (AnswerType::PickedMany, Some(AnswerValue::Text(_))) => {
                Err(E::invalid_type(Unexpected::Str("..."), &"a list"))
            }
            (_, Some(AnswerValue::Picks(_))) => Err(E::invalid_type(Unexpected::Seq, &"a string")),
        }
    }
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

/// What a child does to the items of a "choose several" question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickEdit {
    /// Ticks (`true`) or unticks one of the question's options, by its id.
    Tick(String, bool),
    /// Adds something in their own words, trimmed. Blank words add nothing.
    AddOwn(String),
    /// Moves the item at an index one place up (`-1`) or down (`1`), in an ordered question.
    /// A move past either end does nothing.
    Move(usize, isize),
    /// Takes out the item at an index.
    Remove(usize),
}

impl PickEdit {
    /// The items after this edit.
    pub fn apply(self, mut picks: Vec<Pick>) -> Vec<Pick> {
        match self {
            PickEdit::Tick(id, on) => {
                let pick = Pick::Option(id);
                let there = picks.contains(&pick);
                if on && !there {
                    picks.push(pick);
                } else if !on {
                    picks.retain(|p| *p != pick);
                }
            }
            PickEdit::AddOwn(words) => {
                let words = words.trim();
                if !words.is_empty() {
                    picks.push(Pick::Own(words.to_owned()));
                }
            }
            PickEdit::Move(i, by) => {
                if let Some(j) = i.checked_add_signed(by).filter(|j| *j < picks.len()) {
                    if i < picks.len() {
                        picks.swap(i, j);
                    }
                }
            }
            PickEdit::Remove(i) => {
                if i < picks.len() {
                    picks.remove(i);
                }
            }
        }
        picks
    }
}

/// The answer that a list of items is: none when it is empty (an empty answer is not kept).
pub fn picks_answer(picks: Vec<Pick>) -> Option<Answer> {
    (!picks.is_empty()).then_some(Answer::PickedMany(picks))
}

/// All of one child's answers, by question id.
pub type Answers = BTreeMap<QuestionId, Answer>;

#[cfg(test)]
mod tests {
    use super::*;

    fn option(id: &str) -> Pick {
        Pick::Option(id.into())
    }

    #[test]
    fn ticking_adds_an_option_once_and_unticking_takes_it_out() {
        let picks = PickEdit::Tick("mum".into(), true).apply(vec![]);
        let picks = PickEdit::Tick("mum".into(), true).apply(picks);
        assert_eq!(picks, vec![option("mum")]);
        let picks = PickEdit::Tick("dad".into(), true).apply(picks);
        assert_eq!(
            PickEdit::Tick("mum".into(), false).apply(picks),
            vec![option("dad")]
        );
    }

    #[test]
    fn own_words_are_trimmed_and_blank_words_add_nothing() {
        let picks = PickEdit::AddOwn("  Nan ".into()).apply(vec![]);
        assert_eq!(picks, vec![Pick::Own("Nan".into())]);
        let picks = PickEdit::AddOwn("   ".into()).apply(picks);
        assert_eq!(picks, vec![Pick::Own("Nan".into())]);
    }

    #[test]
    fn removing_takes_out_only_the_item_at_that_place() {
        let picks = vec![option("a"), Pick::Own("a".into()), option("b")];
        assert_eq!(
            PickEdit::Remove(1).apply(picks.clone()),
            vec![option("a"), option("b")]
        );
        assert_eq!(PickEdit::Remove(3).apply(picks.clone()), picks);
    }

    #[test]
    fn an_empty_list_is_no_answer() {
        assert_eq!(picks_answer(vec![]), None);
        assert_eq!(
            picks_answer(vec![option("a")]),
            Some(Answer::PickedMany(vec![option("a")]))
        );
    }

    proptest::proptest! {
        #[test]
        fn moving_keeps_every_item_and_swaps_only_neighbours(
            n in 0usize..20,
            i in 0usize..24,
            up in proptest::bool::ANY,
        ) {
            let picks: Vec<Pick> = (0..n).map(|k| option(&k.to_string())).collect();
            let by = if up { -1 } else { 1 };
            let moved = PickEdit::Move(i, by).apply(picks.clone());
            let sorted = |mut v: Vec<Pick>| {
                v.sort_by_key(|p| format!("{p:?}"));
                v
            };
            proptest::prop_assert_eq!(sorted(moved.clone()), sorted(picks.clone()));
            let j = i as isize + by;
            if i < n && j >= 0 && (j as usize) < n {
                proptest::prop_assert_eq!(&moved[j as usize], &picks[i]);
                proptest::prop_assert_eq!(&moved[i], &picks[j as usize]);
            } else {
                proptest::prop_assert_eq!(&moved, &picks);
            }
        }
    }

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
    fn an_answer_reads_back_in_either_order_and_a_wrong_one_is_refused() {
        let read = |text: &str| serde_json::from_str::<Answer>(text);
        for a in [
            Answer::RatherNotSay,
            Answer::Picked("yes".into()),
            Answer::Words("my cat".into()),
            Answer::PickedMany(vec![]),
            Answer::PickedMany(vec![Pick::Option("mum".into()), Pick::Own("Gran".into())]),
        ] {
            let text = serde_json::to_string(&a).unwrap();
            assert_eq!(read(&text).unwrap(), a, "{text}");
            // The value first, as another writer might put it.
            let turned = serde_json::to_value(&a).unwrap();
            let map = turned.as_object().unwrap();
            let mut fields: Vec<_> = map.iter().collect();
            fields.sort_by_key(|(k, _)| *k != "value");
            let text = format!(
                "{{{}}}",
                fields
                    .iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            assert_eq!(read(&text).unwrap(), a, "{text}");
        }
        for wrong in [
            r#"{"value":"yes"}"#,
            r#"{"type":"picked"}"#,
            r#"{"type":"picked","value":["yes"]}"#,
            r#"{"type":"picked_many","value":"yes"}"#,
            r#"{"type":"rather_not_say","value":"yes"}"#,
            r#"{"type":"picked","value":"a","value":"b"}"#,
            r#"{"type":"shrug"}"#,
            r#"{"type":"words","value":3}"#,
            r#"["picked","yes"]"#,
        ] {
            assert!(read(wrong).is_err(), "{wrong}");
        }
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

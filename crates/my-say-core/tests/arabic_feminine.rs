//! The built-in booklets speak to a girl in Arabic in feminine forms: "ar-f" wording, given only
//! where it differs from "ar" (the masculine forms), which every other text falls back to
//! (`Text::get`). See docs/booklet-format.md, "Arabic for a girl".

use my_say_core::{builtin_for, validate, AgeBand, LocaleCode};
use serde_json::Value;

/// Every text of `value` (an object with "ar" words), with the path of the field holding it.
fn texts<'a>(
    value: &'a Value,
    path: &str,
    out: &mut Vec<(String, &'a serde_json::Map<String, Value>)>,
) {
    match value {
        Value::Object(map) if map.get("ar").is_some_and(Value::is_string) => {
            out.push((path.to_owned(), map));
        }
        Value::Object(map) => {
            for (key, v) in map {
                texts(v, &format!("{path}.{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Masculine second-person words that a text speaking to the child must not keep for a girl:
/// present-tense verbs ("do you feel", "you want", "you like", "you know", "you live") and
/// imperatives ("choose", "tell us", "put").
const MASCULINE: [&str; 9] = [
    "تشعر ",
    "تريد ",
    "تحب ",
    "تعرف ",
    "تعيش ",
    "اختر ",
    "أخبرنا ",
    "ضع ",
    "تخطَّ ",
];

#[test]
fn every_feminine_text_differs_from_its_masculine_one() {
    for band in AgeBand::ALL {
        let booklet = builtin_for(band);
        assert_eq!(validate(&booklet), Ok(()), "{band}");
        let value = serde_json::to_value(&booklet).unwrap();
        let mut all = Vec::new();
        texts(&value, "", &mut all);
        let feminine = all.iter().filter(|(_, t)| t.contains_key("ar-f")).count();
        assert!(feminine >= 20, "{band}: only {feminine} feminine texts");
        for (path, text) in &all {
            if let Some(f) = text.get("ar-f") {
                assert_ne!(f, &text["ar"], "{band} {path}: same as the masculine");
                assert!(!f.as_str().unwrap().trim().is_empty(), "{band} {path}");
            }
        }
    }
}

#[test]
fn no_text_speaking_to_the_child_stays_masculine_for_a_girl() {
    for band in AgeBand::ALL {
        let value = serde_json::to_value(builtin_for(band)).unwrap();
        let mut all = Vec::new();
        texts(&value, "", &mut all);
        // A measure's label is the IRO's, about children in the third person.
        for (path, text) in all.iter().filter(|(p, _)| !p.contains(".measure")) {
            let said = text.get("ar-f").unwrap_or(&text["ar"]).as_str().unwrap();
            let padded = format!("{said} ");
            let kept = MASCULINE.iter().find(|m| padded.contains(*m));
            assert!(kept.is_none(), "{band} {path}: \"{said}\" keeps {kept:?}");
        }
    }
}

#[test]
fn a_girl_reads_the_feminine_words_and_the_masculine_where_they_are_the_same() {
    let (ar, ar_f, en) = (
        LocaleCode::new("ar"),
        LocaleCode::new("ar-f"),
        LocaleCode::new("en"),
    );
    let booklet = builtin_for(AgeBand::SevenToNine);
    let feel_safe = booklet
        .questions()
        .find(|q| q.id.as_str() == "feel_safe")
        .unwrap();
    assert_eq!(
        feel_safe.text.get(&ar_f, &en),
        "هل تشعرين بالأمان في المكان الذي تعيشين فيه؟"
    );
    assert_eq!(
        feel_safe.text.get(&ar, &en),
        "هل تشعر بالأمان في المكان الذي تعيش فيه؟"
    );
    assert_eq!(booklet.title.get(&ar_f, &en), "رأيي");
}

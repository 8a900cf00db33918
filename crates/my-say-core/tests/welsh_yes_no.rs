//! Welsh has no one word for "yes" and "no": the answer repeats the question's verb. "Hoffet ti
//! gael egwyl?" is answered "Hoffwn" or "Na hoffwn", "Wyt ti'n teimlo'n ddiogel?" "Ydw" or "Nac
//! ydw", "Oes rhywbeth yn dy boeni di?" "Oes" or "Nac oes" (issue 15, item 7). Every yes / not
//! sure / no question of the built-in booklets gives its own Welsh words for yes and no
//! (`Question::yes`, `Question::no`), and these tests check that they follow the verb the Welsh
//! question starts with, and that no Welsh answer has a "/" for read-aloud to stumble over.

use my_say_core::booklet::{AnswerKind, Booklet};
use my_say_core::{builtin_for, AgeBand, LocaleCode};

/// How a Welsh question begins, and the yes and no that answer it. Where one opening begins
/// another ("Ydy" and "Ydy dy ffrindiau"), the longer one is used.
const VERBS: [(&str, &str, &str); 15] = [
    ("Hoffet ti", "Hoffwn", "Na hoffwn"),
    ("Fyddet ti", "Byddwn", "Na fyddwn"),
    ("Wyt ti", "Ydw", "Nac ydw"),
    ("Oeddet ti", "Oeddwn", "Nac oeddwn"),
    ("Oes", "Oes", "Nac oes"),
    ("Oedd", "Oedd", "Nac oedd"),
    ("Ydy", "Ydy", "Nac ydy"),
    ("Ydi", "Ydi", "Nac ydi"),
    // A plural subject is answered in the plural: "Ydy dy ffrindiau'n dod?" "Ydyn".
    ("Ydy dy ffrindiau", "Ydyn", "Nac ydyn"),
    ("Ydy'r plant", "Ydyn", "Nac ydyn"),
    ("Ydy oedolion", "Ydyn", "Nac ydyn"),
    ("Ydy'r oedolion", "Ydyn", "Nac ydyn"),
    // The simple past is answered "Do" or "Naddo", whatever the verb.
    ("Gest ti", "Do", "Naddo"),
    ("Wnest ti", "Do", "Naddo"),
    ("Allet ti", "Gallwn", "Na allwn"),
];

/// The Welsh yes and no for a question worded `text`, from the verb it starts with.
fn verb_answers(text: &str) -> Option<(&'static str, &'static str)> {
    VERBS
        .iter()
        .filter(|(opening, _, _)| {
            text.strip_prefix(opening)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphabetic()))
        })
        .max_by_key(|(opening, _, _)| opening.len())
        .map(|&(_, yes, no)| (yes, no))
}

/// Every way `booklet`'s Welsh yes / no answers go wrong, in words.
fn welsh_yes_no_problems(booklet: &Booklet) -> Vec<String> {
    let cy = LocaleCode::new("cy");
    let mut problems = Vec::new();
    for q in booklet.questions() {
        if q.kind != AnswerKind::YesNotSureNo {
            continue;
        }
        let text = q.text.get(&cy, &cy);
        let Some((yes, no)) = verb_answers(text) else {
            problems.push(format!(
                "{}: no known verb starts \"{text}\"",
                q.id.as_str()
            ));
            continue;
        };
        let given = (q.own_label("yes", &cy), q.own_label("no", &cy));
        if given != (Some(yes), Some(no)) {
            problems.push(format!(
                "{}: \"{text}\" is answered \"{yes}\" / \"{no}\", the booklet gives {given:?}",
                q.id.as_str()
            ));
        }
    }
    problems
}

#[test]
fn the_verb_table_answers_each_kind_of_question() {
    let cases = [
        (
            "Hoffet ti gael egwyl yn ystod dy adolygiad?",
            ("Hoffwn", "Na hoffwn"),
        ),
        (
            "Wyt ti'n teimlo'n ddiogel lle rwyt ti'n byw?",
            ("Ydw", "Nac ydw"),
        ),
        (
            "Wyt ti wedi cael copi o dy gynllun gofal a chymorth?",
            ("Ydw", "Nac ydw"),
        ),
        ("Oes unrhyw beth yn dy boeni di?", ("Oes", "Nac oes")),
        ("Ydy'r ysgol yn mynd yn dda?", ("Ydy", "Nac ydy")),
        ("Ydy dy ffrindiau'n dod i dy weld di?", ("Ydyn", "Nac ydyn")),
        ("Gest ti gopi o dy gynllun?", ("Do", "Naddo")),
    ];
    for (text, answers) in cases {
        assert_eq!(verb_answers(text), Some(answers), "{text}");
    }
    // A word that only begins like a verb is not that verb.
    assert_eq!(verb_answers("Oesoedd yn ôl?"), None);
    assert_eq!(verb_answers("Pryd hoffet ti ddod?"), None);
}

#[test]
fn every_welsh_yes_no_answer_follows_the_questions_verb() {
    let mut asked = 0;
    for band in AgeBand::ALL {
        let booklet = builtin_for(band);
        assert_eq!(
            welsh_yes_no_problems(&booklet),
            Vec::<String>::new(),
            "{band}"
        );
        asked += booklet
            .questions()
            .filter(|q| q.kind == AnswerKind::YesNotSureNo)
            .count();
    }
    assert!(
        asked >= 40,
        "the four booklets ask {asked} yes / no questions"
    );
}

#[test]
fn a_welsh_yes_that_does_not_follow_the_verb_is_caught() {
    let mut booklet = builtin_for(AgeBand::SevenToNine);
    let cy = LocaleCode::new("cy");
    for section in &mut booklet.sections {
        for q in &mut section.questions {
            if q.id.as_str() == "want_break" {
                // "Hoffet ti gael egwyl?" answered with the verb of "Wyt ti...?".
                q.yes.as_mut().unwrap().0.insert(cy.clone(), "Ydw".into());
            }
            if q.id.as_str() == "worries" {
                q.no = None;
            }
        }
    }
    let problems = welsh_yes_no_problems(&booklet);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].starts_with("want_break: \"Hoffet ti gael egwyl"));
    assert!(problems[1].starts_with("worries: \"Oes unrhyw beth"));
}

#[test]
fn no_welsh_answer_has_a_slash() {
    let cy = LocaleCode::new("cy");
    for band in AgeBand::ALL {
        let booklet = builtin_for(band);
        for q in booklet.questions() {
            let mut labels: Vec<&str> = [q.yes.as_ref(), q.no.as_ref()]
                .into_iter()
                .flatten()
                .flat_map(|t| t.0.values().map(String::as_str))
                .collect();
            labels.extend(q.options().iter().map(|o| o.label.get(&cy, &cy)));
            for label in labels {
                assert!(
                    !label.contains('/'),
                    "{band} {}: \"{label}\"",
                    q.id.as_str()
                );
            }
        }
    }
    // The app's own Welsh answer words, used where a question gives none (council surveys).
    let wording: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(include_str!("../../my-say-ui/locales/cy.json")).unwrap();
    for key in [
        "fill.yes",
        "fill.no",
        "fill.not_sure",
        "fill.rather_not_say",
    ] {
        let words = wording[key].as_str().unwrap();
        assert!(
            !words.is_empty() && !words.contains('/'),
            "{key}: \"{words}\""
        );
    }
}

//! What counts as a worry in the four built-in review booklets (issue 13, item 1), tested with
//! the real booklets, answer by answer and band by band.
//!
//! The rule is data: each question's `worry_if` in `booklets/*.json`. A *safety question* lists
//! `rather_not_say` in its `worry_if`, so "I'd rather not say" opens a follow-up. See
//! `docs/booklet-format.md`, "What counts as a worry".

use my_say_core::answer::{Answer, Answers, Pick, RATHER_NOT_SAY};
use my_say_core::booklet::{AnswerKind, Booklet, MeasureKind, Question, QuestionId};
use my_say_core::calendar::{Date, ReportingYear};
use my_say_core::followup::open_follow_ups;
use my_say_core::report::ReportIndex;
use my_say_core::session::{worries, Draft};
use my_say_core::summary::summarise;
use my_say_core::validate::values_of;
use my_say_core::{builtin_booklets, builtin_for, AgeBand, ChildDetails, CompletedBooklet};
use my_say_core::{LocaleCode, Session};
use std::collections::BTreeSet;

/// Opens a follow-up in every band (4–6, 7–9, 10–15, 16+).
const ALL: [bool; 4] = [true; 4];
/// Opens no follow-up in any band.
const NONE: [bool; 4] = [false; 4];

/// Whether an answer opens a follow-up: (question, answer value, in 4–6, 7–9, 10–15, 16+).
/// Every value of every question that can raise a worry is listed; every answer to every other
/// question opens nothing (checked by `every_answer_to_every_question_follows_the_table`).
const TABLE: &[(&str, &str, [bool; 4])] = &[
    // Safety questions: "I'd rather not say" is a worry.
    ("feel_safe", "yes", NONE),
    ("feel_safe", "not_sure", ALL),
    ("feel_safe", "no", ALL),
    ("feel_safe", "rather_not_say", ALL),
    ("trusted_adult", "yes", NONE),
    ("trusted_adult", "not_sure", NONE),
    ("trusted_adult", "no", ALL),
    ("trusted_adult", "rather_not_say", ALL),
    ("worries", "yes", ALL),
    ("worries", "not_sure", ALL),
    ("worries", "no", NONE),
    ("worries", "rather_not_say", ALL),
    // Revision 5: being bullied and not feeling safe online are safety questions too.
    ("bullied", "yes", ALL),
    ("bullied", "not_sure", ALL),
    ("bullied", "no", NONE),
    ("bullied", "rather_not_say", ALL),
    ("safe_online", "yes", NONE),
    ("safe_online", "not_sure", ALL),
    ("safe_online", "no", ALL),
    ("safe_online", "rather_not_say", ALL),
    // Feeling very sad most of the time is a worry; a sad face is not (it is in the figures).
    ("feelings", "very_sad", ALL),
    ("feelings", "sad", NONE),
    ("feelings", "ok", NONE),
    ("feelings", "happy", NONE),
    ("feelings", "very_happy", NONE),
    ("feelings", "rather_not_say", NONE),
    // Not a safety question: a sad face about where they live is a worry, not only a very sad
    // one; "I'd rather not say" is not.
    ("happy_where_live", "very_sad", ALL),
    ("happy_where_live", "sad", ALL),
    ("happy_where_live", "ok", NONE),
    ("happy_where_live", "happy", NONE),
    ("happy_where_live", "very_happy", NONE),
    ("happy_where_live", "rather_not_say", NONE),
];

/// The safety questions of the built-in booklets, in booklet order: "I'd rather not say" to
/// them is a worry.
const SAFETY_QUESTIONS: [&str; 5] = [
    "feel_safe",
    "bullied",
    "safe_online",
    "trusted_adult",
    "worries",
];

fn q(id: &str) -> QuestionId {
    QuestionId::new(id)
}

fn band_index(band: AgeBand) -> usize {
    AgeBand::ALL.iter().position(|b| *b == band).unwrap()
}

/// What the table says about `value` to `question` in `band` (nothing listed: no follow-up).
fn expected(band: AgeBand, question: &str, value: &str) -> bool {
    TABLE
        .iter()
        .find(|(qid, v, _)| *qid == question && *v == value)
        .is_some_and(|(_, _, bands)| bands[band_index(band)])
}

/// Every value an answer to `question` can match, with "I'd rather not say".
fn every_value(question: &Question) -> Vec<&str> {
    let mut values = values_of(&question.kind);
    values.push(RATHER_NOT_SAY);
    values
}

/// The answer a child gives by choosing `value` on `question`'s screen.
fn answer_with(question: &Question, value: &str) -> Answer {
    if value == RATHER_NOT_SAY {
        return Answer::RatherNotSay;
    }
    match question.kind {
        AnswerKind::PickSeveral { .. }
        | AnswerKind::PickAndOrder { .. }
        | AnswerKind::People { .. } => Answer::PickedMany(vec![Pick::Option(value.to_owned())]),
        _ => Answer::Picked(value.to_owned()),
    }
}

fn child() -> ChildDetails {
    ChildDetails {
        name: "Sam".into(),
        review_date: "2026-12-01".into(),
        ..ChildDetails::default()
    }
}

fn opened_on() -> Date {
    Date::parse("2026-11-23").unwrap()
}

/// A child in `band` gives these answers, in order, and finishes. Returns whether each answer
/// showed "it's OK to tell", and the finished booklet.
fn finish_with(
    booklet: &Booklet,
    band: AgeBand,
    answers: &[(&str, Answer)],
) -> (Vec<bool>, CompletedBooklet) {
    let mut d = Draft::new(
        booklet,
        band,
        child(),
        LocaleCode::new("en"),
        "2026-11-22T10:00:00Z",
    );
    let told = answers
        .iter()
        .map(|(id, a)| {
            d.set_answer(booklet, &q(id), a.clone(), "2026-11-22T10:05:00Z")
                .unwrap_or_else(|e| panic!("{} {id}: {e}", booklet.id))
                .ok_to_tell
        })
        .collect();
    let done = d.finish(
        booklet,
        "0123456789abcdef0123456789abcdef",
        "2026-11-22T10:15:00Z",
    );
    (told, done)
}

/// The questions a finished booklet opens follow-ups for, in booklet order.
fn follow_ups(done: &CompletedBooklet, booklet: &Booklet) -> Vec<String> {
    open_follow_ups(done, booklet, opened_on(), &[])
        .into_iter()
        .map(|f| f.question_id.as_str().to_owned())
        .collect()
}

#[test]
fn the_table_lists_every_value_of_every_question_that_can_raise_a_worry() {
    for b in builtin_booklets() {
        let can_worry: BTreeSet<&str> = b
            .questions()
            .filter(|qn| !qn.worry_if.is_empty())
            .map(|qn| qn.id.as_str())
            .collect();
        let in_table: BTreeSet<&str> = TABLE.iter().map(|(id, _, _)| *id).collect();
        assert_eq!(can_worry, in_table, "{}", b.id);
        for id in in_table {
            let question = b.question(&q(id)).unwrap();
            let listed: Vec<&str> = TABLE
                .iter()
                .filter(|(qid, _, _)| *qid == id)
                .map(|(_, v, _)| *v)
                .collect();
            assert_eq!(listed, every_value(question), "{} {id}", b.id);
        }
    }
}

#[test]
fn every_answer_to_every_question_follows_the_table() {
    for b in builtin_booklets() {
        let band = b.age_bands[0];
        for question in b.questions() {
            for value in every_value(question) {
                let id = question.id.as_str();
                let worry = expected(band, id, value);
                let (told, done) = finish_with(&b, band, &[(id, answer_with(question, value))]);
                let case = format!("{} ({band}): {id} = {value}", b.id);
                assert_eq!(
                    follow_ups(&done, &b),
                    if worry { vec![id.to_owned()] } else { vec![] },
                    "{case}: follow-ups"
                );
                assert_eq!(told, [worry], "{case}: \"it's OK to tell\" at once");
                assert_eq!(
                    worries(&b, &done.answers),
                    if worry { vec![q(id)] } else { vec![] },
                    "{case}: worries"
                );
                assert_eq!(
                    summarise(&done, Some(&b)).worries,
                    usize::from(worry),
                    "{case}: marked \"Worry\" in the summary"
                );
            }
        }
        // A skipped question opens nothing, not even on a safety question.
        let (_, done) = finish_with(&b, band, &[]);
        assert!(follow_ups(&done, &b).is_empty(), "{}", b.id);
    }
}

#[test]
fn only_the_safety_questions_count_rather_not_say_as_a_worry() {
    for b in builtin_booklets() {
        let rather_not_say_worries: Vec<&str> = b
            .questions()
            .filter(|qn| qn.worry_if.iter().any(|v| v == RATHER_NOT_SAY))
            .map(|qn| qn.id.as_str())
            .collect();
        assert_eq!(rather_not_say_worries, SAFETY_QUESTIONS, "{}", b.id);
        // Every question the report counts as a safety figure is a safety question.
        for qn in b.questions() {
            if qn
                .measure
                .as_ref()
                .is_some_and(|m| m.kind == MeasureKind::Safety)
            {
                assert!(
                    SAFETY_QUESTIONS.contains(&qn.id.as_str()),
                    "{} {}",
                    b.id,
                    qn.id.as_str()
                );
            }
        }
    }
}

#[test]
fn rather_not_say_to_a_safety_question_is_a_worry_in_every_band() {
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        for id in SAFETY_QUESTIONS {
            let (told, done) = finish_with(&b, band, &[(id, Answer::RatherNotSay)]);
            assert_eq!(told, [true], "{band} {id}: \"it's OK to tell\" at once");
            assert_eq!(follow_ups(&done, &b), [id], "{band} {id}");
        }
        // All of them at once: a follow-up each, in booklet order.
        let all: Vec<(&str, Answer)> = SAFETY_QUESTIONS
            .iter()
            .map(|id| (*id, Answer::RatherNotSay))
            .collect();
        let (_, done) = finish_with(&b, band, &all);
        assert_eq!(follow_ups(&done, &b), SAFETY_QUESTIONS, "{band}");
    }
}

#[test]
fn not_sure_whether_anything_is_worrying_them_is_a_worry() {
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        let not_sure = Answer::Picked("not_sure".into());
        // It opens the text box, as before, and now a follow-up too.
        let answers: Answers = [(q("worries"), not_sure.clone())].into_iter().collect();
        assert!(Session::new(&b, band, &answers).is_visible(&q("worry_details")));
        let (told, done) = finish_with(
            &b,
            band,
            &[
                ("worries", not_sure),
                ("worry_details", Answer::Words("Maybe moving school".into())),
            ],
        );
        assert_eq!(told, [true, false], "{band}");
        assert_eq!(follow_ups(&done, &b), ["worries"], "{band}");
        assert_eq!(
            done.answers[&q("worry_details")],
            Answer::Words("Maybe moving school".into())
        );
        // "No" is not a worry, and hides the text box.
        let (told, done) = finish_with(&b, band, &[("worries", Answer::Picked("no".into()))]);
        assert_eq!(told, [false]);
        assert!(follow_ups(&done, &b).is_empty(), "{band}");
    }
}

#[test]
fn a_sad_face_about_where_they_live_is_a_worry_not_only_a_very_sad_one() {
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        for (face, worry) in [
            ("very_sad", true),
            ("sad", true),
            ("ok", false),
            ("happy", false),
            ("very_happy", false),
        ] {
            let (told, done) = finish_with(
                &b,
                band,
                &[("happy_where_live", Answer::Picked(face.into()))],
            );
            assert_eq!(told, [worry], "{band} {face}");
            assert_eq!(
                follow_ups(&done, &b),
                if worry {
                    vec!["happy_where_live".to_owned()]
                } else {
                    vec![]
                },
                "{band} {face}"
            );
        }
    }
}

#[test]
fn report_figures_do_not_count_rather_not_say_as_not_feeling_safe() {
    // Eight children aged 10 to 15: five feel safe, one does not, two would rather not say.
    let b = builtin_for(AgeBand::TenToFifteen);
    let answers = [
        "yes",
        "yes",
        "yes",
        "yes",
        "yes",
        "no",
        RATHER_NOT_SAY,
        RATHER_NOT_SAY,
    ];
    let done: Vec<CompletedBooklet> = answers
        .iter()
        .enumerate()
        .map(|(n, value)| {
            let question = b.question(&q("feel_safe")).unwrap();
            let (_, mut done) = finish_with(
                &b,
                AgeBand::TenToFifteen,
                &[("feel_safe", answer_with(question, value))],
            );
            done.id = format!("{n:032x}");
            done
        })
        .collect();
    // Three follow-ups: the child who does not feel safe and the two who would rather not say.
    let opened: usize = done.iter().map(|d| follow_ups(d, &b).len()).sum();
    assert_eq!(opened, 3);
    // The figures are as before: rather not say is neither positive nor negative, and out of
    // the denominator.
    let definitions = builtin_booklets();
    let index = ReportIndex::new(&definitions);
    let year = ReportingYear::containing(Date::parse("2026-11-22").unwrap());
    let report = index.report_for_year(&done, year);
    let row = report.measure("feel_safe").unwrap();
    let counts = row
        .current
        .get(Some(AgeBand::TenToFifteen))
        .counts()
        .unwrap();
    assert_eq!(
        (
            counts.answered,
            counts.positive,
            counts.negative,
            counts.rather_not_say,
            counts.percent_positive
        ),
        (6, 5, 1, 2, 83)
    );
}

#[test]
fn bullying_feeling_unsafe_online_and_feeling_very_sad_are_worries_in_every_band() {
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        for (id, value) in [
            ("bullied", "yes"),
            ("bullied", "not_sure"),
            ("safe_online", "no"),
            ("safe_online", "not_sure"),
            ("feelings", "very_sad"),
        ] {
            let (told, done) = finish_with(&b, band, &[(id, Answer::Picked(value.into()))]);
            assert_eq!(
                told,
                [true],
                "{band} {id} {value}: \"it's OK to tell\" at once"
            );
            assert_eq!(follow_ups(&done, &b), [id], "{band} {id} {value}");
            let s = summarise(&done, Some(&b));
            assert_eq!(s.worries, 1, "{band} {id} {value}: marked in the summary");
        }
        // Nobody bullying them, feeling safe online, a sad face: no follow-up.
        let (told, done) = finish_with(
            &b,
            band,
            &[
                ("bullied", Answer::Picked("no".into())),
                ("safe_online", Answer::Picked("yes".into())),
                ("feelings", Answer::Picked("sad".into())),
            ],
        );
        assert_eq!(told, [false, false, false], "{band}");
        assert!(follow_ups(&done, &b).is_empty(), "{band}");
    }
}

#[test]
fn every_question_that_can_raise_a_worry_is_always_asked() {
    // A worry must never wait for the child to switch a topic on: no question of an optional
    // section raises one (the validator refuses it: validate.rs), and every question that can
    // is shown to a child who has answered nothing yet.
    for b in builtin_booklets() {
        for section in b.optional_sections() {
            for qn in &section.questions {
                assert!(qn.worry_if.is_empty(), "{} {}", b.id, qn.id.as_str());
            }
        }
        for qn in b.questions().filter(|qn| !qn.worry_if.is_empty()) {
            let none = Answers::new();
            let shown = Session::new(&b, b.age_bands[0], &none);
            assert!(
                shown.is_visible(&qn.id) || qn.id.as_str() == "worry_details",
                "{} {} is shown to every child",
                b.id,
                qn.id.as_str()
            );
        }
    }
}

//! A draft saved on an earlier revision of a built-in booklet opens and finishes after the app
//! moved to a newer one. Issue 13, item 1, raised every built-in booklet to revision 2 to change
//! what counts as a worry; issue 15 raised them to revision 3 for the Welsh wording and the
//! Welsh yes and no that follow each question's verb (format version 2), then to revision 4
//! for the Arabic in feminine forms ("ar-f" wording where it differs from "ar"), then to
//! revision 5 for the topics a real consultation asks (item 1: being heard, bullying, feeling
//! safe online, feelings, and optional sections the child or the adult switches on; format
//! version 3).
//!
//! The child's fill screen (`src/pages/booklet/fill.rs`) opens a review draft with the app's
//! built-in booklet for the draft's age band, whatever revision the draft was saved on, and
//! finishes it with that booklet. These tests do the same with the real built-in booklets and a
//! copy of each with the revision before it (and that revision's worry rules).

use my_say_core::answer::Answer;
use my_say_core::booklet::{Booklet, QuestionId};
use my_say_core::calendar::Date;
use my_say_core::followup::open_follow_ups;
use my_say_core::session::{worries, CarryOnError, Draft, Position};
use my_say_core::{builtin_for, validate, AgeBand, ChildDetails, CompletedBooklet, LocaleCode};

fn q(id: &str) -> QuestionId {
    QuestionId::new(id)
}

/// The questions revision 5 added to every band outside its optional sections.
const NEW_IN_5: [&str; 5] = [
    "bullied",
    "safe_online",
    "feelings",
    "listened_to",
    "views_changed",
];

/// The built-in booklet as it was at revision 4: revision 5 without its optional sections and
/// the questions it added (format version 2).
fn revision_4(new: &Booklet) -> Booklet {
    let mut old = new.clone();
    old.revision = 4;
    old.version = 2;
    old.sections.retain(|s| !s.optional);
    for section in &mut old.sections {
        section
            .questions
            .retain(|q| !NEW_IN_5.contains(&q.id.as_str()));
    }
    assert_eq!(old.needed_version(), 2);
    old
}

/// The built-in booklet as it was at revision 3: revision 4 without the Arabic in feminine forms.
fn revision_3(new: &Booklet) -> Booklet {
    fn drop_feminine(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.remove("ar-f");
                map.values_mut().for_each(drop_feminine);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(drop_feminine),
            _ => {}
        }
    }
    let four = revision_4(new);
    let mut value = serde_json::to_value(&four).unwrap();
    drop_feminine(&mut value);
    let mut old: Booklet = serde_json::from_value(value).unwrap();
    assert_ne!(old, four, "revision 4 has feminine Arabic");
    old.revision = 3;
    old
}

/// The built-in booklet as it was at revision 2: revision 3 without its own Welsh words for yes
/// and no (format version 1).
fn revision_2(new: &Booklet) -> Booklet {
    let mut old = revision_3(new);
    old.revision = 2;
    old.version = 1;
    for section in &mut old.sections {
        for question in &mut section.questions {
            question.yes = None;
            question.no = None;
        }
    }
    old
}

/// The built-in booklet as it was at revision 1: revision 2 with the worry rules before issue
/// 13 (no "I'd rather not say", "not sure" to "Is anything worrying you?" or sad face about
/// where they live).
fn revision_1(new: &Booklet) -> Booklet {
    let mut old = revision_2(new);
    old.revision = 1;
    for section in &mut old.sections {
        for question in &mut section.questions {
            let before: &[&str] = match question.id.as_str() {
                "feel_safe" => &["no", "not_sure"],
                "happy_where_live" => &["very_sad"],
                "trusted_adult" => &["no"],
                "worries" => &["yes"],
                _ => continue,
            };
            question.worry_if = before.iter().map(|v| v.to_string()).collect();
        }
    }
    old
}

fn ids(b: &Booklet) -> Vec<&str> {
    b.questions().map(|question| question.id.as_str()).collect()
}

/// A draft begun on `old`: four answers that were not worries then and are now, stopped at
/// "Is there an adult you trust?", and saved as the tablet saves it (JSON).
fn saved_on(old: &Booklet, band: AgeBand) -> String {
    let child = ChildDetails {
        name: "Sam".into(),
        review_date: "2026-12-01".into(),
        ..ChildDetails::default()
    };
    let mut d = Draft::new(
        old,
        band,
        child,
        LocaleCode::new("cy"),
        "2026-11-20T16:00:00Z",
    );
    let answers = [
        ("feel_safe", Answer::RatherNotSay),
        ("happy_where_live", Answer::Picked("sad".into())),
        ("worries", Answer::Picked("not_sure".into())),
    ];
    for (id, answer) in answers {
        let told = d
            .set_answer(old, &q(id), answer, "2026-11-20T16:05:00Z")
            .unwrap();
        assert!(!told.ok_to_tell, "{id} was not a worry on the old revision");
    }
    d.go_to(
        Position::Question(q("trusted_adult")),
        "2026-11-20T16:06:00Z",
    );
    assert!(worries(old, &d.answers).is_empty());
    serde_json::to_string(&d).unwrap()
}

/// Carries on a reopened draft against `new` as the fill screen does: the rest of the answers,
/// next to the review, finish.
fn carry_on_and_finish(mut d: Draft, new: &Booklet) -> CompletedBooklet {
    // Opens where the child stopped, with "question n of m" over the new revision.
    assert_eq!(d.current(new), Position::Question(q("trusted_adult")));
    let progress = d.session(new).progress(&d.position);
    assert!(progress.current > 0 && progress.current < progress.total);
    assert_eq!(progress.answered, 3);
    // "I'd rather not say" to a safety question is a worry now: "it's OK to tell" at once.
    let told = d
        .set_answer(
            new,
            &q("trusted_adult"),
            Answer::RatherNotSay,
            "2026-11-22T10:00:00Z",
        )
        .unwrap();
    assert!(told.ok_to_tell);
    d.set_answer(
        new,
        &q("worry_details"),
        Answer::Words("Dw i ddim yn siŵr".into()),
        "2026-11-22T10:01:00Z",
    )
    .unwrap();
    let mut steps = 0;
    while d.go_next(new, "2026-11-22T10:02:00Z") != Position::Review {
        steps += 1;
        assert!(steps <= ids(new).len(), "stuck");
    }
    d.finish(
        new,
        "0123456789abcdef0123456789abcdef",
        "2026-11-22T10:15:00Z",
    )
}

/// The finished booklet is a booklet of the new revision whose worries follow the new rule.
fn check_finished(done: &CompletedBooklet, old: &Booklet, new: &Booklet, band: AgeBand) {
    assert_eq!(done.booklet_id, new.id);
    assert_eq!(done.booklet_revision, new.revision, "{band}");
    assert_eq!(done.age_band, band);
    assert_eq!(done.child.name, "Sam");
    assert_eq!(done.locale, LocaleCode::new("cy"));
    // Every answer is kept: those given on the old revision and those given on the new one.
    let answered: Vec<&str> = done.answers.keys().map(QuestionId::as_str).collect();
    assert_eq!(
        answered,
        [
            "feel_safe",
            "happy_where_live",
            "trusted_adult",
            "worries",
            "worry_details"
        ]
    );
    let expected = ["feel_safe", "happy_where_live", "trusted_adult", "worries"];
    assert_eq!(
        worries(new, &done.answers),
        expected.map(q),
        "{band}: the new rule"
    );
    assert!(
        worries(old, &done.answers).is_empty(),
        "{band}: none of them was a worry under the old rule"
    );
    let opened = open_follow_ups(done, new, Date::parse("2026-11-23").unwrap(), &[]);
    let opened: Vec<&str> = opened.iter().map(|f| f.question_id.as_str()).collect();
    assert_eq!(opened, expected, "{band}: follow-ups");
}

#[test]
fn every_builtin_booklet_has_a_new_revision_with_the_same_questions() {
    for band in AgeBand::ALL {
        let new = builtin_for(band);
        assert_eq!(new.revision, 5, "{band}: raised for the new topics");
        let four = revision_4(&new);
        assert_eq!(validate(&four), Ok(()), "{band}");
        // Revision 5 keeps every question of revision 4, in the same order, and adds to them.
        let kept: Vec<&str> = ids(&new)
            .into_iter()
            .filter(|id| ids(&four).contains(id))
            .collect();
        assert_eq!(kept, ids(&four), "{band}: question ids never change");
        assert!(ids(&new).len() > ids(&four).len());
        for old in [revision_1(&new), revision_2(&new), revision_3(&new)] {
            assert_eq!(validate(&old), Ok(()), "{band}");
            assert_eq!(ids(&old), ids(&four), "{band}: question ids never change");
        }
    }
}

#[test]
fn a_welsh_draft_saved_on_revision_2_finishes_on_the_newest_revision_with_its_answers() {
    let cy = LocaleCode::new("cy");
    for band in AgeBand::ALL {
        let new = builtin_for(band);
        let old = revision_2(&new);
        let mut d = Draft::new(&old, band, ChildDetails::default(), cy.clone(), "t0");
        d.set_answer(&old, &q("want_break"), Answer::Picked("no".into()), "t1")
            .unwrap();
        d.set_answer(&old, &q("feel_safe"), Answer::Picked("yes".into()), "t2")
            .unwrap();
        d.go_to(Position::Question(q("trusted_adult")), "t3");
        let saved = serde_json::to_string(&d).unwrap();

        let mut d: Draft = serde_json::from_str(&saved).unwrap();
        assert!(d.is_for(&old) && !d.is_for(&new), "{band}");
        assert_eq!(d.current(&new), Position::Question(q("trusted_adult")));
        d.set_answer(
            &new,
            &q("trusted_adult"),
            Answer::Picked("yes".into()),
            "t4",
        )
        .unwrap();
        while d.go_next(&new, "t5") != Position::Review {}
        let done = d.finish(
            &new,
            "0123456789abcdef0123456789abcdef",
            "2026-11-22T10:15:00Z",
        );
        assert_eq!(done.booklet_revision, new.revision, "{band}");
        let answered: Vec<&str> = done.answers.keys().map(QuestionId::as_str).collect();
        assert_eq!(
            answered,
            ["feel_safe", "trusted_adult", "want_break"],
            "{band}"
        );
        assert!(worries(&new, &done.answers).is_empty(), "{band}");
        // The child's "no" to "Hoffet ti gael egwyl...?" now reads "Na hoffwn".
        let break_q = new.question(&q("want_break")).unwrap();
        assert_eq!(break_q.own_label("no", &cy), Some("Na hoffwn"), "{band}");
        assert_eq!(
            old.question(&q("want_break")).unwrap().own_label("no", &cy),
            None
        );
    }
}

#[test]
fn a_draft_saved_on_the_old_revision_opens_and_finishes_on_the_new_one() {
    for band in AgeBand::ALL {
        let new = builtin_for(band);
        let old = revision_1(&new);
        let saved = saved_on(&old, band);

        // Reopened after the app moved to the new revision.
        let d: Draft = serde_json::from_str(&saved).unwrap();
        assert_eq!(d.booklet_revision, old.revision);
        assert!(d.is_for(&old) && !d.is_for(&new), "{band}");

        // As the fill screen does today: straight on with the new booklet.
        let as_is = carry_on_and_finish(d.clone(), &new);
        check_finished(&as_is, &old, &new, band);

        // Carried on explicitly first: the draft records the new revision, and the child ends
        // with the same finished booklet.
        let mut carried = d;
        carried.carry_on(&new, "2026-11-22T09:59:00Z").unwrap();
        assert!(carried.is_for(&new), "{band}");
        assert_eq!(carried.booklet_revision, new.revision);
        assert_eq!(carried.updated_at, "2026-11-22T09:59:00Z");
        let done = carry_on_and_finish(carried, &new);
        assert_eq!(done, as_is, "{band}");
    }
}

#[test]
fn a_draft_does_not_carry_on_with_another_booklet_or_an_older_revision() {
    let new = builtin_for(AgeBand::TenToFifteen);
    let old = revision_1(&new);
    let mut d = Draft::new(
        &new,
        AgeBand::TenToFifteen,
        ChildDetails::default(),
        LocaleCode::new("en"),
        "t0",
    );
    let before = d.clone();
    assert_eq!(
        d.carry_on(&old, "t1"),
        Err(CarryOnError::OlderRevision {
            draft: new.revision,
            booklet: old.revision
        })
    );
    let other = builtin_for(AgeBand::SixteenPlus);
    assert_eq!(
        d.carry_on(&other, "t1"),
        Err(CarryOnError::OtherBooklet {
            draft: "review-10-15".into(),
            booklet: "review-16-plus".into()
        })
    );
    assert_eq!(d, before, "a refused carry-on changes nothing");
    assert_eq!(
        CarryOnError::OlderRevision {
            draft: 2,
            booklet: 1
        }
        .to_string(),
        "this draft was saved on revision 2 of its booklet, and this version of My Say has only \
         revision 1"
    );
    // The same revision again changes nothing, not even the time.
    assert_eq!(d.carry_on(&new, "t2"), Ok(()));
    assert_eq!(d, before);
}

#[test]
fn a_draft_saved_on_revision_4_carries_on_and_finishes_with_the_new_topics() {
    for band in AgeBand::ALL {
        let new = builtin_for(band);
        let old = revision_4(&new);
        let mut d = Draft::new(
            &old,
            band,
            ChildDetails::default(),
            LocaleCode::new("en"),
            "t0",
        );
        d.set_answer(&old, &q("feel_safe"), Answer::Picked("yes".into()), "t1")
            .unwrap();
        d.set_answer(&old, &q("school"), Answer::Picked("happy".into()), "t2")
            .unwrap();
        d.go_to(Position::Question(q("health")), "t3");
        let before = d.session(&old).progress(&d.position);
        let saved = serde_json::to_string(&d).unwrap();

        // Reopened after the app moved to revision 5: it carries on where the child stopped.
        let mut d: Draft = serde_json::from_str(&saved).unwrap();
        assert!(d.is_for(&old) && !d.is_for(&new), "{band}");
        d.carry_on(&new, "t4").unwrap();
        assert_eq!(d.booklet_revision, 5);
        assert_eq!(d.current(&new), Position::Question(q("health")));
        let after = d.session(&new).progress(&d.position);
        // The new questions before "health" (bullying, being safe online, a topic's switch)
        // count now; the child's answers are all still there.
        assert!(after.current > before.current, "{band}");
        assert!(after.total > before.total, "{band}");
        assert_eq!(after.answered, 2, "{band}");

        // The new questions are answered like any other, and a topic switched on.
        for (id, value) in [
            ("bullied", "no"),
            ("safe_online", "yes"),
            ("feelings", "happy"),
            ("listened_to", "yes"),
            ("views_changed", "not_sure"),
            ("switch_social_worker", "yes"),
            ("know_social_worker", "yes"),
        ] {
            let told = d
                .set_answer(&new, &q(id), Answer::Picked(value.into()), "t5")
                .unwrap();
            assert!(!told.ok_to_tell, "{band} {id}");
        }
        let mut steps = 0;
        while d.go_next(&new, "t6") != Position::Review {
            steps += 1;
            assert!(steps <= ids(&new).len(), "stuck");
        }
        let done = d.finish(
            &new,
            "0123456789abcdef0123456789abcdef",
            "2026-11-22T10:15:00Z",
        );
        assert_eq!(done.booklet_revision, 5, "{band}");
        let answered: Vec<&str> = done.answers.keys().map(QuestionId::as_str).collect();
        assert_eq!(
            answered,
            [
                "bullied",
                "feel_safe",
                "feelings",
                "know_social_worker",
                "listened_to",
                "safe_online",
                "school",
                "switch_social_worker",
                "views_changed"
            ],
            "{band}"
        );
        assert!(worries(&new, &done.answers).is_empty(), "{band}");
    }
}

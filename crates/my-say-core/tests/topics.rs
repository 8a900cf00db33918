//! The topics a real consultation asks (issue 15, item 1; revision 5 of the built-in booklets):
//! whether the child is listened to and their views change things, bullying, feeling safe
//! online and their feelings, asked of every child; and optional topics the child (or the adult
//! starting the booklet) switches on: more about the meeting (who they do not want there,
//! joining online), brothers and sisters, who they are (culture, religion, language), why they
//! are in care (10 and over), their social worker, and for 16 and over Staying Put (When I'm
//! Ready in Wales) and housing. See docs/booklet-format.md and docs/reports.md.

use my_say_core::answer::{Answer, Answers};
use my_say_core::booklet::{AnswerKind, Booklet, MeasureKind, QuestionId, Theme};
use my_say_core::calendar::{Date, ReportingYear};
use my_say_core::csv::parse as parse_csv;
use my_say_core::export::report_csv;
use my_say_core::report::{Cell, ReportIndex};
use my_say_core::session::{Draft, Position};
use my_say_core::summary::{summarise, SummaryAnswer, SummaryPart};
use my_say_core::{builtin_booklets, builtin_for, AgeBand, ChildDetails, CompletedBooklet};
use my_say_core::{LocaleCode, Session};

use AgeBand::*;

fn q(id: &str) -> QuestionId {
    QuestionId::new(id)
}

/// Every question revision 5 added, with the bands that ask it and whether it is always asked
/// (`false`: in an optional section).
const NEW_QUESTIONS: &[(&str, &[AgeBand], bool)] = &[
    ("bullied", &AgeBand::ALL, true),
    ("safe_online", &AgeBand::ALL, true),
    ("feelings", &AgeBand::ALL, true),
    ("listened_to", &AgeBand::ALL, true),
    ("views_changed", &AgeBand::ALL, true),
    ("switch_meeting", &AgeBand::ALL, false),
    ("not_want", &AgeBand::ALL, false),
    ("join_online", &AgeBand::ALL, false),
    ("switch_siblings", &AgeBand::ALL, false),
    ("siblings_live_with", &AgeBand::ALL, false),
    ("siblings_see", &AgeBand::ALL, false),
    ("switch_identity", &AgeBand::ALL, false),
    ("identity_support", &AgeBand::ALL, false),
    ("identity_words", &AgeBand::ALL, false),
    ("switch_story", &[TenToFifteen, SixteenPlus], false),
    ("know_why_in_care", &[TenToFifteen, SixteenPlus], false),
    ("talk_why_in_care", &[TenToFifteen, SixteenPlus], false),
    ("switch_social_worker", &AgeBand::ALL, false),
    ("know_social_worker", &AgeBand::ALL, false),
    ("contact_social_worker", &AgeBand::ALL, false),
    ("switch_moving_on", &[SixteenPlus], false),
    ("staying_put", &[SixteenPlus], false),
    ("know_where_live", &[SixteenPlus], false),
    ("housing_words", &[SixteenPlus], false),
];

fn in_optional_section(b: &Booklet, id: &str) -> bool {
    b.optional_sections()
        .any(|s| s.questions.iter().any(|x| x.id.as_str() == id))
}

#[test]
fn every_band_asks_the_new_topics_under_the_same_ids() {
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        assert_eq!(b.revision, 5, "{band}");
        assert_eq!(
            b.version, 3,
            "{band}: optional sections are format version 3"
        );
        for (id, bands, always) in NEW_QUESTIONS {
            let asked = b.question(&q(id)).is_some();
            assert_eq!(asked, bands.contains(&band), "{band} {id}");
            if asked {
                assert_eq!(in_optional_section(&b, id), !always, "{band} {id}");
            }
        }
    }
    // The same id is the same question in every band: kind, measure, worries and conditions
    // (builtin::tests::measures_are_the_same_in_every_band checks every question).
    let all = builtin_booklets();
    for (id, _, _) in NEW_QUESTIONS {
        let asked: Vec<_> = all.iter().filter_map(|b| b.question(&q(id))).collect();
        for other in &asked[1..] {
            assert_eq!(
                std::mem::discriminant(&other.kind),
                std::mem::discriminant(&asked[0].kind),
                "{id}"
            );
            assert_eq!(other.measure, asked[0].measure, "{id}");
            assert_eq!(other.worry_if, asked[0].worry_if, "{id}");
            assert_eq!(other.show_if, asked[0].show_if, "{id}");
        }
    }
    // In Wales, Staying Put is "When I'm Ready" ("Pan fydda i'n barod").
    let staying = builtin_for(SixteenPlus);
    let staying = &staying.question(&q("staying_put")).unwrap().text.0;
    assert!(staying[&LocaleCode::new("en")].contains("Staying Put"));
    assert!(staying[&LocaleCode::new("en")].contains("When I'm Ready"));
    assert!(staying[&LocaleCode::new("cy")].contains("Pan fydda i'n barod"));
}

#[test]
fn being_listened_to_and_views_changing_things_are_always_asked_and_counted_as_being_heard() {
    for b in builtin_booklets() {
        for (id, key) in [
            ("listened_to", "listened_to"),
            ("views_changed", "views_changed"),
        ] {
            let question = b.question(&q(id)).unwrap();
            assert_eq!(question.kind, AnswerKind::YesNotSureNo);
            assert_eq!(question.theme, Theme::BeingHeard);
            let m = question.measure.as_ref().unwrap();
            assert_eq!((m.key.as_str(), m.kind), (key, MeasureKind::Heard));
            assert_eq!(
                (m.positive.as_slice(), m.negative.as_slice()),
                (&["yes".to_owned()][..], &["no".to_owned()][..])
            );
            assert!(question.worry_if.is_empty());
            assert!(!in_optional_section(&b, id));
        }
        let label = |id: &str| {
            b.question(&q(id))
                .unwrap()
                .measure
                .as_ref()
                .unwrap()
                .label
                .0[&LocaleCode::new("en")]
                .clone()
        };
        assert_eq!(label("listened_to"), "said they feel listened to");
        assert_eq!(label("views_changed"), "said their views changed things");
    }
}

#[test]
fn a_topic_is_off_until_the_child_or_the_adult_switches_it_on() {
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        let none = Answers::new();
        let off = Session::new(&b, band, &none);
        for section in b.optional_sections() {
            let switch = section.switch().unwrap();
            assert_eq!(
                switch.kind,
                AnswerKind::YesNotSureNo,
                "{band} {}",
                section.id
            );
            assert!(off.is_visible(&switch.id), "{band}: the switch is asked");
            for other in &section.questions[1..] {
                assert!(!off.is_visible(&other.id), "{band} {}", other.id.as_str());
            }
            // Yes shows the topic's questions; any other answer keeps them hidden.
            for (value, shown) in [
                ("yes", true),
                ("not_sure", false),
                ("no", false),
                ("rather_not_say", false),
            ] {
                let answer = if value == "rather_not_say" {
                    Answer::RatherNotSay
                } else {
                    Answer::Picked(value.into())
                };
                let answers: Answers = [(switch.id.clone(), answer)].into_iter().collect();
                let s = Session::new(&b, band, &answers);
                // Every question on the switch itself (siblings_see waits for an answer about
                // living together too).
                for other in section.questions[1..]
                    .iter()
                    .filter(|x| x.show_if.as_ref().is_some_and(|c| c.question == switch.id))
                {
                    assert_eq!(s.is_visible(&other.id), shown, "{band} {value}");
                }
            }
        }
    }
}

#[test]
fn the_adult_switches_a_topic_on_and_the_child_can_still_say_no() {
    let b = builtin_for(SevenToNine);
    let mut d = Draft::new(
        &b,
        SevenToNine,
        ChildDetails::default(),
        LocaleCode::new("en"),
        "t0",
    );
    // "moving_on" is the 16+ booklet's: passed over for a 7 to 9 year old.
    let on = d.switch_on(
        &b.outline(),
        &[
            "social_worker".into(),
            "moving_on".into(),
            "planning".into(),
        ],
        "t1",
    );
    assert_eq!(on, ["social_worker"]);
    assert_eq!(
        d.answers[&q("switch_social_worker")],
        Answer::Picked("yes".into())
    );
    assert_eq!(d.answers.len(), 1, "nothing else is answered for the child");
    assert!(d.session(&b).is_visible(&q("know_social_worker")));
    d.set_answer(
        &b,
        &q("know_social_worker"),
        Answer::Picked("yes".into()),
        "t2",
    )
    .unwrap();
    // The child sees the switch with "yes" chosen, and says no after all.
    d.go_to(Position::Question(q("switch_social_worker")), "t3");
    d.set_answer(
        &b,
        &q("switch_social_worker"),
        Answer::Picked("no".into()),
        "t4",
    )
    .unwrap();
    assert!(!d.session(&b).is_visible(&q("know_social_worker")));
    let done = d.finish(
        &b,
        "0123456789abcdef0123456789abcdef",
        "2026-11-22T10:15:00Z",
    );
    assert_eq!(done.answers.get(&q("know_social_worker")), None, "dropped");
    assert_eq!(
        done.answers[&q("switch_social_worker")],
        Answer::Picked("no".into())
    );
}

#[test]
fn with_every_topic_off_each_booklet_stays_short() {
    // About 15 minutes: at most 45 screens with every optional topic off (a screen takes a
    // child about 20 seconds; a switch, a tap), and no topic adds more than four questions.
    for band in AgeBand::ALL {
        let b = builtin_for(band);
        let none = Answers::new();
        let screens = Session::new(&b, band, &none).visible_questions().len();
        let limit = match band {
            FourToSix | SevenToNine => 36,
            TenToFifteen => 40,
            SixteenPlus => 45,
        };
        assert!(screens <= limit, "{band}: {screens} screens");
        for section in b.optional_sections() {
            assert!(section.questions.len() <= 4, "{band} {}", section.id);
        }
    }
}

/// A booklet finished by a child in `band` who gave these answers.
fn finished(n: usize, band: AgeBand, answers: &[(&str, Answer)]) -> CompletedBooklet {
    let b = builtin_for(band);
    let child = ChildDetails {
        name: format!("Child {n}"),
        review_date: "2026-12-01".into(),
        ..ChildDetails::default()
    };
    let mut d = Draft::new(
        &b,
        band,
        child,
        LocaleCode::new("en"),
        "2026-11-22T10:00:00Z",
    );
    for (id, a) in answers {
        d.set_answer(&b, &q(id), a.clone(), "2026-11-22T10:05:00Z")
            .unwrap_or_else(|e| panic!("{band} {id}: {e}"));
    }
    d.finish(&b, &format!("{n:032x}"), "2026-11-22T10:15:00Z")
}

/// `counts` children per value ("rather_not_say" for "I'd rather not say") answer `id`.
fn many(out: &mut Vec<CompletedBooklet>, band: AgeBand, id: &str, counts: &[(&str, usize)]) {
    for (value, n) in counts {
        for _ in 0..*n {
            let answer = match *value {
                "rather_not_say" => Answer::RatherNotSay,
                v => Answer::Picked(v.into()),
            };
            let done = finished(out.len(), band, &[(id, answer)]);
            out.push(done);
        }
    }
}

#[test]
fn the_report_counts_being_heard_by_age_band_beside_safety_with_small_numbers_hidden() {
    let mut booklets = Vec::new();
    // Felt listened to: 3 of 3 aged 4–6 (fewer than 5), 6 of 8 aged 7–9, 7 of 10 aged 10–15
    // (two more would rather not say), 4 of 5 aged 16 and over.
    many(&mut booklets, FourToSix, "listened_to", &[("yes", 3)]);
    many(
        &mut booklets,
        SevenToNine,
        "listened_to",
        &[("yes", 6), ("not_sure", 1), ("no", 1)],
    );
    many(
        &mut booklets,
        TenToFifteen,
        "listened_to",
        &[
            ("yes", 7),
            ("not_sure", 1),
            ("no", 2),
            ("rather_not_say", 2),
        ],
    );
    many(
        &mut booklets,
        SixteenPlus,
        "listened_to",
        &[("yes", 4), ("no", 1)],
    );
    // Views changed things: every band has five or more.
    many(
        &mut booklets,
        FourToSix,
        "views_changed",
        &[("yes", 2), ("not_sure", 2), ("no", 1)],
    );
    many(
        &mut booklets,
        SevenToNine,
        "views_changed",
        &[("yes", 4), ("no", 4)],
    );
    many(
        &mut booklets,
        TenToFifteen,
        "views_changed",
        &[("yes", 5), ("not_sure", 2), ("no", 3)],
    );
    many(
        &mut booklets,
        SixteenPlus,
        "views_changed",
        &[("yes", 3), ("no", 2)],
    );

    let definitions = builtin_booklets();
    let index = ReportIndex::new(&definitions);
    let year = ReportingYear::containing(Date::parse("2026-11-22").unwrap());
    let report = index.report_for_year(&booklets, year);

    // Beside "feel safe": straight after the safety figures, before satisfaction.
    let kinds: Vec<MeasureKind> = report.measures.iter().map(|m| m.kind).collect();
    let first_heard = kinds.iter().position(|k| *k == MeasureKind::Heard).unwrap();
    assert!(kinds[..first_heard]
        .iter()
        .all(|k| *k == MeasureKind::Safety));
    assert_eq!(kinds[0], MeasureKind::Safety);
    assert_eq!(report.measures[0].key, "feel_safe");
    assert_eq!(
        report.measures[first_heard..first_heard + 2]
            .iter()
            .map(|m| m.key.as_str())
            .collect::<Vec<_>>(),
        ["listened_to", "views_changed"]
    );
    assert!(kinds[first_heard + 2..]
        .iter()
        .all(|k| *k == MeasureKind::Satisfaction));

    let counts = |key: &str, band: Option<AgeBand>| {
        report
            .measure(key)
            .unwrap()
            .current
            .get(band)
            .counts()
            .map(|c| {
                (
                    c.answered,
                    c.positive,
                    c.ok(),
                    c.negative,
                    c.rather_not_say,
                    c.percent_positive,
                )
            })
    };
    let listened = report.measure("listened_to").unwrap();
    // 4–6 has fewer than five; 7–9, the nearest band, is withheld so that all ages minus the
    // others cannot give 4–6 away (secondary suppression); all ages is shown.
    assert_eq!(*listened.current.get(Some(FourToSix)), Cell::Suppressed);
    assert_eq!(*listened.current.get(Some(SevenToNine)), Cell::Withheld);
    assert_eq!(
        counts("listened_to", Some(TenToFifteen)),
        Some((10, 7, 1, 2, 2, 70))
    );
    assert_eq!(
        counts("listened_to", Some(SixteenPlus)),
        Some((5, 4, 0, 1, 0, 80))
    );
    assert_eq!(counts("listened_to", None), Some((26, 20, 2, 4, 2, 77)));
    // Every band of views changed is shown: nothing to hide.
    assert_eq!(
        counts("views_changed", Some(FourToSix)),
        Some((5, 2, 2, 1, 0, 40))
    );
    assert_eq!(
        counts("views_changed", Some(SevenToNine)),
        Some((8, 4, 0, 4, 0, 50))
    );
    assert_eq!(
        counts("views_changed", Some(TenToFifteen)),
        Some((10, 5, 2, 3, 0, 50))
    );
    assert_eq!(
        counts("views_changed", Some(SixteenPlus)),
        Some((5, 3, 0, 2, 0, 60))
    );
    assert_eq!(counts("views_changed", None), Some((28, 14, 4, 10, 0, 50)));
    // Which answers count: yes is positive, no negative, not sure OK.
    assert_eq!(listened.positive_values, ["yes"]);
    assert_eq!(listened.negative_values, ["no"]);

    // The figures CSV has the same rows, with their kind.
    let table = parse_csv(&report_csv(&report, &LocaleCode::new("en"))).unwrap();
    let head = &table[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let row = |key: &str, band: &str| {
        table
            .iter()
            .find(|r| r[col("measure")] == key && r[col("age_band")] == band)
            .unwrap()
            .clone()
    };
    let all = row("listened_to", "all");
    assert_eq!(all[col("kind")], "heard");
    assert_eq!(all[col("label")], "said they feel listened to");
    assert_eq!(all[col("answered")], "26");
    assert_eq!(all[col("positive_percent")], "77%");
    assert_eq!(row("listened_to", "4–6")[col("answered")], "fewer than 5");
    assert_eq!(
        row("listened_to", "7–9")[col("positive_percent")],
        "hidden to protect a small number"
    );
    assert_eq!(row("views_changed", "16+")[col("positive_percent")], "60%");
}

#[test]
fn a_topic_switched_on_is_counted_only_for_the_children_who_answered_it() {
    // Five children aged 10 to 15 switch on "my social worker" and answer; five do not. The
    // figure counts the five who answered, and the others are not "no".
    let mut booklets = Vec::new();
    for n in 0..10 {
        let answers: Vec<(&str, Answer)> = if n < 5 {
            vec![
                ("switch_social_worker", Answer::Picked("yes".into())),
                (
                    "know_social_worker",
                    Answer::Picked(if n < 4 { "yes" } else { "no" }.into()),
                ),
            ]
        } else {
            vec![("switch_social_worker", Answer::Picked("no".into()))]
        };
        booklets.push(finished(n, TenToFifteen, &answers));
    }
    let definitions = builtin_booklets();
    let report = ReportIndex::new(&definitions).report_for_year(
        &booklets,
        ReportingYear::containing(Date::parse("2026-11-22").unwrap()),
    );
    let c = report
        .measure("know_social_worker")
        .unwrap()
        .current
        .get(Some(TenToFifteen))
        .counts()
        .copied()
        .unwrap();
    assert_eq!(
        (c.answered, c.positive, c.negative, c.percent_positive),
        (5, 4, 1, 80)
    );
}

#[test]
fn the_summary_shows_the_new_answers_and_leaves_out_topics_not_chosen() {
    let b = builtin_for(TenToFifteen);
    let done = finished(
        1,
        TenToFifteen,
        &[
            ("listened_to", Answer::Picked("no".into())),
            ("views_changed", Answer::Picked("not_sure".into())),
            ("bullied", Answer::Picked("no".into())),
            ("feelings", Answer::Picked("ok".into())),
            ("switch_siblings", Answer::Picked("yes".into())),
            ("siblings_live_with", Answer::Picked("none".into())),
            ("siblings_see", Answer::Picked("no".into())),
            ("switch_meeting", Answer::Picked("no".into())),
        ],
    );
    let s = summarise(&done, Some(&b));
    let part = |id: &str| {
        s.sections
            .iter()
            .find(|p| p.items.iter().any(|i| i.question_id.as_str() == id))
            .map(|p| p.part)
    };
    let answer = |id: &str| {
        s.sections
            .iter()
            .flat_map(|p| &p.items)
            .find(|i| i.question_id.as_str() == id)
            .map(|i| i.answer.clone())
    };
    assert_eq!(
        part("listened_to"),
        Some(SummaryPart::Theme(Theme::BeingHeard))
    );
    assert_eq!(
        part("views_changed"),
        Some(SummaryPart::Theme(Theme::BeingHeard))
    );
    assert_eq!(
        part("bullied"),
        Some(SummaryPart::Theme(Theme::SchoolAndHealth))
    );
    assert_eq!(
        part("siblings_see"),
        Some(SummaryPart::Theme(Theme::FriendsAndFamily))
    );
    assert!(matches!(
        answer("siblings_live_with"),
        Some(SummaryAnswer::Picks(_))
    ));
    // A switch the child answered is shown, "no" too; one they skipped is not "unanswered":
    // skipping it is how a child says "not this topic".
    assert!(answer("switch_siblings").is_some());
    assert!(answer("switch_meeting").is_some());
    assert_eq!(answer("switch_identity"), None);
    assert_eq!(answer("switch_social_worker"), None);
    assert_eq!(answer("know_social_worker"), None, "never shown");
    // A question the child skipped outside the topics is still "unanswered".
    assert_eq!(answer("safe_online"), Some(SummaryAnswer::Unanswered));
    assert_eq!(s.worries, 0);
}

//! The four review booklets that ship with My Say, one for each age band.
//!
//! They are ordinary booklet files (`crates/my-say-core/booklets/*.json`, in the format of
//! `docs/booklet-format.md`), built into the app compact (see `build.rs`). Every text is in English, Welsh and Arabic;
//! the Welsh and Arabic wording needs review by a native speaker before use with children.
//! The same question has the same id and measure key in every band, so reports can compare bands.

use crate::age_band::AgeBand;
use crate::booklet::Booklet;
use crate::validate::parse_booklet;
use std::sync::OnceLock;

/// The booklet files as shipped, youngest band first: `booklets/*.json` without the white space
/// between tokens (build.rs; the same JSON, a third smaller in the app).
pub const BUILTIN_FILES: [(AgeBand, &str); 4] = [
    (
        AgeBand::FourToSix,
        include_str!(concat!(env!("OUT_DIR"), "/review-4-6.json")),
    ),
    (
        AgeBand::SevenToNine,
        include_str!(concat!(env!("OUT_DIR"), "/review-7-9.json")),
    ),
    (
        AgeBand::TenToFifteen,
        include_str!(concat!(env!("OUT_DIR"), "/review-10-15.json")),
    ),
    (
        AgeBand::SixteenPlus,
        include_str!(concat!(env!("OUT_DIR"), "/review-16-plus.json")),
    ),
];

/// The ids of the built-in booklets, youngest band first (a test checks them against the files):
/// what [`builtin_band`] reads, so finding a draft's booklet parses no other band's file.
const BUILTIN_IDS: [&str; 4] = ["review-4-6", "review-7-9", "review-10-15", "review-16-plus"];

/// The age band of the built-in booklet with this id, or `None` for any other booklet (a council
/// survey). A child may be given a simpler booklet than their age band's (docs/reports.md): the
/// booklet follows this band, the figures the child's own.
pub fn builtin_band(booklet_id: &str) -> Option<AgeBand> {
    let i = BUILTIN_IDS.iter().position(|id| *id == booklet_id)?;
    Some(AgeBand::ALL[i])
}

/// The built-in booklet at `i` in [`BUILTIN_FILES`], read and checked on first use. Each band
/// is parsed on its own: a child's tablet opening a booklet reads one file, not all four
/// (parsing all four was about 6% of start-up in a profile; docs/performance.md).
fn parsed(i: usize) -> &'static Booklet {
    static BOOKLETS: [OnceLock<Booklet>; 4] = [const { OnceLock::new() }; 4];
    BOOKLETS[i].get_or_init(|| {
        let (band, json) = BUILTIN_FILES[i];
        match parse_booklet(json) {
            Ok(booklet) => booklet,
            // The tests parse and validate every built-in file, so this cannot happen in a
            // tested build.
            Err(e) => panic!("built-in booklet for {band} is broken: {e}"),
        }
    })
}

/// The four built-in review booklets, youngest band first.
pub fn builtin_booklets() -> Vec<Booklet> {
    (0..BUILTIN_FILES.len())
        .map(|i| parsed(i).clone())
        .collect()
}

/// The built-in review booklet for an age band.
pub fn builtin_for(band: AgeBand) -> Booklet {
    let i = AgeBand::ALL
        .iter()
        .position(|b| *b == band)
        .unwrap_or_default();
    parsed(i).clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booklet::{AnswerKind, BookletKind, MeasureKind, Question, QuestionId, Theme};
    use crate::text::LocaleCode;
    use crate::validate::{load_booklet, validate};
    use std::collections::BTreeSet;

    const PLANNING: [&str; 9] = [
        "review_where",
        "review_when",
        "who_comes",
        "attend",
        "talk_first",
        "not_to_talk",
        "want_break",
        "how_leave",
        "see_iro_alone",
    ];
    const LIFE_NOW: [&str; 11] = [
        "feel_safe",
        "happy_where_live",
        "friends_visit",
        "family_contact",
        "school",
        "health",
        "trusted_adult",
        "worries",
        "worry_details",
        "good_news",
        "life_story_book",
    ];
    const PLAN: [&str; 6] = [
        "know_iro",
        "contact_iro",
        "has_care_plan",
        "happy_with_care_plan",
        "last_review",
        "anything_else",
    ];
    const TEN_PLUS: [&str; 3] = ["chair", "know_advocate", "know_complain"];
    const SIXTEEN_PLUS: [&str; 3] = [
        "pathway_plan",
        "ready_for_independence",
        "know_entitlements",
    ];

    fn question<'b>(b: &'b Booklet, id: &str) -> &'b Question {
        b.question(&QuestionId::new(id))
            .unwrap_or_else(|| panic!("{} has no question {id}", b.id))
    }

    fn ids_in(b: &Booklet, section: &str) -> Vec<String> {
        b.sections
            .iter()
            .find(|s| s.id == section)
            .unwrap_or_else(|| panic!("{} has no section {section}", b.id))
            .questions
            .iter()
            .map(|q| q.id.as_str().to_owned())
            .collect()
    }

    #[test]
    fn builtin_band_names_each_booklet_by_its_id() {
        for band in AgeBand::ALL {
            assert_eq!(builtin_band(&builtin_for(band).id), Some(band));
        }
        assert_eq!(builtin_band("a-council-survey"), None);
    }

    #[test]
    fn every_builtin_file_parses_and_validates() {
        for (band, json) in BUILTIN_FILES {
            let b = load_booklet(json).unwrap_or_else(|e| panic!("{band}: {e:#?}"));
            assert_eq!(b.age_bands, vec![band]);
            assert_eq!(b.kind, BookletKind::Review);
            assert_eq!(
                b.locales,
                vec![
                    LocaleCode::new("en"),
                    LocaleCode::new("cy"),
                    LocaleCode::new("ar")
                ]
            );
            assert!(b.intro.is_some());
            // The file reads back the same after writing (the format is stable both ways).
            let again = serde_json::to_string(&b).unwrap();
            assert_eq!(load_booklet(&again).unwrap(), b);
        }
        let all = builtin_booklets();
        assert_eq!(
            all.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
            ["review-4-6", "review-7-9", "review-10-15", "review-16-plus"]
        );
        for band in AgeBand::ALL {
            let b = builtin_for(band);
            assert_eq!(b.age_bands, vec![band]);
            assert_eq!(validate(&b), Ok(()));
        }
    }

    #[test]
    fn each_band_has_its_sections_and_questions() {
        for band in AgeBand::ALL {
            let b = builtin_for(band);
            assert_eq!(
                b.sections.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
                ["planning", "life_now", "plan"]
            );
            let mut planning: Vec<&str> = PLANNING.to_vec();
            let mut plan: Vec<&str> = PLAN.to_vec();
            if band.is_ten_or_over() {
                planning.insert(8, "chair");
                plan.splice(2..2, ["know_advocate", "know_complain"]);
            }
            if band == AgeBand::SixteenPlus {
                plan.splice(7..7, SIXTEEN_PLUS);
            }
            assert_eq!(ids_in(&b, "planning"), planning, "{band}");
            assert_eq!(ids_in(&b, "life_now"), LIFE_NOW, "{band}");
            assert_eq!(ids_in(&b, "plan"), plan, "{band}");
            for id in TEN_PLUS {
                assert_eq!(
                    b.question(&QuestionId::new(id)).is_some(),
                    band.is_ten_or_over(),
                    "{band} {id}"
                );
            }
            for id in SIXTEEN_PLUS {
                assert_eq!(
                    b.question(&QuestionId::new(id)).is_some(),
                    band == AgeBand::SixteenPlus,
                    "{band} {id}"
                );
            }
        }
    }

    #[test]
    fn planning_questions_have_the_right_kinds_and_themes() {
        for b in builtin_booklets() {
            let theme = |id: &str| question(&b, id).theme;
            assert_eq!(theme("review_where"), Theme::PlaceAndTime);
            assert_eq!(theme("review_when"), Theme::PlaceAndTime);
            assert_eq!(theme("who_comes"), Theme::People);
            assert_eq!(theme("attend"), Theme::Attendance);
            assert_eq!(theme("talk_first"), Theme::Agenda);
            assert_eq!(theme("not_to_talk"), Theme::NotToDiscuss);
            assert_eq!(theme("want_break"), Theme::BreakAndLeaving);
            assert_eq!(theme("how_leave"), Theme::BreakAndLeaving);
            assert_eq!(theme("see_iro_alone"), Theme::SeeIroAlone);
            assert_eq!(theme("worries"), Theme::Worries);
            assert_eq!(theme("worry_details"), Theme::Worries);
            assert_eq!(theme("good_news"), Theme::GoodNews);
            if b.question(&QuestionId::new("chair")).is_some() {
                assert_eq!(theme("chair"), Theme::Chairing);
            }

            for id in ["review_where", "review_when", "attend", "how_leave"] {
                assert!(
                    matches!(question(&b, id).kind, AnswerKind::PickOne { .. }),
                    "{} {id}",
                    b.id
                );
            }
            let where_ = question(&b, "review_where")
                .options()
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>();
            assert_eq!(
                where_,
                ["home", "school", "office", "somewhere_else", "dont_mind"]
            );
            let attend = question(&b, "attend")
                .options()
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>();
            assert_eq!(attend, ["all", "part", "none"]);
            let who = question(&b, "who_comes");
            assert!(matches!(who.kind, AnswerKind::People { .. }));
            let people: BTreeSet<&str> = who.options().iter().map(|o| o.id.as_str()).collect();
            for p in [
                "carer",
                "social_worker",
                "mum",
                "dad",
                "brothers_sisters",
                "teacher",
                "friend",
                "advocate",
            ] {
                assert!(people.contains(p), "{} who_comes lacks {p}", b.id);
            }
            assert!(matches!(
                question(&b, "talk_first").kind,
                AnswerKind::PickAndOrder {
                    own_words: true,
                    ..
                }
            ));
            assert!(matches!(
                question(&b, "not_to_talk").kind,
                AnswerKind::PickSeveral {
                    own_words: true,
                    ..
                }
            ));
            assert_eq!(question(&b, "want_break").kind, AnswerKind::YesNotSureNo);
            assert_eq!(question(&b, "see_iro_alone").kind, AnswerKind::YesNotSureNo);
        }
    }

    #[test]
    fn safety_and_worries_are_set_up_as_the_brief_says() {
        for b in builtin_booklets() {
            let safe = question(&b, "feel_safe");
            assert_eq!(safe.kind, AnswerKind::YesNotSureNo);
            let m = safe.measure.as_ref().unwrap();
            assert_eq!((m.key.as_str(), m.kind), ("feel_safe", MeasureKind::Safety));
            assert_eq!(
                (m.positive.clone(), m.negative.clone()),
                (vec!["yes".into()], vec!["no".into()])
            );
            assert_eq!(
                m.label.0[&LocaleCode::new("en")],
                "said they feel safe where they live"
            );
            assert_eq!(safe.worry_if, ["no", "not_sure", "rather_not_say"]);

            let happy = question(&b, "happy_where_live");
            assert_eq!(happy.kind, AnswerKind::Faces);
            let m = happy.measure.as_ref().unwrap();
            assert_eq!(
                (m.key.as_str(), m.kind),
                ("happy_where_live", MeasureKind::Satisfaction)
            );
            assert_eq!(m.positive, ["happy", "very_happy"]);
            assert_eq!(m.negative, ["sad", "very_sad"]);
            assert_eq!(happy.worry_if, ["very_sad", "sad"]);

            let trusted = question(&b, "trusted_adult");
            assert_eq!(trusted.measure.as_ref().unwrap().kind, MeasureKind::Safety);
            assert_eq!(trusted.worry_if, ["no", "rather_not_say"]);

            assert_eq!(
                question(&b, "worries").worry_if,
                ["yes", "not_sure", "rather_not_say"]
            );
            let details = question(&b, "worry_details");
            assert!(matches!(details.kind, AnswerKind::OwnWords { .. }));
            let condition = details.show_if.as_ref().unwrap();
            assert_eq!(condition.question.as_str(), "worries");
            assert_eq!(condition.any_of, ["yes", "not_sure"]);
            assert!(matches!(
                question(&b, "good_news").kind,
                AnswerKind::OwnWords { .. }
            ));
            assert_eq!(question(&b, "last_review").kind, AnswerKind::Faces);
        }
    }

    #[test]
    fn measures_are_the_same_in_every_band() {
        let expected_everywhere = [
            "feel_safe",
            "happy_where_live",
            "friends_visit",
            "family_contact",
            "school",
            "health",
            "trusted_adult",
            "life_story_book",
            "know_iro",
            "contact_iro",
            "has_care_plan",
            "happy_with_care_plan",
            "last_review_good",
        ];
        let all = builtin_booklets();
        for b in &all {
            let keys: Vec<&str> = b
                .questions()
                .filter_map(|q| q.measure.as_ref())
                .map(|m| m.key.as_str())
                .collect();
            let mut expected: Vec<&str> = expected_everywhere.to_vec();
            if b.age_bands[0].is_ten_or_over() {
                expected.extend(["know_advocate", "know_complain"]);
            }
            if b.age_bands[0] == AgeBand::SixteenPlus {
                expected.extend(SIXTEEN_PLUS);
            }
            let keys: BTreeSet<&str> = keys.into_iter().collect();
            assert_eq!(
                keys,
                expected.into_iter().collect::<BTreeSet<_>>(),
                "{}",
                b.id
            );
        }
        assert_eq!(
            question(&all[0], "has_care_plan")
                .measure
                .as_ref()
                .unwrap()
                .label
                .0[&LocaleCode::new("en")],
            "said they received a copy of their care plan"
        );
        // A question with the same id is the same question in every band: same kind of answer,
        // same values, same measure and worries, so reports can compare bands.
        for b in &all[1..] {
            for q in b.questions() {
                for other in &all {
                    if let Some(o) = other.question(&q.id) {
                        assert_eq!(
                            o.theme,
                            q.theme,
                            "{} in {} and {}",
                            q.id.as_str(),
                            b.id,
                            other.id
                        );
                        assert_eq!(
                            std::mem::discriminant(&o.kind),
                            std::mem::discriminant(&q.kind),
                            "{} in {} and {}",
                            q.id.as_str(),
                            b.id,
                            other.id
                        );
                        assert_eq!(
                            o.measure,
                            q.measure,
                            "{} in {} and {}",
                            q.id.as_str(),
                            b.id,
                            other.id
                        );
                        assert_eq!(o.worry_if, q.worry_if);
                        assert_eq!(o.show_if, q.show_if);
                    }
                }
            }
        }
        // Every measure label reads as a report phrase.
        for b in &all {
            for m in b.questions().filter_map(|q| q.measure.as_ref()) {
                assert!(
                    m.label.0[&LocaleCode::new("en")].starts_with("said "),
                    "{}",
                    m.key
                );
            }
        }
    }

    #[test]
    fn older_bands_keep_every_option_of_the_youngest() {
        // Older bands may add options (pocket money, a personal adviser) but keep the shared
        // ones, so answers can be counted across bands.
        let youngest = builtin_for(AgeBand::FourToSix);
        for b in builtin_booklets() {
            for q in youngest.questions() {
                let other = question(&b, q.id.as_str());
                let older: BTreeSet<&str> = other.options().iter().map(|c| c.id.as_str()).collect();
                for option in q.options() {
                    assert!(
                        older.contains(option.id.as_str()),
                        "{} {} lacks {}",
                        b.id,
                        q.id.as_str(),
                        option.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_youngest_booklet_is_short_and_pictured() {
        let b = builtin_for(AgeBand::FourToSix);
        let en = LocaleCode::new("en");
        let questions: Vec<&Question> = b.questions().collect();
        let pictured = questions.iter().filter(|q| q.picture.is_some()).count();
        assert!(
            pictured * 10 >= questions.len() * 9,
            "a picture on most questions"
        );
        for q in &questions {
            let words = q.text.0[&en].split_whitespace().count();
            assert!(words <= 14, "{}: {words} words", q.id.as_str());
        }
        // No jargon without a plain explanation nearby.
        for q in &questions {
            let text = &q.text.0[&en];
            assert!(
                !text.contains("Independent Reviewing Officer"),
                "{}",
                q.id.as_str()
            );
        }
        // The older booklets do not use pictures on questions.
        for band in [AgeBand::TenToFifteen, AgeBand::SixteenPlus] {
            assert!(builtin_for(band).questions().all(|q| q.picture.is_none()));
        }
    }

    #[test]
    fn arabic_and_welsh_are_really_there() {
        for b in builtin_booklets() {
            for q in b.questions() {
                let en = &q.text.0[&LocaleCode::new("en")];
                let cy = &q.text.0[&LocaleCode::new("cy")];
                let ar = &q.text.0[&LocaleCode::new("ar")];
                assert_ne!(
                    en,
                    cy,
                    "{} {}: Welsh is a copy of the English",
                    b.id,
                    q.id.as_str()
                );
                assert!(
                    ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                    "{} {}: Arabic wording has no Arabic letters",
                    b.id,
                    q.id.as_str()
                );
            }
        }
    }
}

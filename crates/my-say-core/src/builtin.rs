//! The four review booklets that ship with My Say, one for each age band.
//!
//! They are ordinary booklet files (`crates/my-say-core/booklets/*.json`, in the format of
//! `docs/booklet-format.md`), made compact at build time and named after their content (see
//! `build.rs`). Every text is in English, Welsh and Arabic; the Welsh and Arabic wording needs
//! review by a native speaker before use with children. The same question has the same id and
//! measure key in every band, so reports can compare bands.
//!
//! Neither app compiles them in (docs/size.md). The child's app fetches one band's file,
//! `/booklets/` + [`builtin_file_name`], when a booklet starts, and reads it with
//! [`read_builtin`] (`src/booklets.rs`). The staff workspace fetches all four before it shows
//! anything and hands them to [`provide`] (`crates/my-say-staff/src/booklets.rs`); from then on
//! [`builtin_for`] and [`builtin_booklets`] answer from them, synchronously. With the
//! `embedded-booklets` feature (the native tests and benchmarks) the four are compiled in and
//! provided on first use, the same way.

use crate::age_band::AgeBand;
use crate::booklet::{Booklet, FORMAT_NAME, FORMAT_VERSION};
use std::sync::OnceLock;

// BUILTIN_IDS, BUILTIN_FILE_NAMES and (with the feature) BUILTIN_JSON, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The booklet files as shipped, youngest band first: `booklets/*.json` without the white space
/// between tokens (build.rs; the same JSON, a third smaller in the app).
#[cfg(feature = "embedded-booklets")]
pub const BUILTIN_FILES: [(AgeBand, &str); 4] = [
    (AgeBand::FourToSix, BUILTIN_JSON[0]),
    (AgeBand::SevenToNine, BUILTIN_JSON[1]),
    (AgeBand::TenToFifteen, BUILTIN_JSON[2]),
    (AgeBand::SixteenPlus, BUILTIN_JSON[3]),
];

/// Where `band` is in [`AgeBand::ALL`], and so in every list here.
fn index(band: AgeBand) -> usize {
    AgeBand::ALL
        .iter()
        .position(|b| *b == band)
        .unwrap_or_default()
}

/// The age band of the built-in booklet with this id, or `None` for any other booklet (a council
/// survey). A child may be given a simpler booklet than their age band's (docs/reports.md): the
/// booklet follows this band, the figures the child's own.
pub fn builtin_band(booklet_id: &str) -> Option<AgeBand> {
    let i = BUILTIN_IDS.iter().position(|id| *id == booklet_id)?;
    Some(AgeBand::ALL[i])
}

/// The name of `band`'s built-in booklet file as the child's app fetches it from `/booklets/`:
/// `<id>.<the first 16 hex digits of the compact file's SHA-256>.json`, so a changed booklet is
/// a new address and no cache can hand out the old one.
pub fn builtin_file_name(band: AgeBand) -> &'static str {
    BUILTIN_FILE_NAMES[index(band)]
}

/// Why a fetched built-in booklet file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum BuiltinFileError {
    /// It is not a booklet file this build reads (broken, cut short, or some other file): what
    /// the JSON reader said.
    Unreadable(String),
    /// It is a booklet, but not the built-in one for the band asked for (it has this id).
    OtherBooklet(String),
}

impl std::fmt::Display for BuiltinFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuiltinFileError::Unreadable(e) => write!(f, "the booklet file cannot be read: {e}"),
            BuiltinFileError::OtherBooklet(id) => write!(f, "the booklet file holds {id}"),
        }
    }
}

/// Reads `band`'s built-in booklet file, as built in or as fetched by the child's app, and it
/// must be that band's booklet, in this build's format.
///
/// It is read in one pass straight into a [`Booklet`], not through
/// [`crate::validate::parse_booklet`], which reads a file twice (once as any JSON, for its
/// header and for errors that name the field) and is for files from elsewhere. These files are
/// this build's own: build.rs made them, their names carry their content's hash, and this
/// module's tests apply every content rule to them on every build. So a child's tablet parses
/// its band's booklet once and carries none of the validator (docs/size.md).
pub fn read_builtin(band: AgeBand, json: &str) -> Result<Booklet, BuiltinFileError> {
    let booklet: Booklet =
        serde_json::from_str(json).map_err(|e| BuiltinFileError::Unreadable(e.to_string()))?;
    check_builtin(band, &booklet.format, booklet.version, &booklet.id)?;
    Ok(booklet)
}

/// Whether a built-in booklet file read as far as its `format`, `version` and `id` is `band`'s
/// booklet in this build's format ([`read_builtin`], [`crate::outline::read_outline`]).
pub(crate) fn check_builtin(
    band: AgeBand,
    format: &str,
    version: u32,
    id: &str,
) -> Result<(), BuiltinFileError> {
    if format != FORMAT_NAME || !(1..=FORMAT_VERSION).contains(&version) {
        return Err(BuiltinFileError::Unreadable(format!(
            "{format} version {version}"
        )));
    }
    if id != BUILTIN_IDS[index(band)] {
        return Err(BuiltinFileError::OtherBooklet(id.to_owned()));
    }
    Ok(())
}

/// Why [`provide`] refused the files it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvideError {
    /// The band whose file was refused.
    pub band: AgeBand,
    /// What was wrong with it.
    pub error: Box<BuiltinFileError>,
}

impl std::fmt::Display for ProvideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.band, self.error)
    }
}

/// The four built-in booklets as the app provided them ([`provide`]), youngest band first.
static PROVIDED: OnceLock<[Booklet; 4]> = OnceLock::new();

/// Reads the four built-in booklet files, youngest band first (in [`AgeBand::ALL`]'s order, as
/// fetched from `/booklets/` + [`builtin_file_name`]), each with [`read_builtin`], and keeps
/// them for [`builtin_for`] and [`builtin_booklets`] for the rest of the program. All four or
/// none: if one file is not its band's booklet, nothing is kept and the error names the band.
/// Once provided, a second call checks its files the same way but keeps the first copies (both
/// are this build's files: their names carry their content's hash).
pub fn provide(files: [&str; 4]) -> Result<(), ProvideError> {
    fill(&PROVIDED, files)
}

/// [`provide`] into `registry`.
fn fill(registry: &OnceLock<[Booklet; 4]>, files: [&str; 4]) -> Result<(), ProvideError> {
    let read = |i: usize| {
        let band = AgeBand::ALL[i];
        read_builtin(band, files[i]).map_err(|error| ProvideError {
            band,
            error: Box::new(error),
        })
    };
    let booklets = [read(0)?, read(1)?, read(2)?, read(3)?];
    // Already set: the first copies stay (see `provide`).
    let _ = registry.set(booklets);
    Ok(())
}

/// The booklet at `i` in `registry`. Asked before the booklets were provided, this panics: the
/// app must call [`provide`] before it shows anything that reads a booklet (the staff workspace
/// does, `crates/my-say-staff/src/booklets.rs`), and no answer here would be right (an empty
/// list would make summaries and reports silently wrong).
fn provided(registry: &OnceLock<[Booklet; 4]>, i: usize) -> &Booklet {
    match registry.get() {
        Some(booklets) => &booklets[i],
        None => panic!(
            "a built-in booklet was asked for before the app provided them (my_say_core::builtin::provide)"
        ),
    }
}

/// The built-in booklet at `i` in [`AgeBand::ALL`], as [`provide`]d (before that, a panic).
/// With the `embedded-booklets` feature the compiled-in copies are provided on first use, so
/// both kinds of build read the booklets one way.
fn booklet(i: usize) -> &'static Booklet {
    #[cfg(feature = "embedded-booklets")]
    if PROVIDED.get().is_none() {
        // The tests parse and validate every built-in file, so this cannot fail in a tested
        // build.
        if let Err(e) = provide(BUILTIN_JSON) {
            panic!("a built-in booklet is broken: {e}");
        }
    }
    provided(&PROVIDED, i)
}

/// The four built-in review booklets, youngest band first. Without the `embedded-booklets`
/// feature, only once the app has [`provide`]d them (before, this panics).
pub fn builtin_booklets() -> Vec<Booklet> {
    (0..AgeBand::ALL.len())
        .map(|i| booklet(i).clone())
        .collect()
}

/// The built-in review booklet for an age band. Without the `embedded-booklets` feature, only
/// once the app has [`provide`]d them (before, this panics).
pub fn builtin_for(band: AgeBand) -> Booklet {
    booklet(index(band)).clone()
}

#[cfg(all(test, feature = "embedded-booklets"))]
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
    const LIFE_NOW: [&str; 14] = [
        "feel_safe",
        "happy_where_live",
        "friends_visit",
        "family_contact",
        "school",
        "bullied",
        "safe_online",
        "health",
        "feelings",
        "trusted_adult",
        "worries",
        "worry_details",
        "good_news",
        "life_story_book",
    ];
    const PLAN: [&str; 8] = [
        "know_iro",
        "contact_iro",
        "has_care_plan",
        "happy_with_care_plan",
        "last_review",
        "listened_to",
        "views_changed",
        "anything_else",
    ];
    /// The optional sections (revision 5), each with its switch first, and the bands that have
    /// it.
    const OPTIONAL: [(&str, &[&str], &[AgeBand]); 6] = [
        (
            "meeting_more",
            &["switch_meeting", "not_want", "join_online"],
            &AgeBand::ALL,
        ),
        (
            "brothers_sisters",
            &["switch_siblings", "siblings_live_with", "siblings_see"],
            &AgeBand::ALL,
        ),
        (
            "who_i_am",
            &["switch_identity", "identity_support", "identity_words"],
            &AgeBand::ALL,
        ),
        (
            "my_story",
            &["switch_story", "know_why_in_care", "talk_why_in_care"],
            &[AgeBand::TenToFifteen, AgeBand::SixteenPlus],
        ),
        (
            "social_worker",
            &[
                "switch_social_worker",
                "know_social_worker",
                "contact_social_worker",
            ],
            &AgeBand::ALL,
        ),
        (
            "moving_on",
            &[
                "switch_moving_on",
                "staying_put",
                "know_where_live",
                "housing_words",
            ],
            &[AgeBand::SixteenPlus],
        ),
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
    fn each_file_is_named_after_its_id_and_content() {
        use sha2::{Digest, Sha256};
        for (i, (band, json)) in BUILTIN_FILES.into_iter().enumerate() {
            let hash: String = Sha256::digest(json.as_bytes())[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(
                builtin_file_name(band),
                format!("{}.{hash}.json", BUILTIN_IDS[i])
            );
        }
        // Four files, four addresses.
        let names: BTreeSet<&str> = AgeBand::ALL.into_iter().map(builtin_file_name).collect();
        assert_eq!(names.len(), 4);
    }

    #[test]
    fn a_fetched_file_is_read_only_as_its_own_band() {
        let [(young, young_json), (older, older_json), ..] = BUILTIN_FILES;
        assert_eq!(read_builtin(young, young_json), Ok(builtin_for(young)));
        assert_eq!(
            read_builtin(young, older_json),
            Err(BuiltinFileError::OtherBooklet("review-7-9".into()))
        );
        // Cut short, an error page in its place, or nothing: never a booklet, never a panic.
        for broken in [
            &older_json[..older_json.len() / 2],
            "<!doctype html><p>Not found",
            "",
        ] {
            assert!(
                matches!(
                    read_builtin(older, broken),
                    Err(BuiltinFileError::Unreadable(_))
                ),
                "{broken:.30}"
            );
        }
        // A newer format's file, or another format's, with the right id: not read either.
        assert!(older_json.contains(r#""version":3"#), "{older_json:.80}");
        for other in [
            older_json.replacen(r#""version":3"#, r#""version":9"#, 1),
            older_json.replacen(r#""version":3"#, r#""version":0"#, 1),
            older_json.replacen("my-say/booklet", "my-say/survey", 1),
        ] {
            assert!(
                matches!(
                    read_builtin(older, &other),
                    Err(BuiltinFileError::Unreadable(_))
                ),
                "{other:.80}"
            );
        }
    }

    #[test]
    fn the_registry_keeps_the_four_only_if_each_is_its_own_bands() {
        let json = BUILTIN_FILES.map(|(_, json)| json);
        let registry = OnceLock::new();
        // The 4–6 and 7–9 files the wrong way round: refused, naming the band, nothing kept.
        assert_eq!(
            fill(&registry, [json[1], json[0], json[2], json[3]]),
            Err(ProvideError {
                band: AgeBand::FourToSix,
                error: Box::new(BuiltinFileError::OtherBooklet("review-7-9".into()))
            })
        );
        assert!(registry.get().is_none());
        // One file an error page: refused for its band, the three good ones not kept either.
        let refused = fill(&registry, [json[0], json[1], json[2], "<!doctype html>"]);
        assert!(
            matches!(
                refused,
                Err(ProvideError {
                    band: AgeBand::SixteenPlus,
                    ref error
                }) if matches!(**error, BuiltinFileError::Unreadable(_))
            ),
            "{refused:?}"
        );
        assert!(registry.get().is_none());
        // The right files: each band answers with its own booklet, as compiled in.
        assert_eq!(fill(&registry, json), Ok(()));
        for (i, band) in AgeBand::ALL.into_iter().enumerate() {
            assert_eq!(provided(&registry, i), &builtin_for(band));
        }
        // Provided again with a wrong file: refused, and the first copies stay.
        assert!(fill(&registry, [json[0]; 4]).is_err());
        assert_eq!(provided(&registry, 3).id, "review-16-plus");
        // The app's own registry takes the same files.
        assert_eq!(provide(json), Ok(()));
        assert_eq!(
            PROVIDED.get().map(|b| b[2].id.as_str()),
            Some("review-10-15")
        );
    }

    #[test]
    #[should_panic(expected = "asked for before the app provided them")]
    fn a_booklet_asked_for_before_they_are_provided_is_a_panic_not_a_wrong_answer() {
        provided(&OnceLock::new(), 0);
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
            let has = |bands: &[AgeBand]| bands.contains(&band);
            let mut sections = vec!["planning", "meeting_more", "life_now", "brothers_sisters"];
            sections.push("who_i_am");
            if band.is_ten_or_over() {
                sections.push("my_story");
            }
            sections.push("social_worker");
            if band == AgeBand::SixteenPlus {
                sections.push("moving_on");
            }
            sections.push("plan");
            assert_eq!(
                b.sections.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
                sections
            );
            for (section, questions, bands) in OPTIONAL {
                if has(bands) {
                    assert_eq!(ids_in(&b, section), questions, "{band}");
                    assert!(b.sections.iter().any(|s| s.id == section && s.optional));
                }
            }
            // Only the topics' sections are optional: the rest is always asked.
            assert_eq!(
                b.optional_sections().count(),
                OPTIONAL.iter().filter(|(_, _, bands)| has(bands)).count()
            );
            let mut planning: Vec<&str> = PLANNING.to_vec();
            let mut plan: Vec<&str> = PLAN.to_vec();
            if band.is_ten_or_over() {
                planning.insert(8, "chair");
                plan.splice(2..2, ["know_advocate", "know_complain"]);
            }
            if band == AgeBand::SixteenPlus {
                let before_anything_else = plan.len() - 1;
                plan.splice(before_anything_else..before_anything_else, SIXTEEN_PLUS);
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
            "not_bullied",
            "safe_online",
            "feelings",
            "listened_to",
            "views_changed",
            "siblings_contact",
            "identity_support",
            "know_social_worker",
            "contact_social_worker",
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
                expected.extend(["know_advocate", "know_complain", "know_why_in_care"]);
            }
            if b.age_bands[0] == AgeBand::SixteenPlus {
                expected.extend(SIXTEEN_PLUS);
                expected.push("housing_plan");
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
    fn every_option_a_young_child_sees_has_a_picture_the_app_ships() {
        // Every 4–6 option has a picture (a child who cannot read yet taps the picture); 7–9
        // has one wherever 4–6 does.
        for band in [AgeBand::FourToSix, AgeBand::SevenToNine] {
            for q in builtin_for(band).questions() {
                for option in q.options() {
                    assert!(
                        option.picture.is_some(),
                        "{band} {} {} has no picture",
                        q.id.as_str(),
                        option.id
                    );
                }
            }
        }
        // Each picture is a file of the app's, simple and with no words in it.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/pictures");
        for name in crate::booklet::PICTURES {
            let svg = std::fs::read_to_string(format!("{dir}/{name}.svg"))
                .unwrap_or_else(|e| panic!("{name}.svg: {e}"));
            assert!(
                svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"),
                "{name}"
            );
            for not_allowed in ["<text", "<image", "<script", "href", "<style"] {
                assert!(!svg.contains(not_allowed), "{name}.svg has {not_allowed}");
            }
            assert!(svg.len() < 1024, "{name}.svg is not simple");
        }
    }

    #[test]
    fn the_young_ask_about_where_they_live_now_not_home() {
        // For a child in care "home" can mean their birth family's home.
        for band in [AgeBand::FourToSix, AgeBand::SevenToNine] {
            let b = builtin_for(band);
            for id in ["feel_safe", "happy_where_live", "friends_visit"] {
                for (locale, text) in &question(&b, id).text.0 {
                    let lower = text.to_lowercase();
                    for home in ["home", "gartref", "cartref", "بيت"] {
                        assert!(
                            !lower.contains(home),
                            "{band} {id} {}: {text}",
                            locale.as_str()
                        );
                    }
                }
            }
        }
        let young = builtin_for(AgeBand::FourToSix);
        let safe = &question(&young, "feel_safe").text.0;
        assert_eq!(
            safe[&LocaleCode::new("en")],
            "Do you feel safe where you live now?"
        );
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

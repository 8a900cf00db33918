//! What the survey screens work out without a browser: a survey's state on the list, which
//! field a problem is about, where a dragged question lands, the survey link, and whether it
//! fits a QR code. Tested natively.

use crate::workspace::surveys::StoredSurvey;
use my_say_core::booklet::{AnswerKind, FACES, YES_NOT_SURE_NO};
use my_say_core::survey::share::QR_MAX_BYTES;
use my_say_core::survey::{ProblemAt, QuestionPart, SurveyDraft, SurveyFile, SurveyProblem};
use my_say_core::validate::Problem;
use my_say_core::{AgeBand, LocaleCode, QuestionId};

/// Where a survey is, as the list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyState {
    /// Never published: tablets do not have it.
    Draft,
    /// Published, and nothing changed since.
    Published(u32),
    /// Published, then changed: publishing again gives the next revision.
    Changed(u32),
}

impl SurveyState {
    /// The state of a stored survey.
    pub fn of(survey: &StoredSurvey) -> SurveyState {
        match survey.published.as_ref().map(|b| b.revision) {
            None => SurveyState::Draft,
            Some(r) if survey.draft.has_unpublished_changes() => SurveyState::Changed(r),
            Some(r) => SurveyState::Published(r),
        }
    }
}

/// The id of a survey field in the builder, for links and focus. Question fields carry the
/// question's id, so they stay put when questions move.
pub fn field_id(parts: &[&str]) -> String {
    let mut id = String::from("sb");
    for p in parts {
        id.push('-');
        // Band codes ("16+", "10-15") and ids are made safe for an HTML id and a `#` link.
        id.extend(
            p.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
        );
    }
    id
}

/// The language a problem is about (missing or extra wording), or the survey's first.
fn locale_of(problem: &SurveyProblem, draft: &SurveyDraft) -> String {
    match &problem.problem {
        Problem::MissingWording { locale } | Problem::UndeclaredLocale { locale }
            if draft.locales().iter().any(|l| l.as_str() == locale) =>
        {
            locale.clone()
        }
        _ => draft
            .locales()
            .first()
            .map(|l| l.as_str().to_owned())
            .unwrap_or_else(|| "en".to_owned()),
    }
}

/// The field a problem's link moves focus to, and the question whose "wording for an age
/// group" disclosure must open first (for band wording).
pub fn problem_field(problem: &SurveyProblem, draft: &SurveyDraft) -> (String, Option<QuestionId>) {
    let locale = locale_of(problem, draft);
    match &problem.at {
        ProblemAt::Title => (field_id(&["title", &locale]), None),
        ProblemAt::Intro => (field_id(&["intro", &locale]), None),
        ProblemAt::Languages => (field_id(&["lang", &locale]), None),
        ProblemAt::AgeBands => (field_id(&["band", AgeBand::ALL[0].code()]), None),
        ProblemAt::Survey => (field_id(&["add-question"]), None),
        ProblemAt::Question { id, part, .. } => {
            let q = id.as_str();
            let field = match part {
                QuestionPart::BandText(band) => {
                    return (
                        field_id(&[q, "band", band.code(), &locale]),
                        Some(id.clone()),
                    )
                }
                QuestionPart::Help => field_id(&[q, "help", &locale]),
                QuestionPart::Kind => match draft.question(id).map(|q| &q.kind) {
                    Some(AnswerKind::OwnWords { .. }) => field_id(&[q, "max"]),
                    _ => field_id(&[q, "kind"]),
                },
                QuestionPart::Options => field_id(&[q, "add-option"]),
                QuestionPart::Option(n) => {
                    match draft
                        .question(id)
                        .and_then(|sq| sq.options().get(n.saturating_sub(1)))
                    {
                        Some(o) => field_id(&[q, "option", &o.id, &locale]),
                        None => field_id(&[q, "add-option"]),
                    }
                }
                QuestionPart::Condition => field_id(&[q, "show-if"]),
                QuestionPart::Whole
                | QuestionPart::Text
                | QuestionPart::Picture
                | QuestionPart::Worry
                | QuestionPart::Measure => field_id(&[q, "text", &locale]),
            };
            (field, None)
        }
    }
}

/// The position (from 0) a dragged question moves to, given the vertical middles of the
/// *other* questions' cards in order and where the pointer is: after every card whose middle
/// is above the pointer. This is the `to` of `SurveyDraft::move_question`.
pub fn drop_position(other_middles: &[f64], pointer_y: f64) -> usize {
    other_middles.iter().filter(|m| **m < pointer_y).count()
}

/// How far to scroll while dragging with the pointer at `pointer_y` in a window `height` tall:
/// up or down, faster nearer the edge, within the outer 60 pixels; otherwise not at all.
pub fn edge_scroll(pointer_y: f64, height: f64) -> f64 {
    const EDGE: f64 = 60.0;
    const FASTEST: f64 = 24.0;
    if height <= 2.0 * EDGE {
        0.0
    } else if pointer_y < EDGE {
        -FASTEST * (EDGE - pointer_y.max(0.0)) / EDGE
    } else if pointer_y > height - EDGE {
        FASTEST * (pointer_y.min(height) - (height - EDGE)) / EDGE
    } else {
        0.0
    }
}

/// The values a show-if condition can choose from for this kind of answer, in the order a
/// child sees them, "I'd rather not say" last. Own words have none.
pub fn condition_values(kind: &AnswerKind) -> Vec<String> {
    let mut values: Vec<String> = match kind {
        AnswerKind::YesNotSureNo => YES_NOT_SURE_NO.iter().map(|v| v.to_string()).collect(),
        AnswerKind::Faces => FACES.iter().map(|v| v.to_string()).collect(),
        AnswerKind::OwnWords { .. } => return Vec::new(),
        AnswerKind::PickOne { options }
        | AnswerKind::PickSeveral { options, .. }
        | AnswerKind::PickAndOrder { options, .. }
        | AnswerKind::People { options } => options.iter().map(|o| o.id.clone()).collect(),
    };
    values.push(my_say_core::answer::RATHER_NOT_SAY.to_owned());
    values
}

/// The survey link tablets open: `<origin>/surveys#mysay-survey.…`. The survey is in the
/// fragment, which browsers never send to a server.
pub fn survey_link(origin: &str, file: &SurveyFile) -> String {
    format!(
        "{}/surveys#{}",
        origin.trim_end_matches('/'),
        file.to_fragment()
    )
}

/// Whether a link is short enough for a QR code (`QR_MAX_BYTES`, the largest code there is).
pub fn fits_qr(link: &str) -> bool {
    link.len() <= QR_MAX_BYTES
}

/// The survey's title for lists, in `locale` or its first language; `None` when it has none.
pub fn title_of(draft: &SurveyDraft, locale: &LocaleCode) -> Option<String> {
    let fallback = draft
        .locales()
        .first()
        .cloned()
        .unwrap_or_else(|| LocaleCode::new("en"));
    let t = draft.title().get(locale, &fallback).trim().to_owned();
    (!t.is_empty()).then_some(t)
}

/// Whether anything in the survey is written in `locale` (so taking the language away would
/// lose words, and is asked about first).
pub fn has_wording(draft: &SurveyDraft, locale: &LocaleCode) -> bool {
    let written = |t: &my_say_core::Text| t.0.get(locale).is_some_and(|w| !w.trim().is_empty());
    written(draft.title())
        || written(draft.intro())
        || draft.questions().iter().any(|q| {
            written(&q.text)
                || written(&q.help)
                || q.text_by_band.values().any(written)
                || q.options().iter().any(|o| written(&o.label))
        })
}

/// Words cut to at most `max` characters (not counting the "…" that says they were cut),
/// without spaces at either end.
pub fn shorten(words: &str, max: usize) -> String {
    let words = words.trim();
    if words.chars().count() <= max {
        return words.to_owned();
    }
    let cut: String = words.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::booklet::AnswerKindType;
    use my_say_core::seal::{generate_keypair, system_rng, IroIdentity, SetupCode};

    fn en() -> LocaleCode {
        LocaleCode::new("en")
    }

    /// A survey with a yes/not sure/no question, a pick-one question and a third shown only
    /// if the first is "no".
    fn draft() -> SurveyDraft {
        let mut d = SurveyDraft::new("survey-00000000000000aa", en());
        d.set_title(&en(), "Your reviews");
        let q1 = d.add_question(AnswerKindType::YesNotSureNo);
        let q2 = d.add_question(AnswerKindType::PickOne);
        let q3 = d.add_question(AnswerKindType::OwnWords);
        d.question_mut(&q1)
            .unwrap()
            .text
            .0
            .insert(en(), "Do you go to your review?".into());
        let q = d.question_mut(&q2).unwrap();
        q.text.0.insert(en(), "Who chairs it?".into());
        q.add_option(my_say_core::Text([(en(), "My IRO".to_owned())].into()));
        q.add_option(my_say_core::Text([(en(), "Me".to_owned())].into()));
        d.question_mut(&q3)
            .unwrap()
            .text
            .0
            .insert(en(), "Why not?".into());
        d.set_condition(&q3, &q1, vec!["no".into()]).unwrap();
        d
    }

    #[test]
    fn the_state_follows_publishing_and_changes() {
        let mut survey = StoredSurvey::new(draft());
        assert_eq!(SurveyState::of(&survey), SurveyState::Draft);
        survey.published = Some(survey.draft.publish().unwrap());
        assert_eq!(SurveyState::of(&survey), SurveyState::Published(1));
        survey.draft.set_title(&en(), "Your reviews and you");
        assert_eq!(SurveyState::of(&survey), SurveyState::Changed(1));
        survey.published = Some(survey.draft.publish().unwrap());
        assert_eq!(SurveyState::of(&survey), SurveyState::Published(2));
    }

    #[test]
    fn every_problem_points_at_a_field_the_builder_draws() {
        let mut d = draft();
        d.set_title(&en(), "");
        let q2 = QuestionId::new("q2");
        let o1 = d.question(&q2).unwrap().options()[0].id.clone();
        d.question_mut(&q2)
            .unwrap()
            .option_mut(&o1)
            .unwrap()
            .label
            .0
            .clear();
        d.question_mut(&QuestionId::new("q1"))
            .unwrap()
            .text_by_band
            .insert(
                AgeBand::SixteenPlus,
                my_say_core::Text([(en(), " x".into())].into()),
            );
        d.question_mut(&QuestionId::new("q3"))
            .unwrap()
            .text
            .0
            .insert(en(), "What is your name?".into());
        d.add_locale(LocaleCode::new("cy")).unwrap();
        let problems = d.problems();
        let fields: Vec<(String, Option<QuestionId>)> =
            problems.iter().map(|p| problem_field(p, &d)).collect();
        assert!(fields.contains(&("sb-title-en".into(), None)), "{fields:?}");
        assert!(fields.contains(&("sb-title-cy".into(), None)), "{fields:?}");
        assert!(
            fields.contains(&("sb-q2-option-o1-en".into(), None)),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("sb-q3-text-en".into(), None)),
            "{fields:?}"
        );
        assert!(
            fields.contains(&("sb-q1-band-16_-cy".into(), Some(QuestionId::new("q1")))),
            "{fields:?}"
        );
        // The name question is flagged as identifying, at its wording.
        assert!(problems
            .iter()
            .any(|p| matches!(p.problem, Problem::Identifying { .. })
                && problem_field(p, &d).0 == "sb-q3-text-en"));
        // No questions at all: the link goes to "Add a question".
        let empty = SurveyDraft::new("survey-00000000000000bb", en());
        let fields: Vec<String> = empty
            .problems()
            .iter()
            .map(|p| problem_field(p, &empty).0)
            .collect();
        assert!(fields.contains(&"sb-add_question".to_owned()), "{fields:?}");
        assert!(fields.contains(&"sb-title-en".to_owned()), "{fields:?}");
    }

    #[test]
    fn wording_in_a_language_is_found_wherever_it_is() {
        let cy = LocaleCode::new("cy");
        let mut d = draft();
        d.add_locale(cy.clone()).unwrap();
        assert!(has_wording(&d, &en()));
        assert!(!has_wording(&d, &cy));
        let q2 = QuestionId::new("q2");
        let o2 = d.question(&q2).unwrap().options()[1].id.clone();
        let option = d.question_mut(&q2).unwrap().option_mut(&o2).unwrap();
        option.label.0.insert(cy.clone(), "Fi".into());
        assert!(has_wording(&d, &cy));
        d.question_mut(&q2)
            .unwrap()
            .option_mut(&o2)
            .unwrap()
            .label
            .0
            .insert(cy.clone(), "  ".into());
        assert!(!has_wording(&d, &cy), "blank words are not wording");
        d.question_mut(&QuestionId::new("q1"))
            .unwrap()
            .text_by_band
            .insert(
                AgeBand::FourToSix,
                my_say_core::Text([(cy.clone(), "Wyt ti'n mynd?".into())].into()),
            );
        assert!(has_wording(&d, &cy));
    }

    #[test]
    fn long_words_are_cut_short_for_menus() {
        assert_eq!(shorten("  Do you go?  ", 20), "Do you go?");
        assert_eq!(shorten("Do you go to your own review?", 10), "Do you go…");
        // Characters, not bytes: Welsh and Arabic letters are never split.
        assert_eq!(shorten("ŵŵŵŵ", 2), "ŵŵ…");
    }

    #[test]
    fn a_dragged_question_lands_after_every_card_above_the_pointer() {
        // Three other cards with middles at 100, 300 and 500.
        let middles = [100.0, 300.0, 500.0];
        assert_eq!(drop_position(&middles, 20.0), 0);
        assert_eq!(drop_position(&middles, 150.0), 1);
        assert_eq!(drop_position(&middles, 499.0), 2);
        assert_eq!(drop_position(&middles, 900.0), 3);
        assert_eq!(drop_position(&[], 10.0), 0);
    }

    #[test]
    fn dragging_near_an_edge_scrolls_that_way() {
        assert_eq!(edge_scroll(400.0, 800.0), 0.0);
        assert_eq!(edge_scroll(0.0, 800.0), -24.0);
        assert_eq!(edge_scroll(30.0, 800.0), -12.0);
        assert_eq!(edge_scroll(800.0, 800.0), 24.0);
        assert_eq!(edge_scroll(770.0, 800.0), 12.0);
        // A window too small to have a middle never scrolls.
        assert_eq!(edge_scroll(10.0, 100.0), 0.0);
    }

    #[test]
    fn condition_values_follow_the_kind_and_end_with_rather_not_say() {
        let d = draft();
        let q2 = d.question(&QuestionId::new("q2")).unwrap();
        assert_eq!(condition_values(&q2.kind), ["o1", "o2", "rather_not_say"]);
        let q1 = d.question(&QuestionId::new("q1")).unwrap();
        assert_eq!(
            condition_values(&q1.kind),
            ["yes", "not_sure", "no", "rather_not_say"]
        );
        let q3 = d.question(&QuestionId::new("q3")).unwrap();
        assert!(condition_values(&q3.kind).is_empty());
    }

    #[test]
    fn a_short_survey_link_reads_back_and_fits_a_qr_code() {
        let mut d = draft();
        let booklet = d.publish().unwrap();
        let (_, public) = generate_keypair(&mut system_rng());
        let identity = IroIdentity::new("Sam Patel", public).unwrap();
        let file = SurveyFile::new(booklet, SetupCode::new(vec![identity]).unwrap()).unwrap();
        let link = survey_link("https://my-say.example/", &file);
        assert!(link.starts_with("https://my-say.example/surveys#mysay-survey."));
        assert_eq!(SurveyFile::from_fragment(&link).unwrap(), file);
        assert!(fits_qr(&link));
        assert!(!fits_qr(&"x".repeat(QR_MAX_BYTES + 1)));
        assert_eq!(
            title_of(&d, &LocaleCode::new("cy")).as_deref(),
            Some("Your reviews")
        );
        assert_eq!(title_of(&SurveyDraft::new("survey-1", en()), &en()), None);
    }
}

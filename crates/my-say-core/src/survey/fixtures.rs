//! A survey built the way a council would, shared by the survey module's tests.

use super::builder::SurveyDraft;
use crate::age_band::AgeBand;
use crate::answer::{Answer, Answers, Pick};
use crate::booklet::AnswerKindType;
use crate::booklet::QuestionId;
use crate::child::ChildDetails;
use crate::record::CompletedBooklet;
use crate::seal::{generate_keypair, IroIdentity, PrivateKey, SetupCode};
use crate::text::{LocaleCode, Text};
use rand_core::SeedableRng;

pub(crate) fn en() -> LocaleCode {
    LocaleCode::new("en")
}

pub(crate) fn cy() -> LocaleCode {
    LocaleCode::new("cy")
}

pub(crate) fn rng(seed: u8) -> chacha20::ChaCha20Rng {
    chacha20::ChaCha20Rng::from_seed([seed; 32])
}

/// Wording in English and Welsh.
pub(crate) fn both(words: &str) -> Text {
    let mut t = Text::en(words);
    t.0.insert(cy(), format!("{words} (cy)"));
    t
}

/// A survey for 7–9, 10–15 and 16+ in English and Welsh, questions in this order:
/// q1 yes/not sure/no "Do you know how to contact your IRO?";
/// q2 pick several with own words (o1 shorter, o2 my topics first, o3 not at school);
/// q3 own words, shown if q1 is "no" or "not_sure";
/// q4 faces, with other wording for 16+;
/// q5 pick one (o1 phone, o2 text);
/// q6 people (o1 carer, o2 friend);
/// q7 pick and order (o1 a, o2 b).
pub(crate) fn draft() -> SurveyDraft {
    let mut d = SurveyDraft::new("survey-0123456789abcdef", en());
    d.add_locale(cy()).unwrap();
    d.set_age_bands(&[
        AgeBand::SevenToNine,
        AgeBand::TenToFifteen,
        AgeBand::SixteenPlus,
    ]);
    d.set_title(&en(), "Your reviews: have your say");
    d.set_title(&cy(), "Dy adolygiadau");
    d.set_intro(&en(), "This survey is anonymous.");
    d.set_intro(&cy(), "Mae'r arolwg hwn yn ddienw.");

    let q1 = d.add_question(AnswerKindType::YesNotSureNo);
    d.question_mut(&q1).unwrap().text = both("Do you know how to contact your IRO?");

    let q2 = d.add_question(AnswerKindType::PickSeveral);
    let q = d.question_mut(&q2).unwrap();
    q.text = both("What would make reviews better?");
    q.add_option(both("Shorter meetings")).unwrap();
    q.add_option(both("Start with my topics")).unwrap();
    q.add_option(both("Not at school")).unwrap();
    q.set_own_words(true);

    let q3 = d.add_question(AnswerKindType::OwnWords);
    d.question_mut(&q3).unwrap().text = both("What would help you contact your IRO?");
    d.set_condition(&q3, &q1, vec!["no".into(), "not_sure".into()])
        .unwrap();

    let q4 = d.add_question(AnswerKindType::Faces);
    let q = d.question_mut(&q4).unwrap();
    q.text = both("How did your last review go?");
    q.text_by_band.insert(
        AgeBand::SixteenPlus,
        both("How useful was your last review?"),
    );

    let q5 = d.add_question(AnswerKindType::PickOne);
    let q = d.question_mut(&q5).unwrap();
    q.text = both("How would you like to hear from your IRO?");
    q.add_option(both("Phone call")).unwrap();
    q.add_option(both("Text message")).unwrap();

    let q6 = d.add_question(AnswerKindType::People);
    let q = d.question_mut(&q6).unwrap();
    q.text = both("Who would you like at your review?");
    q.add_option(both("My carer")).unwrap();
    q.add_option(both("A friend")).unwrap();

    let q7 = d.add_question(AnswerKindType::PickAndOrder);
    let q = d.question_mut(&q7).unwrap();
    q.text = both("What should come first?");
    q.add_option(both("School")).unwrap();
    q.add_option(both("Family")).unwrap();
    d
}

pub(crate) fn qid(id: &str) -> QuestionId {
    QuestionId::new(id)
}

pub(crate) fn picked(v: &str) -> Answer {
    Answer::Picked(v.into())
}

/// A finished survey with a hex id made from `n`.
pub(crate) fn response(
    survey_id: &str,
    n: u32,
    band: AgeBand,
    answers: &[(&str, Answer)],
) -> CompletedBooklet {
    let answers: Answers = answers.iter().map(|(id, a)| (qid(id), a.clone())).collect();
    CompletedBooklet {
        id: format!("{n:032x}"),
        booklet_id: survey_id.to_owned(),
        booklet_revision: 1,
        locale: en(),
        age_band: band,
        child: ChildDetails::default(),
        answers,
        completed_at: format!("2026-05-{:02}T10:{:02}:00Z", 1 + n % 28, n % 60),
    }
}

pub(crate) fn own(words: &str) -> Pick {
    Pick::Own(words.into())
}

pub(crate) fn option(id: &str) -> Pick {
    Pick::Option(id.into())
}

/// The council lead's key pair and a set-up for them.
pub(crate) fn lead() -> (PrivateKey, SetupCode) {
    let (sk, pk) = generate_keypair(&mut rng(7));
    let code =
        SetupCode::new(vec![IroIdentity::new("Ama Mensah (CICC lead)", pk).unwrap()]).unwrap();
    (sk, code)
}

//! Example data for trying the IRO workspace: a few hundred fictional booklets across the
//! current and the previous reporting year, in every age band, with follow-ups and settings.
//!
//! Everything is made up and generated the same way every time from a fixed seed, so a
//! newcomer, a trainer and the tests all see the same workspace for the same day. Only the
//! dates move with `today`: the previous reporting year is filled from 1 April to 31 March,
//! the current one from 1 April up to `today`, so the report for "this year" always has
//! something in it. Case references start with `DEMO-` so that an exported file cannot be
//! mistaken for a real one.
//!
//! The answers are shaped to give every screen something to show: most children feel safe,
//! some are worried (their follow-ups open, most closed with a note, a few overdue), some
//! would rather not say, a few skip; friends visiting and life story books are the most common
//! complaints; the youngest children mostly skip "do you know how to contact your IRO", so that
//! cell is suppressed as "fewer than 5".
//!
//! [`demo_survey`] adds a Children in Care Council survey: sixty anonymous answers (three from
//! 4–6 year olds, so that band is suppressed), free-text answers partly grouped into themes,
//! and a filled-in "You said, we did".

#[cfg(feature = "synthetic")]
pub mod synthetic;

use crate::age_band::AgeBand;
use crate::answer::{Answer, Answers, Pick, RATHER_NOT_SAY};
use crate::booklet::{AnswerKind, AnswerKindType, Booklet, Measure, Question};
use crate::builtin::builtin_for;
use crate::calendar::{default_bank_holidays, Date, ReportingYear};
use crate::child::ChildDetails;
use crate::export::WorkspaceSettings;
use crate::followup::{open_follow_ups, FollowUp, FollowUpAction, FollowUpActionKind};
use crate::record::CompletedBooklet;
use crate::session::Session;
use crate::survey::{
    About, ActionStatus, FreeTextKey, SurveyDraft, ThemeBook, ThemeId, WeDid, YouSaidWeDid,
};
use crate::text::{LocaleCode, Text};
use crate::validate::values_of;

/// Booklets in the previous reporting year.
pub const DEMO_PREVIOUS_YEAR: usize = 180;
/// Booklets in the current reporting year (up to the day the data is made for).
pub const DEMO_CURRENT_YEAR: usize = 150;
/// The number of children in care the example workspace has entered for take-up.
pub const DEMO_CHILDREN_IN_CARE: u32 = 560;
/// The seed: the same one every time, so the example data never changes for a given day.
const SEED: u64 = 0x6d79_5f73_6179_2121;

/// An example workspace: booklets, their follow-ups, read marks and settings.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoData {
    /// Every booklet, the previous year's first (each year's in no particular order; the
    /// workspace orders them).
    pub booklets: Vec<CompletedBooklet>,
    /// A follow-up for every worrying answer; older ones closed with a note.
    pub follow_ups: Vec<FollowUp>,
    /// Booklets the example IRO has read, with when (RFC 3339).
    pub read: Vec<(String, String)>,
    /// Bank holidays (the England and Wales list) and the number of children in care.
    pub settings: WorkspaceSettings,
}

/// SplitMix64: tiny, fast and the same on every platform, which is all example data needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FIRST_NAMES: [&str; 40] = [
    "Amira", "Tia", "Kai", "Siân", "Dylan", "Yusuf", "Leah", "Ffion", "Omar", "Chloe", "Rhys",
    "Nasrin", "Jayden", "Zoë", "Callum", "Mariam", "Ellie", "Osian", "Bilal", "Grace", "Tomás",
    "Layla", "Harvey", "Megan", "Ibrahim", "Sky", "Lowri", "Noah", "Aisha", "Reece", "Nia",
    "Jamal", "Poppy", "Cerys", "Ahmed", "Kayla", "Liam", "Hana", "Macy", "Iwan",
];
const INITIALS: &str = "ABCDEFGHJKLMNPRSTW";

/// Own words, by language: worries, good news, anything else.
const WORRIES_EN: [&str; 6] = [
    "Someone at school keeps calling me names.",
    "I don't know when I will see my dad again.",
    "I'm worried about moving to a new house.",
    "My phone got taken away and I can't talk to my friends.",
    "I don't think anyone listens to me at home.",
    "I'm scared about what happens when I turn 18.",
];
const GOOD_NEWS_EN: [&str; 7] = [
    "I got into the football team.",
    "I passed my swimming badge.",
    "I made a new friend called Jo.",
    "I started a part-time job on Saturdays.",
    "We went to the seaside and I saw a seal.",
    "I got a certificate for good attendance.",
    "I'm learning to play the drums.",
];
const ANYTHING_ELSE_EN: [&str; 5] = [
    "Can my review be after school please?",
    "I'd like my nan to come to my review.",
    "Please don't talk about my mum in front of everyone.",
    "Can we have biscuits?",
    "I want to see my brother more.",
];
const WORRIES_CY: [&str; 2] = [
    "Dw i'n poeni am weld fy mam.",
    "Mae rhywun yn yr ysgol yn gas wrtha i.",
];
const GOOD_NEWS_CY: [&str; 2] = [
    "Ges i seren aur yn yr ysgol.",
    "Dw i wedi dechrau gwersi nofio.",
];
const WORRIES_AR: [&str; 2] = ["أنا قلق بشأن رؤية أمي.", "لا أفهم ما يحدث في المدرسة."];
const GOOD_NEWS_AR: [&str; 2] = ["حصلت على نجمة في المدرسة.", "بدأت دروس السباحة."];

/// What the example IRO wrote when closing a follow-up.
const CLOSING_NOTES: [&str; 4] = [
    "Talked it through with the child and their carer; the social worker is arranging extra support.",
    "Already known to the social worker; a safety plan is in place and was checked with the child.",
    "The child said it is sorted now; checked with the carer, who agreed.",
    "Raised with the school's safeguarding lead, who is meeting the child this week.",
];
const EXPLORING_NOTES: [&str; 2] = [
    "Spoke with the child on the phone; they want to talk about it at the review.",
    "Left a message for the social worker.",
];

/// Out of 100: how many children give a positive answer and how many a negative one, for a
/// measure, an age band and a year (0 the previous year, 1 the current). The rest are "not
/// sure" (or the middle face).
fn shares(measure: &str, band: AgeBand, year: usize) -> (u64, u64) {
    let young = matches!(band, AgeBand::FourToSix | AgeBand::SevenToNine);
    let (positive, negative): (u64, u64) = match measure {
        "feel_safe" => (94, 3),
        "happy_where_live" => (82, 7),
        "friends_visit" if band == AgeBand::FourToSix => (45, 40),
        "friends_visit" => (68, 22),
        "life_story_book" => (48, 38),
        "family_contact" => (74, 16),
        "trusted_adult" => (90, 4),
        "contact_iro" if young => (55, 30),
        "know_advocate" => (60, 30),
        "know_complain" => (66, 24),
        "has_care_plan" => (86, 8),
        "happy_with_care_plan" => (78, 9),
        "pathway_plan" => (80, 14),
        "ready_for_independence" => (52, 26),
        "know_entitlements" => (57, 33),
        "not_bullied" if young => (84, 9),
        "not_bullied" => (88, 7),
        "safe_online" => (85, 5),
        "feelings" => (70, 9),
        "listened_to" if young => (78, 9),
        "listened_to" => (69, 14),
        "views_changed" => (58, 20),
        "siblings_contact" => (50, 38),
        "know_social_worker" => (88, 6),
        "contact_social_worker" => (71, 17),
        "identity_support" => (74, 12),
        "know_why_in_care" => (72, 16),
        "housing_plan" => (47, 35),
        _ => (80, 10),
    };
    // Things got a little better this year, except friends visiting, which got worse.
    match (year, measure) {
        (1, "friends_visit") => (positive.saturating_sub(4), negative + 4),
        (1, _) => (positive + 3, negative.saturating_sub(2)),
        _ => (positive, negative),
    }
}

/// Generates the answers of one booklet question by question, in booklet order.
struct Child<'a> {
    rng: &'a mut Rng,
    band: AgeBand,
    year: usize,
    locale: &'a str,
    /// How many 4–6 year olds answered "how to contact your IRO" this year so far.
    contact_iro_answers: &'a mut u32,
}

impl Child<'_> {
    fn words(&mut self, en: &[&str], cy: &[&str], ar: &[&str]) -> Answer {
        let list = match self.locale {
            "cy" => cy,
            "ar" => ar,
            _ => en,
        };
        Answer::Words((*self.rng.pick(list)).to_owned())
    }

    fn options<'q>(&mut self, q: &'q Question, most: u64) -> Vec<&'q str> {
        let mut all: Vec<&str> = values_of(&q.kind);
        let mut chosen = Vec::new();
        let n = 1 + self.rng.below(most);
        for _ in 0..n.min(all.len() as u64) {
            let i = self.rng.below(all.len() as u64) as usize;
            chosen.push(all.remove(i));
        }
        chosen
    }

    /// An answer to a measured question: positive, negative or in between in the shares of
    /// [`shares`]. A yes / not sure / no question answers with its measure's own positive and
    /// negative values ("no" is positive for "Is anyone bullying you?").
    fn measured(&mut self, q: &Question, m: &Measure) -> Option<Answer> {
        if self.rng.chance(3) {
            return None; // skipped
        }
        if self.rng.chance(3) {
            return Some(Answer::RatherNotSay);
        }
        let (positive, negative) = shares(&m.key, self.band, self.year);
        let roll = self.rng.below(100);
        let faces = matches!(q.kind, AnswerKind::Faces);
        let first = |values: &[String], or: &'static str| {
            values.first().map_or(or.to_owned(), String::clone)
        };
        let value = if roll < positive {
            if faces {
                (*self.rng.pick(&["happy", "very_happy"])).to_owned()
            } else {
                first(&m.positive, "yes")
            }
        } else if roll < positive + negative {
            if faces {
                (*self.rng.pick(&["sad", "sad", "very_sad"])).to_owned()
            } else {
                first(&m.negative, "no")
            }
        } else if faces {
            "ok".to_owned()
        } else {
            "not_sure".to_owned()
        };
        Some(Answer::Picked(value))
    }

    fn answer(&mut self, q: &Question, so_far: &Answers) -> Option<Answer> {
        let id = q.id.as_str();
        if id == "contact_iro" && self.band == AgeBand::FourToSix {
            // The youngest mostly leave this one: only three a year answer it, so the cell is
            // suppressed ("fewer than 5").
            if *self.contact_iro_answers >= 3 {
                return None;
            }
            *self.contact_iro_answers += 1;
        }
        if let Some(m) = &q.measure {
            return self.measured(q, m);
        }
        match id {
            "worries" => {
                let roll = self.rng.below(100);
                let value = match roll {
                    0..=11 => "yes",
                    12..=21 => "not_sure",
                    22..=25 => RATHER_NOT_SAY,
                    _ => "no",
                };
                Some(if value == RATHER_NOT_SAY {
                    Answer::RatherNotSay
                } else {
                    Answer::Picked(value.to_owned())
                })
            }
            "worry_details" => {
                let worried = so_far
                    .get(&crate::booklet::QuestionId::new("worries"))
                    .is_some_and(|a| a.matches("yes") || a.matches("not_sure"));
                (worried && self.rng.chance(80))
                    .then(|| self.words(&WORRIES_EN, &WORRIES_CY, &WORRIES_AR))
            }
            "good_news" => self
                .rng
                .chance(60)
                .then(|| self.words(&GOOD_NEWS_EN, &GOOD_NEWS_CY, &GOOD_NEWS_AR)),
            "anything_else" => (self.locale == "en" && self.rng.chance(25))
                .then(|| Answer::Words((*self.rng.pick(&ANYTHING_ELSE_EN)).to_owned())),
            _ => self.unmeasured(q),
        }
    }

    fn unmeasured(&mut self, q: &Question) -> Option<Answer> {
        if self.rng.chance(4) {
            return None;
        }
        if self.rng.chance(2) {
            return Some(Answer::RatherNotSay);
        }
        match &q.kind {
            AnswerKind::YesNotSureNo => Some(Answer::Picked(
                (*self.rng.pick(&["yes", "yes", "not_sure", "no"])).to_owned(),
            )),
            AnswerKind::Faces => Some(Answer::Picked(
                (*self.rng.pick(&["ok", "happy", "very_happy"])).to_owned(),
            )),
            AnswerKind::PickOne { .. } => {
                let values = values_of(&q.kind);
                Some(Answer::Picked((*self.rng.pick(&values)).to_owned()))
            }
            AnswerKind::People { .. } => {
                let mut picks: Vec<Pick> = self
                    .options(q, 3)
                    .into_iter()
                    .map(|o| Pick::Option(o.to_owned()))
                    .collect();
                if self.rng.chance(15) {
                    picks.push(Pick::Own(
                        (*self.rng.pick(&["my nan", "Auntie Jo", "my coach"])).to_owned(),
                    ));
                }
                Some(Answer::PickedMany(picks))
            }
            AnswerKind::PickAndOrder { .. } | AnswerKind::PickSeveral { .. } => {
                Some(Answer::PickedMany(
                    self.options(q, 3)
                        .into_iter()
                        .map(|o| Pick::Option(o.to_owned()))
                        .collect(),
                ))
            }
            AnswerKind::OwnWords { .. } => None,
        }
    }
}

/// The band of the `n`th booklet of a year: about 15% 4–6, 20% 7–9, 45% 10–15 and 20% 16+.
fn band_for(rng: &mut Rng) -> AgeBand {
    match rng.below(20) {
        0..=2 => AgeBand::FourToSix,
        3..=6 => AgeBand::SevenToNine,
        7..=15 => AgeBand::TenToFifteen,
        _ => AgeBand::SixteenPlus,
    }
}

/// The example workspace as it would look on `today`. The same `today` always gives the same
/// data.
pub fn demo_workspace(today: Date) -> DemoData {
    let mut rng = Rng(SEED);
    let holidays = default_bank_holidays();
    let definitions: Vec<Booklet> = AgeBand::ALL.iter().map(|b| builtin_for(*b)).collect();
    let current = ReportingYear::containing(today);
    let years = [
        (current.previous(), DEMO_PREVIOUS_YEAR, 364),
        (
            current,
            DEMO_CURRENT_YEAR,
            current.start().days_until(today),
        ),
    ];
    let mut booklets = Vec::new();
    let mut follow_ups = Vec::new();
    let mut read = Vec::new();
    let mut serial = 0u32;
    for (year_index, (year, count, span)) in years.into_iter().enumerate() {
        let mut contact_iro_answers = 0;
        for _ in 0..count {
            serial += 1;
            let band = band_for(&mut rng);
            let definition =
                &definitions[AgeBand::ALL.iter().position(|b| *b == band).unwrap_or(0)];
            let locale = match rng.below(20) {
                0 | 1 => "cy",
                2 => "ar",
                _ => "en",
            };
            let day = year
                .start()
                .add_days(rng.below(span.max(0) as u64 + 1) as i64);
            let completed_at = format!("{day}T{:02}:{:02}:00Z", 9 + rng.below(8), rng.below(60));
            let mut answers = Answers::new();
            let mut child = Child {
                rng: &mut rng,
                band,
                year: year_index,
                locale,
                contact_iro_answers: &mut contact_iro_answers,
            };
            for q in definition.questions() {
                // Only what the child was shown: an optional topic's questions wait for its
                // switch, "Tell me about it" for a worry.
                if !Session::new(definition, band, &answers).is_visible(&q.id) {
                    continue;
                }
                if let Some(a) = child.answer(q, &answers) {
                    answers.insert(q.id.clone(), a);
                }
            }
            let name = format!(
                "{} {}.",
                rng.pick(&FIRST_NAMES),
                INITIALS.as_bytes()[rng.below(INITIALS.len() as u64) as usize] as char
            );
            let id = format!("{:016x}{:016x}", rng.next(), rng.next());
            let booklet = CompletedBooklet {
                id: id.clone(),
                booklet_id: definition.id.clone(),
                booklet_revision: definition.revision,
                locale: LocaleCode::new(locale),
                age_band: band,
                child: ChildDetails {
                    name,
                    age_band: Some(band),
                    date_of_birth: None,
                    review_date: day.add_days(7 + rng.below(14) as i64).to_string(),
                    iro_name: Some("Sam Example".to_owned()),
                    iro_contact: None,
                    case_reference: Some(format!("DEMO-{serial:04}")),
                    took_part: Vec::new(),
                    hidden_people: Vec::new(),
                },
                answers,
                completed_at,
            };
            // The example IRO opened each booklet the day after it was finished (or today).
            let opened = day.add_days(1).min(today);
            let age = opened.days_until(today);
            for mut f in open_follow_ups(&booklet, definition, opened, &holidays) {
                if age > 14 || rng.chance(30) {
                    let step = |kind, notes: &[&str], after: i64, rng: &mut Rng| FollowUpAction {
                        kind,
                        note: (*rng.pick(notes)).to_owned(),
                        date: opened.add_days(after).min(today),
                    };
                    if rng.chance(50) {
                        let a = step(
                            FollowUpActionKind::ExploredWithChild,
                            &EXPLORING_NOTES,
                            1,
                            &mut rng,
                        );
                        let _ = f.record(a);
                    }
                    if age > 14 {
                        let kind = if rng.chance(70) {
                            FollowUpActionKind::ActionTaken
                        } else {
                            FollowUpActionKind::NoFurtherAction
                        };
                        let a = step(kind, &CLOSING_NOTES, 2, &mut rng);
                        let _ = f.record(a);
                    }
                }
                follow_ups.push(f);
            }
            if age > 14 || rng.chance(50) {
                read.push((id, format!("{opened}T10:00:00Z")));
            }
            booklets.push(booklet);
        }
    }
    DemoData {
        booklets,
        follow_ups,
        read,
        settings: WorkspaceSettings {
            bank_holidays: holidays,
            children_in_care: Some(DEMO_CHILDREN_IN_CARE),
            ..Default::default()
        },
    }
}

/// The example council survey's id.
pub const DEMO_SURVEY_ID: &str = "survey-de30000000000001";
/// Children who finished the example survey: 3 aged 4–6 (fewer than five, so their figures
/// are suppressed), 14 aged 7–9, 28 aged 10–15 and 15 aged 16 and over.
pub const DEMO_SURVEY_BANDS: [(AgeBand, usize); 4] = [
    (AgeBand::FourToSix, 3),
    (AgeBand::SevenToNine, 14),
    (AgeBand::TenToFifteen, 28),
    (AgeBand::SixteenPlus, 15),
];
/// The example survey's own seed, apart from the booklets' so neither changes the other.
const SURVEY_SEED: u64 = 0x6375_7276_6579_2121;

/// The example Children in Care Council survey: the survey as built and published, the
/// anonymous answers that came back, the themes the council grouped the free-text answers
/// into, and their "You said, we did".
#[derive(Clone, Debug, PartialEq)]
pub struct DemoSurvey {
    /// The survey as the builder keeps it (published once).
    pub draft: SurveyDraft,
    /// The published survey (revision 1), as tablets have it.
    pub published: Booklet,
    /// Finished surveys, with no child details.
    pub answers: Vec<CompletedBooklet>,
    /// Three themes, with most of the free-text answers about them already in them; the rest
    /// are left for the person trying it out to group.
    pub themes: ThemeBook,
    /// A filled-in "You said, we did", with nothing to fix on the day it is made for.
    pub you_said: YouSaidWeDid,
}

/// Wording in English, Welsh and Arabic.
fn words3(en: &str, cy: &str, ar: &str) -> Text {
    let mut t = Text::en(en);
    t.0.insert(LocaleCode::new("cy"), cy.to_owned());
    t.0.insert(LocaleCode::new("ar"), ar.to_owned());
    t
}

/// Free-text answers to "what would help you get in touch with your IRO?", each with the
/// theme (by number, from 0) the council put it in.
const CONTACT_WORDS: [(&str, Option<usize>); 5] = [
    ("A card with my IRO's phone number on it.", Some(0)),
    ("If my IRO texted me first.", Some(0)),
    ("I don't know who my IRO is.", Some(0)),
    ("Being able to message them on my phone.", Some(0)),
    ("Seeing them on my own before the review.", Some(2)),
];
/// Free-text answers to "anything else you want the council to know?".
const ANYTHING_ELSE_WORDS: [(&str, Option<usize>); 7] = [
    (
        "Please don't have my review at school, everyone knows.",
        Some(1),
    ),
    (
        "My review was in the head teacher's office and I hated it.",
        Some(1),
    ),
    ("Nobody asks what I think.", Some(2)),
    ("I want to say what happens, not just listen.", Some(2)),
    ("I want my review somewhere I feel comfortable.", None),
    ("I want to see my brothers and sisters more.", None),
    ("My social worker keeps changing.", None),
];
/// Children's own additions to "what would make your reviews better?".
const BETTER_OWN_WORDS: [&str; 3] = [
    "Have snacks at my review",
    "Let me bring my dog",
    "Have it at the youth club",
];
/// The names of the example themes, in order.
const DEMO_THEMES: [&str; 3] = [
    "Contacting the IRO",
    "Reviews at school",
    "Being listened to",
];

/// The example survey as it would look on `today`: the same `today` always gives the same
/// survey, answers, themes and "You said, we did". Answers were finished in the six weeks
/// before `today`; done actions are dated before it and planned ones after it.
pub fn demo_survey(today: Date) -> DemoSurvey {
    let (en, cy, ar) = (
        LocaleCode::new("en"),
        LocaleCode::new("cy"),
        LocaleCode::new("ar"),
    );
    let mut d = SurveyDraft::new(DEMO_SURVEY_ID, en.clone());
    for l in [&cy, &ar] {
        d.add_locale(l.clone()).expect("a plain language code");
    }
    let set = |text: &mut Text, t: Text| *text = t;
    let title = words3(
        "Your reviews and your IRO",
        "Dy adolygiadau a dy IRO",
        "مراجعاتك ومسؤول المراجعة المستقل",
    );
    let intro = words3(
        "The Children in Care Council wants to know what you think. You don't give your name.",
        "Mae'r Cyngor Plant mewn Gofal eisiau gwybod beth rwyt ti'n ei feddwl. Dwyt ti ddim yn rhoi dy enw.",
        "يريد مجلس الأطفال في الرعاية أن يعرف رأيك. لا تكتب اسمك.",
    );
    for l in [&en, &cy, &ar] {
        d.set_title(l, title.0.get(l).map_or("", String::as_str));
        d.set_intro(l, intro.0.get(l).map_or("", String::as_str));
    }
    let q1 = d.add_question(AnswerKindType::YesNotSureNo);
    set(
        &mut d.question_mut(&q1).expect("just added").text,
        words3(
            "Do you know how to contact your IRO?",
            "Wyt ti'n gwybod sut i gysylltu â dy IRO?",
            "هل تعرف كيف تتواصل مع مسؤول المراجعة المستقل الخاص بك؟",
        ),
    );
    let q2 = d.add_question(AnswerKindType::Faces);
    set(
        &mut d.question_mut(&q2).expect("just added").text,
        words3(
            "How did your last review go?",
            "Sut aeth dy adolygiad diwethaf?",
            "كيف كانت مراجعتك الأخيرة؟",
        ),
    );
    let q3 = d.add_question(AnswerKindType::PickSeveral);
    {
        let q = d.question_mut(&q3).expect("just added");
        q.text = words3(
            "What would make your reviews better?",
            "Beth fyddai'n gwneud dy adolygiadau'n well?",
            "ما الذي يجعل مراجعاتك أفضل؟",
        );
        for (e, c, a) in [
            ("Shorter meetings", "Cyfarfodydd byrrach", "اجتماعات أقصر"),
            (
                "Start with what I want to talk about",
                "Dechrau gyda'r hyn dw i eisiau siarad amdano",
                "البدء بما أريد التحدث عنه",
            ),
            ("Not at my school", "Nid yn fy ysgol", "ليس في مدرستي"),
            (
                "I choose who comes",
                "Fi sy'n dewis pwy sy'n dod",
                "أنا أختار من يحضر",
            ),
        ] {
            q.add_option(words3(e, c, a)).expect("a new option");
        }
        q.set_own_words(true);
    }
    let q4 = d.add_question(AnswerKindType::OwnWords);
    set(
        &mut d.question_mut(&q4).expect("just added").text,
        words3(
            "What would help you get in touch with your IRO?",
            "Beth fyddai'n dy helpu i gysylltu â dy IRO?",
            "ما الذي يساعدك على التواصل مع مسؤول المراجعة المستقل؟",
        ),
    );
    d.set_condition(&q4, &q1, vec!["no".into(), "not_sure".into()])
        .expect("an earlier question");
    let q5 = d.add_question(AnswerKindType::OwnWords);
    set(
        &mut d.question_mut(&q5).expect("just added").text,
        words3(
            "Is there anything else you want the council to know?",
            "Oes unrhyw beth arall rwyt ti eisiau i'r cyngor ei wybod?",
            "هل هناك أي شيء آخر تريد أن يعرفه المجلس؟",
        ),
    );
    let published = d.publish().expect("the example survey has no problems");

    let mut themes = ThemeBook::new(DEMO_SURVEY_ID);
    let theme_ids: Vec<ThemeId> = DEMO_THEMES
        .iter()
        .map(|name| themes.add_theme(name).expect("distinct names"))
        .collect();

    let mut rng = Rng(SURVEY_SEED);
    let mut answers = Vec::new();
    for (band, count) in DEMO_SURVEY_BANDS {
        for _ in 0..count {
            let id = format!("{:016x}{:016x}", rng.next(), rng.next());
            let mut a = Answers::new();
            let young = matches!(band, AgeBand::FourToSix | AgeBand::SevenToNine);
            // Knowing how to contact the IRO: fewer of the younger children do.
            let contact = match rng.below(100) {
                n if n < if young { 40 } else { 60 } => Some("yes"),
                n if n < 80 => Some("no"),
                n if n < 92 => Some("not_sure"),
                n if n < 96 => None,
                _ => Some(RATHER_NOT_SAY),
            };
            if let Some(v) = contact {
                a.insert(q1.clone(), picked(v));
            }
            if !rng.chance(5) {
                let face = *rng.pick(&[
                    "very_sad",
                    "sad",
                    "ok",
                    "ok",
                    "happy",
                    "happy",
                    "very_happy",
                ]);
                a.insert(q2.clone(), picked(face));
            }
            if !rng.chance(6) {
                let mut picks: Vec<Pick> = ["o1", "o2", "o3", "o4"]
                    .iter()
                    .filter(|_| rng.chance(45))
                    .map(|o| Pick::Option((*o).to_owned()))
                    .collect();
                if rng.chance(10) {
                    picks.push(Pick::Own((*rng.pick(&BETTER_OWN_WORDS)).to_owned()));
                }
                if picks.is_empty() {
                    picks.push(Pick::Option("o1".to_owned()));
                }
                a.insert(q3.clone(), Answer::PickedMany(picks));
            }
            let shown_q4 = matches!(contact, Some("no" | "not_sure"));
            let mut free = Vec::new();
            if shown_q4 && rng.chance(75) {
                let (words, theme) = *rng.pick(&CONTACT_WORDS);
                a.insert(q4.clone(), Answer::Words(words.to_owned()));
                free.push((q4.clone(), theme));
            }
            if rng.chance(45) {
                let (words, theme) = *rng.pick(&ANYTHING_ELSE_WORDS);
                a.insert(q5.clone(), Answer::Words(words.to_owned()));
                free.push((q5.clone(), theme));
            }
            for (question, theme) in free {
                if let Some(t) = theme {
                    themes
                        .assign(&FreeTextKey::of(&id, &question, 0), &theme_ids[t])
                        .expect("a theme of this book");
                }
            }
            let day = today.add_days(-(1 + rng.below(42) as i64));
            answers.push(CompletedBooklet {
                id,
                booklet_id: DEMO_SURVEY_ID.to_owned(),
                booklet_revision: published.revision,
                locale: LocaleCode::new(if rng.chance(15) { "cy" } else { "en" }),
                age_band: band,
                child: ChildDetails::default(),
                answers: a,
                // A survey keeps only the day (`Draft::finish`). The hour and minute are
                // still drawn, so the rest of the example stays as it was.
                completed_at: {
                    let _hour_minute = (rng.below(6), rng.below(60));
                    day.to_string()
                },
            });
        }
    }

    let mut you_said = YouSaidWeDid::new(
        &format!("You said, we did: reviews {}", today.year()),
        Some(DEMO_SURVEY_ID),
    );
    you_said.intro =
        "What children in care told the Children in Care Council, and what happened next.".into();
    let action = |what: &str, days: i64, status| WeDid::new(what, today.add_days(days), status);
    let e1 = you_said.add_entry(
        About::Theme(theme_ids[0].clone()),
        "You told us you don't know how to get in touch with your IRO.",
    );
    you_said.entry_mut(&e1).expect("just added").actions = vec![
        action(
            "We made IRO business cards with a photo, a phone number and an email address, and sent one to every child in care.",
            -60,
            ActionStatus::Done,
        ),
        action(
            "Every IRO will text you a week before your review to ask what you want to talk about.",
            45,
            ActionStatus::Planned,
        ),
    ];
    let e2 = you_said.add_entry(
        About::Question(q3.clone()),
        "You said reviews are too long, and should start with what you want to talk about.",
    );
    you_said.entry_mut(&e2).expect("just added").actions = vec![action(
        "Reviews now start with your own topics, and you can ask for a break at any time.",
        -21,
        ActionStatus::Done,
    )];
    let e3 = you_said.add_entry(
        About::General,
        "At our summer fun day you said you want to see your brothers and sisters more.",
    );
    you_said.entry_mut(&e3).expect("just added").actions = vec![action(
        "Social workers will look at time with brothers and sisters at every review.",
        90,
        ActionStatus::Planned,
    )];

    DemoSurvey {
        draft: d,
        published,
        answers,
        themes,
        you_said,
    }
}

fn picked(value: &str) -> Answer {
    if value == RATHER_NOT_SAY {
        Answer::RatherNotSay
    } else {
        Answer::Picked(value.to_owned())
    }
}

/// Whether every answer of `booklet` fits its question and was shown to the child (used by the
/// tests, and a check any generated data can be put through).
pub fn answers_fit(booklet: &CompletedBooklet, definition: &Booklet) -> bool {
    let session = Session::new(definition, booklet.age_band, &booklet.answers);
    booklet.answers.iter().all(|(id, answer)| {
        definition
            .question(id)
            .is_some_and(|q| crate::session::accepts(q, answer) && session.is_visible(id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::builtin_booklets;
    use crate::export::WorkspaceExport;
    use crate::followup::FollowUpStatus;
    use crate::report::{Cell, ReportIndex};
    use crate::summary::definition_for;
    use std::collections::HashSet;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_same_day_gives_the_same_data() {
        let a = demo_workspace(d("2026-11-23"));
        assert_eq!(a, demo_workspace(d("2026-11-23")));
        assert_eq!(a.booklets.len(), DEMO_PREVIOUS_YEAR + DEMO_CURRENT_YEAR);
        let ids: HashSet<&str> = a.booklets.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids.len(), a.booklets.len(), "ids are unique");
        assert!(a
            .booklets
            .iter()
            .all(|b| b.id.len() == 32 && b.id.bytes().all(|c| c.is_ascii_hexdigit())));
        assert!(a.booklets.iter().all(|b| b
            .child
            .case_reference
            .as_deref()
            .unwrap()
            .starts_with("DEMO-")));
    }

    #[test]
    fn two_reporting_years_and_every_age_band() {
        for today in ["2026-11-23", "2027-03-31", "2026-04-01", "2024-02-29"] {
            let today = d(today);
            let data = demo_workspace(today);
            let current = ReportingYear::containing(today);
            for (year, expected) in [
                (current.previous(), DEMO_PREVIOUS_YEAR),
                (current, DEMO_CURRENT_YEAR),
            ] {
                let in_year: Vec<&CompletedBooklet> = data
                    .booklets
                    .iter()
                    .filter(|b| year.period().contains(d(b.completed_on())))
                    .collect();
                assert_eq!(in_year.len(), expected, "{year} on {today}");
                for band in AgeBand::ALL {
                    let n = in_year.iter().filter(|b| b.age_band == band).count();
                    assert!(n >= 15, "{band} in {year} on {today}: only {n}");
                }
            }
            assert!(data.booklets.iter().all(|b| d(b.completed_on()) <= today));
        }
    }

    #[test]
    fn every_answer_fits_its_question_and_was_shown() {
        let data = demo_workspace(d("2026-11-23"));
        let definitions = builtin_booklets();
        for b in &data.booklets {
            let def = definition_for(b, &definitions).expect("a built-in booklet");
            assert!(answers_fit(b, def), "booklet {}", b.child.name);
            assert!(!b.answers.is_empty());
        }
        let all = || data.booklets.iter().flat_map(|b| b.answers.values());
        assert!(all().any(|a| *a == Answer::RatherNotSay));
        assert!(all().any(|a| matches!(a, Answer::Words(_))));
        assert!(all().any(
            |a| matches!(a, Answer::PickedMany(p) if p.iter().any(|x| matches!(x, Pick::Own(_))))
        ));
        for locale in ["en", "cy", "ar"] {
            assert!(data.booklets.iter().any(|b| b.locale.as_str() == locale));
        }
    }

    #[test]
    fn every_report_figure_has_something_to_show_and_suppression_appears() {
        let today = d("2026-11-23");
        let data = demo_workspace(today);
        let definitions = builtin_booklets();
        let index = ReportIndex::new(&definitions);
        let report = index
            .prepare(&data.booklets)
            .report_for_year(ReportingYear::containing(today));
        assert_eq!(report.booklets as usize, DEMO_CURRENT_YEAR);
        assert_eq!(report.comparison_booklets as usize, DEMO_PREVIOUS_YEAR);
        for row in &report.measures {
            assert!(
                row.current.overall.counts().is_some(),
                "{} overall is shown",
                row.key
            );
        }
        let safe = report.measure("feel_safe").unwrap();
        for band in AgeBand::ALL {
            let p = safe.current.get(Some(band)).percent_positive().unwrap();
            assert!((80..=100).contains(&p), "{band}: {p}%");
            assert!(safe.change(Some(band)).is_some());
        }
        // The youngest seldom answer "how to contact your IRO": suppressed in both years.
        let contact = report.measure("contact_iro").unwrap();
        assert_eq!(
            contact.current.get(Some(AgeBand::FourToSix)),
            &Cell::Suppressed
        );
        assert_eq!(
            contact
                .previous
                .as_ref()
                .unwrap()
                .get(Some(AgeBand::FourToSix)),
            &Cell::Suppressed
        );
        // Pathway plans are only asked of 16+.
        let pathway = report.measure("pathway_plan").unwrap();
        assert_eq!(
            pathway.current.get(Some(AgeBand::FourToSix)),
            &Cell::NotAsked
        );
        let issues = report.top_issues(5);
        assert_eq!(issues.len(), 5);
        assert!(issues
            .iter()
            .any(|i| i.key == "life_story_book" || i.key == "friends_visit"));
        let take_up = report.take_up(data.settings.children_in_care.unwrap());
        assert_eq!(take_up.percent, Some(27)); // 150 of 560 = 26.8%
        assert_eq!(take_up.met, Some(false));
    }

    #[test]
    fn follow_ups_open_for_worries_and_most_are_done() {
        let today = d("2026-11-23");
        let data = demo_workspace(today);
        let ids: HashSet<&str> = data.booklets.iter().map(|b| b.id.as_str()).collect();
        assert!(data
            .follow_ups
            .iter()
            .all(|f| ids.contains(f.booklet_id.as_str())));
        let status = |s| {
            data.follow_ups
                .iter()
                .filter(|f| f.status(today) == s)
                .count()
        };
        let (closed, open, overdue) = (
            status(FollowUpStatus::Closed),
            status(FollowUpStatus::Open),
            status(FollowUpStatus::Overdue),
        );
        assert!(closed > 50, "{closed} closed");
        assert!(open + overdue > 0, "{open} open, {overdue} overdue");
        assert!(data
            .follow_ups
            .iter()
            .all(|f| f.closed.is_none() || f.actions.iter().any(|a| !a.note.is_empty())));
        // Every worrying answer has its follow-up, and none twice.
        let definitions = builtin_booklets();
        let expected: usize = data
            .booklets
            .iter()
            .map(|b| {
                crate::followup::worrying_questions(b, definition_for(b, &definitions).unwrap())
                    .len()
            })
            .sum();
        assert_eq!(data.follow_ups.len(), expected);
        let unique: HashSet<String> = data.follow_ups.iter().map(FollowUp::id).collect();
        assert_eq!(unique.len(), expected);
        // Some booklets are read, some are new.
        assert!(!data.read.is_empty() && data.read.len() < data.booklets.len());
    }

    #[test]
    fn the_data_travels_as_a_workspace_export() {
        let data = demo_workspace(d("2026-11-23"));
        let export = WorkspaceExport::new(
            "2026-11-23T10:00:00Z",
            data.booklets.clone(),
            data.follow_ups.clone(),
            data.settings.clone(),
        );
        let back = WorkspaceExport::parse(&export.to_json()).unwrap();
        assert_eq!(back, export);
    }

    #[test]
    fn the_example_survey_has_results_themes_and_a_you_said_we_did() {
        use crate::survey::{survey_results, Breakdown};
        for today in ["2026-11-23", "2027-01-01", "2024-02-29"] {
            let today = d(today);
            let s = demo_survey(today);
            assert_eq!(s, demo_survey(today), "the same day gives the same survey");
            assert_eq!(s.published.id, DEMO_SURVEY_ID);
            assert_eq!(s.answers.len(), 60);
            for b in &s.answers {
                assert!(answers_fit(b, &s.published), "answers fit and were shown");
                assert_eq!(b.child, ChildDetails::default(), "anonymous");
                let on = d(b.completed_on());
                assert!(on < today && on >= today.add_days(-42));
            }
            let ids: HashSet<&str> = s.answers.iter().map(|b| b.id.as_str()).collect();
            assert_eq!(ids.len(), 60);
            let r = survey_results(&s.published, &s.answers, Some(&s.themes));
            assert_eq!(r.responses, 60);
            // Three 4–6 year olds: their band is "fewer than 5" everywhere, and 7–9 (the
            // nearest band) is withheld wherever they answered, so that all ages minus the
            // shown bands does not give their figures away.
            assert_eq!(r.responses_by_band, [None, None, Some(28), Some(15)]);
            assert_eq!(r.responses_withheld, [false, true, false, false]);
            for q in &r.questions {
                assert_eq!(q.bands[0], Breakdown::Suppressed, "question {}", q.number);
                assert!(q.overall.counts().is_some(), "question {}", q.number);
                // Never one band hidden alone: at least two are.
                let hidden = q.bands.iter().filter(|b| b.counts().is_none()).count();
                assert!(hidden >= 2, "question {}: {:?}", q.number, q.bands);
            }
            assert!(r
                .questions
                .iter()
                .any(|q| q.bands[1] == Breakdown::Withheld));
            // The condition hides question 4 from children who know how to contact their IRO.
            assert!(r.questions[3].overall.counts().unwrap().not_shown > 10);
            let free: Vec<_> = r.questions.iter().flat_map(|q| &q.free_text).collect();
            assert!(free.len() > 20, "{} free-text answers", free.len());
            assert!(
                free.iter().any(|f| f.themes.is_empty()),
                "some left to group"
            );
            assert_eq!(r.themes.len(), 3);
            assert!(r.themes.iter().all(|t| t.answers >= 2), "{:?}", r.themes);
            // Nothing to fix, so the poster prints, with done before planned.
            assert_eq!(
                s.you_said
                    .problems(today, Some(&s.published), Some(&s.themes)),
                vec![]
            );
            let poster = s
                .you_said
                .poster(
                    today,
                    &LocaleCode::new("en"),
                    Some(&s.published),
                    Some(&s.themes),
                )
                .unwrap();
            assert_eq!(poster.rows.len(), 3);
            assert_eq!(poster.rows[0].about.as_deref(), Some("Contacting the IRO"));
            assert_eq!(poster.rows[0].we_did[0].status, ActionStatus::Done);
            assert_eq!(
                poster.rows[1].about.as_deref(),
                Some("What would make your reviews better?")
            );
        }
    }
}

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

use crate::age_band::AgeBand;
use crate::answer::{Answer, Answers, Pick, RATHER_NOT_SAY};
use crate::booklet::{AnswerKind, Booklet, Question};
use crate::builtin::builtin_for;
use crate::calendar::{default_bank_holidays, Date, ReportingYear};
use crate::child::ChildDetails;
use crate::export::WorkspaceSettings;
use crate::followup::{open_follow_ups, FollowUp, FollowUpAction, FollowUpActionKind};
use crate::record::CompletedBooklet;
use crate::session::Session;
use crate::text::LocaleCode;
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

    fn measured(&mut self, q: &Question, key: &str) -> Option<Answer> {
        if self.rng.chance(3) {
            return None; // skipped
        }
        if self.rng.chance(3) {
            return Some(Answer::RatherNotSay);
        }
        let (positive, negative) = shares(key, self.band, self.year);
        let roll = self.rng.below(100);
        let faces = matches!(q.kind, AnswerKind::Faces);
        let value = if roll < positive {
            if faces {
                *self.rng.pick(&["happy", "very_happy"])
            } else {
                "yes"
            }
        } else if roll < positive + negative {
            if faces {
                *self.rng.pick(&["sad", "sad", "very_sad"])
            } else {
                "no"
            }
        } else if faces {
            "ok"
        } else {
            "not_sure"
        };
        Some(Answer::Picked(value.to_owned()))
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
            return self.measured(q, &m.key);
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
            other: Default::default(),
        },
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
}

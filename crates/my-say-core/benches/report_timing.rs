//! How long a yearly report takes for 1,000, 10,000 and 100,000 booklets.
//!
//! Run with `cargo bench -p my-say-core --bench report_timing`. A plain program (no
//! benchmark framework, `harness = false`): it builds four age-band booklets shaped like the
//! built-in ones (about 40 questions, 18 measures), fills in booklets spread over two
//! reporting years with pseudo-random answers, and prints the best and median time of
//! several runs of:
//!
//! - **full**: `ReportIndex::new` + `prepare` (the one pass over every booklet) +
//!   `report_for_year` (which also counts the previous year for trends);
//! - **report**: `report_for_year` from already prepared `ReportData`, which is what the
//!   app does each time the IRO changes the period;
//!
//! plus the answers CSV export for scale. The target is well under 100 ms for 100,000
//! booklets.

use my_say_core::booklet::{
    AnswerKind, Booklet, BookletKind, Choice, Measure, MeasureKind, Question, QuestionId, Section,
    Theme, FORMAT_NAME, FORMAT_VERSION,
};
use my_say_core::calendar::ReportingYear;
use my_say_core::export::answers_csv;
use my_say_core::report::ReportIndex;
use my_say_core::{AgeBand, Answer, Answers, ChildDetails, CompletedBooklet, LocaleCode, Text};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAFETY: [&str; 2] = ["feel_safe", "trusted_adult"];
const SATISFACTION: [&str; 16] = [
    "happy_where_live",
    "friends_visit",
    "family_contact",
    "school",
    "health",
    "know_iro",
    "contact_iro",
    "know_advocate",
    "know_complain",
    "has_care_plan",
    "happy_with_care_plan",
    "last_review_good",
    "life_story_book",
    "pathway_plan",
    "ready_for_independence",
    "know_entitlements",
];
const PLAIN: [&str; 22] = [
    "where",
    "when",
    "who_comes",
    "talk_first",
    "not_talk",
    "break",
    "leave",
    "chair",
    "see_iro_alone",
    "worries",
    "good_news",
    "attend",
    "food",
    "hobbies",
    "pets",
    "room",
    "pocket_money",
    "phone",
    "bedtime",
    "holidays",
    "religion",
    "anything_else",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn question(id: &str, kind: AnswerKind, measure: Option<MeasureKind>) -> Question {
    Question {
        id: QuestionId::new(id),
        theme: Theme::Other,
        text: Text::en(id),
        text_by_band: Default::default(),
        help: None,
        picture: None,
        kind,
        yes: None,
        no: None,
        measure: measure.map(|kind| Measure {
            key: id.into(),
            kind,
            label: Text::en(id),
            positive: vec!["yes".into(), "happy".into(), "very_happy".into()],
            negative: vec!["no".into(), "sad".into(), "very_sad".into()],
        }),
        worry_if: vec!["no".into()],
        show_if: None,
    }
}

fn booklets() -> Vec<Booklet> {
    AgeBand::ALL
        .iter()
        .map(|band| {
            let mut questions = Vec::new();
            for id in SAFETY {
                questions.push(question(id, AnswerKind::Faces, Some(MeasureKind::Safety)));
            }
            for id in SATISFACTION {
                questions.push(question(
                    id,
                    AnswerKind::YesNotSureNo,
                    Some(MeasureKind::Satisfaction),
                ));
            }
            for id in PLAIN {
                let options = ["a", "b", "c", "d"]
                    .iter()
                    .map(|o| Choice {
                        id: (*o).into(),
                        label: Text::en(o),
                        picture: None,
                    })
                    .collect();
                questions.push(question(
                    id,
                    AnswerKind::PickSeveral {
                        options,
                        own_words: true,
                    },
                    None,
                ));
            }
            Booklet {
                format: FORMAT_NAME.into(),
                version: FORMAT_VERSION,
                id: format!("review-{}", band.code()),
                revision: 1,
                kind: BookletKind::Review,
                age_bands: vec![*band],
                locales: vec![LocaleCode::new("en")],
                title: Text::en("review"),
                intro: None,
                sections: vec![Section {
                    id: "all".into(),
                    title: Text::en("all"),
                    optional: false,
                    questions,
                }],
            }
        })
        .collect()
}

fn completed(n: usize, rng: &mut Rng) -> Vec<CompletedBooklet> {
    let faces = ["very_sad", "sad", "ok", "happy", "very_happy"];
    let yns = ["yes", "not_sure", "no"];
    (0..n)
        .map(|i| {
            let band = AgeBand::ALL[rng.below(4) as usize];
            let mut answers = Answers::new();
            for id in SAFETY.iter().chain(SATISFACTION.iter()).chain(PLAIN.iter()) {
                let roll = rng.below(20);
                if roll == 0 {
                    continue; // skipped
                }
                let answer = if roll == 1 {
                    Answer::RatherNotSay
                } else if SAFETY.contains(id) {
                    Answer::Picked(faces[rng.below(5) as usize].into())
                } else if SATISFACTION.contains(id) {
                    Answer::Picked(yns[rng.below(3) as usize].into())
                } else {
                    Answer::Words("Something in my own words".into())
                };
                answers.insert(QuestionId::new(id), answer);
            }
            // Two reporting years: 2024/25 and 2025/26 (times before 23:00 UTC, so a booklet on
            // 31 March 2026 is still on that day in BST).
            let day = rng.below(730);
            let date = my_say_core::calendar::Date::new(2024, 4, 1)
                .unwrap()
                .add_days(day as i64);
            CompletedBooklet {
                id: format!("{i:032x}"),
                booklet_id: format!("review-{}", band.code()),
                booklet_revision: 1,
                locale: LocaleCode::new("en"),
                age_band: band,
                child: ChildDetails {
                    name: "Sam".into(),
                    age_band: Some(band),
                    review_date: "2025-06-01".into(),
                    ..Default::default()
                },
                answers,
                completed_at: format!("{date}T{:02}:{:02}:00Z", rng.below(23), rng.below(60)),
            }
        })
        .collect()
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

fn main() {
    let defs = booklets();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let year = ReportingYear::starting_in(2025);
    println!("full = ReportIndex::new + prepare (one pass over the booklets) + report_for_year");
    println!("report = report_for_year from prepared ReportData (this year and last)");
    for n in [1_000, 10_000, 100_000] {
        let data = completed(n, &mut rng);
        let runs = if n >= 100_000 { 7 } else { 21 };
        let (full_best, full_median) = time(runs, || {
            let index = ReportIndex::new(black_box(&defs));
            black_box(index.report_for_year(black_box(&data), year));
        });
        let prepared = ReportIndex::new(&defs).prepare(&data);
        let (report_best, report_median) = time(runs, || {
            black_box(black_box(&prepared).report_for_year(year));
        });
        let report = prepared.report_for_year(year);
        assert_eq!(report.booklets + report.comparison_booklets, n as u32);
        let (csv_best, _) = time(3, || {
            black_box(answers_csv(black_box(&data), &defs));
        });
        println!(
            "{n:>7} booklets: full best {:>7.2} ms (median {:>7.2}) | report best {:>6.3} ms \
             (median {:>6.3}) | answers CSV {:>7.1} ms",
            full_best.as_secs_f64() * 1e3,
            full_median.as_secs_f64() * 1e3,
            report_best.as_secs_f64() * 1e3,
            report_median.as_secs_f64() * 1e3,
            csv_best.as_secs_f64() * 1e3,
        );
    }
}

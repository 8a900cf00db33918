//! A child given a simpler booklet than their age band's (issue 15, item 4): the adult starts
//! the 7–9 booklet for a 13-year-old. The child fills in the 7–9 booklet, with its wording, its
//! worries and its review; the IRO's summary says which booklet they used; and the reports
//! count them in 10–15, their real band. See docs/reports.md.

use my_say_core::answer::Answer;
use my_say_core::booklet::QuestionId;
use my_say_core::calendar::{Date, ReportingYear};
use my_say_core::followup::open_follow_ups;
use my_say_core::report::{Cell, ReportIndex};
use my_say_core::session::Draft;
use my_say_core::summary::summarise;
use my_say_core::{builtin_band, builtin_booklets, builtin_for, AgeBand, ChildDetails};
use my_say_core::{CompletedBooklet, LocaleCode, TakingPart};

const REAL: AgeBand = AgeBand::TenToFifteen;
const SIMPLER: AgeBand = AgeBand::SevenToNine;

/// A 10–15 child on the 7–9 booklet answers "do you feel safe" with `feel_safe` and finishes.
fn finish_simpler(n: usize, feel_safe: &str) -> (Draft, CompletedBooklet) {
    let booklet = builtin_for(SIMPLER);
    let child = ChildDetails {
        name: format!("Child {n}"),
        age_band: Some(REAL),
        review_date: "2026-12-01".into(),
        took_part: vec![TakingPart::ReadToThem, TakingPart::Symbols],
        ..ChildDetails::default()
    };
    let mut d = Draft::new(
        &booklet,
        REAL,
        child,
        LocaleCode::new("en"),
        "2026-11-22T10:00:00Z",
    );
    let id = QuestionId::new("feel_safe");
    d.set_answer(
        &booklet,
        &id,
        Answer::Picked(feel_safe.into()),
        "2026-11-22T10:05:00Z",
    )
    .unwrap();
    let done = d.finish(&booklet, &format!("{n:032x}"), "2026-11-22T10:15:00Z");
    (d, done)
}

#[test]
fn the_child_fills_in_the_simpler_booklet_and_keeps_their_own_band() {
    let (draft, done) = finish_simpler(1, "no");
    assert_eq!(draft.booklet_band(), SIMPLER);
    assert_eq!(done.booklet_id, builtin_for(SIMPLER).id);
    assert_eq!(builtin_band(&done.booklet_id), Some(SIMPLER));
    assert_eq!(done.age_band, REAL);
    assert_eq!(
        done.child.took_part,
        [TakingPart::ReadToThem, TakingPart::Symbols]
    );
    // The review lists the 7–9 booklet's questions in its wording, and keeps the answer.
    let booklet = builtin_for(SIMPLER);
    let session = draft.session(&booklet);
    let safe = booklet.question(&QuestionId::new("feel_safe")).unwrap();
    assert_eq!(session.text_of(safe), &safe.text);
    assert!(session
        .review()
        .iter()
        .any(|item| item.question.id.as_str() == "feel_safe" && item.answer.is_some()));
    // "No" to feeling safe is a worry on the 7–9 booklet whatever the child's band.
    assert_eq!(session.worries(), vec![QuestionId::new("feel_safe")]);
    let opened = open_follow_ups(&done, &booklet, Date::parse("2026-11-23").unwrap(), &[]);
    assert_eq!(opened.len(), 1);
}

#[test]
fn the_summary_says_which_booklet_the_child_used() {
    let (_, done) = finish_simpler(1, "no");
    let booklet = builtin_for(SIMPLER);
    let summary = summarise(&done, Some(&booklet));
    assert_eq!(summary.simpler_booklet, Some(SIMPLER));
    assert_eq!(summary.worries, 1);
    // A child on their own band's booklet used no simpler one.
    let mut own = done.clone();
    own.age_band = SIMPLER;
    assert_eq!(summarise(&own, Some(&booklet)).simpler_booklet, None);
}

#[test]
fn a_child_given_a_simpler_booklet_is_counted_in_their_real_band() {
    let defs = builtin_booklets();
    let index = ReportIndex::new(&defs);
    let done: Vec<CompletedBooklet> = (0..6)
        .map(|n| finish_simpler(n, if n == 0 { "no" } else { "yes" }).1)
        .collect();
    let year = ReportingYear::containing(Date::parse("2026-11-22").unwrap());
    let report = index.report_for_year(&done, year);
    assert_eq!(report.unknown_booklets, 0);
    let safe = report.measure("feel_safe").unwrap();
    let real = safe.current.get(Some(REAL)).counts().unwrap();
    assert_eq!((real.answered, real.positive, real.negative), (6, 5, 1));
    // Nobody is counted in 7–9, the band of the booklet they used.
    assert_eq!(safe.current.get(Some(SIMPLER)), &Cell::Suppressed);
    assert_eq!(safe.current.overall.counts().unwrap().answered, 6);
}

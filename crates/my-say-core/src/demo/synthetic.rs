//! Any number of made-up finished booklets, for the benchmarks (`synthetic` feature; see
//! docs/performance.md). Shaped like the example workspace's (the same answer shares, the same
//! wording in three languages, the built-in booklets), spread evenly over two reporting years,
//! and the same every time for the same `n`. Never compiled into the app children use.

use super::{band_for, Child, Rng};
use crate::age_band::AgeBand;
use crate::answer::Answers;
use crate::booklet::Booklet;
use crate::builtin::builtin_for;
use crate::calendar::ReportingYear;
use crate::child::ChildDetails;
use crate::record::CompletedBooklet;
use crate::text::LocaleCode;

/// The seed: apart from the example workspace's, so neither changes the other.
const SEED: u64 = 0x7379_6e74_6865_7469;

/// The reporting years the booklets fall in: 2024/25 and 2025/26 (the report for 2025/26
/// compares with the year before, so both are counted).
pub const SYNTHETIC_YEARS: [i32; 2] = [2024, 2025];

/// `n` finished booklets, half in each of [`SYNTHETIC_YEARS`], every age band, in English,
/// Welsh and Arabic; case references start with `SYNTH-`.
/// They are made one at a time as the iterator is read, so a benchmark can keep only some.
pub fn synthetic_booklets(n: usize) -> impl Iterator<Item = CompletedBooklet> {
    let mut rng = Rng(SEED);
    let definitions: Vec<Booklet> = AgeBand::ALL.iter().map(|b| builtin_for(*b)).collect();
    (0..n).map(move |i| {
        let year_index = i % 2;
        let year = ReportingYear::starting_in(SYNTHETIC_YEARS[year_index]);
        let band = band_for(&mut rng);
        let definition = &definitions[AgeBand::ALL.iter().position(|b| *b == band).unwrap_or(0)];
        let locale = match rng.below(20) {
            0 | 1 => "cy",
            2 => "ar",
            _ => "en",
        };
        let day = year.start().add_days(rng.below(365) as i64);
        let completed_at = format!("{day}T{:02}:{:02}:00Z", 9 + rng.below(8), rng.below(60));
        let mut answers = Answers::new();
        // A fresh count per booklet: unlike the example workspace, no cell is kept small.
        let mut contact_iro_answers = 0;
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
        CompletedBooklet {
            id: format!("{:016x}{:016x}", rng.next(), rng.next()),
            booklet_id: definition.id.clone(),
            booklet_revision: definition.revision,
            locale: LocaleCode::new(locale),
            age_band: band,
            child: ChildDetails {
                name: format!("Child {}", i + 1),
                age_band: Some(band),
                date_of_birth: None,
                review_date: day.add_days(14).to_string(),
                iro_name: Some("Sam Example".to_owned()),
                iro_contact: None,
                case_reference: Some(format!("SYNTH-{:06}", i + 1)),
                ..ChildDetails::default()
            },
            answers,
            completed_at,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::builtin_booklets;
    use crate::demo::answers_fit;
    use crate::report::ReportIndex;
    use crate::summary::definition_for;
    use std::collections::BTreeSet;

    #[test]
    fn the_same_n_gives_the_same_booklets_that_fit_and_fill_both_years() {
        let a: Vec<_> = synthetic_booklets(400).collect();
        assert_eq!(a, synthetic_booklets(400).collect::<Vec<_>>());
        assert_eq!(synthetic_booklets(10).collect::<Vec<_>>()[..], a[..10]);
        let ids: BTreeSet<&str> = a.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids.len(), 400);
        let definitions = builtin_booklets();
        for b in &a {
            assert!(answers_fit(b, definition_for(b, &definitions).unwrap()));
        }
        let report = ReportIndex::new(&definitions)
            .prepare(&a)
            .report_for_year(ReportingYear::starting_in(2025));
        assert_eq!(report.booklets, 200);
        assert_eq!(report.comparison_booklets, 200);
    }
}

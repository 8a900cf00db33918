//! The full yearly report over 1,000, 10,000 and 100,000 made-up booklets of the built-in
//! booklets (`demo::synthetic`: every age band, three languages, two reporting years), as the
//! IRO's reports page computes it. The browser's figures for the same work come from
//! `npm run bench` (src/bench.rs); see docs/performance.md.
//!
//! Run with `cargo bench -p my-say-core --features synthetic --bench report_builtin`. A plain
//! program (`harness = false`) printing the best and median of several runs of:
//!
//! - **first pass**: `ReportIndex::prepare`, once over every booklet (what opening the reports
//!   page costs once its booklets are read);
//! - **report**: `report_for_year` (this year and last, every measure and band) plus the top
//!   issues, from the prepared figures (what each change of period costs).

use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::ReportingYear;
use my_say_core::demo::synthetic::synthetic_booklets;
use my_say_core::report::ReportIndex;
use std::hint::black_box;
use std::time::{Duration, Instant};

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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let definitions = builtin_booklets();
    let year = ReportingYear::starting_in(2025);
    println!("built-in booklets; first pass = ReportIndex::prepare; report = report_for_year + top issues");
    for n in [1_000, 10_000, 100_000] {
        let booklets: Vec<_> = synthetic_booklets(n).collect();
        let runs = if n >= 100_000 { 5 } else { 15 };
        let (first_best, first_median) = time(runs, || {
            black_box(ReportIndex::new(&definitions).prepare(black_box(&booklets)));
        });
        let data = ReportIndex::new(&definitions).prepare(&booklets);
        let (report_best, report_median) = time(runs * 3, || {
            let report = black_box(&data).report_for_year(year);
            black_box(report.top_issues(5));
        });
        let report = data.report_for_year(year);
        assert_eq!(report.booklets + report.comparison_booklets, n as u32);
        println!(
            "{n:>7} booklets: first pass best {:>8.2} ms (median {:>8.2}) | report best {:>7.3} ms (median {:>7.3})",
            ms(first_best),
            ms(first_median),
            ms(report_best),
            ms(report_median),
        );
    }
}

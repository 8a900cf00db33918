//! Safety, being-heard and satisfaction figures by age band, trends, top issues and take-up.
//!
//! What every figure means is documented in `docs/reports.md`. In short:
//!
//! - **answered** counts children who gave an answer other than "I'd rather not say".
//!   Skipped questions and "I'd rather not say" are left out of the denominator; the number
//!   who said "I'd rather not say" is reported beside it.
//! - **% positive** is `positive / answered`, rounded half up to a whole number with integer
//!   arithmetic ([`percent_half_up`]): 12.5% prints as 13%, 12.4% as 12%.
//! - A cell where fewer than [`SUPPRESS_BELOW`] (5) children answered is
//!   [`Cell::Suppressed`]: it carries no counts and no percentage.
//! - Then, so that no hidden figure can be worked out by subtracting the shown bands from all
//!   ages, one more cell of the row may be hidden as [`Cell::Withheld`] ([`suppress_line`],
//!   secondary suppression).
//! - Each shown cell has its positive, OK (neither positive nor negative) and negative counts;
//!   each row says which answers count as positive and negative ([`MeasureRow::positive_values`]).
//! - Change since the previous year is the difference of the two printed (rounded)
//!   percentages, in percentage points, only where neither year is suppressed.
//!
//! Reports are made in two steps. [`ReportIndex::prepare`] reads every booklet once: each
//! booklet definition's measured questions are prepared once, sorted by question id, and
//! joined with the booklet's answers (also sorted by id) without any per-answer lookups,
//! leaving a day number, an age band and one byte per measure for each booklet
//! ([`ReportData`]). [`ReportData::report`] then counts any period from those bytes, which
//! is what the app repeats as the IRO moves between periods. [`ReportIndex::report`] does
//! both at once.

use crate::age_band::AgeBand;
use crate::answer::Answer;
use crate::booklet::{Booklet, BookletKind, MeasureKind};
use crate::calendar::{uk_date_of_timestamp, Period, ReportingYear};
use crate::record::CompletedBooklet;
use crate::text::Text;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Cells where fewer children than this answered are suppressed.
pub const SUPPRESS_BELOW: u32 = 5;
/// What a suppressed cell prints instead of its figures.
pub const FEWER_THAN_FIVE: &str = "fewer than 5";
/// What a cell prints when no booklet for that age band asks the question.
pub const NOT_ASKED: &str = "not asked";
/// What a cell hidden by secondary suppression prints ([`suppress_line`]).
pub const HIDDEN_TO_PROTECT: &str = "hidden to protect a small number";
/// The take-up target: the share of children in care who fill in a booklet.
pub const TAKE_UP_TARGET_PERCENT: u32 = 30;

/// `part / whole` as a whole percentage, rounded half up (`None` when `whole` is 0).
///
/// Integer arithmetic only: `floor((200 * part + whole) / (2 * whole))`, which is
/// `floor(100 * part / whole + 0.5)` exactly, so 1/8 = 12.5% gives 13 and 1/6 = 16.67% gives 17.
pub fn percent_half_up(part: u32, whole: u32) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u64::from(part), u64::from(whole));
    Some(((200 * part + whole) / (2 * whole)) as u32)
}

/// Whether a cell where `answered` children answered is suppressed: fewer than
/// [`SUPPRESS_BELOW`]. Every table of figures (reports, survey results) uses this one rule.
pub fn is_suppressed(answered: u32) -> bool {
    answered < SUPPRESS_BELOW
}

/// Whether a cell of a table is shown, after small-number suppression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Its figures are shown.
    Shown,
    /// Fewer than [`SUPPRESS_BELOW`] answered ([`is_suppressed`]): primary suppression.
    FewerThanFive,
    /// Five or more answered, but hidden so that a cell with fewer than five in the same row
    /// cannot be worked out by subtraction: secondary suppression.
    Withheld,
}

/// Small-number suppression for one row of a table: one cell per age band (in
/// [`AgeBand::ALL`] order) and the all-ages cell, which is their sum. `bands[i]` is how many
/// children answered in that band, or `None` where the band is not asked (a known zero: nothing
/// to hide). Returns each band's visibility, then the all-ages cell's.
///
/// 1. **Primary**: a cell where fewer than five answered is [`Visibility::FewerThanFive`].
/// 2. **Secondary**: the all-ages cell minus the shown bands is what the hidden bands hold
///    together. Where someone answered in a hidden band, that difference must not give any
///    hidden cell away, so the hidden bands must be at least two, hold five or more children
///    together, and not be 4 each (then each would be exactly 4). Otherwise one more cell is
///    [`Visibility::Withheld`]: the shown band nearest in age to a band with fewer than five
///    (the older one when two are as near), or, with no band shown, the all-ages cell.
///
/// The band withheld is chosen by position only, never by size, so which cell is withheld
/// tells a reader nothing about the figures beyond "five or more". With this rule no hidden
/// count can be worked out from the shown ones, even knowing that a "fewer than 5" cell holds
/// 0 to 4 and a withheld one 5 or more (the property test
/// `report::tests::no_hidden_count_can_be_worked_out`); the
/// only exception is a hidden band nobody answered in, whose 0 may show by subtraction, as
/// there is no child to protect.
pub fn suppress_line(bands: [Option<u32>; 4]) -> ([Visibility; 4], Visibility) {
    let primary = |n: u32| {
        if is_suppressed(n) {
            Visibility::FewerThanFive
        } else {
            Visibility::Shown
        }
    };
    let mut shown = bands.map(|b| b.map_or(Visibility::Shown, primary));
    let total: u32 = bands.iter().flatten().sum();
    let mut all = primary(total);
    if all != Visibility::Shown {
        // Every band holds fewer than five too: the row has no shown figure to subtract.
        return (shown, all);
    }
    let hidden: Vec<u32> = (0..4)
        .filter(|&i| shown[i] == Visibility::FewerThanFive)
        .filter_map(|i| bands[i])
        .collect();
    let together: u32 = hidden.iter().sum();
    let cap = SUPPRESS_BELOW - 1;
    let safe = together == 0
        || (hidden.len() >= 2 && !is_suppressed(together) && together != cap * hidden.len() as u32);
    if safe {
        return (shown, all);
    }
    let near = |i: usize| {
        (0..4usize)
            .filter(|&h| shown[h] == Visibility::FewerThanFive)
            .map(|h| (h.abs_diff(i), h > i))
            .min()
            .unwrap_or((usize::MAX, false))
    };
    let candidate = (0..4)
        .filter(|&i| bands[i].is_some() && shown[i] == Visibility::Shown)
        .min_by_key(|&i| near(i));
    match candidate {
        Some(i) => shown[i] = Visibility::Withheld,
        None => all = Visibility::Withheld,
    }
    (shown, all)
}

/// The figures of a cell that is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Children who gave an answer other than "I'd rather not say" (the denominator).
    pub answered: u32,
    /// Of those, how many gave a positive answer.
    pub positive: u32,
    /// Of those, how many gave a negative answer. `answered - positive - negative` gave an
    /// answer that is neither (such as "not sure").
    pub negative: u32,
    /// Children who chose "I'd rather not say" (not in `answered`).
    pub rather_not_say: u32,
    /// `positive / answered`, rounded half up.
    pub percent_positive: u32,
    /// `negative / answered`, rounded half up.
    pub percent_negative: u32,
}

impl Counts {
    /// Answers that are neither positive nor negative ("OK"): the OK face, "not sure", or
    /// anything else the measure does not list. They are in `answered`, so they lower the
    /// percentage positive.
    pub fn ok(&self) -> u32 {
        self.answered - self.positive - self.negative
    }
}

/// One cell of a report table: one measure, one age band (or all), one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// No booklet for this age band asks the question, and nobody answered it.
    NotAsked,
    /// Fewer than five children answered: nothing is shown but "fewer than 5".
    Suppressed,
    /// Five or more answered, but hidden so that a suppressed cell in the same row cannot be
    /// worked out by subtraction ([`suppress_line`]): nothing is shown but
    /// [`HIDDEN_TO_PROTECT`].
    Withheld,
    /// Five or more answered.
    Shown(Counts),
}

impl Cell {
    fn from_tally(t: Tally, asked: bool) -> Cell {
        if !asked && t.answered == 0 && t.rather_not_say == 0 {
            Cell::NotAsked
        } else if is_suppressed(t.answered) {
            Cell::Suppressed
        } else {
            Cell::Shown(Counts {
                answered: t.answered,
                positive: t.positive,
                negative: t.negative,
                rather_not_say: t.rather_not_say,
                percent_positive: percent_half_up(t.positive, t.answered).unwrap_or(0),
                percent_negative: percent_half_up(t.negative, t.answered).unwrap_or(0),
            })
        }
    }

    /// The figures, if the cell is shown.
    pub fn counts(&self) -> Option<&Counts> {
        match self {
            Cell::Shown(c) => Some(c),
            _ => None,
        }
    }

    /// The percentage positive, if the cell is shown.
    pub fn percent_positive(&self) -> Option<u32> {
        self.counts().map(|c| c.percent_positive)
    }

    /// What the cell prints: "96%", "fewer than 5", "hidden to protect a small number" or
    /// "not asked".
    pub fn display_percent(&self) -> String {
        match self {
            Cell::NotAsked => NOT_ASKED.to_owned(),
            Cell::Suppressed => FEWER_THAN_FIVE.to_owned(),
            Cell::Withheld => HIDDEN_TO_PROTECT.to_owned(),
            Cell::Shown(c) => format!("{}%", c.percent_positive),
        }
    }
}

/// One measure's cells for one period: each age band and all bands together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// One cell per band, in [`AgeBand::ALL`] order.
    pub bands: [Cell; 4],
    /// All bands together (suppressed on the overall count, like any other cell).
    pub overall: Cell,
}

impl Figures {
    /// The cells of one row from each band's counts, with small numbers suppressed and, where
    /// needed, one more cell withheld ([`suppress_line`]).
    fn new(bands: &[Tally], asked: [bool; 4]) -> Figures {
        let mut all = Tally::default();
        bands.iter().for_each(|x| all.add(x));
        let mut cells = [0, 1, 2, 3].map(|i| Cell::from_tally(bands[i], asked[i]));
        let mut overall = Cell::from_tally(all, asked.iter().any(|&x| x));
        let answered =
            [0, 1, 2, 3].map(|i| (cells[i] != Cell::NotAsked).then_some(bands[i].answered));
        let (visible, all_visible) = suppress_line(answered);
        for (cell, v) in cells.iter_mut().zip(visible) {
            if v == Visibility::Withheld {
                *cell = Cell::Withheld;
            }
        }
        if all_visible == Visibility::Withheld {
            overall = Cell::Withheld;
        }
        Figures {
            bands: cells,
            overall,
        }
    }

    /// The cell for a band, or the overall cell for `None`.
    pub fn get(&self, band: Option<AgeBand>) -> &Cell {
        match band {
            Some(b) => &self.bands[band_index(b)],
            None => &self.overall,
        }
    }
}

/// One row of the report: one measure such as "said they feel safe where they live".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureRow {
    /// The measure's stable key, such as "feel_safe".
    pub key: String,
    /// Safety or satisfaction.
    pub kind: MeasureKind,
    /// How the report names it (from the first booklet that has this measure).
    pub label: Text,
    /// The answer values that count as positive ("yes"; or "happy" and "very_happy" on the
    /// faces scale), from every booklet that has this measure, in first-seen order.
    pub positive_values: Vec<String>,
    /// The answer values that count as negative ("no"; or "sad" and "very_sad"). Any other
    /// answer ("not sure", the "ok" face) is OK: neither.
    pub negative_values: Vec<String>,
    /// The figures for the report's period.
    pub current: Figures,
    /// The figures for the comparison period, if the report has one.
    pub previous: Option<Figures>,
}

impl MeasureRow {
    /// Change in percentage points from the comparison period to the report's period, for a
    /// band (or overall for `None`): the difference of the two printed percentages. `None`
    /// when there is no comparison period or either cell is not shown.
    pub fn change(&self, band: Option<AgeBand>) -> Option<i32> {
        let now = self.current.get(band).percent_positive()?;
        let before = self.previous.as_ref()?.get(band).percent_positive()?;
        Some(now as i32 - before as i32)
    }
}

/// A report for one period, with an optional comparison period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The period reported on.
    pub period: Period,
    /// The period changes are measured from (usually the previous reporting year).
    pub comparison: Option<Period>,
    /// Review booklets completed in the period (with a known booklet definition).
    pub booklets: u32,
    /// Review booklets completed in the comparison period.
    pub comparison_booklets: u32,
    /// Booklets in the period whose booklet definition is not known (not counted anywhere).
    pub unknown_booklets: u32,
    /// Booklets whose completion time could not be read (not counted anywhere).
    pub undated_booklets: u32,
    /// One row per measure: safety measures first, then being heard, then satisfaction (see
    /// [`ReportIndex`]).
    pub measures: Vec<MeasureRow>,
}

/// One of "what children told us we need to do better".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The measure's key.
    pub key: String,
    /// Safety or satisfaction.
    pub kind: MeasureKind,
    /// How the report names it.
    pub label: Text,
    /// Negative answers, all bands together.
    pub negative: u32,
    /// Children who answered, all bands together.
    pub answered: u32,
    /// `negative / answered`, rounded half up.
    pub percent_negative: u32,
    /// The shown age band with the highest share of negative answers, and that share
    /// (the youngest band wins a tie). `None` when every band is suppressed or has no
    /// negative answers.
    pub most_in_band: Option<(AgeBand, u32)>,
}

impl Report {
    /// The row for a measure key.
    pub fn measure(&self, key: &str) -> Option<&MeasureRow> {
        self.measures.iter().find(|m| m.key == key)
    }

    /// The measures with the most negative answers, most first, at most `limit` of them.
    ///
    /// Only measures whose overall cell is shown (five or more answered) and that have at
    /// least one negative answer are listed. Ranked by the number of negative answers, then by
    /// the share of negative answers, then by the measure's place in the report (safety
    /// first, then the order the booklets give), so equal figures always rank the same way.
    pub fn top_issues(&self, limit: usize) -> Vec<Issue> {
        let mut issues: Vec<(usize, Issue)> = self
            .measures
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let c = row.current.overall.counts()?;
                if c.negative == 0 {
                    return None;
                }
                let mut most_in_band: Option<(AgeBand, u32)> = None;
                for band in AgeBand::ALL {
                    if let Some(bc) = row.current.get(Some(band)).counts() {
                        let beats = most_in_band.is_none_or(|(_, p)| bc.percent_negative > p);
                        if bc.negative > 0 && beats {
                            most_in_band = Some((band, bc.percent_negative));
                        }
                    }
                }
                Some((
                    i,
                    Issue {
                        key: row.key.clone(),
                        kind: row.kind,
                        label: row.label.clone(),
                        negative: c.negative,
                        answered: c.answered,
                        percent_negative: c.percent_negative,
                        most_in_band,
                    },
                ))
            })
            .collect();
        issues.sort_by(|(ia, a), (ib, b)| {
            b.negative
                .cmp(&a.negative)
                // Compare exact shares, not rounded ones: a/b against c/d as a*d against c*b.
                .then_with(|| {
                    (u64::from(b.negative) * u64::from(a.answered))
                        .cmp(&(u64::from(a.negative) * u64::from(b.answered)))
                })
                .then(ia.cmp(ib))
        });
        issues.into_iter().take(limit).map(|(_, i)| i).collect()
    }

    /// Take-up in the report's period against the number of children in care, with the
    /// usual 30% target.
    pub fn take_up(&self, children_in_care: u32) -> TakeUp {
        TakeUp::new(self.booklets, children_in_care, TAKE_UP_TARGET_PERCENT)
    }
}

/// How many children in care filled in a booklet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TakeUp {
    /// Booklets completed in the period. A child who filled in a booklet before each of two
    /// reviews counts twice.
    pub completed: u32,
    /// The number of children in care the IRO entered.
    pub children_in_care: u32,
    /// `completed / children_in_care`, rounded half up (`None` when no number was entered).
    pub percent: Option<u32>,
    /// The target, as a whole percentage.
    pub target_percent: u32,
    /// Whether the exact (unrounded) share reached the target: 29.6% prints as 30% but has not
    /// met a 30% target. `None` when no number of children was entered.
    pub met: Option<bool>,
}

impl TakeUp {
    /// Take-up of `completed` booklets among `children_in_care` children.
    pub fn new(completed: u32, children_in_care: u32, target_percent: u32) -> TakeUp {
        let met = (children_in_care > 0).then(|| {
            u64::from(completed) * 100 >= u64::from(target_percent) * u64::from(children_in_care)
        });
        TakeUp {
            completed,
            children_in_care,
            percent: percent_half_up(completed, children_in_care),
            target_percent,
            met,
        }
    }
}

fn band_index(band: AgeBand) -> usize {
    match band {
        AgeBand::FourToSix => 0,
        AgeBand::SevenToNine => 1,
        AgeBand::TenToFifteen => 2,
        AgeBand::SixteenPlus => 3,
    }
}

/// Running counts for one cell.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    answered: u32,
    positive: u32,
    negative: u32,
    rather_not_say: u32,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.answered += other.answered;
        self.positive += other.positive;
        self.negative += other.negative;
        self.rather_not_say += other.rather_not_say;
    }
}

struct MeasureDef<'a> {
    key: &'a str,
    kind: MeasureKind,
    label: &'a Text,
    positive: Vec<String>,
    negative: Vec<String>,
    /// Whether a review booklet for each band asks it.
    asked: [bool; 4],
}

struct MeasuredQuestion<'a> {
    id: &'a str,
    measure: usize,
    positive: &'a [String],
    negative: &'a [String],
}

struct Prepared<'a> {
    revision: u32,
    /// Sorted by question id, one question per measure.
    questions: Vec<MeasuredQuestion<'a>>,
}

enum Definition<'a> {
    /// Revisions of a review booklet, in the order given.
    Review(Vec<Prepared<'a>>),
    /// A council survey: its answers are not part of the IRO's figures.
    Survey,
}

/// The booklet definitions a report counts against, prepared once.
///
/// Measures are ordered safety first, then being heard ([`MeasureKind::Heard`]), then
/// satisfaction (the order of [`MeasureKind`]); within each kind, in the order
/// they first appear in the definitions as given (booklet by booklet, question by question),
/// so passing the built-in booklets youngest band first gives the same order every time.
/// A measure key keeps the kind and label of its first appearance. If a booklet asks two
/// questions with the same measure key, only the first (in booklet order) counts.
///
/// Council surveys ([`BookletKind::Survey`]) are not part of the IRO's figures: their
/// completed booklets are skipped without being counted as unknown.
pub struct ReportIndex<'a> {
    measures: Vec<MeasureDef<'a>>,
    definitions: HashMap<&'a str, Definition<'a>>,
}

impl<'a> ReportIndex<'a> {
    /// Prepares booklet definitions. Several revisions of one booklet id may be given: a
    /// completed booklet is counted against its own revision, or the newest revision given
    /// when its own is missing.
    pub fn new<I: IntoIterator<Item = &'a Booklet>>(booklets: I) -> ReportIndex<'a> {
        let booklets: Vec<&'a Booklet> = booklets.into_iter().collect();
        let mut measures: Vec<MeasureDef<'a>> = Vec::new();
        for b in booklets.iter().filter(|b| b.kind == BookletKind::Review) {
            for q in b.questions() {
                if let Some(m) = &q.measure {
                    if !measures.iter().any(|d| d.key == m.key) {
                        measures.push(MeasureDef {
                            key: &m.key,
                            kind: m.kind,
                            label: &m.label,
                            positive: Vec::new(),
                            negative: Vec::new(),
                            asked: [false; 4],
                        });
                    }
                    let def = measures.iter_mut().find(|d| d.key == m.key);
                    if let Some(def) = def {
                        for (values, from) in [
                            (&mut def.positive, &m.positive),
                            (&mut def.negative, &m.negative),
                        ] {
                            for v in from {
                                if !values.contains(v) {
                                    values.push(v.clone());
                                }
                            }
                        }
                    }
                }
            }
        }
        measures.sort_by_key(|m| m.kind); // stable: first appearance within each kind
        let position: HashMap<&str, usize> = measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.key, i))
            .collect();

        let mut definitions: HashMap<&'a str, Definition<'a>> = HashMap::new();
        for b in booklets {
            if b.kind == BookletKind::Survey {
                definitions.insert(b.id.as_str(), Definition::Survey);
                continue;
            }
            let mut questions: Vec<MeasuredQuestion<'a>> = Vec::new();
            for q in b.questions() {
                let Some(m) = &q.measure else { continue };
                let measure = position[m.key.as_str()];
                if questions
                    .iter()
                    .any(|x| x.measure == measure || x.id == q.id.as_str())
                {
                    continue;
                }
                for band in &b.age_bands {
                    measures[measure].asked[band_index(*band)] = true;
                }
                questions.push(MeasuredQuestion {
                    id: q.id.as_str(),
                    measure,
                    positive: &m.positive,
                    negative: &m.negative,
                });
            }
            questions.sort_by(|a, b| a.id.cmp(b.id));
            let prepared = Prepared {
                revision: b.revision,
                questions,
            };
            match definitions.get_mut(b.id.as_str()) {
                Some(Definition::Review(revisions)) => revisions.push(prepared),
                _ => {
                    definitions.insert(b.id.as_str(), Definition::Review(vec![prepared]));
                }
            }
        }
        ReportIndex {
            measures,
            definitions,
        }
    }

    /// The measure keys, in report order.
    pub fn measure_keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.measures.iter().map(|m| m.key)
    }

    fn lookup(&self, booklet_id: &str, revision: u32) -> Option<Option<&Prepared<'a>>> {
        match self.definitions.get(booklet_id)? {
            Definition::Survey => Some(None),
            Definition::Review(revisions) => Some(
                revisions
                    .iter()
                    .find(|p| p.revision == revision)
                    .or_else(|| revisions.iter().max_by_key(|p| p.revision)),
            ),
        }
    }

    /// Reads every booklet once into compact [`ReportData`], from which any number of
    /// reports (periods, comparisons) are then quick to make. A booklet counts on the UK
    /// calendar day it was completed ([`uk_date_of_timestamp`]).
    pub fn prepare(&self, booklets: &[CompletedBooklet]) -> ReportData {
        let mut data = ReportData {
            measures: self
                .measures
                .iter()
                .map(|m| MeasureInfo {
                    key: m.key.to_owned(),
                    kind: m.kind,
                    label: m.label.clone(),
                    positive: m.positive.clone(),
                    negative: m.negative.clone(),
                    asked: m.asked,
                })
                .collect(),
            days: Vec::new(),
            bands: Vec::new(),
            outcomes: Vec::new(),
            unknown_days: Vec::new(),
            undated: 0,
        };
        self.extend(&mut data, booklets);
        data
    }

    /// Adds more booklets (such as a new import) to data made by [`ReportIndex::prepare`]
    /// with this same index. Data made with other definitions must be prepared again.
    pub fn extend(&self, data: &mut ReportData, booklets: &[CompletedBooklet]) {
        let m = self.measures.len();
        debug_assert_eq!(data.measures.len(), m, "ReportData from another index");
        data.days.reserve(booklets.len());
        data.bands.reserve(booklets.len());
        data.outcomes.reserve(booklets.len() * m);
        for b in booklets {
            let Some(date) = uk_date_of_timestamp(&b.completed_at) else {
                data.undated += 1;
                continue;
            };
            let day = date.days_since_epoch() as i32;
            let prepared = match self.lookup(&b.booklet_id, b.booklet_revision) {
                Some(Some(p)) => p,
                Some(None) => continue, // a council survey
                None => {
                    data.unknown_days.push(day);
                    continue;
                }
            };
            data.days.push(day);
            data.bands.push(band_index(b.age_band) as u8);
            let start = data.outcomes.len();
            data.outcomes.resize(start + m, NO_ANSWER);
            let row = &mut data.outcomes[start..];
            // Merge join: both lists are sorted by question id. (Measured: faster than
            // checking each answer against the measured questions, even with a length
            // filter, because the join stops after the last measured id.)
            let mut questions = prepared.questions.iter();
            let mut answers = b.answers.iter();
            let (mut q, mut a) = (questions.next(), answers.next());
            while let (Some(mq), Some((id, answer))) = (q, a) {
                match mq.id.cmp(id.as_str()) {
                    Ordering::Less => q = questions.next(),
                    Ordering::Greater => a = answers.next(),
                    Ordering::Equal => {
                        row[mq.measure] = outcome(mq, answer);
                        q = questions.next();
                        a = answers.next();
                    }
                }
            }
        }
    }

    /// The report for a reporting year, compared with the year before.
    pub fn report_for_year(&self, booklets: &[CompletedBooklet], year: ReportingYear) -> Report {
        self.prepare(booklets).report_for_year(year)
    }

    /// The report for `period`, compared with `comparison` if given: [`ReportIndex::prepare`]
    /// then [`ReportData::report`]. Keep the [`ReportData`] instead when making several
    /// reports from the same booklets.
    pub fn report(
        &self,
        booklets: &[CompletedBooklet],
        period: Period,
        comparison: Option<Period>,
    ) -> Report {
        self.prepare(booklets).report(period, comparison)
    }
}

// What one booklet said for one measure.
const NO_ANSWER: u8 = 0;
const POSITIVE: u8 = 1;
const NEGATIVE: u8 = 2;
const OTHER_ANSWER: u8 = 3;
const RATHER_NOT_SAY: u8 = 4;

/// What an answer counts as. "I'd rather not say" is counted apart; an empty answer counts
/// as no answer; an answer that matches both a positive and a negative value is positive.
fn outcome(q: &MeasuredQuestion<'_>, answer: &Answer) -> u8 {
    match answer {
        Answer::RatherNotSay => RATHER_NOT_SAY,
        a if a.is_empty() => NO_ANSWER,
        a if q.positive.iter().any(|v| a.matches(v)) => POSITIVE,
        a if q.negative.iter().any(|v| a.matches(v)) => NEGATIVE,
        _ => OTHER_ANSWER,
    }
}

#[derive(Clone, Debug)]
struct MeasureInfo {
    key: String,
    kind: MeasureKind,
    label: Text,
    positive: Vec<String>,
    negative: Vec<String>,
    asked: [bool; 4],
}

/// Every booklet's answers to the measures, read once and held compactly (a day number, an
/// age band and one byte per measure for each booklet), so that reports for any period are
/// quick: the app keeps this while the IRO moves between periods, and
/// [`ReportIndex::extend`]s it on import.
#[derive(Clone, Debug)]
pub struct ReportData {
    measures: Vec<MeasureInfo>,
    /// UK day number (days since 1970-01-01) of each counted booklet.
    days: Vec<i32>,
    /// Band index of each counted booklet.
    bands: Vec<u8>,
    /// `measures.len()` outcomes per counted booklet.
    outcomes: Vec<u8>,
    /// Days of booklets whose definition is unknown.
    unknown_days: Vec<i32>,
    undated: u32,
}

impl ReportData {
    /// The number of review booklets held (surveys, unknown and undated booklets are not).
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether no review booklets are held.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The report for a reporting year, compared with the year before.
    pub fn report_for_year(&self, year: ReportingYear) -> Report {
        self.report(year.period(), Some(year.previous().period()))
    }

    /// The report for `period`, compared with `comparison` if given. If the two periods
    /// overlap, a booklet in both counts in both.
    pub fn report(&self, period: Period, comparison: Option<Period>) -> Report {
        let span = |p: Period| {
            (
                p.from.days_since_epoch() as i32,
                p.to.days_since_epoch() as i32,
            )
        };
        let inside = |(from, to): (i32, i32), day: i32| from <= day && day <= to;
        let current = span(period);
        let previous = comparison.map(span);
        let m = self.measures.len();
        // counts[slot][(measure * 4 + band) * 5 + outcome]: one counter per outcome code, so
        // the inner loop is a single increment. Slot 0 is the period, slot 1 the comparison.
        let mut counts = [vec![0u32; m * 20], vec![0u32; m * 20]];
        let mut counted = [0u32; 2];
        for (row, (&day, &band)) in self.days.iter().zip(&self.bands).enumerate() {
            let slots = [
                inside(current, day),
                previous.is_some_and(|p| inside(p, day)),
            ];
            let outcomes = &self.outcomes[row * m..row * m + m];
            for (slot, &within) in slots.iter().enumerate() {
                if !within {
                    continue;
                }
                counted[slot] += 1;
                let c = &mut counts[slot];
                let band = usize::from(band) * 5;
                for (measure, &o) in outcomes.iter().enumerate() {
                    c[measure * 20 + band + usize::from(o)] += 1;
                }
            }
        }
        let tallies = counts.map(|c| {
            c.chunks_exact(5)
                .map(|o| Tally {
                    answered: o[POSITIVE as usize]
                        + o[NEGATIVE as usize]
                        + o[OTHER_ANSWER as usize],
                    positive: o[POSITIVE as usize],
                    negative: o[NEGATIVE as usize],
                    rather_not_say: o[RATHER_NOT_SAY as usize],
                })
                .collect::<Vec<_>>()
        });

        let figures = |slot: usize, m: usize| {
            Figures::new(&tallies[slot][m * 4..m * 4 + 4], self.measures[m].asked)
        };
        let measures = self
            .measures
            .iter()
            .enumerate()
            .map(|(m, def)| MeasureRow {
                key: def.key.clone(),
                kind: def.kind,
                label: def.label.clone(),
                positive_values: def.positive.clone(),
                negative_values: def.negative.clone(),
                current: figures(0, m),
                previous: comparison.map(|_| figures(1, m)),
            })
            .collect();
        Report {
            period,
            comparison,
            booklets: counted[0],
            comparison_booklets: counted[1],
            unknown_booklets: self
                .unknown_days
                .iter()
                .filter(|&&d| inside(current, d))
                .count() as u32,
            undated_booklets: self.undated,
            measures,
        }
    }
}

/// Small booklets and completed booklets for tests (also used by the export tests).
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::age_band::AgeBand;
    use crate::answer::{Answer, Answers};
    use crate::booklet::*;
    use crate::child::ChildDetails;
    use crate::record::CompletedBooklet;
    use crate::text::{LocaleCode, Text};

    /// A yes / not sure / no question with a measure: yes is positive, no is negative.
    pub fn yes_no(id: &str, key: &str, kind: MeasureKind, worry_on_no: bool) -> Question {
        Question {
            id: QuestionId::new(id),
            theme: Theme::Home,
            text: Text::en(id),
            text_by_band: Default::default(),
            help: None,
            picture: None,
            kind: AnswerKind::YesNotSureNo,
            yes: None,
            no: None,
            measure: Some(Measure {
                key: key.into(),
                kind,
                label: Text::en(&format!("said {key}")),
                positive: vec!["yes".into()],
                negative: vec!["no".into()],
            }),
            worry_if: if worry_on_no {
                vec!["no".into()]
            } else {
                vec![]
            },
            show_if: None,
        }
    }

    /// A question without a measure.
    pub fn plain(id: &str, kind: AnswerKind) -> Question {
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
            measure: None,
            worry_if: vec![],
            show_if: None,
        }
    }

    /// A review booklet for one band.
    pub fn booklet(id: &str, band: AgeBand, questions: Vec<Question>) -> Booklet {
        Booklet {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            id: id.into(),
            revision: 1,
            kind: BookletKind::Review,
            age_bands: vec![band],
            locales: vec![LocaleCode::new("en")],
            title: Text::en(id),
            intro: None,
            sections: vec![Section {
                id: "main".into(),
                title: Text::en("main"),
                optional: false,
                questions,
            }],
        }
    }

    /// A completed booklet.
    pub fn completed(
        id: &str,
        booklet_id: &str,
        band: AgeBand,
        completed_at: &str,
        answers: &[(&str, Answer)],
    ) -> CompletedBooklet {
        CompletedBooklet {
            id: id.into(),
            booklet_id: booklet_id.into(),
            booklet_revision: 1,
            locale: LocaleCode::new("en"),
            age_band: band,
            child: ChildDetails {
                name: format!("child {id}"),
                age_band: Some(band),
                review_date: "2013-05-01".into(),
                ..Default::default()
            },
            answers: answers
                .iter()
                .map(|(q, a)| (QuestionId::new(q), a.clone()))
                .collect::<Answers>(),
            completed_at: completed_at.into(),
        }
    }

    /// "yes", "no", ... as an answer.
    pub fn picked(v: &str) -> Answer {
        Answer::Picked(v.into())
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::answer::{Answer, Pick};
    use crate::booklet::{AnswerKind, Choice};
    use AgeBand::*;

    /// The four review booklets used by most tests: feel_safe (safety, worry on "no"),
    /// happy_where_live and friends_visit (satisfaction); 16+ also has pathway_plan.
    fn definitions() -> Vec<Booklet> {
        let common = || {
            vec![
                plain("worries", AnswerKind::OwnWords { max_chars: 500 }),
                yes_no(
                    "happy_where_live",
                    "happy_where_live",
                    MeasureKind::Satisfaction,
                    false,
                ),
                yes_no("feel_safe", "feel_safe", MeasureKind::Safety, true),
                yes_no(
                    "friends_visit",
                    "friends_visit",
                    MeasureKind::Satisfaction,
                    false,
                ),
            ]
        };
        let mut over16 = common();
        over16.push(yes_no(
            "pathway_plan",
            "pathway_plan",
            MeasureKind::Satisfaction,
            false,
        ));
        vec![
            booklet("review-4-6", FourToSix, common()),
            booklet("review-7-9", SevenToNine, common()),
            booklet("review-10-15", TenToFifteen, common()),
            booklet("review-16-plus", SixteenPlus, over16),
        ]
    }

    fn booklet_id(band: AgeBand) -> &'static str {
        match band {
            FourToSix => "review-4-6",
            SevenToNine => "review-7-9",
            TenToFifteen => "review-10-15",
            SixteenPlus => "review-16-plus",
        }
    }

    /// Adds `n` booklets answering `question` with `value` ("skip" leaves it out).
    fn add(
        out: &mut Vec<CompletedBooklet>,
        band: AgeBand,
        at: &str,
        question: &str,
        value: &str,
        n: usize,
    ) {
        for _ in 0..n {
            let id = format!("{:032x}", out.len());
            let answers: Vec<(&str, Answer)> = match value {
                "skip" => vec![],
                "rather_not_say" => vec![(question, Answer::RatherNotSay)],
                v => vec![(question, picked(v))],
            };
            out.push(completed(&id, booklet_id(band), band, at, &answers));
        }
    }

    fn year(label: &str) -> ReportingYear {
        label.parse().unwrap()
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent_half_up(1, 8), Some(13)); // 12.5
        assert_eq!(percent_half_up(3, 8), Some(38)); // 37.5
        assert_eq!(percent_half_up(5, 8), Some(63)); // 62.5
        assert_eq!(percent_half_up(1, 200), Some(1)); // 0.5
        assert_eq!(percent_half_up(199, 200), Some(100)); // 99.5
        assert_eq!(percent_half_up(397, 400), Some(99)); // 99.25
        assert_eq!(percent_half_up(1, 6), Some(17)); // 16.67
        assert_eq!(percent_half_up(1, 3), Some(33)); // 33.33
        assert_eq!(percent_half_up(2, 3), Some(67)); // 66.67
        assert_eq!(percent_half_up(0, 5), Some(0));
        assert_eq!(percent_half_up(5, 5), Some(100));
        assert_eq!(percent_half_up(0, 0), None);
        assert_eq!(percent_half_up(u32::MAX, u32::MAX), Some(100));
        // Half up, not half to even: 2.5 -> 3 and 3.5 -> 4.
        assert_eq!(percent_half_up(1, 40), Some(3));
        assert_eq!(percent_half_up(7, 200), Some(4));
        // Agrees with exact rational rounding for every fraction up to 1/300.
        for whole in 1..=300u32 {
            for part in 0..=whole {
                let exact_times_2 = 200 * part; // 2 * 100 * part / whole
                let floor = exact_times_2 / (2 * whole);
                let rem = exact_times_2 - floor * 2 * whole;
                let expected = if rem >= whole { floor + 1 } else { floor };
                assert_eq!(percent_half_up(part, whole), Some(expected));
            }
        }
    }

    /// The 2012/13 Viewpoint safety table from the brief: 96%, 92%, 97%, 95%.
    #[test]
    fn reproduces_the_2012_13_safety_table() {
        let at = "2012-10-15T10:00:00Z";
        let mut data = Vec::new();
        // 4–6: 24 of 25 = 96%.
        add(&mut data, FourToSix, at, "feel_safe", "yes", 24);
        add(&mut data, FourToSix, at, "feel_safe", "no", 1);
        add(&mut data, FourToSix, at, "feel_safe", "rather_not_say", 2);
        add(&mut data, FourToSix, at, "feel_safe", "skip", 3);
        // 7–9: 23 of 25 = 92%.
        add(&mut data, SevenToNine, at, "feel_safe", "yes", 23);
        add(&mut data, SevenToNine, at, "feel_safe", "not_sure", 1);
        add(&mut data, SevenToNine, at, "feel_safe", "no", 1);
        // 10–15: 29 of 30 = 96.67% -> 97%.
        add(&mut data, TenToFifteen, at, "feel_safe", "yes", 29);
        add(&mut data, TenToFifteen, at, "feel_safe", "no", 1);
        add(
            &mut data,
            TenToFifteen,
            at,
            "feel_safe",
            "rather_not_say",
            1,
        );
        // 16+: 19 of 20 = 95%.
        add(&mut data, SixteenPlus, at, "feel_safe", "yes", 19);
        add(&mut data, SixteenPlus, at, "feel_safe", "no", 1);
        // Outside the year: must not count.
        add(
            &mut data,
            FourToSix,
            "2013-04-01T09:00:00Z",
            "feel_safe",
            "no",
            10,
        );
        add(
            &mut data,
            FourToSix,
            "2012-03-31T09:00:00Z",
            "feel_safe",
            "no",
            10,
        );

        let defs = definitions();
        let index = ReportIndex::new(&defs);
        let report = index.report_for_year(&data, year("2012/13"));
        let safe = report.measure("feel_safe").unwrap();
        let printed: Vec<String> = AgeBand::ALL
            .iter()
            .map(|b| safe.current.get(Some(*b)).display_percent())
            .collect();
        assert_eq!(printed, ["96%", "92%", "97%", "95%"]);

        let c = |b| *safe.current.get(Some(b)).counts().unwrap();
        assert_eq!(
            c(FourToSix),
            Counts {
                answered: 25,
                positive: 24,
                negative: 1,
                rather_not_say: 2,
                percent_positive: 96,
                percent_negative: 4,
            }
        );
        assert_eq!(c(SevenToNine).negative, 1);
        assert_eq!(c(SevenToNine).answered, 25, "not sure is an answer");
        assert_eq!(c(TenToFifteen).rather_not_say, 1);
        // Overall: 95 of 100.
        let all = safe.current.overall.counts().unwrap();
        assert_eq!((all.answered, all.positive, all.negative), (100, 95, 4));
        assert_eq!(all.percent_positive, 95);
        assert_eq!(report.booklets, 106);
        assert_eq!(report.comparison_booklets, 10, "2012-03-31 is in 2011/12");
        // Safety comes first, then satisfaction in first-appearance order.
        let keys: Vec<_> = report.measures.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "feel_safe",
                "happy_where_live",
                "friends_visit",
                "pathway_plan"
            ]
        );
    }

    /// The same tables from the built-in booklets as children fill them in: the 2012/13 safety
    /// table (96%, 92%, 97%, 95%) and the 2016/17 care plan figures (89% have a copy of their
    /// care plan, 84% are happy with it, faces counted as the booklets define them).
    #[test]
    fn the_built_in_booklets_reproduce_the_brief_figures() {
        let defs = crate::builtin::builtin_booklets();
        let index = ReportIndex::new(&defs);
        let mut data = Vec::new();
        let mut push = |band: AgeBand, at: &str, answers: &[(&str, Answer)]| {
            let id = format!("{:032x}", data.len());
            let booklet = crate::builtin::builtin_for(band);
            data.push(completed(&id, &booklet.id, band, at, answers));
        };
        let at = "2012-09-03T14:00:00Z";
        // feel_safe: yes / no per band, as in the brief; one "not sure" in 7–9.
        for (band, yes, other) in [
            (FourToSix, 24, vec!["no"]),
            (SevenToNine, 23, vec!["no", "not_sure"]),
            (TenToFifteen, 29, vec!["no"]),
            (SixteenPlus, 19, vec!["no"]),
        ] {
            for _ in 0..yes {
                push(band, at, &[("feel_safe", picked("yes"))]);
            }
            for v in other {
                push(band, at, &[("feel_safe", picked(v))]);
            }
            push(band, at, &[("feel_safe", Answer::RatherNotSay)]);
        }
        // 2016/17, 10–15: 16 of 18 have their care plan (89%); 21 of 25 happy with it (84%).
        let later = "2016-11-10T11:00:00Z";
        for i in 0..25 {
            let face = match i {
                0..=10 => "happy",
                11..=20 => "very_happy",
                21 | 22 => "ok",
                _ => "sad",
            };
            let mut answers = vec![("happy_with_care_plan", picked(face))];
            if i < 18 {
                answers.push(("has_care_plan", picked(if i < 16 { "yes" } else { "no" })));
            }
            push(TenToFifteen, later, &answers);
        }
        let prepared = index.prepare(&data);
        let y1213 = prepared.report_for_year(year("2012/13"));
        let safe = y1213.measure("feel_safe").unwrap();
        let printed: Vec<String> = AgeBand::ALL
            .iter()
            .map(|b| safe.current.get(Some(*b)).display_percent())
            .collect();
        assert_eq!(printed, ["96%", "92%", "97%", "95%"]);
        assert_eq!(safe.current.overall.counts().unwrap().rather_not_say, 4);
        assert_eq!(y1213.unknown_booklets, 0);
        let y1617 = prepared.report_for_year(year("2016/17"));
        let overall = |key: &str| {
            y1617
                .measure(key)
                .unwrap()
                .current
                .overall
                .display_percent()
        };
        assert_eq!(overall("has_care_plan"), "89%");
        assert_eq!(overall("happy_with_care_plan"), "84%");
        // Asked of every band, but only 10–15 answered: the other bands are "fewer than 5".
        let plan = y1617.measure("has_care_plan").unwrap();
        assert_eq!(plan.current.get(Some(FourToSix)), &Cell::Suppressed);
        // Nothing in 2015/16 to compare with.
        assert_eq!(plan.change(None), None);
    }

    #[test]
    fn a_leap_day_and_a_custom_period() {
        let mut data = Vec::new();
        add(
            &mut data,
            SevenToNine,
            "2024-02-29T12:00:00Z",
            "feel_safe",
            "yes",
            5,
        );
        add(
            &mut data,
            SevenToNine,
            "2024-03-01T12:00:00Z",
            "feel_safe",
            "no",
            5,
        );
        let defs = definitions();
        let prepared = ReportIndex::new(&defs).prepare(&data);
        let y = prepared.report_for_year(year("2023/24"));
        assert_eq!(y.booklets, 10, "29 February is inside 2023/24");
        // A custom period of February only, compared with nothing.
        let feb = Period::new(
            crate::calendar::Date::new(2024, 2, 1).unwrap(),
            crate::calendar::Date::new(2024, 2, 29).unwrap(),
        )
        .unwrap();
        let r = prepared.report(feb, None);
        assert_eq!(r.booklets, 5);
        let safe = r.measure("feel_safe").unwrap();
        assert_eq!(safe.current.overall.display_percent(), "100%");
        assert_eq!(safe.previous, None);
    }

    #[test]
    fn suppression_at_four_and_five() {
        let at = "2013-06-01T10:00:00Z";
        let mut data = Vec::new();
        add(&mut data, FourToSix, at, "feel_safe", "yes", 4);
        add(&mut data, FourToSix, at, "feel_safe", "rather_not_say", 3);
        add(&mut data, SevenToNine, at, "feel_safe", "yes", 4);
        add(&mut data, SevenToNine, at, "feel_safe", "no", 1);
        // Three 16+ answered: with 4–6's four, seven children in two hidden bands, so
        // subtracting 7–9 from all ages gives neither band away and 7–9 can be shown.
        add(&mut data, SixteenPlus, at, "feel_safe", "yes", 3);
        let defs = definitions();
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let safe = report.measure("feel_safe").unwrap();
        // Four answered (three more rather not say): suppressed, nothing exposed.
        assert_eq!(safe.current.get(Some(FourToSix)), &Cell::Suppressed);
        assert_eq!(
            safe.current.get(Some(FourToSix)).display_percent(),
            "fewer than 5"
        );
        assert_eq!(safe.current.get(Some(FourToSix)).percent_positive(), None);
        // Five answered: shown.
        assert_eq!(safe.current.get(Some(SevenToNine)).display_percent(), "80%");
        assert_eq!(safe.current.get(Some(SixteenPlus)), &Cell::Suppressed);
        // Nobody answered in a band whose booklet asks it: suppressed, not "not asked".
        assert_eq!(safe.current.get(Some(TenToFifteen)), &Cell::Suppressed);
        // pathway_plan is only in the 16+ booklet.
        let pathway = report.measure("pathway_plan").unwrap();
        assert_eq!(pathway.current.get(Some(FourToSix)), &Cell::NotAsked);
        assert_eq!(pathway.current.get(Some(SixteenPlus)), &Cell::Suppressed);
        assert_eq!(pathway.current.overall, Cell::Suppressed);
        assert_eq!(safe.current.overall.percent_positive(), Some(92)); // 11/12

        // Without the 16+ answers, all ages minus 7–9 would be 4–6's four: 7–9 is withheld.
        data.retain(|b| b.age_band != SixteenPlus);
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let safe = report.measure("feel_safe").unwrap();
        assert_eq!(safe.current.get(Some(FourToSix)), &Cell::Suppressed);
        assert_eq!(safe.current.get(Some(SevenToNine)), &Cell::Withheld);
        assert_eq!(safe.current.overall.percent_positive(), Some(89)); // 8/9
    }

    #[test]
    fn reporting_year_boundaries_use_the_uk_date() {
        let mut data = Vec::new();
        add(
            &mut data,
            FourToSix,
            "2013-03-31T12:00:00Z",
            "feel_safe",
            "yes",
            5,
        );
        add(
            &mut data,
            FourToSix,
            "2013-04-01T09:00:00Z",
            "feel_safe",
            "no",
            5,
        );
        // 00:30 BST on 1 April 2013 is 23:30 UTC on 31 March: the new year.
        add(
            &mut data,
            FourToSix,
            "2013-03-31T23:30:00Z",
            "feel_safe",
            "no",
            1,
        );
        let defs = definitions();
        let index = ReportIndex::new(&defs);
        let y1213 = index.report_for_year(&data, year("2012/13"));
        let y1314 = index.report_for_year(&data, year("2013/14"));
        assert_eq!(y1213.booklets, 5);
        assert_eq!(y1314.booklets, 6);
        assert_eq!(y1314.comparison_booklets, 5);
        let cell = |r: &Report| r.measure("feel_safe").unwrap().current.overall;
        assert_eq!(cell(&y1213).percent_positive(), Some(100));
        assert_eq!(cell(&y1314).counts().unwrap().negative, 6);
    }

    #[test]
    fn trends_compare_printed_percentages_where_both_are_shown() {
        let mut data = Vec::new();
        let last = "2012-06-01T10:00:00Z";
        let this = "2013-06-01T10:00:00Z";
        // 4–6: 18/20 = 90% then 19/20 = 95%: +5.
        add(&mut data, FourToSix, last, "feel_safe", "yes", 18);
        add(&mut data, FourToSix, last, "feel_safe", "no", 2);
        add(&mut data, FourToSix, this, "feel_safe", "yes", 19);
        add(&mut data, FourToSix, this, "feel_safe", "no", 1);
        // 7–9: 7/8 = 87.5% -> 88%, then 5/6 = 83.3% -> 83%: -5.
        add(&mut data, SevenToNine, last, "feel_safe", "yes", 7);
        add(&mut data, SevenToNine, last, "feel_safe", "no", 1);
        add(&mut data, SevenToNine, this, "feel_safe", "yes", 5);
        add(&mut data, SevenToNine, this, "feel_safe", "no", 1);
        // 10–15: suppressed last year, shown this year: no change given.
        add(&mut data, TenToFifteen, last, "feel_safe", "yes", 4);
        add(&mut data, TenToFifteen, this, "feel_safe", "yes", 5);
        // 16+: suppressed both years. Last year's three and 10–15's four are seven children
        // in two hidden bands, so no band has to be withheld to protect them.
        add(&mut data, SixteenPlus, last, "feel_safe", "yes", 3);
        let defs = definitions();
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let safe = report.measure("feel_safe").unwrap();
        assert_eq!(safe.change(Some(FourToSix)), Some(5));
        assert_eq!(safe.change(Some(SevenToNine)), Some(-5));
        assert_eq!(safe.change(Some(TenToFifteen)), None);
        assert_eq!(safe.change(Some(SixteenPlus)), None);
        // Overall: 32/35 = 91.4 -> 91, then 29/31 = 93.5 -> 94: +3.
        assert_eq!(safe.change(None), Some(3));
        // No comparison period, no change.
        let p = ReportingYear::starting_in(2013).period();
        let alone = ReportIndex::new(&defs).report(&data, p, None);
        assert_eq!(alone.measure("feel_safe").unwrap().change(None), None);
        assert_eq!(alone.comparison_booklets, 0);
    }

    #[test]
    fn top_issues_rank_by_negative_answers_with_stable_ties() {
        let at = "2013-06-01T10:00:00Z";
        let mut data = Vec::new();
        // friends_visit: 6 negative, mostly 4–6.
        add(&mut data, FourToSix, at, "friends_visit", "no", 4);
        add(&mut data, FourToSix, at, "friends_visit", "yes", 1);
        add(&mut data, TenToFifteen, at, "friends_visit", "no", 2);
        add(&mut data, TenToFifteen, at, "friends_visit", "yes", 8);
        // feel_safe and happy_where_live: 3 negative each out of 10 (a full tie).
        add(&mut data, SevenToNine, at, "feel_safe", "no", 3);
        add(&mut data, SevenToNine, at, "feel_safe", "yes", 7);
        add(&mut data, SevenToNine, at, "happy_where_live", "no", 3);
        add(&mut data, SevenToNine, at, "happy_where_live", "yes", 7);
        // pathway_plan: 3 negative out of 5 (same count, larger share).
        add(&mut data, SixteenPlus, at, "pathway_plan", "no", 3);
        add(&mut data, SixteenPlus, at, "pathway_plan", "yes", 2);
        let defs = definitions();
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let issues = report.top_issues(10);
        let keys: Vec<_> = issues.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "friends_visit",
                "pathway_plan",
                "feel_safe",
                "happy_where_live"
            ]
        );
        assert_eq!(issues[0].negative, 6);
        assert_eq!(issues[0].percent_negative, 40);
        assert_eq!(issues[0].most_in_band, Some((FourToSix, 80)));
        assert_eq!(issues[1].most_in_band, Some((SixteenPlus, 60)));
        assert_eq!(report.top_issues(2).len(), 2);
    }

    #[test]
    fn take_up_against_the_target() {
        let t = TakeUp::new(124, 497, TAKE_UP_TARGET_PERCENT);
        assert_eq!(t.percent, Some(25));
        assert_eq!(t.met, Some(false));
        let t = TakeUp::new(150, 500, 30);
        assert_eq!((t.percent, t.met), (Some(30), Some(true)));
        // 29.6% prints as 30% but has not met the target.
        let t = TakeUp::new(148, 500, 30);
        assert_eq!((t.percent, t.met), (Some(30), Some(false)));
        let t = TakeUp::new(3, 0, 30);
        assert_eq!((t.percent, t.met), (None, None));
    }

    #[test]
    fn what_counts_as_an_answer() {
        // A picked-several measure: any of the positive options counts.
        let mut q = plain(
            "trusted_adult",
            AnswerKind::PickSeveral {
                options: vec![
                    Choice {
                        id: "carer".into(),
                        label: Text::en("carer"),
                        picture: None,
                    },
                    Choice {
                        id: "nobody".into(),
                        label: Text::en("nobody"),
                        picture: None,
                    },
                ],
                own_words: true,
            },
        );
        q.measure = Some(crate::booklet::Measure {
            key: "trusted_adult".into(),
            kind: MeasureKind::Safety,
            label: Text::en("have a trusted adult"),
            positive: vec!["carer".into()],
            negative: vec!["nobody".into()],
        });
        let defs = vec![booklet("b", TenToFifteen, vec![q])];
        let at = "2013-06-01T10:00:00Z";
        let many = |picks: Vec<Pick>| vec![("trusted_adult", Answer::PickedMany(picks))];
        let data = vec![
            completed(
                "1",
                "b",
                TenToFifteen,
                at,
                &many(vec![Pick::Option("carer".into())]),
            ),
            completed(
                "2",
                "b",
                TenToFifteen,
                at,
                &many(vec![Pick::Option("nobody".into())]),
            ),
            completed(
                "3",
                "b",
                TenToFifteen,
                at,
                &many(vec![Pick::Own("my gran".into())]),
            ),
            completed("4", "b", TenToFifteen, at, &many(vec![])), // empty: not an answer
            completed(
                "5",
                "b",
                TenToFifteen,
                at,
                &[("trusted_adult", Answer::RatherNotSay)],
            ),
            completed(
                "6",
                "b",
                TenToFifteen,
                at,
                &many(vec![Pick::Option("carer".into())]),
            ),
            completed(
                "7",
                "b",
                TenToFifteen,
                at,
                &many(vec![Pick::Option("carer".into())]),
            ),
            completed("8", "unknown", TenToFifteen, at, &[]),
            completed("9", "b", TenToFifteen, "yesterday", &[]),
        ];
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let c = *report.measures[0].current.overall.counts().unwrap();
        assert_eq!(
            (c.answered, c.positive, c.negative, c.rather_not_say),
            (5, 3, 1, 1)
        );
        assert_eq!(report.unknown_booklets, 1);
        assert_eq!(report.undated_booklets, 1);
        assert_eq!(report.booklets, 7);
    }

    #[test]
    fn revisions_and_surveys() {
        let mut old = booklet(
            "b",
            FourToSix,
            vec![yes_no("safe_old", "feel_safe", MeasureKind::Safety, false)],
        );
        old.revision = 1;
        let mut new = booklet(
            "b",
            FourToSix,
            vec![yes_no("feel_safe", "feel_safe", MeasureKind::Safety, false)],
        );
        new.revision = 2;
        let mut survey = booklet(
            "survey",
            FourToSix,
            vec![yes_no("feel_safe", "feel_safe", MeasureKind::Safety, false)],
        );
        survey.kind = BookletKind::Survey;
        let defs = [new, old, survey]; // newest first: order given does not matter
        let at = "2013-06-01T10:00:00Z";
        let mut data = Vec::new();
        for i in 0..5 {
            let mut r1 = completed(
                &format!("a{i}"),
                "b",
                FourToSix,
                at,
                &[("safe_old", picked("yes"))],
            );
            r1.booklet_revision = 1;
            let mut r3 = completed(
                &format!("c{i}"),
                "b",
                FourToSix,
                at,
                &[("feel_safe", picked("no"))],
            );
            r3.booklet_revision = 3; // unknown revision: the newest one given is used
            data.push(r1);
            data.push(r3);
            data.push(completed(
                &format!("s{i}"),
                "survey",
                FourToSix,
                at,
                &[("feel_safe", picked("no"))],
            ));
        }
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let c = *report.measures[0].current.overall.counts().unwrap();
        assert_eq!((c.answered, c.positive, c.negative), (10, 5, 5));
        assert_eq!(report.booklets, 10);
        assert_eq!(
            report.unknown_booklets, 0,
            "surveys are skipped, not unknown"
        );
    }

    #[test]
    fn extending_prepared_data_matches_preparing_it_all() {
        let defs = definitions();
        let index = ReportIndex::new(&defs);
        let mut data = Vec::new();
        add(
            &mut data,
            FourToSix,
            "2013-06-01T10:00:00Z",
            "feel_safe",
            "yes",
            6,
        );
        add(
            &mut data,
            SixteenPlus,
            "2012-06-01T10:00:00Z",
            "pathway_plan",
            "no",
            7,
        );
        add(
            &mut data,
            SevenToNine,
            "2013-07-01T10:00:00Z",
            "friends_visit",
            "rather_not_say",
            5,
        );
        data.push(completed(
            "u",
            "unknown",
            FourToSix,
            "2013-06-01T10:00:00Z",
            &[],
        ));
        data.push(completed("v", "review-4-6", FourToSix, "June", &[]));
        let whole = index.prepare(&data);
        let mut parts = index.prepare(&data[..9]);
        index.extend(&mut parts, &data[9..]);
        assert_eq!(whole.len(), 18);
        assert!(!whole.is_empty());
        for year in [year("2012/13"), year("2013/14")] {
            assert_eq!(whole.report_for_year(year), parts.report_for_year(year));
            assert_eq!(
                whole.report_for_year(year),
                index.report_for_year(&data, year)
            );
        }
        let r = whole.report_for_year(year("2013/14"));
        assert_eq!((r.unknown_booklets, r.undated_booklets), (1, 1));
    }

    #[test]
    fn a_large_report_counts_every_booklet_once() {
        let defs = definitions();
        let index = ReportIndex::new(&defs);
        let mut data = Vec::new();
        let values = ["yes", "no", "not_sure", "rather_not_say", "skip"];
        for i in 0..5_000usize {
            let band = AgeBand::ALL[i % 4];
            let mut answers = Vec::new();
            for (j, q) in [
                "feel_safe",
                "happy_where_live",
                "friends_visit",
                "pathway_plan",
            ]
            .iter()
            .enumerate()
            {
                match values[(i / 4 + j) % 5] {
                    "skip" => {}
                    "rather_not_say" => answers.push((*q, Answer::RatherNotSay)),
                    v => answers.push((*q, picked(v))),
                }
            }
            answers.push(("worries", Answer::Words("none".into())));
            let at = format!("2013-{:02}-10T10:00:00Z", 4 + i % 9);
            data.push(completed(
                &i.to_string(),
                booklet_id(band),
                band,
                &at,
                &answers,
            ));
        }
        let report = index.report_for_year(&data, year("2013/14"));
        assert_eq!(report.booklets, 5_000);
        for row in &report.measures {
            let c = row.current.overall.counts().unwrap();
            let bands: u32 = AgeBand::ALL
                .iter()
                .filter_map(|b| row.current.get(Some(*b)).counts())
                .map(|c| c.answered)
                .sum();
            assert_eq!(c.answered, bands, "{}", row.key);
            assert!(c.positive + c.negative <= c.answered);
        }
        let safe = report
            .measure("feel_safe")
            .unwrap()
            .current
            .overall
            .counts()
            .unwrap();
        assert_eq!((safe.answered, safe.rather_not_say), (3_000, 1_000));
        assert_eq!((safe.positive, safe.negative), (1_000, 1_000));
    }

    use Visibility::{FewerThanFive as Few, Shown as Show, Withheld as Held};

    #[test]
    fn a_lone_small_band_takes_its_nearest_shown_band_with_it() {
        // One band under five and all ages shown: the nearest band in age is withheld.
        assert_eq!(
            suppress_line([Some(3), Some(20), Some(30), Some(12)]),
            ([Few, Held, Show, Show], Show)
        );
        // Two shown bands as near: the older one.
        assert_eq!(
            suppress_line([Some(20), Some(2), Some(30), Some(12)]),
            ([Show, Few, Held, Show], Show)
        );
        assert_eq!(
            suppress_line([Some(20), Some(30), Some(12), Some(1)]),
            ([Show, Show, Held, Few], Show)
        );
        // The band withheld is chosen by place, not size: 7–9 is larger than 16+ here.
        assert_eq!(
            suppress_line([Some(4), Some(90), Some(30), Some(6)]),
            ([Few, Held, Show, Show], Show)
        );
        // A band not asked is a known zero: it is never withheld and never counts as hidden.
        assert_eq!(
            suppress_line([None, Some(2), None, Some(12)]),
            ([Show, Few, Show, Held], Show)
        );
        // No band left to withhold: all ages is withheld instead.
        assert_eq!(
            suppress_line([None, Some(4), None, Some(4)]),
            ([Show, Few, Show, Few], Held)
        );
    }

    #[test]
    fn hidden_bands_that_protect_each_other_need_nothing_more() {
        // Two small bands holding 7 together: neither can be worked out (3 + 4, 4 + 3).
        assert_eq!(
            suppress_line([Some(3), Some(4), Some(30), Some(12)]),
            ([Few, Few, Show, Show], Show)
        );
        // 2 together is itself a small number: one more band goes.
        assert_eq!(
            suppress_line([Some(1), Some(1), Some(30), Some(12)]),
            ([Few, Few, Held, Show], Show)
        );
        // 4 and 4 make 8, which could only be 4 each: one more band goes.
        assert_eq!(
            suppress_line([Some(4), Some(4), Some(30), Some(12)]),
            ([Few, Few, Held, Show], Show)
        );
        // Nobody answered in the hidden bands: subtraction shows 0, and there is nobody to
        // protect, so all ages stays.
        assert_eq!(
            suppress_line([Some(0), Some(18), Some(0), Some(0)]),
            ([Few, Show, Few, Few], Show)
        );
        // Fewer than five in all: every cell is "fewer than 5", nothing to subtract from.
        assert_eq!(
            suppress_line([Some(1), Some(2), None, Some(0)]),
            ([Few, Few, Show, Few], Few)
        );
        assert_eq!(
            suppress_line([Some(5), Some(6), Some(7), Some(8)]),
            ([Show; 4], Show)
        );
    }

    /// What a reader can tell about each cell from the table alone: its count if shown (or
    /// not asked, 0), 0 to 4 for "fewer than 5", 5 or more for a withheld cell; and that all
    /// ages is the sum of the bands. Returns, for each cell (the bands, then all ages), the
    /// lowest and highest counts that fit everything shown, which for one sum with bounds
    /// on each cell is exact.
    fn what_a_reader_can_tell(
        bands: [Option<u32>; 4],
        visible: ([Visibility; 4], Visibility),
    ) -> [(i64, i64); 5] {
        const MANY: i64 = 1 << 40; // no upper bound
        let total: u32 = bands.iter().flatten().sum();
        let cells: Vec<(i64, Visibility, i64)> = (0..5)
            .map(|i| {
                // (value, visibility, sign in "bands - all = 0")
                if i < 4 {
                    (i64::from(bands[i].unwrap_or(0)), visible.0[i], 1)
                } else {
                    (i64::from(total), visible.1, -1)
                }
            })
            .collect();
        let bounds: Vec<(i64, i64)> = cells
            .iter()
            .map(|&(value, v, _)| match v {
                Visibility::Shown => (value, value),
                Visibility::FewerThanFive => (0, i64::from(SUPPRESS_BELOW) - 1),
                Visibility::Withheld => (i64::from(SUPPRESS_BELOW), MANY),
            })
            .collect();
        let mut out = [(0, 0); 5];
        for j in 0..5 {
            // sign_j * x_j = -(sum of the others' signed values), over their bounds.
            let (mut lo, mut hi) = (0i64, 0i64);
            for (i, &(_, _, sign)) in cells.iter().enumerate() {
                if i == j {
                    continue;
                }
                let (a, b) = (sign * bounds[i].0, sign * bounds[i].1);
                lo += a.min(b);
                hi += a.max(b);
            }
            let sign = cells[j].2;
            let (from, to) = if sign == 1 { (-hi, -lo) } else { (lo, hi) };
            out[j] = (from.max(bounds[j].0), to.min(bounds[j].1));
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Whatever the counts, no hidden figure can be worked out from the shown ones and the
        /// all-ages total: every hidden cell someone answered in still has more than one count
        /// that fits; a row with such a cell has at least two hidden cells (all ages counted);
        /// and with all ages shown, the hidden bands together hold five or more children.
        #[test]
        fn no_hidden_count_can_be_worked_out(
            bands in proptest::array::uniform4(proptest::option::weighted(
                0.85,
                proptest::prop_oneof![0u32..10, 0u32..60],
            ))
        ) {
            let visible = suppress_line(bands);
            let total: u32 = bands.iter().flatten().sum();
            // Primary suppression is exactly "fewer than five answered".
            for (band, v) in bands.iter().zip(visible.0) {
                match band {
                    None => proptest::prop_assert_eq!(v, Show),
                    Some(n) => proptest::prop_assert_eq!(v == Few, *n < 5),
                }
            }
            proptest::prop_assert_eq!(visible.1 == Few, total < 5);
            let values: Vec<u32> = bands.iter().map(|b| b.unwrap_or(0)).chain([total]).collect();
            let vis: Vec<Visibility> = visible.0.iter().copied().chain([visible.1]).collect();
            let hidden: Vec<usize> = (0..5).filter(|&i| vis[i] != Show).collect();
            let someone_hidden = hidden.iter().any(|&i| values[i] > 0);
            if someone_hidden {
                proptest::prop_assert!(hidden.len() >= 2, "{:?} -> {:?}", bands, visible);
                if visible.1 == Show {
                    let together: u32 = hidden.iter().map(|&i| values[i]).sum();
                    proptest::prop_assert!(together >= 5, "{:?} -> {:?}", bands, visible);
                }
            }
            let tell = what_a_reader_can_tell(bands, visible);
            for &i in &hidden {
                let (lo, hi) = tell[i];
                let v = i64::from(values[i]);
                proptest::prop_assert!(lo <= v && v <= hi, "the true count fits: {:?}", bands);
                if values[i] > 0 {
                    proptest::prop_assert!(
                        lo < hi,
                        "cell {} of {:?} -> {:?} can be worked out: {}",
                        i, bands, visible, v
                    );
                }
            }
        }
    }

    #[test]
    fn a_report_withholds_a_second_band_and_counts_ok_answers() {
        let at = "2013-06-01T10:00:00Z";
        let mut data = Vec::new();
        // 4–6: 3 answered (fewer than 5); 7–9: 6 answered; 10–15: 10 answered.
        add(&mut data, FourToSix, at, "happy_where_live", "yes", 3);
        add(&mut data, SevenToNine, at, "happy_where_live", "yes", 4);
        add(
            &mut data,
            SevenToNine,
            at,
            "happy_where_live",
            "not_sure",
            1,
        );
        add(&mut data, SevenToNine, at, "happy_where_live", "no", 1);
        add(&mut data, TenToFifteen, at, "happy_where_live", "yes", 8);
        add(&mut data, TenToFifteen, at, "happy_where_live", "no", 2);
        let defs = definitions();
        let report = ReportIndex::new(&defs).report_for_year(&data, year("2013/14"));
        let row = report.measure("happy_where_live").unwrap();
        assert_eq!(row.current.get(Some(FourToSix)), &Cell::Suppressed);
        // 7–9 goes too, or 19 − 10 − 6 would give 4–6's 3 away.
        assert_eq!(row.current.get(Some(SevenToNine)), &Cell::Withheld);
        assert_eq!(
            row.current.get(Some(SevenToNine)).display_percent(),
            HIDDEN_TO_PROTECT
        );
        assert_eq!(row.current.get(Some(SevenToNine)).percent_positive(), None);
        // 16+ nobody answered: "fewer than 5", no need to protect it.
        assert_eq!(row.current.get(Some(SixteenPlus)), &Cell::Suppressed);
        let all = row.current.overall.counts().unwrap();
        assert_eq!(
            (all.answered, all.positive, all.ok(), all.negative),
            (19, 15, 1, 3)
        );
        assert_eq!(all.percent_positive, 79); // 15 / 19 = 78.9%
        let older = row.current.get(Some(TenToFifteen)).counts().unwrap();
        assert_eq!((older.positive, older.ok(), older.negative), (8, 0, 2));
        // The values that count, for saying how the scale is counted.
        assert_eq!(row.positive_values, ["yes"]);
        assert_eq!(row.negative_values, ["no"]);
        // No change is given for a withheld cell.
        assert_eq!(row.change(Some(SevenToNine)), None);
    }

    #[test]
    fn the_faces_scale_counts_happy_as_positive_and_ok_in_between() {
        let defs = crate::builtin::builtin_booklets();
        let index = ReportIndex::new(&defs);
        let at = "2013-06-01T10:00:00Z";
        let mut data = Vec::new();
        for (i, face) in ["very_happy", "happy", "happy", "ok", "sad", "very_sad"]
            .iter()
            .enumerate()
        {
            let booklet = crate::builtin::builtin_for(TenToFifteen);
            data.push(completed(
                &format!("f{i}"),
                &booklet.id,
                TenToFifteen,
                at,
                &[("happy_where_live", picked(face))],
            ));
        }
        let report = index.report_for_year(&data, year("2013/14"));
        let row = report.measure("happy_where_live").unwrap();
        assert_eq!(row.positive_values, ["happy", "very_happy"]);
        assert_eq!(row.negative_values, ["sad", "very_sad"]);
        let c = row.current.get(Some(TenToFifteen)).counts().unwrap();
        assert_eq!((c.positive, c.ok(), c.negative, c.answered), (3, 1, 2, 6));
        assert_eq!(c.percent_positive, 50);
        // Only 10–15 answered: the other bands are empty, so all ages is still shown.
        assert_eq!(row.current.overall.percent_positive(), Some(50));
    }
}

//! A survey's results: for each question, how many children gave each answer, by age band and
//! overall, with small numbers suppressed; and the free-text answers, grouped into themes.
//!
//! The figures follow the IRO reports' rules (`report.rs`, `docs/reports.md`):
//!
//! - **answered** counts children who gave an answer other than "I'd rather not say";
//!   percentages are of those, rounded half up with [`percent_half_up`];
//! - "I'd rather not say", **skipped** (shown but not answered) and **not shown** (hidden by a
//!   condition) are counted apart, never in the percentages;
//! - a cell where fewer than five children answered is [`Breakdown::Suppressed`] and carries no
//!   figures at all ([`is_suppressed`]), and prints "fewer than 5";
//! - so that no hidden figure can be worked out by subtracting the shown bands from all ages,
//!   one more cell of the question may be [`Breakdown::Withheld`] ([`suppress_line`]); finished
//!   surveys by band and free-text age bands follow the same rule.
//!
//! A pick-several or pick-and-order question's percentages are of the children who answered
//! it, so they can add up to more than 100%.
//!
//! Results never carry a child's details, a booklet's id or when it was finished: free-text
//! answers are listed under a [`FreeTextKey`] that cannot be turned back into the booklet, in
//! the key's order rather than the order children finished, and their age band is left out
//! where fewer than five children of that band wrote an answer to the question.

use super::themes::{ThemeBook, ThemeId};
use crate::age_band::AgeBand;
use crate::answer::{Answer, Pick};
use crate::booklet::AnswerKindType;
use crate::booklet::{Booklet, QuestionId};
use crate::csv::CsvWriter;
use crate::record::CompletedBooklet;
use crate::report::{
    is_suppressed, percent_half_up, suppress_line, Visibility, FEWER_THAN_FIVE, HIDDEN_TO_PROTECT,
    NOT_ASKED,
};
use crate::session::Session;
use crate::text::{LocaleCode, Text};
use crate::validate::values_of;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};

/// `format` of the results JSON.
pub const RESULTS_FORMAT: &str = "my-say/survey-results";
/// The results JSON version this build writes.
pub const RESULTS_VERSION: u32 = 1;
/// What the results call a child's own additions to a list ("added their own").
pub const OWN_VALUE: &str = "own";
/// The warning the exports put before free text: children may write their own name or
/// someone else's, and nothing can take names out for the council.
pub const CHECK_FOR_NAMES: &str = "Check these answers for names before you print or share \
     them: children may name themselves or other people.";

/// Domain separation for free-text keys.
const KEY_DOMAIN: &[u8] = b"my-say free text v1\0";

/// The stable key of one free-text answer: 16 lowercase hex digits, the first 8 bytes of
/// SHA-256 over the finished booklet's id, the question id and the answer's place in it.
/// The same answers always give the same keys (so theme assignments survive importing again),
/// two answers by the same child to different questions do not share anything visible, and
/// the key does not give the booklet's id back.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FreeTextKey(String);

impl FreeTextKey {
    /// The key of the `index`th piece of own words (from 0) in the answer to `question` in the
    /// finished booklet `booklet_id`.
    pub fn of(booklet_id: &str, question: &QuestionId, index: usize) -> FreeTextKey {
        let mut h = Sha256::new();
        h.update(KEY_DOMAIN);
        h.update(booklet_id.as_bytes());
        h.update([0]);
        h.update(question.as_str().as_bytes());
        h.update([0]);
        h.update((index as u64).to_be_bytes());
        let d = h.finalize();
        FreeTextKey(d[..8].iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for FreeTextKey {
    type Error = String;
    fn try_from(s: String) -> Result<FreeTextKey, String> {
        if s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            Ok(FreeTextKey(s))
        } else {
            Err(format!(
                "\"{s}\" is not a free-text key (16 lowercase hex digits)"
            ))
        }
    }
}

impl From<FreeTextKey> for String {
    fn from(k: FreeTextKey) -> String {
        k.0
    }
}

/// How many children gave one answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCount {
    /// The answer's value: "yes", a face, an option id, or [`OWN_VALUE`].
    pub value: String,
    /// The option's wording, for option ids the survey still has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Children who gave it.
    pub count: u32,
    /// `count / answered`, rounded half up.
    pub percent: u32,
}

/// The figures of a cell that is shown (five or more answered).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCounts {
    /// Children who gave an answer other than "I'd rather not say" (the denominator).
    pub answered: u32,
    /// Children who chose "I'd rather not say".
    pub rather_not_say: u32,
    /// Children who were shown the question and gave no answer.
    pub skipped: u32,
    /// Children who were not shown it, because of its condition.
    pub not_shown: u32,
    /// One entry per answer value, in the question's order; then any values the survey no
    /// longer has (from an earlier revision), without a label; then [`OWN_VALUE`] for
    /// questions where children can add their own. Empty for own-words questions.
    pub values: Vec<ValueCount>,
}

/// One cell: one question, one age band or all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cell", rename_all = "snake_case")]
pub enum Breakdown {
    /// The survey is not for this age band and nobody in it answered.
    NotAsked,
    /// Fewer than five answered: nothing is shown but "fewer than 5".
    Suppressed,
    /// Five or more answered, but hidden so that a suppressed cell of the same question
    /// cannot be worked out by subtraction ([`suppress_line`]): nothing is shown but
    /// "hidden to protect a small number".
    Withheld,
    /// Five or more answered.
    Shown(ValueCounts),
}

impl Breakdown {
    /// The figures, when shown.
    pub fn counts(&self) -> Option<&ValueCounts> {
        match self {
            Breakdown::Shown(c) => Some(c),
            _ => None,
        }
    }

    /// What a table prints for a value: "42%", "fewer than 5", "hidden to protect a small
    /// number" or "not asked".
    pub fn display_percent(&self, value: &str) -> String {
        match self {
            Breakdown::NotAsked => NOT_ASKED.to_owned(),
            Breakdown::Suppressed => FEWER_THAN_FIVE.to_owned(),
            Breakdown::Withheld => HIDDEN_TO_PROTECT.to_owned(),
            Breakdown::Shown(c) => c
                .values
                .iter()
                .find(|v| v.value == value)
                .map_or_else(|| "0%".to_owned(), |v| format!("{}%", v.percent)),
        }
    }
}

/// One free-text answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeTextAnswer {
    /// Its stable key, for grouping into themes.
    pub key: FreeTextKey,
    /// The child's age band, or `None` where fewer than five children of that band wrote an
    /// answer to this question, or where it is left out so that such a band cannot be told
    /// apart by elimination ([`suppress_line`] over the writers in each band).
    pub band: Option<AgeBand>,
    /// The words, verbatim.
    pub text: String,
    /// The themes it is in, in the theme book's order.
    pub themes: Vec<ThemeId>,
}

/// The results for one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResults {
    /// The question's id.
    pub id: QuestionId,
    /// Its number in the survey, from 1.
    pub number: usize,
    /// Its wording.
    pub text: Text,
    /// Its type of answer.
    pub kind: AnswerKindType,
    /// One cell per age band, in [`AgeBand::ALL`] order.
    pub bands: [Breakdown; 4],
    /// All bands together.
    pub overall: Breakdown,
    /// The free-text answers (own words, and own additions to lists), in key order.
    pub free_text: Vec<FreeTextAnswer>,
}

impl QuestionResults {
    /// The cell for a band, or the overall cell for `None`.
    pub fn get(&self, band: Option<AgeBand>) -> &Breakdown {
        match band {
            Some(b) => &self.bands[band_index(b)],
            None => &self.overall,
        }
    }
}

/// How many free-text answers a theme holds in these results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCount {
    /// The theme.
    pub id: ThemeId,
    /// Its name.
    pub name: String,
    /// Free-text answers in it.
    pub answers: u32,
}

/// A survey's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResults {
    /// The survey's id.
    pub survey_id: String,
    /// The revision whose wording the results use.
    pub revision: u32,
    /// The survey's title.
    pub title: Text,
    /// Finished surveys counted.
    pub responses: u32,
    /// Finished surveys by age band, in [`AgeBand::ALL`] order; `None` where fewer than five,
    /// or where withheld so that such a band cannot be worked out from `responses`
    /// ([`suppress_line`]; see `responses_withheld`).
    pub responses_by_band: [Option<u32>; 4],
    /// Where `responses_by_band` is `None` though five or more finished: withheld to protect
    /// a band with fewer than five.
    #[serde(default)]
    pub responses_withheld: [bool; 4],
    /// Finished booklets given that belong to another survey or booklet (not counted).
    pub other_booklets: u32,
    /// One entry per question, in survey order.
    pub questions: Vec<QuestionResults>,
    /// The themes, in the theme book's order, with how many answers each holds.
    pub themes: Vec<ThemeCount>,
}

fn band_index(band: AgeBand) -> usize {
    AgeBand::ALL
        .iter()
        .position(|b| *b == band)
        .expect("every band is in ALL")
}

/// Running counts for one question and band.
#[derive(Clone, Debug, Default)]
struct Tally {
    answered: u32,
    rather_not_say: u32,
    skipped: u32,
    not_shown: u32,
    /// Count per value, in first-seen order after the question's own values.
    values: BTreeMap<String, u32>,
    own: u32,
    /// Children who wrote free text.
    wrote: u32,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.answered += other.answered;
        self.rather_not_say += other.rather_not_say;
        self.skipped += other.skipped;
        self.not_shown += other.not_shown;
        for (v, n) in &other.values {
            *self.values.entry(v.clone()).or_default() += n;
        }
        self.own += other.own;
        self.wrote += other.wrote;
    }
}

/// Counts the finished booklets of `survey` (any revision: the builder never reuses a
/// question or option id, so answers from every revision count together, with the newest
/// wording). Booklets of other surveys are counted in `other_booklets` only; a booklet given
/// twice (imported twice) counts once. `themes`, if given, puts free-text answers in their
/// themes.
pub fn survey_results(
    survey: &Booklet,
    booklets: &[CompletedBooklet],
    themes: Option<&ThemeBook>,
) -> SurveyResults {
    let questions: Vec<_> = survey.questions().collect();
    // tallies[question][band]
    let mut tallies: Vec<[Tally; 4]> = questions.iter().map(|_| Default::default()).collect();
    // (question, band, key, words)
    let mut free: Vec<(usize, AgeBand, FreeTextKey, String)> = Vec::new();
    let mut responses = [0u32; 4];
    let mut other_booklets = 0;
    let mut seen = HashSet::new();
    for b in booklets {
        if b.booklet_id != survey.id {
            other_booklets += 1;
            continue;
        }
        if !seen.insert(b.id.as_str()) {
            continue;
        }
        let band = band_index(b.age_band);
        responses[band] += 1;
        let session = Session::new(survey, b.age_band, &b.answers);
        for (n, q) in questions.iter().enumerate() {
            let t = &mut tallies[n][band];
            if !session.is_visible(&q.id) {
                t.not_shown += 1;
                continue;
            }
            let answer = match b.answers.get(&q.id) {
                None => {
                    t.skipped += 1;
                    continue;
                }
                Some(Answer::RatherNotSay) => {
                    t.rather_not_say += 1;
                    continue;
                }
                Some(a) if a.is_empty() => {
                    t.skipped += 1;
                    continue;
                }
                Some(a) => a,
            };
            t.answered += 1;
            match answer {
                Answer::Picked(v) => *t.values.entry(v.clone()).or_default() += 1,
                Answer::PickedMany(picks) => {
                    let mut counted = HashSet::new();
                    for p in picks {
                        if let Pick::Option(id) = p {
                            if counted.insert(id.as_str()) {
                                *t.values.entry(id.clone()).or_default() += 1;
                            }
                        }
                    }
                    if picks
                        .iter()
                        .any(|p| matches!(p, Pick::Own(w) if !w.trim().is_empty()))
                    {
                        t.own += 1;
                    }
                }
                Answer::Words(_) | Answer::RatherNotSay => {}
            }
            let words: Vec<&str> = answer
                .own_words()
                .into_iter()
                .filter(|w| !w.trim().is_empty())
                .collect();
            if !words.is_empty() {
                t.wrote += 1;
            }
            for (i, w) in words.into_iter().enumerate() {
                free.push((
                    n,
                    b.age_band,
                    FreeTextKey::of(&b.id, &q.id, i),
                    w.to_owned(),
                ));
            }
        }
    }

    let mut results: Vec<QuestionResults> = questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let allowed = values_of(&q.kind);
            let own_allowed = matches!(
                q.kind,
                crate::booklet::AnswerKind::PickSeveral {
                    own_words: true,
                    ..
                } | crate::booklet::AnswerKind::PickAndOrder {
                    own_words: true,
                    ..
                } | crate::booklet::AnswerKind::People { .. }
            );
            let cell = |t: &Tally, asked: bool| -> Breakdown {
                if !asked && t.answered == 0 && t.rather_not_say == 0 && t.skipped == 0 {
                    return Breakdown::NotAsked;
                }
                if is_suppressed(t.answered) {
                    return Breakdown::Suppressed;
                }
                let percent = |count| percent_half_up(count, t.answered).unwrap_or(0);
                let mut values: Vec<ValueCount> = allowed
                    .iter()
                    .map(|v| {
                        let count = t.values.get(*v).copied().unwrap_or(0);
                        ValueCount {
                            value: (*v).to_owned(),
                            label: q
                                .options()
                                .iter()
                                .find(|o| o.id == *v)
                                .map(|o| o.label.clone()),
                            count,
                            percent: percent(count),
                        }
                    })
                    .collect();
                values.extend(
                    t.values
                        .iter()
                        .filter(|(v, _)| !allowed.contains(&v.as_str()))
                        .map(|(v, &count)| ValueCount {
                            value: v.clone(),
                            label: None,
                            count,
                            percent: percent(count),
                        }),
                );
                if own_allowed || t.own > 0 {
                    values.push(ValueCount {
                        value: OWN_VALUE.to_owned(),
                        label: None,
                        count: t.own,
                        percent: percent(t.own),
                    });
                }
                Breakdown::Shown(ValueCounts {
                    answered: t.answered,
                    rather_not_say: t.rather_not_say,
                    skipped: t.skipped,
                    not_shown: t.not_shown,
                    values,
                })
            };
            let mut all = Tally::default();
            tallies[n].iter().for_each(|t| all.add(t));
            let mut bands = AgeBand::ALL.map(|band| {
                cell(
                    &tallies[n][band_index(band)],
                    survey.age_bands.contains(&band),
                )
            });
            let mut overall = cell(&all, true);
            let answered = [0, 1, 2, 3]
                .map(|i| (bands[i] != Breakdown::NotAsked).then_some(tallies[n][i].answered));
            let (visible, all_visible) = suppress_line(answered);
            for (cell, v) in bands.iter_mut().zip(visible) {
                if v == Visibility::Withheld {
                    *cell = Breakdown::Withheld;
                }
            }
            if all_visible == Visibility::Withheld {
                overall = Breakdown::Withheld;
            }
            QuestionResults {
                id: q.id.clone(),
                number: n + 1,
                text: q.text.clone(),
                kind: AnswerKindType::of(&q.kind),
                bands,
                overall,
                free_text: Vec::new(),
            }
        })
        .collect();

    free.sort_by(|a, b| a.2.cmp(&b.2));
    // A band is named only where suppress_line shows the number who wrote in it: never one
    // band alone left unnamed, which the named ones would give away.
    let named: Vec<[Visibility; 4]> = tallies
        .iter()
        .map(|t| suppress_line([0, 1, 2, 3].map(|i| Some(t[i].wrote))).0)
        .collect();
    for (n, band, key, text) in free {
        let shown_band = (named[n][band_index(band)] == Visibility::Shown).then_some(band);
        let themes_of = themes
            .map(|t| {
                t.themes_of(&key)
                    .into_iter()
                    .map(|t| t.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        results[n].free_text.push(FreeTextAnswer {
            key,
            band: shown_band,
            text,
            themes: themes_of,
        });
    }

    let theme_counts = themes
        .map(|book| {
            book.themes()
                .iter()
                .map(|t| ThemeCount {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    answers: results
                        .iter()
                        .flat_map(|q| &q.free_text)
                        .filter(|f| f.themes.contains(&t.id))
                        .count() as u32,
                })
                .collect()
        })
        .unwrap_or_default();

    let finished = suppress_line(AgeBand::ALL.map(|b| {
        let r = responses[band_index(b)];
        (r > 0 || survey.age_bands.contains(&b)).then_some(r)
    }))
    .0;
    SurveyResults {
        survey_id: survey.id.clone(),
        revision: survey.revision,
        title: survey.title.clone(),
        responses: responses.iter().sum(),
        responses_by_band: [0, 1, 2, 3].map(|i| {
            let r = responses[i];
            (finished[i] == Visibility::Shown && !is_suppressed(r)).then_some(r)
        }),
        responses_withheld: finished.map(|v| v == Visibility::Withheld),
        other_booklets,
        questions: results,
        themes: theme_counts,
    }
}

/// The headings of the figures in [`results_csv`].
pub const RESULTS_COLUMNS: [&str; 12] = [
    "question_number",
    "question_id",
    "question",
    "age_band",
    "answer",
    "answer_label",
    "count",
    "percent",
    "answered",
    "rather_not_say",
    "skipped",
    "not_shown",
];

/// The headings of the free-text part of [`results_csv`].
pub const FREE_TEXT_COLUMNS: [&str; 6] = [
    "question_number",
    "question_id",
    "question",
    "age_band",
    "answer",
    "themes",
];

/// The results as CSV (byte order mark, formula-safe cells, CRLF rows), in two tables one
/// after the other, separated by an empty row: the figures, one row per question, age band
/// ("all" for all bands) and answer, where a suppressed cell is one row reading "fewer than 5"
/// (a withheld one, "hidden to protect a small number") and a band the survey is not for
/// reads "not asked"; then the free-text answers with their
/// themes, under a one-cell row with [`CHECK_FOR_NAMES`] between empty rows (so a reader that
/// splits tables at empty rows sees the warning as a table of its own, just before the free
/// text). Wording is in `locale`, else English, else any language the survey has.
pub fn results_csv(
    results: &SurveyResults,
    locale: &LocaleCode,
    themes: Option<&ThemeBook>,
) -> String {
    let en = LocaleCode::new("en");
    let mut w = CsvWriter::new();
    w.row(&RESULTS_COLUMNS);
    let bands = AgeBand::ALL.map(Some).into_iter().chain([None]);
    for q in &results.questions {
        let text = q.text.get(locale, &en);
        for band in bands.clone() {
            let start = |w: &mut CsvWriter| {
                w.number(q.number as i64)
                    .text(q.id.as_str())
                    .text(text)
                    .text(&band.map_or("all".to_owned(), |b| b.to_string()));
            };
            match q.get(band) {
                Breakdown::NotAsked => {
                    start(&mut w);
                    w.empty().empty().text(NOT_ASKED).text(NOT_ASKED);
                    w.empty().empty().empty().empty();
                    w.end_row();
                }
                Breakdown::Suppressed | Breakdown::Withheld => {
                    let words = match q.get(band) {
                        Breakdown::Withheld => HIDDEN_TO_PROTECT,
                        _ => FEWER_THAN_FIVE,
                    };
                    start(&mut w);
                    w.empty().empty().text(words).text(words).text(words);
                    w.empty().empty().empty();
                    w.end_row();
                }
                Breakdown::Shown(c) => {
                    let tail = |w: &mut CsvWriter| {
                        w.number(c.answered.into())
                            .number(c.rather_not_say.into())
                            .number(c.skipped.into())
                            .number(c.not_shown.into());
                        w.end_row();
                    };
                    if c.values.is_empty() {
                        // Own words: the count is who wrote something.
                        start(&mut w);
                        w.text("own_words")
                            .empty()
                            .number(c.answered.into())
                            .text("100%");
                        tail(&mut w);
                    }
                    for v in &c.values {
                        start(&mut w);
                        w.text(&v.value)
                            .text(v.label.as_ref().map_or("", |l| l.get(locale, &en)))
                            .number(v.count.into())
                            .text(&format!("{}%", v.percent));
                        tail(&mut w);
                    }
                }
            }
        }
    }
    w.end_row();
    w.row(&[CHECK_FOR_NAMES]);
    w.end_row();
    w.row(&FREE_TEXT_COLUMNS);
    for q in &results.questions {
        let text = q.text.get(locale, &en);
        for f in &q.free_text {
            let names: Vec<&str> = f
                .themes
                .iter()
                .filter_map(|id| themes.and_then(|t| t.theme(id)))
                .map(|t| t.name.as_str())
                .collect();
            w.number(q.number as i64)
                .text(q.id.as_str())
                .text(text)
                .text(&f.band.map_or(String::new(), |b| b.to_string()))
                .text(&f.text)
                .text(&names.join("; "));
            w.end_row();
        }
    }
    w.finish()
}

#[derive(Serialize)]
struct ResultsJson<'r> {
    format: &'static str,
    version: u32,
    check_for_names: &'static str,
    #[serde(flatten)]
    results: &'r SurveyResults,
}

/// The results as JSON: `{"format":"my-say/survey-results","version":1,"check_for_names":...}`
/// (the [`CHECK_FOR_NAMES`] warning) and every field of [`SurveyResults`]. Suppressed cells are
/// `{"cell":"suppressed"}` and withheld ones `{"cell":"withheld"}`, with no figures.
pub fn results_json(results: &SurveyResults) -> String {
    serde_json::to_string_pretty(&ResultsJson {
        format: RESULTS_FORMAT,
        version: RESULTS_VERSION,
        check_for_names: CHECK_FOR_NAMES,
        results,
    })
    .expect("plain data serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::child::ChildDetails;
    use crate::survey::fixtures::{draft, option, own, picked, response};
    use crate::survey::themes::ThemeBook;

    const S: &str = "survey-0123456789abcdef";

    /// 8 children aged 10–15, 3 aged 7–9, 5 aged 16+.
    fn booklets() -> Vec<CompletedBooklet> {
        use AgeBand::*;
        let mut out = Vec::new();
        let mut n = 0;
        let mut add = |band, answers: &[(&str, Answer)]| {
            n += 1;
            out.push(response(S, n, band, answers));
        };
        // 10–15: q1 yes ×5, no ×2, rather not say ×1.
        for _ in 0..5 {
            add(
                TenToFifteen,
                &[("q1", picked("yes")), ("q4", picked("happy"))],
            );
        }
        add(
            TenToFifteen,
            &[
                ("q1", picked("no")),
                ("q3", Answer::Words("Put her number on my phone".into())),
                (
                    "q2",
                    Answer::PickedMany(vec![option("o1"), own("=HYPERLINK(\"x\")")]),
                ),
            ],
        );
        add(
            TenToFifteen,
            &[
                ("q1", picked("no")),
                ("q3", Answer::Words("  ".into())),
                ("q2", Answer::PickedMany(vec![option("o1"), option("o3")])),
            ],
        );
        add(TenToFifteen, &[("q1", Answer::RatherNotSay)]);
        // 7–9: three children.
        for _ in 0..3 {
            add(SevenToNine, &[("q1", picked("not_sure"))]);
        }
        // 16+: five children, one of whom skipped q1.
        for i in 0..5 {
            let mut answers = vec![("q4", picked("very_happy"))];
            if i > 0 {
                answers.push(("q1", picked("yes")));
            }
            add(SixteenPlus, &answers);
        }
        out
    }

    fn cell(b: &Breakdown) -> &ValueCounts {
        b.counts().unwrap_or_else(|| panic!("suppressed: {b:?}"))
    }

    fn count(c: &ValueCounts, value: &str) -> (u32, u32) {
        let v = c.values.iter().find(|v| v.value == value).unwrap();
        (v.count, v.percent)
    }

    #[test]
    fn counts_and_percentages_by_age_band() {
        let survey = draft().publish().unwrap();
        let r = survey_results(&survey, &booklets(), None);
        assert_eq!(r.responses, 16);
        // 7–9: three finished, so "fewer than 5"; 10–15 (the nearest band) is withheld, or
        // 16 − 8 − 5 would give the 7–9 count away. 4–6 is not asked: a known zero.
        assert_eq!(r.responses_by_band, [None, None, None, Some(5)]);
        assert_eq!(r.responses_withheld, [false, false, true, false]);
        let q1 = &r.questions[0];
        assert_eq!(q1.number, 1);
        assert_eq!(q1.kind, AnswerKindType::YesNotSureNo);
        // 4–6: the survey is not for them.
        assert_eq!(q1.get(Some(AgeBand::FourToSix)), &Breakdown::NotAsked);
        // 7–9: three answered, so nothing is shown.
        assert_eq!(q1.get(Some(AgeBand::SevenToNine)), &Breakdown::Suppressed);
        assert_eq!(
            q1.get(Some(AgeBand::SevenToNine)).display_percent("yes"),
            "fewer than 5"
        );
        // 10–15: 7 answered (5 yes, 2 no), 1 rather not say.
        let c = cell(q1.get(Some(AgeBand::TenToFifteen)));
        assert_eq!(
            (c.answered, c.rather_not_say, c.skipped, c.not_shown),
            (7, 1, 0, 0)
        );
        assert_eq!(count(c, "yes"), (5, 71));
        assert_eq!(count(c, "no"), (2, 29));
        assert_eq!(count(c, "not_sure"), (0, 0));
        // 16+: four answered, one skipped: suppressed although five took part.
        assert_eq!(q1.get(Some(AgeBand::SixteenPlus)), &Breakdown::Suppressed);
        // All: 14 answered: 9 yes (64.3%), 2 no, 3 not sure; 1 rather not say, 1 skipped.
        let c = cell(&q1.overall);
        assert_eq!((c.answered, c.rather_not_say, c.skipped), (14, 1, 1));
        assert_eq!(count(c, "yes"), (9, 64));
        assert_eq!(count(c, "not_sure"), (3, 21));
        assert_eq!(q1.overall.display_percent("no"), "14%");

        // q4 (faces), 10–15: five answered, three were shown it and skipped it.
        let c = cell(r.questions[3].get(Some(AgeBand::TenToFifteen)));
        assert_eq!((c.answered, c.skipped, c.not_shown), (5, 3, 0));
        assert_eq!(count(c, "happy"), (5, 100));
        // q3 is shown only to those who said no or not sure (5 children), and one wrote
        // something (blank words count as skipped): suppressed, and counted apart.
        assert_eq!(r.questions[2].overall, Breakdown::Suppressed);
    }

    #[test]
    fn own_words_question_with_few_answers_is_suppressed_but_listed() {
        let survey = draft().publish().unwrap();
        let r = survey_results(&survey, &booklets(), None);
        let q3 = &r.questions[2];
        // Shown overall because... no: one child answered. Suppressed.
        assert_eq!(q3.overall, Breakdown::Suppressed);
        assert_eq!(q3.free_text.len(), 1);
        assert_eq!(q3.free_text[0].text, "Put her number on my phone");
        assert_eq!(
            q3.free_text[0].band, None,
            "one writer in 10–15: band not shown"
        );
    }

    #[test]
    fn a_lone_small_band_is_protected_by_withholding_the_nearest_band() {
        use AgeBand::*;
        let survey = draft().publish().unwrap();
        let mut bs = booklets();
        // Three more 16+ answer q1 and write q3.
        for n in 200..203 {
            bs.push(response(
                S,
                n,
                SixteenPlus,
                &[
                    ("q1", picked("no")),
                    ("q3", Answer::Words(format!("words {n}"))),
                ],
            ));
        }
        // Six more 10–15 too. q1 is now 7–9: 3, 10–15: 13, 16+: 7; q3 has 7 writers in
        // 10–15 and 3 in 16+.
        for n in 300..306 {
            bs.push(response(
                S,
                n,
                TenToFifteen,
                &[
                    ("q1", picked("no")),
                    ("q3", Answer::Words(format!("more {n}"))),
                ],
            ));
        }
        let r = survey_results(&survey, &bs, None);
        let q1 = &r.questions[0];
        assert_eq!(q1.get(Some(SevenToNine)), &Breakdown::Suppressed);
        // 10–15 is nearest to 7–9, so it is withheld, not 16+.
        assert_eq!(q1.get(Some(TenToFifteen)), &Breakdown::Withheld);
        assert_eq!(
            q1.get(Some(TenToFifteen)).display_percent("yes"),
            HIDDEN_TO_PROTECT
        );
        assert!(q1.get(Some(SixteenPlus)).counts().is_some());
        assert!(q1.overall.counts().is_some());
        // Free text of q3: 10–15 wrote 7 (1 + 6), 16+ wrote 3. 16+ alone unnamed would be
        // given away by elimination, so 10–15's answers are not named either.
        let q3 = &r.questions[2];
        assert_eq!(q3.free_text.len(), 10);
        assert!(q3.free_text.iter().all(|f| f.band.is_none()));
        // The CSV says which cell is withheld, with no figures.
        let csv = results_csv(&r, &LocaleCode::new("en"), None);
        let rows = crate::csv::parse(&csv).unwrap();
        let row = rows
            .iter()
            .find(|r| r[1] == "q1" && r[3] == "10–15")
            .unwrap();
        assert_eq!(
            row[6..],
            [
                HIDDEN_TO_PROTECT,
                HIDDEN_TO_PROTECT,
                HIDDEN_TO_PROTECT,
                "",
                "",
                ""
            ]
        );
        assert!(results_json(&r).contains(r#""cell": "withheld""#));
    }

    #[test]
    fn picking_several_counts_each_option_and_own_additions() {
        let survey = draft().publish().unwrap();
        let mut bs = booklets();
        for n in 100..104 {
            bs.push(response(
                S,
                n,
                AgeBand::TenToFifteen,
                &[(
                    "q2",
                    Answer::PickedMany(vec![option("o2"), option("o1"), option("o1")]),
                )],
            ));
        }
        let r = survey_results(&survey, &bs, None);
        let c = cell(r.questions[1].get(Some(AgeBand::TenToFifteen)));
        assert_eq!(c.answered, 6);
        assert_eq!(
            count(c, "o1"),
            (6, 100),
            "an option picked twice counts once"
        );
        assert_eq!(count(c, "o2"), (4, 67));
        assert_eq!(count(c, "o3"), (1, 17));
        assert_eq!(count(c, OWN_VALUE), (1, 17));
        assert_eq!(
            c.values[0].label.as_ref().unwrap().0[&LocaleCode::new("en")],
            "Shorter meetings"
        );
        assert_eq!(r.questions[1].free_text.len(), 1);
    }

    #[test]
    fn duplicates_other_surveys_and_removed_options() {
        let survey = draft().publish().unwrap();
        let mut bs = booklets();
        let again = bs.clone();
        bs.extend(again); // imported twice
        bs.push(response(
            "review-7-9",
            500,
            AgeBand::SevenToNine,
            &[("q1", picked("no"))],
        ));
        // An answer from an earlier revision with an option since removed.
        for n in 600..605 {
            bs.push(response(
                S,
                n,
                AgeBand::TenToFifteen,
                &[("q5", picked("o9"))],
            ));
        }
        let r = survey_results(&survey, &bs, None);
        assert_eq!(r.responses, 21);
        assert_eq!(r.other_booklets, 1);
        let c = cell(r.questions[4].get(Some(AgeBand::TenToFifteen)));
        assert_eq!(c.values.len(), 3);
        assert_eq!(c.values[2].value, "o9");
        assert_eq!(c.values[2].label, None);
        assert_eq!((c.values[2].count, c.values[2].percent), (5, 100));
    }

    #[test]
    fn results_never_carry_who_answered() {
        let survey = draft().publish().unwrap();
        let mut bs = booklets();
        // Even a forged survey record with child details gives nothing away.
        bs[0].child = ChildDetails {
            name: "Zebedee".into(),
            case_reference: Some("CR-12345".into()),
            date_of_birth: Some("2012-01-02".into()),
            ..ChildDetails::default()
        };
        let r = survey_results(&survey, &bs, None);
        let json = results_json(&r);
        let csv = results_csv(&r, &LocaleCode::new("en"), None);
        for out in [&json, &csv] {
            for secret in ["Zebedee", "CR-12345", "2012-01-02", "2026-05-", &bs[5].id] {
                assert!(!out.contains(secret), "{secret} leaked");
            }
        }
        assert!(json.contains(r#""format": "my-say/survey-results""#));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["check_for_names"], CHECK_FOR_NAMES);
        assert!(json.contains(r#""cell": "suppressed""#));
        assert!(json.contains(r#""cell": "not_asked""#));
    }

    #[test]
    fn free_text_keys_are_stable_and_unlinkable() {
        let a = FreeTextKey::of(
            "00000000000000000000000000000001",
            &QuestionId::new("q3"),
            0,
        );
        assert_eq!(
            a,
            FreeTextKey::of(
                "00000000000000000000000000000001",
                &QuestionId::new("q3"),
                0
            )
        );
        assert_ne!(
            a,
            FreeTextKey::of(
                "00000000000000000000000000000001",
                &QuestionId::new("q2"),
                0
            )
        );
        assert_ne!(
            a,
            FreeTextKey::of(
                "00000000000000000000000000000001",
                &QuestionId::new("q3"),
                1
            )
        );
        assert_eq!(a.as_str().len(), 16);
        assert!(!a.as_str().contains("0000000001"));
        let back: FreeTextKey = serde_json::from_str(&format!("\"{}\"", a.as_str())).unwrap();
        assert_eq!(back, a);
        assert!(serde_json::from_str::<FreeTextKey>("\"ABCDEF0123456789\"").is_err());
        assert!(serde_json::from_str::<FreeTextKey>("\"abc\"").is_err());
    }

    #[test]
    fn free_text_band_is_shown_from_five_writers_and_order_is_not_finishing_order() {
        let survey = draft().publish().unwrap();
        let mut bs: Vec<CompletedBooklet> = (1..=6)
            .map(|n| {
                response(
                    S,
                    n,
                    AgeBand::SixteenPlus,
                    &[
                        ("q1", picked("no")),
                        ("q3", Answer::Words(format!("answer {n}"))),
                    ],
                )
            })
            .collect();
        // Two more who said yes, so were not shown q3.
        for n in 7..=8 {
            bs.push(response(
                S,
                n,
                AgeBand::SixteenPlus,
                &[("q1", picked("yes"))],
            ));
        }
        let r = survey_results(&survey, &bs, None);
        let c = cell(&r.questions[2].overall);
        assert_eq!((c.answered, c.skipped, c.not_shown), (6, 0, 2));
        assert!(c.values.is_empty());
        let free = &r.questions[2].free_text;
        assert_eq!(free.len(), 6);
        assert!(free.iter().all(|f| f.band == Some(AgeBand::SixteenPlus)));
        let keys: Vec<&FreeTextKey> = free.iter().map(|f| &f.key).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "listed by key");
    }

    #[test]
    fn themes_survive_importing_again() {
        let survey = draft().publish().unwrap();
        let bs = booklets();
        let r = survey_results(&survey, &bs, None);
        let mut book = ThemeBook::new(&survey.id);
        let contact = book.add_theme("Contacting the IRO").unwrap();
        let meetings = book.add_theme("Meetings").unwrap();
        let key_phone = r.questions[2].free_text[0].key.clone();
        let key_own = r.questions[1].free_text[0].key.clone();
        book.assign(&key_phone, &contact).unwrap();
        book.assign(&key_own, &meetings).unwrap();
        book.assign(&key_own, &contact).unwrap();
        let saved = book.to_json();

        // Later: the theme book read back, the answers imported again in another order (and
        // twice over), as a new workspace would.
        let book = ThemeBook::from_json(&saved).unwrap();
        let mut again: Vec<CompletedBooklet> = bs.iter().rev().cloned().collect();
        again.extend(bs.iter().cloned());
        let r = survey_results(&survey, &again, Some(&book));
        assert_eq!(r.questions[2].free_text[0].themes, vec![contact.clone()]);
        assert_eq!(
            r.questions[1].free_text[0].themes,
            vec![contact.clone(), meetings.clone()]
        );
        assert_eq!(
            r.themes
                .iter()
                .map(|t| (t.name.as_str(), t.answers))
                .collect::<Vec<_>>(),
            [("Contacting the IRO", 2), ("Meetings", 1)]
        );
        let csv = results_csv(&r, &LocaleCode::new("en"), Some(&book));
        assert!(csv.contains("Contacting the IRO; Meetings"), "{csv}");
    }

    #[test]
    fn csv_is_spreadsheet_safe() {
        let survey = draft().publish().unwrap();
        let r = survey_results(&survey, &booklets(), None);
        let csv = results_csv(&r, &LocaleCode::new("cy"), None);
        assert!(csv.starts_with('\u{feff}'));
        let rows = crate::csv::parse(&csv).unwrap();
        assert_eq!(rows[0], RESULTS_COLUMNS);
        // The child's "=HYPERLINK(...)" is neutralised.
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        // Wording in the chosen language.
        assert!(csv.contains("Do you know how to contact your IRO? (cy)"));
        let find = |q: &str, band: &str, answer: &str| {
            rows.iter()
                .find(|r| r.len() == 12 && r[1] == q && r[3] == band && r[4] == answer)
                .unwrap_or_else(|| panic!("{q} {band} {answer}"))
                .clone()
        };
        assert_eq!(
            find("q1", "10–15", "yes"),
            [
                "1",
                "q1",
                "Do you know how to contact your IRO? (cy)",
                "10–15",
                "yes",
                "",
                "5",
                "71%",
                "7",
                "1",
                "0",
                "0"
            ]
        );
        assert_eq!(
            find("q1", "7–9", ""),
            [
                "1",
                "q1",
                "Do you know how to contact your IRO? (cy)",
                "7–9",
                "",
                "",
                "fewer than 5",
                "fewer than 5",
                "fewer than 5",
                "",
                "",
                ""
            ]
        );
        assert_eq!(find("q1", "4–6", "")[6], "not asked");
        // The free-text table follows the names warning, each after an empty row.
        let at = rows.iter().position(|r| r == &FREE_TEXT_COLUMNS).unwrap();
        assert_eq!(rows[at - 1], [""]);
        assert_eq!(rows[at - 2], [CHECK_FOR_NAMES]);
        assert_eq!(rows[at - 3], [""]);
        assert_eq!(rows.len() - at - 1, 2, "two free-text answers");
        assert_eq!(
            rows.iter().filter(|r| r[0] == CHECK_FOR_NAMES).count(),
            1,
            "one warning, only before the free text"
        );
    }
}

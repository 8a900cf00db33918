//! A council survey's results: who finished it by age band; for each question, how many
//! children gave each answer by age band and overall (a table, and a bar chart with the same
//! figures beside it), small numbers shown as "fewer than 5" (and one more figure "hidden to
//! protect a small number" where subtraction would give one away); what children wrote, grouped into
//! themes the council names; downloads as CSV and JSON; and a clean print.
//!
//! The figures are `my_say_core::survey::survey_results` (their rules are docs/surveys.md); the
//! charts are `my_say_core::chart`, as on the reports page. Themes are saved to the workspace
//! after every change, read again first so nothing else about the survey is overwritten.

use crate::i18n::Key;
use crate::pages::iro::{focus_id_soon, use_active, ActiveWorkspace, ErrorBanner};
use crate::routes::aria_current;
use crate::workspace::surveys::{self, StoredSurvey};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::chart::{bar_chart_svg, Bar};
use my_say_core::survey::results::OWN_VALUE;
use my_say_core::survey::{
    results_csv, results_json, survey_results, Breakdown, FreeTextKey, QuestionResults,
    SurveyResults, ThemeBook, ThemeError, ThemeId, ValueCount,
};
use my_say_core::{AgeBand, Booklet, CompletedBooklet, LocaleCode, Text};
use my_say_ui::browser::files;
use my_say_ui::browser::store::StoreError;
use my_say_ui::components::answer_input::value_key;
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, Locale};
use my_say_ui::load::load;
use std::rc::Rc;
use std::sync::Arc;

/// What a survey page found in the workspace.
#[derive(Clone)]
enum Found {
    /// The survey and the finished surveys given to it.
    Survey(Box<StoredSurvey>, Arc<Vec<CompletedBooklet>>),
    /// No survey with this id here.
    Missing,
}

/// Reads the survey named in the address, and its answers.
async fn load_survey(active: ActiveWorkspace, id: String) -> Result<Found, StoreError> {
    let store = active.store().await?;
    let Some(survey) = surveys::load(&store, &id).await? else {
        return Ok(Found::Missing);
    };
    let answers = surveys::answers(&store, &id).await?;
    Ok(Found::Survey(Box::new(survey), Arc::new(answers)))
}

/// The survey's title in `locale`, from the published survey if there is one, else the draft;
/// the id when it has no title yet.
pub(super) fn survey_title(survey: &StoredSurvey, locale: Locale) -> String {
    let title: &Text = match &survey.published {
        Some(b) => &b.title,
        None => survey.draft.title(),
    };
    let fallback = survey
        .draft
        .locales()
        .first()
        .cloned()
        .unwrap_or_else(|| LocaleCode::new("en"));
    let words = title.get(&locale.locale_code(), &fallback);
    if words.trim().is_empty() {
        survey.id().to_owned()
    } else {
        words.to_owned()
    }
}

/// A change to apply to the stored survey (it sets one part from the page's latest state).
pub(super) type Change = Rc<dyn Fn(&mut StoredSurvey)>;

/// Saves a survey page's changes: reads the stored survey, applies the change, writes it back.
/// One write at a time; changes made meanwhile are saved next, the latest only (each change
/// sets a whole part from the page's latest state, so nothing typed is lost).
#[derive(Clone, Copy)]
pub(super) struct Saver {
    active: ActiveWorkspace,
    id: StoredValue<String>,
    busy: StoredValue<bool>,
    pending: StoredValue<Option<Change>, LocalStorage>,
    /// `Some(true)` once the last change is saved, `Some(false)` while saving.
    pub saved: RwSignal<Option<bool>>,
    /// Why the last save failed.
    pub error: RwSignal<Option<String>>,
}

impl Saver {
    /// A saver for the survey `id` in the page's workspace.
    pub fn new(active: ActiveWorkspace, id: String) -> Saver {
        Saver {
            active,
            id: StoredValue::new(id),
            busy: StoredValue::new(false),
            pending: StoredValue::new_local(None),
            saved: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    /// Saves `change` now, or after the write under way.
    pub fn save(self, change: Change) {
        self.saved.set(Some(false));
        if self.busy.get_value() {
            self.pending.set_value(Some(change));
            return;
        }
        self.busy.set_value(true);
        spawn_local(async move {
            let mut next = Some(change);
            let mut failed = false;
            while let Some(change) = next.take() {
                let id = self.id.get_value();
                let result: Result<(), StoreError> = async {
                    let store = self.active.store().await?;
                    let mut survey = surveys::load(&store, &id).await?.ok_or_else(|| {
                        StoreError::Other("the survey is no longer in this workspace".into())
                    })?;
                    change(&mut survey);
                    surveys::save(&store, &survey).await
                }
                .await;
                failed = result.is_err();
                self.error.set(result.err().map(|e| e.to_string()));
                next = self.pending.try_update_value(Option::take).flatten();
            }
            self.busy.set_value(false);
            self.saved.set((!failed).then_some(true));
        });
    }
}

/// "Saving…" and "Saved.", read out politely.
#[component]
pub(super) fn SaveNote(
    /// The saver whose state to show.
    saver: Saver,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-note no-print" role="status">
            {move || match saver.saved.get() {
                Some(true) => i18n.t(Key::ResultsSaved),
                Some(false) => i18n.t(Key::ResultsSaving),
                None => "",
            }}
        </p>
    }
}

/// Links between a survey's builder, its results and its "You said, we did".
#[component]
pub(super) fn SurveyTabs(
    /// The survey's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    view! {
        <nav class="survey-tabs no-print" aria-label=i18n.tr(Key::ResultsTabsLabel)>
            <ul>
                {[("", Key::ResultsTabSurvey), ("/results", Key::ResultsTabResults), ("/you-said", Key::ResultsTabYouSaid)].into_iter().map(|(tail, key)| {
                    let href = active.href(&format!("surveys/{id}{tail}"));
                    view! { <li><a href=href.clone() aria-current=aria_current(href, false)>{i18n.tr(key)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The page shown for an address with no survey.
#[component]
pub(super) fn SurveyMissing() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    view! {
        <h1 tabindex="-1">{i18n.tr(Key::ResultsNotFoundTitle)}</h1>
        <p>{i18n.tr(Key::ResultsNotFound)}</p>
        <p><a class="button" href=active.href("")>{i18n.tr(Key::ResultsBack)}</a></p>
    }
}

/// Focuses the page's heading once it is on screen (it appears after loading).
pub(super) fn focus_heading_when_shown(heading: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            request_animation_frame(move || {
                let _ = h.focus();
            });
        }
    });
}

/// Loads the survey named in the address and shows it with `found`; while it loads, when it
/// cannot be read and when there is no such survey, the same screens for every survey page.
#[component]
pub(super) fn WithSurvey<F, V>(
    /// The survey's id.
    id: String,
    /// The page's class.
    class: &'static str,
    /// The page, given the survey and the finished surveys given to it.
    found: F,
) -> impl IntoView
where
    F: Fn(StoredSurvey, Arc<Vec<CompletedBooklet>>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let active = use_active();
    let loaded = load(move || load_survey(active, id.clone()));
    view! {
        <div class=class>
            {move || match loaded.get() {
                None => view! { <p class="note" role="status">{i18n.tr(Key::IroLoading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> }.into_any(),
                Some(Ok(Found::Missing)) => view! { <SurveyMissing /> }.into_any(),
                Some(Ok(Found::Survey(survey, answers))) => found(*survey, answers).into_any(),
            }}
        </div>
    }
}

/// The results page of the survey named in the address (`surveys/:id/results`).
#[component]
pub fn SurveyResultsPage(
    /// The survey's id.
    id: String,
) -> impl IntoView {
    view! {
        <WithSurvey id class="survey-results" found=|survey, answers| view! { <ResultsView survey answers /> } />
    }
}

/// The results of one survey, or what to do when there are none yet.
#[component]
fn ResultsView(
    /// The survey as stored.
    survey: StoredSurvey,
    /// The finished surveys given to it.
    answers: Arc<Vec<CompletedBooklet>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_heading_when_shown(heading);
    let id = survey.id().to_owned();
    let title = {
        let survey = survey.clone();
        move || {
            i18n.locale().format(
                Key::ResultsTitle,
                &[("title", &survey_title(&survey, i18n.locale()))],
            )
        }
    };
    let head = view! {
        <h1 tabindex="-1" node_ref=heading dir="auto">{title}</h1>
        <SurveyTabs id=id.clone() />
    };
    let Some(published) = survey.published.clone() else {
        return view! {
            {head}
            <p class="banner info">{i18n.tr(Key::ResultsUnpublished)}</p>
            <p><a class="button" href=active.href("")>{i18n.tr(Key::ResultsGoHome)}</a></p>
        }
        .into_any();
    };
    if answers.is_empty() {
        return view! {
            {head}
            <p class="banner info">{i18n.tr(Key::ResultsNoAnswers)}</p>
            <p><a class="button" href=active.href("")>{i18n.tr(Key::ResultsGoHome)}</a></p>
        }
        .into_any();
    }
    let published = Arc::new(published);
    let themes = RwSignal::new(survey.themes.clone());
    let saver = Saver::new(active, id.clone());
    let save_themes = move || {
        saver.save(Rc::new(move |s: &mut StoredSurvey| {
            s.themes = themes.get_untracked();
        }))
    };
    // The figures do not depend on themes: worked out once, so ticking a theme re-renders only
    // what shows themes.
    let figures = Arc::new(survey_results(&published, &answers, None));
    let results = {
        let (published, answers) = (published.clone(), answers.clone());
        Memo::new(move |_| themes.with(|t| survey_results(&published, &answers, Some(t))))
    };
    let ctx = ThemeCtx {
        themes,
        save: Callback::new(move |_| save_themes()),
    };
    view! {
        {head}
        <p class="lead no-print">{i18n.tr(Key::ResultsLead)}</p>
        <ErrorBanner error=saver.error />
        {move || {
            let locale = i18n.locale();
            view! { <Figures results=figures.clone() published=published.clone() locale ctx /> }
        }}
        <ThemesCard ctx results saver />
        <Downloads results ctx id />
    }
    .into_any()
}

/// The themes, shared by everything on the page that shows or changes them.
#[derive(Clone, Copy)]
struct ThemeCtx {
    /// The theme book as it is now.
    themes: RwSignal<ThemeBook>,
    /// Saves the theme book (call after each change).
    save: Callback<()>,
}

impl ThemeCtx {
    /// Puts an answer in a theme or takes it out, and saves.
    fn set(self, key: &FreeTextKey, theme: &ThemeId, on: bool) {
        self.themes.update(|t| {
            if on {
                let _ = t.assign(key, theme);
            } else {
                t.unassign(key, theme);
            }
        });
        self.save.run(());
    }

    /// Whether an answer is in a theme (reactive).
    fn has(self, key: &FreeTextKey, theme: &ThemeId) -> bool {
        self.themes
            .with(|t| t.themes_of(key).iter().any(|n| &n.id == theme))
    }

    /// The theme's name (reactive), empty once removed.
    fn name(self, theme: &ThemeId) -> String {
        self.themes
            .with(|t| t.theme(theme).map(|n| n.name.clone()).unwrap_or_default())
    }

    /// The theme ids, in order (reactive).
    fn ids(self) -> Vec<ThemeId> {
        self.themes
            .with(|t| t.themes().iter().map(|n| n.id.clone()).collect())
    }
}

/// What a theme change was refused for, in words.
fn theme_error(e: &ThemeError, locale: Locale) -> String {
    match e {
        ThemeError::BlankName => locale.text(Key::ResultsErrorBlank).to_owned(),
        ThemeError::NameTooLong => locale.text(Key::ResultsErrorLong).to_owned(),
        ThemeError::NameTaken(name) => locale.format(Key::ResultsErrorTaken, &[("name", name)]),
        other => other.to_string(),
    }
}

/// The words for an answer value: yes / not sure / no and faces from the UI wording, options
/// from the survey, "added their own", or the value itself for an option the survey no longer
/// has.
pub(super) fn value_words(v: &ValueCount, locale: Locale, fallback: &LocaleCode) -> String {
    if v.value == OWN_VALUE {
        return locale.text(Key::ResultsOwn).to_owned();
    }
    if let Some(label) = &v.label {
        return label.get(&locale.locale_code(), fallback).to_owned();
    }
    match value_key(&v.value) {
        Some(k) => locale.text(k).to_owned(),
        None => locale.format(Key::ResultsRemovedValue, &[("value", &v.value)]),
    }
}

/// What a cell of a figures table says for one row: a count and percentage, a count, or
/// "fewer than 5" / "hidden to protect a small number" / "not asked".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum CellText {
    /// A count with its percentage of those who answered.
    CountPercent(u32, u32),
    /// A count alone.
    Count(u32),
    /// Words instead of figures.
    Words(Key),
}

/// One row of a question's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Row<'a> {
    /// An answer value.
    Value(&'a str),
    /// Children who answered.
    Answered,
    /// "I'd rather not say".
    RatherNotSay,
    /// Shown and not answered.
    Skipped,
    /// Hidden by a condition.
    NotShown,
}

/// The cell of `row` for a breakdown.
pub(super) fn cell_text(cell: &Breakdown, row: Row) -> CellText {
    let c = match cell {
        Breakdown::NotAsked => return CellText::Words(Key::IroReportsNotAsked),
        Breakdown::Suppressed => return CellText::Words(Key::IroReportsFewerThanFive),
        Breakdown::Withheld => return CellText::Words(Key::IroReportsWithheld),
        Breakdown::Shown(c) => c,
    };
    match row {
        Row::Value(v) => c
            .values
            .iter()
            .find(|x| x.value == v)
            .map_or(CellText::CountPercent(0, 0), |x| {
                CellText::CountPercent(x.count, x.percent)
            }),
        Row::Answered => CellText::Count(c.answered),
        Row::RatherNotSay => CellText::Count(c.rather_not_say),
        Row::Skipped => CellText::Count(c.skipped),
        Row::NotShown => CellText::Count(c.not_shown),
    }
}

/// The bars of a question's chart: one per answer value, its overall percentage.
pub(super) fn chart_bars(
    q: &QuestionResults,
    locale: Locale,
    fallback: &LocaleCode,
    instead: &str,
) -> Vec<Bar> {
    match &q.overall {
        Breakdown::Shown(c) => c
            .values
            .iter()
            .map(|v| Bar {
                label: value_words(v, locale, fallback),
                percent: Some(v.percent),
                instead: instead.to_owned(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn cell_view(text: CellText, locale: Locale) -> AnyView {
    match text {
        CellText::CountPercent(n, p) => view! {
            <span class="n">{n}</span>" "<span class="pct">{format!("{p}%")}</span>
        }
        .into_any(),
        CellText::Count(n) => view! { <span class="n">{n}</span> }.into_any(),
        CellText::Words(k) => {
            let class = if k == Key::IroReportsNotAsked {
                "not-asked"
            } else {
                "suppressed"
            };
            view! { <span class=class>{locale.text(k)}</span> }.into_any()
        }
    }
}

/// Who finished, then every question's table and chart, and what children wrote.
#[component]
fn Figures(
    /// The figures (without themes).
    results: Arc<SurveyResults>,
    /// The published survey.
    published: Arc<Booklet>,
    /// The UI language (the figures are made again when it changes).
    locale: Locale,
    /// The themes.
    ctx: ThemeCtx,
) -> impl IntoView {
    let fallback = published.fallback_locale();
    let bands = AgeBand::ALL.map(Some).into_iter().chain([None]);
    let band_heads = move || {
        view! {
            {AgeBand::ALL.map(|b| view! { <th scope="col">{locale.text(band_key(b))}</th> }).collect_view()}
            <th scope="col">{locale.text(Key::IroReportsAllAges)}</th>
        }
    };
    let finished_cells = AgeBand::ALL
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let text = match results.responses_by_band[i] {
                Some(n) => CellText::Count(n),
                None if results.responses_withheld[i] => CellText::Words(Key::IroReportsWithheld),
                None if !published.age_bands.contains(b) => {
                    CellText::Words(Key::IroReportsNotAsked)
                }
                None => CellText::Words(Key::IroReportsFewerThanFive),
            };
            view! { <td>{cell_view(text, locale)}</td> }
        })
        .collect_view();
    let responses = results.responses;
    let withheld = results.responses_withheld.contains(&true)
        || results
            .questions
            .iter()
            .any(|q| q.bands.contains(&Breakdown::Withheld) || q.overall == Breakdown::Withheld);
    let questions = results
        .questions
        .iter()
        .map(|q| {
            let text = q.text.get(&locale.locale_code(), &fallback).to_owned();
            let number = q.number.to_string();
            let heading_id = format!("q-{}", q.id.as_str());
            let values: Vec<ValueCount> = q.overall.counts().map(|c| c.values.clone()).unwrap_or_default();
            let mut rows: Vec<(String, Row)> = values
                .iter()
                .map(|v| (value_words(v, locale, &fallback), Row::Value(v.value.as_str())))
                .collect();
            rows.extend([
                (locale.text(Key::ResultsAnswered).to_owned(), Row::Answered),
                (locale.text(Key::ResultsRatherNotSay).to_owned(), Row::RatherNotSay),
                (locale.text(Key::ResultsSkipped).to_owned(), Row::Skipped),
                (locale.text(Key::ResultsNotShown).to_owned(), Row::NotShown),
            ]);
            let body = rows
                .into_iter()
                .map(|(label, row)| {
                    let cells = bands
                        .clone()
                        .map(|b| view! { <td>{cell_view(cell_text(q.get(b), row), locale)}</td> })
                        .collect_view();
                    let class = if matches!(row, Row::Value(_)) { "value-row" } else { "count-row" };
                    view! { <tr class=class><th scope="row" dir="auto">{label}</th>{cells}</tr> }
                })
                .collect_view();
            let bars = chart_bars(q, locale, &fallback, locale.text(Key::IroReportsFewerThanFive));
            let chart = (!bars.is_empty()).then(|| {
                let svg = bar_chart_svg(
                    &format!("chart-{}", q.id.as_str()),
                    &locale.format(Key::ResultsChartTitle, &[("number", &number)]),
                    locale.text(Key::ResultsChartDesc),
                    &bars,
                );
                view! { <div class="chart" inner_html=svg></div> }
            });
            let labelled_by = heading_id.clone();
            let region_labelled_by = heading_id.clone();
            let free = q.free_text.clone();
            let free_view = (!free.is_empty()).then(|| {
                let count = free.len().to_string();
                let items = free
                    .into_iter()
                    .map(|f| view! { <FreeTextItem key=f.key band=f.band text=f.text ctx locale /> })
                    .collect_view();
                view! {
                    <div class="free-text-part">
                        <h3>{locale.format(Key::ResultsWrote, &[("count", &count)])}</h3>
                        // On screen and on paper: children may name themselves or others.
                        <p class="banner warning names-check">{locale.text(Key::ResultsNamesWarning)}</p>
                        <ul class="free-text">{items}</ul>
                    </div>
                }
            });
            view! {
                <section class="report-part survey-question" aria-labelledby=labelled_by>
                    <h2 id=heading_id dir="auto">{locale.format(Key::ResultsQuestion, &[("number", &number), ("text", &text)])}</h2>
                    <div class="question-figures">
                        // Focusable, so a table wider than the screen can be scrolled with the keyboard.
                        <div class="table-scroll" role="region" aria-labelledby=region_labelled_by tabindex="0">
                            <table class="report-table survey-table">
                                <caption>{locale.format(Key::ResultsCaption, &[("number", &number)])}</caption>
                                <thead><tr><th scope="col">{locale.text(Key::ResultsAnswer)}</th>{band_heads()}</tr></thead>
                                <tbody>{body}</tbody>
                            </table>
                        </div>
                        {chart}
                    </div>
                    {free_view}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="report-part" aria-labelledby="results-finished">
            <h2 id="results-finished">{locale.text(Key::ResultsFinishedTitle)}</h2>
            <p class="results-count">{locale.format(Key::ResultsFinished, &[("count", &responses.to_string())])}</p>
            <div class="table-scroll" role="region" aria-labelledby="results-finished" tabindex="0">
                <table class="report-table finished-table">
                    <caption>{locale.text(Key::ResultsFinishedCaption)}</caption>
                    <thead><tr><td></td>{band_heads()}</tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row">{locale.text(Key::ResultsChildren)}</th>
                            {finished_cells}
                            <td><span class="n">{responses}</span></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            {withheld.then(|| view! { <p class="note">{locale.text(Key::IroReportsWithheldNote)}</p> })}
        </section>
        {questions}
    }
}

/// One free-text answer: the words, the age band where it can be shown, its themes, and the
/// themes to tick for it.
#[component]
fn FreeTextItem(
    /// The answer's key.
    key: FreeTextKey,
    /// The child's age band, where shown.
    band: Option<AgeBand>,
    /// The words, as written.
    text: String,
    /// The themes.
    ctx: ThemeCtx,
    /// The UI language.
    locale: Locale,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let k = key.as_str().to_owned();
    let words_id = format!("ft-{k}");
    let panel_id = format!("ft-{k}-themes");
    let shown_themes = {
        let key = key.clone();
        move || {
            let names: Vec<String> = ctx
                .themes
                .with(|t| t.themes_of(&key).iter().map(|n| n.name.clone()).collect());
            if names.is_empty() {
                locale.text(Key::ResultsNoTheme).to_owned()
            } else {
                locale.format(Key::ResultsThemesOf, &[("themes", &names.join(", "))])
            }
        }
    };
    let checks = {
        let (key, k) = (key.clone(), k.clone());
        move || {
            let ids = ctx.ids();
            if ids.is_empty() {
                return view! { <p class="note">{locale.text(Key::ResultsAddThemeFirst)}</p> }
                    .into_any();
            }
            ids.into_iter()
                .map(|theme| {
                    let input_id = format!("ft-{k}-{}", theme.as_str());
                    let (key2, theme2) = (key.clone(), theme.clone());
                    let (key3, theme3) = (key.clone(), theme.clone());
                    view! {
                        <div class="check">
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || ctx.has(&key2, &theme2)
                                on:change=move |ev| ctx.set(&key3, &theme3, event_target_checked(&ev)) />
                            <label for=input_id dir="auto">{move || ctx.name(&theme)}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <li class="free-text-item">
            <p class="free-words" id=words_id.clone() dir="auto">{text}</p>
            <p class="free-meta">
                {band.map(|b| view! { <span class="free-band">{locale.format(Key::ResultsBandOf, &[("band", locale.text(band_key(b)))])}</span>" " })}
                <span class="free-themes" dir="auto">{shown_themes}</span>
            </p>
            <button type="button" class="small no-print" aria-expanded=move || open.get().to_string() aria-controls=panel_id.clone() aria-describedby=words_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)>{locale.text(Key::ResultsChooseThemes)}</button>
            {move || open.get().then(|| view! {
                <fieldset class="theme-checks no-print" id=panel_id.clone()>
                    <legend class="visually-hidden">{locale.text(Key::ResultsThemesFor)}</legend>
                    {checks.clone()}
                </fieldset>
            })}
        </li>
    }
}

/// The themes: add, rename, remove, choose each theme's answers; counts per theme.
#[component]
fn ThemesCard(
    /// The themes.
    ctx: ThemeCtx,
    /// The results with themes, for the counts and the list of answers.
    results: Memo<SurveyResults>,
    /// Saves the themes; its state shows here.
    saver: Saver,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut book = ctx.themes.get_untracked();
        match book.add_theme(&name.get_untracked()) {
            Ok(_) => {
                ctx.themes.set(book);
                ctx.save.run(());
                name.set(String::new());
                error.set(None);
            }
            Err(e) => {
                error.set(Some(theme_error(&e, i18n.locale())));
                focus_id_soon("new-theme");
            }
        }
    };
    view! {
        <section class="card themes-card" aria-labelledby="themes-heading">
            <h2 id="themes-heading">{i18n.tr(Key::ResultsThemesTitle)}</h2>
            <p class="no-print">{i18n.tr(Key::ResultsThemesLead)}</p>
            <SaveNote saver />
            {move || ctx.themes.with(|t| t.themes().is_empty()).then(|| view! {
                <p class="note">{i18n.tr(Key::ResultsThemesNone)}</p>
            })}
            <ul class="theme-list">
                <For each=move || ctx.ids() key=|id| id.clone() children=move |theme| view! { <ThemeRow theme ctx results /> } />
            </ul>
            <form class="form add-theme no-print" novalidate on:submit=add>
                <div class="field" class:has-error=move || error.get().is_some()>
                    <label for="new-theme">{i18n.tr(Key::ResultsNewTheme)}</label>
                    {move || error.get().map(|e| view! { <p class="field-error" id="new-theme-error">{e}</p> })}
                    <input id="new-theme" type="text" autocomplete="off" maxlength="80"
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby=move || error.get().is_some().then_some("new-theme-error")
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                <div class="row form-buttons"><button type="submit">{i18n.tr(Key::ResultsAddTheme)}</button></div>
            </form>
        </section>
    }
}

/// One theme: its name and count; rename, remove (after confirming) and its answers to tick.
#[component]
fn ThemeRow(
    /// The theme.
    theme: ThemeId,
    /// The themes.
    ctx: ThemeCtx,
    /// The results with themes.
    results: Memo<SurveyResults>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = theme.as_str().to_owned();
    let mode = RwSignal::new(Mode::Shown);
    let name = {
        let theme = theme.clone();
        Signal::derive(move || ctx.name(&theme))
    };
    let count = {
        let theme = theme.clone();
        move || {
            results.with(|r| {
                r.themes
                    .iter()
                    .find(|c| c.id == theme)
                    .map_or(0, |c| c.answers)
            })
        }
    };
    let name_id = format!("theme-{t}-name");
    let (rename_id, remove_id, answers_id) = (
        format!("theme-{t}-rename"),
        format!("theme-{t}-remove"),
        format!("theme-{t}-answers"),
    );
    let open_rename = {
        let t = t.clone();
        move |_| {
            mode.set(Mode::Renaming);
            focus_id_soon(format!("theme-{t}-input"));
        }
    };
    view! {
        <li class="theme-row">
            <p class="theme-head">
                <strong id=name_id.clone() dir="auto">{name}</strong>" "
                <span class="theme-count">{move || i18n.locale().format(Key::ResultsThemeCount, &[("count", &count().to_string())])}</span>
            </p>
            <div class="row no-print">
                <button type="button" class="small" id=rename_id.clone() aria-describedby=name_id.clone() on:click=open_rename>{i18n.tr(Key::ResultsRename)}</button>
                <button type="button" class="small" id=answers_id.clone() aria-describedby=name_id.clone()
                    aria-expanded=move || (mode.get() == Mode::Answers).to_string()
                    on:click=move |_| mode.update(|m| *m = if *m == Mode::Answers { Mode::Shown } else { Mode::Answers })>{i18n.tr(Key::ResultsChooseAnswers)}</button>
                <button type="button" class="small danger" id=remove_id.clone() aria-describedby=name_id.clone() on:click={
                    let t = t.clone();
                    move |_| {
                        mode.set(Mode::Removing);
                        focus_id_soon(format!("theme-{t}-confirm"));
                    }
                }>{i18n.tr(Key::ResultsRemove)}</button>
            </div>
            {move || match mode.get() {
                Mode::Shown => ().into_any(),
                Mode::Renaming => view! { <RenameTheme theme=theme.clone() ctx name mode /> }.into_any(),
                Mode::Removing => view! { <RemoveTheme theme=theme.clone() ctx name mode /> }.into_any(),
                Mode::Answers => view! { <ThemeAnswers theme=theme.clone() ctx name results /> }.into_any(),
            }}
        </li>
    }
}

/// A theme's rename form; saving or cancelling goes back to the row, focus on "Rename".
#[component]
fn RenameTheme(
    /// The theme.
    theme: ThemeId,
    /// The themes.
    ctx: ThemeCtx,
    /// The theme's name now.
    name: Signal<String>,
    /// What the row shows.
    mode: RwSignal<Mode>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = theme.as_str().to_owned();
    let (rename_id, input_id) = (format!("theme-{t}-rename"), format!("theme-{t}-input"));
    let error_id = format!("{input_id}-error");
    let typed = RwSignal::new(name.get_untracked());
    let error = RwSignal::new(None::<String>);
    let save_name = {
        let (rename_id, input_id) = (rename_id.clone(), input_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut book = ctx.themes.get_untracked();
            match book.rename_theme(&theme, &typed.get_untracked()) {
                Ok(()) => {
                    ctx.themes.set(book);
                    ctx.save.run(());
                    mode.set(Mode::Shown);
                    focus_id_soon(rename_id.clone());
                }
                Err(e) => {
                    error.set(Some(theme_error(&e, i18n.locale())));
                    focus_id_soon(input_id.clone());
                }
            }
        }
    };
    let rename_label = move || {
        i18n.locale()
            .format(Key::ResultsRenameLabel, &[("name", &name.get())])
    };
    view! {
        <form class="form rename-theme no-print" novalidate on:submit=save_name>
            <div class="field" class:has-error=move || error.get().is_some()>
                <label for=input_id.clone() dir="auto">{rename_label}</label>
                {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
                <input id=input_id.clone() type="text" autocomplete="off" maxlength="80"
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <div class="row form-buttons">
                <button type="submit" class="primary">{i18n.tr(Key::ResultsSaveName)}</button>
                <button type="button" on:click=move |_| {
                    mode.set(Mode::Shown);
                    focus_id_soon(rename_id.clone());
                }>{i18n.tr(Key::ResultsCancel)}</button>
            </div>
        </form>
    }
}

/// "Remove this theme?" with Yes and Cancel.
#[component]
fn RemoveTheme(
    /// The theme.
    theme: ThemeId,
    /// The themes.
    ctx: ThemeCtx,
    /// The theme's name now.
    name: Signal<String>,
    /// What the row shows.
    mode: RwSignal<Mode>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = theme.as_str().to_owned();
    let remove_id = format!("theme-{t}-remove");
    let confirm_text = move || {
        i18n.locale()
            .format(Key::ResultsRemoveConfirm, &[("name", &name.get())])
    };
    let remove = move |_| {
        ctx.themes.update(|b| {
            b.remove_theme(&theme);
        });
        ctx.save.run(());
        focus_id_soon("new-theme");
    };
    view! {
        <div class="confirm no-print" id=format!("theme-{t}-confirm") tabindex="-1" role="group" aria-label=confirm_text>
            <p dir="auto"><strong>{confirm_text}</strong></p>
            <div class="row">
                <button type="button" class="danger" on:click=remove>{i18n.tr(Key::ResultsRemoveYes)}</button>
                <button type="button" on:click=move |_| {
                    mode.set(Mode::Shown);
                    focus_id_soon(remove_id.clone());
                }>{i18n.tr(Key::ResultsCancel)}</button>
            </div>
        </div>
    }
}

/// Every answer in a child's own words, question by question, each with a box that puts it in
/// (or takes it out of) this theme.
#[component]
fn ThemeAnswers(
    /// The theme.
    theme: ThemeId,
    /// The themes.
    ctx: ThemeCtx,
    /// The theme's name now.
    name: Signal<String>,
    /// The results with themes.
    results: Memo<SurveyResults>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = theme.as_str().to_owned();
    let answers_label = move || {
        i18n.locale()
            .format(Key::ResultsAnswersFor, &[("name", &name.get())])
    };
    let answers_list = move || {
        let locale = i18n.locale();
        results.with(|r| {
            r.questions
                .iter()
                .filter(|q| !q.free_text.is_empty())
                .map(|q| {
                    let legend = locale.format(
                        Key::ResultsQuestion,
                        &[
                            ("number", &q.number.to_string()),
                            ("text", q.text.get(&locale.locale_code(), &LocaleCode::new("en"))),
                        ],
                    );
                    let checks = q
                        .free_text
                        .iter()
                        .map(|f| {
                            let input_id = format!("th-{t}-{}", f.key.as_str());
                            let (k2, th2) = (f.key.clone(), theme.clone());
                            let (k3, th3) = (f.key.clone(), theme.clone());
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=input_id.clone()
                                        prop:checked=move || ctx.has(&k2, &th2)
                                        on:change=move |ev| ctx.set(&k3, &th3, event_target_checked(&ev)) />
                                    <label for=input_id dir="auto">{f.text.clone()}</label>
                                </div>
                            }
                        })
                        .collect_view();
                    view! { <fieldset class="theme-answers"><legend dir="auto">{legend}</legend>{checks}</fieldset> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="theme-answers-panel no-print" role="group" aria-label=answers_label>
            {answers_list}
        </div>
    }
}

/// What a theme row shows under its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Nothing more.
    Shown,
    /// The rename form.
    Renaming,
    /// "Remove this theme?"
    Removing,
    /// Its answers, to tick.
    Answers,
}

/// Downloads (CSV and JSON, made from the results with their themes) and print.
#[component]
fn Downloads(
    /// The results with themes.
    results: Memo<SurveyResults>,
    /// The themes, for their names in the CSV.
    ctx: ThemeCtx,
    /// The survey's id, for file names.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let downloaded = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let offer = move |name: String, text: String, mime: &str| match files::download(
        text.as_bytes(),
        &name,
        mime,
    ) {
        Ok(()) => downloaded.set(Some(name)),
        Err(e) => error.set(Some(e)),
    };
    let stem = format!("my-say-{id}-results");
    let csv = {
        let stem = stem.clone();
        move |_| {
            let locale = i18n.locale().locale_code();
            let text = ctx.themes.with_untracked(|book| {
                results.with_untracked(|r| results_csv(r, &locale, Some(book)))
            });
            offer(format!("{stem}.csv"), text, "text/csv;charset=utf-8")
        }
    };
    let json = move |_| {
        let text = results.with_untracked(results_json);
        offer(format!("{stem}.json"), text, "application/json")
    };
    view! {
        <section class="card no-print" aria-labelledby="results-downloads">
            <h2 id="results-downloads">{i18n.tr(Key::ResultsDownloadsTitle)}</h2>
            <p>{i18n.tr(Key::ResultsDownloadsLead)}</p>
            <p class="banner warning names-check">{i18n.tr(Key::ResultsNamesWarning)}</p>
            <ErrorBanner error />
            <div class="row form-buttons">
                <button type="button" on:click=csv>{i18n.tr(Key::ResultsDownloadCsv)}</button>
                <button type="button" on:click=json>{i18n.tr(Key::ResultsDownloadJson)}</button>
                <button type="button" on:click=move |_| { let _ = window().print(); }>{i18n.tr(Key::ResultsPrint)}</button>
            </div>
            <p class="download-note" role="status">
                {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
            </p>
        </section>
    }
}

//! Reports: what children said about their safety, being heard and satisfaction, by age band,
//! for a reporting year (1 April to 31 March) or any other period, with the change since the
//! year before, what children told us we need to do better, and take-up. Every table downloads as
//! CSV, and the report prints on its own as a section for the annual IRO report.
//!
//! The figures are `my_say_core::report` (their meaning is docs/reports.md); the charts are
//! `my_say_core::chart`. Booklets are read once when the page opens, so choosing another
//! period only counts again.

use super::{focus_id_soon, focus_when_shown, use_active, ErrorBanner};
use crate::i18n::Key;
use crate::workspace::{self, settings};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::{Date, Period, ReportingYear};
use my_say_core::chart::{bar_chart_svg, Bar};
use my_say_core::export::{issues_csv, report_csv, take_up_csv};
use my_say_core::report::{Cell, Report, ReportData, ReportIndex};
use my_say_core::{AgeBand, MeasureKind};
use my_say_ui::browser::store::StoreError;
use my_say_ui::browser::{clock, files};
use my_say_ui::components::answer_input::value_key;
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, Locale};
use my_say_ui::load::load;
use std::sync::Arc;

/// How many of "what children told us we need to do better" to list.
const TOP_ISSUES: usize = 5;

/// The wording of a kind of measure.
fn kind_key(kind: MeasureKind) -> Key {
    match kind {
        MeasureKind::Safety => Key::IroReportsSafety,
        MeasureKind::Heard => Key::IroReportsHeard,
        MeasureKind::Satisfaction => Key::IroReportsSatisfaction,
    }
}

/// The reports page: the period, then the report for it.
#[component]
pub fn Reports() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    let today = clock::today_date();
    let this_year = ReportingYear::containing(today);
    let in_care = RwSignal::new(None::<u32>);
    // Every booklet read once for reports, and the earliest reporting year with a booklet.
    let loaded = load(move || async move {
        let store = active.store().await?;
        let definitions = builtin_booklets();
        // Read a thousand at a time into compact figures: never every booklet in memory.
        let (data, earliest) =
            workspace::report_data(&store, &ReportIndex::new(&definitions)).await?;
        let saved = settings::load(&store).await?;
        in_care.set(saved.children_in_care);
        let first = earliest
            .map_or(this_year, ReportingYear::containing)
            .min(this_year);
        Ok::<_, StoreError>(Arc::new((data, first)))
    });

    // The period chosen: a reporting year ("2026" for 2026/27) or "custom".
    let choice = RwSignal::new(this_year.starts_in.to_string());
    let from = RwSignal::new(this_year.start().to_string());
    let to = RwSignal::new(today.to_string());
    let custom = RwSignal::new(None::<Period>);
    let date_error = RwSignal::new(false);
    let period = Memo::new(move |_| {
        let chosen = choice.get();
        if chosen == "custom" {
            custom.get().map(|p| (p, p.year_before()))
        } else {
            chosen
                .parse::<i32>()
                .ok()
                .map(ReportingYear::starting_in)
                .map(|y| (y.period(), Some(y.previous().period())))
        }
    });
    let report = Memo::new(move |_| {
        let (p, comparison) = period.get()?;
        let data: Arc<(ReportData, ReportingYear)> = loaded.get()?.ok()?;
        Some(data.0.report(p, comparison))
    });

    let show_custom = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = Date::parse(from.get_untracked().trim())
            .ok()
            .zip(Date::parse(to.get_untracked().trim()).ok())
            .and_then(|(f, t)| Period::new(f, t));
        date_error.set(parsed.is_none());
        match parsed {
            Some(p) => {
                custom.set(Some(p));
                focus_id_soon("report-heading");
            }
            None => focus_id_soon("report-from"),
        }
    };
    let years = move || {
        let first = loaded.get().and_then(Result::ok).map_or(this_year, |l| l.1);
        (first.starts_in..=this_year.starts_in)
            .rev()
            .map(ReportingYear::starting_in)
            .collect::<Vec<_>>()
    };
    let date_described = move || {
        if date_error.get() {
            "report-dates-hint report-dates-error"
        } else {
            "report-dates-hint"
        }
    };

    view! {
        <h1 tabindex="-1" node_ref=heading class="no-print">{i18n.tr(Key::IroReportsTitle)}</h1>
        <p class="lead no-print">{i18n.tr(Key::IroReportsLead)}</p>
        {move || loaded.get().and_then(Result::err).map(|e| view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> })}
        <form class="form report-period no-print" novalidate on:submit=show_custom>
            <div class="field">
                <label for="report-period">{i18n.tr(Key::IroReportsPeriod)}</label>
                <select id="report-period" on:change=move |ev| choice.set(event_target_value(&ev))>
                    {move || years().into_iter().map(|y| {
                        let value = y.starts_in.to_string();
                        let selected = choice.get_untracked() == value;
                        view! { <option value=value selected=selected>{i18n.locale().format(Key::IroReportsYearOption, &[("year", &y.label())])}</option> }
                    }).collect_view()}
                    <option value="custom">{i18n.tr(Key::IroReportsCustomOption)}</option>
                </select>
            </div>
            {move || (choice.get() == "custom").then(|| view! {
                <fieldset class="field report-dates" class:has-error=move || date_error.get() aria-describedby=date_described>
                    <legend>{i18n.tr(Key::IroReportsCustomOption)}</legend>
                    <p class="hint" id="report-dates-hint">{i18n.tr(Key::IroReportsDateHint)}</p>
                    {move || date_error.get().then(|| view! { <p class="field-error" id="report-dates-error">{i18n.tr(Key::IroReportsErrorDates)}</p> })}
                    <div class="row">
                        <div class="field">
                            <label for="report-from">{i18n.tr(Key::IroReportsFrom)}</label>
                            <input id="report-from" type="date" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for="report-to">{i18n.tr(Key::IroReportsTo)}</label>
                            <input id="report-to" type="date" prop:value=to on:input=move |ev| to.set(event_target_value(&ev)) />
                        </div>
                    </div>
                    <button type="submit" class="primary">{i18n.tr(Key::IroReportsShow)}</button>
                </fieldset>
            })}
        </form>
        {move || {
            let locale = i18n.locale();
            report.get().map(|r| view! { <ReportView report=r locale in_care /> })
        }}
    }
}

/// What a cell says: the percentage, how many answered, the positive, OK and negative counts
/// and the change; or "fewer than 5", "hidden to protect a small number" or "not asked".
/// Words, not colour, carry every meaning.
fn cell_view(cell: &Cell, change: Option<i32>, locale: Locale) -> AnyView {
    match cell {
        Cell::Shown(c) => {
            let change = change.map(|points| {
                let (key, n) = match points {
                    p if p > 0 => (Key::IroReportsChangeUp, p),
                    p if p < 0 => (Key::IroReportsChangeDown, -p),
                    _ => (Key::IroReportsChangeNone, 0),
                };
                locale.format(key, &[("points", &n.to_string())])
            });
            view! {
                <span class="pct">{format!("{}%", c.percent_positive)}</span>
                <span class="n">{locale.format(Key::IroReportsAnswered, &[("count", &c.answered.to_string())])}</span>
                <span class="counts">{locale.format(Key::IroReportsCounts, &[("positive", &c.positive.to_string()), ("ok", &c.ok().to_string()), ("negative", &c.negative.to_string())])}</span>
                {change.map(|t| view! { <span class="change">{t}</span> })}
            }
            .into_any()
        }
        Cell::Suppressed => {
            view! { <span class="suppressed">{locale.text(Key::IroReportsFewerThanFive)}</span> }
                .into_any()
        }
        Cell::Withheld => {
            view! { <span class="suppressed withheld">{locale.text(Key::IroReportsWithheld)}</span> }
                .into_any()
        }
        Cell::NotAsked => {
            view! { <span class="not-asked">{locale.text(Key::IroReportsNotAsked)}</span> }
                .into_any()
        }
    }
}

/// One period's report: the section that prints for the annual report, then the downloads.
#[component]
fn ReportView(
    /// The report.
    report: Report,
    /// The UI language (the view is made again when it changes).
    locale: Locale,
    /// The number of children in care, for take-up (saved in the workspace settings).
    in_care: RwSignal<Option<u32>>,
) -> impl IntoView {
    let period = report.period;
    let counted = locale.format(
        Key::IroReportsCounted,
        &[("count", &report.booklets.to_string())],
    );
    let compared = report.comparison.map(|c| {
        locale.format(
            Key::IroReportsCompared,
            &[
                ("from", &c.from.to_string()),
                ("to", &c.to.to_string()),
                ("count", &report.comparison_booklets.to_string()),
            ],
        )
    });
    let uncounted = report.unknown_booklets + report.undated_booklets;
    let booklets = report.booklets;
    let withheld = report
        .measures
        .iter()
        .any(|m| m.current.bands.contains(&Cell::Withheld) || m.current.overall == Cell::Withheld);
    let report = Arc::new(report);
    // Being heard beside safety, then satisfaction: the order the report's measures are in.
    let tables =
        MeasureKind::ALL.map(|kind| view! { <MeasureTable report=report.clone() kind locale /> });
    view! {
        <section class="report" aria-labelledby="report-heading">
            <h2 id="report-heading" tabindex="-1">{locale.format(Key::IroReportsHeading, &[("from", &period.from.to_string()), ("to", &period.to.to_string())])}</h2>
            <p>{counted}</p>
            {compared.map(|c| view! { <p>{c}</p> })}
            {(uncounted > 0).then(|| view! { <p class="note">{locale.format(Key::IroReportsUncounted, &[("count", &uncounted.to_string())])}</p> })}
            <Findings report=report.clone() locale />
            <p class="note how-counted">{locale.text(Key::IroReportsHowCounted)}</p>
            {withheld.then(|| view! { <p class="note">{locale.text(Key::IroReportsWithheldNote)}</p> })}
            {tables}
            <TopIssues report=report.clone() locale />
            <TakeUp booklets locale in_care />
        </section>
        <ReportDownloads report locale in_care />
    }
}

/// A measure's label in the UI language (English where it has none).
fn measure_label(row: &my_say_core::report::MeasureRow, locale: Locale) -> String {
    row.label
        .get(&locale.locale_code(), &my_say_core::LocaleCode::new("en"))
        .to_owned()
}

/// Which answers count as positive and negative for a measure, in words: "Positive: Happy,
/// Very happy. Negative: Sad, Very sad. Any other answer counts as OK."
fn scale_words(row: &my_say_core::report::MeasureRow, locale: Locale) -> String {
    let words = |values: &[String]| {
        values
            .iter()
            .map(|v| value_key(v).map_or(v.as_str(), |k| locale.text(k)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    locale.format(
        Key::IroReportsScale,
        &[
            ("positive", &words(&row.positive_values)),
            ("negative", &words(&row.negative_values)),
        ],
    )
}

/// Sentences to paste into the annual report: each safety and being-heard measure ("said they
/// feel listened to"), for all ages and for every band whose figure is shown.
#[component]
fn Findings(
    /// The report.
    report: Arc<Report>,
    /// The UI language.
    locale: Locale,
) -> impl IntoView {
    let findings: Vec<String> = report
        .measures
        .iter()
        .filter(|m| matches!(m.kind, MeasureKind::Safety | MeasureKind::Heard))
        .flat_map(|m| {
            let label = measure_label(m, locale);
            let all = m.current.overall.percent_positive().map(|p| {
                locale.format(
                    Key::IroReportsFindingAll,
                    &[("percent", &format!("{p}%")), ("measure", &label)],
                )
            });
            let bands: Vec<String> = AgeBand::ALL
                .iter()
                .filter_map(|b| {
                    let p = m.current.get(Some(*b)).percent_positive()?;
                    Some(locale.format(
                        Key::IroReportsFinding,
                        &[
                            ("percent", &format!("{p}%")),
                            ("band", locale.text(band_key(*b))),
                            ("measure", &label),
                        ],
                    ))
                })
                .collect();
            all.into_iter().chain(bands)
        })
        .collect();
    (!findings.is_empty()).then(|| {
        view! {
            <section class="report-part" aria-labelledby="report-findings">
                <h3 id="report-findings">{locale.text(Key::IroReportsFindings)}</h3>
                <ul class="findings">{findings.into_iter().map(|f| view! { <li dir="auto">{f}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// One kind of measure (safety, being heard or satisfaction): a table by age band with the
/// change since the year before, and a bar chart of the same figures for all ages.
#[component]
fn MeasureTable(
    /// The report.
    report: Arc<Report>,
    /// Which measures.
    kind: MeasureKind,
    /// The UI language.
    locale: Locale,
) -> impl IntoView {
    let rows: Vec<_> = report.measures.iter().filter(|m| m.kind == kind).collect();
    let kind_words = locale.text(kind_key(kind));
    let bars: Vec<Bar> = rows
        .iter()
        .map(|m| Bar {
            label: measure_label(m, locale),
            percent: m.current.overall.percent_positive(),
            instead: match m.current.overall {
                Cell::NotAsked => locale.text(Key::IroReportsNotAsked),
                Cell::Withheld => locale.text(Key::IroReportsWithheld),
                _ => locale.text(Key::IroReportsFewerThanFive),
            }
            .to_owned(),
        })
        .collect();
    let chart_id = format!("chart-{}", kind.code());
    let svg = bar_chart_svg(
        &chart_id,
        &locale.format(Key::IroReportsChartTitle, &[("kind", kind_words)]),
        locale.text(Key::IroReportsChartDesc),
        &bars,
    );
    let body = rows
        .iter()
        .map(|m| {
            let cells = AgeBand::ALL
                .map(Some)
                .into_iter()
                .chain([None])
                .map(|b| view! { <td>{cell_view(m.current.get(b), m.change(b), locale)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" dir="auto">
                        {measure_label(m, locale)}
                        <span class="scale">{scale_words(m, locale)}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let heading_id = format!("report-{}", kind.code());
    let labelled_by = heading_id.clone();
    let region_labelled_by = heading_id.clone();
    view! {
        <section class="report-part" aria-labelledby=labelled_by>
            <h3 id=heading_id>{kind_words}</h3>
            // Focusable, so a table wider than the screen can be scrolled with the keyboard.
            <div class="table-scroll" role="region" aria-labelledby=region_labelled_by tabindex="0">
                <table class="report-table">
                    <caption>{locale.format(Key::IroReportsCaption, &[("kind", kind_words)])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{locale.text(Key::IroReportsChildrenWho)}</th>
                            {AgeBand::ALL.map(|b| view! { <th scope="col">{locale.text(band_key(b))}</th> }).collect_view()}
                            <th scope="col">{locale.text(Key::IroReportsAllAges)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <div class="chart" inner_html=svg></div>
        </section>
    }
}

/// "What children told us we need to do better": the measures most often answered negatively.
#[component]
fn TopIssues(
    /// The report.
    report: Arc<Report>,
    /// The UI language.
    locale: Locale,
) -> impl IntoView {
    let (code, en) = (locale.locale_code(), my_say_core::LocaleCode::new("en"));
    let issues = report.top_issues(TOP_ISSUES);
    let table = (!issues.is_empty()).then(|| {
        let rows = issues
            .iter()
            .map(|i| {
                let band = i.most_in_band.map_or(String::new(), |(b, p)| {
                    format!("{} ({p}%)", locale.text(band_key(b)))
                });
                view! {
                    <tr>
                        <th scope="row" dir="auto">{i.label.get(&code, &en).to_owned()}</th>
                        <td>{locale.format(Key::IroReportsIssueCount, &[("negative", &i.negative.to_string()), ("answered", &i.answered.to_string())])}</td>
                        <td>{format!("{}%", i.percent_negative)}</td>
                        <td>{band}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" aria-labelledby="report-issues" tabindex="0">
                <table class="report-table issues-table">
                    <caption>{locale.text(Key::IroReportsIssuesTitle)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{locale.text(Key::IroReportsChildrenWho)}</th>
                            <th scope="col">{locale.text(Key::IroReportsNegative)}</th>
                            <th scope="col">{locale.text(Key::IroReportsNegativeShare)}</th>
                            <th scope="col">{locale.text(Key::IroReportsMostInBand)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let none = table.is_none();
    view! {
        <section class="report-part" aria-labelledby="report-issues">
            <h3 id="report-issues">{locale.text(Key::IroReportsIssuesTitle)}</h3>
            <p>{locale.text(Key::IroReportsIssuesLead)}</p>
            {none.then(|| view! { <p class="note">{locale.text(Key::IroReportsIssuesNone)}</p> })}
            {table}
        </section>
    }
}

/// The report's downloads (figures, "do better" and take-up as CSV) and printing it.
#[component]
fn ReportDownloads(
    /// The report.
    report: Arc<Report>,
    /// The UI language.
    locale: Locale,
    /// The number of children in care, for take-up.
    in_care: RwSignal<Option<u32>>,
) -> impl IntoView {
    let code = locale.locale_code();
    let period = report.period;
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);
    let stem = format!("my-say-{}-to-{}", period.from, period.to);
    let download = move |name: String, csv: String| match files::download(
        csv.as_bytes(),
        &name,
        "text/csv;charset=utf-8",
    ) {
        Ok(()) => downloaded.set(Some(name)),
        Err(e) => error.set(Some(e)),
    };
    let download_figures = {
        let (report, stem, code) = (report.clone(), stem.clone(), code.clone());
        move |_| download(format!("{stem}-figures.csv"), report_csv(&report, &code))
    };
    let download_issues = {
        let (report, stem) = (report.clone(), stem.clone());
        move |_| {
            let issues = report.top_issues(TOP_ISSUES);
            download(format!("{stem}-do-better.csv"), issues_csv(&issues, &code))
        }
    };
    let download_take_up = move |_| {
        let take_up = report.take_up(in_care.get_untracked().unwrap_or(0));
        download(format!("{stem}-take-up.csv"), take_up_csv(&take_up, period))
    };
    view! {
        <section class="card no-print" aria-labelledby="report-downloads">
            <h2 id="report-downloads">{locale.text(Key::IroReportsDownloadTitle)}</h2>
            <p>{locale.text(Key::IroReportsDownloadLead)}</p>
            <ErrorBanner error />
            <div class="row form-buttons">
                <button type="button" on:click=download_figures>{locale.text(Key::IroReportsDownloadFigures)}</button>
                <button type="button" on:click=download_issues>{locale.text(Key::IroReportsDownloadIssues)}</button>
                <button type="button" on:click=download_take_up>{locale.text(Key::IroReportsDownloadTakeUp)}</button>
            </div>
            <p class="download-note" role="status">
                {move || downloaded.get().map(|file| locale.format(Key::IroDownloaded, &[("file", &file)]))}
            </p>
            <h3>{locale.text(Key::IroReportsPrintTitle)}</h3>
            <p id="report-print-hint">{locale.text(Key::IroReportsPrintHint)}</p>
            <button type="button" aria-describedby="report-print-hint" on:click=move |_| {
                let _ = window().print();
            }>{locale.text(Key::IroReportsPrint)}</button>
        </section>
    }
}

/// Take-up: booklets finished in the period against the number of children in care, which the
/// IRO enters here and which is saved for next time.
#[component]
fn TakeUp(
    /// Booklets finished in the period.
    booklets: u32,
    /// The UI language.
    locale: Locale,
    /// The number of children in care (saved in the workspace settings).
    in_care: RwSignal<Option<u32>>,
) -> impl IntoView {
    let active = use_active();
    let typed = RwSignal::new(
        in_care
            .get_untracked()
            .map_or(String::new(), |n| n.to_string()),
    );
    let problem = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let n = typed
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100_000).contains(n));
        problem.set(n.is_none());
        let Some(n) = n else {
            focus_id_soon("children-in-care");
            return;
        };
        spawn_local(async move {
            let result: Result<(), StoreError> = async {
                let store = active.store().await?;
                let mut s = settings::load(&store).await?;
                s.children_in_care = Some(n);
                settings::save(&store, &s).await
            }
            .await;
            match result {
                Ok(()) => {
                    in_care.set(Some(n));
                    saved.set(true);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let figures = move || {
        let t = my_say_core::report::TakeUp::new(
            booklets,
            in_care.get().unwrap_or(0),
            my_say_core::report::TAKE_UP_TARGET_PERCENT,
        );
        match (t.percent, t.met) {
            (Some(p), Some(met)) => format!(
                "{} {}",
                locale.format(
                    Key::IroReportsTakeUp,
                    &[
                        ("completed", &t.completed.to_string()),
                        ("children", &t.children_in_care.to_string()),
                        ("percent", &format!("{p}%")),
                        ("target", &format!("{}%", t.target_percent)),
                    ]
                ),
                locale.text(if met {
                    Key::IroReportsTakeUpMet
                } else {
                    Key::IroReportsTakeUpNotMet
                })
            ),
            _ => locale.format(
                Key::IroReportsTakeUpMissing,
                &[("completed", &t.completed.to_string())],
            ),
        }
    };
    view! {
        <section class="report-part" aria-labelledby="report-take-up">
            <h3 id="report-take-up">{locale.text(Key::IroReportsTakeUpTitle)}</h3>
            <p class="take-up" aria-live="polite">{figures}</p>
            <ErrorBanner error />
            <form class="form take-up-form no-print" novalidate on:submit=save>
                <div class="field" class:has-error=move || problem.get()>
                    <label for="children-in-care">{locale.text(Key::IroReportsChildrenInCare)}</label>
                    <p class="hint" id="children-in-care-hint">{locale.text(Key::IroReportsChildrenInCareHint)}</p>
                    {move || problem.get().then(|| view! { <p class="field-error" id="children-in-care-error">{locale.text(Key::IroReportsErrorChildren)}</p> })}
                    <input
                        id="children-in-care"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || problem.get().then_some("true")
                        aria-describedby=move || if problem.get() { "children-in-care-hint children-in-care-error" } else { "children-in-care-hint" }
                        prop:value=typed
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                <div class="row form-buttons">
                    <button type="submit">{locale.text(Key::IroReportsSaveChildren)}</button>
                </div>
                <p class="download-note" role="status">{move || saved.get().then(|| locale.text(Key::IroReportsChildrenSaved))}</p>
            </form>
        </section>
    }
}

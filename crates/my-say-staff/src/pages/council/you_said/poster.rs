//! The "You said, we did" poster: its print and CSV buttons, the poster itself (a preview on
//! screen, alone on paper, on one A4 page by the "poster print" rules in style/main.css), and the
//! long dates it and the page's problems are written with.

use super::review::ReviewLine;
use super::Ysw;
use crate::i18n::Key;
use crate::pages::iro::{use_active, ErrorBanner};
use crate::workspace::surveys::StoredSurvey;
use leptos::prelude::*;
use my_say_core::calendar::Date;
use my_say_core::survey::{ActionStatus, Poster};
use my_say_ui::browser::files;
use my_say_ui::i18n::{use_i18n, Locale};

/// The months' names, January first.
const MONTHS: [Key; 12] = [
    Key::YouSaidMonth01,
    Key::YouSaidMonth02,
    Key::YouSaidMonth03,
    Key::YouSaidMonth04,
    Key::YouSaidMonth05,
    Key::YouSaidMonth06,
    Key::YouSaidMonth07,
    Key::YouSaidMonth08,
    Key::YouSaidMonth09,
    Key::YouSaidMonth10,
    Key::YouSaidMonth11,
    Key::YouSaidMonth12,
];

/// A date as a reader writes it: "14 March 2026", "14 Mawrth 2026".
pub(crate) fn long_date(date: Date, locale: Locale) -> String {
    let month = MONTHS[(date.month() as usize).clamp(1, 12) - 1];
    locale.format(
        Key::YouSaidDate,
        &[
            ("day", &date.day().to_string()),
            ("month", locale.text(month)),
            ("year", &date.year().to_string()),
        ],
    )
}

/// A CSS class that sizes the poster's type to how much it says, so it stays on one A4 page:
/// large for a short poster, smaller as it fills up. A look back counts its words and a line
/// of its own with its label ("It made a difference (checked 14 March 2026):").
pub(crate) fn poster_size(poster: &Poster) -> &'static str {
    let chars: usize = poster
        .rows
        .iter()
        .map(|r| {
            r.said.chars().count()
                + r.about.as_ref().map_or(0, |a| a.chars().count())
                + r.we_did
                    .iter()
                    .map(|a| {
                        a.what.chars().count()
                            + 40
                            + a.review
                                .as_ref()
                                .map_or(0, |r| r.note.chars().count() + 110)
                    })
                    .sum::<usize>()
                + 120
        })
        .sum();
    match chars {
        0..=1300 => "poster-large",
        1301..=1600 => "poster-medium",
        1601..=3200 => "poster-small",
        _ => "poster-tiny",
    }
}

/// The poster (when there is nothing to fix), print and CSV.
#[component]
pub(super) fn PosterView(
    /// The editor.
    ysw: Ysw,
    /// The survey as stored, for its questions and themes.
    survey: StoredSurvey,
    /// Today: the poster's date.
    today: Date,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let demo = active.is_demo();
    let published = survey.published.clone();
    let themes = survey.themes.clone();
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(None::<String>);
    let id = survey.id().to_owned();
    let poster = {
        let (published, themes) = (published.clone(), themes.clone());
        Memo::new(move |_| {
            let locale = i18n.locale().locale_code();
            ysw.table.with(|t| {
                t.poster(today, &locale, published.as_ref(), Some(&themes))
                    .ok()
            })
        })
    };
    let download_csv = move |_| {
        let locale = i18n.locale().locale_code();
        let csv = ysw
            .table
            .with_untracked(|t| t.to_csv(&locale, published.as_ref(), Some(&themes)));
        let name = format!("my-say-{id}-you-said-we-did.csv");
        match files::download(csv.as_bytes(), &name, "text/csv;charset=utf-8") {
            Ok(()) => downloaded.set(Some(name)),
            Err(e) => error.set(Some(e)),
        }
    };
    let print = move |_| {
        if window().print().is_err() {
            error.set(Some(i18n.t(Key::IroPrintFailed).to_owned()));
        }
    };
    view! {
        <section class="card ysw-output no-print" aria-labelledby="ysw-poster-heading">
            <h2 id="ysw-poster-heading">{i18n.tr(Key::YouSaidPosterHeading)}</h2>
            <ErrorBanner error />
            <p id="ysw-print-hint">{i18n.tr(Key::YouSaidPrintHint)}</p>
            <div class="row form-buttons">
                <button type="button" class="primary" aria-describedby="ysw-print-hint" disabled=move || poster.with(Option::is_none) on:click=print>{i18n.tr(Key::YouSaidPrint)}</button>
                <button type="button" on:click=download_csv>{i18n.tr(Key::YouSaidDownloadCsv)}</button>
            </div>
            <p class="download-note" role="status">
                {move || downloaded.get().map(|file| i18n.locale().format(Key::IroDownloaded, &[("file", &file)]))}
            </p>
            {move || poster.with(Option::is_none).then(|| view! {
                <p class="banner warning">{i18n.tr(Key::YouSaidFixFirst)}</p>
            })}
        </section>
        {move || poster.get().map(|p| {
            let locale = i18n.locale();
            view! { <PosterSheet poster=p locale demo /> }
        })}
    }
}

/// The poster itself: on screen as a preview, and alone on paper.
#[component]
fn PosterSheet(
    /// What it says.
    poster: Poster,
    /// The reader's language, for headings and dates.
    locale: Locale,
    /// Whether this is the example workspace (the poster says so).
    demo: bool,
) -> impl IntoView {
    let size = poster_size(&poster);
    let rows = poster
        .rows
        .into_iter()
        .map(|r| {
            let did = r
                .we_did
                .into_iter()
                .map(|a| {
                    let key = match a.status {
                        ActionStatus::Done => Key::YouSaidPosterDone,
                        ActionStatus::Planned => Key::YouSaidPosterPlanned,
                        ActionStatus::Ongoing => Key::YouSaidPosterOngoing,
                    };
                    let when = locale.format(key, &[("date", &long_date(a.date, locale))]);
                    view! {
                        <li class=format!("poster-action {}", a.status.code())>
                            <span class="poster-when">{when}</span>" "
                            <span class="poster-what" dir="auto">{a.what}</span>
                            {a.review.map(|review| view! { <ReviewLine review locale /> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="poster-row">
                    <div class="poster-said">
                        <h3 class="poster-label">{locale.text(Key::YouSaidPosterYouSaid)}</h3>
                        {r.about.map(|a| view! { <p class="poster-about" dir="auto">{a}</p> })}
                        <p class="poster-quote" dir="auto">{r.said}</p>
                    </div>
                    <div class="poster-did">
                        <h3 class="poster-label">{locale.text(Key::YouSaidPosterWeDid)}</h3>
                        <ul class="poster-actions">{did}</ul>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=format!("poster {size}") aria-labelledby="poster-title" lang=locale.code() dir=locale.dir()>
            <header class="poster-head">
                <h2 id="poster-title" class="poster-title" dir="auto">{poster.title}</h2>
                {poster.intro.map(|i| view! { <p class="poster-intro" dir="auto">{i}</p> })}
            </header>
            <ol class="poster-rows">{rows}</ol>
            <p class="poster-foot">
                {locale.format(Key::YouSaidPosterUpdated, &[("date", &long_date(poster.updated_on, locale))])}
                {demo.then(|| view! { " " <strong>{locale.text(Key::IroDemoBanner)}</strong> })}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::survey::{About, WeDid};
    use my_say_core::LocaleCode;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_are_written_in_the_readers_language() {
        assert_eq!(long_date(d("2026-03-14"), Locale::En), "14 March 2026");
        assert_eq!(long_date(d("2026-12-01"), Locale::Cy), "1 Rhagfyr 2026");
        assert_eq!(long_date(d("2026-01-09"), Locale::Ar), "9 يناير 2026");
    }

    #[test]
    fn a_longer_poster_gets_smaller_type() {
        let today = d("2026-11-30");
        let survey = my_say_core::demo::demo_survey(today);
        let en = LocaleCode::new("en");
        let poster = survey
            .you_said
            .poster(today, &en, Some(&survey.published), Some(&survey.themes))
            .unwrap();
        assert_eq!(poster_size(&poster), "poster-large");
        // Another entry with three actions, one of them looked back on (as end to end): the
        // did column grows by a line per action and two for the look back.
        let mut more = survey.you_said.clone();
        let id = more.add_entry(
            About::General,
            "You said review rooms are too cold and too small.",
        );
        let mut done = WeDid::new(
            "We asked every team to book a warm, comfortable room.",
            today.add_days(-10),
            ActionStatus::Done,
        );
        done.review = Some(my_say_core::survey::Review {
            made_difference: my_say_core::survey::Difference::Yes,
            note: "At the winter event children said the rooms were warmer.".into(),
            date: today,
        });
        more.entry_mut(&id).unwrap().actions = vec![
            done,
            WeDid::new(
                "We will check the rooms with the council at the spring event.",
                today.add_days(40),
                ActionStatus::Planned,
            ),
            WeDid::new(
                "We will keep a warm room booked for every review.",
                today.add_days(-5),
                ActionStatus::Ongoing,
            ),
        ];
        let poster = more
            .poster(today, &en, Some(&survey.published), Some(&survey.themes))
            .unwrap();
        assert_eq!(poster_size(&poster), "poster-small");
        let mut long = survey.you_said.clone();
        for _ in 0..6 {
            let id = long.add_entry(About::General, &"We said a lot. ".repeat(20));
            long.entry_mut(&id).unwrap().actions.push(WeDid {
                what: "We did a lot. ".repeat(20),
                date: today,
                status: ActionStatus::Done,
                review: None,
            });
        }
        let poster = long.poster(today, &en, None, None).unwrap();
        assert_eq!(poster_size(&poster), "poster-tiny");
    }
}

//! Council surveys on a tablet: the surveys it runs ("Surveys on this tablet", `/surveys`) and
//! a survey's anonymous start screen (`/surveys/:id`). Children answer on the booklet's own
//! fill screen; answers are sealed for the council lead (see `tablet::surveys`).

mod add_file;
mod card;
mod in_progress;
mod offer;
pub mod shelf;
pub mod start;
mod taken_off;

pub use shelf::SurveysOnTablet;
pub use start::SurveyStart;

use crate::i18n::Key;
use crate::pages::tablet::Recipients;
use leptos::prelude::*;
use my_say_core::survey::SurveyFile;
use my_say_core::Booklet;
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, Locale};

/// The survey's title in the current language (or its first language).
pub fn title_in(survey: &Booklet, locale: Locale) -> String {
    survey.title_in(&locale.locale_code()).to_owned()
}

/// The UI languages a survey is written in, in the survey's order.
pub fn survey_locales(survey: &Booklet) -> Vec<Locale> {
    survey
        .locales
        .iter()
        .filter_map(|l| Locale::from_code(l.as_str()))
        .collect()
}

/// What a survey is, for the adult deciding to add or start it: how many questions, for which
/// ages, in which languages, and who its answers are sealed for, with fingerprints.
#[component]
pub fn SurveyFacts(
    /// The survey file.
    file: SurveyFile,
) -> impl IntoView {
    let i18n = use_i18n();
    let survey = file.survey().clone();
    let count = survey.questions().count();
    let bands = survey.age_bands.clone();
    let languages = survey
        .locales
        .iter()
        .map(|l| {
            Locale::from_code(l.as_str())
                .map(|l| l.native_name().to_owned())
                .unwrap_or_else(|| l.as_str().to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ");
    let questions = move || {
        i18n.locale()
            .count(Key::TabletSurveyQuestions, count as u64, &[])
    };
    let ages = move || {
        let locale = i18n.locale();
        let list = bands
            .iter()
            .map(|b| locale.text(band_key(*b)))
            .collect::<Vec<_>>()
            .join(", ");
        locale.format(Key::TabletSurveyAges, &[("bands", &list)])
    };
    let languages = move || {
        i18n.locale()
            .format(Key::TabletSurveyLanguages, &[("languages", &languages)])
    };
    view! {
        <ul class="survey-facts">
            <li>{questions}</li>
            <li>{ages}</li>
            <li>{languages}</li>
        </ul>
        <p class="sealed-for">{i18n.tr(Key::TabletSurveySealedFor)}</p>
        <Recipients recipients=file.seal_for().shown() />
    }
}

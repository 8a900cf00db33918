//! The screens after a booklet or a survey is finished: nothing of the child's answers is left
//! on screen or readable on the tablet.

use leptos::prelude::*;
use my_say_ui::i18n::{use_i18n, Key};

/// The thank-you screen. The answers are no longer on screen or readable on the tablet.
#[component]
pub fn ThankYou(
    /// The child's first name or initials.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        i18n.locale()
            .format(Key::FillThanksTitle, &[("name", &name)])
    };
    view! {
        <section class="page thank-you">
            <img src="/pictures/star.svg" alt="" width="96" height="96" />
            <h1 tabindex="-1">{title}</h1>
            <p class="lead">{i18n.tr(Key::FillThanksLead)}</p>
            <a class="button primary big" href="/booklet">{i18n.tr(Key::FillThanksDone)}</a>
        </section>
    }
}

/// The thank-you screen after a survey. Nothing of the child's answers is left on screen or
/// readable on the tablet; "Done" leads to the survey's start screen for the next child.
#[component]
pub fn SurveyThanks(
    /// The survey's id.
    survey_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page thank-you">
            <img src="/pictures/star.svg" alt="" width="96" height="96" />
            <h1 tabindex="-1">{i18n.tr(Key::TabletSurveyThanksTitle)}</h1>
            <p class="lead">{i18n.tr(Key::TabletSurveyThanksLead)}</p>
            <a class="button primary big" href=format!("/surveys/{survey_id}")>{i18n.tr(Key::TabletSurveyThanksNext)}</a>
        </section>
    }
}

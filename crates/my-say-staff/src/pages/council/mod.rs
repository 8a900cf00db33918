//! The Children in Care Council's pages: `/council` (what council surveys are, that they are
//! anonymous, and how one goes from the workspace to the tablets and back), and, inside the
//! workspace (`/iro/surveys/...`, `/demo/surveys/...`), the survey list and builder
//! ([`surveys`]), the results ([`results`]) and You said, we did ([`you_said`]). They use the
//! workspace's context and helpers from `pages::iro`; the storage is `workspace::surveys` and
//! the domain `my_say_core::survey`.

mod results;
mod surveys;
mod you_said;

pub use results::SurveyResultsPage;
pub use surveys::{SurveyBuilder, SurveyList};
pub use you_said::YouSaidPage;

use crate::i18n::Key;
use leptos::prelude::*;
use my_say_ui::i18n::use_i18n;

/// The council's page (`/council`, in the staff app): what surveys are, and the steps from building one to "You said, we did".
#[component]
pub fn CouncilHome() -> impl IntoView {
    let i18n = use_i18n();
    let steps = [
        Key::CouncilStepBuild,
        Key::CouncilStepShare,
        Key::CouncilStepAnswer,
        Key::CouncilStepImport,
        Key::CouncilStepResults,
    ];
    view! {
        <section class="page council">
            <h1>{i18n.tr(Key::CouncilTitle)}</h1>
            <p class="lead">{i18n.tr(Key::CouncilLead)}</p>
            <section aria-labelledby="council-anonymous">
                <h2 id="council-anonymous">{i18n.tr(Key::CouncilAnonymousTitle)}</h2>
                <p>{i18n.tr(Key::CouncilAnonymous)}</p>
            </section>
            <section aria-labelledby="council-steps">
                <h2 id="council-steps">{i18n.tr(Key::CouncilStepsTitle)}</h2>
                <ol class="council-steps">
                    {steps.into_iter().map(|k| view! { <li>{i18n.tr(k)}</li> }).collect_view()}
                </ol>
            </section>
            <ul class="plain council-links">
                <li><a href="/iro/surveys" class="button primary">{i18n.tr(Key::BuilderNav)}" — "{i18n.tr(Key::CouncilOpenSurveys)}</a></li>
                <li><a href="/surveys" rel="external" class="button">{i18n.tr(Key::CouncilOpenTablet)}</a></li>
                <li><a href="/demo/surveys" class="button">{i18n.tr(Key::CouncilTryDemo)}</a></li>
                <li><a href="/" rel="external" class="button">{i18n.tr(Key::CommonBackHome)}</a></li>
            </ul>
        </section>
    }
}

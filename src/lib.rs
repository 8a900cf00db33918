//! My Say: children in care tell their Independent Reviewing Officer what they think.
//!
//! This crate is the browser app: `App` and its routes, pages and components. The domain
//! (booklets, answers, sealing, reports) is the `my_say_core` crate; browser-only pieces
//! (storage, files, speech) sit in `browser`.

#[cfg(feature = "bench")]
pub mod bench;
pub mod browser;
pub mod components;
pub mod drafts;
pub mod i18n;
pub mod pages;
pub mod tablet;
pub mod workspace;

use components::header::Header;
use i18n::{I18n, Locale};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use pages::iro::{SurveyResultsPage, YouSaidPage};
use pages::{
    booklet::{BookletFill, BookletStart},
    council::CouncilHome,
    home::Home,
    iro::{
        BookletSummary, DataCare, DemoArea, FollowUps, IroArea, Reports, SurveyBuilder, SurveyList,
        WorkspaceHome, WorkspaceSettings,
    },
    not_found::NotFound,
    survey_tablet::{SurveyStart, SurveysOnTablet},
    tablet::TabletSetup,
};

/// The whole app: language context, header and routes.
#[component]
pub fn App() -> impl IntoView {
    let saved = browser::prefs::load_locale().and_then(|c| Locale::from_code(&c));
    let i18n = I18n(RwSignal::new(saved.unwrap_or(Locale::En)));
    provide_context(i18n);
    browser::service_worker::register();

    // Keep <html lang dir> and the saved preference in step with the chosen language.
    Effect::new(move |_| {
        let locale = i18n.locale();
        browser::prefs::apply_locale(locale.code(), locale.dir());
        browser::prefs::save_locale(locale.code());
    });

    view! {
        <Router>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=Home />
                    <Route path=path!("booklet") view=BookletStart />
                    <Route path=path!("booklet/:id") view=BookletFill />
                    <ParentRoute path=path!("iro") view=IroArea>
                        <Route path=path!("") view=WorkspaceHome />
                        <Route path=path!("booklet/:id") view=BookletSummary />
                        <Route path=path!("follow-ups") view=FollowUps />
                        <Route path=path!("reports") view=Reports />
                        <Route path=path!("data") view=DataCare />
                        <Route path=path!("settings") view=WorkspaceSettings />
                        <Route path=path!("surveys") view=SurveyList />
                        <Route path=path!("surveys/:id") view=SurveyBuilder />
                        <Route path=path!("surveys/:id/results") view=SurveyResultsPage />
                        <Route path=path!("surveys/:id/you-said") view=YouSaidPage />
                    </ParentRoute>
                    // The example workspace: the same pages over made-up data in memory.
                    <ParentRoute path=path!("demo") view=DemoArea>
                        <Route path=path!("") view=WorkspaceHome />
                        <Route path=path!("booklet/:id") view=BookletSummary />
                        <Route path=path!("follow-ups") view=FollowUps />
                        <Route path=path!("reports") view=Reports />
                        <Route path=path!("data") view=DataCare />
                        <Route path=path!("settings") view=WorkspaceSettings />
                        <Route path=path!("surveys") view=SurveyList />
                        <Route path=path!("surveys/:id") view=SurveyBuilder />
                        <Route path=path!("surveys/:id/results") view=SurveyResultsPage />
                        <Route path=path!("surveys/:id/you-said") view=YouSaidPage />
                    </ParentRoute>
                    <Route path=path!("council") view=CouncilHome />
                    <Route path=path!("tablet") view=TabletSetup />
                    <Route path=path!("surveys") view=SurveysOnTablet />
                    <Route path=path!("surveys/:id") view=SurveyStart />
                </Routes>
            </main>
        </Router>
    }
}

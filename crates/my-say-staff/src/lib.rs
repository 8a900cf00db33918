//! My Say's staff workspace: the IRO's inbox, summaries, follow-ups, reports, exports and data
//! care (`/iro/...`), the same pages over example data (`/demo/...`), and the Children in Care
//! Council's survey builder, results and You said, we did (`/council`, `/iro/surveys/...`).
//!
//! It is the second of My Say's two apps. The child's tablet app (the top-level `my-say`
//! package) is reached from here by an ordinary page load. What both share (wording, the
//! browser edge, the question screen the builder previews) is `my_say_ui`; the domain is
//! `my_say_core`.

#[cfg(feature = "bench")]
pub mod bench;
pub mod i18n;
pub mod pages;
pub mod workspace;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use my_say_ui::components::{header::Header, not_found::NotFound};
use my_say_ui::i18n::provide_i18n;
use pages::council::{CouncilHome, SurveyBuilder, SurveyList, SurveyResultsPage, YouSaidPage};
use pages::iro::{
    BookletSummary, DataCare, DemoArea, FollowUps, IroArea, Reports, WorkspaceHome,
    WorkspaceSettings,
};

/// The staff workspace: language context, header and routes. `/demo` shows the same pages as
/// `/iro` over made-up data kept in memory.
#[component]
pub fn StaffApp() -> impl IntoView {
    provide_i18n();
    my_say_ui::browser::service_worker::register(my_say_ui::browser::service_worker::App::Staff);
    view! {
        <Router>
            <Header icon="/staff/icon.svg" home_is_other_app=true />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
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
                </Routes>
            </main>
        </Router>
    }
}

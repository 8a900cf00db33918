//! My Say: children in care tell their Independent Reviewing Officer what they think.
//!
//! This crate is the app a child's tablet loads: home, the booklet (start, answer, review,
//! finish, "it's OK to tell"), tablet set-up and sending answers, and council surveys on a
//! tablet. The staff workspace (IRO and council screens, `/iro`, `/demo`, `/council`) is a second
//! app, `crates/my-say-staff`, reached by an ordinary page load; a child's tablet never
//! downloads it unless someone opens the workspace. What both apps share (wording, the browser
//! edge, the question screen) is `my_say_ui`; the domain is `my_say_core`.

pub mod drafts;
pub mod pages;
pub mod tablet;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use my_say_ui::components::{header::Header, not_found::NotFound};
use my_say_ui::i18n::provide_i18n;
use pages::{
    booklet::{BookletFill, BookletStart},
    home::Home,
    survey_tablet::{SurveyStart, SurveysOnTablet},
    tablet::TabletSetup,
};

/// The child's tablet app: language context, header and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    my_say_ui::browser::service_worker::register(my_say_ui::browser::service_worker::App::Child);
    view! {
        <Router>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=Home />
                    <Route path=path!("booklet") view=BookletStart />
                    <Route path=path!("booklet/:id") view=BookletFill />
                    <Route path=path!("tablet") view=TabletSetup />
                    <Route path=path!("surveys") view=SurveysOnTablet />
                    <Route path=path!("surveys/:id") view=SurveyStart />
                </Routes>
            </main>
        </Router>
    }
}

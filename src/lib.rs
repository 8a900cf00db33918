//! My Say: children in care tell their Independent Reviewing Officer what they think.
//!
//! This crate is the app a child's tablet loads: home, the booklet (start, answer, review,
//! finish, "it's OK to tell"), tablet set-up and sending answers, and council surveys on a
//! tablet. The staff workspace (IRO and council screens, `/iro`, `/demo`, `/council`) is a second
//! app, `crates/my-say-staff`, reached by an ordinary page load; a child's tablet never
//! downloads it unless someone opens the workspace. What both apps share (wording, the browser
//! edge, the question screen) is `my_say_ui`; the domain is `my_say_core`.

pub mod booklets;
pub mod drafts;
pub mod pages;
pub mod routes;
pub mod tablet;

use leptos::prelude::*;
use my_say_ui::browser::history::provide_address;
use my_say_ui::components::{header::Header, not_found::NotFound, update_ready::UpdateReady};
use my_say_ui::i18n::provide_i18n;
use pages::{
    booklet::{BookletFill, BookletStart},
    home::Home,
    survey_tablet::{SurveyStart, SurveysOnTablet},
    tablet::TabletSetup,
};
use routes::Route;

/// The child's tablet app: language context, header and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    my_say_ui::browser::service_worker::register(my_say_ui::browser::service_worker::App::Child);
    let address = provide_address();
    // Only a change of page builds a new one: a changed query (`?saved=1`) does not.
    let route = Memo::new(move |_| Route::of(&address.read().path));
    view! {
        <Header />
        <main id="main" tabindex="-1">
            // Never in the middle of a child's booklet or survey.
            <UpdateReady hide=Signal::derive(move || matches!(route.get(), Route::BookletFill(_) | Route::SurveyStart(_))) />
            {move || match route.get() {
                Route::Home => view! { <Home /> }.into_any(),
                Route::BookletStart => view! { <BookletStart /> }.into_any(),
                Route::BookletFill(id) => view! { <BookletFill id /> }.into_any(),
                Route::Tablet => view! { <TabletSetup /> }.into_any(),
                Route::Surveys => view! { <SurveysOnTablet /> }.into_any(),
                Route::SurveyStart(id) => view! { <SurveyStart id /> }.into_any(),
                Route::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
    }
}

//! My Say: children in care tell their Independent Reviewing Officer what they think.
//!
//! This crate is four small apps a child's tablet loads, built from one library:
//! - [`App`] (`src/main.rs`): home and the adult's booklet start form (or carrying one on).
//! - [`FillApp`] (`src/bin/my-say-fill.rs`, `/booklet/<draft id>`): the child's screens, from the
//!   booklet's start to review, finish and "it's OK to tell". Apart, so that the first load, to
//!   the start form, carries none of them (docs/size.md); the service worker keeps it with the
//!   child's app, so it is on the tablet before the adult hands it over.
//! - [`TabletApp`] (`src/bin/my-say-tablet.rs`, under `/tablet`): tablet set-up and sending
//!   answers, an adult's pages. Apart, so that a child's first load carries nothing of them
//!   (docs/size.md).
//! - [`SurveysApp`] (`src/bin/my-say-surveys.rs`, under `/surveys`): council surveys on a
//!   tablet, answered on the booklet's own screens. Apart, so that a child's first load carries
//!   nothing of the survey file reader (docs/size.md).
//!
//! The staff workspace (IRO and council screens, `/iro`, `/demo`, `/council`) is a fifth app,
//! `crates/my-say-staff`. Moving between apps is an ordinary page load (`my_say_ui::apps`); a
//! child's tablet never downloads the staff app unless someone opens the workspace. What the
//! apps share (wording, the browser edge, the question screen) is `my_say_ui`; the domain is
//! `my_say_core`.

pub mod booklets;
pub mod drafts;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod tablet;

use leptos::prelude::*;
use my_say_ui::apps::App as Which;
use my_say_ui::browser::history::provide_address;
use my_say_ui::components::{header::Header, not_found::NotFound, update_ready::UpdateReady};
use my_say_ui::i18n::provide_i18n;
use pages::{
    booklet::{BookletFill, BookletStart},
    home::Home,
    survey_tablet::{SurveyStart, SurveysOnTablet},
    tablet::TabletSetup,
};
use routes::{FillRoute, Route, SurveyRoute, TabletRoute};
use tablet::surveys::TabletSurveys;

/// The child's tablet app, home and the booklet start form: language context, header and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    my_say_ui::browser::service_worker::register(Which::Child);
    let address = provide_address(Which::Child);
    // Only a change of page builds a new one: a changed query (`?saved=1`) does not.
    let route = Memo::new(move |_| Route::of(&address.read().path));
    view! {
        <Header />
        <main id="main" tabindex="-1">
            <UpdateReady hide=false />
            {move || match route.get() {
                Route::Home => view! { <Home /> }.into_any(),
                Route::BookletStart => view! { <BookletStart /> }.into_any(),
                Route::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
    }
}

/// A booklet being answered, under `/booklet/<draft id>`: language context, header and the
/// child's screens. It never offers a new version: not in the middle of a child's booklet (the
/// home screen offers it afterwards).
#[component]
pub fn FillApp() -> impl IntoView {
    provide_i18n();
    my_say_ui::browser::service_worker::register(Which::Fill);
    let address = provide_address(Which::Fill);
    let route = Memo::new(move |_| FillRoute::of(&address.read().path));
    view! {
        <Header />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                FillRoute::Fill(id) => view! { <BookletFill id /> }.into_any(),
                FillRoute::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
    }
}

/// Tablet set-up and sending answers: language context, header and the one page under
/// `/tablet`.
#[component]
pub fn TabletApp() -> impl IntoView {
    provide_i18n();
    my_say_ui::browser::service_worker::register(Which::Tablet);
    let address = provide_address(Which::Tablet);
    let route = Memo::new(move |_| TabletRoute::of(&address.read().path));
    view! {
        <Header />
        <main id="main" tabindex="-1">
            <UpdateReady hide=false />
            {move || match route.get() {
                TabletRoute::Setup => view! { <TabletSetup /> }.into_any(),
                TabletRoute::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
    }
}

/// Council surveys on a tablet: language context, header and routes under `/surveys`. The fill
/// screen reaches the tablet's surveys through [`TabletSurveys`], given here only.
#[component]
pub fn SurveysApp() -> impl IntoView {
    provide_i18n();
    provide_context(TabletSurveys::ON_THIS_TABLET);
    my_say_ui::browser::service_worker::register(Which::Surveys);
    let address = provide_address(Which::Surveys);
    let route = Memo::new(move |_| SurveyRoute::of(&address.read().path));
    view! {
        <Header />
        <main id="main" tabindex="-1">
            // Never in the middle of a child's survey.
            <UpdateReady hide=Signal::derive(move || matches!(route.get(), SurveyRoute::Start(_) | SurveyRoute::Answer(_))) />
            {move || match route.get() {
                SurveyRoute::Surveys => view! { <SurveysOnTablet /> }.into_any(),
                SurveyRoute::Start(id) => view! { <SurveyStart id /> }.into_any(),
                SurveyRoute::Answer(id) => view! { <BookletFill id /> }.into_any(),
                SurveyRoute::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
    }
}

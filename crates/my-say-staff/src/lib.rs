//! My Say's staff workspace: the IRO's inbox, summaries, follow-ups, reports, exports and data
//! care (`/iro/...`), the same pages over example data (`/demo/...`), and the Children in Care
//! Council's survey builder, results and You said, we did (`/council`, `/iro/surveys/...`).
//!
//! It is one of My Say's five apps; the other four are the top-level `my-say` package's (the
//! child's tablet app, a booklet being answered, tablet set-up, council surveys on a tablet),
//! reached from here by an ordinary page load. What they share (wording, the browser edge, the question screen the
//! builder previews) is `my_say_ui`; the domain is `my_say_core`.

#[cfg(feature = "bench")]
pub mod bench;
pub mod booklets;
pub mod i18n;
pub mod open_workers;
pub mod pages;
pub mod routes;
pub mod workspace;

use i18n::Key;
use leptos::prelude::*;
use my_say_ui::browser::history::provide_address;
use my_say_ui::components::{header::Header, not_found::NotFound, update_ready::UpdateReady};
use my_say_ui::i18n::{provide_i18n, use_i18n};
use pages::council::CouncilHome;
use pages::iro::{DemoArea, IroArea};
use routes::{Area, Page, Part, StaffRoute};

/// The staff workspace: language context, header and the page the address names. `/demo`
/// shows the same pages as `/iro` over made-up data kept in memory. The pages are shown only
/// once the four built-in booklets are here ([`booklets::load`]): until then a short "Opening
/// the workspace…", and if they cannot be had, a page that says so with "Try again".
#[component]
pub fn StaffApp() -> impl IntoView {
    let i18n = provide_i18n();
    my_say_ui::browser::service_worker::register(my_say_ui::browser::service_worker::App::Staff);
    let address = provide_address(my_say_ui::apps::App::Staff);
    // None while the booklets are being fetched.
    let loaded = RwSignal::new(None::<Result<(), booklets::LoadError>>);
    let load = move || {
        loaded.set(None);
        leptos::task::spawn_local(async move { loaded.set(Some(booklets::load().await)) });
    };
    load();
    view! {
        <Header icon="/staff/icon.svg" home_is_other_app=true />
        <main id="main" tabindex="-1">
            <UpdateReady hide=false />
            {move || match loaded.get() {
                None => view! {
                    <section class="page">
                        <p class="note" role="status">{i18n.tr(Key::StartLoading)}</p>
                    </section>
                }
                .into_any(),
                Some(Ok(())) => view! { <Workspace address /> }.into_any(),
                Some(Err(e)) => view! { <BookletsFailed error=e.to_string() retry=load /> }.into_any(),
            }}
        </main>
    }
}

/// The page the address names, once the built-in booklets are here.
#[component]
fn Workspace(
    /// The address, as `provide_address` keeps it.
    address: ReadSignal<my_say_ui::browser::history::Address>,
) -> impl IntoView {
    // Only a change of page builds a new one: a changed query does not.
    let route = Memo::new(move |_| StaffRoute::of(&address.read().path));
    // Moving between an area's pages keeps the area (and its unlocked workspace).
    let part = Memo::new(move |_| route.with(StaffRoute::part));
    move || match part.get() {
        Part::Area(area) => area_view(area, route),
        Part::Council => view! { <CouncilHome /> }.into_any(),
        Part::NotFound => view! { <NotFound /> }.into_any(),
    }
}

/// Says the workspace cannot open without the built-in booklets (offline before its first
/// visit, or a server that does not have them), and offers to fetch them again.
#[component]
fn BookletsFailed(
    /// What went wrong, for whoever looks after the server: the file and the error.
    error: String,
    /// Fetches the booklets again.
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1 tabindex="-1">{i18n.tr(Key::StartFailedTitle)}</h1>
            <p class="banner error" role="alert">{i18n.tr(Key::StartFailedLead)}</p>
            <p class="note">{move || i18n.locale().format(Key::StartFailedDetail, &[("detail", &error)])}</p>
            <button type="button" class="primary" on:click=move |_| retry()>{i18n.tr(Key::StartTryAgain)}</button>
        </section>
    }
}

/// A workspace area, whose page follows the address while the area stays.
fn area_view(area: Area, route: Memo<StaffRoute>) -> AnyView {
    // On leaving the area its last page stays until the area itself is gone.
    let page = Memo::new(move |last: Option<&Page>| {
        route.with(|r| r.page().or(last).cloned().unwrap_or_default())
    });
    match area {
        Area::Iro => view! { <IroArea page /> }.into_any(),
        Area::Demo => view! { <DemoArea page /> }.into_any(),
    }
}

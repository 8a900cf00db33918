//! The address bar, for every app: none needs a router crate.
//!
//! `leptos_router` cost the child's first load 47,162 B gzip of wasm (docs/size.md); this is
//! what the apps used of it: the path and query as a signal, links inside the app that
//! change the address without a page load, the back button, and moving to an address from code.
//! Each app turns the path into its pages itself (`src/routes.rs`, `my_say_staff::routes`).

use crate::apps::App;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the app is: the path (`/booklet/abc`) and the query string (`?saved=1`, or empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    /// The path, always starting with `/`.
    pub path: String,
    /// The query string, with its `?`, or empty.
    pub query: String,
}

impl Address {
    /// The address the browser shows now.
    fn current() -> Address {
        let location = window().location();
        Address {
            path: location.pathname().unwrap_or_else(|_| "/".into()),
            query: location.search().unwrap_or_default(),
        }
    }

    /// Whether the query string names `key`, as `?key` or `?key=value`.
    pub fn has(&self, key: &str) -> bool {
        self.query
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair.split('=').next() == Some(key))
    }
}

thread_local! {
    /// The app's address (see [`provide_address`]), and which app this page is. The browser has
    /// one address bar, so this is one value for the page, and moving from code works after an
    /// `await` too, where no reactive context is.
    static HERE: std::cell::Cell<Option<(RwSignal<Address>, App)>> = const { std::cell::Cell::new(None) };
}

/// Follows the browser's address from now on for `app`: links to `app`'s own addresses
/// (`<a href="/...">` without `rel="external"`, `download` or `target`) change the address
/// without a page load, and so do the back and forward buttons; a link or [`navigate`] to
/// another app's address ([`App::of_path`]) is an ordinary page load of that app. Call once, in
/// the app's root.
pub fn provide_address(app: App) -> ReadSignal<Address> {
    let here = RwSignal::new(Address::current());
    HERE.set(Some((here, app)));
    window_event_listener(ev::popstate, move |_| here.set(Address::current()));
    window_event_listener(ev::click, move |e| {
        if let Some(to) = link_in_app(&e, app) {
            e.prevent_default();
            go(here, &to);
        }
    });
    here.read_only()
}

/// The app's address, as [`provide_address`] gave it.
pub fn use_address() -> ReadSignal<Address> {
    here().0.read_only()
}

/// Whether the page shows another app's address ([`App::of_path`]): the service worker answers
/// an app this device has not kept, with the network off, with the child's page
/// (tools/sw-template.js), which then says the internet is needed once.
pub fn shows_another_apps_address() -> bool {
    let (address, app) = here();
    address.with_untracked(|a| App::of_path(&a.path)) != app
}

/// Moves to `to` (a path with an optional query), as a link would: inside the app, or by a page
/// load when `to` is another app's.
pub fn navigate(to: &str) {
    let (here, app) = here();
    if App::of_path(to) == app {
        go(here, to);
    } else {
        let _ = window().location().assign(to);
    }
}

/// The code a set-up or survey link carries after its `#` (which browsers never send
/// anywhere), if the address has one.
pub fn link_code() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let code = hash.trim_start_matches('#').to_owned();
    (!code.is_empty()).then_some(code)
}

/// Takes a link's code out of the address bar and the history once it has done its job, leaving
/// `path`.
pub fn forget_link_code(path: &str) {
    replace_address(path);
}

/// Puts `to` in the address bar in place of this address, without a page load.
fn replace_address(to: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
    }
}

/// Moves to `to` in place of this address, so the back button skips this one: inside the app,
/// or by loading the other app's page when `to` is another app's.
pub fn redirect(to: &str) {
    let (here, app) = here();
    if App::of_path(to) == app {
        replace_address(to);
        here.set(Address::current());
    } else {
        let _ = window().location().replace(to);
    }
}

/// The app's address signal and which app this page is, as [`provide_address`] kept them.
fn here() -> (RwSignal<Address>, App) {
    HERE.get()
        .expect("provide_address is called in the app's root before any page")
}

fn go(here: RwSignal<Address>, to: &str) {
    let window = window();
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
    }
    here.set(Address::current());
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The path and query a click on a link inside `app` goes to; `None` for anything the browser
/// should do itself: another origin or app, a new tab, a download, a fragment, a modified click.
fn link_in_app(e: &ev::MouseEvent, app: App) -> Option<String> {
    if e.default_prevented()
        || e.button() != 0
        || e.meta_key()
        || e.ctrl_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    let link: web_sys::HtmlAnchorElement = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    let external = link.rel().split_whitespace().any(|r| r == "external");
    if external
        || link.has_attribute("download")
        || !link.target().is_empty()
        || !link.hash().is_empty()
        || link.origin() != window().location().origin().ok()?
        || App::of_path(&link.pathname()) != app
    {
        return None;
    }
    Some(format!("{}{}", link.pathname(), link.search()))
}

//! Registers the one service worker that keeps My Say's apps for offline use (see
//! tools/sw-template.js and docs/design.md, "Offline for every app").

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

pub use crate::apps::App;

/// The message that tells a new worker, waiting, to take over (tools/sw-template.js).
pub const SKIP_WAITING: &str = "skip-waiting";

/// Asks the browser to install `/sw.js` once the page has shown itself (when the browser is
/// idle, at the latest after 3 s), so that on a first visit the worker's downloads do not hold
/// up the first screen; from any app but the child's, also asks the worker to keep that app's
/// files ([`App::keep_messages`]).
/// Where service workers are missing (an old browser or a private window) the app still runs;
/// it just will not open offline.
pub fn register(app: App) {
    crate::browser::pace::when_idle(3_000, move || register_now(app));
}

fn register_now(app: App) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // The promises are left to settle on their own: failure changes nothing the user can act on.
    let _ = container.register("/sw.js");
    keep(app);
}

/// Asks the active worker to keep `app`'s files for offline use, once there is one (the child's
/// app is always kept). The other apps ask for themselves when they open; the child's home
/// screen asks for the tablet set-up and surveys apps where the tablet uses them ([`keep_if`]).
pub fn keep(app: App) {
    let messages = app.keep_messages();
    if messages.is_empty() {
        return;
    }
    when_ready(move |registration, _| {
        if let Some(worker) = registration.active() {
            for message in messages {
                let _ = worker.post_message(&JsValue::from_str(message));
            }
        }
    });
}

/// Once the browser is idle, asks the worker to keep `app` if `needed()` says this device uses
/// it: the child's home screen keeps the tablet set-up app on a tablet that is set up, and the
/// surveys app on one that has surveys, so a tablet that used them before they were apps of
/// their own still opens them offline after the update. Called from the home screen, not the
/// app's root, so opening a child's booklet never does this work (docs/performance.md,
/// 2026-12-07).
pub fn keep_if<F>(app: App, needed: impl FnOnce() -> F + 'static)
where
    F: std::future::Future<Output = bool> + 'static,
{
    crate::browser::pace::when_idle(3_000, move || {
        wasm_bindgen_futures::spawn_local(async move {
            if needed().await {
                keep(app);
            }
        })
    });
}

/// Calls `then` with this page's registration and the worker container once a worker is active
/// for the page (`navigator.serviceWorker.ready`); never where there are no service workers.
fn when_ready(then: impl FnOnce(ServiceWorkerRegistration, ServiceWorkerContainer) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(ready) = container.ready() else {
            return;
        };
        if let Ok(registration) = JsFuture::from(ready).await {
            then(ServiceWorkerRegistration::from(registration), container);
        }
    });
}

/// Calls `found` with the new worker when a new version of My Say has been installed and waits
/// to take over this page: one already waiting when the page opens, or one installed while it
/// is open. Never on a first visit, when there is no old version to replace.
pub fn when_update_waiting(found: impl Fn(ServiceWorker) + 'static) {
    when_ready(move |registration, container| {
        let check = {
            let registration = registration.clone();
            move || {
                if let (Some(worker), Some(_)) = (registration.waiting(), container.controller()) {
                    found(worker);
                }
            }
        };
        check();
        let check = std::rc::Rc::new(check);
        let on_found = Closure::<dyn Fn()>::new({
            let registration = registration.clone();
            move || {
                if let Some(installing) = registration.installing() {
                    let check = check.clone();
                    let on_state = Closure::<dyn Fn()>::new(move || check());
                    installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                    on_state.forget();
                }
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Lets the waiting `worker` take over, and reloads the page into the new version once it has.
pub fn use_new_version(worker: &ServiceWorker) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let reload = Closure::once_into_js(move || {
        let _ = web_sys::window().map(|w| w.location().reload());
    });
    window
        .navigator()
        .service_worker()
        .set_oncontrollerchange(Some(reload.unchecked_ref()));
    let _ = worker.post_message(&JsValue::from_str(SKIP_WAITING));
}

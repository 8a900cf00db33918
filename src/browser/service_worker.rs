//! Registers the service worker that keeps the app shell for offline use (see tools/sw-template.js).

/// Asks the browser to install `/sw.js`. Where service workers are missing (an old browser or a
/// private window) the app still runs; it just will not open offline.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // The promise is left to settle on its own: failure changes nothing the user can act on.
    let _ = container.register("/sw.js");
}

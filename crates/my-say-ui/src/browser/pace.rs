//! Giving the browser its turn, so that what a person sees comes first:
//!
//! - long work in short slices: [`Pacer::breathe`] gives the browser a turn once about
//!   [`SLICE_MS`] of work has passed, so a progress bar paints and taps are answered;
//! - [`after_paint`]: work that must not delay the next frame (saving a draft after a tap);
//! - [`when_idle`]: work that can wait until the page has shown itself (registering the service
//!   worker, asking for persistent storage).

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/browser/pace.js")]
extern "C" {
    #[wasm_bindgen(js_name = nextTask)]
    fn next_task() -> js_sys::Promise;
    #[wasm_bindgen(js_name = now)]
    fn now_ms() -> f64;
    #[wasm_bindgen(js_name = afterPaint)]
    fn after_paint_js(callback: JsValue);
    #[wasm_bindgen(js_name = whenIdle)]
    fn when_idle_js(callback: JsValue, timeout_ms: u32);
}

/// Runs `f` as a new task just after the next frame is painted.
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_paint_js(Closure::once_into_js(f));
}

/// Runs `f` once the browser is idle, and at the latest after `timeout_ms`.
pub fn when_idle(timeout_ms: u32, f: impl FnOnce() + 'static) {
    when_idle_js(Closure::once_into_js(f), timeout_ms);
}

/// Resolves in a new task just after the next frame is painted: what the page has just shown
/// ("Saving…") is on the screen before the work that follows begins.
pub async fn painted() {
    // The promise only ever resolves; nothing to handle.
    let _ = JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        after_paint_js(resolve.into())
    }))
    .await;
}

/// Waits `ms` milliseconds (a browser timer; other tasks run meanwhile).
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// How long the page may be busy before it gets a turn: half a 60 Hz frame.
pub const SLICE_MS: f64 = 8.0;

/// Tracks when the browser last had a turn.
#[derive(Clone)]
pub struct Pacer {
    since: Rc<Cell<f64>>,
}

impl Pacer {
    /// A pacer whose slice starts now.
    pub fn new() -> Pacer {
        Pacer {
            since: Rc::new(Cell::new(now_ms())),
        }
    }

    /// Yields to the browser if this slice has run for [`SLICE_MS`] or more. The future owns
    /// what it needs, so a progress callback can return it.
    pub fn breathe(&self) -> impl std::future::Future<Output = ()> + 'static {
        let since = self.since.clone();
        let due = now_ms() - since.get() >= SLICE_MS;
        async move {
            if due {
                // The promise only ever resolves; nothing to handle.
                let _ = JsFuture::from(next_task()).await;
                since.set(now_ms());
            }
        }
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new()
    }
}

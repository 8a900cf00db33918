//! What a screen reads from the device when it opens (stored booklets, a survey, the drafts in
//! progress): [`load`], a signal that a task fills in.
//!
//! Leptos's `LocalResource` and `<Suspense>` do the same, but bring in its async and suspense
//! code, about 12.5 KB gzip of the child's first load (docs/size.md, measured when the child's
//! start screen stopped using them); every app uses this instead.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// What `fetch`'s future gives: `None` until it is ready. Read again whenever a signal that
/// `fetch` reads before its future starts changes (such as a version a page bumps after it
/// stores something); until the new value is ready the old one stays, and a read that an
/// earlier one overtakes is dropped.
pub fn load<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    let value = RwSignal::new(None);
    let latest = Rc::new(Cell::new(0u32));
    // Reading the device is the outside world: an effect, so it follows the signals it reads.
    Effect::new(move |_| {
        let future = fetch();
        let this = latest.get().wrapping_add(1);
        latest.set(this);
        let latest = latest.clone();
        spawn_local(async move {
            let loaded = future.await;
            if latest.get() == this {
                value.set(Some(loaded));
            }
        });
    });
    value.read_only()
}

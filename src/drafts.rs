//! Booklets in progress on this device, through the encrypted device store.
//!
//! A draft is saved after every answer, encrypted at rest with the device key (see
//! `browser::store`). Finishing seals the answers and removes the draft (see `tablet`).

use my_say_core::session::Draft;
use my_say_ui::browser::store::{device_store as store, Area, KeyValueStore, StoreError};
use std::cell::{Cell, RefCell};

thread_local! {
    // The newest draft not yet written, and whether a write is under way (see `save_in_order`).
    static PENDING: RefCell<Option<(String, Draft)>> = const { RefCell::new(None) };
    static SAVING: Cell<bool> = const { Cell::new(false) };
}

/// Every draft on this device, newest first, with its id.
pub async fn list() -> Result<Vec<(String, Draft)>, StoreError> {
    let store = store().await?;
    let mut drafts = Vec::new();
    for id in store.keys(Area::Drafts).await? {
        // A damaged draft is skipped rather than hiding every other one.
        if let Ok(Some(draft)) = store.get_json::<Draft>(Area::Drafts, &id).await {
            drafts.push((id, draft));
        }
    }
    drafts.sort_by(|a, b| b.1.updated_at.cmp(&a.1.updated_at));
    Ok(drafts)
}

/// The draft with this id, if it is still here.
pub async fn load(id: &str) -> Result<Option<Draft>, StoreError> {
    store().await?.get_json(Area::Drafts, id).await
}

/// Saves a draft (encrypted at rest).
pub async fn save(id: &str, draft: &Draft) -> Result<(), StoreError> {
    store().await?.put_json(Area::Drafts, id, draft).await
}

/// Saves drafts one at a time, always ending with the newest. Each write encrypts first, and two
/// writes racing could land oldest-last and lose a keystroke; here a change made while a write is
/// under way waits for it, and only the latest waiting draft is written. `report` hears how each
/// write went.
pub fn save_in_order(id: String, draft: Draft, report: impl Fn(Result<(), StoreError>) + 'static) {
    PENDING.with(|p| *p.borrow_mut() = Some((id, draft)));
    if SAVING.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        while let Some((id, draft)) = PENDING.with(|p| p.borrow_mut().take()) {
            report(save(&id, &draft).await);
        }
        SAVING.with(|s| s.set(false));
    });
}

/// Drops a waiting write for draft `id` and waits until no write is under way, so that nothing
/// can bring the draft back once it is finished and deleted.
pub async fn settle(id: &str) {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.as_ref().is_some_and(|(pending, _)| pending == id) {
            *p = None;
        }
    });
    while SAVING.with(|s| s.get()) {
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
}

/// Whether no draft is waiting to be written.
pub fn nothing_waiting() -> bool {
    PENDING.with(|p| p.borrow().is_none())
}

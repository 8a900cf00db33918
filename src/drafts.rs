//! Booklets in progress on this device, through the encrypted device store.
//!
//! A draft is saved after every answer, encrypted at rest with the device key (see
//! `browser::store`). Finishing seals the answers and removes the draft (see `tablet`).

use crate::browser::store::{Area, DeviceStore, KeyValueStore, StoreError};
use my_say_core::session::Draft;
use std::cell::RefCell;

thread_local! {
    // One store for the whole app: opening IndexedDB and the device key once is enough.
    static STORE: RefCell<Option<DeviceStore>> = const { RefCell::new(None) };
}

/// The device store, opened on first use.
pub async fn store() -> Result<DeviceStore, StoreError> {
    if let Some(store) = STORE.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = DeviceStore::open().await?;
    STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
    Ok(store)
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

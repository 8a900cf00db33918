//! Booklets in progress on this device, through the encrypted device store.
//!
//! A draft is saved after every answer, encrypted at rest with the device key (see
//! `browser::store`). On "Stop for now" it is locked with the child's code
//! ([`LockedDraft`]) and kept under `locked/<id>` instead; carrying on needs the code. Finishing
//! seals the answers and removes the draft (see `tablet`).

use my_say_core::seal::LockedDraft;
use my_say_core::session::{in_progress::Heading, Draft, InProgress};
use my_say_ui::browser::store::{device_store as store, Area, KeyValueStore, StoreError};
use std::cell::{Cell, RefCell};

thread_local! {
    // The newest draft not yet written, and whether a write is under way (see `save_in_order`).
    static PENDING: RefCell<Option<(String, Draft)>> = const { RefCell::new(None) };
    static SAVING: Cell<bool> = const { Cell::new(false) };
}

/// Where a locked draft is kept, beside the open drafts.
const LOCKED: &str = "locked/";

/// A draft as it is kept: open (the child is answering, or left without stopping) or locked.
pub enum Kept {
    /// Saved after every answer while the child is answering.
    Open(Draft),
    /// Stopped and locked with the child's code.
    Locked(LockedDraft),
}

/// Every draft on this device, newest first, with its id.
pub async fn list() -> Result<Vec<(String, InProgress)>, StoreError> {
    let store = store().await?;
    let mut drafts = Vec::new();
    for key in store.keys(Area::Drafts).await? {
        // Read only as far as the list needs (`my_say_core::session::in_progress`); a damaged
        // draft is skipped rather than hiding every other one.
        let (id, locked) = match key.strip_prefix(LOCKED) {
            Some(id) => (id, true),
            None => (key.as_str(), false),
        };
        if let Ok(Some(heading)) = store.get_json::<Heading>(Area::Drafts, &key).await {
            drafts.extend(heading.in_progress(locked).map(|d| (id.to_owned(), d)));
        }
    }
    drafts.sort_by(|a, b| b.1.changed_at.cmp(&a.1.changed_at));
    Ok(drafts)
}

/// The draft with this id, open or locked, if it is still here.
pub async fn load(id: &str) -> Result<Option<Kept>, StoreError> {
    let store = store().await?;
    if let Some(d) = store.get_json(Area::Drafts, id).await? {
        return Ok(Some(Kept::Open(d)));
    }
    Ok(store
        .get_json(Area::Drafts, &format!("{LOCKED}{id}"))
        .await?
        .map(Kept::Locked))
}

/// Keeps the draft locked, and only locked: the open copy goes once the locked one is written.
pub async fn keep_locked(id: &str, locked: &LockedDraft) -> Result<(), StoreError> {
    let store = store().await?;
    store
        .put_json(Area::Drafts, &format!("{LOCKED}{id}"), locked)
        .await?;
    store.delete(Area::Drafts, id).await
}

/// The child gave the right code: the draft is open again (saved after every answer) until the
/// child stops or finishes.
pub async fn unlock(id: &str, draft: &Draft) -> Result<(), StoreError> {
    save(id, draft).await?;
    store()
        .await?
        .delete(Area::Drafts, &format!("{LOCKED}{id}"))
        .await
}

/// Removes a draft for good, open or locked, with its read-aloud setting (an adult, when the
/// code is forgotten or the survey is gone).
pub async fn discard(id: &str) -> Result<(), StoreError> {
    let store = store().await?;
    store.delete(Area::Drafts, &format!("{LOCKED}{id}")).await?;
    store.delete(Area::Drafts, id).await?;
    my_say_ui::browser::prefs::set_read_aloud(id, false);
    Ok(())
}

/// [`discard`], then to `to`; `failed` hears why not, in the screen's language (`i18n`).
pub fn discard_then_go(
    id: String,
    to: &'static str,
    failed: leptos::prelude::RwSignal<Option<String>>,
    i18n: my_say_ui::i18n::I18n,
) {
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        match discard(&id).await {
            Ok(()) => my_say_ui::browser::history::navigate(to),
            Err(e) => failed.set(Some(e.words(i18n.locale()))),
        }
    });
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
        my_say_ui::browser::pace::sleep(5).await;
    }
}

/// Whether no draft is waiting to be written.
pub fn nothing_waiting() -> bool {
    PENDING.with(|p| p.borrow().is_none())
}

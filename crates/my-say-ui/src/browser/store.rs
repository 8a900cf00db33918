//! Storage on this device, behind one small interface.
//!
//! [`KeyValueStore`] is the interface: string keys, byte values, in four [`Area`]s, with JSON on
//! top. [`DeviceStore`] keeps them in IndexedDB (drafts and workspace encrypted at rest with
//! AES-256-GCM under a non-extractable device key; see `src/browser/idb.js` for the layout) and
//! [`MemoryStore`] keeps them in memory, for native tests of code that uses storage.
//!
//! Code that stores things takes `&impl KeyValueStore`, and brings the trait into scope:
//! `use crate::browser::store::KeyValueStore as _;`.
//!
//! What the encryption at rest does and does not do: records in IndexedDB are unreadable
//! without the device key, and the key cannot be read out by script (it is non-extractable), so
//! a copy of the database, or a look at it in the browser's developer tools, shows no answers.
//! The browser itself keeps the key material in its profile on disk, so someone with the
//! device's files and the skill to read the browser's key store could still decrypt; and script
//! running in this origin can ask the browser to decrypt. Sealed answers (HPKE, made elsewhere)
//! are the protection that holds against those.

mod device;
mod memory;

use crate::i18n::{Key, Locale};
use std::fmt;

use serde::{de::DeserializeOwned, Serialize};

pub use device::{request_persistence, DeviceStore};

thread_local! {
    // One store for the whole app: opening IndexedDB and the device key once is enough.
    static DEVICE: std::cell::RefCell<Option<DeviceStore>> = const { std::cell::RefCell::new(None) };
}

/// This device's store, opened on first use and then shared by the whole app.
///
/// On first opening it asks the browser not to evict this origin's data under storage
/// pressure: a child's answers and sealed booklets waiting to be sent live here. Refusal
/// changes nothing else. The request waits until the browser is idle, so the first question
/// shows first.
pub async fn device_store() -> Result<DeviceStore, StoreError> {
    if let Some(store) = DEVICE.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = DeviceStore::open().await?;
    DEVICE.with(|s| *s.borrow_mut() = Some(store.clone()));
    crate::browser::pace::when_idle(2_000, || {
        wasm_bindgen_futures::spawn_local(async {
            request_persistence().await;
        });
    });
    Ok(store)
}

pub use memory::{now, MemoryStore};

/// Where a value is kept. Each area is an IndexedDB object store of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// Booklets in progress: a child's answers. Encrypted at rest.
    Drafts,
    /// Finished booklets, already sealed (HPKE ciphertext). Kept as given.
    Sealed,
    /// An adult's work in progress (opened answers, follow-ups, reports). Encrypted at rest.
    Workspace,
    /// Settings that are not answers. Kept as given; may be readable.
    Settings,
}

impl Area {
    /// Every area, in a fixed order.
    pub const ALL: [Area; 4] = [Area::Drafts, Area::Sealed, Area::Workspace, Area::Settings];

    /// The object store's name in IndexedDB.
    pub fn name(self) -> &'static str {
        match self {
            Area::Drafts => "drafts",
            Area::Sealed => "sealed",
            Area::Workspace => "workspace",
            Area::Settings => "settings",
        }
    }

    /// Whether values in this area are encrypted with the device key before they are stored.
    pub fn encrypted_at_rest(self) -> bool {
        matches!(self, Area::Drafts | Area::Workspace)
    }
}

/// Why storage failed. `Display` gives a message for the adult holding the tablet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The device's storage is full (the browser's `QuotaExceededError`). Nothing was written.
    QuotaExceeded,
    /// This browser keeps nothing here: no IndexedDB or no WebCrypto (some private windows, or
    /// a page not served over https or from localhost).
    Unavailable,
    /// A stored value could not be decrypted or parsed. Carries no detail on purpose: the
    /// detail could quote a child's answer.
    Corrupt,
    /// Anything else, with the browser's error name and message.
    Other(String),
}

impl StoreError {
    /// What went wrong, for the person holding the tablet, in `locale`'s words: a child whose
    /// answer could not be saved reads it inside the fill screen's message, in the booklet's
    /// language.
    pub fn words(&self, locale: Locale) -> String {
        match self {
            StoreError::QuotaExceeded => locale.text(Key::StoreFull).to_owned(),
            StoreError::Unavailable => locale.text(Key::StoreUnavailable).to_owned(),
            StoreError::Corrupt => locale.text(Key::StoreCorrupt).to_owned(),
            StoreError::Other(detail) => locale.format(Key::StoreOther, &[("detail", detail)]),
        }
    }
}

/// In English: for logs, and where no language is at hand ([`StoreError::words`] otherwise).
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Locale::En))
    }
}

impl std::error::Error for StoreError {}

/// `value` as the JSON bytes a store keeps.
pub fn json_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Other(format!("could not write JSON: {e}")))
}

/// String keys and byte values in [`Area`]s, with JSON on top. Implemented by [`DeviceStore`]
/// (IndexedDB) and [`MemoryStore`]. Clones of a store share the same data.
#[allow(async_fn_in_trait)] // single-threaded wasm: the futures need not be `Send`
pub trait KeyValueStore {
    /// Stores `value` under `key`, replacing what was there.
    async fn put_bytes(&self, area: Area, key: &str, value: &[u8]) -> Result<(), StoreError>;

    /// Stores every `(key, value)` pair, replacing what was there: all of them or, on an error,
    /// none (one IndexedDB transaction). Much faster than a `put_bytes` each when there are
    /// thousands, as in an import: each transaction waits for the disk.
    async fn put_many(&self, area: Area, entries: &[(String, Vec<u8>)]) -> Result<(), StoreError>;

    /// The value under `key`, if any.
    async fn get_bytes(&self, area: Area, key: &str) -> Result<Option<Vec<u8>>, StoreError>;

    /// The values under `keys`, in the same order, read in one IndexedDB transaction: much
    /// faster than a `get_bytes` each when there are thousands, as when a page lists every
    /// booklet. A value that is absent, or cannot be read back (damaged, or encrypted under
    /// another device key), is `None`, so one bad record hides nothing else.
    async fn get_many(
        &self,
        area: Area,
        keys: &[String],
    ) -> Result<Vec<Option<Vec<u8>>>, StoreError>;

    /// Removes `key` (nothing happens if it is absent).
    async fn delete(&self, area: Area, key: &str) -> Result<(), StoreError>;

    /// Every key in `area`, in ascending order.
    async fn keys(&self, area: Area) -> Result<Vec<String>, StoreError>;

    /// Removes every key in `area`.
    async fn clear(&self, area: Area) -> Result<(), StoreError>;

    /// Removes everything this store keeps on the device, the device key included ("erase
    /// everything on this device"). Using the store afterwards starts afresh with a new key.
    async fn erase_everything(&self) -> Result<(), StoreError>;

    /// Gives the browser a turn if the work has run for a while (the staff app's workspace
    /// store: every [`SLICE_MS`](crate::browser::pace::SLICE_MS)); nothing by default. Loops
    /// over thousands of records call it between records, so an import keeps the page painting
    /// and answering taps. The child's app never stores thousands, and carries no pacer.
    async fn breathe(&self) {}

    /// Stores `value` as JSON under `key`.
    async fn put_json<T: Serialize + ?Sized>(
        &self,
        area: Area,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        self.put_bytes(area, key, &json_bytes(value)?).await
    }

    /// Stores each `(key, value)` as JSON, all or none, as [`KeyValueStore::put_many`] does.
    async fn put_many_json<T: Serialize>(
        &self,
        area: Area,
        entries: &[(String, T)],
    ) -> Result<(), StoreError> {
        let mut encoded = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            encoded.push((key.clone(), json_bytes(value)?));
            self.breathe().await;
        }
        self.put_many(area, &encoded).await
    }

    /// The JSON value under `key`, if any; [`StoreError::Corrupt`] if it does not parse as `T`.
    async fn get_json<T: DeserializeOwned>(
        &self,
        area: Area,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        match self.get_bytes(area, key).await? {
            None => Ok(None),
            Some(json) => serde_json::from_slice(&json)
                .map(Some)
                .map_err(|_| StoreError::Corrupt),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_storage_failure_is_told_in_the_language_asked_for() {
        let full = StoreError::QuotaExceeded;
        assert!(full
            .to_string()
            .starts_with("This tablet's storage is full"));
        assert_eq!(full.words(Locale::En), full.to_string());
        assert!(full
            .words(Locale::Cy)
            .starts_with("Mae storfa'r dabled hon yn llawn"));
        let failures = [
            StoreError::QuotaExceeded,
            StoreError::Unavailable,
            StoreError::Corrupt,
            StoreError::Other("AbortError: aborted".into()),
        ];
        for locale in [Locale::Cy, Locale::Ar, Locale::ArF] {
            for e in &failures {
                assert_ne!(e.words(locale), e.words(Locale::En), "{e:?} in {locale:?}");
            }
        }
        // The browser's own detail is kept, inside the language's sentence.
        let other = &failures[3];
        assert!(other.words(Locale::Cy).contains("(AbortError: aborted)"));
        assert!(other.words(Locale::Ar).contains("(AbortError: aborted)"));
    }
}

//! [`Paced`]: a store that gives the browser a turn while it writes many records, for the import
//! page. Storing ten thousand booklets writes each as JSON before one IndexedDB transaction
//! takes them all; done in one go, that kept the page from painting or answering a tap for
//! hundreds of milliseconds. Through [`Paced`] it is the same writes, all or none in one
//! transaction as before, with a turn for the browser every [`SLICE_MS`](my_say_ui::browser::pace::SLICE_MS) on the way.

use my_say_ui::browser::pace::Pacer;
use my_say_ui::browser::store::{json_bytes, Area, KeyValueStore, StoreError};
use serde::Serialize;

/// `inner`, giving the browser a turn every [`SLICE_MS`](my_say_ui::browser::pace::SLICE_MS) while it writes records as JSON.
pub struct Paced<'s, S> {
    inner: &'s S,
    pacer: Pacer,
}

impl<'s, S: KeyValueStore> Paced<'s, S> {
    /// `inner`, paced.
    pub fn new(inner: &'s S) -> Self {
        Paced {
            inner,
            pacer: Pacer::new(),
        }
    }
}

impl<S: KeyValueStore> KeyValueStore for Paced<'_, S> {
    async fn put_bytes(&self, area: Area, key: &str, value: &[u8]) -> Result<(), StoreError> {
        self.inner.put_bytes(area, key, value).await
    }

    async fn put_many(&self, area: Area, entries: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        self.inner.put_many(area, entries).await
    }

    async fn get_bytes(&self, area: Area, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.get_bytes(area, key).await
    }

    async fn get_many(
        &self,
        area: Area,
        keys: &[String],
    ) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        self.inner.get_many(area, keys).await
    }

    async fn delete(&self, area: Area, key: &str) -> Result<(), StoreError> {
        self.inner.delete(area, key).await
    }

    async fn keys(&self, area: Area) -> Result<Vec<String>, StoreError> {
        self.inner.keys(area).await
    }

    async fn clear(&self, area: Area) -> Result<(), StoreError> {
        self.inner.clear(area).await
    }

    async fn erase_everything(&self) -> Result<(), StoreError> {
        self.inner.erase_everything().await
    }

    /// As [`KeyValueStore::put_many_json`], writing the JSON a slice at a time.
    async fn put_many_json<T: Serialize>(
        &self,
        area: Area,
        entries: &[(String, T)],
    ) -> Result<(), StoreError> {
        let mut encoded = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            encoded.push((key.clone(), json_bytes(value)?));
            self.pacer.breathe().await;
        }
        self.inner.put_many(area, &encoded).await
    }
}

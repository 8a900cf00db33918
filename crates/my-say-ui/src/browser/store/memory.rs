//! [`MemoryStore`]: the same interface in memory, for native tests of code that uses storage.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::{Area, KeyValueStore, StoreError};

/// Keeps values in memory; clones share them. [`MemoryStore::set_quota`] makes writes fail with
/// [`StoreError::QuotaExceeded`] as a full device would.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    values: BTreeMap<(Area, String), Vec<u8>>,
    quota: Option<usize>,
}

impl Inner {
    fn used(&self) -> usize {
        self.values
            .iter()
            .map(|((_, k), v)| k.len() + v.len())
            .sum()
    }
}

impl MemoryStore {
    /// An empty store with no limit.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Limits the bytes held (keys plus values, over all areas), or lifts the limit with `None`.
    /// A write that would go over fails with [`StoreError::QuotaExceeded`] and changes nothing;
    /// `set_quota(Some(0))` makes every write fail.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.inner.borrow_mut().quota = bytes;
    }
}

impl KeyValueStore for MemoryStore {
    async fn put_bytes(&self, area: Area, key: &str, value: &[u8]) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        let slot = (area, key.to_owned());
        if let Some(quota) = inner.quota {
            let replaced = inner.values.get(&slot).map_or(0, |v| key.len() + v.len());
            if inner.used() - replaced + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        inner.values.insert(slot, value.to_vec());
        Ok(())
    }

    async fn put_many(&self, area: Area, entries: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        if let Some(quota) = inner.quota {
            // All or nothing, like one IndexedDB transaction: check the total before any write.
            let mut after: BTreeMap<&str, usize> = BTreeMap::new();
            for (key, value) in entries {
                after.insert(key, key.len() + value.len());
            }
            let replaced: usize = after
                .keys()
                .filter_map(|k| {
                    let v = inner.values.get(&(area, (*k).to_owned()))?;
                    Some(k.len() + v.len())
                })
                .sum();
            if inner.used() - replaced + after.values().sum::<usize>() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        for (key, value) in entries {
            inner.values.insert((area, key.clone()), value.clone());
        }
        Ok(())
    }

    async fn get_bytes(&self, area: Area, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .inner
            .borrow()
            .values
            .get(&(area, key.to_owned()))
            .cloned())
    }

    async fn get_many(
        &self,
        area: Area,
        keys: &[String],
    ) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        let inner = self.inner.borrow();
        Ok(keys
            .iter()
            .map(|k| inner.values.get(&(area, k.clone())).cloned())
            .collect())
    }

    async fn delete(&self, area: Area, key: &str) -> Result<(), StoreError> {
        self.inner
            .borrow_mut()
            .values
            .remove(&(area, key.to_owned()));
        Ok(())
    }

    async fn keys(&self, area: Area) -> Result<Vec<String>, StoreError> {
        let inner = self.inner.borrow();
        Ok(inner
            .values
            .keys()
            .filter(|(a, _)| *a == area)
            .map(|(_, k)| k.clone())
            .collect())
    }

    async fn clear(&self, area: Area) -> Result<(), StoreError> {
        self.inner
            .borrow_mut()
            .values
            .retain(|(a, _), _| *a != area);
        Ok(())
    }

    async fn erase_everything(&self) -> Result<(), StoreError> {
        self.inner.borrow_mut().values.clear();
        Ok(())
    }
}

/// Runs a future that never has to wait, such as code that only awaits a [`MemoryStore`], and
/// returns its output: a native test needs no executor. Panics if the future would wait.
pub fn now<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("now(): the future would wait; only use it with MemoryStore"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn bytes_round_trip_in_every_area_and_areas_are_separate() {
        let store = MemoryStore::new();
        for (i, area) in Area::ALL.into_iter().enumerate() {
            now(store.put_bytes(area, "same-key", &[i as u8, 1, 2])).unwrap();
        }
        for (i, area) in Area::ALL.into_iter().enumerate() {
            let got = now(store.get_bytes(area, "same-key")).unwrap();
            assert_eq!(got, Some(vec![i as u8, 1, 2]));
            assert_eq!(now(store.get_bytes(area, "other")).unwrap(), None);
        }
    }

    #[test]
    fn json_round_trips_and_bad_json_is_corrupt() {
        let store = MemoryStore::new();
        let answers = BTreeMap::from([("q1".to_string(), "I like my school".to_string())]);
        now(store.put_json(Area::Drafts, "b1", &answers)).unwrap();
        let back: Option<BTreeMap<String, String>> =
            now(store.get_json(Area::Drafts, "b1")).unwrap();
        assert_eq!(back, Some(answers));
        let missing: Option<u32> = now(store.get_json(Area::Drafts, "none")).unwrap();
        assert_eq!(missing, None);

        now(store.put_bytes(Area::Drafts, "bad", b"{not json")).unwrap();
        let bad: Result<Option<u32>, _> = now(store.get_json(Area::Drafts, "bad"));
        assert_eq!(bad, Err(StoreError::Corrupt));
        // Valid JSON of the wrong shape is corrupt too.
        let wrong: Result<Option<u32>, _> = now(store.get_json(Area::Drafts, "b1"));
        assert_eq!(wrong, Err(StoreError::Corrupt));
    }

    #[test]
    fn delete_keys_and_clear() {
        let store = MemoryStore::new();
        for key in ["b", "a", "c"] {
            now(store.put_bytes(Area::Workspace, key, b"x")).unwrap();
        }
        now(store.put_bytes(Area::Settings, "kept", b"y")).unwrap();
        assert_eq!(now(store.keys(Area::Workspace)).unwrap(), ["a", "b", "c"]);
        now(store.delete(Area::Workspace, "b")).unwrap();
        now(store.delete(Area::Workspace, "never-there")).unwrap();
        assert_eq!(now(store.keys(Area::Workspace)).unwrap(), ["a", "c"]);
        now(store.clear(Area::Workspace)).unwrap();
        assert!(now(store.keys(Area::Workspace)).unwrap().is_empty());
        assert_eq!(now(store.keys(Area::Settings)).unwrap(), ["kept"]);
    }

    #[test]
    fn erase_everything_empties_every_area_and_clones_share_data() {
        let store = MemoryStore::new();
        let clone = store.clone();
        for area in Area::ALL {
            now(clone.put_bytes(area, "k", b"v")).unwrap();
        }
        assert_eq!(
            now(store.get_bytes(Area::Sealed, "k")).unwrap(),
            Some(b"v".to_vec())
        );
        now(store.erase_everything()).unwrap();
        for area in Area::ALL {
            assert!(now(clone.keys(area)).unwrap().is_empty());
        }
    }

    #[test]
    fn quota_fails_writes_that_do_not_fit_and_keeps_what_was_there() {
        let store = MemoryStore::new();
        store.set_quota(Some(10));
        now(store.put_bytes(Area::Drafts, "k", b"12345")).unwrap(); // 6 bytes used
        assert_eq!(
            now(store.put_bytes(Area::Drafts, "j", b"12345")),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(now(store.get_bytes(Area::Drafts, "j")).unwrap(), None);
        // Replacing a value only counts the difference.
        now(store.put_bytes(Area::Drafts, "k", b"123456789")).unwrap();
        assert_eq!(
            now(store.put_json(Area::Drafts, "k", "a longer string")),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(
            now(store.get_bytes(Area::Drafts, "k")).unwrap(),
            Some(b"123456789".to_vec())
        );
        store.set_quota(Some(0));
        assert_eq!(
            now(store.put_bytes(Area::Settings, "s", b"")),
            Err(StoreError::QuotaExceeded)
        );
        store.set_quota(None);
        now(store.put_bytes(Area::Drafts, "j", b"12345")).unwrap();
    }

    #[test]
    fn put_many_writes_all_or_nothing() {
        let store = MemoryStore::new();
        let entries = |n: u8| -> Vec<(String, Vec<u8>)> {
            (0..n).map(|i| (format!("k{i}"), vec![i; 4])).collect()
        };
        now(store.put_many(Area::Workspace, &entries(3))).unwrap();
        assert_eq!(
            now(store.keys(Area::Workspace)).unwrap(),
            ["k0", "k1", "k2"]
        );
        assert_eq!(
            now(store.get_bytes(Area::Workspace, "k2")).unwrap(),
            Some(vec![2; 4])
        );
        // 18 bytes used; rewriting the same three fits, a fourth does not, and then none is written.
        store.set_quota(Some(20));
        now(store.put_many(Area::Workspace, &entries(3))).unwrap();
        assert_eq!(
            now(store.put_many(Area::Workspace, &entries(4))),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(now(store.get_bytes(Area::Workspace, "k3")).unwrap(), None);
        now(store.put_many_json(Area::Settings, &[("j".to_owned(), 1u8)])).unwrap();
        let keys = ["k2".to_owned(), "none".to_owned(), "k0".to_owned()];
        assert_eq!(
            now(store.get_many(Area::Workspace, &keys)).unwrap(),
            [Some(vec![2; 4]), None, Some(vec![0; 4])]
        );
        assert_eq!(
            now(store.get_json::<u8>(Area::Settings, "j")).unwrap(),
            Some(1)
        );
    }

    #[test]
    fn messages_speak_to_an_adult() {
        assert!(StoreError::QuotaExceeded
            .to_string()
            .starts_with("This tablet's storage is full"));
        assert!(StoreError::Other("UnknownError: disk".into())
            .to_string()
            .contains("UnknownError: disk"));
        assert!(Area::Drafts.encrypted_at_rest() && Area::Workspace.encrypted_at_rest());
        assert!(!Area::Sealed.encrypted_at_rest() && !Area::Settings.encrypted_at_rest());
    }
}

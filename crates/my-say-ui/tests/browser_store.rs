//! The device store (IndexedDB + WebCrypto) in headless Chromium.
//! Run by `npm test` (`cargo test -p my-say-ui --target wasm32-unknown-unknown`).
//! The tests share the origin's database and run one after another; each uses its own keys.
#![cfg(target_arch = "wasm32")]

use js_sys::{Promise, Reflect, Uint8Array};
use my_say_ui::browser::store::{
    request_persistence, Area, DeviceStore, KeyValueStore, StoreError,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Reads and writes the database behind the store's back, as someone with the device might.
#[wasm_bindgen(inline_js = r#"
const withDb = (f) => new Promise((resolve, reject) => {
  const open = indexedDB.open("my-say");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const req = f(db);
    req.onsuccess = () => { db.close(); resolve(req.result); };
    req.onerror = () => { db.close(); reject(req.error); };
  };
});
export function rawGet(area, key) {
  return withDb((db) => db.transaction(area).objectStore(area).get(key));
}
export function rawPut(area, key, value) {
  return withDb((db) => db.transaction(area, "readwrite").objectStore(area).put(value, key));
}
export async function databaseNames() {
  return (await indexedDB.databases()).map((d) => d.name);
}
export function exportRaw(key) {
  return crypto.subtle.exportKey("raw", key);
}
const realPut = IDBObjectStore.prototype.put;
export function fillTheDisk(full) {
  IDBObjectStore.prototype.put = full
    ? function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }
    : realPut;
}
export function failPutAfter(n) {
  if (n === 0) {
    IDBObjectStore.prototype.put = realPut;
    return;
  }
  let calls = 0;
  IDBObjectStore.prototype.put = function (...args) {
    calls += 1;
    if (calls === n) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return realPut.apply(this, args);
  };
}
const realIndexedDB = Object.getOwnPropertyDescriptor(globalThis, "indexedDB");
export function hideIndexedDB(hidden) {
  if (hidden) Object.defineProperty(globalThis, "indexedDB", { value: undefined, configurable: true });
  else Object.defineProperty(globalThis, "indexedDB", realIndexedDB);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = rawGet)]
    fn raw_get(area: &str, key: &str) -> Promise;
    #[wasm_bindgen(js_name = rawPut)]
    fn raw_put(area: &str, key: &str, value: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = databaseNames)]
    fn database_names() -> Promise;
    #[wasm_bindgen(js_name = exportRaw)]
    fn export_raw(key: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = fillTheDisk)]
    fn fill_the_disk(full: bool);
    #[wasm_bindgen(js_name = hideIndexedDB)]
    fn hide_indexed_db(hidden: bool);
    #[wasm_bindgen(js_name = failPutAfter)]
    fn fail_put_after(n: u32);
}

async fn raw(area: Area, key: &str) -> JsValue {
    JsFuture::from(raw_get(area.name(), key)).await.unwrap()
}

async fn raw_bytes(area: Area, key: &str) -> Vec<u8> {
    let value = raw(area, key).await;
    assert!(
        value.is_instance_of::<Uint8Array>(),
        "records are Uint8Arrays"
    );
    Uint8Array::new(&value).to_vec()
}

async fn put_raw(area: Area, key: &str, value: &JsValue) {
    JsFuture::from(raw_put(area.name(), key, value))
        .await
        .unwrap();
}

async fn has_database() -> bool {
    let names = JsFuture::from(database_names()).await.unwrap();
    js_sys::Array::from(&names)
        .iter()
        .any(|n| n.as_string().as_deref() == Some("my-say"))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn open() -> DeviceStore {
    DeviceStore::open().await.expect("the store opens")
}

#[wasm_bindgen_test]
async fn values_round_trip_in_every_area() {
    let store = open().await;
    for area in Area::ALL {
        let bytes: Vec<u8> = (0..=255).collect();
        store.put_bytes(area, "rt-bytes", &bytes).await.unwrap();
        assert_eq!(
            store.get_bytes(area, "rt-bytes").await.unwrap(),
            Some(bytes)
        );

        store.put_bytes(area, "rt-empty", &[]).await.unwrap();
        assert_eq!(
            store.get_bytes(area, "rt-empty").await.unwrap(),
            Some(vec![])
        );

        let value = ("Dw i'n hoffi fy ysgol", vec![1, 2, 3], "أنا بخير");
        store.put_json(area, "rt-json", &value).await.unwrap();
        let back: Option<(String, Vec<u32>, String)> =
            store.get_json(area, "rt-json").await.unwrap();
        assert_eq!(
            back,
            Some((value.0.to_string(), value.1.clone(), value.2.to_string()))
        );

        assert_eq!(
            store.get_bytes(area, "rt-never-written").await.unwrap(),
            None
        );
        let none: Option<String> = store.get_json(area, "rt-never-written").await.unwrap();
        assert_eq!(none, None);
    }
}

#[wasm_bindgen_test]
async fn drafts_and_workspace_are_encrypted_at_rest() {
    let store = open().await;
    let marker = "MARKER-my-foster-carer-shouts-7c1e";
    for area in [Area::Drafts, Area::Workspace] {
        store.put_json(area, "enc", &marker).await.unwrap();
        let record = raw_bytes(area, "enc").await;
        assert!(
            !contains(&record, marker.as_bytes()),
            "{area:?} holds plain text"
        );
        assert!(!contains(&record, b"MARKER"), "{area:?} holds plain text");
        let json_len = marker.len() + 2;
        assert_eq!(
            record.len(),
            1 + 12 + json_len + 16,
            "format, IV, ciphertext, tag"
        );
        assert_eq!(record[0], 1, "format byte");

        // A fresh IV each write: the same value never gives the same record.
        store.put_json(area, "enc", &marker).await.unwrap();
        let again = raw_bytes(area, "enc").await;
        assert_ne!(record, again);
        assert_ne!(record[1..13], again[1..13]);
        let back: Option<String> = store.get_json(area, "enc").await.unwrap();
        assert_eq!(back.as_deref(), Some(marker));
    }
    // Sealed (already HPKE ciphertext) and settings are kept exactly as given.
    for area in [Area::Sealed, Area::Settings] {
        store
            .put_bytes(area, "as-given", b"bytes as given")
            .await
            .unwrap();
        assert_eq!(raw_bytes(area, "as-given").await, b"bytes as given");
    }
}

#[wasm_bindgen_test]
async fn a_value_moved_or_changed_does_not_decrypt() {
    let store = open().await;
    store
        .put_json(Area::Drafts, "mv-a", &"secret")
        .await
        .unwrap();
    let record = raw(Area::Drafts, "mv-a").await;

    // Moved to another key in the same area, or to the same key in the other encrypted area.
    put_raw(Area::Drafts, "mv-b", &record).await;
    assert_eq!(
        store.get_bytes(Area::Drafts, "mv-b").await,
        Err(StoreError::Corrupt)
    );
    put_raw(Area::Workspace, "mv-a", &record).await;
    assert_eq!(
        store.get_bytes(Area::Workspace, "mv-a").await,
        Err(StoreError::Corrupt)
    );
    let as_json: Result<Option<String>, _> = store.get_json(Area::Workspace, "mv-a").await;
    assert_eq!(as_json, Err(StoreError::Corrupt));

    // One bit changed.
    let mut bytes = Uint8Array::new(&record).to_vec();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    put_raw(Area::Drafts, "mv-c", &Uint8Array::from(&bytes[..]).into()).await;
    assert_eq!(
        store.get_bytes(Area::Drafts, "mv-c").await,
        Err(StoreError::Corrupt)
    );

    // Not a record at all.
    put_raw(Area::Drafts, "mv-d", &JsValue::from_str("plain")).await;
    assert_eq!(
        store.get_bytes(Area::Drafts, "mv-d").await,
        Err(StoreError::Corrupt)
    );
    put_raw(
        Area::Drafts,
        "mv-e",
        &Uint8Array::from(&[1u8, 2, 3][..]).into(),
    )
    .await;
    assert_eq!(
        store.get_bytes(Area::Drafts, "mv-e").await,
        Err(StoreError::Corrupt)
    );

    // The original still opens.
    let back: Option<String> = store.get_json(Area::Drafts, "mv-a").await.unwrap();
    assert_eq!(back.as_deref(), Some("secret"));
}

#[wasm_bindgen_test]
async fn delete_keys_and_clear() {
    let store = open().await;
    store.clear(Area::Workspace).await.unwrap();
    for key in ["k-b", "k-a", "k-c"] {
        store.put_bytes(Area::Workspace, key, b"x").await.unwrap();
    }
    store
        .put_bytes(Area::Settings, "k-kept", b"y")
        .await
        .unwrap();
    assert_eq!(
        store.keys(Area::Workspace).await.unwrap(),
        ["k-a", "k-b", "k-c"]
    );

    store.delete(Area::Workspace, "k-b").await.unwrap();
    store.delete(Area::Workspace, "k-never").await.unwrap();
    assert_eq!(store.keys(Area::Workspace).await.unwrap(), ["k-a", "k-c"]);
    assert_eq!(store.get_bytes(Area::Workspace, "k-b").await.unwrap(), None);

    store.clear(Area::Workspace).await.unwrap();
    assert!(store.keys(Area::Workspace).await.unwrap().is_empty());
    assert!(store
        .keys(Area::Settings)
        .await
        .unwrap()
        .contains(&"k-kept".to_string()));
}

#[wasm_bindgen_test]
async fn the_device_key_is_non_extractable_and_kept_between_opens() {
    let first = open().await;
    first.put_json(Area::Drafts, "dk", &42).await.unwrap();

    let key = raw_get_device_key().await;
    assert_eq!(
        Reflect::get(&key, &"extractable".into()).unwrap(),
        JsValue::FALSE
    );
    let algorithm = Reflect::get(&key, &"algorithm".into()).unwrap();
    assert_eq!(
        Reflect::get(&algorithm, &"name".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("AES-GCM")
    );
    assert_eq!(
        Reflect::get(&algorithm, &"length".into()).unwrap().as_f64(),
        Some(256.0)
    );
    assert!(
        JsFuture::from(export_raw(&key)).await.is_err(),
        "the key's bytes cannot be read out"
    );

    // A second connection (another tab, or the next visit) uses the same key.
    let second = open().await;
    assert_eq!(
        second.get_json::<u32>(Area::Drafts, "dk").await,
        Ok(Some(42))
    );
}

async fn raw_get_device_key() -> JsValue {
    JsFuture::from(raw_get("device", "aes-256-gcm"))
        .await
        .unwrap()
}

#[wasm_bindgen_test]
async fn erase_everything_leaves_no_database() {
    let store = open().await;
    let clone = store.clone();
    let other = open().await; // an open connection must not block the erasure
    for area in Area::ALL {
        store.put_bytes(area, "erase-me", b"x").await.unwrap();
    }
    let old_record = raw(Area::Drafts, "erase-me").await;
    assert!(has_database().await);

    clone.erase_everything().await.unwrap();
    assert!(
        !has_database().await,
        "the database (and the device key) is gone"
    );

    // Using a store afterwards starts afresh, with a new key and nothing in it.
    for area in Area::ALL {
        assert_eq!(other.get_bytes(area, "erase-me").await.unwrap(), None);
    }
    assert!(has_database().await);
    // A copy of an old record, put back, does not open under the new key.
    put_raw(Area::Drafts, "erase-me", &old_record).await;
    assert_eq!(
        other.get_bytes(Area::Drafts, "erase-me").await,
        Err(StoreError::Corrupt)
    );
    store.erase_everything().await.unwrap();
    assert!(!has_database().await);
}

#[wasm_bindgen_test]
async fn two_first_opens_at_once_agree_on_one_device_key() {
    open().await.erase_everything().await.unwrap();
    let write = |key: &'static str| {
        future_to_promise(async move {
            let store = DeviceStore::open().await.map_err(|e| e.to_string())?;
            store
                .put_bytes(Area::Drafts, key, key.as_bytes())
                .await
                .map_err(|e| e.to_string())?;
            Ok(JsValue::UNDEFINED)
        })
    };
    let both = js_sys::Array::of2(&write("race-1"), &write("race-2"));
    JsFuture::from(Promise::all(&both)).await.unwrap();

    let store = open().await;
    for key in ["race-1", "race-2"] {
        let value = store.get_bytes(Area::Drafts, key).await.unwrap();
        assert_eq!(value.as_deref(), Some(key.as_bytes()));
    }
}

#[wasm_bindgen_test]
async fn asking_for_persistent_storage_does_not_fail() {
    // Headless Chromium usually says no; what matters is an answer rather than an error.
    let _granted: bool = request_persistence().await;
}

#[wasm_bindgen_test]
async fn a_full_disk_and_a_missing_indexeddb_are_told_apart() {
    let store = open().await;
    store
        .put_bytes(Area::Drafts, "full", b"before")
        .await
        .unwrap();
    fill_the_disk(true);
    let full = store.put_bytes(Area::Drafts, "full", b"after").await;
    fill_the_disk(false);
    assert_eq!(full, Err(StoreError::QuotaExceeded));
    assert!(full
        .unwrap_err()
        .to_string()
        .starts_with("This tablet's storage is full"));
    let kept = store.get_bytes(Area::Drafts, "full").await.unwrap();
    assert_eq!(kept.as_deref(), Some(&b"before"[..]));

    hide_indexed_db(true);
    let missing = DeviceStore::open().await.err();
    hide_indexed_db(false);
    assert_eq!(missing, Some(StoreError::Unavailable));
    open().await;
}

#[wasm_bindgen_test]
async fn many_records_go_in_and_come_out_in_one_transaction_each() {
    let store = open().await;
    for area in [Area::Workspace, Area::Sealed] {
        let entries: Vec<(String, Vec<u8>)> = (0..300u16)
            .map(|i| (format!("many-{i:03}"), i.to_be_bytes().repeat(20)))
            .collect();
        store.put_many(area, &entries).await.unwrap();
        let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
        let back = store.get_many(area, &keys).await.unwrap();
        assert_eq!(back.len(), 300);
        for ((_, value), got) in entries.iter().zip(&back) {
            assert_eq!(got.as_deref(), Some(value.as_slice()));
        }
        // Each record is encrypted under its own key and area, like one written alone.
        if area.encrypted_at_rest() {
            assert!(!contains(
                &raw_bytes(area, "many-007").await,
                &7u16.to_be_bytes().repeat(20)
            ));
        }
        // Absent and damaged records come back empty; the others are still read.
        put_raw(area, "many-bad", &Uint8Array::from(&[1u8, 2, 3][..]).into()).await;
        let mixed = ["many-001", "many-absent", "many-bad", "many-299"].map(String::from);
        let got = store.get_many(area, &mixed).await.unwrap();
        assert_eq!(got[0].as_deref(), Some(&1u16.to_be_bytes().repeat(20)[..]));
        assert_eq!(got[1], None);
        if area.encrypted_at_rest() {
            assert_eq!(got[2], None);
        }
        assert_eq!(
            got[3].as_deref(),
            Some(&299u16.to_be_bytes().repeat(20)[..])
        );
    }
    // A full disk stores none of them.
    fill_the_disk(true);
    let full = store
        .put_many(Area::Workspace, &[("many-full".to_owned(), b"x".to_vec())])
        .await;
    fill_the_disk(false);
    assert_eq!(full, Err(StoreError::QuotaExceeded));
    assert_eq!(
        store.get_bytes(Area::Workspace, "many-full").await.unwrap(),
        None
    );
}

#[wasm_bindgen_test]
async fn a_put_many_that_fails_part_way_stores_none_of_it() {
    let store = open().await;
    store
        .put_bytes(Area::Workspace, "batch-old", b"before")
        .await
        .unwrap();
    let batch: Vec<(String, Vec<u8>)> = [
        ("batch-a", &b"a"[..]),
        ("batch-old", b"after"),
        ("batch-b", b"b"),
        ("batch-c", b"c"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_vec()))
    .into();
    let untouched = |store: DeviceStore| async move {
        for key in ["batch-a", "batch-b", "batch-c"] {
            assert_eq!(
                store.get_bytes(Area::Workspace, key).await,
                Ok(None),
                "{key}"
            );
        }
        assert_eq!(
            store.get_bytes(Area::Workspace, "batch-old").await,
            Ok(Some(b"before".to_vec()))
        );
    };

    // The disk fills at the third put, after two puts (one replacing a record) in the same
    // transaction: the transaction is aborted, and none of them happened.
    fail_put_after(3);
    let failed = store.put_many(Area::Workspace, &batch).await;
    fail_put_after(0);
    assert_eq!(failed, Err(StoreError::QuotaExceeded));
    untouched(store.clone()).await;
    // The last put failing leaves nothing either.
    fail_put_after(4);
    let failed = store.put_many(Area::Workspace, &batch).await;
    fail_put_after(0);
    assert_eq!(failed, Err(StoreError::QuotaExceeded));
    untouched(store.clone()).await;

    // With room, all of it, each record encrypted as if written alone.
    store.put_many(Area::Workspace, &batch).await.unwrap();
    assert_eq!(
        store.get_bytes(Area::Workspace, "batch-a").await,
        Ok(Some(b"a".to_vec()))
    );
    assert_eq!(
        raw_bytes(Area::Workspace, "batch-a").await.len(),
        1 + 12 + 1 + 16
    );
    assert_eq!(
        store.get_bytes(Area::Workspace, "batch-old").await,
        Ok(Some(b"after".to_vec()))
    );
    store.put_many(Area::Workspace, &[]).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_large_put_many_written_in_slices_is_still_all_or_nothing() {
    // More records than idb.js asks IndexedDB for at once (256), so the writes span slices
    // asked for from the previous slice's last success.
    let store = open().await;
    let batch: Vec<(String, Vec<u8>)> = (0..700)
        .map(|i| (format!("slice-{i:03}"), format!("value {i}").into_bytes()))
        .collect();
    let keys: Vec<String> = batch.iter().map(|(k, _)| k.clone()).collect();

    // The disk fills at the 600th put, in the third slice: none of the 599 before it stayed.
    fail_put_after(600);
    let failed = store.put_many(Area::Workspace, &batch).await;
    fail_put_after(0);
    assert_eq!(failed, Err(StoreError::QuotaExceeded));
    let read = store.get_many(Area::Workspace, &keys).await.unwrap();
    assert!(read.iter().all(Option::is_none), "nothing was kept");

    // With room, every one of them.
    store.put_many(Area::Workspace, &batch).await.unwrap();
    let read = store.get_many(Area::Workspace, &keys).await.unwrap();
    let expected: Vec<Option<Vec<u8>>> = batch.iter().map(|(_, v)| Some(v.clone())).collect();
    assert_eq!(read, expected);
}

//! [`DeviceStore`]: IndexedDB through `src/browser/idb.js`, which also does the encryption.

use std::rc::Rc;

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use super::{Area, KeyValueStore, StoreError};

#[wasm_bindgen(module = "/src/browser/idb.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = open)]
    async fn js_open() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = put)]
    async fn js_put(
        dev: &JsValue,
        area: &str,
        key: &str,
        value: &[u8],
        encrypt: bool,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = writeBatch)]
    async fn js_write_batch(dev: &JsValue, ops: Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = get)]
    async fn js_get(
        dev: &JsValue,
        area: &str,
        key: &str,
        encrypted: bool,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = getMany)]
    async fn js_get_many(
        dev: &JsValue,
        area: &str,
        keys: Array,
        encrypted: bool,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = remove)]
    async fn js_remove(dev: &JsValue, area: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = keys)]
    async fn js_keys(dev: &JsValue, area: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = clear)]
    async fn js_clear(dev: &JsValue, area: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = erase)]
    async fn js_erase(dev: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = persist)]
    async fn js_persist() -> JsValue;
}

/// This device's storage: the IndexedDB database "my-say". Cheap to clone (clones share one
/// connection), so one can be kept in Leptos context.
#[derive(Clone)]
pub struct DeviceStore {
    /// The snippet's handle: the open connection and the device key.
    handle: Rc<JsValue>,
}

impl DeviceStore {
    /// Opens (or creates) the database and the device key.
    pub async fn open() -> Result<DeviceStore, StoreError> {
        let handle = js_open().await.map_err(store_error)?;
        Ok(DeviceStore {
            handle: Rc::new(handle),
        })
    }
}

/// Asks the browser to keep this site's storage when space runs low
/// (`navigator.storage.persist()`). Returns whether it agreed; `false` when it cannot say.
pub async fn request_persistence() -> bool {
    js_persist().await.is_truthy()
}

/// One write of a batch for idb.js: the area, the key, a copy of the value out of wasm memory
/// (so nothing points into it while the snippet awaits) and whether to encrypt it.
fn write_op(area: Area, (key, value): &(String, Vec<u8>)) -> JsValue {
    let op = Array::of3(
        &area.name().into(),
        &JsValue::from_str(key),
        &Uint8Array::from(&value[..]).into(),
    );
    op.push(&area.encrypted_at_rest().into());
    JsValue::from(op)
}

impl DeviceStore {
    /// One transaction (`writeBatch` in idb.js): all are stored or, if it aborts, none.
    async fn write_batch(&self, ops: Array) -> Result<(), StoreError> {
        if ops.length() == 0 {
            return Ok(());
        }
        js_write_batch(&self.handle, ops)
            .await
            .map(drop)
            .map_err(store_error)
    }

    /// [`KeyValueStore::put_many`], copying the records out of wasm memory a slice at a time and
    /// giving the page a turn between slices once `pacer` says 8 ms have passed: the staff
    /// app's import of thousands of records (the child's app never calls it, so never carries
    /// it). Still one transaction.
    pub async fn put_many_paced(
        &self,
        area: Area,
        entries: &[(String, Vec<u8>)],
        pacer: &crate::browser::pace::Pacer,
    ) -> Result<(), StoreError> {
        let ops = Array::new();
        for slice in entries.chunks(256) {
            for entry in slice {
                ops.push(&write_op(area, entry));
            }
            pacer.breathe().await;
        }
        self.write_batch(ops).await
    }
}

impl KeyValueStore for DeviceStore {
    async fn put_bytes(&self, area: Area, key: &str, value: &[u8]) -> Result<(), StoreError> {
        let encrypt = area.encrypted_at_rest();
        js_put(&self.handle, area.name(), key, value, encrypt)
            .await
            .map(drop)
            .map_err(store_error)
    }

    async fn put_many(&self, area: Area, entries: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        let ops: Array = entries.iter().map(|e| write_op(area, e)).collect();
        self.write_batch(ops).await
    }

    async fn get_bytes(&self, area: Area, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let encrypted = area.encrypted_at_rest();
        let value = js_get(&self.handle, area.name(), key, encrypted)
            .await
            .map_err(store_error)?;
        Ok((!value.is_undefined()).then(|| Uint8Array::new(&value).to_vec()))
    }

    async fn get_many(
        &self,
        area: Area,
        keys: &[String],
    ) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        let names: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
        let values = js_get_many(&self.handle, area.name(), names, area.encrypted_at_rest())
            .await
            .map_err(store_error)?;
        Ok(Array::from(&values)
            .iter()
            .map(|v| (!v.is_undefined()).then(|| Uint8Array::new(&v).to_vec()))
            .collect())
    }

    async fn delete(&self, area: Area, key: &str) -> Result<(), StoreError> {
        js_remove(&self.handle, area.name(), key)
            .await
            .map(drop)
            .map_err(store_error)
    }

    async fn keys(&self, area: Area) -> Result<Vec<String>, StoreError> {
        let keys = js_keys(&self.handle, area.name())
            .await
            .map_err(store_error)?;
        Ok(Array::from(&keys)
            .iter()
            .filter_map(|key| key.as_string())
            .collect())
    }

    async fn clear(&self, area: Area) -> Result<(), StoreError> {
        js_clear(&self.handle, area.name())
            .await
            .map(drop)
            .map_err(store_error)
    }

    async fn erase_everything(&self) -> Result<(), StoreError> {
        js_erase(&self.handle).await.map(drop).map_err(store_error)
    }
}

/// Sorts an error thrown by the snippet (ours, or a browser `DOMException`) by its name.
fn store_error(error: JsValue) -> StoreError {
    let text = |field: &str| {
        Reflect::get(&error, &JsValue::from_str(field))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match text("name").as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "MySayUnavailable" => StoreError::Unavailable,
        "MySayCorrupt" => StoreError::Corrupt,
        "" => StoreError::Other(error.as_string().unwrap_or_else(|| "unknown error".into())),
        name => StoreError::Other(format!("{name}: {}", text("message"))),
    }
}

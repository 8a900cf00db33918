//! Importing an answers file with its booklets opened in Web Workers, so that a file of ten
//! thousand opens on the cores the page leaves free while it stays responsive (docs/design.md,
//! "Opening answers files in Web Workers").
//!
//! [`import_bundle_in_workers`] shares the file's booklets among workers
//! (`my_say_core::seal::part_ranges`, one per core but the page's); each runs
//! `src/bin/open_worker.rs`, opens its part and sends the booklets back a chunk at a time. The
//! page reads each booklet as it comes, a slice at a time with the progress bar moving, and
//! stores the file only once every part has opened (`workspace::add_opened_file`). Anything else (a small file, no Web Workers,
//! a worker that does not start, a file that fails to open) goes the way it always went, on the
//! page ([`workspace::import_bundle_paced`]): so no IRO is ever stuck, and a file that fails is
//! refused with exactly the message it always had.
//!
//! What crosses to a worker: a copy of the file and the IRO's private key (32 bytes), moved
//! (transferred) so the page keeps no second copy; the worker holds them in memory only and is
//! ended as soon as the file has opened or failed (docs/threat-model.md).

use crate::workspace::{self, BundleAdded, ImportFailure};
use js_sys::{Promise, Reflect, Uint8Array};
use my_say_core::calendar::Date;
use my_say_core::seal::{
    booklets_announced, decode_chunk, part_ranges, read_opened, Fingerprint, PrivateKey,
};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::KeyValueStore;
use std::future::Future;
use std::ops::Range;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/open_workers.js")]
extern "C" {
    #[wasm_bindgen(js_name = workerUrl)]
    fn worker_url() -> Option<String>;
    #[wasm_bindgen(js_name = available)]
    fn available() -> u32;
    #[wasm_bindgen(catch, js_name = start)]
    fn start(url: &str, count: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = next)]
    fn next(pool: &JsValue, timeout_ms: u32) -> Promise;
    #[wasm_bindgen(js_name = send)]
    fn send(
        pool: &JsValue,
        part: u32,
        bytes: Uint8Array,
        key: Uint8Array,
        start: u32,
        end: u32,
        step: u32,
    );
    #[wasm_bindgen(js_name = stop)]
    fn stop(pool: &JsValue);
}

/// How many booklets a worker opens between two messages: a few milliseconds of reading for
/// the page.
const STEP: u32 = 32;
/// How long the page waits for a worker's next message before it opens the file itself: far
/// longer than a worker takes to start or to open one step, even on a busy laptop.
const PATIENCE_MS: u32 = 20_000;

/// How many workers to start on this device: one per core but the page's own (at least 1); 0
/// without Web Workers.
pub fn workers_available() -> usize {
    available() as usize
}

/// A file's booklets, opened in workers.
pub struct OpenedInWorkers {
    /// Every booklet, in file order.
    pub booklets: Vec<CompletedBooklet>,
    /// Whom each was sealed for, in file order, as the file's headers say.
    pub sealed_for: Vec<Vec<Fingerprint>>,
}

/// [`workspace::import_bundle_paced`], with the booklets opened in Web Workers when the file is
/// large enough and the browser lets them start (else on the page, as before). The same
/// outcome either way: all or nothing, booklets already here skipped, the same messages;
/// `between(opened, total)` is awaited as booklets are read, for the progress bar and the
/// browser's turn.
pub async fn import_bundle_in_workers<F, Fut>(
    store: &impl KeyValueStore,
    bytes: &[u8],
    key: &PrivateKey,
    today: Date,
    mut between: F,
) -> Result<BundleAdded, ImportFailure>
where
    F: FnMut(usize, usize) -> Fut,
    Fut: Future<Output = ()>,
{
    // Stored a slice at a time either way (`KeyValueStore::breathe`).
    match open_in_workers(bytes, key, workers_available(), &mut between).await {
        Some(opened) => {
            workspace::add_opened_file(store, opened.booklets, &opened.sealed_for, key, today).await
        }
        None => workspace::import_bundle_paced(store, bytes, key, today, between).await,
    }
}

/// Opens a file's booklets in up to `workers` Web Workers. `None` when it should be opened on
/// the page instead: too few booklets to be worth a worker, no worker in this build or browser,
/// or anything at all that goes wrong (the page then says what).
pub async fn open_in_workers<F, Fut>(
    bytes: &[u8],
    key: &PrivateKey,
    workers: usize,
    between: &mut F,
) -> Option<OpenedInWorkers>
where
    F: FnMut(usize, usize) -> Fut,
    Fut: Future<Output = ()>,
{
    let total = booklets_announced(bytes)?;
    let parts = part_ranges(total, workers);
    if parts.is_empty() {
        return None;
    }
    let url = worker_url()?;
    let pool = Pool(start(&url, parts.len() as u32).ok()?);
    let mut opened: Vec<Part> = parts.iter().map(|range| Part::new(range.clone())).collect();
    // Each part's booklets come in order and never past its range (`Part::read`), so once
    // `total` have come every part is whole.
    let mut read = 0;
    while read < total {
        // A message is `{ part, data }` (src/open_workers.js); `null` if none came in time.
        let message = JsFuture::from(next(&pool.0, PATIENCE_MS)).await.ok()?;
        let index = Reflect::get(&message, &"part".into()).ok()?.as_f64()? as usize;
        let data = Reflect::get(&message, &"data".into()).ok()?;
        let field = |name: &str| Reflect::get(&data, &name.into()).unwrap_or_default();
        let part = opened.get_mut(index)?;
        if field("ready").is_truthy() {
            give(&pool, index as u32, &part.range, bytes, key);
        } else if let Ok(chunk) = field("chunk").dyn_into::<Uint8Array>() {
            read += part.read(&chunk.to_vec())?;
            between(read, total).await;
        } else {
            // `failed`, or anything this page does not expect.
            return None;
        }
    }
    drop(pool);
    let mut result = OpenedInWorkers {
        booklets: Vec::with_capacity(total),
        sealed_for: Vec::with_capacity(total),
    };
    for part in opened {
        result.booklets.extend(part.booklets);
        result.sealed_for.extend(part.sealed_for);
    }
    Some(result)
}

/// Gives worker `part` its range of the file, with fresh copies of the file and of the key
/// that move to it.
fn give(pool: &Pool, part: u32, range: &Range<usize>, bytes: &[u8], key: &PrivateKey) {
    let key_bytes = key.to_bytes();
    send(
        &pool.0,
        part,
        Uint8Array::from(bytes),
        Uint8Array::from(&key_bytes[..]),
        range.start as u32,
        range.end as u32,
        STEP,
    );
}

/// The workers of one import, ended when it is dropped, however the import ends.
struct Pool(JsValue);

impl Drop for Pool {
    fn drop(&mut self) {
        stop(&self.0);
    }
}

/// What one worker has sent so far.
struct Part {
    range: Range<usize>,
    booklets: Vec<CompletedBooklet>,
    sealed_for: Vec<Vec<Fingerprint>>,
}

impl Part {
    fn new(range: Range<usize>) -> Part {
        Part {
            booklets: Vec::with_capacity(range.len()),
            sealed_for: Vec::with_capacity(range.len()),
            range,
        }
    }

    /// Reads a chunk of opened booklets; how many, or `None` if one is not a booklet (or the
    /// chunk is damaged).
    fn read(&mut self, chunk: &[u8]) -> Option<usize> {
        let items = decode_chunk(chunk).ok()?;
        for item in &items {
            let position = self.range.start + self.booklets.len() + 1;
            if position > self.range.end {
                return None;
            }
            self.booklets
                .push(read_opened(position, &item.id, &item.plain).ok()?);
            self.sealed_for.push(item.sealed_for.clone());
        }
        Some(items.len())
    }
}

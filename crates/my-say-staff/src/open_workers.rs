//! Importing an answers file with its booklets opened in Web Workers, so that a file of ten
//! thousand opens on the cores the page leaves free while it stays responsive (docs/design.md,
//! "Opening answers files in Web Workers").
//!
//! [`import_bundle_in_workers`] shares the file's booklets among workers
//! (`my_say_core::seal::part_ranges`, one per core but the page's); each runs
//! `src/bin/open_worker.rs`, opens its part and sends the booklets back a chunk at a time. The
//! page reads each booklet as it comes, a slice at a time with the progress bar moving; between
//! their messages it opens the last part itself from its end, a few booklets at a time, until it
//! meets that part's worker (so its own core works too, and never for long). It
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
    booklets_announced, decode_chunk, part_ranges, read_opened, Fingerprint, PartOpener, PrivateKey,
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
    #[wasm_bindgen(js_name = take)]
    fn take(pool: &JsValue) -> JsValue;
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
/// How many booklets the page opens itself between two looks at the workers' messages: about
/// as long as reading one of their chunks.
const TAIL_STEP: usize = 8;
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
    let last = parts.last()?.clone();
    let url = worker_url()?;
    let pool = Pool(start(&url, parts.len() as u32).ok()?);
    let mut opened: Vec<Part> = parts.iter().map(|range| Part::new(range.clone())).collect();
    // While the workers start and open, the page opens the last part from its end (`Tail`), a
    // few booklets at a time between their messages, until it meets that part's worker.
    let mut tail = Tail::new(bytes, key, last)?;
    // Each part's booklets come in order and are kept only below where the page's own begin
    // (`Part::read`), so once `total` are read every part is whole.
    let mut read = 0;
    while read < total {
        // A message is `{ part, data }` (src/open_workers.js): one already waiting; else, while
        // the page has booklets of its own left to open, none; else the next (`null` if none
        // came in time).
        let mut message = take(&pool.0);
        if message.is_null() {
            let reached = opened.last()?.reached();
            if tail.has_more(reached) {
                read += tail.open_step(reached)?;
                between(read, total).await;
                continue;
            }
            message = JsFuture::from(next(&pool.0, PATIENCE_MS)).await.ok()?;
        }
        let index = Reflect::get(&message, &"part".into()).ok()?.as_f64()? as usize;
        let data = Reflect::get(&message, &"data".into()).ok()?;
        let field = |name: &str| Reflect::get(&data, &name.into()).unwrap_or_default();
        let until = if index + 1 == opened.len() {
            tail.begins()
        } else {
            usize::MAX
        };
        let part = opened.get_mut(index)?;
        if field("ready").is_truthy() {
            give(&pool, index as u32, &part.range, bytes, key);
        } else if let Ok(chunk) = field("chunk").dyn_into::<Uint8Array>() {
            read += part.read(&chunk.to_vec(), until)?;
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
    for (booklet, sealed_for) in tail.in_file_order() {
        result.booklets.push(booklet);
        result.sealed_for.push(sealed_for);
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
    /// How many booklets it has sent, kept or not.
    sent: usize,
    booklets: Vec<CompletedBooklet>,
    sealed_for: Vec<Vec<Fingerprint>>,
}

impl Part {
    fn new(range: Range<usize>) -> Part {
        Part {
            booklets: Vec::with_capacity(range.len()),
            sealed_for: Vec::with_capacity(range.len()),
            sent: 0,
            range,
        }
    }

    /// The index of the next booklet the page needs from this worker.
    fn reached(&self) -> usize {
        self.range.start + self.booklets.len()
    }

    /// Reads a chunk of opened booklets, keeping those below `until` (where the page's own
    /// begin): how many it kept, or `None` if one is not a booklet, or is past the part (the
    /// chunk is damaged).
    fn read(&mut self, chunk: &[u8], until: usize) -> Option<usize> {
        let items = decode_chunk(chunk).ok()?;
        let mut kept = 0;
        for item in items {
            let index = self.range.start + self.sent;
            self.sent += 1;
            if index >= self.range.end {
                return None;
            }
            if index < until {
                self.booklets
                    .push(read_opened(index + 1, &item.id, &item.plain).ok()?);
                self.sealed_for.push(item.sealed_for);
                kept += 1;
            }
        }
        Some(kept)
    }
}

/// The booklets the page opens itself, from the end of the last part towards its worker.
struct Tail<'k> {
    opener: PartOpener<'k>,
    /// Each booklet the page has opened, with whom it was sealed for: from the part's end back.
    opened: Vec<(CompletedBooklet, Vec<Fingerprint>)>,
}

impl<'k> Tail<'k> {
    /// The page's opener of `part`; `None` if the file does not open (the page then opens it
    /// all, for its message).
    fn new(bytes: &[u8], key: &'k PrivateKey, part: Range<usize>) -> Option<Tail<'k>> {
        Some(Tail {
            opener: PartOpener::new(bytes, key, part).ok()?,
            opened: Vec::new(),
        })
    }

    /// The index of the first booklet the page has opened itself (the part's end before any).
    fn begins(&self) -> usize {
        self.opener.remaining().end
    }

    /// Whether booklets are left between the worker's `reached` and the page's own.
    fn has_more(&self, reached: usize) -> bool {
        reached < self.begins()
    }

    /// Opens and reads up to [`TAIL_STEP`] booklets just before the page's own, none before the
    /// worker's `reached`: how many, or `None` at the first that fails.
    fn open_step(&mut self, reached: usize) -> Option<usize> {
        let n = TAIL_STEP.min(self.begins().saturating_sub(reached));
        let items = self.opener.open_from_end(n).ok()?;
        let (first, count) = (self.begins(), items.len());
        for (offset, item) in items.into_iter().enumerate().rev() {
            let booklet = read_opened(first + offset + 1, &item.id, &item.plain).ok()?;
            self.opened.push((booklet, item.sealed_for));
        }
        Some(count)
    }

    /// The booklets the page opened, in file order, with whom each was sealed for.
    fn in_file_order(self) -> impl Iterator<Item = (CompletedBooklet, Vec<Fingerprint>)> {
        self.opened.into_iter().rev()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::seal::{generate_keypair, seal_booklet, system_rng, Bundle};

    fn booklet(n: usize) -> CompletedBooklet {
        let (id, name) = (format!("{n:032x}"), format!("Child {n}"));
        crate::workspace::tests::booklet(&id, &name, "2026-11-20T10:00:00Z")
    }

    #[test]
    fn the_page_and_a_worker_meet_and_every_booklet_is_kept_once_in_file_order() {
        let (key, me) = generate_keypair(&mut system_rng());
        let booklets: Vec<CompletedBooklet> = (1..=23).map(booklet).collect();
        let sealed = booklets
            .iter()
            .map(|b| seal_booklet(b, &[me], &mut system_rng()).unwrap())
            .collect();
        let bytes = Bundle::new(sealed).unwrap().to_bytes();
        // The last part (here 5..23), in worker chunks of 4, the page opening its end a step
        // at a time between them, as `open_in_workers` takes turns.
        for page_first in [true, false] {
            let range = 5..23;
            let mut worker = PartOpener::new(&bytes, &key, range.clone()).unwrap();
            let mut part = Part::new(range.clone());
            let mut tail = Tail::new(&bytes, &key, range.clone()).unwrap();
            let mut read = 0;
            let mut turn = page_first;
            while read < range.len() {
                if turn && tail.has_more(part.reached()) {
                    read += tail.open_step(part.reached()).unwrap();
                } else if !worker.is_done() {
                    read += part
                        .read(&worker.open_some(4).unwrap(), tail.begins())
                        .unwrap();
                }
                turn = !turn;
            }
            assert_eq!(read, range.len());
            assert!(!tail.has_more(part.reached()));
            // What the worker sends after they met is not kept twice.
            while !worker.is_done() {
                assert_eq!(
                    part.read(&worker.open_some(4).unwrap(), tail.begins()),
                    Some(0)
                );
            }
            let (mut kept, mut sealed_for) = (part.booklets, part.sealed_for);
            for (booklet, to) in tail.in_file_order() {
                kept.push(booklet);
                sealed_for.push(to);
            }
            assert_eq!(kept, booklets[range.clone()]);
            assert!(sealed_for.iter().all(|to| to == &[me.fingerprint()]));
        }
        // A worker that sends past its part has sent a damaged chunk.
        let mut worker = PartOpener::new(&bytes, &key, 0..23).unwrap();
        let mut part = Part::new(0..3);
        assert_eq!(part.read(&worker.open_some(5).unwrap(), usize::MAX), None);
    }
}

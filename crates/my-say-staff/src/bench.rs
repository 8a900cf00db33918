//! The benchmark page, compiled only with the `bench` feature (`trunk build --features bench`,
//! run by `npm run bench`; see docs/performance.md). The app children and IROs use never has it.
//!
//! `src/main.rs` runs it instead of the staff app when the page's path is `/iro/bench`. It takes one task
//! from the query string, times the app's own code on made-up booklets
//! (`my_say_core::demo::synthetic`), and leaves the result as JSON in `window.__bench` (and on
//! the page) for `tools/bench/bench.mjs` to read:
//!
//! - `?task=report&n=N`: the full yearly report (every measure, every band, this year and last,
//!   top issues) over N booklets: the first pass that prepares each booklet's figures, then the
//!   report from the prepared figures, which is what the reports page does on each change.
//! - `?task=import&n=N&workers=W`: N booklets sealed for a fresh key into one answers file, then
//!   imported into this device's IndexedDB as the import page does (open and check, store, open
//!   follow-ups), then read back as the inbox and reports pages do. The booklets are opened in W
//!   Web Workers (`open_workers`; all the cores by default), or with `workers=0` on the page
//!   itself, a slice at a time, as the import page did before the workers (and still does for a
//!   small file). The import is marked `import-start` and `import-end` with `performance.mark`,
//!   so `tools/bench/bench.mjs` finds the page's longest task in between.
//! - `?task=store&n=N`: N opened booklets stored as an import stores them, step by step (checked
//!   and sorted, copied, written as JSON, put in one IndexedDB transaction, follow-ups opened),
//!   each step marked `store-<step>` with `performance.mark`.
//! - `?task=unlock`: Argon2id with the app's parameters: setting up a workspace, then unlocking.
//! - `?task=memory&n=N&keep=all|chunks`: the wasm memory the report needs at N booklets, with
//!   every booklet kept in memory at once (`all`), or read a thousand at a time into the
//!   prepared figures (`chunks`).

use crate::open_workers;
use crate::workspace::{self, Workspace};
use js_sys::{Function, Reflect};
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::{Date, ReportingYear};
use my_say_core::demo::synthetic::synthetic_booklets;
use my_say_core::report::ReportIndex;
use my_say_core::seal::{generate_keypair, seal_booklet, system_rng, Bundle, KdfParams};
use my_say_ui::browser::store::{Area, DeviceStore, KeyValueStore};
use serde_json::{json, Value};
use std::hint::black_box;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

/// `performance.now()`, in milliseconds.
fn now_ms() -> f64 {
    let performance = Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
    Reflect::get(&performance, &"now".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&performance).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

/// How long `f` takes, in milliseconds, and what it returned.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = now_ms();
    let out = f();
    (now_ms() - start, out)
}

/// `performance.mark(name)`, for the bench script to find what happened in between.
fn mark(name: &str) {
    let performance = Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
    if let Ok(f) = Reflect::get(&performance, &"mark".into()).and_then(|f| f.dyn_into::<Function>())
    {
        let _ = f.call1(&performance, &name.into());
    }
}

/// The median of some timings.
fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The wasm memory in bytes (it only grows, so it is the high-water mark).
fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The query parameter `name`, if present.
fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The year the reports are for; the synthetic booklets fill it and the year before.
fn year() -> ReportingYear {
    ReportingYear::starting_in(2025)
}

/// Runs the task the query string names, and publishes its result.
pub fn run() {
    spawn_local(async {
        let n: usize = param("n").and_then(|n| n.parse().ok()).unwrap_or(1000);
        let task = param("task").unwrap_or_default();
        let result = match task.as_str() {
            "report" => Ok(report(n)),
            "memory" => Ok(memory(n, param("keep").as_deref() == Some("all"))),
            "import" => import(n).await,
            "store" => store_steps(n).await,
            "unlock" => unlock(),
            other => Err(format!("unknown task {other:?}")),
        };
        let value = match result {
            Ok(v) => v,
            Err(e) => json!({ "error": e }),
        };
        publish(&value);
    });
}

/// Leaves the result in `window.__bench` and shows it on the page.
fn publish(value: &Value) {
    let text = value.to_string();
    let global = js_sys::global();
    if let Ok(parsed) = js_sys::JSON::parse(&text) {
        let _ = Reflect::set(&global, &"__bench".into(), &parsed);
    }
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_text_content(Some(&text));
    }
}

/// The report over `n` booklets: the first pass, and the report from prepared figures.
fn report(n: usize) -> Value {
    let (generate_ms, booklets) = timed(|| synthetic_booklets(n).collect::<Vec<_>>());
    let definitions = builtin_booklets();
    let (first_pass_ms, data) = timed(|| ReportIndex::new(&definitions).prepare(&booklets));
    let mut runs = Vec::new();
    let mut counted = 0;
    for _ in 0..11 {
        let (ms, report) = timed(|| {
            let report = data.report_for_year(year());
            black_box(report.top_issues(5));
            report
        });
        counted = report.booklets + report.comparison_booklets;
        runs.push(ms);
    }
    let (full_ms, _) = timed(|| {
        let data = ReportIndex::new(&definitions).prepare(black_box(&booklets));
        black_box(data.report_for_year(year()).top_issues(5))
    });
    json!({
        "task": "report",
        "n": n,
        "counted": counted,
        "generate_ms": generate_ms,
        "first_pass_ms": first_pass_ms,
        "report_ms_median": median(runs.clone()),
        "report_ms_best": runs.iter().cloned().fold(f64::INFINITY, f64::min),
        "full_ms": full_ms,
    })
}

/// The wasm memory for a report over `n` booklets, keeping them all or a thousand at a time.
fn memory(n: usize, keep_all: bool) -> Value {
    let before = wasm_memory_bytes();
    let definitions = builtin_booklets();
    let index = ReportIndex::new(&definitions);
    let (ms, (data, kept)) = timed(|| {
        if keep_all {
            let booklets: Vec<_> = synthetic_booklets(n).collect();
            (index.prepare(&booklets), booklets.len())
        } else {
            let mut all = synthetic_booklets(n);
            let mut data = index.prepare(&[]);
            loop {
                let chunk: Vec<_> = all.by_ref().take(1000).collect();
                if chunk.is_empty() {
                    break;
                }
                index.extend(&mut data, &chunk);
            }
            (data, 1000)
        }
    });
    let report = data.report_for_year(year());
    json!({
        "task": "memory",
        "n": n,
        "keep": if keep_all { "all" } else { "chunks" },
        "booklets_in_memory_at_once": kept,
        "counted": report.booklets + report.comparison_booklets,
        "ms": ms,
        "wasm_memory_before_bytes": before,
        "wasm_memory_after_bytes": wasm_memory_bytes(),
    })
}

/// Imports `n` sealed booklets into IndexedDB as the import page does, then reads them back.
async fn import(n: usize) -> Result<Value, String> {
    let mut rng = system_rng();
    let (key, public_key) = generate_keypair(&mut rng);
    let booklets: Vec<_> = synthetic_booklets(n).collect();
    let (seal_ms, bundle) = timed(|| {
        let items = booklets
            .iter()
            .map(|b| seal_booklet(b, &[public_key], &mut rng))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        Bundle::new(items)
            .map(|b| b.to_bytes())
            .map_err(|e| e.to_string())
    });
    let bundle = bundle?;
    drop(booklets);
    let store = DeviceStore::open().await.map_err(|e| e.to_string())?;
    store
        .clear(Area::Workspace)
        .await
        .map_err(|e| e.to_string())?;
    let today = Date::parse("2026-05-01").map_err(|e| e.to_string())?;
    // The opening step on its own (decrypt, read, check), then the whole import as the page
    // runs it (which opens the file again).
    let (open_ms, opened) = timed(|| my_say_core::seal::open_bundle_booklets(&bundle, &key));
    let opened = opened.map_err(|e| e.to_string())?.len();
    // A turn for the browser, so the long task of opening alone ends before the import starts.
    my_say_ui::browser::pace::Pacer::new().breathe().await;
    let workers = param("workers")
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(open_workers::workers_available);
    // Paced as the import page paces it, noting the longest stretch between two progress
    // updates (how long the page could not paint or answer a tap while opening) and when the
    // last booklet was opened and read.
    mark("import-start");
    let start = now_ms();
    let pacer = my_say_ui::browser::pace::Pacer::new();
    let last = std::cell::Cell::new(start);
    let longest_busy = std::cell::Cell::new(0.0f64);
    let opened_at = std::cell::Cell::new(start);
    let mut between = |done: usize, total: usize| {
        let t = now_ms();
        longest_busy.set(longest_busy.get().max(t - last.get()));
        if done == total {
            opened_at.set(t);
            // The long tasks of the opening and of the storing, apart (bench.mjs).
            mark("import-opened");
        }
        let turn = pacer.breathe();
        let last = &last;
        async move {
            turn.await;
            last.set(now_ms());
        }
    };
    // Stored as the import page stores them, a slice at a time (`KeyValueStore::breathe`).
    let paced =
        &workspace::WorkspaceStore::Device(store.clone(), my_say_ui::browser::pace::Pacer::new());
    let added = if workers == 0 {
        workspace::import_bundle_paced(paced, &bundle, &key, today, between).await
    } else {
        let opened = open_workers::open_in_workers(&bundle, &key, workers, &mut between)
            .await
            .ok_or("the workers did not open the file")?;
        workspace::add_opened_file(paced, opened.booklets, &opened.sealed_for, &key, today).await
    }
    .map_err(|e| e.to_string())?;
    let import_ms = now_ms() - start;
    let opened_ms = opened_at.get() - start;
    mark("import-end");
    let start = now_ms();
    let back = workspace::booklets(&store)
        .await
        .map_err(|e| e.to_string())?;
    let read_back_ms = now_ms() - start;
    store
        .clear(Area::Workspace)
        .await
        .map_err(|e| e.to_string())?;
    Ok(json!({
        "task": "import",
        "n": n,
        "bundle_bytes": bundle.len(),
        "seal_ms": seal_ms,
        "open_ms": open_ms,
        "opened": opened,
        "workers": workers,
        "import_ms": import_ms,
        "opened_ms": opened_ms,
        "stored_ms": import_ms - opened_ms,
        // Between two progress updates the page is busy only when it opens the booklets
        // itself; with workers it is mostly waiting for them (the longest task is in bench.mjs).
        "longest_busy_while_opening_ms": (workers == 0).then(|| longest_busy.get()),
        "added": added.booklets.total(),
        "read_back_ms": read_back_ms,
        "read_back": back.len(),
    }))
}

/// Where the time goes when `n` opened booklets are stored, step by step as an import stores
/// them, each step marked (`store-<step>`, then `store-end`) so `tools/bench/bench.mjs` finds the
/// page's longest task in each.
async fn store_steps(n: usize) -> Result<Value, String> {
    let booklets: Vec<_> = synthetic_booklets(n).collect();
    let store = DeviceStore::open().await.map_err(|e| e.to_string())?;
    store
        .clear(Area::Workspace)
        .await
        .map_err(|e| e.to_string())?;
    let today = Date::parse("2026-05-01").map_err(|e| e.to_string())?;
    let pacer = my_say_ui::browser::pace::Pacer::new();
    let mut steps = serde_json::Map::new();
    let mut step = |name: &str, ms: f64| {
        steps.insert(format!("{name}_ms"), json!(ms));
    };
    pacer.breathe().await;
    mark("store-sort");
    let (ms, sorted) = timed(|| my_say_core::incoming::sort_opened(booklets.clone(), today));
    step("sort", ms);
    let sorted = sorted.map_err(|e| e.to_string())?;
    pacer.breathe().await;
    mark("store-clone");
    let (ms, copies) = timed(|| sorted.booklets.clone());
    step("clone", ms);
    drop(copies);
    pacer.breathe().await;
    mark("store-json");
    let (ms, encoded) = timed(|| {
        sorted
            .booklets
            .iter()
            .map(|b| {
                (
                    workspace::booklet_key(&b.id),
                    serde_json::to_vec(b).unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
    });
    step("json", ms);
    pacer.breathe().await;
    mark("store-put");
    let start = now_ms();
    store
        .put_many(Area::Workspace, &encoded)
        .await
        .map_err(|e| e.to_string())?;
    step("put", now_ms() - start);
    pacer.breathe().await;
    mark("store-follow-ups");
    let start = now_ms();
    let follow_ups = workspace::follow_ups::open_for(&store, &sorted.booklets, today)
        .await
        .map_err(|e| e.to_string())?;
    step("follow_ups", now_ms() - start);
    mark("store-end");
    store
        .clear(Area::Workspace)
        .await
        .map_err(|e| e.to_string())?;
    Ok(json!({
        "task": "store",
        "n": n,
        "follow_ups": follow_ups.added,
        "steps": steps,
    }))
}

/// Argon2id with the app's parameters: setting up a workspace, and unlocking it (median of 5).
fn unlock() -> Result<Value, String> {
    const PASS: &str = "correct horse battery staple";
    let (create_ms, made) =
        timed(|| Workspace::create("Sam Example", PASS, KdfParams::DEFAULT, &mut system_rng()));
    let (workspace, _) = made.map_err(|e| e.to_string())?;
    let mut runs = Vec::new();
    for _ in 0..5 {
        let (ms, key) = timed(|| workspace.unlock(PASS));
        key.map_err(|e| e.to_string())?;
        runs.push(ms);
    }
    Ok(json!({
        "task": "unlock",
        "memory_kib": KdfParams::DEFAULT.memory_kib(),
        "create_ms": create_ms,
        "unlock_ms_median": median(runs.clone()),
        "unlock_ms": runs,
    }))
}

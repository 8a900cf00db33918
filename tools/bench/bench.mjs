// `npm run bench` (through scripts/bench.sh): My Say's performance against the targets.
// Usage: node tools/bench/bench.mjs <release dist> <bench dist> [--quick]
//   <release dist>  the release build children get (first load, start-up, answer latency)
//   <bench dist>    the same app built with `--features bench` (the /bench page: reports, import,
//                   unlock, memory on made-up booklets; see src/bench.rs)
// Prints a table and writes everything measured to target/bench/results.json. It fails only when
// something cannot be measured; a missed target is reported, not an error (only the size budget
// fails tests). See docs/performance.md for what each figure means.
import { spawn, execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { firstLoadSize } from "../size.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const QUICK = process.argv.includes("--quick");
const APP_DIST = args[0] || join(ROOT, "dist");
const BENCH_DIST = args[1] || join(ROOT, "target", "bench-dist");
const PORT = Number(process.env.BENCH_PORT || 4184);
const THROTTLE = 4; // Lighthouse's mobile profile
const RUNS = QUICK ? 3 : 10;
// --only=size,startup,latency,unlock,report,import,memory runs just those parts.
const ONLY = (process.argv.find((a) => a.startsWith("--only=")) || "").slice(7).split(",").filter(Boolean);
const want = (part) => ONLY.length === 0 || ONLY.includes(part);

const VECTOR = JSON.parse(readFileSync(join(ROOT, "crates/my-say-core/tests/vectors/bundle-v1.json"), "utf8"));
const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim();
  } catch {
    return "unknown";
  }
})();
const results = { date: new Date().toISOString(), commit, builds: { app: APP_DIST, bench: BENCH_DIST }, machine: machine(), runs: {} };
const log = (...a) => console.log(...a);

function machine() {
  const cpu = cpus()[0]?.model || "unknown";
  return {
    nproc: Number(execSync("nproc").toString().trim()),
    cpu,
    chromium: execSync(`${process.env.CHROMIUM || "/usr/bin/chromium"} --version 2>/dev/null`).toString().trim(),
    node: process.version,
  };
}
const uptime = () => execSync("uptime").toString().trim();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------------------------------------
// First-load bytes, ours and SurveyJS's, measured the same way (raw and gzip -9).
function sizes() {
  const ours = firstLoadSize(APP_DIST);
  const mod = (p) => join(HERE, "node_modules", p);
  const files = [
    "survey-core/survey.core.min.js",
    "survey-js-ui/survey-js-ui.min.js",
    "survey-core/survey-core.min.css",
  ];
  const rows = files.map((f) => {
    const bytes = readFileSync(mod(f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
  });
  const version = JSON.parse(readFileSync(mod("survey-core/package.json"), "utf8")).version;
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { ours, surveyjs: { version, rows, total }, ratio_gzip: ours.total.gzip / total.gzip };
}

// ---------------------------------------------------------------------------------------------
function serve(dir, port) {
  const child = spawn(process.execPath, [join(ROOT, "tools/serve.mjs"), dir, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.stdout.once("data", () => resolve(child));
    setTimeout(() => resolve(child), 1500);
  });
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
  });
}

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return cdp;
}

// In every page: when the first answer option of a question appears, note the time, and the time
// of the frame after it (painted). performance.now() counts from the start of the navigation.
function watchFirstQuestion() {
  const selector = ".answers .option, .own-words textarea";
  const seen = () => {
    if (window.__firstQuestion || !document.querySelector(selector)) return false;
    window.__firstQuestion = { appeared: performance.now() };
    requestAnimationFrame(() => setTimeout(() => (window.__firstQuestion.painted = performance.now()), 0));
    return true;
  };
  new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { subtree: true, childList: true });
}

// Tap → painted: a capture listener notes each tap's event time; __afterTap resolves after the
// frame that follows the page's change (the question counter or heading text changing, or for an
// answer, the frame after its handlers ran).
function watchTaps() {
  // From the click: the moment the browser has recognised the tap and the app's handler runs.
  // (A touch's first event would add the automation's own gap between touchstart and touchend.)
  window.__tapAt = null;
  document.addEventListener("click", (e) => { if (window.__tapAt === null) window.__tapAt = e.timeStamp; }, { capture: true });
  // The browser's own measure too (Event Timing, as in INP): from the input event to the next
  // paint after its handlers, per interaction. Only interactions of 16 ms or more are reported.
  window.__events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, name: e.name, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch {}
  const snapshot = () => (document.querySelector("main h1")?.textContent || "") + "|" + (document.querySelector(".progress, [data-progress]")?.textContent || document.body.innerText.match(/Question \d+ of \d+/)?.[0] || "");
  window.__arm = () => {
    window.__tapAt = null;
    window.__before = snapshot();
  };
  window.__afterTap = (waitForChange) =>
    new Promise((resolve) => {
      const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__tapAt), 0));
      if (!waitForChange || snapshot() !== window.__before) return painted();
      const obs = new MutationObserver(() => {
        if (snapshot() !== window.__before) {
          obs.disconnect();
          painted();
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
}

async function setUpTabletAndStart(page, base, name = "Chloe", band = "10 to 15") {
  await page.goto(`${base}/tablet#${VECTOR.setup_fragment}`);
  await page.getByRole("button", { name: "Seal answers for them on this tablet" }).click();
  await page.getByRole("status").filter({ hasText: "Done." }).waitFor();
  await page.goto(`${base}/booklet`);
  await page.getByLabel("Child's first name or initials").fill(name);
  await page.getByText(band, { exact: true }).click();
  await page.getByLabel("Date of the review").fill("2026-12-01");
  await page.locator("button[type=submit]").click();
  await page.getByRole("button", { name: "Let's start" }).click();
  await page.locator(".answers .option, .own-words textarea").first().waitFor();
  return page.url();
}

// Start-up: navigation → first question interactive, from the service worker, at 4× throttling.
async function startUp(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  await context.addInitScript(watchFirstQuestion);
  const page = await context.newPage();
  const url = await setUpTabletAndStart(page, base);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; }); // installed and active: later pages are its clients
  await page.close();
  const runs = [];
  let fromServiceWorker = true;
  for (let i = 0; i < RUNS; i++) {
    const p = await context.newPage();
    await throttle(p, THROTTLE);
    const response = await p.goto(url, { waitUntil: "commit" });
    fromServiceWorker &&= response?.fromServiceWorker() ?? false;
    await p.waitForFunction(() => window.__firstQuestion?.painted, null, { timeout: 60_000, polling: 50 });
    runs.push(await p.evaluate(() => window.__firstQuestion));
    await p.close();
  }
  let profile;
  if (PROFILE) {
    const p = await context.newPage();
    await throttle(p, THROTTLE);
    profile = await traced(browser, p, async () => {
      await p.goto(url, { waitUntil: "commit" });
      await p.waitForFunction(() => window.__firstQuestion?.painted, null, { timeout: 60_000, polling: 50 });
    });
    await p.close();
  }
  // The same once without the service worker or any cache: a first visit over a fast network.
  const cold = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, serviceWorkers: "block" });
  await cold.addInitScript(watchFirstQuestion);
  const cp = await cold.newPage();
  const coldUrl = await setUpTabletAndStart(cp, base);
  await cp.close();
  const p = await cold.newPage();
  await throttle(p, THROTTLE);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await p.goto(coldUrl, { waitUntil: "commit" });
  await p.waitForFunction(() => window.__firstQuestion?.painted, null, { timeout: 60_000, polling: 50 });
  const coldRun = await p.evaluate(() => window.__firstQuestion);
  await cold.close();
  await context.close();
  const painted = runs.map((r) => r.painted);
  return { throttle: THROTTLE, runs: painted.map((x) => round(x)), median_ms: round(median(painted)), from_service_worker: fromServiceWorker, no_cache_ms: round(coldRun.painted), profile };
}

// Answer latency: every tap of a whole booklet (10 to 15, the longest), at 4× throttling.
async function answerLatency(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  await context.addInitScript(watchTaps);
  const page = await context.newPage();
  await setUpTabletAndStart(page, base, "Kai");
  await throttle(page, THROTTLE);
  const answer = [];
  const next = [];
  let profile;
  const walk = async () => {
  for (let screen = 0; screen < 80; screen++) {
    if ((await page.locator("main h1").textContent()).includes("Here's what you told us")) break;
    const textarea = page.locator(".own-words textarea");
    if (await textarea.count()) {
      await textarea.fill("Some words of my own");
    } else {
      await page.evaluate(() => window.__arm());
      await page.locator(".answers .option label").first().tap();
      answer.push(await page.evaluate(() => window.__afterTap(false)));
    }
    const carryOn = page.getByRole("button", { name: /^Carry on$/ });
    if (await carryOn.count()) await carryOn.tap();
    await page.evaluate(() => window.__arm());
    await page.getByRole("button", { name: /^(Next|Skip this one)/ }).tap();
    next.push(await page.evaluate(() => window.__afterTap(true)));
  }
  };
  if (PROFILE) profile = await traced(browser, page, walk);
  else await walk();
  await page.waitForTimeout(500);
  // Event Timing: the longest entry of each interaction; taps with no entry took under 16 ms.
  const entries = await page.evaluate(() => window.__events);
  const perInteraction = {};
  for (const e of entries) perInteraction[e.id] = Math.max(perInteraction[e.id] || 0, e.duration);
  const reported = Object.values(perInteraction);
  const taps = answer.length + next.length;
  const eventTiming = [...reported, ...Array(Math.max(0, taps - reported.length)).fill(16)];
  await context.close();
  const all = [...answer, ...next];
  const stats = (xs) => ({ n: xs.length, p50_ms: round(percentile(xs, 50)), p95_ms: round(percentile(xs, 95)), max_ms: round(Math.max(...xs)) });
  return {
    throttle: THROTTLE,
    answer_tap: stats(answer),
    next_question: stats(next),
    all: stats(all),
    // Upper bounds where under 16 ms (unreported interactions count as 16).
    event_timing: { ...stats(eventTiming), interactions_16ms_or_more: reported.length, taps },
    profile,
  };
}

// --profile: a Chromium trace of one start-up and of a booklet's taps, summed by what the main
// thread did (script, style and layout, paint, garbage collection, ...), for docs/performance.md.
const PROFILE = process.argv.includes("--profile");
async function traced(browser, page, fn) {
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"] });
  await fn();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  // Top-level main-thread tasks and what they spent time in (self time of each event kind).
  const events = trace.traceEvents.filter((e) => e.ph === "X" && e.dur);
  // The page's main thread: the busiest renderer main thread in the trace.
  const mains = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`);
  const busy = {};
  for (const e of events) if (e.name === "RunTask" && mains.includes(`${e.pid}:${e.tid}`)) busy[`${e.pid}:${e.tid}`] = (busy[`${e.pid}:${e.tid}`] || 0) + e.dur;
  const main = Object.entries(busy).sort((a, b) => b[1] - a[1])[0]?.[0];
  const groups = {
    script: ["FunctionCall", "EvaluateScript", "v8.compile", "v8.compileModule", "TimerFire", "FireAnimationFrame", "EventDispatch", "RunMicrotasks", "V8.Execute", "v8.run", "v8.callFunction", "v8.evaluateModule", "RunTask"],
    wasm_compile: ["v8.wasm.compiledModule", "v8.wasm.streamFromResponseCallback", "v8.wasm.startStreamingCompilation", "wasm.CompileLazy", "v8.wasm.compileLazy", "v8.wasm.compileConsume", "v8.wasm.compileDigestForCreate"],
    style_layout: ["UpdateLayoutTree", "Layout", "RecalculateStyles", "ParseAuthorStyleSheet", "HitTest"],
    paint: ["Paint", "PaintImage", "CompositeLayers", "UpdateLayerTree", "Layerize", "PrePaint", "Commit", "RasterTask"],
    gc: ["MajorGC", "MinorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "V8.GC_MARK_COMPACTOR", "BlinkGC.AtomicPhase"],
    parse_html: ["ParseHTML"],
  };
  // Self time of each event kind: its duration less that of the events nested in it.
  const byName = {};
  let tasks = 0;
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    if (stack.length) byName[stack[stack.length - 1].name] -= Math.min(e.dur, stack[stack.length - 1].ts + stack[stack.length - 1].dur - e.ts);
    else if (e.name === "RunTask") tasks += e.dur;
    byName[e.name] = (byName[e.name] || 0) + e.dur;
    stack.push(e);
  }
  const summary = { main_thread_tasks_ms: round(tasks / 1000) };
  for (const [group, names] of Object.entries(groups)) {
    summary[group + "_ms"] = round(names.reduce((t, n) => t + (byName[n] || 0), 0) / 1000);
  }
  summary.top = Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, d]) => `${n} ${round(d / 1000)}`);
  return summary;
}

// The /bench page of the bench build: one task per fresh page (and fresh memory).
async function benchTask(browser, base, query) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__longest = 0;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    } catch {}
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${base}/bench?${query}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 15 * 60_000, polling: 200 });
  const out = await page.evaluate(() => ({ ...window.__bench, longest_task_ms: window.__longest }));
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  out.js_heap_used_bytes = metrics.JSHeapUsedSize;
  await context.close();
  if (out.error) throw new Error(`bench ${query}: ${out.error}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
async function main() {
  results.uptime_start = uptime();
  log(`My Say benchmarks, ${results.date}, commit ${commit} (the builds: ${APP_DIST} and ${BENCH_DIST})`);
  log(`machine: ${results.machine.nproc} cores, ${results.machine.cpu}; ${results.machine.chromium}`);
  log(`load at start: ${results.uptime_start}`);

  const size = sizes();
  results.runs.size = size;
  log(`\nfirst load: ours ${size.ours.total.raw} B raw, ${size.ours.total.gzip} B gzip; SurveyJS ${size.surveyjs.version} ${size.surveyjs.total.raw} B raw, ${size.surveyjs.total.gzip} B gzip; ratio ${size.ratio_gzip.toFixed(2)}`);

  const app = await serve(APP_DIST, PORT);
  const bench = await serve(BENCH_DIST, PORT + 1); // started whether or not it is built yet
  const browser = await launch();
  try {
    const appBase = `http://127.0.0.1:${PORT}`;
    const benchBase = `http://127.0.0.1:${PORT + 1}`;
    if (want("startup")) {
    results.runs.startup = await startUp(browser, appBase);
    log(`start-up at ${THROTTLE}×: median ${results.runs.startup.median_ms} ms of ${RUNS} (${results.runs.startup.runs.join(", ")}); from the service worker: ${results.runs.startup.from_service_worker}; no cache, no service worker: ${results.runs.startup.no_cache_ms} ms`);
    }
    if (want("latency")) {
    results.runs.latency = await answerLatency(browser, appBase);
    const l = results.runs.latency;
    log(`answer latency at ${THROTTLE}×: next question p50 ${l.next_question.p50_ms} / p95 ${l.next_question.p95_ms} ms (${l.next_question.n}); answer tap p50 ${l.answer_tap.p50_ms} / p95 ${l.answer_tap.p95_ms} ms (${l.answer_tap.n}); all p95 ${l.all.p95_ms} ms; Event Timing p50 ${l.event_timing.p50_ms} / p95 ${l.event_timing.p95_ms} ms (${l.event_timing.interactions_16ms_or_more} of ${l.event_timing.taps} taps at 16 ms or more)`);

    }
    if (want("unlock")) {
    results.runs.unlock = await benchTask(browser, benchBase, "task=unlock");
    log(`unlock (Argon2id, ${results.runs.unlock.memory_kib} KiB): median ${round(results.runs.unlock.unlock_ms_median)} ms; setting up ${round(results.runs.unlock.create_ms)} ms`);

    }
    if (want("report")) {
    results.runs.report = [];
    for (const n of QUICK ? [1000, 10000] : [1000, 10000, 100000]) {
      const r = await benchTask(browser, benchBase, `task=report&n=${n}`);
      results.runs.report.push(r);
      log(`report over ${n} booklets: ${round(r.report_ms_median, 2)} ms from prepared figures (median of 11); first pass ${round(r.first_pass_ms)} ms; everything from the booklets ${round(r.full_ms)} ms`);
    }
    }
    if (want("import")) {
    results.runs.import = [];
    for (const n of [1000, 10000]) {
      const r = await benchTask(browser, benchBase, `task=import&n=${n}`);
      results.runs.import.push(r);
      log(`import ${n} sealed booklets (${r.bundle_bytes} B): ${round(r.import_ms)} ms (opening alone ${round(r.open_ms)} ms), longest busy stretch while opening ${round(r.longest_busy_while_opening_ms)} ms (longest task in the whole run, sealing the test file included: ${round(r.longest_task_ms)} ms); reading them back ${round(r.read_back_ms)} ms`);
    }
    }
    if (want("memory")) {
    results.runs.memory = [];
    const memN = QUICK ? 10000 : 100000;
    for (const keep of ["chunks", "all"]) {
      const r = await benchTask(browser, benchBase, `task=memory&n=${memN}&keep=${keep}`);
      results.runs.memory.push(r);
      log(`memory at ${memN} booklets, ${keep === "all" ? "every booklet in memory" : "a thousand at a time"}: wasm ${round(r.wasm_memory_after_bytes / 1048576)} MiB, JS heap ${round(r.js_heap_used_bytes / 1048576)} MiB`);
    }
    }
  } finally {
    await browser.close();
    app.kill();
    bench.kill();
  }
  results.uptime_end = uptime();
  log(`load at end: ${results.uptime_end}`);
  if (PROFILE) {
    log(`\nprofile of one start-up: ${JSON.stringify(results.runs.startup?.profile, null, 1)}`);
    log(`profile of a booklet's taps: ${JSON.stringify(results.runs.latency?.profile, null, 1)}`);
  }
  const out = join(ROOT, "target", "bench");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 2));
  log(`\nwritten: target/bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// `npm run bench` (through scripts/bench.sh): My Say's performance against the issue's targets.
// Usage: node tools/bench/bench.mjs <release dist> <bench dist> [--quick] [--only=...] [--profile]
//   <release dist>  the release build children get (first load, start-up, answer latency, and
//                   the side-by-side timings with SurveyJS)
//   <bench dist>    the same app built with `--features bench` (the staff app's /iro/bench page: reports, import,
//                   unlock, memory on made-up booklets; see crates/my-say-staff/src/bench.rs)
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
import { listen, mySaySite, peerSite } from "./compressed-server.mjs";
import { peerFiles } from "./surveyjs-peer.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const QUICK = process.argv.includes("--quick");
const APP_DIST = args[0] || join(ROOT, "dist");
const BENCH_DIST = args[1] || join(ROOT, "target", "bench-dist");
const PORT = Number(process.env.BENCH_PORT || 4184);
const THROTTLE = 4; // Lighthouse's mobile profile
const RUNS = QUICK ? 3 : 10;
// --only=size,startup,latency,unlock,report,import,store,memory,peer runs just those parts (size always
// runs). `peer` is the three side-by-side timings with SurveyJS; `peer:first`, `peer:startup` and
// `peer:latency` run one of them.
const ONLY = (process.argv.find((a) => a.startsWith("--only=")) || "").slice(7).split(",").filter(Boolean);
const want = (part) => ONLY.length === 0 || ONLY.includes(part);
const wantPeer = (part) => want("peer") || want(`peer:${part}`);

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
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info",
      // Nothing but loopback: My Say fetches from no other origin (its CSP), and SurveyJS's CSS
      // names Google Fonts (Open Sans), which then fail at once rather than vary with the
      // machine's network (SurveyJS falls back to the system font, as its fontless CSS would).
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return cdp;
}

// In every page: when the first answer option of a question appears, note the time, and the time
// of the frame after it (painted). performance.now() counts from the start of the navigation.
// `mark` (an init script's argument) says what to wait for: My Say's question (the default),
// "start-form" (My Say's booklet start form: its heading and the child's name field in the DOM),
// or "surveyjs" (SurveyJS's first question's answer controls).
function watchFirstQuestion(mark) {
  const selector =
    mark === "surveyjs" ? ".sd-question .sd-selectbase__label, .sd-question textarea, .sd-question .sv-ranking-item" : ".answers .option, .own-words textarea";
  const there =
    mark === "start-form"
      ? () =>
          [...document.querySelectorAll("h1")].some((h) => h.textContent.trim() === "Start a booklet") &&
          [...document.querySelectorAll("label")].some((l) => l.textContent.includes("Child's first name or initials") && l.control)
      : () => !!document.querySelector(selector);
  const seen = () => {
    if (window.__firstQuestion || !there()) return false;
    window.__firstQuestion = { appeared: performance.now() };
    requestAnimationFrame(() => setTimeout(() => (window.__firstQuestion.painted = performance.now()), 0));
    return true;
  };
  new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { subtree: true, childList: true });
}

// Tap → painted: the test arms the page before each tap (`__arm(waitForChange)`); a capture
// listener notes the tap's `click` time and, from inside the page, the frame that follows the
// page's change (the question counter or heading text changing) or, for an answer, the frame
// after its handlers ran; `__afterTap()` then hands the time over. The page notes the frame
// itself, so the automation's own round trips after the tap are not in the time (until
// 2026-12-06 the page was asked for the time once the tap had returned, which added about 12 ms
// at the p50: docs/performance.md). `kind` "surveyjs" (an init script's argument) watches SurveyJS's question
// title and progress text instead of My Say's heading and progress.
function watchTaps(kind) {
  const snapshot =
    kind === "surveyjs"
      ? () => (document.querySelector(".sd-question__title")?.textContent || "") + "|" + (document.querySelector(".sd-progress__text")?.textContent || "")
      : () => (document.querySelector("main h1")?.textContent || "") + "|" + (document.querySelector(".progress, [data-progress]")?.textContent || document.body.innerText.match(/Question \d+ of \d+/)?.[0] || "");
  let armed = false;
  let waitForChange = false;
  let before = "";
  let tapAt = 0;
  let result = null;
  let done = null;
  const painted = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        result = performance.now() - tapAt;
        if (done) done(result);
      }, 0),
    );
  // From the click: the moment the browser has recognised the tap and the app's handler runs.
  // (A touch's first event would add the automation's own gap between touchstart and touchend.)
  document.addEventListener(
    "click",
    (e) => {
      if (!armed) return;
      armed = false;
      tapAt = e.timeStamp;
      if (!waitForChange) return painted();
      const obs = new MutationObserver(() => {
        if (snapshot() !== before) {
          obs.disconnect();
          painted();
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { capture: true },
  );
  // The browser's own measure too (Event Timing, as in INP): from the input event to the next
  // paint after its handlers, per interaction. Only interactions of 16 ms or more are reported.
  window.__events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, name: e.name, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch {}
  window.__arm = (wait) => {
    armed = true;
    waitForChange = wait;
    before = snapshot();
    result = null;
    done = null;
  };
  // A tap whose click never reaches the page (a cancelled touch) fails the run rather than hang it.
  window.__afterTap = () =>
    new Promise((resolve, reject) => {
      if (result !== null) return resolve(result);
      done = resolve;
      setTimeout(() => reject(new Error("no click reached the page within 30 s of the tap")), 30_000);
    });
}

// The tablet adult code the bench's tablets are set up with.
const ADULT_CODE = "135790";

async function setUpTabletAndStart(page, base, name = "Chloe", band = "10 to 15") {
  if (process.env.BENCH_CONSOLE) page.on("console", (m) => m.type() === "error" && console.log("page console:", m.text()));
  await page.goto(`${base}/tablet#${VECTOR.setup_fragment}`);
  // A new tablet's adult code, chosen once (tests/e2e/helpers.ts, sealForOffered).
  await page.getByLabel("Tablet adult code", { exact: true }).fill(ADULT_CODE);
  await page.getByLabel("Type the tablet adult code again", { exact: true }).fill(ADULT_CODE);
  await page.getByRole("button", { name: "Seal answers for them on this tablet" }).click();
  await page.getByRole("status").filter({ hasText: "Done." }).waitFor({ timeout: 30_000 });
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
  if (PROFILE || CPU_PROFILE) {
    const p = await context.newPage();
    await throttle(p, THROTTLE);
    const once = async () => {
      await p.goto(url, { waitUntil: "commit" });
      await p.waitForFunction(() => window.__firstQuestion?.painted, null, { timeout: 60_000, polling: 50 });
    };
    profile = PROFILE ? await traced(browser, p, once) : await cpuProfiled(p, once, "startup");
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
      await page.evaluate(() => window.__arm(false));
      await page.locator(".answers .option label").first().tap();
      answer.push(await page.evaluate(() => window.__afterTap()));
    }
    const carryOn = page.getByRole("button", { name: /^Carry on$/ });
    if (await carryOn.count()) await carryOn.tap();
    await page.evaluate(() => window.__arm(true));
    await page.getByRole("button", { name: /^(Next|Skip this one)/ }).tap();
    next.push(await page.evaluate(() => window.__afterTap()));
  }
  };
  if (PROFILE) profile = await traced(browser, page, walk);
  else if (CPU_PROFILE) profile = await cpuProfiled(page, walk, "taps");
  else await walk();
  const out = await tapStats(page, answer, next);
  await context.close();
  return { ...out, profile };
}

const stats = (xs) => ({ n: xs.length, p50_ms: round(percentile(xs, 50)), p95_ms: round(percentile(xs, 95)), max_ms: round(Math.max(...xs)) });

// The figures of a walk through a booklet: our own tap timings and the browser's Event Timing.
async function tapStats(page, answer, next) {
  await page.waitForTimeout(500);
  // Event Timing: the longest entry of each interaction; taps with no entry took under 16 ms.
  const entries = await page.evaluate(() => window.__events);
  const perInteraction = {};
  for (const e of entries) perInteraction[e.id] = Math.max(perInteraction[e.id] || 0, e.duration);
  const reported = Object.values(perInteraction);
  const taps = answer.length + next.length;
  const eventTiming = [...reported, ...Array(Math.max(0, taps - reported.length)).fill(16)];
  const all = [...answer, ...next];
  return {
    throttle: THROTTLE,
    answer_tap: stats(answer),
    // Every Next tap in order too, to see which questions are slow.
    next_question: { ...stats(next), taps_ms: next.map((x) => round(x)) },
    all: stats(all),
    // Upper bounds where under 16 ms (unreported interactions count as 16).
    event_timing: { ...stats(eventTiming), interactions_16ms_or_more: reported.length, taps },
  };
}

// --profile: a Chromium trace of one start-up and of a booklet's taps, summed by what the main
// thread did (script, style and layout, paint, garbage collection, ...), for docs/performance.md.
const PROFILE = process.argv.includes("--profile");
async function traced(browser, page, fn) {
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"] });
  await fn();
  const raw = (await browser.stopTracing()).toString();
  // Kept for a closer look (DevTools' Performance panel opens it); the last traced part wins.
  mkdirSync(join(ROOT, "target", "bench"), { recursive: true });
  writeFileSync(join(ROOT, "target", "bench", "last.trace.json"), raw);
  const trace = JSON.parse(raw);
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

// --cpuprofile: V8's sampling profile of one start-up and of a booklet's taps, written to
// target/bench/<name>.cpuprofile (open it in Chromium's DevTools, Performance panel), and the
// functions with the most self time. Give it a build whose wasm keeps its function names
// (`wasm-bindgen --keep-debug`, no `wasm-opt`), or the wasm shows as numbered functions.
const CPU_PROFILE = process.argv.includes("--cpuprofile");
async function cpuProfiled(page, fn, name) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await fn();
  const { profile } = await cdp.send("Profiler.stop");
  mkdirSync(join(ROOT, "target", "bench"), { recursive: true });
  writeFileSync(join(ROOT, "target", "bench", `${name}.cpuprofile`), JSON.stringify(profile));
  // Self time per function: each sample's time goes to the node it was taken in.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = {};
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = f.functionName || `(${f.url.split("/").pop() || "anonymous"})`;
    self[key] = (self[key] || 0) + (profile.timeDeltas[i] || 0);
  });
  const total = Object.values(self).reduce((a, b) => a + b, 0);
  return {
    file: `target/bench/${name}.cpuprofile`,
    // Idle includes the waits for the automation between taps.
    sampled_ms: round(total / 1000),
    idle_ms: round((self["(idle)"] || 0) / 1000),
    top_self: Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([f, t]) => `${round(t / 1000)} ms ${f}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Side by side with SurveyJS (issue 12, item 5): the same timings of My Say and of a SurveyJS
// 2.5.38 page showing the same booklet (surveyjs-peer.mjs), both served compressed by the bench's
// own server (compressed-server.mjs), in the same run, reported as My Say ÷ SurveyJS.
const VIEWPORT = { viewport: { width: 1024, height: 768 }, hasTouch: true };
// Lighthouse's slow 4G (its "mobileSlow4G": 150 ms, 1.6 Mbit/s down, 750 kbit/s up, Lighthouse
// counting a kbit as 1,024 bits), over CDP for the page's own requests.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const PEER_RUNS = { first: QUICK ? 3 : 5, startup: RUNS };
const TARGETS = {
  first_visit: { target: 0.6, aim: 0.4 },
  startup: { target: 0.4, aim: 0.3, target_ms: 500 },
  next_question_p95: { target_ms: 50, aim_ms: 16 },
};
// The machine's load around each side-by-side timing: `uptime` before and after, and the
// one-minute load averages from them.
const oneMinute = (u) => Number(/load averages?:\s*([\d.]+)/.exec(u)?.[1] ?? NaN);
const withLoad = async (fn) => {
  const start = uptime();
  const out = await fn();
  const end = uptime();
  return { ...out, load: { start, end, one_minute: [oneMinute(start), oneMinute(end)] } };
};
const waitPainted = (p) => p.waitForFunction(() => window.__firstQuestion?.painted, null, { timeout: 120_000, polling: 50 });

// One first visit: a fresh context (its own empty cache, no service worker yet), slow 4G and 4×
// CPU, from the start of navigation to `mark` painted; the bytes the page received over the
// network (CDP's encoded lengths, headers included) by then, and what the server sent (bodies
// only, the service worker's own fetches included).
async function firstVisitOnce(browser, url, mark, site) {
  const context = await browser.newContext(VIEWPORT);
  await context.addInitScript(watchFirstQuestion, mark);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  const requests = new Map();
  let wire = 0;
  cdp.on("Network.responseReceived", (e) => requests.set(e.requestId, { url: e.response.url, encoding: e.response.headers["content-encoding"] || e.response.headers["Content-Encoding"] || "identity", fromCache: e.response.fromDiskCache || e.response.fromServiceWorker }));
  cdp.on("Network.loadingFinished", (e) => {
    wire += e.encodedDataLength;
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  site.counter.reset();
  await page.goto(url, { waitUntil: "commit" });
  await waitPainted(page);
  const mark_ = await page.evaluate(() => window.__firstQuestion);
  const at = { wire_bytes: wire, server_body_bytes: site.counter.bytes, server_requests: site.counter.requests.length };
  const files = [...requests.values()].filter((r) => r.bytes !== undefined).map((r) => ({ path: new URL(r.url).pathname, encoding: r.encoding, bytes: r.bytes }));
  await context.close();
  return { painted: mark_.painted, ...at, files };
}

async function firstVisits(browser, mySayBase, peerBase, sites) {
  const mysay = [];
  const surveyjs = [];
  // Alternating, so a change of load on this shared machine falls on both.
  for (let i = 0; i < PEER_RUNS.first; i++) {
    mysay.push(await firstVisitOnce(browser, `${mySayBase}/booklet`, "start-form", sites.mysay));
    surveyjs.push(await firstVisitOnce(browser, `${peerBase}/`, "surveyjs", sites.peer));
  }
  const sum = (runs) => {
    const painted = runs.map((r) => r.painted);
    const last = runs[runs.length - 1];
    return { runs_ms: painted.map((x) => round(x)), median_ms: round(median(painted)), wire_bytes: median(runs.map((r) => r.wire_bytes)), server_body_bytes: median(runs.map((r) => r.server_body_bytes)), server_requests: last.server_requests, files: last.files };
  };
  const m = sum(mysay);
  const s = sum(surveyjs);
  return {
    what: "fresh profile, slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU: navigation start → My Say's booklet start form (/booklet: 'Start a booklet' and the child's name field in the DOM) / SurveyJS's first question, painted",
    runs: PEER_RUNS.first,
    mysay: m,
    surveyjs: s,
    ratio: round(m.median_ms / s.median_ms, 2),
    bytes_ratio: round(m.wire_bytes / s.wire_bytes, 2),
    ...TARGETS.first_visit,
  };
}

// Start-up from cache at 4×: My Say as the start-up measure above (a booklet started, then fresh
// pages open it from the service worker); SurveyJS's page opened a few times first, then fresh
// pages in the same context load it from the HTTP cache (the page itself is `no-cache`, so it
// comes again from the server, as My Say's would without its service worker).
async function startUpsFromCache(browser, mySayBase, peerBase, sites) {
  const my = await browser.newContext(VIEWPORT);
  await my.addInitScript(watchFirstQuestion);
  const setup = await my.newPage();
  const url = await setUpTabletAndStart(setup, mySayBase);
  await setup.evaluate(async () => { await navigator.serviceWorker.ready; });
  await setup.close();
  const peer = await browser.newContext({ ...VIEWPORT, serviceWorkers: "block" });
  await peer.addInitScript(watchFirstQuestion, "surveyjs");
  for (let i = 0; i < 3; i++) {
    // Warm: V8 keeps compiled code for a script it has seen more than once (as for My Say, whose
    // set-up above loaded the app several times).
    const p = await peer.newPage();
    await p.goto(`${peerBase}/`);
    await waitPainted(p);
    await p.close();
  }
  const once = async (context, target, site) => {
    const p = await context.newPage();
    await throttle(p, THROTTLE);
    site.counter.reset();
    const response = await p.goto(target, { waitUntil: "commit" });
    await waitPainted(p);
    const r = await p.evaluate(() => window.__firstQuestion);
    const out = { painted: r.painted, from_service_worker: response?.fromServiceWorker() ?? false, server_requests: site.counter.requests.map((q) => q.path) };
    await p.close();
    return out;
  };
  const mysay = [];
  const surveyjs = [];
  for (let i = 0; i < PEER_RUNS.startup; i++) {
    mysay.push(await once(my, url, sites.mysay));
    surveyjs.push(await once(peer, `${peerBase}/`, sites.peer));
  }
  await my.close();
  await peer.close();
  const sum = (runs) => ({
    runs_ms: runs.map((r) => round(r.painted)),
    median_ms: round(median(runs.map((r) => r.painted))),
    from_service_worker: runs.every((r) => r.from_service_worker),
    // What still came from the server in the last run (everything else from the cache).
    server_requests: runs[runs.length - 1].server_requests,
  });
  const m = sum(mysay);
  const s = sum(surveyjs);
  return {
    what: "4× CPU, no network throttling: navigation start → first question painted; My Say from its service worker (a started booklet's address), SurveyJS from the HTTP cache",
    runs: PEER_RUNS.startup,
    mysay: m,
    surveyjs: s,
    ratio: round(m.median_ms / s.median_ms, 2),
    ...TARGETS.startup,
  };
}

// SurveyJS's walk through the same booklet at 4×, timed as answerLatency times My Say's: the
// first option of each question tapped (a ranking is left unranked: SurveyJS ranks by dragging),
// own words typed, then "Next" (on the last page "Preview", as My Say's last "Next" opens its
// review) tapped and timed to the frame after the next question's title shows.
async function surveyLatency(browser, peerBase) {
  const context = await browser.newContext(VIEWPORT);
  await context.addInitScript(watchTaps, "surveyjs");
  await context.addInitScript(watchFirstQuestion, "surveyjs");
  const page = await context.newPage();
  await page.goto(`${peerBase}/`);
  await waitPainted(page);
  await throttle(page, THROTTLE);
  const answer = [];
  const next = [];
  for (let screen = 0; screen < 80; screen++) {
    const button = page.locator("input.sd-navigation__next-btn:visible, input.sd-navigation__preview-btn:visible");
    if (!(await button.count())) break;
    const question = page.locator(".sd-page .sd-question").first();
    if (await question.locator("textarea").count()) {
      await question.locator("textarea").fill("Some words of my own");
    } else if (await question.locator(".sd-selectbase__label").count()) {
      await page.evaluate(() => window.__arm(false));
      await question.locator(".sd-selectbase__label").first().tap();
      answer.push(await page.evaluate(() => window.__afterTap()));
    }
    await page.evaluate(() => window.__arm(true));
    await button.first().tap();
    next.push(await page.evaluate(() => window.__afterTap()));
  }
  const out = await tapStats(page, answer, next);
  await context.close();
  return out;
}

// The measure's own floor: a page whose "Next" only changes its heading's and progress's text,
// tapped and timed exactly as the two apps are (Playwright's tap, the click, the frame after the
// change as the page notes it). No app can be faster than this by this measure.
const FLOOR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>
<body><main><h1>Question 0</h1><p class="progress">Question 0 of 48</p><button type="button" style="min-width:12rem;min-height:3rem">Next</button></main>
<script>let n = 0; document.querySelector("button").addEventListener("click", () => { n++; document.querySelector("h1").textContent = "Question " + n; document.querySelector(".progress").textContent = "Question " + n + " of 48"; });</script></body></html>`;

async function floorLatency(browser, peerBase, taps) {
  const context = await browser.newContext(VIEWPORT);
  await context.addInitScript(watchTaps);
  const page = await context.newPage();
  await page.goto(`${peerBase}/floor.html`);
  await throttle(page, THROTTLE);
  const next = [];
  for (let i = 0; i < taps; i++) {
    await page.evaluate(() => window.__arm(true));
    await page.locator("button").tap();
    next.push(await page.evaluate(() => window.__afterTap()));
  }
  await context.close();
  return stats(next);
}

async function nextQuestions(browser, mySayBase, peerBase) {
  const m = await answerLatency(browser, mySayBase);
  const s = await surveyLatency(browser, peerBase);
  const floor = await floorLatency(browser, peerBase, m.next_question.n);
  delete m.profile;
  return {
    what: "4×: each Next tapped through the whole 10 to 15 booklet, click → the frame after the next question shows",
    mysay: m,
    surveyjs: s,
    floor,
    ratio: round(m.next_question.p95_ms / s.next_question.p95_ms, 2),
    ...TARGETS.next_question_p95,
  };
}

// The table of the side-by-side figures, as printed and as docs/performance.md gives them.
function peerTable(peer) {
  const rows = [];
  const l = (x) => x?.load?.one_minute?.map((v) => v.toFixed(2)).join(" → ") ?? "";
  const met = (ok) => (ok ? "yes" : "no");
  if (peer.first_visit) {
    const f = peer.first_visit;
    rows.push([`first visit, slow 4G, 4× (median of ${f.runs})`, `${f.mysay.median_ms} ms`, `${f.surveyjs.median_ms} ms`, f.ratio.toFixed(2), `≤ ${f.target} (aim ${f.aim}): ${met(f.ratio <= f.target)}`, l(f)]);
    rows.push(["  bytes over the wire by then", `${f.mysay.wire_bytes} B`, `${f.surveyjs.wire_bytes} B`, f.bytes_ratio.toFixed(2), "", ""]);
  }
  if (peer.startup) {
    const s = peer.startup;
    rows.push([`start-up from cache, 4× (median of ${s.runs})`, `${s.mysay.median_ms} ms`, `${s.surveyjs.median_ms} ms`, s.ratio.toFixed(2), `≤ ${s.target} and ≤ ${s.target_ms} ms (aim ${s.aim}): ${met(s.ratio <= s.target && s.mysay.median_ms <= s.target_ms)}`, l(s)]);
  }
  if (peer.next_question) {
    const n = peer.next_question;
    rows.push([`next question p95, 4× (${n.mysay.next_question.n} / ${n.surveyjs.next_question.n} taps)`, `${n.mysay.next_question.p95_ms} ms`, `${n.surveyjs.next_question.p95_ms} ms`, n.ratio.toFixed(2), `≤ ${n.target_ms} ms (aim ${n.aim_ms}): ${met(n.mysay.next_question.p95_ms <= n.target_ms)}`, l(n)]);
    if (n.floor) rows.push(["  the measure's floor (a page that only changes its heading)", `p95 ${n.floor.p95_ms} ms`, "", "", `p50 ${n.floor.p50_ms} ms`, ""]);
  }
  const head = ["side by side", "My Say", `SurveyJS ${peer.surveyjs_version}`, "ratio", "target", "load"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

async function peerTimings(browser) {
  const encodings = process.env.BENCH_COMPRESSION === "gzip" ? ["gzip"] : ["br", "gzip"];
  const peer = peerFiles();
  peer.files["/floor.html"] = FLOOR_PAGE;
  const sites = { mysay: mySaySite(APP_DIST, encodings), peer: peerSite(peer.files, encodings) };
  // Compress up front what the timings fetch (the child's app and the peer), not the staff app.
  sites.mysay.warm(sites.mysay.files.filter((f) => !f.startsWith("/staff/")));
  sites.peer.warm(sites.peer.files);
  const servers = [await listen(sites.mysay, PORT + 2), await listen(sites.peer, PORT + 3)];
  const mySayBase = `http://127.0.0.1:${PORT + 2}`;
  const peerBase = `http://127.0.0.1:${PORT + 3}`;
  const out = { surveyjs_version: peer.version, questions: peer.questions, compression: encodings.join(" or "), ports: [PORT + 2, PORT + 3] };
  try {
    if (wantPeer("first")) {
      out.first_visit = await withLoad(() => firstVisits(browser, mySayBase, peerBase, sites));
      log(`first visit (slow 4G, ${THROTTLE}×): My Say ${out.first_visit.mysay.median_ms} ms (${out.first_visit.mysay.runs_ms.join(", ")}), ${out.first_visit.mysay.wire_bytes} B; SurveyJS ${out.first_visit.surveyjs.median_ms} ms (${out.first_visit.surveyjs.runs_ms.join(", ")}), ${out.first_visit.surveyjs.wire_bytes} B; ratio ${out.first_visit.ratio}`);
    }
    if (wantPeer("startup")) {
      out.startup = await withLoad(() => startUpsFromCache(browser, mySayBase, peerBase, sites));
      log(`start-up from cache (${THROTTLE}×): My Say ${out.startup.mysay.median_ms} ms (${out.startup.mysay.runs_ms.join(", ")}; from the service worker: ${out.startup.mysay.from_service_worker}); SurveyJS ${out.startup.surveyjs.median_ms} ms (${out.startup.surveyjs.runs_ms.join(", ")}); ratio ${out.startup.ratio}`);
    }
    if (wantPeer("latency")) {
      out.next_question = await withLoad(() => nextQuestions(browser, mySayBase, peerBase));
      const n = out.next_question;
      log(`next question (${THROTTLE}×): My Say p50 ${n.mysay.next_question.p50_ms} / p95 ${n.mysay.next_question.p95_ms} ms (${n.mysay.next_question.n}); SurveyJS p50 ${n.surveyjs.next_question.p50_ms} / p95 ${n.surveyjs.next_question.p95_ms} ms (${n.surveyjs.next_question.n}); ratio of p95 ${n.ratio}; the measure's floor (a page that only changes its heading) p50 ${n.floor.p50_ms} / p95 ${n.floor.p95_ms} ms`);
    }
  } finally {
    for (const s of servers) s.close();
  }
  return out;
}

// The /iro/bench page of the bench build: one task per fresh page (and fresh memory).
async function benchTask(browser, base, query) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__longest = 0;
    window.__longtasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__longest = Math.max(window.__longest, e.duration);
          window.__longtasks.push([e.startTime, e.duration]);
        }
      }).observe({ type: "longtask", buffered: true });
    } catch {}
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${base}/iro/bench?${query}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 15 * 60_000, polling: 200 });
  const out = await page.evaluate(() => {
    // The longest task that began with each of the page's marks (performance.mark) or after it,
    // and before the next (tasks under 50 ms are not reported: 0 means none reached 50 ms). A
    // mark is made a moment after the task it is in began, hence the millisecond's grace.
    const marks = performance.getEntriesByType("mark").sort((a, b) => a.startTime - b.startTime);
    const tasksFrom = (from, to) => window.__longtasks.filter(([t]) => t >= from - 1 && t < to - 1).map(([, d]) => d);
    const byMark = Object.fromEntries(marks.slice(0, -1).map((m, i) => [m.name, Math.max(0, ...tasksFrom(m.startTime, marks[i + 1].startTime))]));
    const [start] = performance.getEntriesByName("import-start");
    const [end] = performance.getEntriesByName("import-end");
    const during = start && end ? tasksFrom(start.startTime, end.startTime) : [];
    return {
      ...window.__bench,
      longest_task_ms: window.__longest,
      longest_task_after_mark_ms: byMark,
      longest_task_during_import_ms: start && end ? Math.max(0, ...during) : undefined,
      tasks_over_50ms_during_import: start && end ? during.length : undefined,
    };
  });
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
    if (["first", "startup", "latency"].some(wantPeer)) {
      log(`\nside by side with SurveyJS, both served compressed by the bench's own server:`);
      results.runs.peer = await peerTimings(browser);
      log(`\n${peerTable(results.runs.peer)}\n`);
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
    // Each size opened in Web Workers (one per core but the page's, as the import page does),
    // and on the page itself (workers=0: as it did before, and still does for a small file);
    // 10,000 also in two workers (one per core on a two-core machine, leaving the page none).
    for (const n of [1000, 10000]) {
      for (const workers of n === 10000 ? ["", "2", "0"] : ["", "0"]) {
        const r = await withLoad(() => benchTask(browser, benchBase, `task=import&n=${n}${workers && `&workers=${workers}`}`));
        results.runs.import.push(r);
        const where = r.workers ? `in ${r.workers} workers` : "on the page";
        log(`import ${n} sealed booklets (${r.bundle_bytes} B) ${where}: ${round(r.import_ms)} ms (opened and read ${round(r.opened_ms)} ms, then stored ${round(r.stored_ms)} ms; opening alone on the page, unpaced: ${round(r.open_ms)} ms); longest task during the import ${round(r.longest_task_during_import_ms)} ms (${r.tasks_over_50ms_during_import} over 50 ms; while opening ${round(r.longest_task_after_mark_ms["import-start"])} ms${r.longest_busy_while_opening_ms == null ? "" : `; longest busy stretch while opening ${round(r.longest_busy_while_opening_ms)} ms`}); reading them back ${round(r.read_back_ms)} ms; load ${r.load.one_minute.join(" → ")}`);
      }
    }
    }
    if (want("store")) {
    // Where storing the opened booklets of an import goes, step by step.
    results.runs.store = [];
    for (const n of [2000, 10000]) {
      const r = await withLoad(() => benchTask(browser, benchBase, `task=store&n=${n}`));
      results.runs.store.push(r);
      const steps = Object.entries(r.steps).map(([k, ms]) => `${k.replace(/_ms$/, "")} ${round(ms)} ms (longest task ${round(r.longest_task_after_mark_ms[`store-${k.replace(/_ms$/, "").replace(/_/g, "-")}`] ?? NaN)} ms)`);
      log(`storing ${n} opened booklets (${r.follow_ups} follow-ups): ${steps.join("; ")}; load ${r.load.one_minute.join(" → ")}`);
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
  if (CPU_PROFILE) log(`\nCPU profile of one start-up: ${JSON.stringify(results.runs.startup?.profile, null, 1)}`);
  if (CPU_PROFILE) log(`\nCPU profile of a booklet's taps: ${JSON.stringify(results.runs.latency?.profile, null, 1)}`);
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

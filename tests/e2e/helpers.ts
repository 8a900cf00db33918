import { test, expect, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync, inflateSync, constants } from "node:zlib";

/** The sealed-format test vector: a set-up code for two recipients whose private keys are known. */
export const VECTOR = JSON.parse(readFileSync("crates/my-say-core/tests/vectors/bundle-v1.json", "utf8"));

/** The tablet adult code the tests choose on every tablet they set up. */
export const ADULT_CODE = "246810";

/** On the tablet page showing a set-up offer, gives the tablet adult code (on a tablet that has
 * none yet, chooses ADULT_CODE, typed twice) and seals for the people offered. */
export async function sealForOffered(page: Page) {
  await page.getByLabel("Tablet adult code", { exact: true }).fill(ADULT_CODE);
  // Shown only on a tablet that has no code yet (the tablet's own record decides which).
  const again = page.getByLabel("Type the tablet adult code again", { exact: true });
  if (await again.isVisible()) await again.fill(ADULT_CODE, { timeout: 2_000 }).catch(() => {});
  await page.getByRole("button", { name: "Seal answers for them on this tablet" }).click();
  // PBKDF2 (600,000 rounds) checks the code: give a busy machine time.
  await expect(page.getByRole("status")).toContainText("Done.", { timeout: 20_000 });
}

/** Sets this browser up as a tablet that seals for the test vector's IRO and team manager (its
 * adult code is ADULT_CODE). */
export async function setUpTablet(page: Page) {
  await page.goto(`/tablet#${VECTOR.setup_fragment}`);
  await sealForOffered(page);
}

/** Opens a route and waits until the app has rendered its first heading. */
export async function open(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.locator("main h1")).toBeVisible();
}

/** Runs axe-core with the WCAG 2.2 AA tags and fails on any violation, naming each. */
export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Every one of `controls` is at least 44 by 44 pixels, the smallest target a child's finger
 * (or a shaky adult's) can be sure of; there must be at least `atLeast` of them. */
export async function expectTouchTargets(controls: Locator, what: string, atLeast = 1) {
  const count = await controls.count();
  expect(count, `controls on ${what}`).toBeGreaterThanOrEqual(atLeast);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    const box = (await control.boundingBox())!;
    const name = `${what}: ${(await control.textContent())?.trim().slice(0, 40) || `control ${i}`}`;
    expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44);
    expect(box.width, `${name} width`).toBeGreaterThanOrEqual(44);
  }
}

/** Every screen of the app that needs no data, by route. */
export const SCREENS: { path: string; heading: RegExp }[] = [
  { path: "/", heading: /Welcome to My Say/ },
  { path: "/booklet", heading: /Start a booklet/ },
  { path: "/iro", heading: /IRO workspace/ },
  { path: "/council", heading: /Children in Care Council surveys/ },
  { path: "/tablet", heading: /Tablet set-up/ },
  { path: "/surveys", heading: /Surveys on this tablet/ },
  { path: "/no-such-page", heading: /We can't find that page/ },
];

/** The build under test: `dist`, or the one E2E_DIST names (see playwright.config.ts). */
export const DIST = process.env.E2E_DIST || "dist";

/** The gzip -9 size of a file of the build under test, by its address ("/staff/x.wasm"). */
export function gzipSizeOf(path: string): number {
  return gzipSync(readFileSync(`${DIST}${path}`), { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Records the address of every request the page makes to this origin, service worker included
 * (`paths`); `pagePaths` leaves out what the service worker fetched on its own, such as the files
 * it keeps for offline use. */
export function recordRequests(page: Page) {
  const seen: { path: string; byWorker: boolean }[] = [];
  page.context().on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith("http")) seen.push({ path: url.pathname, byWorker: req.serviceWorker() !== null });
  });
  return {
    paths: () => seen.map((r) => r.path),
    pagePaths: () => seen.filter((r) => !r.byWorker).map((r) => r.path),
  };
}

/** Waits until the service worker controls the page and has done its first install. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}

/** The names of the Cache Storage caches of this origin and the addresses each holds. */
export async function cachedFiles(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });
}

/** Opens `path` (a page of the tablet set-up, surveys or staff app) and waits until the service
 * worker keeps that app's files: the app asks for it once it has started. */
export async function openAndKeep(page: Page, path: string, app: KeptApp) {
  await open(page, path);
  await waitForServiceWorker(page);
  await waitUntilKept(page, app);
}

/** An app the service worker keeps only once asked (tools/sw-template.js), by its folder. */
export type KeptApp = "tablet" | "surveys" | "staff";

/** Waits until the service worker keeps `app`'s files. The cache is there from the start of the
 * download; its files, all at once, at the end. */
export async function waitUntilKept(page: Page, app: KeptApp) {
  const kept = async () =>
    Object.entries(await cachedFiles(page)).filter(([name, files]) => name.startsWith(`my-say-${app}-`) && files.includes(`/${app}/index.html`)).length;
  await expect.poll(kept, { timeout: 20_000 }).toBe(1);
}

/** The page's main heading (its one `main h1`). */
export const heading = (page: Page) => page.locator("main h1");

/** Makes this page's storage refuse every write while `fillStorage(page, true)` holds, as a
 * full disk does (a QuotaExceededError from IndexedDB). */
export async function storageCanFill(page: Page) {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      if ((window as unknown as { full?: boolean }).full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
}

/** Fills (`true`) or frees (`false`) the storage of a page `storageCanFill` was called for. */
export const fillStorage = (page: Page, full: boolean) => page.evaluate((full) => ((window as unknown as { full: boolean }).full = full), full);

/** Notes, on every load of this page from now on, the first main heading: its words when it
 * first appears (`seen`), and its words and the page's language and direction in the frame that
 * first shows it (taken just before that frame is painted). Read it with `firstHeading`: a page
 * that loaded a language's wording after it appeared would have shown English, left to right,
 * first. */
export async function watchFirstHeading(page: Page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const h1 = document.querySelector("main h1");
      if (h1 && h1.textContent) {
        observer.disconnect();
        const seen = h1.textContent;
        requestAnimationFrame(() => {
          const root = document.documentElement;
          const painted = document.querySelector("main h1") || h1;
          (window as unknown as { firstHeading: object }).firstHeading = { seen, text: painted.textContent, lang: root.lang, dir: root.dir };
        });
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** What `watchFirstHeading` noted on this page, once the frame that showed it has come. */
export const firstHeading = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstHeading?: { seen: string; text: string; lang: string; dir: string } }).firstHeading);

/** Waits for a booklet screen whose heading says `words` and has the focus. Each new screen moves
 * the focus to its heading a frame after it shows, so a control focused before that loses it. */
export async function onScreen(page: Page, words: string | RegExp, { timeout = 5_000 } = {}) {
  await expect(heading(page)).toHaveText(words, { timeout });
  await expect(heading(page)).toBeFocused();
}

/** The sideways overflow of the page, in pixels. */
export const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A date as the app's date fields take it, in local time: "2026-03-14". */
export function isoDate(d: Date) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** A new tablet-sized browser context (touch on, 768 px high, `width` wide) and a page in it. */
export async function tabletPage(browser: Browser, width = 1024) {
  const context = await browser.newContext({ viewport: { width, height: 768 }, hasTouch: true });
  return { context, page: await context.newPage() };
}

/** Clicks a button that downloads a file (its name matched whole with `exact`); returns the file's name and text. */
export async function download(page: Page, button: string, { exact = false } = {}) {
  const waiting = page.waitForEvent("download");
  await page.getByRole("button", { name: button, exact }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

/** Every storage area of this origin, as text: IndexedDB (every store, raw), localStorage, Cache Storage. */
export async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const bytesToText = (v: unknown): string => {
      if (v instanceof Uint8Array || v instanceof ArrayBuffer) return new TextDecoder("utf-8", { fatal: false }).decode(v as ArrayBuffer);
      return JSON.stringify(v) ?? String(v);
    };
    for (const info of await indexedDB.databases()) {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const values: unknown[] = await new Promise((res) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => res(r.result);
        });
        const keys: unknown[] = await new Promise((res) => {
          const r = db.transaction(name).objectStore(name).getAllKeys();
          r.onsuccess = () => res(r.result);
        });
        out.push(`${info.name}/${name}: ${keys.map(String).join(",")} ${values.map(bytesToText).join("\n")}`);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) out.push(`localStorage ${localStorage.key(i)}=${localStorage.getItem(localStorage.key(i)!)}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out.push(`cache ${req.url}: ${await (await cache.match(req))!.text()}`);
    }
    return out.join("\n");
  });
}

/** Removes one record from the app's device store (`area` is an object store of "my-say"), as
 * a tablet that never wrote it would be: records are encrypted, but their keys are not. */
export async function removeStored(page: Page, area: string, key: string) {
  await page.evaluate(async ([area, key]) => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open("my-say");
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction(area, "readwrite");
      tx.objectStore(area).delete(key);
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, [area, key]);
}

/** RFC 4180 CSV, as My Say writes it: quoted cells, doubled quotes, CRLF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** The rows of a CSV file My Say wrote, after checking it starts with a UTF-8 BOM. */
export function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0), "starts with a UTF-8 BOM").toBe(0xfeff);
  return parseCsv(text.slice(1));
}

/** A CSV file as objects keyed by its heading row, after checking the BOM. */
export function csvRecords(text: string) {
  const [head, ...rows] = csvRows(text);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** The tables of a CSV file (split at empty rows), each as objects keyed by its heading row, after checking the BOM. */
export function csvTables(text: string) {
  const tables: Record<string, string>[][] = [];
  let head: string[] | null = null;
  for (const r of csvRows(text)) {
    if (r.length === 1 && r[0] === "") { head = null; continue; }
    if (!head) { head = r; tables.push([]); continue; }
    const h = head;
    tables[tables.length - 1].push(Object.fromEntries(h.map((k, i) => [k, r[i]])));
  }
  return tables;
}

/** Prints the page to an A4 PDF, backgrounds on, and keeps it beside the test's results as `name`, to look at when a check of it fails. */
export async function printPdf(page: Page, name: string, options: Parameters<Page["pdf"]>[0] = {}): Promise<Buffer> {
  const pdf = await page.pdf({ format: "A4", printBackground: true, ...options });
  writeFileSync(test.info().outputPath(name), pdf);
  return pdf;
}

/** The number of pages in a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The strings a PDF carries (its outline and tags, with `outline` and `tagged` on): literal and UTF-16 hex, inflated streams included. */
export function pdfStrings(pdf: Buffer): string {
  const parts = [pdf.toString("latin1")];
  const raw = pdf.toString("latin1");
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf("endstream", start);
    try { parts.push(inflateSync(pdf.subarray(start, end)).toString("latin1")); } catch { /* not deflated */ }
  }
  const out: string[] = [];
  for (const p of parts) {
    for (const m of p.matchAll(/<FEFF([0-9A-Fa-f]+)>/g)) {
      const hex = m[1];
      let s = "";
      for (let i = 0; i + 3 < hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      out.push(s);
    }
    for (const m of p.matchAll(/\(((?:\\.|[^\\)])*)\)/g)) out.push(m[1].replace(/\\(.)/g, "$1"));
  }
  return out.join("\n");
}

/** A key's fingerprint as the app shows it: four groups of four Crockford base-32 characters. */
export const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** Sets up a new workspace on /iro for `name` with `passphrase` (waiting `timeout` ms for the key), goes on to it, and returns its fingerprint. */
export async function setUpWorkspace(page: Page, name: string, passphrase: string, { timeout = 30_000 } = {}): Promise<string> {
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  await page.getByLabel("Your name", { exact: true }).fill(name);
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  await expect(heading(page)).toHaveText("Your IRO workspace is ready", { timeout });
  const fingerprint = ((await page.locator(".big-fingerprint").textContent()) ?? "").replace("Fingerprint ", "");
  expect(fingerprint).toMatch(FINGERPRINT);
  await page.getByRole("button", { name: "Go to my workspace" }).click();
  await expect(heading(page)).toHaveText("IRO workspace");
  return fingerprint;
}

/** On the workspace's unlock screen, unlocks it with `passphrase`. */
export async function unlockWorkspace(page: Page, passphrase: string) {
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Unlock", exact: true }).click();
}

/** The test vector's recovery file: the IRO Sam Patel, whose passphrase is VECTOR.recovery_passphrase. */
export const RECOVERY_V1 = readFileSync("crates/my-say-core/tests/vectors/recovery-v1.json");

/** Restores the test vector's IRO (Sam Patel) on this browser from RECOVERY_V1 (waiting `timeout` ms), unlocked. */
export async function restoreTestVectorIro(page: Page, { timeout = 20_000 } = {}) {
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  await page.getByLabel("Recovery file", { exact: true }).setInputFiles({ name: "recovery-v1.json", mimeType: "application/json", buffer: RECOVERY_V1 });
  await page.getByLabel("Passphrase of the recovery file", { exact: true }).fill(VECTOR.recovery_passphrase);
  await page.getByRole("button", { name: "Restore my workspace" }).click();
  await expect(heading(page)).toHaveText("IRO workspace", { timeout });
  await expect(page.getByText("Unlocked for Sam Patel")).toBeVisible();
}

/** How a child answers the question on screen (its heading given), touching the screen. */
export type Answer = (page: Page, question: string) => Promise<unknown>;

/** Options for fillInBooklet: `tookPart`, the start form's "how will the child take part" boxes to tick (their labels); `simpler`, the simpler booklet to give the child (its option, such as "The 7 to 9 booklet"); `hide`, the people the adult unticks under "Before you hand the tablet over" (their labels, such as "My mum"); `topics`, the optional topics the adult switches on (their titles, such as "My social worker"); `chooseTopics`, whether `answer` also answers each topic's first question ("Do you want to tell us about...?"), which the child otherwise leaves as it is: skipped, or "Yes" where the adult switched the topic on. */
export type BookletOptions = { caseReference?: string; answer?: Answer; tookPart?: string[]; simpler?: string; hide?: string[]; topics?: string[]; chooseTopics?: boolean };

/** The first question of an optional topic, which switches its questions on ("Do you want to tell us about your social worker?", "Would you like to answer some questions about...?"). */
export const TOPIC_SWITCH = /^(Do you want to tell us (more )?about|Would you like to answer some questions about)/;

/** On the booklet start form, opens "Before you hand the tablet over" and returns its people boxes ("People the child is offered"). */
export async function peopleOffered(page: Page) {
  const details = page.locator("details", { hasText: "Before you hand the tablet over" });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText("Before you hand the tablet over", { exact: true }).tap();
  return page.getByRole("group", { name: "People the child is offered" });
}

/** Starts a booklet for `name` in `band` (review 2026-12-01, `caseReference` if given); `answer` answers each question up to the end. */

export async function fillInBooklet(page: Page, name: string, band: string, { caseReference, answer, tookPart, simpler, hide, topics, chooseTopics }: BookletOptions = {}) {
  await page.goto("/booklet");
  await page.getByLabel("Child's first name or initials").fill(name);
  await page.getByText(band, { exact: true }).tap();
  await page.getByLabel("Date of the review").fill("2026-12-01");
  if (caseReference) await page.getByLabel("Case reference (optional)").fill(caseReference);
  for (const way of tookPart ?? []) await page.getByLabel(way, { exact: true }).check();
  if (simpler) await page.getByLabel("Use a simpler booklet (optional)").selectOption({ label: simpler });
  if (hide?.length) {
    const people = await peopleOffered(page);
    for (const person of hide) await people.getByLabel(person, { exact: true }).uncheck();
  }
  const topicBoxes = page.getByRole("group", { name: "Extra topics the child can choose (optional)" });
  for (const topic of topics ?? []) await topicBoxes.getByLabel(topic, { exact: true }).check();
  await page.getByRole("button", { name: "Start the booklet" }).tap();
  await page.getByRole("button", { name: "Let's start" }).tap();
  for (let i = 0; i < 60; i++) {
    const h = (await heading(page).textContent()) ?? "";
    if (h.includes("Here's what you told us")) break;
    if (answer && (chooseTopics || !TOPIC_SWITCH.test(h))) await answer(page, h);
    const carryOn = page.getByRole("button", { name: /^Carry on$/ });
    if (await carryOn.count()) await carryOn.tap();
    await page.getByRole("button", { name: /^(Next|Skip this one)/ }).tap();
  }
}

/** A booklet filled in as fillInBooklet does, then finished: sealed on this tablet. */
export async function finishBooklet(page: Page, name: string, band: string, options: BookletOptions = {}) {
  await fillInBooklet(page, name, band, options);
  await page.getByRole("button", { name: "Finish and send to my IRO" }).tap();
  await expect(heading(page)).toHaveText(`Thank you, ${name}!`);
}

/** An answers file made as a real one is: a separate tablet, set up for the test vector's IRO and team manager, where `fill` finishes booklets. */
export async function answersFileFromATablet(browser: Browser, fill: (page: Page) => Promise<void>) {
  const { context, page } = await tabletPage(browser);
  await setUpTablet(page);
  await fill(page);
  await page.goto("/tablet");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the answers file" }).tap();
  const file = await downloading;
  const result = { name: file.suggestedFilename(), buffer: readFileSync((await file.path())!) };
  await context.close();
  return result;
}

/** A pretend voice for captureSpeech: its language, and whether it runs on the device
 * (`localService`) or sends the words to another company's server. */
export type TestVoice = { lang: string; localService: boolean; name?: string };

/**
 * Gives headless Chromium (which has none) a voice for each of the app's languages and records
 * what the app asks it to say; call before the first page load. As ../shared/TOOLCHAIN.md
 * ("Capturing read-aloud in a browser test") says: wasm-bindgen only takes a voice made from
 * SpeechSynthesisVoice's prototype, and the utterance's native `voice` setter refuses it.
 * `voices` replaces the usual on-device English, Welsh and Arabic voices (say, to offer only a
 * network voice). Returns `spoken()`, every text given to speechSynthesis.speak so far, oldest
 * first, and `voices()`, the name of the voice each was given to.
 */
export async function captureSpeech(page: Page, { voices }: { voices?: TestVoice[] } = {}) {
  const offered = voices ?? ["en-GB", "cy-GB", "ar-SA"].map((lang) => ({ lang, localService: true }));
  await page.addInitScript((offered: TestVoice[]) => {
    const voices = offered.map(({ lang, localService, name }) => {
      const voice = Object.create(SpeechSynthesisVoice.prototype);
      const own = { name: name ?? `Test ${lang}`, lang, localService, default: lang === "en-GB", voiceURI: `test-${name ?? lang}` };
      for (const [key, value] of Object.entries(own)) Object.defineProperty(voice, key, { value, enumerable: true });
      return voice;
    });
    const spoken: string[] = [];
    const spokenWith: string[] = [];
    Object.assign(window, { __spoken: spoken, __spokenWith: spokenWith });
    speechSynthesis.getVoices = () => voices;
    Object.defineProperty(SpeechSynthesisUtterance.prototype, "voice", {
      configurable: true,
      get() { return (this as { _voice?: SpeechSynthesisVoice })._voice ?? null; },
      set(v) { (this as { _voice?: SpeechSynthesisVoice })._voice = v; },
    });
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push(utterance.text);
      spokenWith.push(utterance.voice?.name ?? "");
      setTimeout(() => utterance.onend?.(new Event("end") as SpeechSynthesisEvent), 0);
    };
  }, offered);
  return {
    spoken: () => page.evaluate(() => [...(window as unknown as { __spoken: string[] }).__spoken]),
    voices: () => page.evaluate(() => [...(window as unknown as { __spokenWith: string[] }).__spokenWith]),
  };
}

/** On the booklet start form, chooses the child's `language` (a native name, as the select shows it); for Arabic also the forms the booklet speaks to the child in, masculine unless `feminine`. */
export async function chooseChildLanguage(page: Page, language: string, feminine = false) {
  await page.getByLabel("Language for the child").selectOption({ label: language });
  if (language !== "العربية") return;
  const forms = feminine ? "Words for a girl (feminine)" : "Words for a boy (masculine)";
  await page.getByText(forms, { exact: true }).tap();
}

/** The adult starts a booklet for `name` in `band` (review 2026-12-01) on a tablet set up for the test vector, in `language` (Arabic in masculine forms) and with the IRO's name and contact if given; the child's first screen is then on show. */
export async function startBookletFor(page: Page, name: string, band: string, options: { language?: string; iroName?: string; iroContact?: string } = {}) {
  await setUpTablet(page);
  await page.goto("/booklet");
  await fillBookletStart(page, name, band, options);
  await page.locator("button[type=submit]").tap();
  await expect(heading(page)).toContainText(name);
}

/** On the booklet start form, fills in what a booklet needs (the review on 1 December 2026). */
export async function fillBookletStart(page: Page, name: string, band: string, { language, iroName, iroContact }: { language?: string; iroName?: string; iroContact?: string } = {}) {
  await page.getByLabel("Child's first name or initials").fill(name);
  await page.getByText(band, { exact: true }).tap();
  await page.getByLabel("Date of the review").fill("2026-12-01");
  if (iroName) await page.getByLabel("IRO's name (optional)").fill(iroName);
  if (iroContact) await page.getByLabel("IRO's phone or email (optional)").fill(iroContact);
  if (language) await chooseChildLanguage(page, language);
}

/** From a booklet's first screen, in any language, skips questions until the heading matches `question`. */
export async function skipTo(page: Page, question: RegExp) {
  await page.locator(".booklet-intro .nav button.primary").tap();
  for (let i = 0; i < 40 && !question.test((await heading(page).textContent()) ?? ""); i++) {
    await page.locator(".nav button.primary").tap();
  }
  await expect(heading(page)).toHaveText(question);
}

/** Presses Tab until a button whose words include `words` has the focus (at most `tabs` times).
 * Only a focused button counts: when a screen is replaced, the focus can fall back to the page's
 * body, whose text includes every button's words. */
export async function tabToButton(page: Page, words: string, tabs: number) {
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(
      (w) => document.activeElement?.tagName === "BUTTON" && (document.activeElement.textContent ?? "").includes(w),
      words,
    );
    if (found) return;
  }
  throw new Error(`${tabs} presses of Tab never reached the button "${words}"`);
}

/** Opens a page of the unlocked IRO workspace from its navigation, by the link's name, which is also the page's heading ("Export and data care", "Follow-ups"). */
export async function openWorkspacePage(page: Page, link: string) {
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: link }).click();
  await expect(heading(page)).toHaveText(link);
}

/** A file to give a file picker. */
export type PickedFile = { name: string; mimeType: string; buffer: Buffer };

/** On "Export and data care", chooses a workspace file to import; returns the group that lists what importing it would change (named after the file), with its buttons. */
export async function chooseWorkspaceFile(page: Page, file: PickedFile) {
  await page.getByLabel("Choose a workspace file (JSON)").setInputFiles(file);
  return page.getByRole("group", { name: `What importing ${file.name} would change` });
}

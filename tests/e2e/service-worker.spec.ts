import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { DIST } from "./helpers";

// The built service worker (dist/sw.js) run against a pretend browser: its caches, its network
// and its events. What happens to the apps' offline copies when one app is updated cannot be
// staged in a real browser within a test, so it is checked here, on the very file a device gets.
// See docs/design.md, "Offline for every app".

type Files = { child: string[]; tablet: string[]; surveys: string[]; staff: string[] };

/** A request as the worker makes one: its address and how it may use the browser's HTTP cache. */
class FakeRequest {
  cache: string;
  constructor(public url: string, init?: { cache?: string }) {
    this.cache = init?.cache ?? "default";
  }
}
type Fetchable = string | FakeRequest;
const urlOf = (r: Fetchable) => (typeof r === "string" ? r : r.url);

/** A device's Cache Storage, kept between workers as a browser keeps it. */
class Caches {
  stores = new Map<string, Map<string, string>>();
  async has(name: string) {
    return this.stores.has(name);
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new Map());
    const store = this.stores.get(name)!;
    return {
      // As the browser's: all or nothing.
      addAll: async (requests: Fetchable[]) => {
        const got = await Promise.all(requests.map((r) => this.network(r)));
        requests.forEach((r, i) => store.set(urlOf(r), got[i]));
      },
    };
  }
  async match(url: string, options?: { cacheName?: string }) {
    for (const [name, store] of this.stores) {
      if (options?.cacheName && name !== options.cacheName) continue;
      if (store.has(url)) return store.get(url);
    }
    return undefined;
  }
  /** What the network answers; `offline` fails every request. `modes` has each request's
   * cache mode ("default" for a bare address), in the order of `fetched`. */
  fetched: string[] = [];
  modes: string[] = [];
  offline = false;
  async network(request: Fetchable) {
    const url = urlOf(request);
    this.fetched.push(url);
    this.modes.push(typeof request === "string" ? "default" : request.cache);
    if (this.offline) throw new TypeError("Failed to fetch");
    return `body of ${url}`;
  }
}

/** Starts a worker from `source` on a device with `caches`; returns its event dispatchers. */
function startWorker(source: string, caches: Caches) {
  const handlers: Record<string, (event: unknown) => void> = {};
  const state = { skippedWaiting: false };
  const self = {
    addEventListener: (type: string, handler: (event: unknown) => void) => (handlers[type] = handler),
    skipWaiting: async () => {
      state.skippedWaiting = true;
    },
    clients: { claim: async () => {} },
    location: { origin: "https://my-say.example" },
  };
  runInNewContext(source, { self, caches, fetch: (r: Fetchable) => caches.network(r), Request: FakeRequest, URL, console });
  const waitUntil = async (type: string, data?: unknown) => {
    let work: Promise<unknown> = Promise.resolve();
    handlers[type]({ data, waitUntil: (p: Promise<unknown>) => (work = p) });
    await work;
  };
  return {
    install: () => waitUntil("install"),
    activate: () => waitUntil("activate"),
    message: (data: string) => waitUntil("message", data),
    /** Whether the worker has asked to take over from the one before it. */
    skippedWaiting: () => state.skippedWaiting,
  };
}

/** A worker from `source`, installed and active on a device with `caches`: as after a visit. */
async function activeWorker(source: string, caches: Caches) {
  const worker = startWorker(source, caches);
  await worker.install();
  await worker.activate();
  return worker;
}

const built = () => readFileSync(`${DIST}/sw.js`, "utf8");
const files = (source: string): Files => ({
  child: JSON.parse(source.match(/const CHILD = \{[^[]*files: (\[[\s\S]*?\]) \};/)![1]),
  tablet: JSON.parse(source.match(/const TABLET = \{[^[]*files: (\[[\s\S]*?\]) \};/)![1]),
  surveys: JSON.parse(source.match(/const SURVEYS = \{[^[]*files: (\[[\s\S]*?\]) \};/)![1]),
  staff: JSON.parse(source.match(/const STAFF = \{[^[]*files: (\[[\s\S]*?\]) \};/)![1]),
});
/** The same worker as after a new build of one app: that app's version changes. */
const updated = (source: string, app: "child" | "tablet" | "surveys" | "staff") =>
  source.replace(new RegExp(`("my-say-${app}-" \\+ ")([0-9a-f]+)"`), (_, head, v) => `${head}${v.split("").reverse().join("")}x"`);

test("a child's tablet keeps only the child's app; opening set-up, surveys or the workspace keeps that app too", async () => {
  const source = built();
  const { child, tablet, surveys, staff } = files(source);
  expect(child).toContain("/index.html");
  // The app that answers a booklet is kept with the child's: every child's tablet needs both.
  expect(child).toContain("/fill/index.html");
  expect(child.filter((f) => /^\/fill\/.*\.wasm$/.test(f))).toHaveLength(1);
  expect(tablet).toContain("/tablet/index.html");
  expect(tablet.every((f) => f.startsWith("/tablet/"))).toBe(true);
  expect(tablet.some((f) => f.endsWith(".wasm"))).toBe(true);
  expect(surveys).toContain("/surveys/index.html");
  expect(surveys.every((f) => f.startsWith("/surveys/"))).toBe(true);
  expect(surveys.some((f) => f.endsWith(".wasm"))).toBe(true);
  expect(staff).toContain("/staff/index.html");
  expect(child.filter((f) => /^\/(staff|surveys|tablet)\//.test(f))).toEqual([]);
  // The built-in booklets, which the child's app fetches one at a time, are kept for offline use.
  expect(child.filter((f) => /^\/booklets\/review-[0-9a-z-]+\.[0-9a-f]{16}\.json$/.test(f))).toHaveLength(4);
  // So is the Welsh and Arabic wording, which it fetches when the language is chosen.
  expect(child.filter((f) => /^\/locales\/(cy|ar)\.[0-9a-f]{16}\.json$/.test(f))).toHaveLength(2);
  const caches = new Caches();
  const worker = await activeWorker(source, caches);
  expect(caches.fetched.sort()).toEqual([...child].sort());
  expect((await caches.keys()).filter((k) => /^my-say-(staff|surveys|tablet)-/.test(k))).toEqual([]);
  caches.fetched = [];
  await worker.message("keep-tablet-app");
  expect(caches.fetched.sort()).toEqual([...tablet].sort());
  caches.fetched = [];
  await worker.message("keep-surveys-app");
  expect(caches.fetched.sort()).toEqual([...surveys].sort());
  caches.fetched = [];
  await worker.message("keep-staff-app");
  expect(caches.fetched.sort()).toEqual([...staff].sort());
  // Four apps' caches, and the mark of this layout (tools/sw-template.js, FOUR_APPS).
  expect((await caches.keys()).filter((k) => k !== "my-say-four-apps")).toHaveLength(4);
});

test("updating the surveys app fetches only its files, and only on a device that keeps it", async () => {
  const source = built();
  const { surveys } = files(source);
  // A tablet that never opened surveys: nothing.
  const tablet = new Caches();
  await activeWorker(source, tablet);
  tablet.fetched = [];
  await activeWorker(updated(source, "surveys"), tablet);
  expect(tablet.fetched).toEqual([]);
  // A tablet that runs surveys: only their files.
  const council = new Caches();
  const old = await activeWorker(source, council);
  // The surveys app asks for tablet set-up too (it links there).
  await old.message("keep-surveys-app");
  await old.message("keep-tablet-app");
  council.fetched = [];
  await activeWorker(updated(source, "surveys"), council);
  expect(council.fetched.sort()).toEqual([...surveys].sort());
  expect((await council.keys()).filter((k) => k.startsWith("my-say-surveys-"))).toHaveLength(1);
});

test("an update keeps tablet set-up on a device that had it inside the child's app, or keeps surveys; never on a child's tablet that had neither", async () => {
  const source = built();
  const { tablet } = files(source);
  const ofTablet = (fetched: string[]) => fetched.filter((f) => f.startsWith("/tablet/")).sort();
  // A tablet updating from the layout before set-up was an app of its own (a kept child's app,
  // and no mark of this layout): it can send its answers offline at once.
  const before = new Caches();
  before.stores.set("my-say-child-before", new Map([["/index.html", "old"]]));
  const upgrade = startWorker(source, before);
  await upgrade.install();
  expect(ofTablet(before.fetched)).toEqual([...tablet].sort());
  // The mark stays through activation, so later updates do not take set-up again.
  await upgrade.activate();
  expect(await before.has("my-say-four-apps")).toBe(true);
  before.fetched = [];
  await startWorker(updated(source, "child"), before).install();
  expect(before.fetched.length).toBeGreaterThan(0);
  expect(ofTablet(before.fetched)).toEqual([]);
  // A device that keeps surveys, which link to set-up.
  const council = new Caches();
  council.stores.set("my-say-surveys-before", new Map([["/surveys/index.html", "old"]]));
  await startWorker(source, council).install();
  expect(ofTablet(council.fetched)).toEqual([...tablet].sort());
  // A child's tablet of this layout, updated: nothing of set-up.
  const child = new Caches();
  await activeWorker(source, child);
  const next = startWorker(updated(source, "child"), child);
  await next.install();
  expect(ofTablet(child.fetched)).toEqual([]);
});

test("an update that cannot be fetched leaves every app's offline copy as it was", async () => {
  const source = built();
  const laptop = new Caches();
  const old = await activeWorker(source, laptop);
  await old.message("keep-tablet-app");
  await old.message("keep-surveys-app");
  await old.message("keep-staff-app");
  const before = await laptop.keys();
  laptop.offline = true;
  for (const app of ["child", "tablet", "surveys", "staff"] as const) {
    const fresh = startWorker(updated(source, app), laptop);
    await expect(fresh.install()).rejects.toThrow("Failed to fetch");
    // The failed worker is never activated; the old one still answers from its caches.
    expect((await laptop.keys()).sort()).toEqual([...before].sort());
    for (const page of ["/index.html", "/tablet/index.html", "/surveys/index.html", "/staff/index.html"]) expect(await laptop.match(page)).toBe(`body of ${page}`);
  }
});

test("install fetches every file with cache 'reload', so no stale HTTP-cached file enters the offline copy", async () => {
  const source = built();
  const { child, staff } = files(source);
  const caches = new Caches();
  const worker = await activeWorker(source, caches);
  expect(caches.fetched.sort()).toEqual([...child].sort());
  expect(new Set(caches.modes)).toEqual(new Set(["reload"]));
  caches.fetched = [];
  caches.modes = [];
  await worker.message("keep-staff-app");
  expect(caches.fetched.sort()).toEqual([...staff].sort());
  expect(new Set(caches.modes)).toEqual(new Set(["reload"]));
});

test("a new version waits after installing until the page asks it to take over", async () => {
  const source = built();
  const tablet = new Caches();
  await activeWorker(source, tablet);
  const fresh = startWorker(updated(source, "child"), tablet);
  await fresh.install();
  // Installed and waiting: the page can say "A new version is ready", and nothing changes yet.
  expect(fresh.skippedWaiting()).toBe(false);
  await fresh.message("skip-waiting");
  expect(fresh.skippedWaiting()).toBe(true);
});

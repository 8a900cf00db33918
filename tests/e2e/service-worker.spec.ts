import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { DIST } from "./helpers";

// The built service worker (dist/sw.js) run against a pretend browser: its caches, its network
// and its events. What happens to the two apps' offline copies when one app is updated cannot
// be staged in a real browser within a test, so it is checked here, on the very file a device
// gets. See docs/design.md, "Offline for both apps".

type Files = { child: string[]; staff: string[] };

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
      addAll: async (urls: string[]) => {
        const got = await Promise.all(urls.map((u) => this.network(u)));
        urls.forEach((u, i) => store.set(u, got[i]));
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
  /** What the network answers; `offline` fails every request. */
  fetched: string[] = [];
  offline = false;
  async network(url: string) {
    this.fetched.push(url);
    if (this.offline) throw new TypeError("Failed to fetch");
    return `body of ${url}`;
  }
}

/** Starts a worker from `source` on a device with `caches`; returns its event dispatchers. */
function startWorker(source: string, caches: Caches) {
  const handlers: Record<string, (event: unknown) => void> = {};
  const self = {
    addEventListener: (type: string, handler: (event: unknown) => void) => (handlers[type] = handler),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
    location: { origin: "https://my-say.example" },
  };
  runInNewContext(source, { self, caches, fetch: (u: string) => caches.network(u), URL, console });
  const waitUntil = async (type: string, data?: unknown) => {
    let work: Promise<unknown> = Promise.resolve();
    handlers[type]({ data, waitUntil: (p: Promise<unknown>) => (work = p) });
    await work;
  };
  return {
    install: () => waitUntil("install"),
    activate: () => waitUntil("activate"),
    message: (data: string) => waitUntil("message", data),
  };
}

const built = () => readFileSync(`${DIST}/sw.js`, "utf8");
const files = (source: string): Files => ({
  child: JSON.parse(source.match(/const CHILD = \{[^[]*files: (\[[\s\S]*?\]) \};/)![1]),
  staff: JSON.parse(source.match(/const STAFF = \{[^[]*files: (\[[\s\S]*?\]) \};/)![1]),
});
/** The same worker as after a new build of one app: that app's version changes. */
const updated = (source: string, app: "child" | "staff") =>
  source.replace(new RegExp(`("my-say-${app}-" \\+ ")([0-9a-f]+)"`), (_, head, v) => `${head}${v.split("").reverse().join("")}x"`);

test("a child's tablet keeps only the child's app; opening the workspace keeps the staff app too", async () => {
  const source = built();
  const { child, staff } = files(source);
  expect(child).toContain("/index.html");
  expect(staff).toContain("/staff/index.html");
  expect(child.filter((f) => f.startsWith("/staff/"))).toEqual([]);
  const caches = new Caches();
  const worker = startWorker(source, caches);
  await worker.install();
  await worker.activate();
  expect(caches.fetched.sort()).toEqual([...child].sort());
  expect((await caches.keys()).filter((k) => k.startsWith("my-say-staff-"))).toEqual([]);
  caches.fetched = [];
  await worker.message("keep-staff-app");
  expect(caches.fetched.sort()).toEqual([...staff].sort());
  expect(await caches.keys()).toHaveLength(2);
});

test("updating the staff app fetches nothing of the child's, and a tablet without the staff app fetches nothing at all", async () => {
  const source = built();
  const { staff } = files(source);
  // A child's tablet: only the child's app.
  const tablet = new Caches();
  const first = startWorker(source, tablet);
  await first.install();
  await first.activate();
  tablet.fetched = [];
  const next = startWorker(updated(source, "staff"), tablet);
  await next.install();
  await next.activate();
  expect(tablet.fetched).toEqual([]);
  // An IRO's laptop with both: only the staff app's files are fetched.
  const laptop = new Caches();
  const old = startWorker(source, laptop);
  await old.install();
  await old.message("keep-staff-app");
  const before = await laptop.keys();
  laptop.fetched = [];
  const fresh = startWorker(updated(source, "staff"), laptop);
  await fresh.install();
  await fresh.activate();
  expect(laptop.fetched.sort()).toEqual([...staff].sort());
  const after = await laptop.keys();
  expect(after).toHaveLength(2);
  expect(after.filter((k) => before.includes(k))).toEqual(before.filter((k) => k.startsWith("my-say-child-")));
});

test("an update that cannot be fetched leaves both apps' offline copies as they were", async () => {
  const source = built();
  const laptop = new Caches();
  const old = startWorker(source, laptop);
  await old.install();
  await old.activate();
  await old.message("keep-staff-app");
  const before = await laptop.keys();
  laptop.offline = true;
  for (const app of ["child", "staff"] as const) {
    const fresh = startWorker(updated(source, app), laptop);
    await expect(fresh.install()).rejects.toThrow("Failed to fetch");
    // The failed worker is never activated; the old one still answers from its caches.
    expect((await laptop.keys()).sort()).toEqual([...before].sort());
    for (const page of ["/index.html", "/staff/index.html"]) expect(await laptop.match(page)).toBe(`body of ${page}`);
  }
});

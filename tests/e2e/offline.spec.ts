import { test, expect, chromium } from "@playwright/test";
import { cachedFiles, expectNoAxeViolations, openAndKeep, waitUntilKept, fillBookletStart, heading, open, recordRequests, setUpTablet, startBookletFor, waitForServiceWorker } from "./helpers";

test("after one visit (the IRO's set-up link) the child's app opens with the network off, and a booklet starts and carries on offline", async ({ page, context }) => {
  // The first visit: the IRO's set-up link, which keeps tablet set-up for offline use too.
  await setUpTablet(page);
  await waitForServiceWorker(page);
  await waitUntilKept(page, "tablet");
  await context.setOffline(true);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to My Say");
  // Other addresses of the child's app too, straight from their address.
  await page.goto("/booklet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a booklet");
  // The app does not carry the booklets: starting one fetches its band's file, once, and the
  // worker answers from what it kept on the first visit.
  const requests = recordRequests(page);
  const booklets = () => requests.pagePaths().filter((p) => p.startsWith("/booklets/"));
  await fillBookletStart(page, "Sam", "10 to 15");
  await page.locator("button[type=submit]").tap();
  await expect(heading(page)).toContainText("Sam");
  expect([...new Set(booklets())]).toEqual([expect.stringMatching(/^\/booklets\/review-10-15\.[0-9a-f]{16}\.json$/)]);
  // Carried on after a reload, which starts the app afresh (and fetches it again), still offline.
  const fetched = booklets().length;
  await page.reload();
  await expect(heading(page)).toContainText("Sam");
  expect(booklets().length).toBeGreaterThan(fetched);
  // Welsh and Arabic are not in the app either: choosing one fetches its wording, which the
  // worker kept on the first visit.
  await page.goto("/");
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await expect(heading(page)).toHaveText("Croeso i Fy Llais");
  expect(requests.pagePaths().filter((p) => p.startsWith("/locales/"))).toEqual([expect.stringMatching(/^\/locales\/cy\.[0-9a-f]{16}\.json$/)]);
  await page.reload();
  await expect(heading(page)).toHaveText("Croeso i Fy Llais");
  await context.setOffline(false);
});

test.describe("before the app is kept for offline use", () => {
  test.use({ serviceWorkers: "block" });

  test("a language whose wording cannot be fetched is not switched to, and the picker says so", async ({ page }) => {
    await page.route("**/locales/**", (route) => route.abort("internetdisconnected"));
    await open(page, "/");
    await page.getByLabel("Language").selectOption({ label: "العربية" });
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("العربية could not be opened. Connect this tablet to the internet, then try again.");
    await expect(alert.locator('[lang="ar"]')).toHaveText("صِل هذا الجهاز بالإنترنت، ثم حاول مرة أخرى.");
    // Nothing half-switched: the screen, the document and the picker stay English.
    await expect(heading(page)).toHaveText("Welcome to My Say");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByLabel("Language")).toHaveValue("en");
    await expectNoAxeViolations(page, "the language picker when a language cannot be fetched");
    // Once it can be fetched, choosing it again switches.
    await page.unroute("**/locales/**");
    await page.getByLabel("Language").selectOption({ label: "العربية" });
    await expect(heading(page)).toHaveText("أهلاً بك في رأيي");
    await expect(page.getByRole("alert")).toHaveCount(0);
  });

  test("a booklet that cannot be fetched says so, loses nothing, and opens once it can be", async ({ page }) => {
    await setUpTablet(page);
    // No network for the booklet: the form says so and keeps what was typed.
    await page.route("**/booklets/**", (route) => route.abort("internetdisconnected"));
    await page.goto("/booklet");
    await fillBookletStart(page, "Sam", "7 to 9");
    await page.locator("button[type=submit]").tap();
    await expect(page.getByRole("alert").filter({ hasText: "We couldn't open the booklet." })).toBeVisible();
    await expect(heading(page)).toHaveText("Start a booklet");
    await expect(page.getByLabel("Child's first name or initials")).toHaveValue("Sam");
    await expectNoAxeViolations(page, "the start form when the booklet cannot be fetched");
    await page.unroute("**/booklets/**");
    await page.locator("button[type=submit]").tap();
    await expect(heading(page)).toContainText("Sam");
    // Carrying on when the server fails: the draft stays, and the way back leads to it.
    await page.route("**/booklets/**", (route) => route.fulfill({ status: 503, body: "" }));
    await page.reload();
    await expect(heading(page)).toHaveText("We couldn't open the booklet.");
    await expect(page.getByRole("alert")).toContainText("Nothing has been lost.");
    await expectNoAxeViolations(page, "a booklet that cannot be fetched");
    await page.unroute("**/booklets/**");
    await page.getByRole("link", { name: "Start a booklet" }).tap();
    await page.getByRole("link", { name: /Carry on: S/ }).tap();
    await expect(heading(page)).toContainText("Sam");
  });
});

test("a child's tablet keeps only the child's app: the service worker fetches nothing of the tablet set-up, staff or surveys apps", async ({ page }) => {
  const requests = recordRequests(page);
  await open(page, "/");
  await waitForServiceWorker(page);
  await page.getByRole("link", { name: /Fill in my booklet/ }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a booklet");
  await page.waitForLoadState("networkidle");
  const caches = await cachedFiles(page);
  const names = Object.keys(caches);
  expect(names.filter((n) => n.startsWith("my-say-child-"))).toHaveLength(1);
  expect(names.filter((n) => /^my-say-(staff|surveys|tablet)-/.test(n))).toEqual([]);
  const kept = Object.values(caches).flat();
  expect(kept).toContain("/index.html");
  const otherApps = (p: string) => /^\/(staff|surveys|tablet)\//.test(p);
  expect(kept.filter(otherApps)).toEqual([]);
  expect(requests.paths().filter(otherApps)).toEqual([]);
});

test("with the network off, a part of My Say this device has not kept says the internet is needed once, never the browser's error", async ({ page, context }) => {
  // A child's tablet that has only ever opened the child's app.
  await open(page, "/");
  await waitForServiceWorker(page);
  await context.setOffline(true);
  for (const path of ["/tablet", "/surveys", "/iro/reports"]) {
    await page.goto(path);
    await expect(heading(page)).toHaveText("This page needs the internet the first time");
    await expect(page.getByText("Connect to the internet, then try again.")).toBeVisible();
  }
  await expectNoAxeViolations(page, "a part of My Say not kept, offline");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(heading(page)).toHaveText("Welcome to My Say");
  // An address that is the child's own and leads nowhere still says so.
  await page.goto("/no-such-page");
  await expect(heading(page)).toHaveText("We can't find that page");
  await context.setOffline(false);
});

test("after one visit to tablet set-up, it opens with the network off, and a set-up tablet's home screen keeps it", async ({ page, context }) => {
  await setUpTablet(page);
  await waitForServiceWorker(page);
  await waitUntilKept(page, "tablet");
  await context.setOffline(true);
  await page.goto("/tablet");
  await expect(heading(page)).toHaveText("Tablet set-up");
  // Its home link is an ordinary page load of the child's app, offline too.
  await page.getByRole("link", { name: "My Say home" }).click();
  await expect(heading(page)).toHaveText("Welcome to My Say");
  await context.setOffline(false);
  // A tablet set up before set-up was an app of its own has no copy of it: its home screen asks
  // the service worker to keep one, so the answers can be sent offline after the update.
  await page.evaluate(async () => {
    for (const name of await caches.keys()) if (name.startsWith("my-say-tablet-")) await caches.delete(name);
  });
  await page.reload();
  await expect(heading(page)).toHaveText("Welcome to My Say");
  await waitUntilKept(page, "tablet");
  await context.setOffline(true);
  await page.goto("/tablet");
  await expect(heading(page)).toHaveText("Tablet set-up");
  await context.setOffline(false);
});

test("tablet set-up in Welsh opens in Welsh with the network off: its own wording is kept with it", async ({ page, context }) => {
  await openAndKeep(page, "/tablet", "tablet");
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await expect(heading(page)).toHaveText("Gosod y dabled");
  const kept = Object.entries(await cachedFiles(page));
  // Its own Welsh is in set-up's copy, not the child's.
  const own = (files: string[]) => files.filter((f) => /^\/tablet\/locales\/tablet-cy\.[0-9a-f]{16}\.json$/.test(f));
  expect(kept.filter(([name]) => name.startsWith("my-say-tablet-")).flatMap(([, files]) => own(files))).toHaveLength(1);
  expect(kept.filter(([name]) => name.startsWith("my-say-child-")).flatMap(([, files]) => files.filter((f) => f.includes("tablet-")))).toEqual([]);
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page)).toHaveText("Gosod y dabled");
  await expect(page.getByRole("link", { name: "Hafan Fy Llais" })).toBeVisible();
  await context.setOffline(false);
});

test("after one visit to surveys on a tablet, they open with the network off, beside the child's app", async ({ page, context }) => {
  await openAndKeep(page, "/surveys", "surveys");
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page)).toHaveText("Surveys on this tablet");
  // A survey's address with an id is answered too (here, one this tablet does not have).
  await page.goto("/surveys/survey-not-here");
  await expect(heading(page)).toHaveText("That survey is not on this tablet");
  // Its link to the tablet's set-up is an ordinary page load of that app, which the surveys app
  // asked the service worker to keep too: offline as well.
  await waitUntilKept(page, "tablet");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Tablet set-up and sending answers" }).click();
  await expect(heading(page)).toHaveText("Tablet set-up");
  await context.setOffline(false);
});

test("after one visit to the workspace, it opens with the network off, beside the child's app", async ({ page, context }) => {
  await openAndKeep(page, "/iro", "staff");
  // Four wasm files: the child's app and the booklet's, kept together, the staff app, and the
  // staff app's open worker (a large answers file is opened in Web Workers, offline too).
  await expect.poll(async () => Object.values(await cachedFiles(page)).flat().filter((p) => p.endsWith(".wasm")).length).toBe(4);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your IRO workspace");
  await page.goto("/council");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Children in Care Council surveys");
  await page.goto("/demo/reports");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The workspace's home link is an ordinary page load of the child's app, offline too.
  await page.getByRole("link", { name: "My Say home" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to My Say");
  await context.setOffline(false);
});

for (const [app, path, name] of [
  ["child's app", "/", "My Say"],
  // Surveys and set-up on a tablet install as the child's app does: the same manifest, whose
  // scope is "/".
  ["surveys app", "/surveys", "My Say"],
  ["tablet set-up app", "/tablet", "My Say"],
  ["staff workspace", "/iro", "My Say Workspace"],
] as const) {
  test(`the ${app} is installable: Chromium finds no installability errors in its manifest`, async ({ request, baseURL }, testInfo) => {
    // Chromium never offers to install from an incognito window, which is what a test's context
    // is; a persistent profile is a real browser's.
    const context = await chromium.launchPersistentContext(testInfo.outputPath("profile"), {
      ...testInfo.project.use.launchOptions,
      baseURL,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await open(page, path);
    await waitForServiceWorker(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await request.get(href!)).json();
    expect(manifest.name).toBe(name);
    expect(manifest.display).toBe("standalone");
    for (const size of ["180x180", "192x192", "512x512"]) {
      expect(manifest.icons.some((i: { sizes: string; type: string }) => i.sizes === size && i.type === "image/png"), size).toBe(true);
    }
    for (const icon of manifest.icons) expect((await request.get(icon.src)).ok(), icon.src).toBe(true);
    // iPads: "Add to Home Screen" takes the apple-touch-icon and these meta tags.
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    expect((await request.get(touchIcon!)).ok()).toBe(true);
    await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute("content", "yes");
    await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute("content", manifest.short_name);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    await context.close();
  });
}

test("a new version waits until the person chooses it, and is never offered in the middle of a booklet", async ({ page }) => {
  await startBookletFor(page, "Mo", "7 to 9");
  await waitForServiceWorker(page);
  // A new worker for the same scope installs beside the one in charge, and waits (the server
  // ignores the query: it is the same file, under a new script address).
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register("/sw.js?v=2");
    for (let i = 0; i < 200 && !registration.waiting; i++) await new Promise((r) => setTimeout(r, 50));
    if (!registration.waiting) throw new Error("the new worker never waited");
  });
  const notice = page.getByRole("status").filter({ hasText: "A new version of My Say is ready." });
  await expect(notice).toHaveCount(0);
  await expect(heading(page)).toContainText("Mo");
  // Off the booklet, the notice shows; nothing changes until the button is pressed.
  await page.getByRole("link", { name: "My Say home" }).tap();
  await expect(heading(page)).toHaveText("Welcome to My Say");
  await expect(notice).toBeVisible();
  await expectNoAxeViolations(page, "home with the new version notice");
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  // Every app asks for /sw.js when it opens, here the booklet's and the home screen's. On a real
  // device that is the new version's own address; here it differs from the test's ?v=2, so the
  // browser installs it as yet another new worker, which waits in its place. Once it does:
  const waiting = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration?.waiting || registration.installing) return null;
      const url = new URL(registration.waiting.scriptURL);
      return url.pathname + url.search;
    });
  await expect.poll(waiting, { timeout: 15_000 }).toBe("/sw.js");
  await expect(notice).toBeVisible();
  // The page reloads only once the waiting worker has taken over (service_worker::use_new_version).
  const reloaded = page.waitForEvent("load");
  await notice.getByRole("button", { name: "Use the new version" }).tap();
  await reloaded;
  await expect(heading(page)).toHaveText("Welcome to My Say");
  expect(await waiting()).toBeNull();
  await expect(notice).toHaveCount(0);
});

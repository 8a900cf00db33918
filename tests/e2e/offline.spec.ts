import { test, expect, chromium } from "@playwright/test";
import { cachedFiles, expectNoAxeViolations, heading, open, recordRequests, startBookletFor, waitForServiceWorker } from "./helpers";

test("after one visit the child's app opens with the network off", async ({ page, context }) => {
  await open(page, "/");
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to My Say");
  // Other addresses of the child's app too, straight from their address.
  await page.goto("/booklet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a booklet");
  await page.goto("/surveys");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Surveys on this tablet");
  await context.setOffline(false);
});

test("a child's tablet keeps only the child's app: the service worker fetches nothing of the staff app", async ({ page }) => {
  const requests = recordRequests(page);
  await open(page, "/");
  await waitForServiceWorker(page);
  await page.getByRole("link", { name: /Fill in my booklet/ }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a booklet");
  await page.waitForLoadState("networkidle");
  const caches = await cachedFiles(page);
  const names = Object.keys(caches);
  expect(names.filter((n) => n.startsWith("my-say-child-"))).toHaveLength(1);
  expect(names.filter((n) => n.startsWith("my-say-staff-"))).toEqual([]);
  const kept = Object.values(caches).flat();
  expect(kept).toContain("/index.html");
  expect(kept.filter((p) => p.startsWith("/staff/"))).toEqual([]);
  expect(requests.paths().filter((p) => p.startsWith("/staff/"))).toEqual([]);
});

test("after one visit to the workspace, it opens with the network off, beside the child's app", async ({ page, context }) => {
  await open(page, "/iro");
  await waitForServiceWorker(page);
  // The staff app asks the worker to keep its files; wait until it has.
  await expect
    .poll(async () => Object.keys(await cachedFiles(page)).filter((n) => n.startsWith("my-say-staff-")).length, { timeout: 20_000 })
    .toBe(1);
  await expect.poll(async () => Object.values(await cachedFiles(page)).flat().filter((p) => p.endsWith(".wasm")).length).toBe(2);
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
  const reloaded = page.waitForEvent("load");
  await notice.getByRole("button", { name: "Use the new version" }).tap();
  await reloaded;
  await expect(heading(page)).toHaveText("Welcome to My Say");
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js\?v=2$/);
});

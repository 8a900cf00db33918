import { test, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { restoreTestVectorIro } from "./helpers";

// Importing a large answers file: its booklets open in Web Workers (src/bin/open_worker.rs), and
// the page keeps answering while they open and are stored.
test.use({ viewport: { width: 1024, height: 768 } });

const NAME = "large.mysay";
const TOTAL = 2000;
let large: string;

test.beforeAll(() => {
  // 2,000 booklets sealed for the test vectors' IRO (crates/my-say-core/tests/large_answers_file.rs).
  // Chosen by its path: a buffer handed to setInputFiles is decoded on the page's main thread.
  large = join(mkdtempSync(join(tmpdir(), "my-say-large-")), NAME);
  execFileSync("cargo", ["test", "-q", "--offline", "-p", "my-say-core", "--test", "large_answers_file"], {
    env: { ...process.env, MY_SAY_WRITE_LARGE: large },
    stdio: "ignore",
  });
});

/** Notes every task of 50 ms or more (the Long Tasks API), every "Opened N of M" the progress bar
 * shows, and when the first import message appeared, so the import's own tasks can be told from
 * the inbox filling in afterwards. */
async function watchTheImport(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__longTasks = [];
    w.__progress = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    new MutationObserver(() => {
      const words = document.querySelector(".import-results .progress span")?.textContent;
      if (words && !w.__progress.includes(words)) w.__progress.push(words);
      if (w.__savingAt === undefined && words?.includes("Saving")) w.__savingAt = performance.now();
      if (w.__resultAt === undefined && document.querySelector(".import-results li")) w.__resultAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** Every "Opened N of M" the progress bar showed. */
const progressShown = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__progress);

/** Every task of 50 ms or more that started between `from` (a performance.now() time) and the
 * moment every booklet was open (the bar says "Saving"), as "duration at start" in ms from `from`,
 * with when the first result and "Saving" appeared; so a failure says where the task fell. */
const longTasksWhileOpening = (page: Page, from: number): Promise<{ tasks: string[]; saving: number }> =>
  page.evaluate((from) => {
    const w = window as any;
    const during = w.__longTasks.filter((t: { start: number }) => t.start >= from && t.start < w.__savingAt);
    const tasks = during.map((t: { start: number; duration: number }) => `${Math.round(t.duration)} ms at ${Math.round(t.start - from)} ms`);
    return { tasks, saving: Math.round(w.__savingAt - from) };
  }, from);

const OPENED = new RegExp(`^Opened \\d+ of ${TOTAL}$`);
const SAVING = `Opened ${TOTAL} of ${TOTAL}. Saving them in your workspace…`;

async function importLarge(page: Page) {
  const from = await page.evaluate(() => performance.now());
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles(large);
  return from;
}

test("a large answers file opens in Web Workers, with a progress bar, while the page stays responsive", async ({ page }) => {
  test.setTimeout(180_000);
  await watchTheImport(page);
  await restoreTestVectorIro(page);
  // No worker yet: the workspace starts one only when a file is imported.
  expect(page.workers()).toHaveLength(0);
  const started = page.waitForEvent("worker");
  const from = await importLarge(page);
  const loader = new URL((await started).url()).pathname;
  expect(loader).toMatch(/^\/staff\/open_worker-[0-9a-f]{16}_loader\.js$/);
  await expect(page.locator(".import-results li")).toHaveText(`Added ${TOTAL} booklets from ${NAME}`, { timeout: 120_000 });
  await expect(page.locator(".import-results li")).toHaveClass(/success/);
  // The bar moved, booklet by booklet, to the total, then said the booklets were being saved.
  const shown = await progressShown(page);
  expect(shown.length, shown.join("; ")).toBeGreaterThan(2);
  expect(shown.slice(0, -1).every((words) => OPENED.test(words)), shown.join("; ")).toBe(true);
  expect(shown.at(-1)).toBe(SAVING);
  // The workers are ended once the file has opened.
  await expect.poll(() => page.workers().length).toBe(0);
  // While 2,000 booklets opened, no task of the page's kept it from painting or answering a tap
  // for 50 ms.
  const { tasks, saving } = await longTasksWhileOpening(page, from);
  expect(tasks, `tasks of 50 ms or more before "Saving" at ${saving} ms`).toEqual([]);
  await expect(page.getByText(`Showing ${TOTAL} of ${TOTAL} booklets.`)).toBeVisible({ timeout: 60_000 });

  // The service worker keeps the worker's files with the staff app's offline copy.
  for (const path of [loader, loader.replace(/_loader\.js$/, ".js"), loader.replace(/_loader\.js$/, "_bg.wasm")]) {
    const kept = () =>
      page.evaluate(async (path) => {
        const staff = (await caches.keys()).find((name) => name.startsWith("my-say-staff-"));
        return staff !== undefined && (await (await caches.open(staff)).match(path)) !== undefined;
      }, path);
    await expect.poll(kept, { message: path, timeout: 30_000 }).toBe(true);
  }

  // The same file again adds nothing.
  await importLarge(page);
  await expect(page.locator(".import-results li")).toHaveText(`Nothing new: all ${TOTAL} booklets in ${NAME} were already here`, { timeout: 120_000 });
});

test("a browser that cannot start a Web Worker imports a large answers file on the page instead", async ({ page }) => {
  test.setTimeout(180_000);
  // An older browser, or one whose policy forbids workers.
  await page.addInitScript(() => {
    delete (window as any).Worker;
  });
  await watchTheImport(page);
  await restoreTestVectorIro(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await importLarge(page);
  await expect(page.locator(".import-results li")).toHaveText(`Added ${TOTAL} booklets from ${NAME}`, { timeout: 120_000 });
  const shown = await progressShown(page);
  expect(shown.length, shown.join("; ")).toBeGreaterThan(2);
  expect(shown.at(-1)).toBe(SAVING);
  expect(workers).toEqual([]);
  await expect(page.getByText(`Showing ${TOTAL} of ${TOTAL} booklets.`)).toBeVisible({ timeout: 60_000 });
});

import { test, expect, type Browser, type Page } from "@playwright/test";
import { closeSync, ftruncateSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseWorkspaceFile, dumpStorage, heading, isoDate, openWorkspacePage, restoreTestVectorIro, VECTOR } from "./helpers";

// The corpus and the message each file gets: tests/e2e/fixtures/hostile/README.md. Every file is
// imported on its own, and the workspace's storage is compared byte for byte before and after.
const HOSTILE = "tests/e2e/fixtures/hostile";
const fixture = (name: string, mimeType = "application/octet-stream") => ({ name, mimeType, buffer: readFileSync(join(HOSTILE, name)) });

/** A browser without the service worker, so that nothing but the page writes to storage. */
async function quietPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  return context.newPage();
}

const ANSWERS_FILES: [string, string][] = [
  ["empty.mysay", "This file is empty."],
  ["wrong-magic.mysay", "This is not a My Say answers file."],
  ["truncated.mysay", "This answers file is incomplete: it was cut short"],
  ["forged-header.mysay", "This answers file has been damaged or changed since it was made"],
  ["future-version.mysay", "This answers file was made by a newer version of My Say (format 9)."],
  ["tampered.mysay", "Booklet 1 of 1 in this file has been changed or damaged since it was sealed"],
  ["sealed-for-another-key.mysay", "These answers were sealed for a different reviewing officer's key"],
  ["not-a-booklet.mysay", "Booklet 1 in this file opened, but what is inside is not a booklet"],
  ["survey-with-child-details.mysay", "Booklet 1 in this file is a council survey answer but holds a child's details, and survey answers are anonymous. Nothing was imported."],
  ["survey-bad-id.mysay", 'Booklet 1 in this file says it answers a council survey, but "survey-../booklet" is not a survey id. Nothing was imported.'],
  ["no-completion-time.mysay", "Booklet 1 in this file has no readable time it was finished, so it could never be deleted by date. Nothing was imported."],
];

test("every hostile answers file is refused with its message and changes nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await quietPage(browser);
  await restoreTestVectorIro(page, { timeout: 30_000 });
  const picker = page.getByLabel("Choose answers files", { exact: true });
  const results = page.locator(".import-results li");
  const before = await dumpStorage(page);
  expect(before).not.toBe("");

  for (const [name, message] of ANSWERS_FILES) {
    await picker.setInputFiles(fixture(name));
    // The first file also opens the workspace's store: slow on a loaded machine.
    await expect(results).toHaveCount(1, { timeout: 15_000 });
    await expect(results.first()).toContainText(`${name}: ${message}`);
    await expect(results.first()).toHaveClass(/error/);
    expect(await dumpStorage(page), name).toBe(before);
  }

  // Too big to read: refused from its size alone (a sparse file, 64 MB and one byte).
  const big = join(tmpdir(), `oversized-${process.pid}.mysay`);
  const fd = openSync(big, "w");
  ftruncateSync(fd, 64 * 1024 * 1024 + 1);
  closeSync(fd);
  await picker.setInputFiles(big);
  await expect(results.first()).toContainText("the file is larger than 64 MB, the most My Say reads for this kind of file");
  expect(await dumpStorage(page), "oversized").toBe(before);
  await expect(page.locator(".inbox-table tbody tr")).toHaveCount(0);
});

test("a booklet already here with other answers is shown as a conflict and both are kept; a finishing date in the future becomes today", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await quietPage(browser);
  await restoreTestVectorIro(page, { timeout: 30_000 });
  const picker = page.getByLabel("Choose answers files", { exact: true });
  const results = page.locator(".import-results li");
  const rows = page.locator(".inbox-table tbody tr");

  await picker.setInputFiles(fixture("duplicate-id-first.mysay"));
  await expect(results.first()).toHaveText("Added 1 booklet from duplicate-id-first.mysay");
  await expect(rows).toHaveCount(1);
  const first = await dumpStorage(page);

  await picker.setInputFiles(fixture("duplicate-id-different.mysay"));
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveClass(/warning/);
  await expect(results.first()).toContainText(
    "duplicate-id-different.mysay: the booklet for Amira finished 2026-11-21 09:00 UK time has the same id as the booklet here finished 2026-11-20 10:00 UK time, but other answers. Both are kept",
  );
  // The booklet here is unchanged and no worry opened from the other copy, which is kept apart.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("2026-11-20");
  await expect(page.locator(".inbox-table .worry-mark")).toHaveCount(0);
  const kept = await dumpStorage(page);
  expect(kept).not.toBe(first);
  // Again: still named, kept only once.
  await picker.setInputFiles(fixture("duplicate-id-different.mysay"));
  await expect(results.first()).toContainText("the booklet for Amira finished 2026-11-21 09:00 UK time");
  expect(await dumpStorage(page)).toBe(kept);

  await picker.setInputFiles(fixture("future-completion.mysay"));
  await expect(results.nth(0)).toHaveText("Added 1 booklet from future-completion.mysay");
  await expect(results.nth(1)).toContainText("future-completion.mysay: a booklet said it was finished after today (the tablet's clock was probably wrong). It now says it was finished today");
  await expect(rows.filter({ hasText: "Kai" })).toContainText(isoDate(new Date()));
});

test("hostile workspace files are refused with their message and change nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await quietPage(browser);
  await restoreTestVectorIro(page, { timeout: 30_000 });
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Export and data care" }).click();
  await expect(heading(page)).toHaveText("Export and data care");
  const before = await dumpStorage(page);
  const results = page.locator(".import-results li");
  for (const [name, message] of [
    ["malformed-workspace.json", "This file is not a My Say export (EOF while parsing"],
    ["workspace-survey-in-booklets.json", 'survey answers belong in "survey_answers"'],
    ["workspace-named-survey-answer.json", "holds a child's details, but survey answers are anonymous"],
  ]) {
    await chooseWorkspaceFile(page, fixture(name, "application/json"));
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText(`${name}: `);
    await expect(results.first()).toContainText(message);
    expect(await dumpStorage(page), name).toBe(before);
  }
});

test("a workspace file edited by hand says so, needs a second confirmation, and Cancel at either step changes nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await quietPage(browser);
  await restoreTestVectorIro(page, { timeout: 30_000 });
  await openWorkspacePage(page, "Export and data care");
  const before = await dumpStorage(page);
  const file = fixture("workspace-edited-by-hand.json", "application/json");
  const results = page.locator(".import-results li");

  // Sam's own export, with one name changed: listed, and said to be changed since.
  let plan = await chooseWorkspaceFile(page, file);
  await expect(plan).toContainText("This file says it was exported from this workspace, but it has been changed since");
  await expect(plan.locator(".import-changes > li")).toHaveText(["1 booklet added", "1 follow-up added"]);
  expect(await dumpStorage(page), "listed").toBe(before);
  await plan.getByRole("button", { name: "Cancel" }).click();
  await expect(results).toHaveText(["workspace-edited-by-hand.json: nothing was imported."]);
  expect(await dumpStorage(page), "cancelled at the list").toBe(before);

  // The first confirmation only asks again; Cancel there changes nothing either.
  plan = await chooseWorkspaceFile(page, file);
  await plan.getByRole("button", { name: "Apply these changes" }).click();
  await expect(plan.getByRole("button", { name: "Yes, apply the changes from this file" })).toBeVisible();
  expect(await dumpStorage(page), "confirmed once").toBe(before);
  await plan.getByRole("button", { name: "Cancel" }).click();
  await expect(results).toHaveText(["workspace-edited-by-hand.json: nothing was imported."]);
  expect(await dumpStorage(page), "cancelled at the second question").toBe(before);

  // Both confirmations: imported, with the name as the file has it.
  plan = await chooseWorkspaceFile(page, file);
  await plan.getByRole("button", { name: "Apply these changes" }).click();
  await plan.getByRole("button", { name: "Yes, apply the changes from this file" }).click();
  await expect(results).toHaveText(["workspace-edited-by-hand.json: added 1 booklets and 1 follow-ups; 0 booklets were here already."]);
  expect(await dumpStorage(page)).not.toBe(before);
});

test("a recovery file asking Argon2 for absurd memory is refused before it runs and changes nothing", async ({ browser }) => {
  const page = await quietPage(browser);
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  const before = await dumpStorage(page);
  await page.getByLabel("Recovery file", { exact: true }).setInputFiles(fixture("recovery-absurd-argon2.json", "application/json"));
  await page.getByLabel("Passphrase of the recovery file", { exact: true }).fill(VECTOR.recovery_passphrase);
  await page.getByRole("button", { name: "Restore my workspace" }).click();
  await expect(page.getByText("This key file asks for far more memory or time than My Say will use, so it was not opened.")).toBeVisible();
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  expect(await dumpStorage(page)).toBe(before);
});

test("a key file whose name hides characters is refused on the tablet and changes nothing", async ({ browser }) => {
  const page = await quietPage(browser);
  await page.goto("/tablet");
  await expect(heading(page)).toBeVisible();
  // The tablet page opens its store (and makes the device key) as it loads: wait for that, so
  // that "before" is the page at rest and not a race with its first write.
  await expect.poll(() => dumpStorage(page), { timeout: 10_000 }).toContain("my-say/device: ");
  const before = await dumpStorage(page);
  await page.getByLabel("Add an IRO from a key file").setInputFiles(fixture("key-file-bidi-name.json", "application/json"));
  await expect(page.getByText("key-file-bidi-name.json is not an IRO key file:")).toBeVisible();
  await expect(page.getByText("key-file-bidi-name.json is not an IRO key file:")).toContainText("hidden characters");
  expect(await dumpStorage(page)).toBe(before);
});

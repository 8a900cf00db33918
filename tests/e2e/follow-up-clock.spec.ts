import { test, expect, type Page } from "@playwright/test";
import { answersFileFromATablet, finishBooklet, heading, restoreTestVectorIro } from "./helpers";

// A follow-up is due two working days after the child finished the booklet, not after the
// answers reached the IRO (docs/reports.md). Both devices' clocks are fixed: the tablet's on the
// day the child spoke, the IRO's three days later.
const FINISHED = new Date("2026-12-06T10:00:00Z"); // a Sunday: due Tuesday 8 December
const IMPORTED = new Date("2026-12-09T10:00:00Z"); // the Wednesday after

/** A child who says "No" to feeling safe where they live, and skips the rest. */
const notSafe = async (page: Page, question: string) => {
  if (/feel safe where you live/.test(question)) {
    await page.locator(".answers .option label").filter({ hasText: /^\s*No\s*$/ }).tap();
  }
};

test("an IRO imports a booklet finished three days ago and sees it overdue at once", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const file = await answersFileFromATablet(browser, async (tablet) => {
    await tablet.clock.setFixedTime(FINISHED);
    await finishBooklet(tablet, "Ola", "10 to 15", { answer: notSafe });
  });

  await page.clock.setFixedTime(IMPORTED);
  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
  await expect(page.getByText(`Added 1 booklet from ${file.name}`)).toBeVisible();
  // At the top of the booklets, straight after the import: overdue, and overdue on arrival.
  const arrivedOverdue = "Overdue follow-ups: 1. 1 of them were already overdue when the answers arrived";
  await expect(page.getByText(arrivedOverdue)).toBeVisible();

  // The follow-ups page says the same, and the follow-up says when the child finished.
  await page.locator("nav.iro-nav").getByRole("link", { name: "Follow-ups" }).click();
  await expect(heading(page)).toHaveText("Follow-ups");
  await expect(page.getByText(arrivedOverdue)).toBeVisible();
  const card = page.locator(".follow-up", { hasText: "Ola" }).first();
  await expect(card).toContainText("2026-12-06");
  await expect(card).toContainText("Overdue");

  // The summary says when the child finished, on the UK clock.
  await page.locator("nav.iro-nav").getByRole("link", { name: "Booklets" }).click();
  await page.locator(".inbox-table tbody th a", { hasText: "Ola" }).click();
  const finished = page.locator(".summary-facts div", { has: page.getByText("Finished", { exact: true }) }).locator("dd");
  await expect(finished).toHaveText(/^2026-12-06 \d\d:\d\d UK time$/);
});

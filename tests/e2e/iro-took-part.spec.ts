import { test, expect, type Page } from "@playwright/test";
import { answersFileFromATablet, finishBooklet, heading, restoreTestVectorIro } from "./helpers";

// How a child took part, recorded by the adult on the start form, and a simpler booklet than
// their age band's: the IRO's summary says both, and the child stays in their own age band.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

/** The summary fact (a `dt` and its `dd`) named `term`. */
function fact(page: Page, term: string) {
  return page.locator(".summary-facts > div").filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole("definition");
}

test("the summary shows how the child took part", async ({ browser, page }) => {
  test.setTimeout(180_000);
  // Ola is 10 to 15; an adult reads the booklet to her, with symbols, and gives her the 7 to 9 booklet.
  const file = await answersFileFromATablet(browser, async (tablet) => {
    // A simpler booklet is a younger band's: the 7 to 9 booklet is not simpler for a 4 to 6 child.
    await tablet.goto("/booklet");
    await tablet.getByLabel("Child's first name or initials").fill("Ola");
    await tablet.getByText("4 to 6", { exact: true }).tap();
    await tablet.getByLabel("Date of the review").fill("2026-12-01");
    await tablet.getByLabel("Use a simpler booklet (optional)").selectOption({ label: "The 7 to 9 booklet" });
    await tablet.getByRole("button", { name: "Start the booklet" }).tap();
    await expect(tablet.getByRole("link", { name: "A simpler booklet is for a younger age band than the child's." })).toBeVisible();
    await finishBooklet(tablet, "Ola", "10 to 15", {
      tookPart: ["An adult reads it to them", "With symbols"],
      simpler: "The 7 to 9 booklet",
    });
  });

  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
  await expect(page.getByText(`Added 1 booklet from ${file.name}`)).toBeVisible();
  // Counted in her own age band, not the booklet's.
  const row = page.locator(".inbox-table tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("10 to 15");
  await expect(row).not.toContainText("7 to 9");

  await row.getByRole("link", { name: "Ola" }).click();
  await expect(heading(page)).toHaveText("Ola's booklet");
  await expect(fact(page, "Age")).toHaveText("10 to 15");
  await expect(fact(page, "Booklet used")).toHaveText("For ages 7 to 9: simpler than their age band's");
  await expect(fact(page, "How they took part")).toHaveText("An adult read it to them; With symbols");
});

test("a child on their own band's booklet has no booklet-used line, and nothing recorded shows nothing", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const file = await answersFileFromATablet(browser, async (tablet) => {
    await finishBooklet(tablet, "Ben", "7 to 9");
  });
  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
  await expect(page.getByText(`Added 1 booklet from ${file.name}`)).toBeVisible();
  await page.locator(".inbox-table tbody tr").getByRole("link", { name: "Ben" }).click();
  await expect(heading(page)).toHaveText("Ben's booklet");
  await expect(fact(page, "Age")).toHaveText("7 to 9");
  await expect(page.getByText("How they took part")).toHaveCount(0);
  await expect(page.getByText("Booklet used")).toHaveCount(0);
});

import { test, expect, type Page } from "@playwright/test";
import { answersFileFromATablet, download, expectNoAxeViolations, finishBooklet, heading, parseCsv, pdfPageCount, printPdf, restoreTestVectorIro, sideways, unlockWorkspace, VECTOR } from "./helpers";

// The IRO's inbox, pre-review summaries and follow-ups, on a tablet-sized screen.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });
// One answers file, made once on a "tablet", serves every test here.
test.describe.configure({ mode: "serial" });

const OWN_AGENDA = "Seeing my brother more";

/** How a child answers: whether they feel safe and are worried, what they skip, and their own words. */
type Child = { safe: string; worried: string; skip: RegExp; details: string; goodNews: string; anythingElse: string };

/** Tia, 10 to 15: a complete booklet with two worries, one "I'd rather not say", two skipped. */
const TIA: Child = {
  safe: "No",
  worried: "Yes",
  skip: /How is school going|what an advocate is/,
  details: "Someone at school keeps taking my phone and I don't want to get the bus any more.",
  goodNews: "I got into the football team and scored twice on Saturday.",
  anythingElse: "Can my review be after school please, not in the morning.",
};

/** Kai, 16 and over: the longest booklet, nearly every question answered at length, and no
 * worry (nothing worrying: "not sure" would be one, as would "I'd rather not say"). */
const KAI: Child = {
  safe: "Yes",
  worried: "No",
  skip: /college, training or work/,
  details: "Not sure if my placement ends when I turn 18 and where I will live after that. I would like to talk about it first.",
  goodNews: "I passed my driving theory test and started a part-time job at the café on Saturdays, which I really like.",
  anythingElse: "Please send the notes of the review to me by email, and can my personal adviser come to the next one?",
};

/** Answers each question of a booklet the way `child` would, touching the screen. */
function answerAs(child: Child) {
  return async (page: Page, question: string): Promise<"answered" | "skip"> => {
    const option = (label: string) => page.locator(".answers .option label").filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
    if (/feel safe where you live/.test(question)) await option(child.safe).tap();
    else if (/worrying you at the moment/.test(question)) await option(child.worried).tap();
    // Nobody is bullying either of them: their worries are the ones above.
    else if (/bullying you/.test(question)) await option("No").tap();
    else if (/break during your review/.test(question)) await option("I'd rather not say").tap();
    else if (child.skip.test(question)) return "skip";
    else if (/start with/.test(question)) {
      // The agenda: two of the options, then one in the child's own words.
      const labels = page.locator(".answers .option label");
      await labels.nth(2).tap();
      await labels.nth(0).tap();
      await page.locator(".own-words-add input").fill(OWN_AGENDA);
      await page.getByRole("button", { name: "Add", exact: true }).tap();
    } else if (/Who would you like to be at your review/.test(question)) {
      const labels = page.locator(".answers .option label");
      await labels.nth(0).tap();
      await labels.nth(1).tap();
    } else if (await page.locator(".answers.faces").count()) {
      // Faces, saddest first: mostly happy.
      await page.locator(".answers.faces .option label").nth(3).tap();
    } else if (await page.locator(".own-words textarea").count()) {
      const words = /Tell me about it/.test(question) ? child.details : /good news/i.test(question) ? child.goodNews : child.anythingElse;
      await page.locator(".own-words textarea").fill(words);
    } else {
      await page.locator(".answers .option label").first().tap();
    }
    return "answered";
  };
}

/** Restores the test vector's IRO (Sam Patel) on this browser and imports `file`. */
async function workspaceWith(page: Page, file: { name: string; buffer: Buffer }) {
  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
  await expect(page.getByText(`Added 2 booklets from ${file.name}`)).toBeVisible();
}

let answers: { name: string; buffer: Buffer };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // Made on a separate tablet: Tia (10 to 15), then Kai (16 and over), each with a case reference.
  answers = await answersFileFromATablet(browser, async (page) => {
    await finishBooklet(page, "Tia", "10 to 15", { caseReference: "CR-TIA", answer: answerAs(TIA) });
    await finishBooklet(page, "Kai", "16 and over", { caseReference: "CR-KAI", answer: answerAs(KAI) });
  });
});

test("import a bundle, read a summary, print it on one A4 page, close a follow-up and export the follow-ups", async ({ page }) => {
  test.setTimeout(180_000);
  await workspaceWith(page, answers);

  // The inbox: Tia's worrying booklet first although Kai's is newer; both unread.
  const rows = page.locator(".inbox-table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Showing 2 of 2 booklets.")).toBeVisible();
  await expect(rows.nth(0).locator("th")).toHaveText("Tia");
  await expect(rows.nth(0)).toHaveClass(/worrying/);
  await expect(rows.nth(0)).toContainText("Open: 2");
  await expect(rows.nth(0)).toContainText("10 to 15");
  await expect(rows.nth(0)).toContainText("2026-12-01");
  await expect(rows.nth(0)).toContainText("New");
  await expect(rows.nth(1).locator("th")).toHaveText("Kai");
  await expect(rows.nth(1)).toContainText("None");
  await expectNoAxeViolations(page, "inbox");

  // Search and filters.
  await page.getByLabel("Search by name or case reference").fill("cr-kai");
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator("th")).toHaveText("Kai");
  await page.getByRole("button", { name: "Show all booklets" }).click();
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Only with open worries").check();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator("th")).toHaveText("Tia");
  await page.getByLabel("Only with open worries").uncheck();
  await page.getByLabel("Age band").selectOption({ label: "16 and over" });
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator("th")).toHaveText("Kai");
  await page.getByLabel("Search by name or case reference").fill("tia");
  await expect(page.getByText("No booklets match.")).toBeVisible();
  await expectNoAxeViolations(page, "inbox with no match");
  await page.getByRole("button", { name: "Show all booklets" }).click();

  // Tia's summary: the agenda first in her order and words, then the planning, worries, good news, the rest.
  await rows.nth(0).getByRole("link", { name: "Tia" }).click();
  await expect(heading(page)).toHaveText("Tia's booklet");
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveURL(/\/iro\/booklet\/[0-9a-f]{32}$/);
  const parts = await page.locator(".summary-part h2").allTextContents();
  expect(parts.slice(0, 7)).toEqual([
    "What I want to talk about first",
    "Who comes",
    "Where and when",
    "A break, and leaving",
    "Not to talk about",
    "Worries",
    "Good news",
  ]);
  expect(parts.slice(7)).toContain("Home");
  const agenda = page.locator(".part-agenda ol li");
  await expect(agenda).toHaveCount(3);
  await expect(agenda.nth(2)).toHaveText(OWN_AGENDA);
  const worries = page.locator(".part-worries .summary-item");
  await expect(worries.filter({ hasText: "Do you feel safe where you live?" })).toContainText("Worry");
  await expect(worries.filter({ hasText: "Do you feel safe where you live?" })).toContainText("No");
  await expect(worries.filter({ hasText: "Tell me about it." })).toContainText(TIA.details);
  await expect(page.locator(".summary-item.worrying")).toHaveCount(2);
  await expect(page.getByText("Worries still open: 2.")).toBeVisible();
  await expect(page.locator(".summary-item", { hasText: "Would you like a break during your review?" })).toContainText("I'd rather not say");
  await expect(page.locator(".summary-item", { hasText: "How is school going for you?" }).locator(".summary-a")).toHaveText("Unanswered");
  await expect(page.locator(".summary-item", { hasText: "Any good news?" })).toContainText(TIA.goodNews);
  await expectNoAxeViolations(page, "summary");

  // Printed, it is one clean A4 page: no app header, workspace bar, navigation or buttons.
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".app-header", ".iro-bar", ".iro-nav", ".summary-actions", ".delete-booklet"]) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  // (page.pdf prints with whatever media is emulated: print, as here, is what a browser uses.)
  const pdf = await printPdf(page, "summary.pdf");
  await page.emulateMedia({ media: null });
  const pages = pdfPageCount(pdf);
  test.info().annotations.push({ type: "summary PDF pages", description: String(pages) });
  console.log(`summary PDF: ${pages} page(s), ${pdf.length} bytes`);
  expect(pages).toBe(1);

  // Back in the inbox, Tia's booklet is read.
  await page.getByRole("link", { name: "Back to the booklets" }).click();
  await expect(rows.nth(0)).toContainText("Read");

  // Follow-ups: both of Tia's worries are open, due two working days after the import.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Follow-ups" }).click();
  await expect(heading(page)).toHaveText("Follow-ups");
  await expect(heading(page)).toBeFocused();
  await expect(page.getByRole("heading", { name: "Open: 2" })).toBeVisible();
  const cards = page.locator(".follow-up");
  await expect(cards).toHaveCount(2);
  await expectNoAxeViolations(page, "follow-ups");

  // Closing needs a note: the form says so and keeps what was chosen.
  const safe = cards.filter({ hasText: "Do you feel safe where you live?" });
  await safe.getByRole("button", { name: "Record what was done" }).click();
  await page.getByText("Action taken", { exact: true }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#record-errors")).toContainText("Write what was done, or why nothing more is needed, to close this.");
  await expect(page.locator("#record-errors")).toBeFocused();
  await expectNoAxeViolations(page, "record form with an error");
  await page.getByLabel("Note", { exact: true }).fill("Spoke to Tia and her carer; school is moving her bus pass.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. The follow-up is closed.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Closed: 1" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open: 1" })).toBeVisible();
  const closed = page.locator(".follow-up.status-closed");
  await expect(closed).toContainText("Do you feel safe where you live?");
  await expect(closed).toContainText("Action taken: Spoke to Tia and her carer");

  // The follow-ups CSV parses back: a row each, the closure and the note kept.
  const { name, text } = await download(page, "Download the follow-ups (CSV)");
  expect(name).toMatch(/^my-say-follow-ups-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const table = parseCsv(text.slice(1));
  expect(table[0]).toEqual(["id", "booklet_id", "question_id", "child_name", "case_reference", "opened_on", "due_on", "status", "closed_on", "closed_by", "actions"]);
  expect(table).toHaveLength(3);
  const byQuestion = Object.fromEntries(table.slice(1).map((r) => [r[2], Object.fromEntries(table[0].map((h, i) => [h, r[i]]))]));
  expect(Object.keys(byQuestion).sort()).toEqual(["feel_safe", "worries"]);
  expect(byQuestion.feel_safe).toMatchObject({ child_name: "Tia", case_reference: "CR-TIA", status: "closed", closed_by: "action taken" });
  expect(byQuestion.feel_safe.actions).toMatch(/^\d{4}-\d{2}-\d{2} action taken: Spoke to Tia and her carer; school is moving her bus pass\.$/);
  expect(byQuestion.worries).toMatchObject({ status: "open", closed_on: "", actions: "" });

  // The inbox now has one open worry for Tia.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Booklets" }).click();
  await expect(rows.nth(0)).toContainText("Open: 1");
});

test("overdue follow-ups stand out, bank holidays are edited, and one booklet is deleted after confirming", async ({ page }) => {
  test.setTimeout(120_000);
  await workspaceWith(page, answers);
  const nav = page.getByRole("navigation", { name: "Workspace" });

  // A week later, both of Tia's worries are overdue. A week without input locks the workspace
  // (the first touch after the clock jumps): unlock it again.
  await page.clock.setFixedTime(new Date(Date.now() + 7 * 24 * 3600 * 1000));
  await page.mouse.move(5, 5);
  await unlockWorkspace(page, VECTOR.recovery_passphrase);
  await expect(heading(page)).toHaveText("IRO workspace", { timeout: 20_000 });
  await nav.getByRole("link", { name: "Follow-ups" }).click();
  await expect(page.getByRole("heading", { name: "Overdue: 2" })).toBeVisible();
  await expect(page.locator(".follow-up.status-overdue")).toHaveCount(2);
  await expect(page.locator(".follow-up.status-overdue").first()).toContainText("Overdue");
  await expectNoAxeViolations(page, "overdue follow-ups");

  // With the keyboard alone: open the form, choose, write, save. Cancel gives focus back.
  const record = page.locator(".follow-up").first().getByRole("button", { name: "Record what was done" });
  await record.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#record-kind-legend")).toBeFocused();
  await page.getByRole("button", { name: "Cancel", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(record).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#record-kind-legend")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Explored with the child")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Explored with the child")).toBeChecked();
  for (let i = 0; i < 10 && !(await page.getByLabel("Note", { exact: true }).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.type("Talked at the contact centre; she wants her carer told.");
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await page.getByRole("button", { name: "Save", exact: true }).evaluate((el) => el === document.activeElement)) break;
  }
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved. The follow-up is still open.")).toBeFocused();
  await expect(page.locator(".follow-up-log").first()).toContainText("Explored with the child: Talked at the contact centre");
  await expect(page.getByRole("heading", { name: "Overdue: 2" })).toBeVisible();

  // Bank holidays: a bad line is named; a good list is saved.
  const holidays = page.getByLabel("Bank holidays", { exact: true });
  await expect(holidays).toHaveValue(/^2024-01-01\n/);
  await holidays.fill("2026-12-25\n25/12/2026\n2026-12-28");
  await page.getByRole("button", { name: "Save bank holidays" }).click();
  await expect(page.getByText('Line 2: "25/12/2026" is not a date written like 2026-12-25.')).toBeVisible();
  await expect(holidays).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "bank holidays with an error");
  await holidays.fill("2026-12-28\n2026-12-25");
  await page.getByRole("button", { name: "Save bank holidays" }).click();
  await expect(page.getByText(/^Bank holidays saved: 2\./)).toBeVisible();
  await expect(holidays).toHaveValue("2026-12-25\n2026-12-28");
  await page.getByRole("button", { name: "Use the England and Wales list" }).click();
  await expect(holidays).toHaveValue(/^2024-01-01\n/);

  // Delete Kai's booklet: nothing happens until the IRO confirms.
  await nav.getByRole("link", { name: "Booklets" }).click();
  const rows = page.locator(".inbox-table tbody tr");
  await rows.filter({ hasText: "Kai" }).getByRole("link", { name: "Kai" }).click();
  await expect(heading(page)).toHaveText("Kai's booklet");
  await expect(page.locator(".summary-item", { hasText: "How are college, training or work going?" }).locator(".summary-a")).toHaveText("Unanswered");
  await expect(page.locator(".summary-item", { hasText: "Tell me about it." })).toHaveCount(0);
  await expect(page.locator(".summary-item.worrying")).toHaveCount(0);
  // The longest booklet, answered at length, still prints on one page.
  await page.emulateMedia({ media: "print" });
  const pdf = await printPdf(page, "summary-16-plus.pdf");
  await page.emulateMedia({ media: null });
  console.log(`16+ summary PDF: ${pdfPageCount(pdf)} page(s)`);
  expect(pdfPageCount(pdf)).toBe(1);
  await page.getByRole("button", { name: "Delete this booklet" }).click();
  await expect(page.locator("#delete-confirm")).toBeFocused();
  await expectNoAxeViolations(page, "delete confirmation");
  await page.getByRole("button", { name: "No, keep it" }).click();
  await page.getByRole("button", { name: "Delete this booklet" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(heading(page)).toHaveText("Booklet deleted");
  await expect(page.getByText("Kai's booklet, its follow-ups and your notes have been deleted from this device.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the booklets" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator("th")).toHaveText("Tia");

  // The summary reads in Welsh and in right-to-left Arabic too.
  await rows.nth(0).getByRole("link", { name: "Tia" }).click();
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await expect(heading(page)).toHaveText("Llyfryn Tia");
  await expect(page.getByRole("heading", { name: "Beth rydw i eisiau siarad amdano gyntaf" })).toBeVisible();
  await expectNoAxeViolations(page, "summary in Welsh");
  await page.getByLabel("Iaith").selectOption({ label: "العربية" });
  await expect(heading(page)).toHaveText("كتيّب Tia");
  await expectNoAxeViolations(page, "summary in Arabic");
  await page.getByLabel("اللغة").selectOption({ label: "English" });

  // On a 320 px phone nothing scrolls sideways (the inbox's table scrolls inside its own box).
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(heading(page)).toHaveText("Tia's booklet");
  expect(await sideways(page), "summary at 320 px").toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "summary at 320 px");
  await nav.getByRole("link", { name: "Booklets" }).click();
  await expect(rows).toHaveCount(1);
  expect(await sideways(page), "inbox at 320 px").toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "inbox at 320 px");
  await nav.getByRole("link", { name: "Follow-ups" }).click();
  await page.locator(".follow-up").first().getByRole("button", { name: "Record what was done" }).click();
  expect(await sideways(page), "follow-ups at 320 px").toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "follow-ups at 320 px");
});

import { test, expect, type Page } from "@playwright/test";
import { answersFileFromATablet, csvRecords, download, expectNoAxeViolations, finishBooklet, heading, restoreTestVectorIro } from "./helpers";

// The optional topics of a booklet (revision 5): the adult can switch one on before handing the
// tablet over, the child can switch one on themselves, and the IRO sees the answers in the
// summary and "felt listened to" in the reports' being-heard figures.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

/** Ola, 7 to 9: the adult switched on "Who I am"; she switches on her social worker herself. */
async function answerAsOla(page: Page, question: string) {
  const option = (label: string) => page.locator(".answers .option label").filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
  if (/^Do you want to tell us about who you are\?$/.test(question)) {
    // Switched on by the adult: "Yes" is already chosen, and she keeps it.
    await expect(page.getByRole("radio", { name: /^Yes/ })).toBeChecked();
    await expectNoAxeViolations(page, "a topic's first question, switched on by the adult");
  } else if (/^Do you want to tell us about your social worker\?$/.test(question)) {
    await expect(page.getByRole("radio", { name: /^Yes/ })).not.toBeChecked();
    await option("Yes").tap();
  } else if (/^Do you know who your social worker is\?$/.test(question)) await option("Yes").tap();
  else if (/^Can you talk to your social worker when you need to\?$/.test(question)) await option("No").tap();
  else if (/help you with your culture, religion and language/.test(question)) await option("Yes").tap();
  else if (/listen to what you say/.test(question)) await option("Yes").tap();
  else if (/bullying you/.test(question)) await option("No").tap();
}

test("a child switches on a topic and answers it; the IRO sees it in the summary and the being-heard figures", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const file = await answersFileFromATablet(browser, async (tablet) => {
    await finishBooklet(tablet, "Ola", "7 to 9", { topics: ["Who I am"], chooseTopics: true, answer: answerAsOla });
  });

  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
  await expect(page.getByText(`Added 1 booklet from ${file.name}`)).toBeVisible();
  await page.locator(".inbox-table tbody tr").getByRole("link", { name: "Ola" }).click();
  await expect(heading(page)).toHaveText("Ola's booklet");
  const item = (question: string) => page.locator(".summary-item", { hasText: question });
  // The topic she switched on, with her answers, under support; none of them is a worry.
  await expect(item("Do you know who your social worker is?").locator(".summary-a")).toHaveText("Yes");
  await expect(item("Can you talk to your social worker when you need to?").locator(".summary-a")).toHaveText("No");
  await expect(item("help you with your culture, religion and language").locator(".summary-a")).toHaveText("Yes");
  await expect(page.locator(".summary-item.worrying")).toHaveCount(0);
  // Being heard has its own part, named as the report names it.
  const heard = page.locator(".summary-part", { has: page.getByRole("heading", { name: "Being heard" }) });
  await expect(heard.locator(".summary-item", { hasText: "listen to what you say" }).locator(".summary-a")).toHaveText("Yes");
  // Topics she did not choose are not asked, and not "unanswered".
  await expect(item("brothers and sisters")).toHaveCount(0);
  await expectNoAxeViolations(page, "summary with optional topics");

  // Reports: "said they feel listened to" is a being-heard figure, beside safety. One child is
  // fewer than five, so no percentage is shown.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Reports" }).click();
  const report = page.locator("section.report");
  // allTextContents does not wait: wait for the report to be drawn before reading its headings.
  await expect(report.getByRole("heading", { name: "Being heard", exact: true })).toBeVisible();
  const headings = await report.locator("h3").allTextContents();
  expect(headings.indexOf("Being heard")).toBe(headings.indexOf("Safety") + 1);
  const table = report.locator("table").filter({ has: page.locator("caption", { hasText: "Being heard:" }) });
  const listened = table.locator("tbody tr").filter({ hasText: "said they feel listened to" });
  await expect(listened.locator("td").nth(1)).toHaveText("fewer than 5");
  await expect(listened.locator("th .scale")).toHaveText("Positive: Yes. Negative: No. Any other answer counts as OK.");
  await expect(table.locator("tbody tr").filter({ hasText: "said their views changed things" })).toHaveCount(1);
  const rows = csvRecords((await download(page, "Download the figures by age band (CSV)")).text);
  const row = rows.find((r) => r.measure === "listened_to" && r.age_band === "7–9")!;
  expect(row).toMatchObject({ kind: "heard", answered: "fewer than 5", positive_percent: "fewer than 5" });
  expect(rows.find((r) => r.measure === "know_social_worker" && r.age_band === "7–9")).toMatchObject({ kind: "satisfaction", answered: "fewer than 5" });
});

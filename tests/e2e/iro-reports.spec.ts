import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  chooseWorkspaceFile, csvRecords, download, dumpStorage, expectNoAxeViolations, heading, isoDate, openWorkspacePage, parseCsv, restoreTestVectorIro, tabletPage,
} from "./helpers";

// Reports, exports and data care, on the example workspace (made-up data, in memory) and on a
// real workspace in this browser's storage. Tablet-sized screen.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const BANNER = "Example data: not real children.";
// The example data: 180 booklets last reporting year, 150 this year (crates/my-say-core/src/demo.rs).
const PREVIOUS_YEAR = 180;
const THIS_YEAR = 150;
// The example council survey (demo_survey): its title and 60 anonymous answers.
const SURVEY_TITLE = "Your reviews and your IRO";
const SURVEY_ANSWERS = 60;

/** Today's reporting year, as the app works it out: it starts on 1 April. */
function reportingYear(today = new Date()) {
  const y = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  return { start: `${y}-04-01`, label: `${y}/${String((y + 1) % 100).padStart(2, "0")}`, previous: `${y - 1}/${String(y % 100).padStart(2, "0")}` };
}

async function openDemo(page: Page, path = "") {
  await page.goto(`/demo${path}`);
  await expect(page.getByText(BANNER)).toBeVisible();
}

test("the example workspace opens from the home page, every screen works and passes axe", async ({ page }) => {
  // Seven axe scans of full workspace pages: about 45 s on a busy two-core machine.
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Try the IRO workspace with example data" }).click();
  await expect(page).toHaveURL(/\/demo$/);
  await expect(heading(page)).toHaveText("IRO workspace");
  await expect(page.getByText(BANNER)).toBeVisible();
  // The inbox lists the made-up children, worrying ones first.
  await expect(page.locator(".inbox-table tbody tr")).not.toHaveCount(0);
  await expectNoAxeViolations(page, "example workspace: booklets");

  await page.locator(".inbox-table tbody th a").first().click();
  await expect(page).toHaveURL(/\/demo\/booklet\//);
  await expect(page.getByText(BANNER)).toBeVisible();
  await expectNoAxeViolations(page, "example workspace: a summary");

  const nav = page.getByRole("navigation", { name: "Workspace" });
  for (const [link, title, url] of [
    ["Follow-ups", /Follow-ups/, /\/demo\/follow-ups$/],
    ["Reports", /Safety and satisfaction reports/, /\/demo\/reports$/],
    ["Export and data care", /Export and data care/, /\/demo\/data$/],
    ["Tablets and key", /Tablets and key|Tablets/, /\/demo\/settings$/],
  ] as const) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(heading(page)).toHaveText(title);
    await expect(page.getByText(BANNER)).toBeVisible();
    await expectNoAxeViolations(page, `example workspace: ${link}`);
  }
  // Nothing of the example reached this device's real workspace.
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  await expect(page.getByText(BANNER)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Try the IRO workspace with example data" })).toBeVisible();
  await expectNoAxeViolations(page, "IRO set-up with the example offer");
});

test("reports: figures by age band match their table, chart and CSV; small numbers are suppressed", async ({ page }) => {
  const year = reportingYear();
  await openDemo(page, "/reports");
  await expect(heading(page)).toHaveText("Safety and satisfaction reports");
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue(year.start.slice(0, 4));
  const report = page.locator("section.report");
  await expect(report.getByRole("heading", { level: 2 })).toContainText(`Children's views, ${year.start} to`);
  await expect(report).toContainText(`${THIS_YEAR} booklets were finished in this period.`);
  await expect(report).toContainText(`when ${PREVIOUS_YEAR} booklets were finished`);

  // The safety table: a row per measure, a cell per age band and one for all ages.
  const safety = report.locator("table").filter({ has: page.locator("caption", { hasText: "Safety:" }) });
  await expect(safety.locator("thead th")).toHaveText(["Children who…", "4 to 6", "7 to 9", "10 to 15", "16 and over", "All ages"]);
  const safeRow = safety.locator("tbody tr").filter({ hasText: "said they feel safe where they live" });
  const cells = safeRow.locator("td");
  await expect(cells).toHaveCount(5);
  const percents = await cells.locator(".pct").allTextContents();
  expect(percents).toHaveLength(5);
  for (const p of percents) expect(p).toMatch(/^\d{1,3}%$/);
  await expect(cells.nth(4)).toContainText(/\d+ answered/);
  await expect(cells.nth(4)).toContainText(/up \d+ points|down \d+ points|no change/);
  // Each figure has its positive, OK and negative counts, and they add up to those who answered.
  const allAges = cells.nth(4);
  const [positive, ok, negative] = (await allAges.locator(".counts").innerText()).match(/\d+/g)!.map(Number);
  await expect(allAges.locator(".counts")).toHaveText(`${positive} positive, ${ok} OK, ${negative} negative`);
  const answeredAll = Number((await allAges.locator(".n").innerText()).match(/\d+/)![0]);
  expect(positive + ok + negative).toBe(answeredAll);
  expect(percents[4]).toBe(`${Math.floor((200 * positive + answeredAll) / (2 * answeredAll))}%`);
  // The page says in words what the percentage means and how each scale is counted.
  await expect(report.locator(".how-counted")).toContainText("the percentage is the share of the children who answered whose answer was positive");
  await expect(report.locator(".how-counted")).toContainText("OK answers (not sure, or the OK face in the middle)");
  await expect(safeRow.locator("th .scale")).toHaveText("Positive: Yes. Negative: No. Any other answer counts as OK.");

  // The chart says the same, as an image with a name, and the figure in words beside the bar.
  const chart = report.getByRole("img", { name: /Safety, all ages/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("text.bar-value").first()).toHaveText(percents[4]);

  // Being heard, beside safety: whether children feel listened to and their views changed
  // things, by age band, counted and explained as the other figures are, and written out as
  // sentences for the annual report.
  const heardTable = report.locator("table").filter({ has: page.locator("caption", { hasText: "Being heard:" }) });
  const listened = heardTable.locator("tbody tr").filter({ hasText: "said they feel listened to" });
  const listenedPercents = await listened.locator("td .pct").allTextContents();
  expect(listenedPercents).toHaveLength(5);
  for (const p of listenedPercents) expect(p).toMatch(/^\d{1,3}%$/);
  await expect(listened.locator("th .scale")).toHaveText("Positive: Yes. Negative: No. Any other answer counts as OK.");
  await expect(heardTable.locator("tbody tr").filter({ hasText: "said their views changed things" }).locator("td")).toHaveCount(5);
  await expect(report.locator(".findings")).toContainText(`${listenedPercents[4]} of all children who answered said they feel listened to.`);
  // Nobody bullying them counts "no" as the positive answer, and says so.
  await expect(safety.locator("tbody tr").filter({ hasText: "said nobody is bullying them" }).locator("th .scale"))
    .toHaveText("Positive: No. Negative: Yes. Any other answer counts as OK.");

  // The youngest seldom answer "how to contact your IRO": fewer than 5, and no percentage.
  const satisfaction = report.locator("table").filter({ has: page.locator("caption", { hasText: "Satisfaction:" }) });
  const contact = satisfaction.locator("tbody tr").filter({ hasText: "said they know how to contact their IRO" });
  await expect(contact.locator("td").first()).toHaveText("fewer than 5");
  await expect(contact.locator("td").first().locator(".pct")).toHaveCount(0);
  // 7 to 9, the nearest band, is hidden too, or all ages minus the other bands would give
  // the youngest children's figures away; all ages is still shown.
  await expect(contact.locator("td").nth(1)).toHaveText("hidden to protect a small number");
  await expect(contact.locator("td").nth(1).locator(".pct, .n, .counts")).toHaveCount(0);
  await expect(contact.locator("td").nth(4).locator(".pct")).toHaveText(/^\d{1,3}%$/);
  await expect(report).toContainText("one more figure in the same row may say \"hidden to protect a small number\"");
  // The faces: happy and very happy are positive, sad and very sad negative.
  await expect(satisfaction.locator("tbody tr").filter({ hasText: "said they are happy where they live" }).locator("th .scale"))
    .toHaveText("Positive: Happy, Very happy. Negative: Sad, Very sad. Any other answer counts as OK.");
  // Pathway plans are only asked of 16 and over.
  await expect(satisfaction.locator("tbody tr").filter({ hasText: "said they have a pathway plan" }).locator("td").first()).toHaveText("not asked");

  // What children told us we need to do better: a ranked table.
  await expect(report.getByRole("heading", { name: "What children told us we need to do better" })).toBeVisible();
  await expect(report.locator(".issues-table tbody tr")).toHaveCount(5);

  // The figures CSV parses back to the same figures, suppression included.
  const figures = await download(page, "Download the figures by age band (CSV)");
  expect(figures.name).toMatch(new RegExp(`^my-say-${year.start}-to-\\d{4}-\\d{2}-\\d{2}-figures\\.csv$`));
  const rows = csvRecords(figures.text);
  const row = (measure: string, band: string) => rows.find((r) => r.measure === measure && r.age_band === band)!;
  const bands = ["4–6", "7–9", "10–15", "16+", "all"];
  expect(bands.map((b) => row("feel_safe", b).positive_percent)).toEqual(percents);
  expect(row("feel_safe", "all").period_from).toBe(year.start);
  expect(Number(row("feel_safe", "all").answered)).toBeGreaterThan(100);
  expect(row("contact_iro", "4–6")).toMatchObject({ answered: "fewer than 5", positive: "", positive_percent: "fewer than 5" });
  const hidden = "hidden to protect a small number";
  expect(row("contact_iro", "7–9")).toMatchObject({ answered: hidden, positive: "", ok: "", negative: "", positive_percent: hidden });
  // Positive, OK and negative add up to those who answered; the CSV says what counts and what
  // the percentage means.
  const safeAll = row("feel_safe", "all");
  expect(Number(safeAll.positive) + Number(safeAll.ok) + Number(safeAll.negative)).toBe(Number(safeAll.answered));
  expect(safeAll).toMatchObject({ positive: String(positive), ok: String(ok), negative: String(negative), positive_answers: "yes", negative_answers: "no" });
  expect(row("happy_where_live", "4–6")).toMatchObject({ positive_answers: "happy; very_happy", negative_answers: "sad; very_sad" });
  expect(safeAll.positive_percent_means).toContain("positive / answered");
  expect(safeAll.positive_percent_means).toContain("I'd rather not say");
  expect(row("pathway_plan", "4–6").answered).toBe("not asked");
  expect(bands.map((b) => row("listened_to", b).positive_percent)).toEqual(listenedPercents);
  expect(row("listened_to", "all")).toMatchObject({ kind: "heard", positive_answers: "yes", negative_answers: "no" });
  const issues = csvRecords((await download(page, "Download what we need to do better (CSV)")).text);
  expect(issues).toHaveLength(5);
  expect(issues[0].rank).toBe("1");

  // Take-up against the number of children in care (the example has 560): 150 of 560 is 27%.
  const takeUp = report.locator(".take-up");
  await expect(takeUp).toHaveText(`${THIS_YEAR} booklets for 560 children in care: 27%. The target is 30%. Target not met yet.`);
  await page.getByLabel("Number of children in care").fill("five hundred");
  await page.getByRole("button", { name: "Save the number" }).click();
  await expect(page.getByText("Enter a whole number of children, from 1 to 100000.")).toBeVisible();
  await expect(page.getByLabel("Number of children in care")).toBeFocused();
  await page.getByLabel("Number of children in care").fill("500");
  await page.keyboard.press("Enter");
  await expect(takeUp).toHaveText(`${THIS_YEAR} booklets for 500 children in care: 30%. The target is 30%. Target met.`);
  const takeUpCsv = csvRecords((await download(page, "Download take-up (CSV)")).text);
  expect(takeUpCsv[0]).toMatchObject({ completed: String(THIS_YEAR), children_in_care: "500", take_up_percent: "30%", target_met: "yes" });
  await expectNoAxeViolations(page, "reports");

  // The previous reporting year, then a custom period (checked first).
  await page.getByLabel("Period", { exact: true }).selectOption({ label: `Reporting year ${year.previous} (1 April to 31 March)` });
  await expect(report).toContainText(`${PREVIOUS_YEAR} booklets were finished in this period.`);
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Another period" });
  await page.getByLabel("From", { exact: true }).fill("2030-05-01");
  await page.getByLabel("To", { exact: true }).fill("2030-04-01");
  await page.getByRole("button", { name: "Show this period" }).click();
  await expect(page.getByText("Enter two real dates, the first on or before the second.")).toBeVisible();
  await expectNoAxeViolations(page, "reports: a custom period with an error");
  await page.getByLabel("From", { exact: true }).fill(year.start);
  await page.getByLabel("To", { exact: true }).fill(`${Number(year.start.slice(0, 4)) + 1}-03-31`);
  await page.getByRole("button", { name: "Show this period" }).click();
  await expect(report).toContainText(`${THIS_YEAR} booklets were finished in this period.`);

  // Printed, only the report section shows: no period form, no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("section.report")).toBeVisible();
  await expect(page.locator(".report-period")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the annual report section" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(1000);
});

test("all answers as CSV; everything as JSON into a fresh workspace twice; retention and erase", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const year = reportingYear();
  await openDemo(page, "/data");
  await expect(heading(page)).toHaveText("Export and data care");
  await expect(page.locator(".data-holds")).toContainText(`This workspace holds ${PREVIOUS_YEAR + THIS_YEAR} booklets`);

  // All answers: one row per booklet, stable columns, parsed back.
  const answers = await download(page, "Download all answers (CSV)");
  expect(answers.name).toMatch(/^my-say-answers-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = csvRecords(answers.text);
  expect(records).toHaveLength(PREVIOUS_YEAR + THIS_YEAR);
  const head = parseCsv(answers.text.slice(1))[0];
  expect(head.slice(0, 9)).toEqual(["id", "booklet_id", "booklet_revision", "completed_at", "age_band", "locale", "child_name", "review_date", "case_reference"]);
  expect(head).toContain("feel_safe");
  expect(records.every((r) => /^DEMO-\d{4}$/.test(r.case_reference))).toBe(true);
  expect(new Set(records.map((r) => r.age_band))).toEqual(new Set(["4–6", "7–9", "10–15", "16+"]));
  expect(records.some((r) => r.feel_safe === "I'd rather not say")).toBe(true);
  expect(records.some((r) => r.locale === "cy") && records.some((r) => r.locale === "ar")).toBe(true);

  // Everything as JSON.
  const everything = await download(page, "Download everything (JSON)");
  expect(everything.name).toMatch(/^my-say-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(everything.text);
  expect(exported.format).toBe("my-say/workspace-export");
  expect(exported.booklets).toHaveLength(PREVIOUS_YEAR + THIS_YEAR);
  expect(exported.follow_ups.length).toBeGreaterThan(0);
  expect(exported.settings.children_in_care).toBe(560);
  // The example council survey and its anonymous answers travel in the same file (version 2),
  // which ends with its MAC under the example workspace's key (version 3).
  expect(exported.version).toBe(3);
  expect(exported.exported_by.display_name).toBe("Sam Example");
  expect(exported.mac).toMatch(/^hmac-sha256:[A-Za-z0-9_-]{43}$/);
  expect(exported.surveys).toHaveLength(1);
  expect(exported.surveys[0].published.title.en).toBe(SURVEY_TITLE);
  expect(exported.survey_answers).toHaveLength(SURVEY_ANSWERS);
  expect(exported.survey_answers.every((a: { booklet_id: string; child: { name: string } }) =>
    a.booklet_id === exported.surveys[0].draft.id && a.child.name === "")).toBe(true);

  // A fresh, real workspace in another browser: restore the test IRO, then import twice.
  const { context: fresh, page: iro } = await tabletPage(browser);
  await restoreTestVectorIro(iro, { timeout: 30_000 });
  await iro.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Export and data care" }).click();
  await expect(heading(iro)).toHaveText("Export and data care");
  await expect(iro.getByText("Example data")).toHaveCount(0);
  await expect(iro.locator(".data-holds")).toHaveText("This workspace holds 0 booklets and 0 follow-ups.");

  const file = { name: everything.name, mimeType: "application/json", buffer: Buffer.from(everything.text) };
  // A damaged copy adds nothing, and says which file and what is wrong.
  await chooseWorkspaceFile(iro, { ...file, name: "cut.json", buffer: Buffer.from(everything.text.slice(0, 5000)) });
  await expect(iro.locator(".import-results li")).toContainText("cut.json: This file is not a My Say export (EOF while parsing");
  await expect(iro.locator(".data-holds")).toHaveText("This workspace holds 0 booklets and 0 follow-ups.");

  // The example workspace's file is another workspace's: it says so and lists what it would
  // change, and nothing changes until both confirmations.
  const plan = await chooseWorkspaceFile(iro, file);
  await expect(plan).toContainText(`${PREVIOUS_YEAR + THIS_YEAR} booklets added`, { timeout: 60_000 });
  await expect(plan).toContainText("This file says it was exported from another workspace, Sam Example (");
  await expect(plan).toContainText(`${SURVEY_ANSWERS} council survey answers added`);
  await expect(iro.locator(".data-holds")).toHaveText("This workspace holds 0 booklets and 0 follow-ups.");
  await plan.getByRole("button", { name: "Apply these changes" }).click();
  await expect(plan.getByText("Are you sure? My Say cannot check where this file came from")).toBeFocused();
  await expectNoAxeViolations(iro, "import: the second confirmation");
  await plan.getByRole("button", { name: "Yes, apply the changes from this file" }).click();
  await expect(iro.locator(".import-results li")).toContainText(
    `${everything.name}: added ${PREVIOUS_YEAR + THIS_YEAR} booklets and ${exported.follow_ups.length} follow-ups; 0 booklets were here already.`,
    { timeout: 60_000 },
  );
  await expect(iro.locator(".import-results li")).toContainText(`Council surveys: 1 added or updated, and ${SURVEY_ANSWERS} survey answers added.`);
  await expect(iro.locator(".data-holds")).toContainText(`holds ${PREVIOUS_YEAR + THIS_YEAR} booklets and ${exported.follow_ups.length} follow-ups`);
  await expect(iro.locator(".data-holds")).toContainText(`It also holds 1 council surveys with ${SURVEY_ANSWERS} answers.`);
  // The survey is listed in the fresh workspace, with its answers.
  await iro.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Surveys" }).click();
  await expect(heading(iro)).toHaveText("Surveys");
  await expect(iro.locator(".sb-item").filter({ hasText: SURVEY_TITLE })).toContainText(`Answers back: ${SURVEY_ANSWERS}`);
  await iro.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Export and data care" }).click();
  await expect(heading(iro)).toHaveText("Export and data care");
  await chooseWorkspaceFile(iro, file);
  await expect(iro.locator(".import-results li")).toHaveText(`${everything.name}: nothing new, everything in it is here already.`, { timeout: 60_000 });
  await expect(plan).toHaveCount(0);
  await expect(iro.locator(".data-holds")).toContainText(`holds ${PREVIOUS_YEAR + THIS_YEAR} booklets`);
  await expectNoAxeViolations(iro, "export and data care after imports");

  // Retention: everything finished before this reporting year goes, after seeing how much.
  await iro.getByLabel("Delete booklets finished before").fill(year.start);
  await iro.getByRole("button", { name: "Check what will be deleted" }).click();
  await expect(iro.locator("#retention-preview")).toContainText(`${PREVIOUS_YEAR} booklets finished before ${year.start} will be deleted`);
  await expect(iro.locator("#retention-preview")).toContainText(`${THIS_YEAR} booklets stay.`);
  await expectNoAxeViolations(iro, "retention: confirm");
  await iro.getByRole("button", { name: "Cancel" }).click();
  await expect(iro.locator(".data-holds")).toContainText(`holds ${PREVIOUS_YEAR + THIS_YEAR} booklets`);
  await iro.getByRole("button", { name: "Check what will be deleted" }).click();
  await iro.getByRole("button", { name: `Delete ${PREVIOUS_YEAR} booklets` }).click();
  await expect(iro.locator("#retention-done")).toContainText(`Deleted ${PREVIOUS_YEAR} booklets`, { timeout: 60_000 });
  await expect(iro.locator(".data-holds")).toContainText(`holds ${THIS_YEAR} booklets`);
  // The report agrees: nothing left last year.
  await iro.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Reports" }).click();
  await expect(iro.locator("section.report")).toContainText(`${THIS_YEAR} booklets were finished in this period.`);
  await expect(iro.locator("section.report")).toContainText("when 0 booklets were finished");

  // Erase everything: the typed word first.
  await iro.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Export and data care" }).click();
  await iro.getByLabel("To confirm, type ERASE").fill("erase it");
  await iro.getByRole("button", { name: "Erase everything" }).click();
  await expect(iro.getByText("Type ERASE to erase everything, or leave this page to keep it.")).toBeVisible();
  await expect(iro.getByLabel("To confirm, type ERASE")).toBeFocused();
  await expect(iro.locator(".data-holds")).toContainText(`holds ${THIS_YEAR} booklets`);
  await iro.getByLabel("To confirm, type ERASE").fill("ERASE");
  await iro.getByRole("button", { name: "Erase everything" }).click();
  await expect(heading(iro)).toHaveText("Set up your IRO workspace");
  await expect(iro.getByText("Everything My Say kept on this device has been erased.")).toBeVisible();
  await expectNoAxeViolations(iro, "set-up after erasing");
  // Really gone: a reload finds no workspace.
  await iro.reload();
  await expect(heading(iro)).toHaveText("Set up your IRO workspace");
  await fresh.close();
});

/** A good answers file for the test IRO, Sam Patel: Amira's booklet, in which she does not feel safe (a worry). */
const AMIRA_ANSWERS = { name: "amira.mysay", mimeType: "application/octet-stream", buffer: readFileSync("tests/e2e/fixtures/hostile/duplicate-id-different.mysay") };

/** A fresh device with the test IRO's workspace restored from their recovery file, holding Amira's booklet and its open worry. */
async function samsDeviceWithAmira(browser: Parameters<typeof tabletPage>[0]) {
  const device = await tabletPage(browser);
  await restoreTestVectorIro(device.page, { timeout: 30_000 });
  await device.page.getByLabel("Choose answers files", { exact: true }).setInputFiles(AMIRA_ANSWERS);
  await expect(device.page.locator(".import-results li").first()).toHaveText("Added 1 booklet from amira.mysay");
  return device;
}

test("an IRO imports their own export on another device: it lists what it would change, then applies it, and a second time changes nothing", async ({ browser }) => {
  test.setTimeout(150_000);
  const { context: office, page: laptop } = await samsDeviceWithAmira(browser);
  await openWorkspacePage(laptop, "Export and data care");
  const everything = await download(laptop, "Download everything (JSON)");
  expect(JSON.parse(everything.text).exported_by.display_name).toBe("Sam Patel");
  const file = { name: everything.name, mimeType: "application/json", buffer: Buffer.from(everything.text) };

  // The same IRO's workspace on a new device, restored from the same recovery file.
  const { context: home, page: other } = await tabletPage(browser);
  await restoreTestVectorIro(other, { timeout: 30_000 });
  await openWorkspacePage(other, "Export and data care");
  const before = await dumpStorage(other);
  const plan = await chooseWorkspaceFile(other, file);
  await expect(plan).toContainText("Made by this workspace, and not changed since it was exported.");
  await expect(plan.locator(".import-changes > li")).toHaveText(["1 booklet added", "1 follow-up added"]);
  await expect(plan.locator(".import-flag")).toHaveCount(0);
  await expect(plan.getByRole("heading", { name: `What importing ${file.name} would change` })).toBeFocused();
  await expectNoAxeViolations(other, "import: the list of changes");
  expect(await dumpStorage(other), "listing changes nothing").toBe(before);

  // Its own file needs one confirmation.
  await plan.getByRole("button", { name: "Apply these changes" }).click();
  await expect(other.locator(".import-results li")).toHaveText(`${file.name}: added 1 booklets and 1 follow-ups; 0 booklets were here already.`);
  await expect(plan).toHaveCount(0);
  await expect(other.locator(".data-holds")).toHaveText("This workspace holds 1 booklets and 1 follow-ups.");

  // The same file again has nothing to change, and says so without a list.
  const applied = await dumpStorage(other);
  await chooseWorkspaceFile(other, file);
  await expect(other.locator(".import-results li")).toHaveText(`${file.name}: nothing new, everything in it is here already.`);
  await expect(plan).toHaveCount(0);
  expect(await dumpStorage(other)).toBe(applied);
  await office.close();
  await home.close();
});

test("a workspace file that would close a worry still open here names it in the list, and Cancel keeps it open", async ({ browser }) => {
  test.setTimeout(180_000);
  // On the office laptop the IRO closes Amira's worry, then exports.
  const { context: office, page: laptop } = await samsDeviceWithAmira(browser);
  await openWorkspacePage(laptop, "Follow-ups");
  await laptop.locator(".follow-up").first().getByRole("button", { name: "Record what was done" }).click();
  await laptop.getByText("No further action", { exact: true }).click();
  await laptop.getByLabel("Note", { exact: true }).fill("Talked with Amira and her carer.");
  await laptop.getByRole("button", { name: "Save", exact: true }).click();
  await expect(laptop.getByText("Saved. The follow-up is closed.")).toBeVisible();
  await openWorkspacePage(laptop, "Export and data care");
  const everything = await download(laptop, "Download everything (JSON)");
  const file = { name: everything.name, mimeType: "application/json", buffer: Buffer.from(everything.text) };

  // On another device the same worry is still open.
  const { context: home, page: other } = await samsDeviceWithAmira(browser);
  await openWorkspacePage(other, "Export and data care");
  const before = await dumpStorage(other);
  const plan = await chooseWorkspaceFile(other, file);
  const flagged = plan.locator(".import-flag");
  await expect(flagged).toContainText("1 follow-up closed that is a worry still open here:");
  await expect(flagged).toContainText(`Amira: Do you feel safe where you live? Closed in the file: No further action, ${isoDate(new Date())}.`);
  await expectNoAxeViolations(other, "import: a worry it would close");

  // Cancel: nothing changes, and the worry stays open.
  await plan.getByRole("button", { name: "Cancel" }).click();
  await expect(other.locator(".import-results li")).toHaveText(`${file.name}: nothing was imported.`);
  await expect(plan).toHaveCount(0);
  expect(await dumpStorage(other)).toBe(before);
  await openWorkspacePage(other, "Follow-ups");
  await expect(other.locator(".follow-up")).toHaveCount(1);
  await expect(other.locator(".follow-up.status-closed")).toHaveCount(0);

  // Applied after reading the list, the worry is closed with the laptop's note.
  await openWorkspacePage(other, "Export and data care");
  await (await chooseWorkspaceFile(other, file)).getByRole("button", { name: "Apply these changes" }).click();
  await expect(other.locator(".import-results li")).toContainText(`${file.name}: added 0 booklets and 1 follow-ups`);
  await openWorkspacePage(other, "Follow-ups");
  await expect(other.getByRole("heading", { name: "Closed: 1" })).toBeVisible();
  await expect(other.locator(".follow-up.status-closed")).toContainText("No further action: Talked with Amira and her carer.");
  await office.close();
  await home.close();
});

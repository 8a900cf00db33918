import { test, expect, type Page, type Locator } from "@playwright/test";
import { csvRows, csvTables, download, expectNoAxeViolations, heading, isoDate, pdfPageCount, pdfStrings, printPdf } from "./helpers";

// A council survey's results, themes and "You said, we did", on the example workspace's survey
// (crates/my-say-core/src/demo.rs, `demo_survey`: 60 children, three of them aged 4 to 6).
// Tablet-sized screen, touch on.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const SURVEY = "survey-de30000000000001";
const RESULTS = `/demo/surveys/${SURVEY}/results`;
const YOU_SAID = `/demo/surveys/${SURVEY}/you-said`;
const BANNER = "Example data: not real children.";
const NAMES_WARNING = "Children may name themselves or other people in what they write. Check these answers for names before you print, download or share them.";
const CSV_NAMES_WARNING = "Check these answers for names before you print or share them: children may name themselves or other people.";

async function openDemo(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("note").getByText(BANNER)).toBeVisible();
  await expect(heading(page)).toBeVisible();
}

/** A question's section on the results page. */
function question(page: Page, n: number, text: string): Locator {
  return page.locator("section.survey-question").filter({ has: page.getByRole("heading", { level: 2, name: `Question ${n}: ${text}` }) });
}

/** A date as the app writes it in English: "14 March 2026". */
function longDate(d: Date) {
  return `${d.getDate()} ${d.toLocaleString("en-GB", { month: "long" })} ${d.getFullYear()}`;
}
function daysFromToday(n: number) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return d;
}

test("results: the table, chart and CSV agree; 4 to 6 is suppressed; JSON; print", async ({ page }) => {
  await openDemo(page, RESULTS);
  await expect(heading(page)).toHaveText("Results: Your reviews and your IRO");
  await expect(page.getByText("60 children finished this survey.")).toBeVisible();
  const finished = page.locator(".finished-table tbody td");
  // 4 to 6 has three: "fewer than 5". 7 to 9, the nearest band, is hidden too, or 60 minus the
  // others would give the three away.
  await expect(finished).toHaveText(["fewer than 5", "hidden to protect a small number", "28", "15", "60"]);

  // Question 1: a row per answer, a cell per age band and one for all ages.
  const q1 = question(page, 1, "Do you know how to contact your IRO?");
  const table = q1.locator("table");
  await expect(table.locator("thead th")).toHaveText(["Answer", "4 to 6", "7 to 9", "10 to 15", "16 and over", "All ages"]);
  const rows = table.locator("tbody tr.value-row");
  await expect(rows.locator("th")).toHaveText(["Yes", "Not sure", "No"]);
  const counts: string[] = [];
  const percents: string[] = [];
  for (let i = 0; i < 3; i++) {
    const all = rows.nth(i).locator("td").nth(4);
    counts.push(await all.locator(".n").innerText());
    percents.push(await all.locator(".pct").innerText());
    // Three children aged 4 to 6: no figure at all, in words.
    await expect(rows.nth(i).locator("td").first()).toHaveText("fewer than 5");
    await expect(rows.nth(i).locator("td").first().locator(".pct, .n")).toHaveCount(0);
    // And 7 to 9 is hidden with it, so subtraction cannot give the three away.
    await expect(rows.nth(i).locator("td").nth(1)).toHaveText("hidden to protect a small number");
    await expect(rows.nth(i).locator("td").nth(1).locator(".pct, .n")).toHaveCount(0);
  }
  for (const p of percents) expect(p).toMatch(/^\d{1,3}%$/);
  const answered = await table.locator("tbody tr", { hasText: "Answered" }).locator("td").nth(4).innerText();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(Number(answered));

  // The chart beside it carries the same figures, as an image with a name.
  const chart = q1.getByRole("img", { name: /Question 1, all ages/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("text.bar-label")).toHaveText(["Yes", "Not sure", "No"]);
  await expect(chart.locator("text.bar-value")).toHaveText(percents);

  // The CSV says the same, suppression included; then the free-text answers with their themes.
  const csv = await download(page, "Download the results (CSV)");
  expect(csv.name).toBe(`my-say-${SURVEY}-results.csv`);
  // The figures, then the names warning (a table of its own), then the free text.
  const [figures, , freeText] = csvTables(csv.text);
  const q1all = figures.filter((r) => r.question_number === "1" && r.age_band === "all");
  expect(q1all.map((r) => r.answer)).toEqual(["yes", "not_sure", "no"]);
  expect(q1all.map((r) => r.count)).toEqual(counts);
  expect(q1all.map((r) => r.percent)).toEqual(percents);
  expect(q1all[0].answered).toBe(answered);
  const young = figures.filter((r) => r.question_number === "1" && r.age_band === "4–6");
  expect(young).toEqual([expect.objectContaining({ count: "fewer than 5", percent: "fewer than 5", answered: "fewer than 5" })]);
  const hidden = "hidden to protect a small number";
  const nextBand = figures.filter((r) => r.question_number === "1" && r.age_band === "7–9");
  expect(nextBand).toEqual([expect.objectContaining({ count: hidden, percent: hidden, answered: hidden })]);
  expect(freeText.length).toBeGreaterThan(10);
  expect(freeText.some((r) => r.themes === "Contacting the IRO")).toBe(true);
  expect(Object.keys(freeText[0])).toEqual(["question_number", "question_id", "question", "age_band", "answer", "themes"]);

  const json = await download(page, "Download the results (JSON)");
  expect(json.name).toBe(`my-say-${SURVEY}-results.json`);
  const results = JSON.parse(json.text);
  expect(results).toMatchObject({ format: "my-say/survey-results", version: 1, survey_id: SURVEY, responses: 60 });
  expect(results.questions[0].bands[0]).toEqual({ cell: "suppressed" });
  expect(results.questions[0].overall.answered).toBe(Number(answered));
  // Nothing that could point at a child: no booklet ids, no times.
  expect(json.text).not.toMatch(/completed_at|"child"|T\d\d:\d\d:\d\dZ/);
  await expectNoAxeViolations(page, "survey results");

  // Printed: the results only, no navigation, buttons or theme forms.
  await page.emulateMedia({ media: "print" });
  await expect(q1.locator("table")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the results" })).toBeHidden();
  await expect(page.getByLabel("New theme")).toBeHidden();
  await expect(page.locator(".free-text-item button").first()).toBeHidden();
  const pdf = await printPdf(page, "results.pdf");
  expect(pdfPageCount(pdf)).toBeGreaterThan(1);
});

test("a survey's free-text export carries the names warning", async ({ page }) => {
  await openDemo(page, RESULTS);
  // On the page: beside every list of what children wrote, and by the downloads.
  const parts = page.locator(".free-text-part");
  const withFreeText = await parts.count();
  expect(withFreeText).toBeGreaterThan(0);
  await expect(parts.locator(".names-check")).toHaveText(Array(withFreeText).fill(NAMES_WARNING));
  const downloads = page.locator("section.card", { has: page.getByRole("heading", { name: "Download or print" }) });
  await expect(downloads.getByText(NAMES_WARNING)).toBeVisible();

  // In the CSV: a row of its own, between empty rows, just before the free-text table.
  const csv = await download(page, "Download the results (CSV)");
  const rows = csvRows(csv.text);
  const head = rows.findIndex((r) => r.join(",") === "question_number,question_id,question,age_band,answer,themes");
  expect(head).toBeGreaterThan(3);
  expect(rows.slice(head - 3, head)).toEqual([[""], [CSV_NAMES_WARNING], [""]]);
  expect(rows.filter((r) => r[0] === CSV_NAMES_WARNING)).toHaveLength(1);
  const [, note, freeText] = csvTables(csv.text);
  expect(note).toEqual([]);
  expect(freeText.length).toBeGreaterThan(10);

  // In the JSON, before everything else.
  const json = JSON.parse((await download(page, "Download the results (JSON)")).text);
  expect(Object.keys(json).slice(0, 3)).toEqual(["format", "version", "check_for_names"]);
  expect(json.check_for_names).toBe(CSV_NAMES_WARNING);

  // Printed: the warning stays with the free text.
  await page.emulateMedia({ media: "print" });
  await expect(parts.first().locator(".names-check")).toBeVisible();
  await expect(parts.last().locator(".names-check")).toBeVisible();
});

test("themes: make one, put two answers in it by touch and by keyboard, see the count, rename it", async ({ page }) => {
  await openDemo(page, RESULTS);
  const themes = page.locator("section.themes-card");
  await expect(themes.locator(".theme-row")).toHaveCount(3);
  await expect(themes.locator(".theme-row", { hasText: "Contacting the IRO" }).locator(".theme-count")).toHaveText(/^\d+ answers$/);

  // A blank name is refused, with the reason beside the box.
  await page.getByRole("button", { name: "Add the theme" }).click();
  await expect(themes.getByText("Give the theme a name.")).toBeVisible();
  await expect(page.getByLabel("New theme")).toBeFocused();
  await page.getByLabel("New theme").fill("Family time");
  await page.getByRole("button", { name: "Add the theme" }).click();
  const family = themes.locator(".theme-row", { hasText: "Family time" });
  await expect(family.locator(".theme-count")).toHaveText("0 answers");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Two answers to question 5 that are in no theme yet: the first by tapping, the second with
  // the keyboard.
  const q5 = question(page, 5, "Is there anything else you want the council to know?");
  const loose = q5.locator("li.free-text-item").filter({ hasText: "No theme yet" });
  const first = loose.nth(0);
  const second = loose.nth(1);
  const firstWords = await first.locator(".free-words").innerText();
  const secondWords = await second.locator(".free-words").innerText();
  await first.getByRole("button", { name: "Choose themes" }).tap();
  await first.getByRole("checkbox", { name: "Family time" }).tap();
  await expect(family.locator(".theme-count")).toHaveText("1 answers");
  const secondItem = q5.locator("li.free-text-item").filter({ has: page.locator(".free-words", { hasText: secondWords }) }).filter({ hasText: "No theme yet" }).first();
  await secondItem.getByRole("button", { name: "Choose themes" }).focus();
  await page.keyboard.press("Enter");
  await secondItem.getByRole("checkbox", { name: "Family time" }).focus();
  await page.keyboard.press("Space");
  await expect(family.locator(".theme-count")).toHaveText("2 answers");
  await expect(q5.locator("li.free-text-item", { hasText: firstWords }).filter({ hasText: "Themes: Family time" }).first()).toBeVisible();

  // The other way round: the theme's answers, ticked.
  await family.getByRole("button", { name: "Choose its answers" }).click();
  const panel = family.getByRole("group", { name: 'Answers in "Family time"' });
  await expect(panel.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expectNoAxeViolations(page, "survey results, themes open");

  // Renamed, the answers stay in it; and it was saved: it is there after visiting another page.
  await family.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByLabel('New name for "Family time"')).toBeFocused();
  await page.getByLabel('New name for "Family time"').fill("Brothers and sisters");
  await page.getByRole("button", { name: "Save the name" }).click();
  const renamed = themes.locator(".theme-row", { hasText: "Brothers and sisters" });
  await expect(renamed.locator(".theme-count")).toHaveText("2 answers");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.getByRole("navigation", { name: "This survey" }).getByRole("link", { name: "You said, we did" }).click();
  await expect(heading(page)).toHaveText("You said, we did: Your reviews and your IRO");
  await expect(page.getByLabel("What is it about?").first().locator("option", { hasText: "Theme: Brothers and sisters" })).toHaveCount(1);
  await page.getByRole("navigation", { name: "This survey" }).getByRole("link", { name: "Results" }).click();
  await expect(page.locator(".theme-row", { hasText: "Brothers and sisters" }).locator(".theme-count")).toHaveText("2 answers");

  // Removing a theme asks first; its answers stay.
  const school = page.locator(".theme-row", { hasText: "Reviews at school" });
  await school.getByRole("button", { name: "Remove" }).click();
  await school.getByRole("button", { name: "Remove the theme" }).click();
  await expect(page.locator(".theme-row", { hasText: "Reviews at school" })).toHaveCount(0);
  await expect(page.locator(".theme-row")).toHaveCount(3);
});

test("you said, we did: an entry with three actions, an ongoing promise, whether it made a difference, a problem fixed, the poster on one A4 page, the CSV", async ({ page }) => {
  await openDemo(page, YOU_SAID);
  await expect(heading(page)).toHaveText("You said, we did: Your reviews and your IRO");
  await expect(page.getByText("Nothing to fix: the poster is ready to print.")).toBeVisible();
  const poster = page.locator("section.poster");
  const title = `You said, we did: reviews ${new Date().getFullYear()}`;
  await expect(poster.getByRole("heading", { level: 2 })).toHaveText(title);
  await expect(poster.locator(".poster-row")).toHaveCount(3);
  await expectNoAxeViolations(page, "you said, we did");

  // A new entry: focus goes to what children said.
  await page.getByRole("button", { name: "Add something children said" }).click();
  const entry = page.locator("li.ysw-entry").nth(3);
  await expect(entry.getByRole("heading", { name: "Entry 4" })).toBeVisible();
  await expect(entry.getByLabel("What children said")).toBeFocused();
  await page.keyboard.type("You said review rooms are too cold and too small.");
  await entry.getByLabel("What is it about?").selectOption({ label: "Theme: Reviews at school" });
  const a1 = entry.locator("li.ysw-action").nth(0);
  await a1.getByLabel("What was done, or is planned").fill("We asked every team to book a warm, comfortable room.");
  const done = daysFromToday(-10);
  await a1.getByLabel("Date").fill(isoDate(done));
  await entry.getByRole("button", { name: "Add an action" }).click();
  const a2 = entry.locator("li.ysw-action").nth(1);
  await expect(a2.getByLabel("What was done, or is planned")).toBeFocused();
  await page.keyboard.type("We will check the rooms with the council at the spring event.");
  // Planned, but dated in the past: a problem, the poster waits.
  const past = daysFromToday(-3);
  await a2.getByLabel("Date").fill(isoDate(past));
  await a2.getByRole("radio", { name: "Planned" }).check();
  const problem = `Entry 4, action 2: it was planned for ${longDate(past)}, which has passed. Mark it done, or give a new date.`;
  const link = page.locator(".ysw-problems").getByRole("link", { name: problem });
  await expect(link).toBeVisible();
  await expect(a2.getByText(problem)).toBeVisible();
  await expect(poster).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Print the poster" })).toBeDisabled();
  await expectNoAxeViolations(page, "you said, we did, with a problem");
  await link.click();
  await expect(a2.getByLabel("Date")).toBeFocused();
  const later = daysFromToday(40);
  await a2.getByLabel("Date").fill(isoDate(later));
  await expect(page.getByText("Nothing to fix: the poster is ready to print.")).toBeVisible();

  // An ongoing promise ("we will keep…"), from a few days ago.
  await entry.getByRole("button", { name: "Add an action" }).click();
  const a3 = entry.locator("li.ysw-action").nth(2);
  await expect(a3.getByLabel("What was done, or is planned")).toBeFocused();
  await page.keyboard.type("We will keep a warm room booked for every review.");
  const since = daysFromToday(-5);
  await a3.getByLabel("Date").fill(isoDate(since));
  await a3.getByRole("radio", { name: "Ongoing: a promise we keep" }).check();

  // Later, the council looks back: did what was done make a difference? Only something done
  // or ongoing can say; the look back needs words before the poster shows it.
  await expect(a2.getByRole("button", { name: "Record whether it made a difference" })).toHaveCount(0);
  await a1.getByRole("button", { name: "Record whether it made a difference" }).click();
  await expect(a1.getByRole("radio", { name: "Yes" })).toBeFocused();
  const noWords = page.locator(".ysw-problems").getByRole("link", { name: "Entry 4, action 1: say what you found when you looked back." });
  await expect(noWords).toBeVisible();
  await expect(poster).toHaveCount(0);
  await a1.getByRole("radio", { name: "Yes" }).check();
  await noWords.click();
  await expect(a1.getByLabel("What you found")).toBeFocused();
  await page.keyboard.type("At the winter event children said the rooms were warmer.");
  const checked = daysFromToday(-1);
  await a1.getByLabel("The day you looked back").fill(isoDate(checked));
  await expect(page.getByText("Nothing to fix: the poster is ready to print.")).toBeVisible();
  await expectNoAxeViolations(page, "you said, we did, with a look back");

  // On the poster: what they said, what was done first (with whether it made a difference),
  // then what is ongoing, then what is planned, dates in words.
  await expect(poster.locator(".poster-row")).toHaveCount(4);
  const row = poster.locator(".poster-row").nth(3);
  await expect(row.locator(".poster-about")).toHaveText("Reviews at school");
  await expect(row.locator(".poster-quote")).toHaveText("You said review rooms are too cold and too small.");
  await expect(row.locator(".poster-action")).toHaveText([
    `Done, ${longDate(done)}: We asked every team to book a warm, comfortable room. It made a difference (checked ${longDate(checked)}): At the winter event children said the rooms were warmer.`,
    `Ongoing since ${longDate(since)}: We will keep a warm room booked for every review.`,
    `Planned for ${longDate(later)}: We will check the rooms with the council at the spring event.`,
  ]);

  // Moved up with the keyboard, it comes third.
  await entry.getByRole("button", { name: "Move up" }).last().focus();
  await expect(entry.getByRole("button", { name: "Move up" }).last()).toHaveId("ysw-e4-up");
  await page.keyboard.press("Enter");
  await expect(page.locator("#ysw-e4-up")).toBeFocused();
  await expect(poster.locator(".poster-row").nth(2).locator(".poster-quote")).toHaveText("You said review rooms are too cold and too small.");

  // The CSV: one row per action, with its look back.
  const csv = await download(page, "Download as a spreadsheet (CSV)");
  expect(csv.name).toBe(`my-say-${SURVEY}-you-said-we-did.csv`);
  const [rows] = csvTables(csv.text);
  expect(Object.keys(rows[0])).toEqual(["entry", "about", "you_said", "we_did", "date", "status", "made_difference", "review_note", "review_date"]);
  const ours = rows.filter((r) => r.you_said === "You said review rooms are too cold and too small.");
  expect(ours.map((r) => [r.entry, r.about, r.date, r.status, r.made_difference, r.review_note, r.review_date])).toEqual([
    ["3", "Reviews at school", isoDate(done), "done", "yes", "At the winter event children said the rooms were warmer.", isoDate(checked)],
    ["3", "Reviews at school", isoDate(later), "planned", "", "", ""],
    ["3", "Reviews at school", isoDate(since), "ongoing", "", "", ""],
  ]);
  expect(rows.length).toBe(7);

  // Printed, the poster alone, on one A4 page, with its words.
  await page.emulateMedia({ media: "print" });
  await expect(poster).toBeVisible();
  await expect(heading(page)).toBeHidden();
  await expect(page.getByRole("note").getByText(BANNER)).toBeHidden();
  await expect(page.locator(".ysw-entries")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  const pdf = await printPdf(page, "poster.pdf", { outline: true, tagged: true });
  expect(pdfPageCount(pdf)).toBe(1);
  const words = pdfStrings(pdf);
  // The outline carries the headings as printed (the column labels are in capitals).
  expect(words).toContain(title);
  expect(words.match(/YOU SAID/g)).toHaveLength(4);
  expect(words.match(/WE DID/g)).toHaveLength(4);
});

test("a 320 px screen scrolls nothing sideways on either page", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [RESULTS, YOU_SAID]) {
    await openDemo(page, path);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, path).toBeLessThanOrEqual(320);
  }
});

test("a survey that is not in the workspace says so", async ({ page }) => {
  await openDemo(page, "/demo/surveys/survey-0000000000000000/results");
  await expect(heading(page)).toHaveText("We can't find that survey");
  await expect(page.getByRole("link", { name: "Back to the workspace" })).toHaveAttribute("href", "/demo");
  await expectNoAxeViolations(page, "no such survey");
});

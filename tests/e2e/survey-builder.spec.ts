import { test, expect, type Page, type Locator } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, expectTouchTargets, setUpWorkspace, sideways } from "./helpers";

// The council lead builds a survey in their workspace on a laptop-sized screen.
test.use({ viewport: { width: 1280, height: 900 }, hasTouch: true, permissions: ["clipboard-read", "clipboard-write"] });

const PASS = "river lantern pebble";
// The page's own heading: the first \`main h1\`, as the builder's preview shows the survey's too.
const heading = (page: Page) => page.locator("main h1").first();

/** The question ids in the order the builder shows them. */
const order = (page: Page) => page.locator(".sb-question").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-question")));

/** Everything has been written to the device. */
const saved = (page: Page) => expect(page.locator(".sb-page")).toHaveAttribute("data-saved", "true");

/** Drags a question card by its handle with the mouse (pointer events), to `y` on the page. */
async function drag(page: Page, handle: Locator, to: { x: number; y: number }) {
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Every link, button, menu and disclosure on the page is at least 44 by 44 pixels. */
const expectBigTargets = (page: Page, what: string) =>
  expectTouchTargets(page.locator("main a:visible, main button:visible, main select:visible, main summary:visible"), what, 4);

test("build a survey with a condition, reorder it, fix its problems, preview, publish and share it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const fingerprint = await setUpWorkspace(page, "Sam Patel", PASS);

  // The list, from the workspace's navigation.
  await page.locator("nav.iro-nav").getByRole("link", { name: "Surveys" }).click();
  await expect(heading(page)).toHaveText("Surveys");
  await expect(page.getByText("There are no surveys yet.")).toBeVisible();
  await expectNoAxeViolations(page, "survey list, empty");

  await page.getByRole("button", { name: "Start a new survey" }).click();
  await expect(heading(page)).toHaveText("Survey: Untitled survey");
  // An empty survey: the problems say what to do, each linking to its field.
  const problems = page.locator("#sb-problems");
  await expect(problems).toContainText("Title: the title needs wording");
  await expect(problems).toContainText("add at least one question");
  await expectNoAxeViolations(page, "builder, new survey");

  await page.getByLabel("Title", { exact: true }).fill("Your reviews");
  await expect(heading(page)).toHaveText("Survey: Your reviews");
  await page.getByLabel("Welcome text", { exact: true }).fill("Tell us what you think about your reviews. You don't have to give your name.");

  // A second language: wording boxes for it; unticking it when it has words asks first.
  await page.getByLabel("Cymraeg", { exact: true }).check();
  await page.getByLabel("Title (Cymraeg)").fill("Eich adolygiadau");
  // (A click, not uncheck(): the box stays ticked until the question is answered.)
  await page.getByLabel("Cymraeg", { exact: true }).click();
  await expect(page.locator("#sb-lang-confirm")).toBeFocused();
  await expect(page.locator("#sb-lang-confirm")).toContainText("Unticking Cymraeg removes everything written in it");
  await expect(page.getByLabel("Cymraeg", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Keep Cymraeg" }).click();
  await expect(page.getByLabel("Cymraeg", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Title (Cymraeg)")).toHaveValue("Eich adolygiadau");
  await page.getByLabel("Cymraeg", { exact: true }).click();
  await page.getByRole("button", { name: "Remove Cymraeg and its wording" }).click();
  await expect(page.getByLabel("Cymraeg", { exact: true })).not.toBeChecked();
  await expect(page.locator("#sb-title-cy")).toHaveCount(0);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Your reviews");

  // Question 1: yes / not sure / no.
  await page.getByRole("button", { name: "Add a question" }).click();
  await expect(page.locator("#sb-q1-text-en")).toBeFocused();
  await page.locator("#sb-q1-text-en").fill("Do you go to your own review?");

  // Question 2: pick one, with an option left empty.
  await page.getByLabel("Type of answer for the new question").selectOption("pick_one");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#sb-q2-text-en").fill("Who chairs your review?");
  for (const [i, words] of ["My IRO", "Me", ""].entries()) {
    await page.locator("#sb-q2-add_option").click();
    // The new option's box takes focus just after the click; a person types once it has.
    await expect(page.locator(`#sb-q2-option-o${i + 1}-en`)).toBeFocused();
    await page.keyboard.type(words);
  }
  await expect(page.locator("#sb-q2-option-o3-en")).toBeFocused();

  // Question 3: own words, shown only if question 1 is "no".
  await page.getByLabel("Type of answer for the new question").selectOption("own_words");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#sb-q3-text-en").fill("What stops you going?");
  await page.locator("#sb-q3-show_if").selectOption("q1");
  await expect(problems).toContainText("Question 3, when to show it: choose at least one answer that shows this question");
  await page.locator(".sb-question[data-question=q3]").getByLabel("No", { exact: true }).check();

  // The empty option is a problem; its link moves focus to it, and filling it fixes it.
  const emptyOption = problems.getByRole("link", { name: /Question 2, option 3: the option needs wording/ });
  await expect(emptyOption).toBeVisible();
  await emptyOption.click();
  await expect(page.locator("#sb-q2-option-o3-en")).toBeFocused();
  await page.keyboard.type("Someone else");
  await expect(emptyOption).toHaveCount(0);
  await expect(problems).toContainText("Nothing to fix: this survey can be published.");

  // An identifying question is flagged as it is typed, and publishing is refused.
  await page.getByLabel("Type of answer for the new question").selectOption("own_words");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#sb-q4-text-en").fill("What is your name?");
  const anonymous = page.locator("#sb-q4-anonymous");
  await expect(anonymous).toContainText("surveys are anonymous, so a question must not ask for a name");
  await expect(page.locator("#sb-q4-text-en")).toHaveAttribute("aria-describedby", "sb-q4-anonymous");
  await expect(problems).toContainText("Question 4: surveys are anonymous");
  await expectNoAxeViolations(page, "builder with problems");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not published yet. Fix what is listed under \"Still to fix\" first: 1 left." })).toBeVisible();
  await expect(problems).toBeFocused();
  await page.getByRole("button", { name: "Remove question 4" }).click();
  await page.getByRole("button", { name: "Remove the question" }).click();
  await expect(page.locator("#sb-q4-text-en")).toHaveCount(0);
  expect(await order(page)).toEqual(["q1", "q2", "q3"]);

  // Reorder with the keyboard: question 2 down; question 3 can never go above question 1.
  await page.locator("#sb-q2-down").focus();
  await page.keyboard.press("Enter");
  expect(await order(page)).toEqual(["q1", "q3", "q2"]);
  await expect(page.getByRole("status").filter({ hasText: "Question 2 is now question 3." })).toBeVisible();
  await expect(page.locator("#sb-q2-up")).toBeFocused();
  await expect(page.locator("#sb-q3-up")).toHaveCount(0);
  await expect(page.locator(".sb-question[data-question=q3] .sb-why-not")).toContainText(
    "Question 2 is shown depending on the answer to question 1, so it has to stay after it.",
  );
  await expect(page.locator("#sb-q1-down")).toHaveCount(0);

  // Reorder by dragging: question 2 back above question 3 (on a tall screen, so that both
  // cards are in view; on a short one the page scrolls as a card nears its edge).
  await page.setViewportSize({ width: 1280, height: 3200 });
  const card = (id: string) => page.locator(`.sb-question[data-question=${id}]`);
  const handle = (id: string) => card(id).locator(".sb-drag");
  let target = (await card("q3").boundingBox())!;
  await drag(page, handle("q2"), { x: target.x + 40, y: target.y + 10 });
  expect(await order(page)).toEqual(["q1", "q2", "q3"]);
  // Dragging question 3 to the top is refused, with the reason, and changes nothing.
  target = (await card("q1").boundingBox())!;
  await drag(page, handle("q3"), { x: target.x + 40, y: target.y + 5 });
  expect(await order(page)).toEqual(["q1", "q2", "q3"]);
  await expect(card("q3").getByRole("alert")).toContainText("Question 3 is shown depending on the answer to question 1, so it has to stay after it.");
  await saved(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The preview: question 3 shows only after "no" to question 1.
  const preview = page.locator(".sb-preview");
  await preview.getByRole("button", { name: "Preview from the start" }).click();
  await preview.getByLabel("Age group").selectOption("10-15");
  await preview.getByRole("button", { name: "Let's start" }).click();
  await expect(preview.locator("h1")).toHaveText("Do you go to your own review?");
  await expect(preview.locator("h1")).toBeFocused();
  await expect(preview.getByText("I'd rather not say")).toBeVisible();
  await preview.getByRole("button", { name: /Skip this one/ }).click();
  await expect(preview.locator("h1")).toHaveText("Who chairs your review?");
  await expect(preview.getByText("Someone else")).toBeVisible();
  await preview.getByRole("button", { name: /Skip this one/ }).click();
  await expect(preview).toContainText("That is the end of the survey.");
  await preview.getByRole("button", { name: /Back/ }).click();
  await preview.getByRole("button", { name: /Back/ }).click();
  await expect(preview.locator("h1")).toHaveText("Do you go to your own review?");
  await preview.getByText("No", { exact: true }).click();
  await preview.getByRole("button", { name: /Next/ }).click();
  await preview.getByRole("button", { name: /Skip this one/ }).click();
  await expect(preview.locator("h1")).toHaveText("What stops you going?");
  await expectNoAxeViolations(page, "builder with the preview on a question");

  // Publish, then share: file, link (copied) and QR code, with the fingerprint to check.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published: revision 1.")).toBeVisible();
  const share = page.locator(".sb-share");
  await expect(share.getByRole("heading", { name: "Share with tablets" })).toBeFocused();
  await expect(share).toContainText(`Fingerprint ${fingerprint}`);
  const link = await share.getByRole("textbox", { name: "Survey link" }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/surveys#mysay-survey\.[A-Za-z0-9_-]+$/);
  await expect(share.getByRole("img", { name: "QR code of the survey link" })).toBeVisible();
  await share.getByRole("button", { name: "Copy" }).click();
  await expect(share.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const downloading = page.waitForEvent("download");
  await share.getByRole("button", { name: "Download the survey file" }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^my-say-survey-survey-[0-9a-f]{16}-r1\.json$/);
  const json = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(json.format).toBe("my-say/survey-file");
  expect(json.version).toBe(1);
  expect(json.survey.kind).toBe("survey");
  expect(json.survey.revision).toBe(1);
  expect(json.survey.title.en).toBe("Your reviews");
  const questions = json.survey.sections.flatMap((s: any) => s.questions);
  expect(questions.map((q: any) => [q.id, q.text.en, q.kind.type])).toEqual([
    ["q1", "Do you go to your own review?", "yes_not_sure_no"],
    ["q2", "Who chairs your review?", "pick_one"],
    ["q3", "What stops you going?", "own_words"],
  ]);
  expect(questions[1].kind.options.map((o: any) => o.label.en)).toEqual(["My IRO", "Me", "Someone else"]);
  expect(questions[2].show_if).toEqual({ question: "q1", any_of: ["no"] });
  expect(json.seal_for).toEqual([expect.objectContaining({ display_name: "Sam Patel", fingerprint })]);
  expect(JSON.stringify(json)).not.toMatch(/child_details|device_id/);
  // A tablet opens the link: it shows the survey and the lead's fingerprint, and adds it.
  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const tablet = await tabletContext.newPage();
  await tablet.goto(link);
  await expect(tablet.locator("main")).toContainText("Your reviews");
  await expect(tablet.locator("main")).toContainText(fingerprint);
  await tablet.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(tablet.getByText('Added "Your reviews".')).toBeVisible();
  await tabletContext.close();
  await expectNoAxeViolations(page, "builder, published and shared");
  await expectBigTargets(page, "builder");
  await saved(page);

  // Everything was kept: after a reload (and unlocking) the survey is there, published.
  await page.reload();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASS);
  await page.getByRole("button", { name: "Unlock", exact: true }).click();
  await expect(heading(page)).toHaveText("Survey: Your reviews", { timeout: 30_000 });
  expect(await order(page)).toEqual(["q1", "q2", "q3"]);
  await expect(page.locator(".sb-publish")).toContainText("Published: revision 1");

  // A change after publishing shows on the list, with the answers count and the links.
  await page.locator("#sb-q1-help-en").fill("Your review is the meeting about your care plan.");
  await saved(page);
  await page.getByRole("link", { name: "Back to all surveys" }).click();
  await expect(heading(page)).toHaveText("Surveys");
  const item = page.locator(".sb-item").filter({ hasText: "Your reviews" });
  await expect(item).toContainText("Changed since revision 1 was published");
  await expect(item).toContainText("Answers back: 0");
  await expect(item.getByRole("link", { name: "Results: Your reviews" })).toHaveAttribute("href", /\/iro\/surveys\/survey-[0-9a-f]{16}\/results$/);
  await expect(item.getByRole("link", { name: "You said, we did: Your reviews" })).toHaveAttribute("href", /\/you-said$/);
  await expectNoAxeViolations(page, "survey list");
  await expectBigTargets(page, "survey list");

  // Deleting asks first and says what goes with it.
  await item.getByRole("button", { name: "Delete this survey: Your reviews" }).click();
  await expect(item).toContainText("also deletes the answers that came back for it (0)");
  await item.getByRole("button", { name: "Delete the survey and its answers (0)" }).click();
  await expect(page.getByText("\"Your reviews\" was deleted, with its answers.")).toBeFocused();
  await expect(page.getByText("There are no surveys yet.")).toBeVisible();
});

test("on a 320 px phone the list, builder and preview scroll nothing sideways", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  // The example workspace: already unlocked, in memory only.
  await page.goto("/demo/surveys");
  await expect(heading(page)).toHaveText("Surveys", { timeout: 30_000 });
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Start a new survey" }).click();
  await expect(heading(page)).toHaveText("Survey: Untitled survey");
  await page.getByLabel("Title", { exact: true }).fill("A survey with a rather long title to see that it wraps on a small phone");
  await page.getByLabel("Cymraeg", { exact: true }).check();
  await page.getByLabel("Type of answer for the new question").selectOption("pick_several");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#sb-q1-text-en").fill("Which of these would you like to do at the next council meeting?");
  await page.locator("#sb-q1-add_option").click();
  await expect(page.locator("#sb-q1-option-o1-en")).toBeFocused();
  await page.keyboard.type("Play games");
  await page.getByLabel("Type of answer for the new question").selectOption("faces");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator("#sb-q2-show_if").selectOption("q1");
  await page.locator(".sb-question[data-question=q2] summary").click();
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "builder at 320 px");
  const preview = page.locator(".sb-preview");
  await preview.getByRole("button", { name: "Preview from the start" }).click();
  await preview.getByRole("button", { name: "Let's start" }).click();
  await expect(preview.locator("h1")).toHaveText("Which of these would you like to do at the next council meeting?");
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Back to all surveys" }).click();
  await expect(heading(page)).toHaveText("Surveys");
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "survey list at 320 px");
});

test("the example workspace's survey, published with answers, opens in the builder", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/demo/surveys");
  await expect(heading(page)).toHaveText("Surveys", { timeout: 30_000 });
  const item = page.locator(".sb-item").first();
  await expect(item).toContainText("Published: revision 1");
  await expect(item).toContainText("Answers back: 60");
  await expectNoAxeViolations(page, "example survey list");
  await item.getByRole("link", { name: /^Edit: / }).click();
  await expect(heading(page)).toHaveText(/^Survey: /);
  await expect(page.locator(".sb-question").first()).toBeVisible();
  await expect(page.locator(".sb-publish")).toContainText("Nothing has changed since it was published");
  await expect(page.locator(".sb-share")).toContainText("Revision 1.");
  await expectNoAxeViolations(page, "example survey in the builder");
});

test("the builder in Welsh and in Arabic, right to left", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/demo/surveys");
  await expect(heading(page)).toHaveText("Surveys", { timeout: 30_000 });
  await page.getByLabel("Language", { exact: true }).selectOption({ label: "Cymraeg" });
  await expect(heading(page)).toHaveText("Arolygon");
  await page.getByRole("button", { name: "Dechrau arolwg newydd" }).click();
  await expect(heading(page)).toHaveText("Arolwg: Arolwg heb deitl");
  // A survey started in Welsh is written in Welsh first.
  await page.getByLabel("Teitl", { exact: true }).fill("Eich adolygiadau");
  await page.getByRole("button", { name: "Ychwanegu cwestiwn" }).click();
  await page.locator("#sb-q1-text-cy").fill("Ydych chi'n mynd i'ch adolygiad?");
  await expect(page.locator(".sb-preview h1")).toHaveText("Ydych chi'n mynd i'ch adolygiad?");
  await expect(page.locator("nav.iro-nav").getByRole("link", { name: "Arolygon" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page, "builder in Welsh");
  await page.getByLabel("Iaith", { exact: true }).selectOption({ label: "العربية" });
  await expect(heading(page)).toHaveText("استبيان: Eich adolygiadau");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".sb-preview-screen")).toHaveAttribute("lang", "cy");
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "builder in Arabic");
});

test("the council page explains surveys and links to each step", async ({ page }) => {
  await page.goto("/council");
  await expect(heading(page)).toHaveText("Children in Care Council surveys");
  await expect(page.getByText("A survey never asks for a name")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "import it on your workspace's home page" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Surveys in your workspace/ })).toHaveAttribute("href", "/iro/surveys");
  await expect(page.getByRole("link", { name: /Surveys on this tablet/ })).toHaveAttribute("href", "/surveys");
  await expect(page.getByRole("link", { name: /example workspace/ })).toHaveAttribute("href", "/demo/surveys");
  await expectNoAxeViolations(page, "council page");
});

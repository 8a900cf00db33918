import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, isoDate, pdfPageCount, printPdf, setUpWorkspace } from "./helpers";

// The whole council survey journey, as issue 6 describes it: the council lead builds a survey
// with a condition, previews and publishes it; a tablet adds it from the link and two children
// answer it; the answers file comes back and is imported; the lead reads the results, writes
// "You said, we did" and prints the poster.
test.use({ viewport: { width: 1280, height: 900 }, hasTouch: true });

const PASS = "orchard kettle meadow";
const TITLE = "Your say about reviews";
// The page's own heading: the first \`main h1\`, as the builder's preview shows the survey's too.
const heading = (page: Page) => page.locator("main h1").first();

/** The next child on the tablet: start screen, age group, then the questions. */
async function startChild(page: Page, band: string) {
  await page.getByRole("link", { name: `Start ${TITLE}` }).tap();
  await expect(heading(page)).toHaveText(TITLE);
  await page.getByText(band, { exact: true }).tap();
  await page.getByRole("button", { name: "Start the survey" }).tap();
  await page.getByRole("button", { name: "Let's start" }).tap();
  await expect(heading(page)).toHaveText("Do you know how to contact your IRO?");
}

test("build, preview and publish a survey; run it twice on a tablet; import, read results, write You said we did and print it", async ({ page: lead, browser }) => {
  test.setTimeout(300_000);

  // The council lead's workspace.
  await setUpWorkspace(lead, "Jo Participation", PASS);

  // Build: a yes / not sure / no question, and an own-words one shown only after "no".
  await lead.locator("nav.iro-nav").getByRole("link", { name: "Surveys" }).click();
  await lead.getByRole("button", { name: "Start a new survey" }).click();
  await lead.getByLabel("Title", { exact: true }).fill(TITLE);
  await lead.getByLabel("Welcome text", { exact: true }).fill("Tell the Children in Care Council what you think. You don't give your name.");
  await lead.getByRole("button", { name: "Add a question" }).click();
  await lead.locator("#sb-q1-text-en").fill("Do you know how to contact your IRO?");
  await lead.getByLabel("Type of answer for the new question").selectOption("own_words");
  await lead.getByRole("button", { name: "Add a question" }).click();
  await lead.locator("#sb-q2-text-en").fill("What would help you contact them?");
  await lead.locator("#sb-q2-show_if").selectOption("q1");
  await lead.locator(".sb-question[data-question=q2]").getByLabel("No", { exact: true }).check();
  await expect(lead.locator("#sb-problems")).toContainText("Nothing to fix: this survey can be published.");

  // Preview: question 2 shows only after "no".
  const preview = lead.locator(".sb-preview");
  await preview.getByRole("button", { name: "Preview from the start" }).click();
  await preview.getByLabel("Age group").selectOption("10-15");
  await preview.getByRole("button", { name: "Let's start" }).click();
  await expect(preview.locator("h1")).toHaveText("Do you know how to contact your IRO?");
  await preview.getByText("Yes", { exact: true }).click();
  await preview.getByRole("button", { name: /Next/ }).click();
  await expect(preview).toContainText("That is the end of the survey.");
  await preview.getByRole("button", { name: /Back/ }).click();
  await preview.getByText("No", { exact: true }).click();
  await preview.getByRole("button", { name: /Next/ }).click();
  await expect(preview.locator("h1")).toHaveText("What would help you contact them?");

  // Publish, and take the link to the tablet.
  await lead.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(lead.getByText("Published: revision 1.")).toBeVisible();
  const link = await lead.locator(".sb-share").getByRole("textbox", { name: "Survey link" }).inputValue();
  const surveyId = /\/iro\/surveys\/(survey-[0-9a-f]{16})/.exec(lead.url())![1];

  // The tablet: add the survey, then two children answer it.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const tablet = await context.newPage();
  await tablet.goto(new URL(link).pathname + new URL(link).hash);
  await expect(tablet.locator(".card.offer")).toContainText("Jo Participation");
  await tablet.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(tablet.getByRole("status")).toContainText(`Added "${TITLE}"`);

  const marker = `lighthouse${Date.now()}`;
  await startChild(tablet, "10 to 15");
  await tablet.getByText("No", { exact: true }).tap();
  await tablet.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(tablet)).toHaveText("What would help you contact them?");
  await tablet.locator(".own-words textarea").fill(`a card with the number on ${marker}`);
  await tablet.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(tablet)).toHaveText("Here's what you told us");
  await tablet.getByRole("button", { name: "Finish and send my answers" }).tap();
  await expect(heading(tablet)).toHaveText("Thank you!");
  await tablet.getByRole("link", { name: "Done: ready for the next person" }).tap();
  await tablet.goto("/surveys");

  await startChild(tablet, "16 and over");
  await tablet.getByText("Yes", { exact: true }).tap();
  await tablet.getByRole("button", { name: /^Next/ }).tap();
  // The own-words question is not shown after "yes".
  await expect(heading(tablet)).toHaveText("Here's what you told us");
  await tablet.getByRole("button", { name: "Finish and send my answers" }).tap();
  await expect(heading(tablet)).toHaveText("Thank you!");

  await tablet.goto("/surveys");
  const card = tablet.locator(".survey-card");
  await expect(card).toContainText("Answers waiting to be sent: 2");
  const downloading = tablet.waitForEvent("download");
  await card.getByRole("button", { name: "Download the answers file" }).tap();
  const file = await downloading;
  const name = file.suggestedFilename();
  const bytes = readFileSync((await file.path())!);
  await context.close();

  // Back in the workspace: import the answers file.
  await lead.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Booklets" }).click();
  await lead.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name, mimeType: "application/octet-stream", buffer: bytes });
  await expect(lead.getByText(`2 survey answers added from ${name}`)).toBeVisible();

  // Results: two children, too few to show figures, and the free text as written.
  await lead.locator("nav.iro-nav").getByRole("link", { name: "Surveys" }).click();
  await expect(lead.getByText("Answers back: 2")).toBeVisible();
  await lead.getByRole("link", { name: `Results: ${TITLE}` }).click();
  await expect(heading(lead)).toHaveText(`Results: ${TITLE}`);
  await expect(lead.getByText("2 children finished this survey.")).toBeVisible();
  await expect(lead.getByText("fewer than 5").first()).toBeVisible();
  await expect(lead.getByText(`a card with the number on ${marker}`)).toBeVisible();
  await expectNoAxeViolations(lead, "results of the new survey");

  // You said, we did: one entry about question 2 with an action done last week.
  await lead.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Surveys" }).click();
  await lead.getByRole("link", { name: `You said, we did: ${TITLE}` }).click();
  await expect(lead).toHaveURL(new RegExp(`/iro/surveys/${surveyId}/you-said$`));
  await lead.getByRole("button", { name: "Add something children said" }).click();
  const entry = lead.locator("li.ysw-entry").first();
  await entry.getByLabel("What children said").fill("You said you did not know how to contact your IRO.");
  await entry.getByLabel("What is it about?").selectOption({ index: 1 });
  const action = entry.locator("li.ysw-action").first();
  await action.getByLabel("What was done, or is planned").fill("We made IRO business cards with their phone number.");
  const d = new Date();
  d.setDate(d.getDate() - 7);
  await action.getByLabel("Date").fill(isoDate(d));
  await action.getByRole("radio", { name: "Done" }).check();
  await expect(lead.getByText("Nothing to fix: the poster is ready to print.")).toBeVisible();
  const poster = lead.locator("section.poster");
  await expect(poster).toContainText("We made IRO business cards with their phone number.");
  await expectNoAxeViolations(lead, "you said, we did for the new survey");

  // Printed: the poster alone, on one page.
  await lead.emulateMedia({ media: "print" });
  await expect(poster).toBeVisible();
  await expect(lead.locator(".ysw-entries")).toBeHidden();
  const pdf = await printPdf(lead, "journey-poster.pdf");
  expect(pdfPageCount(pdf)).toBe(1);
});

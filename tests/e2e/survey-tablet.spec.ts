import { test, expect, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cachedFiles, download, dumpStorage, expectNoAxeViolations, finishBooklet, firstHeading, heading, onScreen, open, setUpTablet, setUpWorkspace, sideways, tabletPage, VECTOR, waitForServiceWorker, watchFirstHeading } from "./helpers";

// Council surveys on a tablet: added from the council lead's link, run anonymously for two
// children, sealed for the lead alone, sent as the survey's own answers file and imported into
// the lead's workspace apart from review booklets.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const PASS = "willow compass harbour";
const SURVEY_ID = "survey-0123456789abcdef";
const TITLE = "Your reviews: have your say";
const t = (en: string, cy: string) => ({ en, cy });

/** A survey as the builder publishes it (docs/surveys.md, docs/booklet-format.md). */
const SURVEY = {
  format: "my-say/booklet",
  version: 1,
  id: SURVEY_ID,
  revision: 1,
  kind: "survey",
  age_bands: ["7-9", "10-15", "16+"],
  locales: ["en", "cy"],
  title: t(TITLE, "Dy adolygiadau: dweud dy ddweud"),
  intro: t("The Children in Care Council wants to make reviews better.", "Mae'r Cyngor Plant mewn Gofal eisiau gwneud adolygiadau'n well."),
  sections: [
    {
      id: "questions",
      title: t(TITLE, "Dy adolygiadau: dweud dy ddweud"),
      questions: [
        { id: "q1", theme: "support", text: t("Do you know how to contact your IRO?", "Wyt ti'n gwybod sut i gysylltu â dy swyddog adolygu?"), kind: { type: "yes_not_sure_no" }, worry_if: ["no"] },
        { id: "q2", theme: "agenda", text: t("What would make reviews better?", "Beth fyddai'n gwneud adolygiadau'n well?"), kind: { type: "own_words", max_chars: 500 } },
        { id: "q3", theme: "last_review", text: t("How did your last review go?", "Sut aeth dy adolygiad diwethaf?"), kind: { type: "faces" } },
      ],
    },
  ],
};

type Lead = { display_name: string; public_key: string; fingerprint: string };

/** The survey file (`my-say/survey-file`, version 1), sealed for `lead`. */
function surveyFile(lead: Lead) {
  return { format: "my-say/survey-file", version: 1, survey: SURVEY, seal_for: [lead] };
}

/** The survey link: `mysay-survey.` and base64url(0x01 ‖ compact JSON ‖ 4-byte SHA-256 check). */
function surveyLink(lead: Lead): string {
  const body = Buffer.concat([Buffer.from([1]), Buffer.from(JSON.stringify(surveyFile(lead)), "utf8")]);
  const check = createHash("sha256").update(Buffer.from("my-say survey link v1\0", "latin1")).update(body).digest().subarray(0, 4);
  return `/surveys#mysay-survey.${Buffer.concat([body, check]).toString("base64url")}`;
}

/** The sealed-format test vector's two people, as council leads. */
function vectorLeads(): Lead[] {
  return VECTOR.recipients.map((r: { display_name: string; public_key_hex: string; fingerprint: string }) => ({
    display_name: r.display_name,
    public_key: Buffer.from(r.public_key_hex, "hex").toString("base64url"),
    fingerprint: r.fingerprint,
  }));
}

/** A staff member sets up a workspace and downloads their public key file. */
async function leadWithKey(page: Page): Promise<Lead> {
  await setUpWorkspace(page, "Mo Council Lead", PASS);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Tablets and key" }).click();
  const key = JSON.parse((await download(page, "Download my key file", { exact: true })).text);
  expect(key.format).toBe("my-say-public-key");
  return { display_name: key.display_name, public_key: key.public_key, fingerprint: key.fingerprint };
}

/** Whether the page scrolls sideways. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return (await sideways(page)) > 1;
}

/** The number of sealed items a bundle file says it holds. */
function bundleCount(bytes: Buffer): number {
  expect(bytes.subarray(0, 8).toString("latin1")).toBe("\x89MySay\r\n");
  return bytes.readUInt32BE(9);
}

test("a survey is added from its link, run anonymously twice, sent as its own file and imported apart from booklets", async ({ page: staff, browser }) => {
  test.setTimeout(300_000);
  const lead = await leadWithKey(staff);
  const link = surveyLink(lead);
  const { context, page } = await tabletPage(browser);

  // A cut or mistyped link is refused with a message and changes nothing.
  await page.goto(`${link.slice(0, 60)}${link[60] === "A" ? "B" : "A"}${link.slice(61)}`);
  await expect(page.getByRole("alert")).toContainText("This survey link does not work");
  await expect(page.getByRole("alert")).toContainText("Nothing on this tablet was changed.");
  await expect(page.getByText("There are no surveys on this tablet yet.")).toBeVisible();
  await expectNoAxeViolations(page, "surveys: bad link");

  // The real link: what the survey is, and whom its answers are sealed for. (From another page,
  // so that the browser loads it rather than only changing the fragment.)
  await page.goto("about:blank");
  await page.goto(link);
  const offer = page.locator(".card.offer");
  await expect(offer).toContainText(TITLE);
  await expect(offer).toContainText("3 questions");
  await expect(offer).toContainText("For ages: 7 to 9, 10 to 15, 16 and over");
  await expect(offer).toContainText("Languages: English, Cymraeg");
  await expect(offer).toContainText("Mo Council Lead");
  await expect(offer).toContainText(`Fingerprint ${lead.fingerprint}`);
  await expectNoAxeViolations(page, "surveys: offer");
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText(`Added "${TITLE}"`);
  await expect(page).toHaveURL(/\/surveys$/);
  // The same link again changes nothing, and says so.
  await page.goto("about:blank");
  await page.goto(link);
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText("is already on this tablet. Nothing changed.");
  await expect(page.locator(".survey-card")).toHaveCount(1);
  await expectNoAxeViolations(page, "surveys: one survey");
  const startLink = page.getByRole("link", { name: `Start ${TITLE}` });
  const box = await startLink.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);

  // Child 1, by touch: the anonymous start screen, then the booklet's own screens.
  const marker = `quokka${Date.now()}`;
  await startLink.tap();
  await expect(heading(page)).toHaveText(TITLE);
  await expect(page.getByText("We don't ask your name, your date of birth or your case number.")).toBeVisible();
  await expect(page.getByText("With your answers we keep only your age group, your language and the day you finish.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Read aloud" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Which language?" })).toContainText("Cymraeg");
  await expect(page.getByText("4 to 6", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "survey start");
  await page.getByRole("button", { name: "Start the survey" }).tap();
  await expect(page.locator("#survey-errors")).toContainText("Choose your age group.");
  await expectNoAxeViolations(page, "survey start with a problem");
  await page.getByText("10 to 15", { exact: true }).tap();
  await page.getByRole("button", { name: "Start the survey" }).tap();
  await expect(page).toHaveURL(/\/surveys\/answer\/[0-9a-f]{32}$/);
  await expect(heading(page)).toHaveText(TITLE);
  // A survey's draft at the address the child's app used to answer it in (a tablet updated mid-
  // survey) moves to the surveys app, in place of that address.
  const answering = page.url();
  await page.goto(answering.replace("/surveys/answer/", "/booklet/"));
  await expect(page).toHaveURL(answering);
  await expect(heading(page)).toHaveText(TITLE);
  await expectNoAxeViolations(page, "survey intro");
  await page.getByRole("button", { name: "Let's start" }).tap();
  await expect(heading(page)).toHaveText("Do you know how to contact your IRO?");
  await page.getByText("No", { exact: true }).tap();
  // A worrying answer: Childline, and no IRO (nobody knows who answered).
  await expect(heading(page)).toHaveText("It's OK to tell");
  await expect(page.getByText("Childline: call 0800 1111.", { exact: false })).toBeVisible();
  // Who reads it, said plainly; 999; and no promise of secrecy.
  const help = page.locator(".ok-to-tell");
  await expect(help).toContainText("The people at the council who run this survey will read the answers. It is anonymous");
  await expect(help).toContainText("If you are in danger right now, call 999.");
  await expect(help).not.toContainText(/secret|won't tell|will not tell|nobody will know/i);
  await expect(page.getByText("Your IRO", { exact: false })).toHaveCount(0);
  await expectNoAxeViolations(page, "survey: it's OK to tell");
  await page.getByRole("button", { name: "Carry on" }).tap();
  await page.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(page)).toHaveText("What would make reviews better?");
  await page.locator(".own-words textarea").fill(`shorter please ${marker}`);
  await page.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(page)).toHaveText("How did your last review go?");
  await expectNoAxeViolations(page, "survey question");
  await page.locator(".answers .option label").first().tap();
  await page.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(page)).toHaveText("Here's what you told us");
  await expect(page.getByText(marker, { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "survey review");
  await expect(page.locator("section.filling")).toHaveAttribute("data-saved", "true");
  // While the child is still going, the draft is saved, but not as plain text.
  expect(await dumpStorage(page)).not.toContain(marker);
  await page.getByRole("button", { name: "Finish and send my answers" }).tap();
  await expect(heading(page)).toHaveText("Thank you!");
  await expectNoAxeViolations(page, "survey thank you");
  let dump = await dumpStorage(page);
  expect(dump).not.toContain(marker);
  expect(dump).not.toContain("shorter please");
  expect(dump).toContain(`survey/${SURVEY_ID}/`);
  // Back to the start screen for the next child: nothing of the last child's answers.
  await page.getByRole("link", { name: "Done: ready for the next person" }).tap();
  await expect(heading(page)).toHaveText(TITLE);
  await expect(page).toHaveURL(new RegExp(`/surveys/${SURVEY_ID}$`));
  await expect(page.locator("input[name=survey-age-band]:checked")).toHaveCount(0);
  await expect(page.getByText(marker, { exact: false })).toHaveCount(0);

  // Child 2, with the keyboard alone; stops for now and carries on from the surveys page. Each
  // screen moves focus to its heading a frame after it appears, so a keyboard starts from there.
  await onScreen(page, TITLE);
  await page.getByLabel("7 to 9", { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Start the survey" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/surveys\/answer\/[0-9a-f]{32}$/);
  await expect(page.getByRole("button", { name: "Let's start" })).toBeVisible();
  await onScreen(page, TITLE);
  await page.getByRole("button", { name: "Let's start" }).focus();
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Do you know how to contact your IRO?");
  await expect(heading(page)).toBeFocused();
  // Tab to the first answer and choose it.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement)?.type === "radio")) break;
  }
  await page.keyboard.press("Space");
  await expect(page.locator("section.filling")).toHaveAttribute("data-saved", "true");
  await page.getByRole("button", { name: "Stop for now" }).focus();
  await page.keyboard.press("Enter");
  // Stopping locks the answers with a code: four pictures for a child of 7 to 9.
  await expect(heading(page)).toHaveText("Choose your code");
  await expect(heading(page)).toBeFocused();
  const code = ["Heart", "Door", "Heart", "Star"];
  for (const picture of code) {
    await page.getByRole("button", { name: picture, exact: true }).focus();
    await page.keyboard.press("Enter");
  }
  await page.getByRole("button", { name: "Save and stop" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/surveys\?saved=1$/, { timeout: 20_000 });
  await expect(page.getByText("Saved. The survey can be carried on later from this screen.")).toBeVisible();
  await expectNoAxeViolations(page, "surveys with one in progress");
  await page.getByRole("link", { name: `Carry on: ${TITLE}` }).focus();
  await page.keyboard.press("Enter");
  await onScreen(page, "Carry on");
  for (const picture of code) {
    await page.getByRole("button", { name: picture, exact: true }).focus();
    await page.keyboard.press("Enter");
  }
  await page.getByRole("button", { name: "Carry on", exact: true }).focus();
  await page.keyboard.press("Enter");
  // Opening runs 600,000 rounds of PBKDF2: time for a busy machine.
  await onScreen(page, "Do you know how to contact your IRO?", { timeout: 20_000 });
  await page.getByRole("button", { name: /^Next/ }).focus();
  await page.keyboard.press("Enter");
  await onScreen(page, "What would make reviews better?");
  await page.locator(".own-words textarea").focus();
  await page.keyboard.type("typed with keys");
  await page.getByRole("button", { name: /^Next/ }).focus();
  await page.keyboard.press("Enter");
  await onScreen(page, "How did your last review go?");
  await page.getByRole("button", { name: /^Skip this one/ }).focus();
  await page.keyboard.press("Enter");
  await onScreen(page, "Here's what you told us");
  await page.getByRole("button", { name: "Finish and send my answers" }).focus();
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Thank you!");
  dump = await dumpStorage(page);
  expect(dump).not.toContain("typed with keys");

  // The tablet was never set up for an IRO, yet both answers are sealed and waiting.
  await page.goto("/surveys");
  const card = page.locator(".survey-card");
  await expect(card).toContainText("Answers waiting to be sent: 2");
  await expect(page.getByText("Surveys in progress")).toHaveCount(0);

  // Removing asks first, and says answers are still waiting.
  await card.getByRole("button", { name: "Remove from this tablet" }).tap();
  await expect(card).toContainText("2 answers to this survey are still waiting to be sent.");
  await expectNoAxeViolations(page, "surveys: confirm remove");
  await card.getByRole("button", { name: "Keep it" }).tap();

  // A review booklet finished on the same tablet: its answers file holds it alone.
  await setUpTablet(page);
  await finishBooklet(page, "Tia", "16 and over");
  await page.goto("/tablet");
  await expect(page.getByText("Sealed booklets waiting to be sent: 1")).toBeVisible();
  let downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the answers file" }).tap();
  const review = readFileSync((await (await downloading).path())!);
  expect(bundleCount(review)).toBe(1);

  // The survey's own answers file: both children, sealed, and remembered as sent.
  await page.goto("/surveys");
  await expect(card).toContainText("Answers waiting to be sent: 2");
  downloading = page.waitForEvent("download");
  await card.getByRole("button", { name: "Download the answers file" }).tap();
  const download = await downloading;
  const name = download.suggestedFilename();
  expect(name).toMatch(new RegExp(`^my-say-survey-answers-${SURVEY_ID}-.*\\.mysay$`));
  const answers = readFileSync((await download.path())!);
  expect(bundleCount(answers)).toBe(2);
  expect(answers.toString("latin1")).not.toContain(marker);
  await expect(page.getByRole("status")).toContainText(`Saved ${name} with 2 answers.`);
  await expect(card).toContainText("Answers waiting to be sent: 0");
  await expect(card).toContainText("Already sent and still on this tablet: 2");
  await expectNoAxeViolations(page, "surveys: answers sent");

  // Taken off the tablet after confirming; its sent answers can still be removed.
  await card.getByRole("button", { name: "Remove from this tablet" }).tap();
  await card.getByRole("button", { name: "Yes, remove it" }).tap();
  await expect(page.getByRole("status")).toContainText(`Removed "${TITLE}" from this tablet.`);
  await expect(page.getByText("There are no surveys on this tablet yet.")).toBeVisible();
  const takenOff = page.locator("section.card", { has: page.getByRole("heading", { name: "Answers to surveys taken off this tablet" }) });
  await expect(takenOff).toContainText(`Survey ${SURVEY_ID}`);
  await takenOff.getByRole("button", { name: "Remove sent answers from this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText("Removed 2 sent answers from this tablet.");
  await expect(takenOff).toHaveCount(0);
  await expectNoAxeViolations(page, "surveys: taken off");
  await context.close();

  // The council lead imports the file: survey answers, counted apart, never in the inbox.
  await staff.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Booklets" }).click();
  await expect(heading(staff)).toHaveText("IRO workspace");
  const picker = staff.getByLabel("Choose answers files", { exact: true });
  await picker.setInputFiles({ name, mimeType: "application/octet-stream", buffer: answers });
  await expect(staff.getByText(`2 survey answers added from ${name}`)).toBeVisible();
  await expect(staff.getByText("No booklets yet.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(staff, "workspace after importing survey answers");
  await picker.setInputFiles({ name, mimeType: "application/octet-stream", buffer: answers });
  await expect(staff.getByText(`Nothing new: all 2 survey answers in ${name} were already here`)).toBeVisible();
  await expect(staff.getByText("No booklets yet.", { exact: false })).toBeVisible();
  // The review booklet's file was sealed for another IRO: refused whole, nothing added.
  await picker.setInputFiles({ name: "review.mysay", mimeType: "application/octet-stream", buffer: review });
  await expect(staff.getByText("review.mysay", { exact: false }).first()).toBeVisible();
  await expect(staff.getByText("No booklets yet.", { exact: false })).toBeVisible();
});

test("the surveys page opens in the tablet's language after a reload, its own wording with it", async ({ page }) => {
  await page.goto("/surveys");
  await expect(heading(page)).toHaveText("Surveys on this tablet");
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await expect(heading(page)).toHaveText("Arolygon ar y dabled hon");
  // The shared wording (the heading) and this app's own (the lead, from /tablet/locales/) are
  // both there before the first paint: the saved language is used only once both have come.
  await watchFirstHeading(page);
  await page.reload();
  await expect.poll(() => firstHeading(page)).toEqual({ seen: "Arolygon ar y dabled hon", text: "Arolygon ar y dabled hon", lang: "cy", dir: "ltr" });
  await expect(page.locator("main .lead")).toHaveText(/^Mae arolygon y Cyngor Plant mewn Gofal yn ddienw\./);
});

test("at 320 px wide, a survey added from its file: the screens scroll nothing sideways", async ({ browser }) => {
  test.setTimeout(120_000);
  const lead: Lead = {
    display_name: "Sam Patel",
    public_key: "9KQleDqalQ4ckNNTjXLgju8ZWt09XKmeIed93EbwCXw",
    fingerprint: "4Z7W-KM8N-A7BX-2SGN",
  };
  const { context, page } = await tabletPage(browser, 320);
  // From a file this time: a wrong file is refused with a message and changes nothing.
  await page.goto("/surveys");
  const picker = page.getByLabel("Add a survey from a file", { exact: true });
  await picker.setInputFiles({ name: "junk.json", mimeType: "application/json", buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByRole("alert")).toContainText("junk.json could not be added: This is not a My Say survey.");
  await expect(page.getByText("There are no surveys on this tablet yet.")).toBeVisible();
  expect(await scrollsSideways(page), "bad file").toBe(false);
  const file = JSON.stringify(surveyFile(lead), null, 2);
  await picker.setInputFiles({ name: "my-say-survey.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await expect(page.locator(".card.offer")).toContainText(TITLE);
  expect(await scrollsSideways(page), "offer").toBe(false);
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(page.locator(".survey-card")).toHaveCount(1);
  expect(await scrollsSideways(page), "list").toBe(false);
  await page.getByRole("link", { name: `Start ${TITLE}` }).tap();
  await expect(heading(page)).toHaveText(TITLE);
  expect(await scrollsSideways(page), "start").toBe(false);
  await page.getByText("16 and over", { exact: true }).tap();
  await page.getByRole("button", { name: "Start the survey" }).tap();
  await page.getByRole("button", { name: "Let's start" }).tap();
  for (let i = 0; i < 6; i++) {
    expect(await scrollsSideways(page), `screen ${i}`).toBe(false);
    if (((await heading(page).textContent()) ?? "").includes("Here's what you told us")) break;
    await page.getByRole("button", { name: /^(Next|Skip this one)/ }).tap();
  }
  await page.getByRole("button", { name: "Finish and send my answers" }).tap();
  await expect(heading(page)).toHaveText("Thank you!");
  expect(await scrollsSideways(page), "thank you").toBe(false);
  await page.goto("/surveys");
  await expect(page.locator(".survey-card")).toContainText("Answers waiting to be sent: 1");
  expect(await scrollsSideways(page), "list with answers").toBe(false);
  await page.locator(".survey-card").getByRole("button", { name: "Remove from this tablet" }).tap();
  expect(await scrollsSideways(page), "confirm").toBe(false);
  await context.close();
});

test("a survey update that changes its keys shows both and needs confirmation", async ({ page }) => {
  // The test vector's two people, as a council lead and the lead who takes over.
  const [before, after] = vectorLeads();
  await page.goto(surveyLink(before));
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText(`Added "${TITLE}"`);
  const card = page.locator(".survey-card");
  await expect(card).toContainText(`Fingerprint ${before.fingerprint}`);

  // The same survey, sealed for someone else: both are shown, and nothing changes yet.
  await page.goto("about:blank");
  await page.goto(surveyLink(after));
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  const change = page.getByRole("alert").filter({ hasText: `This changes who answers to "${TITLE}" are sealed for` });
  await expect(change).toBeVisible();
  // The button pressed is still there, now asking for the change in so many words.
  const yes = page.getByRole("button", { name: "Yes, seal its answers for the new people" });
  await expect(yes).toBeVisible();
  await expect(page.getByRole("button", { name: "Add this survey to this tablet" })).toHaveCount(0);
  const lists = change.locator(".recipients");
  await expect(lists.nth(0)).toContainText(before.display_name);
  await expect(lists.nth(0)).toContainText(`Fingerprint ${before.fingerprint}`);
  await expect(lists.nth(1)).toContainText(after.display_name);
  await expect(lists.nth(1)).toContainText(`Fingerprint ${after.fingerprint}`);
  await expectNoAxeViolations(page, "surveys: keys change");
  // Cancel keeps the survey as it was.
  await page.getByRole("button", { name: "Cancel", exact: true }).tap();
  await expect(change).toHaveCount(0);
  await expect(page.locator(".card.offer")).toHaveCount(0);
  await page.reload();
  await expect(card).toContainText(`Fingerprint ${before.fingerprint}`);
  await expect(card).not.toContainText(after.fingerprint);

  // Confirmed, its answers are sealed for the new people from now on.
  await page.goto("about:blank");
  await page.goto(surveyLink(after));
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await yes.tap();
  await expect(page.getByRole("status")).toContainText(`"${TITLE}" now seals answers for different people`);
  await expect(card).toContainText(`Fingerprint ${after.fingerprint}`);
  await expect(card).not.toContainText(before.fingerprint);
});

test("a tablet with surveys keeps their app for offline use even when only the child's app is opened", async ({ page, context }) => {
  const [lead] = vectorLeads();
  await page.goto(surveyLink(lead));
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText(`Added "${TITLE}"`);
  // As on a tablet that ran surveys before they were an app of their own: the worker keeps the
  // child's app only.
  await waitForServiceWorker(page);
  await page.evaluate(async () => {
    for (const name of await caches.keys()) if (name.startsWith("my-say-surveys-")) await caches.delete(name);
  });
  // Opening the child's app finds the tablet's surveys and asks the worker to keep their app.
  await open(page, "/");
  const kept = async () =>
    Object.entries(await cachedFiles(page)).filter(([name, files]) => name.startsWith("my-say-surveys-") && files.includes("/surveys/index.html")).length;
  await expect.poll(kept, { timeout: 20_000 }).toBe(1);
  await context.setOffline(true);
  await page.goto("/surveys");
  await expect(page.locator(".survey-card")).toContainText(TITLE);
  await context.setOffline(false);
});

test("a survey taken off the tablet while a child answers: finishing says so, and the child's changes are still saved", async ({ page: staff, browser }) => {
  test.setTimeout(180_000);
  const lead = await leadWithKey(staff);
  const { context, page } = await tabletPage(browser);
  await page.goto(surveyLink(lead));
  await page.getByRole("button", { name: "Add this survey to this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText(`Added "${TITLE}"`);
  await page.getByRole("link", { name: `Start ${TITLE}` }).tap();
  await page.getByText("10 to 15", { exact: true }).tap();
  await page.getByRole("button", { name: "Start the survey" }).tap();
  await page.getByRole("button", { name: "Let's start" }).tap();
  await page.getByText("Yes", { exact: true }).tap();
  const next = page.locator(".nav button.primary");
  for (let i = 0; i < 5 && (await heading(page).textContent()) !== "Here's what you told us"; i++) await next.tap();
  await expect(heading(page)).toHaveText("Here's what you told us");

  // Meanwhile the survey is taken off this tablet, from another page.
  const other = await context.newPage();
  await other.goto("/surveys");
  await other.getByRole("button", { name: "Remove from this tablet" }).tap();
  const yes = other.getByRole("button", { name: "Yes, remove it" });
  if (await yes.count()) await yes.tap();
  await expect(other.getByRole("status")).toContainText(`Removed "${TITLE}" from this tablet.`);
  await other.close();

  // Finishing cannot seal: the child is told, and nothing of theirs is lost.
  await page.getByRole("button", { name: "Finish and send my answers" }).tap();
  await expect(page.getByRole("alert")).toContainText("This survey has been taken off this tablet");
  // Said as a finish that could not be done, not as an answer that was not saved.
  await expect(page.getByRole("alert")).toContainText("Your answers could not be sent yet");
  await expect(page.getByRole("alert")).toContainText("They are still saved on this tablet.");
  // A change after that is still saved to the tablet, as every answer is.
  await page.getByRole("button", { name: "Change your answer to: Do you know how to contact your IRO?" }).tap();
  await page.getByText("Not sure", { exact: true }).tap();
  await expect(page.locator("section.filling")).toHaveAttribute("data-saved", "true");
  await context.close();
});

import { test, expect, type Page } from "@playwright/test";
import { captureSpeech, chooseChildLanguage, expectNoAxeViolations, fillBookletStart, fillStorage, heading, setUpTablet, skipTo, startBookletFor, storageCanFill, tabToButton } from "./helpers";

// A tablet: touch, landscape.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

type Band = { label: string; name: string };
const BANDS: Band[] = [
  { label: "4 to 6", name: "Ava" },
  { label: "7 to 9", name: "Ben" },
  { label: "10 to 15", name: "Chloe" },
  { label: "16 and over", name: "Dev" },
];

/** The adult starts a booklet for a child. */
async function startBooklet(page: Page, band: string, name: string, extra: { language?: string; feminine?: boolean; iroContact?: string } = {}) {
  await setUpTablet(page);
  await page.goto("/booklet");
  await page.getByLabel("Child's first name or initials").fill(name);
  await page.getByText(band, { exact: true }).tap();
  await page.getByLabel("Date of the review").fill("2026-12-01");
  if (extra.iroContact) {
    await page.getByLabel("IRO's name (optional)").fill("Jo Bloggs");
    await page.getByLabel("IRO's phone or email (optional)").fill(extra.iroContact);
  }
  if (extra.language) await chooseChildLanguage(page, extra.language, extra.feminine);
  await page.locator("button[type=submit]").tap();
  await expect(page.locator("h1")).toContainText(name);
}

/** Answers whatever the current question asks, by touch: the first option, or some words. */
async function answerByTouch(page: Page, words: string) {
  const textarea = page.locator(".own-words textarea");
  if (await textarea.count()) {
    await textarea.tap();
    await textarea.fill(words);
    return;
  }
  await page.locator(".answers .option label").first().tap();
}

/** Closes the "it's OK to tell" screen if the last answer opened it. */
async function carryOnIfAsked(page: Page, carryOn: RegExp) {
  const button = page.getByRole("button", { name: carryOn });
  if (await button.count()) await button.tap();
}

for (const band of BANDS) {
  test(`a child aged ${band.label} completes a whole booklet by touch, every screen passing axe`, async ({ page }) => {
    // The first option is "Yes" to every optional topic too: up to 56 screens, each scanned.
    test.setTimeout(180_000);
    await startBooklet(page, band.label, band.name);
    await expectNoAxeViolations(page, `${band.label} start`);
    await page.getByRole("button", { name: "Let's start" }).tap();
    let screens = 0;
    while (!(await heading(page).textContent())!.includes("Here's what you told us")) {
      await expect(page.getByText(/Question \d+ of \d+/)).toBeVisible();
      await expectNoAxeViolations(page, `${band.label} question ${screens + 1}`);
      await answerByTouch(page, `words from ${band.name}`);
      await carryOnIfAsked(page, /^Carry on$/);
      await page.getByRole("button", { name: /^(Next|Skip this one)/ }).tap();
      screens += 1;
      expect(screens, "the booklet never ends").toBeLessThan(60);
    }
    expect(screens).toBeGreaterThan(20);
    await expectNoAxeViolations(page, `${band.label} review`);
    await expect(page.getByText(`words from ${band.name}`).first()).toBeVisible();
    await page.getByRole("button", { name: "Finish and send to my IRO" }).tap();
    await expect(heading(page)).toHaveText(`Thank you, ${band.name}!`);
    await expectNoAxeViolations(page, `${band.label} thank you`);
    // The answers are gone from the screen and the booklet cannot be opened again.
    await page.getByRole("link", { name: "Give the tablet back" }).tap();
    await expect(page.getByRole("link", { name: /^Carry on/ })).toHaveCount(0);
  });
}

test("a whole booklet can be completed with the keyboard alone", async ({ page }) => {
  await startBooklet(page, "10 to 15", "Kai");
  // From the focused heading, Tab reaches the start button.
  await tabToButton(page, "Let's start", 10);
  await page.keyboard.press("Enter");
  let screens = 0;
  while (!(await heading(page).textContent())!.includes("Here's what you told us")) {
    // Focus starts on the new question's heading.
    await expect(heading(page)).toBeFocused();
    let answered = false;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { tag: el.tagName, type: (el as HTMLInputElement).type, text: el.textContent ?? "" };
      });
      if (!answered && focused.tag === "INPUT" && (focused.type === "radio" || focused.type === "checkbox")) {
        await page.keyboard.press("Space");
        answered = true;
      } else if (!answered && focused.tag === "TEXTAREA") {
        await page.keyboard.type("typed with keys");
        answered = true;
      } else if (focused.tag === "BUTTON" && /^Carry on$/.test(focused.text.trim())) {
        await page.keyboard.press("Enter");
        await expect(heading(page)).toBeFocused();
      } else if (answered && focused.tag === "BUTTON" && /^(Next|Skip this one)/.test(focused.text.trim())) {
        await page.keyboard.press("Enter");
        break;
      }
    }
    screens += 1;
    expect(screens).toBeLessThan(60);
  }
  await expect(page.getByText("typed with keys").first()).toBeVisible();
  await tabToButton(page, "Finish and send", 200);
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Thank you, Kai!");
});

test("a booklet in Arabic is right to left, in Arabic, and can be completed", async ({ page }) => {
  await startBooklet(page, "7 to 9", "Omar", { language: "العربية" });
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(heading(page)).toHaveText("مرحباً Omar!");
  await page.getByRole("button", { name: "لنبدأ" }).tap();
  // The next button sits on the left in right-to-left.
  const next = page.getByRole("button", { name: /التالي|تخطَّ هذا السؤال/ });
  expect((await next.boundingBox())!.x).toBeLessThan(300);
  await expectNoAxeViolations(page, "an Arabic question");
  let screens = 0;
  while (!(await heading(page).textContent())!.includes("هذا ما أخبرتنا به")) {
    await answerByTouch(page, "كلمات عمر");
    await carryOnIfAsked(page, /^تابع$/);
    await next.tap();
    screens += 1;
    expect(screens).toBeLessThan(60);
  }
  await page.getByRole("button", { name: "أنهِ وأرسل إلى مسؤول المراجعة" }).tap();
  await expect(heading(page)).toHaveText("شكراً لك يا Omar!");
});

test("an Arabic booklet in feminine forms", async ({ page }) => {
  // Arabic speaks to a girl and a boy in different words: the adult has to choose.
  await setUpTablet(page);
  await page.goto("/booklet");
  await page.getByLabel("Child's first name or initials").fill("Mariam");
  await page.getByText("7 to 9", { exact: true }).tap();
  await page.getByLabel("Date of the review").fill("2026-12-01");
  await page.getByLabel("Language for the child").selectOption({ label: "العربية" });
  await page.locator("button[type=submit]").tap();
  await expect(page.getByRole("link", { name: "Choose how the booklet speaks to the child in Arabic." })).toBeVisible();
  await page.getByText("Words for a girl (feminine)", { exact: true }).tap();
  await page.locator("button[type=submit]").tap();
  await expect(heading(page)).toHaveText("مرحباً Mariam!");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await skipTo(page, /بالأمان/);
  const feelSafe = "هل تشعرين بالأمان في المكان الذي تعيشين فيه؟";
  await expect(heading(page)).toHaveText(feelSafe);
  await expect(page.getByRole("button", { name: "اقرئي بصوت عالٍ" })).toBeVisible();
  await expect(page.getByRole("button", { name: "تخطَّي هذا السؤال" })).toBeVisible();
  // The choice is kept with the draft: after a reload the booklet still speaks to her.
  await page.reload();
  await expect(heading(page)).toHaveText(feelSafe);
  await page.getByText("لا", { exact: true }).tap();
  await expect(heading(page)).toHaveText("لا بأس في الإخبار");
  await page.getByRole("button", { name: "تابعي" }).tap();
  await expect(heading(page)).toHaveText(feelSafe);
  // The next booklet on this tablet is chosen afresh, not in her forms.
  await page.goto("/booklet");
  await page.locator("#child-language").selectOption("ar");
  await expect(page.locator("#arabic-feminine")).not.toBeChecked();
  await expect(page.locator("#arabic-masculine")).not.toBeChecked();
});

test("a reload in the middle resumes at the same question with every answer intact", async ({ page }) => {
  await startBooklet(page, "7 to 9", "Rae");
  await page.getByRole("button", { name: "Let's start" }).tap();
  await page.locator(".answers .option label").nth(1).tap();
  await page.getByRole("button", { name: /^Next/ }).tap();
  await page.locator(".answers .option label").first().tap();
  await page.getByRole("button", { name: /^Next/ }).tap();
  const question = await heading(page).textContent();
  const progress = await page.getByText(/Question \d+ of \d+/).textContent();
  await expect(page.locator('[data-saved="true"]')).toHaveCount(1);
  await page.reload();
  await expect(heading(page)).toHaveText(question!);
  await expect(page.getByText(/Question \d+ of \d+/)).toHaveText(progress!);
  await page.getByRole("button", { name: /^Back/ }).tap();
  await expect(page.locator(".answers input:checked")).toHaveCount(1);
  await page.getByRole("button", { name: /^Back/ }).tap();
  await expect(page.locator(".answers .option input").nth(1)).toBeChecked();
  // Every step is written within moments; leaving before that could lose the last one.
  await expect(page.locator('[data-saved="true"]')).toHaveCount(1);
  // Closing the tab and coming back later from the adult screen works the same way.
  await page.goto("/booklet");
  // Left without "Stop for now", it is not locked; the list shows initials, not the name.
  await expect(page.getByText(/\bRae\b/)).toHaveCount(0);
  await page.getByRole("link", { name: "Carry on: R." }).tap();
  // It resumes where the child was (the first question, after going back twice), answers intact.
  await expect(page.locator(".answers .option input").nth(1)).toBeChecked();
  const first = await heading(page).textContent();
  await page.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(page)).not.toHaveText(first!);
  await expect(page.locator(".answers input:checked")).toHaveCount(1);
  await page.getByRole("button", { name: /^Next/ }).tap();
  await expect(heading(page)).toHaveText(question!);
});

test("saying they don't feel safe shows, at once, who the child can talk to", async ({ page }) => {
  await startBooklet(page, "10 to 15", "Lee", { iroContact: "07700 900123" });
  await page.getByRole("button", { name: "Let's start" }).tap();
  for (let i = 0; i < 40 && !/safe/i.test((await heading(page).textContent()) ?? ""); i++) {
    await page.getByRole("button", { name: /^(Next|Skip this one)/ }).tap();
  }
  await expect(heading(page)).toContainText(/safe/i);
  const question = await heading(page).textContent();
  await page.getByText("No", { exact: true }).tap();
  await expect(heading(page)).toHaveText("It's OK to tell");
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText("0800 1111")).toBeVisible();
  await expect(page.getByText("Your IRO, Jo Bloggs: 07700 900123")).toBeVisible();
  await expectNoAxeViolations(page, "it's OK to tell");
  await page.getByRole("button", { name: "Carry on" }).tap();
  await expect(heading(page)).toHaveText(question!);
  await expect(page.locator(".answers input:checked + label")).toHaveText("No");
});

test("a Welsh booklet offers Hoffwn / Na hoffwn where it asks Hoffet ti…?", async ({ page }) => {
  const speech = await captureSpeech(page);
  await startBookletFor(page, "Cai", "7 to 9", { language: "Cymraeg" });
  // Welsh answers yes and no with the question's own verb, and never with a slash.
  const answers = page.locator(".answers .option label");
  await skipTo(page, /^Hoffet ti gael egwyl/);
  await expect(answers).toHaveText(["Hoffwn", "Ddim yn siŵr", "Na hoffwn", "Byddai'n well gen i beidio â dweud"]);
  await page.getByRole("button", { name: "Darllen yn uchel" }).tap();
  await expect.poll(async () => (await speech.spoken()).at(-1)).toContain("Hoffwn. Ddim yn siŵr. Na hoffwn.");
  expect((await speech.spoken()).join(" ")).not.toContain("/");
  await page.getByText("Na hoffwn", { exact: true }).tap();
  const next = page.locator(".nav button.primary");
  for (let i = 0; i < 40 && !/^Wyt ti'n teimlo'n ddiogel/.test((await heading(page).textContent()) ?? ""); i++) await next.tap();
  await expect(answers).toHaveText(["Ydw", "Ddim yn siŵr", "Nac ydw", "Byddai'n well gen i beidio â dweud"]);
  for (let i = 0; i < 40 && !/^Oes unrhyw beth yn dy boeni/.test((await heading(page).textContent()) ?? ""); i++) await next.tap();
  await expect(answers).toHaveText(["Oes", "Ddim yn siŵr", "Nac oes", "Byddai'n well gen i beidio â dweud"]);
  // "Here's what you told us" shows the child's answer in the same words.
  for (let i = 0; i < 40 && (await heading(page).textContent()) !== "Dyma beth ddwedaist ti wrthon ni"; i++) await next.tap();
  await expect(page.locator("main")).toContainText("Na hoffwn");
  await expect(page.locator("main")).not.toContainText("/");
});

test("a full tablet: the child is told in the booklet's language, and the answer is kept and saved once there is room", async ({ page }) => {
  await storageCanFill(page);
  await startBookletFor(page, "Cai", "7 to 9", { language: "Cymraeg" });
  const next = page.locator(".nav button.primary");
  await next.tap();
  const question = await heading(page).textContent();
  const options = page.locator(".answers .option label");
  await fillStorage(page, true);
  await options.first().tap();
  // The whole message in Welsh, the reason included (it was English inside Welsh before).
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(/^Methodd y dabled hon gadw'r ateb diwethaf: Mae storfa'r dabled hon yn llawn, .* Dywed wrth yr oedolyn sy'n dy helpu\.$/);
  await expect(page.locator("section.filling")).toHaveAttribute("data-saved", "false");
  await expect(options.first().locator("xpath=preceding-sibling::input")).toBeChecked();
  // Room again: the next change saves the whole draft, and the message goes.
  await fillStorage(page, false);
  await options.nth(1).tap();
  await expect(alert).toBeHidden();
  await expect(page.locator("section.filling")).toHaveAttribute("data-saved", "true");
  await page.reload();
  await expect(heading(page)).toHaveText(question!);
  await expect(page.locator(".answers input:checked + label")).toHaveText((await options.nth(1).textContent())!);
});

test("a full tablet read aloud: a child who listens hears why the banner came, in the booklet's language", async ({ page }) => {
  const speech = await captureSpeech(page);
  await storageCanFill(page);
  // Read-aloud is on from the start for 4 to 6.
  await startBookletFor(page, "Cai", "4 to 6", { language: "Cymraeg" });
  await page.locator(".nav button.primary").tap();
  await fillStorage(page, true);
  await page.locator(".answers .option label").first().tap();
  await expect(page.getByRole("alert")).toContainText("Mae storfa'r dabled hon yn llawn");
  await expect.poll(async () => (await speech.spoken()).at(-1)).toMatch(/^Methodd y dabled hon gadw'r ateb diwethaf: Mae storfa'r dabled hon yn llawn, .* Dywed wrth yr oedolyn sy'n dy helpu\.$/);
  expect((await speech.voices()).at(-1)).toBe("Test cy-GB");
});

test("a tablet that is not set up for an IRO says so, and leads to the set-up", async ({ page }) => {
  await page.goto("/booklet");
  await expect(page.getByRole("note")).toContainText("set up this tablet for their IRO");
  await expect(page.getByRole("button", { name: "Start the booklet" })).toBeHidden();
  await page.getByRole("link", { name: "Set up this tablet" }).tap();
  await expect(heading(page)).toHaveText("Tablet set-up");
});

test("tapping Start again while the booklet opens starts one booklet, not two", async ({ page }) => {
  await setUpTablet(page);
  await page.goto("/booklet");
  await fillBookletStart(page, "Twice", "7 to 9");
  // The second tap lands while the first is still starting (the booklet's app is a page load away).
  await page.locator("button[type=submit]").evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(heading(page)).toContainText("Twice");
  await page.goto("/booklet");
  // One booklet in progress on this tablet (named by the child's initial).
  await expect(page.getByRole("link", { name: /^Carry on: / })).toHaveCount(1);
});

test("the adult gets clear messages for a form with missing details, and nothing starts", async ({ page }) => {
  await setUpTablet(page);
  await page.goto("/booklet");
  await page.getByRole("button", { name: "Start the booklet" }).tap();
  await expect(page.getByRole("alert")).toContainText("Enter the child's first name or initials.");
  await expect(page.getByRole("alert")).toContainText("Choose an age band or enter a date of birth.");
  await expect(page.getByRole("alert")).toContainText("Enter the date of the review.");
  await expect(heading(page)).toHaveText("Start a booklet");
  await expectNoAxeViolations(page, "start form with errors");
});

test("a date of birth chooses the age band", async ({ page }) => {
  await setUpTablet(page);
  await page.goto("/booklet");
  await page.getByLabel("Child's first name or initials").fill("Zed");
  await page.getByLabel("Date of birth (optional)").fill("2014-06-01");
  await page.getByLabel("Date of the review").fill("2026-12-01");
  await page.getByRole("button", { name: "Start the booklet" }).tap();
  await expect(heading(page)).toHaveText("Hello Zed!");
  // A twelve-year-old gets the 10–15 booklet, which asks about chairing the review.
  await page.getByRole("button", { name: "Let's start" }).tap();
  // 38 questions with every optional topic off (the 7 to 9 booklet has 34).
  await expect(page.getByText(/Question 1 of 38/)).toBeVisible();
});

test("read-aloud says so when the device has no voice", async ({ page }) => {
  await startBooklet(page, "4 to 6", "Mo");
  await page.getByRole("button", { name: "Let's start" }).tap();
  await page.getByRole("button", { name: "Read aloud" }).tap();
  const status = page.getByRole("status").filter({ hasText: /voice/ });
  const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith("en")).length);
  if (voices === 0) await expect(status).toHaveText(/This device has no voice for reading aloud/);
  else await expect(status).toHaveCount(0);
});

/** Locking and opening a stopped booklet run 600,000 rounds of PBKDF2: time for a busy machine. */
const SLOW = { timeout: 20_000 };

/** A child of 7 to 9 starts a booklet and answers its first question by touch: the next
 * question's heading, which must not be on screen once the booklet is locked. */
async function answerTheFirstQuestion(page: Page): Promise<string> {
  await startBooklet(page, "7 to 9", "Rae Smith");
  await page.getByRole("button", { name: "Let's start" }).tap();
  await page.locator(".answers .option label").first().tap();
  await page.getByRole("button", { name: /^Next/ }).tap();
  return (await heading(page).textContent())!;
}

/** Taps a child's picture code. */
async function tapCode(page: Page, pictures: string[]) {
  for (const p of pictures) await page.getByRole("button", { name: p, exact: true }).tap();
}

test("a stopped booklet opens only with its child's code, and a forgotten code lets an adult remove it", async ({ page }) => {
  const t0 = new Date("2026-12-06T10:00:00Z");
  await page.clock.setFixedTime(t0);
  const question = await answerTheFirstQuestion(page);

  // Stopping asks for a code: four pictures for a child of 7 to 9, read aloud on request.
  await page.getByRole("button", { name: "Stop for now" }).tap();
  await expect(heading(page)).toHaveText("Choose your code");
  await expect(page.getByRole("button", { name: /Read aloud/ })).toBeVisible();
  await expectNoAxeViolations(page, "choose a code");
  await tapCode(page, ["Star", "Heart"]);
  await page.getByRole("button", { name: "Save and stop" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Tap 4 pictures.");
  await page.getByRole("button", { name: "Start again" }).tap();
  const code = ["Star", "House", "House", "Book"];
  await tapCode(page, code);
  await page.getByRole("button", { name: "Save and stop" }).tap();
  await expect(page).toHaveURL(/\/booklet\?saved=1$/, SLOW);

  // The start screen shows initials only, and carrying on needs the code.
  await expect(page.getByText(/\bRae\b/)).toHaveCount(0);
  await page.getByRole("link", { name: "Carry on: R. S." }).tap();
  await expect(heading(page)).toHaveText("Carry on: R. S.");
  await expect(page.getByText(question)).toHaveCount(0);
  await expectNoAxeViolations(page, "give the code");
  for (let i = 0; i < 3; i++) {
    await tapCode(page, ["Heart", "Heart", "Heart", "Heart"]);
    await page.getByRole("button", { name: "Carry on", exact: true }).tap();
    await expect(page.getByRole("alert")).toHaveText("That is not the code. Try again.", SLOW);
    // The wrong try is counted and kept before the pictures are cleared for the next one.
    await expect(page.getByText("Pictures tapped: 0 of 4")).toBeVisible(SLOW);
  }
  // After three wrong codes even the right one waits, and a reload does not reset the count.
  await page.reload();
  await tapCode(page, code);
  await page.getByRole("button", { name: "Carry on", exact: true }).tap();
  await expect(page.getByRole("alert")).toHaveText("Too many tries. Try again in 30 seconds.", SLOW);
  await page.clock.setFixedTime(new Date(t0.getTime() + 31_000));
  await tapCode(page, code);
  await page.getByRole("button", { name: "Carry on", exact: true }).tap();
  // It opens where the child stopped, the answer kept.
  await expect(heading(page)).toHaveText(question!, SLOW);
  await page.getByRole("button", { name: /^Back/ }).tap();
  await expect(page.locator(".answers input:checked")).toHaveCount(1);

  // Stopped again and the code forgotten: an adult can remove the booklet, never open it.
  await page.getByRole("button", { name: "Stop for now" }).tap();
  await tapCode(page, ["Door", "Door", "Door", "Door"]);
  await page.getByRole("button", { name: "Save and stop" }).tap();
  await page.getByRole("link", { name: "Carry on: R. S." }).tap();
  await page.getByText("Forgotten the code?").tap();
  await expect(page.getByText("Nobody can open these answers without the code, not even an adult.")).toBeVisible();
  await page.getByRole("button", { name: "Remove this booklet (adults)" }).tap();
  await page.getByRole("button", { name: "Yes, remove it for good" }).tap();
  await expect(page).toHaveURL(/\/booklet$/);
  await expect(page.getByRole("link", { name: /^Carry on/ })).toHaveCount(0);
});

test("Back after a child locks their booklet asks for the code again, as tablets' browsers restore the page they left", async ({ playwright }, testInfo) => {
  // Playwright turns the back-forward cache off; a tablet's browser keeps it on, and would give
  // back the booklet's page as it was left, the child's answers in it.
  const browser = await playwright.chromium.launch({ ...testInfo.project.use.launchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] });
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1024, height: 768 }, hasTouch: true });
  const question = await answerTheFirstQuestion(page);
  await page.getByRole("button", { name: "Stop for now" }).tap();
  await tapCode(page, ["Star", "House", "House", "Book"]);
  await page.getByRole("button", { name: "Save and stop" }).tap();
  await expect(page).toHaveURL(/\/booklet\?saved=1$/, SLOW);
  await page.goBack({ waitUntil: "commit" });
  await expect(heading(page)).toHaveText("Carry on: R. S.", SLOW);
  await expect(page.getByText(question)).toHaveCount(0);
  await browser.close();
});

test("a child of 10 to 15 locks a stopped booklet with a number", async ({ page }) => {
  await startBooklet(page, "10 to 15", "Kai");
  await page.getByRole("button", { name: "Let's start" }).tap();
  const question = await heading(page).textContent();
  await page.getByRole("button", { name: "Stop for now" }).tap();
  await expect(heading(page)).toHaveText("Choose your code");
  await page.getByLabel("Your number").fill("12");
  await page.getByRole("button", { name: "Save and stop" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Use 4 to 6 digits, 0 to 9.");
  await page.getByLabel("Your number").fill("2468");
  await page.getByRole("button", { name: "Save and stop" }).tap();
  await page.getByRole("link", { name: "Carry on: K." }).tap();
  await page.getByLabel("Your number").fill("2468");
  await page.getByRole("button", { name: "Carry on", exact: true }).tap();
  await expect(heading(page)).toHaveText(question!, SLOW);
});

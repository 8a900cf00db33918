import { test, expect, type Page } from "@playwright/test";
import { answersFileFromATablet, captureSpeech, expectNoAxeViolations, finishBooklet, heading, peopleOffered, restoreTestVectorIro, type Answer } from "./helpers";

// The people a child chooses from are the child's own. With nothing changed by the adult, every
// person is offered; an adult can hide one (a parent who has died, one the child does not see)
// before handing the tablet over, and only that one goes; the child adds anyone by name; the
// IRO's summary says what the adult hid, so a missing "mum" is not read as the child's choice.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

/** The people the 4 to 6 booklet offers, in its order. */
const PEOPLE = [
  "The grown-ups I live with",
  "My social worker",
  "My mum",
  "My dad",
  "My brothers and sisters",
  "My teacher",
  "A friend",
  "Someone to help me speak up (an advocate)",
];
const WHO = "Who would you like at your meeting?";
const ADD = "Someone else? Write their name here";

/** The people the question on screen offers, by their words, in order; none when it is not a people question. */
async function offered(page: Page) {
  if (!(await page.locator(".add-someone").count())) return null;
  return (await page.locator(".answers.many .option:not(.rather-not-say) label").allTextContents()).map((t) => t.trim());
}

/** The summary fact whose term is `term`. */
function fact(page: Page, term: string) {
  return page.locator(".summary-facts > div").filter({ has: page.locator("dt", { hasText: term }) }).locator("dd");
}

test("a child adds their own people and hides none by accident", async ({ browser, page }) => {
  test.setTimeout(420_000);
  const peopleQuestions: Record<string, number> = { Ari: 0, Bea: 0 };
  const file = await answersFileFromATablet(browser, async (tablet) => {
    const speech = await captureSpeech(tablet);
    // Before anything is changed, every person is ticked: offered to the child.
    await tablet.goto("/booklet");
    await tablet.getByText("4 to 6", { exact: true }).tap();
    const boxes = (await peopleOffered(tablet)).getByRole("checkbox");
    await expect(boxes).toHaveCount(PEOPLE.length);
    for (const person of PEOPLE) await expect((await peopleOffered(tablet)).getByLabel(person, { exact: true })).toBeChecked();
    await expectNoAxeViolations(tablet, "the start form, before handing the tablet over");

    // Ari: the adult changes nothing. Every people question offers everyone; Ari adds Nan Pat
    // with the Add button and Uncle Jo with the Enter key.
    const ari: Answer = async (page, question) => {
      const shown = await offered(page);
      if (!shown) return;
      peopleQuestions.Ari += 1;
      expect(shown).toEqual(PEOPLE);
      await expect(page.getByLabel("I'd rather not say")).toBeAttached();
      if (question !== WHO) return;
      const name = page.getByLabel(ADD);
      await name.fill("Nan Pat");
      await page.getByRole("button", { name: "Add", exact: true }).tap();
      await expect(page.locator(".chosen")).toContainText("Nan Pat");
      await expect(name).toHaveValue("");
      await name.fill("Uncle Jo");
      await name.press("Enter");
      await expect(page.locator(".chosen")).toContainText("Uncle Jo");
    };
    await finishBooklet(tablet, "Ari", "4 to 6", {
      answer: async (page, question) => {
        await ari(page, question);
        // Read aloud (on for 4 to 6) says the way to add someone on a people question.
        if (question === WHO) expect((await speech.spoken()).find((s) => s.startsWith(WHO))).toContain(ADD);
      },
    });

    // Bea: the adult hides her mum. Every people question offers everyone else; "I'd rather not
    // say" and adding someone by name are still there, and read aloud never says "My mum".
    const bea: Answer = async (page, question) => {
      const shown = await offered(page);
      if (!shown) return;
      peopleQuestions.Bea += 1;
      expect(shown).toEqual(PEOPLE.filter((p) => p !== "My mum"));
      await expect(page.getByLabel("I'd rather not say")).toBeAttached();
      await expect(page.getByLabel(ADD)).toBeVisible();
      await expect.poll(async () => (await speech.spoken()).at(-1) ?? "").toContain(question);
      expect((await speech.spoken()).at(-1)).toContain(ADD);
      expect((await speech.spoken()).at(-1)).not.toContain("My mum");
      if (question !== WHO) return;
      await expectNoAxeViolations(page, "a people question with a person hidden");
      await page.getByText("My dad", { exact: true }).tap();
      await page.getByLabel(ADD).fill("Auntie Sue");
      await page.getByRole("button", { name: "Add", exact: true }).tap();
    };
    await finishBooklet(tablet, "Bea", "4 to 6", { hide: ["My mum"], answer: bea });
  });
  // Who comes, and who they do not want: both are people questions, and both were checked.
  expect(peopleQuestions.Ari).toBeGreaterThanOrEqual(1);
  expect(peopleQuestions.Bea).toEqual(peopleQuestions.Ari);

  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
  await expect(page.getByText(`Added 2 booklets from ${file.name}`)).toBeVisible();
  const rows = page.locator(".inbox-table tbody tr");

  await rows.getByRole("link", { name: "Bea" }).click();
  await expect(heading(page)).toHaveText("Bea's booklet");
  await expect(fact(page, "Not offered to the child (the adult hid them)")).toHaveText("My mum");
  const beaWho = page.locator(".summary-item").filter({ hasText: WHO });
  await expect(beaWho).toContainText("My dad");
  await expect(beaWho).toContainText("Auntie Sue");
  await expect(beaWho).not.toContainText("My mum");

  await page.getByRole("link", { name: "Back to the booklets" }).click();
  await rows.getByRole("link", { name: "Ari" }).click();
  await expect(heading(page)).toHaveText("Ari's booklet");
  await expect(page.getByText("Not offered to the child")).toHaveCount(0);
  const ariWho = page.locator(".summary-item").filter({ hasText: WHO });
  await expect(ariWho).toContainText("Nan Pat");
  await expect(ariWho).toContainText("Uncle Jo");
});

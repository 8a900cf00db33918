import { test, expect, type Page } from "@playwright/test";
import { captureSpeech, expectNoAxeViolations, expectTouchTargets, heading, skipTo, startBookletFor } from "./helpers";

// "It's OK to tell": the screen a child sees straight after a worrying answer, in words for
// their age, read aloud, with 999, Childline (and Meic in Welsh) and never a promise of secrecy.

// A tablet: touch, landscape.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

/** The help screen's controls are all at least 44 px each way, and it passes axe. */
async function expectUsableByTouch(page: Page, what: string) {
  await expectTouchTargets(page.locator(".ok-to-tell button"), what);
  await expectNoAxeViolations(page, what);
}

/** Every phone number on the help screen sits in its own left-to-right element. */
async function expectNumbersIsolated(page: Page, numbers: string[]) {
  for (const n of numbers) await expect(page.locator(".ok-to-tell [dir=ltr]").filter({ hasText: new RegExp(`^${n}$`) })).toHaveCount(1);
}

test("a 5-year-old says not sure to feeling safe, and hears the help screen read aloud with 999 and Childline", async ({ page }) => {
  const speech = await captureSpeech(page);
  // 4 to 6 turns read-aloud on for the booklet.
  await startBookletFor(page, "Ava", "4 to 6", { iroName: "Jo Bloggs", iroContact: "07700 900123" });
  await skipTo(page, /feel safe/);
  const question = await heading(page).textContent();
  const before = (await speech.spoken()).length;
  await page.getByText("Not sure", { exact: true }).tap();
  await expect(heading(page)).toHaveText("It's OK to tell");
  await expect(heading(page)).toBeFocused();

  // Read aloud at once, every line of it.
  await expect.poll(async () => (await speech.spoken()).length).toBeGreaterThan(before);
  const said = (await speech.spoken()).at(-1)!;
  for (const words of ["It's OK to tell", "call 999", "Childline", "0800 1111", "Your IRO, Jo Bloggs: 07700 900123"]) expect(said).toContain(words);
  const lines = await page.locator(".ok-to-tell p").allTextContents();
  expect(lines.length).toBeGreaterThanOrEqual(5);
  for (const line of lines) expect(said).toContain(line.trim());

  // Words for a 5-year-old: who reads it, that grown-ups will help keep them safe, no secrets.
  const help = page.locator(".ok-to-tell");
  await expect(help).toContainText("Your IRO will read what you said. If you are not safe, grown-ups will help to keep you safe.");
  await expect(help).toContainText("If you are in danger right now, call 999.");
  await expect(help).not.toContainText(/secret|won't tell|will not tell|nobody will know/i);
  // Meic is for Welsh booklets.
  await expect(help).not.toContainText("Meic");
  await expectNumbersIsolated(page, ["999", "0800 1111", "07700 900123"]);

  // The Read aloud button reads it again, whenever the child asks.
  await page.getByRole("button", { name: "Read aloud" }).tap();
  await expect.poll(async () => (await speech.spoken()).at(-1)).toBe(said);
  await expectUsableByTouch(page, "it's OK to tell, 4 to 6");

  // And the child carries on where they were, the answer kept.
  await page.getByRole("button", { name: "Carry on" }).tap();
  await expect(heading(page)).toHaveText(question!);
  await expect(page.locator(".answers input:checked + label")).toHaveText("Not sure");
});

test("the Arabic help screen draws 0800 left of 1111", async ({ page }) => {
  await startBookletFor(page, "Omar", "7 to 9", { language: "العربية" });
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await skipTo(page, /بالأمان/);
  await page.getByText("لا", { exact: true }).tap();
  await expect(heading(page)).toHaveText("لا بأس في الإخبار");
  await expectNumbersIsolated(page, ["999", "0800 1111"]);
  // Where each half of the Childline number is drawn: 0800 on the left, as it is dialled.
  const boxes = await page.evaluate(() => {
    const number = [...document.querySelectorAll(".ok-to-tell [dir=ltr]")].find((e) => e.textContent === "0800 1111")!;
    const text = number.firstChild!;
    const box = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top };
    };
    return { first: box(0, 4), last: box(5, 9), paragraphDir: getComputedStyle(number.parentElement!).direction };
  });
  expect(boxes.paragraphDir).toBe("rtl");
  expect(Math.abs(boxes.first.top - boxes.last.top), "both halves on one line").toBeLessThan(4);
  expect(boxes.first.right).toBeLessThanOrEqual(boxes.last.left);
  await expectUsableByTouch(page, "it's OK to tell in Arabic");
  await page.getByRole("button", { name: "تابع" }).tap();
  await expect(heading(page)).toHaveText(/بالأمان/);
});

test("a Welsh booklet's help screen names Meic", async ({ page }) => {
  const speech = await captureSpeech(page);
  await startBookletFor(page, "Cai", "10 to 15", { language: "Cymraeg", iroName: "Jo Bloggs" });
  await skipTo(page, /ddiogel/);
  await page.getByText("Nac ydw", { exact: true }).tap();
  await expect(heading(page)).toHaveText("Mae'n iawn dweud");
  const help = page.locator(".ok-to-tell");
  await expect(help).toContainText("Meic: ffonia 080 880 23456.");
  await expect(help).toContainText("Os wyt ti mewn perygl nawr, ffonia 999.");
  await expect(help).toContainText("Childline: ffonia 0800 1111.");
  await expect(help).toContainText("Enw dy Swyddog Adolygu ydy Jo Bloggs.");
  await expectNumbersIsolated(page, ["999", "0800 1111", "080 880 23456"]);
  // Read-aloud was not switched on for this booklet: nothing is read until the child asks.
  expect((await speech.spoken()).join(" ")).not.toContain("Meic");
  await page.getByRole("button", { name: "Darllen yn uchel" }).tap();
  await expect.poll(async () => (await speech.spoken()).at(-1)).toContain("Meic: ffonia 080 880 23456.");
  expect((await speech.spoken()).at(-1)).toContain("0800 1111");
  await expectUsableByTouch(page, "it's OK to tell in Welsh");
  await page.getByRole("button", { name: "Parhau" }).tap();
  await expect(heading(page)).toHaveText(/ddiogel/);
});

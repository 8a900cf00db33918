import { test, expect } from "@playwright/test";
import { captureSpeech, expectNoAxeViolations, heading, startBookletFor } from "./helpers";

// Read-aloud never sends a child's words off the device: it uses voices on the device only,
// unless an adult allows an online voice on the tablet set-up page.

// A tablet: touch, landscape.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

test("read-aloud uses only voices on the device, and says so when there is none", async ({ page }) => {
  // English only online; Welsh both on the device and online.
  const speech = await captureSpeech(page, {
    voices: [
      { lang: "en-GB", localService: false, name: "Online English" },
      { lang: "cy-GB", localService: false, name: "Online Welsh" },
      { lang: "cy-GB", localService: true, name: "Welsh on this tablet" },
    ],
  });
  await startBookletFor(page, "Mo", "7 to 9");
  const booklet = page.url();
  await page.getByRole("button", { name: "Read aloud" }).tap();
  await expect(page.getByRole("status").filter({ hasText: /voice/ })).toHaveText(
    "This device's voice would send the words to another company, so it is not used. An adult can read it with you.",
  );
  expect(await speech.spoken()).toEqual([]);

  // Off until an adult allows it, knowing the words leave the device; the choice is kept.
  await page.goto("/tablet");
  const allow = page.getByLabel("Allow voices that send the words to another company's server");
  await expect(allow).not.toBeChecked();
  await expect(allow).toHaveAccessibleDescription(/the child's name among them, then go to that company/);
  await expectNoAxeViolations(page, "tablet set-up with the voices setting");
  await allow.check();
  await page.reload();
  await expect(page.getByLabel("Allow voices that send the words to another company's server")).toBeChecked();

  await page.goto(booklet);
  await expect(heading(page)).toContainText("Mo");
  await page.getByRole("button", { name: "Read aloud" }).tap();
  await expect.poll(() => speech.spoken()).toHaveLength(1);
  expect(await speech.voices()).toEqual(["Online English"]);
  await expect(page.getByRole("status").filter({ hasText: /voice/ })).toHaveCount(0);

  // A voice on the device always comes first, allowed or not. (Each page load records afresh.)
  await startBookletFor(page, "Cai", "7 to 9", { language: "Cymraeg" });
  await page.getByRole("button", { name: "Darllen yn uchel" }).tap();
  await expect.poll(() => speech.spoken()).toHaveLength(1);
  expect(await speech.voices()).toEqual(["Welsh on this tablet"]);
});

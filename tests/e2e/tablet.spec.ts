import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { dumpStorage, expectNoAxeViolations, fillInBooklet, finishBooklet, setUpTablet, VECTOR } from "./helpers";

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

/** The adult starts a booklet for Tia, 16 and over; the child writes `my secret <marker>` in every
 * own-words box, up to the end. */
async function fillBookletWith(page: Page, marker: string) {
  await fillInBooklet(page, "Tia", "16 and over", {
    answer: async (p) => {
      const textarea = p.locator(".own-words textarea");
      if (await textarea.count()) await textarea.fill(`my secret ${marker}`);
    },
  });
}

test("a tablet set up from a link shows the IROs and fingerprints, and passes axe", async ({ page }) => {
  await page.goto(`/tablet#${VECTOR.setup_fragment}`);
  for (const r of VECTOR.recipients) {
    await expect(page.getByText(r.display_name).first()).toBeVisible();
    await expect(page.getByText(`Fingerprint ${r.fingerprint}`).first()).toBeVisible();
  }
  await expectNoAxeViolations(page, "tablet set-up offer");
  await page.getByRole("button", { name: "Seal answers for them on this tablet" }).tap();
  await expect(page).toHaveURL(/\/tablet$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "This tablet seals answers for:" })).toBeVisible();
  await expectNoAxeViolations(page, "tablet set up");
});

test("a broken set-up link gets a clear message and changes nothing", async ({ page }) => {
  await page.goto(`/tablet#${VECTOR.setup_fragment.slice(0, -6)}`);
  await expect(page.getByRole("alert")).toContainText("This set-up link does not work");
  await expect(page.getByText("This tablet is not set up for an IRO yet")).toBeVisible();
});

test("an IRO added from a key file", async ({ page }) => {
  await page.goto("/tablet");
  await page.getByLabel("Add an IRO from a key file").setInputFiles({ name: "sam.json", mimeType: "application/json", buffer: Buffer.from(VECTOR.key_file) });
  await expect(page.getByRole("status")).toContainText("Added Sam Patel");
  await page.getByRole("button", { name: "Seal answers for them on this tablet" }).tap();
  await expect(page.getByRole("heading", { name: "This tablet seals answers for:" })).toBeVisible();
  await page.getByLabel("Add an IRO from a key file").setInputFiles({ name: "junk.json", mimeType: "application/json", buffer: Buffer.from("{\"hello\": 1}") });
  await expect(page.getByRole("alert")).toContainText("junk.json is not an IRO key file");
});

test("after finishing, no answer is anywhere in the tablet's storage, and the answers file is sealed", async ({ page }) => {
  const marker = `zebra${Date.now()}`;
  await setUpTablet(page);
  await fillBookletWith(page, marker);
  // While the child is still going, the draft is saved, but not as plain text.
  expect(await dumpStorage(page)).not.toContain(marker);
  await page.getByRole("button", { name: "Finish and send to my IRO" }).tap();
  await expect(page.locator("main h1")).toHaveText("Thank you, Tia!");
  const dump = await dumpStorage(page);
  expect(dump).toContain("my-say/sealed");
  expect(dump).not.toContain(marker);
  expect(dump).not.toContain("my secret");

  await page.goto("/tablet");
  await expect(page.getByText("Sealed booklets waiting to be sent: 1")).toBeVisible();
  // Sharing straight to another app is offered only where the device can share files.
  const canShare = await page.evaluate(() => !!navigator.canShare && navigator.canShare({ files: [new File([], "x.mysay")] }));
  await expect(page.getByRole("button", { name: "Share the answers file" })).toHaveCount(canShare ? 1 : 0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the answers file" }).tap();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-say-answers-.*\.mysay$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 8).toString("latin1")).toBe("\x89MySay\r\n");
  expect(bytes.toString("latin1")).not.toContain(marker);
  await expect(page.getByText("Sealed booklets waiting to be sent: 0")).toBeVisible();
  await expect(page.getByText("Already sent and still on this tablet: 1")).toBeVisible();
  await page.getByRole("button", { name: "Remove sent booklets from this tablet" }).tap();
  await expect(page.getByRole("status")).toContainText("Removed 1 sent booklets");
});

test("a tablet with a booklet waiting two days says to send it today", async ({ page }) => {
  const sendToday = "Answers have waited on this tablet for more than a day. Send them to the IRO today.";
  await page.clock.setFixedTime(new Date("2026-12-04T09:30:00Z"));
  await setUpTablet(page);
  await finishBooklet(page, "Ola", "7 to 9");
  // The same day, the tablet page says since when, and nothing nags yet.
  await page.goto("/tablet");
  await expect(page.getByText("The oldest has waited since 2026-12-04 09:30.")).toBeVisible();
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByText(sendToday)).toHaveCount(0);

  // Two days later, the home screen and the booklet start screen say to send today, and how.
  await page.clock.setFixedTime(new Date("2026-12-06T10:00:00Z"));
  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: sendToday })).toBeVisible();
  await expectNoAxeViolations(page, "home, answers waiting two days");
  await page.goto("/booklet");
  await expect(page.getByText(sendToday)).toBeVisible();
  await page.getByRole("link", { name: "Send the answers now" }).tap();
  await expect(page).toHaveURL(/\/tablet$/);
  await expect(page.getByText(sendToday)).toBeVisible();
  await expect(page.getByText("The oldest has waited since 2026-12-04 09:30.")).toBeVisible();
  await expectNoAxeViolations(page, "tablet page, answers waiting two days");

  // Once sent, nothing is left waiting, and nothing is said.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the answers file" }).tap();
  await downloading;
  await expect(page.getByText("Sealed booklets waiting to be sent: 0")).toBeVisible();
  await expect(page.getByText(sendToday)).toHaveCount(0);
  await page.goto("/booklet");
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByText(sendToday)).toHaveCount(0);
});

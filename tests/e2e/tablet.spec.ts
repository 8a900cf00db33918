import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ADULT_CODE, captureSpeech, dumpStorage, expectNoAxeViolations, fillInBooklet, finishBooklet, firstHeading, heading, removeStored, sealForOffered, setUpTablet, VECTOR, watchFirstHeading } from "./helpers";

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
  // A new tablet: the adult chooses its adult code, and is told what it is for.
  await expect(page.getByText("Choose a tablet adult code of 6 or more digits.")).toBeVisible();
  await expectNoAxeViolations(page, "tablet set-up offer");
  await sealForOffered(page);
  await expect(page).toHaveURL(/\/tablet$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "This tablet seals answers for:" })).toBeVisible();
  await expectNoAxeViolations(page, "tablet set up");
});

// The wording files' failures are staged with page.route, which never sees what a service
// worker answers: so no worker here (offline.spec.ts has the offline copy's side).
test.describe("without a service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("tablet set-up speaks Welsh and Arabic: its own wording comes with the language, and stays after a reload", async ({ page }) => {
    await page.goto("/tablet");
    await expect(heading(page)).toHaveText("Tablet set-up");
    // No wording file comes (offline before the first visit): the language is not switched to, and
    // the picker says so. The next try, once they can come, switches.
    await page.route("**/locales/**", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
    await expect(page.getByRole("alert")).toContainText("could not be opened");
    await expect(heading(page)).toHaveText("Tablet set-up");
    await page.unroute("**/locales/**");
    await page.getByLabel("Language").selectOption({ label: "English" });
    await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
    // The page's own wording (locales/ at the top) and the shared wording (the header) together.
    await expect(heading(page)).toHaveText("Gosod y dabled");
    await expect(page.getByRole("link", { name: "Hafan Fy Llais" })).toBeVisible();
    // Both files come before the first paint after a reload: no English, not even for a moment.
    await watchFirstHeading(page);
    await page.reload();
    await expect(heading(page)).toHaveText("Gosod y dabled");
    await expect.poll(() => firstHeading(page)).toEqual({ seen: "Gosod y dabled", text: "Gosod y dabled", lang: "cy", dir: "ltr" });
    // Only its own wording's file does not come: nothing shows half one language and half another.
    await page.route("**/tablet/locales/**", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("Iaith").selectOption({ label: "العربية" });
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(heading(page)).toHaveText("Gosod y dabled");
    await expect(page.getByRole("link", { name: "Hafan Fy Llais" })).toBeVisible();
    await page.unroute("**/tablet/locales/**");
    await page.getByLabel("Iaith").selectOption({ label: "Cymraeg" });
    await page.getByLabel("Iaith").selectOption({ label: "العربية" });
    await expect(heading(page)).toHaveText("إعداد الجهاز اللوحي");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoAxeViolations(page, "tablet set-up in Arabic");
    await page.reload();
    await expect(heading(page)).toHaveText("إعداد الجهاز اللوحي");
    await expect.poll(() => firstHeading(page)).toEqual({ seen: "إعداد الجهاز اللوحي", text: "إعداد الجهاز اللوحي", lang: "ar", dir: "rtl" });
  });
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
  await sealForOffered(page);
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

/** The card on the tablet page that says whom the tablet seals for. */
const sealsFor = (page: Page) => page.locator("section.card").filter({ has: page.getByRole("heading", { name: "This tablet seals answers for:" }) });

test("changing who a tablet seals for needs the tablet's adult code", async ({ page }) => {
  test.setTimeout(120_000);
  const [sam, jo] = VECTOR.recipients;
  await page.clock.setFixedTime(new Date("2026-12-04T09:00:00Z"));
  await setUpTablet(page);

  // Stopping sealing for them: a wrong code changes nothing, even after a reload.
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await expect(page.getByLabel("Type the tablet adult code again")).toBeHidden();
  await expectNoAxeViolations(page, "tablet adult code asked for");
  await page.getByLabel("Tablet adult code", { exact: true }).fill("135790");
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await expect(page.getByRole("alert")).toHaveText("That is not the tablet adult code.", { timeout: 20_000 });
  await page.reload();
  await expect(sealsFor(page)).toContainText(jo.display_name);
  await expect(sealsFor(page)).toContainText(sam.display_name);

  // The right code stops it.
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await page.getByLabel("Tablet adult code", { exact: true }).fill(ADULT_CODE);
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await expect(page.getByText("This tablet is not set up for an IRO yet")).toBeVisible({ timeout: 20_000 });

  // Adding an IRO from a key file asks for the same code (the tablet keeps it); wrong codes
  // wait as a child's do: after three, the next try waits, even with the right code.
  await page.getByLabel("Add an IRO from a key file").setInputFiles({ name: "sam.json", mimeType: "application/json", buffer: Buffer.from(VECTOR.key_file) });
  await expect(page.getByLabel("Type the tablet adult code again")).toBeHidden();
  const code = page.getByLabel("Tablet adult code", { exact: true });
  const seal = page.getByRole("button", { name: "Seal answers for them on this tablet" });
  for (const wrong of ["111111", "222222", "333333"]) {
    await code.fill(wrong);
    await seal.tap();
    await expect(page.getByRole("alert")).toHaveText("That is not the tablet adult code.", { timeout: 20_000 });
    await expect(seal).toBeEnabled({ timeout: 20_000 });
  }
  await code.fill(ADULT_CODE);
  await seal.tap();
  await expect(page.getByRole("alert")).toHaveText("Too many tries. Try again in 30 seconds.");
  await page.reload();
  await expect(page.getByText("This tablet is not set up for an IRO yet")).toBeVisible();

  // Half a minute later the right code is taken: the tablet now seals for Sam alone.
  await page.clock.setFixedTime(new Date("2026-12-04T09:00:31Z"));
  await page.getByLabel("Add an IRO from a key file").setInputFiles({ name: "sam.json", mimeType: "application/json", buffer: Buffer.from(VECTOR.key_file) });
  await code.fill(ADULT_CODE);
  await seal.tap();
  await expect(page.getByRole("status")).toContainText("Done.", { timeout: 20_000 });
  await expect(sealsFor(page)).toContainText(sam.display_name);
  await expect(sealsFor(page)).not.toContainText(jo.display_name);
  // Only a verifier is kept, never the code.
  expect(await dumpStorage(page)).not.toContain(ADULT_CODE);
});

test("a tablet set up before adult codes asks the adult to choose one at its first change", async ({ page }) => {
  test.setTimeout(90_000);
  await setUpTablet(page);
  // As a tablet set up by an older My Say: who it seals for, and no adult code.
  await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open("my-say");
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction("settings", "readwrite");
    tx.objectStore("settings").delete("tablet/adult_code");
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  });
  await page.reload();
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await expect(page.getByText("Choose a tablet adult code of 6 or more digits.")).toBeVisible();
  await page.getByLabel("Tablet adult code", { exact: true }).fill(ADULT_CODE);
  await page.getByLabel("Type the tablet adult code again", { exact: true }).fill("246811");
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await expect(page.getByRole("alert")).toHaveText("The two codes are not the same.");
  await page.getByLabel("Tablet adult code", { exact: true }).fill(ADULT_CODE);
  await page.getByLabel("Type the tablet adult code again", { exact: true }).fill(ADULT_CODE);
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await expect(page.getByText("This tablet is not set up for an IRO yet")).toBeVisible({ timeout: 20_000 });
  // From now on the code chosen is asked for.
  await page.goto("/");
  await page.goto(`/tablet#${VECTOR.setup_fragment}`);
  await expect(page.getByLabel("Type the tablet adult code again")).toBeHidden();
  await sealForOffered(page);
});

test("a forgotten tablet adult code resets the tablet only once every waiting booklet is sent", async ({ page }) => {
  test.setTimeout(180_000);
  await setUpTablet(page);
  await finishBooklet(page, "Ola", "16 and over");
  await page.goto("/tablet");
  await page.getByRole("button", { name: "Stop sealing for them" }).tap();
  await page.getByText("Forgotten the tablet adult code?").tap();
  // A booklet waits: first it must be sent.
  await expect(page.getByText('First send the sealed booklets waiting on this tablet (1), under "Send answers to the IRO".')).toBeVisible();
  await expect(page.getByRole("button", { name: "Reset who this tablet seals for" })).toHaveCount(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the answers file" }).tap();
  await downloading;
  await expect(page.getByText("Sealed booklets waiting to be sent: 0")).toBeVisible();
  // Sent: the reset is offered, and says plainly what it does.
  await expect(page.getByText("Nobody can find the code again. Instead, reset this tablet")).toBeVisible();
  await expectNoAxeViolations(page, "tablet adult code forgotten");
  await page.getByRole("button", { name: "Reset who this tablet seals for" }).tap();
  await expect(page.getByRole("status")).toContainText("Reset. This tablet seals for nobody now and has no adult code.");
  await expect(page.getByText("This tablet is not set up for an IRO yet")).toBeVisible();
  // Set up again, with a new code chosen.
  await page.goto("/");
  await page.goto(`/tablet#${VECTOR.setup_fragment}`);
  await expect(page.getByLabel("Type the tablet adult code again")).toBeVisible();
  await sealForOffered(page);
});

test("a tablet set up before its start screen kept whom it seals for asks for tablet set-up to be opened once, then shows them", async ({ page }) => {
  await setUpTablet(page);
  // As a tablet set up before December 2026 keeps it: the set-up code alone.
  await removeStored(page, "settings", "tablet/recipients_shown");
  await page.goto("/booklet");
  await expect(heading(page)).toHaveText("Start a booklet");
  const note = page.getByRole("note");
  await expect(note).toContainText("This tablet was updated. Open tablet set-up once");
  // Nobody is named that sealing might not be for, and no booklet starts until it is opened.
  await expect(page.locator(".sealed-for-card")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start the booklet" })).toBeHidden();
  await expectNoAxeViolations(page, "booklet start, set-up not shown yet");
  await note.getByRole("link", { name: "Tablet set-up and sending answers" }).tap();
  await expect(heading(page)).toHaveText("Tablet set-up");
  await expect(page.getByText(VECTOR.recipients[0].display_name).first()).toBeVisible();
  await page.getByRole("link", { name: "Start a booklet" }).tap();
  await expect(heading(page)).toHaveText("Start a booklet");
  const card = page.locator(".sealed-for-card");
  for (const r of VECTOR.recipients) {
    await expect(card).toContainText(r.display_name);
    await expect(card).toContainText(`Fingerprint ${r.fingerprint}`);
  }
  await expect(page.getByRole("button", { name: "Start the booklet" })).toBeVisible();
});

test("the booklet start screen shows who the answers are sealed for", async ({ page }) => {
  const speech = await captureSpeech(page);
  await setUpTablet(page);
  await page.goto("/booklet");
  await expect(heading(page)).toHaveText("Start a booklet");
  const card = page.locator(".sealed-for-card");
  await expect(card).toContainText("When you finish, only these people can open your answers:");
  for (const r of VECTOR.recipients) {
    await expect(card).toContainText(r.display_name);
    await expect(card).toContainText(`Fingerprint ${r.fingerprint}`);
  }
  await expectNoAxeViolations(page, "booklet start, sealed for");
  await card.getByRole("button", { name: "Read aloud" }).tap();
  await expect.poll(speech.spoken).toEqual([`When you finish, only these people can open your answers: ${VECTOR.recipients.map((r: { display_name: string }) => r.display_name).join(", ")}`]);
  // In Welsh and Arabic too.
  for (const [language, words] of [
    ["Cymraeg", "Pan fyddi di'n gorffen, dim ond y bobl hyn sy'n gallu agor dy atebion:"],
    ["العربية", "عند الانتهاء، لا يستطيع أحد فتح إجاباتك إلا هؤلاء الأشخاص:"],
  ]) {
    // The header's language picker (the form's own is the child's language).
    await page.locator("#language").selectOption({ label: language });
    await expect(card).toContainText(words);
    await expect(card).toContainText(VECTOR.recipients[1].fingerprint);
  }
});

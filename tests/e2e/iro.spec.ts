import { test, expect, type Page, type Browser } from "@playwright/test";
import { readFileSync } from "node:fs";
import { answersFileFromATablet, download, expectNoAxeViolations, fillStorage, finishBooklet, FINGERPRINT, heading, RECOVERY_V1, restoreTestVectorIro, sealForOffered, setUpTablet, setUpWorkspace, storageCanFill, unlockWorkspace, VECTOR } from "./helpers";

// The IRO's workspace, as an IRO uses it on a tablet-sized screen.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const PASS = "river lantern pebble";
const NEW_PASS = "orchard violin meadow";
const BUNDLE_V1 = readFileSync("crates/my-say-core/tests/vectors/bundle-v1.mysay");

/** Records the text of every live status message the page shows, so a message that is only on
 * screen while the page is busy can still be checked afterwards. */
async function recordStatuses(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = ((window as any).__statuses = []);
    new MutationObserver(() => {
      for (const el of Array.from(document.querySelectorAll("[role=status]"))) {
        const text = el.textContent?.trim();
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const statuses = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__statuses);

const unlock = unlockWorkspace;

/** Sets up a new workspace for Sam Patel with PASS, and goes on to it. Returns the fingerprint. */
const setUpSamsWorkspace = (page: Page) => setUpWorkspace(page, "Sam Patel", PASS, { timeout: 20_000 });

/** An answers file from a separate tablet on which Tia and Kai, 16 and over, finish their booklets. */
const answersFromTiaAndKai = (browser: Browser) =>
  answersFileFromATablet(browser, async (page) => {
    await finishBooklet(page, "Tia", "16 and over");
    await finishBooklet(page, "Kai", "16 and over");
  });

test("set up a workspace, keep the recovery file, lock and unlock", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  await expect(heading(page)).toBeFocused();
  await expectNoAxeViolations(page, "workspace set-up");

  // Mistakes get a summary and a message at each field.
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  const summary = page.locator("#setup-errors");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter your name.");
  await expect(summary).toContainText("Your passphrase must be at least 12 characters, or four words.");
  await expect(page.getByLabel("Your name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "workspace set-up with errors");
  await page.getByLabel("Your name", { exact: true }).fill("Sam Patel");
  await page.getByLabel("Passphrase", { exact: true }).fill(PASS);
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(PASS + " typo");
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  await expect(summary).toContainText("The two passphrases are not the same.");
  await expect(summary).not.toContainText("Enter your name.");

  await page.getByLabel("Type the passphrase again", { exact: true }).fill(PASS);
  await recordStatuses(page);
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  await expect(heading(page)).toHaveText("Your IRO workspace is ready", { timeout: 20_000 });
  // The busy message was on screen while the key was being made.
  expect(await statuses(page)).toContain("Setting up… this takes a few seconds.");
  await expect(heading(page)).toBeFocused();
  const fingerprint = ((await page.locator(".big-fingerprint").textContent()) ?? "").replace("Fingerprint ", "");
  expect(fingerprint).toMatch(FINGERPRINT);
  await expectNoAxeViolations(page, "workspace ready");

  const recovery = await download(page, "Download the recovery file", { exact: true });
  expect(recovery.name).toBe(`my-say-recovery-${fingerprint}.json`);
  const json = JSON.parse(recovery.text);
  expect(json.format).toBe("my-say-recovery");
  expect(json.fingerprint).toBe(fingerprint);
  expect(json.display_name).toBe("Sam Patel");
  expect(json.wrapped_key.kdf).toEqual({ algorithm: "argon2id", memory_kib: 65536, iterations: 3, parallelism: 1 });
  expect(recovery.text).not.toContain(PASS);
  await expect(page.getByText(`${recovery.name} is in your downloads.`)).toBeVisible();

  await page.getByRole("button", { name: "Go to my workspace" }).click();
  await expect(heading(page)).toHaveText("IRO workspace");
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText("Unlocked for Sam Patel")).toBeVisible();
  await expect(page.locator(".iro-who")).toContainText(`Fingerprint ${fingerprint}`);
  await expect(page.getByText("No booklets yet.")).toBeVisible();
  await expectNoAxeViolations(page, "workspace home");

  // Nothing stored holds the passphrase.
  const stored = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open("my-say");
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const values: unknown[] = await new Promise((res) => {
      const r = db.transaction("settings").objectStore("settings").getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return JSON.stringify(values.map((v) => (v instanceof Uint8Array || v instanceof ArrayBuffer ? new TextDecoder().decode(v as ArrayBuffer) : v)));
  });
  expect(stored).toContain("argon2id");
  expect(stored).not.toContain(PASS);

  // Lock: the key is forgotten. A wrong passphrase is refused clearly; the right one unlocks.
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText(`This device holds the workspace of Sam Patel (fingerprint ${fingerprint})`)).toBeVisible();
  await expectNoAxeViolations(page, "unlock");
  await unlock(page, "river lantern pebbles");
  await expect(page.locator("#unlock-errors")).toContainText("That passphrase is not right. Check caps lock and try again.", { timeout: 20_000 });
  await expect(page.locator("#unlock-passphrase-error")).toHaveText("That passphrase is not right. Check caps lock and try again.");
  await expectNoAxeViolations(page, "unlock with a wrong passphrase");
  await unlock(page, PASS);
  await expect(heading(page)).toHaveText("IRO workspace", { timeout: 20_000 });

  // The key lives in memory only: a reload, or leaving the IRO screens, locks the workspace.
  await page.reload();
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");
  await unlock(page, PASS);
  await expect(heading(page)).toHaveText("IRO workspace", { timeout: 20_000 });
  await page.getByRole("link", { name: "My Say home" }).click();
  await page.getByRole("link", { name: /^IRO workspace/ }).click();
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");

  // The same recovery file restores the same key on a new device.
  const laptop = await page.context().browser()!.newContext();
  const other = await laptop.newPage();
  await other.goto("/iro");
  await other.getByLabel("Recovery file", { exact: true }).setInputFiles({ name: recovery.name, mimeType: "application/json", buffer: Buffer.from(recovery.text) });
  await other.getByLabel("Passphrase of the recovery file", { exact: true }).fill(PASS);
  await other.getByRole("button", { name: "Restore my workspace" }).click();
  await expect(other.locator(".iro-who")).toContainText(`Fingerprint ${fingerprint}`, { timeout: 20_000 });
  await laptop.close();
});

test("a short or common passphrase is refused, and the meter says why", async ({ page }) => {
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  const passphrase = page.getByLabel("Passphrase", { exact: true });
  const meter = page.getByRole("meter", { name: "Passphrase strength" });
  const words = page.locator("#setup-passphrase-strength-words");
  const summary = page.locator("#setup-errors");
  await expect(meter).toHaveAttribute("value", "0");

  // The meter follows the typing, in words as well as in the bar, and says why a refusal is one.
  await passphrase.fill("owl fig jam");
  await expect(words).toContainText("Too weak");
  await expect(words).toContainText("at least 12 characters, or four words");
  await passphrase.fill("Password 2024!");
  await expect(meter).toHaveAttribute("value", "0");
  await expect(words).toContainText("one of the most common ones");
  await passphrase.fill("123456789012");
  await expect(words).toContainText("a repeat or a run of characters");
  await passphrase.fill("k7#Pq2mZ!x9w");
  await expect(meter).toHaveAttribute("value", "1");
  await expect(words).toHaveText("Fair");
  await passphrase.fill("violet kettle harbour sings");
  await expect(meter).toHaveAttribute("value", "3");
  await expect(words).toHaveText("Strong");
  await expectNoAxeViolations(page, "passphrase strength meter");

  // A common passphrase is refused on setting up, at its field, even typed twice.
  await page.getByLabel("Your name", { exact: true }).fill("Sam Patel");
  await passphrase.fill("iloveyou123456");
  await page.getByLabel("Type the passphrase again", { exact: true }).fill("iloveyou123456");
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("That passphrase is one of the most common ones, so it is easy to guess.");
  await expect(passphrase).toHaveAttribute("aria-invalid", "true");

  // A name that pretends is refused too: hidden characters, or a fingerprint in it.
  await passphrase.fill("violet kettle harbour sings");
  await page.getByLabel("Type the passphrase again", { exact: true }).fill("violet kettle harbour sings");
  await page.getByLabel("Your name", { exact: true }).fill("Sam \u202E(ORI) letaP");
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  await expect(summary).toContainText("Your name has hidden characters that change how it looks");
  await page.getByLabel("Your name", { exact: true }).fill("Sam Patel K7PQ-3MZD-8XWA-1BCE");
  await page.getByRole("button", { name: "Set up my workspace" }).click();
  await expect(summary).toContainText("Your name must not look like a fingerprint");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
});

test("change the passphrase, download the key file, and hand a tablet the set-up link", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const fingerprint = await setUpSamsWorkspace(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Tablets and key" }).click();
  await expect(heading(page)).toHaveText("Tablets and your key");
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveURL(/\/iro\/settings$/);

  // Change passphrase: the current one is checked, the new one must be confirmed.
  await page.getByLabel("Current passphrase", { exact: true }).fill("not my passphrase");
  await page.getByLabel("New passphrase", { exact: true }).fill(NEW_PASS);
  await page.getByLabel("Type the new passphrase again", { exact: true }).fill(NEW_PASS);
  await page.getByRole("button", { name: "Change passphrase" }).click();
  await expect(page.locator("#change-errors")).toContainText("That passphrase is not right.", { timeout: 20_000 });
  await expect(page.locator("#change-errors")).toBeFocused();
  await page.getByLabel("Current passphrase", { exact: true }).fill(PASS);
  await page.getByLabel("New passphrase", { exact: true }).fill("short");
  await page.getByLabel("Type the new passphrase again", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Change passphrase" }).click();
  await expect(page.locator("#change-errors")).toContainText("Your passphrase must be at least 12 characters, or four words.");
  await expect(page.locator("#new-passphrase-strength-words")).toContainText("Too weak");
  await page.getByLabel("New passphrase", { exact: true }).fill(NEW_PASS);
  await page.getByLabel("Type the new passphrase again", { exact: true }).fill(NEW_PASS);
  await page.getByRole("button", { name: "Change passphrase" }).click();
  await expect(page.getByText("Your passphrase has been changed.")).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, "passphrase changed");

  // The new recovery file holds the same key.
  const recovery = await download(page, "Download the recovery file again", { exact: true });
  expect(JSON.parse(recovery.text)).toMatchObject({ format: "my-say-recovery", fingerprint, display_name: "Sam Patel" });

  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await unlock(page, PASS);
  await expect(page.locator("#unlock-errors")).toContainText("That passphrase is not right.", { timeout: 20_000 });
  await unlock(page, NEW_PASS);
  // Unlocking shows the page that was open when it locked.
  await expect(heading(page)).toHaveText("Tablets and your key", { timeout: 20_000 });
  await expect(page.locator(".iro-who")).toContainText(`Fingerprint ${fingerprint}`);

  // The public key file, for whoever sets up tablets.
  const keyFile = await download(page, "Download my key file", { exact: true });
  expect(keyFile.name).toBe(`my-say-key-${fingerprint}.json`);
  expect(JSON.parse(keyFile.text)).toMatchObject({ format: "my-say-public-key", version: 1, display_name: "Sam Patel", fingerprint });

  // The set-up link, its copy button and its QR code.
  const link = await page.getByLabel("Set-up link", { exact: true }).inputValue();
  expect(link.startsWith(`${baseURL}/tablet#mysay-setup.`)).toBe(true);
  await expect(page.getByRole("img", { name: "QR code of the set-up link" })).toBeVisible();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy the link" }).click();
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // A tablet opening the link is offered this IRO, with the same fingerprint.
  const tablet = await page.context().browser()!.newContext();
  const tabletPage = await tablet.newPage();
  await tabletPage.goto(link);
  await expect(tabletPage.getByText("Sam Patel").first()).toBeVisible();
  await expect(tabletPage.getByText(`Fingerprint ${fingerprint}`).first()).toBeVisible();
  await tablet.close();
});

test("restore the test IRO from a recovery file, then import answers files", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const answers = await answersFromTiaAndKai(browser);
  expect(answers.name).toMatch(/\.mysay$/);

  // The restore form checks its file and passphrase first.
  await page.goto("/iro");
  await page.getByLabel("Recovery file", { exact: true }).setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": 1}') });
  await page.getByLabel("Passphrase of the recovery file", { exact: true }).fill("anything at all");
  await page.getByRole("button", { name: "Restore my workspace" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "notes.json cannot be used" })).toContainText("This is not a My Say recovery file.");
  await page.getByLabel("Recovery file", { exact: true }).setInputFiles({ name: "recovery-v1.json", mimeType: "application/json", buffer: RECOVERY_V1 });
  await page.getByLabel("Passphrase of the recovery file", { exact: true }).fill("correct horse battery stable");
  await page.getByRole("button", { name: "Restore my workspace" }).click();
  await expect(page.locator("#restore-errors")).toContainText("That passphrase is not right.", { timeout: 20_000 });
  await restoreTestVectorIro(page);
  await expect(page.locator(".iro-who")).toContainText("Fingerprint 4Z7W-KM8N-A7BX-2SGN");

  const picker = page.getByLabel("Choose answers files", { exact: true });
  await picker.setInputFiles({ name: answers.name, mimeType: "application/octet-stream", buffer: answers.buffer });
  await expect(page.getByText(`Added 2 booklets from ${answers.name}`)).toBeVisible();
  await expect(page.getByText("Showing 2 of 2 booklets.")).toBeVisible();
  const list = page.locator(".inbox-table tbody tr");
  await expect(list).toHaveCount(2);
  await expect(list.filter({ hasText: "Kai" })).toHaveCount(1);
  await expect(list.filter({ hasText: "Tia" })).toHaveCount(1);
  await expect(list.first()).toContainText("16 and over");
  await expect(list.first().locator("td").nth(2)).toHaveText("2026-12-01");
  await expectNoAxeViolations(page, "workspace with imported booklets");

  // The same file again adds nothing.
  await picker.setInputFiles({ name: answers.name, mimeType: "application/octet-stream", buffer: answers.buffer });
  await expect(page.getByText(`Nothing new: all 2 booklets in ${answers.name} were already here`)).toBeVisible();

  // Bad files, several at once: each gets its own message and nothing is added.
  const random = Buffer.alloc(600);
  for (let i = 0; i < random.length; i++) random[i] = Math.floor(Math.random() * 256);
  await picker.setInputFiles([
    { name: "cut-short.mysay", mimeType: "application/octet-stream", buffer: answers.buffer.subarray(0, answers.buffer.length - 40) },
    { name: "random.mysay", mimeType: "application/octet-stream", buffer: random },
    { name: "bundle-v1.mysay", mimeType: "application/octet-stream", buffer: BUNDLE_V1 },
    { name: "empty.mysay", mimeType: "application/octet-stream", buffer: Buffer.alloc(0) },
  ]);
  const results = page.locator(".import-results li");
  await expect(results).toHaveCount(4);
  await expect(results.nth(0)).toHaveText(/^cut-short\.mysay: This answers file is incomplete: it was cut short.*Nothing was imported/);
  await expect(results.nth(1)).toHaveText(/^random\.mysay: This is not a My Say answers file/);
  // The committed vector opens with this key, but two of its items are not booklets: all or nothing.
  await expect(results.nth(2)).toHaveText(/^bundle-v1\.mysay: Booklet 2 in this file opened, but what is inside is not a booklet.*Nothing was imported/);
  await expect(results.nth(3)).toHaveText(/^empty\.mysay: This file is empty/);
  await expect(list).toHaveCount(2);
  await expectNoAxeViolations(page, "import results with errors");

  // A file dropped on the drop zone is imported the same way.
  await page.evaluate(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      const zone = document.querySelector(".drop-zone")!;
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes: Array.from(answers.buffer), name: "dropped.mysay" },
  );
  await expect(page.getByText("Nothing new: all 2 booklets in dropped.mysay were already here")).toBeVisible();

  // Another IRO cannot open it: nothing is added to their workspace.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await setUpSamsWorkspace(otherPage);
  await otherPage.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: answers.name, mimeType: "application/octet-stream", buffer: answers.buffer });
  await expect(otherPage.locator(".import-results li")).toContainText("sealed for a different reviewing officer's key");
  await expect(otherPage.getByText("No booklets yet.")).toBeVisible();
  await other.close();
});

test("an import names every other recipient and flags a key the IRO does not know", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // A tablet set up for the IRO Sam Patel and, beside them, Jo Okafor: Sam's workspace knows no
  // key but its own.
  const [sam, jo] = VECTOR.recipients;
  const answers = await answersFileFromATablet(browser, async (tablet) => {
    await finishBooklet(tablet, "Ola", "16 and over");
    await finishBooklet(tablet, "Bea", "10 to 15");
  });
  await restoreTestVectorIro(page);
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: answers.name, mimeType: "application/octet-stream", buffer: answers.buffer });
  await expect(page.getByText(`Added 2 booklets from ${answers.name}`)).toBeVisible();
  const also = page.locator(".import-results li").filter({ hasText: "were also sealed for" });
  await expect(also).toHaveCount(1);
  await expect(also).toHaveClass(/warning/);
  // Each booklet is named (in the file's order, which is the sealed ids' order).
  await expect(also).toHaveText(new RegExp(`^${answers.name.replace(/\./g, "\\.")}: the answers of (Ola, Bea|Bea, Ola) were also sealed for `));
  await expect(also).toContainText(`were also sealed for ${jo.fingerprint} (unknown key).`);
  await expect(also).not.toContainText(sam.fingerprint);
  await expectNoAxeViolations(page, "import results naming another recipient");
  // The file says so every time it comes, even with nothing new in it.
  await page.getByLabel("Choose answers files", { exact: true }).setInputFiles({ name: answers.name, mimeType: "application/octet-stream", buffer: answers.buffer });
  await expect(page.getByText(`Nothing new: all 2 booklets in ${answers.name} were already here`)).toBeVisible();
  await expect(also).toContainText(`${jo.fingerprint} (unknown key)`);
});

test("a booklet finished on the IRO's own device moves into the workspace", async ({ page }) => {
  test.setTimeout(120_000);
  await restoreTestVectorIro(page);
  await page.getByRole("link", { name: "Tablets and key" }).click();
  // The IRO sets this device up as a tablet from their own set-up link (for them alone) ...
  const link = await page.getByLabel("Set-up link", { exact: true }).inputValue();
  await page.goto(link);
  await sealForOffered(page);
  // ... and also for the test vector's IRO and team manager, as a shared tablet would be.
  await finishBooklet(page, "Ola", "16 and over");
  await setUpTablet(page);
  await finishBooklet(page, "Bea", "16 and over");
  await page.goto("/tablet");
  await expect(page.getByText("Sealed booklets waiting to be sent: 2")).toBeVisible();

  await page.goto("/iro");
  await unlock(page, VECTOR.recovery_passphrase);
  await expect(page.getByText("Booklets finished on this device and added to your workspace: 2")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".inbox-table tbody tr")).toHaveCount(2);
  // Ola's booklet was sealed for this IRO alone, so its sealed copy is gone; Bea's was also for
  // the team manager, so it stays to be sent to them.
  await page.goto("/tablet");
  await expect(page.getByText("Sealed booklets waiting to be sent: 1")).toBeVisible();
  await page.goto("/iro");
  await unlock(page, VECTOR.recovery_passphrase);
  await expect(page.locator(".inbox-table tbody tr")).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByText("Booklets finished on this device")).toHaveCount(0);
});

test("the set-up screen works in Welsh and in right-to-left Arabic", async ({ page }) => {
  await page.goto("/iro");
  await expect(heading(page)).toHaveText("Set up your IRO workspace");
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await expect(heading(page)).toHaveText("Sefydlu eich gweithle Swyddog Adolygu");
  await expectNoAxeViolations(page, "set-up in Welsh");
  await page.getByLabel("Iaith").selectOption({ label: "العربية" });
  await expect(heading(page)).toHaveText("أنشئ مساحة عمل مسؤول المراجعة الخاصة بك");
  await expectNoAxeViolations(page, "set-up in Arabic");
});

test("a full device: the workspace says so in the IRO's language, and keeps what was typed", async ({ page }) => {
  await storageCanFill(page);
  await restoreTestVectorIro(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Follow-ups" }).click();
  const holidays = page.locator("#bank-holidays");
  await expect(holidays).toHaveValue(/^2024-01-01\n/);
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await fillStorage(page, true);
  await holidays.fill("2026-12-25\n2026-12-28");
  await page.locator("form:has(#bank-holidays) button[type=submit]").click();
  // The reason in Welsh, as the rest of the page (it was English inside a Welsh page before).
  await expect(page.getByRole("alert")).toHaveText(/^Mae storfa'r dabled hon yn llawn, .* rhowch gynnig arall arni\.$/);
  await expect(holidays).toHaveValue("2026-12-25\n2026-12-28");
});

test.describe("before the workspace is kept for offline use", () => {
  // Without a service worker, which would answer from its cache once it has the booklets.
  test.use({ serviceWorkers: "block" });

  test("without the built-in booklets the workspace says so, and opens once it can fetch them", async ({ page }) => {
    // The staff app does not carry the four booklets: it fetches them before it shows anything
    // (docs/design.md, "The built-in booklets"). A server without them gets a clear page, never a
    // workspace that reads summaries and reports wrongly.
    await page.route("**/booklets/**", (route) => route.fulfill({ status: 503, body: "" }));
    await page.goto("/iro");
    await expect(heading(page)).toHaveText("The workspace could not open");
    await expect(page.getByRole("alert")).toContainText("four review booklets");
    await expect(page.getByText(/^What went wrong: review-[0-9a-z-]+\.[0-9a-f]{16}\.json: the server answered 503$/)).toBeVisible();
    await expectNoAxeViolations(page, "the workspace without its booklets");
    // A file that is not a booklet at all is refused too.
    await page.unroute("**/booklets/**");
    await page.route("**/booklets/**", (route) => route.fulfill({ status: 200, body: "<!doctype html><p>Not found" }));
    await page.getByRole("button", { name: "Try again" }).tap();
    await expect(page.getByText(/^What went wrong: review-[0-9a-z-]+\.[0-9a-f]{16}\.json: the booklet file cannot be read/)).toBeVisible();
    await expect(heading(page)).toHaveText("The workspace could not open");
    // Once the files can be fetched, "Try again" opens the workspace.
    await page.unroute("**/booklets/**");
    await page.getByRole("button", { name: "Try again" }).tap();
    await expect(heading(page)).toHaveText("Set up your IRO workspace");
  });
});

test("the workspace locks itself after 15 minutes without input", async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await setUpSamsWorkspace(page);
  await expect(page.locator("#lock-hint")).toHaveText("It also locks when you leave these screens, and after 15 minutes without use.");
  // Fourteen minutes without input leave it open; input starts the count again.
  await page.clock.fastForward("14:00");
  await expect(heading(page)).toHaveText("IRO workspace");
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.clock.fastForward("14:00");
  await expect(heading(page)).toHaveText("IRO workspace");
  await page.clock.fastForward("01:30");
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");
  await unlock(page, PASS);
  await expect(heading(page)).toHaveText("IRO workspace", { timeout: 20_000 });

  // The IRO chooses 5 minutes on the settings page; it is kept.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Tablets and key" }).click();
  const choice = page.getByLabel("Lock after this long without use");
  await expect(choice).toHaveValue("15");
  await choice.selectOption({ label: "5 minutes" });
  await expect(page.getByText("Saved. The workspace now locks after 5 minutes without use.")).toBeVisible();
  await expect(page.locator("#lock-hint")).toContainText("after 5 minutes without use");
  await expectNoAxeViolations(page, "settings with the lock choice");
  await page.clock.fastForward("04:00");
  await expect(heading(page)).toHaveText("Tablets and your key");
  await page.clock.fastForward("01:30");
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");
  await page.reload();
  await unlock(page, PASS);
  await expect(heading(page)).toHaveText("Tablets and your key", { timeout: 20_000 });
  await expect(page.getByLabel("Lock after this long without use")).toHaveValue("5");

  // A laptop that sleeps runs no timers: the clock jumps, and the first key pressed on waking
  // locks instead of counting as use.
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + 6 * 60_000);
  await page.keyboard.press("Shift");
  await expect(heading(page)).toHaveText("Unlock your IRO workspace");
});

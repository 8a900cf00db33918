import { test } from "@playwright/test";
import { expectNoAxeViolations, open, SCREENS, sideways } from "./helpers";

for (const screen of SCREENS) {
  test(`axe finds no WCAG 2.2 AA violations on ${screen.path}`, async ({ page }) => {
    await open(page, screen.path);
    await expectNoAxeViolations(page, screen.path);
  });
}

test("axe finds no violations in right-to-left Arabic", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Language").selectOption({ label: "العربية" });
  await expectNoAxeViolations(page, "home in Arabic");
});

test("a narrow 320 px phone gets no violations and no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const screen of SCREENS) {
    await open(page, screen.path);
    await expectNoAxeViolations(page, `${screen.path} at 320 px`);
    const overflow = await sideways(page);
    if (overflow > 0) throw new Error(`${screen.path} scrolls sideways by ${overflow}px at 320 px`);
  }
});

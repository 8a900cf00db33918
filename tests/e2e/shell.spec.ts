import { test, expect } from "@playwright/test";
import { expectTouchTargets, firstHeading, open, SCREENS, watchFirstHeading } from "./helpers";

test("the home screen offers the three areas, and each leads to its first screen", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to My Say");
  for (const [link, heading] of [
    ["Fill in my booklet", "Start a booklet"],
    ["IRO workspace", "Set up your IRO workspace"],
    ["Children in Care Council surveys", "Children in Care Council surveys"],
  ]) {
    await page.getByRole("link", { name: new RegExp(link) }).first().tap();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await page.getByRole("link", { name: "My Say home" }).tap();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to My Say");
  }
});

test("every screen opens directly from its address", async ({ page }) => {
  for (const screen of SCREENS) {
    await open(page, screen.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
  }
});

test("an unknown address shows a not-found screen with a way home", async ({ page }) => {
  await open(page, "/somewhere/else");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("choosing Arabic translates the UI and mirrors the layout; the choice is remembered", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Language").selectOption({ label: "العربية" });
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أهلاً بك في رأيي");
  await expect(page.getByRole("note")).toContainText("متحدث أصلي");
  // The brand sits at the right-hand edge in right-to-left.
  const box = await page.locator(".brand").boundingBox();
  expect(box!.x).toBeGreaterThan(500);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel("اللغة").selectOption({ label: "Cymraeg" });
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Croeso i Fy Llais");
});

test("a tablet left in Welsh or Arabic opens in it: the first heading painted is never English", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Language").selectOption({ label: "Cymraeg" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Croeso i Fy Llais");
  // The app fetches the saved language's wording before it paints (docs/i18n.md).
  await watchFirstHeading(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Croeso i Fy Llais");
  await expect.poll(() => firstHeading(page)).toEqual({ seen: "Croeso i Fy Llais", text: "Croeso i Fy Llais", lang: "cy", dir: "ltr" });
  await expect(page.getByLabel("Iaith")).toHaveValue("cy");
});

test("every control on the home screen is at least 44 by 44 pixels", async ({ page }) => {
  await open(page, "/");
  await expectTouchTargets(page.locator("main a, main button, header a, header select"), "the home screen", 4);
});

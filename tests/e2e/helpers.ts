import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";

/** The sealed-format test vector: a set-up code for two recipients whose private keys are known. */
export const VECTOR = JSON.parse(readFileSync("crates/my-say-core/tests/vectors/bundle-v1.json", "utf8"));

/** Sets this browser up as a tablet that seals for the test vector's IRO and team manager. */
export async function setUpTablet(page: Page) {
  await page.goto(`/tablet#${VECTOR.setup_fragment}`);
  await page.getByRole("button", { name: "Seal answers for them on this tablet" }).click();
  await expect(page.getByRole("status")).toContainText("Done.");
}

/** Opens a route and waits until the app has rendered its first heading. */
export async function open(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.locator("main h1")).toBeVisible();
}

/** Runs axe-core with the WCAG 2.2 AA tags and fails on any violation, naming each. */
export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Every screen of the app that needs no data, by route. */
export const SCREENS: { path: string; heading: RegExp }[] = [
  { path: "/", heading: /Welcome to My Say/ },
  { path: "/booklet", heading: /Start a booklet/ },
  { path: "/iro", heading: /IRO workspace/ },
  { path: "/council", heading: /Children in Care Council surveys/ },
  { path: "/tablet", heading: /Tablet set-up/ },
  { path: "/surveys", heading: /Surveys on this tablet/ },
  { path: "/no-such-page", heading: /We can't find that page/ },
];

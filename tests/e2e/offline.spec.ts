import { test, expect } from "@playwright/test";
import { open } from "./helpers";

test("after one visit the app opens with the network off", async ({ page, context }) => {
  await open(page, "/");
  // Wait until the service worker has cached the shell and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to My Say");
  // Other routes too, straight from their address.
  await page.goto("/council");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Children in Care Council surveys");
  await context.setOffline(false);
});

test("the app is installable: a manifest with a name, a start URL and icons", async ({ page, request }) => {
  await open(page, "/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe("My Say");
  expect(manifest.start_url).toBe("/");
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
});

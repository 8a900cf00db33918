import { test, expect } from "@playwright/test";
import { open, SCREENS } from "./helpers";

test("a whole session makes no request to any other origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== origin) elsewhere.push(req.url());
  });
  for (const screen of SCREENS) await open(page, screen.path);
  await open(page, "/");
  await page.getByLabel("Language").selectOption({ label: "العربية" });
  await page.getByRole("link").nth(2).click();
  await page.waitForLoadState("networkidle");
  expect(elsewhere).toEqual([]);
});

test("a strict Content-Security-Policy allows no other origin and no inline script, in every app", async ({ page, request }) => {
  // The child's app, a booklet being answered, tablet set-up, council surveys on a tablet, the
  // staff workspace. A booklet that is not there sends the booklet's app back to the start form,
  // so its page is checked as the server sends it.
  for (const path of ["/", "/booklet/none", "/tablet", "/surveys", "/iro"]) {
    const response = await request.get(path);
    const header = response.headers()["content-security-policy"];
    if (path === "/booklet/none") {
      const html = await response.text();
      expect(html, path).toContain("/fill/boot-");
      const tag = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/)?.[0] ?? "";
      const meta = tag.match(/content="([^"]*)"/)?.[1];
      for (const policy of [header, meta]) {
        expect(policy, path).toContain("default-src 'self'");
        expect(policy, path).not.toContain("unsafe-inline");
      }
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), path).toBeNull();
      continue;
    }
    await open(page, path);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    for (const policy of [header, meta]) {
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy, path).toContain("connect-src 'self'");
      expect(policy, path).not.toContain("unsafe-inline");
      expect(policy, path).not.toMatch(/https?:|\*/);
    }
    const inlineScripts = await page.locator("script:not([src])").count();
    expect(inlineScripts, path).toBe(0);
  }
});

test("the CSP blocks a request to another origin", async ({ page }) => {
  await open(page, "/");
  const blocked = await page.evaluate(async () => {
    try {
      await fetch("http://example.invalid/track");
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
});

test("every response carries the headers a host must send: no framing, no sniffing, no referrer, no powerful features", async ({ request }) => {
  // A page of each app, a file, the service worker, and an address that is not there.
  for (const path of ["/", "/iro", "/sw.js", "/manifest.webmanifest", "/no-such-file.js"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    // A <meta> policy cannot carry frame-ancestors: only the header stops another site framing My Say.
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("default-src 'self'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    const permissions = headers["permissions-policy"] ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions, path).toContain(`${feature}=()`);
    expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(headers["cross-origin-resource-policy"], path).toBe("same-origin");
  }
  const sw = await request.get("/sw.js");
  expect(sw.headers()["cache-control"]).toBe("no-cache");
});

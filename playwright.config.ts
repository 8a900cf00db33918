import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive Debian's Chromium against the release build in dist/, served on loopback.
const PORT = Number(process.env.E2E_PORT || 4173);
// Which build to serve: `dist` unless E2E_DIST names another (engineers building side by side).
const DIST = process.env.E2E_DIST || "dist";

// A tablet held in landscape, with a touch screen.
const TABLET = { ...devices["Desktop Chrome"], viewport: { width: 1024, height: 768 }, hasTouch: true };
// The specs that run alone (see `projects`).
const ALONE = /iro-import\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "off",
  },
  projects: [
    { name: "tablet", use: TABLET, testIgnore: ALONE },
    // Tests that time the page's own work (no task of 50 ms while a large file opens) run after
    // every other test, one at a time, so that no other test's browser takes the core the page
    // keeps for itself (on CI's two cores, a task was once stretched to 174 ms that way).
    { name: "alone", use: TABLET, testMatch: ALONE, dependencies: ["tablet"], fullyParallel: false },
  ],
  webServer: {
    command: `node tools/serve.mjs ${DIST} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});

import { test, expect } from "@playwright/test";
// @ts-ignore: a plain ES module of ours
import { firstLoadSize } from "../../tools/size.mjs";

// The first-load budget, gzip. Raise it only with a reason written in docs/size.md.
const BUDGET_GZIP_BYTES = 960 * 1024;

test("the first load (wasm + js + css) fits the gzip budget", () => {
  // The build under test: `dist`, or the one E2E_DIST names (see playwright.config.ts).
  const { rows, total } = firstLoadSize(process.env.E2E_DIST || "dist");
  expect(rows.some((r: { file: string }) => r.file.endsWith(".wasm"))).toBe(true);
  console.log(`first load: ${total.raw} B raw, ${total.gzip} B gzip (budget ${BUDGET_GZIP_BYTES})`);
  expect(total.gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

// Prints the first-load size of each app of the release build (wasm + js + css), raw and gzip -9:
// the child's app (the files at the top of dist/), a booklet being answered (dist/fill/), tablet
// set-up (dist/tablet/), council surveys on
// a tablet (dist/surveys/) and the staff workspace (dist/staff/).
// Usage: node tools/size.mjs [dist=dist] [--json]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";

/** The wasm, js and css files directly in `dir` (not below it), with their sizes. A Web
 * Worker's files (its loader `<name>_loader.js`, `<name>.js` and `<name>_bg.wasm`: the staff
 * app's open worker, tools/post-build.mjs) are left out: the page fetches them only when it
 * starts the worker, never on its first load. */
export function firstLoadSize(dir = "dist") {
  const files = readdirSync(dir);
  const workers = files.filter((f) => f.endsWith("_loader.js")).map((f) => f.slice(0, -"_loader.js".length));
  const ofWorker = (f) => workers.some((w) => [`${w}_loader.js`, `${w}.js`, `${w}_bg.wasm`].includes(f));
  const rows = files
    .filter((f) => /\.(wasm|js|css)$/.test(f) && f !== "sw.js" && !ofWorker(f))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
    });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, total };
}

/** Each app of a dist folder. */
export function appSizes(dist = "dist") {
  return {
    child: firstLoadSize(dist),
    fill: firstLoadSize(join(dist, "fill")),
    tablet: firstLoadSize(join(dist, "tablet")),
    surveys: firstLoadSize(join(dist, "surveys")),
    staff: firstLoadSize(join(dist, "staff")),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const sizes = appSizes(args.find((a) => !a.startsWith("--")) || "dist");
  if (args.includes("--json")) {
    console.log(JSON.stringify(sizes, null, 2));
  } else {
    for (const [app, { rows, total }] of Object.entries(sizes)) {
      for (const r of rows) console.log(`${(app + ": " + r.file).padEnd(48)} ${String(r.raw).padStart(9)} B raw ${String(r.gzip).padStart(8)} B gzip`);
      console.log(`${(app + " first load (wasm + js + css)").padEnd(48)} ${String(total.raw).padStart(9)} B raw ${String(total.gzip).padStart(8)} B gzip (${(total.gzip / 1024).toFixed(1)} KiB)`);
    }
  }
}

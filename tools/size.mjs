// Prints the first-load size of the release build (wasm + js + css), raw and gzip -9.
// Usage: node tools/size.mjs [dir=dist] [--json]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";

export function firstLoadSize(dir = "dist") {
  const rows = readdirSync(dir)
    .filter((f) => /\.(wasm|js|css)$/.test(f) && f !== "sw.js")
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
    });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const { rows, total } = firstLoadSize(args.find((a) => !a.startsWith("--")) || "dist");
  if (args.includes("--json")) {
    console.log(JSON.stringify({ rows, total }, null, 2));
  } else {
    for (const r of rows) console.log(`${r.file.padEnd(40)} ${String(r.raw).padStart(9)} B raw ${String(r.gzip).padStart(8)} B gzip`);
    console.log(`${"first load (wasm + js + css)".padEnd(40)} ${String(total.raw).padStart(9)} B raw ${String(total.gzip).padStart(8)} B gzip (${(total.gzip / 1024).toFixed(1)} KiB)`);
  }
}

// Trunk post-build hook: runs in Trunk's staging directory before it becomes dist/.
// 1. Moves Trunk's inline module script into boot-<hash>.js, so the CSP needs no inline script.
// 2. Writes sw.js, the service worker, listing every file of this build so the app works offline.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build.mjs: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, body) => {
  count += 1;
  const name = `boot-${hash(body)}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  return `<script type="module" src="/${name}"></script>`;
});
if (count === 0) {
  console.error("post-build.mjs: found no inline module script in index.html; Trunk's output changed?");
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("post-build.mjs: an inline script is left in index.html; the CSP would block it");
  process.exit(1);
}
writeFileSync(indexPath, html);

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== "sw.js") files.push("/" + relative(dir, path).split("\\").join("/"));
  }
};
walk(dir);
files.sort();
const version = hash(files.map((f) => f + ":" + readFileSync(join(dir, f)).length + ":" + hash(readFileSync(join(dir, f)))).join("\n"));
const template = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8");
writeFileSync(
  join(dir, "sw.js"),
  template.replace("__VERSION__", JSON.stringify(version)).replace("__FILES__", JSON.stringify(["/", ...files], null, 2)),
);
console.log(`post-build.mjs: boot script moved out of line; sw.js caches ${files.length + 1} files (version ${version})`);

// Trunk post-build hook, for both apps: runs in Trunk's staging directory before it becomes the
// app's dist folder. Moves Trunk's inline module script into boot-<hash>.js, so the CSP needs no
// inline script. (tools/assemble.mjs writes the service worker once both apps are built.)
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build.mjs: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
// Where the app is served from: "/" for the child's app, "/staff/" for the workspace.
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="?module"?(?: nonce="?[^">]*"?)?>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, body) => {
  count += 1;
  const name = `boot-${hash(body)}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  return `<script type="module" src="${publicUrl}${name}"></script>`;
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

console.log("post-build.mjs: boot script moved out of line");

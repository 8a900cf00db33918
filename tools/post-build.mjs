// Trunk post-build hook, for both apps: runs in Trunk's staging directory before it becomes the
// app's dist folder. Moves Trunk's inline module script into boot-<hash>.js, so the CSP needs no
// inline script, then minifies every JS file with terser and renews the integrity hashes that
// name them. Trunk's own JS minifier (minify-js) gives up on wasm-bindgen's glue and leaves it as
// it was: terser took the child's glue from 9,677 to 7,420 B gzip (docs/size.md).
// (tools/assemble.mjs writes the service worker once both apps are built.)
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { minify } from "terser";

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

// Every JS file, snippets included: minified as an ES module, keeping its name.
const jsFiles = (function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".js") ? [join(d, e.name)] : [],
  );
})(dir);
for (const file of jsFiles) {
  const result = await minify(readFileSync(file, "utf8"), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  writeFileSync(file, result.code);
}
// Trunk's integrity hashes were made before; renew each from the file it names.
let renewed = 0;
// Trunk's HTML minifier drops the quotes around attribute values, so both forms are read.
const attr = (name) => new RegExp(`\\b${name}=("[^"]*"|[^\\s>]+)`);
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const href = attr("href").exec(tag)?.[1].replace(/"/g, "");
  if (!href || !href.endsWith(".js") || !attr("integrity").test(tag) || !href.startsWith(publicUrl)) return tag;
  renewed += 1;
  const digest = createHash("sha384").update(readFileSync(join(dir, href.slice(publicUrl.length)))).digest("base64");
  return tag.replace(attr("integrity"), `integrity="sha384-${digest}"`);
});
if (renewed === 0) {
  console.error("post-build.mjs: no integrity hash named a JS file; Trunk's output changed?");
  process.exit(1);
}
writeFileSync(indexPath, html);

console.log(
  `post-build.mjs: boot script moved out of line; ${jsFiles.length} JS files minified (${jsFiles.map((f) => relative(dir, f)).join(", ")}); ${renewed} integrity hashes renewed`,
);

// Trunk post-build hook, for every app: runs in Trunk's staging directory before it becomes the
// app's dist folder. Moves Trunk's inline module script into boot-<hash>.js, so the CSP needs no
// inline script, then minifies every JS file with terser and renews the integrity hashes that
// name them. Trunk's own JS minifier (minify-js) gives up on wasm-bindgen's glue and leaves it as
// it was: terser took the child's glue from 9,677 to 7,420 B gzip (docs/size.md).
// (tools/assemble.mjs writes the service worker once every app is built.)
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
// Every app's page, restored by the browser from its back-forward cache, loads again: it still
// shows what it showed when it was left (a child's booklet after they locked it with their code,
// a workspace since locked), and now must show what the device holds. Moving between the apps is
// a page load, so Back after one is where this happens (docs/design.md, "Code layout").
const reloadWhenRestored = 'addEventListener("pageshow",(e)=>{if(e.persisted)location.reload()});';
let count = 0;
html = html.replace(inline, (_, body) => {
  count += 1;
  const boot = body.trim() + "\n" + reloadWhenRestored + "\n";
  const name = `boot-${hash(boot)}.js`;
  writeFileSync(join(dir, name), boot);
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

// Web Workers (the staff app's open worker, crates/my-say-staff/src/bin/open_worker.rs): Trunk
// names a worker's files after its binary alone (<bin>.js, <bin>_bg.wasm and the loader
// <bin>_loader.js, which the page starts), so that the page can name them in code. Here they are
// named after their content, as every other file is (a host may cache them for a year), and the
// page learns the loader's address from <meta name="my-say-<bin>"> (underscores as hyphens).
// Their scripts are classic scripts, not modules, and are minified as such below.
const workerScripts = new Set();
for (const loader of readdirSync(dir).filter((name) => name.endsWith("_loader.js"))) {
  const bin = loader.slice(0, -"_loader.js".length);
  const glue = readFileSync(join(dir, `${bin}.js`));
  const wasm = readFileSync(join(dir, `${bin}_bg.wasm`));
  const base = `${bin}-${createHash("sha256").update(glue).update(wasm).digest("hex").slice(0, 16)}`;
  renameSync(join(dir, `${bin}.js`), join(dir, `${base}.js`));
  renameSync(join(dir, `${bin}_bg.wasm`), join(dir, `${base}_bg.wasm`));
  rmSync(join(dir, loader));
  writeFileSync(join(dir, `${base}_loader.js`), `importScripts("./${base}.js");wasm_bindgen("./${base}_bg.wasm");\n`);
  workerScripts.add(join(dir, `${base}.js`)).add(join(dir, `${base}_loader.js`));
  const meta = `<meta name="my-say-${bin.replace(/_/g, "-")}" content="${publicUrl}${base}_loader.js">`;
  if (!html.includes("<title>")) {
    console.error("post-build.mjs: index.html has no <title> to put the worker's address before");
    process.exit(1);
  }
  html = html.replace("<title>", `${meta}<title>`);
}

// Every JS file, snippets included: minified as an ES module (a worker's as a classic script),
// keeping its name.
const jsFiles = (function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".js") ? [join(d, e.name)] : [],
  );
})(dir);
for (const file of jsFiles) {
  const module = !workerScripts.has(file);
  const result = await minify(readFileSync(file, "utf8"), { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
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
  `post-build.mjs: boot script moved out of line; ${workerScripts.size / 2} workers named after their content; ${jsFiles.length} JS files minified (${jsFiles.map((f) => relative(dir, f)).join(", ")}); ${renewed} integrity hashes renewed`,
);

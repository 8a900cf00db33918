// The bench's own static server, on loopback, that compresses as a real host does (first-visit
// timings on a throttled network need it: tools/serve.mjs sends files uncompressed, 2.7 MB
// instead of about 1 MB). Used by bench.mjs for the side-by-side timings with SurveyJS:
//   - `mySaySite(dist)`: a release dist/ with the same routing rule and headers as
//     tools/serve.mjs (an address that is not a file gets its app's page, tools/app-page.mjs; a
//     directory gets its index.html);
//   - `peerSite(files)`: a fixed set of in-memory files (the SurveyJS peer page, see
//     surveyjs-peer.mjs), with the same caching rule and no Content-Security-Policy (SurveyJS
//     sets inline styles, which My Say's policy forbids).
// Compression: brotli (quality 11) when the browser asks for it, else gzip -9, for text, wasm and
// svg (not png); made once per file and kept, as a host that stores compressed copies does, so a
// timed request never waits for the compressor (bench.mjs calls `warm()` before timing; brotli 11
// of the child's 1.2 MB wasm takes about 5 s). Chromium 156 asks for brotli on
// http://127.0.0.1 too; BENCH_COMPRESSION=gzip in bench.mjs serves gzip only (as GitHub Pages
// does). Every response body's bytes are counted (`counter`), so a timing can say what the server
// sent.
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { appPage } from "../app-page.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".webmanifest", ".txt"]);
// The same policy as tools/serve.mjs and the pages' meta tag.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A site: `lookup(path)` gives `{ key, body, ext }` or null; `csp` adds My Say's policy. */
function site(lookup, csp, encodings) {
  const packed = new Map(); // key + encoding -> compressed body
  const pack = (key, body, encoding) => {
    const k = `${encoding}:${key}`;
    if (!packed.has(k)) {
      packed.set(
        k,
        encoding === "br"
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: constants.Z_BEST_COMPRESSION }),
      );
    }
    return packed.get(k);
  };
  const counter = { requests: [], bytes: 0, reset() { this.requests = []; this.bytes = 0; } };
  const handler = (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const found = lookup(path);
    if (!found) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const { key, body, ext } = found;
    const accepts = String(req.headers["accept-encoding"] || "");
    const offered = (e) => encodings.includes(e) && new RegExp(`\\b${e}\\b`).test(accepts);
    const encoding = !COMPRESSIBLE.has(ext) ? null : offered("br") ? "br" : offered("gzip") ? "gzip" : null;
    const out = encoding ? pack(key, body, encoding) : body;
    const headers = {
      "Content-Type": TYPES[ext] || "application/octet-stream",
      "Content-Length": out.length,
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
      // As tools/serve.mjs: the service worker, pages and manifest always fresh, the rest immutable.
      "Cache-Control": /sw\.js$|\.html$|\.webmanifest$/.test(key) ? "no-cache" : "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    };
    if (csp) headers["Content-Security-Policy"] = CSP;
    if (encoding) headers["Content-Encoding"] = encoding;
    counter.requests.push({ path, file: key, encoding: encoding || "identity", bytes: out.length, raw: body.length });
    counter.bytes += out.length;
    res.writeHead(200, headers);
    if (req.method === "HEAD") res.end();
    else res.end(out);
  };
  return {
    handler,
    counter,
    encodings,
    /** Compress these files up front in every encoding served, so no timed request waits. */
    warm(keys) {
      for (const key of keys) {
        const found = lookup(key);
        if (!found || !COMPRESSIBLE.has(found.ext)) continue;
        for (const e of encodings) pack(found.key, found.body, e);
      }
    },
  };
}

/** My Say's release dist/, routed as tools/serve.mjs routes it. `encodings`: what may be
 *  served, best first among those the browser accepts (["br", "gzip"] or ["gzip"]). */
export function mySaySite(dist, encodings = ["br", "gzip"]) {
  const root = resolve(dist);
  const cache = new Map();
  const read = (file) => {
    if (!cache.has(file)) cache.set(file, readFileSync(file));
    return cache.get(file);
  };
  const lookup = (path) => {
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return null;
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      statSync(file);
    } catch {
      file = join(root, appPage(path));
    }
    try {
      return { key: "/" + relative(root, file), body: read(file), ext: extname(file) };
    } catch {
      return null;
    }
  };
  const s = site(lookup, true, encodings);
  const all = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else all.push("/" + relative(root, p));
    }
  };
  walk(root);
  return { ...s, files: all };
}

/** A fixed set of files: `{ "/index.html": Buffer|string, ... }`; "/" is "/index.html". */
export function peerSite(files, encodings = ["br", "gzip"]) {
  const lookup = (path) => {
    const key = path === "/" ? "/index.html" : path;
    const body = files[key];
    if (body === undefined) return null;
    return { key, body: Buffer.isBuffer(body) ? body : Buffer.from(body), ext: extname(key) };
  };
  const s = site(lookup, false, encodings);
  return { ...s, files: Object.keys(files) };
}

/** Serve a site on 127.0.0.1:port; resolves to the http.Server once listening. */
export function listen(s, port) {
  const server = createServer(s.handler);
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveListen(server));
  });
}

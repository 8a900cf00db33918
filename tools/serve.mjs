// A small static server for the release build (the five apps in one dist/), on loopback only. No
// dependencies. Usage: node tools/serve.mjs [dir=dist] [port=8080]
// An address that is not a file gets its app's page (tools/app-page.mjs); the app then routes
// in the browser. This is the fallback rule the README asks of any host. Every response carries
// the headers the README asks of any host (docs/design.md, "Headers"): the same
// Content-Security-Policy as the pages' meta tag, plus what a meta tag cannot say
// (frame-ancestors, so no other site can frame My Say), and the rest of `security`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { appPage } from "./app-page.mjs";

const root = resolve(process.argv[2] || "dist");
const port = Number(process.argv[3] || process.env.PORT || 8080);
const types = {
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
const csp =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Sent with every response, errors included.
const security = {
  "Content-Security-Policy": csp,
  // Old browsers that ignore frame-ancestors.
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // Powerful features My Say never uses, switched off for the page and anything in it.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=(), browsing-topics=()",
  // No other site's window keeps a handle on ours, and no other site may load our files.
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    res.writeHead(403, security).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
  } catch {
    file = join(root, appPage(path));
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      ...security,
      "Content-Type": types[extname(file)] || "application/octet-stream",
      // The service worker and index.html must always be fresh so updates reach tablets.
      "Cache-Control": /sw\.js$|\.html$|\.webmanifest$/.test(file) ? "no-cache" : "public, max-age=31536000, immutable",
    });
    res.end(body);
  } catch {
    res.writeHead(404, { ...security, "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
  }
});
server.listen(port, "127.0.0.1", () => console.log(`My Say is being served on http://127.0.0.1:${port}/ (Ctrl+C to stop)`));

// Runs after the five apps are built (scripts/setup.sh, build_release): the child's app in dist/,
// a booklet being answered in dist/fill/, tablet set-up in dist/tablet/, council surveys on a
// tablet in dist/surveys/ and the staff workspace in dist/staff/. Makes dist/
// one folder any static host can serve:
// 0. Copies the built-in booklets into dist/booklets/, from where the child's app fetches one
//    band's file when a booklet starts (src/booklets.rs; crates/my-say-core/build.rs writes them,
//    each named after its content); likewise the Welsh and Arabic wording into dist/locales/,
//    which the child's app fetches when that language is chosen (my_say_ui::i18n::I18n::choose;
//    crates/my-say-ui/build.rs writes them); and the tablet set-up and surveys apps' own wording
//    into dist/tablet/locales/ (build.rs at the top writes them; src/i18n.rs fetches them).
// 1. Writes sw.js, the one service worker, with each app's file list and version (see
//    tools/sw-template.js, whose comment lines it leaves out, and docs/design.md).
// 2. Puts a copy of each app's index.html at every fixed address it answers (dist/booklet/,
//    dist/iro/reports/, ...), so those addresses open on a host that knows nothing of this app.
//    The tablet set-up and surveys apps' own pages are dist/tablet/index.html and
//    dist/surveys/index.html, so the set-up links and survey links already handed out
//    (/tablet#..., /surveys#...) open anywhere too. Addresses with an
//    id in them (/booklet/..., /surveys/..., /iro/booklet/...) need the host's fallback rule, as
//    the README says; once a device has opened the app, the service worker answers them. A
//    booklet being answered (/booklet/<draft id>) is dist/fill/index.html's.
// Usage: node tools/assemble.mjs [dist=dist]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const dist = process.argv[2] || "dist";
const FILL_DIR = "fill";
const STAFF_DIR = "staff";
const SURVEYS_DIR = "surveys";
const TABLET_DIR = "tablet";

// Fixed addresses of each app, without the leading "/" (the routes in src/routes.rs and
// crates/my-say-staff/src/routes.rs that have no parameter). The tablet set-up and surveys apps'
// one fixed address each, /tablet and /surveys, is their own folder.
export const CHILD_ROUTES = ["booklet"];
const WORKSPACE_PAGES = ["", "follow-ups", "reports", "data", "settings", "surveys"];
export const STAFF_ROUTES = [
  ...WORKSPACE_PAGES.map((p) => (p ? `iro/${p}` : "iro")),
  ...WORKSPACE_PAGES.map((p) => (p ? `demo/${p}` : "demo")),
  "council",
];
const ROUTE_TOPS = new Set([...CHILD_ROUTES, ...STAFF_ROUTES].map((r) => r.split("/")[0]));

for (const page of ["index.html", `${FILL_DIR}/index.html`, `${TABLET_DIR}/index.html`, `${SURVEYS_DIR}/index.html`, `${STAFF_DIR}/index.html`]) {
  if (!existsSync(join(dist, page))) {
    console.error(`assemble.mjs: ${join(dist, page)} is missing: build the five apps first`);
    process.exit(1);
  }
}

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
// Every file under `dir`, as an absolute address ("/staff/x.js"), leaving out `skip` folders.
const filesUnder = (dir, skip = new Set()) => {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const rel = relative(dist, path).split("\\").join("/");
      if (skip.has(rel)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (rel !== "sw.js") out.push("/" + rel);
    }
  };
  walk(dir);
  return out.sort();
};
const version = (files) => hash(files.map((f) => f + ":" + hash(readFileSync(join(dist, f)))).join("\n"));

// The built-in booklets: build.rs wrote them to my-say-core's OUT_DIR, which cargo names when
// asked the very command Trunk ran for the child's app (Trunk.toml, index.html's data-bin): it
// builds nothing, only reports. They go in before the file lists below, so the service worker
// keeps them with the child's app.
const root = fileURLToPath(new URL("..", import.meta.url));
const cargo = ["build", "--target=wasm32-unknown-unknown", "--manifest-path", join(root, "Cargo.toml"), "--release", "--offline", "--bin", "my-say", "--message-format=json"];
let messages;
try {
  messages = execFileSync("cargo", cargo, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
} catch (error) {
  console.error(`assemble.mjs: cargo ${cargo.join(" ")} failed:\n${error.stderr}`);
  process.exit(1);
}
const built = messages
  .split("\n")
  .filter((line) => line.startsWith("{"))
  .map((line) => JSON.parse(line))
  .filter((m) => m.reason === "build-script-executed");
// Copies `folder` of the OUT_DIR of the crate `name` (the child's app's build of it) to `to` in
// dist/. A path package's id ends in its folder's name, or names the package after `#` when that
// differs (this package, in the repository's own folder).
const copyOut = (name, folder, to = folder) => {
  const out = built.find((m) => new RegExp(`[/#]${name}[#@]`).test(m.package_id))?.out_dir;
  if (!out || !existsSync(join(out, folder))) {
    console.error(`assemble.mjs: cargo named no OUT_DIR/${folder}/ of ${name}; build the child's app first`);
    process.exit(1);
  }
  rmSync(join(dist, to), { recursive: true, force: true });
  cpSync(join(out, folder), join(dist, to), { recursive: true });
  return readdirSync(join(dist, to));
};
const booklets = copyOut("my-say-core", "booklets");
const locales = copyOut("my-say-ui", "locales");
// The tablet set-up and surveys apps' own Welsh and Arabic (build.rs, src/i18n.rs), kept with the
// tablet set-up app, which the surveys app keeps too: a child's tablet never fetches them.
const ownLocales = copyOut("my-say", "locales", `${TABLET_DIR}/locales`);

// The copies of index.html from an earlier run are not files of any app.
for (const top of ROUTE_TOPS) rmSync(join(dist, top), { recursive: true, force: true });

// The child's app and a booklet's (dist/fill/) are kept together: every child's tablet needs both.
const child = filesUnder(dist, new Set([STAFF_DIR, SURVEYS_DIR, TABLET_DIR]));
const tablet = filesUnder(join(dist, TABLET_DIR));
const surveys = filesUnder(join(dist, SURVEYS_DIR));
const staff = filesUnder(join(dist, STAFF_DIR));
// The template's comments are for people reading tools/sw-template.js; every device downloads
// sw.js on its first visit, so it goes without them.
const template = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => !/^\s*\/\//.test(line))
  .join("\n");
writeFileSync(
  join(dist, "sw.js"),
  template
    .replace("__CHILD_VERSION__", JSON.stringify(version(child)))
    .replace("__TABLET_VERSION__", JSON.stringify(version(tablet)))
    .replace("__SURVEYS_VERSION__", JSON.stringify(version(surveys)))
    .replace("__STAFF_VERSION__", JSON.stringify(version(staff)))
    .replace("__CHILD_FILES__", JSON.stringify(child))
    .replace("__TABLET_FILES__", JSON.stringify(tablet))
    .replace("__SURVEYS_FILES__", JSON.stringify(surveys))
    .replace("__STAFF_FILES__", JSON.stringify(staff)),
);

const copies = (routes, page) => {
  for (const route of routes) {
    mkdirSync(join(dist, route), { recursive: true });
    copyFileSync(join(dist, page), join(dist, route, "index.html"));
  }
};
copies(CHILD_ROUTES, "index.html");
copies(STAFF_ROUTES, `${STAFF_DIR}/index.html`);
console.log(
  `assemble.mjs: ${booklets.length} built-in booklets in booklets/, ${locales.length} wording files in locales/ and ${ownLocales.length} in ${TABLET_DIR}/locales/; sw.js keeps ${child.length} files of the child's app and, once opened, ${tablet.length} of the tablet set-up app, ${surveys.length} of the surveys app and ${staff.length} of the staff app; ` +
    `index.html copied to ${CHILD_ROUTES.length + STAFF_ROUTES.length} addresses`,
);

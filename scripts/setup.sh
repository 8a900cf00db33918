#!/usr/bin/env bash
# Installs whatever this machine lacks to build My Say, and is quick when all is there.
# Sourced by scripts/serve.sh and scripts/test.sh. Every version is pinned: see docs/toolchain.md.
#   setup_build   wasm32 target, Trunk 0.21.14, the wasm-bindgen CLI matching Cargo.lock, npm packages (binaryen 132)
#   setup_test    Chromium and chromedriver from Debian, plus everything setup_build does
#   build_release the five apps into dist/ (see below)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# Playwright must never try to download a browser: it uses Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION="0.21.14"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

wasm_bindgen_version() {
  # The exact version Cargo.lock resolved; Trunk uses a system wasm-bindgen only on an exact match.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build() {
  cd "$ROOT"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
    say "Installing Trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local wbv
  wbv="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbv\$"; then
    say "Installing wasm-bindgen-cli $wbv (about 4 minutes, once)"
    # No --locked: its lock names a webpki-roots version the registry does not serve.
    cargo install wasm-bindgen-cli --version "$wbv"
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm packages (binaryen 132 for wasm-opt; Playwright and axe-core for tests)"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  fi
}

setup_test() {
  setup_build
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and chromedriver from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium chromium-driver
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi
}

# The five apps into one dist/: the child's app (Trunk.toml here) first, because Trunk empties
# its dist folder, then a booklet being answered into dist/fill/, tablet set-up into dist/tablet/,
# council surveys on a tablet into
# dist/surveys/ and the staff workspace into dist/staff/, then the service worker and the copies of each app's page
# (tools/assemble.mjs). The builds share target/, so the shared dependencies compile once. DIST
# (default dist) puts it elsewhere.
build_release() {
  cd "$ROOT"
  local dist="${DIST:-$ROOT/dist}"
  say "Building the child's app (trunk build --release --offline) into $dist"
  # Each step returns on failure by itself: `set -e` does not act inside a function called as
  # `build_release && ...`, and a failed build must never leave an older one to be tested.
  # Trunk copies wasm-bindgen's whole snippets folder, which wasm-bindgen never empties: without
  # this, the staff app's JS snippets from an earlier build would land in the child's app.
  local snippets="${CARGO_TARGET_DIR:-$ROOT/target}/wasm-bindgen/release/snippets"
  rm -rf "$snippets"
  trunk build --release --offline --dist "$dist" || return 1
  # The same package's other binaries: its library and dependencies are already built.
  say "Building a booklet being answered (fill.html) into $dist/fill"
  rm -rf "$snippets"
  trunk build --release --offline --dist "$dist/fill" --public-url /fill/ fill.html || return 1
  say "Building tablet set-up (tablet.html) into $dist/tablet"
  rm -rf "$snippets"
  trunk build --release --offline --dist "$dist/tablet" --public-url /tablet/ tablet.html || return 1
  say "Building council surveys on a tablet (surveys.html) into $dist/surveys"
  rm -rf "$snippets"
  trunk build --release --offline --dist "$dist/surveys" --public-url /surveys/ surveys.html || return 1
  say "Building the staff workspace (crates/my-say-staff) into $dist/staff"
  rm -rf "$snippets"
  (cd crates/my-say-staff && trunk build --release --offline --dist "$dist/staff" "$@") || return 1
  node tools/assemble.mjs "$dist" || return 1
}

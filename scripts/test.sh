#!/usr/bin/env bash
# `npm test`: every test. Installs what is missing first (Chromium and chromedriver from Debian too).
source "$(dirname "$0")/setup.sh"
setup_test
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --all --check

say "clippy, warnings denied (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p my-say -p my-say-ui -p my-say-staff --target wasm32-unknown-unknown -- -D warnings

say "native tests (cargo test)"
cargo test --workspace

say "a sealed bundle opens with a standard HPKE implementation (Python: pyhpke, cryptography)"
bash tools/check_open_bundle.sh

say "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p my-say-ui --target wasm32-unknown-unknown

build_release
node tools/size.mjs dist

say "end-to-end tests of the five apps (Playwright in Chromium, against the release build on loopback)"
npx playwright test

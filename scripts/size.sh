#!/usr/bin/env bash
# `npm run size`: builds the release and prints the first-load size (wasm + js + css), raw and gzip.
source "$(dirname "$0")/setup.sh"
setup_build
build_release
node "$ROOT/tools/size.mjs" "$ROOT/dist"

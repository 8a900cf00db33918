#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the release and serves it on http://127.0.0.1:8080
source "$(dirname "$0")/setup.sh"
setup_build
build_release
exec node "$ROOT/tools/serve.mjs" "$ROOT/dist" "${PORT:-8080}"

#!/usr/bin/env bash
# `npm run bench`: performance against the targets in docs/performance.md. Separate from
# `npm test`; only the size budget fails tests. Installs what it lacks (as `npm test` does, plus
# SurveyJS in tools/bench/ for the size comparison and the side-by-side timings), builds the release
# and the bench build, runs the native report benchmark, then tools/bench/bench.mjs in headless
# Chromium.
#   BENCH_DIST / BENCH_BENCH_DIST   where the two builds go (default dist/ and target/bench-dist/)
#   BENCH_SKIP_BUILD=1              use the builds already there
#   BENCH_PORT                      first of four loopback ports (default 4184): the release, the
#                                   bench build, then the bench's own compressing servers for My
#                                   Say and the SurveyJS peer (tools/bench/compressed-server.mjs)
#   BENCH_COMPRESSION=gzip          serve gzip only in the side-by-side timings (default: brotli
#                                   when the browser asks for it, else gzip)
#   BENCH_QUICK=1                   fewer runs and at most 10,000 booklets, to try it out
source "$(dirname "$0")/setup.sh"
setup_test

APP_DIST="${BENCH_DIST:-$ROOT/dist}"
BENCH_BUILD_DIST="${BENCH_BENCH_DIST:-$ROOT/target/bench-dist}"
QUICK=""
[ "${BENCH_QUICK:-}" = "1" ] && QUICK="--quick"

if [ ! -d tools/bench/node_modules/survey-core ] || [ tools/bench/package-lock.json -nt tools/bench/node_modules/.package-lock.json ]; then
  say "Installing SurveyJS (survey-core, survey-js-ui) in tools/bench/ for the comparison with SurveyJS"
  (cd tools/bench && npm ci --no-audit --no-fund)
fi

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  say "Building the release into $APP_DIST"
  DIST="$APP_DIST" build_release
  say "Building the bench build (the staff app with --features bench) into $BENCH_BUILD_DIST"
  DIST="$BENCH_BUILD_DIST" build_release --features bench
fi

say "Native report benchmark (cargo bench -p my-say-core)"
cargo bench -p my-say-core --features synthetic --bench report_timing --bench report_builtin

say "Browser benchmarks (headless Chromium, tools/bench/bench.mjs)"
node tools/bench/bench.mjs "$APP_DIST" "$BENCH_BUILD_DIST" $QUICK

#!/usr/bin/env bash
# `npm run build`: installs what is missing and builds the five apps into one dist/ folder, ready to
# copy to any static host (README: "Putting My Say on the council's own web server").
source "$(dirname "$0")/setup.sh"
setup_build
build_release

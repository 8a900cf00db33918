#!/usr/bin/env bash
# Opens the committed sealed-bundle test vector with standard Python libraries (pyhpke,
# cryptography, argon2-cffi), sharing no code with My Say. Exits non-zero on any mismatch.
# Installs those packages with pip into a venv under target/ the first time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${CARGO_TARGET_DIR:-$root/target}/seal-venv"
py="$venv/bin/python"
if ! [ -x "$py" ] || ! "$py" -c 'import pyhpke, cryptography, argon2' 2>/dev/null; then
  python3 -m venv "$venv"
  "$py" -m pip install --quiet --disable-pip-version-check \
    'pyhpke>=0.6,<0.7' 'cryptography>=42' 'argon2-cffi>=23'
fi
exec "$py" "$root/tools/open_bundle.py" --vector "$root/crates/my-say-core/tests/vectors/bundle-v1.json"

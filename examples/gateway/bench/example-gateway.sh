# Sourced by the benchmark scripts of this folder (not run on its own): starts the example gateway
# in a process of its own and stops it by its process id. Needs JAVA, GATEWAY_HEAP and WORK (the
# run's folder, holding pairings.jsonl); the gateway's output goes to $WORK/gateway.log.

GATEWAY_PID=

# start_example_gateway JAR [JVM options...] -- [gateway options...]: starts the gateway on a free
# port and waits until it listens; sets GATEWAY_PID and PORT. Exits if it does not start in 30 s.
start_example_gateway() {
  local jar=$1
  shift
  local -a jvm=()
  while [[ $# -gt 0 && $1 != -- ]]; do
    jvm+=("$1")
    shift
  done
  [[ $# -gt 0 ]] && shift
  : >"$WORK"/gateway.log
  "$JAVA" -Xmx"$GATEWAY_HEAP" "${jvm[@]}" -jar "$jar" --port 0 --pairings "$WORK"/pairings.jsonl \
    "$@" >"$WORK"/gateway.log 2>&1 &
  GATEWAY_PID=$!
  await_listening "the example gateway"
}

# start_bare_floor JAR [JVM options...]: starts BareTransportFloor (benchmark only: one thread,
# plain NIO, a constant hello-ok) from the gateway's jar in its place, like start_example_gateway.
start_bare_floor() {
  local jar=$1
  shift
  : >"$WORK"/gateway.log
  "$JAVA" -Xmx"$GATEWAY_HEAP" "$@" -cp "$jar" dev.connectpolicy.examples.gateway.BareTransportFloor \
    --port 0 >"$WORK"/gateway.log 2>&1 &
  GATEWAY_PID=$!
  await_listening "the bare transport floor"
}

# await_listening WHAT: waits until the process started last prints its listening line; sets PORT.
await_listening() {
  PORT=
  for _ in $(seq 1 300); do
    PORT=$(sed -n 's|.*listening on ws://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK"/gateway.log)
    [[ -n $PORT ]] && return 0
    kill -0 "$GATEWAY_PID" 2>/dev/null || { cat "$WORK"/gateway.log >&2; exit 1; }
    sleep 0.1
  done
  echo "$1 did not start within 30 s" >&2
  exit 1
}

# stop_example_gateway: stops the gateway started last, if it still runs.
stop_example_gateway() {
  if [[ -n $GATEWAY_PID ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID"
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
  GATEWAY_PID=
}

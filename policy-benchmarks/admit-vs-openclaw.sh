#!/usr/bin/env bash
# AdmitBenchmark and OpenClaw's verification of the same device proof, in one run, then the
# ratios of docs/PERFORMANCE.md ("Admission").
#
#   ./mvnw -B -q package -DskipTests -pl policy-benchmarks -am
#   NODE=/path/to/node policy-benchmarks/admit-vs-openclaw.sh [OUT_DIR]
#
# NODE defaults to the node on the PATH; OpenClaw 2026.9 runs on Node 24. OUT_DIR (default
# policy-benchmarks/target/admit-vs-openclaw) receives proof.json, jmh.txt, jmh.json, node.json
# and report.md. Java runs first, then Node, never both at once.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
out="${1:-$here/target/admit-vs-openclaw}"
node="${NODE:-node}"

if [[ ! -f "$jar" ]]; then
  echo "admit-vs-openclaw: $jar is missing; build it with ./mvnw -B -q package -DskipTests -pl policy-benchmarks -am" >&2
  exit 2
fi
mkdir -p "$out"

java -cp "$jar" dev.connectpolicy.benchmarks.AdmitProof > "$out/proof.json"
java -jar "$jar" 'AdmitBenchmark' -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
"$node" "$here/src/main/node/openclaw-verify.mjs" "$out/proof.json" > "$out/node.json"
java -cp "$jar" dev.connectpolicy.benchmarks.Report "$out/jmh.json" "$out/node.json" | tee "$out/report.md"

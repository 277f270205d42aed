// OpenClaw's verification of a device proof, timed in a warmed loop beside AdmitBenchmark.
//
//   node openclaw-verify.mjs proof.json > node.json
//
// proof.json is what dev.connectpolicy.benchmarks.AdmitProof prints: the key, the v3 payload and
// the signature that AdmitBenchmark admits. Two ways, as JMH's AverageTime reports them (us/op,
// warm-up, then measured iterations of a fixed duration; mean and 99.9% confidence half-width):
//
//   perConnection  what OpenClaw's gateway does for each connect frame: the base64url key and
//                  the DER prefix make an SPKI, crypto.createPublicKey builds the key object,
//                  crypto.verify(null, ...) checks the signature over the UTF-8 payload;
//   prebuiltKey    crypto.verify alone, with the key object built once, the lower bound.
//
// Nothing leaves the process; the script reads one file and writes JSON to standard output.
import { createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";

const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
// As AdmitBenchmark: five warm-up seconds, then twenty measured one-second iterations (its two
// forks of ten).
const WARMUP_ITERATIONS = 5;
const MEASURED_ITERATIONS = 20;
const ITERATION_MS = 1000;
// Student's t at 99.9% (two-sided) for 19 degrees of freedom, as JMH computes its error.
const T_999_19 = 3.883;

if (process.argv.length !== 3) {
  process.stderr.write("usage: node openclaw-verify.mjs PROOF.json\n");
  process.exit(2);
}
const proof = JSON.parse(readFileSync(process.argv[2], "utf8"));

function keyObject(publicKey) {
  return createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey, "base64url")]),
    type: "spki",
    format: "der",
  });
}

function perConnection() {
  const key = keyObject(proof.publicKey);
  const signature = Buffer.from(proof.signature, "base64url");
  return verify(null, Buffer.from(proof.payload, "utf8"), key, signature);
}

const prebuilt = keyObject(proof.publicKey);
function prebuiltKey() {
  const signature = Buffer.from(proof.signature, "base64url");
  return verify(null, Buffer.from(proof.payload, "utf8"), prebuilt, signature);
}

/** One iteration: as many calls as fit in ITERATION_MS; returns microseconds per call. */
function iteration(operation) {
  const deadline = process.hrtime.bigint() + BigInt(ITERATION_MS) * 1_000_000n;
  const start = process.hrtime.bigint();
  let calls = 0;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 64; i++) {
      if (!operation()) {
        throw new Error("the proof does not verify");
      }
    }
    calls += 64;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / 1000 / calls;
}

function measure(operation) {
  for (let i = 0; i < WARMUP_ITERATIONS; i++) {
    iteration(operation);
  }
  const samples = [];
  for (let i = 0; i < MEASURED_ITERATIONS; i++) {
    samples.push(iteration(operation));
  }
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1);
  const error = T_999_19 * Math.sqrt(variance / samples.length);
  return { score: mean, error, unit: "us/op", samples };
}

if (!perConnection() || !prebuiltKey()) {
  throw new Error("the proof does not verify");
}
const results = {
  node: process.version,
  openssl: process.versions.openssl,
  results: {
    perConnection: measure(perConnection),
    prebuiltKey: measure(prebuiltKey),
  },
};
process.stdout.write(JSON.stringify(results, null, 2) + "\n");

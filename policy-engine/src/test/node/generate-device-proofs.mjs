// Generates device proofs signed by an implementation independent of the JDK: Node.js's own
// crypto (node:crypto, OpenSSL underneath), which OpenClaw's clients use to sign their connect
// frames. No npm packages.
//
// Writes two files, both committed, so the Java tests and the examples never need Node:
//   policy-engine/src/test/resources/evidence/node-device-proofs.json
//     keys, v2 and v3 payloads and signatures; NodeDeviceProofTest checks that the Java verifier
//     accepts each proof and rejects each single tampering with the right code
//   examples/requests.jsonl
//     signed raw requests for `connect-policy admit` (see examples/README.md)
//
// Regenerate (fresh keys each time; the tests read whatever the file holds), from the repository
// root, with Node.js 18 or newer:
//   node policy-engine/src/test/node/generate-device-proofs.mjs
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");

// Written from the reference's definition (section 4), not from OpenClaw's code: `|`-joined,
// platform and device family trimmed with ASCII A-Z lower-cased only.
const normalizeMetadata = (value) =>
  typeof value === "string" ? value.trim().replace(/[A-Z]/g, (c) => c.toLowerCase()) : "";

const payloadV2 = (p) =>
  ["v2", p.deviceId, p.clientId, p.clientMode, p.role, p.scopes.join(","), String(p.signedAtMs),
    p.token ?? "", p.nonce].join("|");

const payloadV3 = (p) =>
  ["v3", p.deviceId, p.clientId, p.clientMode, p.role, p.scopes.join(","), String(p.signedAtMs),
    p.token ?? "", p.nonce, normalizeMetadata(p.platform), normalizeMetadata(p.deviceFamily)].join("|");

function newDevice() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x, "base64url");
  return {
    privateKey,
    publicKey: raw.toString("base64url"),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    deviceId: createHash("sha256").update(raw).digest("hex"),
  };
}

const signText = (device, text) => sign(null, Buffer.from(text, "utf8"), device.privateKey).toString("base64url");

// The token slot: auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? "".
const tokenSlot = (auth) => auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? null;

const cases = [
  { name: "node-host with shared token", client: { id: "node-host", mode: "node", platform: "linux" },
    role: "node", scopes: [], auth: { token: "gateway-token-1" }, nonce: "nonce-1" },
  { name: "macOS app with two scopes and metadata to normalise",
    client: { id: "openclaw-macos", mode: "ui", platform: "  MacOS 15.2 ", deviceFamily: " Mac " },
    role: "operator", scopes: ["operator.admin", "operator.read"], auth: { token: "tok-123" },
    nonce: "nonce-abc" },
  { name: "iOS app with device token and non-ASCII platform",
    client: { id: "openclaw-ios", mode: "ui", platform: "  \u0130OS  ", deviceFamily: "iPhone" },
    role: "operator", scopes: ["operator.read", "operator.write", "operator.talk"],
    auth: { deviceToken: "device-token-ios" }, nonce: "nonce-ios" },
  { name: "CLI without any token", client: { id: "cli", mode: "cli" }, role: "operator",
    scopes: ["operator.read"], auth: {}, nonce: "  nonce-with-spaces  " },
  { name: "gateway-client backend with bootstrap token",
    client: { id: "gateway-client", mode: "backend", platform: "linux", deviceFamily: "" },
    role: "operator", scopes: ["operator.write", "operator.read"],
    auth: { bootstrapToken: "bootstrap-1" }, nonce: "nonce-backend" },
];

const signedAtMs = 1767225600000; // 2026-01-01T00:00:00Z
const vectors = cases.map((c, index) => {
  const device = newDevice();
  const fields = {
    deviceId: device.deviceId, clientId: c.client.id, clientMode: c.client.mode, role: c.role,
    scopes: c.scopes, signedAtMs: signedAtMs + index, token: tokenSlot(c.auth),
    nonce: c.nonce.trim(), platform: c.client.platform, deviceFamily: c.client.deviceFamily,
  };
  const v2 = payloadV2(fields);
  const v3 = payloadV3(fields);
  return {
    name: c.name, deviceId: device.deviceId, publicKey: device.publicKey,
    publicKeyPem: device.publicKeyPem, client: c.client, role: c.role, scopes: c.scopes,
    auth: c.auth, signedAt: fields.signedAtMs, nonce: c.nonce, payloadV2: v2, payloadV3: v3,
    signatureV2: signText(device, v2), signatureV3: signText(device, v3),
  };
});

writeFileSync(
  join(root, "policy-engine/src/test/resources/evidence/node-device-proofs.json"),
  JSON.stringify({
    generator: "policy-engine/src/test/node/generate-device-proofs.mjs",
    node: process.version,
    vectors,
  }, null, 2) + "\n");

// ---- examples/requests.jsonl ------------------------------------------------------------------

const now = 1767225600500;
const gatewayToken = "example-gateway-token";
const gateway = (extra = {}) => ({ auth: { mode: "token", token: gatewayToken }, trustedProxies: [], ...extra });

function signedRequest({ device, client, role, scopes, auth, challenge, signedAt, version = "v3" }) {
  const fields = {
    deviceId: device.deviceId, clientId: client.id, clientMode: client.mode, role, scopes,
    signedAtMs: signedAt, token: tokenSlot(auth), nonce: challenge,
    platform: client.platform, deviceFamily: client.deviceFamily,
  };
  const payload = version === "v3" ? payloadV3(fields) : payloadV2(fields);
  return {
    connect: {
      client, role, scopes, auth,
      device: { id: device.deviceId, publicKey: device.publicKey, signature: signText(device, payload),
                signedAt, nonce: challenge },
    },
  };
}

const node = newDevice();
const nodeClient = { id: "node-host", mode: "node", platform: "linux", deviceFamily: "" };
const nodePaired = { publicKey: node.publicKey, roles: ["node"], scopes: [], platform: "linux", deviceFamily: "" };
const remoteSocket = { remoteAddress: "203.0.113.10", headers: { host: "gateway.example:18789" } };
const cli = newDevice();
const cliClient = { id: "cli", mode: "cli", platform: "darwin" };

const validNode = {
  ...signedRequest({ device: node, client: nodeClient, role: "node", scopes: [],
    auth: { token: gatewayToken }, challenge: "challenge-1", signedAt: now - 500 }),
  socket: remoteSocket, challengeNonce: "challenge-1", now, gateway: gateway(), pairedDevice: nodePaired,
};
const tampered = structuredClone(validNode);
{
  const bytes = Buffer.from(tampered.connect.device.signature, "base64url");
  bytes[10] ^= 0x01;
  tampered.connect.device.signature = bytes.toString("base64url");
}
const stale = {
  ...signedRequest({ device: node, client: nodeClient, role: "node", scopes: [],
    auth: { token: gatewayToken }, challenge: "challenge-3", signedAt: now - 300000 }),
  socket: remoteSocket, challengeNonce: "challenge-3", now, gateway: gateway(), pairedDevice: nodePaired,
};
const foreignOrigin = {
  connect: { client: { id: "openclaw-control-ui", mode: "webchat" }, role: "operator",
             scopes: ["operator.read"], auth: { token: gatewayToken } },
  socket: { remoteAddress: "198.51.100.7",
            headers: { host: "gateway.example", origin: "https://evil.example" } },
  challengeNonce: "challenge-4", now,
  gateway: gateway({ controlUi: { allowedOrigins: ["https://gateway.example"] } }),
};
const loopbackBackend = {
  connect: { client: { id: "gateway-client", mode: "backend" }, role: "operator",
             scopes: ["operator.admin"], auth: { token: gatewayToken } },
  socket: { remoteAddress: "127.0.0.1", headers: { host: "127.0.0.1:18789" } },
  challengeNonce: "challenge-5", now, gateway: gateway(),
};
const untrustedProxy = {
  connect: { client: { id: "node-host", mode: "node" }, role: "node", scopes: [],
             auth: { token: gatewayToken } },
  socket: { remoteAddress: "127.0.0.1",
            headers: { host: "127.0.0.1:18789", "x-forwarded-for": "203.0.113.99" } },
  challengeNonce: "challenge-6", now, gateway: gateway(),
};
const cliV2 = {
  ...signedRequest({ device: cli, client: cliClient, role: "operator", scopes: ["operator.read"],
    auth: { token: gatewayToken }, challenge: "challenge-7", signedAt: now - 1000, version: "v2" }),
  socket: { remoteAddress: "::1", headers: { host: "localhost:18789" } },
  challengeNonce: "challenge-7", now, gateway: gateway(),
  pairedDevice: { publicKey: cli.publicKeyPem, roles: ["operator"], scopes: ["operator.read"],
                  platform: "darwin" },
};
const wrongToken = {
  ...signedRequest({ device: cli, client: cliClient, role: "operator", scopes: ["operator.read"],
    auth: { token: "not-the-gateway-token" }, challenge: "challenge-8", signedAt: now }),
  socket: { remoteAddress: "192.0.2.44", headers: { host: "gateway.example" } },
  challengeNonce: "challenge-8", now, gateway: gateway(),
  pairedDevice: { publicKey: cli.publicKey, roles: ["operator"], scopes: ["operator.read"] },
};
const unpairedNode = {
  ...signedRequest({ device: newDevice(), client: nodeClient, role: "node", scopes: [],
    auth: { token: gatewayToken }, challenge: "challenge-9", signedAt: now + 2000 }),
  socket: remoteSocket, challengeNonce: "challenge-9", now, gateway: gateway(), pairedDevice: null,
};

const examples = [validNode, tampered, stale, foreignOrigin, loopbackBackend, untrustedProxy, cliV2,
  wrongToken, unpairedNode];
writeFileSync(join(root, "examples/requests.jsonl"), examples.map((e) => JSON.stringify(e)).join("\n") + "\n");
console.log(`wrote ${vectors.length} vectors and ${examples.length} example requests`);

/**
 * The evidence layer's parsers and text helpers: addresses and CIDR ranges, Host and Origin
 * headers, base64 and JavaScript-compatible text, the device-auth payloads, role scopes, secret
 * comparison, and the size limits of the request records. Not exported; nothing here is API.
 *
 * <p>Each class has one job and is a set of pure static functions over strings and small values, so
 * that a fuzz target or a benchmark can call any parser directly. Nothing here reads the request
 * records of {@link dev.connectpolicy.engine.evidence}: what derives facts from them (locality,
 * credentials, device proof with its Ed25519 verification, pairing) lives there, package-private,
 * so the dependency runs one way, from the evidence package to this one.
 */
@NullMarked
package dev.connectpolicy.engine.evidence.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The evidence layer's workings: address, header and Origin parsing, Ed25519 key and signature
 * handling, the device-auth payloads, OpenClaw's authorization, pairing comparison and the
 * derivation of facts from a raw request. Not exported; nothing here is API.
 *
 * <p>Each class has one job and is a set of pure static functions over strings and small values, so
 * that a fuzz target or a benchmark can call any parser directly.
 */
@NullMarked
package dev.connectpolicy.engine.evidence.internal;

import org.jspecify.annotations.NullMarked;

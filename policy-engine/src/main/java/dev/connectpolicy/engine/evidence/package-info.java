/**
 * The evidence layer: turns the raw request a gateway holds when a {@code connect} frame arrives
 * (the frame, the socket, the challenge nonce, the clock, the gateway's configuration and the
 * device's pairing record) into the facts of a {@link dev.connectpolicy.api.ConnectContext}, and
 * decides it: {@link dev.connectpolicy.engine.evidence.Admission}.
 *
 * <pre>{@code
 * ConnectRequest request = RequestJson.read(json);   // or build the records directly
 * Admission.Result result = Admission.admit(ConnectPolicies.recommended(), request);
 * Decision decision = result.decision();
 * }</pre>
 *
 * <p>Everything here is pure: the clock and the challenge nonce are inputs. The records that hold
 * secrets (tokens, passwords, signatures) print them redacted, and no secret reaches a message, a
 * decision or the derived facts.
 *
 * <p>The derivation (locality, credentials, the device proof and its Ed25519 verification, pairing)
 * is package-private here; the parsers it calls are in the non-exported {@code
 * dev.connectpolicy.engine.evidence.internal}, which never reads these records, so the two packages
 * do not depend on each other both ways.
 */
@NullMarked
package dev.connectpolicy.engine.evidence;

import org.jspecify.annotations.NullMarked;

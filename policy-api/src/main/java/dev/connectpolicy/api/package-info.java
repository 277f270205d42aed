/**
 * The vocabulary shared by policies, the engine and the testkit.
 *
 * <p>A gateway turns a connection attempt into a {@link dev.connectpolicy.api.ConnectContext}
 * (finite facts only: booleans, enums, short lists) and asks a {@link
 * dev.connectpolicy.api.ConnectPolicy} for a {@link dev.connectpolicy.api.Decision}:
 *
 * <pre>{@code
 * ConnectContext context = ConnectContext.builder()
 *     .role("node")
 *     .client("node-host", "node")
 *     .local(true)
 *     .origin(OriginCheck.ABSENT)
 *     .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
 *     .device(DeviceProof.VERIFIED)
 *     .pairing(PairingState.PAIRED)
 *     .build();
 * Decision decision = policy.evaluate(context);
 * }</pre>
 *
 * <p>Every enum here carries the exact string used on the JSON wire ({@link
 * dev.connectpolicy.api.WireValue#wire()}).
 */
@NullMarked
package dev.connectpolicy.api;

import org.jspecify.annotations.NullMarked;

/**
 * An example gateway: a Jetty 12 WebSocket server that speaks OpenClaw's connect handshake and
 * decides every connection with the engine's evidence layer ({@link
 * dev.connectpolicy.engine.evidence.Admission#admit}).
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.builder(GatewayConfig.of(GatewayAuth.token(token))).start()) {
 *   URI uri = gateway.uri(); // ws://127.0.0.1:<ephemeral port>/
 * }
 * }</pre>
 *
 * <p>On open the gateway sends {@code connect.challenge} with a fresh nonce; the client's first
 * frame must be a {@code connect} request, which becomes a {@link
 * dev.connectpolicy.engine.evidence.ConnectRequest} (the frame, the socket, the nonce, the clock,
 * the gateway's configuration and its {@link dev.connectpolicy.examples.gateway.PairingStore}). An
 * accept is answered with {@code hello-ok}, a reject with OpenClaw's error frame and close. No
 * token, password or signature is logged or echoed.
 */
@NullMarked
package dev.connectpolicy.examples.gateway;

import org.jspecify.annotations.NullMarked;

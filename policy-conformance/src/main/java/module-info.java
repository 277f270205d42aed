/**
 * Conformance of the profiles with real gateways: records a gateway's answers to a grid of connect
 * attempts over the JDK's WebSocket client, replays recordings through the evidence layer, compares
 * two recordings. Entry point {@link dev.connectpolicy.conformance.Conformance}.
 */
module dev.connectpolicy.conformance {
  requires transitive dev.connectpolicy.api;
  // Conformance.conform and diff take an Ed25519Verifier
  requires transitive dev.connectpolicy.engine;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires static org.jspecify;

  exports dev.connectpolicy.conformance;
}

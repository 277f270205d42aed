/**
 * Conformance of the profiles with real gateways: records a gateway's answers to a grid of connect
 * attempts over the JDK's WebSocket client, replays recordings through the evidence layer, compares
 * two recordings. Entry point {@link dev.connectpolicy.conformance.Conformance}.
 */
module dev.connectpolicy.conformance {
  requires transitive dev.connectpolicy.api;
  requires dev.connectpolicy.engine;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires static org.jspecify;

  exports dev.connectpolicy.conformance;
}

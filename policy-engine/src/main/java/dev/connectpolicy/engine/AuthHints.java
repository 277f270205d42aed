package dev.connectpolicy.engine;

/**
 * How a version of OpenClaw words the remediation hint of a failed authentication ({@code
 * formatGatewayAuthFailureMessage}).
 */
enum AuthHints {
  /**
   * Before 2026.9: by the declared client only: CLI mode points at {@code gateway.remote.*}, the
   * Control UI or web chat at the dashboard settings, anyone else at the gateway's secret.
   */
  BY_CLIENT,
  /**
   * 2026.9 ({@code message-handler-*.mjs} of 2026.9.6): CLI mode on a direct-local connection
   * points at this gateway's own {@code gateway.auth.*} or at pairing the device, and remotely at
   * {@code gateway.remote.*}; the operator UI (browser Control UI and terminal UI) or web chat at
   * the dashboard settings, a missing token also at {@code openclaw doctor
   * --generate-gateway-token}, whatever the client's mode.
   */
  BY_CLIENT_AND_LOCALITY
}

package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.internal.ConnectSchema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * OpenClaw's connect schema check ({@code validateConnectParams} in the WebSocket message handler:
 * 2026.3 {@code gateway-cli-*.js}, 2026.4 {@code server.impl-*.js}, 2026.5 and later {@code
 * message-handler-*.{js,mjs}}), over what admission reads of the frame. It reports the first
 * failure in the order the validator meets them: at each object, its missing required members
 * first, then its members in the schema's order ({@code client}: id, version, platform,
 * deviceFamily, mode; then role, scopes, device: id, publicKey, signature, nonce). No value is ever
 * quoted: a failure names the path only.
 */
final class ConnectParamsCheck {

  /** What OpenClaw puts before the validator's text. */
  static final String PREFIX = "invalid connect params: ";

  private ConnectParamsCheck() {}

  /**
   * The first schema failure of a frame.
   *
   * @param frame the connect frame
   * @param schema the release's schema
   * @return the whole message, {@code "invalid connect params: at /client: must have required
   *     property 'version'"}, or null when the frame fits
   */
  static @Nullable String failure(ConnectFrame frame, ConnectSchema schema) {
    String text = firstFailure(frame, schema.wording(), schema);
    return text == null ? null : PREFIX + text;
  }

  private static @Nullable String firstFailure(
      ConnectFrame frame, ConnectSchema.Wording wording, ConnectSchema schema) {
    ClientInfo client = frame.client();
    if (client.version() == null) {
      return wording.missing("/client", "version");
    }
    if (client.platform() == null) {
      return wording.missing("/client", "platform");
    }
    if (!schema.clientIds().contains(client.id())) {
      return wording.notListed("/client/id");
    }
    if (client.version().isEmpty()) {
      return wording.empty("/client/version");
    }
    if (client.platform().isEmpty()) {
      return wording.empty("/client/platform");
    }
    if (client.deviceFamily() != null && client.deviceFamily().isEmpty()) {
      return wording.empty("/client/deviceFamily");
    }
    if (!schema.clientModes().contains(client.mode())) {
      return wording.notListed("/client/mode");
    }
    if (frame.role().isEmpty()) {
      return wording.empty("/role");
    }
    List<String> scopes = frame.scopes();
    for (int i = 0; i < scopes.size(); i++) {
      if (scopes.get(i).isEmpty()) {
        return wording.empty("/scopes/" + i);
      }
    }
    DeviceIdentity device = frame.device();
    if (device != null) {
      if (device.signedAt() == null) {
        return wording.missing("/device", "signedAt");
      }
      if (device.nonce() == null) {
        return wording.missing("/device", "nonce");
      }
      if (device.id().isEmpty()) {
        return wording.empty("/device/id");
      }
      if (device.publicKey().isEmpty()) {
        return wording.empty("/device/publicKey");
      }
      if (device.signature().isEmpty()) {
        return wording.empty("/device/signature");
      }
      if (device.nonce().isEmpty()) {
        return wording.empty("/device/nonce");
      }
    }
    return null;
  }
}

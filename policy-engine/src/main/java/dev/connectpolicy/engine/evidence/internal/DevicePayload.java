package dev.connectpolicy.engine.evidence.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The strings a device signs (reference section 4): {@code |}-joined, no escaping.
 *
 * <pre>
 * v2|deviceId|clientId|clientMode|role|scope,scope|signedAtMs|token|nonce
 * v3|deviceId|clientId|clientMode|role|scope,scope|signedAtMs|token|nonce|platform|deviceFamily
 * </pre>
 *
 * <p>Platform and device family are normalised ({@link JsText#normalizeMetadata}); every other
 * field is used exactly as the client sent it.
 */
public final class DevicePayload {

  private DevicePayload() {}

  /**
   * Builds the v2 payload.
   *
   * @param deviceId the claimed device id
   * @param clientId the client id as sent
   * @param clientMode the client mode as sent
   * @param role the role (default {@code operator})
   * @param scopes the scopes as received, in order
   * @param signedAtMs the signing time
   * @param token the token slot (see {@link #tokenSlot}); empty when none
   * @param nonce the trimmed nonce
   * @return the payload
   */
  public static String v2(
      String deviceId,
      String clientId,
      String clientMode,
      String role,
      List<String> scopes,
      long signedAtMs,
      String token,
      String nonce) {
    return base("v2", deviceId, clientId, clientMode, role, scopes, signedAtMs, token, nonce)
        .toString();
  }

  /**
   * Builds the v3 payload: the v2 fields and the normalised platform and device family.
   *
   * @param deviceId the claimed device id
   * @param clientId the client id as sent
   * @param clientMode the client mode as sent
   * @param role the role (default {@code operator})
   * @param scopes the scopes as received, in order
   * @param signedAtMs the signing time
   * @param token the token slot (see {@link #tokenSlot}); empty when none
   * @param nonce the trimmed nonce
   * @param platform the claimed platform, or null
   * @param deviceFamily the claimed device family, or null
   * @return the payload
   */
  public static String v3(
      String deviceId,
      String clientId,
      String clientMode,
      String role,
      List<String> scopes,
      long signedAtMs,
      String token,
      String nonce,
      @Nullable String platform,
      @Nullable String deviceFamily) {
    return base("v3", deviceId, clientId, clientMode, role, scopes, signedAtMs, token, nonce)
        .append('|')
        .append(JsText.normalizeMetadata(platform))
        .append('|')
        .append(JsText.normalizeMetadata(deviceFamily))
        .toString();
  }

  private static StringBuilder base(
      String version,
      String deviceId,
      String clientId,
      String clientMode,
      String role,
      List<String> scopes,
      long signedAtMs,
      String token,
      String nonce) {
    StringBuilder out = new StringBuilder(160);
    out.append(version).append('|').append(deviceId).append('|').append(clientId);
    out.append('|').append(clientMode).append('|').append(role).append('|');
    out.append(String.join(",", scopes));
    out.append('|').append(signedAtMs).append('|').append(token).append('|').append(nonce);
    return out;
  }

  /**
   * The token slot: the shared token, else the device token, else the bootstrap token, else empty
   * ({@code resolveSignatureToken}). An empty string that was sent counts as sent.
   *
   * @param token {@code auth.token}, or null
   * @param deviceToken {@code auth.deviceToken}, or null
   * @param bootstrapToken {@code auth.bootstrapToken}, or null
   * @return the value signed in the token slot
   */
  public static String tokenSlot(
      @Nullable String token, @Nullable String deviceToken, @Nullable String bootstrapToken) {
    if (token != null) {
      return token;
    }
    if (deviceToken != null) {
      return deviceToken;
    }
    return bootstrapToken != null ? bootstrapToken : "";
  }
}

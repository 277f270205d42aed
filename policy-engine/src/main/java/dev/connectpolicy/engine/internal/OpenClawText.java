package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.RejectCode;

/**
 * OpenClaw's wire texts, reproduced exactly (reference section 3); they are facts about the
 * protocol, tested verbatim.
 */
public final class OpenClawText {

  private OpenClawText() {}

  /**
   * The message of 2026.9's refused upgrade of an unattributable client ({@code rejectUpgradeAuth}
   * in {@code server-start-*.mjs}: "Proxy client attribution is required." and {@code
   * PROXY_ATTRIBUTION_GUIDANCE} of {@code ingress-attribution-*.mjs}).
   */
  public static final String PROXY_ATTRIBUTION_REQUIRED =
      "Proxy client attribution is required. Configure gateway.trustedProxies narrowly and make"
          + " the proxy overwrite or safely rebuild forwarded client headers.";

  /** The reason (the body's {@code error.type}) of that refusal. */
  public static final String PROXY_ATTRIBUTION_REASON = "proxy_attribution_required";

  /** The close reason of 2026.9's worker identity on the gateway's route; no response is sent. */
  public static final String INVALID_HANDSHAKE = "invalid-handshake";

  /** Message and close reason for an invalid role. */
  public static final String INVALID_ROLE = "invalid role";

  /** Message and close reason for a failed Origin check. */
  public static final String ORIGIN_NOT_ALLOWED =
      "origin not allowed (open the Control UI from the gateway host or allow it in"
          + " gateway.controlUi.allowedOrigins)";

  /** Origin reason: an Origin header was present and not allowed. */
  public static final String ORIGIN_REASON_NOT_ALLOWED = "origin not allowed";

  /** Origin reason: the check had no usable Origin. */
  public static final String ORIGIN_REASON_MISSING = "origin missing or invalid";

  /** Message for a Control UI without a device identity. */
  public static final String CONTROL_UI_DEVICE_IDENTITY_REQUIRED =
      "control ui requires device identity (use HTTPS or localhost secure context)";

  /** Message for a client without a device identity. */
  public static final String DEVICE_IDENTITY_REQUIRED = "device identity required";

  /** The 3.x pairing message and close reason. */
  public static final String PAIRING_REQUIRED = "pairing required";

  /**
   * The requirement text of a pairing reason, as 2026.4 and later append it.
   *
   * @param state the pairing reason
   * @return the requirement
   */
  public static String pairingRequirement(PairingState state) {
    return switch (state) {
      case NOT_PAIRED -> "device is not approved yet";
      case ROLE_UPGRADE -> "device is asking for a higher role than currently approved";
      case SCOPE_UPGRADE -> "device is asking for more scopes than currently approved";
      case METADATA_UPGRADE -> "device identity changed and must be re-approved";
      case PAIRED -> "pairing required";
    };
  }

  /**
   * The remediation hint of a pairing reason, as 2026.4 and later send it.
   *
   * @param state the pairing reason
   * @return the hint
   */
  public static String pairingHint(PairingState state) {
    return switch (state) {
      case NOT_PAIRED -> "Approve this device from the pending pairing requests.";
      case ROLE_UPGRADE -> "Review the requested role upgrade, then approve the pending request.";
      case SCOPE_UPGRADE -> "Review the requested scopes, then approve the pending upgrade.";
      case METADATA_UPGRADE ->
          "Review the refreshed device details, then approve the pending request.";
      case PAIRED -> "Approve the pending device request before retrying.";
    };
  }

  /**
   * The detail code of a failed device proof.
   *
   * @param proof a failed proof result
   * @return its {@code DEVICE_AUTH_*} code
   * @throws IllegalArgumentException for {@code absent} and {@code verified}
   */
  public static RejectCode deviceProofCode(DeviceProof proof) {
    return switch (proof) {
      case ID_MISMATCH -> RejectCode.DEVICE_AUTH_DEVICE_ID_MISMATCH;
      case SIGNATURE_STALE -> RejectCode.DEVICE_AUTH_SIGNATURE_EXPIRED;
      case NONCE_MISSING -> RejectCode.DEVICE_AUTH_NONCE_REQUIRED;
      case NONCE_MISMATCH -> RejectCode.DEVICE_AUTH_NONCE_MISMATCH;
      case SIGNATURE_INVALID -> RejectCode.DEVICE_AUTH_SIGNATURE_INVALID;
      case PUBLIC_KEY_INVALID -> RejectCode.DEVICE_AUTH_PUBLIC_KEY_INVALID;
      case ABSENT, VERIFIED ->
          throw new IllegalArgumentException("`" + proof.wire() + "` is not a failed proof");
    };
  }

  /**
   * The message (and close reason) of a failed device proof.
   *
   * @param proof a failed proof result
   * @return OpenClaw's message
   * @throws IllegalArgumentException for {@code absent} and {@code verified}
   */
  public static String deviceProofMessage(DeviceProof proof) {
    return switch (proof) {
      case ID_MISMATCH -> "device identity mismatch";
      case SIGNATURE_STALE -> "device signature expired";
      case NONCE_MISSING -> "device nonce required";
      case NONCE_MISMATCH -> "device nonce mismatch";
      case SIGNATURE_INVALID -> "device signature invalid";
      case PUBLIC_KEY_INVALID -> "device public key invalid";
      case ABSENT, VERIFIED ->
          throw new IllegalArgumentException("`" + proof.wire() + "` is not a failed proof");
    };
  }
}

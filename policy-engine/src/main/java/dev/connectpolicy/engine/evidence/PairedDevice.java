package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's pairing record for the device id the client claims: what was approved. {@link
 * #toString()} redacts the device token.
 *
 * @param publicKey the approved public key: base64url of the raw 32 bytes, or PEM
 * @param roles the approved roles
 * @param scopes the approved scopes
 * @param platform the pinned platform, or null (blank pins nothing)
 * @param deviceFamily the pinned device family, or null (blank pins nothing)
 * @param deviceToken the token issued to this device for its approved roles and scopes, or null; an
 *     extension of the contract, which lets {@code admit} verify device tokens
 * @param scopeBaseline whether the record holds a scope list at all ({@code scopes} present in the
 *     raw request, even empty): OpenClaw's device-token check fails for a record without one
 *     ({@code resolveApprovedDeviceScopeBaseline} returns null), which is what the silent local
 *     pairing of a node stored in 2026.3; an extension of the contract
 */
@API(status = API.Status.EXPERIMENTAL)
public record PairedDevice(
    String publicKey,
    List<String> roles,
    List<String> scopes,
    @Nullable String platform,
    @Nullable String deviceFamily,
    @Nullable String deviceToken,
    boolean scopeBaseline) {

  /**
   * A record with a scope baseline, as every record was read before the baseline was told apart.
   *
   * @param publicKey the approved public key
   * @param roles the approved roles
   * @param scopes the approved scopes
   * @param platform the pinned platform, or null
   * @param deviceFamily the pinned device family, or null
   * @param deviceToken the issued device token, or null
   */
  public PairedDevice(
      String publicKey,
      List<String> roles,
      List<String> scopes,
      @Nullable String platform,
      @Nullable String deviceFamily,
      @Nullable String deviceToken) {
    this(publicKey, roles, scopes, platform, deviceFamily, deviceToken, true);
  }

  /**
   * Checks the sizes and copies the lists.
   *
   * @param publicKey the approved public key
   * @param roles the approved roles
   * @param scopes the approved scopes
   * @param platform the pinned platform, or null
   * @param deviceFamily the pinned device family, or null
   * @param deviceToken the issued device token, or null
   * @param scopeBaseline whether the record holds a scope list at all
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if a value or a list is
   *     too long
   */
  public PairedDevice {
    Limits.bounded("pairedDevice.publicKey", publicKey, Limits.SECRET);
    roles = Limits.texts("pairedDevice.roles", roles);
    scopes = Limits.texts("pairedDevice.scopes", scopes);
    if (platform != null) {
      Limits.text("pairedDevice.platform", platform);
    }
    if (deviceFamily != null) {
      Limits.text("pairedDevice.deviceFamily", deviceFamily);
    }
    if (deviceToken != null) {
      Limits.bounded("pairedDevice.deviceToken", deviceToken, Limits.SECRET);
    }
  }

  /** Shows the record, with the device token redacted. */
  @Override
  public String toString() {
    return "PairedDevice[publicKey="
        + publicKey
        + ", roles="
        + roles
        + ", scopes="
        + scopes
        + ", platform="
        + platform
        + ", deviceFamily="
        + deviceFamily
        + ", deviceToken="
        + Credentials.redacted(deviceToken)
        + ", scopeBaseline="
        + scopeBaseline
        + "]";
  }
}

package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.engine.evidence.internal.RoleScopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a device's pairing record compares with its request, in OpenClaw's order (reference section
 * 2.7):
 *
 * <ol>
 *   <li>no record, or a record for another public key: {@code not-paired};
 *   <li>a pinned (non-blank) platform or device family that differs from the claim, both trimmed
 *       and ASCII lower-cased (through the aliases of 2026.9 under its reading, {@link
 *       PinnedMetadata}): {@code metadata-upgrade};
 *   <li>no approved roles, or the role not among them: {@code role-upgrade};
 *   <li>scopes requested, and none approved or not covered by {@link RoleScopes}: {@code
 *       scope-upgrade};
 *   <li>otherwise {@code paired}.
 * </ol>
 *
 * <p>A record for this key is checked on all three counts, each against the record as it is, as
 * OpenClaw does after approving one silently ({@link #requirements}).
 */
final class PairingCheck {

  private PairingCheck() {}

  /**
   * Compares the record with the request on every count, in OpenClaw's order: {@code not-paired}
   * alone, or those of {@code metadata-upgrade}, {@code role-upgrade} and {@code scope-upgrade}
   * that fail, or {@code paired} alone. The first is the pairing state; the others are what a
   * release that approves the first silently checks next, against the same record.
   *
   * @param record the pairing record, or null
   * @param recordKey the record's decoded public key, or null without a record
   * @param deviceKey the device's decoded public key, or null if it did not decode
   * @param role the requested role
   * @param scopes the requested scopes
   * @param client the client as sent, whose platform and device family are compared with the pins
   * @param metadataAliases whether the pins are compared through 2026.9's aliases
   * @return the requirements in order, never empty
   */
  public static List<PairingState> requirements(
      @Nullable PairedDevice record,
      byte @Nullable [] recordKey,
      byte @Nullable [] deviceKey,
      String role,
      List<String> scopes,
      ClientInfo client,
      boolean metadataAliases) {
    if (!sameKey(recordKey, deviceKey) || record == null) {
      return List.of(PairingState.NOT_PAIRED);
    }
    List<PairingState> requirements = new ArrayList<>(3);
    if (PinnedMetadata.differ(record, client, metadataAliases)) {
      requirements.add(PairingState.METADATA_UPGRADE);
    }
    if (!record.roles().contains(role)) {
      requirements.add(PairingState.ROLE_UPGRADE);
    }
    if (!scopes.isEmpty()
        && (record.scopes().isEmpty() || !RoleScopes.allow(role, scopes, record.scopes()))) {
      requirements.add(PairingState.SCOPE_UPGRADE);
    }
    return requirements.isEmpty() ? List.of(PairingState.PAIRED) : List.copyOf(requirements);
  }

  /**
   * Tells whether the record is this device's: both keys decoded and equal.
   *
   * @param recordKey the record's key, or null
   * @param deviceKey the device's key, or null
   * @return true if both are present and equal
   */
  public static boolean sameKey(byte @Nullable [] recordKey, byte @Nullable [] deviceKey) {
    return recordKey != null && deviceKey != null && Arrays.equals(recordKey, deviceKey);
  }
}

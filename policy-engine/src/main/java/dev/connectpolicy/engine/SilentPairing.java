package dev.connectpolicy.engine;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;

/**
 * When a pairing requirement is approved silently, without a person (reference section 2.6, {@code
 * shouldAllowSilentLocalPairing}).
 */
enum SilentPairing {
  /**
   * 2026.3: a direct loopback client without an Origin, or the Control UI or web chat, asking for
   * its first pairing or a scope upgrade.
   */
  LOCAL_FIRST_PAIRING_OR_SCOPE_UPGRADE,
  /**
   * 2026.4 and later: any local locality; never with a foreign Origin; first pairings and role
   * upgrades; metadata upgrades only for a direct-loopback native app or a container or
   * shared-secret loopback client without an Origin; scope upgrades never.
   */
  LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE,
  /**
   * Recommended: as {@link #LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE}, but a role upgrade is never
   * silent either: a declared role never widens what a person approved.
   */
  LOCAL_FIRST_PAIRING_ONLY;

  /**
   * Tells whether the pairing requirement is approved silently.
   *
   * @param context the facts, whose pairing state is the requirement
   * @param controlUi which clients count as the Control UI
   * @return true for a silent approval
   */
  public boolean allows(ConnectContext context, ControlUiClients controlUi) {
    PairingState state = context.pairing();
    boolean origin = context.origin() != OriginCheck.ABSENT;
    boolean browserUi = controlUi.matches(context.client()) || context.client().isWebchat();
    if (this == LOCAL_FIRST_PAIRING_OR_SCOPE_UPGRADE) {
      return context.local()
          && (!origin || browserUi)
          && (state == PairingState.NOT_PAIRED || state == PairingState.SCOPE_UPGRADE);
    }
    Locality locality = context.locality();
    if (locality == Locality.REMOTE || (origin && !browserUi)) {
      return false;
    }
    switch (state) {
      case NOT_PAIRED:
        return true;
      case ROLE_UPGRADE:
        return this == LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE;
      case METADATA_UPGRADE:
        return !origin
            && !browserUi
            && ((locality == Locality.DIRECT_LOCAL && context.client().isNativeAppUi())
                || locality == Locality.CLI_CONTAINER_LOCAL
                || locality == Locality.SHARED_SECRET_LOOPBACK_LOCAL);
      default:
        return false;
    }
  }
}

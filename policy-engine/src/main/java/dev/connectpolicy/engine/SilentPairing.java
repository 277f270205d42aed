package dev.connectpolicy.engine;

import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Role;

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
   * 2026.4.22 ({@code shouldAllowSilentLocalPairing} in {@code server.impl-D40kmTX8.js}): any local
   * locality; never with an Origin unless the client is the Control UI or web chat; first pairings
   * and role upgrades; metadata upgrades only at the container or shared-secret loopback localities
   * (which have no Origin), not for a direct-loopback native app; scope upgrades never ({@code
   * silent: reason === "scope-upgrade" ? false : ...}).
   */
  LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE,
  /**
   * 2026.5.28 ({@code shouldAllowSilentLocalPairing} and {@code requirePairing} in {@code
   * message-handler-Di7dZOOw.js}): as {@link #LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE}, and metadata
   * upgrades also for a direct-loopback native app, but never for the Control UI or web chat or
   * with an Origin; and, as in 2026.9, a device that is already paired is never upgraded silently
   * for the {@code node} role ({@code !(existingPairedDevice && role !== "operator")}).
   */
  LOCAL_FIRST_PAIRING_OR_OPERATOR_ROLE_UPGRADE,
  /**
   * Recommended: first pairings as {@link #LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE}, metadata upgrades
   * as {@link #LOCAL_FIRST_PAIRING_OR_OPERATOR_ROLE_UPGRADE} (for either role), but a role upgrade
   * is never silent: a declared role never widens what a person approved.
   */
  LOCAL_FIRST_PAIRING_ONLY,
  /**
   * 2026.9 ({@code shouldAllowSilentLocalPairing} in {@code node-connect-reconcile-*.mjs} and
   * {@code resolveLocalPairingApproval} in {@code message-handler-*.mjs} of 2026.9.6): as {@link
   * #LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE}, and scope upgrades too when the connection authenticated
   * with no auth, the shared token or the password; but a device that is already paired is never
   * upgraded silently for the {@code node} role (a role, scope or metadata upgrade asked by a node
   * waits for a person).
   */
  LOCAL_PAIRING_AND_OPERATOR_UPGRADES;

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
    if ((this == LOCAL_PAIRING_AND_OPERATOR_UPGRADES
            || this == LOCAL_FIRST_PAIRING_OR_OPERATOR_ROLE_UPGRADE)
        && state != PairingState.NOT_PAIRED
        && !context.role().equals(Role.OPERATOR.wire())) {
      // `!(existingPairedDevice && role !== "operator")`: an upgrade has a paired record
      return false;
    }
    switch (state) {
      case NOT_PAIRED:
        return true;
      case ROLE_UPGRADE:
        return this == LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE
            || this == LOCAL_FIRST_PAIRING_OR_OPERATOR_ROLE_UPGRADE
            || this == LOCAL_PAIRING_AND_OPERATOR_UPGRADES;
      case SCOPE_UPGRADE:
        AuthMethod method = context.auth().method();
        return this == LOCAL_PAIRING_AND_OPERATOR_UPGRADES
            && (method == AuthMethod.NONE
                || method == AuthMethod.TOKEN
                || method == AuthMethod.PASSWORD);
      case METADATA_UPGRADE:
        if (this == LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE) {
          return locality == Locality.CLI_CONTAINER_LOCAL
              || locality == Locality.SHARED_SECRET_LOOPBACK_LOCAL;
        }
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

package dev.connectpolicy.engine;

import static dev.connectpolicy.engine.BackendSelfPairing.LOCAL_DEVICE_TOKEN_OR_NO_AUTH;
import static dev.connectpolicy.engine.BackendSelfPairing.LOCAL_SHARED_SECRET;
import static dev.connectpolicy.engine.BackendSelfPairing.LOCAL_SHARED_SECRET_DEVICE_TOKEN_OR_NO_AUTH;
import static dev.connectpolicy.engine.BackendSelfPairing.LOCAL_SHARED_SECRET_OR_DEVICE_TOKEN;
import static dev.connectpolicy.engine.ControlUiClients.BROWSER_AND_TUI;
import static dev.connectpolicy.engine.ControlUiClients.BROWSER_ONLY;
import static dev.connectpolicy.engine.PairingSkipScope.ALL_CHECKS;
import static dev.connectpolicy.engine.PairingSkipScope.FIRST_PAIRING_ONLY;

import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.CredentialSource;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.UpgradeRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The profiles' definitions. Each of OpenClaw's reads like OpenClaw's connect path of its version:
 * role, origin, Control UI policy, missing-device gate ({@code evaluateMissingDeviceIdentity}),
 * scope clearing, device proof, auth gate, pairing. The other gateways' read like theirs: the HTTP
 * upgrade first where the gateway decides one, then its WebSocket handler. {@link Profile}
 * documents what each one changes.
 */
final class Profiles {

  private Profiles() {}

  static PolicyPipeline openclaw2026_3_11(String name, String description) {
    // no bypass rule: under dangerouslyDisableDeviceAuth the Control UI only skips the
    // insecure-auth check and still needs an operator with a shared secret
    // (evaluateMissingDeviceIdentity, gateway-cli-B-E8XzUM.js); every device-less connection with
    // a verified shared secret, and every bypassed Control UI, keeps its scopes
    return openclaw2026_3(
        name,
        description,
        null,
        // a bypassed Control UI is only admitted with a verified shared secret here, so the
        // shared-secret rule covers allowBypass too
        List.of(Rules.scopesKeepSharedAuth()));
  }

  static PolicyPipeline openclaw2026_3_12(String name, String description) {
    return openclaw2026_3(
        name,
        description,
        Rules.controlUiBypassAnyRole(BROWSER_ONLY),
        List.of(Rules.scopesKeepBypass()));
  }

  static PolicyPipeline openclaw2026_3_13(String name, String description) {
    return openclaw2026_3(
        name, description, Rules.controlUiBypassOperator(BROWSER_ONLY), scopes2026_3_13());
  }

  /**
   * 2026.3.13's scope clearing: a device-less Control UI that was admitted keeps its scopes, the
   * bypassed one among them.
   */
  private static List<Rule> scopes2026_3_13() {
    // the bypass only ever admits the browser Control UI, so this covers scopes.keep-bypass
    return List.of(Rules.scopesKeepAdmittedControlUi(BROWSER_ONLY));
  }

  static PolicyPipeline openclaw2026_3_13PlusPr48285(String name, String description) {
    return openclaw2026_3(
        name,
        description,
        Rules.controlUiBypassOperator(BROWSER_ONLY),
        scopes2026_3_13(),
        Rules.nodeLoopback());
  }

  static PolicyPipeline openclaw2026_3_13PlusPr48285Reviewed(String name, String description) {
    return openclaw2026_3(
        name,
        description,
        Rules.controlUiBypassOperator(BROWSER_ONLY),
        scopes2026_3_13(),
        Rules.nodeLoopbackOutsideControlUi(BROWSER_ONLY));
  }

  /**
   * The 2026.3 connect path.
   *
   * @param bypass the version's dangerouslyDisableDeviceAuth rule, or null (2026.3.11 has none)
   * @param keepScopes the rules by which a device-less connection keeps its scopes; every other
   *     device-less connection loses them
   * @param nodeExemption PR #48285's exemption, if any, which it places right after the Control UI
   *     block of the missing-device gate
   */
  private static PolicyPipeline openclaw2026_3(
      String name,
      String description,
      @Nullable Rule bypass,
      List<Rule> keepScopes,
      Rule... nodeExemption) {
    List<Rule> missingDevice = new ArrayList<>();
    missingDevice.add(Rules.devicePresent());
    missingDevice.add(Rules.trustedProxyControlUiOperator(BROWSER_ONLY));
    if (bypass != null) {
      missingDevice.add(bypass);
    }
    missingDevice.add(Rules.controlUiInsecureAuth(BROWSER_ONLY));
    missingDevice.addAll(List.of(nodeExemption));
    missingDevice.add(Rules.operatorSharedAuth());
    missingDevice.add(Rules.sharedAuthFailed(BROWSER_ONLY));
    return PolicyPipeline.builder(name)
        .description(description)
        .stage(Stage.of("role", Rules.knownRole()))
        .stage(Stage.of("origin", Rules.browserOrigin()))
        .stage(Stage.of("control-ui", Rules.disableDeviceAuth(BROWSER_ONLY)))
        .stage(Stage.of("missing-device", missingDevice).otherwise(Rules.deviceIdentityRequired()))
        .stage(scopes(keepScopes).otherwise(Rules.scopesClearDeviceLess()))
        .stage(Stage.of("device-proof", Rules.deviceProof()))
        .stage(Stage.of("auth", Rules.authGate(BROWSER_ONLY)))
        .stage(
            Stage.of(
                    "pairing",
                    Rules.pairingDeviceLess(),
                    Rules.skipBackendSelfPairing(LOCAL_SHARED_SECRET, ALL_CHECKS),
                    Rules.skipControlUiPairingForTrustedProxy(BROWSER_ONLY, ALL_CHECKS, false),
                    Rules.pairingPaired(),
                    Rules.silentLocalPairing(
                        SilentPairing.LOCAL_FIRST_PAIRING_OR_SCOPE_UPGRADE, BROWSER_ONLY))
                .otherwise(Rules.pairingRequired(PairingMessage.PLAIN)))
        .build();
  }

  private static Stage scopes(List<Rule> keepScopes) {
    List<Rule> rules = new ArrayList<>();
    rules.add(Rules.scopesDeviceBound());
    rules.addAll(keepScopes);
    return Stage.of("scopes", rules);
  }

  static PolicyPipeline openclaw2026_4(String name, String description) {
    return openclaw2026_4x(name, description, LOCAL_SHARED_SECRET_OR_DEVICE_TOKEN, false);
  }

  static PolicyPipeline openclaw2026_5(String name, String description) {
    return openclaw2026_4x(name, description, LOCAL_SHARED_SECRET_DEVICE_TOKEN_OR_NO_AUTH, true);
  }

  /**
   * The 2026.4 connect path, and 2026.5's changes to it.
   *
   * @param backend the version's backend self-pairing predicate
   * @param may2026 whether the backend exception also admits a device-less operator (#75781) and
   *     the trusted-proxy Control UI pairing skip is gone
   */
  private static PolicyPipeline openclaw2026_4x(
      String name, String description, BackendSelfPairing backend, boolean may2026) {
    List<Rule> missingDevice = new ArrayList<>();
    missingDevice.add(Rules.devicePresent());
    missingDevice.add(Rules.trustedProxyControlUiOperator(BROWSER_AND_TUI));
    missingDevice.add(Rules.controlUiBypassOperator(BROWSER_AND_TUI));
    if (may2026) {
      missingDevice.add(Rules.localBackendOperator(backend));
    }
    missingDevice.add(Rules.controlUiInsecureAuth(BROWSER_AND_TUI));
    missingDevice.add(Rules.operatorSharedAuth());
    missingDevice.add(Rules.sharedAuthFailed(BROWSER_AND_TUI));

    List<Rule> pairing = new ArrayList<>();
    pairing.add(Rules.pairingDeviceLess());
    pairing.add(Rules.skipBackendSelfPairing(backend, FIRST_PAIRING_ONLY));
    if (!may2026) {
      pairing.add(
          Rules.skipControlUiPairingForTrustedProxy(BROWSER_AND_TUI, FIRST_PAIRING_ONLY, true));
    }
    pairing.add(Rules.skipControlUiPairing(BROWSER_AND_TUI));
    pairing.add(Rules.pairingPaired());
    pairing.add(
        Rules.silentLocalPairing(
            SilentPairing.LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE, BROWSER_AND_TUI));

    return PolicyPipeline.builder(name)
        .description(description)
        .stage(Stage.of("role", Rules.knownRole()))
        .stage(Stage.of("origin", Rules.browserOrigin()))
        .stage(Stage.of("control-ui", Rules.disableDeviceAuth(BROWSER_AND_TUI)))
        .stage(Stage.of("missing-device", missingDevice).otherwise(Rules.deviceIdentityRequired()))
        .stage(
            Stage.of(
                "scopes",
                Rules.scopesDeviceBound(),
                Rules.scopesKeepLocalBackend(backend),
                Rules.scopesKeepBypass(),
                Rules.scopesKeepInsecureLocalControlUi(BROWSER_AND_TUI),
                Rules.scopesClearSharedAuth()))
        .stage(Stage.of("device-proof", Rules.deviceProof()))
        .stage(Stage.of("auth", Rules.authGate(BROWSER_AND_TUI)))
        .stage(
            Stage.of("pairing", pairing)
                .otherwise(Rules.pairingRequired(PairingMessage.WITH_REQUIREMENT)))
        .build();
  }

  static PolicyPipeline openclawLatest(String name, String description) {
    return latest(
        name,
        description,
        BROWSER_AND_TUI,
        SilentPairing.LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE,
        false);
  }

  static PolicyPipeline recommended(String name, String description) {
    return latest(name, description, BROWSER_ONLY, SilentPairing.LOCAL_FIRST_PAIRING_ONLY, true);
  }

  private static PolicyPipeline latest(
      String name,
      String description,
      ControlUiClients controlUi,
      SilentPairing silent,
      boolean refuseContradictions) {
    BackendSelfPairing backend = LOCAL_DEVICE_TOKEN_OR_NO_AUTH;
    PolicyPipeline.Builder builder = PolicyPipeline.builder(name).description(description);
    if (refuseContradictions) {
      builder.stage(Stage.of("context", Rules.consistentFacts()));
    }
    return builder
        .stage(Stage.of("role", Rules.knownRole()))
        .stage(Stage.of("origin", Rules.browserOrigin()))
        .stage(
            Stage.of(
                    "missing-device",
                    Rules.devicePresent(),
                    Rules.trustedProxyControlUiOperator(controlUi),
                    Rules.localBackendOperator(backend),
                    Rules.controlUiDeviceRequired(controlUi),
                    Rules.operatorSharedAuth(),
                    Rules.sharedAuthFailed(controlUi))
                .otherwise(Rules.deviceIdentityRequired()))
        .stage(
            Stage.of(
                "scopes",
                Rules.scopesDeviceBound(),
                // No backend rule: the backend exception's methods (none, device token) are
                // never cleared, so keeping the backend's scopes would be a no-op here.
                Rules.scopesKeepLocalCli(),
                Rules.scopesClearSharedAuth()))
        .stage(Stage.of("device-proof", Rules.deviceProof()))
        .stage(Stage.of("auth", Rules.authGate(controlUi)))
        .stage(
            Stage.of(
                    "pairing",
                    Rules.pairingDeviceLess(),
                    Rules.skipBackendSelfPairing(backend, FIRST_PAIRING_ONLY),
                    Rules.skipControlUiPairing(controlUi),
                    Rules.pairingPaired(),
                    Rules.silentLocalPairing(silent, controlUi))
                .otherwise(Rules.pairingRequired(PairingMessage.WITH_REQUIREMENT)))
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Moltis (peers section A.1, seed 000)

  static PolicyPipeline moltisBeforePr382(String name, String description) {
    return moltis(
        name,
        description,
        // auth_gate with check_auth, on a route that is neither public nor under /ws/ (#381)
        Rules.upgradeAuthDisabled(),
        Rules.upgradeSessionCookie(),
        Rules.upgradeBearerApiKey(),
        Rules.upgradeNotAuthenticated(303));
  }

  static PolicyPipeline moltisPr382(String name, String description) {
    return moltis(name, description, Rules.upgradePublicPath());
  }

  /**
   * Moltis's WebSocket handler ({@code handle_connection}) behind a version's HTTP gate.
   *
   * @param gate the upgrade rules the node's upgrade meets
   */
  private static PolicyPipeline moltis(String name, String description, UpgradeRule... gate) {
    return PolicyPipeline.builder(name)
        .description(description)
        .upgrade(gate)
        .stage(
            Stage.of(
                    "credential",
                    Rules.credentialVerified(Credential.DEVICE_TOKEN),
                    Rules.authDisabled(),
                    Rules.upgradeIdentity(),
                    Rules.credentialVerified(Credential.API_KEY, CredentialSource.CONNECT),
                    Rules.credentialVerified(Credential.PASSWORD))
                .otherwise(Rules.notAuthenticated()))
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // SynthOrg (peers section A.2, seed 001)

  static PolicyPipeline synthOrgBeforePr556(String name, String description) {
    return synthOrg(name, description, Rules.upgradeFrameworkRejected());
  }

  static PolicyPipeline synthOrgPr556(String name, String description) {
    return synthOrg(name, description, Rules.upgradeQueryTicket());
  }

  /**
   * SynthOrg's WebSocket handler at {@code /api/v1/ws}.
   *
   * @param upgrade what decides the upgrade: the framework (#549) or the handler's own query-ticket
   *     check
   */
  private static PolicyPipeline synthOrg(String name, String description, UpgradeRule upgrade) {
    return PolicyPipeline.builder(name)
        .description(description)
        .upgrade(upgrade)
        .stage(
            Stage.of("ticket", Rules.credentialVerified(Credential.TICKET), Rules.ticketInvalid())
                .otherwise(Rules.ticketMissing()))
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Mosaic Stack (peers section A.3, seed 002)

  static PolicyPipeline mosaicBefore198(String name, String description) {
    return PolicyPipeline.builder(name)
        .description(description)
        .stage(Stage.of("identity", Rules.identityClaimed()).otherwise(Rules.identityMissing()))
        .build();
  }

  static PolicyPipeline mosaic198(String name, String description) {
    return mosaic198(name, description, false);
  }

  static PolicyPipeline mosaic198RateLimit(String name, String description) {
    return mosaic198(name, description, true);
  }

  /**
   * Mosaic Stack's {@code handleConnection} after #198.
   *
   * @param rateLimited whether failed attempts are rate-limited, the criterion the first
   *     implementation deferred
   */
  private static PolicyPipeline mosaic198(String name, String description, boolean rateLimited) {
    PolicyPipeline.Builder builder = PolicyPipeline.builder(name).description(description);
    if (rateLimited) {
      builder.stage(Stage.of("rate", Rules.failedAttemptsBelow(5)));
    }
    return builder
        .stage(
            Stage.of(
                "token",
                Rules.credentialMissing(
                    RejectCode.AUTH_TOKEN_MISSING,
                    "no token in the handshake, the query or the Authorization header",
                    Close.POLICY_VIOLATION),
                Rules.credentialInvalid(
                    Credential.JWT,
                    RejectCode.AUTH_TOKEN_INVALID,
                    "invalid or expired session",
                    Close.POLICY_VIOLATION)))
        .stage(
            Stage.of("workspace", Rules.workspaceMember()).otherwise(Rules.workspaceAccessDenied()))
        .build();
  }
}

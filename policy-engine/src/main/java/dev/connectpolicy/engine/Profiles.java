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
    pairing.add(Rules.silentLocalPairing(silentPairing2026_4x(may2026), BROWSER_AND_TUI));

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

  /**
   * Which pairing requirements 2026.4.22 and 2026.5.28 approve silently; their readings walk the
   * pairing checks with the same test ({@code RequestReadings}).
   *
   * @param may2026 2026.5.28 rather than 2026.4.22
   * @return the setting of the release's {@code pairing.silent-local}
   */
  static SilentPairing silentPairing2026_4x(boolean may2026) {
    return may2026
        ? SilentPairing.LOCAL_FIRST_PAIRING_OR_OPERATOR_ROLE_UPGRADE
        : SilentPairing.LOCAL_FIRST_PAIRING_OR_ROLE_UPGRADE;
  }

  /**
   * The 2026.9.6 connect path, as shipped ({@code message-handler-*.mjs} and {@code
   * node-connect-reconcile-*.mjs} of the published package): the Control UI flags are gone; the
   * local backend exception still accepts a verified shared token or password (the #72418 change is
   * not in the release), keeps the backend's scopes and waives every pairing check, as does auth
   * mode none for a Control UI operator; local scope upgrades of operators are approved silently;
   * authentication hints depend on locality.
   */
  static PolicyPipeline openclaw2026_9_6(String name, String description) {
    BackendSelfPairing backend = LOCAL_SHARED_SECRET_DEVICE_TOKEN_OR_NO_AUTH;
    ControlUiClients controlUi = BROWSER_AND_TUI;
    AuthHints hints = AuthHints.BY_CLIENT_AND_LOCALITY;
    return PolicyPipeline.builder(name)
        .description(description)
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
                    Rules.sharedAuthFailed(controlUi, hints))
                .otherwise(Rules.deviceIdentityRequired()))
        .stage(
            Stage.of(
                "scopes",
                Rules.scopesDeviceBound(),
                // `!skipLocalBackendSelfPairing && !preserveLocalCliSharedAuthScopes && ...`
                Rules.scopesKeepLocalBackend(backend),
                Rules.scopesKeepLocalCli(),
                Rules.scopesClearSharedAuth()))
        .stage(Stage.of("device-proof", Rules.deviceProof()))
        .stage(Stage.of("auth", Rules.authGate(controlUi, hints)))
        .stage(
            Stage.of(
                    "pairing",
                    Rules.pairingDeviceLess(),
                    // `if (skipLocalBackendSelfPairing || controlUiPairingKind === "auth-none")`:
                    // a paired device then skips authorizeExistingGatewayDevice altogether
                    Rules.skipBackendSelfPairing(backend, ALL_CHECKS),
                    Rules.skipControlUiPairing(controlUi, ALL_CHECKS),
                    Rules.pairingPaired(),
                    Rules.silentLocalPairing(
                        SilentPairing.LOCAL_PAIRING_AND_OPERATOR_UPGRADES, controlUi))
                .otherwise(Rules.pairingRequired(PairingMessage.WITH_REQUIREMENT)))
        .build();
  }

  /**
   * Our default: 2026.9.6 ({@link #openclaw2026_9_6}) as shipped, stage for stage, with the fixes
   * marked "Fix" below; each names the bug or review it answers (the README's profile section and
   * {@code docs/tables/README.md} list them).
   */
  static PolicyPipeline recommended(String name, String description) {
    // Fix (#72418): the backend exception takes a device token or auth mode none, never the shared
    // secret: `gateway-client`/`backend` is a claim, and 2026.9.6 lets any loopback process that
    // holds the shared secret keep self-declared scopes by making it.
    BackendSelfPairing backend = LOCAL_DEVICE_TOKEN_OR_NO_AUTH;
    // Fix (#57453, CWE-290): only the browser Control UI is the Control UI; the terminal UI neither
    // inherits its trusted-proxy and pairing exceptions without the Origin check nor is refused as
    // a device-less Control UI.
    ControlUiClients controlUi = BROWSER_ONLY;
    AuthHints hints = AuthHints.BY_CLIENT_AND_LOCALITY;
    return PolicyPipeline.builder(name)
        .description(description)
        // Fix (Mosaic Stack #198's lesson): contradictory facts are refused, so only contexts
        // of the audited fact space are ever decided.
        .stage(Stage.of("context", Rules.consistentFacts()))
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
                    Rules.sharedAuthFailed(controlUi, hints))
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
        .stage(Stage.of("auth", Rules.authGate(controlUi, hints)))
        .stage(
            Stage.of(
                    "pairing",
                    Rules.pairingDeviceLess(),
                    // Fix: the backend and auth-none skips waive the first pairing only; 2026.9.6
                    // waives every check of a paired device, so a declared role or scope widens
                    // what a person approved (invariant declared-role-never-widens-approval).
                    Rules.skipBackendSelfPairing(backend, FIRST_PAIRING_ONLY),
                    Rules.skipControlUiPairing(controlUi, FIRST_PAIRING_ONLY),
                    Rules.pairingPaired(),
                    // Fix: only a first pairing is approved silently; 2026.9.6 also approves an
                    // operator's local role and scope upgrades, turning a person's approval into
                    // whatever the shared secret's holder asks for next.
                    Rules.silentLocalPairing(SilentPairing.LOCAL_FIRST_PAIRING_ONLY, controlUi))
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

package dev.connectpolicy.engine;

import static dev.connectpolicy.engine.RuleBuilder.rule;

import dev.connectpolicy.api.AuthFailure;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.CredentialSource;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Effect;
import dev.connectpolicy.api.Effects;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.api.UpgradeRule;
import dev.connectpolicy.api.Verdict;
import dev.connectpolicy.api.WorkspaceAccess;
import dev.connectpolicy.engine.internal.AuthFailures;
import dev.connectpolicy.engine.internal.OpenClawText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The rule vocabulary: every step of OpenClaw's connect admission (reference section 2), each as a
 * small rule with a stable id, in the variants its versions used; then the steps of the other
 * gateways' admission (peers section A): upgrade rules ({@code upgrade.*}, deciding the HTTP
 * upgrade request), credentials of other kinds ({@code credential.*}), identity claims, workspace
 * membership and rate limits. Where a peer gateway defines a message, it is reproduced verbatim.
 *
 * <p>The public factories are the rules a pipeline of your own composes, as {@code recommended}
 * reads them: only the browser Control UI counts as the Control UI. The variants of the rules whose
 * condition changed between OpenClaw's versions (which clients count as the Control UI, the
 * backend's self-pairing exception, silent pairing, what a pairing skip covers, how a pairing
 * rejection reads) are parameters of package-private factories, used by the profiles. "The device"
 * below means the device identity as the policy sees it: absent if the client presented none, or if
 * an earlier rule established {@link Effect#IGNORE_DEVICE}.
 *
 * <pre>{@code
 * Stage gate = Stage.of("missing-device",
 *         Rules.devicePresent(),
 *         Rules.controlUiDeviceRequired(),
 *         Rules.operatorSharedAuth(),
 *         Rules.sharedAuthFailed())
 *     .otherwise(Rules.deviceIdentityRequired());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Rules {

  private Rules() {}

  private static final Verdict PASS = Verdict.pass();

  /**
   * Whether the connection has a device identity the policy honours.
   *
   * @param context the facts
   * @param established what earlier stages established
   * @return true if a device identity was presented and not ignored
   */
  public static boolean hasDevice(ConnectContext context, Effects established) {
    return context.device().isPresent() && !established.has(Effect.IGNORE_DEVICE);
  }

  private static boolean isOperator(ConnectContext context) {
    return context.role().equals(Role.OPERATOR.wire());
  }

  /**
   * OpenClaw's {@code isTrustedProxyControlUiOperatorAuth}: a Control UI operator authenticated by
   * a trusted proxy in trusted-proxy mode.
   */
  private static boolean trustedProxyControlUiOperator(
      ConnectContext context, ControlUiClients controlUi) {
    return controlUi.matches(context.client())
        && isOperator(context)
        && context.auth().mode() == AuthMode.TRUSTED_PROXY
        && context.auth().ok()
        && context.auth().method() == AuthMethod.TRUSTED_PROXY;
  }

  // ---------------------------------------------------------------------------------------------
  // Facts and role

  /**
   * {@code context.consistent}: rejects contexts whose facts contradict each other ({@link
   * FactSpace#contradictions}) with {@code INVALID_CONTEXT}, so that nothing outside the audited
   * fact space is ever evaluated.
   *
   * @return the rule
   */
  public static Rule consistentFacts() {
    String id = "context.consistent";
    return Rule.of(
        id,
        "facts that contradict each other are refused: nothing outside the audited space is evaluated",
        (context, established) -> {
          if (FactSpace.isConsistent(context)) {
            return Verdict.abstain();
          }
          String message =
              "contradictory facts: " + String.join("; ", FactSpace.contradictions(context));
          return Verdict.reject(Reject.of(RejectCode.INVALID_CONTEXT, null, message, id));
        });
  }

  /**
   * {@code role.known}: rejects a role other than {@code operator} and {@code node} with {@code
   * INVALID_ROLE} (OpenClaw's {@code parseGatewayRole}).
   *
   * @return the rule
   */
  public static Rule knownRole() {
    RuleBuilder rule = rule("role.known", "a role other than operator and node is invalid");
    Verdict invalid = rule.rejection(RejectCode.INVALID_ROLE, OpenClawText.INVALID_ROLE);
    return rule.when((context, established) -> Role.parse(context.role()).isEmpty(), invalid);
  }

  // ---------------------------------------------------------------------------------------------
  // Origin and Control UI policy

  /**
   * {@code origin.browser-check}: the browser Origin check runs when the request carried an Origin
   * header, and always for the browser Control UI and web chat; a failure is rejected with {@code
   * CONTROL_UI_ORIGIN_NOT_ALLOWED}. Without an Origin header the check fails as "origin missing or
   * invalid".
   *
   * @return the rule
   */
  public static Rule browserOrigin() {
    String id = "origin.browser-check";
    Verdict notAllowed =
        Verdict.reject(
            Reject.of(
                RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED,
                OpenClawText.ORIGIN_REASON_NOT_ALLOWED,
                OpenClawText.ORIGIN_NOT_ALLOWED,
                id));
    Verdict missing =
        Verdict.reject(
            Reject.of(
                RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED,
                OpenClawText.ORIGIN_REASON_MISSING,
                OpenClawText.ORIGIN_NOT_ALLOWED,
                id));
    return Rule.of(
        id,
        "an Origin that fails the check, or a browser Control UI or web chat without one, is refused",
        (context, established) -> {
          if (context.origin() == OriginCheck.REJECTED) {
            return notAllowed;
          }
          Client client = context.client();
          if (context.origin() == OriginCheck.ABSENT
              && (client.isBrowserControlUi() || client.isWebchat())) {
            return missing;
          }
          return Verdict.abstain();
        });
  }

  /**
   * {@code control-ui.disable-device-auth}: with {@code dangerouslyDisableDeviceAuth} set, a
   * Control UI's device identity is ignored from here on ({@link Effect#IGNORE_DEVICE}, OpenClaw's
   * {@code allowBypass}).
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule disableDeviceAuth(ControlUiClients controlUi) {
    Verdict ignore = Verdict.pass(Effect.IGNORE_DEVICE);
    return rule(
            "control-ui.disable-device-auth",
            "with dangerouslyDisableDeviceAuth a Control UI's device identity is ignored")
        .when(
            (context, established) ->
                controlUi.matches(context.client())
                    && context.controlUi().dangerouslyDisableDeviceAuth(),
            ignore);
  }

  // ---------------------------------------------------------------------------------------------
  // The missing-device gate (evaluateMissingDeviceIdentity)

  /**
   * {@code device.present}: a connection with a device identity passes the missing-device gate; its
   * proof and pairing are checked later.
   *
   * @return the rule
   */
  public static Rule devicePresent() {
    return rule(
            "device.present",
            "a connection with a device identity goes on to the proof and pairing checks")
        .passesWhen((context, established) -> hasDevice(context, established));
  }

  /**
   * {@code control-ui.trusted-proxy-operator}: admits a device-less Control UI operator that a
   * trusted proxy authenticated in trusted-proxy mode.
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule trustedProxyControlUiOperator(ControlUiClients controlUi) {
    return rule(
            "control-ui.trusted-proxy-operator",
            "a Control UI operator authenticated by a trusted proxy needs no device")
        .admitsWhen((context, established) -> trustedProxyControlUiOperator(context, controlUi));
  }

  /**
   * {@code control-ui.bypass-any-role}: admits a Control UI whose device identity is ignored under
   * {@code dangerouslyDisableDeviceAuth}, whatever its role (2026.3.12; the hole of #45405 and
   * #35966).
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule controlUiBypassAnyRole(ControlUiClients controlUi) {
    return rule(
            "control-ui.bypass-any-role",
            "dangerouslyDisableDeviceAuth admits a device-less Control UI in any role")
        .admitsWhen(
            (context, established) ->
                controlUi.matches(context.client()) && established.has(Effect.IGNORE_DEVICE));
  }

  /**
   * {@code control-ui.bypass-operator}: admits a Control UI operator whose device identity is
   * ignored under {@code dangerouslyDisableDeviceAuth} (2026.3.13, #45512).
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule controlUiBypassOperator(ControlUiClients controlUi) {
    return rule(
            "control-ui.bypass-operator",
            "dangerouslyDisableDeviceAuth admits a device-less Control UI operator")
        .admitsWhen(
            (context, established) ->
                controlUi.matches(context.client())
                    && established.has(Effect.IGNORE_DEVICE)
                    && isOperator(context));
  }

  /**
   * {@code device.local-backend-operator}: admits a device-less operator for which the backend
   * self-pairing exception holds (2026.5, {@code localBackendSelfPairingOk}).
   *
   * @param backend the version of the backend predicate
   * @return the rule
   */
  static Rule localBackendOperator(BackendSelfPairing backend) {
    return rule(
            "device.local-backend-operator",
            "the gateway's own local backend client may connect as operator without a device")
        .admitsWhen((context, established) -> isOperator(context) && backend.applies(context));
  }

  /**
   * {@code control-ui.insecure-auth}: refuses a device-less Control UI unless {@code
   * allowInsecureAuth} is set and the client is on loopback; with the flag on loopback the gate
   * goes on to the next rule. Does nothing when the device is ignored under {@code
   * dangerouslyDisableDeviceAuth}.
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule controlUiInsecureAuth(ControlUiClients controlUi) {
    String id = "control-ui.insecure-auth";
    Verdict refused =
        Verdict.reject(
            Reject.of(
                RejectCode.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
                null,
                OpenClawText.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
                id));
    return Rule.of(
        id,
        "a device-less Control UI is refused unless allowInsecureAuth is set and it is on loopback",
        (context, established) -> {
          if (!controlUi.matches(context.client()) || established.has(Effect.IGNORE_DEVICE)) {
            return Verdict.abstain();
          }
          boolean allowed = context.controlUi().allowInsecureAuth() && context.local();
          return allowed ? Verdict.abstain() : refused;
        });
  }

  /**
   * {@code control-ui.device-required}: refuses every device-less browser Control UI, as {@code
   * recommended} does; the profiles that count the terminal UI as the Control UI too use the
   * variant of their version.
   *
   * @return the rule
   */
  public static Rule controlUiDeviceRequired() {
    return controlUiDeviceRequired(ControlUiClients.BROWSER_ONLY);
  }

  /**
   * {@code control-ui.device-required}: refuses every device-less Control UI (latest, after the
   * Control UI flags were retired, #112558).
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule controlUiDeviceRequired(ControlUiClients controlUi) {
    String id = "control-ui.device-required";
    Verdict refused =
        Verdict.reject(
            Reject.of(
                RejectCode.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
                null,
                OpenClawText.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
                id));
    return rule(id, "a device-less Control UI is refused")
        .when((context, established) -> controlUi.matches(context.client()), refused);
  }

  /**
   * {@code device.node-loopback}: PR #48285 as proposed: admits a device-less authenticated {@code
   * node} on loopback, Control UI or not.
   *
   * @return the rule
   */
  public static Rule nodeLoopback() {
    return rule(
            "device.node-loopback",
            "an authenticated node on loopback needs no device (PR #48285 as proposed)")
        .admitsWhen((context, established) -> isLoopbackNode(context));
  }

  /**
   * {@code device.node-loopback-non-ui}: PR #48285 as the review asked: the same exemption, but
   * never for a Control UI client.
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule nodeLoopbackOutsideControlUi(ControlUiClients controlUi) {
    return rule(
            "device.node-loopback-non-ui",
            "an authenticated node on loopback that is not a Control UI needs no device")
        .admitsWhen(
            (context, established) ->
                isLoopbackNode(context) && !controlUi.matches(context.client()));
  }

  private static boolean isLoopbackNode(ConnectContext context) {
    return context.role().equals(Role.NODE.wire()) && context.local() && context.auth().ok();
  }

  /**
   * {@code device.operator-shared-auth}: admits a device-less operator whose shared secret was
   * verified (OpenClaw's {@code roleCanSkipDeviceIdentity}).
   *
   * @return the rule
   */
  public static Rule operatorSharedAuth() {
    return rule(
            "device.operator-shared-auth",
            "an operator with a verified shared secret needs no device")
        .admitsWhen((context, established) -> isOperator(context) && context.auth().sharedAuthOk());
  }

  /**
   * {@code auth.shared-auth-failed}: refuses a device-less client whose shared token or password
   * failed, with the authentication failure, the message's hint naming the browser Control UI as
   * {@code recommended} does.
   *
   * @return the rule
   */
  public static Rule sharedAuthFailed() {
    return sharedAuthFailed(ControlUiClients.BROWSER_ONLY);
  }

  /**
   * {@code auth.shared-auth-failed}: refuses a device-less client whose shared token or password
   * failed, with the authentication failure rather than "device identity required".
   *
   * @param controlUi which clients count as the Control UI (for the message's hint)
   * @return the rule
   */
  static Rule sharedAuthFailed(ControlUiClients controlUi) {
    return sharedAuthFailed(controlUi, AuthHints.BY_CLIENT);
  }

  /**
   * {@code auth.shared-auth-failed} with the hints of a version.
   *
   * @param controlUi which clients count as the Control UI (for the message's hint)
   * @param hints how the version words the hint
   * @return the rule
   */
  static Rule sharedAuthFailed(ControlUiClients controlUi, AuthHints hints) {
    AuthFailures.Rejections rejections = AuthFailures.Rejections.of("auth.shared-auth-failed");
    return Rule.of(
        "auth.shared-auth-failed",
        "a device-less client whose shared token or password failed gets the auth error",
        (context, established) ->
            !context.auth().ok() && context.auth().provided().isSharedSecret()
                ? unauthorized(rejections, context, established, controlUi, hints)
                : Verdict.abstain());
  }

  /**
   * {@code device.missing-identity}: the gate's default: refuses a device-less client that nothing
   * admitted, with {@code DEVICE_IDENTITY_REQUIRED}.
   *
   * @return the rule
   */
  public static Rule deviceIdentityRequired() {
    String id = "device.missing-identity";
    Verdict refused =
        Verdict.reject(
            Reject.of(
                RejectCode.DEVICE_IDENTITY_REQUIRED,
                null,
                OpenClawText.DEVICE_IDENTITY_REQUIRED,
                id));
    return Rule.of(
        id,
        "a device-less client that no exception admits needs a device identity",
        (context, established) -> refused);
  }

  // ---------------------------------------------------------------------------------------------
  // Scopes of device-less connections

  /**
   * {@code scopes.device-bound}: with a device identity the declared scopes stand; pairing checks
   * them against what was approved.
   *
   * @return the rule
   */
  public static Rule scopesDeviceBound() {
    return rule("scopes.device-bound", "a device's scopes are checked by pairing, not cleared")
        .passesWhen((context, established) -> hasDevice(context, established));
  }

  /**
   * {@code scopes.keep-bypass}: a Control UI admitted under {@code dangerouslyDisableDeviceAuth}
   * keeps its declared scopes.
   *
   * @return the rule
   */
  public static Rule scopesKeepBypass() {
    return rule(
            "scopes.keep-bypass",
            "a Control UI admitted by the device-auth bypass keeps its scopes")
        .passesWhen((context, established) -> established.has(Effect.IGNORE_DEVICE));
  }

  /**
   * {@code scopes.keep-admitted-control-ui}: a device-less Control UI that the missing-device gate
   * admitted keeps its declared scopes (2026.3.13: scopes are cleared only when {@code !device &&
   * (!isControlUi || decision.kind !== "allow")}, {@code gateway-cli-CuZs0RlJ.js}). A Control UI
   * that reaches the scope stage without a device was admitted: by a trusted proxy, the bypass, or
   * {@code allowInsecureAuth} on loopback with a shared secret.
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule scopesKeepAdmittedControlUi(ControlUiClients controlUi) {
    return rule(
            "scopes.keep-admitted-control-ui",
            "a device-less Control UI admitted by the missing-device gate keeps its scopes")
        .passesWhen((context, established) -> controlUi.matches(context.client()));
  }

  /**
   * {@code scopes.keep-shared-auth}: a device-less connection whose shared token or password was
   * verified keeps its declared scopes (2026.3.11: {@code clearUnboundScopes} clears only when
   * {@code !controlUiAuthPolicy.allowBypass && !sharedAuthOk}, {@code gateway-cli-B-E8XzUM.js}).
   *
   * @return the rule
   */
  static Rule scopesKeepSharedAuth() {
    return rule(
            "scopes.keep-shared-auth",
            "a device-less connection with a verified shared secret keeps its scopes")
        .passesWhen((context, established) -> context.auth().sharedAuthOk());
  }

  /**
   * {@code scopes.keep-local-backend}: the local backend client of the self-pairing exception keeps
   * its declared scopes (2026.4 and later; with a shared secret this is #72418).
   *
   * @param backend the version of the backend predicate
   * @return the rule
   */
  static Rule scopesKeepLocalBackend(BackendSelfPairing backend) {
    return rule(
            "scopes.keep-local-backend", "the gateway's own local backend client keeps its scopes")
        .passesWhen((context, established) -> backend.applies(context));
  }

  /**
   * {@code scopes.keep-insecure-local-control-ui}: a loopback Control UI under {@code
   * allowInsecureAuth} that authenticated with the shared token or password keeps its scopes.
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule scopesKeepInsecureLocalControlUi(ControlUiClients controlUi) {
    return rule(
            "scopes.keep-insecure-local-control-ui",
            "a loopback Control UI under allowInsecureAuth with a shared secret keeps its scopes")
        .passesWhen(
            (context, established) ->
                controlUi.matches(context.client())
                    && context.controlUi().allowInsecureAuth()
                    && context.local()
                    && context.auth().method().isSharedSecret());
  }

  /**
   * {@code scopes.keep-local-cli}: the CLI ({@code cli}/{@code cli}) on direct or container
   * loopback, without an Origin, with a verified shared token or password keeps its scopes
   * (OpenClaw's {@code shouldPreserveLocalCliSharedAuthScopes}).
   *
   * @return the rule
   */
  public static Rule scopesKeepLocalCli() {
    return rule(
            "scopes.keep-local-cli",
            "the CLI on loopback with a verified shared secret keeps its scopes")
        .passesWhen(
            (context, established) ->
                context.client().isCli()
                    && (context.locality() == Locality.DIRECT_LOCAL
                        || context.locality() == Locality.CLI_CONTAINER_LOCAL)
                    && context.origin() == OriginCheck.ABSENT
                    && context.auth().sharedAuthOk()
                    && context.auth().method().isSharedSecret());
  }

  /**
   * {@code scopes.clear-shared-auth}: a device-less connection authenticated by a shared token,
   * password or trusted proxy gets no scopes: its declared scopes are bound to nothing.
   *
   * @return the rule
   */
  public static Rule scopesClearSharedAuth() {
    Verdict clear = Verdict.pass(Effect.CLEAR_SCOPES);
    return Rule.of(
        "scopes.clear-shared-auth",
        "a device-less connection by shared secret or trusted proxy gets no scopes",
        (context, established) -> {
          AuthMethod method = context.auth().method();
          return method.isSharedSecret() || method == AuthMethod.TRUSTED_PROXY
              ? clear
              : Verdict.abstain();
        });
  }

  /**
   * {@code scopes.clear-device-less}: a default that clears the scopes of every device-less
   * connection (2026.3.12, #44306).
   *
   * @return the rule
   */
  public static Rule scopesClearDeviceLess() {
    Verdict clear = Verdict.pass(Effect.CLEAR_SCOPES);
    return Rule.of(
        "scopes.clear-device-less",
        "a device-less connection gets no scopes",
        (context, established) -> clear);
  }

  // ---------------------------------------------------------------------------------------------
  // Device proof and authentication

  /**
   * {@code device.proof}: refuses a device identity whose proof failed, with the {@code
   * DEVICE_AUTH_*} code and OpenClaw's message for the failed check.
   *
   * @return the rule
   */
  public static Rule deviceProof() {
    String id = "device.proof";
    Map<DeviceProof, Verdict> failures = new EnumMap<>(DeviceProof.class);
    for (DeviceProof proof : DeviceProof.values()) {
      if (proof != DeviceProof.ABSENT && proof != DeviceProof.VERIFIED) {
        failures.put(
            proof,
            Verdict.reject(
                Reject.of(
                    OpenClawText.deviceProofCode(proof),
                    proof.wire(),
                    OpenClawText.deviceProofMessage(proof),
                    id)));
      }
    }
    return Rule.of(
        id,
        "a device identity whose proof failed is refused",
        (context, established) ->
            hasDevice(context, established)
                ? failures.getOrDefault(context.device(), Verdict.abstain())
                : Verdict.abstain());
  }

  /**
   * {@code auth.gate}: refuses an unauthenticated connection with the authentication failure, the
   * message's hint naming the browser Control UI as {@code recommended} does.
   *
   * @return the rule
   */
  public static Rule authGate() {
    return authGate(ControlUiClients.BROWSER_ONLY);
  }

  /**
   * {@code auth.gate}: refuses an unauthenticated connection with the authentication failure: the
   * {@code AUTH_*} code of the reason, OpenClaw's message and the retry advice.
   *
   * @param controlUi which clients count as the Control UI (for the message's hint)
   * @return the rule
   */
  static Rule authGate(ControlUiClients controlUi) {
    return authGate(controlUi, AuthHints.BY_CLIENT);
  }

  /**
   * {@code auth.gate} with the hints of a version.
   *
   * @param controlUi which clients count as the Control UI (for the message's hint)
   * @param hints how the version words the hint
   * @return the rule
   */
  static Rule authGate(ControlUiClients controlUi, AuthHints hints) {
    AuthFailures.Rejections rejections = AuthFailures.Rejections.of("auth.gate");
    return Rule.of(
        "auth.gate",
        "an unauthenticated connection is refused",
        (context, established) ->
            context.auth().ok()
                ? Verdict.abstain()
                : unauthorized(rejections, context, established, controlUi, hints));
  }

  private static Verdict unauthorized(
      AuthFailures.Rejections rejections,
      ConnectContext context,
      Effects established,
      ControlUiClients controlUi,
      AuthHints hints) {
    return rejections.verdict(
        context.auth(), audience(context, controlUi, hints), hasDevice(context, established));
  }

  /** Whom the hint of a failed authentication addresses. */
  static AuthFailures.Audience audience(
      ConnectContext context, ControlUiClients controlUi, AuthHints hints) {
    Client client = context.client();
    boolean ui = controlUi.matches(client) || client.isWebchat();
    if (hints == AuthHints.BY_CLIENT) {
      return client.isCliMode()
          ? AuthFailures.Audience.CLI
          : ui ? AuthFailures.Audience.DASHBOARD : AuthFailures.Audience.OTHER;
    }
    // 2026.9: isLocalClient is the direct-local ingress, which is the fact `local`.
    if (client.isCliMode()) {
      if (context.local()) {
        return ui ? AuthFailures.Audience.LOCAL_CLI_OPERATOR_UI : AuthFailures.Audience.LOCAL_CLI;
      }
      return ui ? AuthFailures.Audience.REMOTE_CLI_OPERATOR_UI : AuthFailures.Audience.CLI;
    }
    return ui ? AuthFailures.Audience.OPERATOR_UI : AuthFailures.Audience.OTHER;
  }

  // ---------------------------------------------------------------------------------------------
  // Pairing

  /**
   * {@code pairing.device-less}: a connection without a device identity has nothing to pair.
   *
   * @return the rule
   */
  public static Rule pairingDeviceLess() {
    return Rule.of(
        "pairing.device-less",
        "without a device identity there is nothing to pair",
        (context, established) -> hasDevice(context, established) ? Verdict.abstain() : PASS);
  }

  private static boolean waived(ConnectContext context, PairingSkipScope scope) {
    return scope == PairingSkipScope.ALL_CHECKS || context.pairing() == PairingState.NOT_PAIRED;
  }

  /**
   * {@code pairing.skip-backend-self}: the gateway's own local backend client skips pairing.
   *
   * @param backend the version of the backend predicate
   * @param scope what the skip waives
   * @return the rule
   */
  static Rule skipBackendSelfPairing(BackendSelfPairing backend, PairingSkipScope scope) {
    Verdict skip = Verdict.admit(Effect.SKIP_PAIRING_BACKEND);
    return rule("pairing.skip-backend-self", "the gateway's own local backend client skips pairing")
        .when((context, established) -> waived(context, scope) && backend.applies(context), skip);
  }

  /**
   * {@code pairing.skip-control-ui-trusted-proxy}: a Control UI operator authenticated by a trusted
   * proxy skips pairing; in 2026.4 its scopes are cleared when it does.
   *
   * @param controlUi which clients count as the Control UI
   * @param scope what the skip waives
   * @param clearScopes whether skipping clears the declared scopes
   * @return the rule
   */
  static Rule skipControlUiPairingForTrustedProxy(
      ControlUiClients controlUi, PairingSkipScope scope, boolean clearScopes) {
    Verdict skip =
        clearScopes
            ? Verdict.admit(Effect.SKIP_PAIRING_CONTROL_UI, Effect.CLEAR_SCOPES)
            : Verdict.admit(Effect.SKIP_PAIRING_CONTROL_UI);
    return rule(
            "pairing.skip-control-ui-trusted-proxy",
            "a Control UI operator authenticated by a trusted proxy skips pairing")
        .when(
            (context, established) ->
                waived(context, scope) && trustedProxyControlUiOperator(context, controlUi),
            skip);
  }

  /**
   * {@code pairing.skip-control-ui}: a Control UI operator skips its first pairing when it came
   * through Tailscale Serve with a device, or when the gateway runs without authentication (2026.4
   * and later; #47091).
   *
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule skipControlUiPairing(ControlUiClients controlUi) {
    return skipControlUiPairing(controlUi, PairingSkipScope.FIRST_PAIRING_ONLY);
  }

  /**
   * {@code pairing.skip-control-ui} of a version: under auth mode none the skip waives what {@code
   * authNone} says (2026.9: every check, {@code controlUiPairingKind === "auth-none"} in {@code
   * authorizeGatewayConnectDevice}); via Tailscale with a device only the first pairing.
   *
   * @param controlUi which clients count as the Control UI
   * @param authNone what the skip waives under auth mode none
   * @return the rule
   */
  static Rule skipControlUiPairing(ControlUiClients controlUi, PairingSkipScope authNone) {
    Verdict skip = Verdict.admit(Effect.SKIP_PAIRING_CONTROL_UI);
    return rule(
            "pairing.skip-control-ui",
            "a Control UI operator via Tailscale or with auth mode none skips its first pairing")
        .when(
            (context, established) ->
                controlUi.matches(context.client())
                    && isOperator(context)
                    && ((context.pairing() == PairingState.NOT_PAIRED
                            && context.auth().method() == AuthMethod.TAILSCALE)
                        || (context.auth().mode() == AuthMode.NONE && waived(context, authNone))),
            skip);
  }

  /**
   * {@code pairing.paired}: admits a device that is paired for what it asks.
   *
   * @return the rule
   */
  public static Rule pairingPaired() {
    Verdict paired = Verdict.admit(Effect.PAIRED);
    return rule("pairing.paired", "a device paired for what it asks is admitted")
        .when((context, established) -> context.pairing() == PairingState.PAIRED, paired);
  }

  /**
   * {@code pairing.silent-local}: approves a pairing requirement silently, as the given version
   * allows.
   *
   * @param silent the version of the silent-approval predicate
   * @param controlUi which clients count as the Control UI
   * @return the rule
   */
  static Rule silentLocalPairing(SilentPairing silent, ControlUiClients controlUi) {
    Verdict approve = Verdict.admit(Effect.SILENT_PAIRING);
    return rule(
            "pairing.silent-local",
            "a local pairing requirement is approved silently where the version allows it")
        .when((context, established) -> silent.allows(context, controlUi), approve);
  }

  /**
   * {@code pairing.required}: refuses a device that is not paired for what it asks, with {@code
   * PAIRING_REQUIRED}, the requirement in the message and a remediation hint (2026.4 and later, and
   * {@code recommended}).
   *
   * @return the rule
   */
  public static Rule pairingRequired() {
    return pairingRequired(PairingMessage.WITH_REQUIREMENT);
  }

  /**
   * {@code pairing.required}: the pairing stage's default: refuses a device that is not paired for
   * what it asks, with {@code PAIRING_REQUIRED} and the pairing reason.
   *
   * @param style how the rejection reads in the version
   * @return the rule
   */
  static Rule pairingRequired(PairingMessage style) {
    String id = "pairing.required";
    Map<PairingState, Verdict> required = new EnumMap<>(PairingState.class);
    for (PairingState state : PairingState.values()) {
      Reject reject;
      if (style == PairingMessage.PLAIN) {
        reject =
            Reject.of(RejectCode.PAIRING_REQUIRED, state.wire(), OpenClawText.PAIRING_REQUIRED, id);
      } else {
        String message =
            OpenClawText.PAIRING_REQUIRED + ": " + OpenClawText.pairingRequirement(state);
        reject =
            new Reject(
                RejectCode.PAIRING_REQUIRED,
                state.wire(),
                message,
                Close.of(Close.POLICY_VIOLATION, message),
                id,
                null,
                OpenClawText.pairingHint(state));
      }
      required.put(state, Verdict.reject(reject));
    }
    return Rule.of(
        id,
        "a device not paired for what it asks must be approved",
        (context, established) -> required.get(context.pairing()));
  }

  // ---------------------------------------------------------------------------------------------
  // The upgrade phase: the HTTP upgrade request, before any connect frame (other gateways)

  private static Optional<UpgradeDecision> answer(UpgradeDecision decision) {
    return Optional.of(decision);
  }

  private static Reject refusal(
      RejectCode code, @Nullable String reason, String message, int closeCode, String decidedBy) {
    return new Reject(code, reason, message, Close.of(closeCode, message), decidedBy, null, null);
  }

  /**
   * {@code upgrade.public-path}: the WebSocket route is a public path of the HTTP auth gate, so
   * every upgrade is deferred to the connect frame (Moltis PR #382 added {@code /ws} to {@code
   * is_public_path}, leaving authentication to the protocol-level check).
   *
   * @return the rule
   */
  public static UpgradeRule upgradePublicPath() {
    String id = "upgrade.public-path";
    Optional<UpgradeDecision> defer = answer(UpgradeDecision.defer(id));
    return UpgradeRule.of(
        id, "the WebSocket route is public: the connect frame authenticates", upgrade -> defer);
  }

  /**
   * {@code upgrade.auth-disabled}: with authentication disabled the upgrade is accepted (Moltis's
   * {@code check_auth}, first row).
   *
   * @return the rule
   */
  public static UpgradeRule upgradeAuthDisabled() {
    String id = "upgrade.auth-disabled";
    Optional<UpgradeDecision> accept = answer(UpgradeDecision.accept(id));
    return UpgradeRule.of(
        id,
        "with authentication disabled every upgrade is accepted",
        upgrade -> upgrade.mode() == AuthMode.NONE ? accept : Optional.empty());
  }

  /**
   * {@code upgrade.session-cookie}: an upgrade request with a valid login session cookie is
   * accepted (Moltis's {@code check_auth}, {@code moltis_session}).
   *
   * @return the rule
   */
  public static UpgradeRule upgradeSessionCookie() {
    String id = "upgrade.session-cookie";
    Optional<UpgradeDecision> accept = answer(UpgradeDecision.accept(id));
    return UpgradeRule.of(
        id,
        "an upgrade with a valid session cookie is accepted",
        upgrade -> upgrade.verified(Credential.SESSION_COOKIE) ? accept : Optional.empty());
  }

  /**
   * {@code upgrade.bearer-api-key}: an upgrade request whose {@code Authorization: Bearer} API key
   * verified is accepted (Moltis's {@code check_auth}).
   *
   * @return the rule
   */
  public static UpgradeRule upgradeBearerApiKey() {
    String id = "upgrade.bearer-api-key";
    Optional<UpgradeDecision> accept = answer(UpgradeDecision.accept(id));
    return UpgradeRule.of(
        id,
        "an upgrade with a valid Bearer API key is accepted",
        upgrade ->
            upgrade.verified(Credential.API_KEY) && upgrade.source() == CredentialSource.HEADER
                ? accept
                : Optional.empty());
  }

  /**
   * {@code upgrade.not-authenticated}: any other upgrade is refused as not authenticated, {@code
   * AUTH_NOT_AUTHENTICATED}: Moltis's {@code auth_gate} answers 401 on {@code /api/} and {@code
   * /ws/} paths and redirects everything else to {@code /login} with 303, which is what the node's
   * {@code /ws} got before PR #382 (#381).
   *
   * @param status the HTTP status: 401, or 303 for the redirect to {@code /login}
   * @return the rule
   */
  public static UpgradeRule upgradeNotAuthenticated(int status) {
    String id = "upgrade.not-authenticated";
    String message =
        status == 303 ? "not authenticated: redirected to /login" : "not authenticated";
    Optional<UpgradeDecision> refused =
        answer(
            UpgradeDecision.reject(
                status,
                refusal(
                    RejectCode.AUTH_NOT_AUTHENTICATED, null, message, Close.POLICY_VIOLATION, id)));
    return UpgradeRule.of(
        id, "an upgrade that no credential authenticated is refused", upgrade -> refused);
  }

  /**
   * {@code upgrade.framework-rejected}: the web framework refuses every WebSocket before the
   * handler runs, {@code FRAMEWORK_REJECTED}: SynthOrg #549, where Litestar's dependency injection
   * took the handler's {@code channels_plugin} parameter for a query parameter and closed the
   * socket with the internal code 4500, which uvicorn answered as HTTP 403. No rule of the policy
   * ever saw the ticket.
   *
   * @return the rule
   */
  public static UpgradeRule upgradeFrameworkRejected() {
    String id = "upgrade.framework-rejected";
    Optional<UpgradeDecision> refused =
        answer(
            UpgradeDecision.reject(
                403,
                refusal(
                    RejectCode.FRAMEWORK_REJECTED,
                    null,
                    "the framework closed the socket before the handler ran",
                    4500,
                    id)));
    return UpgradeRule.of(
        id, "the framework refuses every WebSocket before the handler runs", upgrade -> refused);
  }

  /**
   * {@code upgrade.query-ticket}: a ticket in the query string is validated before the upgrade is
   * accepted: a valid one accepts it, any other is refused with SynthOrg's {@code 4001 "Invalid or
   * expired ticket"} (a socket closed before {@code accept()}, which the server answers as HTTP
   * 403). Without a ticket in the query the first message brings it: the rule does not apply.
   *
   * @return the rule
   */
  public static UpgradeRule upgradeQueryTicket() {
    String id = "upgrade.query-ticket";
    Optional<UpgradeDecision> accept = answer(UpgradeDecision.accept(id));
    Optional<UpgradeDecision> refused =
        answer(
            UpgradeDecision.reject(
                403,
                refusal(
                    RejectCode.AUTH_TICKET_INVALID,
                    "ticket_invalid",
                    TICKET_INVALID,
                    TICKET_CLOSE,
                    id)));
    return UpgradeRule.of(
        id,
        "a ticket in the query string is validated before the upgrade",
        upgrade -> {
          if (upgrade.credential() != Credential.TICKET
              || upgrade.source() != CredentialSource.QUERY) {
            return Optional.empty();
          }
          return upgrade.verified() ? accept : refused;
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Credentials at the connect frame (other gateways)

  /** SynthOrg's close code for authentication failures. */
  private static final int TICKET_CLOSE = 4001;

  private static final String TICKET_INVALID = "Invalid or expired ticket";

  private static boolean verified(ConnectContext context, Credential kind) {
    return context.auth().ok() && context.auth().provided() == kind;
  }

  /**
   * {@code credential.<kind>}: admits a connection whose credential of this kind verified, from the
   * given sources (every source when none is given). {@code credential.device-token} is Moltis's
   * pairing token, checked first by its WebSocket handler; {@code credential.api-key} and {@code
   * credential.password} its connect-frame credentials; {@code credential.ticket} SynthOrg's
   * ticket.
   *
   * @param kind the credential kind
   * @param sources where it may come from; none for anywhere
   * @return the rule
   */
  public static Rule credentialVerified(Credential kind, CredentialSource... sources) {
    List<CredentialSource> allowed =
        sources.length == 0 ? List.of(CredentialSource.values()) : List.of(sources);
    return rule(
            "credential." + kind.wire(),
            "a verified " + kind.wire() + " authenticates the connection")
        .admitsWhen(
            (context, established) ->
                verified(context, kind) && allowed.contains(context.credentialSource()));
  }

  /**
   * {@code credential.auth-disabled}: admits every connection when the gateway runs without
   * authentication (Moltis with authentication disabled).
   *
   * @return the rule
   */
  public static Rule authDisabled() {
    return rule(
            "credential.auth-disabled",
            "with authentication disabled every connection is authenticated")
        .admitsWhen((context, established) -> context.auth().mode() == AuthMode.NONE);
  }

  /**
   * {@code credential.upgrade-identity}: admits a connection whose upgrade request brought a
   * session cookie or a Bearer API key that verified: the identity Moltis's HTTP gate established
   * and hands to the WebSocket handler ("pre-authenticated via headers").
   *
   * @return the rule
   */
  public static Rule upgradeIdentity() {
    return rule(
            "credential.upgrade-identity",
            "the identity the upgrade's cookie or Bearer header established authenticates")
        .admitsWhen(
            (context, established) ->
                context.auth().ok()
                    && context.credentialSource() == CredentialSource.HEADER
                    && (context.auth().provided() == Credential.SESSION_COOKIE
                        || context.auth().provided() == Credential.API_KEY));
  }

  /**
   * {@code credential.not-authenticated}: a default that refuses a connection nothing
   * authenticated, {@code AUTH_NOT_AUTHENTICATED} with Moltis's "authentication failed".
   *
   * @return the rule
   */
  public static Rule notAuthenticated() {
    String id = "credential.not-authenticated";
    Verdict refused =
        Verdict.reject(
            refusal(
                RejectCode.AUTH_NOT_AUTHENTICATED,
                null,
                "authentication failed",
                Close.POLICY_VIOLATION,
                id));
    return Rule.of(
        id,
        "a connection that nothing authenticated is refused",
        (context, established) -> refused);
  }

  /**
   * {@code credential.<kind>-invalid}: refuses a connection whose credential of this kind did not
   * verify, with the code, the message and the close code the gateway sends: SynthOrg's ticket
   * closes with {@code 4001 "Invalid or expired ticket"}, Mosaic's token disconnects.
   *
   * @param kind the credential kind
   * @param code the detail code
   * @param message the gateway's text
   * @param closeCode the WebSocket close code
   * @return the rule
   */
  public static Rule credentialInvalid(
      Credential kind, RejectCode code, String message, int closeCode) {
    String id = "credential." + kind.wire() + "-invalid";
    return Rule.of(
        id,
        "a " + kind.wire() + " that does not verify is refused",
        (context, established) ->
            !context.auth().ok() && context.auth().provided() == kind
                ? Verdict.reject(refusal(code, context.auth().reason(), message, closeCode, id))
                : Verdict.abstain());
  }

  /**
   * {@code credential.ticket-invalid}: SynthOrg's refusal of a ticket that does not verify, {@code
   * AUTH_TICKET_INVALID} closing with {@code 4001 "Invalid or expired ticket"}.
   *
   * @return the rule
   */
  public static Rule ticketInvalid() {
    return credentialInvalid(
        Credential.TICKET, RejectCode.AUTH_TICKET_INVALID, TICKET_INVALID, TICKET_CLOSE);
  }

  /**
   * {@code credential.missing}: refuses a connection that presented no credential, with the code,
   * the gateway's text and close code; used as a default (SynthOrg: {@code AUTH_TICKET_MISSING},
   * {@code 4001 "Missing ticket"}) or as a check (Mosaic: {@code AUTH_TOKEN_MISSING}).
   *
   * @param code the detail code
   * @param message the gateway's text
   * @param closeCode the WebSocket close code
   * @return the rule
   */
  public static Rule credentialMissing(RejectCode code, String message, int closeCode) {
    String id = "credential.missing";
    Verdict refused = Verdict.reject(refusal(code, null, message, closeCode, id));
    return rule(id, "a connection without a credential is refused")
        .when((context, established) -> context.auth().provided() == Credential.NONE, refused);
  }

  /**
   * {@code credential.ticket-missing}, SynthOrg's default of its ticket stage: a connection that no
   * valid or invalid ticket decided is refused with {@code AUTH_TICKET_MISSING}, {@code 4001
   * "Missing ticket"}, whatever else it presented (a JWT, a cookie or an API key is no ticket).
   * Unlike {@link #credentialMissing}, it never abstains: a stage default that abstains would let
   * the stage, and so the connection, pass.
   *
   * @return the rule
   */
  public static Rule ticketMissing() {
    RuleBuilder rule =
        rule("credential.ticket-missing", "a connection without a valid ticket is refused");
    return rule.always(
        rule.rejection(RejectCode.AUTH_TICKET_MISSING, null, "Missing ticket", TICKET_CLOSE));
  }

  // ---------------------------------------------------------------------------------------------
  // Identity claims, workspaces and rate limits (Mosaic Stack)

  /**
   * {@code identity.claimed}: admits a connection whose socket data names a user and a workspace,
   * whoever put them there: Mosaic Stack's gateway before #198 only checked that {@code
   * client.data.userId} and {@code workspaceId} existed ("client.data could be set by anyone").
   *
   * @return the rule
   */
  public static Rule identityClaimed() {
    return rule(
            "identity.claimed",
            "a connection that names a user and a workspace is taken at its word")
        .admitsWhen((context, established) -> context.workspace().isClaimed());
  }

  /**
   * {@code identity.missing}: a default that refuses a connection whose socket data names no user
   * and workspace, {@code AUTH_NOT_AUTHENTICATED} (Mosaic Stack disconnects it).
   *
   * @return the rule
   */
  public static Rule identityMissing() {
    String id = "identity.missing";
    Verdict refused =
        Verdict.reject(
            refusal(
                RejectCode.AUTH_NOT_AUTHENTICATED,
                null,
                "no user and workspace on the connection",
                Close.POLICY_VIOLATION,
                id));
    return Rule.of(
        id,
        "a connection that names no user and workspace is refused",
        (context, established) -> refused);
  }

  /**
   * {@code workspace.member}: admits a connection whose verified user is a member of the workspace
   * it names (Mosaic Stack #198: "workspace membership validated").
   *
   * @return the rule
   */
  public static Rule workspaceMember() {
    return rule("workspace.member", "a verified member of the workspace named is admitted")
        .admitsWhen(
            (context, established) ->
                context.auth().ok() && context.workspace() == WorkspaceAccess.MEMBER);
  }

  /**
   * {@code workspace.access-denied}: a default that refuses a connection that names no workspace,
   * or one its user is not a verified member of, {@code WORKSPACE_ACCESS_DENIED}.
   *
   * @return the rule
   */
  public static Rule workspaceAccessDenied() {
    String id = "workspace.access-denied";
    Verdict none =
        Verdict.reject(
            refusal(
                RejectCode.WORKSPACE_ACCESS_DENIED,
                WorkspaceAccess.NONE.wire(),
                "no workspace named",
                Close.POLICY_VIOLATION,
                id));
    Map<WorkspaceAccess, Verdict> denied = new EnumMap<>(WorkspaceAccess.class);
    for (WorkspaceAccess access : WorkspaceAccess.values()) {
      denied.put(
          access,
          access == WorkspaceAccess.NONE
              ? none
              : Verdict.reject(
                  refusal(
                      RejectCode.WORKSPACE_ACCESS_DENIED,
                      access.wire(),
                      "no access to the workspace named",
                      Close.POLICY_VIOLATION,
                      id)));
    }
    return Rule.of(
        id,
        "a connection without a workspace its verified user belongs to is refused",
        (context, established) -> denied.get(context.workspace()));
  }

  /**
   * {@code rate.failed-attempts}: refuses a client with {@code limit} or more failed attempts in
   * the window, {@code AUTH_RATE_LIMITED}, before its credential is checked (Mosaic Stack #198's
   * "connection rate limiting").
   *
   * @param limit the number of failed attempts that blocks, at least 1
   * @return the rule
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public static Rule failedAttemptsBelow(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit must be at least 1, got " + limit);
    }
    String id = "rate.failed-attempts";
    Verdict limited =
        Verdict.reject(
            refusal(
                AuthFailure.RATE_LIMITED.code(),
                AuthFailure.RATE_LIMITED.wire(),
                "too many failed attempts (retry later)",
                Close.POLICY_VIOLATION,
                id));
    return rule(id, "a client with " + limit + " or more failed attempts is refused")
        .when((context, established) -> context.failedAttempts() >= limit, limited);
  }
}

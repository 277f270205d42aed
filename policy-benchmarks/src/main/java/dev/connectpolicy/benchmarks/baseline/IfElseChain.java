package dev.connectpolicy.benchmarks.baseline;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenClaw 2026.3.13's connect admission written by hand, the way OpenClaw's own TypeScript handler
 * is written: plain conditionals in order (role, origin, Control UI policy, the missing-device gate
 * {@code evaluateMissingDeviceIdentity}, scope clearing, device proof, auth gate, pairing, accept).
 * It is the baseline the engine's profile {@code openclaw-2026.3.13} is timed against.
 *
 * <p>It uses the api types only, and decides exactly what the profile decides, down to the id of
 * the deciding rule, the wire texts and the retry advice; {@code IfElseChainTest} proves it on
 * every cell of the standard fact space. Every fixed decision is a shared constant, so evaluation
 * allocates nothing, with two exceptions a hand-written policy cannot avoid either: an acceptance
 * that keeps the client's own non-empty scopes, and an authentication failure whose reason string
 * is none of OpenClaw's (the rejection must carry that string).
 *
 * <pre>{@code
 * ConnectPolicy baseline = new IfElseChain();
 * Decision decision = baseline.evaluate(context);
 * }</pre>
 */
public final class IfElseChain implements ConnectPolicy {

  // Rule ids, as the engine's rules name themselves: decisions carry them.
  private static final String ROLE_KNOWN = "role.known";
  private static final String ORIGIN_CHECK = "origin.browser-check";
  private static final String TRUSTED_PROXY_OPERATOR = "control-ui.trusted-proxy-operator";
  private static final String BYPASS_OPERATOR = "control-ui.bypass-operator";
  private static final String INSECURE_AUTH = "control-ui.insecure-auth";
  private static final String OPERATOR_SHARED_AUTH = "device.operator-shared-auth";
  private static final String SHARED_AUTH_FAILED = "auth.shared-auth-failed";
  private static final String MISSING_IDENTITY = "device.missing-identity";
  private static final String DEVICE_PROOF = "device.proof";
  private static final String AUTH_GATE = "auth.gate";
  private static final String SKIP_BACKEND = "pairing.skip-backend-self";
  private static final String SKIP_TRUSTED_PROXY = "pairing.skip-control-ui-trusted-proxy";
  private static final String PAIRED = "pairing.paired";
  private static final String SILENT_LOCAL = "pairing.silent-local";
  private static final String PAIRING_REQUIRED = "pairing.required";

  // Fixed rejections, with OpenClaw's wire texts.
  private static final Reject CONTEXT_MISSING =
      Reject.of(RejectCode.INVALID_CONTEXT, null, "no context to evaluate", "context.missing");
  private static final Reject INVALID_ROLE =
      Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", ROLE_KNOWN);
  private static final String ORIGIN_MESSAGE =
      "origin not allowed (open the Control UI from the gateway host or allow it in"
          + " gateway.controlUi.allowedOrigins)";
  private static final Reject ORIGIN_NOT_ALLOWED =
      Reject.of(
          RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED,
          "origin not allowed",
          ORIGIN_MESSAGE,
          ORIGIN_CHECK);
  private static final Reject ORIGIN_MISSING =
      Reject.of(
          RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED,
          "origin missing or invalid",
          ORIGIN_MESSAGE,
          ORIGIN_CHECK);
  private static final Reject CONTROL_UI_DEVICE_REQUIRED =
      Reject.of(
          RejectCode.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
          null,
          "control ui requires device identity (use HTTPS or localhost secure context)",
          INSECURE_AUTH);
  private static final Reject DEVICE_REQUIRED =
      Reject.of(
          RejectCode.DEVICE_IDENTITY_REQUIRED, null, "device identity required", MISSING_IDENTITY);
  private static final Reject DEVICE_ID_MISMATCH =
      deviceProofReject(
          RejectCode.DEVICE_AUTH_DEVICE_ID_MISMATCH,
          DeviceProof.ID_MISMATCH,
          "device identity mismatch");
  private static final Reject DEVICE_SIGNATURE_STALE =
      deviceProofReject(
          RejectCode.DEVICE_AUTH_SIGNATURE_EXPIRED,
          DeviceProof.SIGNATURE_STALE,
          "device signature expired");
  private static final Reject DEVICE_NONCE_MISSING =
      deviceProofReject(
          RejectCode.DEVICE_AUTH_NONCE_REQUIRED,
          DeviceProof.NONCE_MISSING,
          "device nonce required");
  private static final Reject DEVICE_NONCE_MISMATCH =
      deviceProofReject(
          RejectCode.DEVICE_AUTH_NONCE_MISMATCH,
          DeviceProof.NONCE_MISMATCH,
          "device nonce mismatch");
  private static final Reject DEVICE_SIGNATURE_INVALID =
      deviceProofReject(
          RejectCode.DEVICE_AUTH_SIGNATURE_INVALID,
          DeviceProof.SIGNATURE_INVALID,
          "device signature invalid");
  private static final Reject DEVICE_PUBLIC_KEY_INVALID =
      deviceProofReject(
          RejectCode.DEVICE_AUTH_PUBLIC_KEY_INVALID,
          DeviceProof.PUBLIC_KEY_INVALID,
          "device public key invalid");
  private static final Reject PAIRING_REQUIRED_NOT_PAIRED =
      pairingRequired(PairingState.NOT_PAIRED);
  private static final Reject PAIRING_REQUIRED_ROLE_UPGRADE =
      pairingRequired(PairingState.ROLE_UPGRADE);
  private static final Reject PAIRING_REQUIRED_SCOPE_UPGRADE =
      pairingRequired(PairingState.SCOPE_UPGRADE);
  private static final Reject PAIRING_REQUIRED_METADATA_UPGRADE =
      pairingRequired(PairingState.METADATA_UPGRADE);

  // Acceptances without scopes; one that keeps non-empty declared scopes is built from these.
  private static final Accept TRUSTED_PROXY =
      scopeless(Role.OPERATOR, false, PairingAction.NONE, TRUSTED_PROXY_OPERATOR);
  private static final Accept BYPASS =
      scopeless(Role.OPERATOR, false, PairingAction.NONE, BYPASS_OPERATOR);
  private static final Accept SHARED_AUTH_CLEARED =
      scopeless(Role.OPERATOR, true, PairingAction.NONE, OPERATOR_SHARED_AUTH);
  private static final Accept SHARED_AUTH_CONTROL_UI =
      scopeless(Role.OPERATOR, false, PairingAction.NONE, OPERATOR_SHARED_AUTH);
  private static final Accept BACKEND_OPERATOR =
      scopeless(Role.OPERATOR, false, PairingAction.SKIPPED_BACKEND, SKIP_BACKEND);
  private static final Accept BACKEND_NODE =
      scopeless(Role.NODE, false, PairingAction.SKIPPED_BACKEND, SKIP_BACKEND);
  private static final Accept TRUSTED_PROXY_PAIRING_SKIPPED =
      scopeless(Role.OPERATOR, false, PairingAction.SKIPPED_CONTROL_UI, SKIP_TRUSTED_PROXY);
  private static final Accept PAIRED_OPERATOR =
      scopeless(Role.OPERATOR, false, PairingAction.PAIRED, PAIRED);
  private static final Accept PAIRED_NODE =
      scopeless(Role.NODE, false, PairingAction.PAIRED, PAIRED);
  private static final Accept SILENT_OPERATOR =
      scopeless(Role.OPERATOR, false, PairingAction.SILENT_APPROVE, SILENT_LOCAL);
  private static final Accept SILENT_NODE =
      scopeless(Role.NODE, false, PairingAction.SILENT_APPROVE, SILENT_LOCAL);

  // Authentication failures (formatGatewayAuthFailureMessage and the unauthorized handshake
  // details): every combination of reason, mode, credential, hint and device, for each of the two
  // rules that reject with them.

  /** Who the message's hint addresses. */
  private enum Audience {
    CLI,
    DASHBOARD,
    OTHER
  }

  /**
   * The failure reasons of OpenClaw's authorizeGatewayConnect and resolveConnectAuthDecision, in
   * the order of {@link #reasonIndex}; the last, "unauthorized", reads like any other reason.
   */
  private static final String[] REASONS = {
    "token_missing",
    "token_mismatch",
    "token_missing_config",
    "password_missing",
    "password_mismatch",
    "password_missing_config",
    "bootstrap_token_invalid",
    "tailscale_user_missing",
    "tailscale_proxy_missing",
    "tailscale_whois_failed",
    "tailscale_user_mismatch",
    "rate_limited",
    "device_token_mismatch",
    "device_token_scope_mismatch",
    "trusted_proxy_config_missing",
    "trusted_proxy_no_proxies_configured",
    "trusted_proxy_untrusted_source",
    "trusted_proxy_loopback_source",
    "trusted_proxy_local_interface_source",
    "trusted_proxy_user_missing",
    "trusted_proxy_user_not_allowed",
    "unauthorized"
  };

  private static final int GENERIC_REASON = REASONS.length - 1;
  private static final int MODES = AuthMode.values().length;
  private static final int CREDENTIALS = Credential.values().length;
  private static final int AUDIENCES = Audience.values().length;
  private static final Reject[] SHARED_AUTH_FAILURES = unauthorizedTable(SHARED_AUTH_FAILED);
  private static final Reject[] AUTH_GATE_FAILURES = unauthorizedTable(AUTH_GATE);

  /** Creates the policy; it holds no state, so one instance serves any number of threads. */
  public IfElseChain() {}

  /**
   * Decides as the profile {@code openclaw-2026.3.13} does.
   *
   * @param context the facts of the connection attempt
   * @return the profile's decision, never null
   */
  @Override
  public Decision evaluate(ConnectContext context) {
    // A null context is refused as the engine refuses it, never with an exception.
    if (context == null) {
      return CONTEXT_MISSING;
    }

    // Role: parseGatewayRole.
    String role = context.role();
    boolean operator = role.equals("operator");
    if (!operator && !role.equals("node")) {
      return INVALID_ROLE;
    }

    // Origin: checkBrowserOrigin, for any Origin header and always for the Control UI and web chat.
    OriginCheck origin = context.origin();
    if (origin == OriginCheck.REJECTED) {
      return ORIGIN_NOT_ALLOWED;
    }
    Client client = context.client();
    boolean controlUi = client.id().equals(Client.CONTROL_UI);
    boolean webchat = client.mode().equals("webchat") || client.id().equals(Client.WEBCHAT_UI);
    boolean hasOrigin = origin != OriginCheck.ABSENT;
    if (!hasOrigin && (controlUi || webchat)) {
      return ORIGIN_MISSING;
    }

    // Control UI policy: dangerouslyDisableDeviceAuth ignores a Control UI's device (allowBypass).
    ControlUiConfig flags = context.controlUi();
    boolean allowBypass = controlUi && flags.dangerouslyDisableDeviceAuth();
    boolean hasDevice = !allowBypass && context.device() != DeviceProof.ABSENT;
    AuthFacts auth = context.auth();
    boolean trustedProxyControlUiOperator =
        controlUi
            && operator
            && auth.mode() == AuthMode.TRUSTED_PROXY
            && auth.ok()
            && auth.method() == AuthMethod.TRUSTED_PROXY;

    if (!hasDevice) {
      // Missing-device gate: evaluateMissingDeviceIdentity. Scope clearing: a device-less
      // connection loses its declared scopes unless it is a Control UI the gate admitted
      // (`!device && (!isControlUi || decision.kind !== "allow")`), so `admitted` says both who
      // admitted it and whether its scopes were cleared.
      Accept admitted;
      if (trustedProxyControlUiOperator) {
        admitted = TRUSTED_PROXY;
      } else if (allowBypass && operator) {
        admitted = BYPASS;
      } else if (controlUi && !allowBypass && !(flags.allowInsecureAuth() && context.local())) {
        return CONTROL_UI_DEVICE_REQUIRED;
      } else if (operator && auth.sharedAuthOk()) {
        // Never under the bypass: a Control UI operator was admitted by it above.
        // A Control UI reaches this only under allowInsecureAuth on loopback.
        admitted = controlUi ? SHARED_AUTH_CONTROL_UI : SHARED_AUTH_CLEARED;
      } else if (!auth.ok() && auth.provided().isSharedSecret()) {
        return unauthorized(SHARED_AUTH_FAILURES, context, controlUi || webchat, false);
      } else {
        return DEVICE_REQUIRED;
      }
      // Auth gate.
      if (!auth.ok()) {
        return unauthorized(AUTH_GATE_FAILURES, context, controlUi || webchat, false);
      }
      // Without a device there is nothing to pair.
      return admitted.scopesCleared() ? admitted : withDeclaredScopes(admitted, context);
    }

    // The device's scopes stand: pairing checks them. Device proof.
    DeviceProof proof = context.device();
    if (proof != DeviceProof.VERIFIED) {
      return proofFailure(proof);
    }

    // Auth gate.
    if (!auth.ok()) {
      return unauthorized(AUTH_GATE_FAILURES, context, controlUi || webchat, true);
    }

    // Pairing: shouldSkipBackendSelfPairing, then shouldSkipControlUiPairing, each waiving every
    // pairing check; then the pairing record, with silent approval of a local requirement.
    if (client.id().equals(Client.GATEWAY_CLIENT)
        && client.mode().equals("backend")
        && !hasOrigin
        && context.local()
        && auth.sharedAuthOk()
        && auth.method().isSharedSecret()) {
      return withDeclaredScopes(operator ? BACKEND_OPERATOR : BACKEND_NODE, context);
    }
    if (trustedProxyControlUiOperator) {
      return withDeclaredScopes(TRUSTED_PROXY_PAIRING_SKIPPED, context);
    }
    PairingState pairing = context.pairing();
    if (pairing == PairingState.PAIRED) {
      return withDeclaredScopes(operator ? PAIRED_OPERATOR : PAIRED_NODE, context);
    }
    if (context.local()
        && (!hasOrigin || controlUi || webchat)
        && (pairing == PairingState.NOT_PAIRED || pairing == PairingState.SCOPE_UPGRADE)) {
      return withDeclaredScopes(operator ? SILENT_OPERATOR : SILENT_NODE, context);
    }
    return switch (pairing) {
      case NOT_PAIRED -> PAIRING_REQUIRED_NOT_PAIRED;
      case ROLE_UPGRADE -> PAIRING_REQUIRED_ROLE_UPGRADE;
      case SCOPE_UPGRADE -> PAIRING_REQUIRED_SCOPE_UPGRADE;
      case METADATA_UPGRADE -> PAIRING_REQUIRED_METADATA_UPGRADE;
      case PAIRED -> throw new AssertionError("a paired device is admitted above");
    };
  }

  /** The shared acceptance, or a copy with the client's declared scopes if it declared any. */
  private static Accept withDeclaredScopes(Accept scopeless, ConnectContext context) {
    List<String> scopes = context.scopes();
    if (scopes.isEmpty()) {
      return scopeless;
    }
    return new Accept(scopeless.role(), scopes, false, scopeless.pairing(), scopeless.decidedBy());
  }

  private static Reject proofFailure(DeviceProof proof) {
    return switch (proof) {
      case ID_MISMATCH -> DEVICE_ID_MISMATCH;
      case SIGNATURE_STALE -> DEVICE_SIGNATURE_STALE;
      case NONCE_MISSING -> DEVICE_NONCE_MISSING;
      case NONCE_MISMATCH -> DEVICE_NONCE_MISMATCH;
      case SIGNATURE_INVALID -> DEVICE_SIGNATURE_INVALID;
      case PUBLIC_KEY_INVALID -> DEVICE_PUBLIC_KEY_INVALID;
      case ABSENT, VERIFIED -> throw new AssertionError("`" + proof.wire() + "` did not fail");
    };
  }

  /** The rejection of a failed authentication, from the table of the rejecting rule. */
  private static Reject unauthorized(
      Reject[] table, ConnectContext context, boolean dashboard, boolean hasDevice) {
    AuthFacts auth = context.auth();
    Audience audience =
        context.client().mode().equals("cli")
            ? Audience.CLI
            : dashboard ? Audience.DASHBOARD : Audience.OTHER;
    String reason = auth.reason();
    int listed = reason == null ? GENERIC_REASON : reasonIndex(reason);
    if (listed >= 0) {
      return table[index(listed, auth.mode(), auth.provided(), audience, hasDevice)];
    }
    // A reason of no table reads like "unauthorized" but must carry its own string.
    Reject like = table[index(GENERIC_REASON, auth.mode(), auth.provided(), audience, hasDevice)];
    return new Reject(
        like.code(),
        reason,
        like.message(),
        like.close(),
        like.decidedBy(),
        like.authAdvice(),
        null);
  }

  /** The position of a reason in {@link #REASONS}, or -1. */
  private static int reasonIndex(String reason) {
    switch (reason) {
      case "token_missing":
        return 0;
      case "token_mismatch":
        return 1;
      case "token_missing_config":
        return 2;
      case "password_missing":
        return 3;
      case "password_mismatch":
        return 4;
      case "password_missing_config":
        return 5;
      case "bootstrap_token_invalid":
        return 6;
      case "tailscale_user_missing":
        return 7;
      case "tailscale_proxy_missing":
        return 8;
      case "tailscale_whois_failed":
        return 9;
      case "tailscale_user_mismatch":
        return 10;
      case "rate_limited":
        return 11;
      case "device_token_mismatch":
        return 12;
      case "device_token_scope_mismatch":
        return 13;
      case "trusted_proxy_config_missing":
        return 14;
      case "trusted_proxy_no_proxies_configured":
        return 15;
      case "trusted_proxy_untrusted_source":
        return 16;
      case "trusted_proxy_loopback_source":
        return 17;
      case "trusted_proxy_local_interface_source":
        return 18;
      case "trusted_proxy_user_missing":
        return 19;
      case "trusted_proxy_user_not_allowed":
        return 20;
      case "unauthorized":
        return 21;
      default:
        return -1;
    }
  }

  private static int index(
      int reason, AuthMode mode, Credential provided, Audience audience, boolean hasDevice) {
    int index = reason;
    index = index * MODES + mode.ordinal();
    index = index * CREDENTIALS + provided.ordinal();
    index = index * AUDIENCES + audience.ordinal();
    return index * 2 + (hasDevice ? 1 : 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Building the constants (class initialisation only)

  private static Reject deviceProofReject(RejectCode code, DeviceProof proof, String message) {
    return Reject.of(code, proof.wire(), message, DEVICE_PROOF);
  }

  private static Reject pairingRequired(PairingState state) {
    return Reject.of(
        RejectCode.PAIRING_REQUIRED, state.wire(), "pairing required", PAIRING_REQUIRED);
  }

  private static Accept scopeless(
      Role role, boolean cleared, PairingAction pairing, String decidedBy) {
    return new Accept(role, List.of(), cleared, pairing, decidedBy);
  }

  private static Reject[] unauthorizedTable(String decidedBy) {
    Reject[] table = new Reject[REASONS.length * MODES * CREDENTIALS * AUDIENCES * 2];
    Map<Reject, Reject> distinct = new HashMap<>();
    for (int reason = 0; reason < REASONS.length; reason++) {
      if (reasonIndex(REASONS[reason]) != reason) {
        throw new AssertionError("reason `" + REASONS[reason] + "` is out of place");
      }
      for (AuthMode mode : AuthMode.values()) {
        for (Credential provided : Credential.values()) {
          for (Audience audience : Audience.values()) {
            for (boolean hasDevice : new boolean[] {false, true}) {
              Reject reject =
                  authFailure(REASONS[reason], mode, provided, audience, hasDevice, decidedBy);
              Reject shared = distinct.putIfAbsent(reject, reject);
              table[index(reason, mode, provided, audience, hasDevice)] =
                  shared == null ? reject : shared;
            }
          }
        }
      }
    }
    return table;
  }

  private static Reject authFailure(
      String reason,
      AuthMode mode,
      Credential provided,
      Audience audience,
      boolean hasDevice,
      String decidedBy) {
    String message = message(mode, provided, reason, audience);
    boolean canRetry = reason.equals("token_mismatch") && hasDevice && provided == Credential.TOKEN;
    return new Reject(
        code(reason),
        reason,
        message,
        Close.of(Close.POLICY_VIOLATION, message),
        decidedBy,
        new AuthAdvice(canRetry, canRetry ? NextStep.RETRY_WITH_DEVICE_TOKEN : nextStep(reason)),
        null);
  }

  private static RejectCode code(String reason) {
    switch (reason) {
      case "token_missing":
        return RejectCode.AUTH_TOKEN_MISSING;
      case "token_mismatch":
        return RejectCode.AUTH_TOKEN_MISMATCH;
      case "token_missing_config":
        return RejectCode.AUTH_TOKEN_NOT_CONFIGURED;
      case "password_missing":
        return RejectCode.AUTH_PASSWORD_MISSING;
      case "password_mismatch":
        return RejectCode.AUTH_PASSWORD_MISMATCH;
      case "password_missing_config":
        return RejectCode.AUTH_PASSWORD_NOT_CONFIGURED;
      case "bootstrap_token_invalid":
        return RejectCode.AUTH_BOOTSTRAP_TOKEN_INVALID;
      case "tailscale_user_missing":
        return RejectCode.AUTH_TAILSCALE_IDENTITY_MISSING;
      case "tailscale_proxy_missing":
        return RejectCode.AUTH_TAILSCALE_PROXY_MISSING;
      case "tailscale_whois_failed":
        return RejectCode.AUTH_TAILSCALE_WHOIS_FAILED;
      case "tailscale_user_mismatch":
        return RejectCode.AUTH_TAILSCALE_IDENTITY_MISMATCH;
      case "rate_limited":
        return RejectCode.AUTH_RATE_LIMITED;
      case "device_token_mismatch":
        return RejectCode.AUTH_DEVICE_TOKEN_MISMATCH;
      case "device_token_scope_mismatch":
        return RejectCode.AUTH_DEVICE_TOKEN_SCOPE_MISMATCH;
      default:
        return RejectCode.AUTH_UNAUTHORIZED;
    }
  }

  private static NextStep nextStep(String reason) {
    switch (reason) {
      case "token_missing":
      case "token_missing_config":
      case "password_missing":
      case "password_missing_config":
        return NextStep.UPDATE_AUTH_CONFIGURATION;
      case "token_mismatch":
      case "password_mismatch":
      case "device_token_mismatch":
        return NextStep.UPDATE_AUTH_CREDENTIALS;
      case "rate_limited":
        return NextStep.WAIT_THEN_RETRY;
      default:
        return NextStep.REVIEW_AUTH_CONFIGURATION;
    }
  }

  private static String message(
      AuthMode mode, Credential provided, String reason, Audience audience) {
    String tokenHint;
    String passwordHint;
    switch (audience) {
      case CLI:
        tokenHint = "set gateway.remote.token to match gateway.auth.token";
        passwordHint = "set gateway.remote.password to match gateway.auth.password";
        break;
      case DASHBOARD:
        tokenHint = "open the dashboard URL and paste the token in Control UI settings";
        passwordHint = "enter the password in Control UI settings";
        break;
      default:
        tokenHint = "provide gateway auth token";
        passwordHint = "provide gateway auth password";
        break;
    }
    String tokenMissing = "unauthorized: gateway token missing (" + tokenHint + ")";
    String passwordMissing = "unauthorized: gateway password missing (" + passwordHint + ")";
    String bootstrapInvalid =
        "unauthorized: bootstrap token invalid or expired (scan a fresh setup code)";
    switch (reason) {
      case "token_missing":
        return tokenMissing;
      case "token_mismatch":
        return "unauthorized: gateway token mismatch (" + tokenHint + ")";
      case "token_missing_config":
        return "unauthorized: gateway token not configured on gateway (set gateway.auth.token)";
      case "password_missing":
        return passwordMissing;
      case "password_mismatch":
        return "unauthorized: gateway password mismatch (" + passwordHint + ")";
      case "password_missing_config":
        return "unauthorized: gateway password not configured on gateway"
            + " (set gateway.auth.password)";
      case "bootstrap_token_invalid":
        return bootstrapInvalid;
      case "tailscale_user_missing":
        return "unauthorized: tailscale identity missing"
            + " (use Tailscale Serve auth or gateway token/password)";
      case "tailscale_proxy_missing":
        return "unauthorized: tailscale proxy headers missing"
            + " (use Tailscale Serve or gateway token/password)";
      case "tailscale_whois_failed":
        return "unauthorized: tailscale identity check failed"
            + " (use Tailscale Serve auth or gateway token/password)";
      case "tailscale_user_mismatch":
        return "unauthorized: tailscale identity mismatch"
            + " (use Tailscale Serve auth or gateway token/password)";
      case "rate_limited":
        return "unauthorized: too many failed authentication attempts (retry later)";
      case "device_token_mismatch":
        return "unauthorized: device token mismatch (rotate/reissue device token)";
      default:
        break;
    }
    if (mode == AuthMode.TOKEN && provided == Credential.NONE) {
      return tokenMissing;
    }
    if (mode == AuthMode.TOKEN && provided == Credential.DEVICE_TOKEN) {
      return "unauthorized: device token rejected (pair/repair this device, or provide gateway"
          + " token)";
    }
    if (provided == Credential.BOOTSTRAP_TOKEN) {
      return bootstrapInvalid;
    }
    if (mode == AuthMode.PASSWORD && provided == Credential.NONE) {
      return passwordMissing;
    }
    return "unauthorized";
  }
}

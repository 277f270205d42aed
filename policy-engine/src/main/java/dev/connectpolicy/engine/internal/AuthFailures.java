package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthFailure;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Verdict;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenClaw's rejection of a failed authentication: the detail code of the reason, the message with
 * its client-specific hint, and the retry advice (reference section 3, O11).
 */
public final class AuthFailures {

  private AuthFailures() {}

  /**
   * Which hint a message carries, from the client's declared identity and, in 2026.9, whether the
   * connection is direct-local ({@code formatGatewayAuthFailureMessage}).
   */
  public enum Audience {
    /** A client in CLI mode (2026.9: not direct-local): point at {@code gateway.remote.*}. */
    CLI,
    /** The Control UI or web chat (before 2026.9): point at the dashboard settings. */
    DASHBOARD,
    /** Anyone else. */
    OTHER,
    /**
     * 2026.9: a client in CLI mode on a direct-local connection: point at this gateway's own {@code
     * gateway.auth.*}, or at pairing the device.
     */
    LOCAL_CLI,
    /**
     * 2026.9: an operator UI (browser Control UI, terminal UI) or web chat, not in CLI mode: the
     * dashboard settings; a missing token also points at {@code openclaw doctor}.
     */
    OPERATOR_UI,
    /**
     * 2026.9: a client in CLI mode claiming an operator UI or web chat, direct-local: the hints of
     * {@link #LOCAL_CLI}, except a missing token, which gets {@link #OPERATOR_UI}'s.
     */
    LOCAL_CLI_OPERATOR_UI,
    /**
     * 2026.9: a client in CLI mode claiming an operator UI or web chat, not direct-local: the hints
     * of {@link #CLI}, except a missing token, which gets {@link #OPERATOR_UI}'s.
     */
    REMOTE_CLI_OPERATOR_UI
  }

  /** 2026.9's hint of a missing token for an operator UI or web chat. */
  private static final String MISSING_UI_TOKEN_HINT =
      "paste in Control UI settings or openclaw doctor --generate-gateway-token; restart";

  /**
   * Builds the rejection for failed authentication.
   *
   * @param auth the failed authentication facts
   * @param audience which hint the message carries
   * @param hasDevice whether the connection presents a device identity
   * @param decidedBy the id of the rejecting rule
   * @return the rejection
   */
  public static Reject reject(
      AuthFacts auth, Audience audience, boolean hasDevice, String decidedBy) {
    return reject(auth.mode(), auth.provided(), reason(auth), audience, hasDevice, decidedBy);
  }

  private static String reason(AuthFacts auth) {
    String reason = auth.reason();
    return reason == null ? AuthFailure.UNAUTHORIZED.wire() : reason;
  }

  private static Reject reject(
      AuthMode mode,
      Credential provided,
      String reason,
      Audience audience,
      boolean hasDevice,
      String decidedBy) {
    String message = message(mode, provided, reason, audience);
    return new Reject(
        code(reason),
        reason,
        message,
        Close.of(Close.POLICY_VIOLATION, message),
        decidedBy,
        advice(reason, hasDevice, provided),
        null);
  }

  /**
   * The rejections of one rule for every failure reason OpenClaw names, built once: refusing a
   * failed authentication then allocates nothing. A reason outside OpenClaw's list is answered by
   * building its rejection, equal to what {@link #reject} returns. Rules with the same id share one
   * instance ({@link #of}).
   */
  public static final class Rejections {
    private static final AuthMode[] MODES = AuthMode.values();
    private static final Credential[] CREDENTIALS = Credential.values();
    private static final Audience[] AUDIENCES = Audience.values();
    private static final Map<String, Rejections> BY_RULE = new ConcurrentHashMap<>();

    private final String decidedBy;
    private final Map<AuthFailure, Verdict[]> byReason = new EnumMap<>(AuthFailure.class);

    /**
     * Builds every rejection of a rule anew; rules share one instance through {@link #of}.
     *
     * @param decidedBy the id of the rejecting rule
     */
    public Rejections(String decidedBy) {
      this.decidedBy = decidedBy;
      for (AuthFailure failure : AuthFailure.values()) {
        String reason = failure.wire();
        Verdict[] verdicts = new Verdict[MODES.length * CREDENTIALS.length * AUDIENCES.length * 2];
        for (AuthMode mode : MODES) {
          for (Credential provided : CREDENTIALS) {
            for (Audience audience : AUDIENCES) {
              for (int device = 0; device < 2; device++) {
                verdicts[index(mode, provided, audience, device == 1)] =
                    Verdict.reject(
                        reject(mode, provided, reason, audience, device == 1, decidedBy));
              }
            }
          }
        }
        byReason.put(failure, verdicts);
      }
    }

    /**
     * Returns the rejections of a rule, built on first use.
     *
     * @param decidedBy the id of the rejecting rule
     * @return the shared rejections
     */
    public static Rejections of(String decidedBy) {
      return BY_RULE.computeIfAbsent(decidedBy, Rejections::new);
    }

    private static int index(
        AuthMode mode, Credential provided, Audience audience, boolean hasDevice) {
      return ((mode.ordinal() * CREDENTIALS.length + provided.ordinal()) * AUDIENCES.length
                  + audience.ordinal())
              * 2
          + (hasDevice ? 1 : 0);
    }

    /**
     * Returns the rejection of a failed authentication.
     *
     * @param auth the failed authentication facts
     * @param audience which hint the message carries
     * @param hasDevice whether the connection presents a device identity
     * @return the reject verdict, equal to one wrapping {@link #reject}
     */
    public Verdict verdict(AuthFacts auth, Audience audience, boolean hasDevice) {
      Optional<AuthFailure> failure = AuthFailure.parse(reason(auth));
      if (failure.isEmpty()) {
        return Verdict.reject(reject(auth, audience, hasDevice, decidedBy));
      }
      return byReason.get(failure.get())[index(auth.mode(), auth.provided(), audience, hasDevice)];
    }
  }

  /**
   * Maps an authentication failure reason to its detail code ({@link AuthFailure#code()}).
   *
   * @param reason OpenClaw's failure reason
   * @return the code; {@code AUTH_UNAUTHORIZED} for reasons without their own
   */
  public static RejectCode code(String reason) {
    return failure(reason).code();
  }

  /** The failure of a reason; a reason that is not one of OpenClaw's is just unauthorized. */
  private static AuthFailure failure(String reason) {
    return AuthFailure.parse(reason).orElse(AuthFailure.UNAUTHORIZED);
  }

  /**
   * OpenClaw's {@code formatGatewayAuthFailureMessage}.
   *
   * @param mode the configured mode
   * @param provided the credential sent
   * @param reason the failure reason
   * @param audience which hint to give
   * @return the message
   */
  public static String message(
      AuthMode mode, Credential provided, String reason, Audience audience) {
    String tokenHint =
        switch (audience) {
          case CLI, REMOTE_CLI_OPERATOR_UI ->
              "set gateway.remote.token to match gateway.auth.token";
          case LOCAL_CLI, LOCAL_CLI_OPERATOR_UI ->
              "use this gateway's gateway.auth.token or pair the device";
          case DASHBOARD, OPERATOR_UI ->
              "open the dashboard URL and paste the token in Control UI settings";
          case OTHER -> "provide gateway auth token";
        };
    String passwordHint =
        switch (audience) {
          case CLI, REMOTE_CLI_OPERATOR_UI ->
              "set gateway.remote.password to match gateway.auth.password";
          case LOCAL_CLI, LOCAL_CLI_OPERATOR_UI -> "use this gateway's gateway.auth.password";
          case DASHBOARD, OPERATOR_UI -> "enter the password in Control UI settings";
          case OTHER -> "provide gateway auth password";
        };
    String tokenMissing = "unauthorized: gateway token missing (" + tokenHint + ")";
    String tokenMissingReason =
        switch (audience) {
          case OPERATOR_UI, LOCAL_CLI_OPERATOR_UI, REMOTE_CLI_OPERATOR_UI ->
              "unauthorized: gateway token missing (" + MISSING_UI_TOKEN_HINT + ")";
          default -> tokenMissing;
        };
    String passwordMissing = "unauthorized: gateway password missing (" + passwordHint + ")";
    String bootstrapInvalid =
        "unauthorized: bootstrap token invalid or expired (scan a fresh setup code)";
    switch (failure(reason)) {
      case TOKEN_MISSING:
        return tokenMissingReason;
      case TOKEN_MISMATCH:
        return "unauthorized: gateway token mismatch (" + tokenHint + ")";
      case TOKEN_MISSING_CONFIG:
        return "unauthorized: gateway token not configured on gateway (set gateway.auth.token)";
      case PASSWORD_MISSING:
        return passwordMissing;
      case PASSWORD_MISMATCH:
        return "unauthorized: gateway password mismatch (" + passwordHint + ")";
      case PASSWORD_MISSING_CONFIG:
        return "unauthorized: gateway password not configured on gateway"
            + " (set gateway.auth.password)";
      case BOOTSTRAP_TOKEN_INVALID:
        return bootstrapInvalid;
      case TAILSCALE_USER_MISSING:
        return "unauthorized: tailscale identity missing"
            + " (use Tailscale Serve auth or gateway token/password)";
      case TAILSCALE_PROXY_MISSING:
        return "unauthorized: tailscale proxy headers missing"
            + " (use Tailscale Serve or gateway token/password)";
      case TAILSCALE_WHOIS_FAILED:
        return "unauthorized: tailscale identity check failed"
            + " (use Tailscale Serve auth or gateway token/password)";
      case TAILSCALE_USER_MISMATCH:
        return "unauthorized: tailscale identity mismatch"
            + " (use Tailscale Serve auth or gateway token/password)";
      case RATE_LIMITED:
        return "unauthorized: too many failed authentication attempts (retry later)";
      case DEVICE_TOKEN_MISMATCH:
        return "unauthorized: device token mismatch (rotate/reissue device token)";
      case SCOPE_MISMATCH: // 2026.5.28 message-handler-Di7dZOOw.js
        return "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)";
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

  /**
   * OpenClaw's unauthorized handshake details: may the client retry with its device token, and what
   * should it do next.
   *
   * @param reason the failure reason
   * @param hasDevice whether a device identity was presented
   * @param provided the credential sent; {@code token} means no explicit device token was sent
   * @return the advice
   */
  public static AuthAdvice advice(String reason, boolean hasDevice, Credential provided) {
    AuthFailure failure = failure(reason);
    boolean canRetry =
        failure == AuthFailure.TOKEN_MISMATCH && hasDevice && provided == Credential.TOKEN;
    return new AuthAdvice(
        canRetry, canRetry ? NextStep.RETRY_WITH_DEVICE_TOKEN : failure.nextStep());
  }
}

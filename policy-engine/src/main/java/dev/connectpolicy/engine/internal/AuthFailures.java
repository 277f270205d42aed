package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenClaw's rejection of a failed authentication: the detail code of the reason, the message with
 * its client-specific hint, and the retry advice (reference section 3, O11).
 */
public final class AuthFailures {

  private static final String UNAUTHORIZED = "unauthorized";

  /** The failure reasons of OpenClaw's {@code authorizeGatewayConnect} (reference section 1.6). */
  private static final List<String> KNOWN_REASONS =
      List.of(
          UNAUTHORIZED,
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
          "trusted_proxy_local_interface_source",
          "trusted_proxy_loopback_source",
          "trusted_proxy_no_proxies_configured",
          "trusted_proxy_untrusted_source",
          "trusted_proxy_user_missing",
          "trusted_proxy_user_not_allowed");

  private AuthFailures() {}

  /** Which hint a message carries, from the client's declared identity. */
  public enum Audience {
    /** A client in CLI mode: point at {@code gateway.remote.*}. */
    CLI,
    /** The Control UI or web chat: point at the dashboard settings. */
    DASHBOARD,
    /** Anyone else. */
    OTHER
  }

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
    return reason == null ? UNAUTHORIZED : reason;
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
    private final Map<String, Verdict[]> byReason = new HashMap<>();

    /**
     * Builds every rejection of a rule anew; rules share one instance through {@link #of}.
     *
     * @param decidedBy the id of the rejecting rule
     */
    public Rejections(String decidedBy) {
      this.decidedBy = decidedBy;
      for (String reason : KNOWN_REASONS) {
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
        byReason.put(reason, verdicts);
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
      Verdict[] known = byReason.get(reason(auth));
      if (known == null) {
        return Verdict.reject(reject(auth, audience, hasDevice, decidedBy));
      }
      return known[index(auth.mode(), auth.provided(), audience, hasDevice)];
    }
  }

  /**
   * Maps an authentication failure reason to its detail code.
   *
   * @param reason OpenClaw's failure reason
   * @return the code; {@code AUTH_UNAUTHORIZED} for reasons without their own
   */
  public static RejectCode code(String reason) {
    return switch (reason) {
      case "token_missing" -> RejectCode.AUTH_TOKEN_MISSING;
      case "token_mismatch" -> RejectCode.AUTH_TOKEN_MISMATCH;
      case "token_missing_config" -> RejectCode.AUTH_TOKEN_NOT_CONFIGURED;
      case "password_missing" -> RejectCode.AUTH_PASSWORD_MISSING;
      case "password_mismatch" -> RejectCode.AUTH_PASSWORD_MISMATCH;
      case "password_missing_config" -> RejectCode.AUTH_PASSWORD_NOT_CONFIGURED;
      case "bootstrap_token_invalid" -> RejectCode.AUTH_BOOTSTRAP_TOKEN_INVALID;
      case "tailscale_user_missing" -> RejectCode.AUTH_TAILSCALE_IDENTITY_MISSING;
      case "tailscale_proxy_missing" -> RejectCode.AUTH_TAILSCALE_PROXY_MISSING;
      case "tailscale_whois_failed" -> RejectCode.AUTH_TAILSCALE_WHOIS_FAILED;
      case "tailscale_user_mismatch" -> RejectCode.AUTH_TAILSCALE_IDENTITY_MISMATCH;
      case "rate_limited" -> RejectCode.AUTH_RATE_LIMITED;
      case "device_token_mismatch" -> RejectCode.AUTH_DEVICE_TOKEN_MISMATCH;
      case "device_token_scope_mismatch" -> RejectCode.AUTH_DEVICE_TOKEN_SCOPE_MISMATCH;
      default -> RejectCode.AUTH_UNAUTHORIZED;
    };
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
          case CLI -> "set gateway.remote.token to match gateway.auth.token";
          case DASHBOARD -> "open the dashboard URL and paste the token in Control UI settings";
          case OTHER -> "provide gateway auth token";
        };
    String passwordHint =
        switch (audience) {
          case CLI -> "set gateway.remote.password to match gateway.auth.password";
          case DASHBOARD -> "enter the password in Control UI settings";
          case OTHER -> "provide gateway auth password";
        };
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
    boolean canRetry = reason.equals("token_mismatch") && hasDevice && provided == Credential.TOKEN;
    NextStep next;
    if (canRetry) {
      next = NextStep.RETRY_WITH_DEVICE_TOKEN;
    } else {
      next =
          switch (reason) {
            case "token_missing",
                "token_missing_config",
                "password_missing",
                "password_missing_config" ->
                NextStep.UPDATE_AUTH_CONFIGURATION;
            case "token_mismatch", "password_mismatch", "device_token_mismatch" ->
                NextStep.UPDATE_AUTH_CREDENTIALS;
            case "rate_limited" -> NextStep.WAIT_THEN_RETRY;
            default -> NextStep.REVIEW_AUTH_CONFIGURATION;
          };
    }
    return new AuthAdvice(canRetry, next);
  }
}

package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;

/**
 * OpenClaw's rejection of a failed authentication: the detail code of the reason, the message with
 * its client-specific hint, and the retry advice (reference section 3, O11).
 */
public final class AuthFailures {

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
    String reason = auth.reason() == null ? "unauthorized" : auth.reason();
    String message = message(auth.mode(), auth.provided(), reason, audience);
    return new Reject(
        code(reason),
        reason,
        message,
        Close.of(Close.POLICY_VIOLATION, message),
        decidedBy,
        advice(reason, hasDevice, auth.provided()),
        null);
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

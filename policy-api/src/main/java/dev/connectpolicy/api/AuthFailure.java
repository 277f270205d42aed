package dev.connectpolicy.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The failure reasons of OpenClaw's {@code authorizeGatewayConnect} (reference section 1.6), each
 * with its detail code, the next step it recommends and whether it can only arise for a client that
 * presents a device identity. The wire string is the {@code auth.reason} of the facts.
 *
 * <p>{@link AuthFacts#reason()} stays a string, as on the wire: a reason that is not one of these
 * (another gateway's, or one a later OpenClaw adds) is still a failure, refused with {@code
 * AUTH_UNAUTHORIZED} and the advice to review the configuration, exactly like {@link
 * #UNAUTHORIZED}; {@link #parse} tells the two apart.
 */
public enum AuthFailure implements WireValue {
  /** No more specific reason. */
  UNAUTHORIZED("unauthorized", RejectCode.AUTH_UNAUTHORIZED, NextStep.REVIEW_AUTH_CONFIGURATION),
  /** Token mode, no token sent. */
  TOKEN_MISSING("token_missing", RejectCode.AUTH_TOKEN_MISSING, NextStep.UPDATE_AUTH_CONFIGURATION),
  /** Token mode, the wrong token. */
  TOKEN_MISMATCH(
      "token_mismatch", RejectCode.AUTH_TOKEN_MISMATCH, NextStep.UPDATE_AUTH_CREDENTIALS),
  /** Token mode without a configured token. */
  TOKEN_MISSING_CONFIG(
      "token_missing_config",
      RejectCode.AUTH_TOKEN_NOT_CONFIGURED,
      NextStep.UPDATE_AUTH_CONFIGURATION),
  /** Password mode, no password sent. */
  PASSWORD_MISSING(
      "password_missing", RejectCode.AUTH_PASSWORD_MISSING, NextStep.UPDATE_AUTH_CONFIGURATION),
  /** Password mode, the wrong password. */
  PASSWORD_MISMATCH(
      "password_mismatch", RejectCode.AUTH_PASSWORD_MISMATCH, NextStep.UPDATE_AUTH_CREDENTIALS),
  /** Password mode without a configured password. */
  PASSWORD_MISSING_CONFIG(
      "password_missing_config",
      RejectCode.AUTH_PASSWORD_NOT_CONFIGURED,
      NextStep.UPDATE_AUTH_CONFIGURATION),
  /** A bootstrap token that is unknown or expired; only checked with a device identity. */
  BOOTSTRAP_TOKEN_INVALID(
      "bootstrap_token_invalid",
      RejectCode.AUTH_BOOTSTRAP_TOKEN_INVALID,
      NextStep.REVIEW_AUTH_CONFIGURATION,
      true),
  /** Tailscale Serve sent no user. */
  TAILSCALE_USER_MISSING(
      "tailscale_user_missing",
      RejectCode.AUTH_TAILSCALE_IDENTITY_MISSING,
      NextStep.REVIEW_AUTH_CONFIGURATION),
  /** No Tailscale proxy headers. */
  TAILSCALE_PROXY_MISSING(
      "tailscale_proxy_missing",
      RejectCode.AUTH_TAILSCALE_PROXY_MISSING,
      NextStep.REVIEW_AUTH_CONFIGURATION),
  /** The Tailscale identity lookup failed. */
  TAILSCALE_WHOIS_FAILED(
      "tailscale_whois_failed",
      RejectCode.AUTH_TAILSCALE_WHOIS_FAILED,
      NextStep.REVIEW_AUTH_CONFIGURATION),
  /** The Tailscale identity does not match the headers. */
  TAILSCALE_USER_MISMATCH(
      "tailscale_user_mismatch",
      RejectCode.AUTH_TAILSCALE_IDENTITY_MISMATCH,
      NextStep.REVIEW_AUTH_CONFIGURATION),
  /** Too many failed attempts. */
  RATE_LIMITED("rate_limited", RejectCode.AUTH_RATE_LIMITED, NextStep.WAIT_THEN_RETRY),
  /** A device token that does not match; only checked with a device identity. */
  DEVICE_TOKEN_MISMATCH(
      "device_token_mismatch",
      RejectCode.AUTH_DEVICE_TOKEN_MISMATCH,
      NextStep.UPDATE_AUTH_CREDENTIALS,
      true),
  /** A device token without the scopes asked for; only checked with a device identity. */
  DEVICE_TOKEN_SCOPE_MISMATCH(
      "device_token_scope_mismatch",
      RejectCode.AUTH_DEVICE_TOKEN_SCOPE_MISMATCH,
      NextStep.REVIEW_AUTH_CONFIGURATION,
      true),
  /**
   * A device token that matches but does not cover the requested scopes or the approved baseline:
   * OpenClaw 2026.5 and later ({@code mapDeviceTokenAuthFailureReason}); only checked with a device
   * identity.
   */
  SCOPE_MISMATCH(
      "scope_mismatch", RejectCode.AUTH_SCOPE_MISMATCH, NextStep.REVIEW_AUTH_CONFIGURATION, true),
  /** Trusted-proxy mode without its configuration. */
  TRUSTED_PROXY_CONFIG_MISSING("trusted_proxy_config_missing"),
  /** Trusted-proxy mode, a request from a local interface's address. */
  TRUSTED_PROXY_LOCAL_INTERFACE_SOURCE("trusted_proxy_local_interface_source"),
  /** Trusted-proxy mode, a request from loopback. */
  TRUSTED_PROXY_LOOPBACK_SOURCE("trusted_proxy_loopback_source"),
  /** Trusted-proxy mode without any trusted proxy. */
  TRUSTED_PROXY_NO_PROXIES_CONFIGURED("trusted_proxy_no_proxies_configured"),
  /** Trusted-proxy mode, a request from an address that is not a trusted proxy. */
  TRUSTED_PROXY_UNTRUSTED_SOURCE("trusted_proxy_untrusted_source"),
  /** Trusted-proxy mode, the proxy named no user. */
  TRUSTED_PROXY_USER_MISSING("trusted_proxy_user_missing"),
  /** Trusted-proxy mode, the user named is not allowed. */
  TRUSTED_PROXY_USER_NOT_ALLOWED("trusted_proxy_user_not_allowed");

  private static final Map<String, Optional<AuthFailure>> BY_WIRE = new HashMap<>();

  static {
    for (AuthFailure failure : values()) {
      BY_WIRE.put(failure.wire, Optional.of(failure));
    }
  }

  private final String wire;
  private final RejectCode code;
  private final NextStep nextStep;
  private final boolean needsDevice;

  AuthFailure(String wire) {
    this(wire, RejectCode.AUTH_UNAUTHORIZED, NextStep.REVIEW_AUTH_CONFIGURATION);
  }

  AuthFailure(String wire, RejectCode code, NextStep nextStep) {
    this(wire, code, nextStep, false);
  }

  AuthFailure(String wire, RejectCode code, NextStep nextStep, boolean needsDevice) {
    this.wire = wire;
    this.code = code;
    this.nextStep = nextStep;
    this.needsDevice = needsDevice;
  }

  /**
   * Finds the failure of a wire reason, without allocating.
   *
   * <pre>{@code
   * RejectCode code = AuthFailure.parse(auth.reason()).orElse(AuthFailure.UNAUTHORIZED).code();
   * }</pre>
   *
   * @param wire a reason as the facts carry it
   * @return the failure, or empty for a reason that is not one of OpenClaw's
   */
  public static Optional<AuthFailure> parse(String wire) {
    return BY_WIRE.getOrDefault(wire, Optional.empty());
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Returns the detail code of a rejection for this reason.
   *
   * @return the code; {@code AUTH_UNAUTHORIZED} for reasons without their own
   */
  public RejectCode code() {
    return code;
  }

  /**
   * Returns the next step OpenClaw recommends for this reason, unless the client may retry with its
   * device token (a token mismatch with a device identity and no device token sent).
   *
   * @return the next step
   */
  public NextStep nextStep() {
    return nextStep;
  }

  /**
   * Tells whether the reason can only arise for a client that presents a device identity: device
   * and bootstrap tokens are only checked for one.
   *
   * @return true for the device-token and bootstrap-token reasons
   */
  public boolean needsDevice() {
    return needsDevice;
  }
}

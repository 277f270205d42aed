package dev.connectpolicy.api;

/**
 * The method that produced the authentication result: OpenClaw's seven, then the credential kinds
 * of other gateways, each the method of its own {@link Credential}.
 */
public enum AuthMethod implements WireValue {
  /** Authentication is disabled ({@code auth.mode = none}). */
  NONE("none"),
  /** The shared token. */
  TOKEN("token"),
  /** The shared password. */
  PASSWORD("password"),
  /** Tailscale Serve identity headers, confirmed by whois. */
  TAILSCALE("tailscale"),
  /** A per-device token (explicit, or the shared token checked as a device token). */
  DEVICE_TOKEN("device-token"),
  /** A bootstrap token from a setup code. */
  BOOTSTRAP_TOKEN("bootstrap-token"),
  /** A trusted reverse proxy's identity headers. */
  TRUSTED_PROXY("trusted-proxy"),
  /** A login session's cookie. */
  SESSION_COOKIE("session-cookie"),
  /** An API key. */
  API_KEY("api-key"),
  /** A one-time ticket. */
  TICKET("ticket"),
  /** A bearer JSON Web Token or session token. */
  JWT("jwt");

  private final String wire;

  AuthMethod(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Tells whether this method is a shared secret (token or password).
   *
   * @return true for {@link #TOKEN} and {@link #PASSWORD}
   */
  public boolean isSharedSecret() {
    return this == TOKEN || this == PASSWORD;
  }

  /**
   * Tells whether OpenClaw knows this method: the first seven constants.
   *
   * @return false for the session cookie, API key, ticket and JWT of other gateways
   */
  public boolean isOpenClaw() {
    return ordinal() <= TRUSTED_PROXY.ordinal();
  }
}

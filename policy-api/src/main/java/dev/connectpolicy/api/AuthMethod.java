package dev.connectpolicy.api;

/** The method that produced the authentication result. */
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
  TRUSTED_PROXY("trusted-proxy");

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
}

package dev.connectpolicy.api;

/**
 * The credential the client presented in its connect frame, in OpenClaw's order of precedence
 * (password, token, bootstrap token, device token).
 */
public enum Credential implements WireValue {
  /** No credential. */
  NONE("none"),
  /** The shared gateway token. */
  TOKEN("token"),
  /** The shared gateway password. */
  PASSWORD("password"),
  /** A per-device token issued at an earlier successful connect. */
  DEVICE_TOKEN("device-token"),
  /** A one-time bootstrap token from a setup code. */
  BOOTSTRAP_TOKEN("bootstrap-token");

  private final String wire;

  Credential(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Tells whether this is a shared secret (token or password), OpenClaw's "shared auth".
   *
   * @return true for {@link #TOKEN} and {@link #PASSWORD}
   */
  public boolean isSharedSecret() {
    return this == TOKEN || this == PASSWORD;
  }
}

package dev.connectpolicy.api;

/** The gateway's configured authentication mode ({@code gateway.auth.mode}). */
public enum AuthMode implements WireValue {
  /** No authentication: every connection is authenticated, with method {@code none}. */
  NONE("none"),
  /** A shared token. */
  TOKEN("token"),
  /** A shared password. */
  PASSWORD("password"),
  /** Identity asserted by a trusted reverse proxy in request headers. */
  TRUSTED_PROXY("trusted-proxy");

  private final String wire;

  AuthMode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

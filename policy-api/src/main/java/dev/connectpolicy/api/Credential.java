package dev.connectpolicy.api;

/**
 * The credential the client presented: OpenClaw's five, in its order of precedence (password,
 * token, bootstrap token, device token), then the kinds other gateways use (session cookie, API
 * key, one-time ticket, bearer JWT). Where it was presented is {@link
 * ConnectContext#credentialSource()}.
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
  BOOTSTRAP_TOKEN("bootstrap-token"),
  /** A login session's cookie, sent with the upgrade request (Moltis's {@code moltis_session}). */
  SESSION_COOKIE("session-cookie"),
  /** A long-lived API key (Moltis's {@code mk_} keys, as a Bearer header or in the frame). */
  API_KEY("api-key"),
  /** A short-lived, single-use ticket issued for one connection (SynthOrg's WebSocket ticket). */
  TICKET("ticket"),
  /** A bearer JSON Web Token or session token (Mosaic Stack's handshake token). */
  JWT("jwt");

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

  /**
   * Tells whether OpenClaw knows this credential: the first five constants.
   *
   * @return false for the session cookie, API key, ticket and JWT of other gateways
   */
  public boolean isOpenClaw() {
    return ordinal() <= BOOTSTRAP_TOKEN.ordinal();
  }
}

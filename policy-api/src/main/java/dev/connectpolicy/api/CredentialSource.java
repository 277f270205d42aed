package dev.connectpolicy.api;

/**
 * Where the client presented its credential: in the connect frame (or the first message after the
 * upgrade), or already on the HTTP upgrade request, in a header or the URL's query string.
 *
 * <p>The source decides which phase can see the credential: a credential of the upgrade request is
 * known when the upgrade is decided ({@link UpgradeContext}), one of the connect frame only when
 * the frame arrives. It also lets a policy refuse tokens in URLs, which leak into proxy logs,
 * history and {@code Referer} headers (SynthOrg #343).
 */
public enum CredentialSource implements WireValue {
  /**
   * The connect frame, or the first message after the upgrade (OpenClaw's connect params, Moltis's
   * connect frame, SynthOrg's auth message, Socket.IO's handshake {@code auth} payload); the
   * default, and the only source of OpenClaw's credentials.
   */
  CONNECT("connect"),
  /** A header of the HTTP upgrade request: {@code Cookie} or {@code Authorization: Bearer}. */
  HEADER("header"),
  /** The query string of the upgrade request's URL. */
  QUERY("query");

  private final String wire;

  CredentialSource(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Tells whether a credential from this source is on the HTTP upgrade request.
   *
   * @return true for {@link #HEADER} and {@link #QUERY}
   */
  public boolean isOnUpgrade() {
    return this != CONNECT;
  }
}

package dev.connectpolicy.api;

/**
 * The facts of a connection attempt that are known when its HTTP upgrade request arrives: before
 * the WebSocket exists, before any connect frame. Nothing the client sends in the connect frame is
 * here (its role, scopes, client identity, device, and a credential it presents there), so a policy
 * deciding the upgrade cannot read it. {@link ConnectContext#upgrade()} projects a context onto
 * these facts.
 *
 * @param locality the client's locality, as the socket and the upgrade's headers establish it
 * @param origin the result of the browser Origin check of the upgrade request
 * @param mode the gateway's configured authentication mode
 * @param credential the credential the upgrade request carried (a session cookie, a Bearer header,
 *     a query-string ticket or token), or {@link Credential#NONE} if it carried none
 * @param source where the upgrade request carried it ({@link CredentialSource#HEADER} or {@link
 *     CredentialSource#QUERY}); {@link CredentialSource#CONNECT} exactly when it carried none
 * @param verified whether that credential verified; false when there is none
 * @param failedAttempts the failed authentication attempts counted for this client
 */
public record UpgradeContext(
    Locality locality,
    OriginCheck origin,
    AuthMode mode,
    Credential credential,
    CredentialSource source,
    boolean verified,
    int failedAttempts) {

  /**
   * Checks that a credential and its source go together.
   *
   * @param locality the client's locality
   * @param origin the result of the browser Origin check
   * @param mode the gateway's configured authentication mode
   * @param credential the credential the upgrade request carried, or none
   * @param source where it carried it; {@code connect} exactly when it carried none
   * @param verified whether that credential verified
   * @param failedAttempts the failed authentication attempts counted for this client
   * @throws IllegalArgumentException naming the field if a fact is null; if a credential has no
   *     upgrade source or the reverse, if no credential verified, or if the count is negative
   */
  public UpgradeContext {
    locality = ConnectContext.present(locality, "locality");
    origin = ConnectContext.present(origin, "origin");
    mode = ConnectContext.present(mode, "mode");
    credential = ConnectContext.present(credential, "credential");
    source = ConnectContext.present(source, "source");
    if ((credential == Credential.NONE) != (source == CredentialSource.CONNECT)) {
      throw new IllegalArgumentException(
          "an upgrade credential needs a header or query source, and only a credential has one;"
              + " got `"
              + credential.wire()
              + "` from `"
              + source.wire()
              + "`");
    }
    if (verified && credential == Credential.NONE) {
      throw new IllegalArgumentException("no credential, so none verified");
    }
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failed attempts must not be negative");
    }
  }

  /**
   * Tells whether the client is a direct loopback client.
   *
   * @return true for {@link Locality#DIRECT_LOCAL}
   */
  public boolean local() {
    return locality == Locality.DIRECT_LOCAL;
  }

  /**
   * Tells whether the upgrade request carried a credential of this kind that verified.
   *
   * @param kind a credential kind
   * @return true if the request carried it and it verified
   */
  public boolean verified(Credential kind) {
    return verified && credential == kind;
  }
}

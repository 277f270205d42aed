package dev.connectpolicy.api;

import org.jspecify.annotations.Nullable;

/**
 * What authentication established, after any device-token or bootstrap-token upgrade.
 *
 * @param mode the gateway's configured authentication mode
 * @param provided the credential the client presented
 * @param ok whether the connection is authenticated
 * @param method the method that produced the result
 * @param reason OpenClaw's failure reason, such as {@code token_mismatch}; required when {@code ok}
 *     is false and null when it is true
 * @param sharedAuthOk whether a shared secret (or a trusted proxy's identity) was verified
 */
public record AuthFacts(
    AuthMode mode,
    Credential provided,
    boolean ok,
    AuthMethod method,
    @Nullable String reason,
    boolean sharedAuthOk) {

  /**
   * Checks that a reason accompanies exactly the failed results.
   *
   * @param mode the gateway's configured authentication mode
   * @param provided the credential the client presented
   * @param ok whether the connection is authenticated
   * @param method the method that produced the result
   * @param reason OpenClaw's failure reason, such as {@code token_mismatch}; required when {@code
   *     ok} is false and null when it is true
   * @param sharedAuthOk whether a shared secret (or a trusted proxy's identity) was verified
   * @throws InvalidContextException naming the field, if a fact is null, {@code ok} is false
   *     without a reason, or true with one
   */
  public AuthFacts {
    mode = ConnectContext.present(mode, "auth.mode");
    provided = ConnectContext.present(provided, "auth.provided");
    method = ConnectContext.present(method, "auth.method");
    if (!ok && (reason == null || reason.isBlank())) {
      throw new InvalidContextException(
          "auth.reason", "field `auth.reason` is required when `auth.ok` is false");
    }
    if (ok && reason != null) {
      throw new InvalidContextException(
          "auth.reason", "field `auth.reason` must be null when `auth.ok` is true");
    }
  }

  /**
   * A successful result.
   *
   * @param mode the configured mode
   * @param provided the credential presented
   * @param method the method that succeeded
   * @param sharedAuthOk whether a shared secret or trusted-proxy identity was verified
   * @return the facts
   */
  public static AuthFacts succeeded(
      AuthMode mode, Credential provided, AuthMethod method, boolean sharedAuthOk) {
    return new AuthFacts(mode, provided, true, method, null, sharedAuthOk);
  }

  /**
   * A failed result; a failed result never has a verified shared secret.
   *
   * @param mode the configured mode
   * @param provided the credential presented
   * @param method the method that was attempted
   * @param reason OpenClaw's failure reason, such as {@code token_mismatch}
   * @return the facts
   */
  public static AuthFacts failed(
      AuthMode mode, Credential provided, AuthMethod method, String reason) {
    return new AuthFacts(mode, provided, false, method, reason, false);
  }

  /**
   * The correct shared secret of a token or password gateway.
   *
   * @param mode {@link AuthMode#TOKEN} or {@link AuthMode#PASSWORD}
   * @return the facts
   * @throws IllegalArgumentException for any other mode
   */
  public static AuthFacts sharedSecretOk(AuthMode mode) {
    return switch (mode) {
      case TOKEN -> succeeded(mode, Credential.TOKEN, AuthMethod.TOKEN, true);
      case PASSWORD -> succeeded(mode, Credential.PASSWORD, AuthMethod.PASSWORD, true);
      default ->
          throw new IllegalArgumentException("mode `" + mode.wire() + "` has no shared secret");
    };
  }

  /**
   * A gateway with authentication disabled.
   *
   * @return mode, credential and method {@code none}, authenticated
   */
  public static AuthFacts authDisabled() {
    return succeeded(AuthMode.NONE, Credential.NONE, AuthMethod.NONE, false);
  }
}

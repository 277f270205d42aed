package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The {@code auth} object of the connect frame: every credential the client presented. All four are
 * secrets; {@link #toString()} names only which are present.
 *
 * @param token {@code auth.token}, the shared gateway token, or null
 * @param password {@code auth.password}, the shared gateway password, or null
 * @param deviceToken {@code auth.deviceToken}, a token issued to this device, or null
 * @param bootstrapToken {@code auth.bootstrapToken}, a setup-code token, or null
 */
@API(status = API.Status.EXPERIMENTAL)
public record Credentials(
    @Nullable String token,
    @Nullable String password,
    @Nullable String deviceToken,
    @Nullable String bootstrapToken) {

  /** No credential at all. */
  public static final Credentials NONE = new Credentials(null, null, null, null);

  /**
   * Checks the sizes.
   *
   * @param token {@code auth.token}, or null
   * @param password {@code auth.password}, or null
   * @param deviceToken {@code auth.deviceToken}, or null
   * @param bootstrapToken {@code auth.bootstrapToken}, or null
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if a credential is
   *     longer than 8192 characters (the value is never quoted)
   */
  public Credentials {
    check("connect.auth.token", token);
    check("connect.auth.password", password);
    check("connect.auth.deviceToken", deviceToken);
    check("connect.auth.bootstrapToken", bootstrapToken);
  }

  private static void check(String path, @Nullable String secret) {
    if (secret != null) {
      Limits.bounded(path, secret, Limits.SECRET);
    }
  }

  /**
   * Only the shared token.
   *
   * @param token the token
   * @return the credentials
   */
  public static Credentials token(String token) {
    return new Credentials(token, null, null, null);
  }

  /**
   * Only the shared password.
   *
   * @param password the password
   * @return the credentials
   */
  public static Credentials password(String password) {
    return new Credentials(null, password, null, null);
  }

  /**
   * Only a device token.
   *
   * @param deviceToken the device token
   * @return the credentials
   */
  public static Credentials deviceToken(String deviceToken) {
    return new Credentials(null, null, deviceToken, null);
  }

  /** Names the credentials present, never their values. */
  @Override
  public String toString() {
    return "Credentials[token="
        + redacted(token)
        + ", password="
        + redacted(password)
        + ", deviceToken="
        + redacted(deviceToken)
        + ", bootstrapToken="
        + redacted(bootstrapToken)
        + "]";
  }

  static String redacted(@Nullable String secret) {
    return secret == null ? "absent" : "(redacted)";
  }
}

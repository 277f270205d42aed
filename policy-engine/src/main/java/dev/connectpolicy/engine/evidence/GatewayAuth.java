package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code gateway.auth}: the gateway's authentication mode and its secrets. {@link #toString()}
 * redacts the secrets.
 *
 * <p>Tailscale Serve identity ({@code allowTailscale}) needs a whois lookup, which a pure function
 * cannot make: it is not supported, and no request is ever authenticated with method {@code
 * tailscale}.
 *
 * @param mode the authentication mode
 * @param token the shared token, for mode {@code token}; or null
 * @param password the shared password, for mode {@code password}; or null
 * @param trustedProxy the trusted-proxy settings, for mode {@code trusted-proxy}; or null
 */
@API(status = API.Status.EXPERIMENTAL)
public record GatewayAuth(
    AuthMode mode,
    @Nullable String token,
    @Nullable String password,
    @Nullable TrustedProxyAuth trustedProxy) {

  /**
   * Checks the sizes.
   *
   * @param mode the authentication mode
   * @param token the shared token, or null
   * @param password the shared password, or null
   * @param trustedProxy the trusted-proxy settings, or null
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if a secret is longer
   *     than 8192 characters
   */
  public GatewayAuth {
    Objects.requireNonNull(mode, "mode");
    if (token != null) {
      Limits.bounded("gateway.auth.token", token, Limits.SECRET);
    }
    if (password != null) {
      Limits.bounded("gateway.auth.password", password, Limits.SECRET);
    }
  }

  /**
   * Authentication disabled.
   *
   * @return mode {@code none}
   */
  public static GatewayAuth none() {
    return new GatewayAuth(AuthMode.NONE, null, null, null);
  }

  /**
   * A shared token.
   *
   * @param token the token
   * @return mode {@code token}
   */
  public static GatewayAuth token(String token) {
    return new GatewayAuth(AuthMode.TOKEN, token, null, null);
  }

  /**
   * A shared password.
   *
   * @param password the password
   * @return mode {@code password}
   */
  public static GatewayAuth password(String password) {
    return new GatewayAuth(AuthMode.PASSWORD, null, password, null);
  }

  /**
   * Identity from a trusted reverse proxy.
   *
   * @param trustedProxy the settings
   * @return mode {@code trusted-proxy}
   */
  public static GatewayAuth trustedProxy(TrustedProxyAuth trustedProxy) {
    return new GatewayAuth(AuthMode.TRUSTED_PROXY, null, null, trustedProxy);
  }

  /** Shows the mode and the proxy settings, never the secrets. */
  @Override
  public String toString() {
    return "GatewayAuth[mode="
        + mode.wire()
        + ", token="
        + Credentials.redacted(token)
        + ", password="
        + Credentials.redacted(password)
        + ", trustedProxy="
        + trustedProxy
        + "]";
  }
}

package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.engine.evidence.internal.IpAddress;
import dev.connectpolicy.engine.evidence.internal.IpRange;
import dev.connectpolicy.engine.evidence.internal.JsText;
import dev.connectpolicy.engine.evidence.internal.Secrets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * OpenClaw's {@code authorizeGatewayConnect} for the WebSocket connect (reference section 1.6),
 * with the shared token and password of the frame only, in its order:
 *
 * <ol>
 *   <li>mode {@code trusted-proxy}: settings present ({@code trusted_proxy_config_missing}),
 *       proxies configured ({@code trusted_proxy_no_proxies_configured}), the socket peer a trusted
 *       proxy ({@code trusted_proxy_untrusted_source}), not loopback unless allowed ({@code
 *       trusted_proxy_loopback_source}), every required header non-blank ({@code
 *       trusted_proxy_missing_header_<name>}), the user header non-blank ({@code
 *       trusted_proxy_user_missing}), the trimmed user allowed ({@code
 *       trusted_proxy_user_not_allowed}); then method {@code trusted-proxy};
 *   <li>mode {@code none}: method {@code none};
 *   <li>mode {@code token}: configured ({@code token_missing_config}), sent ({@code
 *       token_missing}), equal in constant time ({@code token_mismatch}); then method {@code
 *       token};
 *   <li>mode {@code password}: the same with {@code password_*}.
 * </ol>
 *
 * <p>Not modelled, because a pure function has no state or network: Tailscale Serve identity (needs
 * whois; never method {@code tailscale}), the rate limiter (never {@code rate_limited}), the
 * local-interface check of a non-loopback trusted proxy ({@code
 * trusted_proxy_local_interface_source}, needs the host's interfaces), and the newest versions'
 * local-direct password fallback in trusted-proxy mode, whose password method the fact space does
 * not allow in that mode.
 */
final class GatewayAuthorizer {

  private GatewayAuthorizer() {}

  /**
   * The result: ok with a method, or failed with a reason.
   *
   * @param ok whether the connection is authenticated
   * @param method the method that succeeded, or null for a failure
   * @param reason OpenClaw's failure reason, or null for a success
   */
  public record Result(boolean ok, @Nullable AuthMethod method, @Nullable String reason) {

    static Result success(AuthMethod method) {
      return new Result(true, method, null);
    }

    static Result failure(String reason) {
      return new Result(false, null, reason);
    }
  }

  /**
   * Authorizes the shared credentials of a connect frame.
   *
   * @param auth the gateway's authentication settings
   * @param credentials what the client sent
   * @param remote the socket peer's address
   * @param socket the socket, for the trusted proxy's headers
   * @param trustedProxies the gateway's trusted proxies
   * @return the result
   */
  public static Result authorize(
      GatewayAuth auth,
      Credentials credentials,
      IpAddress remote,
      SocketInfo socket,
      List<IpRange> trustedProxies) {
    return switch (auth.mode()) {
      case TRUSTED_PROXY -> trustedProxy(auth.trustedProxy(), remote, socket, trustedProxies);
      case NONE -> Result.success(AuthMethod.NONE);
      case TOKEN -> secret(auth.token(), credentials.token(), "token", AuthMethod.TOKEN);
      case PASSWORD ->
          secret(auth.password(), credentials.password(), "password", AuthMethod.PASSWORD);
    };
  }

  private static Result secret(
      @Nullable String configured, @Nullable String sent, String kind, AuthMethod method) {
    if (!Secrets.present(configured)) {
      return Result.failure(kind + "_missing_config");
    }
    if (!Secrets.present(sent)) {
      return Result.failure(kind + "_missing");
    }
    return Secrets.matches(sent, configured)
        ? Result.success(method)
        : Result.failure(kind + "_mismatch");
  }

  private static Result trustedProxy(
      @Nullable TrustedProxyAuth settings,
      IpAddress remote,
      SocketInfo socket,
      List<IpRange> trustedProxies) {
    if (settings == null) {
      return Result.failure("trusted_proxy_config_missing");
    }
    if (trustedProxies.isEmpty()) {
      return Result.failure("trusted_proxy_no_proxies_configured");
    }
    if (!IpRange.anyContains(trustedProxies, remote)) {
      return Result.failure("trusted_proxy_untrusted_source");
    }
    if (remote.isLoopback() && !settings.allowLoopback()) {
      return Result.failure("trusted_proxy_loopback_source");
    }
    for (String header : settings.requiredHeaders()) {
      String value = socket.header(header.toLowerCase(Locale.ROOT));
      if (value == null || JsText.trim(value).isEmpty()) {
        return Result.failure("trusted_proxy_missing_header_" + header);
      }
    }
    String user = socket.header(settings.userHeader());
    if (user == null || JsText.trim(user).isEmpty()) {
      return Result.failure("trusted_proxy_user_missing");
    }
    List<String> allowed = settings.allowUsers();
    if (!allowed.isEmpty() && !allowed.contains(JsText.trim(user))) {
      return Result.failure("trusted_proxy_user_not_allowed");
    }
    return Result.success(AuthMethod.TRUSTED_PROXY);
  }

  /**
   * The method a failed result carries: {@code password} in password mode, {@code token} otherwise
   * (OpenClaw's {@code authResult.method ?? ...}).
   *
   * @param mode the configured mode
   * @return the method
   */
  public static AuthMethod failureMethod(AuthMode mode) {
    return mode == AuthMode.PASSWORD ? AuthMethod.PASSWORD : AuthMethod.TOKEN;
  }
}

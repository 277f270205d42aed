package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * {@code gateway}: the gateway's configuration that admission depends on.
 *
 * @param auth the authentication mode and secrets
 * @param trustedProxies the reverse proxies whose forwarding headers are believed: IP addresses and
 *     CIDR blocks, IPv4 or IPv6
 * @param allowRealIpFallback whether {@code X-Real-IP} names the client when {@code
 *     X-Forwarded-For} does not
 * @param controlUi the Origin allow-list and Control UI flags
 */
@API(status = API.Status.EXPERIMENTAL)
public record GatewayConfig(
    GatewayAuth auth,
    List<String> trustedProxies,
    boolean allowRealIpFallback,
    ControlUiSettings controlUi) {

  /**
   * Copies the proxy list.
   *
   * @param auth the authentication settings
   * @param trustedProxies the trusted proxies
   * @param allowRealIpFallback the X-Real-IP flag
   * @param controlUi the Control UI settings
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if the list or an entry
   *     is too long
   */
  public GatewayConfig {
    Objects.requireNonNull(auth, "auth");
    trustedProxies = Limits.texts("gateway.trustedProxies", trustedProxies);
    Objects.requireNonNull(controlUi, "controlUi");
  }

  /**
   * A gateway without proxies and with the default Control UI settings.
   *
   * @param auth the authentication settings
   * @return the configuration
   */
  public static GatewayConfig of(GatewayAuth auth) {
    return new GatewayConfig(auth, List.of(), false, ControlUiSettings.DEFAULT);
  }
}

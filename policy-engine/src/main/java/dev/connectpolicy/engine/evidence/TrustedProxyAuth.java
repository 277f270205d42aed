package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code gateway.auth.trustedProxy}: how a trusted reverse proxy asserts the user's identity.
 *
 * @param userHeader the header that carries the authenticated user, such as {@code
 *     x-forwarded-user}
 * @param requiredHeaders headers the proxy must always send (each non-blank)
 * @param allowUsers the users admitted; empty admits every user the proxy names
 * @param allowLoopback whether a proxy on a loopback address is accepted (OpenClaw refuses one
 *     unless this is set: {@code trusted_proxy_loopback_source})
 */
@API(status = API.Status.EXPERIMENTAL)
public record TrustedProxyAuth(
    String userHeader,
    List<String> requiredHeaders,
    List<String> allowUsers,
    boolean allowLoopback) {

  /**
   * Checks the sizes and copies the lists.
   *
   * @param userHeader the user header
   * @param requiredHeaders the required headers
   * @param allowUsers the admitted users
   * @param allowLoopback whether a loopback proxy is accepted
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if the user header is
   *     blank or a value is too long
   */
  public TrustedProxyAuth {
    Limits.nonBlankText("gateway.auth.trustedProxy.userHeader", userHeader);
    requiredHeaders = Limits.texts("gateway.auth.trustedProxy.requiredHeaders", requiredHeaders);
    allowUsers = Limits.texts("gateway.auth.trustedProxy.allowUsers", allowUsers);
  }

  /**
   * A proxy that names any user in {@code userHeader}, with no required headers.
   *
   * @param userHeader the user header
   * @return the configuration
   */
  public static TrustedProxyAuth of(String userHeader) {
    return new TrustedProxyAuth(userHeader, List.of(), List.of(), false);
  }
}

package dev.connectpolicy.engine.evidence.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The client's address behind trusted proxies: OpenClaw's {@code resolveClientIp} (reference
 * section 1.4), failing closed.
 *
 * <ul>
 *   <li>a socket peer that is not a trusted proxy is the client;
 *   <li>behind a trusted proxy, {@code X-Forwarded-For} is walked from the right and the first hop
 *       that is not a trusted proxy is the client;
 *   <li>when every hop is trusted (or there is none), {@code X-Real-IP} is used only with {@code
 *       allowRealIpFallback}; otherwise there is no client address.
 * </ul>
 *
 * <p>A hop that is not an address is an untrusted client whose address is unusable: the walk stops
 * there and there is no client address, so the client is not local. OpenClaw drops such hops and
 * walks on, which lets a garbage hop to the right of a spoofed {@code 127.0.0.1} make a remote
 * client look local; stopping is the fail-closed reading. Empty list elements ({@code "a, , b"})
 * are not hops and are skipped, as RFC 9110 list syntax requires.
 */
public final class ClientAddress {

  private ClientAddress() {}

  /**
   * Resolves the client's address.
   *
   * @param remote the socket peer's address
   * @param forwardedFor the {@code X-Forwarded-For} header, or null
   * @param realIp the {@code X-Real-IP} header, or null
   * @param trustedProxies the gateway's trusted proxies
   * @param allowRealIpFallback whether {@code X-Real-IP} may name the client
   * @return the client's address, or null when it cannot be told (never local)
   */
  public static @Nullable IpAddress resolve(
      IpAddress remote,
      @Nullable String forwardedFor,
      @Nullable String realIp,
      List<IpRange> trustedProxies,
      boolean allowRealIpFallback) {
    if (!IpRange.anyContains(trustedProxies, remote)) {
      return remote;
    }
    if (forwardedFor != null) {
      String[] hops = forwardedFor.split(",", -1);
      for (int i = hops.length - 1; i >= 0; i--) {
        if (hops[i].isBlank()) {
          continue;
        }
        IpAddress hop = IpAddress.parseHop(hops[i]);
        if (hop == null) {
          return null;
        }
        if (!IpRange.anyContains(trustedProxies, hop)) {
          return hop;
        }
      }
    }
    if (allowRealIpFallback && realIp != null) {
      return IpAddress.parseHop(realIp);
    }
    return null;
  }
}

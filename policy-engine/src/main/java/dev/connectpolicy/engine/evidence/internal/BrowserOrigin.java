package dev.connectpolicy.engine.evidence.internal;

import dev.connectpolicy.api.OriginCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenClaw's browser Origin check of the WebSocket upgrade, {@code checkBrowserOrigin} with the
 * parameters the connect path passes (reference section 2.3).
 *
 * <ol>
 *   <li>no Origin header, or a blank one: {@code absent};
 *   <li>an Origin that is not a URL with a host (or is {@code null}): {@code rejected};
 *   <li>allowed when the allow-list (entries trimmed, lower-cased, blanks dropped) holds {@code *}
 *       or the Origin, compared as written and with default ports dropped;
 *   <li>allowed when {@code dangerouslyAllowHostHeaderOriginFallback} is set and the Origin's host
 *       equals the Host header (trimmed, lower-cased, {@code :80} or {@code :443} dropped);
 *   <li>allowed when the client is local and the Origin's host is a loopback host;
 *   <li>otherwise {@code rejected}.
 * </ol>
 */
public final class BrowserOrigin {

  private BrowserOrigin() {}

  /**
   * Checks the Origin of the upgrade request.
   *
   * @param originHeader the {@code Origin} header, or null when absent
   * @param hostHeader the {@code Host} header, or null when absent
   * @param allowedOrigins {@code gateway.controlUi.allowedOrigins}
   * @param hostHeaderFallback {@code gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback}
   * @param localClient whether the client is a direct local client
   * @return the result of the check
   */
  public static OriginCheck check(
      @Nullable String originHeader,
      @Nullable String hostHeader,
      List<String> allowedOrigins,
      boolean hostHeaderFallback,
      boolean localClient) {
    if (!isPresent(originHeader)) {
      return OriginCheck.ABSENT;
    }
    OriginUrl origin = OriginUrl.parse(originHeader);
    if (origin == null) {
      return OriginCheck.REJECTED;
    }
    Set<String> allowed = new HashSet<>();
    for (String entry : allowedOrigins) {
      String value = entry.strip().toLowerCase(Locale.ROOT);
      if (value.isEmpty()) {
        continue;
      }
      allowed.add(value);
      OriginUrl parsed = OriginUrl.parse(value);
      if (parsed != null && !parsed.origin().equals("null")) {
        allowed.add(parsed.origin());
      }
    }
    // an opaque origin ("null") matches nothing, not even an allow-list entry "null"
    boolean opaque = origin.origin().equals("null");
    if (allowed.contains("*") || (!opaque && allowed.contains(origin.origin()))) {
      return OriginCheck.ALLOWED;
    }
    if (hostHeaderFallback && origin.host().equals(hostForComparison(hostHeader))) {
      return OriginCheck.ALLOWED;
    }
    if (localClient && HostNames.isLoopbackHost(origin.hostname())) {
      return OriginCheck.ALLOWED;
    }
    return OriginCheck.REJECTED;
  }

  /**
   * OpenClaw's {@code hasBrowserOriginHeader}: an Origin header that is present and not blank.
   *
   * @param originHeader the header, or null when absent
   * @return true if the request carries a browser Origin
   */
  public static boolean isPresent(@Nullable String originHeader) {
    return originHeader != null && !originHeader.isBlank();
  }

  /**
   * The Host header as the fallback compares it: {@code host:80} and {@code host:443} lose the
   * port.
   */
  private static String hostForComparison(@Nullable String hostHeader) {
    String host = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon) {
      String port = host.substring(colon + 1);
      if (port.equals("80") || port.equals("443")) {
        return host.substring(0, colon);
      }
    }
    return host;
  }
}

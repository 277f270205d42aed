package dev.connectpolicy.engine.evidence.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Host names as OpenClaw reads them from the {@code Host} header and from an Origin (reference
 * section 1.4, {@code resolveHostName}, {@code isLoopbackHost}, {@code isLocalishHost}).
 *
 * <p>The Host header is client-controlled and read leniently, exactly as OpenClaw reads it: a value
 * that is not a well-formed host simply names no local host, so it can only make a client less
 * local.
 */
public final class HostNames {

  private HostNames() {}

  /**
   * The host name of a {@code Host} header: trimmed and lower-cased, brackets of an IPv6 literal
   * removed, the port dropped ({@code resolveHostName}).
   *
   * @param hostHeader the header's value, or null when absent
   * @return the host name, empty when there is none
   */
  public static String hostName(@Nullable String hostHeader) {
    String host = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.isEmpty()) {
      return "";
    }
    if (host.charAt(0) == '[') {
      int end = host.indexOf(']');
      if (end >= 0) {
        return host.substring(1, end);
      }
    }
    int colon = host.indexOf(':');
    if (colon < 0) {
      return host;
    }
    // an unbracketed IPv6 literal has no port: a dotted IPv4 literal holds no colon
    return IpAddress.parse(host) != null ? host : host.substring(0, colon);
  }

  /**
   * {@code localhost}, or a loopback address literal, bracketed or not ({@code isLoopbackHost}).
   *
   * @param host a host name
   * @return true for a loopback host
   */
  public static boolean isLoopbackHost(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.equals("localhost")) {
      return true;
    }
    IpAddress address = name.isEmpty() ? null : IpAddress.parse(name);
    return address != null && address.isLoopback();
  }

  /**
   * {@code localhost}, or a private or loopback address literal ({@code isPrivateOrLoopbackHost}).
   *
   * @param host a host name
   * @return true for a private or loopback host
   */
  public static boolean isPrivateOrLoopbackHost(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.equals("localhost")) {
      return true;
    }
    IpAddress address = name.isEmpty() ? null : IpAddress.parse(name);
    return address != null && address.isPrivateOrLoopback();
  }

  /**
   * A Host header that names this machine: a loopback host, or a Tailscale Serve name ending in
   * {@code .ts.net} ({@code isLocalishHost}).
   *
   * @param hostHeader the header's value, or null when absent
   * @return true for a local-ish host
   */
  public static boolean isLocalish(@Nullable String hostHeader) {
    String host = hostName(hostHeader);
    return !host.isEmpty() && (isLoopbackHost(host) || host.endsWith(".ts.net"));
  }
}

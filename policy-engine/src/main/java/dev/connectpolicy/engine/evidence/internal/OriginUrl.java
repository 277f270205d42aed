package dev.connectpolicy.engine.evidence.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A browser {@code Origin} (or an allow-list entry) parsed as the URL standard parses it, for the
 * parts the Origin check compares: {@code scheme://host[:port]} with the scheme's default port
 * dropped, lower-cased.
 *
 * <p>Stricter than a browser's URL parser where a browser never sends the form: user info, a
 * non-ASCII host, percent-escapes in the host and IPv6 zone ids make the Origin invalid, which the
 * check rejects. Path, query and fragment are ignored, as the URL's origin ignores them.
 *
 * @param scheme the scheme, lower case, without {@code :}
 * @param hostname the host, lower case; an IPv6 literal keeps its brackets
 * @param host the host with the port when it is not the scheme's default
 * @param origin {@code scheme://host} for the special schemes, {@code null} (the opaque origin) for
 *     any other
 */
public record OriginUrl(String scheme, String hostname, String host, String origin) {

  private static final int MAX_TEXT = 2048;

  /**
   * Parses an Origin; surrounding white space is ignored.
   *
   * @param text such as {@code https://gateway.example:8443}
   * @return the parsed origin, or null if {@code text} is empty, {@code null} or not a URL with a
   *     host
   */
  public static @Nullable OriginUrl parse(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.equals("null") || value.length() > MAX_TEXT) {
      return null;
    }
    int colon = value.indexOf("://");
    if (colon <= 0 || !isScheme(value.substring(0, colon))) {
      return null;
    }
    String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
    int start = colon + 3;
    int end = start;
    while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    String authority = value.substring(start, end).toLowerCase(Locale.ROOT);
    String hostname;
    String port;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      String literal = authority.substring(1, close);
      if (literal.indexOf('%') >= 0
          || literal.indexOf(':') < 0
          || IpAddress.parse(literal) == null) {
        return null;
      }
      hostname = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty() && rest.charAt(0) != ':') {
        return null;
      }
      port = rest.isEmpty() ? "" : rest.substring(1);
    } else {
      int portColon = authority.indexOf(':');
      hostname = portColon < 0 ? authority : authority.substring(0, portColon);
      port = portColon < 0 ? "" : authority.substring(portColon + 1);
      if (!isRegName(hostname)) {
        return null;
      }
    }
    if (!port.isEmpty()) {
      if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int number = Integer.parseInt(port);
      if (number > 65_535) {
        return null;
      }
      port = Integer.toString(number);
      if (port.equals(defaultPort(scheme))) {
        port = "";
      }
    }
    String host = port.isEmpty() ? hostname : hostname + ":" + port;
    String origin = defaultPort(scheme).isEmpty() ? "null" : scheme + "://" + host;
    return new OriginUrl(scheme, hostname, host, origin);
  }

  private static boolean isScheme(String text) {
    char first = text.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '-'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRegName(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The default port of a special scheme, or empty for a scheme whose origin is opaque. */
  private static String defaultPort(String scheme) {
    switch (scheme) {
      case "http":
      case "ws":
        return "80";
      case "https":
      case "wss":
        return "443";
      case "ftp":
        return "21";
      default:
        return "";
    }
  }
}

package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The socket of the WebSocket upgrade: the peer's address and the request headers.
 *
 * <p>Header names are case-insensitive: they are stored lower-cased, and two names that differ only
 * in case are an error. A header that was not sent is absent from the map. {@link #toString()}
 * lists header names only, since headers may carry credentials.
 *
 * @param remoteAddress the socket peer's IP address as the server reports it, such as {@code
 *     127.0.0.1} or {@code ::ffff:10.0.0.2}
 * @param headers the upgrade request's headers, by lower-case name; values as received (repeated
 *     headers joined with {@code ", "}, as Node.js joins them)
 */
@API(status = API.Status.EXPERIMENTAL)
public record SocketInfo(String remoteAddress, Map<String, String> headers) {

  /**
   * Checks and normalises the headers.
   *
   * @param remoteAddress the peer's address
   * @param headers the headers, names in any case
   * @throws InvalidContextException naming the field if a header name is not an HTTP token or
   *     appears twice, a value holds a line break or NUL, or a value or the list is too long
   */
  public SocketInfo {
    Limits.nonBlankText("socket.remoteAddress", remoteAddress);
    if (headers.size() > Limits.HEADERS) {
      throw new InvalidContextException(
          "socket.headers",
          "field `socket.headers` has "
              + headers.size()
              + " headers, at most "
              + Limits.HEADERS
              + " allowed");
    }
    Map<String, String> normalised = new TreeMap<>();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String path = "socket.headers." + name;
      if (!isToken(name)) {
        throw new InvalidContextException(
            "socket.headers", "field `socket.headers` has a header name that is not an HTTP token");
      }
      String value = header.getValue();
      if (value == null) {
        throw new InvalidContextException(path, "field `" + path + "` must be a string, not null");
      }
      Limits.bounded(path, value, Limits.HEADER_VALUE);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == '\0') {
          throw new InvalidContextException(
              path, "field `" + path + "` holds a line break or NUL, which no HTTP header can");
        }
      }
      if (normalised.put(name.toLowerCase(Locale.ROOT), value) != null) {
        throw new InvalidContextException(
            path,
            "field `"
                + path
                + "` repeats header `"
                + name.toLowerCase(Locale.ROOT)
                + "` (header names are case-insensitive)");
      }
    }
    headers = Collections.unmodifiableMap(normalised);
  }

  /**
   * A socket with the given headers.
   *
   * @param remoteAddress the peer's address
   * @param headers the headers, names in any case
   * @return the socket
   */
  public static SocketInfo of(String remoteAddress, Map<String, String> headers) {
    return new SocketInfo(remoteAddress, headers);
  }

  /**
   * Returns a header's value.
   *
   * @param name the header name, in any case
   * @return the value, or null when the header was not sent
   */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** RFC 9110 token: the characters a header name may hold, at most 256 of them. */
  private static boolean isToken(@Nullable String name) {
    if (name == null || name.isEmpty() || name.length() > Limits.TEXT) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Shows the address and the header names, never header values. */
  @Override
  public String toString() {
    return "SocketInfo[remoteAddress=" + remoteAddress + ", headers=" + headers.keySet() + "]";
  }
}

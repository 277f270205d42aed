package dev.connectpolicy.engine.evidence.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address parsed from its text form, strictly: IPv4 only in canonical dotted
 * decimal (four parts, no leading zeros, no octal or hexadecimal forms), IPv6 in RFC 4291 text form
 * with an optional embedded dotted IPv4 tail and an optional zone id. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:a.b.c.d}) are the IPv4 address they map, as in OpenClaw's {@code
 * normalizeIpAddress}.
 *
 * <p>A zone id ({@code fe80::1%eth0}) names an interface, not an address: it is kept for display
 * and ignored by every classification and comparison.
 */
public final class IpAddress {

  private static final int MAX_TEXT = 128;
  private static final int MAX_ZONE = 64;

  private final byte[] bytes;
  private final @Nullable String zone;

  private IpAddress(byte[] bytes, @Nullable String zone) {
    this.bytes = bytes;
    this.zone = zone;
  }

  /**
   * Parses an address literal; surrounding white space and one pair of brackets are removed first.
   *
   * @param text the literal, such as {@code 127.0.0.1}, {@code ::1} or {@code [fe80::1%eth0]}
   * @return the address, or null if {@code text} is not an address literal
   */
  public static @Nullable IpAddress parse(String text) {
    String value = text.strip();
    if (value.length() > 1 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']') {
      value = value.substring(1, value.length() - 1);
    }
    if (value.isEmpty() || value.length() > MAX_TEXT) {
      return null;
    }
    if (value.indexOf(':') < 0) {
      byte[] v4 = parseIpv4(value);
      return v4 == null ? null : new IpAddress(v4, null);
    }
    String zone = null;
    int percent = value.indexOf('%');
    if (percent >= 0) {
      zone = value.substring(percent + 1);
      value = value.substring(0, percent);
      if (!isZone(zone)) {
        return null;
      }
    }
    byte[] v6 = parseIpv6(value);
    if (v6 == null) {
      return null;
    }
    if (isIpv4Mapped(v6)) {
      return new IpAddress(Arrays.copyOfRange(v6, 12, 16), null);
    }
    return new IpAddress(v6, zone);
  }

  /**
   * Parses one hop of {@code X-Forwarded-For} or the value of {@code X-Real-IP}: an address
   * literal, optionally with a port ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:443}), as
   * OpenClaw's {@code parseIpLiteral} reads it.
   *
   * @param text the hop
   * @return the address, or null if {@code text} is not an address, with or without a port
   */
  public static @Nullable IpAddress parseHop(String text) {
    String value = text.strip();
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      if (end < 0) {
        return null;
      }
      String rest = value.substring(end + 1);
      if (!rest.isEmpty() && !(rest.charAt(0) == ':' && isPort(rest.substring(1)))) {
        return null;
      }
      return parse(value.substring(1, end));
    }
    int colon = value.indexOf(':');
    if (colon >= 0 && colon == value.lastIndexOf(':') && value.indexOf('.') >= 0) {
      if (!isPort(value.substring(colon + 1))) {
        return null;
      }
      IpAddress address = parse(value.substring(0, colon));
      return address != null && address.isIpv4() ? address : null;
    }
    return parse(value);
  }

  private static boolean isPort(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Integer.parseInt(text) <= 65_535;
  }

  private static boolean isZone(String zone) {
    if (zone.isEmpty() || zone.length() > MAX_ZONE) {
      return false;
    }
    for (int i = 0; i < zone.length(); i++) {
      char c = zone.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Canonical dotted decimal only: what OpenClaw's {@code isValidFourPartDecimal} accepts. */
  static byte @Nullable [] parseIpv4(String text) {
    byte[] out = new byte[4];
    int part = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != '.') {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        continue;
      }
      int length = i - start;
      if (part == 4 || length == 0 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
        return null;
      }
      int value = Integer.parseInt(text, start, i, 10);
      if (value > 255) {
        return null;
      }
      out[part++] = (byte) value;
      start = i + 1;
    }
    return part == 4 ? out : null;
  }

  private static byte @Nullable [] parseIpv6(String text) {
    int compression = text.indexOf("::");
    if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
      return null;
    }
    int[] head;
    int[] tail;
    if (compression < 0) {
      head = groups(text, true);
      tail = new int[0];
      if (head == null || head.length != 8) {
        return null;
      }
    } else {
      String left = text.substring(0, compression);
      String right = text.substring(compression + 2);
      head = left.isEmpty() ? new int[0] : groups(left, false);
      tail = right.isEmpty() ? new int[0] : groups(right, true);
      if (head == null || tail == null || head.length + tail.length > 7) {
        return null;
      }
    }
    byte[] out = new byte[16];
    for (int i = 0; i < head.length; i++) {
      out[2 * i] = (byte) (head[i] >> 8);
      out[2 * i + 1] = (byte) head[i];
    }
    int offset = 8 - tail.length;
    for (int i = 0; i < tail.length; i++) {
      out[2 * (offset + i)] = (byte) (tail[i] >> 8);
      out[2 * (offset + i) + 1] = (byte) tail[i];
    }
    return out;
  }

  /**
   * Splits colon-separated hexadecimal groups; the last may be a dotted IPv4 address (two groups)
   * when {@code lastMayBeIpv4}.
   */
  private static int @Nullable [] groups(String text, boolean lastMayBeIpv4) {
    String[] parts = text.split(":", -1);
    int count = parts.length;
    boolean ipv4Tail = lastMayBeIpv4 && parts[count - 1].indexOf('.') >= 0;
    int[] out = new int[ipv4Tail ? count + 1 : count];
    for (int i = 0; i < count; i++) {
      String part = parts[i];
      if (ipv4Tail && i == count - 1) {
        byte[] v4 = parseIpv4(part);
        if (v4 == null) {
          return null;
        }
        out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        int digit = Character.digit(part.charAt(j), 16);
        if (digit < 0 || part.charAt(j) > 'f') {
          return null;
        }
        value = (value << 4) | digit;
      }
      out[i] = value;
    }
    return out;
  }

  private static boolean isIpv4Mapped(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
  }

  /**
   * Tells whether this is an IPv4 address (including one written IPv4-mapped).
   *
   * @return true for IPv4
   */
  public boolean isIpv4() {
    return bytes.length == 4;
  }

  int byteAt(int index) {
    return bytes[index] & 0xff;
  }

  int length() {
    return bytes.length;
  }

  /**
   * OpenClaw's loopback range: {@code 127.0.0.0/8} and {@code ::1}.
   *
   * @return true for a loopback address
   */
  public boolean isLoopback() {
    if (isIpv4()) {
      return byteAt(0) == 127;
    }
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 1;
  }

  /**
   * Private or loopback: IPv4 loopback, RFC 1918, link-local ({@code 169.254.0.0/16}) and carrier
   * grade NAT ({@code 100.64.0.0/10}); IPv6 loopback, link-local ({@code fe80::/10}), unique local
   * ({@code fc00::/7}) and deprecated site-local ({@code fec0::/10}).
   *
   * <p>OpenClaw's IPv6 check reuses its SSRF block list, which also holds documentation,
   * benchmarking and other reserved ranges; none of them is a private network a container talks
   * over, so this narrower set only ever makes a client less local.
   *
   * @return true for a private or loopback address
   */
  public boolean isPrivateOrLoopback() {
    if (isLoopback()) {
      return true;
    }
    int b0 = byteAt(0);
    int b1 = byteAt(1);
    if (isIpv4()) {
      return b0 == 10
          || (b0 == 172 && (b1 & 0xf0) == 16)
          || (b0 == 192 && b1 == 168)
          || (b0 == 169 && b1 == 254)
          || (b0 == 100 && (b1 & 0xc0) == 64);
    }
    return (b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0x80) == 0x80);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IpAddress && Arrays.equals(bytes, ((IpAddress) other).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Dotted decimal for IPv4; RFC 5952 form for IPv6, with the zone id if any. */
  @Override
  public String toString() {
    if (isIpv4()) {
      return byteAt(0) + "." + byteAt(1) + "." + byteAt(2) + "." + byteAt(3);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (byteAt(2 * i) << 8) | byteAt(2 * i + 1);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    if (zone != null) {
      text.append('%').append(zone);
    }
    return text.toString();
  }
}

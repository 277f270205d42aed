package dev.connectpolicy.engine.evidence.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code gateway.trustedProxies}: a single address or a CIDR block, IPv4 or IPv6.
 *
 * <p>An IPv4-mapped IPv6 block ({@code ::ffff:10.0.0.0/104}) is the IPv4 block it maps ({@code
 * 10.0.0.0/8}), since mapped client addresses are compared as IPv4. A block and an address of
 * different families never match. Zone ids are not allowed in an entry: trust is given to an
 * address, on whatever interface it is seen.
 */
public final class IpRange {

  private final IpAddress base;
  private final int prefix;

  private IpRange(IpAddress base, int prefix) {
    this.base = base;
    this.prefix = prefix;
  }

  /**
   * Parses an address or a CIDR block; surrounding white space is ignored.
   *
   * @param text such as {@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}
   * @return the range, or null if {@code text} is neither an address nor a CIDR block
   */
  public static @Nullable IpRange parse(String text) {
    String value = text.strip();
    if (value.indexOf('%') >= 0) {
      return null;
    }
    int slash = value.indexOf('/');
    if (slash < 0) {
      IpAddress address = IpAddress.parse(value);
      return address == null ? null : new IpRange(address, address.length() * 8);
    }
    String baseText = value.substring(0, slash);
    String prefixText = value.substring(slash + 1);
    IpAddress address = IpAddress.parse(baseText);
    if (address == null || prefixText.isEmpty() || prefixText.length() > 3) {
      return null;
    }
    for (int i = 0; i < prefixText.length(); i++) {
      if (prefixText.charAt(i) < '0' || prefixText.charAt(i) > '9') {
        return null;
      }
    }
    int bits = Integer.parseInt(prefixText);
    boolean writtenAsIpv6 = baseText.indexOf(':') >= 0;
    if (writtenAsIpv6 && address.isIpv4()) {
      // an IPv4-mapped block: only the part below the mapping prefix names IPv4 addresses
      if (bits < 96 || bits > 128) {
        return null;
      }
      bits -= 96;
    }
    if (bits > address.length() * 8) {
      return null;
    }
    return new IpRange(address, bits);
  }

  /**
   * Tells whether {@code address} lies in this range; zone ids are ignored.
   *
   * @param address an address
   * @return true if the address is in the block, or is the single address
   */
  public boolean contains(IpAddress address) {
    if (address.length() != base.length()) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address.byteAt(i) != base.byteAt(i)) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address.byteAt(full) & mask) == (base.byteAt(full) & mask);
  }

  /**
   * Tells whether any of {@code ranges} contains {@code address}: OpenClaw's {@code
   * isTrustedProxyAddress}.
   *
   * @param ranges the trusted proxies
   * @param address an address
   * @return true if some range contains it
   */
  public static boolean anyContains(List<IpRange> ranges, IpAddress address) {
    for (IpRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return base + "/" + prefix;
  }
}

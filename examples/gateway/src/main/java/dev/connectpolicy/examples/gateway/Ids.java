package dev.connectpolicy.examples.gateway;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * A connection's two random ids, its {@code connId} and the nonce of its challenge: version 4 UUIDs
 * as {@link UUID#randomUUID()} makes them (122 random bits each from the JDK's {@link
 * SecureRandom}, the generator {@code randomUUID} uses), drawn in one call instead of two.
 */
final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * Two fresh random UUIDs.
   *
   * @return two version 4 UUIDs, as text
   */
  static String[] twoRandomUuids() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new String[] {uuid(bytes, 0), uuid(bytes, 16)};
  }

  /** The UUID of 16 random bytes, with the version (4) and variant (IETF) bits set. */
  static String uuid(byte[] bytes, int offset) {
    bytes[offset + 6] = (byte) ((bytes[offset + 6] & 0x0f) | 0x40);
    bytes[offset + 8] = (byte) ((bytes[offset + 8] & 0x3f) | 0x80);
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (bytes[offset + i] & 0xff);
      least = (least << 8) | (bytes[offset + 8 + i] & 0xff);
    }
    return new UUID(most, least).toString();
  }
}

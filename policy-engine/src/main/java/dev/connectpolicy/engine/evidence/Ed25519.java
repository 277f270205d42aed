package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Base64Text;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ed25519 public keys and signatures of device identities (reference section 4), with the checks of
 * RFC 8032 made here, before and whatever the library that verifies ({@link Ed25519Verifier}), so
 * that the answer depends neither on the library nor on how strict a given release of it is:
 *
 * <ul>
 *   <li>a key is exactly 32 bytes, a canonical encoding (y below p), not one of the eight points of
 *       small order, and a point of the curve: the last is decided by the backend that decodes the
 *       point ({@link Ed25519Backend#key}), before any signature is verified;
 *   <li>a signature is exactly 64 bytes, its R a canonical encoding not of small order, its S below
 *       the group order L.
 * </ul>
 *
 * <p>A key of small order is refused because every signature whose R is of small order and whose S
 * is zero verifies with it, over any payload: with the identity key and R the identity, the JDK's
 * verifier (and OpenSSL's, so OpenClaw's) admits a device whose private key nobody has. An R of
 * small order is refused because no honest signer makes one (R is a secret multiple of the base
 * point): one that verifies was made on purpose.
 *
 * <p>A public key is the base64url text of the raw 32-byte key (standard base64 accepted, padding
 * optional) or a PEM {@code PUBLIC KEY} block holding the standard Ed25519 SubjectPublicKeyInfo.
 */
final class Ed25519 {

  /** DER prefix that turns a raw key into an Ed25519 SubjectPublicKeyInfo (RFC 8410). */
  static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  /** The field prime p = 2^255 - 19, little-endian, as it appears in an encoded y coordinate. */
  private static final byte[] P_LE =
      littleEndian(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19)));

  /** The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
  private static final byte[] L_LE =
      littleEndian(
          BigInteger.ONE
              .shiftLeft(252)
              .add(new BigInteger("27742317777372353535851937790883648493")));

  /**
   * The y coordinates of the eight points of small order (the torsion subgroup), little-endian: the
   * identity (y = 1), the point of order 2 (y = p - 1), the two of order 4 (y = 0), and the four of
   * order 8 (y and p - y of the value below, each with both signs of x). {@code
   * Ed25519SmallOrderTest} derives each from the curve.
   */
  static final List<byte[]> SMALL_ORDER_Y =
      List.of(
          HexFormat.of()
              .parseHex("0000000000000000000000000000000000000000000000000000000000000000"),
          HexFormat.of()
              .parseHex("0100000000000000000000000000000000000000000000000000000000000000"),
          HexFormat.of()
              .parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
          HexFormat.of()
              .parseHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
          HexFormat.of()
              .parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));

  private Ed25519() {}

  /** A device public key that passed every check, decoded for the verifier that was chosen. */
  public static final class PublicKey {

    private final byte[] raw;
    private final Ed25519Backend.Key key;

    private PublicKey(byte[] raw, Ed25519Backend.Key key) {
      this.raw = raw;
      this.key = key;
    }

    /**
     * Returns the raw key.
     *
     * @return the 32 bytes of the key; not to be modified
     */
    public byte[] raw() {
      return raw;
    }

    /**
     * Verifies a signature over a UTF-8 payload.
     *
     * @param payload the signed text
     * @param signature a signature from {@link #decodeSignature}
     * @return true if the signature verifies
     */
    public boolean verify(String payload, byte[] signature) {
      return key.verify(payload.getBytes(StandardCharsets.UTF_8), signature);
    }
  }

  /**
   * Decodes and checks a device public key, once for every verification of the request.
   *
   * @param text base64url of the raw 32-byte key, or a PEM {@code PUBLIC KEY} block
   * @param verifier the library that verifies
   * @return the key, or null if {@code text} is not a canonical Ed25519 public key of large order
   */
  public static @Nullable PublicKey decodePublicKey(String text, Ed25519Verifier verifier) {
    byte[] raw = decodeKeyBytes(text);
    return raw == null ? null : checkedKey(raw, verifier);
  }

  private static @Nullable PublicKey checkedKey(byte[] raw, Ed25519Verifier verifier) {
    if (!isCanonicalY(raw, 0) || hasSmallOrder(raw, 0)) {
      return null;
    }
    Ed25519Backend.Key key = Ed25519Backend.of(verifier).key(raw);
    return key == null ? null : new PublicKey(raw, key);
  }

  /**
   * Decodes the encoding of a public key without checking that it is a curve point: for a key that
   * is only compared with a decoded device key (the pairing record's), where decoding the point
   * would cost a square root for nothing.
   *
   * @param text base64url of the raw 32-byte key, or a PEM {@code PUBLIC KEY} block
   * @return the 32 key bytes, or null if {@code text} encodes no 32-byte Ed25519 key
   */
  public static byte @Nullable [] decodeKeyBytes(String text) {
    String value = text.strip();
    byte[] raw = value.contains("BEGIN") ? fromPem(value) : Base64Text.decode(value);
    return raw != null && raw.length == 32 ? raw : null;
  }

  private static byte @Nullable [] fromPem(String pem) {
    // The length check keeps a text whose BEGIN and END markers overlap from being cut
    // backwards (found by fuzzing).
    if (pem.length() < PEM_BEGIN.length() + PEM_END.length()
        || !pem.startsWith(PEM_BEGIN)
        || !pem.endsWith(PEM_END)) {
      return null;
    }
    String body = pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length());
    StringBuilder base64 = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        base64.append(c);
      }
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    if (der.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      // another key type, or Ed25519 in a non-standard encoding: not a device key
      return null;
    }
    return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
  }

  /**
   * Returns the device id a key implies: the lowercase hex SHA-256 of the raw key.
   *
   * @param rawKey the raw 32-byte key
   * @return 64 lowercase hex digits
   */
  public static String fingerprint(byte[] rawKey) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }

  /**
   * Decodes a signature and checks its encoding.
   *
   * <ul>
   *   <li>exactly 64 bytes: JDK 17 (17.0.15) accepts a signature with a byte of garbage appended
   *       (Wycheproof {@code SignatureWithGarbage}, test 37), which RFC 8032 section 5.1.7 rejects;
   *       JDK 25 rejects it itself;
   *   <li>S below the group order L (RFC 8032 section 5.1.7, non-malleability) and R's y coordinate
   *       below p (canonical encoding): the libraries check these themselves, but the answer must
   *       not depend on which one runs;
   *   <li>R not of small order.
   * </ul>
   *
   * @param text base64url (or standard base64) of the signature
   * @return the 64 signature bytes, or null if the text does not encode a well-formed signature
   */
  public static byte @Nullable [] decodeSignature(String text) {
    byte[] signature = Base64Text.decode(text);
    return signature != null && isWellFormedSignature(signature) ? signature : null;
  }

  private static boolean isWellFormedSignature(byte[] signature) {
    return signature.length == 64
        && isCanonicalY(signature, 0)
        && !hasSmallOrder(signature, 0)
        && lessThan(signature, 32, L_LE);
  }

  /**
   * Verifies a signature over bytes, running every check of {@link #decodePublicKey} and {@link
   * #decodeSignature} first, so this is safe to call with any bytes (the Wycheproof suite does).
   *
   * @param verifier the library that verifies
   * @param rawKey a 32-byte public key
   * @param message the signed bytes
   * @param signature the signature bytes
   * @return true if the key decodes, the signature is well-formed and it verifies
   */
  public static boolean verify(
      Ed25519Verifier verifier, byte[] rawKey, byte[] message, byte[] signature) {
    if (rawKey.length != 32 || !isWellFormedSignature(signature)) {
      return false;
    }
    PublicKey key = checkedKey(rawKey.clone(), verifier);
    return key != null && key.key.verify(message, signature);
  }

  /**
   * The 32 bytes at {@code offset}, sign bit ignored, are the y coordinate of a point of small
   * order. Every encoding of such a point is caught: a non-canonical one (y at least p) has failed
   * {@link #isCanonicalY} already, and the sign of x does not change the order.
   */
  static boolean hasSmallOrder(byte[] bytes, int offset) {
    for (byte[] y : SMALL_ORDER_Y) {
      if ((bytes[offset + 31] & 0x7f) == y[31]
          && Arrays.equals(bytes, offset, offset + 31, y, 0, 31)) {
        return true;
      }
    }
    return false;
  }

  /** The 32 bytes at {@code offset} encode a y coordinate (sign bit ignored) below p. */
  private static boolean isCanonicalY(byte[] bytes, int offset) {
    byte[] y = Arrays.copyOfRange(bytes, offset, offset + 32);
    y[31] &= 0x7f;
    return lessThan(y, 0, P_LE);
  }

  /** Compares 32 little-endian bytes at {@code offset} with {@code bound}: strictly less. */
  private static boolean lessThan(byte[] bytes, int offset, byte[] bound) {
    for (int i = 31; i >= 0; i--) {
      int a = bytes[offset + i] & 0xff;
      int b = bound[i] & 0xff;
      if (a != b) {
        return a < b;
      }
    }
    return false;
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] bigEndian = value.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < bigEndian.length; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }
}

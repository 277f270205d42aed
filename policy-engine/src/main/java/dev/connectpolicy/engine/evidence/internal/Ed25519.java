package dev.connectpolicy.engine.evidence.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Ed25519 public keys and signatures of device identities (reference section 4), verified by the
 * JDK's own provider ({@code SunEC}), with the checks RFC 8032 requires made explicit so the result
 * does not depend on how strict a given JDK release is.
 *
 * <p>A public key is the base64url text of the raw 32-byte key (standard base64 accepted, padding
 * optional) or a PEM {@code PUBLIC KEY} block holding the standard Ed25519 SubjectPublicKeyInfo. A
 * key decodes only if it is a canonical encoding of a point on the curve.
 */
public final class Ed25519 {

  /** DER prefix that turns a raw key into an Ed25519 SubjectPublicKeyInfo (RFC 8410). */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  /** The field prime p = 2^255 - 19. */
  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** The curve constant d = -121665 / 121666 mod p. */
  private static final BigInteger D =
      BigInteger.valueOf(-121_665).multiply(BigInteger.valueOf(121_666).modInverse(P)).mod(P);

  private static final BigInteger HALF_P_MINUS_ONE = P.subtract(BigInteger.ONE).shiftRight(1);

  /** p, little-endian, as it appears in an encoded y coordinate. */
  private static final byte[] P_LE = littleEndian(P);

  /** The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
  private static final byte[] L_LE =
      littleEndian(
          BigInteger.ONE
              .shiftLeft(252)
              .add(new BigInteger("27742317777372353535851937790883648493")));

  /** The JDK's provider; null only on a runtime stripped of it, where the default is used. */
  private static final @Nullable Provider JDK_PROVIDER = Security.getProvider("SunEC");

  private Ed25519() {}

  /**
   * Decodes a device public key.
   *
   * @param text base64url of the raw 32-byte key, or a PEM {@code PUBLIC KEY} block
   * @return the raw key, or null if {@code text} is not a canonical Ed25519 public key
   */
  public static byte @Nullable [] decodePublicKey(String text) {
    byte[] raw = decodeKeyBytes(text);
    return raw != null && isPoint(raw) ? raw : null;
  }

  /**
   * Decodes the encoding of a public key without checking that it is a curve point: for a key that
   * is only compared with a decoded device key (the pairing record's), where the point check would
   * cost a modular exponentiation for nothing.
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
   * RFC 8032 section 5.1.3 decoding of a point: y below p, and x recoverable (x^2 = (y^2 - 1) / (d
   * y^2 + 1) has a root, and x = 0 is not given a negative sign). A key that fails is no key: the
   * JDK would only find out inside the verification, as an invalid signature.
   */
  static boolean isPoint(byte[] encoded) {
    if (!isCanonicalY(encoded, 0)) {
      return false;
    }
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = encoded[31 - i];
    }
    boolean negativeX = (bigEndian[0] & 0x80) != 0;
    bigEndian[0] &= 0x7f;
    BigInteger y = new BigInteger(1, bigEndian);
    BigInteger ySquared = y.multiply(y).mod(P);
    BigInteger u = ySquared.subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(ySquared).add(BigInteger.ONE).mod(P);
    if (u.signum() == 0) {
      return !negativeX;
    }
    // u/v is a square exactly when u*v is (v is never zero: -1/d is not a square); Euler's
    // criterion
    return u.multiply(v).mod(P).modPow(HALF_P_MINUS_ONE, P).equals(BigInteger.ONE);
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
   *       below p (canonical encoding): both JDKs tested check these themselves, but a runtime
   *       without {@code SunEC} answers with whatever provider it has, so they are made explicit.
   * </ul>
   *
   * @param text base64url (or standard base64) of the signature
   * @return the 64 signature bytes, or null if the text does not encode a well-formed signature
   */
  public static byte @Nullable [] decodeSignature(String text) {
    byte[] signature = Base64Text.decode(text);
    if (signature == null || signature.length != 64) {
      return null;
    }
    if (!isCanonicalY(signature, 0) || !lessThan(signature, 32, L_LE)) {
      return null;
    }
    return signature;
  }

  /**
   * Verifies a signature over a UTF-8 payload.
   *
   * @param rawKey a key from {@link #decodePublicKey}
   * @param payload the signed text
   * @param signature a signature from {@link #decodeSignature}
   * @return true if the signature verifies
   */
  public static boolean verify(byte[] rawKey, String payload, byte[] signature) {
    // key and signature were checked when they were decoded
    return jdkVerify(rawKey, payload.getBytes(StandardCharsets.UTF_8), signature);
  }

  /**
   * Verifies a signature over bytes, running every check of {@link #decodePublicKey} and {@link
   * #decodeSignature} first, so this is safe to call with any bytes (the Wycheproof suite does).
   *
   * @param rawKey a 32-byte public key
   * @param message the signed bytes
   * @param signature the signature bytes
   * @return true if the key decodes, the signature is well-formed and it verifies
   */
  public static boolean verify(byte[] rawKey, byte[] message, byte[] signature) {
    if (rawKey.length != 32
        || !isPoint(rawKey)
        || signature.length != 64
        || !isCanonicalY(signature, 0)
        || !lessThan(signature, 32, L_LE)) {
      return false;
    }
    return jdkVerify(rawKey, message, signature);
  }

  private static boolean jdkVerify(byte[] rawKey, byte[] message, byte[] signature) {
    try {
      Signature verifier = newSignature();
      verifier.initVerify(publicKey(rawKey));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException rejected) {
      return false;
    }
  }

  private static PublicKey publicKey(byte[] rawKey) throws GeneralSecurityException {
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(rawKey, 0, spki, SPKI_PREFIX.length, 32);
    KeyFactory factory =
        JDK_PROVIDER != null
            ? KeyFactory.getInstance("Ed25519", JDK_PROVIDER)
            : KeyFactory.getInstance("Ed25519");
    return factory.generatePublic(new X509EncodedKeySpec(spki));
  }

  private static Signature newSignature() throws NoSuchAlgorithmException {
    return JDK_PROVIDER != null
        ? Signature.getInstance("Ed25519", JDK_PROVIDER)
        : Signature.getInstance("Ed25519");
  }

  /**
   * The name of the provider that verifies, for diagnostics.
   *
   * @return the provider's name
   */
  public static String providerName() {
    try {
      return newSignature().getProvider().getName().toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException missing) {
      return "none";
    }
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

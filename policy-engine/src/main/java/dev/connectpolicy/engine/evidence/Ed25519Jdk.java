package dev.connectpolicy.engine.evidence;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's own provider ({@code SunEC}; whatever Ed25519 provider the runtime has where it lacks
 * {@code SunEC}). The JDK only finds out inside a verification that a key is no curve point, so the
 * point is checked here first (RFC 8032 section 5.1.3), and the key object is built once per
 * request.
 */
final class Ed25519Jdk implements Ed25519Backend {

  static final Ed25519Jdk INSTANCE = new Ed25519Jdk();

  /** The field prime p = 2^255 - 19. */
  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** The curve constant d = -121665 / 121666 mod p. */
  private static final BigInteger D =
      BigInteger.valueOf(-121_665).multiply(BigInteger.valueOf(121_666).modInverse(P)).mod(P);

  private static final BigInteger HALF_P_MINUS_ONE = P.subtract(BigInteger.ONE).shiftRight(1);

  /** The JDK's provider; null only on a runtime stripped of it, where the default is used. */
  private static final @Nullable Provider JDK_PROVIDER = Security.getProvider("SunEC");

  private Ed25519Jdk() {}

  @Override
  public @Nullable Key key(byte[] rawKey) {
    if (!isPoint(rawKey)) {
      return null;
    }
    PublicKey key;
    try {
      byte[] spki = Arrays.copyOf(Ed25519.SPKI_PREFIX, Ed25519.SPKI_PREFIX.length + 32);
      System.arraycopy(rawKey, 0, spki, Ed25519.SPKI_PREFIX.length, 32);
      KeyFactory factory =
          JDK_PROVIDER != null
              ? KeyFactory.getInstance("Ed25519", JDK_PROVIDER)
              : KeyFactory.getInstance("Ed25519");
      key = factory.generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException | RuntimeException rejected) {
      return null;
    }
    return (message, signature) -> verify(key, message, signature);
  }

  private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = newSignature();
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException rejected) {
      return false;
    }
  }

  /**
   * RFC 8032 section 5.1.3 decoding of a point whose y is canonical: x is recoverable (x^2 = (y^2 -
   * 1) / (d y^2 + 1) has a root, and x = 0 is not given a negative sign).
   */
  static boolean isPoint(byte[] encoded) {
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = encoded[31 - i];
    }
    boolean negativeX = (bigEndian[0] & 0x80) != 0;
    bigEndian[0] &= 0x7f;
    BigInteger y = new BigInteger(1, bigEndian);
    if (y.compareTo(P) >= 0) {
      return false;
    }
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

  private static Signature newSignature() throws NoSuchAlgorithmException {
    return JDK_PROVIDER != null
        ? Signature.getInstance("Ed25519", JDK_PROVIDER)
        : Signature.getInstance("Ed25519");
  }

  /**
   * The name of the provider that verifies, for diagnostics.
   *
   * @return the provider's name, in lower case
   */
  static String providerName() {
    try {
      return newSignature().getProvider().getName().toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException missing) {
      return "none";
    }
  }
}

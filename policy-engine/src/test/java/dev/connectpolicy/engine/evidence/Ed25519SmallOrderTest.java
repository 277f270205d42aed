package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.engine.evidence.internal.Base64Text;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys and R values of small order (issue: a device whose private key nobody has was admitted). The
 * eight points of the torsion subgroup are derived here with plain modular arithmetic, as an oracle
 * independent of the code under test and of either library.
 */
class Ed25519SmallOrderTest {

  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D =
      BigInteger.valueOf(-121_665).multiply(BigInteger.valueOf(121_666).modInverse(P)).mod(P);
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private static final BigInteger SQRT_MINUS_ONE =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
  private static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);

  /** The identity point, encoded: y = 1, x = 0. */
  private static final byte[] IDENTITY_KEY =
      HexFormat.of().parseHex("0100000000000000000000000000000000000000000000000000000000000000");

  /** R = the identity, S = 0: verifies with a small-order key over every payload. */
  private static final byte[] FORGERY = forgery();

  private static byte[] forgery() {
    byte[] signature = new byte[64];
    System.arraycopy(IDENTITY_KEY, 0, signature, 0, 32);
    return signature;
  }

  private static final List<String> PAYLOADS =
      List.of("", "v3|anything|at|all", "v2|device|node-host|node|node||1767225600000||nonce");

  private record Point(BigInteger x, BigInteger y) {}

  private static Point add(Point a, Point b) {
    BigInteger xx = a.x.multiply(b.x).mod(P);
    BigInteger yy = a.y.multiply(b.y).mod(P);
    BigInteger dxxyy = D.multiply(xx).multiply(yy).mod(P);
    BigInteger x =
        a.x.multiply(b.y).add(a.y.multiply(b.x)).multiply(inverse(BigInteger.ONE.add(dxxyy)));
    BigInteger y = yy.add(xx).multiply(inverse(BigInteger.ONE.subtract(dxxyy)));
    return new Point(x.mod(P), y.mod(P));
  }

  private static BigInteger inverse(BigInteger value) {
    return value.mod(P).modInverse(P);
  }

  private static Point times(int factor, Point point) {
    Point sum = IDENTITY;
    for (int i = 0; i < factor; i++) {
      sum = add(sum, point);
    }
    return sum;
  }

  /** RFC 8032 section 5.1.3, in plain modular arithmetic; null if no point has this encoding. */
  private static @Nullable Point decode(byte[] encoded) {
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = encoded[31 - i];
    }
    int sign = (bigEndian[0] >> 7) & 1;
    bigEndian[0] &= 0x7f;
    BigInteger y = new BigInteger(1, bigEndian);
    if (y.compareTo(P) >= 0) {
      return null;
    }
    BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
    BigInteger xSquared = u.multiply(inverse(v)).mod(P);
    BigInteger x = xSquared.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (!x.multiply(x).mod(P).equals(xSquared)) {
      x = x.multiply(SQRT_MINUS_ONE).mod(P);
    }
    if (!x.multiply(x).mod(P).equals(xSquared) || (x.signum() == 0 && sign == 1)) {
      return null;
    }
    return x.testBit(0) == (sign == 1) ? new Point(x, y) : new Point(P.subtract(x), y);
  }

  private static List<byte[]> smallOrderEncodings() {
    List<byte[]> encodings = new ArrayList<>();
    for (byte[] y : Ed25519.SMALL_ORDER_Y) {
      for (int sign = 0; sign < 2; sign++) {
        byte[] encoded = y.clone();
        encoded[31] |= (byte) (sign << 7);
        if (decode(encoded) != null) {
          encodings.add(encoded);
        }
      }
    }
    return encodings;
  }

  @Test
  void theTable_holdsTheEightPointsOfSmallOrder_andNoOther() {
    Set<Point> points = new HashSet<>();
    for (byte[] encoded : smallOrderEncodings()) {
      Point point = Objects.requireNonNull(decode(encoded));
      assertThat(times(8, point)).as(HexFormat.of().formatHex(encoded)).isEqualTo(IDENTITY);
      points.add(point);
    }
    // the torsion subgroup of the curve has exactly eight points
    assertThat(points).hasSize(8);
    for (byte[] y : Ed25519.SMALL_ORDER_Y) {
      assertThat(Ed25519.hasSmallOrder(y, 0)).isTrue();
    }
  }

  @Test
  void randomBytes_decodeAsAKey_exactlyWhenTheyEncodeAPointOfLargeOrder() {
    SplittableRandom random = new SplittableRandom(20_261_201L);
    int points = 0;
    for (int n = 0; n < 2_000; n++) {
      byte[] encoded = new byte[32];
      random.nextBytes(encoded);
      if (n % 10 == 0) {
        // y at least p: only the encodings just above p are never canonical by chance
        Arrays.fill(encoded, 1, 31, (byte) 0xff);
        encoded[31] |= 0x7f;
        encoded[0] = (byte) (0xed + random.nextInt(0x13));
      }
      Point point = decode(encoded);
      boolean expected = point != null && !times(8, point).equals(IDENTITY);
      points += expected ? 1 : 0;
      for (Ed25519Verifier verifier : Ed25519Verifier.values()) {
        assertThat(Ed25519.decodePublicKey(Base64Text.encode(encoded), verifier) != null)
            .as("%s, %s", verifier, HexFormat.of().formatHex(encoded))
            .isEqualTo(expected);
      }
    }
    // about half of all y coordinates are points: both answers were exercised
    assertThat(points).isBetween(700, 1_100);
  }

  @Test
  void keysOfLargeOrder_areNotInTheTable() {
    byte[] key =
        HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(times(8, Objects.requireNonNull(decode(key)))).isNotEqualTo(IDENTITY);
    assertThat(Ed25519.hasSmallOrder(key, 0)).isFalse();
    byte[] twoIsNoPoint = new byte[32];
    twoIsNoPoint[0] = 2;
    assertThat(Ed25519.hasSmallOrder(twoIsNoPoint, 0)).isFalse();
  }

  @Test
  void theJdksOwnVerifier_acceptsTheForgeryOverEveryPayload_whichIsWhyKeysAreChecked() {
    Ed25519Backend.Key key = Objects.requireNonNull(Ed25519Jdk.INSTANCE.key(IDENTITY_KEY));
    for (String payload : PAYLOADS) {
      assertThat(key.verify(payload.getBytes(StandardCharsets.UTF_8), FORGERY))
          .as(payload)
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void everyKeyOfSmallOrder_isRefused_andTheForgeryVerifiesOverNoPayload(Ed25519Verifier verifier) {
    for (byte[] encoded : smallOrderEncodings()) {
      assertThat(Ed25519.decodePublicKey(Base64Text.encode(encoded), verifier))
          .as(HexFormat.of().formatHex(encoded))
          .isNull();
    }
    for (String payload : PAYLOADS) {
      byte[] message = payload.getBytes(StandardCharsets.UTF_8);
      assertThat(Ed25519.verify(verifier, IDENTITY_KEY, message, FORGERY)).as(payload).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void anRThatIsTheIdentity_isRefused_thoughTheLibraryVerifiesIt(Ed25519Verifier verifier)
      throws Exception {
    byte[] seed =
        MessageDigest.getInstance("SHA-256")
            .digest("small-order R".getBytes(StandardCharsets.UTF_8));
    byte[] publicKey = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    byte[] message = "v3|payload".getBytes(StandardCharsets.UTF_8);
    // [S]B = R + [k]A holds with R the identity and S = k * a mod L, a the secret scalar
    byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
    h[0] &= (byte) 248;
    h[31] &= 127;
    h[31] |= 64;
    BigInteger a = littleEndian(h, 32);
    MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
    sha512.update(IDENTITY_KEY);
    sha512.update(publicKey);
    byte[] k = sha512.digest(message);
    BigInteger s = littleEndian(k, 64).mod(L).multiply(a).mod(L);
    byte[] signature = new byte[64];
    System.arraycopy(IDENTITY_KEY, 0, signature, 0, 32);
    byte[] sBytes = s.toByteArray();
    for (int i = 0; i < 32 && i < sBytes.length; i++) {
      signature[32 + i] = sBytes[sBytes.length - 1 - i];
    }

    Ed25519Backend.Key raw = Objects.requireNonNull(Ed25519Backend.of(verifier).key(publicKey));
    assertThat(raw.verify(message, signature)).as("the library alone").isTrue();
    assertThat(Ed25519.decodeSignature(Base64Text.encode(signature))).isNull();
    assertThat(Ed25519.verify(verifier, publicKey, message, signature)).isFalse();
  }

  private static BigInteger littleEndian(byte[] bytes, int length) {
    byte[] bigEndian = new byte[length];
    for (int i = 0; i < length; i++) {
      bigEndian[i] = bytes[length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }
}

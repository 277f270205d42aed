package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.engine.evidence.internal.Base64Text;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key and signature decoding (reference section 4). */
class Ed25519Test {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 section 7.1, test 1: public key and its signature of the empty message. */
  private static final String RFC_KEY =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  private static final String RFC_SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  private static KeyPair pair;

  @BeforeAll
  static void generate() throws Exception {
    pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  private static byte[] raw() {
    byte[] spki = pair.getPublic().getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  @Test
  void rawKeyAsBase64url_decodes_paddedOrNot_andInTheStandardAlphabet() {
    byte[] raw = raw();
    assertThat(decoded(Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEqualTo(raw);
    assertThat(decoded(Base64.getUrlEncoder().encodeToString(raw))).isEqualTo(raw);
    assertThat(decoded(Base64.getEncoder().encodeToString(raw))).isEqualTo(raw);
  }

  @Test
  void pemKey_decodesToTheSameRawKey() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertThat(decoded(pem)).isEqualTo(raw());
  }

  @Test
  void rsaPemKey_isNotADeviceKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----";
    assertThat(decoded(pem)).isNull();
  }

  @Test
  void keysThatAreNotCanonicalCurvePoints_doNotDecode() {
    byte[] notOnCurve = new byte[32];
    notOnCurve[0] = 2; // y = 2: (y^2 - 1) / (d y^2 + 1) has no square root
    byte[] negativeZero = new byte[32];
    negativeZero[0] = 1; // y = 1 gives x = 0, which has no negative
    negativeZero[31] = (byte) 0x80;
    byte[] yEqualsP =
        HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    byte[] identity = new byte[32];
    identity[0] = 1;
    assertThat(decoded(Base64Text.encode(notOnCurve))).isNull();
    assertThat(decoded(Base64Text.encode(negativeZero))).isNull();
    assertThat(decoded(Base64Text.encode(yEqualsP))).isNull();
    // on the curve, but of small order (Ed25519SmallOrderTest)
    assertThat(decoded(Base64Text.encode(identity))).isNull();
  }

  @Test
  void keysOfTheWrongLengthOrAlphabet_doNotDecode() {
    assertThat(decoded(Base64Text.encode(new byte[31]))).isNull();
    assertThat(decoded(Base64Text.encode(new byte[33]))).isNull();
    assertThat(decoded("not base64!")).isNull();
    assertThat(decoded("")).isNull();
    assertThat(decoded("-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----")).isNull();
  }

  @Test
  void pemMarkersThatOverlap_doNotDecode() {
    // Found by fuzzing: the text starts with the BEGIN marker and ends with the END marker, but
    // they overlap, and cutting the body out threw StringIndexOutOfBoundsException.
    assertThat(decoded("-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----")).isNull();
  }

  @Test
  void fingerprint_isTheLowercaseHexSha256OfTheRawKey() {
    assertThat(Ed25519.fingerprint(HEX.parseHex(RFC_KEY)))
        .isEqualTo("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9");
  }

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void rfc8032Vector_verifies(Ed25519Verifier verifier) {
    byte[] signature = Ed25519.decodeSignature(Base64Text.encode(HEX.parseHex(RFC_SIGNATURE)));
    assertThat(signature).isNotNull();
    assertThat(Ed25519.verify(verifier, HEX.parseHex(RFC_KEY), new byte[0], signature)).isTrue();
    assertThat(Ed25519.verify(verifier, HEX.parseHex(RFC_KEY), new byte[] {0}, signature))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void signatureInStandardBase64_isAccepted_asOpenClawsFallbackDoes(Ed25519Verifier verifier)
      throws Exception {
    byte[] signature = sign("payload");
    String standard = Base64.getEncoder().encodeToString(signature);
    assertThat(Ed25519.decodeSignature(standard)).isEqualTo(signature);
    assertThat(key(verifier).verify("payload", signature)).isTrue();
  }

  @Test
  void signaturesOfTheWrongLength_orWithSAtLeastL_areRefusedBeforeVerifying() throws Exception {
    byte[] signature = sign("payload");
    assertThat(Ed25519.decodeSignature(Base64Text.encode(Arrays.copyOf(signature, 65)))).isNull();
    assertThat(Ed25519.decodeSignature(Base64Text.encode(Arrays.copyOf(signature, 63)))).isNull();
    byte[] bigS = signature.clone();
    Arrays.fill(bigS, 32, 64, (byte) 0xff);
    assertThat(Ed25519.decodeSignature(Base64Text.encode(bigS))).isNull();
    assertThat(Ed25519.decodeSignature("%%%")).isNull();
  }

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void payload_isSignedAsUtf8(Ed25519Verifier verifier) throws Exception {
    String payload = "v3|d|c|m|operator||1||n|\u0130os|";
    assertThat(key(verifier).verify(payload, sign(payload))).isTrue();
    assertThat(key(verifier).verify(payload + " ", sign(payload))).isFalse();
  }

  private static Ed25519.PublicKey key(Ed25519Verifier verifier) {
    return Objects.requireNonNull(Ed25519.decodePublicKey(Base64Text.encode(raw()), verifier));
  }

  /** Decodes a key with every verifier: they must agree. */
  private static byte @Nullable [] decoded(String text) {
    Ed25519.PublicKey fast = Ed25519.decodePublicKey(text, Ed25519Verifier.BOUNCY_CASTLE);
    Ed25519.PublicKey jdk = Ed25519.decodePublicKey(text, Ed25519Verifier.JDK);
    assertThat(fast == null).as("the verifiers agree on %s", text).isEqualTo(jdk == null);
    return fast == null ? null : fast.raw();
  }

  private static byte[] sign(String payload) throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(payload.getBytes(StandardCharsets.UTF_8));
    return signer.sign();
  }
}

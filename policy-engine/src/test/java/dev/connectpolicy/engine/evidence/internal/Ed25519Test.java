package dev.connectpolicy.engine.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    assertThat(Ed25519.decodePublicKey(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)))
        .isEqualTo(raw);
    assertThat(Ed25519.decodePublicKey(Base64.getUrlEncoder().encodeToString(raw))).isEqualTo(raw);
    assertThat(Ed25519.decodePublicKey(Base64.getEncoder().encodeToString(raw))).isEqualTo(raw);
  }

  @Test
  void pemKey_decodesToTheSameRawKey() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertThat(Ed25519.decodePublicKey(pem)).isEqualTo(raw());
  }

  @Test
  void rsaPemKey_isNotADeviceKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----";
    assertThat(Ed25519.decodePublicKey(pem)).isNull();
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
    assertThat(Ed25519.decodePublicKey(Base64Text.encode(notOnCurve))).isNull();
    assertThat(Ed25519.decodePublicKey(Base64Text.encode(negativeZero))).isNull();
    assertThat(Ed25519.decodePublicKey(Base64Text.encode(yEqualsP))).isNull();
    assertThat(Ed25519.decodePublicKey(Base64Text.encode(identity))).isEqualTo(identity);
  }

  @Test
  void keysOfTheWrongLengthOrAlphabet_doNotDecode() {
    assertThat(Ed25519.decodePublicKey(Base64Text.encode(new byte[31]))).isNull();
    assertThat(Ed25519.decodePublicKey(Base64Text.encode(new byte[33]))).isNull();
    assertThat(Ed25519.decodePublicKey("not base64!")).isNull();
    assertThat(Ed25519.decodePublicKey("")).isNull();
    assertThat(Ed25519.decodePublicKey("-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----"))
        .isNull();
  }

  @Test
  void pemMarkersThatOverlap_doNotDecode() {
    // Found by fuzzing: the text starts with the BEGIN marker and ends with the END marker, but
    // they overlap, and cutting the body out threw StringIndexOutOfBoundsException.
    assertThat(Ed25519.decodePublicKey("-----BEGIN PUBLIC KEY-----END PUBLIC KEY-----")).isNull();
  }

  @Test
  void fingerprint_isTheLowercaseHexSha256OfTheRawKey() {
    assertThat(Ed25519.fingerprint(HEX.parseHex(RFC_KEY)))
        .isEqualTo("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9");
  }

  @Test
  void rfc8032Vector_verifies() {
    byte[] signature = Ed25519.decodeSignature(Base64Text.encode(HEX.parseHex(RFC_SIGNATURE)));
    assertThat(signature).isNotNull();
    assertThat(Ed25519.verify(HEX.parseHex(RFC_KEY), new byte[0], signature)).isTrue();
    assertThat(Ed25519.verify(HEX.parseHex(RFC_KEY), new byte[] {0}, signature)).isFalse();
  }

  @Test
  void signatureInStandardBase64_isAccepted_asOpenClawsFallbackDoes() throws Exception {
    byte[] signature = sign("payload");
    String standard = Base64.getEncoder().encodeToString(signature);
    assertThat(Ed25519.decodeSignature(standard)).isEqualTo(signature);
    assertThat(Ed25519.verify(raw(), "payload", Ed25519.decodeSignature(standard))).isTrue();
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

  @Test
  void payload_isSignedAsUtf8() throws Exception {
    String payload = "v3|d|c|m|operator||1||n|\u0130os|";
    assertThat(Ed25519.verify(raw(), payload, sign(payload))).isTrue();
  }

  private static byte[] sign(String payload) throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(payload.getBytes(StandardCharsets.UTF_8));
    return signer.sign();
  }
}

package dev.connectpolicy.examples.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A device with an Ed25519 key pair from the JDK, which signs OpenClaw's v3 device-auth payload
 * (reference section 4) as a client does.
 */
final class Device {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final byte[] rawPublicKey;

  private Device(KeyPair keys) {
    this.keys = keys;
    byte[] spki = keys.getPublic().getEncoded();
    // An Ed25519 SubjectPublicKeyInfo is a 12-byte prefix and the raw 32-byte key.
    this.rawPublicKey = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  static Device generate() throws GeneralSecurityException {
    return new Device(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
  }

  /** The public key as sent: base64url of the raw 32 bytes. */
  String publicKey() {
    return BASE64URL.encodeToString(rawPublicKey);
  }

  /** The device id: the lowercase hex SHA-256 of the raw key. */
  String id() throws GeneralSecurityException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey));
  }

  /**
   * Signs the v3 payload {@code
   * v3|id|clientId|mode|role|scopes|signedAt|token|nonce|platform|family} and returns the {@code
   * device} object of the connect parameters.
   */
  ObjectNode proof(
      String clientId,
      String mode,
      String role,
      List<String> scopes,
      long signedAt,
      String token,
      String nonce,
      String platform,
      String deviceFamily)
      throws GeneralSecurityException {
    String payload =
        String.join(
            "|",
            "v3",
            id(),
            clientId,
            mode,
            role,
            String.join(",", scopes),
            Long.toString(signedAt),
            token,
            nonce,
            platform.strip().toLowerCase(Locale.ROOT),
            deviceFamily.strip().toLowerCase(Locale.ROOT));
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(keys.getPrivate());
    signer.update(payload.getBytes(StandardCharsets.UTF_8));
    ObjectNode device = JSON.createObjectNode();
    device.put("id", id());
    device.put("publicKey", publicKey());
    device.put("signature", BASE64URL.encodeToString(signer.sign()));
    device.put("signedAt", signedAt);
    device.put("nonce", nonce);
    return device;
  }

  /** The same signature with one byte flipped, base64url. */
  static String tampered(String signature) {
    byte[] bytes = Base64.getUrlDecoder().decode(signature);
    bytes[10] ^= 0x01;
    return BASE64URL.encodeToString(bytes);
  }
}

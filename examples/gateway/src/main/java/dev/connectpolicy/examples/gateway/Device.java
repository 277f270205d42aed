package dev.connectpolicy.examples.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A device with an Ed25519 key pair from the JDK, which signs OpenClaw's v3 device-auth payload
 * (reference section 4) as a client does: the tests' devices and {@link GatewayLoad}'s.
 */
final class Device {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey privateKey;
  private final byte[] spki;
  private final byte[] rawPublicKey;
  private final String id;

  private Device(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
    this.privateKey = privateKey;
    this.spki = publicKey.getEncoded();
    // An Ed25519 SubjectPublicKeyInfo is a 12-byte prefix and the raw 32-byte key.
    this.rawPublicKey = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey));
  }

  static Device generate() throws GeneralSecurityException {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new Device(keys.getPrivate(), keys.getPublic());
  }

  /**
   * A device saved with {@link #save()}.
   *
   * @param saved {@code <base64 PKCS#8 private key> <base64 X.509 public key>}
   */
  static Device load(String saved) throws GeneralSecurityException {
    String[] parts = saved.strip().split(" ");
    if (parts.length != 2) {
      throw new GeneralSecurityException("a saved device is two base64 keys, space-separated");
    }
    KeyFactory keys = KeyFactory.getInstance("Ed25519");
    Base64.Decoder base64 = Base64.getDecoder();
    return new Device(
        keys.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(parts[0]))),
        keys.generatePublic(new X509EncodedKeySpec(base64.decode(parts[1]))));
  }

  /**
   * The device's keys, private key first, for {@link #load}: a benchmark's throw-away devices.
   *
   * @return {@code <base64 PKCS#8 private key> <base64 X.509 public key>}
   */
  String save() {
    Base64.Encoder base64 = Base64.getEncoder();
    return base64.encodeToString(privateKey.getEncoded()) + " " + base64.encodeToString(spki);
  }

  /** The public key as sent: base64url of the raw 32 bytes. */
  String publicKey() {
    return BASE64URL.encodeToString(rawPublicKey);
  }

  /** The device id: the lowercase hex SHA-256 of the raw key. */
  String id() {
    return id;
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
            id,
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
    signer.initSign(privateKey);
    signer.update(payload.getBytes(StandardCharsets.UTF_8));
    ObjectNode device = JSON.createObjectNode();
    device.put("id", id);
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

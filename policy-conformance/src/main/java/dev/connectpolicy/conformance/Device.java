package dev.connectpolicy.conformance;

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
 * A throwaway device: an Ed25519 key pair made by the JDK for one recording, which signs OpenClaw's
 * device-auth payloads as a client does (v3 {@code
 * v3|id|clientId|mode|role|scopes|signedAt|token|nonce|platform|family}, or v2 without the last two
 * fields). The private key never leaves the process.
 */
final class Device {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String publicKey;
  private final String id;

  private Device(KeyPair keys) {
    this.keys = keys;
    byte[] spki = keys.getPublic().getEncoded();
    // An Ed25519 SubjectPublicKeyInfo is a 12-byte prefix and the raw 32-byte key.
    byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    this.publicKey = BASE64URL.encodeToString(raw);
    try {
      this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A new device with a fresh key pair. */
  static Device generate() {
    try {
      return new Device(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  /** The public key as sent: base64url of the raw 32 bytes. */
  String publicKey() {
    return publicKey;
  }

  /** The device id: the lowercase hex SHA-256 of the raw key. */
  String id() {
    return id;
  }

  /** The fields a device-auth payload is built from; {@code token} is the token slot. */
  record Payload(
      String clientId,
      String clientMode,
      String role,
      List<String> scopes,
      long signedAt,
      String token,
      String nonce,
      String platform,
      String deviceFamily) {

    String v3(String deviceId) {
      return fields("v3", deviceId) + "|" + normalised(platform) + "|" + normalised(deviceFamily);
    }

    String v2(String deviceId) {
      return fields("v2", deviceId);
    }

    private String fields(String version, String deviceId) {
      return String.join(
          "|",
          version,
          deviceId,
          clientId,
          clientMode,
          role,
          String.join(",", scopes),
          Long.toString(signedAt),
          token,
          nonce);
    }

    private static String normalised(String text) {
      return text.strip().toLowerCase(Locale.ROOT);
    }
  }

  /** Signs a text and returns the signature, base64url. */
  String sign(String text) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(text.getBytes(StandardCharsets.UTF_8));
      return BASE64URL.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }
}

package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.engine.evidence.internal.DevicePayload;
import dev.connectpolicy.engine.evidence.internal.JsText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * OpenClaw's device proof checks ({@code verifyGatewayConnectDeviceProof}, reference sections 2.1
 * R10 and 4), in its order, each failure with its reason:
 *
 * <ol>
 *   <li>{@code device.id} is not the fingerprint of the key: {@code device-id-mismatch};
 *   <li>{@code signedAt} missing, or more than 120000 ms from {@code now} either way: {@code
 *       device-signature-stale};
 *   <li>the trimmed nonce blank: {@code device-nonce-missing};
 *   <li>the trimmed nonce not the challenge: {@code device-nonce-mismatch};
 *   <li>neither the v3 nor the v2 payload verifies: {@code device-signature}.
 * </ol>
 *
 * <p><b>An undecodable key</b> fails first, with {@code device-public-key}. OpenClaw decodes the
 * key twice: leniently to fingerprint and verify it, and strictly at the end ("public key cannot be
 * normalized: device-public-key", R10), after the signature. A key its lenient decoder cannot read
 * yields no fingerprint, and its {@code !derivedId || derivedId !== device.id} then reports {@code
 * device-id-mismatch}. Here the key is decoded once, strictly (a canonical point on the curve, 32
 * bytes, or a standard Ed25519 PEM): a key that does not decode has no fingerprint to compare, so
 * the first check cannot run, and the truthful reason is the key's. Both are {@code DEVICE_AUTH_*}
 * rejections closing with 1008; for every decodable key the order is OpenClaw's.
 *
 * <p><b>A key of small order</b> does not decode either ({@link Ed25519}): OpenClaw accepts it, and
 * with it a signature that verifies over any payload. This is a deliberate departure, in every
 * profile.
 *
 * <p>The key and the signature are decoded and checked once; the v2 payload, when the v3 one does
 * not verify, reuses both.
 */
final class DeviceProofCheck {

  /** OpenClaw's {@code DEVICE_SIGNATURE_SKEW_MS}: two minutes, either way, boundary included. */
  public static final long MAX_SKEW_MS = 120_000;

  private DeviceProofCheck() {}

  /**
   * The result of the checks.
   *
   * @param proof the result
   * @param version the payload that verified; {@link PayloadVersion#NONE} unless verified
   * @param publicKey the decoded raw key, or null if it did not decode
   */
  public record Outcome(DeviceProof proof, PayloadVersion version, byte @Nullable [] publicKey) {}

  /**
   * Runs the checks.
   *
   * @param device the claimed identity and proof
   * @param client the declared client (id and mode as sent, platform and family for v3)
   * @param role the role, defaulted to {@code operator}
   * @param scopes the scopes as received
   * @param credentials the credentials, for the token slot
   * @param challengeNonce the nonce the gateway issued on this socket
   * @param now the gateway's clock
   * @param verifier the library that verifies the signature
   * @return the result
   */
  public static Outcome check(
      DeviceIdentity device,
      ClientInfo client,
      String role,
      List<String> scopes,
      Credentials credentials,
      String challengeNonce,
      long now,
      Ed25519Verifier verifier) {
    Ed25519.PublicKey publicKey = Ed25519.decodePublicKey(device.publicKey(), verifier);
    if (publicKey == null) {
      return new Outcome(DeviceProof.PUBLIC_KEY_INVALID, PayloadVersion.NONE, null);
    }
    byte[] key = publicKey.raw();
    if (!Ed25519.fingerprint(key).equals(device.id())) {
      return failed(DeviceProof.ID_MISMATCH, key);
    }
    Long signedAt = device.signedAt();
    if (signedAt == null || Math.abs(now - signedAt) > MAX_SKEW_MS) {
      return failed(DeviceProof.SIGNATURE_STALE, key);
    }
    String nonce = device.nonce() == null ? "" : JsText.trim(device.nonce());
    if (nonce.isEmpty()) {
      return failed(DeviceProof.NONCE_MISSING, key);
    }
    if (!nonce.equals(challengeNonce)) {
      return failed(DeviceProof.NONCE_MISMATCH, key);
    }
    byte[] signature = Ed25519.decodeSignature(device.signature());
    if (signature == null) {
      return failed(DeviceProof.SIGNATURE_INVALID, key);
    }
    String token =
        DevicePayload.tokenSlot(
            credentials.token(), credentials.deviceToken(), credentials.bootstrapToken());
    String v3 =
        DevicePayload.v3(
            device.id(),
            client.id(),
            client.mode(),
            role,
            scopes,
            signedAt,
            token,
            nonce,
            client.platform(),
            client.deviceFamily());
    if (publicKey.verify(v3, signature)) {
      return new Outcome(DeviceProof.VERIFIED, PayloadVersion.V3, key);
    }
    String v2 =
        DevicePayload.v2(
            device.id(), client.id(), client.mode(), role, scopes, signedAt, token, nonce);
    if (publicKey.verify(v2, signature)) {
      return new Outcome(DeviceProof.VERIFIED, PayloadVersion.V2, key);
    }
    return failed(DeviceProof.SIGNATURE_INVALID, key);
  }

  private static Outcome failed(DeviceProof proof, byte[] key) {
    return new Outcome(proof, PayloadVersion.NONE, key);
  }
}

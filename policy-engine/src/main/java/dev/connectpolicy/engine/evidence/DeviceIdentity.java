package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The {@code device} object of the connect frame: the device's claimed identity and its proof.
 * {@link #toString()} redacts the signature.
 *
 * @param id the claimed device id: the lowercase hex SHA-256 of the raw public key
 * @param publicKey the Ed25519 public key: base64url of the raw 32 bytes, or PEM
 * @param signature base64url of the Ed25519 signature over the v3 (or v2) payload
 * @param signedAt when the payload was signed, in milliseconds since the epoch; null when the
 *     client sent none (the proof is then stale)
 * @param nonce the challenge nonce the client signed; null when it sent none
 */
@API(status = API.Status.EXPERIMENTAL)
public record DeviceIdentity(
    String id,
    String publicKey,
    String signature,
    @Nullable Long signedAt,
    @Nullable String nonce) {

  /**
   * Checks the sizes.
   *
   * @param id the claimed device id
   * @param publicKey the public key
   * @param signature the signature
   * @param signedAt the signing time, or null
   * @param nonce the signed nonce, or null
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if a value is too long,
   *     or {@code signedAt} is outside 0 to 2^53 - 1
   */
  public DeviceIdentity {
    Limits.text("connect.device.id", id);
    Limits.bounded("connect.device.publicKey", publicKey, Limits.SECRET);
    Limits.bounded("connect.device.signature", signature, Limits.SIGNATURE);
    if (signedAt != null) {
      Limits.epochMillis("connect.device.signedAt", signedAt);
    }
    if (nonce != null) {
      Limits.bounded("connect.device.nonce", nonce, Limits.SECRET);
    }
  }

  /** Shows the claim, not the signature. */
  @Override
  public String toString() {
    return "DeviceIdentity[id="
        + id
        + ", publicKey="
        + publicKey
        + ", signature=(redacted), signedAt="
        + signedAt
        + ", nonce="
        + (nonce == null ? "absent" : "(redacted)")
        + "]";
  }
}

package dev.connectpolicy.api;

/**
 * The result of verifying the client's device identity proof (reference section 4).
 *
 * <p>The failure values carry OpenClaw's device reason strings and are listed in the order the
 * checks run.
 */
public enum DeviceProof implements WireValue {
  /** The connect frame carried no device identity. */
  ABSENT("absent"),
  /** Key, id, timestamp, nonce and signature all checked out. */
  VERIFIED("verified"),
  /** The device id is not the SHA-256 fingerprint of the public key. */
  ID_MISMATCH("device-id-mismatch"),
  /** The signature timestamp is missing or more than two minutes from the gateway clock. */
  SIGNATURE_STALE("device-signature-stale"),
  /** The signed nonce is blank. */
  NONCE_MISSING("device-nonce-missing"),
  /** The signed nonce is not the challenge this socket was sent. */
  NONCE_MISMATCH("device-nonce-mismatch"),
  /** Neither the v3 nor the v2 payload signature verifies. */
  SIGNATURE_INVALID("device-signature"),
  /** The public key cannot be decoded as an Ed25519 key. */
  PUBLIC_KEY_INVALID("device-public-key");

  private final String wire;

  DeviceProof(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Tells whether a device identity was presented, whatever the proof's result.
   *
   * @return false only for {@link #ABSENT}
   */
  public boolean isPresent() {
    return this != ABSENT;
  }
}

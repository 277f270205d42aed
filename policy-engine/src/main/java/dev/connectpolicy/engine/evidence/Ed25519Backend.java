package dev.connectpolicy.engine.evidence;

import org.jspecify.annotations.Nullable;

/**
 * The seam between the evidence layer's own checks ({@link Ed25519}) and the library that does the
 * curve arithmetic. A backend is only ever handed input that passed those checks; it decodes the
 * key into a point and verifies signatures with it.
 */
interface Ed25519Backend {

  /**
   * Decodes a key into a point of the curve, for as many verifications as the request needs.
   *
   * @param rawKey 32 bytes that passed {@link Ed25519}'s encoding checks (canonical, not of small
   *     order); not modified, and not kept unless copied
   * @return the prepared key, or null if the bytes encode no point of the curve
   */
  @Nullable Key key(byte[] rawKey);

  /** A decoded public key. */
  interface Key {

    /**
     * Verifies a signature.
     *
     * @param message the signed bytes
     * @param signature 64 bytes that passed {@link Ed25519}'s signature checks
     * @return true if the signature verifies; false for any failure, never an exception
     */
    boolean verify(byte[] message, byte[] signature);
  }

  /**
   * Returns the backend of a verifier.
   *
   * @param verifier the user's choice
   * @return its backend
   */
  static Ed25519Backend of(Ed25519Verifier verifier) {
    switch (verifier) {
      case BOUNCY_CASTLE:
        return Ed25519BouncyCastle.INSTANCE;
      case JDK:
        return Ed25519Jdk.INSTANCE;
      default:
        throw new IllegalArgumentException("unknown verifier " + verifier);
    }
  }
}

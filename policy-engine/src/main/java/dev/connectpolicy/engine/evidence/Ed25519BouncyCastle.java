package dev.connectpolicy.engine.evidence;

import org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint;
import org.jspecify.annotations.Nullable;

/**
 * BouncyCastle's RFC 8032 implementation, called directly: no security provider is registered,
 * nothing global changes. The key is decoded once ({@code validatePublicKeyPartialExport}: a
 * canonical point of the curve, not of small order) and each verification reuses the point.
 */
final class Ed25519BouncyCastle implements Ed25519Backend {

  static final Ed25519BouncyCastle INSTANCE = new Ed25519BouncyCastle();

  private Ed25519BouncyCastle() {}

  @Override
  public @Nullable Key key(byte[] rawKey) {
    PublicPoint point;
    try {
      point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(rawKey, 0);
    } catch (RuntimeException malformed) {
      return null;
    }
    return point == null ? null : (message, signature) -> verify(point, message, signature);
  }

  private static boolean verify(PublicPoint point, byte[] message, byte[] signature) {
    try {
      return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
          signature, 0, point, message, 0, message.length);
    } catch (RuntimeException malformed) {
      return false;
    }
  }
}

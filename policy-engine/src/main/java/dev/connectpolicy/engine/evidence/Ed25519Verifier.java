package dev.connectpolicy.engine.evidence;

import org.apiguardian.api.API;

/**
 * The implementation that verifies the Ed25519 signature of a device proof: {@link #BOUNCY_CASTLE}
 * by default, {@link #JDK} as the alternative. Pass one to {@link Admission#admit(
 * dev.connectpolicy.api.ConnectPolicy, ConnectRequest, Ed25519Verifier)}.
 *
 * <pre>{@code
 * Admission.Result result = Admission.admit(policy, request, Ed25519Verifier.JDK);
 * }</pre>
 *
 * <p>Both give the same answer for every input. Before either runs, the evidence layer makes the
 * checks of RFC 8032 section 5.1.7 that it does not leave to a library: the key is exactly 32 bytes
 * and the signature exactly 64, S is below the group order, the key and R are canonical encodings,
 * and neither the key nor R is a point of small order (whose signatures can verify without a
 * private key). A key that is no point of the curve is refused as the key it is, before any
 * signature is verified.
 */
@API(status = API.Status.STABLE)
public enum Ed25519Verifier {

  /**
   * BouncyCastle's {@code org.bouncycastle.math.ec.rfc8032.Ed25519}, called directly (no security
   * provider is installed): about seven times faster than the JDK's, and the default. The key is
   * decoded into a curve point once per request, whichever payload versions are tried.
   */
  BOUNCY_CASTLE,

  /**
   * The JDK's own provider ({@code SunEC}, or the runtime's Ed25519 provider where it has no {@code
   * SunEC}) through {@code java.security.Signature}. The key object is built once per request.
   */
  JDK;

  /**
   * The verifier {@link Admission#admit(dev.connectpolicy.api.ConnectPolicy, ConnectRequest)} uses.
   *
   * @return {@link #BOUNCY_CASTLE}
   */
  public static Ed25519Verifier defaultVerifier() {
    return BOUNCY_CASTLE;
  }
}

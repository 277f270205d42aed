package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import dev.connectpolicy.engine.evidence.PayloadVersion;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Admission of a raw request with an Ed25519 device proof ({@link AdmitProof}: v3 payload, paired
 * node, shared token) under {@code recommended}, beside the bare verification of the same signature
 * over the same payload by the same library, for each {@link Ed25519Verifier}:
 *
 * <ul>
 *   <li>{@code admit}: the valid proof, admitted on the v3 payload;
 *   <li>{@code admitInvalid}: a well-formed signature over another payload, refused after both the
 *       v3 and the v2 payload failed;
 *   <li>{@code verifyFromRawKey}: the library alone, from the key's raw 32 bytes as a request
 *       carries them (BouncyCastle decodes the point, the JDK builds its key object);
 *   <li>{@code verify}: the library alone with the key decoded beforehand, a lower bound no
 *       admission of a new connection can reach.
 * </ul>
 *
 * <p>Two forks of ten one-second iterations each: on a machine shared with other work, many short
 * iterations spread over time make the scores of one run comparable with each other.
 *
 * <p>The difference between {@code admit} and {@code verifyFromRawKey} is everything around the
 * cryptography: decoding the key text and the signature, the RFC 8032 checks, the device-id
 * fingerprint, the payload, the token comparison, locality, Origin, pairing and the policy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class AdmitBenchmark {

  /** The library that verifies. */
  @Param({"BOUNCY_CASTLE", "JDK"})
  public Ed25519Verifier verifier = Ed25519Verifier.BOUNCY_CASTLE;

  private final PolicyPipeline policy = ConnectPolicies.recommended();
  private final AdmitProof proof = new AdmitProof();
  private @Nullable ConnectRequest valid;
  private @Nullable ConnectRequest invalid;
  private Ed25519.@Nullable PublicPoint point;
  private @Nullable PublicKey jdkKey;

  /**
   * Builds both requests and checks that each is decided as its benchmark says, and that the bare
   * verifications hold.
   *
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    valid = proof.request(proof.signature);
    invalid = proof.request(proof.wrongSignature);
    point = Ed25519.validatePublicKeyPartialExport(proof.rawKey, 0);
    jdkKey = jdkKey(proof.rawKey);
    Admission.Result accepted = admit();
    if (!(accepted.decision() instanceof Accept)
        || accepted.payloadVersion() != PayloadVersion.V3) {
      throw new IllegalStateException("the valid request is not admitted: " + accepted);
    }
    Admission.Result refused = admitInvalid();
    if (!(refused.decision() instanceof Reject reject)
        || reject.code() != RejectCode.DEVICE_AUTH_SIGNATURE_INVALID) {
      throw new IllegalStateException("the invalid request is not refused: " + refused);
    }
    if (!verify() || !verifyFromRawKey()) {
      throw new IllegalStateException("the bare verification fails");
    }
  }

  /**
   * Admits the request with the valid proof: evidence, facts and decision.
   *
   * @return the result
   */
  @Benchmark
  public Admission.Result admit() {
    return Admission.admit(policy, Objects.requireNonNull(valid), verifier);
  }

  /**
   * Refuses the request whose signature verifies over neither payload.
   *
   * @return the result
   */
  @Benchmark
  public Admission.Result admitInvalid() {
    return Admission.admit(policy, Objects.requireNonNull(invalid), verifier);
  }

  /**
   * Verifies the signature with the library alone, the key decoded beforehand.
   *
   * @return whether it verifies
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  @Benchmark
  public boolean verify() throws GeneralSecurityException {
    if (verifier == Ed25519Verifier.BOUNCY_CASTLE) {
      return Ed25519.verify(
          proof.signature,
          0,
          Objects.requireNonNull(point),
          proof.payload,
          0,
          proof.payload.length);
    }
    return jdkVerify(Objects.requireNonNull(jdkKey));
  }

  /**
   * Verifies the signature with the library alone, from the key's raw 32 bytes as a request carries
   * them.
   *
   * @return whether it verifies
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  @Benchmark
  public boolean verifyFromRawKey() throws GeneralSecurityException {
    if (verifier == Ed25519Verifier.BOUNCY_CASTLE) {
      return Ed25519.verify(
          proof.signature, 0, proof.rawKey, 0, proof.payload, 0, proof.payload.length);
    }
    return jdkVerify(jdkKey(proof.rawKey));
  }

  private boolean jdkVerify(PublicKey key) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("Ed25519");
    signature.initVerify(key);
    signature.update(proof.payload);
    return signature.verify(proof.signature);
  }

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the raw key. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private static PublicKey jdkKey(byte[] rawKey) throws GeneralSecurityException {
    byte[] spki = new byte[SPKI_PREFIX.length + rawKey.length];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(rawKey, 0, spki, SPKI_PREFIX.length, rawKey.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }
}

package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ClientInfo;
import dev.connectpolicy.engine.evidence.ConnectFrame;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.Credentials;
import dev.connectpolicy.engine.evidence.DeviceIdentity;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PairedDevice;
import dev.connectpolicy.engine.evidence.PayloadVersion;
import dev.connectpolicy.engine.evidence.SocketInfo;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Admission of a raw request with a valid Ed25519 device proof (v3 payload, paired node, shared
 * token) under {@code recommended}, against the bare JDK verification of the same signature over
 * the same payload: once with the key object built beforehand ({@code verify}), once from the raw
 * key bytes, as a request carries them ({@code verifyFromRawKey}). The difference is everything
 * around the cryptography: decoding the key text and the signature, the curve-point and
 * signature-encoding checks, the device-id fingerprint, the payload, the token comparison,
 * locality, Origin, pairing and the policy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdmitBenchmark {

  private static final long NOW = 1_767_225_600_000L;
  private static final long SIGNED_AT = NOW - 250;
  private static final String NONCE = "2f6d1c3a-9b7e-4c55-8e1a-6a4f0b3d2c19";
  private static final String TOKEN = "gateway-shared-token";

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the raw key. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private final PolicyPipeline policy = ConnectPolicies.recommended();
  private @Nullable ConnectRequest request;
  private @Nullable PublicKey publicKey;
  private byte[] rawKey = new byte[0];
  private byte[] payload = new byte[0];
  private byte[] signature = new byte[0];

  /**
   * Signs the request with a fresh key, then checks that it is admitted with the v3 payload and
   * that the bare verification holds, so that both benchmarks measure the successful path.
   *
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    PublicKey key = pair.getPublic();
    this.publicKey = key;
    byte[] spki = key.getEncoded();
    byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    this.rawKey = raw;
    String rawKey = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String deviceId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    String text =
        String.join(
            "|",
            "v3",
            deviceId,
            "node-host",
            "node",
            "node",
            "",
            Long.toString(SIGNED_AT),
            TOKEN,
            NONCE,
            "linux",
            "");
    this.payload = text.getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(payload);
    this.signature = signer.sign();
    this.request =
        new ConnectRequest(
            new ConnectFrame(
                new ClientInfo("node-host", "node", "linux", null),
                "node",
                List.of(),
                Credentials.token(TOKEN),
                new DeviceIdentity(
                    deviceId,
                    rawKey,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(signature),
                    SIGNED_AT,
                    NONCE)),
            SocketInfo.of("203.0.113.10", Map.of("host", "gateway.example")),
            NONCE,
            NOW,
            GatewayConfig.of(GatewayAuth.token(TOKEN)),
            new PairedDevice(rawKey, List.of("node"), List.of(), "linux", null, null));
    Admission.Result result = admit();
    if (!(result.decision() instanceof Accept) || result.payloadVersion() != PayloadVersion.V3) {
      throw new IllegalStateException("the benchmark request is not admitted: " + result);
    }
    if (!verify() || !verifyFromRawKey()) {
      throw new IllegalStateException("the bare verification fails");
    }
  }

  /**
   * Admits the raw request: evidence, facts and decision.
   *
   * @return the result
   */
  @Benchmark
  public Admission.Result admit() {
    return Admission.admit(policy, Objects.requireNonNull(request));
  }

  /**
   * Verifies the signature with the JDK alone, the key already decoded.
   *
   * @return whether it verifies
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  @Benchmark
  public boolean verify() throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(Objects.requireNonNull(publicKey));
    verifier.update(payload);
    return verifier.verify(signature);
  }

  /**
   * Verifies the signature with the JDK alone, from the key's raw 32 bytes as a request carries
   * them: the key object is built for each verification, as {@code admit} must.
   *
   * @return whether it verifies
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  @Benchmark
  public boolean verifyFromRawKey() throws GeneralSecurityException {
    byte[] spki = new byte[SPKI_PREFIX.length + rawKey.length];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(rawKey, 0, spki, SPKI_PREFIX.length, rawKey.length);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(payload);
    return verifier.verify(signature);
  }
}

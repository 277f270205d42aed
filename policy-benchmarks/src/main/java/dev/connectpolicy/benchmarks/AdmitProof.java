package dev.connectpolicy.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.engine.evidence.ClientInfo;
import dev.connectpolicy.engine.evidence.ConnectFrame;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.Credentials;
import dev.connectpolicy.engine.evidence.DeviceIdentity;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PairedDevice;
import dev.connectpolicy.engine.evidence.SocketInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The device proof that {@link AdmitBenchmark} admits and that {@code openclaw-verify.mjs} verifies
 * as OpenClaw does: a paired node on the v3 payload, signed with a key derived from a fixed seed,
 * so that both sides measure the very same key, payload and signature. Ed25519 signatures are
 * deterministic; the proof is the same in every run.
 *
 * <pre>{@code
 * java -cp policy-benchmarks/target/benchmarks.jar dev.connectpolicy.benchmarks.AdmitProof > proof.json
 * }</pre>
 */
public final class AdmitProof {

  static final long NOW = 1_767_225_600_000L;
  static final long SIGNED_AT = NOW - 250;
  static final String NONCE = "2f6d1c3a-9b7e-4c55-8e1a-6a4f0b3d2c19";
  static final String TOKEN = "gateway-shared-token";

  /** The raw 32-byte public key. */
  final byte[] rawKey;

  /** The v3 payload, UTF-8. */
  final byte[] payload;

  /** The signature of the payload. */
  final byte[] signature;

  /** A well-formed signature by the same key over another payload: verifies neither v3 nor v2. */
  final byte[] wrongSignature;

  /** The device id: the lowercase hex SHA-256 of the key. */
  final String deviceId;

  AdmitProof() {
    byte[] seed = sha("SHA-256", "connect-policy admit benchmark");
    rawKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, rawKey, 0);
    deviceId = HexFormat.of().formatHex(sha("SHA-256", rawKey));
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
    payload = text.getBytes(StandardCharsets.UTF_8);
    signature = sign(seed, payload);
    wrongSignature = sign(seed, (text + "|tampered").getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sign(byte[] seed, byte[] message) {
    byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, message, 0, message.length, out, 0);
    return out;
  }

  /**
   * The raw request a gateway holds for this proof.
   *
   * @param signatureBytes the signature to send
   * @return the request
   */
  ConnectRequest request(byte[] signatureBytes) {
    String key = base64url(rawKey);
    return new ConnectRequest(
        new ConnectFrame(
            new ClientInfo("node-host", "node", "2026.9.6", "linux", null),
            "node",
            List.of(),
            Credentials.token(TOKEN),
            new DeviceIdentity(deviceId, key, base64url(signatureBytes), SIGNED_AT, NONCE)),
        SocketInfo.of("203.0.113.10", Map.of("host", "gateway.example")),
        NONCE,
        NOW,
        GatewayConfig.of(GatewayAuth.token(TOKEN)),
        new PairedDevice(key, List.of("node"), List.of(), "linux", null, null));
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha(String algorithm, String text) {
    return sha(algorithm, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has " + algorithm, impossible);
    }
  }

  /**
   * Prints the proof as JSON: the key and the signature as they travel (base64url), the payload as
   * text.
   *
   * @param arguments none
   * @throws IOException if standard output fails
   */
  public static void main(String[] arguments) throws IOException {
    AdmitProof proof = new AdmitProof();
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("publicKey", base64url(proof.rawKey));
    json.put("payload", new String(proof.payload, StandardCharsets.UTF_8));
    json.put("signature", base64url(proof.signature));
    System.out.println(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }
}

package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proofs signed by an independent Ed25519 implementation: Node.js's {@code node:crypto}, which
 * OpenClaw's clients use ({@code src/test/node/generate-device-proofs.mjs}, whose output is
 * committed). Every v3 and v2 proof is accepted, and every single tampering is rejected with the
 * right code.
 */
class NodeDeviceProofTest {

  /**
   * {@code recommended}'s rules without its release's connect schema: a policy that is not a
   * profile is read with the evidence layer's defaults, which check none. These cases are about the
   * evidence (a tampered client id, a device without platform), not the schema ({@code
   * ConnectSchemaTest}).
   */
  private static final ConnectPolicy RECOMMENDED_RULES =
      context -> ConnectPolicies.recommended().evaluate(context);

  private static final List<JsonNode> VECTORS = new ArrayList<>();

  static {
    TestData.read("evidence/node-device-proofs.json").get("vectors").forEach(VECTORS::add);
  }

  /** One vector as the raw request a gateway would hold, with a chosen signature. */
  private record Proof(
      ClientInfo client,
      String role,
      List<String> scopes,
      Credentials auth,
      DeviceIdentity device,
      String challenge,
      long now) {

    ConnectRequest request() {
      return new ConnectRequest(
          new ConnectFrame(client, role, scopes, auth, device),
          SocketInfo.of("198.51.100.20", java.util.Map.of("host", "gateway.example")),
          challenge,
          now,
          GatewayConfig.of(GatewayAuth.token("unrelated-gateway-token")),
          null);
    }

    Proof withDevice(UnaryOperator<DeviceIdentity> change) {
      return new Proof(client, role, scopes, auth, change.apply(device), challenge, now);
    }

    Proof withClient(ClientInfo newClient) {
      return new Proof(newClient, role, scopes, auth, device, challenge, now);
    }

    Proof withRole(String newRole) {
      return new Proof(client, newRole, scopes, auth, device, challenge, now);
    }

    Proof withScopes(List<String> newScopes) {
      return new Proof(client, role, newScopes, auth, device, challenge, now);
    }

    Proof withAuth(Credentials newAuth) {
      return new Proof(client, role, scopes, newAuth, device, challenge, now);
    }

    Proof withChallenge(String newChallenge) {
      return new Proof(client, role, scopes, auth, device, newChallenge, now);
    }

    Proof withNow(long newNow) {
      return new Proof(client, role, scopes, auth, device, challenge, newNow);
    }
  }

  private static Proof proof(JsonNode vector, String signatureField, String keyField) {
    JsonNode client = vector.get("client");
    JsonNode auth = vector.get("auth");
    DeviceIdentity device =
        new DeviceIdentity(
            vector.get("deviceId").asText(),
            vector.get(keyField).asText(),
            vector.get(signatureField).asText(),
            vector.get("signedAt").asLong(),
            vector.get("nonce").asText());
    return new Proof(
        new ClientInfo(
            client.get("id").asText(),
            client.get("mode").asText(),
            "2026.9.6", // not signed; every released gateway requires one
            TestData.textOrNull(client, "platform"),
            TestData.textOrNull(client, "deviceFamily")),
        vector.get("role").asText(),
        TestData.strings(vector.get("scopes")),
        new Credentials(
            TestData.textOrNull(auth, "token"),
            TestData.textOrNull(auth, "password"),
            TestData.textOrNull(auth, "deviceToken"),
            TestData.textOrNull(auth, "bootstrapToken")),
        device,
        vector.get("nonce").asText().strip(),
        vector.get("signedAt").asLong() + 1_500);
  }

  @TestFactory
  Stream<DynamicTest> nodeSignedProofs() {
    List<DynamicTest> tests = new ArrayList<>();
    assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(5);
    for (Ed25519Verifier verifier : Ed25519Verifier.values()) {
      for (JsonNode vector : VECTORS) {
        String name = verifier + ", " + vector.get("name").asText();
        tests.add(
            DynamicTest.dynamicTest(
                name + ": payloads as Node built them", () -> payloads(vector)));
        tests.add(
            DynamicTest.dynamicTest(
                name + ": v3 accepted",
                () ->
                    accepted(
                        verifier, proof(vector, "signatureV3", "publicKey"), PayloadVersion.V3)));
        tests.add(
            DynamicTest.dynamicTest(
                name + ": v2 accepted",
                () ->
                    accepted(
                        verifier, proof(vector, "signatureV2", "publicKey"), PayloadVersion.V2)));
        tests.add(
            DynamicTest.dynamicTest(
                name + ": PEM key accepted",
                () ->
                    accepted(
                        verifier,
                        proof(vector, "signatureV3", "publicKeyPem"),
                        PayloadVersion.V3)));
        tests.add(
            DynamicTest.dynamicTest(
                name + ": every tampering of the v3 proof rejected",
                () -> tamperings(verifier, proof(vector, "signatureV3", "publicKey"), true)));
        tests.add(
            DynamicTest.dynamicTest(
                name + ": every tampering of the v2 proof rejected, metadata unbound",
                () -> tamperings(verifier, proof(vector, "signatureV2", "publicKey"), false)));
      }
    }
    return tests.stream();
  }

  private static void payloads(JsonNode vector) {
    Proof proof = proof(vector, "signatureV3", "publicKey");
    for (boolean v3 : new boolean[] {true, false}) {
      assertThat(
              Requests.payload(
                  v3,
                  proof.device().id(),
                  proof.client(),
                  proof.role(),
                  proof.scopes(),
                  proof.device().signedAt(),
                  proof.auth(),
                  proof.challenge()))
          .isEqualTo(vector.get(v3 ? "payloadV3" : "payloadV2").asText());
    }
  }

  private static void accepted(Ed25519Verifier verifier, Proof proof, PayloadVersion version) {
    Admission.Result result = Admission.admit(RECOMMENDED_RULES, proof.request(), verifier);
    assertThat(result.facts()).get().extracting(f -> f.device()).isEqualTo(DeviceProof.VERIFIED);
    assertThat(result.payloadVersion()).isEqualTo(version);
  }

  private static void tamperings(Ed25519Verifier verifier, Proof proof, boolean v3) {
    String otherId = VECTORS.get(0).get("deviceId").asText();
    if (otherId.equals(proof.device().id())) {
      otherId = VECTORS.get(1).get("deviceId").asText();
    }
    String id = otherId;
    rejected(
        verifier,
        "id",
        proof.withDevice(
            d -> new DeviceIdentity(id, d.publicKey(), d.signature(), d.signedAt(), d.nonce())),
        RejectCode.DEVICE_AUTH_DEVICE_ID_MISMATCH);
    if (proof.scopes().size() >= 2) {
      List<String> reordered = new ArrayList<>(proof.scopes());
      Collections.reverse(reordered);
      rejected(
          verifier,
          "scopes order",
          proof.withScopes(reordered),
          RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    }
    rejected(
        verifier,
        "scope added",
        proof.withScopes(plus(proof.scopes(), "operator.admin")),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    Credentials auth = proof.auth();
    Credentials otherToken =
        auth.token() != null
            ? new Credentials(
                auth.token() + "x", auth.password(), auth.deviceToken(), auth.bootstrapToken())
            : new Credentials(
                "injected", auth.password(), auth.deviceToken(), auth.bootstrapToken());
    rejected(
        verifier, "token", proof.withAuth(otherToken), RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    rejected(
        verifier,
        "nonce and challenge",
        proof
            .withChallenge(proof.challenge() + "x")
            .withDevice(
                d ->
                    new DeviceIdentity(
                        d.id(),
                        d.publicKey(),
                        d.signature(),
                        d.signedAt(),
                        proof.challenge() + "x")),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    rejected(
        verifier,
        "nonce only",
        proof.withDevice(
            d ->
                new DeviceIdentity(
                    d.id(), d.publicKey(), d.signature(), d.signedAt(), "other-nonce")),
        RejectCode.DEVICE_AUTH_NONCE_MISMATCH);
    rejected(
        verifier,
        "nonce blank",
        proof.withDevice(
            d -> new DeviceIdentity(d.id(), d.publicKey(), d.signature(), d.signedAt(), " ")),
        RejectCode.DEVICE_AUTH_NONCE_REQUIRED);
    rejected(
        verifier,
        "signedAt",
        proof.withDevice(
            d ->
                new DeviceIdentity(
                    d.id(), d.publicKey(), d.signature(), d.signedAt() + 1, d.nonce())),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    rejected(
        verifier,
        "stale",
        proof.withNow(proof.device().signedAt() + 120_001),
        RejectCode.DEVICE_AUTH_SIGNATURE_EXPIRED);
    rejected(
        verifier,
        "role",
        proof.withRole(proof.role().equals("node") ? "operator" : "node"),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    ClientInfo client = proof.client();
    rejected(
        verifier,
        "client id",
        proof.withClient(
            new ClientInfo(
                client.id() + "x",
                client.mode(),
                client.version(),
                client.platform(),
                client.deviceFamily())),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    rejected(
        verifier,
        "client mode",
        proof.withClient(
            new ClientInfo(
                client.id(),
                client.mode() + "x",
                client.version(),
                client.platform(),
                client.deviceFamily())),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    byte[] signature = Base64.getUrlDecoder().decode(proof.device().signature());
    signature[5] ^= 0x20;
    String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    rejected(
        verifier,
        "signature bit",
        proof.withDevice(
            d -> new DeviceIdentity(d.id(), d.publicKey(), flipped, d.signedAt(), d.nonce())),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    JsonNode other =
        VECTORS.get(0).get("deviceId").asText().equals(proof.device().id())
            ? VECTORS.get(1)
            : VECTORS.get(0);
    rejected(
        verifier,
        "another device's key and id",
        proof.withDevice(
            d ->
                new DeviceIdentity(
                    other.get("deviceId").asText(),
                    other.get("publicKey").asText(),
                    d.signature(),
                    d.signedAt(),
                    d.nonce())),
        RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    rejected(
        verifier,
        "undecodable key",
        proof.withDevice(
            d ->
                new DeviceIdentity(
                    d.id(), d.publicKey().substring(1), d.signature(), d.signedAt(), d.nonce())),
        RejectCode.DEVICE_AUTH_PUBLIC_KEY_INVALID);
    Proof platform =
        proof.withClient(
            new ClientInfo(
                client.id(),
                client.mode(),
                client.version(),
                "tampered-os",
                client.deviceFamily()));
    Proof family =
        proof.withClient(
            new ClientInfo(
                client.id(),
                client.mode(),
                client.version(),
                client.platform(),
                "tampered-family"));
    if (v3) {
      rejected(verifier, "platform", platform, RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
      rejected(verifier, "device family", family, RejectCode.DEVICE_AUTH_SIGNATURE_INVALID);
    } else {
      accepted(verifier, platform, PayloadVersion.V2);
      accepted(verifier, family, PayloadVersion.V2);
    }
  }

  private static List<String> plus(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static void rejected(
      Ed25519Verifier verifier, String tampering, Proof proof, RejectCode code) {
    Admission.Result result = Admission.admit(RECOMMENDED_RULES, proof.request(), verifier);
    Decision decision = result.decision();
    assertThat(decision).as("%s: %s", tampering, decision).isInstanceOf(Reject.class);
    assertThat(((Reject) decision).code()).as("%s: %s", tampering, decision).isEqualTo(code);
    assertThat(result.payloadVersion()).as(tampering).isEqualTo(PayloadVersion.NONE);
  }
}

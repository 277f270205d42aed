package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.evidence.internal.Base64Text;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The forgery of a device without its private key: the identity point as the public key, and the
 * signature R = identity, S = 0, which the JDK's verifier (and OpenSSL's, so OpenClaw's) accepts
 * over any payload. Every profile refuses it as {@code device-public-key}, with either verifier,
 * even for a device the pairing record already holds with that key: a deliberate departure from
 * OpenClaw.
 */
class SmallOrderKeyAdmissionTest {

  private static final long NOW = Requests.NOW;
  private static final String NONCE = "challenge-1";
  private static final String TOKEN = "gw-token";
  private static final byte[] IDENTITY =
      HexFormat.of().parseHex("0100000000000000000000000000000000000000000000000000000000000000");

  private static ConnectRequest forgedRequest(String role, ClientInfo client) {
    byte[] signature = new byte[64];
    System.arraycopy(IDENTITY, 0, signature, 0, 32);
    String key = Base64Text.encode(IDENTITY);
    return new ConnectRequest(
        new ConnectFrame(
            client,
            role,
            List.of(),
            Credentials.token(TOKEN),
            new DeviceIdentity(
                Ed25519.fingerprint(IDENTITY),
                key,
                Base64Text.encode(signature),
                NOW - 1_000,
                NONCE)),
        SocketInfo.of("127.0.0.1", Map.of("host", "127.0.0.1:18789")),
        NONCE,
        NOW,
        GatewayConfig.of(GatewayAuth.token(TOKEN)),
        new PairedDevice(key, List.of(role), List.of(), client.platform(), null, null));
  }

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void aKeyOfSmallOrder_isRefusedAsTheDevicePublicKey_inEveryProfile(Ed25519Verifier verifier) {
    List<ConnectRequest> requests =
        List.of(
            forgedRequest("node", new ClientInfo("node-host", "node", "linux", null)),
            forgedRequest("operator", new ClientInfo("cli", "cli", "linux", null)));
    for (ConnectRequest request : requests) {
      ConnectContext facts = Admission.facts(request, verifier);
      assertThat(facts.device()).isEqualTo(DeviceProof.PUBLIC_KEY_INVALID);
      // the facts had the forgery verified: the paired device, proven
      ConnectContext forged =
          facts.withDevice(DeviceProof.VERIFIED).withPairing(PairingState.PAIRED);
      assertThat(ConnectPolicies.recommended().evaluate(forged)).isInstanceOf(Accept.class);
      for (String profile : ConnectPolicies.names()) {
        PolicyPipeline policy = ConnectPolicies.profile(profile);
        Decision decision = Admission.admit(policy, request, verifier).decision();
        String where = profile + ", " + verifier + ": " + decision;
        assertThat(decision).as(where).isInstanceOf(Reject.class);
        Decision beforeTheDevice = policy.evaluate(forged);
        if (beforeTheDevice instanceof Reject earlier
            && !earlier.code().name().startsWith("DEVICE")) {
          // the profile refuses the request before it looks at the device (Moltis before its fix
          // redirects the upgrade to its login page)
          assertThat(((Reject) decision).code()).as(where).isEqualTo(earlier.code());
        } else {
          assertThat(((Reject) decision).code())
              .as(where)
              .isEqualTo(RejectCode.DEVICE_AUTH_PUBLIC_KEY_INVALID);
        }
      }
    }
  }
}

package dev.connectpolicy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ClientInfo;
import dev.connectpolicy.engine.evidence.ConnectFrame;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.Credentials;
import dev.connectpolicy.engine.evidence.DeviceIdentity;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PayloadVersion;
import dev.connectpolicy.engine.evidence.SocketInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorder's signatures are the ones admission verifies, over the token slot it signs. */
class DeviceTest {

  private static final long NOW = 1_800_000_000_000L;

  private static Admission.Result admit(Device device, String id, String signature, String token) {
    ConnectRequest request =
        new ConnectRequest(
            new ConnectFrame(
                new ClientInfo("cli", "cli", "1.0.0", "Linux ", null),
                "operator",
                List.of("operator.read"),
                Credentials.token(token),
                new DeviceIdentity(id, device.publicKey(), signature, NOW, "nonce-1")),
            SocketInfo.of("127.0.0.1", Map.of("host", "127.0.0.1:1")),
            "nonce-1",
            NOW,
            GatewayConfig.of(GatewayAuth.token(Recorder.TOKEN_MARKER)),
            null);
    return Admission.admit(ConnectPolicies.recommended(), request);
  }

  private static Device.Payload payload(String token) {
    return new Device.Payload(
        "cli", "cli", "operator", List.of("operator.read"), NOW, token, "nonce-1", "Linux ", "");
  }

  @Test
  void aV3SignatureOverTheMarkerVerifiesAsV3() {
    Device device = Device.generate();
    String signature = device.sign(payload(Recorder.TOKEN_MARKER).v3(device.id()));
    Admission.Result result = admit(device, device.id(), signature, Recorder.TOKEN_MARKER);
    assertThat(result.facts().orElseThrow().device()).isEqualTo(DeviceProof.VERIFIED);
    assertThat(result.payloadVersion()).isEqualTo(PayloadVersion.V3);
  }

  @Test
  void aV2SignatureVerifiesAsV2() {
    Device device = Device.generate();
    String signature = device.sign(payload(Recorder.TOKEN_MARKER).v2(device.id()));
    assertThat(admit(device, device.id(), signature, Recorder.TOKEN_MARKER).payloadVersion())
        .isEqualTo(PayloadVersion.V2);
  }

  @Test
  void aSignatureOverAnotherTokenDoesNotVerify() {
    Device device = Device.generate();
    String signature = device.sign(payload("the-real-secret").v3(device.id()));
    assertThat(
            admit(device, device.id(), signature, Recorder.TOKEN_MARKER)
                .facts()
                .orElseThrow()
                .device())
        .isEqualTo(DeviceProof.SIGNATURE_INVALID);
  }

  @Test
  void theDeviceIdIsTheFingerprintOfItsKey() {
    Device device = Device.generate();
    String other = Device.generate().id();
    String signature = device.sign(payload(Recorder.TOKEN_MARKER).v3(other));
    assertThat(device.id()).hasSize(64).isNotEqualTo(other);
    assertThat(
            admit(device, other, signature, Recorder.TOKEN_MARKER).facts().orElseThrow().device())
        .isEqualTo(DeviceProof.ID_MISMATCH);
  }
}

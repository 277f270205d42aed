package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PairedDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The policy's decision on the HTTP upgrade request, end to end: Moltis's node with a device token,
 * refused at the upgrade before PR #382 (its HTTP gate redirected {@code /ws} to {@code /login},
 * #381) and admitted after it, and an upgrade refused with any status and the decision as its body.
 */
@Timeout(30)
class UpgradePhaseTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "gw-secret-7f3a";
  private static final String DEVICE_TOKEN = "dev-token-51c2";
  private static final GatewayConfig TOKEN_GATEWAY = GatewayConfig.of(GatewayAuth.token(TOKEN));

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final LogLines log = new LogLines();

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private Gateway start(ConnectPolicy policy, PairingStore pairings) throws Exception {
    Gateway gateway =
        Gateway.builder(TOKEN_GATEWAY)
            .policy(policy)
            .pairingStore(pairings)
            .connectionLog(log)
            .start();
    resources.add(gateway);
    return gateway;
  }

  /** A node paired with a device token, as Moltis pairs its nodes. */
  private static PairingStore paired(Device device) throws Exception {
    return new PairingStore()
        .pair(
            device.id(),
            new PairedDevice(
                device.publicKey(), List.of("node"), List.of(), "linux", null, DEVICE_TOKEN));
  }

  @Test
  void moltisBeforePr382_refusesTheDeviceTokenNodeAtTheUpgrade_with303() throws Exception {
    Device device = Device.generate();
    Gateway gateway = start(ConnectPolicies.profile("moltis-before-pr382"), paired(device));
    RawClient client = RawClient.connect(gateway.port());
    resources.add(client);

    RawClient.Response response = client.upgrade(gateway.port(), Map.of());

    assertThat(response.status()).isEqualTo(303);
    assertThat(response.headers()).containsEntry("content-type", "application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("ok").asBoolean(true)).isFalse();
    assertThat(body.path("error").path("message").asText())
        .isEqualTo("not authenticated: redirected to /login");
    assertThat(body.path("error").path("details").path("code").asText())
        .isEqualTo("AUTH_NOT_AUTHENTICATED");
    assertThat(client.isClosedByPeer()).isTrue();
    client.close();
    assertThat(log.single())
        .startsWith("conn=- remote=127.0.0.1 refused at the upgrade with status 303:")
        .contains("AUTH_NOT_AUTHENTICATED")
        .contains("by upgrade.not-authenticated");
  }

  @Test
  void moltisPr382_admitsTheDeviceTokenNode() throws Exception {
    Device device = Device.generate();
    Gateway gateway = start(ConnectPolicies.profile("moltis-pr382"), paired(device));
    TestClient client = TestClient.connect(gateway.uri());
    resources.add(client::abort);
    String nonce = client.challenge();

    ObjectNode frame = GatewayEndToEndTest.connect("n1", "node-host", "node", "node", List.of());
    GatewayEndToEndTest.params(frame).putObject("auth").put("deviceToken", DEVICE_TOKEN);
    GatewayEndToEndTest.params(frame)
        .set(
            "device",
            device.proof(
                "node-host",
                "node",
                "node",
                List.of(),
                System.currentTimeMillis(),
                DEVICE_TOKEN,
                nonce,
                "linux",
                ""));
    client.send(frame.toString());

    JsonNode response = client.next();
    assertThat(response.path("ok").asBoolean()).as(response.toString()).isTrue();
    assertThat(response.path("payload").path("auth").path("role").asText()).isEqualTo("node");
    client.socket().abort();
    assertThat(log.single()).contains("accepted as node").contains("by credential.device-token");
  }

  /** Whatever status and rejection the policy decides at the upgrade is what the client gets. */
  @Test
  void upgradeRefusal_carriesThePolicysStatusAndRejection() throws Exception {
    ConnectPolicy forwardedRefused =
        new ConnectPolicy() {
          @Override
          public dev.connectpolicy.api.Decision evaluate(
              dev.connectpolicy.api.ConnectContext context) {
            return ConnectPolicies.recommended().evaluate(context);
          }

          @Override
          public UpgradeDecision evaluateUpgrade(UpgradeContext upgrade) {
            return upgrade.local()
                ? UpgradeDecision.defer("test.local")
                : UpgradeDecision.reject(
                    403,
                    Reject.of(
                        RejectCode.AUTH_UNAUTHORIZED,
                        "proxy",
                        "proxy client attribution required",
                        "test.forwarded"));
          }
        };
    Gateway gateway = start(forwardedRefused, new PairingStore());
    RawClient forwarded = RawClient.connect(gateway.port());
    resources.add(forwarded);
    RawClient direct = RawClient.connect(gateway.port());
    resources.add(direct);

    RawClient.Response refused =
        forwarded.upgrade(gateway.port(), Map.of("X-Forwarded-For", "203.0.113.7"));
    RawClient.Response upgraded = direct.upgrade(gateway.port(), Map.of());

    assertThat(refused.status()).isEqualTo(403);
    JsonNode error = JSON.readTree(refused.body()).path("error");
    assertThat(error.path("message").asText()).isEqualTo("proxy client attribution required");
    assertThat(error.path("details").path("code").asText()).isEqualTo("AUTH_UNAUTHORIZED");
    assertThat(error.path("details").path("reason").asText()).isEqualTo("proxy");
    assertThat(upgraded.status()).isEqualTo(101);
  }

  /** A policy that throws at the upgrade refuses it with 500, and nothing of what it threw. */
  @Test
  void policyThatThrowsAtTheUpgrade_refusesItWith500() throws Exception {
    ConnectPolicy broken =
        new ConnectPolicy() {
          @Override
          public dev.connectpolicy.api.Decision evaluate(
              dev.connectpolicy.api.ConnectContext context) {
            return ConnectPolicies.recommended().evaluate(context);
          }

          @Override
          public UpgradeDecision evaluateUpgrade(UpgradeContext upgrade) {
            throw new StackOverflowError("deep in the upgrade rules");
          }
        };
    Gateway gateway = start(broken, new PairingStore());
    RawClient client = RawClient.connect(gateway.port());
    resources.add(client);

    RawClient.Response response = client.upgrade(gateway.port(), Map.of());

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).contains("internal error").doesNotContain("deep in");
    assertThat(client.isClosedByPeer()).isTrue();
    client.close();
    assertThat(log.single()).contains("INTERNAL_ERROR").contains("gateway.upgrade-failed");
  }
}

package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.engine.evidence.ControlUiSettings;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PairedDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway end to end: started on 127.0.0.1 on an ephemeral port, driven by the JDK's WebSocket
 * client through OpenClaw's handshake, each test asserting the frames received and the close.
 */
@Timeout(30)
class GatewayEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "gw-secret-7f3a";
  private static final GatewayConfig TOKEN_GATEWAY = GatewayConfig.of(GatewayAuth.token(TOKEN));
  private static final GatewayConfig NO_AUTH_GATEWAY = GatewayConfig.of(GatewayAuth.none());

  private final List<Gateway> gateways = new ArrayList<>();
  private final List<TestClient> clients = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    clients.forEach(TestClient::abort);
    gateways.forEach(Gateway::stop);
  }

  private Gateway start(Gateway.Builder builder) throws Exception {
    Gateway gateway = builder.start();
    gateways.add(gateway);
    assertThat(gateway.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(gateway.port()).isPositive();
    return gateway;
  }

  private Gateway start(GatewayConfig config) throws Exception {
    return start(Gateway.builder(config));
  }

  private TestClient connect(Gateway gateway, Map<String, String> headers) throws Exception {
    TestClient client = TestClient.connect(gateway.uri(), headers);
    clients.add(client);
    return client;
  }

  private TestClient connect(Gateway gateway) throws Exception {
    return connect(gateway, Map.of());
  }

  /** A connect request as an OpenClaw client sends it, informational fields included. */
  static ObjectNode connect(
      String id, String clientId, String mode, String role, List<String> scopes) {
    ObjectNode frame = JSON.createObjectNode();
    frame.put("type", "req");
    frame.put("id", id);
    frame.put("method", "connect");
    ObjectNode params = frame.putObject("params");
    params.put("minProtocol", 3);
    params.put("maxProtocol", 3);
    ObjectNode client = params.putObject("client");
    client.put("id", clientId);
    client.put("mode", mode);
    client.put("version", "2026.4.1");
    client.put("platform", "linux");
    params.put("role", role);
    scopes.forEach(params.putArray("scopes")::add);
    params.putArray("caps");
    params.put("locale", "en-US");
    params.put("userAgent", "gateway-e2e-test");
    return frame;
  }

  static ObjectNode params(ObjectNode frame) {
    return (ObjectNode) frame.get("params");
  }

  private static void assertRejected(
      JsonNode response, String id, String error, String code, String message) {
    assertThat(response.path("type").asText()).isEqualTo("res");
    assertThat(response.path("id").asText()).isEqualTo(id);
    assertThat(response.path("ok").asBoolean(true)).isFalse();
    assertThat(response.path("error").path("code").asText()).isEqualTo(error);
    assertThat(response.path("error").path("message").asText()).isEqualTo(message);
    assertThat(response.path("error").path("details").path("code").asText()).isEqualTo(code);
  }

  private static void assertHelloOk(
      JsonNode response, String id, String role, List<String> scopes) {
    assertThat(response.path("type").asText()).isEqualTo("res");
    assertThat(response.path("id").asText()).isEqualTo(id);
    assertThat(response.path("ok").asBoolean()).isTrue();
    JsonNode payload = response.path("payload");
    assertThat(payload.path("type").asText()).isEqualTo("hello-ok");
    assertThat(payload.path("protocol").asInt()).isEqualTo(3);
    assertThat(payload.path("server").path("connId").asText()).isNotBlank();
    assertThat(payload.path("server").path("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(payload.path("auth").path("role").asText()).isEqualTo(role);
    List<String> granted = new ArrayList<>();
    payload.path("auth").path("scopes").forEach(scope -> granted.add(scope.asText()));
    assertThat(granted).isEqualTo(scopes);
  }

  /** Test 1: a paired node that signs the v3 payload over the nonce it received. */
  @Test
  void pairedNodeWithValidDeviceProof_isAcceptedWithHelloOk() throws Exception {
    Device device = Device.generate();
    PairingStore pairings =
        new PairingStore()
            .pair(
                device.id(),
                new PairedDevice(
                    device.publicKey(), List.of("node"), List.of(), "linux", null, null));
    Gateway gateway = start(Gateway.builder(TOKEN_GATEWAY).pairingStore(pairings));
    TestClient client = connect(gateway);
    String nonce = client.challenge();

    ObjectNode frame = connect("c1", "node-host", "node", "node", List.of());
    params(frame).putObject("auth").put("token", TOKEN);
    params(frame)
        .set(
            "device",
            device.proof(
                "node-host",
                "node",
                "node",
                List.of(),
                System.currentTimeMillis(),
                TOKEN,
                nonce,
                "linux",
                ""));
    client.send(frame.toString());

    String text = client.nextText();
    assertHelloOk(JSON.readTree(text), "c1", "node", List.of());
    assertThat(text).doesNotContain(TOKEN).doesNotContain("signature");
    assertThat(client.isClosed()).isFalse();

    client.send("{\"type\":\"req\",\"id\":\"c2\",\"method\":\"health\"}");
    JsonNode unknown = client.next();
    assertThat(unknown.path("id").asText()).isEqualTo("c2");
    assertThat(unknown.path("error").path("message").asText()).isEqualTo("unknown method: health");
  }

  /** Test 4: the same node with one byte of its signature flipped. */
  @Test
  void tamperedSignature_isRejectedSignatureInvalid() throws Exception {
    Device device = Device.generate();
    PairingStore pairings =
        new PairingStore()
            .pair(
                device.id(),
                new PairedDevice(
                    device.publicKey(), List.of("node"), List.of(), "linux", null, null));
    Gateway gateway = start(Gateway.builder(TOKEN_GATEWAY).pairingStore(pairings));
    TestClient client = connect(gateway);
    String nonce = client.challenge();

    ObjectNode frame = connect("c1", "node-host", "node", "node", List.of());
    params(frame).putObject("auth").put("token", TOKEN);
    ObjectNode proof =
        device.proof(
            "node-host",
            "node",
            "node",
            List.of(),
            System.currentTimeMillis(),
            TOKEN,
            nonce,
            "linux",
            "");
    String tampered = Device.tampered(proof.get("signature").asText());
    proof.put("signature", tampered);
    params(frame).set("device", proof);
    client.send(frame.toString());

    String text = client.nextText();
    JsonNode response = JSON.readTree(text);
    assertRejected(
        response,
        "c1",
        "INVALID_REQUEST",
        "DEVICE_AUTH_SIGNATURE_INVALID",
        "device signature invalid");
    assertThat(response.path("error").path("details").path("reason").asText())
        .isEqualTo("device-signature");
    assertThat(text).doesNotContain(TOKEN).doesNotContain(tampered).doesNotContain(nonce);
    assertThat(client.awaitClose())
        .isEqualTo(new TestClient.Closed(1008, "device signature invalid"));
  }

  /** Test 2: the browser Control UI from an Origin that is not on the allow-list. */
  @Test
  void controlUiFromDisallowedOrigin_isRejectedOriginNotAllowed() throws Exception {
    GatewayConfig config =
        new GatewayConfig(
            GatewayAuth.token(TOKEN),
            List.of(),
            false,
            new ControlUiSettings(List.of("https://control.example"), false, false, false));
    Gateway gateway = start(config);
    TestClient client = connect(gateway, Map.of("Origin", "https://evil.example"));
    client.challenge();

    ObjectNode frame =
        connect("ui-1", "openclaw-control-ui", "webchat", "operator", List.of("operator.read"));
    params(frame).putObject("auth").put("token", TOKEN);
    client.send(frame.toString());

    String message =
        "origin not allowed (open the Control UI from the gateway host or allow it in"
            + " gateway.controlUi.allowedOrigins)";
    JsonNode response = client.next();
    assertRejected(response, "ui-1", "INVALID_REQUEST", "CONTROL_UI_ORIGIN_NOT_ALLOWED", message);
    assertThat(response.path("error").path("details").path("reason").asText())
        .isEqualTo("origin not allowed");
    assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1008, message));
  }

  /** The gateway's own backend client, device-less, claiming the admin scope. */
  private static ObjectNode backend() {
    return connect("b1", "gateway-client", "backend", "operator", List.of("operator.admin"));
  }

  /**
   * Test 3: the gateway's own backend on loopback. With auth mode {@code none} the recommended
   * profile admits it without a device and keeps its scopes (OpenClaw #75781).
   */
  @Test
  void loopbackBackend_underAuthModeNone_isAdmittedWithItsScopes() throws Exception {
    Gateway gateway = start(NO_AUTH_GATEWAY);
    TestClient client = connect(gateway);
    client.challenge();
    client.send(backend().toString());

    assertHelloOk(client.next(), "b1", "operator", List.of("operator.admin"));
    assertThat(client.isClosed()).isFalse();
  }

  /**
   * Test 3, refused: the same backend, same gateway, but its upgrade carries a browser Origin, so
   * it is no longer the gateway's own backend (the exemption needs no Origin).
   */
  @Test
  void loopbackBackend_withABrowserOrigin_isRefusedDeviceIdentityRequired() throws Exception {
    Gateway gateway = start(NO_AUTH_GATEWAY);
    TestClient client = connect(gateway, Map.of("Origin", "http://127.0.0.1:" + gateway.port()));
    client.challenge();
    client.send(backend().toString());

    assertRejected(
        client.next(), "b1", "NOT_PAIRED", "DEVICE_IDENTITY_REQUIRED", "device identity required");
    assertThat(client.awaitClose())
        .isEqualTo(new TestClient.Closed(1008, "device identity required"));
  }

  /**
   * Test 3, with a shared token: admitted as any operator with the token is, its self-declared
   * scopes cleared (the #72418 fix: a shared secret no longer makes a backend keep them).
   */
  @Test
  void loopbackBackend_withTheSharedToken_isAdmittedWithItsScopesCleared() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    TestClient client = connect(gateway);
    client.challenge();
    ObjectNode frame = backend();
    params(frame).putObject("auth").put("token", TOKEN);
    client.send(frame.toString());

    assertHelloOk(client.next(), "b1", "operator", List.of());
  }

  /**
   * The load benchmark's transport floor ({@code --benchmark-floor}) asks no policy: a backend with
   * a wrong token, which the same gateway refuses without it, gets the floor's constant {@code
   * hello-ok}, and the log line says so. The default gateway is never the floor.
   */
  @Test
  void benchmarkFloor_answersEveryConnectWithTheConstantHelloOk_andIsNeverTheDefault()
      throws Exception {
    ObjectNode frame = backend();
    params(frame).putObject("auth").put("token", "not-the-token");

    TestClient refused = connect(start(TOKEN_GATEWAY));
    refused.challenge();
    refused.send(frame.toString());
    assertThat(refused.next().path("ok").asBoolean(true)).isFalse();

    LogLines log = new LogLines();
    Gateway floor = start(Gateway.builder(TOKEN_GATEWAY).benchmarkFloor().connectionLog(log));
    TestClient client = connect(floor);
    assertThat(client.challenge()).isNotBlank();
    client.send(frame.toString());
    JsonNode answer = client.next();
    assertThat(answer.path("ok").asBoolean()).isTrue();
    assertThat(answer.path("id").asText()).isEqualTo("benchmark-floor");
    assertThat(answer.path("payload").path("type").asText()).isEqualTo("hello-ok");
    assertThat(answer.path("payload").path("server").path("connId").asText())
        .isEqualTo("benchmark-floor");
    client.socket().sendClose(1000, "bye");
    assertThat(log.single()).contains(Handshake.FLOOR_SUMMARY).endsWith("closed 1000 bye");
  }

  /**
   * Test 5: the admitted backend of test 3, but its upgrade carries {@code X-Forwarded-For} naming
   * another address, and the gateway trusts no proxy: the client is not local, so nothing exempts
   * it from the device identity.
   */
  @Test
  void clientBehindUntrustedProxy_isNotLocalAndRefused() throws Exception {
    Gateway gateway = start(NO_AUTH_GATEWAY);
    TestClient client = connect(gateway, Map.of("X-Forwarded-For", "203.0.113.7"));
    client.challenge();
    client.send(backend().toString());

    assertRejected(
        client.next(), "b1", "NOT_PAIRED", "DEVICE_IDENTITY_REQUIRED", "device identity required");
    assertThat(client.awaitClose())
        .isEqualTo(new TestClient.Closed(1008, "device identity required"));
  }

  /** Test 6: a client that never sends {@code connect} is closed after the handshake timeout. */
  @Test
  void silentClient_isClosedAfterTheHandshakeTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(200);
    Gateway gateway = start(Gateway.builder(TOKEN_GATEWAY).handshakeTimeout(timeout));
    long started = System.nanoTime();
    TestClient client = connect(gateway);
    client.challenge();

    TestClient.Closed closed = client.awaitClose();
    assertThat(closed).isEqualTo(new TestClient.Closed(1008, "handshake timeout"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(timeout);
  }

  @Test
  void challenge_carriesAFreshNonceAndTheGatewayClock() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    long before = System.currentTimeMillis();
    JsonNode first = connect(gateway).next();
    JsonNode second = connect(gateway).next();

    assertThat(first.path("payload").path("ts").asLong())
        .isBetween(before, System.currentTimeMillis());
    String nonce = first.path("payload").path("nonce").asText();
    assertThat(nonce).isNotBlank().isNotEqualTo(second.path("payload").path("nonce").asText());
  }

  /**
   * Upgrade headers the engine refuses (more forwarding headers than it reads) are malformed input:
   * answered as admit answers it, an {@code INVALID_CONTEXT} reject naming the field.
   */
  @Test
  void socketTheEngineRefuses_isRejectedInvalidContext() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 0; i < 130; i++) {
      headers.put("X-Forwarded-Hop" + i, "10.0.0." + (i % 250));
    }
    TestClient client = connect(gateway, headers);
    client.challenge();
    ObjectNode frame = connect("c1", "cli", "cli", "operator", List.of());
    params(frame).putObject("auth").put("token", TOKEN);
    client.send(frame.toString());

    JsonNode response = client.next();
    assertThat(response.path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(response.path("error").path("details").path("code").asText())
        .isEqualTo("INVALID_CONTEXT");
    assertThat(response.path("error").path("details").path("reason").asText())
        .isEqualTo("socket.headers");
    assertThat(response.path("error").path("message").asText()).contains("at most 128");
    assertThat(client.awaitClose().code()).isEqualTo(1008);
  }

  /** O1: a first frame that is not a request frame gets no response, only the close. */
  @Test
  void firstFrameThatIsNoRequest_isClosedWithoutResponse() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    for (String frame : List.of("{\"type\":\"event\",\"event\":\"hello\"}", "not json", "{}")) {
      TestClient client = connect(gateway);
      client.challenge();
      client.send(frame);
      assertThat(client.awaitClose())
          .as(frame)
          .isEqualTo(new TestClient.Closed(1008, "invalid request frame"));
    }
  }

  /**
   * A worker's identity on the gateway's route: closed 1008 {@code invalid-handshake} without a
   * response, as OpenClaw 2026.9 closes it and {@code recommended} decides it.
   */
  @Test
  void workerIdentity_isClosedWithoutResponse() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    for (ObjectNode frame :
        List.of(
            connect("w1", "openclaw-worker", "backend", "operator", List.of()),
            connect("w2", "cli", "worker", "operator", List.of()),
            connect("w3", "cli", "cli", "worker", List.of()))) {
      params(frame).putObject("auth").put("token", TOKEN);
      TestClient client = connect(gateway);
      client.challenge();
      client.send(frame.toString());
      assertThat(client.awaitClose())
          .as(frame.toString())
          .isEqualTo(new TestClient.Closed(1008, "invalid-handshake"));
    }
  }

  /** O2: a first request that is not {@code connect}. */
  @Test
  void firstRequestThatIsNotConnect_isAnsweredInvalidHandshake() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    TestClient client = connect(gateway);
    client.challenge();
    client.send("{\"type\":\"req\",\"id\":\"r1\",\"method\":\"health\",\"params\":{}}");

    String message = "invalid handshake: first request must be connect";
    JsonNode response = client.next();
    assertThat(response.path("id").asText()).isEqualTo("r1");
    assertThat(response.path("ok").asBoolean(true)).isFalse();
    assertThat(response.path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(response.path("error").path("message").asText()).isEqualTo(message);
    assertThat(response.path("error").has("details")).isFalse();
    assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1008, message));
  }

  /** O3: connect parameters that do not fit the schema; the message names the field. */
  @Test
  void malformedConnectParams_areAnsweredInvalidConnectParams() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    TestClient client = connect(gateway);
    client.challenge();
    ObjectNode frame = connect("c1", "cli", "cli", "operator", List.of());
    params(frame).putObject("auth").put("token", 42);
    client.send(frame.toString());

    String message =
        "invalid connect params: field `connect.auth.token` must be a string, got a number";
    JsonNode response = client.next();
    assertThat(response.path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(response.path("error").path("message").asText()).isEqualTo(message);
    assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1008, message));
  }

  /** O6: a client that speaks no protocol version this gateway speaks. */
  @Test
  void protocolMismatch_isClosedWith1002() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    TestClient client = connect(gateway);
    client.challenge();
    ObjectNode frame = connect("c1", "cli", "cli", "operator", List.of());
    params(frame).put("minProtocol", 4).put("maxProtocol", 4);
    client.send(frame.toString());

    JsonNode response = client.next();
    assertThat(response.path("error").path("message").asText()).isEqualTo("protocol mismatch");
    assertThat(response.path("error").path("details").path("expectedProtocol").asInt())
        .isEqualTo(3);
    assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1002, "protocol mismatch"));
  }

  /** O4: a first frame over 64 KiB. */
  @Test
  void oversizedFirstFrame_isClosedWith1009() throws Exception {
    Gateway gateway = start(TOKEN_GATEWAY);
    TestClient client = connect(gateway);
    client.challenge();
    client.send("{\"type\":\"req\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");

    assertThat(client.awaitClose())
        .isEqualTo(new TestClient.Closed(1009, "preauth payload too large"));
  }
}

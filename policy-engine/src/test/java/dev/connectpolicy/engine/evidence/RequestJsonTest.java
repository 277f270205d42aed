package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.InvalidContextException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw request reader and the request records: strict, bounded, and silent about secrets. */
class RequestJsonTest {

  private static final String SECRET = "S3CRET-do-not-print";

  /** docs/CONTRACT.md section 3, verbatim. */
  private static final String CONTRACT_EXAMPLE =
      "{\"connect\": {\"client\": {\"id\": \"node-host\", \"mode\": \"node\", \"version\":"
          + " \"2026.9.6\", \"platform\": \"linux\"}, \"role\": \"node\", \"scopes\": [], \"auth\":"
          + " {\"token\": \"s3cret\"}, \"device\": {\"id\": \"<lowercase hex sha-256 of the raw"
          + " 32-byte Ed25519 public key>\", \"publicKey\": \"<base64url raw key, or PEM>\","
          + " \"signature\": \"<base64url>\", \"signedAt\": 1700000000000, \"nonce\": \"<challenge"
          + " nonce>\"}}, \"socket\": {\"remoteAddress\": \"127.0.0.1\", \"headers\": {\"host\":"
          + " \"127.0.0.1:18789\", \"origin\": null, \"x-forwarded-for\": null}}, \"challengeNonce\":"
          + " \"<nonce the gateway sent in connect.challenge>\", \"now\": 1700000000500, \"gateway\":"
          + " {\"auth\": {\"mode\": \"token\", \"token\": \"s3cret\"}, \"trustedProxies\": [],"
          + " \"allowRealIpFallback\": false, \"controlUi\": {\"allowedOrigins\": [],"
          + " \"allowInsecureAuth\": false, \"dangerouslyDisableDeviceAuth\": false}},"
          + " \"pairedDevice\": {\"publicKey\": \"<base64url>\", \"roles\": [\"node\"], \"scopes\": [],"
          + " \"platform\": \"linux\", \"deviceFamily\": \"\"}}";

  private static final String MINIMAL =
      "{\"connect\": {\"client\": {\"id\": \"cli\", \"mode\": \"cli\"}},"
          + " \"socket\": {\"remoteAddress\": \"127.0.0.1\"}, \"challengeNonce\": \"c\","
          + " \"now\": 1, \"gateway\": {\"auth\": {\"mode\": \"none\"}}}";

  @Test
  void contractExample_isReadAsWritten_andItsPlaceholderKeyIsRefusedByName() {
    ConnectRequest request = RequestJson.read(CONTRACT_EXAMPLE);
    assertThat(request.connect().role()).isEqualTo("node");
    assertThat(request.connect().device()).isNotNull();
    assertThat(request.connect().device().signedAt()).isEqualTo(1_700_000_000_000L);
    assertThat(request.socket().headers()).containsOnlyKeys("host");
    assertThat(request.gateway().auth().mode()).isEqualTo(AuthMode.TOKEN);
    assertThat(request.pairedDevice()).isNotNull();
    InvalidContextException refused =
        catchThrowableOfType(InvalidContextException.class, () -> Admission.facts(request));
    assertThat(refused.field()).isEqualTo("pairedDevice.publicKey");
  }

  /** OpenClaw's connect params as a client sends them, informational members and all. */
  private static final String OPENCLAW_PARAMS =
      "{\"minProtocol\": 3, \"maxProtocol\": 4, \"client\": {\"id\": \"node-host\", \"mode\":"
          + " \"node\", \"platform\": \"linux\", \"deviceFamily\": \"\", \"version\": \"2026.4.2\","
          + " \"displayName\": \"rack 3\", \"instanceId\": \"i-1\", \"modelIdentifier\": \"x\"},"
          + " \"role\": \"node\", \"scopes\": [], \"caps\": [\"canvas\"], \"commands\":"
          + " [\"system.run\"], \"permissions\": {\"camera\": false}, \"locale\": \"en-GB\","
          + " \"userAgent\": \"openclaw-node/2026.4.2\", \"auth\": {\"token\": \"s3cret\","
          + " \"approvalRuntimeToken\": \"r\"}, \"device\": {\"id\": \"d\", \"publicKey\": \"k\","
          + " \"signature\": \"s\", \"signedAt\": 1700000000000, \"nonce\": \"n\"}}";

  @Test
  void connectParams_ignoreOpenClawsInformationalMembers_andReadWhatAdmissionReads() {
    ConnectFrame frame = RequestJson.readConnectParams(OPENCLAW_PARAMS);

    assertThat(frame)
        .isEqualTo(
            new ConnectFrame(
                new ClientInfo("node-host", "node", "2026.4.2", "linux", ""),
                "node",
                List.of(),
                Credentials.token("s3cret"),
                new DeviceIdentity("d", "k", "s", 1_700_000_000_000L, "n")));
    assertThat(RequestJson.readConnectParams("{\"client\": {\"id\": \"cli\", \"mode\": \"cli\"}}"))
        .isEqualTo(RequestJson.read(MINIMAL).connect());
  }

  @Test
  void clientVersion_isReadInBothForms_absentAsNull() {
    assertThat(RequestJson.readConnectParams(OPENCLAW_PARAMS).client().version())
        .isEqualTo("2026.4.2");
    assertThat(RequestJson.read(MINIMAL).connect().client().version()).isNull();
    assertThat(
            RequestJson.read(
                    MINIMAL.replace("\"mode\": \"cli\"", "\"mode\": \"cli\", \"version\": \"1\""))
                .connect()
                .client()
                .version())
        .isEqualTo("1");
  }

  @Test
  void connectParams_areStrictOnWhatAdmissionReads() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put(
        OPENCLAW_PARAMS.replace("\"token\": \"s3cret\"", "\"token\": 7"),
        "field `connect.auth.token` must be a string, got a number");
    refused.put(
        OPENCLAW_PARAMS.replace("\"token\": \"s3cret\"", "\"tokn\": \"s3cret\""),
        "unknown field `connect.auth.tokn`");
    refused.put(
        OPENCLAW_PARAMS.replace("\"nonce\": \"n\"}", "\"nonce\": \"n\", \"x\": 1}"),
        "unknown field `connect.device.x`");
    refused.put(
        OPENCLAW_PARAMS.replace("\"mode\": \"node\", ", ""), "missing field `connect.client.mode`");
    refused.put(
        OPENCLAW_PARAMS.replace("\"scopes\": []", "\"scopes\": \"all\""),
        "field `connect.scopes` must be a list of strings, got a string");
    refused.put("[]", "field `connect` must be a JSON object, got a list");
    for (Map.Entry<String, String> entry : refused.entrySet()) {
      InvalidContextException problem =
          catchThrowableOfType(
              InvalidContextException.class, () -> RequestJson.readConnectParams(entry.getKey()));
      assertThat(problem).as(entry.getKey()).isNotNull();
      assertThat(problem.getMessage()).isEqualTo(entry.getValue());
      assertThat(problem.getMessage()).doesNotContain("s3cret");
    }
  }

  @Test
  void omittedFields_takeTheirDefaults() {
    ConnectRequest request = RequestJson.read(MINIMAL);
    assertThat(request.connect().role()).isEqualTo("operator");
    assertThat(request.connect().scopes()).isEmpty();
    assertThat(request.connect().auth()).isEqualTo(Credentials.NONE);
    assertThat(request.connect().device()).isNull();
    assertThat(request.socket().headers()).isEmpty();
    assertThat(request.gateway().trustedProxies()).isEmpty();
    assertThat(request.gateway().allowRealIpFallback()).isFalse();
    assertThat(request.gateway().controlUi()).isEqualTo(ControlUiSettings.DEFAULT);
    assertThat(request.pairedDevice()).isNull();
  }

  @Test
  void secretsOverTheirBound_areRefusedByName_withoutQuotingThem() {
    String huge = SECRET + "x".repeat(8_200);
    String json =
        MINIMAL.replace(
            "\"mode\": \"cli\"}", "\"mode\": \"cli\"}, \"auth\": {\"token\": \"" + huge + "\"}");
    InvalidContextException refused = refused(json);
    assertThat(refused.field()).isEqualTo("connect.auth.token");
    assertThat(refused.getMessage()).contains("8192").doesNotContain(SECRET);
  }

  @Test
  void aSecretOfTheWrongType_isNamedNotQuoted() {
    String json =
        MINIMAL.replace(
            "{\"mode\": \"none\"}", "{\"mode\": \"token\", \"token\": [\"" + SECRET + "\"]}");
    InvalidContextException refused = refused(json);
    assertThat(refused.field()).isEqualTo("gateway.auth.token");
    assertThat(refused.getMessage())
        .isEqualTo("field `gateway.auth.token` must be a string, got a list");
  }

  @Test
  void malformedJsonAroundASecret_isNotQuoted() {
    String json = "{\"connect\": {\"auth\": {\"token\": \"" + SECRET + "\" \"password\": 1}}}";
    InvalidContextException refused = refused(json);
    assertThat(refused.getMessage()).startsWith("malformed JSON").doesNotContain(SECRET);
  }

  @Test
  void tooManyScopes_areRefusedByName() {
    List<String> scopes = new ArrayList<>();
    for (int i = 0; i < 257; i++) {
      scopes.add("operator.s" + i);
    }
    InvalidContextException refused =
        catchThrowableOfType(
            InvalidContextException.class,
            () ->
                new ConnectFrame(
                    ClientInfo.of("cli", "cli"), "operator", scopes, Credentials.NONE, null));
    assertThat(refused.field()).isEqualTo("connect.scopes");
    assertThat(refused.getMessage())
        .isEqualTo("field `connect.scopes` has 257 entries, at most 256 allowed");
  }

  @Test
  void oversizedHeaderValuesAndTooManyHeaders_areRefusedByName() {
    InvalidContextException value =
        catchThrowableOfType(
            InvalidContextException.class,
            () -> SocketInfo.of("127.0.0.1", Map.of("X-Long", "y".repeat(8_193))));
    assertThat(value.field()).isEqualTo("socket.headers.X-Long");
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 129; i++) {
      many.put("h" + i, "v");
    }
    InvalidContextException count =
        catchThrowableOfType(InvalidContextException.class, () -> SocketInfo.of("127.0.0.1", many));
    assertThat(count.field()).isEqualTo("socket.headers");
  }

  @Test
  void oversizedSignatureAndKey_areRefusedByName() {
    InvalidContextException signature =
        catchThrowableOfType(
            InvalidContextException.class,
            () -> new DeviceIdentity("id", "key", "A".repeat(16_385), 1L, "n"));
    assertThat(signature.field()).isEqualTo("connect.device.signature");
    InvalidContextException key =
        catchThrowableOfType(
            InvalidContextException.class,
            () -> new DeviceIdentity("id", "A".repeat(8_193), "sig", 1L, "n"));
    assertThat(key.field()).isEqualTo("connect.device.publicKey");
  }

  @Test
  void headerNames_areCaseInsensitive() {
    SocketInfo socket = SocketInfo.of("127.0.0.1", Map.of("X-Forwarded-For", "10.0.0.1"));
    assertThat(socket.headers()).containsOnlyKeys("x-forwarded-for");
    assertThat(socket.header("x-FORWARDED-for")).isEqualTo("10.0.0.1");
    assertThat(socket.header("origin")).isNull();
  }

  @Test
  void printedRecords_neverShowASecret() {
    Credentials credentials =
        new Credentials(SECRET + "1", SECRET + "2", SECRET + "3", SECRET + "4");
    DeviceIdentity device = new DeviceIdentity("id", "key", SECRET + "5", 1L, SECRET + "6");
    PairedDevice paired =
        new PairedDevice("key", List.of("node"), List.of(), null, null, SECRET + "7");
    GatewayAuth auth = new GatewayAuth(AuthMode.TOKEN, SECRET + "8", SECRET + "9", null);
    SocketInfo socket = SocketInfo.of("127.0.0.1", Map.of("Authorization", "Bearer " + SECRET));
    ConnectRequest request =
        new ConnectRequest(
            new ConnectFrame(
                ClientInfo.of("cli", "cli"), "operator", List.of(), credentials, device),
            socket,
            SECRET + "nonce",
            1,
            new GatewayConfig(auth, List.of(), false, ControlUiSettings.DEFAULT),
            paired);
    assertThat(request.toString()).doesNotContain(SECRET).contains("(redacted)", "authorization");
    assertThat(credentials.toString())
        .isEqualTo(
            "Credentials[token=(redacted), password=(redacted), deviceToken=(redacted),"
                + " bootstrapToken=(redacted)]");
    assertThat(Credentials.NONE.toString()).doesNotContain("redacted");
  }

  private static InvalidContextException refused(String json) {
    InvalidContextException refused =
        catchThrowableOfType(InvalidContextException.class, () -> RequestJson.read(json));
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }
}

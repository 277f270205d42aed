package dev.connectpolicy.engine.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectpolicy.engine.evidence.TestData;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The payload vectors of reference section 4 (D01 to D03) and the token slot. */
class DevicePayloadTest {

  @TestFactory
  Stream<DynamicTest> payloadVectors_areReproducedExactly() {
    return TestData.rows("evidence/payload-vectors.json").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("id").asText() + " (" + row.get("ref").asText() + ")",
                    () -> assertThat(payload(row)).isEqualTo(row.get("expect").asText())));
  }

  private static String payload(JsonNode row) {
    String token = DevicePayload.tokenSlot(TestData.textOrNull(row, "token"), null, null);
    if (row.get("version").asText().equals("v2")) {
      return DevicePayload.v2(
          row.get("deviceId").asText(),
          row.get("clientId").asText(),
          row.get("clientMode").asText(),
          row.get("role").asText(),
          TestData.strings(row.get("scopes")),
          row.get("signedAtMs").asLong(),
          token,
          row.get("nonce").asText());
    }
    return DevicePayload.v3(
        row.get("deviceId").asText(),
        row.get("clientId").asText(),
        row.get("clientMode").asText(),
        row.get("role").asText(),
        TestData.strings(row.get("scopes")),
        row.get("signedAtMs").asLong(),
        token,
        row.get("nonce").asText(),
        TestData.textOrNull(row, "platform"),
        TestData.textOrNull(row, "deviceFamily"));
  }

  @Test
  void tokenSlot_prefersTokenThenDeviceTokenThenBootstrapToken_andKeepsAnEmptyToken() {
    assertThat(DevicePayload.tokenSlot("t", "d", "b")).isEqualTo("t");
    assertThat(DevicePayload.tokenSlot(null, "d", "b")).isEqualTo("d");
    assertThat(DevicePayload.tokenSlot(null, null, "b")).isEqualTo("b");
    assertThat(DevicePayload.tokenSlot(null, null, null)).isEmpty();
    assertThat(DevicePayload.tokenSlot("", "d", "b")).as("`??` keeps an empty string").isEmpty();
  }
}

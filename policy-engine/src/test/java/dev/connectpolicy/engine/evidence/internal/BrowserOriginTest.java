package dev.connectpolicy.engine.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.engine.evidence.TestData;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The rows of {@code evidence/origin-cases.json}: OpenClaw's {@code checkBrowserOrigin}. */
class BrowserOriginTest {

  @TestFactory
  Stream<DynamicTest> originRows() {
    return TestData.rows("evidence/origin-cases.json").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("ref").asText() + ": " + row.get("note").asText(),
                    () -> assertThat(check(row)).isEqualTo(expected(row))));
  }

  private static OriginCheck check(JsonNode row) {
    List<String> allowed = row.has("allowed") ? TestData.strings(row.get("allowed")) : List.of();
    return BrowserOrigin.check(
        TestData.textOrNull(row, "origin"),
        TestData.textOrNull(row, "host"),
        allowed,
        row.path("hostFallback").asBoolean(false),
        row.path("local").asBoolean(false));
  }

  private static OriginCheck expected(JsonNode row) {
    return OriginCheck.valueOf(row.get("expect").asText().toUpperCase(java.util.Locale.ROOT));
  }
}

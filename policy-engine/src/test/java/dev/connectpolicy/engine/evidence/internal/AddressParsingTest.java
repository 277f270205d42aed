package dev.connectpolicy.engine.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectpolicy.engine.evidence.TestData;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The address, hop and trusted-proxy rows of {@code evidence/*.json} (reference section 1.4). */
class AddressParsingTest {

  @TestFactory
  Stream<DynamicTest> addressLiterals_parseStrictlyAndClassify() {
    return TestData.rows("evidence/ip-literals.json").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("note").asText() + ": `" + row.get("text").asText() + "`",
                    () -> {
                      IpAddress address = IpAddress.parse(row.get("text").asText());
                      String expected = TestData.textOrNull(row, "address");
                      if (expected == null) {
                        assertThat(address).as("refused").isNull();
                        return;
                      }
                      assertThat(address).as("parsed").isNotNull();
                      assertThat(address.toString()).isEqualTo(expected);
                      assertThat(address.isLoopback())
                          .as("loopback")
                          .isEqualTo(row.get("loopback").asBoolean());
                      assertThat(address.isPrivateOrLoopback())
                          .as("private or loopback")
                          .isEqualTo(row.get("private").asBoolean());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> forwardedHops_mayCarryAPort() {
    return TestData.rows("evidence/forwarded-hops.json").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("note").asText() + ": `" + row.get("hop").asText() + "`",
                    () -> {
                      IpAddress address = IpAddress.parseHop(row.get("hop").asText());
                      String expected = TestData.textOrNull(row, "address");
                      if (expected == null) {
                        assertThat(address).isNull();
                      } else {
                        assertThat(address).hasToString(expected);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> trustedProxyEntries_matchTheirBlock() {
    return TestData.rows("evidence/ip-ranges.json").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("note").asText() + ": `" + row.get("range").asText() + "`",
                    () -> checkRange(row)));
  }

  private static void checkRange(JsonNode row) {
    IpRange range = IpRange.parse(row.get("range").asText());
    if (row.has("valid") && !row.get("valid").asBoolean()) {
      assertThat(range).as("refused").isNull();
      return;
    }
    assertThat(range).as("parsed").isNotNull();
    IpAddress address = IpAddress.parse(row.get("address").asText());
    assertThat(address).isNotNull();
    assertThat(range.contains(address)).isEqualTo(row.get("contains").asBoolean());
  }
}

package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.internal.RequestReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference rows that concern evidence (sections 1.4 to 2.7 and 4), one data file per topic:
 * each row's raw request goes through {@link RequestJson#read} and {@link Admission}, and the
 * derived facts are compared with the row's partial expectation. Every accepted row's facts must
 * also be consistent.
 */
class EvidenceRowsTest {

  /**
   * {@code recommended}'s rules, read as {@code recommended} reads a request but without its
   * release's connect schema. These cases are about the evidence (a tampered client id, a device
   * without platform, a secret in the other kind's field), not the schema ({@code
   * ConnectSchemaTest}).
   */
  private static final ConnectPolicy RECOMMENDED_RULES =
      context -> ConnectPolicies.recommended().evaluate(context);

  static {
    RequestReading.register(
        RECOMMENDED_RULES,
        RequestReading.of(ConnectPolicies.recommended()).toBuilder().schema(null).build());
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> FILES =
      List.of(
          "evidence/rows/locality.json",
          "evidence/rows/auth.json",
          "evidence/rows/device-proof.json",
          "evidence/rows/pairing.json",
          "evidence/rows/invalid-input.json");

  @TestFactory
  Stream<DynamicTest> everyEvidenceRow() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      for (JsonNode row : TestData.rows(file)) {
        String name =
            file.substring(file.lastIndexOf('/') + 1)
                + " "
                + row.get("id").asText()
                + " ("
                + row.get("ref").asText()
                + "): "
                + row.get("note").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> check(row)));
      }
    }
    return tests.stream();
  }

  private static void check(JsonNode row) throws Exception {
    String json = Requests.build(row);
    JsonNode expect = row.get("expect");
    if (expect.has("invalid")) {
      String field = expect.get("invalid").asText();
      InvalidContextException thrown =
          catchThrowableOfType(
              InvalidContextException.class, () -> Admission.facts(RequestJson.read(json)));
      assertThat(thrown).as("refused as invalid").isNotNull();
      assertThat(thrown.field()).isEqualTo(field);
      assertThat(thrown.getMessage()).contains("`" + field).doesNotContain("gw-token");
      ConnectRequest parsed = request(json);
      if (parsed != null) {
        Admission.Result result = Admission.admit(RECOMMENDED_RULES, parsed);
        assertThat(result.facts()).isEmpty();
        assertThat(result.decision()).isInstanceOf(Reject.class);
        Reject reject = (Reject) result.decision();
        assertThat(reject.code()).isEqualTo(RejectCode.INVALID_CONTEXT);
        assertThat(reject.reason()).isEqualTo(field);
      }
      return;
    }
    Admission.Result result = Admission.admit(RECOMMENDED_RULES, RequestJson.read(json));
    assertThat(result.facts()).as("facts derived").isPresent();
    ConnectContext facts = result.facts().get();
    assertThat(FactSpace.contradictions(facts)).as("consistency of %s", facts).isEmpty();
    List<String> mismatches = new ArrayList<>();
    compare("", expect.get("facts"), MAPPER.readTree(PolicyJson.write(facts)), mismatches);
    if (expect.has("payloadVersion")) {
      String version = result.payloadVersion().wire();
      if (!version.equals(expect.get("payloadVersion").asText())) {
        mismatches.add(
            "payloadVersion: expected " + expect.get("payloadVersion") + ", was " + version);
      }
    }
    if (!mismatches.isEmpty()) {
      fail(String.join("\n", mismatches) + "\nfacts: " + PolicyJson.write(facts));
    }
  }

  /** Reads a request, or returns null when the reader itself refuses it. */
  private static ConnectRequest request(String json) {
    try {
      return RequestJson.read(json);
    } catch (InvalidContextException malformedJson) {
      return null;
    }
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String next = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode value = actual.get(field.getKey());
        if (value == null) {
          out.add(next + ": missing");
        } else {
          compare(next, field.getValue(), value, out);
        }
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + ", was " + actual);
    }
  }
}

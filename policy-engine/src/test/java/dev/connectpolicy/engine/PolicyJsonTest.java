package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@Order(Order.DEFAULT + 3) // walks a whole fact space
class PolicyJsonTest {

  /** The tag of the tests that run only in the {@code agreement-proofs} profile. */
  private static final String EVERY_CELL = "every-cell";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every context of the standard fact space round trips. In the {@code agreement-proofs} profile
   * (tag {@code every-cell}), which CI runs once; the default build round trips a sample.
   */
  @Test
  @Tag(EVERY_CELL)
  void everyContextOfTheFactSpaceRoundTrips() {
    AtomicLong checked = new AtomicLong();
    FactSpace.standard()
        .contexts()
        .parallel()
        .forEach(
            context -> {
              assertRoundTrips(context);
              checked.incrementAndGet();
            });
    assertThat(checked.get()).isEqualTo(TotalityTest.STANDARD_CELLS);
  }

  /**
   * Every {@value #STRIDE}th context of the standard fact space round trips, and those contexts
   * hold every value of every fact: each fact is read and written independently of the others, so
   * every value of each is exercised.
   */
  @Test
  void aSampleOfTheFactSpaceHoldingEveryValueOfEveryFactRoundTrips() {
    FactSpace space = FactSpace.standard();
    Map<Dimension<?>, Set<Object>> unseen = new LinkedHashMap<>();
    for (Dimension<?> dimension : space.dimensions()) {
      unseen.put(dimension, new HashSet<>(space.domain(dimension)));
    }
    long[] index = {0};
    long[] checked = {0};
    space.forEach(
        context -> {
          if (index[0]++ % STRIDE != 0) {
            return;
          }
          assertRoundTrips(context);
          unseen.forEach((dimension, values) -> values.remove(dimension.get(context)));
          checked[0]++;
        });
    unseen.values().removeIf(Set::isEmpty);
    assertThat(unseen).as("fact values missing from the sample").isEmpty();
    assertThat(checked[0]).isEqualTo((TotalityTest.STANDARD_CELLS + STRIDE - 1) / STRIDE);
  }

  /** The stride of the sample: prime, so that it cycles through the values of every fact. */
  private static final int STRIDE = 61;

  private static void assertRoundTrips(ConnectContext context) {
    ConnectContext back = PolicyJson.readContext(PolicyJson.write(context));
    if (!back.equals(context)) {
      throw new AssertionError("round trip changed " + PolicyJson.write(context));
    }
  }

  @Test
  void theFactsOfOtherGatewaysRoundTripAndOpenClawsAreWrittenAsBefore() {
    for (GatewayFamily family : GatewayFamily.values()) {
      if (family == GatewayFamily.OPENCLAW) {
        continue;
      }
      family
          .space()
          .forEach(
              context ->
                  assertThat(PolicyJson.readContext(PolicyJson.write(context))).isEqualTo(context));
    }
    ConnectContext mosaic =
        GatewayFamily.MOSAIC
            .space()
            .contexts()
            .filter(c -> c.failedAttempts() == 5)
            .findFirst()
            .orElseThrow()
            .withCredentialSource(dev.connectpolicy.api.CredentialSource.QUERY)
            .withWorkspace(dev.connectpolicy.api.WorkspaceAccess.MEMBER);
    assertThat(PolicyJson.write(mosaic))
        .contains("\"sharedAuthOk\":false,\"source\":\"query\"}")
        .endsWith(",\"workspace\":\"member\",\"failedAttempts\":5}");
    String openClaw = PolicyJson.write(FactSpace.standard().iterator().next());
    assertThat(openClaw).doesNotContain("source", "workspace", "failedAttempts");
  }

  @Test
  void upgradeDecisionsAreWrittenWithTheirStatus() {
    assertThat(PolicyJson.write(dev.connectpolicy.api.UpgradeDecision.defer("upgrade.public-path")))
        .isEqualTo("{\"outcome\":\"defer\",\"status\":101,\"decidedBy\":\"upgrade.public-path\"}");
    assertThat(
            PolicyJson.write(
                dev.connectpolicy.api.UpgradeDecision.reject(
                    303,
                    Reject.of(
                        RejectCode.AUTH_NOT_AUTHENTICATED,
                        null,
                        "not authenticated",
                        "upgrade.not-authenticated"))))
        .isEqualTo(
            "{\"outcome\":\"reject\",\"status\":303,\"code\":\"AUTH_NOT_AUTHENTICATED\","
                + "\"error\":\"INVALID_REQUEST\",\"reason\":null,\"message\":\"not authenticated\","
                + "\"close\":{\"code\":1008,\"reason\":\"not authenticated\"},"
                + "\"decidedBy\":\"upgrade.not-authenticated\"}");
  }

  @Test
  void everyDistinctDecisionOfEveryProfileRoundTrips() {
    Set<Decision> decisions = new HashSet<>();
    FactSpace.standard()
        .forEach(
            context -> {
              for (Profile profile : GatewayFamily.OPENCLAW.profiles()) {
                decisions.add(profile.policy().evaluate(context));
              }
            });
    for (Profile profile : Profile.values()) {
      if (profile.family() == GatewayFamily.OPENCLAW) {
        continue; // its space is the standard space, every cell of which was decided above
      }
      profile
          .family()
          .space()
          .forEach(context -> decisions.add(profile.policy().evaluate(context)));
    }
    decisions.add(
        PolicyJson.invalidContext(new InvalidContextException("origin", "bad origin"), "line 3"));
    for (Decision decision : decisions) {
      assertThat(PolicyJson.readDecision(PolicyJson.write(decision))).isEqualTo(decision);
    }
    assertThat(decisions).hasSizeGreaterThan(100);
  }

  @Test
  void decisionsAreWrittenFieldForFieldAsTheContractSays() throws IOException {
    Reject reject =
        new Reject(
            RejectCode.AUTH_TOKEN_MISMATCH,
            "token_mismatch",
            "unauthorized: gateway token mismatch (provide gateway auth token)",
            Close.of(1008, "unauthorized: gateway token mismatch (provide gateway auth token)"),
            "auth.gate",
            new AuthAdvice(true, NextStep.RETRY_WITH_DEVICE_TOKEN),
            null);
    assertThat(PolicyJson.write(reject))
        .isEqualTo(
            "{\"outcome\":\"reject\",\"code\":\"AUTH_TOKEN_MISMATCH\",\"error\":\"INVALID_REQUEST\","
                + "\"reason\":\"token_mismatch\",\"message\":\"unauthorized: gateway token mismatch"
                + " (provide gateway auth token)\",\"close\":{\"code\":1008,\"reason\":\"unauthorized:"
                + " gateway token mismatch (provide gateway auth token)\"},"
                + "\"canRetryWithDeviceToken\":true,\"recommendedNextStep\":\"retry_with_device_token\","
                + "\"decidedBy\":\"auth.gate\"}");
    Accept accept = new Accept(Role.OPERATOR, List.of(), true, PairingAction.NONE, "accept");
    assertThat(PolicyJson.write(accept))
        .isEqualTo(
            "{\"outcome\":\"accept\",\"role\":\"operator\",\"scopes\":[],\"scopesCleared\":true,"
                + "\"pairing\":\"none\",\"decidedBy\":\"accept\"}");
    Reject plain =
        Reject.of(
            RejectCode.DEVICE_IDENTITY_REQUIRED,
            null,
            "device identity required",
            "device.missing-identity");
    JsonNode tree = JSON.readTree(PolicyJson.write(plain));
    assertThat(tree.get("reason").isNull()).as("reason is written as null").isTrue();
    assertThat(tree.has("hint")).isFalse();
    assertThat(tree.has("canRetryWithDeviceToken")).isFalse();
  }

  @Test
  void contextsAreWrittenWithEveryFieldExplicit() throws IOException {
    ConnectContext context =
        PolicyJson.readContext(
            "{\"role\":\"node\",\"client\":{\"id\":\"node-host\",\"mode\":\"node\"},\"local\":true,"
                + "\"origin\":\"absent\",\"auth\":{\"mode\":\"none\",\"provided\":\"none\","
                + "\"ok\":true,\"method\":\"none\",\"sharedAuthOk\":false},\"device\":\"verified\"}");
    JsonNode tree = JSON.readTree(PolicyJson.write(context));

    assertThat(tree.get("locality").asText()).isEqualTo("direct_local");
    assertThat(tree.get("pairing").asText()).isEqualTo("not-paired");
    assertThat(tree.get("scopes").isArray()).isTrue();
    assertThat(tree.get("auth").get("reason").isNull()).isTrue();
    assertThat(tree.get("controlUi").get("dangerouslyDisableDeviceAuth").asBoolean()).isFalse();
  }

  @Test
  void nullStandsForAnOmittedOptionalField() {
    ConnectContext context =
        PolicyJson.readContext(
            "{\"role\":\"operator\",\"scopes\":null,\"client\":{\"id\":\"cli\",\"mode\":\"cli\"},"
                + "\"local\":false,\"locality\":null,\"origin\":\"absent\",\"auth\":{\"mode\":\"token\","
                + "\"provided\":\"token\",\"ok\":true,\"method\":\"token\",\"reason\":null,"
                + "\"sharedAuthOk\":true},\"device\":\"absent\",\"pairing\":null,\"controlUi\":null}");

    assertThat(context.scopes()).isEmpty();
    assertThat(context.locality()).isEqualTo(Locality.REMOTE);
    assertThat(context.pairing()).isEqualTo(PairingState.NOT_PAIRED);
  }

  @TestFactory
  Stream<DynamicTest> malformedContextsGiveTheDocumentedErrors() throws IOException {
    JsonNode rows;
    try (InputStream in = getClass().getResourceAsStream("/json/malformed-contexts.json")) {
      rows = JSON.readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode row : rows) {
      String input = row.get("input").asText();
      tests.add(
          DynamicTest.dynamicTest(
              row.get("message").asText(),
              () ->
                  assertThatThrownBy(() -> PolicyJson.readContext(input))
                      .isInstanceOf(InvalidContextException.class)
                      .hasMessage(row.get("message").asText())
                      .extracting(e -> ((InvalidContextException) e).field())
                      .isEqualTo(row.get("field").asText())));
    }
    return tests.stream();
  }

  @Test
  void malformedJsonNeverQuotesTheInput() {
    String secretish = "{\"role\": s3cretvalue}";
    assertThatThrownBy(() -> PolicyJson.readContext(secretish)).hasMessageNotContaining("s3cret");
  }

  @Test
  void decisionsAreReadStrictly() {
    assertThatThrownBy(
            () ->
                PolicyJson.readDecision(
                    "{\"outcome\":\"reject\",\"code\":\"PAIRING_REQUIRED\",\"error\":\"INVALID_REQUEST\","
                        + "\"reason\":null,\"message\":\"m\",\"close\":{\"code\":1008,\"reason\":\"m\"},"
                        + "\"decidedBy\":\"x\"}"))
        .hasMessage(
            "field `error` is `INVALID_REQUEST` but code `PAIRING_REQUIRED` goes with `NOT_PAIRED`");
    assertThatThrownBy(() -> PolicyJson.readDecision("{\"outcome\":\"maybe\"}"))
        .hasMessage("field `outcome` has unknown value `maybe`, expected one of accept, reject");
    assertThatThrownBy(
            () ->
                PolicyJson.readDecision(
                    "{\"outcome\":\"accept\",\"role\":\"node\",\"scopes\":[],\"scopesCleared\":false,"
                        + "\"pairing\":\"none\",\"decidedBy\":\"x\",\"extra\":1}"))
        .hasMessage("unknown field `extra`");
  }
}

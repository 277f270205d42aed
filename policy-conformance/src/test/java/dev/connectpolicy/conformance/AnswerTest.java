package dev.connectpolicy.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ConnectPolicy POLICY = ConnectPolicies.profile("openclaw-2026.5.28");

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aRecordedErrorGivesItsDetailCodeMessageAndCloseCode() throws Exception {
    Answer answer =
        Answer.recorded(
            json(
                "{\"kind\":\"error\",\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"invalid"
                    + " role\"},\"close\":{\"code\":1008,\"reason\":\"invalid role\"}}"));
    assertThat(answer.value(Aspect.OUTCOME)).isEqualTo("reject");
    assertThat(answer.value(Aspect.CODE)).isEqualTo(Answer.NONE);
    assertThat(answer.value(Aspect.MESSAGE)).isEqualTo("invalid role");
    assertThat(answer.value(Aspect.CLOSE_CODE)).isEqualTo("1008");
    assertThat(answer.value(Aspect.SCOPES)).isNull();
  }

  @Test
  void aModelledRejectShowsNoDetailCodeWhereOpenClawSendsNone() {
    Answer role =
        Answer.of(
            Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "role.known"), POLICY, false);
    Answer schema =
        Answer.of(
            Reject.of(
                RejectCode.INVALID_CONNECT_PARAMS,
                null,
                "invalid connect params: at /client: must have required property 'version'",
                "connect.schema"),
            POLICY,
            false);
    Answer pairing =
        Answer.of(
            Reject.of(RejectCode.PAIRING_REQUIRED, null, "pairing required", "p"), POLICY, false);
    assertThat(role.value(Aspect.CODE)).isEqualTo(Answer.NONE);
    assertThat(role.value(Aspect.MESSAGE)).isEqualTo("invalid role");
    assertThat(schema.value(Aspect.CODE)).isEqualTo(Answer.NONE);
    assertThat(pairing.value(Aspect.CODE)).isEqualTo("PAIRING_REQUIRED");
  }

  @Test
  void aRefusedUpgradeIsShownAsOpenClawWritesIt() throws Exception {
    Answer recorded =
        Answer.recorded(
            json(
                "{\"kind\":\"upgrade-refused\",\"status\":403,\"body\":\"{\\\"error\\\":{\\\"message\\\":"
                    + "\\\"No.\\\",\\\"type\\\":\\\"proxy_attribution_required\\\"}}\\n\"}"));
    Answer modelled =
        Answer.ofUpgrade(
            UpgradeDecision.reject(
                403,
                Reject.of(
                    RejectCode.PROXY_ATTRIBUTION_REQUIRED,
                    "proxy_attribution_required",
                    "No.",
                    "upgrade.proxy-attribution")));
    assertThat(modelled).isEqualTo(recorded);
    assertThat(modelled.value(Aspect.CODE)).isEqualTo(Answer.NONE);
    assertThat(modelled.value(Aspect.CLOSE_CODE)).isEqualTo("http 403");
    assertThatThrownBy(() -> Answer.ofUpgrade(UpgradeDecision.deferred()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRejectClosedWithoutAResponseShowsNoMessage() throws Exception {
    Answer recorded =
        Answer.recorded(
            json(
                "{\"kind\":\"closed\",\"close\":{\"code\":1008,\"reason\":\"invalid-handshake\"}}"));
    Answer modelled =
        Answer.of(
            new Reject(
                RejectCode.INVALID_HANDSHAKE,
                null,
                "invalid-handshake",
                Close.of(1008, "invalid-handshake"),
                "connect.worker-identity",
                null,
                null),
            POLICY,
            false);
    assertThat(modelled).isEqualTo(recorded);
    assertThat(modelled.value(Aspect.MESSAGE)).isEqualTo(Answer.NONE);
  }

  @Test
  void theOriginRejectionHasNoDetailCodeUnder2026_3_11Only() {
    Reject origin =
        Reject.of(
            RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED, null, "origin not allowed", "origin.allowed");
    assertThat(
            Answer.of(origin, ConnectPolicies.profile("openclaw-2026.3.11"), false)
                .value(Aspect.CODE))
        .isEqualTo(Answer.NONE);
    assertThat(
            Answer.of(origin, ConnectPolicies.profile("openclaw-2026.3.13"), false)
                .value(Aspect.CODE))
        .isEqualTo("CONTROL_UI_ORIGIN_NOT_ALLOWED");
    assertThat(Answer.of(origin, POLICY, false).value(Aspect.CODE))
        .isEqualTo("CONTROL_UI_ORIGIN_NOT_ALLOWED");
  }

  @Test
  void aReplayedRequestTakesTheSentVersionFromTheClientAsSent() throws Exception {
    ObjectNode line =
        (ObjectNode)
            json(
                "{\"request\":{\"connect\":{\"client\":{\"id\":\"cli\",\"mode\":\"cli\"}}},"
                    + "\"sentClient\":{\"id\":\"cli\",\"mode\":\"cli\",\"version\":\"1.0.0\"}}");
    assertThat(json(Replay.request(line)).at("/connect/client/version").asText())
        .isEqualTo("1.0.0");
    ObjectNode without =
        (ObjectNode)
            json(
                "{\"request\":{\"connect\":{\"client\":{\"id\":\"cli\",\"mode\":\"cli\"}}},"
                    + "\"sentClient\":{\"id\":\"cli\",\"mode\":\"cli\"}}");
    assertThat(json(Replay.request(without)).at("/connect/client").has("version")).isFalse();
  }

  @Test
  void theProbeTellsWhetherReadIsEffectiveOnlyWhenItAnswersWithScopes() throws Exception {
    Answer granted = Answer.recorded(json("{\"kind\":\"hello-ok\",\"probe\":{\"ok\":true}}"));
    Answer denied =
        Answer.recorded(
            json(
                "{\"kind\":\"hello-ok\",\"probe\":{\"ok\":false,\"error\":{\"message\":\"missing"
                    + " scope: operator.read\"}}}"));
    Answer untold =
        Answer.recorded(
            json(
                "{\"kind\":\"hello-ok\",\"probe\":{\"ok\":false,\"error\":{\"message\":\"unauthorized"
                    + " role: node\"}}}"));
    assertThat(granted.value(Aspect.SCOPES)).isEqualTo("read granted");
    assertThat(denied.value(Aspect.SCOPES)).isEqualTo("read denied");
    assertThat(untold.value(Aspect.SCOPES)).isNull();
    assertThat(Answer.compared(Aspect.SCOPES, granted, untold)).isFalse();
    assertThat(Answer.compared(Aspect.SCOPES, granted, denied)).isTrue();
  }

  @Test
  void aRefusedUpgradeIsARejectWithItsStatusAndBody() throws Exception {
    Answer answer =
        Answer.recorded(json("{\"kind\":\"upgrade-refused\",\"status\":403,\"body\":\"no\\n\"}"));
    assertThat(answer.value(Aspect.OUTCOME)).isEqualTo("reject");
    assertThat(answer.value(Aspect.MESSAGE)).isEqualTo("no");
    assertThat(answer.value(Aspect.CLOSE_CODE)).isEqualTo("http 403");
  }

  @Test
  void anUnansweredAttemptComparesNothing() throws Exception {
    assertThat(Answer.recorded(json("{\"kind\":\"timeout\"}")).answered()).isFalse();
    assertThat(Answer.recorded(json("{\"kind\":\"failed\"}")).answered()).isFalse();
  }

  @Test
  void aModelledAcceptGrantsReadThroughAnyOperatorReadingScope() {
    Accept admin =
        new Accept(Role.OPERATOR, List.of("operator.admin"), false, PairingAction.NONE, "accept");
    Accept cleared = new Accept(Role.OPERATOR, List.of(), true, PairingAction.NONE, "accept");
    assertThat(Answer.of(admin, POLICY, true).value(Aspect.SCOPES)).isEqualTo("read granted");
    assertThat(Answer.of(cleared, POLICY, true).value(Aspect.SCOPES)).isEqualTo("read denied");
    assertThat(Answer.of(cleared, POLICY, false).value(Aspect.SCOPES)).isNull();
  }

  @Test
  void aModelledRejectIsComparedOnCodeMessageAndCloseCode() {
    Reject reject =
        Reject.of(RejectCode.PAIRING_REQUIRED, null, "pairing required", "pairing.required");
    Answer answer = Answer.of(reject, POLICY, false);
    assertThat(answer.value(Aspect.CODE)).isEqualTo("PAIRING_REQUIRED");
    assertThat(answer.value(Aspect.MESSAGE)).isEqualTo("pairing required");
    assertThat(answer.value(Aspect.CLOSE_CODE)).isEqualTo(Integer.toString(Close.POLICY_VIOLATION));
    Answer accepted =
        Answer.of(new Accept(Role.NODE, List.of(), false, PairingAction.NONE, "a"), POLICY, false);
    assertThat(Answer.compared(Aspect.CODE, answer, accepted)).isTrue();
    assertThat(accepted.shown(Aspect.CODE)).isEqualTo(Answer.NONE);
  }
}

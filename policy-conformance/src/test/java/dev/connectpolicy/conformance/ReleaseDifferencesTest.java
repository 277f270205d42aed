package dev.connectpolicy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.RequestJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule-level and reading-level differences of the releases 2026.3.11 to 2026.9.6, each checked
 * on the very attempt the real gateway answered: the recorded request decided under the profile of
 * its release gives the recorded answer, and under a neighbouring release's profile (which lacks
 * the difference) it does not.
 */
class ReleaseDifferencesTest {

  private static final Path RECORDINGS = Path.of("src/test/resources/recordings");

  private static ObjectNode attempt(String file, String name) throws IOException {
    for (ObjectNode line : Recording.read(RECORDINGS.resolve(file)).attempts()) {
      if (line.path("attempt").asText().equals(name) && !line.has("setupFor")) {
        return line;
      }
    }
    throw new AssertionError("no attempt `" + name + "` in " + file);
  }

  /** Decides the recorded request as the replay does (with the client version that was sent). */
  private static Decision admit(String profile, ObjectNode line) {
    return Admission.admit(ConnectPolicies.profile(profile), RequestJson.read(Replay.request(line)))
        .decision();
  }

  private static String code(Decision decision) {
    return decision.fold(accept -> "accept", reject -> reject.code().wire());
  }

  private static String recordedCode(JsonNode line) {
    JsonNode answer = line.get("answer");
    return answer.path("kind").asText().equals("hello-ok")
        ? "accept"
        : answer.path("error").path("details").path("code").asText("-");
  }

  @Test
  void aSilentlyPairedNodeOf2026_3CannotUseItsDeviceToken() throws IOException {
    ObjectNode line =
        attempt(
            "openclaw-2026.3.13-token.jsonl.gz",
            "node-host/node node [] credential=device-token device=v3 pairing=paired"
                + " locality=direct origin=absent schema=valid");
    assertThat(line.at("/request/pairedDevice").has("scopes")).isFalse();
    assertThat(line.get("storedPairing").has("scopes")).isFalse();
    assertThat(recordedCode(line)).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");

    Decision decision = admit("openclaw-2026.3.13", line);
    assertThat(code(decision)).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
    assertThat(((Reject) decision).message()).isEqualTo(line.at("/answer/error/message").asText());

    ObjectNode march11 =
        attempt(
            "openclaw-2026.3.11-token.jsonl.gz",
            "node-host/node node [] credential=device-token device=v3 pairing=paired"
                + " locality=direct origin=absent schema=valid");
    assertThat(march11.at("/request/pairedDevice").has("scopes")).isFalse();
    assertThat(recordedCode(march11)).isEqualTo("accept");
    assertThat(code(admit("openclaw-2026.3.11", march11))).isEqualTo("accept");
    assertThat(code(admit("openclaw-2026.3.13", march11))).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
  }

  @Test
  void anEmptyScopeListIsABaseline() throws IOException {
    ObjectNode line =
        attempt(
            "openclaw-2026.3.13-token.jsonl.gz",
            "node-host/node node [] credential=device-token device=v3 pairing=paired"
                + " locality=direct origin=absent schema=valid");
    ((ObjectNode) line.at("/request/pairedDevice")).putArray("scopes");
    assertThat(code(admit("openclaw-2026.3.13", line))).isEqualTo("accept");
  }

  @Test
  void aNarrowerDeviceTokenIsAScopeMismatchFrom2026_5() throws IOException {
    String name =
        "cli/cli operator [operator.read,operator.write] credential=device-token device=v3"
            + " pairing=fewer-scopes locality=direct origin=absent schema=valid";
    ObjectNode may = attempt("openclaw-2026.5.28-token.jsonl.gz", name);
    assertThat(recordedCode(may)).isEqualTo("AUTH_SCOPE_MISMATCH");
    Decision decision = admit("openclaw-2026.5.28", may);
    assertThat(code(decision)).isEqualTo("AUTH_SCOPE_MISMATCH");
    assertThat(((Reject) decision).message())
        .isEqualTo("unauthorized: device token scope mismatch (re-pair or approve scope upgrade)")
        .isEqualTo(may.at("/answer/error/message").asText());
    assertThat(((Reject) decision).authAdvice().recommendedNextStep().wire())
        .isEqualTo("review_auth_configuration");

    ObjectNode april = attempt("openclaw-2026.4.22-token.jsonl.gz", name);
    assertThat(recordedCode(april)).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
    assertThat(code(admit("openclaw-2026.4.22", april))).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
    assertThat(code(admit("openclaw-2026.4.22", may))).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
  }

  /** The answer the replay models for a recorded attempt: the upgrade first, then the frame. */
  private static Answer modelled(String profile, ObjectNode line) {
    ConnectRequest request = RequestJson.read(Replay.request(line));
    UpgradeDecision upgrade =
        Admission.admitUpgrade(
            ConnectPolicies.profile(profile), request.socket(), request.gateway());
    if (upgrade.isRejected()) {
      return Answer.ofUpgrade(upgrade);
    }
    return Answer.of(admit(profile, line), ConnectPolicies.profile(profile), false);
  }

  private static void assertSameAnswer(Answer modelled, ObjectNode line) {
    Answer recorded = Answer.recorded(line.get("answer"));
    for (Aspect aspect : List.of(Aspect.OUTCOME, Aspect.CODE, Aspect.MESSAGE, Aspect.CLOSE_CODE)) {
      assertThat(modelled.shown(aspect)).as(aspect.label()).isEqualTo(recorded.shown(aspect));
    }
  }

  @Test
  void forwardingFromAnUntrustedPeerIsRefusedAtTheUpgradeIn2026_9() throws IOException {
    String name =
        "cli/cli operator [operator.read] credential=right device=none pairing=unpaired"
            + " locality=forwarded origin=absent schema=valid";
    ObjectNode line = attempt("openclaw-2026.9.6-token.jsonl.gz", name);
    assertThat(line.at("/answer/kind").asText()).isEqualTo("upgrade-refused");
    Answer modelled = modelled("openclaw-2026.9.6", line);
    assertThat(modelled.value(Aspect.CLOSE_CODE)).isEqualTo("http 403");
    assertSameAnswer(modelled, line);

    // 2026.5.28 let the same request through to the connect phase, as its recording shows
    ObjectNode may = attempt("openclaw-2026.5.28-token.jsonl.gz", name);
    assertThat(may.at("/answer/kind").asText()).isNotEqualTo("upgrade-refused");
    assertThat(modelled("openclaw-2026.5.28", may).shown(Aspect.CLOSE_CODE))
        .doesNotStartWith("http");
    assertThat(modelled("openclaw-2026.5.28", line).shown(Aspect.CLOSE_CODE))
        .doesNotStartWith("http");
  }

  @Test
  void aWorkerIdentityIsClosedWithoutAResponseOnTheGatewayRouteOf2026_9() throws IOException {
    ObjectNode line =
        attempt(
            "openclaw-2026.9.6-token.jsonl.gz",
            "openclaw-worker/backend operator [operator.read] credential=right device=none"
                + " pairing=unpaired locality=direct origin=absent schema=valid");
    assertThat(line.at("/answer/kind").asText()).isEqualTo("closed");
    assertThat(line.at("/answer/close/reason").asText()).isEqualTo("invalid-handshake");
    Decision decision = admit("openclaw-2026.9.6", line);
    assertThat(code(decision)).isEqualTo("INVALID_HANDSHAKE");
    assertThat(((Reject) decision).close().reason()).isEqualTo("invalid-handshake");
    assertSameAnswer(modelled("openclaw-2026.9.6", line), line);
  }

  @Test
  void aLoopbackTrustedProxyWithoutForwardingIsDirectLocalIn2026_9() throws IOException {
    ObjectNode line =
        attempt(
            "openclaw-2026.9.6-trusted-proxy.jsonl.gz",
            "cli/cli operator [operator.read] credential=missing device=v3 pairing=unpaired"
                + " locality=direct origin=absent schema=valid");
    assertThat(line.at("/request/gateway/trustedProxies/0").asText()).isEqualTo("127.0.0.1");
    assertThat(line.at("/request/socket/remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(line.at("/answer/error/message").asText())
        .isEqualTo(
            "unauthorized: gateway token missing (use this gateway's gateway.auth.token or pair"
                + " the device)");
    assertSameAnswer(modelled("openclaw-2026.9.6", line), line);
    Admission.Result result =
        Admission.admit(
            ConnectPolicies.profile("openclaw-2026.9.6"), RequestJson.read(Replay.request(line)));
    assertThat(result.facts().orElseThrow().local()).isTrue();
  }
}

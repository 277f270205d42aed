package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Each release's connect schema, checked before any rule, with the exact texts the recorded
 * gateways answered ({@code docs/conformance/}); and each release's reading of the Host header.
 */
class ConnectSchemaTest {

  private static final String CLIENT =
      "{\"id\": \"cli\", \"mode\": \"cli\", \"version\": \"2026.9.6\", \"platform\": \"linux\"}";

  private static String request(String client, String extra) {
    return "{\"connect\": {\"client\": "
        + client
        + ", \"role\": \"operator\", \"scopes\": [\"operator.read\"],"
        + " \"auth\": {\"token\": \"gw-token\"}"
        + extra
        + "}, \"socket\": {\"remoteAddress\": \"127.0.0.1\","
        + " \"headers\": {\"host\": \"127.0.0.1:18789\"}},"
        + " \"challengeNonce\": \"challenge-1\", \"now\": "
        + Requests.NOW
        + ", \"gateway\": {\"auth\": {\"mode\": \"token\", \"token\": \"gw-token\"}}}";
  }

  private static String client(String id, String mode) {
    return CLIENT.replace(
        "\"id\": \"cli\", \"mode\": \"cli\"", "\"id\": \"" + id + "\", \"mode\": \"" + mode + "\"");
  }

  private static Decision admit(String profile, String json) {
    return Admission.admit(ConnectPolicies.profile(profile), RequestJson.read(json)).decision();
  }

  /** The schema's message, or null when the frame fits. */
  private static @Nullable String misfit(ConnectPolicy policy, String json) {
    Admission.Result result = Admission.admit(policy, RequestJson.read(json));
    if (result.decision() instanceof Reject reject
        && reject.code() == RejectCode.INVALID_CONNECT_PARAMS) {
      assertThat(reject.decidedBy()).isEqualTo(Admission.CONNECT_SCHEMA);
      assertThat(reject.error().wire()).isEqualTo("INVALID_REQUEST");
      assertThat(reject.close().code()).isEqualTo(1008);
      assertThat(reject.code().sentAsDetailCode()).isFalse();
      assertThat(result.facts()).as("the facts are still derived").isPresent();
      assertThat(reject.message()).doesNotContain("gw-token").doesNotContain("2026.9.6");
      return reject.message();
    }
    return null;
  }

  private static @Nullable String misfit(String profile, String json) {
    return misfit(ConnectPolicies.profile(profile), json);
  }

  private static final List<String> ALL =
      List.of(
          "openclaw-2026.3.12",
          "openclaw-2026.3.13",
          "openclaw-2026.4",
          "openclaw-2026.5",
          "openclaw-latest",
          "recommended");

  @Test
  void aWellFormedFrameFitsEveryRelease() {
    for (String profile : ALL) {
      assertThat(misfit(profile, request(CLIENT, ""))).as(profile).isNull();
    }
  }

  @Test
  void missingVersionPlatformAndNonceAreWordedAlikeInEveryRelease() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(
        request(CLIENT.replace(", \"version\": \"2026.9.6\"", ""), ""),
        "invalid connect params: at /client: must have required property 'version'");
    cases.put(
        request(CLIENT.replace(", \"platform\": \"linux\"", ""), ""),
        "invalid connect params: at /client: must have required property 'platform'");
    cases.put(
        request(
            CLIENT,
            ", \"device\": {\"id\": \"d\", \"publicKey\": \"k\", \"signature\": \"s\","
                + " \"signedAt\": "
                + Requests.NOW
                + "}"),
        "invalid connect params: at /device: must have required property 'nonce'");
    cases.put(
        request(
            CLIENT, ", \"device\": {\"id\": \"d\", \"publicKey\": \"k\", \"signature\": \"s\"}"),
        "invalid connect params: at /device: must have required property 'signedAt'");
    for (String profile : ALL) {
      cases.forEach(
          (json, message) -> assertThat(misfit(profile, json)).as(profile).isEqualTo(message));
    }
  }

  @Test
  void anEmptyStringIsWordedByEachReleasesValidator() {
    String family = request(CLIENT.replace("}", ", \"deviceFamily\": \"\"}"), "");
    String upper =
        "invalid connect params: at /client/deviceFamily: must NOT have fewer than 1 characters";
    String lower =
        "invalid connect params: at /client/deviceFamily: must not have fewer than 1 characters";
    assertThat(misfit("openclaw-2026.3.12", family)).isEqualTo(upper);
    assertThat(misfit("openclaw-2026.3.13", family)).isEqualTo(upper);
    assertThat(misfit("openclaw-2026.4", family)).isEqualTo(upper);
    assertThat(misfit("openclaw-2026.5", family)).isEqualTo(lower);
    assertThat(misfit("openclaw-latest", family)).isEqualTo(lower);
    assertThat(misfit("recommended", family)).isEqualTo(lower);
    assertThat(misfit("openclaw-latest", request(CLIENT.replace("2026.9.6", ""), "")))
        .isEqualTo(
            "invalid connect params: at /client/version: must not have fewer than 1 characters");
    assertThat(
            misfit("openclaw-latest", request(CLIENT, "").replace("[\"operator.read\"]", "[\"\"]")))
        .isEqualTo("invalid connect params: at /scopes/0: must not have fewer than 1 characters");
  }

  @Test
  void eachReleaseHasItsOwnClientIds() {
    String union =
        "invalid connect params: at /client/id: must be equal to constant; at /client/id: must"
            + " match a schema in anyOf";
    String enumerated =
        "invalid connect params: at /client/id: must be equal to one of the allowed values";
    String tui = request(client("openclaw-tui", "ui"), "");
    String worker = request(client("openclaw-worker", "backend"), "");
    String unknown = request(client("unknown-client", "cli"), "");
    for (String profile : List.of("openclaw-2026.3.12", "openclaw-2026.3.13")) {
      assertThat(misfit(profile, tui)).as(profile).isEqualTo(union);
      assertThat(misfit(profile, worker)).as(profile).isEqualTo(union);
      assertThat(misfit(profile, unknown)).as(profile).isEqualTo(union);
    }
    for (String profile : List.of("openclaw-2026.4", "openclaw-2026.5")) {
      assertThat(misfit(profile, tui)).as(profile).isNull();
      assertThat(misfit(profile, worker)).as(profile).isEqualTo(enumerated);
      assertThat(misfit(profile, unknown)).as(profile).isEqualTo(enumerated);
    }
    for (String profile : List.of("openclaw-latest", "recommended")) {
      assertThat(misfit(profile, tui)).as(profile).isNull();
      assertThat(misfit(profile, worker)).as(profile).isNull();
      assertThat(misfit(profile, unknown)).as(profile).isEqualTo(enumerated);
    }
    assertThat(misfit("openclaw-2026.3.12", request(client("cli", "tool-events"), "")))
        .isEqualTo(union.replace("/client/id", "/client/mode"));
    assertThat(misfit("openclaw-2026.3.13", request(client("cli", "tool-events"), ""))).isNull();
    assertThat(misfit("openclaw-latest", request(client("cli", "worker"), ""))).isNull();
  }

  @Test
  void aPolicyThatIsNotAProfileChecksNoSchema() {
    ConnectPolicy rules = context -> ConnectPolicies.recommended().evaluate(context);
    assertThat(misfit(rules, request(client("unknown-client", "cli"), ""))).isNull();
    assertThat(misfit(rules, request(CLIENT.replace(", \"version\": \"2026.9.6\"", ""), "")))
        .isNull();
  }

  @Test
  void aForeignHostMakesLoopbackRemoteIn2026_3AndRecommendedOnly() {
    String foreign = request(CLIENT, "").replace("127.0.0.1:18789", "gateway.example");
    Map<String, Boolean> local = new LinkedHashMap<>();
    for (String profile : ALL) {
      local.put(
          profile,
          Admission.admit(ConnectPolicies.profile(profile), RequestJson.read(foreign))
              .facts()
              .orElseThrow()
              .local());
    }
    assertThat(local)
        .containsExactly(
            Map.entry("openclaw-2026.3.12", false),
            Map.entry("openclaw-2026.3.13", false),
            Map.entry("openclaw-2026.4", true),
            Map.entry("openclaw-2026.5", true),
            Map.entry("openclaw-latest", true),
            Map.entry("recommended", false));
    // forwarding headers still make it remote in every release
    String forwarded =
        foreign.replace("\"host\"", "\"x-forwarded-for\": \"203.0.113.5\", \"host\"");
    assertThat(
            Admission.admit(ConnectPolicies.profile("openclaw-latest"), RequestJson.read(forwarded))
                .facts()
                .orElseThrow()
                .local())
        .isFalse();
    assertThat(admit("openclaw-latest", foreign).outcome().wire()).isEqualTo("accept");
  }
}

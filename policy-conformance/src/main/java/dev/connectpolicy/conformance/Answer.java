package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.evidence.Admission;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An answer reduced to what is compared, aspect by aspect: {@code null} where an aspect does not
 * apply to it (the code of an acceptance, the scopes of a rejection or of an acceptance whose probe
 * did not tell).
 *
 * @param values the value of each aspect that applies
 */
record Answer(Map<Aspect, String> values) {

  /** A value of an aspect that applies but has nothing, such as a reject without a detail code. */
  static final String NONE = "-";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> READING =
      Set.of("operator.read", "operator.write", "operator.admin");

  Answer {
    values = Map.copyOf(values);
  }

  /** Whether the answer was recorded at all: a timeout or a failed connection compares nothing. */
  boolean answered() {
    return values.containsKey(Aspect.OUTCOME);
  }

  @Nullable String value(Aspect aspect) {
    return values.get(aspect);
  }

  /**
   * The answer a recording holds.
   *
   * @param answer the {@code answer} member of an attempt line
   * @return the answer; not {@link #answered()} for a timeout or a failed connection
   */
  static Answer recorded(JsonNode answer) {
    Map<Aspect, String> values = new EnumMap<>(Aspect.class);
    switch (answer.path("kind").asText()) {
      case "hello-ok" -> {
        values.put(Aspect.OUTCOME, "accept");
        JsonNode probe = answer.path("probe");
        if (probe.path("ok").asBoolean(false)) {
          values.put(Aspect.SCOPES, "read granted");
        } else if (probe.path("error").path("message").asText().startsWith("missing scope")) {
          values.put(Aspect.SCOPES, "read denied");
        }
      }
      case "error", "closed" -> {
        values.put(Aspect.OUTCOME, "reject");
        JsonNode error = answer.path("error");
        values.put(Aspect.CODE, error.path("details").path("code").asText(NONE));
        values.put(Aspect.MESSAGE, error.path("message").asText(NONE));
        JsonNode close = answer.path("close");
        values.put(Aspect.CLOSE_CODE, close.has("code") ? close.get("code").asText() : NONE);
      }
      case "upgrade-refused" -> {
        values.put(Aspect.OUTCOME, "reject");
        values.put(Aspect.CODE, NONE);
        values.put(Aspect.MESSAGE, answer.path("body").asText(NONE).strip());
        values.put(Aspect.CLOSE_CODE, "http " + answer.path("status").asText());
      }
      default -> {}
    }
    return new Answer(values);
  }

  /**
   * The answer a decision gives.
   *
   * @param decision the decision
   * @param policy the policy that decided, whose release tells which codes go on the wire
   * @param probed whether the recorded answer's probe told the scopes
   * @return the answer
   */
  static Answer of(Decision decision, ConnectPolicy policy, boolean probed) {
    Map<Aspect, String> values = new EnumMap<>(Aspect.class);
    if (decision instanceof Accept accept) {
      values.put(Aspect.OUTCOME, "accept");
      if (probed) {
        boolean read = accept.scopes().stream().anyMatch(READING::contains);
        values.put(Aspect.SCOPES, read ? "read granted" : "read denied");
      }
    } else {
      Reject reject = (Reject) decision;
      values.put(Aspect.OUTCOME, "reject");
      // OpenClaw sends no detail code for some rejections (invalid role, connect schema, and
      // 2026.3.11's Origin rejection)
      boolean sent = Admission.sendsDetailCode(policy, reject.code());
      values.put(Aspect.CODE, sent ? reject.code().wire() : NONE);
      // and none at all for some (a worker identity on 2026.9's gateway route): a bare close
      values.put(Aspect.MESSAGE, reject.code().sentAsErrorResponse() ? reject.message() : NONE);
      values.put(Aspect.CLOSE_CODE, Integer.toString(reject.close().code()));
    }
    return new Answer(values);
  }

  /**
   * The answer of a refused upgrade, as OpenClaw writes it ({@code rejectUpgradeAuth}): the HTTP
   * status, and the body {@code {"error":{"message":...,"type":...}}} with the rejection's message
   * and reason; an HTTP refusal has no detail code.
   *
   * @param upgrade a rejecting decision on the upgrade
   * @return the answer
   */
  static Answer ofUpgrade(UpgradeDecision upgrade) {
    Reject reject = upgrade.reject();
    if (reject == null) {
      throw new IllegalArgumentException("the upgrade was not refused: " + upgrade);
    }
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("message", reject.message());
    if (reject.reason() != null) {
      error.put("type", reject.reason());
    }
    Map<Aspect, String> values = new EnumMap<>(Aspect.class);
    values.put(Aspect.OUTCOME, "reject");
    values.put(Aspect.CODE, NONE);
    values.put(Aspect.MESSAGE, body.toString());
    values.put(Aspect.CLOSE_CODE, "http " + upgrade.status());
    return new Answer(values);
  }

  /**
   * Whether two answers are compared on an aspect: the outcome always; code, message and close code
   * where either rejects; the scopes where both tell them.
   */
  static boolean compared(Aspect aspect, Answer left, Answer right) {
    return switch (aspect) {
      case OUTCOME -> true;
      case SCOPES -> left.values.containsKey(aspect) && right.values.containsKey(aspect);
      default -> left.values.containsKey(aspect) || right.values.containsKey(aspect);
    };
  }

  /** The value of an aspect, {@link #NONE} where it does not apply. */
  String shown(Aspect aspect) {
    return values.getOrDefault(aspect, NONE);
  }
}

package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import dev.connectpolicy.engine.evidence.RequestJson;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The replay of recordings through {@code Admission}: each recorded request decided by a policy,
 * its HTTP upgrade first ({@code admitUpgrade}), then, if the upgrade proceeds, its connect frame
 * ({@code admit}), and the answer compared with the gateway's on every {@link Aspect}.
 *
 * @param policyName the policy's name, as printed
 * @param comparisons the comparisons, in recording order
 * @param unanswered attempts the gateway did not answer (timeouts, failed connections)
 */
record Replay(String policyName, List<Comparison> comparisons, int unanswered) {

  Replay {
    comparisons = List.copyOf(comparisons);
  }

  /**
   * One attempt compared.
   *
   * @param attempt the attempt's name
   * @param facts the columns of the facts admission derived ({@link Rows#columns})
   * @param recorded the gateway's answer
   * @param modelled the policy's answer
   */
  record Comparison(String attempt, Map<String, String> facts, Answer recorded, Answer modelled) {}

  /** Agreement on one aspect: how many compared attempts agree, of how many. */
  record Agreement(Aspect aspect, int agreeing, int compared) {

    /** The share in percent, one decimal; 100 when nothing was compared. */
    String percent() {
      return compared == 0
          ? "100.0"
          : String.format(Locale.ROOT, "%.1f", 100.0 * agreeing / compared);
    }

    boolean complete() {
      return agreeing == compared;
    }
  }

  /**
   * Replays recordings.
   *
   * @param policyName the policy's name, as printed
   * @param policy the policy
   * @param recordings the recordings
   * @return the replay
   */
  static Replay of(String policyName, ConnectPolicy policy, List<Recording> recordings) {
    return of(policyName, policy, recordings, Ed25519Verifier.defaultVerifier());
  }

  /** The replay with a verifier of device signatures. */
  static Replay of(
      String policyName,
      ConnectPolicy policy,
      List<Recording> recordings,
      Ed25519Verifier verifier) {
    List<Comparison> comparisons = new ArrayList<>();
    int unanswered = 0;
    for (Recording recording : recordings) {
      for (ObjectNode line : recording.attempts()) {
        Answer recorded = Answer.recorded(line.path("answer"));
        if (!recorded.answered() || !line.has("request")) {
          unanswered++;
          continue;
        }
        Decision decision;
        UpgradeDecision upgrade = null;
        ConnectContext facts = null;
        try {
          ConnectRequest request = RequestJson.read(request(line));
          // the upgrade first, as the gateway decides it; the facts are the connect phase's
          upgrade = Admission.admitUpgrade(policy, request.socket(), request.gateway());
          Admission.Result result = Admission.admit(policy, request, verifier);
          decision = result.decision();
          facts = result.facts().orElse(null);
        } catch (InvalidContextException malformed) {
          decision = PolicyJson.invalidContext(malformed, null);
        }
        boolean probed = recorded.value(Aspect.SCOPES) != null;
        Answer modelled =
            upgrade != null && upgrade.isRejected()
                ? Answer.ofUpgrade(upgrade)
                : Answer.of(decision, policy, probed);
        String name = line.get("attempt").asText();
        if (line.has("setupFor")) {
          name = name + " (pairs for: " + line.get("setupFor").asText() + ")";
        }
        comparisons.add(new Comparison(name, Rows.columns(facts, line), recorded, modelled));
      }
    }
    return new Replay(policyName, comparisons, unanswered);
  }

  /**
   * The recorded request, with the {@code client.version} that was sent: recordings made before the
   * raw request carried it hold it in {@code sentClient} only (the client object as sent).
   */
  static String request(ObjectNode line) {
    ObjectNode request = line.get("request").deepCopy();
    JsonNode sent = line.path("sentClient").get("version");
    JsonNode client = request.path("connect").path("client");
    if (sent != null && client instanceof ObjectNode recorded && !recorded.has("version")) {
      recorded.set("version", sent);
    }
    return request.toString();
  }

  /** The agreement on each aspect. */
  List<Agreement> agreements() {
    Map<Aspect, int[]> counts = new EnumMap<>(Aspect.class);
    for (Aspect aspect : Aspect.values()) {
      counts.put(aspect, new int[2]);
    }
    for (Comparison comparison : comparisons) {
      for (Aspect aspect : Aspect.values()) {
        if (Answer.compared(aspect, comparison.recorded(), comparison.modelled())) {
          int[] count = counts.get(aspect);
          count[1]++;
          if (comparison.recorded().shown(aspect).equals(comparison.modelled().shown(aspect))) {
            count[0]++;
          }
        }
      }
    }
    List<Agreement> agreements = new ArrayList<>();
    counts.forEach((aspect, count) -> agreements.add(new Agreement(aspect, count[0], count[1])));
    return agreements;
  }

  /** Whether every aspect agrees on every attempt. */
  boolean agrees() {
    return agreements().stream().allMatch(Agreement::complete);
  }

  /**
   * The disagreements compacted into rows: one row per aspect and pair of values, its facts merged
   * where they differ in one column only.
   */
  List<Rows.Row> disagreements() {
    Rows rows = new Rows();
    for (Comparison comparison : comparisons) {
      for (Aspect aspect : Aspect.values()) {
        if (!Answer.compared(aspect, comparison.recorded(), comparison.modelled())) {
          continue;
        }
        String recorded = comparison.recorded().shown(aspect);
        String modelled = comparison.modelled().shown(aspect);
        if (!recorded.equals(modelled)) {
          rows.add(aspect, recorded, modelled, comparison.facts(), comparison.attempt());
        }
      }
    }
    return rows.compacted();
  }

  /**
   * The report {@code conform} prints: the agreement on each aspect, then the disagreements as
   * Markdown rows.
   */
  String report(String title) {
    StringBuilder out = new StringBuilder();
    out.append("# Conformance: ")
        .append(title)
        .append(" against ")
        .append(policyName)
        .append("\n\n");
    out.append(comparisons.size()).append(" attempts replayed");
    if (unanswered > 0) {
      out.append(", ").append(unanswered).append(" unanswered (not compared)");
    }
    out.append("\n\n| aspect | agree | compared | % |\n|---|---|---|---|\n");
    for (Agreement agreement : agreements()) {
      out.append("| ")
          .append(agreement.aspect().label())
          .append(" | ")
          .append(agreement.agreeing())
          .append(" | ")
          .append(agreement.compared())
          .append(" | ")
          .append(agreement.percent())
          .append(" |\n");
    }
    List<Rows.Row> rows = disagreements();
    if (rows.isEmpty()) {
      out.append("\nNo disagreement.\n");
    } else {
      out.append("\n## Disagreements\n\n");
      Rows.writeMarkdown(rows, "gateway", policyName, out);
    }
    return out.toString();
  }
}

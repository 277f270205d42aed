package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import dev.connectpolicy.engine.evidence.RequestJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two recordings of the same grid side by side, no model needed: the attempts whose answers differ
 * on some {@link Aspect}, compacted into rows over the facts admission derives from the base
 * recording's request (the facts do not depend on any profile). Attempts are matched by name.
 *
 * @param rows the differences, compacted
 * @param matched how many attempts both recordings answered
 * @param onlyInOne the names of the attempts only one recording holds or answered
 */
record RecordingDiff(List<Rows.Row> rows, int matched, List<String> onlyInOne) {

  RecordingDiff {
    rows = List.copyOf(rows);
    onlyInOne = List.copyOf(onlyInOne);
  }

  /**
   * Compares two recordings.
   *
   * @param base the recording before
   * @param changed the recording after
   * @return the differences
   */
  static RecordingDiff of(Recording base, Recording changed) {
    return of(base, changed, Ed25519Verifier.defaultVerifier());
  }

  /** The comparison, deriving the rows' facts with a verifier of device signatures. */
  static RecordingDiff of(Recording base, Recording changed, Ed25519Verifier verifier) {
    Map<String, ObjectNode> before = byName(base);
    Map<String, ObjectNode> after = byName(changed);
    Rows rows = new Rows();
    List<String> onlyInOne = new ArrayList<>();
    int matched = 0;
    for (Map.Entry<String, ObjectNode> entry : before.entrySet()) {
      ObjectNode other = after.get(entry.getKey());
      Answer left = Answer.recorded(entry.getValue().path("answer"));
      Answer right = other == null ? null : Answer.recorded(other.path("answer"));
      if (right == null || !left.answered() || !right.answered()) {
        onlyInOne.add(entry.getKey());
        continue;
      }
      matched++;
      Map<String, String> facts = facts(entry.getValue(), verifier);
      for (Aspect aspect : Aspect.values()) {
        if (Answer.compared(aspect, left, right)
            && !left.shown(aspect).equals(right.shown(aspect))) {
          rows.add(aspect, left.shown(aspect), right.shown(aspect), facts, entry.getKey());
        }
      }
    }
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        onlyInOne.add(name);
      }
    }
    return new RecordingDiff(rows.compacted(), matched, onlyInOne);
  }

  private static Map<String, ObjectNode> byName(Recording recording) {
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
    for (ObjectNode line : recording.attempts()) {
      String name = line.get("attempt").asText();
      if (line.has("setupFor")) {
        name = name + " (pairs for: " + line.get("setupFor").asText() + ")";
      }
      byName.putIfAbsent(name, line);
    }
    return byName;
  }

  private static Map<String, String> facts(ObjectNode line, Ed25519Verifier verifier) {
    ConnectContext context = null;
    if (line.has("request")) {
      try {
        context = Admission.facts(RequestJson.read(line.get("request").toString()), verifier);
      } catch (InvalidContextException malformed) {
        // no facts: shown as "?"
      }
    }
    return Rows.columns(context, line);
  }

  /** The report {@code diff} prints. */
  String report(String baseName, String changedName) {
    StringBuilder out = new StringBuilder();
    out.append("# Recordings compared: ").append(baseName).append(" and ").append(changedName);
    out.append("\n\n").append(matched).append(" attempts in both");
    if (!onlyInOne.isEmpty()) {
      out.append(", ").append(onlyInOne.size()).append(" answered in one only");
    }
    out.append("\n\n");
    if (rows.isEmpty()) {
      out.append("No difference.\n");
    } else {
      Rows.writeMarkdown(rows, baseName, changedName, out);
    }
    return out.toString();
  }
}

package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.assertj.core.api.Assertions;

/**
 * A snapshot of a policy's decisions over a set of contexts, one line per context, compared with a
 * committed file. Any change of decision fails the test with the changed lines; after an intended
 * change, rerun with {@code -Dconnectpolicy.updateSnapshots=true} and review the file's diff.
 *
 * <p>Each line reads {@code facts -> decision}: every fact of the context, then {@code accept ROLE
 * scopes:kept|cleared pairing:ACTION by RULE} or {@code reject CODE by RULE}.
 */
public final class SnapshotAssert {

  /** The system property that rewrites snapshot files instead of comparing them. */
  public static final String UPDATE_PROPERTY = "connectpolicy.updateSnapshots";

  private final ConnectPolicy policy;
  private final ContextGenerator contexts;

  SnapshotAssert(ConnectPolicy policy, ContextGenerator contexts) {
    this.policy = policy;
    this.contexts = contexts;
  }

  /**
   * Compares the decisions with the snapshot file; a missing file fails unless the update property
   * is set.
   *
   * @param file the snapshot file
   */
  public void matchesSnapshot(Path file) {
    List<String> lines = new ArrayList<>();
    contexts.exhaustive().forEach(context -> lines.add(line(context, policy.evaluate(context))));
    String actual = String.join("\n", lines) + "\n";
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        Assertions.fail(
            "no snapshot at %s; create it with -D%s=true and review it", file, UPDATE_PROPERTY);
      }
      List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> changes = new ArrayList<>();
      for (int i = 0; i < Math.max(expected.size(), lines.size()) && changes.size() < 20; i++) {
        String before = i < expected.size() ? expected.get(i) : "(none)";
        String after = i < lines.size() ? lines.get(i) : "(none)";
        if (!before.equals(after)) {
          changes.add("line " + (i + 1) + ":\n  - " + before + "\n  + " + after);
        }
      }
      if (!changes.isEmpty()) {
        Assertions.fail(
            "policy %s no longer matches snapshot %s (%d lines now, %d before); first changes:%n%s",
            policy, file, lines.size(), expected.size(), String.join("\n", changes));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(ConnectContext context, Decision decision) {
    StringJoiner facts = new StringJoiner(" ");
    for (Dimension<?> dimension : Dimension.all()) {
      facts.add(dimension.name() + "=" + dimension.formatOf(context));
    }
    String outcome =
        decision.fold(
            accept ->
                "accept "
                    + accept.role().wire()
                    + " scopes:"
                    + (accept.scopesCleared() ? "cleared" : "kept")
                    + " pairing:"
                    + accept.pairing().wire(),
            reject -> "reject " + reject.code().wire());
    return facts + " -> " + outcome + " by " + decision.decidedBy();
  }
}

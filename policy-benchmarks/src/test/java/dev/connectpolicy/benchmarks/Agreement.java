package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Outcome;
import dev.connectpolicy.engine.PolicyJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares a {@link ComparisonPolicy} with a profile on every cell of a fact space, accept against
 * accept.
 *
 * <p>Every cell is prepared and its engine answer compared, but the engine is asked once per
 * distinct request: its answer is memoised by a key made of the request's own content (what the
 * engine sees), which is sound because an engine decides from its request alone. Cells that differ
 * only in facts the request does not carry (the declared scopes) share one engine call.
 */
public final class Agreement {

  /** How many disagreeing cells a result keeps to show. */
  public static final int SHOWN = 5;

  private Agreement() {}

  /**
   * Compares the two on every cell of {@code space}.
   *
   * @param space the cells: a fact space, or a sample of one
   * @param profile the engine's profile, the reference
   * @param policy the other engine's encoding
   * @param key the content of a prepared request, with value equality
   * @param <R> the other engine's request type
   * @return the counts and the first disagreements
   */
  public static <R> Result check(
      Iterable<ConnectContext> space,
      ConnectPolicy profile,
      ComparisonPolicy<R> policy,
      Function<R, ?> key) {
    Map<Object, Boolean> answers = new HashMap<>();
    long[] cells = {0};
    long[] disagreements = {0};
    List<String> shown = new ArrayList<>();
    long start = System.nanoTime();
    space.forEach(
        context -> {
          cells[0]++;
          R request = policy.prepare(context);
          Object content = key.apply(request);
          Boolean allowed = answers.get(content);
          if (allowed == null) {
            allowed = policy.allows(request);
            answers.put(content, allowed);
          }
          boolean accepted = profile.evaluate(context).outcome() == Outcome.ACCEPT;
          if (allowed != accepted) {
            disagreements[0]++;
            if (shown.size() < SHOWN) {
              shown.add(describe(context, accepted, policy.name(), allowed));
            }
          }
        });
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(
        policy.name(), cells[0], answers.size(), disagreements[0], List.copyOf(shown), elapsed);
  }

  private static String describe(
      ConnectContext context, boolean accepted, String name, boolean allowed) {
    return PolicyJson.write(context)
        + ": profile "
        + (accepted ? "accepts" : "rejects")
        + ", "
        + name
        + " "
        + (allowed ? "allows" : "denies");
  }

  /**
   * The outcome of a comparison.
   *
   * @param policy the compared policy's name
   * @param cells the cells compared
   * @param requests the distinct requests the other engine decided
   * @param disagreements the cells on which the two differ
   * @param firstDisagreements up to {@link #SHOWN} of them, each with both answers
   * @param elapsed how long the comparison took
   */
  public record Result(
      String policy,
      long cells,
      long requests,
      long disagreements,
      List<String> firstDisagreements,
      Duration elapsed) {

    /**
     * Returns a one-line summary for the test log.
     *
     * @return the counts, the time and the implied time per engine call
     */
    public String summary() {
      double micros = elapsed.toNanos() / 1_000.0 / Math.max(1, requests);
      return String.format(
          Locale.ROOT,
          "%s: %,d cells, %,d distinct requests decided, %,d disagreements, %.1f s"
              + " (%.1f us per request, preparing and the profile included)",
          policy,
          cells,
          requests,
          disagreements,
          elapsed.toMillis() / 1_000.0,
          micros);
    }
  }
}

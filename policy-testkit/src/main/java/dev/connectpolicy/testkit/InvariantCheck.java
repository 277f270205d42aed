package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Checks invariants against a policy in one pass over a set of contexts: each context is evaluated
 * once, every invariant looks at the decision, and the first counterexample of each invariant is
 * minimised at the end.
 *
 * <pre>{@code
 * InvariantCheck.Result result = InvariantCheck.exhaustive(policy, ConnectContexts.all(), Invariants.all());
 * result.counterexample(Invariants.DETERMINISTIC).ifPresent(c -> System.out.println(c.describe()));
 * }</pre>
 */
public final class InvariantCheck {

  private InvariantCheck() {}

  /**
   * What a check found.
   *
   * @param checked how many contexts were evaluated
   * @param counterexamples the minimised counterexample of every broken invariant
   */
  public record Result(long checked, Map<Invariant, Counterexample> counterexamples) {

    /**
     * Copies the map, keeping its order.
     *
     * @param checked how many contexts were evaluated
     * @param counterexamples the counterexamples by invariant
     */
    public Result {
      counterexamples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counterexamples));
    }

    /**
     * Returns the counterexample of an invariant, if it was broken.
     *
     * @param invariant the invariant
     * @return its counterexample, or empty when it held on every context checked
     */
    public Optional<Counterexample> counterexample(Invariant invariant) {
      return Optional.ofNullable(counterexamples.get(invariant));
    }

    /**
     * Tells whether an invariant held on every context checked.
     *
     * @param invariant the invariant
     * @return true if it held
     */
    public boolean holds(Invariant invariant) {
      return !counterexamples.containsKey(invariant);
    }
  }

  /**
   * Checks every context of a generator.
   *
   * @param policy the policy
   * @param contexts the contexts
   * @param invariants the invariants
   * @return the result
   */
  public static Result exhaustive(
      ConnectPolicy policy, ContextGenerator contexts, List<Invariant> invariants) {
    return run(policy, contexts, contexts.exhaustive(), invariants, null);
  }

  /**
   * Checks contexts drawn at random.
   *
   * @param policy the policy
   * @param contexts the set to draw from
   * @param seed the seed; a counterexample reports it
   * @param draws how many contexts to draw
   * @param invariants the invariants
   * @return the result
   */
  public static Result random(
      ConnectPolicy policy,
      ContextGenerator contexts,
      long seed,
      long draws,
      List<Invariant> invariants) {
    return run(policy, contexts, contexts.random(seed).limit(draws), invariants, seed);
  }

  private static Result run(
      ConnectPolicy policy,
      ContextGenerator within,
      Stream<ConnectContext> contexts,
      List<Invariant> invariants,
      @Nullable Long seed) {
    Map<Invariant, ConnectContext> found = new LinkedHashMap<>();
    long checked = 0;
    Iterator<ConnectContext> iterator = contexts.iterator();
    while (iterator.hasNext() && found.size() < invariants.size()) {
      ConnectContext context = iterator.next();
      checked++;
      Decision decision = policy.evaluate(context);
      for (Invariant invariant : invariants) {
        if (!found.containsKey(invariant)
            && invariant.violation(policy, context, decision) != null) {
          found.put(invariant, context);
        }
      }
    }
    Map<Invariant, Counterexample> counterexamples = new LinkedHashMap<>();
    for (Map.Entry<Invariant, ConnectContext> entry : found.entrySet()) {
      Invariant invariant = entry.getKey();
      ConnectContext minimal =
          Minimiser.minimise(
              entry.getValue(),
              context -> invariant.violation(policy, context, policy.evaluate(context)) != null,
              within);
      Decision decision = policy.evaluate(minimal);
      String violation = invariant.violation(policy, minimal, decision);
      counterexamples.put(
          invariant,
          new Counterexample(
              invariant,
              entry.getValue(),
              minimal,
              decision,
              violation == null ? "(no longer reproduces)" : violation,
              seed));
    }
    return new Result(checked, counterexamples);
  }
}

package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import java.util.HashMap;
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
      counterexamples.put(
          entry.getKey(), counterexample(policy, within, entry.getKey(), entry.getValue(), seed));
    }
    return new Result(checked, counterexamples);
  }

  /**
   * Checks every context of a generator in one pass, for each invariant what {@link #exhaustive}
   * would give for that invariant alone: the same counterexample, and as checked count the contexts
   * up to its first violation (all of them when it holds); where that run would have thrown (the
   * policy or the invariant failing on a context it reaches), the same exception. One enumeration
   * and one evaluation per context serve every invariant.
   *
   * @param policy the policy
   * @param contexts the contexts
   * @param invariants the invariants
   * @return the outcome of each invariant, in their order
   */
  static Map<Invariant, Separate> separately(
      ConnectPolicy policy, ContextGenerator contexts, List<Invariant> invariants) {
    Map<Invariant, ConnectContext> found = new LinkedHashMap<>();
    Map<Invariant, Long> foundAt = new HashMap<>();
    Map<Invariant, RuntimeException> failed = new HashMap<>();
    long checked = 0;
    Iterator<ConnectContext> iterator = contexts.exhaustive().iterator();
    while (iterator.hasNext() && found.size() + failed.size() < invariants.size()) {
      ConnectContext context = iterator.next();
      checked++;
      Decision decision;
      try {
        decision = policy.evaluate(context);
      } catch (RuntimeException failure) {
        for (Invariant invariant : invariants) {
          if (!found.containsKey(invariant)) {
            failed.putIfAbsent(invariant, failure);
          }
        }
        break;
      }
      for (Invariant invariant : invariants) {
        if (found.containsKey(invariant) || failed.containsKey(invariant)) {
          continue;
        }
        try {
          if (invariant.violation(policy, context, decision) != null) {
            found.put(invariant, context);
            foundAt.put(invariant, checked);
          }
        } catch (RuntimeException failure) {
          failed.put(invariant, failure);
        }
      }
    }
    Map<Invariant, Separate> results = new LinkedHashMap<>();
    for (Invariant invariant : invariants) {
      ConnectContext first = found.get(invariant);
      RuntimeException failure = failed.get(invariant);
      if (failure != null) {
        results.put(invariant, new Separate(null, failure));
      } else if (first == null) {
        results.put(invariant, new Separate(new Result(checked, Map.of()), null));
      } else {
        try {
          Counterexample counterexample = counterexample(policy, contexts, invariant, first, null);
          results.put(
              invariant,
              new Separate(
                  new Result(foundAt.get(invariant), Map.of(invariant, counterexample)), null));
        } catch (RuntimeException minimising) {
          results.put(invariant, new Separate(null, minimising));
        }
      }
    }
    return results;
  }

  /**
   * The outcome of one invariant in {@link #separately}: its result, or what its own run would have
   * thrown.
   */
  record Separate(@Nullable Result result, @Nullable RuntimeException failure) {

    Result get() {
      if (failure != null) {
        throw failure;
      }
      return java.util.Objects.requireNonNull(result);
    }
  }

  private static Counterexample counterexample(
      ConnectPolicy policy,
      ContextGenerator within,
      Invariant invariant,
      ConnectContext first,
      @Nullable Long seed) {
    ConnectContext minimal =
        Minimiser.minimise(
            first,
            context -> invariant.violation(policy, context, policy.evaluate(context)) != null,
            within);
    Decision decision = policy.evaluate(minimal);
    String violation = invariant.violation(policy, minimal, decision);
    return new Counterexample(
        invariant,
        first,
        minimal,
        decision,
        violation == null ? "(no longer reproduces)" : violation,
        seed);
  }
}

package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;

/**
 * A pending check that a policy keeps invariants: {@link #over} checks every context of a set,
 * {@link #overRandom} a seeded random sample. A failure shows each broken invariant's minimal
 * counterexample.
 */
public final class InvariantAssert {

  private final ConnectPolicy policy;
  private final List<Invariant> invariants;

  InvariantAssert(ConnectPolicy policy, List<Invariant> invariants) {
    this.policy = policy;
    this.invariants = List.copyOf(invariants);
  }

  /**
   * Checks every context of the set.
   *
   * @param contexts the contexts
   * @return the result, for further inspection
   */
  public InvariantCheck.Result over(ContextGenerator contexts) {
    return verify(InvariantCheck.exhaustive(policy, contexts, invariants), contexts);
  }

  /**
   * Checks a seeded random sample of the set.
   *
   * @param contexts the set to draw from
   * @param seed the seed, reported with a counterexample
   * @param draws how many contexts to draw
   * @return the result, for further inspection
   */
  public InvariantCheck.Result overRandom(ContextGenerator contexts, long seed, long draws) {
    return verify(InvariantCheck.random(policy, contexts, seed, draws, invariants), contexts);
  }

  InvariantCheck.Result verify(InvariantCheck.Result result, ContextGenerator contexts) {
    if (!result.counterexamples().isEmpty()) {
      Assertions.fail(
          "policy %s breaks %d of %d invariants over %s (%d contexts checked):%n%s",
          policy,
          result.counterexamples().size(),
          invariants.size(),
          contexts,
          result.checked(),
          result.counterexamples().values().stream()
              .map(Counterexample::describe)
              .collect(Collectors.joining("\n")));
    }
    return result;
  }
}

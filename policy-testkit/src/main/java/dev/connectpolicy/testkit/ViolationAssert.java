package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectPolicy;
import java.util.List;
import org.assertj.core.api.Assertions;

/** A pending check that a policy breaks an invariant somewhere in a set of contexts. */
public final class ViolationAssert {

  private final ConnectPolicy policy;
  private final Invariant invariant;

  ViolationAssert(ConnectPolicy policy, Invariant invariant) {
    this.policy = policy;
    this.invariant = invariant;
  }

  /**
   * Searches every context of the set for a counterexample.
   *
   * @param contexts the contexts
   * @return the minimised counterexample
   */
  public Counterexample over(ContextGenerator contexts) {
    InvariantCheck.Result result = InvariantCheck.exhaustive(policy, contexts, List.of(invariant));
    return result
        .counterexample(invariant)
        .orElseGet(
            () ->
                Assertions.fail(
                    "expected policy %s to break invariant `%s` over %s, but it held on all %d"
                        + " contexts",
                    policy, invariant.name(), contexts, result.checked()));
  }
}

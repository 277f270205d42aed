package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import org.jspecify.annotations.Nullable;

/**
 * A context on which a policy breaks an invariant, with the simplest context that still breaks it.
 *
 * @param invariant the invariant broken
 * @param found the first context found
 * @param minimal the simplest context of the same set that still breaks it: fewest facts away from
 *     the defaults ({@link ConnectContexts#describe})
 * @param decision the policy's decision on {@code minimal}
 * @param violation what is wrong with that decision
 * @param seed the seed of the random draw that found it, or null for an exhaustive search
 */
public record Counterexample(
    Invariant invariant,
    ConnectContext found,
    ConnectContext minimal,
    Decision decision,
    String violation,
    @Nullable Long seed) {

  /**
   * Describes the counterexample for a failure message.
   *
   * @return several lines: the invariant, the minimal context, the decision, the seed
   */
  public String describe() {
    return "invariant `"
        + invariant.name()
        + "` ("
        + invariant.source()
        + ") is broken: "
        + violation
        + "\n  minimal counterexample: "
        + ConnectContexts.describe(minimal)
        + "\n  decision: "
        + decision
        + "\n  first found: "
        + ConnectContexts.describe(found)
        + (seed == null ? "" : "\n  random seed: " + seed);
  }
}

package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;

/**
 * AssertJ entry point for decisions and policies.
 *
 * <pre>{@code
 * import static dev.connectpolicy.testkit.PolicyAssertions.assertThat;
 *
 * assertThat(policy.evaluate(context)).isRejected().hasCode(RejectCode.PAIRING_REQUIRED).closesWith(1008);
 * assertThat(policy).satisfies(Invariants.all()).over(ConnectContexts.all());
 * assertThat(policy).over(ConnectContexts.all().local()).matchesSnapshot(Path.of("loopback.snapshot"));
 * }</pre>
 */
public final class PolicyAssertions {

  private PolicyAssertions() {}

  /**
   * Starts assertions on a decision.
   *
   * @param decision the decision
   * @return the assertion
   */
  public static DecisionAssert assertThat(Decision decision) {
    return new DecisionAssert(decision);
  }

  /**
   * Starts assertions on a policy.
   *
   * @param policy the policy
   * @return the assertion
   */
  public static PolicyAssert assertThat(ConnectPolicy policy) {
    return new PolicyAssert(policy);
  }
}

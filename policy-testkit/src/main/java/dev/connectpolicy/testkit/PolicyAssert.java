package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectPolicy;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole policy: invariants over sets of contexts, and snapshots.
 *
 * <pre>{@code
 * assertThat(policy).satisfies(Invariants.FAILED_AUTH_NEVER_ACCEPTED).over(ConnectContexts.all());
 * Counterexample hole = assertThat(oldPolicy).violates(Invariants.NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI)
 *     .over(ConnectContexts.all());
 * }</pre>
 */
public final class PolicyAssert extends AbstractAssert<PolicyAssert, ConnectPolicy> {

  PolicyAssert(ConnectPolicy actual) {
    super(actual, PolicyAssert.class);
  }

  /**
   * Starts checking that the policy keeps these invariants; name the contexts next.
   *
   * @param invariants the invariants
   * @return the pending check
   */
  public InvariantAssert satisfies(Invariant... invariants) {
    return satisfies(List.of(invariants));
  }

  /**
   * Starts checking that the policy keeps these invariants; name the contexts next.
   *
   * @param invariants the invariants
   * @return the pending check
   */
  public InvariantAssert satisfies(List<Invariant> invariants) {
    isNotNull();
    return new InvariantAssert(actual, invariants);
  }

  /**
   * Starts checking that the policy breaks an invariant (a known hole, for instance); name the
   * contexts next, and get the minimal counterexample back.
   *
   * @param invariant the invariant
   * @return the pending check
   */
  public ViolationAssert violates(Invariant invariant) {
    isNotNull();
    return new ViolationAssert(actual, invariant);
  }

  /**
   * Names the contexts for a snapshot assertion.
   *
   * @param contexts the contexts, enumerated exhaustively
   * @return the pending snapshot
   */
  public SnapshotAssert over(ContextGenerator contexts) {
    isNotNull();
    return new SnapshotAssert(actual, contexts);
  }
}

package dev.connectpolicy.api;

/**
 * An admission policy: one pure function from the facts of a connection attempt to a decision.
 *
 * <p>Implementations must be deterministic and side-effect free, and must fail closed: a policy
 * that cannot decide returns a {@link Reject}, never an {@link Accept} and never an exception. The
 * engine's profiles implement it; so can a gateway's own policy, which the testkit then checks with
 * the same invariants.
 *
 * <pre>{@code
 * ConnectPolicy policy = context -> Reject.of(
 *     RejectCode.DEVICE_IDENTITY_REQUIRED, null, "device identity required", "deny-all");
 * }</pre>
 */
@FunctionalInterface
public interface ConnectPolicy {

  /**
   * Decides whether the connection described by {@code context} may proceed.
   *
   * @param context the facts of the connection attempt
   * @return the decision, never null
   */
  Decision evaluate(ConnectContext context);
}

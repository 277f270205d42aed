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
 *
 * <h2>Two phases</h2>
 *
 * A WebSocket connection is admitted twice: at its HTTP upgrade request, which carries headers,
 * cookies, the query string and the Origin but no connect frame yet, and at the connect frame,
 * which carries the role, the client, the device and the credentials a client can only send there
 * (a device token, a device proof, a ticket in the first message). A policy decides both, so the
 * two layers cannot disagree as Moltis's did (#381: its HTTP middleware redirected the node's
 * upgrade to {@code /login} before the WebSocket handler's device-token check could run):
 *
 * <ul>
 *   <li>{@link #evaluateUpgrade} decides the upgrade from the facts it has ({@link
 *       UpgradeContext}): accept, defer to the connect phase, or reject;
 *   <li>{@link #evaluateConnect} decides at the connect frame, with every fact;
 *   <li>{@link #evaluate} decides the whole attempt: the upgrade's rejection if it rejects,
 *       otherwise the connect phase's decision. This is the one function the rest of the library
 *       (tables, diffs, invariants, the command line) looks at.
 * </ul>
 *
 * The upgrade phase is a separate method on a type that holds only the upgrade's facts, rather than
 * a phase fact in {@link ConnectContext}: at the upgrade the connect frame does not exist, and a
 * context would have to carry placeholders for its role, client and device that every rule would
 * have to know not to read. Here the upgrade cannot read them. The layering invariant of the
 * testkit checks the rest: the upgrade never rejects what the connect phase would accept.
 *
 * <p>By default a policy has no upgrade phase: it defers every upgrade and decides at the connect
 * frame, as OpenClaw does.
 */
@FunctionalInterface
public interface ConnectPolicy {

  /**
   * Decides whether the connection described by {@code context} may proceed: the decision of the
   * whole attempt, upgrade and connect frame.
   *
   * @param context the facts of the connection attempt
   * @return the decision, never null
   */
  Decision evaluate(ConnectContext context);

  /**
   * Decides the HTTP upgrade request from the facts known when it arrives. By default every upgrade
   * is deferred to the connect phase ({@link UpgradeDecision#deferred()}).
   *
   * @param upgrade the facts of the upgrade request
   * @return the decision, never null
   */
  default UpgradeDecision evaluateUpgrade(UpgradeContext upgrade) {
    return UpgradeDecision.deferred();
  }

  /**
   * Decides at the connect frame, as if the upgrade had been let through: what the WebSocket layer
   * decides on its own. By default this is {@link #evaluate}, which is right for a policy without
   * an upgrade phase.
   *
   * @param context the facts of the connection attempt
   * @return the decision, never null
   */
  default Decision evaluateConnect(ConnectContext context) {
    return evaluate(context);
  }
}

package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A property every decision of a sound policy has, named, with the history it comes from.
 *
 * <pre>{@code
 * Invariant nodesNeedADevice = Invariant.of(
 *     "nodes-need-a-device",
 *     "a node without a verified device is never accepted",
 *     "our gateway's rule 7",
 *     (context, decision) -> context.role().equals("node")
 *             && context.device() != DeviceProof.VERIFIED && decision.isAccepted()
 *         ? "a node without a verified device was accepted"
 *         : null);
 * }</pre>
 */
public interface Invariant {

  /**
   * Returns a short, stable name such as {@code failed-auth-never-accepted}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns what the invariant requires, in one line.
   *
   * @return the description
   */
  String description();

  /**
   * Returns where the invariant comes from: the bug, review or rule it answers.
   *
   * @return the source, such as {@code PR #48285 review}
   */
  String source();

  /**
   * Checks one decision.
   *
   * @param policy the policy, for invariants that need to evaluate again
   * @param context the facts
   * @param decision the policy's decision for them
   * @return what is wrong, or null when the invariant holds here
   */
  @Nullable String violation(ConnectPolicy policy, ConnectContext context, Decision decision);

  /**
   * Creates an invariant that looks at one decision.
   *
   * @param name the name
   * @param description what it requires
   * @param source where it comes from
   * @param check returns what is wrong, or null
   * @return the invariant
   */
  static Invariant of(
      String name,
      String description,
      String source,
      BiFunction<ConnectContext, Decision, @Nullable String> check) {
    return new Invariant() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public String source() {
        return source;
      }

      @Override
      public @Nullable String violation(
          ConnectPolicy policy, ConnectContext context, Decision decision) {
        return check.apply(context, decision);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}

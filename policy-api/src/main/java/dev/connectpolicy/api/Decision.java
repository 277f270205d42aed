package dev.connectpolicy.api;

import java.util.function.Function;

/**
 * The answer of a {@link ConnectPolicy}: {@link Accept} or {@link Reject}, nothing else.
 *
 * <p>Java 17 cannot switch over types, so use {@link #fold(Function, Function)}:
 *
 * <pre>{@code
 * String line = decision.fold(
 *     accept -> "welcome, " + accept.role().wire(),
 *     reject -> reject.code().wire() + ": " + reject.message());
 * }</pre>
 */
public sealed interface Decision permits Accept, Reject {

  /**
   * Returns the id of the rule that decided: for a rejection the rule that rejected, for an
   * acceptance the last rule that admitted the connection.
   *
   * @return a rule id, such as {@code device.missing-identity}
   */
  String decidedBy();

  /**
   * Returns whether this is an acceptance or a rejection.
   *
   * @return the outcome
   */
  Outcome outcome();

  /**
   * Tells whether the connection may proceed.
   *
   * @return true for an {@link Accept}
   */
  default boolean isAccepted() {
    return outcome() == Outcome.ACCEPT;
  }

  /**
   * Applies the function that matches this decision's kind.
   *
   * @param onAccept applied to an acceptance
   * @param onReject applied to a rejection
   * @param <T> the result type
   * @return the result of the function applied
   */
  <T> T fold(
      Function<? super Accept, ? extends T> onAccept,
      Function<? super Reject, ? extends T> onReject);
}

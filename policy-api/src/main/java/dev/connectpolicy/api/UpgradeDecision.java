package dev.connectpolicy.api;

import org.jspecify.annotations.Nullable;

/**
 * A policy's decision on an HTTP upgrade request ({@link ConnectPolicy#evaluateUpgrade}): accept
 * it, defer to the connect phase, or refuse it with an HTTP status and a {@link Reject}.
 *
 * <pre>{@code
 * UpgradeDecision upgrade = policy.evaluateUpgrade(upgradeFacts);
 * if (upgrade.isRejected()) {
 *   respond(upgrade.status(), upgrade.reject().code().wire(), upgrade.reject().message());
 * }
 * }</pre>
 *
 * @param outcome accept, defer or reject
 * @param status the HTTP status to answer with: {@value #SWITCHING_PROTOCOLS} when the upgrade
 *     proceeds, a 3xx, 4xx or 5xx status when it is refused
 * @param reject the rejection, with its stable code and message, exactly when the outcome is reject
 * @param decidedBy the id of the rule that decided
 */
public record UpgradeDecision(
    UpgradeOutcome outcome, int status, @Nullable Reject reject, String decidedBy) {

  /** The HTTP status of an upgrade that proceeds. */
  public static final int SWITCHING_PROTOCOLS = 101;

  /** The id that decides the upgrade of a policy without an upgrade phase. */
  public static final String NO_UPGRADE_PHASE = "upgrade.none";

  private static final UpgradeDecision DEFERRED = defer(NO_UPGRADE_PHASE);

  /**
   * Checks that a rejection comes exactly with the reject outcome and a refusing status.
   *
   * @param outcome accept, defer or reject
   * @param status the HTTP status to answer with
   * @param reject the rejection, exactly when the outcome is reject
   * @param decidedBy the id of the rule that decided
   * @throws IllegalArgumentException if the rejection, the outcome and the status disagree
   */
  public UpgradeDecision {
    java.util.Objects.requireNonNull(outcome, "outcome");
    java.util.Objects.requireNonNull(decidedBy, "decidedBy");
    if ((reject != null) != (outcome == UpgradeOutcome.REJECT)) {
      throw new IllegalArgumentException("a rejection comes exactly with the reject outcome");
    }
    if (outcome == UpgradeOutcome.REJECT
        ? status < 300 || status > 599
        : status != SWITCHING_PROTOCOLS) {
      throw new IllegalArgumentException(
          "status " + status + " does not fit outcome `" + outcome.wire() + "`");
    }
  }

  /**
   * The upgrade is authenticated and proceeds.
   *
   * @param decidedBy the id of the deciding rule
   * @return the decision
   */
  public static UpgradeDecision accept(String decidedBy) {
    return new UpgradeDecision(UpgradeOutcome.ACCEPT, SWITCHING_PROTOCOLS, null, decidedBy);
  }

  /**
   * The upgrade proceeds and the connect phase decides.
   *
   * @param decidedBy the id of the deciding rule
   * @return the decision
   */
  public static UpgradeDecision defer(String decidedBy) {
    return new UpgradeDecision(UpgradeOutcome.DEFER, SWITCHING_PROTOCOLS, null, decidedBy);
  }

  /**
   * The upgrade is refused.
   *
   * @param status the HTTP status, such as 401 or 303
   * @param reject the rejection, naming the deciding rule
   * @return the decision
   */
  public static UpgradeDecision reject(int status, Reject reject) {
    return new UpgradeDecision(UpgradeOutcome.REJECT, status, reject, reject.decidedBy());
  }

  /**
   * The decision of a policy that decides nothing at the upgrade: defer, by {@value
   * #NO_UPGRADE_PHASE}.
   *
   * @return the shared deferral
   */
  public static UpgradeDecision deferred() {
    return DEFERRED;
  }

  /**
   * Tells whether the upgrade is refused.
   *
   * @return true for the reject outcome
   */
  public boolean isRejected() {
    return outcome == UpgradeOutcome.REJECT;
  }
}

package dev.connectpolicy.engine.table;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.Outcome;
import dev.connectpolicy.api.Reject;
import org.apiguardian.api.API;

/**
 * What a decision table shows of a decision: acceptance with its effective role, whether scopes
 * were cleared and what pairing did, or rejection with its code; and the deciding rule. Messages
 * are left out: they follow from the code and the facts.
 *
 * @param outcome accept or reject
 * @param code the reject code, or {@link Dimension.Column#NONE} for an acceptance
 * @param role the effective role of an acceptance, or {@link Dimension.Column#NONE}
 * @param scopes {@code kept} or {@code cleared} for an acceptance, or {@link Dimension.Column#NONE}
 * @param pairing the pairing action of an acceptance, or {@link Dimension.Column#NONE}
 * @param decidedBy the id of the deciding rule
 */
@API(status = API.Status.INTERNAL)
public record CellOutcome(
    Outcome outcome, String code, String role, String scopes, String pairing, String decidedBy) {

  /**
   * Reduces a decision to what a table shows.
   *
   * @param decision the decision
   * @return the table outcome
   */
  public static CellOutcome of(Decision decision) {
    return decision.fold(
        (Accept accept) ->
            new CellOutcome(
                Outcome.ACCEPT,
                Dimension.Column.NONE,
                accept.role().wire(),
                accept.scopesCleared() ? "cleared" : "kept",
                accept.pairing().wire(),
                accept.decidedBy()),
        (Reject reject) ->
            new CellOutcome(
                Outcome.REJECT,
                reject.code().wire(),
                Dimension.Column.NONE,
                Dimension.Column.NONE,
                Dimension.Column.NONE,
                reject.decidedBy()));
  }

  /**
   * The same outcome without the deciding rule: what a diff compares.
   *
   * @return a copy whose {@code decidedBy} is {@link Dimension.Column#NONE}
   */
  public CellOutcome observable() {
    return new CellOutcome(outcome, code, role, scopes, pairing, Dimension.Column.NONE);
  }

  /**
   * A one-word summary such as {@code accept operator kept none} or {@code reject
   * DEVICE_IDENTITY_REQUIRED}.
   *
   * @return the summary
   */
  public String summary() {
    return outcome == Outcome.ACCEPT
        ? "accept " + role + " " + scopes + " " + pairing
        : "reject " + code;
  }
}

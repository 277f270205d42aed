package dev.connectpolicy.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule consulted during an evaluation, with its verdict.
 *
 * @param stage the name of the stage the rule belongs to
 * @param rule the rule's id
 * @param verdict the kind of verdict it gave
 * @param effects the effects it established
 * @param code the rejection code, for a {@link Verdict.Kind#REJECT} verdict; otherwise null
 */
public record TraceEntry(
    String stage, String rule, Verdict.Kind verdict, Effects effects, @Nullable RejectCode code) {

  /**
   * Checks that the required parts are present.
   *
   * @param stage the name of the stage the rule belongs to
   * @param rule the rule's id
   * @param verdict the kind of verdict it gave
   * @param effects the effects it established
   * @param code the rejection code, for a reject verdict; otherwise null
   * @throws NullPointerException naming the part, if a required part is null
   */
  public TraceEntry {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(effects, "effects");
  }
}

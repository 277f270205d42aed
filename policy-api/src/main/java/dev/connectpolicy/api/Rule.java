package dev.connectpolicy.api;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One step of an admission policy: a small object with a stable id, a one-line description, and one
 * method.
 *
 * <p>The id is what a person sees in a trace, a decision table and a diff, so it reads like an API
 * name: {@code device.missing-identity}, {@code pairing.skip-backend-self}. A rule reads facts
 * only, never evidence, and never throws: a policy turns an exception into a rejection, but a rule
 * that needs that is a bug.
 *
 * <pre>{@code
 * Rule nodesOnlyLocal = Rule.of(
 *     "node.local-only",
 *     "a node must connect from loopback",
 *     (context, established) -> context.role().equals("node") && !context.local()
 *         ? NOT_LOCAL   // a Verdict.reject(...) built once
 *         : Verdict.abstain());
 * }</pre>
 */
public interface Rule {

  /**
   * Returns the rule's stable id: lower case words separated by dots and hyphens.
   *
   * @return the id
   */
  String id();

  /**
   * Returns a one-line description of what the rule checks and why.
   *
   * @return the description
   */
  String description();

  /**
   * Answers for this connection attempt.
   *
   * @param context the facts
   * @param established the effects that earlier stages established
   * @return the verdict, never null
   */
  Verdict evaluate(ConnectContext context, Effects established);

  /**
   * Creates a rule from a function.
   *
   * @param id the stable id, matching {@code [a-z0-9]+([.-][a-z0-9]+)*}
   * @param description a one-line description
   * @param evaluation the evaluation function
   * @return the rule
   * @throws IllegalArgumentException if the id is malformed or the description blank
   */
  static Rule of(
      String id,
      String description,
      BiFunction<? super ConnectContext, ? super Effects, Verdict> evaluation) {
    checkId(id);
    if (description.isBlank()) {
      throw new IllegalArgumentException("rule `" + id + "` needs a description");
    }
    Objects.requireNonNull(evaluation, "evaluation");
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Verdict evaluate(ConnectContext context, Effects established) {
        return evaluation.apply(context, established);
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }

  /**
   * Checks that a string is a well-formed rule id.
   *
   * @param id the candidate id
   * @return the id
   * @throws IllegalArgumentException if it does not match {@code [a-z0-9]+([.-][a-z0-9]+)*}
   */
  static String checkId(String id) {
    if (!id.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "rule id `" + id + "` must be lower-case words joined by dots or hyphens");
    }
    return id;
  }
}

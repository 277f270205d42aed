package dev.connectpolicy.api;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One step of a policy's upgrade phase: like a {@link Rule}, a small object with a stable id and a
 * one-line description, but it reads only the facts of the HTTP upgrade request ({@link
 * UpgradeContext}) and answers with an upgrade decision, or nothing when it does not apply.
 *
 * <pre>{@code
 * UpgradeRule publicPath = UpgradeRule.of(
 *     "upgrade.public-path",
 *     "the WebSocket route is public: the connect frame authenticates",
 *     upgrade -> DEFER);  // an Optional.of(UpgradeDecision.defer("upgrade.public-path")) built once
 * }</pre>
 */
public interface UpgradeRule {

  /**
   * Returns the rule's stable id, such as {@code upgrade.public-path}.
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
   * Answers for this upgrade request.
   *
   * @param upgrade the facts of the upgrade request
   * @return the decision, or empty when the rule does not apply
   */
  Optional<UpgradeDecision> evaluate(UpgradeContext upgrade);

  /**
   * Creates an upgrade rule from a function.
   *
   * @param id the stable id, matching {@code [a-z0-9]+([.-][a-z0-9]+)*}
   * @param description a one-line description
   * @param evaluation the evaluation function
   * @return the rule
   * @throws IllegalArgumentException if the id is malformed or the description blank
   */
  static UpgradeRule of(
      String id,
      String description,
      Function<? super UpgradeContext, Optional<UpgradeDecision>> evaluation) {
    Rule.checkId(id);
    if (description.isBlank()) {
      throw new IllegalArgumentException("rule `" + id + "` needs a description");
    }
    Objects.requireNonNull(evaluation, "evaluation");
    return new UpgradeRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Optional<UpgradeDecision> evaluate(UpgradeContext upgrade) {
        return evaluation.apply(upgrade);
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }
}

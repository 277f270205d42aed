package dev.connectpolicy.engine;

import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.Verdict;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An ordered list of rules with a default: the first rule that does not abstain decides the stage;
 * when every rule abstains, the {@linkplain #otherwise() default rule} decides.
 *
 * <pre>{@code
 * Stage gate = Stage.of("missing-device",
 *         Rules.devicePresent(),
 *         Rules.operatorSharedAuth())
 *     .otherwise(Rules.deviceIdentityRequired());
 * }</pre>
 */
@API(status = API.Status.STABLE)
public final class Stage {

  private final String name;
  private final List<Rule> rules;
  private final Rule[] ruleArray;
  private final Rule otherwise;

  private Stage(String name, List<Rule> rules, Rule otherwise) {
    this.name = Rule.checkId(name);
    this.rules = List.copyOf(rules);
    this.ruleArray = this.rules.toArray(new Rule[0]);
    this.otherwise = otherwise;
  }

  /**
   * Creates a stage that passes when every rule abstains.
   *
   * @param name the stage's name, shaped like a rule id
   * @param rules the rules, in order
   * @return the stage
   */
  public static Stage of(String name, Rule... rules) {
    return new Stage(name, List.of(rules), passing(name));
  }

  /**
   * Creates a stage that passes when every rule abstains.
   *
   * @param name the stage's name, shaped like a rule id
   * @param rules the rules, in order
   * @return the stage
   */
  public static Stage of(String name, List<Rule> rules) {
    return new Stage(name, rules, passing(name));
  }

  private static Rule passing(String name) {
    return Rule.of(
        name + ".default",
        "no rule of stage " + name + " applies, so the stage passes",
        (context, established) -> Verdict.pass());
  }

  /**
   * Returns a copy whose default is {@code rule}, which should never abstain (if it does, the stage
   * passes).
   *
   * @param rule the default rule
   * @return the new stage
   */
  public Stage otherwise(Rule rule) {
    return new Stage(name, rules, rule);
  }

  /**
   * Returns the stage's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the rules in order, without the default.
   *
   * @return the rules
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Returns the default rule.
   *
   * @return the rule that decides when every other rule abstains
   */
  public Rule otherwise() {
    return otherwise;
  }

  /** The rules as an array, for the pipeline's loop: a list's iterator is an allocation. */
  Rule[] ruleArray() {
    return ruleArray;
  }

  @Override
  public String toString() {
    return name + rules + " otherwise " + otherwise.id();
  }
}

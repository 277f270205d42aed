package dev.connectpolicy.engine;

import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Effects;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Builds one rule: its id written once and stamped on every rejection the rule makes, its verdicts
 * made once when the rule is built, so that evaluating it allocates nothing.
 *
 * <pre>{@code
 * RuleBuilder rule = RuleBuilder.rule("role.known", "a role other than operator and node is invalid");
 * Verdict invalid = rule.rejection(RejectCode.INVALID_ROLE, OpenClawText.INVALID_ROLE);
 * return rule.when((context, established) -> Role.parse(context.role()).isEmpty(), invalid);
 * }</pre>
 */
final class RuleBuilder {

  /** What a rule's verdict depends on: the facts, and what earlier stages established. */
  @FunctionalInterface
  interface Condition {
    boolean test(ConnectContext context, Effects established);
  }

  private static final Verdict ADMIT = Verdict.admit();
  private static final Verdict PASS = Verdict.pass();
  private static final Verdict ABSTAIN = Verdict.abstain();

  private final String id;
  private final String description;

  private RuleBuilder(String id, String description) {
    this.id = Rule.checkId(id);
    this.description = description;
  }

  /**
   * Starts a rule.
   *
   * @param id the rule's id, as traces, tables and diffs show it
   * @param description one line that says what the rule does
   * @return the builder
   */
  static RuleBuilder rule(String id, String description) {
    return new RuleBuilder(id, description);
  }

  /** The rule's id. */
  String id() {
    return id;
  }

  /** A rejection by this rule that closes with {@code closeCode} and the message as reason. */
  Reject reject(RejectCode code, @Nullable String reason, String message, int closeCode) {
    return new Reject(code, reason, message, Close.of(closeCode, message), id, null, null);
  }

  /** The verdict of a rejection by this rule, closing with 1008 and no reason string. */
  Verdict rejection(RejectCode code, String message) {
    return Verdict.reject(reject(code, null, message, Close.POLICY_VIOLATION));
  }

  /** The verdict of a rejection by this rule. */
  Verdict rejection(RejectCode code, @Nullable String reason, String message, int closeCode) {
    return Verdict.reject(reject(code, reason, message, closeCode));
  }

  /** A rule that gives {@code verdict} when {@code condition} holds and abstains otherwise. */
  Rule when(Condition condition, Verdict verdict) {
    return Rule.of(
        id,
        description,
        (context, established) -> condition.test(context, established) ? verdict : ABSTAIN);
  }

  /** A rule that admits when {@code condition} holds and abstains otherwise. */
  Rule admitsWhen(Condition condition) {
    return when(condition, ADMIT);
  }

  /** A rule that passes when {@code condition} holds and abstains otherwise. */
  Rule passesWhen(Condition condition) {
    return when(condition, PASS);
  }

  /** A rule that always gives {@code verdict}, such as a stage's default rejection. */
  Rule always(Verdict verdict) {
    return Rule.of(id, description, (context, established) -> verdict);
  }
}

package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.api.UpgradeRule;
import dev.connectpolicy.api.Verdict;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a rule throws ends the evaluation with the {@code INTERNAL_ERROR} rejection naming the
 * rule, in every way of deciding, and the explanation keeps what it threw; only a virtual machine
 * error other than a stack overflow propagates.
 */
class RuleFailureTest {

  private static final ConnectContext OPERATOR =
      ConnectContext.builder()
          .role("operator")
          .client(Client.CLI, "cli")
          .local(false)
          .origin(OriginCheck.ABSENT)
          .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
          .device(DeviceProof.ABSENT)
          .build();

  static Stream<Supplier<Throwable>> failures() {
    return Stream.of(
        () -> new IllegalStateException("boom s3cret"),
        () -> new StackOverflowError("deep s3cret"),
        () -> new AssertionError("assumed s3cret"),
        () -> new IOException("checked s3cret"),
        () -> new NoClassDefFoundError("linked s3cret"),
        () -> new Error("plain s3cret"));
  }

  /** Throws any throwable, checked or not, without declaring it. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneaky(Throwable thrown) throws T {
    throw (T) thrown;
  }

  private static Rule throwing(Throwable thrown) {
    return Rule.of(
        "test.throws",
        "always fails",
        (context, established) -> {
          sneaky(thrown);
          return Verdict.admit();
        });
  }

  private static PolicyPipeline pipelineThrowing(Throwable thrown) {
    return PolicyPipeline.builder("broken")
        .stage(Stage.of("first", Rules.operatorSharedAuth()))
        .stage(Stage.of("second", throwing(thrown)))
        .build();
  }

  private static void assertInternalError(Decision decision, String rule) {
    assertThat(decision).isInstanceOf(Reject.class);
    Reject reject = (Reject) decision;
    assertThat(reject.code()).isEqualTo(RejectCode.INTERNAL_ERROR);
    assertThat(reject.decidedBy()).isEqualTo(rule);
    assertThat(reject.message()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @MethodSource("failures")
  void whateverARuleThrowsIsTheInternalErrorRejectionWithTheCauseInTheExplanation(
      Supplier<Throwable> failure) {
    Throwable thrown = failure.get();
    PolicyPipeline policy = pipelineThrowing(thrown);

    assertInternalError(policy.evaluate(OPERATOR), "test.throws");
    assertInternalError(policy.evaluateConnect(OPERATOR), "test.throws");
    Explanation why = policy.explain(OPERATOR);
    assertInternalError(why.decision(), "test.throws");
    assertThat(why.failure()).isSameAs(thrown);
    assertThat(PolicyJson.write(why)).doesNotContain("s3cret");
  }

  @Test
  void theCompiledFormOfAPipelineWhoseRuleOverflowsTheStackRefusesAsTheInterpreterDoes() {
    PolicyPipeline policy = pipelineThrowing(new StackOverflowError("deep"));
    CompiledPolicy compiled = CompiledPolicy.compile(policy);

    assertInternalError(compiled.evaluate(OPERATOR), "test.throws");
    assertInternalError(compiled.evaluate(OPERATOR.withRole("admin")), "test.throws");
  }

  @ParameterizedTest
  @MethodSource("failures")
  void whateverAnUpgradeRuleThrowsRefusesTheUpgradeWithTheCauseInTheExplanation(
      Supplier<Throwable> failure) {
    Throwable thrown = failure.get();
    UpgradeRule broken =
        UpgradeRule.of(
            "test.up-throws",
            "always fails",
            upgrade -> {
              sneaky(thrown);
              return Optional.empty();
            });
    PolicyPipeline policy =
        PolicyPipeline.builder("broken")
            .upgrade(broken)
            .stage(Stage.of("role", Rules.knownRole()))
            .build();

    UpgradeDecision upgrade = policy.evaluateUpgrade(OPERATOR.upgrade());
    assertThat(upgrade.status()).isEqualTo(500);
    assertInternalError(upgrade.reject(), "test.up-throws");
    assertInternalError(policy.evaluate(OPERATOR), "test.up-throws");
    Explanation why = policy.explain(OPERATOR);
    assertInternalError(why.decision(), "test.up-throws");
    assertThat(why.failure()).isSameAs(thrown);
  }

  @Test
  void outOfMemoryPropagatesForTheMachineIsInDoubt() {
    OutOfMemoryError exhausted = new OutOfMemoryError("simulated");
    PolicyPipeline policy = pipelineThrowing(exhausted);

    assertThatThrownBy(() -> policy.evaluate(OPERATOR)).isSameAs(exhausted);
    assertThatThrownBy(() -> policy.explain(OPERATOR)).isSameAs(exhausted);
  }

  @Test
  void aRuleWhoseIdFailsAfterTheBuildStillDecidesAndExplainsUnderItsId() {
    AtomicInteger calls = new AtomicInteger();
    Rule fickle =
        new Rule() {
          @Override
          public String id() {
            if (calls.getAndIncrement() > 2) {
              throw new IllegalStateException("id gone");
            }
            return "test.fickle";
          }

          @Override
          public String description() {
            return "rejects, then forgets its id";
          }

          @Override
          public Verdict evaluate(ConnectContext context, dev.connectpolicy.api.Effects effects) {
            throw new IllegalStateException("boom");
          }
        };
    PolicyPipeline policy =
        PolicyPipeline.builder("fickle").stage(Stage.of("only", fickle)).build();
    calls.set(10);

    assertInternalError(policy.evaluate(OPERATOR), "test.fickle");
    Explanation why = policy.explain(OPERATOR);
    assertInternalError(why.decision(), "test.fickle");
    assertThat(why.trace()).extracting(entry -> entry.rule()).containsExactly("test.fickle");
  }

  @Test
  void noRuleFailingLeavesNoFailureInTheExplanation() {
    assertThat(ConnectPolicies.recommended().explain(OPERATOR).failure()).isNull();
  }
}

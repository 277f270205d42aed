package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.UpgradeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of every profile is pinned by the acceptance cases: take the rule out (a default rule
 * becomes a plain pass; an upgrade rule leaves the upgrade to the next one) and at least one case
 * of that profile must fail. A rule no case notices is either dead or untested.
 */
class RuleCoverageTest {

  @TestFactory
  Stream<DynamicTest> removingAnyRuleBreaksAnAcceptanceCase() {
    List<AcceptanceCases.Case> cases = AcceptanceCases.all();
    List<DynamicTest> tests = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      PolicyPipeline policy = profile.policy();
      List<AcceptanceCases.Case> own = cases.stream().filter(c -> c.appliesTo(profile)).toList();
      for (UpgradeRule rule : policy.upgradeRules()) {
        tests.add(
            DynamicTest.dynamicTest(
                profile.profileName() + " without " + rule.id(),
                () -> {
                  PolicyPipeline mutant = without(policy, rule);
                  assertThat(own.stream().filter(c -> !c.mismatches(profile, mutant).isEmpty()))
                      .as("cases of %s that notice %s missing", profile.profileName(), rule.id())
                      .isNotEmpty();
                }));
      }
      for (Stage stage : policy.stages()) {
        List<Rule> candidates = new ArrayList<>(stage.rules());
        if (!stage.otherwise().id().equals(stage.name() + ".default")) {
          candidates.add(stage.otherwise());
        }
        for (Rule rule : candidates) {
          tests.add(
              DynamicTest.dynamicTest(
                  profile.profileName() + " without " + rule.id(),
                  () -> {
                    PolicyPipeline mutant = without(policy, rule);
                    long broken =
                        own.stream().filter(c -> !c.mismatches(profile, mutant).isEmpty()).count();
                    assertThat(broken)
                        .as("cases of %s that notice %s missing", profile.profileName(), rule.id())
                        .isPositive();
                  }));
        }
      }
    }
    return tests.stream();
  }

  /** The same pipeline without {@code removed}; a removed default becomes a passing default. */
  static PolicyPipeline without(PolicyPipeline policy, Rule removed) {
    PolicyPipeline.Builder builder =
        PolicyPipeline.builder(policy.name() + "-without-" + removed.id());
    builder.upgrade(policy.upgradeRules().toArray(new UpgradeRule[0]));
    for (Stage stage : policy.stages()) {
      List<Rule> rules = new ArrayList<>(stage.rules());
      rules.remove(removed);
      Stage copy = Stage.of(stage.name(), rules);
      builder.stage(stage.otherwise() == removed ? copy : copy.otherwise(stage.otherwise()));
    }
    return builder.build();
  }

  /** The same pipeline without the upgrade rule {@code removed}. */
  static PolicyPipeline without(PolicyPipeline policy, UpgradeRule removed) {
    PolicyPipeline.Builder builder =
        PolicyPipeline.builder(policy.name() + "-without-" + removed.id());
    List<UpgradeRule> upgrade = new ArrayList<>(policy.upgradeRules());
    upgrade.remove(removed);
    builder.upgrade(upgrade.toArray(new UpgradeRule[0]));
    policy.stages().forEach(builder::stage);
    return builder.build();
  }
}

package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.UpgradeRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A rule's id is what a trace, a table and a diff show, so across every profile one id stands for
 * one rule: rules that share an id share their description (a version's variant of a rule keeps the
 * rule's id and its words).
 */
class RuleIdsTest {

  @Test
  void everyIdStandsForOneRuleAcrossAllProfiles() {
    Map<String, Set<String>> descriptions = new TreeMap<>();
    for (Profile profile : Profile.values()) {
      PolicyPipeline pipeline = profile.define();
      for (UpgradeRule rule : pipeline.upgradeRules()) {
        descriptions.computeIfAbsent(rule.id(), id -> new TreeSet<>()).add(rule.description());
      }
      for (Stage stage : pipeline.stages()) {
        for (Rule rule : stage.rules()) {
          descriptions.computeIfAbsent(rule.id(), id -> new TreeSet<>()).add(rule.description());
        }
        Rule otherwise = stage.otherwise();
        descriptions
            .computeIfAbsent(otherwise.id(), id -> new TreeSet<>())
            .add(otherwise.description());
      }
    }
    assertThat(descriptions).isNotEmpty();
    assertThat(descriptions).allSatisfy((id, texts) -> assertThat(texts).as(id).hasSize(1));
  }
}

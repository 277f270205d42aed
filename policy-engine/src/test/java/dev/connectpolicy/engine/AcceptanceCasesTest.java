package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every acceptance case, under every profile. */
class AcceptanceCasesTest {

  @TestFactory
  Stream<DynamicTest> everyCaseUnderEveryProfile() {
    List<DynamicTest> tests = new ArrayList<>();
    for (AcceptanceCases.Case acceptance : AcceptanceCases.all()) {
      for (Profile profile : acceptance.family().profiles()) {
        tests.add(
            DynamicTest.dynamicTest(
                acceptance.id() + " [" + profile.profileName() + "]",
                () ->
                    assertThat(acceptance.mismatches(profile, profile.policy()))
                        .as("%s under %s: %s", acceptance, profile.profileName(), acceptance.note())
                        .isEmpty()));
      }
    }
    return tests.stream();
  }

  @Test
  void caseIdsAreUnique() {
    List<String> ids = AcceptanceCases.all().stream().map(AcceptanceCases.Case::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void everyConsecutiveProfilePairDisagreesOnSomeCase() {
    Profile[][] pairs = {
      {Profile.OPENCLAW_2026_3_12, Profile.OPENCLAW_2026_3_13},
      {Profile.OPENCLAW_2026_3_13, Profile.OPENCLAW_2026_3_13_PR48285},
      {Profile.OPENCLAW_2026_3_13, Profile.OPENCLAW_2026_3_13_PR48285_REVIEWED},
      {Profile.OPENCLAW_2026_3_13_PR48285, Profile.OPENCLAW_2026_3_13_PR48285_REVIEWED},
      {Profile.OPENCLAW_2026_3_13, Profile.OPENCLAW_2026_4},
      {Profile.OPENCLAW_2026_4, Profile.OPENCLAW_2026_5},
      {Profile.OPENCLAW_2026_5, Profile.OPENCLAW_2026_9_6},
      {Profile.OPENCLAW_2026_9_6, Profile.RECOMMENDED},
      {Profile.MOLTIS_BEFORE_PR382, Profile.MOLTIS_PR382},
      {Profile.SYNTHORG_BEFORE_PR556, Profile.SYNTHORG_PR556},
      {Profile.MOSAIC_BEFORE_198, Profile.MOSAIC_198},
      {Profile.MOSAIC_198, Profile.MOSAIC_198_RATE_LIMIT},
    };
    for (Profile[] pair : pairs) {
      long witnesses =
          AcceptanceCases.all().stream()
              .filter(c -> c.appliesTo(pair[0]))
              .filter(c -> !c.expected().get(pair[0]).equals(c.expected().get(pair[1])))
              .filter(
                  c ->
                      !PolicyJson.write(pair[0].policy().evaluate(c.context()))
                          .equals(PolicyJson.write(pair[1].policy().evaluate(c.context()))))
              .count();
      assertThat(witnesses)
          .as(
              "cases pinning a difference between %s and %s",
              pair[0].profileName(), pair[1].profileName())
          .isPositive();
    }
  }
}

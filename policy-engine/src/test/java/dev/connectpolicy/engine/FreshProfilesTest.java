package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance cases in one plain test, under every profile built anew from its rule factories.
 * This is what mutation testing runs: a mutant of a factory only shows in a freshly built policy,
 * and PIT attributes kills to plain tests reliably, not to dynamic ones.
 */
class FreshProfilesTest {

  @Test
  void everyCaseHoldsUnderFreshlyBuiltProfiles() {
    List<String> failures = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      PolicyPipeline fresh = profile.define();
      for (AcceptanceCases.Case acceptance : AcceptanceCases.all()) {
        if (!acceptance.appliesTo(profile)) {
          continue;
        }
        for (String mismatch : acceptance.mismatches(profile, fresh)) {
          failures.add(acceptance.id() + " [" + profile.profileName() + "] " + mismatch);
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}

package dev.connectpolicy.engine.cli;

import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.Profile;

/** Resolves profile names given on the command line. */
final class Profiles {

  private Profiles() {}

  static PolicyPipeline named(String name) throws UsageException {
    return profile(name).policy();
  }

  static Profile profile(String name) throws UsageException {
    return Profile.named(name)
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown profile `"
                        + name
                        + "`, expected one of "
                        + String.join(", ", ConnectPolicies.names())));
  }
}

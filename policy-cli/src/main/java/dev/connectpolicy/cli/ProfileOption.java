package dev.connectpolicy.cli;

import dev.connectpolicy.engine.Profile;
import picocli.CommandLine.Option;

/** The {@code -p/--profile NAME} option. */
final class ProfileOption {

  @Option(
      names = {"-p", "--profile"},
      required = true,
      paramLabel = "NAME",
      converter = Profiles.class,
      completionCandidates = Profiles.class,
      description = "the policy to apply (see `connect-policy profiles`)")
  Profile profile;
}

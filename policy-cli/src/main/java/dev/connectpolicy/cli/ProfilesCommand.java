package dev.connectpolicy.cli;

import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.Profile;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code profiles}: the profile names, one a line, each with its one-line summary; then the
 * aliases, one a line, each with the name of its profile.
 */
@Command(
    name = "profiles",
    description = {
      "List the profiles, one a line, with a one-line description.",
      "",
      "Lists every profile name with a one-line description, then every alias (an older name of a"
          + " profile) with the name it stands for. Names and aliases are what --profile, table"
          + " and diff accept."
    },
    exitCodeList = {"0:the list was written", "3:standard output could not be written"})
final class ProfilesCommand implements Callable<Integer> {

  private final Console console;

  ProfilesCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    int width = 0;
    for (String name : Profiles.accepted()) {
      width = Math.max(width, name.length());
    }
    for (Profile profile : Profile.values()) {
      console.print(
          String.format(
              Locale.ROOT, "%-" + width + "s  %s%n", profile.profileName(), profile.summary()));
    }
    for (Map.Entry<String, String> alias : ConnectPolicies.aliases().entrySet()) {
      console.print(
          String.format(
              Locale.ROOT, "%-" + width + "s  alias of %s%n", alias.getKey(), alias.getValue()));
    }
    return ExitStatus.OK;
  }
}

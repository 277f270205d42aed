package dev.connectpolicy.cli;

import dev.connectpolicy.engine.Profile;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code profiles}: the profile names, one a line, each with its one-line summary. */
@Command(
    name = "profiles",
    description = {
      "List the profiles, one a line, with a one-line description.",
      "",
      "Lists every profile name with a one-line description. The names are what --profile, table"
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
    for (Profile profile : Profile.values()) {
      width = Math.max(width, profile.profileName().length());
    }
    for (Profile profile : Profile.values()) {
      console.print(
          String.format(
              Locale.ROOT, "%-" + width + "s  %s%n", profile.profileName(), profile.summary()));
    }
    return ExitStatus.OK;
  }
}

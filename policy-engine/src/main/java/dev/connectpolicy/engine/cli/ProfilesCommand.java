package dev.connectpolicy.engine.cli;

import dev.connectpolicy.engine.Profile;
import java.util.List;
import java.util.Set;

/** {@code profiles}: the profile names, one a line, each with its one-line summary. */
final class ProfilesCommand implements Command {

  @Override
  public String name() {
    return "profiles";
  }

  @Override
  public String summary() {
    return "list the profiles, one a line, with a one-line description";
  }

  @Override
  public String help() {
    return "usage: connect-policy profiles\n\n"
        + "Lists every profile name with a one-line description. The names are what --profile,\n"
        + "table and diff accept.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws UsageException {
    Arguments arguments = Arguments.parse(args, Set.of(), Set.of("help"));
    if (arguments.has("help")) {
      console.out.print(help());
      return OK;
    }
    arguments.positional(0);
    int width = 0;
    for (Profile profile : Profile.values()) {
      width = Math.max(width, profile.profileName().length());
    }
    for (Profile profile : Profile.values()) {
      console.out.printf("%-" + width + "s  %s%n", profile.profileName(), profile.summary());
    }
    return OK;
  }
}

package dev.connectpolicy.engine.cli;

import dev.connectpolicy.engine.CompactTable;
import dev.connectpolicy.engine.DecisionTables;
import dev.connectpolicy.engine.Profile;
import dev.connectpolicy.engine.TableFormat;
import java.util.List;
import java.util.Set;

/** {@code diff}: the cells whose outcome differs between two profiles, compacted. */
final class DiffCommand implements Command {

  @Override
  public String name() {
    return "diff";
  }

  @Override
  public String summary() {
    return "show the cells whose outcome differs between two profiles, compacted";
  }

  @Override
  public String help() {
    return "usage: connect-policy diff BASE NEW [--format csv|markdown|jsonl]\n\n"
        + "Evaluates both profiles on every cell of their gateway's fact space and writes the\n"
        + "cells whose outcome differs (accept or reject, code, role, scopes kept or cleared,\n"
        + "pairing), compacted into rows with `*` for any value, each with the outcome before and\n"
        + "after. Both profiles must model the same gateway.\n\n"
        + "  --format FORMAT  markdown (default), csv or jsonl\n\n"
        + "Exit status: 0 no difference, 1 differences, 2 error.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws UsageException {
    Arguments arguments = Arguments.parse(args, Set.of("format"), Set.of("help"));
    if (arguments.has("help")) {
      console.out.print(help());
      return OK;
    }
    List<String> names = arguments.positional(2);
    if (names.size() != 2) {
      throw new UsageException("diff needs two profiles, BASE and NEW");
    }
    Profile base = Profiles.profile(names.get(0));
    Profile changed = Profiles.profile(names.get(1));
    if (base.family() != changed.family()) {
      throw new UsageException(
          "profiles `"
              + base.profileName()
              + "` and `"
              + changed.profileName()
              + "` model different gateways ("
              + base.family().familyName()
              + ", "
              + changed.family().familyName()
              + "); diff compares profiles of one gateway");
    }
    TableFormat format = Formats.parse(arguments, TableFormat.MARKDOWN);
    CompactTable diff = DecisionTables.diff(base.family().space(), base.policy(), changed.policy());
    diff.write(format, console.out);
    return diff.rows().isEmpty() ? OK : DIFFERENT;
  }
}

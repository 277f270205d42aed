package dev.connectpolicy.cli;

import dev.connectpolicy.engine.Profile;
import dev.connectpolicy.engine.table.CompactTable;
import dev.connectpolicy.engine.table.DecisionTables;
import dev.connectpolicy.engine.table.TableFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diff}: the cells whose outcome differs between two profiles, compacted. */
@Command(
    name = "diff",
    description = {
      "Show the cells whose outcome differs between two profiles, compacted.",
      "",
      "Evaluates both profiles on every cell of their gateway's fact space and writes the cells"
          + " whose outcome differs (accept or reject, code, role, scopes kept or cleared,"
          + " pairing), compacted into rows with `*` for any value, each with the outcome before"
          + " and after. Both profiles must model the same gateway. Progress goes to standard"
          + " error when it is a terminal."
    },
    exitCodeList = {
      "0:no difference",
      "1:differences",
      "2:a usage error",
      "3:standard output could not be written"
    })
final class DiffCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(
      index = "0",
      paramLabel = "BASE",
      converter = Profiles.class,
      completionCandidates = Profiles.class,
      description = "the profile before")
  Profile base = Profile.RECOMMENDED;

  @Parameters(
      index = "1",
      paramLabel = "NEW",
      converter = Profiles.class,
      completionCandidates = Profiles.class,
      description = "the profile after")
  Profile changed = Profile.RECOMMENDED;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = TableFormats.class,
      completionCandidates = TableFormats.class,
      description = "markdown (default), csv or jsonl")
  TableFormat format = TableFormat.MARKDOWN;

  DiffCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws UsageException, IOException {
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
    CompactTable diff =
        Progress.during(
            console,
            "diff " + base.profileName() + " " + changed.profileName(),
            base.family().space().size(),
            null,
            () -> DecisionTables.diff(base.family().space(), base.policy(), changed.policy()));
    Writer out = new BufferedWriter(new OutputStreamWriter(console.out, StandardCharsets.UTF_8));
    diff.write(format, out);
    out.flush();
    return diff.rows().isEmpty() ? ExitStatus.OK : ExitStatus.DIFFERENT;
  }
}

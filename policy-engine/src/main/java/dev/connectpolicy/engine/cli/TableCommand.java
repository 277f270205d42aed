package dev.connectpolicy.engine.cli;

import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.engine.DecisionTables;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.Profile;
import dev.connectpolicy.engine.TableFormat;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** {@code table}: a profile's whole decision table, full or compact. */
final class TableCommand implements Command {

  @Override
  public String name() {
    return "table";
  }

  @Override
  public String summary() {
    return "write a profile's whole decision table, cell by cell or compacted";
  }

  @Override
  public String help() {
    return "usage: connect-policy table --profile NAME [--format csv|markdown|jsonl] [--compact]\n\n"
        + "Evaluates the profile on every cell of its gateway's fact space (every consistent\n"
        + "combination of the facts' relevant values) and writes the table.\n\n"
        + "  --profile NAME   the policy (see `connect-policy profiles`)\n"
        + "  --format FORMAT  csv (default for the full table), markdown (default with --compact)\n"
        + "                   or jsonl\n"
        + "  --compact        merge cells into a short list of rows with `*` for any value; a cell\n"
        + "                   takes the decision of the first row that matches it\n\n"
        + "The full table is written as it is computed and never held in memory.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws UsageException {
    Arguments arguments =
        Arguments.parse(args, Set.of("profile", "format"), Set.of("help", "compact"));
    if (arguments.has("help")) {
      console.out.print(help());
      return OK;
    }
    arguments.positional(0);
    Profile profile = Profiles.profile(arguments.required("profile"));
    PolicyPipeline policy = profile.policy();
    FactSpace space = profile.family().space();
    boolean compact = arguments.has("compact");
    TableFormat format = Formats.parse(arguments, compact ? TableFormat.MARKDOWN : TableFormat.CSV);
    if (compact) {
      DecisionTables.compact(space, policy).write(format, console.out);
    } else {
      Writer out =
          new BufferedWriter(new OutputStreamWriter(console.out, StandardCharsets.UTF_8), 1 << 16);
      DecisionTables.write(policy, space, format, out);
      Formats.flush(out);
    }
    return OK;
  }
}

package dev.connectpolicy.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connect-policy}: without a command, the usage on standard error. */
@Command(
    name = "connect-policy",
    customSynopsis = "connect-policy [-hV] COMMAND [OPTIONS] [FILE]",
    description = {
      "Decides whether clients may connect to a gateway, under a named policy profile."
    },
    commandListHeading = "%ncommands:%n",
    footer = {"", "`connect-policy COMMAND --help` describes a command."},
    exitCodeList = {
      "0:success",
      "1:differences found (diff)",
      "2:malformed input (every line still answered), a usage error, or unreadable input",
      "3:standard output could not be written (a full disk, a closed pipe)"
    })
final class RootCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
    return ExitStatus.ERROR;
  }
}

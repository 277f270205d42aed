package dev.connectpolicy.engine.cli;

import java.io.IOException;
import java.util.List;

/** One subcommand of the tool. */
interface Command {

  /** Exit status: success. */
  int OK = 0;

  /** Exit status: differences found (diff). */
  int DIFFERENT = 1;

  /** Exit status: malformed input, a usage error, or a failure. */
  int ERROR = 2;

  String name();

  /** One line for the command list. */
  String summary();

  /** The full help text, starting with the usage line. */
  String help();

  int run(List<String> args, Console console) throws UsageException, IOException;
}

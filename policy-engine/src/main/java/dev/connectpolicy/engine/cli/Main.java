package dev.connectpolicy.engine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code java -jar connect-policy.jar COMMAND [OPTIONS] [FILE]}. Exit statuses
 * follow the contract: 0 success, 1 differences (diff), 2 malformed input or usage error.
 */
public final class Main {

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    for (Command command :
        List.of(
            new ProfilesCommand(),
            new EvaluateCommand(false),
            new EvaluateCommand(true),
            new UpgradeCommand(),
            new AdmitCommand(),
            new TableCommand(),
            new DiffCommand())) {
      COMMANDS.put(command.name(), command);
    }
  }

  private Main() {}

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int status = run(args, new Console(System.in, out, err));
    out.flush();
    System.exit(status);
  }

  static int run(String[] args, Console console) {
    if (args.length == 0) {
      console.err.print(usage());
      return Command.ERROR;
    }
    String name = args[0];
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      console.out.print(usage());
      return Command.OK;
    }
    Command command = COMMANDS.get(name);
    if (command == null) {
      console.err.println("connect-policy: unknown command `" + name + "`");
      console.err.print(usage());
      return Command.ERROR;
    }
    try {
      return command.run(Arrays.asList(args).subList(1, args.length), console);
    } catch (UsageException wrong) {
      console.err.println("connect-policy " + name + ": " + wrong.getMessage());
      console.err.print(command.help());
      return Command.ERROR;
    } catch (IOException | UncheckedIOException failure) {
      console.err.println(
          "connect-policy " + name + ": cannot read input: " + failure.getMessage());
      return Command.ERROR;
    } finally {
      console.out.flush();
    }
  }

  static String usage() {
    StringBuilder text =
        new StringBuilder(
            "usage: connect-policy COMMAND [OPTIONS] [FILE]\n\n"
                + "Decides whether clients may connect to a gateway, under a named policy profile.\n\n"
                + "commands:\n");
    for (Command command : COMMANDS.values()) {
      text.append(String.format("  %-10s %s%n", command.name(), command.summary()));
    }
    text.append("\n`connect-policy COMMAND --help` describes a command.\n");
    return text.toString();
  }
}

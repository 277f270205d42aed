package dev.connectpolicy.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The command line: {@code connect-policy COMMAND [OPTIONS] [FILE]}, or {@code java -jar
 * connect-policy.jar ...}. Exit statuses follow the contract ({@link ExitStatus}): 0 success, 1
 * differences (diff), 2 malformed input or usage error, 3 standard output could not be written.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Console console =
        new Console(
            System.in, new FileOutputStream(FileDescriptor.out), err, standardErrorIsTerminal());
    System.exit(run(args, console));
  }

  /** The subcommands, in the order of the usage: register a new one here. */
  private static List<Object> commands(Console console) {
    return List.of(
        new ProfilesCommand(console),
        new EvaluateCommand(console),
        new ExplainCommand(console),
        new UpgradeCommand(console),
        new AdmitCommand(console),
        new TableCommand(console),
        new DiffCommand(console),
        new RecordCommand(console),
        new ConformCommand(console),
        new DiffRecordingsCommand(console));
  }

  /** The command line of the tool, writing to {@code console}. */
  static CommandLine commandLine(Console console) {
    CommandLine cli = new CommandLine(new RootCommand());
    for (Object command : commands(console)) {
      cli.addSubcommand(command);
    }
    cli.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cli.addSubcommand(new CommandLine.HelpCommand());
    configure(cli.getCommandSpec());
    cli.getSubcommands().values().forEach(sub -> configure(sub.getCommandSpec()));
    cli.setOut(new PrintWriter(new OutputStreamWriter(console.out, StandardCharsets.UTF_8), false));
    cli.setErr(new PrintWriter(console.err, true));
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (failure, command, parsed) -> failed(console, failure, command));
    return cli;
  }

  /** What every command shares: --help, --version, and the layout of the usage. */
  private static void configure(CommandSpec spec) {
    if (spec.optionsMap().get("--help") == null) {
      spec.mixinStandardHelpOptions(true);
    }
    spec.versionProvider(new Version());
    UsageMessageSpec usage = spec.usageMessage();
    usage
        .synopsisHeading("usage: ")
        .descriptionHeading("%n")
        .parameterListHeading("%n")
        .optionListHeading("%n")
        .exitCodeListHeading("%nExit status:%n")
        .width(100);
  }

  /**
   * Runs the tool on {@code args}.
   *
   * @return the exit status
   */
  static int run(String[] args, Console console) {
    CommandLine cli = commandLine(console);
    int status = cli.execute(args);
    cli.getOut().flush();
    console.flush();
    IOException failure = console.outputFailure();
    if (failure != null || cli.getOut().checkError()) {
      console.err.println(
          "connect-policy: cannot write standard output"
              + (failure == null ? "" : ": " + failure.getMessage())
              + "; stopped");
      return ExitStatus.OUTPUT_FAILED;
    }
    return status;
  }

  private static int usageError(CommandLine.ParameterException wrong, String[] args) {
    CommandLine command = wrong.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + wrong.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(wrong, err);
    command.usage(err);
    return ExitStatus.ERROR;
  }

  private static int failed(Console console, Exception failure, CommandLine command) {
    if (console.outputFailure() != null) {
      return ExitStatus.OUTPUT_FAILED;
    }
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    if (failure instanceof UsageException) {
      err.println(name + ": " + failure.getMessage());
      command.usage(err);
    } else if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      err.println(name + ": cannot read input: " + failure.getMessage());
    } else {
      err.println(name + ": failed: " + failure);
    }
    return ExitStatus.ERROR;
  }

  /**
   * Whether standard error is a terminal: the launcher says so ({@code -Dconnect-policy.progress}),
   * else, on Linux, where file descriptor 2 points.
   */
  static boolean standardErrorIsTerminal() {
    String told = System.getProperty("connect-policy.progress");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
      return false;
    }
  }
}

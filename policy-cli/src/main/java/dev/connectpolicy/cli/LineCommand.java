package dev.connectpolicy.cli;

import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command that answers each line of FILE (or standard input) under a profile. */
abstract class LineCommand implements Callable<Integer> {

  final Console console;

  @Mixin ProfileOption profile = new ProfileOption();

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "JSON lines to read; standard input when absent or -")
  @Nullable String file;

  @Spec @Nullable CommandSpec spec;

  LineCommand(Console console) {
    this.console = console;
  }

  /** The answer to one well-formed line. */
  abstract Lines.Answer answer(PolicyPipeline policy);

  /** The answer to a malformed line: the {@code INVALID_CONTEXT} reject. */
  Lines.Malformed malformed() {
    return (problem, where) -> PolicyJson.write(PolicyJson.invalidContext(problem, where));
  }

  @Override
  public Integer call() throws UsageException, IOException {
    String name = spec == null ? "" : spec.name();
    try (InputStream input = console.input(file)) {
      return Lines.answerEach(name, input, console, answer(profile.profile.policy()), malformed());
    }
  }
}

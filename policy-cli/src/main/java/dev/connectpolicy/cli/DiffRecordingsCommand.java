package dev.connectpolicy.cli;

import dev.connectpolicy.conformance.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code diff-recordings}: two recordings of real gateways side by side. */
@Command(
    name = "diff-recordings",
    description = {
      "Show where two recordings of the same grid answer differently.",
      "",
      "Matches the attempts of both recordings by name and writes those whose answers differ"
          + " (outcome, detail code, message, close code, effective scopes), compacted into rows"
          + " over the facts admission derives from the base recording's requests. No profile"
          + " is involved: this is how a change to a gateway nobody has modelled shows."
    },
    exitCodeList = {
      "0:no difference",
      "1:differences",
      "2:a usage error or an unreadable recording",
      "3:standard output could not be written"
    })
final class DiffRecordingsCommand implements Callable<Integer> {

  private final Console console;

  @Mixin VerifierOption verifier = new VerifierOption();

  @Parameters(index = "0", paramLabel = "BASE", description = "the recording before")
  Path base = Path.of("");

  @Parameters(index = "1", paramLabel = "NEW", description = "the recording after")
  Path changed = Path.of("");

  DiffRecordingsCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    Conformance.Report report = Conformance.diff(base, changed, verifier.verifier);
    console.out.write(report.text().getBytes(StandardCharsets.UTF_8));
    console.out.flush();
    return report.agrees() ? ExitStatus.OK : ExitStatus.DIFFERENT;
  }
}

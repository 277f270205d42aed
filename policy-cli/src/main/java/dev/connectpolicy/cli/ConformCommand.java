package dev.connectpolicy.cli;

import dev.connectpolicy.conformance.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conform}: replays recordings of a real gateway through {@code admit}. */
@Command(
    name = "conform",
    description = {
      "Replay recordings of a real gateway against a profile.",
      "",
      "Decides every recorded request under the profile, its HTTP upgrade first (a refusal is"
          + " compared as its status and body), then its connect frame with `admit`, and compares"
          + " the decision with the gateway's recorded answer: outcome, detail code, message,"
          + " close code and"
          + " effective scopes. Prints the agreement on each aspect, then every disagreement,"
          + " compacted into rows over the facts admission derived. Recordings are written by"
          + " `record` (docs/CONFORMANCE.md); a name ending in .gz is read gzip-compressed."
    },
    exitCodeList = {
      "0:every attempt agrees on every aspect",
      "1:disagreements",
      "2:a usage error or an unreadable recording",
      "3:standard output could not be written"
    })
final class ConformCommand implements Callable<Integer> {

  private final Console console;

  @Mixin ProfileOption profile = new ProfileOption();

  @Mixin VerifierOption verifier = new VerifierOption();

  @Parameters(arity = "1..*", paramLabel = "RECORDING", description = "the recordings")
  List<Path> recordings = new ArrayList<>();

  ConformCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    Conformance.Report report =
        Conformance.conform(
            profile.profile.profileName(), profile.profile.policy(), recordings, verifier.verifier);
    console.out.write(report.text().getBytes(StandardCharsets.UTF_8));
    console.out.flush();
    return report.agrees() ? ExitStatus.OK : ExitStatus.DIFFERENT;
  }
}

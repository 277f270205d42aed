package dev.connectpolicy.engine.cli;

import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code upgrade}: for each line of facts, the decision on its HTTP upgrade request, from the facts
 * known at the upgrade.
 */
final class UpgradeCommand implements Command {

  @Override
  public String name() {
    return "upgrade";
  }

  @Override
  public String summary() {
    return "decide the HTTP upgrade of each line of facts: accept, defer or reject";
  }

  @Override
  public String help() {
    return "usage: connect-policy upgrade --profile NAME [FILE]\n\n"
        + "Reads JSON lines of facts (a ConnectContext each) from FILE, or standard input when\n"
        + "FILE is absent or -, and writes for each the decision on its HTTP upgrade request:\n"
        + "accept, defer to the connect frame, or reject with an HTTP status. Only the facts known\n"
        + "at the upgrade are read: the locality, the Origin check, the authentication mode, a\n"
        + "credential from a header or the query string, the failed attempts. A profile without an\n"
        + "upgrade phase defers every upgrade. `evaluate` decides the whole attempt.\n\n"
        + "  --profile NAME   the policy to apply (see `connect-policy profiles`)\n\n"
        + "Exit status: 0, or 2 if any line was malformed.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws UsageException, IOException {
    Arguments arguments = Arguments.parse(args, Set.of("profile"), Set.of("help"));
    if (arguments.has("help")) {
      console.out.print(help());
      return OK;
    }
    PolicyPipeline policy = Profiles.named(arguments.required("profile"));
    try (BufferedReader input = console.input(arguments.positional(1))) {
      return Lines.answerEach(
          input,
          console.out,
          line -> PolicyJson.write(policy.evaluateUpgrade(PolicyJson.readContext(line).upgrade())),
          (problem, where) -> PolicyJson.write(PolicyJson.invalidContext(problem, where)));
    }
  }
}

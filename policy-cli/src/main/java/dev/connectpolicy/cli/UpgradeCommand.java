package dev.connectpolicy.cli;

import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import picocli.CommandLine.Command;

/**
 * {@code upgrade}: for each line of facts, the decision on its HTTP upgrade request, from the facts
 * known at the upgrade.
 */
@Command(
    name = "upgrade",
    description = {
      "Decide the HTTP upgrade of each line of facts: accept, defer or reject.",
      "",
      "Reads JSON lines of facts (a ConnectContext each) from FILE, or standard input when FILE is"
          + " absent or -, and writes for each the decision on its HTTP upgrade request: accept,"
          + " defer to the connect frame, or reject with an HTTP status. Only the facts known at"
          + " the upgrade are read: the locality, the Origin check, the authentication mode, a"
          + " credential from a header or the query string, the failed attempts. A profile without"
          + " an upgrade phase defers every upgrade. `evaluate` decides the whole attempt."
    },
    exitCodeList = {
      "0:every line decided",
      "2:a line was malformed (and still answered), or a usage error",
      "3:standard output could not be written"
    })
final class UpgradeCommand extends LineCommand {

  UpgradeCommand(Console console) {
    super(console);
  }

  @Override
  Lines.Answer answer(PolicyPipeline policy) {
    return line -> PolicyJson.write(policy.evaluateUpgrade(PolicyJson.readContext(line).upgrade()));
  }
}

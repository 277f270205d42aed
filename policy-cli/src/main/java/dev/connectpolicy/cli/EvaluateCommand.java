package dev.connectpolicy.cli;

import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import picocli.CommandLine.Command;

/** {@code evaluate}: one decision per line of facts. */
@Command(
    name = "evaluate",
    description = {
      "Decide each line of facts (JSON lines) under a profile.",
      "",
      "Reads JSON lines of facts (a ConnectContext each) from FILE, or standard input when FILE is"
          + " absent or -, and writes one decision per line, in order. A malformed line is answered"
          + " with a reject of code INVALID_CONTEXT naming the line and the field."
    },
    exitCodeList = {
      "0:every line decided",
      "2:a line was malformed (and still answered), or a usage error",
      "3:standard output could not be written"
    })
final class EvaluateCommand extends LineCommand {

  EvaluateCommand(Console console) {
    super(console);
  }

  @Override
  Lines.Answer answer(PolicyPipeline policy) {
    return line -> PolicyJson.write(policy.evaluate(PolicyJson.readContext(line)));
  }
}

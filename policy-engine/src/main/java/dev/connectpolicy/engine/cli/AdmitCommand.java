package dev.connectpolicy.engine.cli;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.RequestJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** {@code admit}: one decision, with the facts derived, per line of raw requests. */
final class AdmitCommand implements Command {

  @Override
  public String name() {
    return "admit";
  }

  @Override
  public String summary() {
    return "verify and decide each raw request (JSON lines) under a profile";
  }

  @Override
  public String help() {
    return "usage: connect-policy admit --profile NAME [FILE]\n\n"
        + "Reads JSON lines of raw requests (the connect frame, the socket, the challenge nonce,\n"
        + "the clock, the gateway configuration and the pairing record) from FILE, or standard\n"
        + "input when FILE is absent or -. Verifies each request's evidence (device proof,\n"
        + "client locality, Origin, credentials, pairing) and writes one decision per line, in\n"
        + "order, with the facts it derived in `facts`. A malformed line is answered with a\n"
        + "reject of code INVALID_CONTEXT naming the line and the field.\n\n"
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
          line -> {
            ConnectContext facts = Admission.facts(RequestJson.read(line));
            return PolicyJson.write(policy.evaluate(facts), facts);
          },
          (problem, where) -> PolicyJson.write(PolicyJson.invalidContext(problem, where)));
    }
  }
}

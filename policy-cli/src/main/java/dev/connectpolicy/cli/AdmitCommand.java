package dev.connectpolicy.cli;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import dev.connectpolicy.engine.evidence.RequestJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code admit}: one decision, with the facts derived, per line of raw requests. */
@Command(
    name = "admit",
    description = {
      "Verify and decide each raw request (JSON lines) under a profile.",
      "",
      "Reads JSON lines of raw requests (the connect frame, the socket, the challenge nonce, the"
          + " clock, the gateway configuration and the pairing record) from FILE, or standard"
          + " input when FILE is absent or -. Verifies each request's evidence (device proof,"
          + " client locality, Origin, credentials, pairing) and writes one decision per line, in"
          + " order, with the facts it derived in `facts`. A malformed line is answered with a"
          + " reject of code INVALID_CONTEXT naming the line and the field."
    },
    exitCodeList = {
      "0:every line decided",
      "2:a line was malformed (and still answered), or a usage error",
      "3:standard output could not be written"
    })
final class AdmitCommand extends LineCommand {

  @Mixin VerifierOption verifier = new VerifierOption();

  AdmitCommand(Console console) {
    super(console);
  }

  @Override
  Lines.Answer answer(PolicyPipeline policy) {
    Ed25519Verifier library = verifier.verifier;
    return line -> {
      ConnectContext facts = Admission.facts(RequestJson.read(line), library);
      return PolicyJson.write(policy.evaluate(facts), facts);
    };
  }
}

package dev.connectpolicy.cli;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import dev.connectpolicy.engine.evidence.RequestJson;
import java.util.Optional;
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
      ConnectRequest request = RequestJson.read(line);
      // the facts as the profile's release reads the request (its RequestReading)
      Admission.Result result = Admission.admit(policy, request, library);
      Optional<ConnectContext> facts = result.facts();
      if (facts.isEmpty()) {
        // malformed evidence: derive again to throw the error naming the field, which the line
        // loop answers with the line number
        Admission.facts(request, library);
        return PolicyJson.write(result.decision());
      }
      return PolicyJson.write(result.decision(), facts.get());
    };
  }
}

package dev.connectpolicy.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.Profile;

/**
 * Coverage-guided fuzzing of the JSON codec, the parser of untrusted input. A document is either a
 * context (which then round-trips and is decided by every profile) or an {@link
 * InvalidContextException}; any other exception escaping is a finding.
 *
 * <p>In the normal test run only the committed corpus under {@code
 * src/test/resources/dev/connectpolicy/engine/fuzz/PolicyJsonFuzzTestInputs} runs; to fuzz, see the
 * README ({@code -Pfuzz}).
 */
class PolicyJsonFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void readContext(String json) {
    ConnectContext context;
    try {
      context = PolicyJson.readContext(json);
    } catch (InvalidContextException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("an input error without a message", expected);
      }
      return;
    }
    ConnectContext back = PolicyJson.readContext(PolicyJson.write(context));
    if (!back.equals(context)) {
      throw new AssertionError("round trip changed the context: " + PolicyJson.write(context));
    }
    for (Profile profile : Profile.values()) {
      Decision decision = profile.policy().evaluate(context);
      if (decision == null || decision.decidedBy().isBlank()) {
        throw new AssertionError(profile.profileName() + " gave no decision");
      }
    }
  }

  @FuzzTest(maxDuration = "5m")
  void readDecision(String json) {
    Decision decision;
    try {
      decision = PolicyJson.readDecision(json);
    } catch (InvalidContextException expected) {
      return;
    }
    if (!PolicyJson.readDecision(PolicyJson.write(decision)).equals(decision)) {
      throw new AssertionError("round trip changed the decision: " + PolicyJson.write(decision));
    }
  }
}

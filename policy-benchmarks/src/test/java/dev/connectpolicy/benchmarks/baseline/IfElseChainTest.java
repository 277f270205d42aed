package dev.connectpolicy.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written chain is the profile {@code openclaw-2026.3.13}: the same decision, rule ids,
 * texts and advice included, on every cell of the fact space; and the comparison is sharp enough to
 * tell it from its neighbour {@code openclaw-2026.3.12}.
 */
class IfElseChainTest {

  private static final String PROFILE = "openclaw-2026.3.13";

  /** How many differing cells a failure shows. */
  private static final int SHOWN = 10;

  private final IfElseChain chain = new IfElseChain();

  @Test
  void chainDecidesExactlyAsTheProfileOnEveryCellOfTheFactSpace() {
    Comparison comparison =
        Comparison.of(chain, ConnectPolicies.profile(PROFILE), FactSpace.standard());

    assertThat(comparison.examples)
        .as("the first of %d cells where the chain differs from %s", comparison.differing, PROFILE)
        .isEmpty();
    assertThat(comparison.differing).isZero();
    assertThat(comparison.cells).isEqualTo(FactSpace.standard().size());
  }

  @Test
  void comparisonCatchesThe2026_3_12BypassThatAdmitsAControlUiNode() {
    FactSpace controlUiNodesUnderBypass =
        FactSpace.standard()
            .restrict(Dimension.ROLE, List.of("node"))
            .restrict(Dimension.CLIENT, List.of(Client.of(Client.CONTROL_UI, "webchat")))
            .restrict(
                Dimension.CONTROL_UI,
                List.of(new ControlUiConfig(false, true), new ControlUiConfig(true, true)));

    Comparison against312 =
        Comparison.of(
            chain, ConnectPolicies.profile("openclaw-2026.3.12"), controlUiNodesUnderBypass);
    Comparison against313 =
        Comparison.of(chain, ConnectPolicies.profile(PROFILE), controlUiNodesUnderBypass);

    assertThat(against312.differing).isPositive();
    assertThat(against312.firstProfileDecision)
        .isInstanceOfSatisfying(
            Accept.class,
            accept -> assertThat(accept.decidedBy()).isEqualTo("control-ui.bypass-any-role"));
    assertThat(against312.firstChainDecision).isInstanceOf(Reject.class);
    assertThat(against313.examples).isEmpty();
    assertThat(against313.cells).isEqualTo(against312.cells).isPositive();
  }

  @Test
  void chainDecidesAsTheProfileForFailureReasonsOutsideTheStandardSpace() {
    List<String> reasons =
        List.of(
            "token_missing",
            "token_mismatch",
            "token_missing_config",
            "password_missing",
            "password_mismatch",
            "password_missing_config",
            "bootstrap_token_invalid",
            "tailscale_user_missing",
            "tailscale_proxy_missing",
            "tailscale_whois_failed",
            "tailscale_user_mismatch",
            "rate_limited",
            "device_token_mismatch",
            "device_token_scope_mismatch",
            "trusted_proxy_config_missing",
            "trusted_proxy_no_proxies_configured",
            "trusted_proxy_untrusted_source",
            "trusted_proxy_loopback_source",
            "trusted_proxy_local_interface_source",
            "trusted_proxy_user_missing",
            "trusted_proxy_user_not_allowed",
            "trusted_proxy_missing_header_x-forwarded-user",
            "unauthorized",
            "a_reason_from_a_later_version");
    List<AuthFacts> failures = new ArrayList<>();
    for (AuthMode mode : List.of(AuthMode.TOKEN, AuthMode.PASSWORD, AuthMode.TRUSTED_PROXY)) {
      AuthMethod method = mode == AuthMode.PASSWORD ? AuthMethod.PASSWORD : AuthMethod.TOKEN;
      for (Credential provided : Credential.values()) {
        for (String reason : reasons) {
          failures.add(AuthFacts.failed(mode, provided, method, reason));
        }
      }
    }
    FactSpace failedAuthentication =
        FactSpace.standard()
            .restrict(Dimension.ROLE, List.of("operator", "node"))
            .restrict(Dimension.SCOPES, List.of(List.of("operator.read")))
            .restrict(Dimension.AUTH, failures);

    Comparison comparison =
        Comparison.of(chain, ConnectPolicies.profile(PROFILE), failedAuthentication);

    assertThat(comparison.examples).isEmpty();
    assertThat(comparison.cells).isPositive();
  }

  @Test
  void nullContextIsRefusedAsTheProfileRefusesIt() {
    assertThat(chain.evaluate(null)).isEqualTo(ConnectPolicies.profile(PROFILE).evaluate(null));
  }

  /** How the chain and a profile compare on the cells of a space. */
  private static final class Comparison {
    long cells;
    long differing;
    final List<String> examples = new ArrayList<>();
    Decision firstChainDecision;
    Decision firstProfileDecision;

    static Comparison of(ConnectPolicy chain, ConnectPolicy profile, FactSpace space) {
      Comparison comparison = new Comparison();
      space.forEach(
          context -> {
            comparison.cells++;
            Decision expected = profile.evaluate(context);
            Decision actual = chain.evaluate(context);
            if (actual.equals(expected)) {
              return;
            }
            if (comparison.differing++ == 0) {
              comparison.firstChainDecision = actual;
              comparison.firstProfileDecision = expected;
            }
            if (comparison.examples.size() < SHOWN) {
              comparison.examples.add(
                  PolicyJson.write(context)
                      + "\n    chain:   "
                      + PolicyJson.write(actual)
                      + "\n    profile: "
                      + PolicyJson.write(expected));
            }
          });
      return comparison;
    }
  }
}

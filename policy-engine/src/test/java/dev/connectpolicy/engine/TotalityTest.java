package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every profile answers every context of the standard fact space and of its own gateway's: without
 * exception, with a well-formed decision named after one of its own rules, identically with tracing
 * on.
 */
@Order(Order.DEFAULT + 1) // walks a whole fact space
class TotalityTest {

  /** The size of the standard fact space, as the README states it. */
  static final long STANDARD_CELLS = 2_668_896L;

  @Test
  void everyProfileDecidesEveryContextOfTheFactSpace() {
    Profile[] profiles = Profile.values();
    List<Set<String>> ruleIds = new ArrayList<>();
    for (Profile profile : profiles) {
      ruleIds.add(ruleIds(profile));
    }
    long[] cells = {0};
    List<String> problems = new ArrayList<>();
    FactSpace.standard()
        .forEach(
            context -> {
              cells[0]++;
              for (int p = 0; p < profiles.length; p++) {
                Decision decision = profiles[p].policy().evaluate(context);
                String problem = problem(decision, ruleIds.get(p));
                if (problem != null && problems.size() < 20) {
                  problems.add(
                      profiles[p].profileName()
                          + " on "
                          + PolicyJson.write(context)
                          + ": "
                          + problem);
                }
              }
            });
    assertThat(problems).isEmpty();
    assertThat(cells[0]).isEqualTo(STANDARD_CELLS);
  }

  private static Set<String> ruleIds(Profile profile) {
    Set<String> ids = new HashSet<>();
    ids.add(PolicyPipeline.ACCEPT);
    profile.policy().upgradeRules().forEach(rule -> ids.add(rule.id()));
    for (Stage stage : profile.policy().stages()) {
      stage.rules().forEach(rule -> ids.add(rule.id()));
      ids.add(stage.otherwise().id());
    }
    return ids;
  }

  @Test
  void everyProfileDecidesEveryContextOfItsGatewaysSpace() {
    List<String> problems = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      if (profile.family() == GatewayFamily.OPENCLAW) {
        continue;
      }
      Set<String> ids = ruleIds(profile);
      long cells =
          profile
              .family()
              .space()
              .contexts()
              .peek(
                  context -> {
                    Decision decision = profile.policy().evaluate(context);
                    String problem = problem(decision, ids);
                    if (problem != null) {
                      problems.add(profile.profileName() + " on " + PolicyJson.write(context));
                    }
                    assertThat(profile.policy().explain(context).decision()).isEqualTo(decision);
                  })
              .count();
      assertThat(cells).as("cells of %s", profile.family()).isPositive();
    }
    assertThat(problems).isEmpty();
    assertThat(GatewayFamily.MOLTIS.space().size()).isEqualTo(24);
    assertThat(GatewayFamily.SYNTHORG.space().size()).isEqualTo(5);
    assertThat(GatewayFamily.MOSAIC.space().size()).isEqualTo(51);
  }

  private static String problem(Decision decision, Set<String> ruleIds) {
    if (decision == null) {
      return "no decision";
    }
    if (!ruleIds.contains(decision.decidedBy())) {
      return "decided by unknown rule " + decision.decidedBy();
    }
    if (decision instanceof Reject) {
      Reject reject = (Reject) decision;
      if (reject.code() == RejectCode.INTERNAL_ERROR
          || reject.code() == RejectCode.INVALID_CONTEXT) {
        return "failed: " + reject.message();
      }
      if (reject.message().isBlank()) {
        return "empty message";
      }
      if (reject.close().reason().getBytes(StandardCharsets.UTF_8).length
          > Close.MAX_REASON_BYTES) {
        return "close reason too long";
      }
      return null;
    }
    Accept accept = (Accept) decision;
    if (accept.scopesCleared() && !accept.scopes().isEmpty()) {
      return "cleared scopes still present";
    }
    return null;
  }

  @Test
  void explainingDecidesExactlyAsEvaluating() {
    java.util.Random random = new java.util.Random(20261122L);
    for (int i = 0; i < 20_000; i++) {
      ConnectContext context = FactSpace.standard().random(random);
      for (Profile profile : Profile.values()) {
        assertThat(profile.policy().explain(context).decision())
            .as("%s on %s", profile.profileName(), context)
            .isEqualTo(profile.policy().evaluate(context));
      }
    }
  }
}

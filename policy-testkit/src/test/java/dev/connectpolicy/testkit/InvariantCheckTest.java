package dev.connectpolicy.testkit;

import static dev.connectpolicy.testkit.PolicyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.RejectCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantCheckTest {

  private static final Invariant NO_LOOPBACK_NODES =
      Invariant.of(
          "no-loopback-nodes",
          "nodes on loopback are refused",
          "this test",
          (context, decision) ->
              context.role().equals("node") && context.local() && decision.isAccepted()
                  ? "a loopback node was accepted"
                  : null);

  @Test
  void minimisationLandsOnTheFactsThatMatter() {
    ContextGenerator busy =
        ConnectContexts.all()
            .where("scoped, with a device", c -> !c.scopes().isEmpty() && c.device().isPresent());

    Counterexample counterexample =
        assertThat(TestPolicies.LOOPBACK_NODES).violates(NO_LOOPBACK_NODES).over(busy);

    assertThat(ConnectContexts.nonDefault(counterexample.found())).hasSizeGreaterThan(2);
    assertThat(ConnectContexts.nonDefault(counterexample.minimal()))
        .as("the scopes and device facts stay because the set requires them")
        .containsExactly(Dimension.ROLE, Dimension.SCOPES, Dimension.LOCALITY, Dimension.DEVICE);
    assertThat(counterexample.minimal().locality()).isEqualTo(Locality.DIRECT_LOCAL);
    assertThat(counterexample.minimal().scopes()).containsExactly("operator.read");
    assertThat(counterexample.describe())
        .contains(
            "invariant `no-loopback-nodes` (this test) is broken: a loopback node was accepted")
        .contains("minimal counterexample: role=node, scopes=operator.read, locality=direct_local");
  }

  @Test
  void anUpgradeThatRefusesWhatTheConnectPhaseAcceptsBreaksTheLayering() {
    Counterexample hole =
        assertThat(TestPolicies.GATED_UPGRADE)
            .violates(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS)
            .over(ConnectContexts.all());

    assertThat(ConnectContexts.describe(hole.minimal())).isEqualTo("auth=token/none ok:tailscale");
    assertThat(hole.violation())
        .isEqualTo(
            "the upgrade was refused with `AUTH_UNAUTHORIZED` (status 401, by `gate.login`)"
                + " although the connect phase accepts it (by `frame.authenticated`)");
    assertThat(TestPolicies.ACCEPT_ALL)
        .as("a policy without an upgrade phase defers every upgrade")
        .satisfies(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS)
        .over(ConnectContexts.all().withRole("node"));
  }

  @Test
  void minimisationOverTheWholeSpaceKeepsOnlyTheCause() {
    Counterexample counterexample =
        assertThat(TestPolicies.LOOPBACK_NODES)
            .violates(NO_LOOPBACK_NODES)
            .over(ConnectContexts.all());

    assertThat(ConnectContexts.describe(counterexample.minimal()))
        .isEqualTo("role=node, locality=direct_local");
  }

  @Test
  void aRandomCheckReportsItsSeed() {
    InvariantCheck.Result result =
        InvariantCheck.random(
            TestPolicies.LOOPBACK_NODES,
            ConnectContexts.all(),
            1234L,
            50_000,
            List.of(NO_LOOPBACK_NODES));

    assertThat(result.counterexample(NO_LOOPBACK_NODES)).isPresent();
    assertThat(result.counterexample(NO_LOOPBACK_NODES).orElseThrow().seed()).isEqualTo(1234L);
    assertThat(result.counterexample(NO_LOOPBACK_NODES).orElseThrow().describe())
        .contains("random seed: 1234");
    assertThatThrownBy(
            () ->
                assertThat(TestPolicies.LOOPBACK_NODES)
                    .satisfies(NO_LOOPBACK_NODES)
                    .overRandom(ConnectContexts.all(), 99L, 50_000))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("breaks 1 of 1 invariants")
        .hasMessageContaining("random seed: 99")
        .hasMessageContaining("minimal counterexample: role=node, locality=direct_local");
  }

  @Test
  void aPolicyThatRefusesEverythingKeepsEveryInvariant() {
    InvariantCheck.Result result =
        assertThat(TestPolicies.DENY_ALL)
            .satisfies(Invariants.all())
            .over(ConnectContexts.all().withRole("node"));

    assertThat(result.counterexamples()).isEmpty();
    assertThat(result.checked()).isEqualTo(ConnectContexts.all().withRole("node").size());
  }

  @Test
  void aPolicyThatAcceptsEverythingBreaksTheSecurityInvariants() {
    InvariantCheck.Result result =
        InvariantCheck.exhaustive(TestPolicies.ACCEPT_ALL, ConnectContexts.all(), Invariants.all());

    assertThat(result.counterexamples().keySet())
        .containsExactlyInAnyOrder(
            Invariants.FAILED_AUTH_NEVER_ACCEPTED,
            Invariants.REMOTE_WITHOUT_DEVICE_IS_OPERATOR_ONLY,
            Invariants.CONTROL_UI_BYPASS_NEEDS_FLAG_AND_OPERATOR,
            Invariants.NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI,
            Invariants.BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE,
            Invariants.DECLARED_ROLE_NEVER_WIDENS_APPROVAL,
            Invariants.FAILED_DEVICE_PROOF_NEVER_ACCEPTED,
            Invariants.REJECTED_ORIGIN_NEVER_ACCEPTED);
    assertThat(result.holds(Invariants.DETERMINISTIC)).isTrue();
    assertThat(result.holds(Invariants.UNKNOWN_ROLE_REJECTED)).isTrue();
    assertThat(
            ConnectContexts.describe(
                result
                    .counterexample(Invariants.FAILED_AUTH_NEVER_ACCEPTED)
                    .orElseThrow()
                    .minimal()))
        .as("the simplest failed authentication")
        .startsWith("auth=token/none failed:token_missing");
  }

  @Test
  void aNonDeterministicPolicyIsCaught() {
    int[] calls = {0};
    dev.connectpolicy.api.ConnectPolicy flaky =
        context ->
            ++calls[0] % 2 == 0
                ? TestPolicies.DENIED
                : dev.connectpolicy.api.Reject.of(
                    RejectCode.DEVICE_IDENTITY_REQUIRED, null, "another message", "flaky");

    InvariantCheck.Result result =
        InvariantCheck.exhaustive(
            flaky,
            ConnectContexts.all().withRole("node").local(),
            List.of(Invariants.DETERMINISTIC));

    assertThat(result.holds(Invariants.DETERMINISTIC)).isFalse();
    assertThat(result.counterexample(Invariants.DETERMINISTIC).orElseThrow().violation())
        .startsWith("a second evaluation gave");
  }

  @Test
  void theSharedPassGivesEachInvariantWhatItsOwnCheckGives() {
    ContextGenerator contexts = ConnectContexts.all().local().withRole("node").withoutDevice();
    List<Invariant> invariants = new java.util.ArrayList<>(Invariants.all());
    invariants.add(NO_LOOPBACK_NODES);
    for (dev.connectpolicy.api.ConnectPolicy policy :
        List.of(TestPolicies.LOOPBACK_NODES, TestPolicies.ACCEPT_ALL, TestPolicies.DENY_ALL)) {
      java.util.Map<Invariant, InvariantCheck.Separate> shared =
          InvariantCheck.separately(policy, contexts, invariants);

      assertThat(shared.keySet()).containsExactlyElementsOf(invariants);
      int broken = 0;
      for (Invariant invariant : invariants) {
        InvariantCheck.Result alone =
            InvariantCheck.exhaustive(policy, contexts, List.of(invariant));
        InvariantCheck.Result fromShared = shared.get(invariant).get();
        assertThat(fromShared.checked()).as(invariant.name()).isEqualTo(alone.checked());
        assertThat(fromShared.counterexamples().keySet())
            .isEqualTo(alone.counterexamples().keySet());
        alone
            .counterexample(invariant)
            .ifPresent(
                expected -> {
                  Counterexample actual = fromShared.counterexample(invariant).orElseThrow();
                  assertThat(actual.found()).isEqualTo(expected.found());
                  assertThat(actual.minimal()).isEqualTo(expected.minimal());
                  assertThat(actual.describe()).isEqualTo(expected.describe());
                });
        broken += alone.holds(invariant) ? 0 : 1;
      }
      if (policy == TestPolicies.ACCEPT_ALL) {
        assertThat(broken).as("invariants ACCEPT_ALL breaks").isGreaterThan(1);
      }
    }
  }

  @Test
  void theSharedPassFailsAnInvariantWhoseOwnCheckWouldThrow() {
    Invariant throwing =
        Invariant.of(
            "throws",
            "throws on the first context",
            "this test",
            (context, decision) -> {
              throw new IllegalStateException("boom");
            });
    java.util.Map<Invariant, InvariantCheck.Separate> shared =
        InvariantCheck.separately(
            TestPolicies.DENY_ALL,
            ConnectContexts.all().local().withRole("node").withoutDevice(),
            List.of(throwing, Invariants.DETERMINISTIC));

    assertThatThrownBy(() -> shared.get(throwing).get()).hasMessage("boom");
    assertThat(shared.get(Invariants.DETERMINISTIC).get().holds(Invariants.DETERMINISTIC)).isTrue();
  }
}

package dev.connectpolicy.engine;

import static dev.connectpolicy.testkit.PolicyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.connectpolicy.testkit.ConnectContexts;
import dev.connectpolicy.testkit.Counterexample;
import dev.connectpolicy.testkit.Invariant;
import dev.connectpolicy.testkit.InvariantCheck;
import dev.connectpolicy.testkit.Invariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Which of the testkit's invariants each profile keeps, checked over the whole fact space of its
 * gateway family. The invariants an old version breaks are shown broken, with the minimal
 * counterexample: that is the history the invariants come from. {@code docs/INVARIANTS.md} is
 * generated from this check and compared like a golden table.
 */
@Order(Order.DEFAULT + 2) // walks a whole fact space
class InvariantsByProfileTest {

  private static final Path DOC = Path.of("..", "docs", "INVARIANTS.md");

  /** The invariants each profile breaks; it keeps all others. */
  private static final Map<Profile, Set<Invariant>> BROKEN = new EnumMap<>(Profile.class);

  static {
    Set<Invariant> bypass =
        Set.of(
            Invariants.FAILED_DEVICE_PROOF_NEVER_ACCEPTED,
            Invariants.DECLARED_ROLE_NEVER_WIDENS_APPROVAL);
    BROKEN.put(
        Profile.OPENCLAW_2026_3_11,
        union(bypass, Invariants.BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE));
    BROKEN.put(
        Profile.OPENCLAW_2026_3_12,
        union(
            bypass,
            Invariants.REMOTE_WITHOUT_DEVICE_IS_OPERATOR_ONLY,
            Invariants.CONTROL_UI_BYPASS_NEEDS_FLAG_AND_OPERATOR));
    BROKEN.put(Profile.OPENCLAW_2026_3_13, bypass);
    BROKEN.put(
        Profile.OPENCLAW_2026_3_13_PR48285,
        union(
            bypass,
            Invariants.CONTROL_UI_BYPASS_NEEDS_FLAG_AND_OPERATOR,
            Invariants.NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI));
    BROKEN.put(Profile.OPENCLAW_2026_3_13_PR48285_REVIEWED, bypass);
    BROKEN.put(
        Profile.OPENCLAW_2026_4,
        union(bypass, Invariants.BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE));
    BROKEN.put(
        Profile.OPENCLAW_2026_5,
        union(bypass, Invariants.BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE));
    // 2026.9.6 shipped without #72418: the backend claim with the shared secret keeps its scopes.
    BROKEN.put(
        Profile.OPENCLAW_2026_9_6,
        Set.of(
            Invariants.DECLARED_ROLE_NEVER_WIDENS_APPROVAL,
            Invariants.BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE));
    BROKEN.put(Profile.RECOMMENDED, Set.of());
    // Moltis admits any authenticated client in the role it declares, node included, with no
    // device proof (peers A.1, observations; lesson L8): both versions.
    Set<Invariant> declaredRole = Set.of(Invariants.REMOTE_WITHOUT_DEVICE_IS_OPERATOR_ONLY);
    BROKEN.put(
        Profile.MOLTIS_BEFORE_PR382,
        union(declaredRole, Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS));
    BROKEN.put(Profile.MOLTIS_PR382, declaredRole);
    BROKEN.put(
        Profile.SYNTHORG_BEFORE_PR556,
        Set.of(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS));
    BROKEN.put(Profile.SYNTHORG_PR556, Set.of());
    BROKEN.put(Profile.MOSAIC_BEFORE_198, Set.of(Invariants.FAILED_AUTH_NEVER_ACCEPTED));
    BROKEN.put(Profile.MOSAIC_198, Set.of());
    BROKEN.put(Profile.MOSAIC_198_RATE_LIMIT, Set.of());
  }

  private static Set<Invariant> union(Set<Invariant> base, Invariant... more) {
    java.util.HashSet<Invariant> all = new java.util.HashSet<>(base);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void everyProfileKeepsAndBreaksExactlyTheDocumentedInvariants() throws IOException {
    Map<Profile, InvariantCheck.Result> results = new EnumMap<>(Profile.class);
    for (Profile profile : Profile.values()) {
      InvariantCheck.Result result =
          InvariantCheck.exhaustive(
              profile.policy(), ConnectContexts.of(profile.family().space()), Invariants.all());
      results.put(profile, result);
      assertThat(result.counterexamples().keySet())
          .as("invariants %s breaks", profile.profileName())
          .containsExactlyInAnyOrderElementsOf(BROKEN.get(profile));
    }
    check(document(results));
  }

  @Test
  void recommendedKeepsEveryInvariant() {
    assertThat(ConnectPolicies.recommended())
        .satisfies(Invariants.all())
        .over(ConnectContexts.all().withDevice());
  }

  @Test
  void thePr48285HoleMinimisesToTheReviewersCase() {
    Counterexample hole =
        assertThat(Profile.OPENCLAW_2026_3_13_PR48285.policy())
            .violates(Invariants.NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI)
            .over(ConnectContexts.all());

    assertThat(ConnectContexts.describe(hole.minimal()))
        .isEqualTo(
            "role=node, client=openclaw-control-ui/webchat, locality=direct_local, origin=allowed,"
                + " controlUi=insecure");
    assertThat(hole.decision().decidedBy()).isEqualTo("device.node-loopback");
  }

  @Test
  void theBackendScopeHoleMinimisesToALoopbackBackendWithTheToken() {
    Counterexample hole =
        assertThat(Profile.OPENCLAW_2026_4.policy())
            .violates(Invariants.BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE)
            .over(ConnectContexts.all());

    assertThat(ConnectContexts.describe(hole.minimal()))
        .startsWith(
            "scopes=operator.read, client=gateway-client/backend, locality=direct_local, auth=");
    assertThat(hole.minimal().auth().method().isSharedSecret()).isTrue();
  }

  @Test
  void theMoltisGateBeforePr382RefusesTheDeviceTokenItsHandlerAccepts() {
    Counterexample hole =
        assertThat(Profile.MOLTIS_BEFORE_PR382.policy())
            .violates(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS)
            .over(ConnectContexts.of(GatewayFamily.MOLTIS.space()));

    assertThat(ConnectContexts.describe(hole.minimal()))
        .isEqualTo("auth=password/device-token ok:device-token");
    assertThat(hole.violation())
        .isEqualTo(
            "the upgrade was refused with `AUTH_NOT_AUTHENTICATED` (status 303, by"
                + " `upgrade.not-authenticated`) although the connect phase accepts it (by"
                + " `credential.device-token`)");
    assertThat(Profile.MOLTIS_PR382.policy())
        .satisfies(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS)
        .over(ConnectContexts.of(GatewayFamily.MOLTIS.space()));
  }

  @Test
  void theLayeringHoldsForEveryProfileWithAnUpgradePhaseButTheBugs() {
    List<Profile> phased = new java.util.ArrayList<>();
    for (Profile profile : Profile.values()) {
      if (profile.policy().hasUpgradePhase()) {
        phased.add(profile);
        boolean broken =
            BROKEN.get(profile).contains(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS);
        InvariantCheck.Result result =
            InvariantCheck.exhaustive(
                profile.policy(),
                ConnectContexts.of(profile.family().space()),
                List.of(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS));
        assertThat(result.holds(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS))
            .as("the layering of %s", profile.profileName())
            .isEqualTo(!broken);
      }
    }
    assertThat(phased)
        .containsExactly(
            Profile.MOLTIS_BEFORE_PR382,
            Profile.MOLTIS_PR382,
            Profile.SYNTHORG_BEFORE_PR556,
            Profile.SYNTHORG_PR556);
  }

  @Test
  void theSynthOrgFrameworkRefusesAValidTicketItsHandlerAccepts() {
    Counterexample hole =
        assertThat(Profile.SYNTHORG_BEFORE_PR556.policy())
            .violates(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS)
            .over(ConnectContexts.of(GatewayFamily.SYNTHORG.space()));

    assertThat(ConnectContexts.describe(hole.minimal())).isEqualTo("auth=token/ticket ok:ticket");
    assertThat(hole.decision().decidedBy()).isEqualTo("upgrade.framework-rejected");
  }

  private static String document(Map<Profile, InvariantCheck.Result> results) {
    StringBuilder doc = new StringBuilder();
    doc.append("# Security invariants by profile\n\n")
        .append("The testkit's invariants (`dev.connectpolicy.testkit.Invariants`), each checked")
        .append(" over every context of the fact space of each profile's gateway: OpenClaw's")
        .append(" standard space of 2,668,896 contexts, and the spaces of the other gateways")
        .append(" (`GatewayFamily`). An invariant about facts a gateway does not have (a device")
        .append(" proof, the Control UI) is kept there trivially. Generated by")
        .append(" `InvariantsByProfileTest`; regenerate with")
        .append(" `-Dconnectpolicy.updateGoldenTables=true`.\n");
    for (GatewayFamily family : GatewayFamily.values()) {
      List<Profile> profiles = family.profiles();
      doc.append("\n## ")
          .append(family.familyName())
          .append(" (")
          .append(String.format(java.util.Locale.US, "%,d", family.space().size()))
          .append(" contexts)\n\n")
          .append("| invariant | from | ");
      for (Profile profile : profiles) {
        doc.append('`').append(profile.profileName()).append("` | ");
      }
      doc.append("\n|---|---|").append("---|".repeat(profiles.size())).append('\n');
      for (Invariant invariant : Invariants.all()) {
        doc.append("| `").append(invariant.name()).append("`: ").append(invariant.description());
        doc.append(" | ").append(invariant.source()).append(" | ");
        for (Profile profile : profiles) {
          doc.append(results.get(profile).holds(invariant) ? "kept" : "**broken**").append(" | ");
        }
        doc.append('\n');
      }
    }
    doc.append("\n## Minimal counterexamples\n\n")
        .append("For each broken invariant, the simplest context that breaks it (the facts that")
        .append(" differ from the defaults; the testkit shrinks the first context found).\n");
    for (Profile profile : Profile.values()) {
      InvariantCheck.Result result = results.get(profile);
      if (result.counterexamples().isEmpty()) {
        continue;
      }
      doc.append("\n### ").append(profile.profileName()).append("\n\n");
      for (Counterexample counterexample : result.counterexamples().values()) {
        doc.append("- `")
            .append(counterexample.invariant().name())
            .append("`: ")
            .append(ConnectContexts.describe(counterexample.minimal()))
            .append(" → ")
            .append(counterexample.violation())
            .append(" (decided by `")
            .append(counterexample.decision().decidedBy())
            .append("`)\n");
      }
    }
    return doc.toString();
  }

  private static void check(String actual) throws IOException {
    if (Boolean.getBoolean("connectpolicy.updateGoldenTables")) {
      Files.writeString(DOC, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(DOC) || !Files.readString(DOC, StandardCharsets.UTF_8).equals(actual)) {
      fail(
          DOC
              + " does not match the invariant check; regenerate with"
              + " -Dconnectpolicy.updateGoldenTables=true:\n"
              + GoldenTablesTest.lineDiff(
                  Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "", actual));
    }
  }
}

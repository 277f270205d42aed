package dev.connectpolicy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What every encoding of {@code openclaw-2026.3.13} in another engine must show: it accepts exactly
 * what the profile accepts on every cell, the comparison catches a policy that differs, and a few
 * contexts are decided as the golden table says.
 *
 * @param <R> the engine's prepared request
 */
public abstract class ComparisonPolicyContract<R> {

  /** The tag of the tests that run only in the {@code agreement-proofs} profile. */
  public static final String EVERY_CELL = "every-cell";

  /**
   * Returns the encoding under test.
   *
   * @return the encoding
   */
  protected abstract ComparisonPolicy<R> policy();

  /**
   * Returns the content of a request as the engine receives it, with value equality: the key under
   * which {@link Agreement} remembers the engine's answer.
   *
   * @param request a prepared request
   * @return its content
   */
  protected abstract Object content(R request);

  /** How many cells of the standard space the default build compares, drawn from a fixed seed. */
  static final int SAMPLED_CELLS = 5_000;

  /**
   * The proof over all 2,668,896 cells: minutes per engine, so it runs in the {@code
   * agreement-proofs} profile (once in CI), not in the default build.
   */
  @Test
  @Tag(EVERY_CELL)
  void agreesWithTheProfileOnEveryCellOfTheStandardFactSpace() {
    Agreement.Result result =
        Agreement.check(
            FactSpace.standard(),
            ConnectPolicies.profile("openclaw-2026.3.13"),
            policy(),
            this::content);
    System.out.println(result.summary());

    assertThat(result.cells()).isEqualTo(FactSpace.standard().size());
    assertThat(result.firstDisagreements()).isEmpty();
    assertThat(result.disagreements()).isZero();
    // Scopes are the one fact the request leaves out, so a third of the cells are decided.
    assertThat(result.requests()).isEqualTo(result.cells() / Dimension.SCOPES.values().size());
  }

  @Test
  void agreesWithTheProfileOnASampleOfTheStandardFactSpace() {
    Random random = new Random(20261122L);
    List<ConnectContext> sample = new ArrayList<>(SAMPLED_CELLS);
    for (int i = 0; i < SAMPLED_CELLS; i++) {
      sample.add(FactSpace.standard().random(random));
    }

    Agreement.Result result =
        Agreement.check(
            sample, ConnectPolicies.profile("openclaw-2026.3.13"), policy(), this::content);

    assertThat(result.cells()).isEqualTo(SAMPLED_CELLS);
    assertThat(result.firstDisagreements()).isEmpty();
    assertThat(result.disagreements()).isZero();
  }

  @Test
  void disagreesWith312WhereTheBypassAdmittedANodeControlUi() {
    FactSpace nodeControlUi =
        FactSpace.standard()
            .restrict(Dimension.ROLE, List.of("node"))
            .restrict(Dimension.CLIENT, List.of(Client.of(Client.CONTROL_UI, "webchat")))
            .restrict(Dimension.DEVICE, List.of(DeviceProof.ABSENT));

    Agreement.Result result =
        Agreement.check(
            nodeControlUi, ConnectPolicies.profile("openclaw-2026.3.12"), policy(), this::content);

    // docs/tables/diffs/openclaw-2026.3.12..openclaw-2026.3.13.md, row 6: 3.12 accepts a
    // device-less node Control UI under dangerouslyDisableDeviceAuth, 3.13 refuses it. The
    // encoding of 3.13 must differ from 3.12 on exactly the cells where 3.13 itself does (here
    // those without a device identity, to keep the default build short).
    ConnectPolicy v312 = ConnectPolicies.profile("openclaw-2026.3.12");
    ConnectPolicy v313 = ConnectPolicies.profile("openclaw-2026.3.13");
    long expected =
        nodeControlUi
            .contexts()
            .filter(c -> v312.evaluate(c).isAccepted() != v313.evaluate(c).isAccepted())
            .count();
    assertThat(expected).isPositive();
    assertThat(result.disagreements()).isEqualTo(expected);
    assertThat(result.firstDisagreements())
        .hasSize(Agreement.SHOWN)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("\"dangerouslyDisableDeviceAuth\":true")
                    .endsWith("profile accepts, " + policy().name() + " denies"));
  }

  @Test
  void decidesAFewContextsAsTheTableSays() {
    ConnectContext backend =
        ConnectContext.builder()
            .role("operator")
            .client(Client.GATEWAY_CLIENT, "backend")
            .local(true)
            .origin(OriginCheck.ABSENT)
            .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
            .device(DeviceProof.VERIFIED)
            .build();

    assertThat(policy().allows(backend)).as("table row 69, pairing.skip-backend-self").isTrue();
    assertThat(policy().allows(backend.withLocal(false)))
        .as("table row 77, pairing.required")
        .isFalse();
    assertThat(policy().allows(backend.withRole("guest"))).as("table row 1, role.known").isFalse();
  }
}

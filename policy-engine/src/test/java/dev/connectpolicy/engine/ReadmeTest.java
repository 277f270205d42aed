package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.engine.table.CompactTable;
import dev.connectpolicy.engine.table.TableFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The README's examples compile and do what it says; its facts match the code. */
@Order(3) // walks a whole fact space
class ReadmeTest {

  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }

  @Test
  void theJavaUsageExampleWorksAsShown() {
    ConnectContext context =
        ConnectContext.builder()
            .role("node")
            .client(Client.NODE_HOST, "node")
            .local(true)
            .origin(OriginCheck.ABSENT)
            .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
            .device(DeviceProof.VERIFIED)
            .pairing(PairingState.PAIRED)
            .build();

    Decision decision = ConnectPolicies.recommended().evaluate(context);
    String log =
        decision.fold(
            accept -> "accepted as " + accept.role().wire() + " by " + accept.decidedBy(),
            reject ->
                reject.code().wire() + " (" + reject.message() + ") by " + reject.decidedBy());
    Explanation why = ConnectPolicies.profile("openclaw-2026.3.13").explain(context);
    ConnectPolicy fast = ConnectPolicies.compiled("recommended");

    assertThat(log).isEqualTo("accepted as node by pairing.paired");
    assertThat(why.trace()).isNotEmpty();
    assertThat(fast.evaluate(context)).isEqualTo(decision);
  }

  @Test
  void theReadmeStatesTheFactSpaceSizeAndEveryProfile() throws IOException {
    String readme = readme();

    assertThat(readme)
        .contains(
            "**"
                + NumberFormat.getIntegerInstance(Locale.US).format(TotalityTest.STANDARD_CELLS)
                + " contexts**");
    for (String name : ConnectPolicies.names()) {
      assertThat(readme).contains("| `" + name + "` |");
    }
  }

  @Test
  void theHeadlineDiffIsTheToolsOutput() throws IOException {
    String readme = readme();
    CompactTable diff =
        GoldenTablesTest.tabulation()
            .diff(Profile.OPENCLAW_2026_3_13.policy(), Profile.OPENCLAW_2026_3_13_PR48285.policy());

    for (String line : diff.toString(TableFormat.MARKDOWN).lines().toList()) {
      if (line.startsWith("|") || line.contains("cells differ")) {
        assertThat(readme).contains("> " + line);
      }
    }
  }

  @Test
  void theTestkitExampleWorksAsShown() {
    ConnectPolicy mine = ConnectPolicies.recommended();

    assertThat(
            dev.connectpolicy.testkit.Invariants.dynamicTests(
                    mine,
                    dev.connectpolicy.testkit.ConnectContexts.all(),
                    dev.connectpolicy.testkit.Invariants.all())
                .count())
        .isEqualTo(12);
    dev.connectpolicy.testkit.PolicyAssertions.assertThat(mine)
        .satisfies(dev.connectpolicy.testkit.Invariants.NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI)
        .over(
            dev.connectpolicy.testkit.ConnectContexts.all()
                .local()
                .withRole("node")
                .withoutDevice());
  }
}

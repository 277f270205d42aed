package dev.connectpolicy.testkit;

import static dev.connectpolicy.testkit.PolicyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ErrorClass;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssertionsTest {

  private static final Reject MISMATCH =
      new Reject(
          RejectCode.AUTH_TOKEN_MISMATCH,
          "token_mismatch",
          "unauthorized: gateway token mismatch (provide gateway auth token)",
          Close.of(1008, "unauthorized: gateway token mismatch (provide gateway auth token)"),
          "auth.gate",
          new AuthAdvice(false, NextStep.UPDATE_AUTH_CREDENTIALS),
          null);

  private static final Accept OPERATOR =
      new Accept(
          Role.OPERATOR, List.of("operator.read"), false, PairingAction.PAIRED, "pairing.paired");

  @Test
  void decisionAssertionsPassOnWhatIsTrue() {
    assertThat(MISMATCH)
        .isRejected()
        .hasCode(RejectCode.AUTH_TOKEN_MISMATCH)
        .hasError(ErrorClass.INVALID_REQUEST)
        .hasReason("token_mismatch")
        .hasMessage("unauthorized: gateway token mismatch (provide gateway auth token)")
        .closesWith(1008)
        .closesWith(1008, "unauthorized: gateway token mismatch (provide gateway auth token)")
        .wasDecidedBy("auth.gate");
    assertThat(OPERATOR)
        .isAccepted()
        .hasRole(Role.OPERATOR)
        .hasScopes("operator.read")
        .hasPairing(PairingAction.PAIRED)
        .wasDecidedBy("pairing.paired");
  }

  @Test
  void decisionAssertionsFailWithTheDomainsWords() {
    assertThatThrownBy(() -> assertThat(MISMATCH).isAccepted())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected an acceptance but the decision was Reject[");
    assertThatThrownBy(() -> assertThat(MISMATCH).hasCode(RejectCode.PAIRING_REQUIRED))
        .hasMessageStartingWith("expected code PAIRING_REQUIRED but was AUTH_TOKEN_MISMATCH");
    assertThatThrownBy(() -> assertThat(MISMATCH).closesWith(1011))
        .hasMessageContaining("expected close code 1011");
    assertThatThrownBy(() -> assertThat(OPERATOR).hasScopesCleared())
        .hasMessage("expected the scopes to be cleared but [operator.read] were kept");
    assertThatThrownBy(() -> assertThat(OPERATOR).hasRole(Role.NODE))
        .hasMessage("expected role node but was operator");
    assertThatThrownBy(() -> assertThat(OPERATOR).isRejected())
        .hasMessageStartingWith("expected a rejection");
    assertThatThrownBy(() -> assertThat(OPERATOR).wasDecidedBy("x"))
        .hasMessageStartingWith("expected the decision of rule x but it was pairing.paired's");
  }

  @Test
  void aSnapshotFailsWhenMissingMatchesWhenUnchangedAndShowsChanges(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("nodes.snapshot");
    ContextGenerator nodes = ConnectContexts.all().withRole("node").local().withoutDevice();

    assertThatThrownBy(
            () -> assertThat(TestPolicies.LOOPBACK_NODES).over(nodes).matchesSnapshot(file))
        .hasMessageContaining("no snapshot at");
    System.setProperty(SnapshotAssert.UPDATE_PROPERTY, "true");
    try {
      assertThat(TestPolicies.LOOPBACK_NODES).over(nodes).matchesSnapshot(file);
    } finally {
      System.clearProperty(SnapshotAssert.UPDATE_PROPERTY);
    }
    assertThat(Files.readAllLines(file)).hasSize((int) nodes.size());
    assertThat(Files.readAllLines(file).get(0))
        .startsWith("role=node scopes=[] client=cli/cli locality=direct_local")
        .endsWith("-> accept node scopes:cleared pairing:none by loopback-node");

    assertThat(TestPolicies.LOOPBACK_NODES).over(nodes).matchesSnapshot(file);
    assertThatThrownBy(() -> assertThat(TestPolicies.DENY_ALL).over(nodes).matchesSnapshot(file))
        .hasMessageContaining("no longer matches snapshot")
        .hasMessageContaining("+ role=node")
        .hasMessageContaining("-> reject DEVICE_IDENTITY_REQUIRED by deny");
  }
}

package dev.connectpolicy.testkit;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.ErrorClass;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Decision}, named after what a gateway does with it.
 *
 * <pre>{@code
 * assertThat(decision).isRejected().hasCode(RejectCode.DEVICE_IDENTITY_REQUIRED)
 *     .hasError(ErrorClass.NOT_PAIRED).closesWith(1008).wasDecidedBy("device.missing-identity");
 * assertThat(decision).isAccepted().hasRole(Role.OPERATOR).hasScopesCleared();
 * }</pre>
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

  DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  private Accept accept() {
    isNotNull();
    if (!(actual instanceof Accept)) {
      failWithMessage("expected an acceptance but the decision was %s", actual);
    }
    return (Accept) actual;
  }

  private Reject reject() {
    isNotNull();
    if (!(actual instanceof Reject)) {
      failWithMessage("expected a rejection but the decision was %s", actual);
    }
    return (Reject) actual;
  }

  /**
   * The connection is accepted.
   *
   * @return this
   */
  public DecisionAssert isAccepted() {
    accept();
    return this;
  }

  /**
   * The connection is rejected.
   *
   * @return this
   */
  public DecisionAssert isRejected() {
    reject();
    return this;
  }

  /**
   * The rejection carries this code.
   *
   * @param code the code
   * @return this
   */
  public DecisionAssert hasCode(RejectCode code) {
    RejectCode actualCode = reject().code();
    if (actualCode != code) {
      failWithMessage(
          "expected code %s but was %s (%s)", code.wire(), actualCode.wire(), reject().message());
    }
    return this;
  }

  /**
   * The rejection carries this protocol error class.
   *
   * @param error the error class
   * @return this
   */
  public DecisionAssert hasError(ErrorClass error) {
    if (reject().error() != error) {
      failWithMessage("expected error %s but was %s", error.wire(), reject().error().wire());
    }
    return this;
  }

  /**
   * The rejection's message is exactly this.
   *
   * @param message the message
   * @return this
   */
  public DecisionAssert hasMessage(String message) {
    if (!reject().message().equals(message)) {
      failWithMessage("expected message%n  %s%nbut was%n  %s", message, reject().message());
    }
    return this;
  }

  /**
   * The rejection's reason is exactly this.
   *
   * @param reason the reason, or null for none
   * @return this
   */
  public DecisionAssert hasReason(String reason) {
    if (!Objects.equals(reject().reason(), reason)) {
      failWithMessage("expected reason %s but was %s", reason, reject().reason());
    }
    return this;
  }

  /**
   * The socket is closed with this code.
   *
   * @param closeCode the WebSocket close code, such as 1008
   * @return this
   */
  public DecisionAssert closesWith(int closeCode) {
    if (reject().close().code() != closeCode) {
      failWithMessage("expected close code %d but was %s", closeCode, reject().close());
    }
    return this;
  }

  /**
   * The socket is closed with this code and reason.
   *
   * @param closeCode the WebSocket close code
   * @param reason the close reason
   * @return this
   */
  public DecisionAssert closesWith(int closeCode, String reason) {
    closesWith(closeCode);
    if (!reject().close().reason().equals(reason)) {
      failWithMessage("expected close reason %s but was %s", reason, reject().close().reason());
    }
    return this;
  }

  /**
   * The decision names this rule.
   *
   * @param ruleId the rule id
   * @return this
   */
  public DecisionAssert wasDecidedBy(String ruleId) {
    isNotNull();
    if (!actual.decidedBy().equals(ruleId)) {
      failWithMessage(
          "expected the decision of rule %s but it was %s's: %s",
          ruleId, actual.decidedBy(), actual);
    }
    return this;
  }

  /**
   * The acceptance grants this role.
   *
   * @param role the role
   * @return this
   */
  public DecisionAssert hasRole(Role role) {
    if (accept().role() != role) {
      failWithMessage("expected role %s but was %s", role.wire(), accept().role().wire());
    }
    return this;
  }

  /**
   * The acceptance grants exactly these scopes, in order.
   *
   * @param scopes the scopes
   * @return this
   */
  public DecisionAssert hasScopes(String... scopes) {
    if (!accept().scopes().equals(List.of(scopes))) {
      failWithMessage("expected scopes %s but were %s", List.of(scopes), accept().scopes());
    }
    return this;
  }

  /**
   * The acceptance cleared the declared scopes.
   *
   * @return this
   */
  public DecisionAssert hasScopesCleared() {
    if (!accept().scopesCleared()) {
      failWithMessage("expected the scopes to be cleared but %s were kept", accept().scopes());
    }
    return this;
  }

  /**
   * The acceptance's pairing action is this.
   *
   * @param pairing the pairing action
   * @return this
   */
  public DecisionAssert hasPairing(PairingAction pairing) {
    if (accept().pairing() != pairing) {
      failWithMessage("expected pairing %s but was %s", pairing.wire(), accept().pairing().wire());
    }
    return this;
  }
}

package dev.connectpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EffectsAndVerdictsTest {

  @Test
  void effectSetsAreSharedAndCombine() {
    Effects clear = Effects.of(Effect.CLEAR_SCOPES);
    Effects both = clear.plus(Effects.of(Effect.PAIRED));

    assertThat(Effects.of(Effect.CLEAR_SCOPES)).isSameAs(clear);
    assertThat(both.has(Effect.CLEAR_SCOPES)).isTrue();
    assertThat(both.has(Effect.PAIRED)).isTrue();
    assertThat(both.has(Effect.IGNORE_DEVICE)).isFalse();
    assertThat(both.asList()).containsExactly(Effect.CLEAR_SCOPES, Effect.PAIRED);
    assertThat(Effects.none().isEmpty()).isTrue();
    assertThat(both.pairingAction()).isEqualTo(PairingAction.PAIRED);
    assertThat(Effects.none().pairingAction()).isEqualTo(PairingAction.NONE);
    assertThat(Effects.of(Effect.SKIP_PAIRING_BACKEND).pairingAction())
        .isEqualTo(PairingAction.SKIPPED_BACKEND);
  }

  @Test
  void verdictsCarryTheirKindEffectsAndRejection() {
    Reject reject = Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "role.known");

    assertThat(Verdict.abstain().kind()).isEqualTo(Verdict.Kind.ABSTAIN);
    assertThat(Verdict.pass()).isSameAs(Verdict.pass());
    assertThat(Verdict.admit(Effect.PAIRED).effects().has(Effect.PAIRED)).isTrue();
    assertThat(Verdict.reject(reject).reject()).isSameAs(reject);
    assertThat(Verdict.reject(reject)).hasToString("reject INVALID_ROLE");
    assertThat(Verdict.pass().reject()).isNull();
  }

  @Test
  void ruleIdsReadLikeApiNames() {
    assertThat(Rule.checkId("device.missing-identity")).isEqualTo("device.missing-identity");
    assertThatThrownBy(() -> Rule.checkId("Device.Missing"))
        .hasMessage("rule id `Device.Missing` must be lower-case words joined by dots or hyphens");
    assertThatThrownBy(() -> Rule.checkId("a..b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rule.of("ok.id", " ", (c, e) -> Verdict.pass()))
        .hasMessage("rule `ok.id` needs a description");
  }

  @Test
  void wireValuesParseExactlyAndListTheirChoices() {
    assertThat(WireValue.parse(OriginCheck.class, "allowed")).contains(OriginCheck.ALLOWED);
    assertThat(WireValue.parse(OriginCheck.class, "Allowed")).isEmpty();
    assertThat(WireValue.choices(OriginCheck.class)).isEqualTo("absent, allowed, rejected");
    assertThat(Role.parse("node")).contains(Role.NODE);
    assertThat(RejectCode.PAIRING_REQUIRED.errorClass()).isEqualTo(ErrorClass.NOT_PAIRED);
    assertThat(RejectCode.INTERNAL_ERROR.errorClass()).isEqualTo(ErrorClass.UNAVAILABLE);
  }

  @Test
  void decisionsFoldToTheirKind() {
    Decision accept =
        new Accept(Role.NODE, java.util.List.of(), false, PairingAction.PAIRED, "pairing.paired");
    Decision reject = Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "role.known");

    String acceptText = accept.fold(a -> "accept " + a.role().wire(), r -> "reject");
    String rejectText = reject.fold(a -> "accept", r -> r.code().wire());

    assertThat(acceptText).isEqualTo("accept node");
    assertThat(rejectText).isEqualTo("INVALID_ROLE");
    assertThat(accept.isAccepted()).isTrue();
    assertThat(reject.isAccepted()).isFalse();
    assertThat(((Reject) reject).close()).isEqualTo(new Close(1008, "invalid role"));
  }
}

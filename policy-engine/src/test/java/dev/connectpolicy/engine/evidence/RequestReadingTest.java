package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.internal.RequestReading;
import dev.connectpolicy.engine.internal.SilentApproval;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-release evidence seam: which reading {@code admit} derives a request's facts with. */
class RequestReadingTest {

  /** A loopback socket whose Host header names another machine, as a rebinding page sends it. */
  private static ConnectRequest foreignHostOnLoopback() {
    return new ConnectRequest(
        new ConnectFrame(
            new ClientInfo("cli", "cli", "linux", null),
            "operator",
            List.of(),
            Credentials.token("gw-token"),
            null),
        SocketInfo.of("127.0.0.1", Map.of("host", "gateway.example")),
        "challenge-1",
        Requests.NOW,
        GatewayConfig.of(GatewayAuth.token("gw-token")),
        null);
  }

  private static boolean local(ConnectPolicy policy) {
    ConnectContext facts = Admission.admit(policy, foreignHostOnLoopback()).facts().orElseThrow();
    return facts.local();
  }

  @Test
  void anyOtherPolicyReadsAsTheLayerAlwaysHas() {
    PolicyPipeline unregistered = ConnectPolicies.pipeline("mine").build();
    assertThat(Admission.reading(unregistered)).isSameAs(RequestReading.DEFAULT);
    assertThat(local(unregistered)).isFalse();
    assertThat(local(context -> ConnectPolicies.recommended().evaluate(context))).isFalse();
    assertThat(Admission.facts(foreignHostOnLoopback()).local()).isFalse();
  }

  @Test
  void aRegisteredPolicyIsReadWithItsReadingInterpretedAndCompiled() {
    PolicyPipeline lenient = ConnectPolicies.pipeline("lenient-host").build();
    RequestReading.register(lenient, RequestReading.builder().foreignHostIsRemote(false).build());
    assertThat(local(lenient)).isTrue();
    assertThat(local(ConnectPolicies.compile(lenient))).isTrue();
    assertThat(local(ConnectPolicies.pipeline("lenient-host").build())).isFalse();
  }

  @Test
  void everyOpenClawProfileNamesItsReleasesReadingTheOthersTheDefault() {
    for (String name : ConnectPolicies.names()) {
      RequestReading reading = Admission.reading(ConnectPolicies.profile(name));
      if (name.startsWith("openclaw-") || name.equals("recommended")) {
        assertThat(reading).as(name).isNotSameAs(RequestReading.DEFAULT);
      } else {
        assertThat(reading).as(name).isSameAs(RequestReading.DEFAULT);
      }
    }
    // compiling is slow: one compiled profile stands for all, they share Profile.compiled()
    assertThat(Admission.reading(ConnectPolicies.compiled("openclaw-2026.4")))
        .isSameAs(Admission.reading(ConnectPolicies.profile("openclaw-2026.4")));
  }

  @Test
  void aBuilderStartsFromTheDefaultAndCopiesEverySetting() {
    RequestReading lenient = RequestReading.builder().foreignHostIsRemote(false).build();
    assertThat(RequestReading.DEFAULT.foreignHostIsRemote()).isTrue();
    assertThat(lenient.toBuilder().build().foreignHostIsRemote()).isFalse();
    SilentApproval never = new SilentApproval("never", facts -> false);
    RequestReading release =
        RequestReading.builder()
            .localFromSocketOnly(true)
            .silentApproval(never)
            .detailCodesNotSent(Set.of(RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED))
            .build()
            .toBuilder()
            .build();
    assertThat(release.localFromSocketOnly()).isTrue();
    assertThat(release.silentApproval()).isSameAs(never);
    assertThat(release.detailCodesNotSent())
        .containsExactly(RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED);
    assertThat(RequestReading.DEFAULT.localFromSocketOnly()).isFalse();
    assertThat(RequestReading.DEFAULT.silentApproval()).isNull();
    assertThat(RequestReading.DEFAULT.detailCodesNotSent()).isEmpty();
  }

  @Test
  void whichCodesGoOnTheWireIsTheReleasesOwn() {
    ConnectPolicy mine = ConnectPolicies.pipeline("mine").build();
    for (RejectCode code : RejectCode.values()) {
      assertThat(Admission.sendsDetailCode(mine, code))
          .as(code.name())
          .isEqualTo(code.sentAsDetailCode());
    }
    RejectCode origin = RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED;
    assertThat(Admission.sendsDetailCode(ConnectPolicies.profile("openclaw-2026.3.11"), origin))
        .isFalse();
    assertThat(Admission.sendsDetailCode(ConnectPolicies.profile("openclaw-2026.3.12"), origin))
        .isFalse();
    assertThat(Admission.sendsDetailCode(ConnectPolicies.profile("openclaw-2026.3.13"), origin))
        .isTrue();
    assertThat(Admission.sendsDetailCode(ConnectPolicies.profile("recommended"), origin)).isTrue();
    assertThat(
            Admission.sendsDetailCode(
                ConnectPolicies.profile("openclaw-2026.3.11"), RejectCode.PAIRING_REQUIRED))
        .isTrue();
    assertThat(
            Admission.sendsDetailCode(
                ConnectPolicies.profile("openclaw-2026.4.22"), RejectCode.INVALID_ROLE))
        .isFalse();
  }
}

package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.CredentialSource;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.UpgradeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upgrade's facts, as a gateway derives them from its HTTP upgrade request. */
class AdmissionUpgradeTest {

  private static final GatewayConfig TOKEN =
      new GatewayConfig(
          GatewayAuth.token("gw-token"),
          List.of(),
          false,
          new ControlUiSettings(List.of("https://control.example"), false, false, false));

  @Test
  void loopbackPeerWithALocalHost_isDirectLocal_withTheModeAndNoCredential() {
    UpgradeContext upgrade =
        Admission.upgrade(SocketInfo.of("127.0.0.1", Map.of("host", "127.0.0.1:18789")), TOKEN);

    assertThat(upgrade)
        .isEqualTo(
            new UpgradeContext(
                Locality.DIRECT_LOCAL,
                OriginCheck.ABSENT,
                AuthMode.TOKEN,
                Credential.NONE,
                CredentialSource.CONNECT,
                false,
                0));
  }

  @Test
  void loopbackPeerWithUntrustedForwarding_isRemote() {
    UpgradeContext upgrade =
        Admission.upgrade(
            SocketInfo.of(
                "127.0.0.1", Map.of("host", "localhost", "x-forwarded-for", "203.0.113.7")),
            TOKEN);

    assertThat(upgrade.locality()).isEqualTo(Locality.REMOTE);
  }

  @Test
  void origin_isCheckedAgainstTheAllowList() {
    UpgradeContext allowed =
        Admission.upgrade(
            SocketInfo.of(
                "203.0.113.10",
                Map.of("host", "gateway.example", "origin", "https://control.example")),
            TOKEN);
    UpgradeContext foreign =
        Admission.upgrade(
            SocketInfo.of(
                "203.0.113.10",
                Map.of("host", "gateway.example", "origin", "https://evil.example")),
            TOKEN);

    assertThat(allowed.origin()).isEqualTo(OriginCheck.ALLOWED);
    assertThat(allowed.locality()).isEqualTo(Locality.REMOTE);
    assertThat(foreign.origin()).isEqualTo(OriginCheck.REJECTED);
  }

  @Test
  void malformedPeerAddress_isRefusedNamingTheField() {
    assertThatThrownBy(() -> Admission.upgrade(SocketInfo.of("not-an-ip", Map.of()), TOKEN))
        .isInstanceOf(InvalidContextException.class)
        .hasMessageContaining("socket.remoteAddress");
  }
}

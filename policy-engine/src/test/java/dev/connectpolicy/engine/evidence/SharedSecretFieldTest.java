package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which field of {@code connect.auth} carries the shared secret: 2026.9.6 compares {@code
 * connectAuth[mode] ?? connectAuth[otherKind]} ({@code resolveConnectSecret} in {@code
 * auth-*.mjs}); earlier releases the configured kind's field only. Its recordings: the right secret
 * in the other kind's field is accepted.
 */
class SharedSecretFieldTest {

  private static AuthFacts auth(String profile, GatewayAuth gateway, Credentials sent) {
    ConnectRequest request =
        new ConnectRequest(
            new ConnectFrame(
                new ClientInfo("cli", "cli", "linux", null),
                "operator",
                List.of("operator.read"),
                sent,
                null),
            SocketInfo.of("127.0.0.1", Map.of("host", "127.0.0.1:18789")),
            "challenge-1",
            Requests.NOW,
            GatewayConfig.of(gateway),
            null);
    return Admission.admit(ConnectPolicies.profile(profile), request).facts().orElseThrow().auth();
  }

  private static Credentials both(String token, String password) {
    return new Credentials(token, password, null, null);
  }

  @Test
  void theTokenSentAsThePasswordAuthenticatesATokenGatewayIn2026_9_6() {
    AuthFacts facts =
        auth("openclaw-2026.9.6", GatewayAuth.token("gw-secret"), both(null, "gw-secret"));
    assertThat(facts.ok()).isTrue();
    assertThat(facts.method()).isEqualTo(AuthMethod.TOKEN);
    assertThat(facts.sharedAuthOk()).isTrue();
    assertThat(auth("recommended", GatewayAuth.token("gw-secret"), both(null, "gw-secret")).ok())
        .isTrue();
    // 2026.5.28 reads the token field only
    AuthFacts before =
        auth("openclaw-2026.5.28", GatewayAuth.token("gw-secret"), both(null, "gw-secret"));
    assertThat(before.ok()).isFalse();
    assertThat(before.reason()).isEqualTo("token_missing");
    assertThat(before.provided()).isEqualTo(Credential.PASSWORD);
  }

  @Test
  void thePasswordSentAsTheTokenAuthenticatesAPasswordGateway() {
    AuthFacts facts =
        auth("openclaw-2026.9.6", GatewayAuth.password("gw-secret"), both("gw-secret", null));
    assertThat(facts.ok()).isTrue();
    assertThat(facts.method()).isEqualTo(AuthMethod.PASSWORD);
  }

  @Test
  void aWrongSecretInTheOtherFieldIsAMismatchNotMissing() {
    AuthFacts facts = auth("openclaw-2026.9.6", GatewayAuth.token("gw-secret"), both(null, "nope"));
    assertThat(facts.ok()).isFalse();
    assertThat(facts.reason()).isEqualTo("token_mismatch");
  }

  @Test
  void theConfiguredKindsFieldWinsWhenPresent() {
    AuthFacts facts =
        auth("openclaw-2026.9.6", GatewayAuth.token("gw-secret"), both("nope", "gw-secret"));
    assertThat(facts.ok()).isFalse();
    assertThat(facts.reason()).isEqualTo("token_mismatch");
    // a blank own field is absent, as OpenClaw's trimming makes it
    assertThat(
            auth("openclaw-2026.9.6", GatewayAuth.token("gw-secret"), both("  ", "gw-secret")).ok())
        .isTrue();
  }
}

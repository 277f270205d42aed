package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule-level behaviour of OpenClaw 2026.9.6 as its bundle ships it ({@code
 * message-handler-*.mjs}, {@code node-connect-reconcile-*.mjs}) and its recordings show, and where
 * {@code recommended} departs from it.
 */
class OpenClaw2026_9_6Test {

  private static final ConnectPolicy RELEASE = Profile.OPENCLAW_2026_9_6.policy();
  private static final ConnectPolicy RECOMMENDED = Profile.RECOMMENDED.policy();

  private static ConnectContext.Builder operator(Client client, boolean local) {
    return ConnectContext.builder()
        .role("operator")
        .scopes("operator.read")
        .client(client)
        .local(local)
        .origin(
            client.isBrowserControlUi() || client.isWebchat()
                ? OriginCheck.ALLOWED
                : OriginCheck.ABSENT)
        .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
        .device(DeviceProof.VERIFIED)
        .pairing(PairingState.PAIRED);
  }

  private static Reject rejected(Decision decision) {
    assertThat(decision).isInstanceOf(Reject.class);
    return (Reject) decision;
  }

  private static Accept accepted(Decision decision) {
    assertThat(decision).isInstanceOf(Accept.class);
    return (Accept) decision;
  }

  // Kind 9: formatGatewayAuthFailureMessage of 2026.9.6, the messages as recorded.

  @ParameterizedTest(name = "{0}/{1} local={2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cli | cli | true | token_missing | unauthorized: gateway token missing (use this gateway's gateway.auth.token or pair the device)",
        "cli | cli | true | token_mismatch | unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
        "cli | cli | false | token_missing | unauthorized: gateway token missing (set gateway.remote.token to match gateway.auth.token)",
        "cli | cli | false | token_mismatch | unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)",
        "openclaw-control-ui | webchat | true | token_missing | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "openclaw-control-ui | webchat | false | token_mismatch | unauthorized: gateway token mismatch (open the dashboard URL and paste the token in Control UI settings)",
        "openclaw-tui | ui | true | token_missing | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "webchat-ui | webchat | false | token_missing | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "openclaw-control-ui | cli | true | token_missing | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "openclaw-control-ui | cli | true | token_mismatch | unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
        "openclaw-control-ui | cli | false | token_mismatch | unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)",
        "gateway-client | backend | true | token_missing | unauthorized: gateway token missing (provide gateway auth token)",
      })
  void tokenHintsDependOnClientKindAndLocality(
      String id, String mode, boolean local, String reason, String message) {
    Credential provided = reason.equals("token_missing") ? Credential.NONE : Credential.TOKEN;
    ConnectContext context =
        operator(Client.of(id, mode), local)
            .auth(AuthFacts.failed(AuthMode.TOKEN, provided, AuthMethod.TOKEN, reason))
            .pairing(PairingState.NOT_PAIRED)
            .build();
    Reject reject = rejected(RELEASE.evaluate(context));
    assertThat(reject.message()).isEqualTo(message);
    assertThat(reject.close().code()).isEqualTo(1008);
  }

  @ParameterizedTest(name = "{0} local={1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cli | true | password_missing | unauthorized: gateway password missing (use this gateway's gateway.auth.password)",
        "cli | true | password_mismatch | unauthorized: gateway password mismatch (use this gateway's gateway.auth.password)",
        "cli | false | password_mismatch | unauthorized: gateway password mismatch (set gateway.remote.password to match gateway.auth.password)",
        "openclaw-control-ui | true | password_missing | unauthorized: gateway password missing (enter the password in Control UI settings)",
      })
  void passwordHintsDependOnLocalityForTheCli(
      String id, boolean local, String reason, String message) {
    Client client = id.equals("cli") ? Client.of("cli", "cli") : Client.of(id, "webchat");
    Credential provided = reason.equals("password_missing") ? Credential.NONE : Credential.PASSWORD;
    ConnectContext context =
        operator(client, local)
            .auth(AuthFacts.failed(AuthMode.PASSWORD, provided, AuthMethod.PASSWORD, reason))
            .pairing(PairingState.NOT_PAIRED)
            .build();
    assertThat(rejected(RELEASE.evaluate(context)).message()).isEqualTo(message);
  }

  @Test
  void earlierReleasesKeepTheirHints() {
    ConnectContext localCliMissing =
        operator(Client.of("cli", "cli"), true)
            .auth(
                AuthFacts.failed(
                    AuthMode.TOKEN, Credential.NONE, AuthMethod.TOKEN, "token_missing"))
            .pairing(PairingState.NOT_PAIRED)
            .build();
    assertThat(rejected(Profile.OPENCLAW_2026_5.policy().evaluate(localCliMissing)).message())
        .isEqualTo(
            "unauthorized: gateway token missing (set gateway.remote.token to match"
                + " gateway.auth.token)");
  }

  // Kind 11: shouldAllowSilentLocalPairing and resolveLocalPairingApproval of 2026.9.6.

  @Test
  void localOperatorScopeUpgradeWithTheSharedSecretIsApprovedSilently() {
    ConnectContext upgrade =
        operator(Client.of("cli", "cli"), true).pairing(PairingState.SCOPE_UPGRADE).build();
    assertThat(accepted(RELEASE.evaluate(upgrade)).pairing())
        .isEqualTo(PairingAction.SILENT_APPROVE);
    // not remotely, and not with a device token
    assertThat(
            rejected(
                    RELEASE.evaluate(
                        upgrade.toBuilder().local(false).locality(Locality.REMOTE).build()))
                .code())
        .isEqualTo(RejectCode.PAIRING_REQUIRED);
    ConnectContext byDeviceToken =
        upgrade.toBuilder()
            .auth(
                AuthFacts.succeeded(
                    AuthMode.TOKEN, Credential.DEVICE_TOKEN, AuthMethod.DEVICE_TOKEN, false))
            .build();
    assertThat(rejected(RELEASE.evaluate(byDeviceToken)).message())
        .isEqualTo("pairing required: device is asking for more scopes than currently approved");
    // recommended keeps a person in the loop
    assertThat(rejected(RECOMMENDED.evaluate(upgrade)).code())
        .isEqualTo(RejectCode.PAIRING_REQUIRED);
  }

  @Test
  void aNodesRoleUpgradeIsNeverSilentAnOperatorsIs() {
    ConnectContext nodeUpgrade =
        operator(Client.of("node-host", "node"), true)
            .role("node")
            .scopes()
            .pairing(PairingState.ROLE_UPGRADE)
            .build();
    assertThat(rejected(RELEASE.evaluate(nodeUpgrade)).message())
        .isEqualTo("pairing required: device is asking for a higher role than currently approved");
    ConnectContext operatorUpgrade =
        operator(Client.of("cli", "cli"), true).pairing(PairingState.ROLE_UPGRADE).build();
    assertThat(accepted(RELEASE.evaluate(operatorUpgrade)).pairing())
        .isEqualTo(PairingAction.SILENT_APPROVE);
    assertThat(rejected(RECOMMENDED.evaluate(operatorUpgrade)).code())
        .isEqualTo(RejectCode.PAIRING_REQUIRED);
    // a node's first pairing on loopback is still silent
    assertThat(
            accepted(
                    RELEASE.evaluate(
                        nodeUpgrade.toBuilder().pairing(PairingState.NOT_PAIRED).build()))
                .pairing())
        .isEqualTo(PairingAction.SILENT_APPROVE);
  }

  // Kind 13: shouldSkipLocalBackendSelfPairing of 2026.9.6 still takes the shared secret.

  @Test
  void aLocalBackendWithTheSharedSecretAndNoDeviceKeepsItsScopes() {
    ConnectContext backend =
        operator(Client.of("gateway-client", "backend"), true)
            .device(DeviceProof.ABSENT)
            .pairing(PairingState.NOT_PAIRED)
            .build();
    Accept accept = accepted(RELEASE.evaluate(backend));
    assertThat(accept.scopes()).containsExactly("operator.read");
    assertThat(accept.scopesCleared()).isFalse();
    // recommended (#72418): the backend claim is no proof, its scopes are cleared
    Accept fixed = accepted(RECOMMENDED.evaluate(backend));
    assertThat(fixed.scopes()).isEmpty();
    assertThat(fixed.scopesCleared()).isTrue();
  }

  @Test
  void theLocalBackendSkipWaivesEveryPairingCheck() {
    ConnectContext roleUpgrade =
        operator(Client.of("gateway-client", "backend"), true)
            .role("node")
            .scopes()
            .pairing(PairingState.ROLE_UPGRADE)
            .build();
    assertThat(accepted(RELEASE.evaluate(roleUpgrade)).pairing())
        .isEqualTo(PairingAction.SKIPPED_BACKEND);
    assertThat(rejected(RECOMMENDED.evaluate(roleUpgrade)).code())
        .isEqualTo(RejectCode.PAIRING_REQUIRED);
  }

  @Test
  void underAuthNoneAControlUiOperatorSkipsEveryPairingCheck() {
    ConnectContext scopeUpgrade =
        operator(Client.of("openclaw-control-ui", "webchat"), false)
            .auth(AuthFacts.authDisabled())
            .pairing(PairingState.SCOPE_UPGRADE)
            .build();
    assertThat(accepted(RELEASE.evaluate(scopeUpgrade)).pairing())
        .isEqualTo(PairingAction.SKIPPED_CONTROL_UI);
    assertThat(rejected(Profile.OPENCLAW_2026_5.policy().evaluate(scopeUpgrade)).code())
        .isEqualTo(RejectCode.PAIRING_REQUIRED);
    assertThat(rejected(RECOMMENDED.evaluate(scopeUpgrade)).code())
        .isEqualTo(RejectCode.PAIRING_REQUIRED);
  }
}

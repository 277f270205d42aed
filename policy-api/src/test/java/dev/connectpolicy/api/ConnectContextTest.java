package dev.connectpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectContextTest {

  private static ConnectContext.Builder complete() {
    return ConnectContext.builder()
        .role("operator")
        .client(Client.CLI, "cli")
        .local(true)
        .origin(OriginCheck.ABSENT)
        .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
        .device(DeviceProof.ABSENT);
  }

  @Test
  void builderAppliesTheContractDefaults() {
    ConnectContext context = complete().build();

    assertThat(context.scopes()).isEmpty();
    assertThat(context.locality()).isEqualTo(Locality.DIRECT_LOCAL);
    assertThat(context.pairing()).isEqualTo(PairingState.NOT_PAIRED);
    assertThat(context.controlUi()).isEqualTo(ControlUiConfig.DEFAULT);
    assertThat(complete().local(false).build().locality()).isEqualTo(Locality.REMOTE);
    assertThat(context.credentialSource()).isEqualTo(CredentialSource.CONNECT);
    assertThat(context.workspace()).isEqualTo(WorkspaceAccess.NONE);
    assertThat(context.failedAttempts()).isZero();
  }

  @Test
  void theUpgradeSeesOnlyACredentialOfTheUpgradeRequest() {
    ConnectContext frame =
        complete()
            .local(false)
            .auth(
                AuthFacts.succeeded(
                    AuthMode.PASSWORD, Credential.DEVICE_TOKEN, AuthMethod.DEVICE_TOKEN, false))
            .failedAttempts(4)
            .build();

    assertThat(frame.upgrade())
        .isEqualTo(
            new UpgradeContext(
                Locality.REMOTE,
                OriginCheck.ABSENT,
                AuthMode.PASSWORD,
                Credential.NONE,
                CredentialSource.CONNECT,
                false,
                4));
    ConnectContext cookie =
        frame
            .withAuth(
                AuthFacts.succeeded(
                    AuthMode.PASSWORD, Credential.SESSION_COOKIE, AuthMethod.SESSION_COOKIE, false))
            .withCredentialSource(CredentialSource.HEADER);
    assertThat(cookie.upgrade().verified(Credential.SESSION_COOKIE)).isTrue();
    assertThat(cookie.upgrade().source()).isEqualTo(CredentialSource.HEADER);
    assertThat(
            cookie
                .withAuth(
                    AuthFacts.failed(
                        AuthMode.PASSWORD,
                        Credential.SESSION_COOKIE,
                        AuthMethod.SESSION_COOKIE,
                        "session_invalid"))
                .upgrade()
                .verified())
        .isFalse();
    assertThatThrownBy(
            () ->
                new UpgradeContext(
                    Locality.REMOTE,
                    OriginCheck.ABSENT,
                    AuthMode.NONE,
                    Credential.NONE,
                    CredentialSource.QUERY,
                    false,
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNegativeCountOfFailedAttemptsIsRefused() {
    assertThatThrownBy(() -> complete().failedAttempts(-1).build())
        .isInstanceOf(InvalidContextException.class)
        .hasMessage("field `failedAttempts` must not be negative, got -1");
  }

  @Test
  void builderNamesTheFirstMissingRequiredField() {
    assertThatThrownBy(() -> ConnectContext.builder().build())
        .isInstanceOf(InvalidContextException.class)
        .hasMessage("missing field `role`")
        .extracting(e -> ((InvalidContextException) e).field())
        .isEqualTo("role");
    for (String field : List.of("client", "local", "origin", "auth", "device")) {
      ConnectContext.Builder builder = ConnectContext.builder().role("operator");
      if (!field.equals("client")) {
        builder.client(Client.CLI, "cli");
      }
      if (!field.equals("client") && !field.equals("local")) {
        builder.local(true);
      }
      if (field.equals("auth") || field.equals("device")) {
        builder.origin(OriginCheck.ABSENT);
      }
      if (field.equals("device")) {
        builder.auth(AuthFacts.authDisabled());
      }
      assertThatThrownBy(builder::build).hasMessage("missing field `" + field + "`");
    }
  }

  @Test
  void localityMustAgreeWithLocal() {
    assertThatThrownBy(() -> complete().local(true).locality(Locality.REMOTE).build())
        .isInstanceOf(InvalidContextException.class)
        .hasMessageContaining("field `locality` is `remote` but `local` is true");
    assertThatThrownBy(() -> complete().local(false).locality(Locality.DIRECT_LOCAL).build())
        .hasMessageContaining("`direct_local` exactly when it is local");
    assertThat(
            complete().local(false).locality(Locality.SHARED_SECRET_LOOPBACK_LOCAL).build().local())
        .isFalse();
  }

  @Test
  void withCopiesChangeOneFactAndKeepTheOthers() {
    ConnectContext base = complete().scopes("operator.read").build();

    assertThat(base.withRole("node").role()).isEqualTo("node");
    assertThat(base.withRole("node").scopes()).containsExactly("operator.read");
    assertThat(base.withScopes(List.of()).scopes()).isEmpty();
    assertThat(base.withClient(Client.of("node-host", "node")).client().id())
        .isEqualTo("node-host");
    assertThat(base.withLocal(false).locality()).isEqualTo(Locality.REMOTE);
    assertThat(base.withLocality(Locality.CLI_CONTAINER_LOCAL).local()).isFalse();
    assertThat(base.withLocality(Locality.DIRECT_LOCAL).local()).isTrue();
    assertThat(base.withOrigin(OriginCheck.ALLOWED).origin()).isEqualTo(OriginCheck.ALLOWED);
    assertThat(base.withAuth(AuthFacts.authDisabled()).auth().mode()).isEqualTo(AuthMode.NONE);
    assertThat(base.withDevice(DeviceProof.VERIFIED).device()).isEqualTo(DeviceProof.VERIFIED);
    assertThat(base.withPairing(PairingState.PAIRED).pairing()).isEqualTo(PairingState.PAIRED);
    assertThat(base.withControlUi(new ControlUiConfig(true, false)).controlUi().allowInsecureAuth())
        .isTrue();
    assertThat(base.toBuilder().build()).isEqualTo(base);
    assertThat(base.withRole("node")).isNotEqualTo(base);
  }

  @Test
  void scopesAreCopiedAndMayNotHoldNull() {
    List<String> scopes = new ArrayList<>(List.of("operator.read"));
    ConnectContext context = complete().scopes(scopes).build();
    scopes.add("operator.admin");

    assertThat(context.scopes()).containsExactly("operator.read");
    assertThatThrownBy(() -> complete().scopes(Arrays.asList("a", null)).build())
        .isInstanceOf(InvalidContextException.class)
        .hasMessage("field `scopes[1]` must be a string, not null");
  }

  @Test
  void clientIdentityIsNormalisedAsOpenClawDoes() {
    Client client = Client.of("  OpenClaw-Control-UI ", "WebChat");

    assertThat(client.id()).isEqualTo("openclaw-control-ui");
    assertThat(client.mode()).isEqualTo("webchat");
    assertThat(Client.of("İos", "ui").id()).as("only ASCII is lower-cased").isEqualTo("İos");
    assertThatThrownBy(() -> Client.of("  ", "cli"))
        .isInstanceOf(InvalidContextException.class)
        .hasMessage("field `client.id` must not be blank");
    assertThatThrownBy(() -> Client.of("cli", ""))
        .hasMessage("field `client.mode` must not be blank");
  }

  @Test
  void aFailedAuthenticationNeedsAReasonAndASuccessHasNone() {
    assertThatThrownBy(
            () ->
                new AuthFacts(
                    AuthMode.TOKEN, Credential.TOKEN, false, AuthMethod.TOKEN, null, false))
        .isInstanceOf(InvalidContextException.class)
        .hasMessage("field `auth.reason` is required when `auth.ok` is false");
    assertThatThrownBy(
            () ->
                new AuthFacts(
                    AuthMode.TOKEN, Credential.TOKEN, false, AuthMethod.TOKEN, " ", false))
        .hasMessage("field `auth.reason` is required when `auth.ok` is false");
    assertThatThrownBy(
            () ->
                new AuthFacts(
                    AuthMode.TOKEN,
                    Credential.TOKEN,
                    true,
                    AuthMethod.TOKEN,
                    "token_mismatch",
                    true))
        .hasMessage("field `auth.reason` must be null when `auth.ok` is true");
    assertThat(
            AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch")
                .sharedAuthOk())
        .isFalse();
    assertThatThrownBy(() -> AuthFacts.sharedSecretOk(AuthMode.NONE))
        .hasMessage("mode `none` has no shared secret");
  }
}

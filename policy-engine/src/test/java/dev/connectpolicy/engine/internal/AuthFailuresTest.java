package dev.connectpolicy.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Verdict;
import dev.connectpolicy.engine.internal.AuthFailures.Audience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenClaw's authentication failure codes, messages and advice (reference section 3, O11). */
class AuthFailuresTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "token_missing, AUTH_TOKEN_MISSING",
    "token_mismatch, AUTH_TOKEN_MISMATCH",
    "token_missing_config, AUTH_TOKEN_NOT_CONFIGURED",
    "password_missing, AUTH_PASSWORD_MISSING",
    "password_mismatch, AUTH_PASSWORD_MISMATCH",
    "password_missing_config, AUTH_PASSWORD_NOT_CONFIGURED",
    "bootstrap_token_invalid, AUTH_BOOTSTRAP_TOKEN_INVALID",
    "tailscale_user_missing, AUTH_TAILSCALE_IDENTITY_MISSING",
    "tailscale_proxy_missing, AUTH_TAILSCALE_PROXY_MISSING",
    "tailscale_whois_failed, AUTH_TAILSCALE_WHOIS_FAILED",
    "tailscale_user_mismatch, AUTH_TAILSCALE_IDENTITY_MISMATCH",
    "rate_limited, AUTH_RATE_LIMITED",
    "device_token_mismatch, AUTH_DEVICE_TOKEN_MISMATCH",
    "device_token_scope_mismatch, AUTH_DEVICE_TOKEN_SCOPE_MISMATCH",
    "trusted_proxy_untrusted_source, AUTH_UNAUTHORIZED",
    "trusted_proxy_user_missing, AUTH_UNAUTHORIZED",
    "scope_mismatch, AUTH_SCOPE_MISMATCH",
    "scope_mismatch_unknown, AUTH_UNAUTHORIZED",
    "unauthorized, AUTH_UNAUTHORIZED",
  })
  void everyReasonMapsToItsDetailCode(String reason, RejectCode code) {
    assertThat(AuthFailures.code(reason)).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "token | token | token_missing | OTHER | unauthorized: gateway token missing (provide gateway auth token)",
        "token | token | token_missing | CLI | unauthorized: gateway token missing (set gateway.remote.token to match gateway.auth.token)",
        "token | token | token_missing | DASHBOARD | unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)",
        "token | token | token_mismatch | OTHER | unauthorized: gateway token mismatch (provide gateway auth token)",
        "token | token | token_mismatch | CLI | unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)",
        "token | token | token_missing_config | CLI | unauthorized: gateway token not configured on gateway (set gateway.auth.token)",
        "password | password | password_missing | OTHER | unauthorized: gateway password missing (provide gateway auth password)",
        "password | password | password_missing | DASHBOARD | unauthorized: gateway password missing (enter the password in Control UI settings)",
        "password | password | password_mismatch | CLI | unauthorized: gateway password mismatch (set gateway.remote.password to match gateway.auth.password)",
        "password | password | password_missing_config | OTHER | unauthorized: gateway password not configured on gateway (set gateway.auth.password)",
        "token | bootstrap-token | bootstrap_token_invalid | OTHER | unauthorized: bootstrap token invalid or expired (scan a fresh setup code)",
        "token | none | tailscale_user_missing | OTHER | unauthorized: tailscale identity missing (use Tailscale Serve auth or gateway token/password)",
        "token | none | tailscale_proxy_missing | OTHER | unauthorized: tailscale proxy headers missing (use Tailscale Serve or gateway token/password)",
        "token | none | tailscale_whois_failed | OTHER | unauthorized: tailscale identity check failed (use Tailscale Serve auth or gateway token/password)",
        "token | none | tailscale_user_mismatch | OTHER | unauthorized: tailscale identity mismatch (use Tailscale Serve auth or gateway token/password)",
        "token | token | rate_limited | OTHER | unauthorized: too many failed authentication attempts (retry later)",
        "token | device-token | device_token_mismatch | OTHER | unauthorized: device token mismatch (rotate/reissue device token)",
        "token | none | unauthorized | CLI | unauthorized: gateway token missing (set gateway.remote.token to match gateway.auth.token)",
        "token | device-token | device_token_scope_mismatch | OTHER | unauthorized: device token rejected (pair/repair this device, or provide gateway token)",
        "password | bootstrap-token | unauthorized | OTHER | unauthorized: bootstrap token invalid or expired (scan a fresh setup code)",
        "password | none | unauthorized | DASHBOARD | unauthorized: gateway password missing (enter the password in Control UI settings)",
        "trusted-proxy | none | trusted_proxy_user_missing | OTHER | unauthorized",
        "token | token | scope_mismatch | OTHER | unauthorized: device token scope mismatch (re-pair or approve scope upgrade)",
        "token | token | not_a_reason | OTHER | unauthorized",
        "password | device-token | unauthorized | OTHER | unauthorized",
        "token | none | token_missing | LOCAL_CLI | unauthorized: gateway token missing (use this gateway's gateway.auth.token or pair the device)",
        "token | token | token_mismatch | LOCAL_CLI | unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
        "password | none | password_missing | LOCAL_CLI | unauthorized: gateway password missing (use this gateway's gateway.auth.password)",
        "token | none | token_missing | OPERATOR_UI | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "token | token | token_mismatch | OPERATOR_UI | unauthorized: gateway token mismatch (open the dashboard URL and paste the token in Control UI settings)",
        "token | none | unauthorized | OPERATOR_UI | unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)",
        "password | password | password_mismatch | OPERATOR_UI | unauthorized: gateway password mismatch (enter the password in Control UI settings)",
        "token | none | token_missing | LOCAL_CLI_OPERATOR_UI | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "token | token | token_mismatch | LOCAL_CLI_OPERATOR_UI | unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
        "token | none | token_missing | REMOTE_CLI_OPERATOR_UI | unauthorized: gateway token missing (paste in Control UI settings or openclaw doctor --generate-gateway-token; restart)",
        "password | password | password_mismatch | REMOTE_CLI_OPERATOR_UI | unauthorized: gateway password mismatch (set gateway.remote.password to match gateway.auth.password)",
      })
  void messagesFollowOpenClawsTable(
      String mode, String provided, String reason, Audience audience, String message) {
    AuthMode authMode = dev.connectpolicy.api.WireValue.parse(AuthMode.class, mode).orElseThrow();
    Credential credential =
        dev.connectpolicy.api.WireValue.parse(Credential.class, provided).orElseThrow();

    assertThat(AuthFailures.message(authMode, credential, reason, audience)).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0} device={1} sent={2}")
  @CsvSource({
    "token_mismatch, true, token, true, RETRY_WITH_DEVICE_TOKEN",
    "token_mismatch, false, token, false, UPDATE_AUTH_CREDENTIALS",
    "token_mismatch, true, device-token, false, UPDATE_AUTH_CREDENTIALS",
    "token_mismatch, true, password, false, UPDATE_AUTH_CREDENTIALS",
    "password_mismatch, true, password, false, UPDATE_AUTH_CREDENTIALS",
    "device_token_mismatch, true, device-token, false, UPDATE_AUTH_CREDENTIALS",
    "token_missing, true, none, false, UPDATE_AUTH_CONFIGURATION",
    "token_missing_config, false, token, false, UPDATE_AUTH_CONFIGURATION",
    "password_missing, false, none, false, UPDATE_AUTH_CONFIGURATION",
    "password_missing_config, false, password, false, UPDATE_AUTH_CONFIGURATION",
    "rate_limited, true, token, false, WAIT_THEN_RETRY",
    "scope_mismatch, true, device-token, false, REVIEW_AUTH_CONFIGURATION",
    "trusted_proxy_untrusted_source, false, none, false, REVIEW_AUTH_CONFIGURATION",
  })
  void adviceFollowsTheUnauthorizedHandshakeContext(
      String reason, boolean hasDevice, String provided, boolean canRetry, NextStep next) {
    Credential credential =
        dev.connectpolicy.api.WireValue.parse(Credential.class, provided).orElseThrow();

    assertThat(AuthFailures.advice(reason, hasDevice, credential))
        .isEqualTo(new AuthAdvice(canRetry, next));
  }

  @Test
  void aRejectionCarriesTheReasonMessageCloseAndAdvice() {
    AuthFacts auth =
        AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch");

    Reject reject = AuthFailures.reject(auth, Audience.OTHER, true, "auth.gate");

    assertThat(reject.code()).isEqualTo(RejectCode.AUTH_TOKEN_MISMATCH);
    assertThat(reject.reason()).isEqualTo("token_mismatch");
    assertThat(reject.close().code()).isEqualTo(1008);
    assertThat(reject.close().reason()).isEqualTo(reject.message());
    assertThat(reject.decidedBy()).isEqualTo("auth.gate");
    assertThat(reject.authAdvice())
        .isEqualTo(new AuthAdvice(true, NextStep.RETRY_WITH_DEVICE_TOKEN));
  }

  @Test
  void sharedRejectionsEqualFreshOnesForEveryReasonModeCredentialAudienceAndDevice() {
    AuthFailures.Rejections rejections = new AuthFailures.Rejections("auth.gate");
    int compared = 0;
    for (String reason :
        java.util.List.of(
            "token_mismatch",
            "password_missing",
            "rate_limited",
            "trusted_proxy_user_missing",
            "x_y")) {
      for (AuthMode mode : AuthMode.values()) {
        for (Credential provided : Credential.values()) {
          for (Audience audience : Audience.values()) {
            for (boolean hasDevice : new boolean[] {false, true}) {
              AuthFacts auth =
                  new AuthFacts(mode, provided, false, AuthMethod.TOKEN, reason, false);

              Verdict shared = rejections.verdict(auth, audience, hasDevice);

              assertThat(shared.reject())
                  .isEqualTo(AuthFailures.reject(auth, audience, hasDevice, "auth.gate"));
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared)
        .isEqualTo(5 * AuthMode.values().length * Credential.values().length * 7 * 2);
  }

  @Test
  void aKnownReasonIsAnsweredWithTheSameVerdictEveryTime() {
    AuthFailures.Rejections rejections = AuthFailures.Rejections.of("auth.gate");
    assertThat(AuthFailures.Rejections.of("auth.gate")).isSameAs(rejections);
    AuthFacts auth =
        AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch");
    AuthFacts unknown =
        AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "not_openclaws");

    assertThat(rejections.verdict(auth, Audience.CLI, false))
        .isSameAs(rejections.verdict(auth, Audience.CLI, false));
    assertThat(rejections.verdict(unknown, Audience.CLI, false).reject())
        .isEqualTo(AuthFailures.reject(unknown, Audience.CLI, false, "auth.gate"));
  }
}

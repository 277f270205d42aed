package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthFailure;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.engine.evidence.internal.RoleScopes;
import dev.connectpolicy.engine.evidence.internal.Secrets;
import dev.connectpolicy.engine.internal.RequestReading;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The authentication facts after OpenClaw's {@code resolveConnectAuthDecision} (reference section
 * 1.6), which runs after the device proof and may upgrade a failed result with a per-device
 * credential. It only does so for a device whose proof verified.
 *
 * <p><b>Bootstrap tokens</b> are one-time tokens from a setup code, checked against the gateway's
 * bootstrap store, which a raw request does not carry: they cannot be verified, so a presented
 * bootstrap token never authenticates. When authentication has not already succeeded, a device's
 * bootstrap token fails with {@code bootstrap_token_invalid}, OpenClaw's reason for a token its
 * store does not know; the device token is still tried after it, as OpenClaw tries it. A bootstrap
 * token beside a successful shared secret, or in mode {@code none}, changes nothing.
 *
 * <p><b>Device tokens</b> are checked against the pairing record's {@code deviceToken} (an
 * extension of the contract): the record must be this device's (same public key), the token equal
 * in constant time, the role one of the record's roles and the scopes within the record's scopes
 * ({@link RoleScopes}). The candidate is {@code auth.deviceToken}, else the shared token (OpenClaw
 * tries a shared token as a device token). A failed explicit device token reports {@code
 * device_token_mismatch}; a failed shared-token fallback keeps the earlier reason. Per release
 * ({@link RequestReading}): a record without any scope list fails every device token, and a
 * matching token short of the scopes fails with {@code scope_mismatch}.
 *
 * <p><b>The credential presented</b> ({@code auth.provided}) of a failure is OpenClaw's {@code
 * resolveAuthProvidedKind}: password, token, bootstrap token, device token, in that precedence,
 * which is what its failure messages are chosen by. OpenClaw computes it for failures only; for a
 * success it is the credential that authenticated (the token for method {@code token}, the device
 * token or the shared token for {@code device-token}), so that a client that sent a password and
 * the right token is recorded as authenticated by its token, as the fact space requires.
 */
final class ConnectAuthDecision {

  private ConnectAuthDecision() {}

  /**
   * Resolves the final authentication facts.
   *
   * @param mode the configured mode
   * @param initial the result of {@link GatewayAuthorizer}
   * @param credentials what the client sent
   * @param deviceVerified whether a device identity is present, verified and honoured
   * @param record the pairing record, or null
   * @param recordIsThisDevice whether the record holds the device's own public key
   * @param role the role, defaulted to {@code operator}
   * @param scopes the scopes as received
   * @param reading how the release reads the pairing record and names a scope shortfall ({@link
   *     RequestReading#deviceTokenNeedsScopeBaseline()}, {@link
   *     RequestReading#deviceTokenScopeMismatch()})
   * @return the facts
   */
  public static AuthFacts resolve(
      AuthMode mode,
      GatewayAuthorizer.Result initial,
      Credentials credentials,
      boolean deviceVerified,
      @Nullable PairedDevice record,
      boolean recordIsThisDevice,
      String role,
      List<String> scopes,
      RequestReading reading) {
    AuthMethod method = initial.method();
    if (initial.ok() && method != null) {
      boolean shared =
          method == AuthMethod.TOKEN
              || method == AuthMethod.PASSWORD
              || method == AuthMethod.TRUSTED_PROXY;
      Credential used =
          method == AuthMethod.TOKEN
              ? Credential.TOKEN
              : method == AuthMethod.PASSWORD ? Credential.PASSWORD : provided(credentials);
      return AuthFacts.succeeded(mode, used, method, shared);
    }
    String reason = initial.reason() == null ? "unauthorized" : initial.reason();
    if (deviceVerified && Secrets.present(credentials.bootstrapToken())) {
      reason = "bootstrap_token_invalid";
    }
    boolean explicit = Secrets.present(credentials.deviceToken());
    String candidate = explicit ? credentials.deviceToken() : credentials.token();
    if (deviceVerified && Secrets.present(candidate)) {
      boolean matches =
          record != null
              && recordIsThisDevice
              && Secrets.present(record.deviceToken())
              && Secrets.matches(candidate, record.deviceToken())
              && record.roles().contains(role);
      boolean scopesCovered =
          matches
              && record != null
              && (record.scopeBaseline() || !reading.deviceTokenNeedsScopeBaseline())
              && RoleScopes.allow(role, scopes, record.scopes());
      if (scopesCovered) {
        Credential used = explicit ? Credential.DEVICE_TOKEN : Credential.TOKEN;
        return AuthFacts.succeeded(mode, used, AuthMethod.DEVICE_TOKEN, false);
      }
      if (matches && reading.deviceTokenScopeMismatch()) {
        reason = AuthFailure.SCOPE_MISMATCH.wire();
      } else if (explicit) {
        reason = "device_token_mismatch";
      }
    }
    return AuthFacts.failed(
        mode, provided(credentials), GatewayAuthorizer.failureMethod(mode), reason);
  }

  /**
   * What the client presented, in OpenClaw's precedence ({@code resolveAuthProvidedKind}):
   * password, token, bootstrap token, device token, none; empty strings count as absent.
   *
   * @param credentials what the client sent
   * @return the credential kind
   */
  public static Credential provided(Credentials credentials) {
    if (Secrets.present(credentials.password())) {
      return Credential.PASSWORD;
    }
    if (Secrets.present(credentials.token())) {
      return Credential.TOKEN;
    }
    if (Secrets.present(credentials.bootstrapToken())) {
      return Credential.BOOTSTRAP_TOKEN;
    }
    if (Secrets.present(credentials.deviceToken())) {
      return Credential.DEVICE_TOKEN;
    }
    return Credential.NONE;
  }
}

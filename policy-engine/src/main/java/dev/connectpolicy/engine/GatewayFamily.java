package dev.connectpolicy.engine;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthFailure;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.CredentialSource;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.WorkspaceAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A gateway whose admission policy the profiles model, with the finite space of the facts its
 * policy reads. Every profile belongs to one family; its tables and diffs are over its family's
 * space, and only profiles of one family can be diffed.
 *
 * <p>Why a space per family: the other gateways' facts (session cookies, API keys, tickets, bearer
 * tokens, where a credential came from, workspace membership, failed attempts) mean nothing to
 * OpenClaw. Added to the standard space they would multiply its 2,668,896 cells and change every
 * OpenClaw table; in a family's own space they are enumerated only where they are read, and the
 * facts a family has no notion of (OpenClaw's client ids, device proofs, Control UI flags) are
 * fixed at their defaults and left out of its tables. The standard space fixes the new facts at
 * their defaults, so OpenClaw's decisions and golden tables are what they were.
 *
 * <pre>{@code
 * assertThat(policy).satisfies(Invariants.UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS)
 *     .over(ConnectContexts.of(GatewayFamily.MOLTIS.space())); // the testkit's generators
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public enum GatewayFamily {

  /** OpenClaw: the standard fact space ({@link FactSpace#standard()}), 2,668,896 cells. */
  OPENCLAW("openclaw", FactSpace.standard()),

  /**
   * Moltis (peers section A.1): the HTTP auth gate's facts and the WebSocket handler's. Roles
   * operator and node; remote or loopback ({@code is_local}); authentication disabled or a
   * credential store with a password or passkey set up; no credential, a session cookie (a header
   * of the upgrade), an API key (a Bearer header, or in the connect frame), the password or a
   * device token (in the connect frame), each valid or not. 48 cells.
   */
  MOLTIS("moltis", Spaces.moltis()),

  /**
   * SynthOrg (peers section A.2): its single-use WebSocket ticket, absent, or in the query string
   * (the legacy flow, validated before the upgrade) or the first message (the preferred flow),
   * valid or not. 5 cells.
   */
  SYNTHORG("synthorg", Spaces.synthOrg()),

  /**
   * Mosaic Stack (peers section A.3): a bearer token from the handshake's {@code auth} payload, the
   * query string or the {@code Authorization} header, valid or not; the workspace the connection
   * names and whether the verified user is a member; the failed attempts counted for the client
   * (none, and either side of a limit of five). 51 cells.
   */
  MOSAIC("mosaic", Spaces.mosaic());

  private final String familyName;
  private final FactSpace space;

  GatewayFamily(String familyName, FactSpace space) {
    this.familyName = familyName;
    this.space = space;
  }

  /**
   * Returns the family's name, the prefix of its profiles' names.
   *
   * @return the name, such as {@code moltis}
   */
  public String familyName() {
    return familyName;
  }

  /**
   * Returns the space of the facts the family's policies read.
   *
   * @return the fact space
   */
  public FactSpace space() {
    return space;
  }

  /**
   * Lists the family's profiles in order.
   *
   * @return the profiles
   */
  public List<Profile> profiles() {
    List<Profile> profiles = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      if (profile.family() == this) {
        profiles.add(profile);
      }
    }
    return List.copyOf(profiles);
  }

  /** The families' spaces. */
  private static final class Spaces {

    private Spaces() {}

    private static AuthFacts ok(AuthMode mode, Credential kind, AuthMethod method) {
      return AuthFacts.succeeded(mode, kind, method, false);
    }

    private static AuthFacts failed(
        AuthMode mode, Credential kind, AuthMethod method, String reason) {
      return AuthFacts.failed(mode, kind, method, reason);
    }

    static FactSpace moltis() {
      AuthMode store = AuthMode.PASSWORD;
      List<AuthFacts> auth =
          List.of(
              AuthFacts.authDisabled(),
              failed(store, Credential.NONE, AuthMethod.NONE, "credential_missing"),
              ok(store, Credential.DEVICE_TOKEN, AuthMethod.DEVICE_TOKEN),
              failed(
                  store,
                  Credential.DEVICE_TOKEN,
                  AuthMethod.DEVICE_TOKEN,
                  AuthFailure.DEVICE_TOKEN_MISMATCH.wire()),
              ok(store, Credential.API_KEY, AuthMethod.API_KEY),
              failed(store, Credential.API_KEY, AuthMethod.API_KEY, "api_key_invalid"),
              ok(store, Credential.PASSWORD, AuthMethod.PASSWORD),
              failed(
                  store,
                  Credential.PASSWORD,
                  AuthMethod.PASSWORD,
                  AuthFailure.PASSWORD_MISMATCH.wire()),
              ok(store, Credential.SESSION_COOKIE, AuthMethod.SESSION_COOKIE),
              failed(
                  store, Credential.SESSION_COOKIE, AuthMethod.SESSION_COOKIE, "session_invalid"));
      // Where Moltis reads each credential: the session cookie and a Bearer API key on the upgrade
      // (check_auth), the device token, the password and an API key in the connect frame.
      Map<Credential, Set<CredentialSource>> sources =
          Map.of(
              Credential.NONE, Set.of(CredentialSource.CONNECT),
              Credential.DEVICE_TOKEN, Set.of(CredentialSource.CONNECT),
              Credential.PASSWORD, Set.of(CredentialSource.CONNECT),
              Credential.API_KEY, Set.of(CredentialSource.CONNECT, CredentialSource.HEADER),
              Credential.SESSION_COOKIE, Set.of(CredentialSource.HEADER));
      return FactSpace.builder()
          .with(Dimension.ROLE, List.of("operator", "node"))
          .with(Dimension.AUTH, auth)
          .with(
              Dimension.CREDENTIAL_SOURCE,
              List.of(CredentialSource.CONNECT, CredentialSource.HEADER))
          .where(
              "moltis-credential-sources",
              context ->
                  sources.get(context.auth().provided()).contains(context.credentialSource()),
              Dimension.AUTH,
              Dimension.CREDENTIAL_SOURCE)
          .build();
    }

    static FactSpace synthOrg() {
      AuthMode required = AuthMode.TOKEN;
      List<AuthFacts> auth =
          List.of(
              failed(required, Credential.NONE, AuthMethod.NONE, "ticket_missing"),
              ok(required, Credential.TICKET, AuthMethod.TICKET),
              failed(required, Credential.TICKET, AuthMethod.TICKET, "ticket_invalid"));
      return FactSpace.builder()
          .with(Dimension.AUTH, auth)
          .with(
              Dimension.CREDENTIAL_SOURCE,
              List.of(CredentialSource.CONNECT, CredentialSource.QUERY))
          .where(
              "no-credential-no-source",
              context ->
                  context.auth().provided() != Credential.NONE
                      || context.credentialSource() == CredentialSource.CONNECT,
              Dimension.AUTH,
              Dimension.CREDENTIAL_SOURCE)
          .build();
    }

    static FactSpace mosaic() {
      AuthMode required = AuthMode.TOKEN;
      List<AuthFacts> auth =
          List.of(
              failed(required, Credential.NONE, AuthMethod.NONE, AuthFailure.TOKEN_MISSING.wire()),
              ok(required, Credential.JWT, AuthMethod.JWT),
              failed(required, Credential.JWT, AuthMethod.JWT, "token_invalid"));
      return FactSpace.builder()
          .with(Dimension.AUTH, auth)
          .with(Dimension.CREDENTIAL_SOURCE, List.of(CredentialSource.values()))
          .with(Dimension.WORKSPACE, List.of(WorkspaceAccess.values()))
          .with(Dimension.FAILED_ATTEMPTS, Dimension.FAILED_ATTEMPTS.values())
          .where(
              "no-credential-no-source",
              context ->
                  context.auth().provided() != Credential.NONE
                      || context.credentialSource() == CredentialSource.CONNECT,
              Dimension.AUTH,
              Dimension.CREDENTIAL_SOURCE)
          .where(
              "workspace-verified-with-the-user",
              context ->
                  context.workspace() == WorkspaceAccess.NONE
                      || (context.workspace() == WorkspaceAccess.UNVERIFIED) != context.auth().ok(),
              Dimension.AUTH,
              Dimension.WORKSPACE)
          .build();
    }
  }
}

package dev.connectpolicy.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one connection attempt: everything an admission policy may look at, and nothing
 * else. Every field is a boolean, an enum or a short list, so the space of contexts is finite up to
 * the open strings (role, scopes, client), whose relevant values are enumerable ({@link
 * FactSpace}).
 *
 * <p>Gateways that verify evidence themselves (signatures, tokens, addresses) build a context
 * directly; the engine's evidence layer builds one from a raw request. Build one with {@link
 * #builder()}, or derive one from another with the {@code with...} methods:
 *
 * <pre>{@code
 * ConnectContext base = ConnectContext.builder()
 *     .role("operator")
 *     .client(Client.CLI, "cli")
 *     .local(true)
 *     .origin(OriginCheck.ABSENT)
 *     .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
 *     .device(DeviceProof.ABSENT)
 *     .build();
 * ConnectContext remote = base.withLocal(false);
 * }</pre>
 *
 * @param role the role exactly as the client declared it; policies admit {@code operator} and
 *     {@code node}
 * @param scopes the scopes as the client declared them, never authoritative; never null
 * @param client the client's declared identity
 * @param local whether the socket is a direct loopback client with no untrusted forwarding
 * @param locality the pairing locality; {@link Locality#DIRECT_LOCAL} exactly when {@code local}
 * @param origin the result of the browser Origin check
 * @param auth what authentication established
 * @param device the result of the device identity proof
 * @param pairing how the device's pairing record compares (ignored without a device)
 * @param controlUi the gateway's Control UI flags
 * @param credentialSource where the credential of {@code auth} was presented: in the connect frame
 *     (the default, and OpenClaw's only source), or on the upgrade request in a header or the query
 *     string; on the wire {@code auth.source}
 * @param workspace what was established about the workspace the connection asks for; {@code none}
 *     by default
 * @param failedAttempts how many failed authentication attempts the gateway has counted for this
 *     client in its rate-limit window; 0 by default
 */
public record ConnectContext(
    String role,
    List<String> scopes,
    Client client,
    boolean local,
    Locality locality,
    OriginCheck origin,
    AuthFacts auth,
    DeviceProof device,
    PairingState pairing,
    ControlUiConfig controlUi,
    CredentialSource credentialSource,
    WorkspaceAccess workspace,
    int failedAttempts) {

  /**
   * Copies the scopes and checks that local and locality agree and that the count of failed
   * attempts is not negative.
   *
   * @param role the role exactly as the client declared it; policies admit {@code operator} and
   *     {@code node}
   * @param scopes the scopes as the client declared them, never authoritative; never null
   * @param client the client's declared identity
   * @param local whether the socket is a direct loopback client with no untrusted forwarding
   * @param locality the pairing locality; {@link Locality#DIRECT_LOCAL} exactly when {@code local}
   * @param origin the result of the browser Origin check
   * @param auth what authentication established
   * @param device the result of the device identity proof
   * @param pairing how the device's pairing record compares (ignored without a device)
   * @param controlUi the gateway's Control UI flags
   * @param credentialSource where the credential of {@code auth} was presented
   * @param workspace what was established about the workspace asked for
   * @param failedAttempts the failed authentication attempts counted for this client
   * @throws InvalidContextException naming the field, if a fact or a scope is null, {@code
   *     locality} contradicts {@code local}, or {@code failedAttempts} is negative
   */
  public ConnectContext {
    role = present(role, "role");
    scopes = present(scopes, "scopes");
    client = present(client, "client");
    locality = present(locality, "locality");
    origin = present(origin, "origin");
    auth = present(auth, "auth");
    device = present(device, "device");
    pairing = present(pairing, "pairing");
    controlUi = present(controlUi, "controlUi");
    credentialSource = present(credentialSource, "credentialSource");
    workspace = present(workspace, "workspace");
    for (int i = 0; i < scopes.size(); i++) {
      if (scopes.get(i) == null) {
        throw new InvalidContextException(
            "scopes[" + i + "]", "field `scopes[" + i + "]` must be a string, not null");
      }
    }
    scopes = List.copyOf(scopes);
    if (local != (locality == Locality.DIRECT_LOCAL)) {
      throw new InvalidContextException(
          "locality",
          "field `locality` is `"
              + locality.wire()
              + "` but `local` is "
              + local
              + ": a client is `direct_local` exactly when it is local");
    }
    if (failedAttempts < 0) {
      throw new InvalidContextException(
          "failedAttempts", "field `failedAttempts` must not be negative, got " + failedAttempts);
    }
  }

  /**
   * Refuses a null fact, naming it: a missing fact must never read as a harmless one.
   *
   * @param value the fact
   * @param field its name
   * @param <T> its type
   * @return the fact
   * @throws InvalidContextException if it is null
   */
  static <T> T present(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidContextException(field, "field `" + field + "` must not be null");
    }
    return value;
  }

  /**
   * The facts OpenClaw knows of: the credential from the connect frame, no workspace, no count of
   * failed attempts.
   *
   * @param role the role exactly as the client declared it
   * @param scopes the scopes as the client declared them
   * @param client the client's declared identity
   * @param local whether the socket is a direct loopback client with no untrusted forwarding
   * @param locality the pairing locality
   * @param origin the result of the browser Origin check
   * @param auth what authentication established
   * @param device the result of the device identity proof
   * @param pairing how the device's pairing record compares
   * @param controlUi the gateway's Control UI flags
   * @throws InvalidContextException if a scope is null, or {@code locality} contradicts {@code
   *     local}
   */
  public ConnectContext(
      String role,
      List<String> scopes,
      Client client,
      boolean local,
      Locality locality,
      OriginCheck origin,
      AuthFacts auth,
      DeviceProof device,
      PairingState pairing,
      ControlUiConfig controlUi) {
    this(
        role,
        scopes,
        client,
        local,
        locality,
        origin,
        auth,
        device,
        pairing,
        controlUi,
        CredentialSource.CONNECT,
        WorkspaceAccess.NONE,
        0);
  }

  /**
   * Returns the facts of this attempt that are known when its HTTP upgrade request arrives, before
   * any connect frame: the socket's locality, the Origin check, the configured authentication mode,
   * the credential if it came with the upgrade request (a header or the query string), and the
   * count of failed attempts. The role, scopes, client, device, pairing and workspace, and a
   * credential of the connect frame, are not known yet.
   *
   * @return the upgrade's facts
   */
  public UpgradeContext upgrade() {
    boolean onUpgrade = credentialSource.isOnUpgrade();
    return new UpgradeContext(
        locality,
        origin,
        auth.mode(),
        onUpgrade ? auth.provided() : Credential.NONE,
        onUpgrade ? credentialSource : CredentialSource.CONNECT,
        onUpgrade && auth.ok(),
        failedAttempts);
  }

  /**
   * Starts a builder. {@code role}, {@code client}, {@code local}, {@code origin}, {@code auth} and
   * {@code device} are required; {@code scopes} default to empty, {@code locality} to the one
   * {@code local} implies, {@code pairing} to {@link PairingState#NOT_PAIRED}, {@code controlUi} to
   * {@link ControlUiConfig#DEFAULT}, {@code credentialSource} to {@link CredentialSource#CONNECT},
   * {@code workspace} to {@link WorkspaceAccess#NONE} and {@code failedAttempts} to 0.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this context's facts.
   *
   * @return a builder that builds an equal context until changed
   */
  public Builder toBuilder() {
    return new Builder()
        .role(role)
        .scopes(scopes)
        .client(client)
        .local(local)
        .locality(locality)
        .origin(origin)
        .auth(auth)
        .device(device)
        .pairing(pairing)
        .controlUi(controlUi)
        .credentialSource(credentialSource)
        .workspace(workspace)
        .failedAttempts(failedAttempts);
  }

  /**
   * Returns a copy with another declared role.
   *
   * @param newRole the role as declared
   * @return the copy
   */
  public ConnectContext withRole(String newRole) {
    return toBuilder().role(newRole).build();
  }

  /**
   * Returns a copy with other declared scopes.
   *
   * @param newScopes the scopes as declared
   * @return the copy
   */
  public ConnectContext withScopes(List<String> newScopes) {
    return toBuilder().scopes(newScopes).build();
  }

  /**
   * Returns a copy with another declared client identity.
   *
   * @param newClient the client identity
   * @return the copy
   */
  public ConnectContext withClient(Client newClient) {
    return toBuilder().client(newClient).build();
  }

  /**
   * Returns a copy with another locality of the socket; the pairing locality becomes the one that
   * {@code newLocal} implies ({@code direct_local} or {@code remote}).
   *
   * @param newLocal whether the socket is a direct loopback client
   * @return the copy
   */
  public ConnectContext withLocal(boolean newLocal) {
    return toBuilder().local(newLocal).locality(null).build();
  }

  /**
   * Returns a copy with another pairing locality; {@code local} follows it.
   *
   * @param newLocality the pairing locality
   * @return the copy
   */
  public ConnectContext withLocality(Locality newLocality) {
    return toBuilder().local(newLocality == Locality.DIRECT_LOCAL).locality(newLocality).build();
  }

  /**
   * Returns a copy with another Origin check result.
   *
   * @param newOrigin the result
   * @return the copy
   */
  public ConnectContext withOrigin(OriginCheck newOrigin) {
    return toBuilder().origin(newOrigin).build();
  }

  /**
   * Returns a copy with other authentication facts.
   *
   * @param newAuth the facts
   * @return the copy
   */
  public ConnectContext withAuth(AuthFacts newAuth) {
    return toBuilder().auth(newAuth).build();
  }

  /**
   * Returns a copy with another device proof result.
   *
   * @param newDevice the result
   * @return the copy
   */
  public ConnectContext withDevice(DeviceProof newDevice) {
    return toBuilder().device(newDevice).build();
  }

  /**
   * Returns a copy with another pairing state.
   *
   * @param newPairing the state
   * @return the copy
   */
  public ConnectContext withPairing(PairingState newPairing) {
    return toBuilder().pairing(newPairing).build();
  }

  /**
   * Returns a copy with other Control UI flags.
   *
   * @param newControlUi the flags
   * @return the copy
   */
  public ConnectContext withControlUi(ControlUiConfig newControlUi) {
    return toBuilder().controlUi(newControlUi).build();
  }

  /**
   * Returns a copy whose credential was presented elsewhere.
   *
   * @param newSource where the credential was presented
   * @return the copy
   */
  public ConnectContext withCredentialSource(CredentialSource newSource) {
    return toBuilder().credentialSource(newSource).build();
  }

  /**
   * Returns a copy with another workspace result.
   *
   * @param newWorkspace what was established about the workspace
   * @return the copy
   */
  public ConnectContext withWorkspace(WorkspaceAccess newWorkspace) {
    return toBuilder().workspace(newWorkspace).build();
  }

  /**
   * Returns a copy with another count of failed attempts.
   *
   * @param newFailedAttempts the count, at least 0
   * @return the copy
   */
  public ConnectContext withFailedAttempts(int newFailedAttempts) {
    return toBuilder().failedAttempts(newFailedAttempts).build();
  }

  /**
   * Builds a {@link ConnectContext}; not thread-safe. {@link #build()} names the first missing
   * required field.
   */
  public static final class Builder {
    private @Nullable String role;
    private List<String> scopes = List.of();
    private @Nullable Client client;
    private @Nullable Boolean local;
    private @Nullable Locality locality;
    private @Nullable OriginCheck origin;
    private @Nullable AuthFacts auth;
    private @Nullable DeviceProof device;
    private PairingState pairing = PairingState.NOT_PAIRED;
    private ControlUiConfig controlUi = ControlUiConfig.DEFAULT;
    private CredentialSource credentialSource = CredentialSource.CONNECT;
    private WorkspaceAccess workspace = WorkspaceAccess.NONE;
    private int failedAttempts;

    private Builder() {}

    /**
     * Sets the declared role.
     *
     * @param value the role as declared
     * @return this builder
     */
    public Builder role(String value) {
      this.role = Objects.requireNonNull(value, "role");
      return this;
    }

    /**
     * Sets the declared scopes.
     *
     * @param value the scopes as declared
     * @return this builder
     */
    public Builder scopes(List<String> value) {
      this.scopes = Objects.requireNonNull(value, "scopes");
      return this;
    }

    /**
     * Sets the declared scopes.
     *
     * @param value the scopes as declared
     * @return this builder
     */
    public Builder scopes(String... value) {
      return scopes(List.of(value));
    }

    /**
     * Sets the declared client identity.
     *
     * @param value the identity
     * @return this builder
     */
    public Builder client(Client value) {
      this.client = Objects.requireNonNull(value, "client");
      return this;
    }

    /**
     * Sets the declared client identity.
     *
     * @param id the client id
     * @param mode the client mode
     * @return this builder
     */
    public Builder client(String id, String mode) {
      return client(Client.of(id, mode));
    }

    /**
     * Sets whether the socket is a direct loopback client.
     *
     * @param value the locality of the socket
     * @return this builder
     */
    public Builder local(boolean value) {
      this.local = value;
      return this;
    }

    /**
     * Sets the pairing locality; null restores the default implied by {@code local}.
     *
     * @param value the pairing locality, or null
     * @return this builder
     */
    public Builder locality(@Nullable Locality value) {
      this.locality = value;
      return this;
    }

    /**
     * Sets the result of the Origin check.
     *
     * @param value the result
     * @return this builder
     */
    public Builder origin(OriginCheck value) {
      this.origin = Objects.requireNonNull(value, "origin");
      return this;
    }

    /**
     * Sets what authentication established.
     *
     * @param value the facts
     * @return this builder
     */
    public Builder auth(AuthFacts value) {
      this.auth = Objects.requireNonNull(value, "auth");
      return this;
    }

    /**
     * Sets the result of the device proof.
     *
     * @param value the result
     * @return this builder
     */
    public Builder device(DeviceProof value) {
      this.device = Objects.requireNonNull(value, "device");
      return this;
    }

    /**
     * Sets the pairing state.
     *
     * @param value the state
     * @return this builder
     */
    public Builder pairing(PairingState value) {
      this.pairing = Objects.requireNonNull(value, "pairing");
      return this;
    }

    /**
     * Sets the Control UI flags.
     *
     * @param value the flags
     * @return this builder
     */
    public Builder controlUi(ControlUiConfig value) {
      this.controlUi = Objects.requireNonNull(value, "controlUi");
      return this;
    }

    /**
     * Sets where the credential was presented.
     *
     * @param value the source
     * @return this builder
     */
    public Builder credentialSource(CredentialSource value) {
      this.credentialSource = Objects.requireNonNull(value, "credentialSource");
      return this;
    }

    /**
     * Sets what was established about the workspace asked for.
     *
     * @param value the result
     * @return this builder
     */
    public Builder workspace(WorkspaceAccess value) {
      this.workspace = Objects.requireNonNull(value, "workspace");
      return this;
    }

    /**
     * Sets the count of failed authentication attempts.
     *
     * @param value the count; the context refuses a negative one
     * @return this builder
     */
    public Builder failedAttempts(int value) {
      this.failedAttempts = value;
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     * @throws InvalidContextException naming the first missing required field, or a contradiction
     */
    public ConnectContext build() {
      String r = required(role, "role");
      Client c = required(client, "client");
      boolean l = required(local, "local");
      OriginCheck o = required(origin, "origin");
      AuthFacts a = required(auth, "auth");
      DeviceProof d = required(device, "device");
      Locality resolved = locality != null ? locality : l ? Locality.DIRECT_LOCAL : Locality.REMOTE;
      return new ConnectContext(
          r,
          scopes,
          c,
          l,
          resolved,
          o,
          a,
          d,
          pairing,
          controlUi,
          credentialSource,
          workspace,
          failedAttempts);
    }

    private static <T> T required(@Nullable T value, String field) {
      if (value == null) {
        throw new InvalidContextException(field, "missing field `" + field + "`");
      }
      return value;
    }
  }
}

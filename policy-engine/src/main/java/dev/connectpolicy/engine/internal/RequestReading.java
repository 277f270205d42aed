package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.RejectCode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one release of a gateway reads the raw request: the settings of the evidence layer that
 * differ between releases without being rules over facts (whether a foreign {@code Host} makes a
 * loopback socket remote, the connect schema, which shared-secret field counts, which pairing
 * metadata is pinned, ...). A profile names its release's reading; {@code Admission.admit(policy,
 * request)} derives the facts with the reading of the profile whose policy it is given, and with
 * {@link #DEFAULT} for any other {@link ConnectPolicy}. A reading is never a fact: it changes how
 * the facts are derived, not the fact space, so no decision table changes its columns for it.
 *
 * <h2>How to add a per-release setting</h2>
 *
 * <ol>
 *   <li>Here: a private final field, its accessor (javadoc: what the release does, and the bundle
 *       file it was read in), the {@link Builder}'s setter, and the builder's initial value, which
 *       is what the evidence layer did before the setting existed. {@link #DEFAULT} is built from
 *       those initial values, so every policy that is not a profile reads requests exactly as
 *       before.
 *   <li>In the evidence layer ({@code Evidence.derive}, {@code Evidence.upgrade}, or a check before
 *       them): read the setting from the reading passed in, never from a profile's name.
 *   <li>In {@code RequestReadings} (package {@code dev.connectpolicy.engine}): set it on the
 *       constants of the releases that differ. There is one constant per released version the
 *       profiles model, and each {@code Profile} constant names its own, so a profile copied or
 *       renamed carries its reading.
 *   <li>A unit test per release value that fails if the setting is ignored, and a CHANGELOG line
 *       per profile whose decisions change.
 * </ol>
 */
public final class RequestReading {

  /** What the evidence layer does for any policy that is not a profile. */
  public static final RequestReading DEFAULT = builder().build();

  private static final Map<ConnectPolicy, RequestReading> BY_POLICY =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private final boolean foreignHostIsRemote;
  private final @Nullable ConnectSchema schema;
  private final boolean sharedSecretFromEitherField;
  private final boolean deviceTokenNeedsScopeBaseline;
  private final boolean deviceTokenScopeMismatch;
  private final boolean pinnedMetadataAliases;
  private final boolean ingressAttribution;
  private final boolean workerIdentityRefused;
  private final boolean localFromSocketOnly;
  private final @Nullable SilentApproval silentApproval;
  private final Set<RejectCode> detailCodesNotSent;

  private RequestReading(Builder builder) {
    this.foreignHostIsRemote = builder.foreignHostIsRemote;
    this.schema = builder.schema;
    this.sharedSecretFromEitherField = builder.sharedSecretFromEitherField;
    this.deviceTokenNeedsScopeBaseline = builder.deviceTokenNeedsScopeBaseline;
    this.deviceTokenScopeMismatch = builder.deviceTokenScopeMismatch;
    this.localFromSocketOnly = builder.localFromSocketOnly;
    this.silentApproval = builder.silentApproval;
    this.detailCodesNotSent =
        builder.detailCodesNotSent.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(builder.detailCodesNotSent));
    this.pinnedMetadataAliases = builder.pinnedMetadataAliases;
    this.ingressAttribution = builder.ingressAttribution;
    this.workerIdentityRefused = builder.workerIdentityRefused;
  }

  /**
   * Whether the client is attributed from the socket as OpenClaw 2026.9 does, before the WebSocket
   * exists ({@code resolveGatewayIngressAttribution} in {@code ingress-attribution-*.mjs}), first
   * match wins: a loopback peer without forwarding headers and without Tailscale's identity headers
   * is direct-local, whether or not it is a trusted proxy; a trusted proxy names the client by its
   * forwarding headers, and when they name none, or a loopback address, the client is
   * unattributable; any other peer with forwarding (or Tailscale identity) headers is
   * unattributable; any other peer is direct-remote. An unattributable client's HTTP upgrade is
   * refused, 403 {@code proxy_attribution_required} ({@code rejectUpgradeAuth} in {@code
   * server-start-*.mjs}); a direct-local one is the local client of the connect phase ({@code
   * isLocalClient}, {@code message-handler-*.mjs}). Initially false: a loopback trusted proxy
   * without forwarding headers names no client and is remote, and nothing is refused at the
   * upgrade.
   *
   * @return true if the upgrade refuses an unattributable client and a loopback peer without
   *     forwarding headers is local
   */
  public boolean ingressAttribution() {
    return ingressAttribution;
  }

  /**
   * Whether a first frame that claims a worker's identity (the client id {@code openclaw-worker},
   * the client mode {@code worker} or the role {@code worker}) is closed before anything else is
   * checked, 1008 {@code invalid-handshake} without a response: OpenClaw 2026.9 admits workers on
   * its worker route only ({@code claimsWorkerConnectionIdentity} in {@code message-handler-*.mjs},
   * checked before the connect schema). Initially false.
   *
   * @return true if a worker identity is refused on the gateway's route
   */
  public boolean workerIdentityRefused() {
    return workerIdentityRefused;
  }

  /**
   * The release's connect schema, checked before any rule ({@code ConnectParamsCheck}): a frame
   * that does not fit is refused {@code INVALID_CONNECT_PARAMS} "invalid connect params: ...".
   * Initially none: the frame is only read as strictly as the contract's JSON.
   *
   * @return the schema, or null when the frame is not checked against one
   */
  public @Nullable ConnectSchema schema() {
    return schema;
  }

  /**
   * Whether the shared secret is read from the other kind's field when the configured kind's field
   * is absent or blank: OpenClaw 2026.9.6 compares {@code connectAuth[mode] ??
   * connectAuth[otherKind]} ({@code resolveConnectSecret} in {@code auth-*.mjs}), so the token sent
   * as {@code auth.password} authenticates a token gateway, and a wrong secret there is a mismatch,
   * not "missing". Earlier releases read the configured kind's field only. Initially false.
   *
   * @return true if the other kind's field stands in for an absent one
   */
  public boolean sharedSecretFromEitherField() {
    return sharedSecretFromEitherField;
  }

  /**
   * Whether a loopback socket with a {@code Host} header that is not local-ish is remote. OpenClaw
   * 2026.3 ({@code isLocalDirectRequest} in {@code auth-profiles-*.js}) checks the Host; from
   * 2026.4 on ({@code isLocalDirectRequest} in {@code auth-*.js}) a loopback socket without
   * forwarding headers is local whatever its Host says. Initially true, the stricter reading.
   *
   * @return true if a foreign Host makes a loopback socket remote
   */
  public boolean foreignHostIsRemote() {
    return foreignHostIsRemote;
  }

  /**
   * Whether a device token fails against a pairing record that holds no scope list at all ({@code
   * pairedDevice.scopes} absent, as opposed to empty). From 2026.3.13 on, {@code verifyDeviceToken}
   * takes {@code approvedScopes ?? scopes} as the baseline and fails when it is not an array
   * ({@code resolveApprovedDeviceScopeBaseline}, {@code scopesWithinApprovedDeviceBaseline};
   * 2026.3.13 {@code device-pairing-CR72WwyN.js}, 2026.5.28 {@code device-pairing-C5JfsLW6.js}). It
   * shows in 2026.3.13, whose silent local pairing of a node stores no scopes, so that node's own
   * device token is refused; 2026.3.11 ({@code device-pairing-BgGqOIku.js}) only checks the token's
   * own scopes, and its recording accepts that node. Initially false: a record without scopes has
   * an empty baseline, as before.
   *
   * @return true if a record without a scope list fails every device token
   */
  public boolean deviceTokenNeedsScopeBaseline() {
    return deviceTokenNeedsScopeBaseline;
  }

  /**
   * Whether a device token that matches but does not cover the scopes (or the record's baseline)
   * fails with its own reason, {@code scope_mismatch} (code {@code AUTH_SCOPE_MISMATCH}), rather
   * than {@code device_token_mismatch}. From 2026.5 on, {@code mapDeviceTokenAuthFailureReason}
   * maps the check's {@code scope-mismatch} first, for an explicit device token and for the shared
   * token tried as one (2026.5.28 {@code message-handler-Di7dZOOw.js}); 2026.4.22 ({@code
   * server.impl-D40kmTX8.js}) and 2026.3 report every failed explicit device token as {@code
   * device_token_mismatch}. Initially false.
   *
   * @return true if a scope shortfall of a matching device token is {@code scope_mismatch}
   */
  public boolean deviceTokenScopeMismatch() {
    return deviceTokenScopeMismatch;
  }

  /**
   * Whether a paired device's pinned platform and device family are compared through the aliases of
   * OpenClaw 2026.9 ({@code dist/message-handler-*.mjs}) rather than as trimmed, lower-cased
   * equals: a {@code node-host}/{@code node} client's desktop platform ({@code darwin}, {@code
   * linux}, {@code macos}, {@code win32}, {@code windows}) is first normalized to its platform and
   * family ({@code normalizeNodeHostCompatibilityMetadata}: {@code linux} without a family claims
   * {@code Linux}, which is also what its silent pairing stores); then {@code
   * resolvePinnedClientMetadata} lets a pinned platform stand when a node host claims the same
   * runtime platform ({@code darwin} for {@code macos}, {@code win32} for {@code windows}) or the
   * macOS app's {@code macos N.N} pin, when a record without a family was pinned under a runtime
   * name the claim now spells out, and when a native app (iOS, Android, watchOS, macOS) reports a
   * new version of its platform. The family has no alias. Initially false.
   *
   * @return true if the pinned metadata is compared as 2026.9 compares it
   */
  public boolean pinnedMetadataAliases() {
    return pinnedMetadataAliases;
  }

  /**
   * Whether a direct local client is a loopback socket without forwarding headers, whoever the
   * trusted proxies are: 2026.4.22 and 2026.5.28 ({@code isLocalDirectRequest} in {@code
   * auth-*.js}) answer {@code !hasForwardedRequestHeaders(req) &&
   * isLoopbackAddress(req.socket.remoteAddress)} and ignore the trusted proxies they are passed, so
   * a loopback peer that is a trusted proxy and forwards nothing is local, and a trusted proxy that
   * forwards a loopback client is not. Initially false: the client address behind the trusted
   * proxies must be loopback, and forwarding headers are allowed from a trusted proxy.
   *
   * @return true if locality is the socket's alone
   */
  public boolean localFromSocketOnly() {
    return localFromSocketOnly;
  }

  /**
   * How the release walks its pairing checks of a paired device: 2026.4.22 and 2026.5.28 check the
   * pinned metadata, then the role, then the scopes, each against the record as it was read before
   * the connection, and a requirement they approve silently lets the next check run (a local
   * operator on a device paired as a node has its role upgrade approved and is then refused for the
   * scopes the old record lacks: {@code requirePairing} in 2026.4.22 {@code
   * server.impl-D40kmTX8.js}, 2026.5.28 {@code message-handler-Di7dZOOw.js}). With a test, the
   * pairing state is the first requirement the test does not approve, or the first requirement if
   * it approves them all; the test is the one the release's profile decides with, so the state and
   * the decision agree. Initially none: the state is the first requirement found.
   *
   * @return the release's silent-approval test, or null when only the first requirement counts
   */
  public @Nullable SilentApproval silentApproval() {
    return silentApproval;
  }

  /**
   * The codes the release answers without {@code error.details.code}, beyond those no release sends
   * ({@link RejectCode#sentAsDetailCode()}). 2026.3.11 refuses a failed Origin check with the error
   * class and message only ({@code sendHandshakeErrorResponse(INVALID_REQUEST, errorMessage)} in
   * {@code gateway-cli-B-E8XzUM.js}); 2026.3.13 ({@code gateway-cli-CuZs0RlJ.js}) and later send
   * {@code CONTROL_UI_ORIGIN_NOT_ALLOWED} with the check's reason. The decision still names the
   * code. Initially none.
   *
   * @return the codes this release does not send, unmodifiable
   */
  public Set<RejectCode> detailCodesNotSent() {
    return detailCodesNotSent;
  }

  /**
   * Whether the release sends a rejection's code as {@code error.details.code}.
   *
   * @param code the rejection's code
   * @return false if no release sends it or this release does not
   */
  public boolean sendsDetailCode(RejectCode code) {
    return code.sentAsDetailCode() && !detailCodesNotSent.contains(code);
  }

  /**
   * Starts a reading from the initial values, those of {@link #DEFAULT}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a reading from this one's settings, for a release that differs in a few.
   *
   * @return a builder holding this reading's settings
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.foreignHostIsRemote = foreignHostIsRemote;
    builder.schema = schema;
    builder.sharedSecretFromEitherField = sharedSecretFromEitherField;
    builder.deviceTokenNeedsScopeBaseline = deviceTokenNeedsScopeBaseline;
    builder.deviceTokenScopeMismatch = deviceTokenScopeMismatch;
    builder.pinnedMetadataAliases = pinnedMetadataAliases;
    builder.ingressAttribution = ingressAttribution;
    builder.workerIdentityRefused = workerIdentityRefused;
    builder.localFromSocketOnly = localFromSocketOnly;
    builder.silentApproval = silentApproval;
    builder.detailCodesNotSent = detailCodesNotSent;
    return builder;
  }

  /**
   * Records the reading of a profile's policy, once, when the profile is built or compiled.
   *
   * @param policy the profile's policy
   * @param reading its release's reading
   */
  public static void register(ConnectPolicy policy, RequestReading reading) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(reading, "reading");
    BY_POLICY.put(policy, reading);
  }

  /**
   * Returns the reading of a policy: its profile's, or {@link #DEFAULT} for any other policy. A
   * profile registers its pipeline when it is built and its compiled form when it is compiled.
   *
   * @param policy the policy
   * @return the reading
   */
  public static RequestReading of(ConnectPolicy policy) {
    return BY_POLICY.getOrDefault(policy, DEFAULT);
  }

  @Override
  public String toString() {
    return "RequestReading[foreignHostIsRemote="
        + foreignHostIsRemote
        + ", schema="
        + (schema == null ? "none" : schema.wording())
        + ", sharedSecretFromEitherField="
        + sharedSecretFromEitherField
        + ", deviceTokenNeedsScopeBaseline="
        + deviceTokenNeedsScopeBaseline
        + ", deviceTokenScopeMismatch="
        + deviceTokenScopeMismatch
        + ", pinnedMetadataAliases="
        + pinnedMetadataAliases
        + ", ingressAttribution="
        + ingressAttribution
        + ", workerIdentityRefused="
        + workerIdentityRefused
        + ", localFromSocketOnly="
        + localFromSocketOnly
        + ", silentApproval="
        + (silentApproval == null ? "none" : silentApproval.name())
        + ", detailCodesNotSent="
        + detailCodesNotSent
        + "]";
  }

  /** Builds a reading; every setting starts at what the evidence layer did before it existed. */
  public static final class Builder {

    private boolean foreignHostIsRemote = true;
    private @Nullable ConnectSchema schema;
    private boolean sharedSecretFromEitherField = false;
    private boolean deviceTokenNeedsScopeBaseline = false;
    private boolean deviceTokenScopeMismatch = false;
    private boolean pinnedMetadataAliases = false;
    private boolean ingressAttribution = false;
    private boolean workerIdentityRefused = false;
    private boolean localFromSocketOnly = false;
    private @Nullable SilentApproval silentApproval;
    private Set<RejectCode> detailCodesNotSent = Set.of();

    private Builder() {}

    /**
     * Sets {@link RequestReading#ingressAttribution()}.
     *
     * @param attributed whether the client is attributed from the socket as OpenClaw 2026.9 does
     * @return this builder
     */
    public Builder ingressAttribution(boolean attributed) {
      this.ingressAttribution = attributed;
      return this;
    }

    /**
     * Sets {@link RequestReading#localFromSocketOnly()}.
     *
     * @param socketOnly whether locality is the socket's alone
     * @return this builder
     */
    public Builder localFromSocketOnly(boolean socketOnly) {
      this.localFromSocketOnly = socketOnly;
      return this;
    }

    /**
     * Sets {@link RequestReading#workerIdentityRefused()}.
     *
     * @param refused whether a worker identity is refused on the gateway's route
     * @return this builder
     */
    public Builder workerIdentityRefused(boolean refused) {
      this.workerIdentityRefused = refused;
      return this;
    }

    /**
     * Sets {@link RequestReading#silentApproval()}.
     *
     * @param approval the release's silent-approval test, or null when only the first requirement
     *     counts
     * @return this builder
     */
    public Builder silentApproval(@Nullable SilentApproval approval) {
      this.silentApproval = approval;
      return this;
    }

    /**
     * Sets {@link RequestReading#pinnedMetadataAliases()}.
     *
     * @param aliases whether the pinned metadata is compared through 2026.9's aliases
     * @return this builder
     */
    public Builder pinnedMetadataAliases(boolean aliases) {
      this.pinnedMetadataAliases = aliases;
      return this;
    }

    /**
     * Sets {@link RequestReading#detailCodesNotSent()}.
     *
     * @param codes the codes the release answers without {@code error.details.code}
     * @return this builder
     */
    public Builder detailCodesNotSent(Set<RejectCode> codes) {
      this.detailCodesNotSent = Set.copyOf(codes);
      return this;
    }

    /**
     * Sets {@link RequestReading#schema()}.
     *
     * @param schema the release's connect schema, or null for none
     * @return this builder
     */
    public Builder schema(@Nullable ConnectSchema schema) {
      this.schema = schema;
      return this;
    }

    /**
     * Sets {@link RequestReading#deviceTokenNeedsScopeBaseline()}.
     *
     * @param needed whether a record without a scope list fails every device token
     * @return this builder
     */
    public Builder deviceTokenNeedsScopeBaseline(boolean needed) {
      this.deviceTokenNeedsScopeBaseline = needed;
      return this;
    }

    /**
     * Sets {@link RequestReading#sharedSecretFromEitherField()}.
     *
     * @param either whether the other kind's field stands in for an absent one
     * @return this builder
     */
    public Builder sharedSecretFromEitherField(boolean either) {
      this.sharedSecretFromEitherField = either;
      return this;
    }

    /**
     * Sets {@link RequestReading#deviceTokenScopeMismatch()}.
     *
     * @param own whether a scope shortfall of a matching device token is {@code scope_mismatch}
     * @return this builder
     */
    public Builder deviceTokenScopeMismatch(boolean own) {
      this.deviceTokenScopeMismatch = own;
      return this;
    }

    /**
     * Sets {@link RequestReading#foreignHostIsRemote()}.
     *
     * @param remote whether a foreign Host makes a loopback socket remote
     * @return this builder
     */
    public Builder foreignHostIsRemote(boolean remote) {
      this.foreignHostIsRemote = remote;
      return this;
    }

    /**
     * Builds the reading.
     *
     * @return the reading
     */
    public RequestReading build() {
      return new RequestReading(this);
    }
  }
}

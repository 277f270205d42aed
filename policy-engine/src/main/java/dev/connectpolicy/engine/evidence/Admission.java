package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.internal.ConnectSchema;
import dev.connectpolicy.engine.internal.OpenClawText;
import dev.connectpolicy.engine.internal.RequestReading;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The evidence layer's entry point: from the raw request a gateway holds to the facts of a {@link
 * ConnectContext}, and to a decision.
 *
 * <pre>{@code
 * ConnectRequest request = new ConnectRequest(
 *     new ConnectFrame(
 *         new ClientInfo("node-host", "node", clientVersion, "linux", null),
 *         "node", List.of(), Credentials.token(frameToken), deviceIdentity),
 *     SocketInfo.of(remoteAddress, Map.of("host", hostHeader)),
 *     challengeNonce,
 *     System.currentTimeMillis(),
 *     GatewayConfig.of(GatewayAuth.token(configuredToken)),
 *     pairingStore.lookup(deviceIdentity.id()));
 * Admission.Result result = Admission.admit(ConnectPolicies.recommended(), request);
 * if (result.decision() instanceof Reject reject) {
 *   closeWith(reject.close());
 * }
 * }</pre>
 *
 * <p>What it establishes, and how (each in OpenClaw's terms, reference sections 1.4 to 2.7 and 4):
 *
 * <ul>
 *   <li><b>device proof</b>: the Ed25519 key decodes and its SHA-256 is the device id, the
 *       signature is at most two minutes old, the signed nonce is the challenge, the signature
 *       verifies over the v3 payload, else the v2 one ({@link Ed25519Verifier}: BouncyCastle by
 *       default, the JDK's on request); a key of small order is refused ({@code
 *       device-public-key}), unlike in OpenClaw;
 *   <li><b>locality</b>: the client address behind trusted proxies, loopback, with a local-ish Host
 *       and no untrusted forwarding, and OpenClaw's pairing locality classes;
 *   <li><b>Origin</b>: the allow-list, the Host-header fallback flag, a loopback Origin from a
 *       local client;
 *   <li><b>authentication</b>: the shared token or password compared in constant time, or a trusted
 *       proxy's identity headers; then a device token checked against the pairing record. Tailscale
 *       Serve identity needs a whois lookup and is not supported: no request is ever authenticated
 *       with method {@code tailscale}. Bootstrap tokens need the gateway's bootstrap store and
 *       never authenticate ({@code bootstrap_token_invalid});
 *   <li><b>pairing</b>: not paired, metadata, role or scope upgrade against the pairing record.
 * </ul>
 *
 * <p>Every request accepted here yields facts that {@link
 * dev.connectpolicy.api.FactSpace#isConsistent(ConnectContext)} holds consistent. No token,
 * password, signature or nonce reaches the facts, a decision or a message.
 */
@API(status = API.Status.STABLE)
public final class Admission {

  /**
   * The {@code decidedBy} of a frame refused by its release's connect schema, before any rule:
   * {@code INVALID_CONNECT_PARAMS}, message "invalid connect params: ..." as the release words it.
   */
  public static final String CONNECT_SCHEMA = "connect.schema";

  /**
   * The {@code decidedBy} of a first frame that claims a worker's identity on the gateway's route,
   * under a release that admits workers on their own route only: {@code INVALID_HANDSHAKE}, closed
   * 1008 {@code invalid-handshake} without a response, before the connect schema.
   */
  public static final String WORKER_IDENTITY = "connect.worker-identity";

  /**
   * The {@code decidedBy} of an upgrade refused because the client cannot be attributed: {@code
   * PROXY_ATTRIBUTION_REQUIRED}, HTTP {@value #PROXY_ATTRIBUTION_STATUS}, reason {@code
   * proxy_attribution_required}.
   */
  public static final String PROXY_ATTRIBUTION = "upgrade.proxy-attribution";

  /** The HTTP status of an upgrade refused for proxy attribution. */
  public static final int PROXY_ATTRIBUTION_STATUS = 403;

  private static final UpgradeDecision PROXY_ATTRIBUTION_REFUSED =
      UpgradeDecision.reject(
          PROXY_ATTRIBUTION_STATUS,
          Reject.of(
              RejectCode.PROXY_ATTRIBUTION_REQUIRED,
              OpenClawText.PROXY_ATTRIBUTION_REASON,
              OpenClawText.PROXY_ATTRIBUTION_REQUIRED,
              PROXY_ATTRIBUTION));

  private static final Reject WORKER_IDENTITY_REFUSED =
      new Reject(
          RejectCode.INVALID_HANDSHAKE,
          null,
          OpenClawText.INVALID_HANDSHAKE,
          Close.of(Close.POLICY_VIOLATION, OpenClawText.INVALID_HANDSHAKE),
          WORKER_IDENTITY,
          null,
          null);

  private Admission() {}

  /**
   * Derives the facts of a request.
   *
   * @param request the raw request
   * @return the facts
   * @throws InvalidContextException naming the field, if the socket address, a trusted proxy entry
   *     or the pairing record's public key is malformed
   */
  public static ConnectContext facts(ConnectRequest request) {
    return facts(request, Ed25519Verifier.defaultVerifier());
  }

  /**
   * Derives the facts of a request, verifying its device signature with the given library.
   *
   * @param request the raw request
   * @param verifier the library that verifies the device signature
   * @return the facts
   * @throws InvalidContextException naming the field, if the socket address, a trusted proxy entry
   *     or the pairing record's public key is malformed
   */
  public static ConnectContext facts(ConnectRequest request, Ed25519Verifier verifier) {
    Objects.requireNonNull(verifier, "verifier");
    return Evidence.derive(request, verifier, RequestReading.DEFAULT).context();
  }

  /**
   * Derives the facts known when the HTTP upgrade request arrives, for {@link
   * ConnectPolicy#evaluateUpgrade}: the socket's locality ({@code direct_local} or {@code remote}),
   * the Origin check and the configured authentication mode. OpenClaw's handshake carries its
   * credentials in the connect frame, so the upgrade carries none; no failed attempt is counted.
   *
   * <pre>{@code
   * UpgradeDecision upgrade =
   *     policy.evaluateUpgrade(Admission.upgrade(SocketInfo.of(remoteAddress, headers), config));
   * if (upgrade.isRejected()) {
   *   respond(upgrade.status(), upgrade.reject().message());
   * }
   * }</pre>
   *
   * @param socket the peer's address and the upgrade request's headers
   * @param gateway the gateway's configuration
   * @return the upgrade's facts
   * @throws InvalidContextException naming the field, if the socket address or a trusted proxy
   *     entry is malformed
   */
  public static UpgradeContext upgrade(SocketInfo socket, GatewayConfig gateway) {
    return Evidence.upgrade(socket, gateway, RequestReading.DEFAULT);
  }

  /**
   * Decides the HTTP upgrade request as the release the policy models does, before the WebSocket
   * exists: a release that attributes the client from the socket (OpenClaw 2026.9) refuses an
   * unattributable one, forwarding headers from a peer that is not a trusted proxy or a trusted
   * proxy that names no client address, with {@value #PROXY_ATTRIBUTION_STATUS} and {@code
   * PROXY_ATTRIBUTION_REQUIRED} ({@value #PROXY_ATTRIBUTION}, reason {@code
   * proxy_attribution_required}, OpenClaw's message); otherwise the policy decides the upgrade's
   * facts ({@link #upgrade}, read as the release reads the socket), which for OpenClaw's profiles
   * defers to the connect phase. Any policy that is not a profile reads the socket as {@link
   * #upgrade} does and refuses nothing here.
   *
   * <pre>{@code
   * UpgradeDecision upgrade = Admission.admitUpgrade(policy, socket, config);
   * if (upgrade.isRejected()) {
   *   respond(upgrade.status(), upgrade.reject().message());
   * }
   * }</pre>
   *
   * @param policy the policy to apply
   * @param socket the peer's address and the upgrade request's headers
   * @param gateway the gateway's configuration
   * @return the decision on the upgrade
   * @throws InvalidContextException naming the field, if the socket address or a trusted proxy
   *     entry is malformed
   */
  public static UpgradeDecision admitUpgrade(
      ConnectPolicy policy, SocketInfo socket, GatewayConfig gateway) {
    Objects.requireNonNull(policy, "policy");
    RequestReading reading = reading(policy);
    if (Evidence.unattributable(socket, gateway, reading)) {
      return PROXY_ATTRIBUTION_REFUSED;
    }
    return policy.evaluateUpgrade(Evidence.upgrade(socket, gateway, reading));
  }

  /**
   * Derives the facts of a request and decides them. Malformed input does not throw: it is rejected
   * with {@code INVALID_CONTEXT}, the message naming the field. For a named profile's policy
   * (interpreted or compiled) the facts are derived as the release it models reads the request;
   * {@link #facts} and any other policy read it as this layer always has: a loopback socket is
   * local only with a local-ish {@code Host}, and no connect schema is checked. A profile of a
   * release with a connect schema refuses a frame that does not fit it before any rule, as the
   * release does: {@code INVALID_CONNECT_PARAMS} ({@value #CONNECT_SCHEMA}), message "invalid
   * connect params: at /client: must have required property 'version'" or the like, close 1008,
   * with the facts. Before the schema, a release that admits workers on their own route only
   * (OpenClaw 2026.9, and {@code recommended}) refuses a frame claiming a worker's identity as
   * {@code INVALID_HANDSHAKE} ({@value #WORKER_IDENTITY}), closed 1008 {@code invalid-handshake}
   * without a response. The HTTP upgrade is decided before, by {@link #admitUpgrade}; this method
   * decides the connect frame as if the upgrade had proceeded.
   *
   * @param policy the policy to apply, such as {@code ConnectPolicies.recommended()}
   * @param request the raw request
   * @return the decision, the facts it was made on, and the payload version that verified
   * @see Ed25519Verifier#defaultVerifier()
   */
  public static Result admit(ConnectPolicy policy, ConnectRequest request) {
    return admit(policy, request, Ed25519Verifier.defaultVerifier());
  }

  /**
   * Derives the facts of a request and decides them, verifying its device signature with the given
   * library; otherwise as {@link #admit(ConnectPolicy, ConnectRequest)}.
   *
   * @param policy the policy to apply, such as {@code ConnectPolicies.recommended()}
   * @param request the raw request
   * @param verifier the library that verifies the device signature
   * @return the decision, the facts it was made on, and the payload version that verified
   */
  public static Result admit(
      ConnectPolicy policy, ConnectRequest request, Ed25519Verifier verifier) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(verifier, "verifier");
    RequestReading reading = reading(policy);
    Evidence.Derived derived;
    try {
      derived = Evidence.derive(request, verifier, reading);
    } catch (InvalidContextException malformed) {
      return new Result(PolicyJson.invalidContext(malformed, null), null, PayloadVersion.NONE);
    }
    if (reading.workerIdentityRefused() && claimsWorkerIdentity(request.connect())) {
      return new Result(WORKER_IDENTITY_REFUSED, derived.context(), PayloadVersion.NONE);
    }
    ConnectSchema schema = reading.schema();
    String misfit = schema == null ? null : ConnectParamsCheck.failure(request.connect(), schema);
    if (misfit != null) {
      return new Result(
          Reject.of(RejectCode.INVALID_CONNECT_PARAMS, null, misfit, CONNECT_SCHEMA),
          derived.context(),
          PayloadVersion.NONE);
    }
    return new Result(
        policy.evaluate(derived.context()), derived.context(), derived.payloadVersion());
  }

  /**
   * OpenClaw 2026.9's {@code claimsWorkerConnectionIdentity}: the role {@code worker}, the client
   * id {@code openclaw-worker} or the client mode {@code worker}.
   */
  private static boolean claimsWorkerIdentity(ConnectFrame frame) {
    return frame.role().equals("worker")
        || frame.client().id().equals("openclaw-worker")
        || frame.client().mode().equals("worker");
  }

  /**
   * Tells whether a gateway of the release a policy models sends a rejection's code as {@code
   * error.details.code}. No OpenClaw release sends {@code INVALID_ROLE} or {@code
   * INVALID_CONNECT_PARAMS} there ({@link RejectCode#sentAsDetailCode()}); 2026.3.11 (profiles
   * {@code openclaw-2026.3.11} and {@code openclaw-2026.3.12}) does not send {@code
   * CONTROL_UI_ORIGIN_NOT_ALLOWED} either. For any policy that is not a profile, {@link
   * RejectCode#sentAsDetailCode()}. The decision names its code in every case; this is only what
   * goes on the wire.
   *
   * @param policy the policy that decided, such as {@code ConnectPolicies.profile(name)}
   * @param code the rejection's code
   * @return true if the code is sent as {@code error.details.code}
   */
  @API(status = API.Status.EXPERIMENTAL)
  public static boolean sendsDetailCode(ConnectPolicy policy, RejectCode code) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(code, "code");
    return reading(policy).sendsDetailCode(code);
  }

  /**
   * How the release the policy models reads the raw request: the reading of the named profile whose
   * policy it is (a compiled policy is registered with the reading of the pipeline it was compiled
   * from), the evidence layer's default for any other policy.
   */
  static RequestReading reading(ConnectPolicy policy) {
    return RequestReading.of(policy);
  }

  /** The outcome of {@link #admit}: the decision, the facts and the payload version. */
  @API(status = API.Status.STABLE)
  public static final class Result {

    private final Decision decision;
    private final @Nullable ConnectContext facts;
    private final PayloadVersion payloadVersion;

    private Result(
        Decision decision, @Nullable ConnectContext facts, PayloadVersion payloadVersion) {
      this.decision = decision;
      this.facts = facts;
      this.payloadVersion = payloadVersion;
    }

    /**
     * Returns the decision.
     *
     * @return the policy's decision, or an {@code INVALID_CONTEXT} reject for malformed input
     */
    public Decision decision() {
      return decision;
    }

    /**
     * Returns the facts the decision was made on.
     *
     * @return the derived facts, or empty when the input was malformed
     */
    public Optional<ConnectContext> facts() {
      return Optional.ofNullable(facts);
    }

    /**
     * Returns which device-auth payload the device signature verified over.
     *
     * @return v3 or v2 for a verified proof; none without a device or when the proof failed
     */
    public PayloadVersion payloadVersion() {
      return payloadVersion;
    }

    @Override
    public String toString() {
      return "Admission.Result[decision="
          + decision
          + ", facts="
          + facts
          + ", payloadVersion="
          + payloadVersion.wire()
          + "]";
    }
  }
}

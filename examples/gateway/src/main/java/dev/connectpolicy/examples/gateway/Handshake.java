package dev.connectpolicy.examples.gateway;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.ErrorClass;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectFrame;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.DeviceIdentity;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PairedDevice;
import dev.connectpolicy.engine.evidence.SocketInfo;
import dev.connectpolicy.engine.evidence.TrustedProxyAuth;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenClaw's connect handshake without the transport: the answer to the client's first frame
 * (reference sections 2.1 R0 to R2 and 3), then the engine's decision. {@link HandshakeEndpoint}
 * carries it over a Jetty session.
 */
final class Handshake {

  /** OpenClaw's limit on a frame before the handshake (R0a, O4). */
  static final int MAX_PREAUTH_PAYLOAD_BYTES = 64 * 1024;

  /** The close code of a frame over the pre-handshake limit: message too big. */
  static final int MESSAGE_TOO_BIG = 1009;

  /** The rule id of an upgrade refused because the policy threw. */
  static final String UPGRADE_FAILED = "gateway.upgrade-failed";

  /** The close code of a protocol mismatch (O6). */
  static final int PROTOCOL_ERROR = 1002;

  /** The log line of a connection the benchmark floor answered. */
  static final String FLOOR_SUMMARY =
      "accepted by the benchmark floor: constant hello-ok, no admission";

  private final ConnectPolicy policy;
  private final GatewayConfig config;
  private final PairingStore pairings;
  private final Clock clock;
  private final String serverVersion;

  /** The benchmark floor's one answer; null in every gateway that admits. */
  private final @Nullable Answer floor;

  Handshake(
      ConnectPolicy policy,
      GatewayConfig config,
      PairingStore pairings,
      Clock clock,
      String serverVersion) {
    this(policy, config, pairings, clock, serverVersion, false);
  }

  /**
   * Creates the handshake.
   *
   * @param benchmarkFloor true only for the load benchmark's transport floor: no policy is asked,
   *     every upgrade proceeds and every first message is answered with the same {@code hello-ok},
   *     whatever it holds, so that the gateway's CPU per connection can be measured without
   *     admission. Never for real clients: it admits anyone.
   */
  Handshake(
      ConnectPolicy policy,
      GatewayConfig config,
      PairingStore pairings,
      Clock clock,
      String serverVersion,
      boolean benchmarkFloor) {
    this.policy = policy;
    this.config = config;
    this.pairings = pairings;
    this.clock = clock;
    this.serverVersion = serverVersion;
    this.floor =
        benchmarkFloor ? new Answer(Frames.floorHelloOk(serverVersion), null, FLOOR_SUMMARY) : null;
  }

  /**
   * Whether this is the benchmark floor, which admits anyone.
   *
   * @return true only for the load benchmark's floor
   */
  boolean benchmarkFloor() {
    return floor != null;
  }

  /**
   * What the gateway answers: a response frame or none, then a close or none (the connection is
   * then open), and a line for the log that holds no secret.
   */
  record Answer(@Nullable String frame, @Nullable Close close, String summary) {

    static Answer closeOnly(int code, String reason) {
      return new Answer(null, Close.of(code, reason), "closed: " + reason);
    }
  }

  /**
   * Whether admission reads an upgrade header: Host, Origin, the forwarding headers, Tailscale's
   * identity headers (which OpenClaw 2026.9 counts with them), and the trusted proxy's identity
   * headers. The others (cookies among them) are not handed to the engine, whose size bounds they
   * could only break.
   *
   * @param name the header name, lower case
   * @return whether to hand the header to the engine
   */
  boolean admissionReads(String name) {
    if (name.equals("host")
        || name.equals("origin")
        || name.equals("forwarded")
        || name.equals("x-real-ip")
        || name.startsWith("x-forwarded-")
        || name.startsWith("tailscale-")) {
      return true;
    }
    TrustedProxyAuth proxy = config.auth().trustedProxy();
    return proxy != null
        && (name.equals(proxy.userHeader().toLowerCase(Locale.ROOT))
            || proxy.requiredHeaders().stream()
                .anyMatch(header -> name.equals(header.toLowerCase(Locale.ROOT))));
  }

  /**
   * Decides the upgrade request of a connection ({@link ConnectPolicy#evaluateUpgrade}) from the
   * facts the evidence layer derives from its socket. Upgrade facts the engine refuses are left to
   * the connect request, which {@code admit} answers with {@code INVALID_CONTEXT} naming the field;
   * a policy that throws refuses the upgrade with status 500.
   *
   * @param socket the peer's address and the headers admission reads
   * @return the decision: accept or defer (the upgrade proceeds), or reject with its HTTP status
   */
  UpgradeDecision upgrade(Socket socket) {
    if (floor != null) {
      return UpgradeDecision.deferred();
    }
    try {
      return Admission.admitUpgrade(
          policy, SocketInfo.of(socket.remoteAddress(), socket.headers()), config);
    } catch (InvalidContextException malformed) {
      return UpgradeDecision.deferred();
    } catch (Throwable bug) {
      Close close = Close.of(Close.INTERNAL_ERROR, "internal error");
      return UpgradeDecision.reject(
          500,
          new Reject(
              RejectCode.INTERNAL_ERROR, null, close.reason(), close, UPGRADE_FAILED, null, null));
    }
  }

  /**
   * The challenge to send on open.
   *
   * @param nonce the fresh nonce of this connection
   * @return the {@code connect.challenge} event
   */
  String challenge(String nonce) {
    return Frames.challenge(nonce, clock.millis());
  }

  /**
   * Answers the first message of a connection. Fails closed: anything thrown, errors included, is
   * answered {@code 1011 internal error}, with the class of what was thrown in the log line only,
   * since its message might quote the input.
   *
   * @param text the message as received, within {@link #MAX_PREAUTH_PAYLOAD_BYTES}
   * @param socket the connection's peer address and the upgrade headers admission reads
   * @param nonce the nonce sent in this connection's challenge
   * @param connId the connection's id
   * @return the answer
   */
  Answer answer(String text, Socket socket, String nonce, String connId) {
    if (floor != null) {
      return floor;
    }
    try {
      return answerRequest(text, socket, nonce, connId);
    } catch (Throwable bug) {
      return new Answer(
          null,
          Close.of(Close.INTERNAL_ERROR, "internal error"),
          "closed: internal error; error " + bug.getClass().getName());
    }
  }

  private Answer answerRequest(String text, Socket socket, String nonce, String connId) {
    Frames.Request request = Frames.request(text);
    if (request == null) {
      return Answer.closeOnly(Close.POLICY_VIOLATION, "invalid request frame");
    }
    if (!request.method().equals("connect")) {
      return invalid(request.id(), "invalid handshake: first request must be connect");
    }
    Frames.ConnectParams params;
    try {
      params = Frames.connectParams(request.params());
    } catch (InvalidContextException malformed) {
      return invalid(request.id(), "invalid connect params: " + malformed.getMessage());
    }
    if (params.maxProtocol() < Frames.PROTOCOL || params.minProtocol() > Frames.PROTOCOL) {
      String message = "protocol mismatch";
      return new Answer(
          Frames.error(
              request.id(), ErrorClass.INVALID_REQUEST.wire(), message, Frames.protocolMismatch()),
          Close.of(PROTOCOL_ERROR, message),
          "closed: " + message);
    }
    Decision decision = decide(params.frame(), socket, nonce);
    return decision.fold(
        accept -> accepted(request.id(), accept, connId), reject -> rejected(request.id(), reject));
  }

  private Decision decide(ConnectFrame frame, Socket socket, String nonce) {
    DeviceIdentity device = frame.device();
    PairedDevice record = device == null ? null : pairings.lookup(device.id());
    try {
      ConnectRequest request =
          new ConnectRequest(
              frame,
              SocketInfo.of(socket.remoteAddress(), socket.headers()),
              nonce,
              clock.millis(),
              config,
              record);
      return Admission.admit(policy, request).decision();
    } catch (InvalidContextException malformed) {
      // The socket's headers, not the client's frame: answered as admit answers malformed input.
      return PolicyJson.invalidContext(malformed, null);
    }
  }

  private Answer accepted(String id, Accept accept, String connId) {
    return new Answer(
        Frames.helloOk(id, accept, serverVersion, connId),
        null,
        "accepted as "
            + accept.role().wire()
            + " with scopes "
            + accept.scopes()
            + (accept.scopesCleared() ? " (cleared)" : "")
            + ", pairing "
            + accept.pairing().wire()
            + ", by "
            + accept.decidedBy());
  }

  private Answer rejected(String id, Reject reject) {
    // a rejection OpenClaw answers with a bare close (a worker identity on the gateway's route)
    String frame = reject.code().sentAsErrorResponse() ? Frames.rejected(id, reject, policy) : null;
    return new Answer(frame, reject.close(), "rejected " + summary(reject));
  }

  /**
   * A rejection for the log: code, message and deciding rule.
   *
   * @param reject the rejection
   * @return {@code CODE (message) by rule}
   */
  static String summary(Reject reject) {
    return reject.code().wire() + " (" + reject.message() + ") by " + reject.decidedBy();
  }

  private static Answer invalid(String id, String message) {
    return new Answer(
        Frames.error(id, ErrorClass.INVALID_REQUEST.wire(), message, null),
        Close.of(Close.POLICY_VIOLATION, message),
        "closed: " + message);
  }

  /**
   * The socket of a connection as admission sees it.
   *
   * @param remoteAddress the peer's IP address
   * @param headers the upgrade headers admission reads, by lower-case name
   */
  record Socket(String remoteAddress, Map<String, String> headers) {}
}

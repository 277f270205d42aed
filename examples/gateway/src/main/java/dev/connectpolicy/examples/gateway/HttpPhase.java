package dev.connectpolicy.examples.gateway;

import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.UpgradeDecision;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP phase of a connection, from the TCP accept to the WebSocket: the handshake deadline,
 * which starts at the accept and closes a connection whose upgrade request has not arrived by then
 * (slowloris included: bytes that keep arriving do not move it), and whose timer, one per
 * connection, then closes the WebSocket that has not sent its connect request by then; the policy's
 * decision on the upgrade request ({@link dev.connectpolicy.api.ConnectPolicy#evaluateUpgrade}),
 * which may refuse it with an HTTP status; and the log line of a connection that never becomes a
 * WebSocket.
 *
 * <p>As a {@link Connection.Listener} of the connector it sees every HTTP connection open and close
 * (an upgrade closes the HTTP connection and opens the WebSocket one on the same socket); as the
 * {@link WebSocketCreator} of the path it answers the upgrade requests.
 */
final class HttpPhase implements Connection.Listener, WebSocketCreator {

  private final Handshake handshake;
  private final Scheduler scheduler;
  private final Duration timeout;
  private final ConnectionLog log;
  private final Map<Connection, Phase> phases = new ConcurrentHashMap<>();

  HttpPhase(Handshake handshake, Scheduler scheduler, Duration timeout, ConnectionLog log) {
    this.handshake = handshake;
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.log = log;
  }

  /** One HTTP connection's deadline and what became of it. */
  private static final class Phase {
    static final String OPEN = "closed before the upgrade";

    final long deadline;
    final String remoteAddress;
    volatile Scheduler.@Nullable Task timer;

    /** The WebSocket endpoint the connection was handed to, which the timer then closes. */
    volatile @Nullable HandshakeEndpoint endpoint;

    /** The log line's text; null once the connection is handed to a WebSocket endpoint. */
    volatile @Nullable String outcome = OPEN;

    Phase(long deadline, String remoteAddress) {
      this.deadline = deadline;
      this.remoteAddress = remoteAddress;
    }
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof ConnectionMetaData http) {
      Phase phase =
          new Phase(System.nanoTime() + timeout.toNanos(), address(http.getRemoteSocketAddress()));
      phases.put(connection, phase);
      phase.timer =
          scheduler.schedule(
              () -> expired(connection, phase), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void expired(Connection connection, Phase phase) {
    HandshakeEndpoint endpoint = phase.endpoint;
    if (endpoint != null) {
      endpoint.deadlinePassed(); // the same deadline, after the upgrade
      return;
    }
    // a refused upgrade keeps its line
    if (Phase.OPEN.equals(phase.outcome)) {
      phase.outcome =
          "closed: handshake timeout before the upgrade after " + timeout.toMillis() + " ms";
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    Phase phase = phases.remove(connection);
    if (phase != null) {
      Scheduler.Task timer = phase.timer;
      // upgraded: the WebSocket endpoint keeps the timer, one per connection, and cancels it
      if (timer != null && phase.endpoint == null) {
        timer.cancel();
      }
      String outcome = phase.outcome;
      if (outcome != null) {
        log.connection("-", phase.remoteAddress, outcome);
      }
    }
  }

  @Override
  public @Nullable Object createWebSocket(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    Handshake.Socket socket = socket(request);
    Phase phase = phases.get(request.getConnectionMetaData().getConnection());
    if (phase == null) {
      phase = new Phase(System.nanoTime() + timeout.toNanos(), socket.remoteAddress());
    }
    UpgradeDecision decision = handshake.upgrade(socket);
    Reject refused = decision.reject();
    if (refused != null) {
      phase.outcome =
          "refused at the upgrade with status "
              + decision.status()
              + ": "
              + Handshake.summary(refused);
      response.setStatus(decision.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      response.write(
          true,
          ByteBuffer.wrap(Frames.upgradeRefused(refused).getBytes(StandardCharsets.UTF_8)),
          callback);
      return null;
    }
    phase.outcome = null;
    // No extension, as OpenClaw's gateway (perMessageDeflate: false): a client offering
    // permessage-deflate, as Node's ws client does by default, would cost a Deflater and an
    // Inflater per connection for frames of a few hundred bytes.
    response.setExtensions(List.of());
    PreauthLimits.Permit permit =
        request.getConnectionMetaData().getConnection().getEndPoint()
                instanceof LimitingConnector.PermitEndPoint limited
            ? limited.permit
            : PreauthLimits.Permit.NONE;
    HandshakeEndpoint endpoint =
        new HandshakeEndpoint(
            handshake, socket, scheduler, phase.deadline, phase.timer, timeout, log, permit);
    phase.endpoint = endpoint;
    return endpoint;
  }

  /** The peer's address and the headers admission reads, repeated ones joined as Node.js does. */
  private Handshake.Socket socket(ServerUpgradeRequest request) {
    Map<String, List<String>> values = new TreeMap<>();
    for (HttpField field : request.getHeaders()) {
      String name = field.getLowerCaseName();
      if (handshake.admissionReads(name)) {
        values.computeIfAbsent(name, any -> new ArrayList<>()).add(field.getValue());
      }
    }
    Map<String, String> headers = new TreeMap<>();
    values.forEach((name, list) -> headers.put(name, String.join(", ", list)));
    return new Handshake.Socket(
        address(request.getConnectionMetaData().getRemoteSocketAddress()), headers);
  }

  /** The bare IP address, such as {@code 127.0.0.1}: no port, no brackets, no IPv6 zone. */
  static String address(@Nullable SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      InetAddress address = inet.getAddress();
      String text = address == null ? inet.getHostString() : address.getHostAddress();
      int zone = text.indexOf('%');
      return zone < 0 ? text : text.substring(0, zone);
    }
    return String.valueOf(remote);
  }
}

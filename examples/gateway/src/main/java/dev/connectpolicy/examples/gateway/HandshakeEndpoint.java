package dev.connectpolicy.examples.gateway;

import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ErrorClass;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection: sends the challenge on open, answers the first frame with {@link Handshake}, and
 * closes a client that sends nothing within the handshake timeout. Jetty calls the listener methods
 * one at a time; the timeout runs on Jetty's scheduler, so the state is atomic.
 *
 * <p>Public only because Jetty calls the listener methods through a public method lookup; only
 * {@link Gateway} creates one.
 */
public final class HandshakeEndpoint implements Session.Listener.AutoDemanding {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  /** Longest method name quoted back in an error. */
  private static final int MAX_ECHO = 64;

  private enum State {
    AWAITING_CONNECT,
    ANSWERING,
    CONNECTED,
    CLOSED
  }

  private final Handshake handshake;
  private final Handshake.Socket socket;
  private final Scheduler scheduler;
  private final Duration handshakeTimeout;
  private final String connId = UUID.randomUUID().toString();
  // 122 random bits from the JDK's SecureRandom, as OpenClaw's randomUUID() nonce.
  private final String nonce = UUID.randomUUID().toString();
  private final AtomicReference<State> state = new AtomicReference<>(State.AWAITING_CONNECT);
  private volatile @Nullable Session session;
  private volatile Scheduler.@Nullable Task timer;

  HandshakeEndpoint(
      Handshake handshake,
      Handshake.Socket socket,
      Scheduler scheduler,
      Duration handshakeTimeout) {
    this.handshake = handshake;
    this.socket = socket;
    this.scheduler = scheduler;
    this.handshakeTimeout = handshakeTimeout;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    session.sendText(handshake.challenge(nonce), Callback.NOOP);
    timer = scheduler.schedule(this::timedOut, handshakeTimeout);
  }

  private void timedOut() {
    Session open = session;
    if (open != null && state.compareAndSet(State.AWAITING_CONNECT, State.CLOSED)) {
      log("closed: handshake timeout after " + handshakeTimeout.toMillis() + " ms");
      Close close = Close.of(Close.POLICY_VIOLATION, Gateway.HANDSHAKE_TIMEOUT_REASON);
      open.close(close.code(), close.reason(), Callback.NOOP);
    }
  }

  @Override
  public void onWebSocketText(String text) {
    Session open = session;
    if (open == null) {
      return;
    }
    if (state.compareAndSet(State.AWAITING_CONNECT, State.ANSWERING)) {
      cancelTimer();
      Handshake.Answer answer;
      try {
        answer = handshake.answer(text, socket, nonce, connId);
      } catch (RuntimeException bug) {
        // Fail closed; the exception's class only, since its message might quote the input.
        answer = Handshake.Answer.closeOnly(Close.INTERNAL_ERROR, "internal error");
        LOG.warn("conn={} handshake failed: {}", connId, bug.getClass().getName());
      }
      log(answer.summary());
      send(open, answer.frame(), answer.close());
    } else if (state.get() == State.CONNECTED) {
      afterHandshake(open, text);
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    callback.succeed();
    Session open = session;
    if (open != null && state.compareAndSet(State.AWAITING_CONNECT, State.ANSWERING)) {
      // OpenClaw reads frames as JSON text: a binary first frame is no request frame (O1).
      cancelTimer();
      log("closed: invalid request frame");
      send(open, null, Close.of(Close.POLICY_VIOLATION, "invalid request frame"));
    }
  }

  /** This example serves no methods: every request after the handshake is answered as unknown. */
  private void afterHandshake(Session open, String text) {
    Frames.Request request = Frames.request(text);
    if (request != null) {
      String method = request.method();
      String quoted = method.length() > MAX_ECHO ? method.substring(0, MAX_ECHO) + "..." : method;
      open.sendText(
          Frames.error(
              request.id(), ErrorClass.INVALID_REQUEST.wire(), "unknown method: " + quoted, null),
          Callback.NOOP);
    }
  }

  private void send(Session open, @Nullable String frame, @Nullable Close close) {
    state.set(close == null ? State.CONNECTED : State.CLOSED);
    if (frame == null) {
      closeWith(open, close);
      return;
    }
    // The close goes out once the frame has: the client reads the error before the close.
    open.sendText(
        frame, Callback.from(() -> closeWith(open, close), failed -> closeWith(open, close)));
  }

  private static void closeWith(Session open, @Nullable Close close) {
    if (close != null) {
      open.close(close.code(), close.reason(), Callback.NOOP);
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, @Nullable String reason, Callback callback) {
    state.set(State.CLOSED);
    cancelTimer();
    callback.succeed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    state.set(State.CLOSED);
    cancelTimer();
    LOG.debug("conn={} remote={} error: {}", connId, socket.remoteAddress(), cause.toString());
  }

  private void cancelTimer() {
    Scheduler.Task task = timer;
    if (task != null) {
      task.cancel();
    }
  }

  private void log(String summary) {
    LOG.info("conn={} remote={} {}", connId, socket.remoteAddress(), summary);
  }
}

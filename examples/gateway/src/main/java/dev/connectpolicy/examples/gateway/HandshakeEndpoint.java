package dev.connectpolicy.examples.gateway;

import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ErrorClass;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection: sends the challenge on open, assembles each message from its frames
 * within the limit of the connection's phase, answers the first message with {@link Handshake},
 * closes a client that sends nothing by the handshake deadline, and writes the connection's one log
 * line when it closes. Jetty calls the listener methods one at a time; the deadline runs on Jetty's
 * scheduler, so the state is atomic.
 *
 * <p>Messages are read frame by frame ({@link #onWebSocketFrame}), not through Jetty's message
 * aggregation, and one frame at a time: the endpoint asks Jetty for the next frame ({@link
 * Session#demand()}) only when it is done with the last. Before the handshake the whole message,
 * fragments included, is held to {@value Handshake#MAX_PREAUTH_PAYLOAD_BYTES} bytes, and the
 * connection is closed as soon as the bytes received pass it, so an unauthenticated client can
 * never make the gateway hold more; the gateway then reads nothing more from it and drops the
 * connection shortly after the close. Every listener method catches everything: what reaches the
 * client is one of the gateway's own close reasons, never the text of a Java exception or error.
 *
 * <p>Public only because Jetty calls the listener methods through a public method lookup; only
 * {@link HttpPhase} creates one.
 */
public final class HandshakeEndpoint implements Session.Listener {

  /** Longest method name quoted back in an error. */
  private static final int MAX_ECHO = 64;

  /**
   * How long a client in the middle of a message too big has to read the gateway's close before the
   * gateway drops the connection: it reads nothing more from it, so the closing handshake cannot
   * complete.
   */
  private static final Duration DROP_AFTER_CLOSE = Duration.ofMillis(500);

  /** The close code of a text message that is not UTF-8. */
  private static final int INVALID_PAYLOAD = 1007;

  private enum State {
    AWAITING_CONNECT,
    ANSWERING,
    CONNECTED,
    CLOSING
  }

  private final Handshake handshake;
  private final Handshake.Socket socket;
  private final Scheduler scheduler;
  private final long deadline;
  private final Duration handshakeTimeout;
  private final ConnectionLog log;
  private final PreauthLimits.Permit permit;
  private final String connId;
  // 122 random bits from the JDK's SecureRandom, as OpenClaw's randomUUID() nonce.
  private final String nonce;
  private final AtomicReference<State> state = new AtomicReference<>(State.AWAITING_CONNECT);
  private final Message message = new Message();
  private volatile @Nullable Session session;
  private volatile Scheduler.@Nullable Task timer;
  private volatile String outcome = "closed before a connect request";
  private volatile @Nullable String error;
  private volatile boolean reading = true;
  private final boolean scheduleDeadline;

  /**
   * Creates the endpoint of one upgraded connection.
   *
   * @param deadline the handshake deadline, on {@link System#nanoTime()}'s clock: the connect
   *     request must have arrived by then
   * @param deadlineTimer the timer of the HTTP phase, which calls {@link #deadlinePassed()} at the
   *     deadline and which this endpoint cancels once the connect request has arrived; null to
   *     schedule one on open
   * @param handshakeTimeout the handshake timeout, for the log and for the closing handshake
   * @param permit the connection's place among the unauthenticated ones, given back on {@code
   *     hello-ok}
   */
  HandshakeEndpoint(
      Handshake handshake,
      Handshake.Socket socket,
      Scheduler scheduler,
      long deadline,
      Scheduler.@Nullable Task deadlineTimer,
      Duration handshakeTimeout,
      ConnectionLog log,
      PreauthLimits.Permit permit) {
    String[] ids = Ids.twoRandomUuids();
    this.connId = ids[0];
    this.nonce = ids[1];
    this.timer = deadlineTimer;
    this.scheduleDeadline = deadlineTimer == null;
    this.permit = permit;
    this.handshake = handshake;
    this.socket = socket;
    this.scheduler = scheduler;
    this.deadline = deadline;
    this.handshakeTimeout = handshakeTimeout;
    this.log = log;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    try {
      session.sendText(handshake.challenge(nonce), Callback.NOOP);
      session.demand();
      if (scheduleDeadline) {
        timer =
            scheduler.schedule(
                this::deadlinePassed,
                Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
      } else if (System.nanoTime() - deadline >= 0) {
        deadlinePassed(); // the HTTP phase's timer fired before the session was open
      }
    } catch (Throwable failed) {
      failClosed(session, failed);
    }
  }

  /** Closes the connection with {@code 1008 handshake timeout} if no connect request came. */
  void deadlinePassed() {
    Session open = session;
    if (open != null && state.compareAndSet(State.AWAITING_CONNECT, State.CLOSING)) {
      close(
          open,
          null,
          Close.of(Close.POLICY_VIOLATION, Gateway.HANDSHAKE_TIMEOUT_REASON),
          "closed: handshake timeout after " + handshakeTimeout.toMillis() + " ms");
    }
  }

  @Override
  public void onWebSocketFrame(Frame frame, Callback callback) {
    Session open = session;
    try {
      if (open != null && !frame.getType().isControl()) {
        receive(open, frame);
      }
    } catch (Throwable failed) {
      if (open != null) {
        failClosed(open, failed);
      }
    } finally {
      callback.succeed();
      if (open != null && reading) {
        open.demand();
      }
    }
  }

  /**
   * Adds a data frame (text, binary, continuation) to the message, within the phase's limit;
   * answers a complete message.
   */
  private void receive(Session open, Frame frame) {
    State now = state.get();
    if (now != State.AWAITING_CONNECT && now != State.CONNECTED) {
      return; // closing: the rest of what the client sends is read and dropped
    }
    if (frame.getType() == Frame.Type.CONTINUATION) {
      if (!message.open) {
        close(open, null, Close.of(Handshake.PROTOCOL_ERROR, "protocol error"), null);
        return;
      }
    } else {
      message.start(frame.getType() == Frame.Type.BINARY);
    }
    int limit =
        now == State.AWAITING_CONNECT
            ? Handshake.MAX_PREAUTH_PAYLOAD_BYTES
            : Gateway.MAX_PAYLOAD_BYTES;
    if (!message.append(frame.getPayload(), limit)) {
      message.reset();
      String reason =
          now == State.AWAITING_CONNECT ? "preauth payload too large" : "message too big";
      close(open, null, Close.of(Handshake.MESSAGE_TOO_BIG, reason), null);
      return;
    }
    if (!frame.isFin()) {
      return;
    }
    boolean binary = message.binary;
    String text = binary ? null : message.text();
    message.reset();
    if (!binary && text == null) {
      close(open, null, Close.of(INVALID_PAYLOAD, "invalid UTF-8"), null);
    } else if (now == State.CONNECTED) {
      if (text != null) {
        afterHandshake(open, text);
      }
    } else if (state.compareAndSet(State.AWAITING_CONNECT, State.ANSWERING)) {
      cancelTimer();
      if (text == null) {
        // OpenClaw reads frames as JSON text: a binary first message is no request frame (O1).
        close(open, null, Close.of(Close.POLICY_VIOLATION, "invalid request frame"), null);
        return;
      }
      Handshake.Answer answer = handshake.answer(text, socket, nonce, connId);
      Close close = answer.close();
      if (close == null) {
        outcome = answer.summary();
        permit.release(true);
        state.set(State.CONNECTED);
        open.sendText(answer.frame(), Callback.NOOP);
      } else {
        close(open, answer.frame(), close, answer.summary());
      }
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

  /**
   * Fails closed on anything thrown, errors included: the client gets {@code 1011 internal error}
   * and the log the class of what was thrown, never its message, which might quote the input.
   */
  private void failClosed(Session open, Throwable failed) {
    error = failed.getClass().getName();
    close(open, null, Close.of(Close.INTERNAL_ERROR, "internal error"), null);
  }

  /**
   * Closes the connection: the frame first, if any, then the close. A client that has not completed
   * the closing handshake within the handshake timeout is disconnected; one the gateway no longer
   * reads from, after {@link #DROP_AFTER_CLOSE}.
   *
   * @param summary what decided the connection, for its log line; null to keep the earlier one, or
   *     to record the close itself when nothing decided before
   */
  private void close(Session open, @Nullable String frame, Close close, @Nullable String summary) {
    State before = state.getAndSet(State.CLOSING);
    if (before == State.CLOSING && summary == null) {
      return; // already closing: the first close stands
    }
    cancelTimer();
    if (summary != null) {
      outcome = summary;
    } else if (before != State.CONNECTED) {
      outcome = "closed: " + close.reason();
    }
    Duration grace = reading ? handshakeTimeout : DROP_AFTER_CLOSE;
    Runnable sendClose =
        () -> {
          open.close(close.code(), close.reason(), Callback.NOOP);
          timer = scheduler.schedule(open::disconnect, grace.toNanos(), TimeUnit.NANOSECONDS);
        };
    if (frame == null) {
      sendClose.run();
    } else {
      // The close goes out once the frame has: the client reads the error before the close.
      open.sendText(frame, Callback.from(sendClose, failed -> sendClose.run()));
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, @Nullable String reason, Callback callback) {
    state.set(State.CLOSING);
    cancelTimer();
    message.reset();
    try {
      String failure = error;
      log.connection(
          connId,
          socket.remoteAddress(),
          outcome
              + "; closed "
              + statusCode
              + (reason == null || reason.isEmpty() ? "" : " " + ConnectionLog.printable(reason))
              + (failure == null ? "" : "; error " + failure));
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    // Jetty closes the connection after this and calls onWebSocketClose, which logs the line.
    if (error == null) {
      error = cause.getClass().getName();
    }
  }

  private void cancelTimer() {
    Scheduler.Task task = timer;
    if (task != null) {
      task.cancel();
    }
  }

  /** The message being received: its bytes so far, never more than the phase's limit. */
  private static final class Message {

    private static final byte[] EMPTY = new byte[0];

    byte[] bytes = EMPTY;
    int size;
    boolean binary;
    boolean open;

    void start(boolean binary) {
      this.binary = binary;
      this.open = true;
      this.size = 0;
    }

    /**
     * Appends a frame's payload.
     *
     * @return false, appending nothing, when the message would pass the limit
     */
    boolean append(ByteBuffer payload, int limit) {
      int length = payload.remaining();
      if (length > limit - size) {
        return false;
      }
      if (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + length, 2 * bytes.length)));
      }
      payload.get(bytes, size, length);
      size += length;
      return true;
    }

    /** The message as text, or null if it is not UTF-8. */
    @Nullable String text() {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .decode(ByteBuffer.wrap(bytes, 0, size))
            .toString();
      } catch (CharacterCodingException notUtf8) {
        return null;
      }
    }

    void reset() {
      open = false;
      size = 0;
      bytes = EMPTY; // nothing is kept between messages: most connections send one
    }
  }
}

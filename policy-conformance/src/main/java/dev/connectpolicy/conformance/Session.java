package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection to the gateway, on the JDK's client: the upgrade with chosen headers,
 * then text frames in and out, each read with a deadline, and the close frame.
 */
final class Session implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What arrived: a text frame, or the close. */
  sealed interface Event permits Message, Closed {}

  /** A complete text frame, parsed. */
  record Message(JsonNode json) implements Event {}

  /** The close frame (or the end of the connection: code 1006). */
  record Closed(int code, String reason) implements Event {}

  /** The upgrade was refused with an HTTP response. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String body;

    Refused(int status, String body) {
      super("upgrade refused with HTTP " + status);
      this.status = status;
      this.body = body;
    }

    int status() {
      return status;
    }

    String body() {
      return body;
    }
  }

  private final WebSocket socket;
  private final BlockingQueue<Event> events;

  private Session(WebSocket socket, BlockingQueue<Event> events) {
    this.socket = socket;
    this.events = events;
  }

  /**
   * Opens a connection.
   *
   * @param client the HTTP client
   * @param uri the gateway's WebSocket address
   * @param headers extra upgrade headers
   * @param timeout the deadline of the upgrade
   * @return the session
   * @throws Refused if the gateway answered the upgrade with another HTTP status
   * @throws IOException if the connection failed or timed out
   */
  static Session open(HttpClient client, URI uri, Map<String, String> headers, Duration timeout)
      throws Refused, IOException {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
    headers.forEach(builder::header);
    CompletableFuture<WebSocket> opening = builder.buildAsync(uri, new Listener(events));
    try {
      return new Session(opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS), events);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        Object body = refused.getResponse().body();
        String text =
            body instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
        throw new Refused(refused.getResponse().statusCode(), text);
      }
      throw new IOException("connection failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      opening.cancel(true);
      throw new IOException("the upgrade timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Sends a text frame.
   *
   * @param text the frame
   * @throws IOException if it could not be sent
   */
  void send(String text) throws IOException {
    try {
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("send failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Waits for the next event.
   *
   * @param timeout how long to wait
   * @return the event, or null on timeout
   */
  @Nullable Event next(Duration timeout) {
    try {
      return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Closes the connection normally, or aborts it if it is still open after that. */
  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }

  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<Event> events;
    private final StringBuilder partial = new StringBuilder();

    Listener(BlockingQueue<Event> events) {
      this.events = events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          events.add(new Message(JSON.readTree(text)));
        } catch (IOException e) {
          events.add(new Message(JSON.getNodeFactory().textNode(text)));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      events.add(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      events.add(new Closed(1006, "connection error"));
    }
  }
}

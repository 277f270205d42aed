package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket client on the JDK's {@link HttpClient}: collects the text messages it receives and
 * the close frame. Every wait is bounded by {@link #WAIT}.
 */
final class TestClient implements WebSocket.Listener {

  /** The longest any test waits for a frame, a close or a connection. */
  static final Duration WAIT = Duration.ofSeconds(5);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A close frame received. */
  record Closed(int code, String reason) {}

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private @Nullable WebSocket socket;

  private TestClient() {}

  /**
   * Opens a connection.
   *
   * @param uri the gateway
   * @param headers upgrade headers to add, such as {@code Origin}
   * @return the connected client
   * @throws Exception if the connection fails or takes longer than {@link #WAIT}
   */
  static TestClient connect(URI uri, Map<String, String> headers) throws Exception {
    TestClient client = new TestClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
    headers.forEach(builder::header);
    client.socket = builder.buildAsync(uri, client).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    return client;
  }

  static TestClient connect(URI uri) throws Exception {
    return connect(uri, Map.of());
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  /**
   * Returns the next text message, as JSON.
   *
   * @return the message
   * @throws Exception if none arrives within {@link #WAIT}
   */
  JsonNode next() throws Exception {
    String text = nextText();
    return JSON.readTree(text);
  }

  /**
   * Returns the next text message as received.
   *
   * @return the message
   * @throws InterruptedException if interrupted
   */
  String nextText() throws InterruptedException {
    String text = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(text).as("a message within %s", WAIT).isNotNull();
    return text;
  }

  /**
   * Reads the {@code connect.challenge} the gateway sends on open.
   *
   * @return the challenge nonce
   * @throws Exception if no challenge arrives
   */
  String challenge() throws Exception {
    JsonNode event = next();
    assertThat(event.path("type").asText()).isEqualTo("event");
    assertThat(event.path("event").asText()).isEqualTo("connect.challenge");
    return event.path("payload").path("nonce").asText();
  }

  /**
   * Sends a text message.
   *
   * @param text the message
   * @throws Exception if it cannot be sent within {@link #WAIT}
   */
  void send(String text) throws Exception {
    WebSocket open = socket;
    assertThat(open).isNotNull();
    open.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for the gateway's close frame, and checks that no message came before it unread.
   *
   * @return the close frame
   * @throws Exception if none arrives within {@link #WAIT}
   */
  Closed awaitClose() throws Exception {
    Closed close = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(messages).as("messages before the close").isEmpty();
    return close;
  }

  /** The JDK's WebSocket, to send what {@link #send} does not (fragments, a close). */
  WebSocket socket() {
    WebSocket open = socket;
    assertThat(open).isNotNull();
    return open;
  }

  /** Whether the gateway has closed the connection. */
  boolean isClosed() {
    return closed.isDone();
  }

  /** Drops the connection, if still open. */
  void abort() {
    WebSocket open = socket;
    if (open != null) {
      open.abort();
    }
  }
}

package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark's bare transport floor answers the load client's handshake as the gateway's
 * {@code --benchmark-floor} does, and the close with a close; anything else it closes. Started as
 * its own process, as the benchmark starts it, and stopped by its process id.
 */
class BareTransportFloorTest {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (ws://127\\.0\\.0\\.1:\\d+/)");

  private Process floor;
  private URI uri;

  @BeforeEach
  void startTheFloor() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    floor =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                BareTransportFloor.class.getName(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(floor.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the floor's first line").isNotNull();
    Matcher listening = LISTENING.matcher(line);
    assertThat(listening.find()).as("a listening line: %s", line).isTrue();
    uri = URI.create(listening.group(1));
  }

  @AfterEach
  void stopTheFloor() throws Exception {
    ProcessHandle.of(floor.pid()).ifPresent(ProcessHandle::destroy);
    assertThat(floor.waitFor(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
  }

  @Test
  void answersTheChallengeHelloOkAndCloseOfOneAdmissionAfterAnother() throws Exception {
    for (int i = 0; i < 3; i++) {
      TestClient client = TestClient.connect(uri);
      assertThat(client.challenge()).hasSize(36);
      client.send("{\"type\":\"req\",\"id\":\"1\",\"method\":\"connect\",\"params\":{}}");
      JsonNode answer = client.next();
      assertThat(answer.path("ok").asBoolean()).isTrue();
      assertThat(answer.path("payload").path("type").asText()).isEqualTo("hello-ok");
      client.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done");
      assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(1000, ""));
    }
  }

  @Test
  void closesAnUpgradeRequestWithoutAKeyAndAFragmentedMessage() throws Exception {
    int port = uri.getPort();
    try (RawClient noKey = RawClient.connect(port)) {
      noKey.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(noKey.readResponse().status()).isEqualTo(400);
      assertThat(noKey.isClosedByPeer()).isTrue();
    }
    try (RawClient fragmented = RawClient.connect(port)) {
      assertThat(fragmented.upgrade(port, Map.of()).status()).isEqualTo(101);
      fragmented.readFrame(); // the challenge
      try {
        fragmented.frame(RawClient.TEXT, false, "{".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closedOnTheHeader) {
        // the floor may close as soon as it has read the frame's header, before its payload
      }
      assertThat(fragmented.isClosedByPeer()).isTrue();
    }
  }
}

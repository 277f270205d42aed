package dev.connectpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under hostile input: framing on LF only, strict UTF-8, lines over the limit, and
 * standard output that cannot be written. Each test fails if its fix is reverted.
 */
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String GOOD =
      "{\"role\":\"operator\",\"scopes\":[],\"client\":{\"id\":\"cli\",\"mode\":\"cli\"},"
          + "\"local\":false,\"origin\":\"absent\",\"auth\":{\"mode\":\"token\",\"provided\":\"token\","
          + "\"ok\":true,\"method\":\"token\",\"reason\":null,\"sharedAuthOk\":true},"
          + "\"device\":\"absent\",\"pairing\":\"paired\"}";
  static final String BAD = GOOD.replace("\"role\":\"operator\"", "\"role\":\"nobody\"");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static List<JsonNode> answers(Cli.Run run) throws IOException {
    List<JsonNode> answers = new ArrayList<>();
    for (String line : run.lines()) {
      answers.add(JSON.readTree(line));
    }
    return answers;
  }

  @Test
  void aBareCarriageReturnDoesNotEndALine() throws IOException {
    // BufferedReader.readLine splits on a lone CR: three answers for two lines, the second
    // request answered with the first's accept.
    Cli.Run run =
        Cli.run(bytes("{\"x\":\r" + GOOD + "\n" + BAD + "\n"), "evaluate", "-p", "recommended");

    List<JsonNode> answers = answers(run);
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).get("code").asText()).isEqualTo("INVALID_CONTEXT");
    assertThat(answers.get(0).get("message").asText()).startsWith("line 1: ");
    assertThat(answers.get(1).get("code").asText()).isEqualTo("INVALID_ROLE");
    assertThat(run.status()).isEqualTo(2);
  }

  @Test
  void crlfAndCarriageReturnsBetweenTokensAreJsonWhitespace() throws IOException {
    Cli.Run run =
        Cli.run(
            bytes(GOOD + "\r\n" + GOOD.replace(",", ",\r") + "\r\n"),
            "evaluate",
            "-p",
            "recommended");

    assertThat(answers(run))
        .hasSize(2)
        .allSatisfy(answer -> assertThat(answer.get("outcome").asText()).isEqualTo("accept"));
    assertThat(run.status()).isZero();
  }

  @Test
  void anUndecodableByteIsInvalidContextNamingTheLineAndTheField() throws IOException {
    // Replaced on decoding, `tok\xff` and `tok\xfe` both read as `tok\uFFFD`: admitted.
    String request = Files.readAllLines(Path.of("..", "examples", "requests.jsonl")).get(0);
    String[] parts =
        request
            .replaceFirst("\"token\":\"example-gateway-token\"", "\"token\":\"tok\u0000\"")
            .replaceFirst("\"token\":\"example-gateway-token\"", "\"token\":\"tok\u0001\"")
            .split("[\u0000\u0001]");
    byte[] line =
        concat(
            bytes(parts[0]),
            new byte[] {(byte) 0xff},
            bytes(parts[1]),
            new byte[] {(byte) 0xfe},
            bytes(parts[2]),
            bytes("\n"));

    Cli.Run run = Cli.run(concat(bytes(request + "\n"), line), "admit", "-p", "recommended");

    List<JsonNode> answers = answers(run);
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).get("outcome").asText()).isEqualTo("accept");
    JsonNode refused = answers.get(1);
    assertThat(refused.get("code").asText()).isEqualTo("INVALID_CONTEXT");
    assertThat(refused.get("reason").asText()).isEqualTo("connect.auth.token");
    assertThat(refused.get("message").asText())
        .startsWith("line 2: field `connect.auth.token` is not valid UTF-8 (byte offset ");
    assertThat(run.err()).contains("1 of 2 lines malformed");
  }

  @Test
  void aTokenWithALoneSurrogateEscapeMatchesNoConfiguredToken() throws IOException {
    // `tok\ud800` is valid JSON; encoded with String.getBytes it is `tok?`, the configured token.
    String request =
        Files.readAllLines(Path.of("..", "examples", "requests.jsonl"))
            .get(0)
            .replaceFirst("\"token\":\"example-gateway-token\"", "\"token\":\"tok\\\\ud800\"")
            .replaceFirst("\"token\":\"example-gateway-token\"", "\"token\":\"tok?\"");

    JsonNode answer = answers(Cli.run(bytes(request + "\n"), "admit", "-p", "recommended")).get(0);

    assertThat(answer.get("outcome").asText()).isEqualTo("reject");
    assertThat(answer.get("facts").get("auth").get("ok").asBoolean()).isFalse();
    assertThat(answer.get("facts").get("auth").get("reason").asText()).isEqualTo("token_mismatch");
  }

  @Test
  void everyKindOfInvalidUtf8IsRefusedNeverReplaced() throws IOException {
    byte[][] invalid = {
      {(byte) 0xc0, (byte) 0xaf}, // overlong `/`
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // an encoded surrogate (CESU-8)
      {(byte) 0xe2, (byte) 0x82}, // truncated
      {(byte) 0x80}, // a lone continuation byte
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
    };
    String[] around = GOOD.split("\"id\":\"cli\"", 2);
    for (byte[] bad : invalid) {
      byte[] input =
          concat(bytes(around[0] + "\"id\":\"cli"), bad, bytes("\"" + around[1]), bytes("\n"));
      Cli.Run run = Cli.run(input, "evaluate", "-p", "recommended");
      JsonNode answer = answers(run).get(0);
      assertThat(answer.get("code").asText()).isEqualTo("INVALID_CONTEXT");
      assertThat(answer.get("reason").asText()).as(answer.toString()).isEqualTo("client.id");
      assertThat(run.out()).doesNotContain("\uFFFD");
    }
  }

  @Test
  void aLineOverTheLimitIsAnsweredWithoutBeingHeldAndTheNextLineStillIs(@TempDir Path dir)
      throws Exception {
    // 64 MiB of one line into a tool with 32 MiB of heap: held whole, it cannot fit.
    ProcessBuilder builder = Cli.process("32m", "evaluate", "-p", "recommended");
    builder.redirectError(dir.resolve("err").toFile());
    builder.redirectOutput(dir.resolve("out").toFile());
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(bytes(GOOD + "\n{\"role\":\""));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 64; i++) {
        in.write(chunk);
      }
      in.write(bytes("\"}\n" + GOOD + "\n"));
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    List<String> lines = Files.readAllLines(dir.resolve("out"));
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines.get(0)).get("outcome").asText()).isEqualTo("accept");
    assertThat(JSON.readTree(lines.get(1)).get("message").asText())
        .isEqualTo("line 2: line longer than 1048576 bytes, not read");
    assertThat(JSON.readTree(lines.get(2)).get("outcome").asText()).isEqualTo("accept");
    assertThat(process.exitValue()).isEqualTo(2);
  }

  @Test
  void aFullDiskStopsTheToolWithStatusThree(@TempDir Path dir) throws Exception {
    ProcessBuilder builder = Cli.process("64m", "evaluate", "-p", "recommended");
    builder.redirectOutput(Path.of("/dev/full").toFile());
    builder.redirectError(dir.resolve("err").toFile());
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(bytes(GOOD + "\n"));
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(ExitStatus.OUTPUT_FAILED);
    assertThat(Files.readString(dir.resolve("err")))
        .contains("connect-policy: cannot write standard output: No space left on device");
  }

  @Test
  void aClosedPipeStopsTheToolWithStatusThree(@TempDir Path dir) throws Exception {
    ProcessBuilder builder = Cli.process("64m", "evaluate", "-p", "recommended");
    builder.redirectError(dir.resolve("err").toFile());
    Process process = builder.start();
    process.getInputStream().close();
    try (OutputStream in = process.getOutputStream()) {
      for (int i = 0; i < 1_000_000 && process.isAlive(); i++) {
        in.write(bytes(GOOD + "\n"));
      }
    } catch (IOException stoppedReading) {
      // the tool stopped, as it should
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(ExitStatus.OUTPUT_FAILED);
    assertThat(Files.readString(dir.resolve("err"))).contains("cannot write standard output");
  }

  @Test
  void aFailedWriteStopsReadingTheInput() {
    // `| head -1` on a million lines: the tool must stop at the first failed write, not work
    // through the rest.
    CountingInput input = new CountingInput(bytes(GOOD + "\n"), 1_000_000);
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };

    Cli.Run run = Cli.run(input, closed, "evaluate", "-p", "recommended");

    assertThat(run.status()).isEqualTo(ExitStatus.OUTPUT_FAILED);
    assertThat(run.err())
        .isEqualTo("connect-policy: cannot write standard output: Broken pipe; stopped\n");
    assertThat(input.linesRead()).isLessThan(10_000);
  }

  /** {@code count} copies of a line, generated as they are read. */
  private static final class CountingInput extends InputStream {
    private final byte[] line;
    private final long total;
    private long position;

    CountingInput(byte[] line, long count) {
      this.line = line;
      this.total = line.length * count;
    }

    long linesRead() {
      return position / line.length;
    }

    @Override
    public int read() {
      return position < total ? line[(int) (position++ % line.length)] : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(length, total - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = line[(int) (position++ % line.length)];
      }
      return n;
    }
  }
}

package dev.connectpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code admit} on the command line, on the bundled {@code examples/requests.jsonl}. */
class AdmitCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples", "requests.jsonl");

  private static final class Run {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final int status;

    Run(String input, String... args) {
      Cli.Run run = Cli.run(input.getBytes(StandardCharsets.UTF_8), args);
      out.writeBytes(run.stdout());
      err.writeBytes(run.err().getBytes(StandardCharsets.UTF_8));
      status = run.status();
    }

    List<JsonNode> lines() throws Exception {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
        lines.add(MAPPER.readTree(line));
      }
      return lines;
    }
  }

  @Test
  void bundledExamples_getOneDecisionWithFactsPerLine() throws Exception {
    Run run = new Run("", "admit", "--profile", "recommended", EXAMPLES.toString());
    assertThat(run.status).isZero();
    List<String> outcomes = new ArrayList<>();
    for (JsonNode line : run.lines()) {
      assertThat(line.has("facts")).as("facts in %s", line).isTrue();
      outcomes.add(
          line.get("outcome").asText()
              + " "
              + line.path("code").asText(line.path("decidedBy").asText()));
    }
    assertThat(outcomes)
        .containsExactly(
            "accept pairing.paired",
            "reject DEVICE_AUTH_SIGNATURE_INVALID",
            "reject DEVICE_AUTH_SIGNATURE_EXPIRED",
            "reject CONTROL_UI_ORIGIN_NOT_ALLOWED",
            "accept device.operator-shared-auth",
            "reject DEVICE_IDENTITY_REQUIRED",
            "accept pairing.paired",
            "reject AUTH_TOKEN_MISMATCH",
            "reject PAIRING_REQUIRED");
    assertThat(run.lines().get(5).get("facts").get("local").asBoolean())
        .as("a loopback peer forwarding for someone is not local")
        .isFalse();
  }

  @Test
  void examplesHoldNoSecretInTheOutput() throws Exception {
    Run run = new Run("", "admit", "--profile", "openclaw-2026.3.13", EXAMPLES.toString());
    String output = run.out.toString(StandardCharsets.UTF_8);
    assertThat(output).doesNotContain("example-gateway-token", "not-the-gateway-token");
    for (String line : Files.readAllLines(EXAMPLES)) {
      String signature =
          MAPPER.readTree(line).path("connect").path("device").path("signature").asText("");
      if (!signature.isEmpty()) {
        assertThat(output).doesNotContain(signature);
      }
    }
  }

  @Test
  void malformedLine_isAnsweredInvalidContextNamingLineAndField_andExitsTwo() throws Exception {
    String good = Files.readAllLines(EXAMPLES).get(0);
    String bad = good.replace("\"203.0.113.10\"", "\"localhost\"");
    Run run = new Run(good + "\n" + bad + "\n{\n", "admit", "--profile", "recommended");
    assertThat(run.status).isEqualTo(2);
    List<JsonNode> lines = run.lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("outcome").asText()).isEqualTo("accept");
    assertThat(lines.get(1).get("code").asText()).isEqualTo("INVALID_CONTEXT");
    assertThat(lines.get(1).get("reason").asText()).isEqualTo("socket.remoteAddress");
    assertThat(lines.get(1).get("message").asText())
        .isEqualTo("line 2: field `socket.remoteAddress` is not an IP address: `localhost`");
    assertThat(lines.get(2).get("message").asText()).startsWith("line 3: malformed JSON");
  }

  @Test
  void help_describesTheCommand_andUsageListsIt() {
    Run help = new Run("", "admit", "--help");
    assertThat(help.status).isZero();
    assertThat(help.out.toString(StandardCharsets.UTF_8))
        .startsWith("usage: connect-policy admit [-hV] -p=NAME [--verifier=NAME] [FILE]");
    Run usage = new Run("", "--help");
    assertThat(usage.out.toString(StandardCharsets.UTF_8)).contains("  admit ");
    Run unknown = new Run("", "admit", "--profile", "nonesuch");
    assertThat(unknown.status).isEqualTo(2);
    assertThat(unknown.err.toString(StandardCharsets.UTF_8)).contains("unknown profile `nonesuch`");
  }

  @Test
  void verifierOption_choosesTheLibrary_andBothAnswerAlike() throws Exception {
    for (List<String> command :
        List.of(
            List.of("admit", "-p", "recommended", "a"),
            List.of("conform", "-p", "recommended", "a", "b"),
            List.of("diff-recordings", "a", "b"))) {
      List<String> jdk = new ArrayList<>(command);
      jdk.addAll(1, List.of("--verifier", "jdk"));
      CommandLine.ParseResult parsed =
          Main.commandLine(new Console(System.in, new ByteArrayOutputStream(), System.err))
              .parseArgs(jdk.toArray(String[]::new));
      Object chosen = parsed.subcommand().commandSpec().findOption("--verifier").getValue();
      assertThat(chosen).as("%s", command).isEqualTo(Ed25519Verifier.JDK);
      CommandLine.ParseResult byDefault =
          Main.commandLine(new Console(System.in, new ByteArrayOutputStream(), System.err))
              .parseArgs(command.toArray(String[]::new));
      assertThat(byDefault.subcommand().commandSpec().findOption("--verifier").<Object>getValue())
          .as("%s", command)
          .isEqualTo(Ed25519Verifier.BOUNCY_CASTLE);
    }
    Run bouncy =
        new Run(
            "", "admit", "--verifier", "bouncycastle", "-p", "recommended", EXAMPLES.toString());
    Run jdk = new Run("", "admit", "--verifier", "JDK", "-p", "recommended", EXAMPLES.toString());
    assertThat(bouncy.status).isZero();
    assertThat(jdk.status).isZero();
    assertThat(jdk.out.toString(StandardCharsets.UTF_8))
        .isEqualTo(bouncy.out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            new Run("", "admit", "-p", "recommended", EXAMPLES.toString())
                .out.toString(StandardCharsets.UTF_8));
    assertThat(new Run("", "admit", "--help").out.toString(StandardCharsets.UTF_8))
        .contains("--verifier=NAME", "bouncycastle", "jdk");
    Run unknown = new Run("", "admit", "--verifier", "sunec", "-p", "recommended");
    assertThat(unknown.status).isEqualTo(2);
    assertThat(unknown.err.toString(StandardCharsets.UTF_8))
        .contains("unknown verifier `sunec`: one of bouncycastle, jdk");
  }
}

package dev.connectpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.engine.ConnectPolicies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the contract: names, fields, exit statuses. */
class MainTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CLI_OPERATOR =
      "{\"role\":\"operator\",\"scopes\":[],\"client\":{\"id\":\"cli\",\"mode\":\"cli\"},"
          + "\"local\":false,\"origin\":\"absent\",\"auth\":{\"mode\":\"token\",\"provided\":\"token\","
          + "\"ok\":true,\"method\":\"token\",\"reason\":null,\"sharedAuthOk\":true},"
          + "\"device\":\"absent\",\"pairing\":\"paired\"}";

  /** What a run printed and returned. */
  record Run(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    JsonNode json(int line) throws IOException {
      return JSON.readTree(lines().get(line));
    }
  }

  private static Run run(String stdin, String... args) {
    Cli.Run run = Cli.run(stdin.getBytes(StandardCharsets.UTF_8), args);
    return new Run(run.status(), run.out(), run.err());
  }

  @Test
  void profilesListsEveryProfileWithADescription() {
    Run run = run("", "profiles");

    assertThat(run.status()).isZero();
    int profiles = ConnectPolicies.names().size();
    assertThat(run.lines()).hasSize(profiles + ConnectPolicies.aliases().size());
    for (int i = 0; i < profiles; i++) {
      String line = run.lines().get(i);
      assertThat(line.split("\\s+")[0]).isEqualTo(ConnectPolicies.names().get(i));
      assertThat(line.substring(ConnectPolicies.names().get(i).length()).strip()).isNotEmpty();
    }
    assertThat(run.lines().subList(profiles, run.lines().size()))
        .anyMatch(line -> line.matches("openclaw-2026\\.4 +alias of openclaw-2026\\.4\\.22"))
        .anyMatch(line -> line.matches("openclaw-2026\\.5 +alias of openclaw-2026\\.5\\.28"));
  }

  @Test
  void anAliasIsAcceptedWhereverAProfileNameIs() {
    String line = CLI_OPERATOR;
    Run byAlias = run(line, "evaluate", "--profile", "openclaw-2026.4");
    Run byName = run(line, "evaluate", "--profile", "openclaw-2026.4.22");

    assertThat(byAlias.status()).isZero();
    assertThat(byAlias.out()).isEqualTo(byName.out()).isNotEmpty();
    assertThat(run("", "diff", "openclaw-2026.4", "openclaw-2026.5").status()).isEqualTo(1);
  }

  private static final String MOLTIS_NODE =
      "{\"role\":\"node\",\"client\":{\"id\":\"moltis-node\",\"mode\":\"node\"},"
          + "\"local\":false,\"origin\":\"absent\",\"auth\":{\"mode\":\"password\","
          + "\"provided\":\"device-token\",\"ok\":true,\"method\":\"device-token\","
          + "\"sharedAuthOk\":false},\"device\":\"absent\"}";

  @Test
  void theOtherGatewaysProfilesAreEvaluatedTabulatedAndDiffed() throws IOException {
    Run before = run(MOLTIS_NODE + "\n", "evaluate", "--profile", "moltis-before-pr382");
    Run after = run(MOLTIS_NODE + "\n", "evaluate", "--profile", "moltis-pr382");
    assertThat(before.status()).isZero();
    assertThat(before.json(0).get("code").asText()).isEqualTo("AUTH_NOT_AUTHENTICATED");
    assertThat(before.json(0).get("decidedBy").asText()).isEqualTo("upgrade.not-authenticated");
    assertThat(after.json(0).get("outcome").asText()).isEqualTo("accept");
    assertThat(after.json(0).get("decidedBy").asText()).isEqualTo("credential.device-token");

    Run upgrade = run(MOLTIS_NODE + "\n", "upgrade", "--profile", "moltis-before-pr382");
    assertThat(upgrade.status()).isZero();
    assertThat(upgrade.json(0).get("status").asInt()).isEqualTo(303);
    assertThat(run(MOLTIS_NODE + "\n", "upgrade", "--profile", "recommended").out())
        .isEqualTo("{\"outcome\":\"defer\",\"status\":101,\"decidedBy\":\"upgrade.none\"}\n");
    Run explain = run(MOLTIS_NODE + "\n", "explain", "--profile", "moltis-before-pr382");
    assertThat(explain.out())
        .contains("upgrade  upgrade.auth-disabled", "upgrade.not-authenticated  reject");

    Run compact = run("", "table", "--profile", "synthorg-pr556", "--compact");
    assertThat(compact.out())
        .startsWith("# Decision table: synthorg-pr556\n")
        .contains("5 cells in 4 rows");
    Run csv = run("", "table", "--profile", "mosaic-198");
    assertThat(csv.lines()).hasSize(51 + 1);
    assertThat(csv.lines().get(0))
        .startsWith("auth.mode,auth.provided,auth.source,auth.ok,")
        .contains(",workspace,failedAttempts,outcome,");

    Run diff = run("", "diff", "moltis-before-pr382", "moltis-pr382");
    assertThat(diff.status()).isEqualTo(1);
    assertThat(diff.out()).contains("6 of 24 cells differ").contains("`credential.device-token`");
    Run across = run("", "diff", "openclaw-latest", "moltis-pr382");
    assertThat(across.status()).isEqualTo(2);
    assertThat(across.err())
        .contains("model different gateways (openclaw, moltis); diff compares profiles of one");
  }

  @Test
  void upgradeAnswersEveryLineWithTheUpgradeDecision() {
    Run run = run(CLI_OPERATOR + "\n{\"role\": 1}\n", "upgrade", "--profile", "recommended");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.lines())
        .hasSize(2)
        .first()
        .isEqualTo("{\"outcome\":\"defer\",\"status\":101,\"decidedBy\":\"upgrade.none\"}");
    assertThat(run.lines().get(1)).contains("\"code\":\"INVALID_CONTEXT\"", "line 2");
  }

  @Test
  void evaluateAnswersEveryLineInOrder() throws IOException {
    String node = CLI_OPERATOR.replace("\"role\":\"operator\"", "\"role\":\"node\"");
    String nobody = CLI_OPERATOR.replace("\"role\":\"operator\"", "\"role\":\"nobody\"");

    Run run =
        run(
            CLI_OPERATOR + "\n" + node + "\n" + nobody + "\n",
            "evaluate",
            "--profile",
            "openclaw-2026.3.13");

    assertThat(run.status()).isZero();
    assertThat(run.lines()).hasSize(3);
    assertThat(run.json(0).get("outcome").asText()).isEqualTo("accept");
    assertThat(run.json(0).get("decidedBy").asText()).isEqualTo("device.operator-shared-auth");
    assertThat(run.json(1).get("code").asText()).isEqualTo("DEVICE_IDENTITY_REQUIRED");
    assertThat(run.json(1).get("error").asText()).isEqualTo("NOT_PAIRED");
    assertThat(run.json(1).get("close").get("code").asInt()).isEqualTo(1008);
    assertThat(run.json(2).get("code").asText()).isEqualTo("INVALID_ROLE");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aMalformedLineIsAnsweredAndTheOthersStillAre() throws IOException {
    String sideways = CLI_OPERATOR.replace("\"origin\":\"absent\"", "\"origin\":\"sideways\"");

    Run run =
        run(
            CLI_OPERATOR + "\n{\"role\": \n" + sideways + "\n\n" + CLI_OPERATOR,
            "evaluate",
            "--profile=recommended");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.lines()).hasSize(5);
    assertThat(run.json(0).get("outcome").asText()).isEqualTo("accept");
    assertThat(run.json(1).get("code").asText()).isEqualTo("INVALID_CONTEXT");
    assertThat(run.json(1).get("message").asText()).startsWith("line 2: malformed JSON");
    assertThat(run.json(2).get("message").asText())
        .isEqualTo(
            "line 3: field `origin` has unknown value `sideways`, expected one of absent, allowed, rejected");
    assertThat(run.json(2).get("reason").asText()).isEqualTo("origin");
    assertThat(run.json(3).get("message").asText())
        .isEqualTo("line 4: empty input, expected a JSON object");
    assertThat(run.json(4).get("outcome").asText()).isEqualTo("accept");
  }

  @Test
  void evaluateReadsAFileOrStandardInputForADash(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("facts.jsonl");
    Files.writeString(file, CLI_OPERATOR + "\n");

    Run fromFile = run("", "evaluate", "--profile", "openclaw-latest", file.toString());
    Run fromDash = run(CLI_OPERATOR + "\n", "evaluate", "--profile", "openclaw-latest", "-");

    assertThat(fromFile.status()).isZero();
    assertThat(fromFile.out()).isEqualTo(fromDash.out()).isNotEmpty();
    Run missing =
        run("", "evaluate", "--profile", "openclaw-latest", dir.resolve("nope").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file `");
  }

  @Test
  void usageErrorsExitTwoWithUsageOnStandardError() {
    Run unknownProfile = run(CLI_OPERATOR, "evaluate", "--profile", "no-such-profile");
    assertThat(unknownProfile.status()).isEqualTo(2);
    assertThat(unknownProfile.out()).isEmpty();
    assertThat(unknownProfile.err())
        .contains(
            "unknown profile `no-such-profile`, expected one of openclaw-2026.3.11, openclaw-2026.3.12")
        .contains("usage: connect-policy evaluate");

    for (String[] args :
        List.of(
            new String[] {"frobnicate"},
            new String[] {},
            new String[] {"evaluate"},
            new String[] {"evaluate", "--profile"},
            new String[] {"evaluate", "--profile", "recommended", "--colour", "red"},
            new String[] {"evaluate", "--profile", "recommended", "a", "b"},
            new String[] {"explain", "--profile", "recommended", "--format", "xml"},
            new String[] {"profiles", "extra"},
            new String[] {"evaluate", "--profile", "recommended", "--profile", "recommended"})) {
      Run run = run("", args);
      assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", args)).contains("usage: connect-policy");
      assertThat(run.out()).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(run("", "--help").out())
        .contains("profiles", "evaluate", "explain", "upgrade", "table", "diff");
    for (String command : List.of("profiles", "evaluate", "explain", "upgrade", "table", "diff")) {
      Run run = run("", command, "--help");
      assertThat(run.status()).isZero();
      assertThat(run.out()).startsWith("usage: connect-policy " + command);
      assertThat(run("", command, "-h").out()).isEqualTo(run.out());
    }
  }

  @Test
  void explainShowsEveryRuleConsulted() throws IOException {
    String node = CLI_OPERATOR.replace("\"role\":\"operator\"", "\"role\":\"node\"");

    Run text = run(node + "\n", "explain", "--profile", "openclaw-2026.3.13");
    Run json = run(node + "\n", "explain", "--profile", "openclaw-2026.3.13", "--format", "jsonl");

    assertThat(text.status()).isZero();
    assertThat(text.out())
        .startsWith(
            "line 1: reject DEVICE_IDENTITY_REQUIRED \"device identity required\", close 1008,"
                + " decided by device.missing-identity\n")
        .contains("missing-device  device.operator-shared-auth")
        .contains("device.missing-identity            reject DEVICE_IDENTITY_REQUIRED");
    JsonNode decision = json.json(0);
    assertThat(decision.get("code").asText()).isEqualTo("DEVICE_IDENTITY_REQUIRED");
    JsonNode trace = decision.get("trace");
    assertThat(trace.get(0).get("rule").asText()).isEqualTo("role.known");
    assertThat(trace.get(trace.size() - 1).get("rule").asText())
        .isEqualTo("device.missing-identity");
    assertThat(trace.get(trace.size() - 1).get("code").asText())
        .isEqualTo("DEVICE_IDENTITY_REQUIRED");
  }

  @Test
  void explainAnswersAMalformedLineToo() {
    Run run = run("{}\n", "explain", "--profile", "recommended");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEqualTo("line 1: reject INVALID_CONTEXT: missing field `role`\n\n");
  }

  @Test
  void diffExitsOneWithDifferencesAndZeroWithout() throws IOException {
    Run different = run("", "diff", "openclaw-2026.3.13", "openclaw-2026.3.13+pr48285");
    Run same = run("", "diff", "moltis-pr382", "moltis-pr382");
    Run jsonl = run("", "diff", "moltis-before-pr382", "moltis-pr382", "--format", "jsonl");

    assertThat(different.status()).isEqualTo(1);
    assertThat(different.out())
        .startsWith("# Diff: openclaw-2026.3.13 -> openclaw-2026.3.13+pr48285\n")
        .contains("`device.node-loopback`");
    assertThat(same.status()).isZero();
    assertThat(same.out()).contains("0 of 24 cells differ");
    assertThat(jsonl.status()).isEqualTo(1);
    JsonNode row = jsonl.json(0);
    assertThat(row.get("before").get("code").asText()).isEqualTo("AUTH_NOT_AUTHENTICATED");
    assertThat(row.get("after").get("decidedBy").asText()).isEqualTo("credential.device-token");
    assertThat(run("", "diff", "recommended").status()).isEqualTo(2);
    assertThat(run("", "diff", "recommended", "nope").err()).contains("unknown profile `nope`");
    assertThat(run("", "diff", "a", "b", "--format", "pdf").status()).isEqualTo(2);
  }

  @Test
  void tableWritesTheCompactTableAndTheFullOne() {
    Run compact = run("", "table", "--profile", "recommended", "--compact");
    assertThat(compact.status()).isZero();
    assertThat(compact.out()).startsWith("# Decision table: recommended\n");

    Run csv = run("", "table", "--profile", "openclaw-2026.3.13", "--compact", "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("role,scopes,client,");

    Head head = new Head();
    int status =
        Main.run(
            new String[] {"table", "--profile", "openclaw-latest"},
            new Console(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(head, false, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertThat(status).isZero();
    assertThat(head.lines).isEqualTo(2_668_896 + 1);
    assertThat(head.text().lines().skip(1).findFirst().orElseThrow())
        .isEqualTo(
            "operator,[],cli/cli,remote,absent,none,none,true,none,-,false,absent,-,false,false,"
                + "reject,DEVICE_IDENTITY_REQUIRED,-,-,-,device.missing-identity");
  }

  /** Counts the lines written and keeps the first few kilobytes. */
  private static final class Head extends java.io.OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long lines;

    @Override
    public void write(int b) {
      if (b == '\n') {
        lines++;
      }
      if (kept.size() < 4096) {
        kept.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          lines++;
        }
      }
      kept.write(bytes, offset, Math.max(0, Math.min(length, 4096 - kept.size())));
    }

    String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}

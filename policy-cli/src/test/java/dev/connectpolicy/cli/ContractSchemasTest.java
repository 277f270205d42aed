package dev.connectpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.engine.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas of {@code docs/schemas} against the bundled examples, the contract's own
 * examples, and the JSON lines of decision tables. (Every JSON line the tool writes in the other
 * tests is validated by {@link Cli#run}.)
 */
class ContractSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void theBundledExamplesAreValidFactsAndRequests() throws IOException {
    List<String> contexts = Files.readAllLines(EXAMPLES.resolve("contexts.jsonl"));
    List<String> requests = Files.readAllLines(EXAMPLES.resolve("requests.jsonl"));
    assertThat(contexts).isNotEmpty();
    assertThat(requests).isNotEmpty();
    contexts.forEach(line -> Schemas.check(Schemas.FACTS, line));
    requests.forEach(line -> Schemas.check(Schemas.REQUEST, line));
  }

  @Test
  void theContractsExamplesAreValid() throws IOException {
    String contract = Files.readString(Path.of("..", "docs", "CONTRACT.md"));
    List<String> blocks =
        java.util.regex.Pattern.compile("```json\n(.*?)```", java.util.regex.Pattern.DOTALL)
            .matcher(contract)
            .results()
            .map(match -> match.group(1))
            .toList();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    Schemas.check(Schemas.FACTS, blocks.get(0));
    for (String decision : blocks.get(1).split("\n(?=\\{)")) {
      Schemas.check(Schemas.DECISION, decision);
    }
  }

  @Test
  void everyLineOfTheTablesInJsonLinesIsValid() throws IOException {
    // No table in JSON lines is committed; these are the tool's, as the golden tables are made.
    // Every cell of the other gateways' profiles; the first 20,000 of the standard space.
    for (Profile profile : Profile.values()) {
      boolean standard = profile.family().space().size() > 1_000;
      if (standard && profile != Profile.RECOMMENDED) {
        continue;
      }
      // The standard space's table is cut off as `| head -c` would: the tool stops at the failed
      // write (exit 3) instead of deciding the remaining 2.6 million cells for nothing.
      Kept kept = new Kept(standard ? 20_000 * 1_024 : Integer.MAX_VALUE);
      Cli.Run run =
          Cli.run(
              new java.io.ByteArrayInputStream(new byte[0]),
              kept,
              "table",
              "-p",
              profile.profileName(),
              "--format",
              "jsonl");
      assertThat(run.status()).isEqualTo(standard ? 3 : 0);
      List<String> lines = kept.completeLines();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        JsonNode cell = JSON.readTree(line);
        Schemas.check(Schemas.FACTS, cell.get("facts").toString());
        Schemas.check(Schemas.DECISION, cell.get("decision").toString());
      }
    }
  }

  /** Keeps the first {@code limit} bytes written, then fails every write, as a closed pipe does. */
  private static final class Kept extends java.io.OutputStream {
    private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
    private final int limit;

    Kept(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      int room = Math.max(0, Math.min(length, limit - kept.size()));
      kept.write(bytes, offset, room);
      if (room < length) {
        throw new IOException("Broken pipe");
      }
    }

    List<String> completeLines() {
      String text = kept.toString(StandardCharsets.UTF_8);
      return List.of(text.substring(0, text.lastIndexOf('\n')).split("\n"));
    }
  }

  @Test
  void theSchemasRefuseWhatTheContractRefuses() {
    String facts =
        new String(HostileInputTest.GOOD.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                Schemas.check(
                    Schemas.FACTS, facts.replace("\"absent\",\"auth\"", "\"sideways\",\"auth\"")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () -> Schemas.check(Schemas.FACTS, facts.replace("{\"role\"", "{\"extra\":1,\"role\"")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                Schemas.check(
                    Schemas.DECISION,
                    "{\"outcome\":\"accept\",\"role\":\"operator\",\"scopes\":[],\"decidedBy\":\"x\"}"))
        .isInstanceOf(AssertionError.class);
  }
}

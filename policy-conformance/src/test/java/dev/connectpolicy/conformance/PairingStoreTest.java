package dev.connectpolicy.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder reads a gateway's pairings from {@code devices/paired.json} (up to 2026.5) or from
 * its SQLite state database through a Node (2026.9), and never takes an unreadable store for an
 * empty one.
 */
class PairingStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEVICE = "59066ead67c4474357f16e5e16e9b647";

  @TempDir Path state;

  @Test
  void readsTheRecordOfTheDeviceFromPairedJson() throws IOException {
    Files.createDirectories(state.resolve("devices"));
    Files.writeString(
        state.resolve("devices/paired.json"),
        "{\"" + DEVICE + "\":{\"deviceId\":\"" + DEVICE + "\",\"platform\":\"linux\"}}");
    PairingStore store = new PairingStore(state, null);
    assertThat(store.record(DEVICE).path("platform").asText()).isEqualTo("linux");
    assertThat(store.record("another-device")).isNull();
  }

  @Test
  void nothingStoredIsNotPaired() throws IOException {
    assertThat(new PairingStore(state, null).record(DEVICE)).isNull();
  }

  @Test
  void aDatabaseWithoutANodeToReadItStopsTheRecording() throws IOException {
    database();
    PairingStore store = new PairingStore(state, null);
    assertThatThrownBy(() -> store.record(DEVICE))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("state/openclaw.sqlite")
        .hasMessageContaining("--node");
  }

  @Test
  void theDatabaseIsPreferredToPairedJson() throws IOException {
    database();
    Files.createDirectories(state.resolve("devices"));
    Files.writeString(
        state.resolve("devices/paired.json"),
        "{\"" + DEVICE + "\":{\"deviceId\":\"" + DEVICE + "\",\"platform\":\"stale\"}}");
    // 2026.9 no longer reads a paired.json left in its state folder: the database is the store
    assertThat(new PairingStore(state, fakeNode("echo null\n")).record(DEVICE)).isNull();
    assertThatThrownBy(() -> new PairingStore(state, null).record(DEVICE))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void theNodeIsGivenTheDatabaseAndTheDeviceAndItsJsonIsTheRecord() throws IOException {
    database();
    Path node =
        fakeNode(
            "n=$#; eval db=\\${$((n - 1))}; eval id=\\${$n}\n"
                + "printf '{\"deviceId\":\"%s\",\"database\":\"%s\"}\\n' \"$id\" \"$db\"\n");
    JsonNode record = new PairingStore(state, node).record(DEVICE);
    assertThat(record.path("deviceId").asText()).isEqualTo(DEVICE);
    assertThat(record.path("database").asText())
        .isEqualTo(state.resolve("state/openclaw.sqlite").toString());
  }

  @Test
  void nullFromTheNodeIsNotPaired() throws IOException {
    database();
    assertThat(new PairingStore(state, fakeNode("echo null\n")).record(DEVICE)).isNull();
  }

  @Test
  void aFailedReadStopsTheRecordingWithWhatTheNodeSaid() throws IOException {
    database();
    PairingStore store =
        new PairingStore(state, fakeNode("echo 'database is locked' >&2; exit 3\n"));
    assertThatThrownBy(() -> store.record(DEVICE))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("exit 3")
        .hasMessageContaining("database is locked");
  }

  @Test
  void outputThatIsNotJsonStopsTheRecording() throws IOException {
    database();
    PairingStore store = new PairingStore(state, fakeNode("echo '{not json'\n"));
    assertThatThrownBy(() -> store.record(DEVICE))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("printed no JSON");
  }

  /**
   * With a Node that has {@code node:sqlite} (22.5 and later; see {@link #nodeWithSqlite()}), the
   * shipped script reads a database laid out as OpenClaw 2026.9's {@code device_pairing_paired}
   * table, in WAL mode as the gateway keeps it: camel-case fields, JSON columns parsed, empty
   * columns left out.
   */
  @Test
  void theScriptReadsAPairingTableOfOpenClaw2026_9() throws Exception {
    Path node = nodeWithSqlite();
    Path database = database();
    run(
        node,
        "const { DatabaseSync } = require('node:sqlite');"
            + "const db = new DatabaseSync(process.argv[1]);"
            + "db.exec(\"PRAGMA journal_mode = WAL\");"
            + "db.exec(\"CREATE TABLE device_pairing_paired (device_id TEXT PRIMARY KEY,"
            + " public_key TEXT NOT NULL, platform TEXT, device_family TEXT, client_id TEXT,"
            + " roles_json TEXT, scopes_json TEXT, approved_scopes_json TEXT, tokens_json TEXT,"
            + " created_at_ms INTEGER NOT NULL, last_seen_at_ms INTEGER)\");"
            + "db.prepare('INSERT INTO device_pairing_paired VALUES (?,?,?,?,?,?,?,?,?,?,?)').run("
            + "process.argv[2], 'XYQDgqBZ', 'linux', 'Linux', 'node-host', '[\"node\"]', null,"
            + " null, '{\"node\":{\"token\":\"t-1\",\"role\":\"node\"}}', 1796185153804, null);"
            + "db.close();",
        database.toString(),
        DEVICE);
    PairingStore store = new PairingStore(state, node);
    JsonNode record = store.record(DEVICE);
    assertThat(record)
        .isEqualTo(
            JSON.readTree(
                "{\"deviceId\":\""
                    + DEVICE
                    + "\",\"publicKey\":\"XYQDgqBZ\",\"platform\":\"linux\","
                    + "\"deviceFamily\":\"Linux\",\"clientId\":\"node-host\","
                    + "\"roles\":[\"node\"],"
                    + "\"tokens\":{\"node\":{\"token\":\"t-1\",\"role\":\"node\"}},"
                    + "\"createdAtMs\":1796185153804}"));
    assertThat(store.record("another-device")).isNull();
  }

  @Test
  void theScriptFindsNothingInADatabaseWithoutThePairingTable() throws Exception {
    Path node = nodeWithSqlite();
    Path database = database();
    run(
        node,
        "const { DatabaseSync } = require('node:sqlite');"
            + "new DatabaseSync(process.argv[1]).exec('CREATE TABLE other (id TEXT)');",
        database.toString());
    assertThat(new PairingStore(state, node).record(DEVICE)).isNull();
  }

  /**
   * The Node to run the script with: the system property {@code connectpolicy.node}, else the
   * environment variable {@code CONNECTPOLICY_NODE} (which CI sets to a Node 24 it installs), else
   * {@code node} on the PATH; the test is skipped unless it has {@code node:sqlite}.
   */
  private static Path nodeWithSqlite() {
    String configured = System.getenv().getOrDefault("CONNECTPOLICY_NODE", "node");
    Path node = Path.of(System.getProperty("connectpolicy.node", configured));
    assumeTrue(hasNodeSqlite(node), "no Node with node:sqlite: " + node);
    return node;
  }

  private Path database() throws IOException {
    Path database = state.resolve("state/openclaw.sqlite");
    Files.createDirectories(database.getParent());
    if (!Files.exists(database)) {
      Files.createFile(database);
    }
    return database;
  }

  private Path fakeNode(String body) throws IOException {
    Path node = state.resolve("fake-node");
    Files.writeString(node, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwx------"));
    return node;
  }

  private static boolean hasNodeSqlite(Path node) {
    try {
      Process process =
          new ProcessBuilder(node.toString(), "--no-warnings", "-e", "require('node:sqlite')")
              .redirectErrorStream(true)
              .start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(Path node, String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(node.toString(), "--no-warnings", "-e", script));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
  }
}

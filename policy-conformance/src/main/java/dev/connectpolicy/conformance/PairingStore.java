package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where a running OpenClaw gateway keeps its device pairings, read just before an attempt.
 *
 * <p>Releases up to 2026.5 write them to {@code STATE/devices/paired.json}, an object keyed by
 * device id. 2026.9 keeps them in the table {@code device_pairing_paired} of its SQLite state
 * database {@code STATE/state/openclaw.sqlite}, which no earlier release creates; it no longer
 * reads {@code paired.json} (its {@code openclaw doctor --fix} imports one and renames it). That
 * database is read with the gateway's own Node, whose built-in {@code node:sqlite} is the SQLite
 * the gateway writes with, through a short script shipped with the recorder ({@code
 * paired-device.mjs}), which turns the row into a record of the {@code paired.json} shape. The
 * database is preferred when it exists; without a Node to read it with, that is an error, never an
 * empty store.
 */
final class PairingStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long READ_SECONDS = 30;
  private static final String SCRIPT = script();

  private final Path stateDir;
  private final @Nullable Path node;

  /**
   * The pairings of the gateway whose state directory this is.
   *
   * @param stateDir its state directory
   * @param node the Node the gateway runs on, to read a SQLite store; null when there is none
   */
  PairingStore(Path stateDir, @Nullable Path node) {
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.node = node;
  }

  /** The legacy file of paired devices. */
  Path pairedJson() {
    return stateDir.resolve("devices").resolve("paired.json");
  }

  /** The SQLite state database of 2026.9 and later. */
  Path database() {
    return stateDir.resolve("state").resolve("openclaw.sqlite");
  }

  /**
   * The record the gateway holds for a device, as stored, or null when it is not paired.
   *
   * @param deviceId the device id
   * @return the record, or null
   * @throws IOException if {@code paired.json} cannot be read
   * @throws UncheckedIOException if the database cannot be read: the recording stops rather than
   *     record a paired device as unpaired
   */
  @Nullable JsonNode record(String deviceId) throws IOException {
    Path database = database();
    if (Files.exists(database)) {
      if (node == null) {
        throw new UncheckedIOException(
            new IOException(
                "the gateway keeps its pairings in "
                    + database
                    + "; give the Node it runs on (--node) to read them"));
      }
      return present(query(node, database, deviceId));
    }
    try {
      JsonNode all = JSON.readTree(Files.readString(pairedJson()));
      return present(all.get(deviceId));
    } catch (NoSuchFileException e) {
      return null; // nothing paired yet
    }
  }

  private static @Nullable JsonNode present(@Nullable JsonNode record) {
    return record == null || record.isNull() ? null : record;
  }

  private static JsonNode query(Path node, Path database, String deviceId) {
    List<String> command =
        List.of(
            node.toString(),
            "--no-warnings",
            "--input-type=module",
            "-e",
            SCRIPT,
            database.toString(),
            deviceId);
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      CompletableFuture<String> err = drain(process.getErrorStream());
      CompletableFuture<String> out = drain(process.getInputStream());
      if (!process.waitFor(READ_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "reading " + database + " with " + node + " took over " + READ_SECONDS + " s");
      }
      int status = process.exitValue();
      if (status != 0) {
        throw new IOException(
            "reading "
                + database
                + " with "
                + node
                + " failed (exit "
                + status
                + "): "
                + err.join().strip());
      }
      String printed = out.join().strip();
      try {
        return JSON.readTree(printed);
      } catch (IOException notJson) {
        throw new IOException("reading " + database + " printed no JSON: " + printed, notJson);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted reading " + database, e));
    }
  }

  /** Reads a stream to its end on a thread of its own, so that neither pipe can fill up. */
  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        task -> {
          Thread thread = new Thread(task, "pairing-store-read");
          thread.setDaemon(true);
          thread.start();
        });
  }

  private static String script() {
    try (InputStream in = PairingStore.class.getResourceAsStream("paired-device.mjs")) {
      if (in == null) {
        throw new IllegalStateException("paired-device.mjs is missing from the recorder");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

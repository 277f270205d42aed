package dev.connectpolicy.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.engine.evidence.PairedDevice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's pairing records, in memory: what was approved for each device id. Thread-safe; a
 * real gateway keeps these on disk and adds the pending requests a person approves.
 *
 * <pre>{@code
 * PairingStore pairings = new PairingStore();
 * pairings.pair(deviceId, new PairedDevice(publicKey, List.of("node"), List.of(), "linux", null, null));
 * }</pre>
 */
public final class PairingStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, PairedDevice> records = new ConcurrentHashMap<>();

  /** An empty store: no device is paired. */
  public PairingStore() {}

  /**
   * Records the approval of a device, replacing any earlier record for its id.
   *
   * @param deviceId the device id: the lowercase hex SHA-256 of its raw public key
   * @param record what was approved
   * @return this store
   */
  public PairingStore pair(String deviceId, PairedDevice record) {
    records.put(Objects.requireNonNull(deviceId, "deviceId"), Objects.requireNonNull(record));
    return this;
  }

  /**
   * Adds the records of a file: one JSON object a line, {@code {"deviceId": "...", "publicKey":
   * "...", "roles": ["node"], "scopes": [], "platform": "linux", "deviceFamily": null,
   * "deviceToken": null}}; {@code scopes}, {@code platform}, {@code deviceFamily} and {@code
   * deviceToken} may be left out. Blank lines are skipped.
   *
   * @param file the file, UTF-8
   * @return this store
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line, if a line is not such a record
   */
  public PairingStore load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode record = JSON.readTree(line);
        pair(
            text(record, "deviceId"),
            new PairedDevice(
                text(record, "publicKey"),
                texts(record, "roles"),
                texts(record, "scopes"),
                record.path("platform").textValue(),
                record.path("deviceFamily").textValue(),
                record.path("deviceToken").textValue()));
      } catch (IOException | RuntimeException malformed) {
        // the message names the field; a Jackson message could quote the line, a secret with it
        String why =
            malformed instanceof IllegalArgumentException ? ": " + malformed.getMessage() : "";
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": not a pairing record" + why);
      }
    }
    return this;
  }

  private static String text(JsonNode record, String field) {
    String value = record.path(field).textValue();
    if (value == null) {
      throw new IllegalArgumentException("`" + field + "` must be a string");
    }
    return value;
  }

  private static List<String> texts(JsonNode record, String field) {
    JsonNode values = record.path(field);
    List<String> out = new ArrayList<>();
    if (values.isMissingNode() && field.equals("scopes")) {
      return out;
    }
    if (!values.isArray()) {
      throw new IllegalArgumentException("`" + field + "` must be an array of strings");
    }
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        throw new IllegalArgumentException("`" + field + "` must be an array of strings");
      }
      out.add(value.textValue());
    }
    return out;
  }

  /**
   * Forgets a device.
   *
   * @param deviceId the device id
   * @return whether a record was removed
   */
  public boolean unpair(String deviceId) {
    return records.remove(deviceId) != null;
  }

  /**
   * Returns the record of a device.
   *
   * @param deviceId the device id the client claims
   * @return its record, or null when the device is not paired
   */
  public @Nullable PairedDevice lookup(String deviceId) {
    return records.get(deviceId);
  }
}

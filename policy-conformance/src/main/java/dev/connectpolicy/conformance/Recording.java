package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A recording: JSON lines, the first a header naming what was recorded (the gateway's product,
 * exact version and runtime, its configuration with the secrets replaced by markers, the grid),
 * then one self-describing line per attempt: {@code attempt} (the cell's name), {@code cell},
 * {@code request} (the raw request of contract section 3, as {@code admit} reads it), {@code
 * sentClient} (the {@code client} object exactly as sent), {@code storedPairing} (the pairing
 * record the gateway held before the attempt, token values replaced), {@code setupFor} (on an
 * attempt that paired a device for a later cell) and {@code answer}. A file whose name ends in
 * {@code .gz} is gzip-compressed.
 *
 * @param header the header line
 * @param attempts the attempt lines, in order
 */
record Recording(ObjectNode header, List<ObjectNode> attempts) {

  /** The {@code format} of the header line. */
  static final String FORMAT = "connect-policy-recording/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  Recording {
    attempts = List.copyOf(attempts);
  }

  /**
   * Reads a recording.
   *
   * @param file the file, gzip-compressed if its name ends in {@code .gz}
   * @return the recording
   * @throws IOException if it cannot be read, or is not a recording
   */
  static Recording read(Path file) throws IOException {
    try (InputStream in = open(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String first = reader.readLine();
      if (first == null) {
        throw new IOException(file + " is empty");
      }
      JsonNode header = JSON.readTree(first);
      if (!(header instanceof ObjectNode headerObject)
          || !FORMAT.equals(header.path("format").asText())) {
        throw new IOException(file + " does not start with a " + FORMAT + " header");
      }
      List<ObjectNode> attempts = new ArrayList<>();
      int number = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode attempt = JSON.readTree(line);
        if (!(attempt instanceof ObjectNode object) || !object.has("attempt")) {
          throw new IOException(file + " line " + number + " is not an attempt");
        }
        attempts.add(object);
      }
      return new Recording(headerObject, attempts);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  /** Writes attempt lines as they come; the header first. */
  static final class Writer implements AutoCloseable {
    private final java.io.Writer out;

    /**
     * Opens a file and writes the header.
     *
     * @param file the file, gzip-compressed if its name ends in {@code .gz}
     * @param header the header
     * @throws IOException if it cannot be written
     */
    Writer(Path file, ObjectNode header) throws IOException {
      OutputStream stream = Files.newOutputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        stream = new GZIPOutputStream(stream);
      }
      this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      write(header);
    }

    /**
     * Writes one line.
     *
     * @param line the JSON object
     */
    void write(JsonNode line) {
      try {
        out.write(line.toString());
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** The header's {@code gateway.version}, such as {@code 2026.3.13}. */
  String version() {
    return header.path("gateway").path("version").asText("");
  }

  /** The header's {@code configuration.name}, such as {@code token}. */
  String configurationName() {
    return header.path("configuration").path("name").asText("");
  }
}

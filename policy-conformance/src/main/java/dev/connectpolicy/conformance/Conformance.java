package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conformance tooling's entry points, as the command line calls them: {@link #record} a
 * gateway, {@link #conform} recordings with a policy, {@link #diff} two recordings.
 *
 * <pre>{@code
 * Conformance.Report report = Conformance.conform(
 *     "openclaw-2026.3.13", ConnectPolicies.profile("openclaw-2026.3.13"),
 *     List.of(Path.of("openclaw-2026.3.13-token.jsonl.gz")));
 * System.out.print(report.text());
 * }</pre>
 */
public final class Conformance {

  private Conformance() {}

  /**
   * A printed report and whether it found no difference.
   *
   * @param text the Markdown report
   * @param agrees true when every compared aspect of every attempt agrees
   */
  public record Report(String text, boolean agrees) {}

  /**
   * What a recording is of, for its header.
   *
   * @param product the gateway's product, such as {@code openclaw}
   * @param version its exact version, such as {@code 2026.3.13}
   * @param runtime its runtime, such as {@code node v24.22.3}
   * @param configuration the name of the gateway configuration, such as {@code token}
   */
  public record Subject(String product, String version, String runtime, String configuration) {}

  /**
   * Records a running gateway through a grid of attempts.
   *
   * @param uri the gateway's WebSocket address, on 127.0.0.1 or ::1
   * @param openclawConfig the {@code openclaw.json} the gateway runs with, which holds its secrets
   * @param stateDir the gateway's state directory, where it stores pairing records
   * @param node the Node the gateway runs on, which reads a SQLite pairing store (OpenClaw 2026.9
   *     and later); null when the gateway writes {@code devices/paired.json}
   * @param grid the grid: {@code full}, {@code credentials}, {@code control-ui} or {@code proxy}
   * @param subject what is recorded
   * @param output the recording to write, gzip-compressed if its name ends in {@code .gz}
   * @return the number of attempts recorded
   * @throws IOException if the configuration cannot be read or the recording written
   * @throws IllegalArgumentException for an unknown grid or an address off loopback
   */
  public static int record(
      URI uri,
      Path openclawConfig,
      Path stateDir,
      @Nullable Path node,
      String grid,
      Subject subject,
      Path output)
      throws IOException {
    Grid cells = Grid.named(grid);
    GatewaySetup setup = GatewaySetup.read(openclawConfig);
    Recorder recorder = new Recorder(uri, setup, new PairingStore(stateDir, node));
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    header.put("format", Recording.FORMAT);
    ObjectNode gateway = header.putObject("gateway");
    gateway.put("product", subject.product());
    gateway.put("version", subject.version());
    gateway.put("runtime", subject.runtime());
    ObjectNode configuration = header.putObject("configuration");
    configuration.put("name", subject.configuration());
    configuration.set("file", setup.configuration());
    configuration.set("gateway", setup.recorded());
    header.put("grid", grid);
    header.put("probe", "status");
    header.put("recordedAt", Instant.now().toString());
    try (Recording.Writer writer = new Recording.Writer(output, header)) {
      return recorder.record(cells.cells(), writer::write);
    }
  }

  /**
   * Replays recordings through {@code Admission.admit} with a policy.
   *
   * @param policyName the policy's name, as printed
   * @param policy the policy
   * @param recordings the recordings
   * @return the agreement on each aspect and the disagreements compacted into rows
   * @throws IOException if a recording cannot be read
   */
  public static Report conform(String policyName, ConnectPolicy policy, List<Path> recordings)
      throws IOException {
    return conform(policyName, policy, recordings, Ed25519Verifier.defaultVerifier());
  }

  /**
   * Replays recordings through {@code Admission.admit} with a policy and a verifier of device
   * signatures.
   *
   * @param policyName the policy's name, as printed
   * @param policy the policy
   * @param recordings the recordings
   * @param verifier the library that verifies device signatures
   * @return the agreement on each aspect and the disagreements compacted into rows
   * @throws IOException if a recording cannot be read
   */
  public static Report conform(
      String policyName, ConnectPolicy policy, List<Path> recordings, Ed25519Verifier verifier)
      throws IOException {
    List<Recording> read = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : recordings) {
      Recording recording = Recording.read(file);
      read.add(recording);
      names.add(describe(recording));
    }
    Replay replay = Replay.of(policyName, policy, read, verifier);
    return new Report(replay.report(String.join(", ", names)), replay.agrees());
  }

  /**
   * Compares two recordings of the same grid, attempt by attempt.
   *
   * @param base the recording before
   * @param changed the recording after
   * @return the differences, compacted into rows
   * @throws IOException if a recording cannot be read
   */
  public static Report diff(Path base, Path changed) throws IOException {
    return diff(base, changed, Ed25519Verifier.defaultVerifier());
  }

  /**
   * Compares two recordings of the same grid, attempt by attempt, deriving the rows' facts with a
   * verifier of device signatures.
   *
   * @param base the recording before
   * @param changed the recording after
   * @param verifier the library that verifies device signatures
   * @return the differences, compacted into rows
   * @throws IOException if a recording cannot be read
   */
  public static Report diff(Path base, Path changed, Ed25519Verifier verifier) throws IOException {
    Recording before = Recording.read(base);
    Recording after = Recording.read(changed);
    RecordingDiff diff = RecordingDiff.of(before, after, verifier);
    return new Report(
        diff.report(describe(before), describe(after)),
        diff.rows().isEmpty() && diff.onlyInOne().isEmpty());
  }

  /** Such as {@code openclaw 2026.3.13 (token)}. */
  static String describe(Recording recording) {
    return recording.header().path("gateway").path("product").asText("gateway")
        + " "
        + recording.version()
        + " ("
        + recording.configurationName()
        + ")";
  }
}

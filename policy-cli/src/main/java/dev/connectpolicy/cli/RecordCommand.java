package dev.connectpolicy.cli;

import dev.connectpolicy.conformance.Conformance;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code record}: drives a running gateway through a grid of connect attempts. */
@Command(
    name = "record",
    description = {
      "Record a running gateway's answers to a grid of connect attempts.",
      "",
      "Connects to the gateway on loopback once per attempt, reads connect.challenge, sends a"
          + " connect request with its own Ed25519 device keys, and writes one JSON line per"
          + " attempt: the raw request as `admit` reads it and the gateway's answer. The"
          + " gateway's secrets are read from its configuration file, never from the command"
          + " line, and appear in the recording only as markers. conformance/openclaw.sh runs"
          + " this against released OpenClaw gateways (docs/CONFORMANCE.md)."
    },
    exitCodeList = {"0:recorded", "2:a usage error, or the configuration cannot be read"})
final class RecordCommand implements Callable<Integer> {

  private final Console console;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      description = "the gateway's WebSocket address, ws://127.0.0.1:PORT/")
  URI url = URI.create("ws://127.0.0.1/");

  @Option(
      names = "--openclaw-config",
      required = true,
      paramLabel = "FILE",
      description = "the openclaw.json the gateway runs with (holds its secrets)")
  Path config = Path.of("");

  @Option(
      names = "--state-dir",
      required = true,
      paramLabel = "DIR",
      description = "the gateway's state directory, where it stores pairing records")
  Path stateDir = Path.of("");

  @Option(
      names = "--node",
      paramLabel = "FILE",
      description =
          "the Node the gateway runs on; reads its SQLite pairing store (OpenClaw 2026.9 and"
              + " later keep pairings in STATE/state/openclaw.sqlite, earlier releases in"
              + " STATE/devices/paired.json, which needs no Node)")
  @Nullable Path node;

  @Option(
      names = "--grid",
      paramLabel = "GRID",
      description = "full (default), credentials, control-ui or proxy")
  String grid = "full";

  @Option(
      names = "--gateway-version",
      required = true,
      paramLabel = "VERSION",
      description = "the gateway's exact version, for the header")
  String version = "";

  @Option(
      names = "--runtime",
      paramLabel = "TEXT",
      description = "the gateway's runtime, for the header, such as `node v24.22.3`")
  String runtime = "unknown";

  @Option(
      names = "--configuration",
      required = true,
      paramLabel = "NAME",
      description = "a name for the gateway configuration, for the header")
  String configuration = "";

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "the recording to write (gzip-compressed if it ends in .gz)")
  Path output = Path.of("");

  RecordCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException, UsageException {
    int attempts;
    try {
      attempts =
          Conformance.record(
              url,
              config,
              stateDir,
              node,
              grid,
              new Conformance.Subject("openclaw", version, runtime, configuration),
              output);
    } catch (IllegalArgumentException wrong) {
      throw new UsageException(wrong.getMessage());
    }
    console.err.println("record: " + attempts + " attempts written to " + output);
    return ExitStatus.OK;
  }
}

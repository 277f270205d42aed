package dev.connectpolicy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every committed recording of a released OpenClaw gateway against the profile that models
 * its version, and holds the measured agreement to the committed report of that version ({@code
 * docs/conformance/openclaw-VERSION.md}): the figures and every disagreement row. A profile change
 * that fixes a disagreement, or makes a new one, changes the report and fails here until the report
 * is regenerated ({@code -Dconformance.update=true}) and the change reviewed as a diff.
 */
class RecordedGatewaysTest {

  private static final Path RECORDINGS = Path.of("src/test/resources/recordings");
  private static final Path REPORTS = Path.of("../docs/conformance");

  /**
   * The profile of each recorded version: the profile named after it where there is one (2026.9.6
   * has {@code openclaw-2026.9.6}, also found as {@code openclaw-latest}).
   */
  static String profileOf(String version) {
    String named = "openclaw-" + version;
    return Profile.named(named).map(Profile::profileName).orElse("openclaw-latest");
  }

  /** The recordings by version, read once per run (each file is read whole for its header). */
  private static @Nullable Map<String, List<Path>> cachedByVersion;

  private static synchronized Map<String, List<Path>> recordingsByVersion() throws IOException {
    if (cachedByVersion == null) {
      cachedByVersion = Collections.unmodifiableMap(readRecordingsByVersion());
    }
    return cachedByVersion;
  }

  private static Map<String, List<Path>> readRecordingsByVersion() throws IOException {
    Map<String, List<Path>> byVersion = new TreeMap<>();
    try (Stream<Path> files = Files.list(RECORDINGS)) {
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().endsWith(".jsonl.gz")) {
          String version = Recording.read(file).version();
          byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(file);
        }
      }
    }
    return byVersion;
  }

  @Test
  void recordingsOfEveryModelledLineAreCommitted() throws IOException {
    assertThat(recordingsByVersion().keySet())
        .anyMatch(v -> v.startsWith("2026.3."))
        .anyMatch(v -> v.startsWith("2026.4."))
        .anyMatch(v -> v.startsWith("2026.5."))
        .contains("2026.9.6");
  }

  @TestFactory
  List<DynamicTest> eachVersionAgreesWithItsProfileExactlyAsItsReportSays() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, List<Path>> entry : recordingsByVersion().entrySet()) {
      String version = entry.getKey();
      tests.add(
          DynamicTest.dynamicTest(
              "openclaw " + version,
              () -> {
                String profile = profileOf(version);
                String report =
                    Conformance.conform(profile, ConnectPolicies.profile(profile), entry.getValue())
                        .text();
                Path expected = REPORTS.resolve("openclaw-" + version + ".md");
                if (Boolean.getBoolean("conformance.update")) {
                  Files.writeString(expected, report, StandardCharsets.UTF_8);
                }
                assertThat(expected).exists();
                assertThat(report)
                    .as(
                        "replay of openclaw %s against %s differs from %s; review the change and"
                            + " regenerate with -Dconformance.update=true",
                        version, profile, expected)
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
              }));
    }
    return tests;
  }
}

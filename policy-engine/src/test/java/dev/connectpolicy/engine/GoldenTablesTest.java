package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.engine.table.CompactTable;
import dev.connectpolicy.engine.table.DecisionTables;
import dev.connectpolicy.engine.table.TableFormat;
import dev.connectpolicy.engine.table.Tabulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden tables under {@code docs/tables/} are the audit trail: every profile's compact table
 * and the diffs of its history, each over its gateway family's fact space. This test regenerates
 * them, checks that each expands exactly to the full table, and fails with the difference when a
 * policy changed without its table.
 *
 * <p>After an intended policy change, regenerate with {@code ./mvnw -B verify
 * -Dconnectpolicy.updateGoldenTables=true} and review the table diff in the pull request.
 */
@Order(2) // walks a whole fact space
class GoldenTablesTest {

  static final Path TABLES = Path.of("..", "docs", "tables");
  private static final boolean UPDATE = Boolean.getBoolean("connectpolicy.updateGoldenTables");

  /** The diffs kept as golden files: each consecutive step of the history, and both PR forms. */
  static final List<Profile[]> DIFFS =
      List.of(
          new Profile[] {Profile.OPENCLAW_2026_3_11, Profile.OPENCLAW_2026_3_12},
          new Profile[] {Profile.OPENCLAW_2026_3_12, Profile.OPENCLAW_2026_3_13},
          new Profile[] {Profile.OPENCLAW_2026_3_13, Profile.OPENCLAW_2026_3_13_PR48285},
          new Profile[] {Profile.OPENCLAW_2026_3_13, Profile.OPENCLAW_2026_3_13_PR48285_REVIEWED},
          new Profile[] {Profile.OPENCLAW_2026_3_13, Profile.OPENCLAW_2026_4},
          new Profile[] {Profile.OPENCLAW_2026_4, Profile.OPENCLAW_2026_5},
          new Profile[] {Profile.OPENCLAW_2026_5, Profile.OPENCLAW_2026_9_6},
          new Profile[] {Profile.OPENCLAW_2026_9_6, Profile.RECOMMENDED},
          new Profile[] {Profile.MOLTIS_BEFORE_PR382, Profile.MOLTIS_PR382},
          new Profile[] {Profile.SYNTHORG_BEFORE_PR556, Profile.SYNTHORG_PR556},
          new Profile[] {Profile.MOSAIC_BEFORE_198, Profile.MOSAIC_198},
          new Profile[] {Profile.MOSAIC_198, Profile.MOSAIC_198_RATE_LIMIT});

  private static final Map<GatewayFamily, Tabulation> TABULATIONS =
      new EnumMap<>(GatewayFamily.class);

  /** OpenClaw's profiles over the standard space, tabulated once. */
  static Tabulation tabulation() {
    return tabulation(GatewayFamily.OPENCLAW);
  }

  /** A family's profiles over its space, tabulated once. */
  static Tabulation tabulation(GatewayFamily family) {
    synchronized (TABULATIONS) {
      return TABULATIONS.computeIfAbsent(
          family,
          f ->
              DecisionTables.tabulate(
                  f.space(),
                  f.profiles().stream().map(Profile::policy).toArray(ConnectPolicy[]::new)));
    }
  }

  static Path tableFile(Profile profile) {
    return TABLES.resolve(profile.profileName() + ".md");
  }

  static Path diffFile(Profile base, Profile changed) {
    return TABLES
        .resolve("diffs")
        .resolve(base.profileName() + ".." + changed.profileName() + ".md");
  }

  @TestFactory
  Stream<DynamicTest> everyProfileHasAnExactCompactGoldenTable() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      tests.add(
          DynamicTest.dynamicTest(
              profile.profileName(),
              () -> {
                Tabulation tabulation = tabulation(profile.family());
                CompactTable table = tabulation.compact(profile.policy());
                assertThat(tabulation.disagreements(table, profile.policy()))
                    .as(
                        "cells on which the compact table of %s disagrees with the policy",
                        profile.profileName())
                    .isZero();
                assertThat(table.rows().size())
                    .as("rows of %s's compact table: a page or two", profile.profileName())
                    .isLessThanOrEqualTo(120);
                check(tableFile(profile), table.toString(TableFormat.MARKDOWN));
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyStepOfTheHistoryHasAnExactGoldenDiff() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Profile[] pair : DIFFS) {
      tests.add(
          DynamicTest.dynamicTest(
              pair[0].profileName() + " -> " + pair[1].profileName(),
              () -> {
                Tabulation tabulation = tabulation(pair[0].family());
                CompactTable diff = tabulation.diff(pair[0].policy(), pair[1].policy());
                assertThat(tabulation.disagreements(diff, pair[0].policy(), pair[1].policy()))
                    .isZero();
                assertThat(diff.rows()).isNotEmpty();
                check(diffFile(pair[0], pair[1]), diff.toString(TableFormat.MARKDOWN));
              }));
    }
    return tests.stream();
  }

  @Test
  void noGoldenFileIsStale() throws IOException {
    assumeFalse(UPDATE, "golden files are being regenerated");
    Set<Path> expected = new TreeSet<>();
    for (Profile profile : Profile.values()) {
      expected.add(tableFile(profile).normalize());
    }
    for (Profile[] pair : DIFFS) {
      expected.add(diffFile(pair[0], pair[1]).normalize());
    }
    Set<Path> present;
    try (Stream<Path> files = Files.walk(TABLES)) {
      present =
          files
              .filter(file -> file.toString().endsWith(".md"))
              .filter(file -> !file.getFileName().toString().equals("README.md"))
              .map(Path::normalize)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(present).isEqualTo(expected);
  }

  private static void check(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail(golden + " is missing; regenerate with -Dconnectpolicy.updateGoldenTables=true");
    }
    String committed = Files.readString(golden, StandardCharsets.UTF_8);
    if (!committed.equals(actual)) {
      fail(
          golden
              + " no longer matches the policy; if the change is intended, regenerate with"
              + " -Dconnectpolicy.updateGoldenTables=true and review the table diff:\n"
              + lineDiff(committed, actual));
    }
  }

  /** The lines only in one of the two texts, marked - (committed) and + (regenerated). */
  static String lineDiff(String committed, String actual) {
    List<String> before = committed.lines().toList();
    List<String> after = actual.lines().toList();
    StringBuilder out = new StringBuilder();
    for (String line : before) {
      if (!after.contains(line)) {
        out.append("- ").append(line).append('\n');
      }
    }
    for (String line : after) {
      if (!before.contains(line)) {
        out.append("+ ").append(line).append('\n');
      }
    }
    return out.toString();
  }
}

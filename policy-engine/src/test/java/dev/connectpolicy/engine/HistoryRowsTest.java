package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The history index of the golden tables points at diff rows by number; each pointed row must still
 * say what the index says. A regenerated diff that moves a row breaks this test, not the reader.
 */
class HistoryRowsTest {

  private static final Pattern LINK =
      Pattern.compile("\\[[^]]*]\\((diffs/[^)]+\\.md)\\) \\| (\\d+) \\|");

  /** What each referenced row must contain, by diff file and row number. */
  private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    expect(
        "openclaw-2026.3.11..openclaw-2026.3.12.md",
        2,
        "| node |",
        "openclaw-control-ui/webchat",
        "`control-ui.bypass-any-role`",
        "**accept** node");
    expect(
        "openclaw-2026.3.11..openclaw-2026.3.12.md",
        4,
        "gateway-client/backend",
        "scopes kept",
        "scopes cleared");
    expect(
        "openclaw-2026.3.12..openclaw-2026.3.13.md",
        2,
        "openclaw-control-ui/webchat",
        "| direct_local |",
        "scopes cleared",
        "scopes kept");
    expect(
        "openclaw-2026.3.12..openclaw-2026.3.13.md",
        8,
        "| node |",
        "openclaw-control-ui/webchat",
        "**accept** node",
        "`DEVICE_IDENTITY_REQUIRED`");
    expect(
        "openclaw-2026.3.13..openclaw-2026.3.13+pr48285.md",
        1,
        "| node |",
        "node-host/node",
        "direct_local",
        "**accept** node");
    expect(
        "openclaw-2026.3.13..openclaw-2026.3.13+pr48285.md",
        3,
        "openclaw-control-ui/webchat",
        "| true | * |",
        "`device.node-loopback`",
        "**accept** node, scopes kept");
    expect(
        "openclaw-2026.3.13..openclaw-2026.3.13+pr48285.md",
        4,
        "| openclaw-control-ui/webchat |",
        "| true |",
        "scopes kept");
    expect(
        "openclaw-2026.3.13..openclaw-2026.3.13+pr48285-reviewed.md",
        1,
        "node-host/node",
        "`device.node-loopback-non-ui`");
    expect(
        "openclaw-2026.3.13..openclaw-2026.4.22.md",
        2,
        "| openclaw-tui/ui |",
        "`control-ui.trusted-proxy-operator`");
    expect(
        "openclaw-2026.3.13..openclaw-2026.4.22.md",
        23,
        "| openclaw-tui/ui |",
        "**accept** operator",
        "`CONTROL_UI_DEVICE_IDENTITY_REQUIRED`");
    expect(
        "openclaw-2026.3.13..openclaw-2026.4.22.md",
        46,
        "gateway-client/backend",
        "scopes cleared",
        "scopes kept");
    expect(
        "openclaw-2026.4.22..openclaw-2026.5.28.md",
        1,
        "gateway-client/backend",
        "| none |",
        "`DEVICE_IDENTITY_REQUIRED`",
        "`device.local-backend-operator`");
    expect(
        "openclaw-2026.4.22..openclaw-2026.5.28.md",
        14,
        "openclaw-control-ui/webchat",
        "trusted-proxy",
        "`PAIRING_REQUIRED`");
    expect(
        "openclaw-2026.4.22..openclaw-2026.5.28.md",
        7,
        "| node |",
        "node-host/node",
        "role-upgrade",
        "pairing silent-approve | reject `PAIRING_REQUIRED`");
    expect(
        "openclaw-2026.4.22..openclaw-2026.5.28.md",
        4,
        "| operator | openclaw-macos/ui | direct_local |",
        "metadata-upgrade",
        "reject `PAIRING_REQUIRED` | **accept** operator, scopes kept, pairing silent-approve");
    expect(
        "openclaw-2026.5.28..openclaw-2026.9.6.md",
        3,
        "openclaw-control-ui/webchat",
        "| direct_local |",
        "`CONTROL_UI_DEVICE_IDENTITY_REQUIRED`");
    expect(
        "openclaw-2026.5.28..openclaw-2026.9.6.md",
        61,
        "| cli/cli |",
        "scopes cleared",
        "scopes kept");
    expect(
        "openclaw-2026.5.28..openclaw-2026.9.6.md",
        327,
        "| node | gateway-client/backend |",
        "role-upgrade",
        "reject `PAIRING_REQUIRED`",
        "pairing skipped-backend");
    expect(
        "openclaw-2026.5.28..openclaw-2026.9.6.md",
        358,
        "| operator |",
        "| token, password |",
        "scope-upgrade",
        "reject `PAIRING_REQUIRED`",
        "pairing silent-approve");
    expect(
        "openclaw-2026.9.6..recommended.md",
        1,
        "gateway-client/backend",
        "scopes kept",
        "scopes cleared");
    expect(
        "openclaw-2026.9.6..recommended.md",
        2,
        "| openclaw-tui/ui |",
        "`CONTROL_UI_DEVICE_IDENTITY_REQUIRED`",
        "**accept** operator, scopes cleared");
    expect(
        "openclaw-2026.9.6..recommended.md",
        36,
        "role-upgrade",
        "silent-approve",
        "`PAIRING_REQUIRED`");
    expect(
        "openclaw-2026.9.6..recommended.md",
        38,
        "scope-upgrade",
        "| token, password |",
        "silent-approve",
        "`PAIRING_REQUIRED`");
  }

  static {
    expect(
        "moltis-before-pr382..moltis-pr382.md",
        1,
        "| node |",
        "| device-token |",
        "`upgrade.not-authenticated`, `credential.device-token`",
        "**accept** node");
    expect(
        "moltis-before-pr382..moltis-pr382.md",
        2,
        "| operator |",
        "| device-token |",
        "**accept** operator");
    expect(
        "moltis-before-pr382..moltis-pr382.md",
        5,
        "| password |",
        "reject `AUTH_NOT_AUTHENTICATED`",
        "`credential.password`");
    expect(
        "synthorg-before-pr556..synthorg-pr556.md",
        2,
        "reject `FRAMEWORK_REJECTED`",
        "**accept** operator",
        "`credential.ticket`");
    expect(
        "synthorg-before-pr556..synthorg-pr556.md",
        1,
        "| query |",
        "reject `AUTH_TICKET_INVALID`",
        "`upgrade.query-ticket`");
    expect(
        "mosaic-before-198..mosaic-198.md",
        1,
        "| token_missing | unverified |",
        "**accept** operator",
        "reject `AUTH_TOKEN_MISSING`");
    expect(
        "mosaic-before-198..mosaic-198.md",
        3,
        "| token_invalid | unverified |",
        "**accept** operator",
        "reject `AUTH_TOKEN_INVALID`");
    expect(
        "mosaic-before-198..mosaic-198.md",
        5,
        "| not-member |",
        "**accept** operator",
        "reject `WORKSPACE_ACCESS_DENIED`");
    expect(
        "mosaic-198..mosaic-198+rate-limit.md",
        3,
        "| member | 5 |",
        "**accept** operator",
        "reject `AUTH_RATE_LIMITED`");
  }

  private static void expect(String file, int row, String... fragments) {
    EXPECTED.put(file + "#" + row, Arrays.asList(fragments));
  }

  @Test
  void everyRowTheHistoryPointsAtSaysWhatTheHistorySays() throws IOException {
    String index = Files.readString(GoldenTablesTest.TABLES.resolve("README.md"));
    Matcher links = LINK.matcher(index);
    List<String> referenced = new ArrayList<>();
    while (links.find()) {
      Path file = GoldenTablesTest.TABLES.resolve(links.group(1));
      String name = file.getFileName().toString();
      int row = Integer.parseInt(links.group(2));
      referenced.add(name + "#" + row);
      String line =
          Files.readString(file)
              .lines()
              .filter(l -> l.startsWith("| " + row + " |"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " has no row " + row));
      assertThat(EXPECTED)
          .as("the index's reference to %s row %d", name, row)
          .containsKey(name + "#" + row);
      for (String fragment : EXPECTED.get(name + "#" + row)) {
        assertThat(line).as("%s row %d", name, row).contains(fragment);
      }
    }
    assertThat(referenced).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }
}

package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.engine.ConnectPolicies;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The pinned metadata of a paired device against the claim: compared as sent (every release before
 * 2026.9, and {@code recommended}), or through 2026.9's node host normalization and platform
 * aliases ({@code normalizeNodeHostCompatibilityMetadata}, {@code resolvePinnedClientMetadata}).
 */
class PinnedMetadataTest {

  private static PairedDevice pinned(@Nullable String platform, @Nullable String family) {
    return new PairedDevice("key", List.of("node"), List.of(), platform, family, null);
  }

  private static ClientInfo client(
      String id, String mode, @Nullable String platform, @Nullable String family) {
    return new ClientInfo(id, mode, "1.0.0", platform, family);
  }

  private static ClientInfo nodeHost(@Nullable String platform, @Nullable String family) {
    return client("node-host", "node", platform, family);
  }

  private static boolean exact(PairedDevice record, ClientInfo client) {
    return PinnedMetadata.differ(record, client, false);
  }

  private static boolean aliased(PairedDevice record, ClientInfo client) {
    return PinnedMetadata.differ(record, client, true);
  }

  @Test
  void aNodeHostOnLinuxWithoutAFamilyClaimsTheLinuxFamilyItsPairingStored() {
    // what the 2026.9.6 recording shows: the silent pairing stored linux/Linux, the same node host
    // connects again with platform linux and no family
    assertThat(aliased(pinned("linux", "Linux"), nodeHost("linux", null))).isFalse();
    assertThat(exact(pinned("linux", "Linux"), nodeHost("linux", null))).isTrue();
    // any other client without a family still mismatches the stored family
    assertThat(aliased(pinned("linux", "Linux"), client("cli", "cli", "linux", null))).isTrue();
    // the normalization is the node host's in node mode only
    assertThat(aliased(pinned("linux", "Linux"), client("node-host", "cli", "linux", null)))
        .isTrue();
  }

  @Test
  void aNodeHostDesktopNameIsNormalizedToItsPlatformAndFamily() {
    assertThat(aliased(pinned("macos", "Mac"), nodeHost("darwin", null))).isFalse();
    assertThat(aliased(pinned("windows", "Windows"), nodeHost("win32", ""))).isFalse();
    assertThat(aliased(pinned("macos", "Mac"), nodeHost("darwin", " mac "))).isFalse();
    // a family of its own is kept, and then differs from the pin
    assertThat(aliased(pinned("macos", "Mac"), nodeHost("darwin", "iMac"))).isTrue();
    // the desktop names are matched exactly, before any trimming or lower-casing
    assertThat(aliased(pinned("linux", "Linux"), nodeHost("Linux", null))).isTrue();
    // another platform than the pin is still another platform
    assertThat(aliased(pinned("macos", "Mac"), nodeHost("linux", null))).isTrue();
  }

  @Test
  void aNodeHostOnTheSameRuntimePlatformKeepsAPlatformPinnedUnderItsRuntimeName() {
    // a record without a family pinned as darwin: the node host claims darwin, normalized to macos
    assertThat(aliased(pinned("darwin", null), nodeHost("darwin", null))).isFalse();
    assertThat(aliased(pinned("darwin", null), nodeHost("macos", null))).isFalse();
    assertThat(exact(pinned("darwin", null), nodeHost("macos", null))).isTrue();
    assertThat(aliased(pinned("win32", null), nodeHost("linux", null))).isTrue();
  }

  @Test
  void aNodeHostOnMacOsKeepsTheMacAppsVersionedPin() {
    assertThat(aliased(pinned("macos 15.4", null), nodeHost("darwin", null))).isFalse();
    assertThat(aliased(pinned("macos 15.4.1", null), nodeHost("macos", null))).isFalse();
    assertThat(aliased(pinned("macos 15.4.1.2", null), nodeHost("macos", null))).isTrue();
    assertThat(aliased(pinned("macos 15.4", null), client("cli", "cli", "macos", null))).isTrue();
  }

  @Test
  void aRecordWithoutAFamilyPinnedUnderARuntimeNameTakesTheSpelledOutClaim() {
    // any client: pinned darwin without a family, the claim macos with the family Mac
    assertThat(aliased(pinned("darwin", null), client("cli", "cli", "macos", "Mac"))).isFalse();
    assertThat(aliased(pinned("win32", null), client("cli", "cli", "windows", "windows")))
        .isFalse();
    assertThat(aliased(pinned("darwin", null), client("cli", "cli", "macos", null))).isTrue();
    assertThat(aliased(pinned("darwin", "Mac"), client("cli", "cli", "macos", "Mac"))).isTrue();
  }

  @Test
  void aNativeAppReportingANewVersionOfItsPlatformKeepsItsPairing() {
    assertThat(aliased(pinned("iOS 18.1", null), client("openclaw-ios", "ui", "ipados 18.2", null)))
        .isFalse();
    assertThat(
            aliased(
                pinned("android 14", null), client("openclaw-android", "ui", "Android 15", null)))
        .isFalse();
    assertThat(
            aliased(
                pinned("watchos 11.1", null),
                client("openclaw-watchos", "ui", "watchos 11.2", null)))
        .isFalse();
    assertThat(
            aliased(pinned("macos 15.1", null), client("openclaw-macos", "ui", "macos 15.2", null)))
        .isFalse();
    assertThat(aliased(pinned("darwin", null), client("openclaw-macos", "ui", "macos 15.2", null)))
        .isFalse();
    assertThat(
            exact(pinned("macos 15.1", null), client("openclaw-macos", "ui", "macos 15.2", null)))
        .isTrue();
    // the version must follow the patterns; and the app is the one the family belongs to
    assertThat(aliased(pinned("macos 15.1", null), client("openclaw-macos", "ui", "macos", null)))
        .isTrue();
    assertThat(aliased(pinned("iosx", null), client("openclaw-ios", "ui", "ios 18", null)))
        .isTrue();
    assertThat(aliased(pinned("ios 18", null), client("openclaw-android", "ui", "ios 19", null)))
        .isTrue();
    // the family is never aliased
    assertThat(aliased(pinned("ios 18", "iPhone"), client("openclaw-ios", "ui", "ios 19", "iPad")))
        .isTrue();
  }

  @Test
  void bothComparisonsTrimAndLowerCaseAndIgnoreAnUnpinnedField() {
    for (boolean aliases : List.of(false, true)) {
      PairedDevice record = pinned(" Linux ", null);
      assertThat(PinnedMetadata.differ(record, client("cli", "cli", "linux", "desktop"), aliases))
          .isFalse();
      assertThat(PinnedMetadata.differ(pinned(null, null), client("cli", "cli", "x", "y"), aliases))
          .isFalse();
      assertThat(PinnedMetadata.differ(record, client("cli", "cli", "macos", null), aliases))
          .isTrue();
    }
  }

  @Test
  void onlyTheReadingOf2026_9_6ComparesThroughTheAliases() {
    assertThat(
            Admission.reading(ConnectPolicies.profile("openclaw-2026.9.6")).pinnedMetadataAliases())
        .isTrue();
    for (String name : List.of("openclaw-2026.5.28", "openclaw-2026.4.22", "recommended")) {
      assertThat(Admission.reading(ConnectPolicies.profile(name)).pinnedMetadataAliases())
          .as(name)
          .isFalse();
    }
  }
}

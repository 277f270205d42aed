package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.JsText;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether a paired device's pinned platform or device family differs from what its client claims.
 *
 * <p>Every release compares each non-blank pin with the claim, both trimmed and ASCII lower-cased.
 * OpenClaw 2026.9 ({@code dist/message-handler-*.mjs}) first normalizes a node host's desktop
 * platform ({@code normalizeNodeHostCompatibilityMetadata}) and then lets some platform claims
 * stand for the pin ({@code resolvePinnedClientMetadata}): a node host on the same runtime
 * platform, a node host on macOS against the macOS app's {@code macos N.N} pin, a record without a
 * family pinned under a runtime name ({@code darwin}, {@code win32}) that the claim now spells out
 * with its family, and a native app reporting a new version of its platform. The device family
 * never has an alias.
 */
final class PinnedMetadata {

  private PinnedMetadata() {}

  /** A desktop platform as a node host names it, and the platform and family it stands for. */
  private record Desktop(String platform, String family) {}

  private static final Map<String, Desktop> NODE_HOST_DESKTOPS =
      Map.of(
          "darwin", new Desktop("macos", "Mac"),
          "linux", new Desktop("linux", "Linux"),
          "macos", new Desktop("macos", "Mac"),
          "win32", new Desktop("windows", "Windows"),
          "windows", new Desktop("windows", "Windows"));

  /** JavaScript's {@code \s}, which the shipped patterns use. */
  private static final String JS_SPACE =
      "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

  private static final Pattern IOS = Pattern.compile("^(?:ios|ipados)(?:" + JS_SPACE + "|\\z)");
  private static final Pattern ANDROID = Pattern.compile("^android(?:" + JS_SPACE + "|\\z)");
  private static final Pattern WATCHOS = Pattern.compile("watchos [0-9]+(?:\\.[0-9]+){0,2}");
  private static final Pattern MACOS = Pattern.compile("macos [0-9]+(?:\\.[0-9]+){0,2}");

  /**
   * Compares the pins of a record with a claim.
   *
   * @param record the pairing record
   * @param client the client as sent
   * @param aliases whether 2026.9's normalization and aliases apply
   * @return true if a pinned platform or family differs: a metadata upgrade
   */
  static boolean differ(PairedDevice record, ClientInfo client, boolean aliases) {
    if (!aliases) {
      return differs(record.platform(), client.platform())
          || differs(record.deviceFamily(), client.deviceFamily());
    }
    String id = client.id();
    boolean nodeHost = id.equals("node-host") && client.mode().equals("node");
    String platform = client.platform();
    String family = client.deviceFamily();
    Desktop desktop = nodeHost && platform != null ? NODE_HOST_DESKTOPS.get(platform) : null;
    if (desktop != null) {
      String trimmed = family == null ? "" : JsText.trim(family);
      boolean otherFamily =
          !trimmed.isEmpty()
              && !trimmed
                  .toLowerCase(Locale.ROOT)
                  .equals(desktop.family().toLowerCase(Locale.ROOT));
      boolean alreadyNormal = platform.equals(desktop.platform()) && !trimmed.isEmpty();
      if (!otherFamily && !alreadyNormal) {
        platform = desktop.platform();
        family = trimmed.isEmpty() ? desktop.family() : trimmed;
      }
    }
    String claimedPlatform = JsText.normalizeMetadata(platform);
    String claimedFamily = JsText.normalizeMetadata(family);
    String pairedPlatform = JsText.normalizeMetadata(record.platform());
    String pairedFamily = JsText.normalizeMetadata(record.deviceFamily());
    boolean pinnedPlatform = !pairedPlatform.isEmpty();
    boolean pinnedFamily = !pairedFamily.isEmpty();
    RuntimeName pairedRuntime = RuntimeName.of(pairedPlatform);
    boolean runtimePin =
        nodeHost
                && pinnedPlatform
                && !claimedPlatform.isEmpty()
                && RuntimeName.of(claimedPlatform).platform().equals(pairedRuntime.platform())
            || !pinnedFamily
                && !pairedRuntime.platform().equals(pairedPlatform)
                && claimedPlatform.equals(pairedRuntime.platform())
                && claimedFamily.equals(JsText.normalizeMetadata(pairedRuntime.family()));
    boolean nodeHostOnMacAppPin =
        nodeHost
            && (claimedPlatform.equals("darwin") || claimedPlatform.equals("macos"))
            && MACOS.matcher(pairedPlatform).matches();
    String claimedNative = nativeFamily(id, claimedPlatform);
    boolean nativeVersionRefresh =
        pinnedPlatform
            && !claimedPlatform.isEmpty()
            && !claimedPlatform.equals(pairedPlatform)
            && (claimedNative != null && claimedNative.equals(nativeFamily(id, pairedPlatform))
                || id.equals("openclaw-macos")
                    && "macos".equals(claimedNative)
                    && (pairedPlatform.equals("darwin") || pairedPlatform.equals("macos")));
    boolean platformMismatch =
        pinnedPlatform
            && !claimedPlatform.equals(pairedPlatform)
            && !runtimePin
            && !nodeHostOnMacAppPin
            && !nativeVersionRefresh;
    boolean familyMismatch = pinnedFamily && !claimedFamily.equals(pairedFamily);
    return platformMismatch || familyMismatch;
  }

  private static boolean differs(@Nullable String pinned, @Nullable String claimed) {
    String pin = JsText.normalizeMetadata(pinned);
    return !pin.isEmpty() && !pin.equals(JsText.normalizeMetadata(claimed));
  }

  /** A runtime's platform name as the gateway client reports it, and its family if it has one. */
  private record RuntimeName(String platform, @Nullable String family) {

    static RuntimeName of(String platform) {
      return switch (platform) {
        case "darwin" -> new RuntimeName("macos", "Mac");
        case "win32" -> new RuntimeName("windows", "Windows");
        case "linux" -> new RuntimeName("linux", "Linux");
        default -> new RuntimeName(platform, null);
      };
    }
  }

  /** The platform family of a native app's normalized platform, or null. */
  private static @Nullable String nativeFamily(String clientId, String platform) {
    return switch (clientId) {
      case "openclaw-ios" -> IOS.matcher(platform).find() ? "ios-family" : null;
      case "openclaw-android" -> ANDROID.matcher(platform).find() ? "android" : null;
      case "openclaw-watchos" -> WATCHOS.matcher(platform).matches() ? "watchos" : null;
      case "openclaw-macos" -> MACOS.matcher(platform).matches() ? "macos" : null;
      default -> null;
    };
  }
}

package dev.connectpolicy.api;

import java.util.Locale;

/**
 * The client's declared identity: {@code client.id} and {@code client.mode} of the connect frame.
 *
 * <p>Both are claims, never proof. They are normalised as OpenClaw normalises them: surrounding
 * white space removed and ASCII letters lower-cased.
 *
 * @param id the client id, such as {@code openclaw-control-ui}, {@code cli}, {@code gateway-client}
 * @param mode the client mode, such as {@code webchat}, {@code cli}, {@code backend}, {@code node}
 */
public record Client(String id, String mode) {

  /** OpenClaw's browser Control UI. */
  public static final String CONTROL_UI = "openclaw-control-ui";

  /** OpenClaw's terminal UI, which some versions class as an operator UI. */
  public static final String TUI = "openclaw-tui";

  /** The legacy web chat UI. */
  public static final String WEBCHAT_UI = "webchat-ui";

  /** The command-line client. */
  public static final String CLI = "cli";

  /** The gateway's own client, used by backend services. */
  public static final String GATEWAY_CLIENT = "gateway-client";

  /** A node host. */
  public static final String NODE_HOST = "node-host";

  /** The macOS app. */
  public static final String MACOS_APP = "openclaw-macos";

  /** The iOS app. */
  public static final String IOS_APP = "openclaw-ios";

  /** The Android app. */
  public static final String ANDROID_APP = "openclaw-android";

  /**
   * Normalises and checks both parts.
   *
   * @param id the client id, such as {@code openclaw-control-ui}, {@code cli}, {@code
   *     gateway-client}
   * @param mode the client mode, such as {@code webchat}, {@code cli}, {@code backend}, {@code
   *     node}
   * @throws InvalidContextException if the id or the mode is null or blank
   */
  public Client {
    id = normalise("client.id", id);
    mode = normalise("client.mode", mode);
  }

  /**
   * Creates a client identity.
   *
   * @param id the client id
   * @param mode the client mode
   * @return the normalised identity
   */
  public static Client of(String id, String mode) {
    return new Client(id, mode);
  }

  private static String normalise(String field, String value) {
    String trimmed = ConnectContext.present(value, field).strip();
    if (trimmed.isEmpty()) {
      throw new InvalidContextException(field, "field `" + field + "` must not be blank");
    }
    StringBuilder lower = null;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (lower == null) {
          lower = new StringBuilder(trimmed);
        }
        lower.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return lower == null ? trimmed : lower.toString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s/%s", id, mode);
  }
}

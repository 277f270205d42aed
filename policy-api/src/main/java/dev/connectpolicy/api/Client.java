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

  // OpenClaw's classification of declared clients (reference section 1.5), shared by the rules,
  // the evidence layer and the testkit's invariants.

  /**
   * Tells whether the client claims to be the browser Control UI ({@code id ==
   * openclaw-control-ui}).
   *
   * @return whether it claims to be the browser Control UI
   */
  public boolean isBrowserControlUi() {
    return id.equals(CONTROL_UI);
  }

  /**
   * Tells whether the client claims to be an operator UI: the browser Control UI or the terminal UI
   * ({@code openclaw-tui}).
   *
   * @return whether it claims to be an operator UI
   */
  public boolean isOperatorUi() {
    return isBrowserControlUi() || id.equals(TUI);
  }

  /**
   * Tells whether the client claims to be web chat: mode {@code webchat} or id {@code webchat-ui}.
   *
   * @return whether it claims to be web chat
   */
  public boolean isWebchat() {
    return mode.equals("webchat") || id.equals(WEBCHAT_UI);
  }

  /**
   * Tells whether the client claims to be the gateway's own backend client: id {@code
   * gateway-client}, mode {@code backend}.
   *
   * @return whether it claims to be the gateway's backend
   */
  public boolean isBackend() {
    return id.equals(GATEWAY_CLIENT) && mode.equals("backend");
  }

  /**
   * Tells whether the client claims to be the command-line client: id {@code cli}, mode {@code
   * cli}.
   *
   * @return whether it claims to be the CLI
   */
  public boolean isCli() {
    return id.equals(CLI) && mode.equals("cli");
  }

  /**
   * Tells whether the client is in CLI mode, which gets CLI hints in authentication messages.
   *
   * @return whether its mode is {@code cli}
   */
  public boolean isCliMode() {
    return mode.equals("cli");
  }

  /**
   * Tells whether the client claims to be a native app UI: mode {@code ui} and the macOS, iOS or
   * Android app id.
   *
   * @return whether it claims to be a native app
   */
  public boolean isNativeAppUi() {
    return mode.equals("ui")
        && (id.equals(MACOS_APP) || id.equals(IOS_APP) || id.equals(ANDROID_APP));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s/%s", id, mode);
  }
}

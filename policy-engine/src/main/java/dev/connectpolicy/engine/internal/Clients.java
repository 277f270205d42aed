package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.OriginCheck;

/** OpenClaw's classification of declared clients (reference section 1.5). */
public final class Clients {

  private Clients() {}

  /**
   * The browser Control UI: {@code client.id == openclaw-control-ui}.
   *
   * @param client the declared client
   * @return whether it claims to be the browser Control UI
   */
  public static boolean isBrowserControlUi(Client client) {
    return client.id().equals(Client.CONTROL_UI);
  }

  /**
   * An operator UI: the browser Control UI or the terminal UI ({@code openclaw-tui}).
   *
   * @param client the declared client
   * @return whether it claims to be an operator UI
   */
  public static boolean isOperatorUi(Client client) {
    return isBrowserControlUi(client) || client.id().equals(Client.TUI);
  }

  /**
   * Web chat: mode {@code webchat} or id {@code webchat-ui}.
   *
   * @param client the declared client
   * @return whether it claims to be web chat
   */
  public static boolean isWebchat(Client client) {
    return client.mode().equals("webchat") || client.id().equals(Client.WEBCHAT_UI);
  }

  /**
   * The gateway's own backend client: id {@code gateway-client}, mode {@code backend}.
   *
   * @param client the declared client
   * @return whether it claims to be the gateway's backend
   */
  public static boolean isBackend(Client client) {
    return client.id().equals(Client.GATEWAY_CLIENT) && client.mode().equals("backend");
  }

  /**
   * The command-line client: id {@code cli}, mode {@code cli}.
   *
   * @param client the declared client
   * @return whether it claims to be the CLI
   */
  public static boolean isCliCli(Client client) {
    return client.id().equals(Client.CLI) && client.mode().equals("cli");
  }

  /**
   * Any client in CLI mode, which gets CLI hints in authentication messages.
   *
   * @param client the declared client
   * @return whether its mode is {@code cli}
   */
  public static boolean isCliMode(Client client) {
    return client.mode().equals("cli");
  }

  /**
   * A native app UI: mode {@code ui} and the macOS, iOS or Android app id.
   *
   * @param client the declared client
   * @return whether it claims to be a native app
   */
  public static boolean isNativeAppUi(Client client) {
    String id = client.id();
    return client.mode().equals("ui")
        && (id.equals(Client.MACOS_APP)
            || id.equals(Client.IOS_APP)
            || id.equals(Client.ANDROID_APP));
  }

  /**
   * Whether the upgrade request carried an Origin header.
   *
   * @param context the facts
   * @return true unless the Origin check result is {@code absent}
   */
  public static boolean hasOrigin(ConnectContext context) {
    return context.origin() != OriginCheck.ABSENT;
  }
}

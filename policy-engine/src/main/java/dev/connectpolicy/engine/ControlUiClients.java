package dev.connectpolicy.engine;

import dev.connectpolicy.api.Client;

/**
 * Which declared clients a policy treats as "the Control UI" for device, bypass, trusted-proxy and
 * pairing rules (reference section 1.5). The browser Origin check always applies to the browser
 * Control UI itself, whatever this says.
 */
enum ControlUiClients {
  /** Only the browser Control UI, {@code openclaw-control-ui} (2026.3.x, and recommended). */
  BROWSER_ONLY,
  /**
   * The browser Control UI and the terminal UI, {@code openclaw-tui} (2026.4 and later): the
   * terminal UI then inherits the Control UI's exceptions without its Origin check (CWE-290).
   */
  BROWSER_AND_TUI;

  /**
   * Tells whether a declared client counts as the Control UI.
   *
   * @param client the declared client
   * @return true if it does under this classification
   */
  public boolean matches(Client client) {
    return this == BROWSER_ONLY ? client.isBrowserControlUi() : client.isOperatorUi();
  }
}

package dev.connectpolicy.api;

import org.jspecify.annotations.Nullable;

/**
 * Something a rule establishes for the rest of the evaluation, besides letting it go on.
 *
 * <p>Later rules see the effects established so far ({@link Effects}); the accepted decision is
 * built from them.
 */
public enum Effect implements WireValue {
  /**
   * The presented device identity is disregarded from here on, as OpenClaw's break-glass {@code
   * dangerouslyDisableDeviceAuth} does for the Control UI.
   */
  IGNORE_DEVICE("ignore-device", null),
  /** The declared scopes are cleared: the connection gets no scopes. */
  CLEAR_SCOPES("clear-scopes", null),
  /** The device is paired for what it asks. */
  PAIRED("paired", PairingAction.PAIRED),
  /** Pairing is skipped for a Control UI client. */
  SKIP_PAIRING_CONTROL_UI("skip-pairing-control-ui", PairingAction.SKIPPED_CONTROL_UI),
  /** Pairing is skipped for the gateway's own local backend client. */
  SKIP_PAIRING_BACKEND("skip-pairing-backend", PairingAction.SKIPPED_BACKEND),
  /** The pairing request is approved silently. */
  SILENT_PAIRING("silent-pairing", PairingAction.SILENT_APPROVE);

  private final String wire;
  private final @Nullable PairingAction pairingAction;

  Effect(String wire, @Nullable PairingAction pairingAction) {
    this.wire = wire;
    this.pairingAction = pairingAction;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Returns the pairing action this effect stands for, if it is a pairing effect.
   *
   * @return the action, or null for effects that are not about pairing
   */
  @Nullable PairingAction pairingAction() {
    return pairingAction;
  }
}

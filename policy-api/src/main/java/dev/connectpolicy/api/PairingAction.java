package dev.connectpolicy.api;

/** What pairing did for an accepted connection. */
public enum PairingAction implements WireValue {
  /** No device identity, so no pairing took place. */
  NONE("none"),
  /** The device was already paired for what it asked. */
  PAIRED("paired"),
  /** Pairing was skipped for a Control UI client. */
  SKIPPED_CONTROL_UI("skipped-control-ui"),
  /** Pairing was skipped for the gateway's own local backend client. */
  SKIPPED_BACKEND("skipped-backend"),
  /** The pairing request was approved silently, without a person. */
  SILENT_APPROVE("silent-approve");

  private final String wire;

  PairingAction(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

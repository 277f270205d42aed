package dev.connectpolicy.api;

/**
 * How the device's pairing record compares with what it asks for (reference section 2.7).
 *
 * <p>Only meaningful when a device identity is present; without one, policies ignore it.
 */
public enum PairingState implements WireValue {
  /** Paired, and the request stays within what was approved. */
  PAIRED("paired"),
  /** No pairing record for this device and key. */
  NOT_PAIRED("not-paired"),
  /** Paired, but asking for a role that was not approved. */
  ROLE_UPGRADE("role-upgrade"),
  /** Paired, but asking for scopes beyond the approved ones. */
  SCOPE_UPGRADE("scope-upgrade"),
  /** Paired, but the pinned platform or device family changed. */
  METADATA_UPGRADE("metadata-upgrade");

  private final String wire;

  PairingState(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

package dev.connectpolicy.api;

/** The protocol error class of a rejected connect request (OpenClaw's {@code ErrorCodes}). */
public enum ErrorClass implements WireValue {
  /** The request is not acceptable as sent: role, origin, credentials, device proof. */
  INVALID_REQUEST("INVALID_REQUEST"),
  /** A device identity or its pairing approval is missing. */
  NOT_PAIRED("NOT_PAIRED"),
  /** The gateway cannot decide right now; the policy failed internally. */
  UNAVAILABLE("UNAVAILABLE");

  private final String wire;

  ErrorClass(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

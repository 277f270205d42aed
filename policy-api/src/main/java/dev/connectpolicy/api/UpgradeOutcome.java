package dev.connectpolicy.api;

/** What the decision on an HTTP upgrade request says. */
public enum UpgradeOutcome implements WireValue {
  /** The upgrade is authenticated: upgrade, and the connect phase knows who the client is. */
  ACCEPT("accept"),
  /** The upgrade proceeds unauthenticated: the connect phase decides with the connect frame. */
  DEFER("defer"),
  /** The upgrade is refused with an HTTP status: no WebSocket, no connect frame. */
  REJECT("reject");

  private final String wire;

  UpgradeOutcome(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

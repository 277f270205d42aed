package dev.connectpolicy.api;

/** The two outcomes of a decision. */
public enum Outcome implements WireValue {
  /** The connection may proceed. */
  ACCEPT("accept"),
  /** The connection must be refused. */
  REJECT("reject");

  private final String wire;

  Outcome(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

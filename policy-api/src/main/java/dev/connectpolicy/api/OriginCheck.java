package dev.connectpolicy.api;

/** The result of the browser Origin check of the upgrade request (reference section 2.3). */
public enum OriginCheck implements WireValue {
  /** The request carried no Origin header. */
  ABSENT("absent"),
  /** An Origin header was present and passed the allow-list, Host fallback or loopback rule. */
  ALLOWED("allowed"),
  /** An Origin header was present and failed the check. */
  REJECTED("rejected");

  private final String wire;

  OriginCheck(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

package dev.connectpolicy.api;

/**
 * What the gateway established about the workspace a connection asks for, in gateways whose
 * connections belong to a workspace (Mosaic Stack's {@code socket.data.workspaceId}).
 *
 * <p>Membership can only be checked for a user whose credential verified: {@link #MEMBER} and
 * {@link #NOT_MEMBER} go with a successful authentication, {@link #UNVERIFIED} with a failed or
 * missing one.
 */
public enum WorkspaceAccess implements WireValue {
  /** No workspace was named; the default, and all that OpenClaw knows. */
  NONE("none"),
  /** The verified user is a member of the workspace named. */
  MEMBER("member"),
  /** The verified user is not a member of the workspace named. */
  NOT_MEMBER("not-member"),
  /** A workspace was named, but no verified user stands behind the claim. */
  UNVERIFIED("unverified");

  private final String wire;

  WorkspaceAccess(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Tells whether a workspace was named at all.
   *
   * @return false only for {@link #NONE}
   */
  public boolean isClaimed() {
    return this != NONE;
  }
}

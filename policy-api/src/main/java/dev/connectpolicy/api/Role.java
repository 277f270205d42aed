package dev.connectpolicy.api;

import java.util.Optional;

/** The roles a gateway admits. Any other declared role is rejected as invalid. */
public enum Role implements WireValue {
  /** A person's or a program's operator session (Control UI, CLI, backend services). */
  OPERATOR("operator"),
  /** A node host that offers capabilities to the gateway. */
  NODE("node");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Parses a declared role exactly as sent.
   *
   * @param declared the role string from the connect frame
   * @return the role, or empty when the string names no admitted role
   */
  public static Optional<Role> parse(String declared) {
    return switch (declared) {
      case "operator" -> OPERATOR_ROLE;
      case "node" -> NODE_ROLE;
      default -> Optional.empty();
    };
  }

  // Shared results: parsing a role is on every evaluation's path and allocates nothing.
  private static final Optional<Role> OPERATOR_ROLE = Optional.of(OPERATOR);
  private static final Optional<Role> NODE_ROLE = Optional.of(NODE);
}

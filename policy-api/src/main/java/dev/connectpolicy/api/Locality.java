package dev.connectpolicy.api;

/**
 * How local the client is, as OpenClaw's pairing locality classes it (reference section 2.6).
 *
 * <p>{@link #DIRECT_LOCAL} is exactly a direct loopback client ({@code local = true}); the three
 * container classes describe clients that reach the gateway through a container's loopback or
 * private network with a verified shared secret.
 */
public enum Locality implements WireValue {
  /** A direct loopback client with a local-ish Host and no untrusted forwarding. */
  DIRECT_LOCAL("direct_local"),
  /** The browser Control UI reached through a container's private or loopback network. */
  BROWSER_CONTAINER_LOCAL("browser_container_local"),
  /** The command-line client reached through a container's loopback network. */
  CLI_CONTAINER_LOCAL("cli_container_local"),
  /** Any client on a loopback socket that proved the shared secret, without an Origin. */
  SHARED_SECRET_LOOPBACK_LOCAL("shared_secret_loopback_local"),
  /** Everything else. */
  REMOTE("remote");

  private final String wire;

  Locality(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

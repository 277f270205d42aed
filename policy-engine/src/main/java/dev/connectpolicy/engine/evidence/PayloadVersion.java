package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.WireValue;
import org.apiguardian.api.API;

/** Which device-auth payload a device signature verified over (reference section 4). */
@API(status = API.Status.STABLE)
public enum PayloadVersion implements WireValue {
  /** The v3 payload, which binds platform and device family. */
  V3("v3"),
  /** The v2 payload. */
  V2("v2"),
  /** No signature verified, or there was no device identity. */
  NONE("none");

  private final String wire;

  PayloadVersion(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

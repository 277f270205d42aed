package dev.connectpolicy.examples.gateway;

import dev.connectpolicy.engine.evidence.PairedDevice;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's pairing records, in memory: what was approved for each device id. Thread-safe; a
 * real gateway keeps these on disk and adds the pending requests a person approves.
 *
 * <pre>{@code
 * PairingStore pairings = new PairingStore();
 * pairings.pair(deviceId, new PairedDevice(publicKey, List.of("node"), List.of(), "linux", null, null));
 * }</pre>
 */
public final class PairingStore {

  private final Map<String, PairedDevice> records = new ConcurrentHashMap<>();

  /** An empty store: no device is paired. */
  public PairingStore() {}

  /**
   * Records the approval of a device, replacing any earlier record for its id.
   *
   * @param deviceId the device id: the lowercase hex SHA-256 of its raw public key
   * @param record what was approved
   * @return this store
   */
  public PairingStore pair(String deviceId, PairedDevice record) {
    records.put(Objects.requireNonNull(deviceId, "deviceId"), Objects.requireNonNull(record));
    return this;
  }

  /**
   * Forgets a device.
   *
   * @param deviceId the device id
   * @return whether a record was removed
   */
  public boolean unpair(String deviceId) {
    return records.remove(deviceId) != null;
  }

  /**
   * Returns the record of a device.
   *
   * @param deviceId the device id the client claims
   * @return its record, or null when the device is not paired
   */
  public @Nullable PairedDevice lookup(String deviceId) {
    return records.get(deviceId);
  }
}

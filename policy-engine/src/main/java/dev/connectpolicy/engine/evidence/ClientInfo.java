package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The {@code client} object of the connect frame: the client's declared identity and the metadata
 * its device signature binds.
 *
 * @param id {@code client.id} as sent, such as {@code node-host}; signed as sent, normalised in the
 *     facts
 * @param mode {@code client.mode} as sent, such as {@code node}
 * @param platform {@code client.platform}, or null; bound into the v3 signature and pinned by
 *     pairing
 * @param deviceFamily {@code client.deviceFamily}, or null; bound into the v3 signature and pinned
 *     by pairing
 */
@API(status = API.Status.EXPERIMENTAL)
public record ClientInfo(
    String id, String mode, @Nullable String platform, @Nullable String deviceFamily) {

  /**
   * Checks the sizes.
   *
   * @param id {@code client.id} as sent
   * @param mode {@code client.mode} as sent
   * @param platform {@code client.platform}, or null
   * @param deviceFamily {@code client.deviceFamily}, or null
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if the id or mode is
   *     blank, or a value is longer than 256 characters
   */
  public ClientInfo {
    Limits.nonBlankText("connect.client.id", id);
    Limits.nonBlankText("connect.client.mode", mode);
    if (platform != null) {
      Limits.text("connect.client.platform", platform);
    }
    if (deviceFamily != null) {
      Limits.text("connect.client.deviceFamily", deviceFamily);
    }
  }

  /**
   * A client without platform metadata.
   *
   * @param id the client id
   * @param mode the client mode
   * @return the client
   */
  public static ClientInfo of(String id, String mode) {
    return new ClientInfo(id, mode, null, null);
  }
}

package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code gateway.controlUi}: the browser Origin allow-list and the Control UI flags.
 *
 * @param allowedOrigins the Origins allowed to open the WebSocket ({@code *} allows any); compared
 *     trimmed and lower-cased
 * @param allowInsecureAuth lets a loopback Control UI connect without a device identity (in the
 *     versions that honour it)
 * @param dangerouslyDisableDeviceAuth ignores a Control UI's device identity altogether (in the
 *     versions that honour it)
 * @param dangerouslyAllowHostHeaderOriginFallback accepts an Origin whose host equals the Host
 *     header, which an attacker who controls DNS can arrange
 */
@API(status = API.Status.EXPERIMENTAL)
public record ControlUiSettings(
    List<String> allowedOrigins,
    boolean allowInsecureAuth,
    boolean dangerouslyDisableDeviceAuth,
    boolean dangerouslyAllowHostHeaderOriginFallback) {

  /** No allowed Origins, every flag off. */
  public static final ControlUiSettings DEFAULT =
      new ControlUiSettings(List.of(), false, false, false);

  /**
   * Copies the allow-list.
   *
   * @param allowedOrigins the allowed Origins
   * @param allowInsecureAuth the insecure-auth flag
   * @param dangerouslyDisableDeviceAuth the break-glass flag
   * @param dangerouslyAllowHostHeaderOriginFallback the Host fallback flag
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if the list or an entry
   *     is too long
   */
  public ControlUiSettings {
    allowedOrigins = Limits.texts("gateway.controlUi.allowedOrigins", allowedOrigins);
  }
}

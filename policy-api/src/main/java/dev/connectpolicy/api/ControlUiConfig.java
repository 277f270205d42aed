package dev.connectpolicy.api;

/**
 * The gateway's Control UI configuration flags ({@code gateway.controlUi.*}).
 *
 * @param allowInsecureAuth lets a loopback Control UI connect without a device identity (only in
 *     versions that honour the flag)
 * @param dangerouslyDisableDeviceAuth break-glass: the Control UI's device identity is ignored
 *     altogether (retired in July 2026)
 */
public record ControlUiConfig(boolean allowInsecureAuth, boolean dangerouslyDisableDeviceAuth) {

  /** Both flags off, the default. */
  public static final ControlUiConfig DEFAULT = new ControlUiConfig(false, false);
}

package dev.connectpolicy.api;

/**
 * What an authentication rejection tells the client to do next (OpenClaw's unauthorized handshake
 * details).
 *
 * @param canRetryWithDeviceToken whether one retry with the client's stored device token may
 *     succeed: the shared token mismatched, a device identity was presented, and no device token
 *     was sent
 * @param recommendedNextStep the recommended next step
 */
public record AuthAdvice(boolean canRetryWithDeviceToken, NextStep recommendedNextStep) {

  /**
   * Checks that the next step is present.
   *
   * @param canRetryWithDeviceToken whether the client may retry once with its cached device token
   * @param recommendedNextStep what the client should do next
   * @throws NullPointerException if the next step is null
   */
  public AuthAdvice {
    java.util.Objects.requireNonNull(recommendedNextStep, "recommendedNextStep");
  }
}

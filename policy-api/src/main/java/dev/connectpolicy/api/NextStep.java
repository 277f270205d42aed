package dev.connectpolicy.api;

/** What a client should do after an authentication failure ({@code recommendedNextStep}). */
public enum NextStep implements WireValue {
  /** Reconnect once with the device token the client holds for this gateway. */
  RETRY_WITH_DEVICE_TOKEN("retry_with_device_token"),
  /** Fix the gateway or client configuration: a credential is missing or not configured. */
  UPDATE_AUTH_CONFIGURATION("update_auth_configuration"),
  /** Replace the credential: it does not match. */
  UPDATE_AUTH_CREDENTIALS("update_auth_credentials"),
  /** Wait before retrying: too many failed attempts. */
  WAIT_THEN_RETRY("wait_then_retry"),
  /** Anything else: review the authentication configuration. */
  REVIEW_AUTH_CONFIGURATION("review_auth_configuration");

  private final String wire;

  NextStep(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}

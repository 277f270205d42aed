package dev.connectpolicy.engine.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** Secret comparison in constant time. */
public final class Secrets {

  private Secrets() {}

  /**
   * Compares a presented secret with the expected one, in time that depends only on the presented
   * secret's length ({@link MessageDigest#isEqual} walks its first argument whatever the second).
   *
   * @param presented what the client sent
   * @param expected what the gateway holds
   * @return true if both are present and equal
   */
  public static boolean matches(@Nullable String presented, @Nullable String expected) {
    if (presented == null || expected == null) {
      return false;
    }
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * JavaScript truthiness of an optional string: present and not empty.
   *
   * @param value the value, or null
   * @return true if it is a non-empty string
   */
  public static boolean present(@Nullable String value) {
    return value != null && !value.isEmpty();
  }
}

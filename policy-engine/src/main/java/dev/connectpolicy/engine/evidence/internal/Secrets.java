package dev.connectpolicy.engine.evidence.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** Secret comparison in constant time. */
public final class Secrets {

  private Secrets() {}

  /**
   * Compares a presented secret with the expected one as the UTF-8 bytes that were sent, in time
   * that depends only on the presented secret's length ({@link MessageDigest#isEqual} walks its
   * first argument whatever the second). A string that has no UTF-8 form (a lone surrogate, which
   * the Java API and JSON escapes can carry) matches nothing: {@link String#getBytes} would turn it
   * into {@code ?} and let {@code "tok\uD800"} equal {@code "tok?"}.
   *
   * @param presented what the client sent
   * @param expected what the gateway holds
   * @return true if both are present, encodable and equal
   */
  public static boolean matches(@Nullable String presented, @Nullable String expected) {
    if (presented == null || expected == null) {
      return false;
    }
    byte[] sent = utf8(presented);
    byte[] held = utf8(expected);
    if (sent == null || held == null) {
      return false;
    }
    return MessageDigest.isEqual(sent, held);
  }

  /** The UTF-8 bytes of {@code text}, or null if it holds a lone surrogate. */
  private static byte @Nullable [] utf8(String text) {
    try {
      ByteBuffer bytes =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException unencodable) {
      return null;
    }
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

package dev.connectpolicy.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The WebSocket close frame that ends a rejected connection.
 *
 * @param code the close status code, such as 1008 (policy violation)
 * @param reason the close reason, at most {@value #MAX_REASON_BYTES} bytes of UTF-8, never empty
 */
public record Close(int code, String reason) {

  /** The longest close reason a WebSocket close frame can carry, in UTF-8 bytes. */
  public static final int MAX_REASON_BYTES = 120;

  /** The close code for policy violations. */
  public static final int POLICY_VIOLATION = 1008;

  /** The close code for an unexpected condition on the server. */
  public static final int INTERNAL_ERROR = 1011;

  /** The reason OpenClaw sends when a reason would otherwise be empty. */
  static final String FALLBACK_REASON = "invalid handshake";

  /**
   * Checks the reason's length.
   *
   * @param code the close status code, such as 1008 (policy violation)
   * @param reason the close reason, at most {@value #MAX_REASON_BYTES} bytes of UTF-8, never empty
   * @throws IllegalArgumentException if the reason is empty or longer than {@value
   *     #MAX_REASON_BYTES} bytes of UTF-8
   */
  public Close {
    Objects.requireNonNull(reason, "reason");
    int bytes = reason.getBytes(StandardCharsets.UTF_8).length;
    if (reason.isEmpty() || bytes > MAX_REASON_BYTES) {
      throw new IllegalArgumentException(
          "close reason must be 1 to " + MAX_REASON_BYTES + " bytes of utf-8, got " + bytes);
    }
  }

  /**
   * Creates a close frame, cutting the reason to {@value #MAX_REASON_BYTES} bytes of UTF-8 on a
   * character boundary; an empty reason becomes {@code "invalid handshake"}, as OpenClaw sends.
   *
   * @param code the close status code
   * @param reason the reason, of any length
   * @return the close frame
   */
  public static Close of(int code, String reason) {
    return new Close(code, truncate(reason));
  }

  private static String truncate(String reason) {
    if (reason.isEmpty()) {
      return FALLBACK_REASON;
    }
    int bytes = 0;
    int end = 0;
    while (end < reason.length()) {
      int codePoint = reason.codePointAt(end);
      int width = utf8Width(codePoint);
      if (bytes + width > MAX_REASON_BYTES) {
        break;
      }
      bytes += width;
      end += Character.charCount(codePoint);
    }
    return reason.substring(0, end);
  }

  private static int utf8Width(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    if (codePoint < 0x10000) {
      // A lone surrogate is encoded as "?" by String.getBytes(UTF_8).
      return Character.isSurrogate((char) codePoint) ? 1 : 3;
    }
    return 4;
  }
}

package dev.connectpolicy.engine.evidence.internal;

import org.jspecify.annotations.Nullable;

/**
 * String normalisation with JavaScript's semantics, where the signed payload and the pairing record
 * depend on it byte for byte.
 */
public final class JsText {

  private JsText() {}

  /**
   * JavaScript's {@code String.prototype.trim}: removes the ECMAScript white space and line
   * terminators at both ends, which include U+00A0 and U+FEFF that {@link String#strip()} keeps.
   *
   * @param text the text
   * @return the trimmed text
   */
  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJsSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isJsSpace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case '\u000b':
      case '\f':
      case '\r':
      case ' ':
      case '\u00a0':
      case '\u1680':
      case '\u2028':
      case '\u2029':
      case '\u202f':
      case '\u205f':
      case '\u3000':
      case '\ufeff':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200a';
    }
  }

  /**
   * OpenClaw's {@code normalizeDeviceMetadataForAuth}: trimmed, ASCII letters lower-cased, other
   * characters untouched ({@code " İOS "} becomes {@code "İos"}); absent is empty.
   *
   * @param value platform or device family as claimed or pinned, or null
   * @return the normalised value
   */
  public static String normalizeMetadata(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String trimmed = trim(value);
    StringBuilder out = null;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = new StringBuilder(trimmed);
        }
        out.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return out == null ? trimmed : out.toString();
  }
}

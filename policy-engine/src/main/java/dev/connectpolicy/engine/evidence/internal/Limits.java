package dev.connectpolicy.engine.evidence.internal;

import dev.connectpolicy.api.InvalidContextException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The size bounds of a raw request, checked where the request's values are constructed. The bounds
 * are OpenClaw's connect-parameter schema limits where it has them (256 characters of text, 256
 * list entries, 8192 characters of secret, 16384 of signature), so a request that OpenClaw's schema
 * would refuse as invalid connect parameters is refused here too, as invalid input naming the
 * field. Messages never quote a value that may be secret.
 */
public final class Limits {

  /** Longest identifier, role, scope, platform, header name or user name. */
  public static final int TEXT = 256;

  /** Most entries of a list (scopes, roles, trusted proxies, allowed origins). */
  public static final int LIST = 256;

  /** Longest token, password, nonce or public key. */
  public static final int SECRET = 8_192;

  /** Longest signature text. */
  public static final int SIGNATURE = 16_384;

  /** Longest header value. */
  public static final int HEADER_VALUE = 8_192;

  /** Most headers. */
  public static final int HEADERS = 128;

  /** Largest timestamp: JavaScript's {@code Number.MAX_SAFE_INTEGER}, 2^53 - 1. */
  public static final long MAX_MILLIS = (1L << 53) - 1;

  private Limits() {}

  /**
   * Checks a short text: at most {@link #TEXT} characters.
   *
   * @param path the field's dotted path
   * @param value the text
   * @return the text
   * @throws InvalidContextException naming the field if it is too long
   */
  public static String text(String path, String value) {
    return bounded(path, value, TEXT);
  }

  /**
   * Checks a short text that must not be blank.
   *
   * @param path the field's dotted path
   * @param value the text
   * @return the text
   * @throws InvalidContextException naming the field if it is blank or too long
   */
  public static String nonBlankText(String path, String value) {
    if (value.isBlank()) {
      throw new InvalidContextException(path, "field `" + path + "` must not be blank");
    }
    return text(path, value);
  }

  /**
   * Checks a text against a bound, without quoting it.
   *
   * @param path the field's dotted path
   * @param value the text
   * @param max the most characters allowed
   * @return the text
   * @throws InvalidContextException naming the field if it is too long
   */
  public static String bounded(String path, String value, int max) {
    if (value.length() > max) {
      throw new InvalidContextException(
          path, "field `" + path + "` is longer than " + max + " characters");
    }
    return value;
  }

  /**
   * Checks a list of short texts and copies it.
   *
   * @param path the field's dotted path
   * @param values the texts
   * @return an unmodifiable copy
   * @throws InvalidContextException naming the field if the list is too long, or the entry if it is
   *     null or too long
   */
  public static List<String> texts(String path, List<String> values) {
    if (values.size() > LIST) {
      throw new InvalidContextException(
          path,
          "field `" + path + "` has " + values.size() + " entries, at most " + LIST + " allowed");
    }
    List<String> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String entryPath = path + "[" + i + "]";
      String value = values.get(i);
      if (value == null) {
        throw new InvalidContextException(
            entryPath, "field `" + entryPath + "` must be a string, not null");
      }
      copy.add(text(entryPath, value));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * Checks a time in milliseconds since the epoch: between 0 and 2^53 - 1, the integers JavaScript
   * represents exactly (a signed timestamp is printed into the payload as OpenClaw prints it).
   *
   * @param path the field's dotted path
   * @param millis the time
   * @return the time
   * @throws InvalidContextException naming the field if it is out of range
   */
  public static long epochMillis(String path, long millis) {
    if (millis < 0 || millis > MAX_MILLIS) {
      throw new InvalidContextException(
          path, "field `" + path + "` must be between 0 and " + MAX_MILLIS);
    }
    return millis;
  }
}

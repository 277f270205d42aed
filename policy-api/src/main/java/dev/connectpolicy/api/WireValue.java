package dev.connectpolicy.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value with a stable string form on the JSON wire and in decision tables.
 *
 * <p>Every enum of this package implements it; the wire strings are part of the published contract
 * and never change without a changelog entry.
 */
public interface WireValue {

  /**
   * Returns the exact string that stands for this value in JSON, tables and traces.
   *
   * @return the wire string, never blank
   */
  String wire();

  /**
   * Finds the constant of {@code type} whose wire string is {@code wire}.
   *
   * <pre>{@code
   * Optional<OriginCheck> origin = WireValue.parse(OriginCheck.class, "allowed");
   * }</pre>
   *
   * @param type the enum type
   * @param wire the wire string, compared exactly
   * @param <E> the enum type
   * @return the constant, or empty when no constant has that wire string
   */
  static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String wire) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(wire)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /**
   * Lists the wire strings of every constant of {@code type}, comma separated, in declaration
   * order; used in error messages such as "expected one of absent, allowed, rejected".
   *
   * @param type the enum type
   * @param <E> the enum type
   * @return the comma-separated wire strings
   */
  static <E extends Enum<E> & WireValue> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireValue::wire)
        .collect(Collectors.joining(", "));
  }
}

package dev.connectpolicy.api;

/**
 * Thrown when facts cannot form a {@link ConnectContext}: a required field is missing, or a value
 * contradicts the contract. The message names the field and, where it is not a secret, the value.
 */
public final class InvalidContextException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The dotted path of the offending field, such as {@code auth.reason}; empty when none. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the dotted path of the offending field, or an empty string for the whole input
   * @param message what is wrong, in lower case, without a trailing period
   */
  public InvalidContextException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * Returns the dotted path of the offending field.
   *
   * @return the path, such as {@code auth.reason}, or an empty string for the whole input
   */
  public String field() {
    return field;
  }
}

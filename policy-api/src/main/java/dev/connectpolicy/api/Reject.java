package dev.connectpolicy.api;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The connection must be refused: answer with the error and close the socket.
 *
 * @param code the stable detail code
 * @param reason the device, authentication, origin or pairing reason string, or null
 * @param message the error message sent to the client; OpenClaw's exact text where it defines one
 * @param close the close frame to send after the error response
 * @param decidedBy the id of the rule that rejected
 * @param authAdvice for authentication failures, what the client should do next; otherwise null
 * @param hint for pairing rejections in versions that send one, the remediation hint; otherwise
 *     null
 */
public record Reject(
    RejectCode code,
    @Nullable String reason,
    String message,
    Close close,
    String decidedBy,
    @Nullable AuthAdvice authAdvice,
    @Nullable String hint)
    implements Decision {

  /**
   * Checks that the required parts are present.
   *
   * @param code the detail code
   * @param reason the reason string, or null
   * @param message the error message
   * @param close the close frame
   * @param decidedBy the id of the rule that rejected
   * @param authAdvice for authentication rejections, the retry advice; otherwise null
   * @param hint for pairing rejections in versions that send one, the remediation hint; otherwise
   *     null
   * @throws NullPointerException naming the part, if a required part is null
   */
  public Reject {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }

  /**
   * A rejection without advice or hint, closing with 1008 and the message as reason.
   *
   * @param code the detail code
   * @param reason the reason string, or null
   * @param message the error message
   * @param decidedBy the id of the rule that rejected
   * @return the rejection
   */
  public static Reject of(
      RejectCode code, @Nullable String reason, String message, String decidedBy) {
    return new Reject(
        code, reason, message, Close.of(Close.POLICY_VIOLATION, message), decidedBy, null, null);
  }

  /**
   * Returns the protocol error class, which follows from the code.
   *
   * @return the error class
   */
  public ErrorClass error() {
    return code.errorClass();
  }

  @Override
  public Outcome outcome() {
    return Outcome.REJECT;
  }

  @Override
  public <T> T fold(
      Function<? super Accept, ? extends T> onAccept,
      Function<? super Reject, ? extends T> onReject) {
    return onReject.apply(this);
  }
}

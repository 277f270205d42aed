package dev.connectpolicy.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A decision with the full trace that led to it.
 *
 * @param decision the decision, equal to what evaluation without tracing returns
 * @param trace every rule consulted, in order, with its verdict
 * @param failure when a rule failed (it threw, or answered nothing) and the decision is the {@link
 *     RejectCode#INTERNAL_ERROR} rejection naming it: what it threw, or null if it answered
 *     nothing; null when no rule failed. It is for the operator's log, never sent to the client:
 *     the JSON forms of an explanation leave it out.
 */
public record Explanation(Decision decision, List<TraceEntry> trace, @Nullable Throwable failure) {

  /**
   * Copies the trace.
   *
   * @param decision the decision, equal to what evaluation without tracing returns
   * @param trace every rule consulted, in order, with its verdict
   * @param failure what a failed rule threw, or null
   */
  public Explanation {
    Objects.requireNonNull(decision, "decision");
    trace = List.copyOf(Objects.requireNonNull(trace, "trace"));
  }

  /**
   * An explanation in which no rule threw.
   *
   * @param decision the decision, equal to what evaluation without tracing returns
   * @param trace every rule consulted, in order, with its verdict
   */
  public Explanation(Decision decision, List<TraceEntry> trace) {
    this(decision, trace, null);
  }
}

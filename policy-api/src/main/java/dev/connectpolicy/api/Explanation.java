package dev.connectpolicy.api;

import java.util.List;

/**
 * A decision with the full trace that led to it.
 *
 * @param decision the decision, equal to what evaluation without tracing returns
 * @param trace every rule consulted, in order, with its verdict
 */
public record Explanation(Decision decision, List<TraceEntry> trace) {

  /**
   * Copies the trace.
   *
   * @param decision the decision, equal to what evaluation without tracing returns
   * @param trace every rule consulted, in order, with its verdict
   */
  public Explanation {
    trace = List.copyOf(trace);
  }
}

package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.ConnectContext;

/**
 * A policy written in another engine's language (Cedar, jCasbin), answering accept or reject for
 * the facts of a {@link ConnectContext}. The benchmarks prepare each engine's request ahead of time
 * and time only {@link #allows}, which favours the other engine: building its request (entities,
 * JSON, argument arrays) is left out of its time.
 *
 * @param <R> the engine's prepared request
 */
public interface ComparisonPolicy<R> {

  /**
   * Returns the engine and policy, as benchmark results name them.
   *
   * @return a short name such as {@code cedar openclaw-2026.3.13}
   */
  String name();

  /**
   * Translates the facts into the engine's request.
   *
   * @param context the facts
   * @return the request, ready to be decided any number of times
   */
  R prepare(ConnectContext context);

  /**
   * Decides a prepared request.
   *
   * @param request a request from {@link #prepare}
   * @return whether the engine allows the connection
   */
  boolean allows(R request);

  /**
   * Translates and decides.
   *
   * @param context the facts
   * @return whether the engine allows the connection
   */
  default boolean allows(ConnectContext context) {
    return allows(prepare(context));
  }
}

/**
 * The vocabulary of connect-policy: the finite facts of a connection attempt ({@link
 * dev.connectpolicy.api.ConnectContext}), the decision ({@link dev.connectpolicy.api.Decision}),
 * the one-method {@link dev.connectpolicy.api.ConnectPolicy}, the {@link
 * dev.connectpolicy.api.Rule} contract, traces, and the enumerable {@link
 * dev.connectpolicy.api.FactSpace}.
 *
 * <p>This module depends on the JDK only (JSpecify nullness annotations at compile time).
 */
module dev.connectpolicy.api {
  requires static transitive org.jspecify;

  exports dev.connectpolicy.api;
}
